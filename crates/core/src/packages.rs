//! Meeting packages (`.pejling` files): a prepared meeting carried to another machine, and
//! what was taken there carried back and merged into the original.
//!
//! Why it is built this way:
//!
//! * **One versioned JSON document.** A package is small (an agenda, a few question sets,
//!   notes), so plain JSON is enough: readable in a bug report, no zip to unpack. Its header
//!   names it (`"format": "pejling-meeting-package"`) and carries a format version; anything
//!   else — another JSON file, random bytes, a package from a newer Pejling, a file over
//!   [`MAX_PACKAGE_BYTES`] — is refused with a Danish message before anything is written. A
//!   package is hostile input: every text is bounded as in the app, every reference must
//!   resolve inside the package, and the whole import is one transaction, so a refused
//!   package writes nothing.
//! * **Stable identity.** Row ids differ between databases, so committees, people, meetings,
//!   agenda items and follow-up items carry a UUID (schema 8). Steps are already known by
//!   (agenda item, set, question) everywhere.
//! * **Import** creates the meeting (with the same UUIDs), finds its committee and people by
//!   UUID or creates them, and keeps what the package had recorded (`package_import`): the
//!   base of a later merge. A meeting that is already here is refused: merge instead.
//! * **Return package.** Exporting a meeting that came from a package writes a package whose
//!   `base` holds what the package carried, so the machine it returns to can tell "changed
//!   there" from "changed here" (a three-way merge) without having kept anything itself.
//! * **Merge.** Notes, positions, questions to the administration and attendance are merged.
//!   A change made only there is applied; a change made on both sides to different values is
//!   a conflict, listed and resolved by the user (keep mine / take theirs / keep both for
//!   texts) — a merge with an unresolved conflict is refused, so nothing is ever silently
//!   dropped. Every applied change is attributed twice: the audit log records it under
//!   "who there, via the package from which machine, merged by whom", and `package_merge`
//!   keeps the list of changes and resolutions with the author and time from the package.
//!   Approved (locked) minutes refuse a merge.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::domain::*;
use crate::error::{Error, Message, Result};
use crate::question_sets;
use crate::store::Db;
use crate::validate::{self, MAX_SHORT, MAX_TITLE};

/// The header word that names a file a Pejling meeting package.
pub const FORMAT: &str = "pejling-meeting-package";
/// The package format this build writes and the newest it reads. Version 2 carries bilag
/// (`files`, and each item's `attachments`); version 1 packages are read as before.
pub const FORMAT_VERSION: u32 = 2;
/// The largest package read: a meeting with its bilag (base64, each file once) — a few tens of
/// MB for a real meeting — and low enough that a hostile file cannot exhaust memory.
pub const MAX_PACKAGE_BYTES: usize = 256 * 1024 * 1024;
/// The most bilag files one package may carry.
const MAX_FILES: usize = 2_000;
/// Bounds on what one package may carry.
const MAX_SETS: usize = 50;
const MAX_STEPS_PER_ITEM: usize = 500;
const MAX_ROWS: usize = 100_000;

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

// ---- helpers ----------------------------------------------------------------------------------

/// A file over [`MAX_PACKAGE_BYTES`], refused before it is read.
pub fn too_large() -> Error {
    Error::Validation(Message::new("error-package-too-large").arg("max_mb", MAX_PACKAGE_BYTES / (1024 * 1024)))
}

fn damaged(detail: impl ToString) -> Error {
    Error::Validation(Message::new("error-package-damaged").arg("detail", detail))
}

fn damaged_at(line: usize, detail: impl ToString) -> Error {
    Error::Validation(Message::new("error-package-damaged-line").arg("line", line).arg("detail", detail))
}

/// A random UUID, version 4.
pub(crate) fn new_uuid() -> String {
    let mut b = [0u8; 16];
    getrandom::fill(&mut b).expect("the OS has randomness");
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &h[0..8], &h[8..12], &h[12..16], &h[16..20], &h[20..32])
}

fn is_uuid(s: &str) -> bool {
    s.len() == 36
        && s.char_indices().all(|(i, c)| if [8, 13, 18, 23].contains(&i) { c == '-' } else { c.is_ascii_hexdigit() })
}

fn check_uuid(s: &str) -> Result<()> {
    if is_uuid(s) {
        Ok(())
    } else {
        Err(damaged(format!("ugyldigt id {:?}", s.chars().take(40).collect::<String>())))
    }
}

fn machine_name() -> String {
    std::env::var("HOSTNAME")
        .ok()
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
        .map(|s| s.trim().chars().take(MAX_SHORT).collect::<String>())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "ukendt maskine".into())
}

fn name_key(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

fn step_key(item: &str, set_id: &str, question_id: &str) -> String {
    format!("{item}/{set_id}/{question_id}")
}

fn position_text(value: Option<u8>, reason: Option<&str>) -> String {
    match (value, reason) {
        (Some(v), _) => v.to_string(),
        (None, Some(r)) => format!("— {r}"),
        (None, None) => String::new(),
    }
}

// ---- reading a package ------------------------------------------------------------------------

/// Parse and check a package's text: its header first, then its structure and bounds.
pub fn parse(bytes: &[u8]) -> Result<Package> {
    if bytes.len() > MAX_PACKAGE_BYTES {
        return Err(too_large());
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()].iter().filter(|b| **b == b'\n').count() + 1;
        damaged_at(line, "ikke UTF-8")
    })?;
    // The header first: a file that is not a package at all says so, not where JSON broke.
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        if text.trim_start().starts_with('{') && text.contains(FORMAT) {
            damaged_at(e.line().max(1), e)
        } else {
            Error::Validation(Message::new("error-package-not-a-package"))
        }
    })?;
    let format = value.get("format").and_then(|v| v.as_str());
    if format != Some(FORMAT) {
        return Err(Error::Validation(Message::new("error-package-not-a-package")));
    }
    match value.get("format_version").and_then(|v| v.as_u64()) {
        Some(v) if (1..=u64::from(FORMAT_VERSION)).contains(&v) => {}
        Some(v) if v > u64::from(FORMAT_VERSION) => {
            return Err(Error::Validation(
                Message::new("error-package-too-new").arg("found", v).arg("supported", FORMAT_VERSION),
            ))
        }
        _ => return Err(damaged("format_version")),
    }
    let mut package: Package = serde_json::from_str(text).map_err(|e| damaged_at(e.line().max(1), e))?;
    normalise(&mut package);
    check(&package)?;
    Ok(package)
}

/// Names that say who did something are used trimmed, and checked as they are used: a name
/// padded with spaces must not pass the length check and then be cut off where it is used.
/// A blank one is no name.
fn normalise(p: &mut Package) {
    fn name(by: &mut Option<String>) {
        *by = by.as_deref().map(str::trim).filter(|b| !b.is_empty()).map(str::to_owned);
    }
    p.source = p.source.trim().to_owned();
    p.exported_by = p.exported_by.trim().to_owned();
    p.records.notes.iter_mut().for_each(|n| name(&mut n.by));
    p.records.questions.iter_mut().for_each(|q| name(&mut q.by));
    p.records.attendance.iter_mut().for_each(|a| name(&mut a.by));
}

/// Each bilag names a file the package carries (checked against its SHA-256 when it is
/// stored), within the size limit, with a type Pejling takes.
fn check_attachments(p: &Package) -> Result<()> {
    if p.files.len() > MAX_FILES {
        return Err(damaged("for mange bilag"));
    }
    for (sha, b64) in &p.files {
        if !crate::store::blobs::is_sha256(sha) || b64.len() as u64 / 4 * 3 > crate::bilag::MAX_BYTES + 3 {
            return Err(damaged(format!("bilagsfil {}", &sha[..sha.len().min(12)])));
        }
    }
    for item in &p.items {
        if item.attachments.len() as i64 > crate::bilag::MAX_PER_ITEM {
            return Err(damaged("for mange bilag på et punkt"));
        }
        let mut seen = BTreeSet::new();
        for a in &item.attachments {
            check_uuid(&a.uuid)?;
            if !seen.insert(a.uuid.as_str()) || !p.files.contains_key(&a.sha256) {
                return Err(damaged(format!("bilag {}", a.uuid)));
            }
            validate::required(&a.title, "title", 300)?;
            validate::optional(&a.document_number, "document_number", 100)?;
            validate::required(&a.file_name, "file_name", 255)?;
        }
    }
    Ok(())
}

