//! The domain types, as they cross every boundary: SQLite rows, CLI JSON and the UI's
//! generated TypeScript. Field names follow `GLOSSARY.md` (English in code, Danish in the UI).
//!
//! Times are local wall-clock times of the municipality, written `YYYY-MM-DDTHH:MM` — the
//! value an HTML `datetime-local` input gives — because a committee meeting is "kl. 18.00 in
//! the town hall", not an instant in UTC. Calendar exports convert with the Danish zone.

use serde::{Deserialize, Serialize};

pub type Id = i64;

macro_rules! string_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable word stored in SQLite and sent to the UI.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $s),+ }
            }

            pub fn parse(s: &str) -> Option<Self> {
                match s { $($s => Some($name::$variant),)+ _ => None }
            }

            /// The Fluent key of this value's label, e.g. `committee-kind-task`.
            pub fn label_key(self) -> String {
                format!("{}-{}", stringify!($name).chars().fold(String::new(), |mut acc, c| {
                    if c.is_uppercase() && !acc.is_empty() { acc.push('-'); }
                    acc.push(c.to_ascii_lowercase());
                    acc
                }), self.as_str().replace('_', "-"))
            }
        }

        impl rusqlite::types::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.as_str().into())
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let s = v.as_str()?;
                $name::parse(s).ok_or_else(|| rusqlite::types::FromSqlError::Other(
                    format!("unknown {} {s:?}", stringify!($name)).into()))
            }
        }
    };
}

pub(crate) use string_enum;

string_enum!(
    /// Udvalgstype.
    CommitteeKind {
        Standing = "standing",
        Task = "task",
        Finance = "finance",
        Council = "council",
        Other = "other",
    }
);

string_enum!(
    /// A person's role in one committee.
    Role {
        Chair = "chair",
        ViceChair = "vice_chair",
        Member = "member",
        CitizenMember = "citizen_member",
        Secretary = "secretary",
        Official = "official",
    }
);

string_enum!(
    /// Ordinært møde or temamøde.
    MeetingKind {
        Ordinary = "ordinary",
        Theme = "theme",
    }
);

string_enum!(
    /// Kladde → dagsorden udsendt → i gang → afsluttet → referat godkendt.
    MeetingStatus {
        Draft = "draft",
        AgendaSent = "agenda_sent",
        InProgress = "in_progress",
        Closed = "closed",
        MinutesApproved = "minutes_approved",
    }
);

string_enum!(
    /// Åben or Lukket agenda item; closed items are left out of public documents.
    Openness {
        Open = "open",
        Closed = "closed",
    }
);

impl MeetingStatus {
    fn rank(self) -> usize {
        MeetingStatus::ALL.iter().position(|s| *s == self).expect("in ALL")
    }

    /// A meeting moves one step forward, or one step back to correct a mistake; approved
    /// minutes are locked, so there is no way back from `MinutesApproved`.
    pub fn can_move_to(self, to: MeetingStatus) -> bool {
        let (a, b) = (self.rank(), to.rank());
        self != MeetingStatus::MinutesApproved && (b == a + 1 || b + 1 == a)
    }

    pub fn is_locked(self) -> bool {
        self == MeetingStatus::MinutesApproved
    }
}

impl Role {
    /// Whether this role takes positions on a continuum: the politicians. The secretary and
    /// officials serve the meeting.
    pub fn takes_positions(self) -> bool {
        matches!(self, Role::Chair | Role::ViceChair | Role::Member | Role::CitizenMember)
    }

