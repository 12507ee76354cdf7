//! Digitalisation projects through the five phases of KL's model for political participation
//! (0 Identifikation, 1 Forståelse, 2 Ideudvikling, 3 Afprøvning, 4 Beslutning).
//!
//! The phases' names and descriptions are not written here: they are the transcribed question
//! set `phases` (`assets/question-sets/phases.toml`), so the project view shows exactly the
//! words of KL's catalogue. What is here is what a committee records about its own project: per
//! phase the stakeholders (interessenter) and what was learned, the meetings and agenda items
//! (with their decisions) that belong to the phase, and the history of phase changes.
//!
//! The rule for moving (see [`phase_move`]) follows the catalogue: "Modellen beskriver fem
//! faser, der i praksis kan være overlappende. Det kan også være hensigtsmæssigt at genbesøge
//! tidligere faser." So a project moves forward to the next phase, back to any earlier one,
//! or forward past one or more phases — but only with a reason, written in the note, because
//! the model's point is that politicians take part in every phase and a skipped one must be
//! visible in the history. Every move is kept in the history, with who made it, when, and the
//! note (optional for the next phase and for going back).

use serde::{Deserialize, Serialize};

use super::{Id, Openness, Text};

/// The phases are numbered 0 to `LAST_PHASE`.
pub const LAST_PHASE: u32 = 4;

/// The question set holding the phases' texts, and its version.
pub const PHASES_SET: (&str, u32) = ("phases", 2);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Project {
    pub id: Id,
    pub title: String,
    pub description: String,
    /// The committee that follows the project.
    pub committee_id: Id,
    pub committee_name: String,
    /// The phase the project stands in, 0–4.
    pub phase: u32,
    /// UTC.
    pub created_at: String,
    /// UTC: the last change of phase (or the creation).
    pub phase_changed_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct NewProject {
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub committee_id: Id,
}

/// Only the fields that are present change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ProjectPatch {
    #[serde(default)]
    #[specta(optional)]
    pub title: Option<String>,
    #[serde(default)]
    #[specta(optional)]
    pub description: Option<String>,
    #[serde(default)]
    #[specta(optional)]
    pub committee_id: Option<Id>,
}

/// What the committee wrote in one phase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ProjectPhaseNotes {
    pub project_id: Id,
    pub phase: u32,
    /// Interessenter: free text, typically one per line.
    pub stakeholders: String,
    /// What was learned in the phase.
    pub learnings: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ProjectPhasePatch {
    #[serde(default)]
    #[specta(optional)]
    pub stakeholders: Option<String>,
    #[serde(default)]
    #[specta(optional)]
    pub learnings: Option<String>,
}

/// A meeting, or one agenda item of it, linked to a phase of a project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ProjectLink {
    pub id: Id,
    pub phase: u32,
    pub meeting_id: Id,
    pub meeting_title: String,
    /// Local time `YYYY-MM-DDTHH:MM`.
    pub meeting_starts_at: String,
    pub committee_name: String,
    pub agenda_item_id: Option<Id>,
    pub item_number: Option<u32>,
    pub item_title: Option<String>,
    /// The item's Beslutning, as the minutes have it ("" before it is decided).
    pub decision: Option<String>,
    /// Åben or Lukket: a closed item's decision is the committee's, not for publication.
    pub openness: Option<Openness>,
}

/// One phase of a project: the model's text and what the committee recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ProjectPhase {
    pub number: u32,
    /// E.g. "Identifikation" (from the question set `phases`).
    pub name: Text,
    /// E.g. "Identificere problem".
    pub subtitle: Option<Text>,
    pub description: Option<Text>,
    /// The phase in KL's fall-prevention case.
    pub example: Option<Text>,
    pub stakeholders: String,
    pub learnings: String,
    /// By the meeting's start time.
    pub links: Vec<ProjectLink>,
}

/// A change of phase, or the project's creation (`from_phase` is `None`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct PhaseChange {
    pub id: Id,
    pub from_phase: Option<u32>,
    pub to_phase: u32,
    pub note: String,
    pub actor: String,
    /// UTC.
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ProjectDetail {
    pub project: Project,
    /// All five, in order.
    pub phases: Vec<ProjectPhase>,
    /// Oldest first.
    pub history: Vec<PhaseChange>,
}

/// What moving from phase `from` to `to` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhaseMove {
    /// The same phase: nothing to do.
    Stay,
    /// The next phase.
    Forward,
    /// Back to an earlier phase, to revisit it.
    Back,
    /// Forward past one or more phases (the phases may overlap in practice): allowed with a
    /// recorded reason.
    Skip,
    /// No such phase: refused.
    Unknown,
}

impl PhaseMove {
    /// Whether the move must be recorded with a reason (a non-empty note).
    pub fn needs_reason(self) -> bool {
        self == PhaseMove::Skip
    }
}

/// The rule for a change of phase (see the module doc).
pub fn phase_move(from: u32, to: u32) -> PhaseMove {
    match to {
        t if t > LAST_PHASE => PhaseMove::Unknown,
        t if t == from => PhaseMove::Stay,
        t if t == from + 1 => PhaseMove::Forward,
        t if t < from => PhaseMove::Back,
        _ => PhaseMove::Skip,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forward_back_and_forward_past_a_phase_with_a_reason() {
        assert_eq!(phase_move(0, 1), PhaseMove::Forward);
        assert_eq!(phase_move(3, 4), PhaseMove::Forward);
        assert_eq!(phase_move(0, 2), PhaseMove::Skip);
        assert_eq!(phase_move(1, 4), PhaseMove::Skip);
        assert_eq!(phase_move(4, 0), PhaseMove::Back);
        assert_eq!(phase_move(2, 1), PhaseMove::Back);
        assert_eq!(phase_move(2, 2), PhaseMove::Stay);
        assert_eq!(phase_move(4, 5), PhaseMove::Unknown);
        assert_eq!(phase_move(0, 99), PhaseMove::Unknown);
        // Only going forward past a phase needs a reason.
        assert!(PhaseMove::Skip.needs_reason());
        for m in [PhaseMove::Forward, PhaseMove::Back, PhaseMove::Stay, PhaseMove::Unknown] {
            assert!(!m.needs_reason(), "{m:?}");
        }
    }
}
