//! Follow-up items (opfølgning) across meetings, and how a committee's positions on the
//! continuum questions moved from one temamøde to the next.
//!
//! A follow-up item outlives the meeting it came from: it is raised there (a question to the
//! administration in the walk, a decision) or written by hand, and is then owned, answered and
//! closed over the following meetings. These are the types the committee's follow-up list,
//! the draft agenda item "Opfølgning" and the positions-over-time view exchange with the UI.

use serde::{Deserialize, Serialize};

use super::walk::{ContinuumStatistics, FollowUpStatus, Text};
use super::{Id, Meeting, Openness};

string_enum!(
    /// How a follow-up item came about.
    FollowUpOrigin {
        Question = "question",
        Decision = "decision",
        Manual = "manual",
    }
);

/// An agenda item "Opfølgning" on which a follow-up item was listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct FollowUpListing {
    pub meeting_id: Id,
    pub meeting_title: String,
    /// Local time, `YYYY-MM-DDTHH:MM`.
    pub meeting_starts_at: String,
    pub agenda_item_id: Id,
    pub item_number: u32,
}

/// A follow-up item as the committee's list shows it: what it is, where it came from, where
/// it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct FollowUpItem {
    pub id: Id,
    pub committee_id: Id,
    pub origin: FollowUpOrigin,
    pub text: String,
    /// Who owns it: a person or a part of the administration (free text).
    pub owner: String,
    /// `YYYY-MM-DD`.
    pub due_date: Option<String>,
    pub status: FollowUpStatus,
    pub answer: String,
    /// When it was answered, local time `YYYY-MM-DDTHH:MM`.
    pub answered_at: Option<String>,
    /// Who asked (questions to the administration).
    pub asked_by_name: Option<String>,
    /// The meeting it came from.
    pub meeting_id: Option<Id>,
    pub meeting_title: Option<String>,
    /// Local time, `YYYY-MM-DDTHH:MM`.
    pub meeting_starts_at: Option<String>,
    /// The agenda item it came from.
    pub agenda_item_id: Option<Id>,
    pub item_number: Option<u32>,
    pub item_title: Option<String>,
    pub item_openness: Option<Openness>,
    /// The walk step it was raised at (0-based), as the walk is now.
    pub step: Option<u32>,
    /// UTC.
    pub created_at: String,
    /// Not answered or closed, and the due date has passed.
    pub overdue: bool,
    /// Answered after the committee's last meeting began.
    pub answered_since_last_meeting: bool,
    /// The text is quoted in approved minutes (a question to the administration of a meeting
    /// whose minutes are approved): it cannot change, and the item cannot be deleted. Owner,
    /// due date, status and answer can always change.
    pub text_locked: bool,
    /// The agenda items "Opfølgning" it was listed on, oldest first.
    pub listed_on: Vec<FollowUpListing>,
}

impl FollowUpItem {
    /// Still waiting for an answer: open or in progress.
    pub fn is_pending(&self) -> bool {
        matches!(self.status, FollowUpStatus::Open | FollowUpStatus::InProgress)
    }
}

/// A committee's follow-up list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct FollowUpList {
    pub committee_id: Id,
    /// The day the list was made for (overdue is before it), `YYYY-MM-DD`.
    pub today: String,
    /// The committee's last meeting: the latest that has begun by now.
    pub last_meeting: Option<Meeting>,
    /// Pending items first (by due date, undated last), then answered, then closed.
    pub items: Vec<FollowUpItem>,
    /// Open or in progress.
    pub pending_count: u32,
    pub overdue_count: u32,
    pub answered_since_last_meeting_count: u32,
}

/// What the chair is offered when a meeting is prepared: the committee's follow-up items
/// that are not closed, from earlier meetings or written by hand, and not yet on this
/// meeting's agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct FollowUpOffer {
    pub meeting_id: Id,
    pub items: Vec<FollowUpItem>,
    /// The meeting already has an agenda item "Opfølgning" made from follow-up items.
    pub has_follow_up_item: bool,
}

/// A follow-up item written by hand, or from a decision when `agenda_item_id` is given (its
/// meeting is then the item's).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct NewFollowUp {
    pub committee_id: Id,
    pub text: String,
    #[serde(default)]
    pub owner: String,
    /// `YYYY-MM-DD`, or `""`/absent for none.
    #[serde(default)]
    #[specta(optional)]
    pub due_date: Option<String>,
    /// The meeting it belongs to (written by hand at or after a meeting).
    #[serde(default)]
    #[specta(optional)]
    pub meeting_id: Option<Id>,
    /// The agenda item whose decision it follows up.
    #[serde(default)]
    #[specta(optional)]
    pub agenda_item_id: Option<Id>,
}

/// Only the fields that are present change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct FollowUpPatch {
    #[serde(default)]
    #[specta(optional)]
    pub text: Option<String>,
    #[serde(default)]
    #[specta(optional)]
    pub owner: Option<String>,
    /// `YYYY-MM-DD`; `""` clears it.
    #[serde(default)]
    #[specta(optional)]
    pub due_date: Option<String>,
    #[serde(default)]
    #[specta(optional)]
    pub status: Option<FollowUpStatus>,
    #[serde(default)]
    #[specta(optional)]
    pub answer: Option<String>,
}

// ---- positions over time -----------------------------------------------------------------

/// One walk in which the committee took revealed positions on the set: an agenda item of a
/// meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct PositionOccasion {
    pub meeting_id: Id,
    pub meeting_title: String,
    /// Local time, `YYYY-MM-DDTHH:MM`.
    pub starts_at: String,
    pub agenda_item_id: Id,
    pub item_number: u32,
    pub item_title: String,
    /// The meeting showed positions with names.
    pub named: bool,
}

/// A named participant's position at one occasion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ParticipantPosition {
    pub person_id: Id,
    pub value: u8,
}

/// One question at one occasion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
pub struct PositionPoint {
    /// Index into [`PositionHistory::occasions`].
    pub occasion: u32,
    /// The room's median and spread; `None` when everyone skipped.
    pub statistics: Option<ContinuumStatistics>,
    pub skipped_count: u32,
    /// Only when the meeting showed positions with names.
    pub positions: Vec<ParticipantPosition>,
    /// The first round's median and spread, where the question was answered twice (the
    /// point itself is the last round).
    pub first_round: Option<ContinuumStatistics>,
}

/// How the positions on one continuum question moved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
pub struct QuestionHistory {
    pub question_id: String,
    /// As in the latest occasion's frozen copy of the set.
    pub text: Text,
    pub extreme_left: Text,
    pub extreme_right: Text,
    /// In time order; occasions where the question was not walked or not revealed are absent.
    pub points: Vec<PositionPoint>,
}

/// A person who took a named position at some occasion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct HistoryParticipant {
    pub person_id: Id,
    pub name: String,
    pub party: Option<String>,
}

/// How a committee's positions on a continuum set (the six organisation questions) moved from
/// one temamøde to the next: only revealed positions of open agenda items count, and names
/// only where the meeting showed positions named.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
pub struct PositionHistory {
    pub committee_id: Id,
    pub set_id: String,
    pub set_title: Text,
    /// In time order.
    pub occasions: Vec<PositionOccasion>,
    /// In the set's order.
    pub questions: Vec<QuestionHistory>,
    /// By name.
    pub participants: Vec<HistoryParticipant>,
}