/// Store a package's bilag files in the workspace's blob store; each must match its SHA-256
/// and be a type Pejling takes under its file name. Returns their media types by SHA-256.
fn store_files(db: &Db, p: &Package, wanted: &BTreeSet<&str>) -> Result<HashMap<String, crate::bilag::MediaType>> {
    use base64::Engine;
    let mut types = HashMap::new();
    for item in &p.items {
        for a in &item.attachments {
            if !wanted.contains(a.sha256.as_str()) || types.contains_key(&a.sha256) {
                continue;
            }
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(p.files[&a.sha256].as_bytes())
                .map_err(|_| damaged(format!("bilag {}", a.uuid)))?;
            let media_type = crate::bilag::check_type(&a.file_name, &bytes)?;
            let sha = db.blobs().put(&bytes)?;
            if sha != a.sha256 {
                return Err(damaged(format!("bilag {}: SHA-256", a.uuid)));
            }
            types.insert(sha, media_type);
        }
    }
    Ok(types)
}

fn insert_attachment(
    tx: &Connection,
    item_id: Id,
    a: &PkgAttachment,
    media_type: crate::bilag::MediaType,
    bytes: i64,
) -> Result<()> {
    use crate::bilag::{MediaType, TextState};
    let state = match media_type {
        MediaType::Pdf | MediaType::Docx => TextState::Pending,
        _ => TextState::NotExtracted,
    };
    tx.execute(
        "INSERT INTO attachment (agenda_item_id, position, title, document_number, closed, file_name, media_type,
             sha256, bytes, uuid, text_state)
         VALUES (?1, (SELECT coalesce(max(position) + 1, 0) FROM attachment WHERE agenda_item_id = ?1),
             ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            item_id,
            a.title.trim(),
            a.document_number.trim(),
            a.closed,
            crate::bilag::clean_file_name(&a.file_name),
            media_type,
            a.sha256,
            bytes,
            a.uuid,
            state
        ],
    )?;
    Ok(())
}

/// Bounds and references inside the package.
fn check(p: &Package) -> Result<()> {
    check_uuid(&p.package_id)?;
    if let Some(b) = &p.based_on {
        check_uuid(b)?;
    }
    validate::optional(&p.source, "source", MAX_SHORT)?;
    validate::optional(&p.exported_by, "exported_by", MAX_TITLE)?;
    validate::optional(&p.exported_at, "exported_at", MAX_SHORT)?;
    check_uuid(&p.committee.uuid)?;
    validate::required(&p.committee.name, "name", MAX_TITLE)?;
    validate::text(&p.committee.description, "description")?;
    check_uuid(&p.meeting.uuid)?;
    validate::required(&p.meeting.title, "title", MAX_TITLE)?;
    validate::optional(&p.meeting.place, "place", MAX_SHORT)?;
    let starts = validate::local_time(&p.meeting.starts_at, "starts_at")?;
    let ends = validate::local_time(&p.meeting.ends_at, "ends_at")?;
    validate::time_order(&starts, &ends)?;
    if p.meeting.status.is_locked() {
        return Err(damaged("godkendt referat"));
    }
    if p.people.len() > validate::MAX_MEMBERS_PER_COMMITTEE as usize {
        return Err(damaged("for mange personer"));
    }
    let mut people = BTreeSet::new();
    for person in &p.people {
        check_uuid(&person.uuid)?;
        validate::required(&person.name, "name", MAX_TITLE)?;
        validate::optional(person.party.as_deref().unwrap_or(""), "party", MAX_SHORT)?;
        if !people.insert(person.uuid.as_str()) {
            return Err(damaged("en person to gange"));
        }
    }
    if p.question_sets.len() > MAX_SETS {
        return Err(damaged("for mange spørgsmålssæt"));
    }
    check_attachments(p)?;
    let mut sets: HashMap<(&str, u32), QuestionSet> = HashMap::new();
    for s in &p.question_sets {
        validate::required(&s.set_id, "set_id", MAX_SHORT)?;
        validate::text(&s.content, "content")?;
        let set = question_sets::from_json(&s.content).map_err(|_| damaged("spørgsmålssæt"))?;
        if set.id != s.set_id || set.version != s.version {
            return Err(damaged("spørgsmålssæt"));
        }
        if sets.insert((s.set_id.as_str(), s.version), set).is_some() {
            return Err(damaged("et spørgsmålssæt to gange"));
        }
    }
    if p.items.len() > validate::MAX_ITEMS_PER_MEETING as usize {
        return Err(damaged("for mange punkter"));
    }
    // Steps of each item, and which are continuum steps.
    let mut steps: HashMap<String, bool> = HashMap::new();
    let mut items = BTreeSet::new();
    for item in &p.items {
        check_uuid(&item.uuid)?;
        if !items.insert(item.uuid.as_str()) {
            return Err(damaged("et punkt to gange"));
        }
        validate::required(&item.title, "title", MAX_TITLE)?;
        validate::optional(&item.case_id, "case_id", MAX_SHORT)?;
        for t in [
            &item.summary,
            &item.background,
            &item.recommendation,
            &item.previous_decisions,
            &item.decision,
            &item.case_technology,
            &item.case_problem,
        ] {
            validate::text(t, "text")?;
        }
        if item.steps.len() > MAX_STEPS_PER_ITEM {
            return Err(damaged("for mange trin"));
        }
        let mut versions: HashMap<&str, u32> = HashMap::new();
        for s in &item.steps {
            let set = sets.get(&(s.set_id.as_str(), s.set_version)).ok_or_else(|| damaged("ukendt spørgsmålssæt"))?;
            if *versions.entry(&s.set_id).or_insert(s.set_version) != s.set_version {
                return Err(damaged("to versioner af et spørgsmålssæt"));
            }
            let found = set
                .groups
                .iter()
                .find(|g| g.id == s.group_id)
                .is_some_and(|g| g.questions.iter().any(|q| q.id == s.question_id));
            if !found {
                return Err(damaged("ukendt spørgsmål"));
            }
            let key = step_key(&item.uuid, &s.set_id, &s.question_id);
            if steps.insert(key, set.kind == QuestionSetKind::Continuum).is_some() {
                return Err(damaged("et trin to gange"));
            }
        }
    }
    check_records(&p.records, &steps, &people)?;
    if let Some(base) = &p.base {
        // The base may name steps and people the package no longer has; only its bounds matter.
        check_record_bounds(base)?;
    }
    Ok(())
}

fn check_record_bounds(r: &Records) -> Result<()> {
    if r.notes.len() + r.positions.len() + r.questions.len() + r.attendance.len() + r.guests.len() > MAX_ROWS
        || r.guests.len() > validate::MAX_GUESTS_PER_MEETING as usize
    {
        return Err(damaged("for mange poster"));
    }
    for n in &r.notes {
        validate::text(&n.text, "text")?;
        validate::optional(n.by.as_deref().unwrap_or(""), "by", MAX_TITLE)?;
        validate::optional(&n.updated_at, "updated_at", MAX_SHORT)?;
    }
    for q in &r.questions {
        check_uuid(&q.uuid)?;
        validate::text(&q.text, "text")?;
        validate::optional(q.by.as_deref().unwrap_or(""), "by", MAX_TITLE)?;
        validate::optional(&q.updated_at, "updated_at", MAX_SHORT)?;
    }
    for p in &r.positions {
        if p.value.is_some_and(|v| v > 100) || p.value.is_some() == p.skip_reason.is_some() {
            return Err(damaged("ugyldig placering"));
        }
        validate::optional(p.skip_reason.as_deref().unwrap_or(""), "reason", MAX_TITLE)?;
        validate::optional(&p.updated_at, "updated_at", MAX_SHORT)?;
    }
    for a in &r.attendance {
        validate::optional(&a.updated_at, "updated_at", MAX_SHORT)?;
        validate::optional(a.by.as_deref().unwrap_or(""), "by", MAX_TITLE)?;
    }
    for g in &r.guests {
        validate::required(&g.name, "name", MAX_TITLE)?;
        validate::optional(&g.affiliation, "affiliation", MAX_TITLE)?;
    }
    Ok(())
}

