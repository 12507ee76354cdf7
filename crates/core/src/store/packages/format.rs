//! The package file: what a `.pejling` file holds, and what the app is told about it.

use super::*;

// ---- the file ---------------------------------------------------------------------------------

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Package {
    pub format: String,
    pub format_version: u32,
    /// A fresh UUID per written package.
    pub package_id: String,
    /// The machine it was written on.
    pub source: String,
    /// Who wrote it (the app's current user).
    pub exported_by: String,
    /// When, UTC.
    pub exported_at: String,
    /// The package the meeting was imported from, when this is a return package.
    pub based_on: Option<String>,
    pub committee: PkgCommittee,
    pub people: Vec<PkgPerson>,
    pub meeting: PkgMeeting,
    /// Closed items left out of this package.
    pub closed_items_left_out: u32,
    pub question_sets: Vec<PkgSet>,
    pub items: Vec<PkgItem>,
    pub records: Records,
    /// What the package this meeting was imported from carried: the base of a merge.
    pub base: Option<Records>,
    /// The bilag files, each once (by SHA-256), base64. Format 2.
    #[serde(default)]
    pub files: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PkgCommittee {
    pub uuid: String,
    pub name: String,
    pub kind: CommitteeKind,
    pub description: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PkgPerson {
    pub uuid: String,
    pub name: String,
    pub party: Option<String>,
    /// The role on the committee; none for a former member with recorded attendance.
    pub role: Option<Role>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PkgMeeting {
    pub uuid: String,
    pub title: String,
    pub kind: MeetingKind,
    pub starts_at: String,
    pub ends_at: String,
    pub place: String,
    pub status: MeetingStatus,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PkgSet {
    pub set_id: String,
    pub version: u32,
    /// The meeting's frozen copy, canonical JSON.
    pub content: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PkgItem {
    pub uuid: String,
    pub title: String,
    pub openness: Openness,
    pub case_id: String,
    pub summary: String,
    pub background: String,
    pub recommendation: String,
    pub previous_decisions: String,
    pub decision: String,
    pub case_technology: String,
    pub case_problem: String,
    pub steps: Vec<PkgStep>,
    /// The item's bilag, in their order. Format 2.
    #[serde(default)]
    pub attachments: Vec<PkgAttachment>,
}

/// A bilag in a package; its file is in the package's `files` under its SHA-256.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PkgAttachment {
    pub uuid: String,
    pub title: String,
    pub document_number: String,
    pub closed: bool,
    pub file_name: String,
    pub sha256: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PkgStep {
    pub set_id: String,
    pub set_version: u32,
    pub group_id: String,
    pub question_id: String,
}

/// What was taken at the meeting.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Records {
    pub notes: Vec<PkgNote>,
    pub positions: Vec<PkgPosition>,
    pub questions: Vec<PkgQuestion>,
    pub attendance: Vec<PkgAttendance>,
    pub guests: Vec<PkgGuest>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PkgNote {
    pub item: String,
    pub set_id: String,
    pub question_id: String,
    pub text: String,
    pub updated_at: String,
    /// Who last wrote it there (from that machine's audit log), if known.
    #[serde(default)]
    pub by: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PkgPosition {
    pub item: String,
    pub set_id: String,
    pub question_id: String,
    pub person: String,
    pub value: Option<u8>,
    pub skip_reason: Option<String>,
    pub updated_at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PkgQuestion {
    pub uuid: String,
    pub item: String,
    pub set_id: String,
    pub question_id: String,
    pub text: String,
    pub asked_by: Option<String>,
    pub updated_at: String,
    /// Who last wrote it there, if known.
    #[serde(default)]
    pub by: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PkgAttendance {
    pub person: String,
    pub status: Attendance,
    pub updated_at: String,
    /// Who recorded it there, if known.
    #[serde(default)]
    pub by: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PkgGuest {
    pub name: String,
    pub affiliation: String,
}

// ---- what the app sees ------------------------------------------------------------------------

/// A package imported: the new meeting.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
pub struct PackageImported {
    pub meeting_id: Id,
    pub committee_id: Id,
    pub title: String,
    pub item_count: u32,
    pub closed_items_left_out: u32,
}

/// What a merge would be about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum MergeEntity {
    Note,
    Position,
    Question,
    Attendance,
    /// A bilag added there.
    Attachment,
}

/// How a conflict is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    /// Keep this machine's value.
    Mine,
    /// Take the package's value.
    Theirs,
    /// Keep both (texts only): mine, then theirs.
    Both,
}

impl Resolution {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "mine" => Some(Resolution::Mine),
            "theirs" => Some(Resolution::Theirs),
            "both" => Some(Resolution::Both),
            _ => None,
        }
    }
}

/// One change in a package, against this machine's meeting.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
pub struct MergeChange {
    /// Stable key of the thing changed, used to resolve a conflict.
    pub key: String,
    pub entity: MergeEntity,
    /// The agenda item's number and title, if any.
    pub item: Option<String>,
    /// The question's id in its set, if any.
    pub question_id: Option<String>,
    /// The person concerned (position, attendance, who asked).
    pub person: Option<String>,
    /// The value here (empty when none), shown as text.
    pub mine: String,
    /// The value in the package (empty when none).
    pub theirs: String,
    /// When it was changed there.
    pub changed_at: String,
    /// Who changed it there (the package's author when that machine did not record it).
    pub changed_by: String,
    /// The resolutions this conflict allows (empty for a change applied as is).
    pub choices: Vec<Resolution>,
}

/// Everything a merge would do, before it is done.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
pub struct MergePreview {
    pub meeting_id: Id,
    pub meeting_title: String,
    pub source: String,
    pub exported_by: String,
    pub exported_at: String,
    /// Changed there only: applied as they are.
    pub changes: Vec<MergeChange>,
    /// Changed on both sides: each needs a resolution.
    pub conflicts: Vec<MergeChange>,
}

#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
pub struct ConflictChoice {
    pub key: String,
    pub resolution: Resolution,
}

/// A merge done.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
pub struct MergeOutcome {
    pub merge_id: Id,
    pub meeting_id: Id,
    pub applied: u32,
    pub conflicts_resolved: u32,
}
