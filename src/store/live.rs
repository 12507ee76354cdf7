//! Reads for the live session (`crate::live`): a participant's own position, and who has
//! answered a step and when.
//!
//! Why separate reads: a participant's device may see its own position and nobody else's,
//! and the chair's live panel shows who has answered — not what — until the chair reveals the
//! result, as the rest of the walk does. `continuum_result` gives counts only while hidden, so
//! these two narrow reads are what the live session needs beyond it.

use rusqlite::params;

use super::{Db, OptionalRow};
use crate::domain::*;
use crate::error::Result;

/// When a participant last answered a step (a value or a skip); no value.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
pub struct AnsweredAt {
    pub person_id: Id,
    /// UTC, with milliseconds.
    pub updated_at: String,
}

const STEP_POSITION: &str = "FROM continuum_position p JOIN walk_step s
     ON s.agenda_item_id = p.agenda_item_id AND s.set_id = p.set_id AND s.question_id = p.question_id
     WHERE s.agenda_item_id = ?1 AND s.step = ?2";

impl Db {
    /// `person_id`'s own position on step `step` of item `item_id`, if they have one.
    pub fn own_position(&self, item_id: Id, step: u32, person_id: Id) -> Result<Option<PositionInput>> {
        let row: Option<(Option<u8>, Option<String>)> = self
            .conn
            .query_row(
                &format!("SELECT p.value, p.skip_reason {STEP_POSITION} AND p.person_id = ?3"),
                params![item_id, step, person_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .opt()?;
        Ok(row.map(|(value, reason)| match value {
            Some(v) => PositionInput::Value(v),
            None => PositionInput::Skipped { reason: reason.unwrap_or_default() },
        }))
    }

    /// Who has answered step `step` of item `item_id`, and when they last changed it.
    pub fn answered_at(&self, item_id: Id, step: u32) -> Result<Vec<AnsweredAt>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT p.person_id, p.updated_at {STEP_POSITION} ORDER BY p.person_id"))?;
        let rows =
            stmt.query_map(params![item_id, step], |r| Ok(AnsweredAt { person_id: r.get(0)?, updated_at: r.get(1)? }))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The question participants may answer now, as `(item, step)`: the step the meeting's
    /// walk is at, of an open (not Lukket) item, when it is a continuum question whose result
    /// the chair has not revealed. One query, as each write of a live session asks it.
    pub fn open_live_question(&self, meeting_id: Id) -> Result<Option<(Id, u32)>> {
        self.conn
            .prepare_cached(
                "SELECT w.current_item_id, w.current_step FROM meeting_walk w
                 JOIN agenda_item a ON a.id = w.current_item_id AND a.meeting_id = w.meeting_id AND a.openness = 'open'
                 JOIN walk_step s ON s.agenda_item_id = w.current_item_id AND s.step = w.current_step AND s.revealed = 0
                 JOIN meeting_question_set q ON q.meeting_id = w.meeting_id AND q.set_id = s.set_id
                     AND q.version = s.set_version AND json_extract(q.content, '$.kind') = 'continuum'
                 WHERE w.meeting_id = ?1",
            )?
            .query_row([meeting_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .opt()
    }

    /// A participant's position from the live session: written only if `(item_id, step)` is
    /// the question participants may answer now ([`Db::open_live_question`]), checked and
    /// written in one transaction, so the chair revealing the result or moving on cannot slip
    /// in between. `None` when the question is not open.
    pub fn set_live_position(
        &mut self,
        meeting_id: Id,
        item_id: Id,
        step: u32,
        person_id: Id,
        input: &PositionInput,
    ) -> Result<Option<ContinuumResult>> {
        self.batch(|db| {
            if db.open_live_question(meeting_id)? != Some((item_id, step)) {
                return Ok(None);
            }
            db.set_position(item_id, step, person_id, input).map(Some)
        })
    }

    /// SQLite's `data_version`: changes whenever another connection commits to the file.
    /// The live session polls it to notice the chair moving the walk from the app.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }
}