fn check_records(r: &Records, steps: &HashMap<String, bool>, people: &BTreeSet<&str>) -> Result<()> {
    check_record_bounds(r)?;
    let step = |item: &str, set: &str, q: &str| steps.get(&step_key(item, set, q)).copied();
    let mut seen = BTreeSet::new();
    for n in &r.notes {
        if step(&n.item, &n.set_id, &n.question_id).is_none()
            || !seen.insert(step_key(&n.item, &n.set_id, &n.question_id))
        {
            return Err(damaged("notat uden trin"));
        }
    }
    let mut seen = BTreeSet::new();
    for p in &r.positions {
        if step(&p.item, &p.set_id, &p.question_id) != Some(true)
            || !people.contains(p.person.as_str())
            || !seen.insert((step_key(&p.item, &p.set_id, &p.question_id), p.person.as_str()))
        {
            return Err(damaged("placering uden trin eller person"));
        }
    }
    let mut seen = BTreeSet::new();
    for q in &r.questions {
        if step(&q.item, &q.set_id, &q.question_id).is_none()
            || q.text.trim().is_empty()
            || q.asked_by.as_deref().is_some_and(|a| !people.contains(a))
            || !seen.insert(q.uuid.as_str())
        {
            return Err(damaged("spørgsmål til forvaltningen"));
        }
    }
    let mut seen = BTreeSet::new();
    for a in &r.attendance {
        if !people.contains(a.person.as_str()) || !seen.insert(a.person.as_str()) {
            return Err(damaged("fremmøde"));
        }
    }
    Ok(())
}

// ---- export -----------------------------------------------------------------------------------