    /// Order in member lists: chair first, officials last.
    pub fn rank(self) -> usize {
        Role::ALL.iter().position(|r| *r == self).expect("in ALL")
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Committee {
    pub id: Id,
    pub name: String,
    pub kind: CommitteeKind,
    pub description: String,
    /// The committee's kommissorium (mandate), as the council gave it; may be empty.
    #[serde(default)]
    #[specta(optional)]
    pub mandate: String,
    pub member_count: u32,
    pub meeting_count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Person {
    pub id: Id,
    pub name: String,
    pub party: Option<String>,
}

/// A person as a member of one committee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Member {
    pub person_id: Id,
    pub committee_id: Id,
    pub name: String,
    pub party: Option<String>,
    pub role: Role,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Meeting {
    pub id: Id,
    pub committee_id: Id,
    pub title: String,
    pub kind: MeetingKind,
    /// Local time, `YYYY-MM-DDTHH:MM`.
    pub starts_at: String,
    /// Planned end, local time, `YYYY-MM-DDTHH:MM`.
    pub ends_at: String,
    pub place: String,
    pub status: MeetingStatus,
    pub item_count: u32,
    /// When the meeting actually began ("Mødet påbegyndt kl."), local time
    /// `YYYY-MM-DDTHH:MM`; set by the secretary.
    pub began_at: Option<String>,
    /// When the minutes were read and the meeting adjourned ("Protokollen blev læst og mødet
    /// hævet kl."), local time `YYYY-MM-DDTHH:MM`; set by the secretary.
    pub adjourned_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct CommitteeDetail {
    pub committee: Committee,
    pub members: Vec<Member>,
    pub meetings: Vec<Meeting>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct AgendaItem {
    pub id: Id,
    pub meeting_id: Id,
    /// 1-based, derived from the order; never stored.
    pub number: u32,
    pub title: String,
    pub openness: Openness,
    /// Sags ID, e.g. `EMN-2018-00874`.
    pub case_id: String,
    /// Resumé.
    pub summary: String,
    /// Baggrund.
    pub background: String,
    /// Indstilling.
    pub recommendation: String,
    /// Tidligere beslutninger.
    pub previous_decisions: String,
    /// Beslutning.
    pub decision: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct MeetingDetail {
    pub meeting: Meeting,
    pub committee: Committee,
    pub items: Vec<AgendaItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct WorkspaceStatus {
    pub db_path: String,
    /// True when there are no committees yet: the UI offers the demo workspace.
    pub is_empty: bool,
    pub schema_version: u32,
}

// ---- inputs -------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct NewCommittee {
    pub name: String,
    pub kind: CommitteeKind,
    #[serde(default)]
    pub description: String,
}

/// Only the fields that are present change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct CommitteePatch {
    #[serde(default)]
    #[specta(optional)]
    pub name: Option<String>,
    #[serde(default)]
    #[specta(optional)]
    pub kind: Option<CommitteeKind>,
    #[serde(default)]
    #[specta(optional)]
    pub description: Option<String>,
    #[serde(default)]
    #[specta(optional)]
    pub mandate: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct NewMember {
    pub name: String,
    pub role: Role,
    #[serde(default)]
    pub party: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct MemberPatch {
    #[serde(default)]
    #[specta(optional)]
    pub name: Option<String>,
    /// `""` clears the party.
    #[serde(default)]
    #[specta(optional)]
    pub party: Option<String>,
    #[serde(default)]
    #[specta(optional)]
    pub role: Option<Role>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct NewMeeting {
    pub committee_id: Id,
    pub title: String,
    pub kind: MeetingKind,
    pub starts_at: String,
    pub ends_at: String,
    #[serde(default)]
    pub place: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct MeetingPatch {
    #[serde(default)]
    #[specta(optional)]
    pub title: Option<String>,
    #[serde(default)]
    #[specta(optional)]
    pub kind: Option<MeetingKind>,
    #[serde(default)]
    #[specta(optional)]
    pub starts_at: Option<String>,
    #[serde(default)]
    #[specta(optional)]
    pub ends_at: Option<String>,
    #[serde(default)]
    #[specta(optional)]
    pub place: Option<String>,
    /// Correct when the meeting began, local time `YYYY-MM-DDTHH:MM`; `""` clears it.
    #[serde(default)]
    #[specta(optional)]
    pub began_at: Option<String>,
    /// Correct when the meeting was adjourned, local time `YYYY-MM-DDTHH:MM`; `""` clears it.
    /// Never before `began_at`.
    #[serde(default)]
    #[specta(optional)]
    pub adjourned_at: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct AgendaItemPatch {
    #[serde(default)]
    #[specta(optional)]
    pub title: Option<String>,
    #[serde(default)]
    #[specta(optional)]
    pub openness: Option<Openness>,
    #[serde(default)]
    #[specta(optional)]
    pub case_id: Option<String>,
    #[serde(default)]
    #[specta(optional)]
    pub summary: Option<String>,
    #[serde(default)]
    #[specta(optional)]
    pub background: Option<String>,
    #[serde(default)]
    #[specta(optional)]
    pub recommendation: Option<String>,
    #[serde(default)]
    #[specta(optional)]
    pub previous_decisions: Option<String>,
    #[serde(default)]
    #[specta(optional)]
    pub decision: Option<String>,
}

// The guided temamøde: question sets, walk plans, attendance, positions, follow-ups.
mod walk;
pub use walk::*;

// The annual cycle (årshjul) and digitalisation projects through the five phases.
mod cycle;
pub use cycle::*;
mod projects;
pub use projects::*;

// Follow-up items across meetings; positions over time.
mod follow_up;
pub use follow_up::*;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_moves_one_step_and_never_back_from_approved() {
        use MeetingStatus::*;
        assert!(Draft.can_move_to(AgendaSent));
        assert!(AgendaSent.can_move_to(Draft));
        assert!(!Draft.can_move_to(InProgress));
        assert!(!Draft.can_move_to(Draft));
        assert!(Closed.can_move_to(MinutesApproved));
        assert!(!MinutesApproved.can_move_to(Closed));
        assert!(MinutesApproved.is_locked());
    }

    #[test]
    fn label_keys_are_kebab_case() {
        assert_eq!(CommitteeKind::Task.label_key(), "committee-kind-task");
        assert_eq!(Role::ViceChair.label_key(), "role-vice-chair");
        assert_eq!(MeetingStatus::MinutesApproved.label_key(), "meeting-status-minutes-approved");
    }
}
