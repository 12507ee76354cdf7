//! The rules the UI needs to offer the right choices, read from the core (never copied into
//! TypeScript): every value of the enums in the order the UI lists them, who takes positions,
//! where a meeting's status may move, which fields an amendment may correct.

use serde::Serialize;

use crate::documents::Format;
use crate::{
    Attendance, CommitteeKind, CycleRule, ErrorKind, FollowUpStatus, MeetingKind, MeetingStatus, Openness, Role,
};

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct RoleRule {
    pub role: Role,
    /// A politician: takes positions on a continuum and may approve the minutes.
    pub takes_positions: bool,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct StatusRule {
    pub status: MeetingStatus,
    /// The status a plain "forward" moves to; `None` where the core allows no such move
    /// (after "closed" the minutes are approved by a member, never by a status change).
    pub next: Option<MeetingStatus>,
    /// The status "back" moves to, to correct a mistake; `None` where there is none.
    pub previous: Option<MeetingStatus>,
    /// Approved minutes are locked.
    pub locked: bool,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct UiRules {
    pub committee_kinds: Vec<CommitteeKind>,
    pub roles: Vec<RoleRule>,
    pub meeting_kinds: Vec<MeetingKind>,
    pub meeting_statuses: Vec<StatusRule>,
    pub openness: Vec<Openness>,
    pub attendance: Vec<Attendance>,
    pub follow_up_statuses: Vec<FollowUpStatus>,
    pub cycle_rules: Vec<CycleRule>,
    pub doc_formats: Vec<Format>,
    pub amendable_fields: Vec<String>,
    pub error_kinds: Vec<ErrorKind>,
    /// Bilag: the largest file (MB) and the file name extensions Pejling takes.
    pub attachment_max_mb: u32,
    pub attachment_extensions: Vec<String>,
    /// What a committee can write of its own: a principle, a pejlemærke.
    pub own_entry_kinds: Vec<crate::frameworks::OwnEntryKind>,
}

/// The rules, as the core applies them.
pub fn ui_rules() -> UiRules {
    let statuses = MeetingStatus::ALL;
    UiRules {
        committee_kinds: CommitteeKind::ALL.to_vec(),
        roles: Role::ALL.iter().map(|&role| RoleRule { role, takes_positions: role.takes_positions() }).collect(),
        meeting_kinds: MeetingKind::ALL.to_vec(),
        meeting_statuses: statuses
            .iter()
            .enumerate()
            .map(|(i, &status)| StatusRule {
                status,
                // Approval is its own act (`approve_minutes`), so "closed" has no plain next.
                next: statuses
                    .get(i + 1)
                    .copied()
                    .filter(|&to| status.can_move_to(to) && to != MeetingStatus::MinutesApproved),
                previous: i.checked_sub(1).map(|j| statuses[j]).filter(|&to| status.can_move_to(to)),
                locked: status.is_locked(),
            })
            .collect(),
        openness: Openness::ALL.to_vec(),
        attendance: Attendance::ALL.to_vec(),
        follow_up_statuses: FollowUpStatus::ALL.to_vec(),
        cycle_rules: CycleRule::ALL.to_vec(),
        doc_formats: Format::ALL.to_vec(),
        amendable_fields: crate::minutes::AMENDABLE_FIELDS.iter().map(|f| f.to_string()).collect(),
        error_kinds: ErrorKind::ALL.to_vec(),
        attachment_max_mb: (crate::bilag::MAX_BYTES / 1_048_576) as u32,
        attachment_extensions: crate::bilag::MediaType::all_extensions().iter().map(|e| e.to_string()).collect(),
        own_entry_kinds: crate::frameworks::OwnEntryKind::ALL.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_moves_follow_the_core() {
        let rules = ui_rules();
        for s in &rules.meeting_statuses {
            if let Some(next) = s.next {
                assert!(s.status.can_move_to(next));
            }
            if let Some(prev) = s.previous {
                assert!(s.status.can_move_to(prev));
            }
        }
        let closed = rules.meeting_statuses.iter().find(|s| s.status == MeetingStatus::Closed).unwrap();
        assert_eq!(closed.next, None, "approval is never a status change");
        let approved = rules.meeting_statuses.iter().find(|s| s.status == MeetingStatus::MinutesApproved).unwrap();
        assert_eq!((approved.next, approved.previous, approved.locked), (None, None, true));
        let politicians: Vec<Role> = rules.roles.iter().filter(|r| r.takes_positions).map(|r| r.role).collect();
        assert_eq!(politicians, [Role::Chair, Role::ViceChair, Role::Member, Role::CitizenMember]);
    }
}