fn read_records(conn: &Connection, meeting_id: Id, include_closed: bool) -> Result<Records> {
    let closed = if include_closed { "" } else { " AND a.openness = 'open'" };
    let mut r = Records::default();
    let mut stmt = conn.prepare(&format!(
        "SELECT a.uuid, n.set_id, n.question_id, n.text, n.updated_at,
                (SELECT coalesce(l.author, l.actor) FROM audit_log l WHERE l.meeting_id = a.meeting_id AND l.entity = 'step_note'
                 AND l.entity_id = n.id ORDER BY l.id DESC LIMIT 1)
         FROM step_note n
         JOIN agenda_item a ON a.id = n.agenda_item_id WHERE a.meeting_id = ?1{closed} ORDER BY a.position, n.id"
    ))?;
    r.notes = stmt
        .query_map([meeting_id], |x| {
            Ok(PkgNote {
                item: x.get(0)?,
                set_id: x.get(1)?,
                question_id: x.get(2)?,
                text: x.get(3)?,
                updated_at: x.get(4)?,
                by: x.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare(&format!(
        "SELECT a.uuid, c.set_id, c.question_id, p.uuid, c.value, c.skip_reason, c.updated_at FROM continuum_position c
         JOIN agenda_item a ON a.id = c.agenda_item_id JOIN person p ON p.id = c.person_id
         WHERE a.meeting_id = ?1{closed} ORDER BY a.position, c.set_id, c.question_id, p.uuid"
    ))?;
    r.positions = stmt
        .query_map([meeting_id], |x| {
            Ok(PkgPosition {
                item: x.get(0)?,
                set_id: x.get(1)?,
                question_id: x.get(2)?,
                person: x.get(3)?,
                value: x.get(4)?,
                skip_reason: x.get(5)?,
                updated_at: x.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare(&format!(
        "SELECT f.uuid, a.uuid, f.set_id, f.question_id, f.text, p.uuid, f.updated_at,
                (SELECT coalesce(l.author, l.actor) FROM audit_log l WHERE l.meeting_id = f.meeting_id AND l.entity = 'follow_up'
                 AND l.entity_id = f.id ORDER BY l.id DESC LIMIT 1)
         FROM follow_up f
         JOIN agenda_item a ON a.id = f.agenda_item_id LEFT JOIN person p ON p.id = f.asked_by
         WHERE f.meeting_id = ?1 AND f.origin = 'question'{closed} ORDER BY a.position, f.id"
    ))?;
    r.questions = stmt
        .query_map([meeting_id], |x| {
            Ok(PkgQuestion {
                uuid: x.get(0)?,
                item: x.get(1)?,
                set_id: x.get(2)?,
                question_id: x.get(3)?,
                text: x.get(4)?,
                asked_by: x.get(5)?,
                updated_at: x.get(6)?,
                by: x.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare(
        "SELECT p.uuid, t.status, t.updated_at,
                (SELECT coalesce(l.author, l.actor) FROM audit_log l WHERE l.meeting_id = t.meeting_id AND l.entity = 'attendance'
                 AND l.entity_id = t.person_id ORDER BY l.id DESC LIMIT 1)
         FROM attendance t JOIN person p ON p.id = t.person_id
         WHERE t.meeting_id = ?1 ORDER BY p.uuid",
    )?;
    r.attendance = stmt
        .query_map([meeting_id], |x| {
            Ok(PkgAttendance { person: x.get(0)?, status: x.get(1)?, updated_at: x.get(2)?, by: x.get(3)? })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare("SELECT name, affiliation FROM meeting_guest WHERE meeting_id = ?1 ORDER BY id")?;
    r.guests = stmt
        .query_map([meeting_id], |x| Ok(PkgGuest { name: x.get(0)?, affiliation: x.get(1)? }))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(r)
}

fn meeting_uuid_row(conn: &Connection, uuid: &str) -> Result<Option<(Id, Id, String, MeetingStatus)>> {
    Ok(conn
        .query_row("SELECT id, committee_id, title, status FROM meeting WHERE uuid = ?1", [uuid], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .optional()?)
}

impl Db {
    /// The meeting as a package: agenda (open items only unless `include_closed`), the frozen
    /// question sets its walks use, the committee's people and what was recorded. A meeting
    /// that came from a package carries that package's records as its `base`, so it can be
    /// merged back where it came from.
    pub fn export_package(&self, meeting_id: Id, include_closed: bool) -> Result<Package> {
        let conn = self.connection();
        let m = crate::store::meeting(conn, meeting_id)?;
        if m.status.is_locked() {
            return Err(Error::Locked(Message::new("error-package-meeting-locked").arg("title", &m.title)));
        }
        let (meeting_uuid,): (String,) =
            conn.query_row("SELECT uuid FROM meeting WHERE id = ?1", [meeting_id], |r| Ok((r.get(0)?,)))?;
        let committee = conn.query_row(
            "SELECT uuid, name, kind, description FROM committee WHERE id = ?1",
            [m.committee_id],
            |r| Ok(PkgCommittee { uuid: r.get(0)?, name: r.get(1)?, kind: r.get(2)?, description: r.get(3)? }),
        )?;
        let mut stmt = conn.prepare(
            "SELECT p.uuid, p.name, p.party, ms.role FROM person p
             LEFT JOIN membership ms ON ms.person_id = p.id AND ms.committee_id = ?2
             WHERE ms.person_id IS NOT NULL OR p.id IN (SELECT person_id FROM attendance WHERE meeting_id = ?1)
             ORDER BY p.name, p.uuid",
        )?;
        let people = stmt
            .query_map([meeting_id, m.committee_id], |r| {
                Ok(PkgPerson { uuid: r.get(0)?, name: r.get(1)?, party: r.get(2)?, role: r.get(3)? })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let closed_items_left_out: u32 = if include_closed {
            0
        } else {
            conn.query_row(
                "SELECT count(*) FROM agenda_item WHERE meeting_id = ?1 AND openness = 'closed'",
                [meeting_id],
                |r| r.get(0),
            )?
        };
        let closed = if include_closed { "" } else { " AND a.openness = 'open'" };
        let mut stmt = conn.prepare(&format!(
            "SELECT a.id, a.uuid, a.title, a.openness, a.case_id, a.summary, a.background, a.recommendation,
                    a.previous_decisions, a.decision, coalesce(w.case_technology, ''), coalesce(w.case_problem, '')
             FROM agenda_item a LEFT JOIN walk_plan w ON w.agenda_item_id = a.id
             WHERE a.meeting_id = ?1{closed} ORDER BY a.position"
        ))?;
        let mut items = stmt
            .query_map([meeting_id], |r| {
                Ok((
                    r.get::<_, Id>(0)?,
                    PkgItem {
                        uuid: r.get(1)?,
                        title: r.get(2)?,
                        openness: r.get(3)?,
                        case_id: r.get(4)?,
                        summary: r.get(5)?,
                        background: r.get(6)?,
                        recommendation: r.get(7)?,
                        previous_decisions: r.get(8)?,
                        decision: r.get(9)?,
                        case_technology: r.get(10)?,
                        case_problem: r.get(11)?,
                        steps: Vec::new(),
                        attachments: Vec::new(),
                    },
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut used: BTreeSet<(String, u32)> = BTreeSet::new();
        let mut stmt = conn.prepare(
            "SELECT set_id, set_version, group_id, question_id FROM walk_step WHERE agenda_item_id = ?1 ORDER BY step",
        )?;
        for (id, item) in &mut items {
            item.steps = stmt
                .query_map([*id], |r| {
                    Ok(PkgStep {
                        set_id: r.get(0)?,
                        set_version: r.get(1)?,
                        group_id: r.get(2)?,
                        question_id: r.get(3)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            used.extend(item.steps.iter().map(|s| (s.set_id.clone(), s.set_version)));
        }
        // Bilag (closed ones only with the closed items), each file once.
        let mut files = BTreeMap::new();
        {
            use base64::Engine;
            let mut stmt = conn.prepare(
                "SELECT uuid, title, document_number, closed, file_name, sha256 FROM attachment
                 WHERE agenda_item_id = ?1 ORDER BY position",
            )?;
            for (id, item) in &mut items {
                item.attachments = stmt
                    .query_map([*id], |r| {
                        Ok(PkgAttachment {
                            uuid: r.get(0)?,
                            title: r.get(1)?,
                            document_number: r.get(2)?,
                            closed: r.get(3)?,
                            file_name: r.get(4)?,
                            sha256: r.get(5)?,
                        })
                    })?
                    .collect::<rusqlite::Result<Vec<_>>>()?
                    .into_iter()
                    .filter(|a| include_closed || !a.closed)
                    .collect();
                for a in &item.attachments {
                    if !files.contains_key(&a.sha256) {
                        let bytes = self.blob(&a.sha256)?;
                        files.insert(a.sha256.clone(), base64::engine::general_purpose::STANDARD.encode(bytes));
                    }
                }
            }
        }
        let mut question_sets = Vec::new();
        for (set_id, version) in used {
            let content: String = conn.query_row(
                "SELECT content FROM meeting_question_set WHERE meeting_id = ?1 AND set_id = ?2 AND version = ?3",
                params![meeting_id, set_id, version],
                |r| r.get(0),
            )?;
            question_sets.push(PkgSet { set_id, version, content });
        }
        let records = read_records(conn, meeting_id, include_closed)?;
        let import: Option<(String, String)> = conn
            .query_row("SELECT package_id, base FROM package_import WHERE meeting_id = ?1", [meeting_id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        let (based_on, base) = match import {
            Some((id, base)) => (Some(id), Some(serde_json::from_str::<Records>(&base).map_err(damaged)?)),
            None => (None, None),
        };
        Ok(Package {
            format: FORMAT.into(),
            format_version: FORMAT_VERSION,
            package_id: new_uuid(),
            source: machine_name(),
            exported_by: self.actor(),
            exported_at: crate::store::now_utc(),
            based_on,
            committee,
            people,
            meeting: PkgMeeting {
                uuid: meeting_uuid,
                title: m.title,
                kind: m.kind,
                starts_at: m.starts_at,
                ends_at: m.ends_at,
                place: m.place,
                status: m.status,
            },
            closed_items_left_out,
            question_sets,
            items: items.into_iter().map(|(_, i)| i).collect(),
            records,
            base,
            files,
        })
    }

    /// Write the meeting's package to `path` (a `.pejling` file).
    pub fn export_package_to(&self, meeting_id: Id, include_closed: bool, path: &std::path::Path) -> Result<Package> {
        let p = self.export_package(meeting_id, include_closed)?;
        let json = serde_json::to_string_pretty(&p).expect("a package serialises");
        std::fs::write(path, json)?;
        Ok(p)
    }

    /// Import a package read from a file: a new meeting here, with the package's ids.
    pub fn import_package_file(&mut self, path: &std::path::Path) -> Result<PackageImported> {
        self.import_package_file_confirmed(path, false)
    }

    /// As [`Db::import_package_file`], with [`Db::import_package_confirmed`]'s confirmation.
    pub fn import_package_file_confirmed(
        &mut self,
        path: &std::path::Path,
        confirm_members: bool,
    ) -> Result<PackageImported> {
        let len = std::fs::metadata(path)?.len();
        if len > MAX_PACKAGE_BYTES as u64 {
            return Err(too_large());
        }
        let bytes = std::fs::read(path)?;
        self.import_package_confirmed(&bytes, confirm_members)
    }

    /// Import a package: the meeting with its agenda, walk plans, frozen sets and records, in
    /// one transaction. A meeting already here is refused (merge its return package instead),
    /// and so is a package that would change the members of a committee already here (see
    /// [`Db::package_member_changes`]).
    pub fn import_package(&mut self, bytes: &[u8]) -> Result<PackageImported> {
        self.import_package_confirmed(bytes, false)
    }

    /// As [`Db::import_package`]; with `confirm_members` the package may add members to a
    /// committee already here, or change their roles, as listed by
    /// [`Db::package_member_changes`] (each change audited).
    pub fn import_package_confirmed(&mut self, bytes: &[u8], confirm_members: bool) -> Result<PackageImported> {
        let p = parse(bytes)?;
        let actor = self.actor();
        let wanted: BTreeSet<&str> = p.files.keys().map(String::as_str).collect();
        let result = store_files(self, &p, &wanted).and_then(|types| {
            self.write(|tx| import(tx, &p, &actor, confirm_members, &types)).map_err(|e| match e {
                Error::Storage(s) => damaged(s),
                other => other,
            })
        });
        if result.is_err() {
            self.remove_unreferenced_blobs()?;
        }
        result
    }

    /// What importing a package would change in the memberships of a committee that is
    /// already here (the same committee by its id): people it would add, roles it would
    /// change. Empty when the committee is new here or nothing changes. Writes nothing.
    pub fn package_member_changes(&self, bytes: &[u8]) -> Result<Vec<MemberChange>> {
        let p = parse(bytes)?;
        member_changes(self.connection(), &p)
    }

    /// What merging a package into its meeting here would do: changes made there only, and
    /// conflicts. Writes nothing.
    pub fn preview_package_merge(&self, bytes: &[u8]) -> Result<MergePreview> {
        let p = parse(bytes)?;
        Ok(plan_merge(self.connection(), &p)?.0)
    }

    /// Merge a package into its meeting here. Every conflict must be resolved in `choices`;
    /// otherwise nothing is written and the conflicts are named. Locked minutes refuse.
    pub fn merge_package(&mut self, bytes: &[u8], choices: &[ConflictChoice]) -> Result<MergeOutcome> {
        let p = parse(bytes)?;
        let (preview, ops) = plan_merge(self.connection(), &p)?;
        let chosen: HashMap<&str, Resolution> = choices.iter().map(|c| (c.key.as_str(), c.resolution)).collect();
        let mut unresolved = Vec::new();
        for c in &preview.conflicts {
            match chosen.get(c.key.as_str()) {
                Some(r) if c.choices.contains(r) => {}
                _ => unresolved.push(c.key.clone()),
            }
        }
        if !unresolved.is_empty() {
            return Err(Error::Conflict(
                Message::new("error-package-unresolved")
                    .arg("count", unresolved.len())
                    .arg("keys", unresolved.join(", ")),
            ));
        }
        let me = self.actor();
        // The files of the bilag added there, stored before the merge writes their rows.
        let wanted: BTreeSet<&str> = ops
            .iter()
            .filter_map(|op| match &op.target {
                Target::Attachment { attachment, .. } => Some(attachment.sha256.as_str()),
                _ => None,
            })
            .collect();
        let types = match store_files(self, &p, &wanted) {
            Ok(t) => t,
            Err(e) => {
                self.remove_unreferenced_blobs()?;
                return Err(e);
            }
        };
        let files: HashMap<String, (crate::bilag::MediaType, i64)> = types
            .into_iter()
            .map(|(sha, t)| {
                let len = exact_len(&p.files[&sha]).unwrap_or(0);
                (sha, (t, len))
            })
            .collect();
        // Each change is written by who merges it, with its author there, the package's machine
        // and the merger in the audit log's provenance columns; the merge record keeps the same
        // per change.
        let result = self.batch(|db| {
            let m = crate::store::meeting(db.connection(), preview.meeting_id)?;
            if m.status.is_locked() {
                return Err(Error::Locked(Message::new("error-package-merge-locked").arg("title", &m.title)));
            }
            let mut log = Vec::new();
            let mut applied = 0u32;
            let mut resolved = 0u32;
            for op in &ops {
                let resolution = if op.conflict { Some(chosen[op.key.as_str()]) } else { None };
                let value = match resolution {
                    None | Some(Resolution::Theirs) => Some(op.theirs.clone()),
                    Some(Resolution::Mine) => None,
                    Some(Resolution::Both) => Some(op.both()),
                };
                let author = op.by.clone().unwrap_or_else(|| p.exported_by.clone());
                if let Some(v) = value {
                    {
                        let mut ctx = db.audit_context();
                        ctx.author = Some(author.clone());
                        ctx.via_package = Some(p.source.clone());
                        ctx.merged_by = Some(me.clone());
                    }
                    let written = db.write(|tx| apply(tx, m.id, m.committee_id, op, &v, &files));
                    db.clear_provenance();
                    written?;
                }
                if op.conflict {
                    resolved += 1;
                } else {
                    applied += 1;
                }
                log.push(serde_json::json!({
                    "key": op.key,
                    "entity": op.entity,
                    "mine": op.mine.text(),
                    "theirs": op.theirs.text(),
                    "changed_at": op.changed_at,
                    "author": author,
                    "conflict": op.conflict,
                    "resolution": resolution,
                }));
            }
            db.write(|tx| {
                tx.execute(
                    "INSERT INTO package_merge (meeting_id, package_id, source, exported_by, exported_at, merged_by, changes)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![
                        m.id,
                        p.package_id,
                        p.source,
                        p.exported_by,
                        p.exported_at,
                        me,
                        serde_json::Value::from(log).to_string()
                    ],
                )?;
                Ok(MergeOutcome { merge_id: tx.last_insert_rowid(), meeting_id: m.id, applied, conflicts_resolved: resolved })
            })
        });
        self.clear_provenance();
        if result.is_err() {
            self.remove_unreferenced_blobs()?;
        }
        result
    }
}

// ---- import -----------------------------------------------------------------------------------

/// A change a package would make to the members of a committee already here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct MemberChange {
    pub name: String,
    /// The role here now; `None` when the person would be added.
    pub from: Option<Role>,
    pub to: Role,
}

fn member_changes(conn: &Connection, p: &Package) -> Result<Vec<MemberChange>> {
    let Some(committee_id) = conn
        .query_row("SELECT id FROM committee WHERE uuid = ?1", [&p.committee.uuid], |r| r.get::<_, Id>(0))
        .optional()?
    else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for person in &p.people {
        let Some(role) = person.role else { continue };
        let here: Option<(String, Option<Role>)> = conn
            .query_row(
                "SELECT p.name, m.role FROM person p
                 LEFT JOIN membership m ON m.person_id = p.id AND m.committee_id = ?2 WHERE p.uuid = ?1",
                params![person.uuid, committee_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        match here {
            Some((_, Some(now))) if now == role => {}
            Some((name, now)) => out.push(MemberChange { name, from: now, to: role }),
            None => out.push(MemberChange { name: person.name.trim().to_owned(), from: None, to: role }),
        }
    }
    Ok(out)
}

fn import(
    tx: &Connection,
    p: &Package,
    actor: &str,
    confirm_members: bool,
    types: &HashMap<String, crate::bilag::MediaType>,
) -> Result<PackageImported> {
    if let Some((id, _, title, _)) = meeting_uuid_row(tx, &p.meeting.uuid)? {
        return Err(Error::Conflict(Message::new("error-package-already-imported").arg("title", title).arg("id", id)));
    }
    // A committee already here keeps its members unless the user confirmed the changes.
    let changes = member_changes(tx, p)?;
    if !changes.is_empty() && !confirm_members {
        let label = |r: Role| crate::i18n::message(crate::Lang::Da, &r.label_key(), &[]).to_lowercase();
        let listed: Vec<String> = changes
            .iter()
            .map(|c| match c.from {
                None => crate::i18n::message(
                    crate::Lang::Da,
                    "package-member-added",
                    &[("name", c.name.clone()), ("role", label(c.to))],
                ),
                Some(from) => crate::i18n::message(
                    crate::Lang::Da,
                    "package-member-role",
                    &[("name", c.name.clone()), ("from", label(from)), ("to", label(c.to))],
                ),
            })
            .collect();
        let committee: String =
            tx.query_row("SELECT name FROM committee WHERE uuid = ?1", [&p.committee.uuid], |r| r.get(0))?;
        return Err(Error::Conflict(
            Message::new("error-package-changes-members").arg("committee", committee).arg("changes", listed.join("; ")),
        ));
    }
    // The committee: the same one by id, else a new one (named apart if the name is taken).
    let committee_id: Id =
        match tx.query_row("SELECT id FROM committee WHERE uuid = ?1", [&p.committee.uuid], |r| r.get(0)).optional()? {
            Some(id) => id,
            None => {
                let n: i64 = tx.query_row("SELECT count(*) FROM committee", [], |r| r.get(0))?;
                validate::room_for_one(n, validate::MAX_COMMITTEES, "error-too-many-committees")?;
                let base = p.committee.name.trim().to_owned();
                let mut name = base.clone();
                let mut k = 2;
                while tx
                    .query_row("SELECT 1 FROM committee WHERE name_key = ?1", [name_key(&name)], |_| Ok(()))
                    .optional()?
                    .is_some()
                {
                    name = format!("{base} ({k})");
                    k += 1;
                }
                validate::required(&name, "name", MAX_TITLE)?;
                tx.execute(
                    "INSERT INTO committee (name, name_key, kind, description, uuid) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![name, name_key(&name), p.committee.kind, p.committee.description, p.committee.uuid],
                )?;
                tx.last_insert_rowid()
            }
        };
    let n: i64 = tx.query_row("SELECT count(*) FROM meeting WHERE committee_id = ?1", [committee_id], |r| r.get(0))?;
    validate::room_for_one(n, validate::MAX_MEETINGS_PER_COMMITTEE, "error-too-many-meetings")?;
    // People: the same by id, else new; members of the committee in their role.
    let mut people: HashMap<&str, Id> = HashMap::new();
    for person in &p.people {
        let id: Id =
            match tx.query_row("SELECT id FROM person WHERE uuid = ?1", [&person.uuid], |r| r.get(0)).optional()? {
                Some(id) => id,
                None => {
                    tx.execute(
                        "INSERT INTO person (name, party, uuid) VALUES (?1, ?2, ?3)",
                        params![person.name.trim(), person.party.as_deref().map(str::trim), person.uuid],
                    )?;
                    tx.last_insert_rowid()
                }
            };
        if let Some(role) = person.role {
            // Only what was listed and confirmed above changes (each change audited).
            tx.execute(
                "INSERT INTO membership (committee_id, person_id, role) VALUES (?1, ?2, ?3)
                 ON CONFLICT (committee_id, person_id) DO UPDATE SET role = excluded.role WHERE role IS NOT excluded.role",
                params![committee_id, id, role],
            )?;
        }
        people.insert(&person.uuid, id);
    }
    let members: i64 =
        tx.query_row("SELECT count(*) FROM membership WHERE committee_id = ?1", [committee_id], |r| r.get(0))?;
    if members > validate::MAX_MEMBERS_PER_COMMITTEE {
        return Err(damaged("for mange medlemmer"));
    }
    let m = &p.meeting;
    tx.execute(
        "INSERT INTO meeting (committee_id, title, kind, starts_at, ends_at, place, status, uuid)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![committee_id, m.title.trim(), m.kind, m.starts_at, m.ends_at, m.place.trim(), m.status, m.uuid],
    )?;
    let meeting_id = tx.last_insert_rowid();
    for s in &p.question_sets {
        let set = question_sets::from_json(&s.content)?;
        tx.execute(
            "INSERT INTO meeting_question_set (meeting_id, set_id, version, content) VALUES (?1, ?2, ?3, ?4)",
            params![meeting_id, s.set_id, s.version, question_sets::canonical_json(&set)],
        )?;
    }
    let mut items: HashMap<&str, Id> = HashMap::new();
    for (pos, item) in p.items.iter().enumerate() {
        tx.execute(
            "INSERT INTO agenda_item (meeting_id, position, title, openness, case_id, summary, background,
                 recommendation, previous_decisions, decision, uuid)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                meeting_id,
                pos as i64,
                item.title.trim(),
                item.openness,
                item.case_id.trim(),
                item.summary,
                item.background,
                item.recommendation,
                item.previous_decisions,
                item.decision,
                item.uuid
            ],
        )?;
        let item_id = tx.last_insert_rowid();
        items.insert(&item.uuid, item_id);
        if !item.steps.is_empty() || !item.case_technology.is_empty() || !item.case_problem.is_empty() {
            tx.execute(
                "INSERT INTO walk_plan (agenda_item_id, case_technology, case_problem) VALUES (?1, ?2, ?3)",
                params![item_id, item.case_technology, item.case_problem],
            )?;
        }
        for (i, s) in item.steps.iter().enumerate() {
            tx.execute(
                "INSERT INTO walk_step (agenda_item_id, set_id, question_id, set_version, group_id, step)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![item_id, s.set_id, s.question_id, s.set_version, s.group_id, i as i64],
            )?;
        }
        for a in &item.attachments {
            let bytes = p.files[&a.sha256].len() as i64 / 4 * 3;
            insert_attachment(tx, item_id, a, types[&a.sha256], exact_len(&p.files[&a.sha256]).unwrap_or(bytes))?;
        }
    }
    let r = &p.records;
    for a in &r.attendance {
        tx.execute(
            "INSERT INTO attendance (meeting_id, person_id, status, updated_at) VALUES (?1, ?2, ?3, ?4)",
            params![meeting_id, people[a.person.as_str()], a.status, a.updated_at],
        )?;
    }
    for n in &r.notes {
        if n.text.trim().is_empty() {
            continue;
        }
        tx.execute(
            "INSERT INTO step_note (agenda_item_id, set_id, question_id, text, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![items[n.item.as_str()], n.set_id, n.question_id, n.text, n.updated_at],
        )?;
    }
    for x in &r.positions {
        tx.execute(
            "INSERT INTO continuum_position (agenda_item_id, set_id, question_id, person_id, value, skip_reason, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![items[x.item.as_str()], x.set_id, x.question_id, people[x.person.as_str()], x.value, x.skip_reason, x.updated_at],
        )?;
    }
    for q in &r.questions {
        tx.execute(
            "INSERT INTO follow_up (committee_id, meeting_id, agenda_item_id, origin, set_id, question_id, text, asked_by, uuid)
             VALUES (?1, ?2, ?3, 'question', ?4, ?5, ?6, ?7, ?8)",
            params![
                committee_id,
                meeting_id,
                items[q.item.as_str()],
                q.set_id,
                q.question_id,
                q.text.trim(),
                q.asked_by.as_deref().map(|a| people[a]),
                q.uuid
            ],
        )?;
    }
    for g in &r.guests {
        tx.execute(
            "INSERT INTO meeting_guest (meeting_id, name, affiliation) VALUES (?1, ?2, ?3)",
            params![meeting_id, g.name.trim(), g.affiliation.trim()],
        )?;
    }
    // What the package recorded, as it arrived: the base the return package carries back.
    tx.execute(
        "INSERT INTO package_import (meeting_id, package_id, source, exported_by, exported_at, base, imported_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            meeting_id,
            p.package_id,
            p.source,
            p.exported_by,
            p.exported_at,
            serde_json::to_string(&p.records).expect("records serialise"),
            actor
        ],
    )?;
    Ok(PackageImported {
        meeting_id,
        committee_id,
        title: m.title.trim().to_owned(),
        item_count: p.items.len() as u32,
        closed_items_left_out: p.closed_items_left_out,
    })
}

/// The decoded length of a base64 text.
fn exact_len(b64: &str) -> Option<i64> {
    let t = b64.trim_end();
    let pad = t.bytes().rev().take_while(|b| *b == b'=').count();
    Some((t.len() / 4 * 3).checked_sub(pad)? as i64)
}

// ---- merge ------------------------------------------------------------------------------------

/// A value on either side of a merge.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Val {
    None,
    Text(String),
    Position(Option<u8>, Option<String>),
    Attendance(Attendance),
}

impl Val {
    fn text(&self) -> String {
        match self {
            Val::None => String::new(),
            Val::Text(t) => t.clone(),
            Val::Position(v, r) => position_text(*v, r.as_deref()),
            Val::Attendance(a) => a.as_str().to_owned(),
        }
    }
}

/// Where a change lands here.
#[derive(Debug, Clone)]
enum Target {
    Note { item_id: Id, set_id: String, question_id: String },
    Position { item_id: Id, set_id: String, question_id: String, person_id: Id },
    Question { uuid: String, item_id: Id, set_id: String, question_id: String, asked_by: Option<Id> },
    Attendance { person_id: Id },
    Attachment { item_id: Id, attachment: PkgAttachment },
}

#[derive(Debug, Clone)]
struct Op {
    key: String,
    entity: MergeEntity,
    target: Target,
    mine: Val,
    theirs: Val,
    changed_at: String,
    /// Who made the change there, when that machine knew.
    by: Option<String>,
    conflict: bool,
}

impl Op {
    /// Both texts: mine, then theirs.
    fn both(&self) -> Val {
        match (&self.mine, &self.theirs) {
            (Val::Text(a), Val::Text(b)) => Val::Text(format!("{a}\n\n{b}")),
            (_, t) => t.clone(),
        }
    }
}

/// Decide one value three ways: `None` when nothing is to be done, `Some(conflict)` else.
fn decide(base: Option<&Val>, mine: &Val, theirs: &Val) -> Option<bool> {
    if mine == theirs {
        return None;
    }
    match base {
        Some(b) if b == theirs => None,
        Some(b) if b == mine => Some(false),
        Some(_) => Some(true),
        // No base (a package not made from this meeting's package): what is missing here is
        // taken, what is missing there is kept, a difference is a conflict.
        None if *mine == Val::None => Some(false),
        None if *theirs == Val::None => None,
        None => Some(true),
    }
}

fn plan_merge(conn: &Connection, p: &Package) -> Result<(MergePreview, Vec<Op>)> {
    let (meeting_id, _, title, status) = meeting_uuid_row(conn, &p.meeting.uuid)?.ok_or_else(|| {
        Error::Validation(Message::new("error-package-meeting-unknown").arg("title", &p.meeting.title))
    })?;
    if status.is_locked() {
        return Err(Error::Locked(Message::new("error-package-merge-locked").arg("title", &title)));
    }
    // This meeting's items and people by uuid.
    let mut stmt = conn.prepare("SELECT uuid, id, position + 1, title FROM agenda_item WHERE meeting_id = ?1")?;
    let items: HashMap<String, (Id, String)> = stmt
        .query_map([meeting_id], |r| {
            Ok((r.get::<_, String>(0)?, (r.get(1)?, format!("{}. {}", r.get::<_, i64>(2)?, r.get::<_, String>(3)?))))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let person_names: HashMap<&str, &str> = p.people.iter().map(|x| (x.uuid.as_str(), x.name.as_str())).collect();
    let person_id = |uuid: &str| -> Result<Option<Id>> {
        Ok(conn.query_row("SELECT id FROM person WHERE uuid = ?1", [uuid], |r| r.get(0)).optional()?)
    };
    let has_step = |item_id: Id, set_id: &str, q: &str| -> Result<bool> {
        Ok(conn
            .query_row(
                "SELECT 1 FROM walk_step WHERE agenda_item_id = ?1 AND set_id = ?2 AND question_id = ?3",
                params![item_id, set_id, q],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    };
    let mine = read_records(conn, meeting_id, true)?;
    let base = p.base.as_ref();
    let missing = |what: &str| Error::Conflict(Message::new("error-package-merge-unmatched").arg("what", what));

    let mut ops: Vec<Op> = Vec::new();
    let item_of = |uuid: &str| -> Result<(Id, String)> {
        items.get(uuid).cloned().ok_or_else(|| missing(&format!("dagsordenpunkt {uuid}")))
    };

    // Notes.
    let index = |notes: &[PkgNote]| -> BTreeMap<String, (String, String)> {
        notes
            .iter()
            .map(|n| (step_key(&n.item, &n.set_id, &n.question_id), (n.text.clone(), n.updated_at.clone())))
            .collect()
    };
    let their_notes = index(&p.records.notes);
    let base_notes = base.map(|b| index(&b.notes));
    let my_notes = index(&mine.notes);
    let mut keys: BTreeSet<&String> = their_notes.keys().collect();
    if let Some(b) = &base_notes {
        keys.extend(b.keys());
    }
    let note_val = |t: Option<&(String, String)>| match t {
        Some((t, _)) if !t.trim().is_empty() => Val::Text(t.clone()),
        _ => Val::None,
    };
    let mut note_refs: HashMap<String, (String, String, String)> = HashMap::new();
    for n in p.records.notes.iter().chain(base.map(|b| b.notes.as_slice()).unwrap_or(&[])) {
        note_refs.entry(step_key(&n.item, &n.set_id, &n.question_id)).or_insert((
            n.item.clone(),
            n.set_id.clone(),
            n.question_id.clone(),
        ));
    }
    for key in keys {
        let theirs = note_val(their_notes.get(key));
        let mine_v = note_val(my_notes.get(key));
        let base_v = base_notes.as_ref().map(|b| note_val(b.get(key)));
        let Some(conflict) = decide(base_v.as_ref(), &mine_v, &theirs) else { continue };
        let (item, set_id, question_id) = note_refs[key].clone();
        let (item_id, _) = item_of(&item)?;
        if !has_step(item_id, &set_id, &question_id)? {
            return Err(missing(&format!("trin {question_id}")));
        }
        ops.push(Op {
            key: format!("note:{key}"),
            entity: MergeEntity::Note,
            target: Target::Note { item_id, set_id, question_id },
            mine: mine_v,
            theirs,
            changed_at: their_notes.get(key).map(|t| t.1.clone()).unwrap_or_default(),
            by: p
                .records
                .notes
                .iter()
                .find(|n| step_key(&n.item, &n.set_id, &n.question_id) == *key)
                .and_then(|n| n.by.clone()),
            conflict,
        });
    }

    // Positions.
    let index = |ps: &[PkgPosition]| -> BTreeMap<(String, String), (Val, String)> {
        ps.iter()
            .map(|x| {
                (
                    (step_key(&x.item, &x.set_id, &x.question_id), x.person.clone()),
                    (Val::Position(x.value, x.skip_reason.clone()), x.updated_at.clone()),
                )
            })
            .collect()
    };
    let theirs_p = index(&p.records.positions);
    let base_p = base.map(|b| index(&b.positions));
    let mine_p = index(&mine.positions);
    let mut refs: HashMap<(String, String), (String, String, String)> = HashMap::new();
    for x in p.records.positions.iter().chain(base.map(|b| b.positions.as_slice()).unwrap_or(&[])) {
        refs.entry((step_key(&x.item, &x.set_id, &x.question_id), x.person.clone())).or_insert((
            x.item.clone(),
            x.set_id.clone(),
            x.question_id.clone(),
        ));
    }
    let mut keys: BTreeSet<&(String, String)> = theirs_p.keys().collect();
    if let Some(b) = &base_p {
        keys.extend(b.keys());
    }
    let get = |m: &BTreeMap<(String, String), (Val, String)>, k: &(String, String)| {
        m.get(k).map(|v| v.0.clone()).unwrap_or(Val::None)
    };
    for key in keys {
        let theirs = get(&theirs_p, key);
        let mine_v = get(&mine_p, key);
        let base_v = base_p.as_ref().map(|b| get(b, key));
        let Some(conflict) = decide(base_v.as_ref(), &mine_v, &theirs) else { continue };
        let (item, set_id, question_id) = refs[key].clone();
        let (item_id, _) = item_of(&item)?;
        let pid = person_id(&key.1)?.ok_or_else(|| missing(&format!("person {}", key.1)))?;
        if !has_step(item_id, &set_id, &question_id)? {
            return Err(missing(&format!("trin {question_id}")));
        }
        ops.push(Op {
            key: format!("position:{}:{}", key.0, key.1),
            entity: MergeEntity::Position,
            target: Target::Position { item_id, set_id, question_id, person_id: pid },
            mine: mine_v,
            theirs,
            changed_at: theirs_p.get(key).map(|t| t.1.clone()).unwrap_or_default(),
            by: None,
            conflict,
        });
    }

    // Questions to the administration, by their own id.
    let index = |qs: &[PkgQuestion]| -> BTreeMap<String, PkgQuestion> {
        qs.iter().map(|q| (q.uuid.clone(), q.clone())).collect()
    };
    let theirs_q = index(&p.records.questions);
    let base_q = base.map(|b| index(&b.questions));
    let mine_q = index(&mine.questions);
    let mut keys: BTreeSet<&String> = theirs_q.keys().collect();
    if let Some(b) = &base_q {
        keys.extend(b.keys());
    }
    let qv = |m: &BTreeMap<String, PkgQuestion>, k: &str| m.get(k).map_or(Val::None, |q| Val::Text(q.text.clone()));
    for key in keys {
        let theirs = qv(&theirs_q, key);
        let mine_v = qv(&mine_q, key);
        let base_v = base_q.as_ref().map(|b| qv(b, key));
        let Some(conflict) = decide(base_v.as_ref(), &mine_v, &theirs) else { continue };
        let q = theirs_q
            .get(key)
            .or_else(|| mine_q.get(key))
            .or_else(|| base_q.as_ref().and_then(|b| b.get(key)))
            .expect("a key comes from one side")
            .clone();
        let (item_id, _) = item_of(&q.item)?;
        if !has_step(item_id, &q.set_id, &q.question_id)? {
            return Err(missing(&format!("trin {}", q.question_id)));
        }
        let asked_by = match &q.asked_by {
            Some(u) => person_id(u)?,
            None => None,
        };
        ops.push(Op {
            key: format!("question:{key}"),
            entity: MergeEntity::Question,
            target: Target::Question {
                uuid: key.clone(),
                item_id,
                set_id: q.set_id.clone(),
                question_id: q.question_id.clone(),
                asked_by,
            },
            mine: mine_v,
            theirs,
            changed_at: theirs_q.get(key).map(|t| t.updated_at.clone()).unwrap_or_default(),
            by: theirs_q.get(key).and_then(|t| t.by.clone()),
            conflict,
        });
    }

    // Attendance.
    let index = |a: &[PkgAttendance]| -> BTreeMap<String, (Val, String)> {
        a.iter().map(|x| (x.person.clone(), (Val::Attendance(x.status), x.updated_at.clone()))).collect()
    };
    let theirs_a = index(&p.records.attendance);
    let base_a = base.map(|b| index(&b.attendance));
    let mine_a = index(&mine.attendance);
    let mut keys: BTreeSet<&String> = theirs_a.keys().collect();
    if let Some(b) = &base_a {
        keys.extend(b.keys());
    }
    // No recorded attendance means present.
    let av = |m: &BTreeMap<String, (Val, String)>, k: &str| {
        m.get(k).map_or(Val::Attendance(Attendance::Present), |v| v.0.clone())
    };
    for key in keys {
        let theirs = av(&theirs_a, key);
        let mine_v = av(&mine_a, key);
        let base_v = base_a.as_ref().map(|b| av(b, key));
        let Some(conflict) = decide(base_v.as_ref(), &mine_v, &theirs) else { continue };
        let pid = person_id(key)?.ok_or_else(|| missing(&format!("person {key}")))?;
        ops.push(Op {
            key: format!("attendance:{key}"),
            entity: MergeEntity::Attendance,
            target: Target::Attendance { person_id: pid },
            mine: mine_v,
            theirs,
            changed_at: theirs_a.get(key).map(|t| t.1.clone()).unwrap_or_default(),
            by: p.records.attendance.iter().find(|a| a.person == *key).and_then(|a| a.by.clone()),
            conflict,
        });
    }

    // Bilag added there: a bilag with an id not on its item here, and not removed here (the
    // audit log keeps each removed bilag's id), is brought over. Bilag are never changed by a
    // merge: a file is a bilag's content, and titles are the secretary's.
    for item in &p.items {
        let Some((item_id, _)) = items.get(&item.uuid) else { continue };
        for a in &item.attachments {
            let here: bool = conn.query_row(
                "SELECT count(*) > 0 FROM attachment WHERE agenda_item_id = ?1 AND uuid = ?2",
                params![item_id, a.uuid],
                |r| r.get(0),
            )?;
            let removed_here: bool = conn.query_row(
                "SELECT count(*) > 0 FROM audit_log WHERE entity = 'attachment' AND action = 'delete'
                   AND meeting_id = ?1 AND json_extract(changes, '$.uuid') = ?2",
                params![meeting_id, a.uuid],
                |r| r.get(0),
            )?;
            if here || removed_here {
                continue;
            }
            ops.push(Op {
                key: format!("attachment:{}", a.uuid),
                entity: MergeEntity::Attachment,
                target: Target::Attachment { item_id: *item_id, attachment: a.clone() },
                mine: Val::None,
                theirs: Val::Text(a.title.clone()),
                changed_at: p.exported_at.clone(),
                by: None,
                conflict: false,
            });
        }
    }

    let describe = |op: &Op| -> MergeChange {
        let (item, question_id, person) = match &op.target {
            Target::Attachment { item_id, .. } => (item_title(&items, *item_id), None, None),
            Target::Note { item_id, question_id, .. } | Target::Question { item_id, question_id, .. } => {
                (item_title(&items, *item_id), Some(question_id.clone()), None)
            }
            Target::Position { item_id, question_id, .. } => (
                item_title(&items, *item_id),
                Some(question_id.clone()),
                op.key.rsplit(':').next().and_then(|u| person_names.get(u)).map(|s| s.to_string()),
            ),
            Target::Attendance { .. } => (
                None,
                None,
                op.key.strip_prefix("attendance:").and_then(|u| person_names.get(u)).map(|s| s.to_string()),
            ),
        };
        MergeChange {
            key: op.key.clone(),
            entity: op.entity,
            item,
            question_id,
            person,
            mine: op.mine.text(),
            theirs: op.theirs.text(),
            changed_at: op.changed_at.clone(),
            changed_by: op.by.clone().unwrap_or_else(|| p.exported_by.clone()),
            choices: if !op.conflict {
                Vec::new()
            } else if matches!(op.entity, MergeEntity::Note | MergeEntity::Question)
                && matches!((&op.mine, &op.theirs), (Val::Text(_), Val::Text(_)))
            {
                vec![Resolution::Mine, Resolution::Theirs, Resolution::Both]
            } else {
                vec![Resolution::Mine, Resolution::Theirs]
            },
        }
    };
    let preview = MergePreview {
        meeting_id,
        meeting_title: title,
        source: p.source.clone(),
        exported_by: p.exported_by.clone(),
        exported_at: p.exported_at.clone(),
        changes: ops.iter().filter(|o| !o.conflict).map(describe).collect(),
        conflicts: ops.iter().filter(|o| o.conflict).map(describe).collect(),
    };
    Ok((preview, ops))
}

fn item_title(items: &HashMap<String, (Id, String)>, id: Id) -> Option<String> {
    items.values().find(|(i, _)| *i == id).map(|(_, t)| t.clone())
}

fn apply(
    tx: &Connection,
    meeting_id: Id,
    committee_id: Id,
    op: &Op,
    v: &Val,
    files: &HashMap<String, (crate::bilag::MediaType, i64)>,
) -> Result<()> {
    match (&op.target, v) {
        (Target::Attachment { item_id, attachment }, Val::Text(_)) => {
            let (media_type, bytes) = files[&attachment.sha256];
            insert_attachment(tx, *item_id, attachment, media_type, bytes)?;
        }
        (Target::Attachment { .. }, _) => {}
        (Target::Note { item_id, set_id, question_id }, Val::Text(t)) => {
            tx.execute(
                "INSERT INTO step_note (agenda_item_id, set_id, question_id, text, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (agenda_item_id, set_id, question_id) DO UPDATE SET text = excluded.text,
                     updated_at = excluded.updated_at WHERE text IS NOT excluded.text",
                params![item_id, set_id, question_id, validate::text(t, "text")?, crate::store::now_utc()],
            )?;
        }
        (Target::Note { item_id, set_id, question_id }, Val::None) => {
            tx.execute(
                "DELETE FROM step_note WHERE agenda_item_id = ?1 AND set_id = ?2 AND question_id = ?3",
                params![item_id, set_id, question_id],
            )?;
        }
        (Target::Position { item_id, set_id, question_id, person_id }, Val::Position(value, reason)) => {
            tx.execute(
                "INSERT INTO continuum_position (agenda_item_id, set_id, question_id, person_id, value, skip_reason, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (agenda_item_id, set_id, question_id, person_id) DO UPDATE SET
                     value = excluded.value, skip_reason = excluded.skip_reason, updated_at = excluded.updated_at",
                params![item_id, set_id, question_id, person_id, value, reason, crate::store::now_utc()],
            )?;
        }
        (Target::Position { item_id, set_id, question_id, person_id }, Val::None) => {
            tx.execute(
                "DELETE FROM continuum_position WHERE agenda_item_id = ?1 AND set_id = ?2 AND question_id = ?3 AND person_id = ?4",
                params![item_id, set_id, question_id, person_id],
            )?;
        }
        (Target::Question { uuid, item_id, set_id, question_id, asked_by }, Val::Text(t)) => {
            let existing: Option<Id> = tx
                .query_row(
                    "SELECT id FROM follow_up WHERE meeting_id = ?1 AND uuid = ?2",
                    params![meeting_id, uuid],
                    |r| r.get(0),
                )
                .optional()?;
            match existing {
                Some(id) => {
                    tx.execute(
                        "UPDATE follow_up SET text = ?2, updated_at = ?3 WHERE id = ?1",
                        params![id, t, crate::store::now_utc()],
                    )?;
                }
                None => {
                    tx.execute(
                        "INSERT INTO follow_up (committee_id, meeting_id, agenda_item_id, origin, set_id, question_id, text, asked_by, uuid)
                         VALUES (?1, ?2, ?3, 'question', ?4, ?5, ?6, ?7, ?8)",
                        params![committee_id, meeting_id, item_id, set_id, question_id, t.trim(), asked_by, uuid],
                    )?;
                }
            }
        }
        (Target::Question { uuid, .. }, Val::None) => {
            tx.execute("DELETE FROM follow_up WHERE meeting_id = ?1 AND uuid = ?2", params![meeting_id, uuid])?;
        }
        (Target::Attendance { person_id }, Val::Attendance(a)) => {
            tx.execute(
                "INSERT INTO attendance (meeting_id, person_id, status, updated_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (meeting_id, person_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at",
                params![meeting_id, person_id, a, crate::store::now_utc()],
            )?;
        }
        _ => return Err(damaged("uventet værdi")),
    }
    Ok(())
}
