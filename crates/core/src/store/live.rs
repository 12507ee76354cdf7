//! Reads for the live session (the `pejling-live` crate): a participant's own position, and who has
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

    /// The reason `person_id` gave with their position on step `step` of item `item_id`.
    pub fn own_reason(&self, item_id: Id, step: u32, person_id: Id) -> Result<String> {
        let reason: Option<String> = self
            .conn
            .query_row(
                &format!("SELECT p.reason {STEP_POSITION} AND p.person_id = ?3"),
                params![item_id, step, person_id],
                |r| r.get(0),
            )
            .opt()?;
        Ok(reason.unwrap_or_default())
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

    /// SQLite's `data_version`: changes whenever another connection commits to the file.
    /// The live session polls it to notice the chair moving the walk from the app.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }
}

/// The participant and device behind a live-session audit row.
#[derive(Debug, Clone, Copy)]
pub struct LiveDeviceRecord<'a> {
    /// A random id of the session (never its join code).
    pub session: &'a str,
    pub device_id: u32,
    pub device_label: &'a str,
    pub address: &'a str,
    pub person_id: Id,
    pub person_name: &'a str,
}

/// One row of the live session's audit: `audit_log` joined with `audit_live`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LiveAuditRow {
    pub audit_id: Id,
    /// UTC, with milliseconds.
    pub at: String,
    /// Who made the change: the chair for a decision on a name, the participant for a position.
    pub actor: String,
    pub event: String,
    pub person_id: Id,
    pub person_name: String,
    pub device_id: u32,
    pub device_label: String,
    pub address: String,
    /// The fields of the change, as in `audit_log.changes`.
    pub changes: String,
}

#[allow(clippy::too_many_arguments)]
fn record_live(
    tx: &rusqlite::Connection,
    actor: &str,
    meeting_id: Id,
    entity: &str,
    action: &str,
    changes: &serde_json::Value,
    who: &LiveDeviceRecord<'_>,
    event: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![actor, meeting_id, entity, who.person_id, action, changes.to_string()])?;
    let audit_id = tx.last_insert_rowid();
    tx.prepare_cached(
        "INSERT INTO audit_live (audit_id, session, person_id, person_name, device_id, device_label, address, event)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        audit_id,
        who.session,
        who.person_id,
        who.person_name,
        who.device_id,
        who.device_label,
        who.address,
        event
    ])?;
    Ok(())
}

impl Db {
    /// Record a decision on who may take a name in a live session (`approved`, `admitted`,
    /// `code`, `refused`, `released`, `blocked`), under the current actor (the chair).
    pub fn record_live_admission(&mut self, meeting_id: Id, who: &LiveDeviceRecord<'_>, event: &str) -> Result<()> {
        let actor = self.actor();
        let changes = serde_json::json!({
            "event": event,
            "person": who.person_name,
            "device": who.device_label,
        });
        let action = if matches!(event, "approved" | "admitted" | "code") { "insert" } else { "delete" };
        self.write(|tx| record_live(tx, &actor, meeting_id, "live_admission", action, &changes, who, event))
    }

    /// A participant's position written from their own device: the same write as
    /// [`Db::set_position`], and in the same transaction the check that the meeting is at
    /// this question (of an open item, while it is open) and the audit row naming the
    /// participant (as the actor) and the device. `None` when the meeting is not there.
    pub fn set_live_position(
        &mut self,
        meeting_id: Id,
        item_id: Id,
        step: u32,
        value: u8,
        reason: Option<&str>,
        who: &LiveDeviceRecord<'_>,
    ) -> Result<Option<ContinuumResult>> {
        self.batch(|db| {
            if db.open_live_question(meeting_id)? != Some((item_id, step)) {
                return Ok(None);
            }
            let mut result = db.set_position(item_id, step, who.person_id, &PositionInput::Value(value))?;
            if let Some(reason) = reason {
                result = db.set_position_reason(item_id, step, who.person_id, reason)?;
            }
            let changes = match reason {
                Some(reason) => {
                    serde_json::json!({ "agenda_item_id": item_id, "step": step, "value": value, "reason": reason })
                }
                None => serde_json::json!({ "agenda_item_id": item_id, "step": step, "value": value }),
            };
            let actor = if who.person_name.is_empty() { db.actor() } else { who.person_name.to_owned() };
            db.write(|tx| {
                record_live(tx, &actor, meeting_id, "continuum_position", "update", &changes, who, "position")
            })?;
            Ok(Some(result))
        })
    }

    /// A point ("Hvad vil du belyse?") sent from a participant's own device: only at the step
    /// the meeting is at, of an open item, when that step takes points; audited with the
    /// device. `None` when the meeting is not there.
    pub fn add_live_point(
        &mut self,
        meeting_id: Id,
        item_id: Id,
        step: u32,
        text: &str,
        who: &LiveDeviceRecord<'_>,
    ) -> Result<Option<WalkPoint>> {
        self.batch(|db| {
            if db.open_live_point_step(meeting_id)? != Some((item_id, step)) {
                return Ok(None);
            }
            let point = db.add_walk_point(item_id, step, Some(who.person_id), text)?;
            let changes = serde_json::json!({ "agenda_item_id": item_id, "step": step, "point": point.id });
            let actor = if who.person_name.is_empty() { db.actor() } else { who.person_name.to_owned() };
            db.write(|tx| record_live(tx, &actor, meeting_id, "walk_point", "insert", &changes, who, "position"))?;
            Ok(Some(point))
        })
    }

    /// The step participants may send points at now, as `(item, step)`: the step the walk is
    /// at, of an open item, when its set has a prompt ("Hvad vil du belyse?") and is not a
    /// continuum.
    pub fn open_live_point_step(&self, meeting_id: Id) -> Result<Option<(Id, u32)>> {
        self.conn
            .prepare_cached(
                "SELECT w.current_item_id, w.current_step FROM meeting_walk w
                 JOIN agenda_item a ON a.id = w.current_item_id AND a.meeting_id = w.meeting_id AND a.openness = 'open'
                 JOIN walk_step s ON s.agenda_item_id = w.current_item_id AND s.step = w.current_step
                 JOIN meeting_question_set q ON q.meeting_id = w.meeting_id AND q.set_id = s.set_id
                     AND q.version = s.set_version AND json_extract(q.content, '$.kind') <> 'continuum'
                     AND json_type(q.content, '$.prompt') = 'object'
                 WHERE w.meeting_id = ?1",
            )?
            .query_row([meeting_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .opt()
    }

    /// The live sessions' audit rows of a meeting, oldest first.
    pub fn live_audit(&self, meeting_id: Id) -> Result<Vec<LiveAuditRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT l.id, l.at, l.actor, v.event, v.person_id, v.person_name, v.device_id, v.device_label, v.address, l.changes
             FROM audit_live v JOIN audit_log l ON l.id = v.audit_id WHERE l.meeting_id = ?1 ORDER BY l.id",
        )?;
        let rows = stmt.query_map([meeting_id], |r| {
            Ok(LiveAuditRow {
                audit_id: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                event: r.get(3)?,
                person_id: r.get(4)?,
                person_name: r.get(5)?,
                device_id: r.get(6)?,
                device_label: r.get(7)?,
                address: r.get(8)?,
                changes: r.get(9)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}
