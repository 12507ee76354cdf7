//! What the room's screen (the projector window) may show, and nothing more.
//!
//! Why a read model of its own: the room window is a second webview that anyone in the room
//! can see. Instead of handing it the walk, the notes and the agenda and trusting the UI to
//! leave things out, the core assembles exactly what may be projected — the current question
//! of an open agenda item (with its set's prompt), the case under discussion, the pejlemærker
//! the item is weighed against, and a continuum's result only once the chair has revealed it —
//! and the room window's capability grants this one command. Notes, questions to the
//! administration and closed (Lukket) items never leave the core this way.

use serde::{Deserialize, Serialize};

use super::walk::StepTimebox;
use super::Db;
use crate::domain::*;
use crate::error::Result;
use crate::i18n::{Catalog, Lang};

/// The room's screen for a meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
pub struct RoomView {
    pub meeting_id: Id,
    pub meeting_title: String,
    pub committee: String,
    /// The agenda item being walked; `None` before the walk starts or while the meeting is at
    /// a closed item.
    pub item: Option<RoomItem>,
}

/// The current agenda item as the room sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
pub struct RoomItem {
    pub agenda_item_id: Id,
    pub number: u32,
    pub title: String,
    pub case_technology: String,
    pub case_problem: String,
    /// The pejlemærker the item is weighed against, as chosen on the item.
    pub bearings: Vec<crate::frameworks::ItemBearing>,
    pub step_count: u32,
    /// The current question; `None` when the item has no walk steps.
    pub step: Option<RoomStep>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
pub struct RoomStep {
    pub index: u32,
    /// "Strategi · spørgsmål 3 af 5", in Danish and English.
    pub where_label: Text,
    pub question: Question,
    pub is_continuum: bool,
    /// For a continuum question: the count of answers while hidden, the values once revealed.
    pub result: Option<ContinuumResult>,
    /// The set's heading over the question, e.g. TESK's "Hvad vil du belyse?".
    pub prompt: Option<Text>,
    /// The points the chair has put on the screen, texts only (never names), with how many
    /// sent the same point.
    pub points: Vec<RoomPoint>,
    /// The step's timebox, for a quiet countdown.
    pub timebox: Option<StepTimebox>,
}

/// A point on the room screen: its text and how many sent it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct RoomPoint {
    pub text: String,
    pub count: u32,
}

impl Db {
    /// The room's screen: only what may be projected (see the module docs).
    pub fn room_view(&self, meeting_id: Id) -> Result<RoomView> {
        let detail = self.get_meeting(meeting_id)?;
        let state = self.walk_state(meeting_id)?;
        let item = match state.current_item_id.and_then(|id| detail.items.iter().find(|i| i.id == id)) {
            Some(item) if item.openness == Openness::Open => Some(self.room_item(item, state.current_step)?),
            _ => None,
        };
        Ok(RoomView { meeting_id, meeting_title: detail.meeting.title, committee: detail.committee.name, item })
    }

    fn room_item(&self, item: &AgendaItem, current: Option<u32>) -> Result<RoomItem> {
        let walk = self.get_walk(item.id)?;
        let step = match current.and_then(|i| walk.steps.get(i as usize)) {
            Some(step) => {
                let result = if step.is_continuum { Some(self.continuum_result(item.id, step.index)?) } else { None };
                Some(RoomStep {
                    index: step.index,
                    where_label: Text {
                        da: step.where_label(&Catalog::new(Lang::Da), Lang::Da),
                        en: step.where_label(&Catalog::new(Lang::En), Lang::En),
                    },
                    question: step.question.clone(),
                    is_continuum: step.is_continuum,
                    result,
                    prompt: step.prompt.clone(),
                    points: self
                        .room_points(item.id, step.index)?
                        .into_iter()
                        .map(|(text, count)| RoomPoint { text, count })
                        .collect(),
                    timebox: self.current_timebox(item.meeting_id)?,
                })
            }
            None => None,
        };
        Ok(RoomItem {
            agenda_item_id: item.id,
            number: item.number,
            title: item.title.clone(),
            case_technology: walk.case_technology,
            case_problem: walk.case_problem,
            bearings: super::frameworks::chosen_bearings(&self.conn, item.id)?,
            step_count: walk.steps.len() as u32,
            step,
        })
    }
}
