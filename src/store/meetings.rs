use rusqlite::{params, Connection, Row};

use super::{found, now_utc, Db, OptionalRow};
use crate::domain::*;
use crate::error::{Error, Message, Result};
use crate::validate::{self, MAX_SHORT, MAX_TITLE};

const SELECT: &str = "SELECT g.id, g.committee_id, g.title, g.kind, g.starts_at, g.ends_at, g.place, g.status,
        (SELECT count(*) FROM agenda_item a WHERE a.meeting_id = g.id)
    FROM meeting g";

fn row(r: &Row<'_>) -> rusqlite::Result<Meeting> {
    Ok(Meeting {
        id: r.get(0)?,
        committee_id: r.get(1)?,
        title: r.get(2)?,
        kind: r.get(3)?,
        starts_at: r.get(4)?,
        ends_at: r.get(5)?,
        place: r.get(6)?,
        status: r.get(7)?,
        item_count: r.get(8)?,
    })
}

pub(crate) fn get(conn: &Connection, id: Id) -> Result<Meeting> {
    let m = conn.query_row(&format!("{SELECT} WHERE g.id = ?1"), [id], row).opt()?;
    found(m, "meeting", id)
}

/// The meeting, if its minutes are not yet approved; approved minutes are locked.
pub(crate) fn get_unlocked(conn: &Connection, id: Id) -> Result<Meeting> {
    let m = get(conn, id)?;
    if m.status.is_locked() {
        return Err(Error::Locked(Message::new("error-meeting-locked").arg("title", &m.title)));
    }
    Ok(m)
}

impl Db {
    /// Meetings of one committee (or all), by start time.
    pub fn list_meetings(&self, committee_id: Option<Id>) -> Result<Vec<Meeting>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{SELECT} WHERE ?1 IS NULL OR g.committee_id = ?1 ORDER BY g.starts_at, g.id"))?;
        let rows = stmt.query_map([committee_id], row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn create_meeting(&mut self, input: &NewMeeting) -> Result<Meeting> {
        let title = validate::required(&input.title, "title", MAX_TITLE)?;
        let starts_at = validate::local_time(&input.starts_at, "starts_at")?;
        let ends_at = validate::local_time(&input.ends_at, "ends_at")?;
        validate::time_order(&starts_at, &ends_at)?;
        let place = validate::optional(&input.place, "place", MAX_SHORT)?;
        self.write(|tx| {
            super::committees::get(tx, input.committee_id)?;
            tx.execute(
                "INSERT INTO meeting (committee_id, title, kind, starts_at, ends_at, place) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![input.committee_id, title, input.kind, starts_at, ends_at, place],
            )?;
            get(tx, tx.last_insert_rowid())
        })
    }

    pub fn update_meeting(&mut self, id: Id, patch: &MeetingPatch) -> Result<Meeting> {
        let title = patch.title.as_deref().map(|t| validate::required(t, "title", MAX_TITLE)).transpose()?;
        let starts_at = patch.starts_at.as_deref().map(|t| validate::local_time(t, "starts_at")).transpose()?;
        let ends_at = patch.ends_at.as_deref().map(|t| validate::local_time(t, "ends_at")).transpose()?;
        let place = patch.place.as_deref().map(|p| validate::optional(p, "place", MAX_SHORT)).transpose()?;
        self.write(|tx| {
            let m = get_unlocked(tx, id)?;
            let (s, e) = (starts_at.clone().unwrap_or(m.starts_at), ends_at.clone().unwrap_or(m.ends_at));
            validate::time_order(&s, &e).map_err(|err| match (&starts_at, &ends_at) {
                // Only the start moved: say so on the start field.
                (Some(_), None) => Error::Validation(Message::new("error-start-after-end").field("starts_at")),
                _ => err,
            })?;
            tx.execute(
                "UPDATE meeting SET title = ?2, kind = ?3, starts_at = ?4, ends_at = ?5, place = ?6, updated_at = ?7 WHERE id = ?1",
                params![
                    id,
                    title.unwrap_or(m.title),
                    patch.kind.unwrap_or(m.kind),
                    s,
                    e,
                    place.unwrap_or(m.place),
                    now_utc()
                ],
            )?;
            get(tx, id)
        })
    }

    pub fn set_meeting_status(&mut self, id: Id, status: MeetingStatus) -> Result<Meeting> {
        self.write(|tx| {
            let m = get(tx, id)?;
            if m.status == status {
                return Ok(m);
            }
            if m.status.is_locked() {
                return Err(Error::Locked(Message::new("error-meeting-locked").arg("title", &m.title)));
            }
            if status == MeetingStatus::MinutesApproved {
                // Approval is a recorded act with a name and a fingerprint, not a status flip.
                return Err(Error::Validation(Message::new("error-approve-via-approval").field("status")));
            }
            if !m.status.can_move_to(status) {
                return Err(Error::Validation(
                    Message::new("error-status-step")
                        .field("status")
                        .arg("from", crate::i18n::message(crate::Lang::Da, &m.status.label_key(), &[]))
                        .arg("to", crate::i18n::message(crate::Lang::Da, &status.label_key(), &[])),
                ));
            }
            tx.execute(
                "UPDATE meeting SET status = ?2, updated_at = ?3 WHERE id = ?1",
                params![id, status, now_utc()],
            )?;
            get(tx, id)
        })
        .and_then(|m| {
            // A closed meeting is a natural restore point: its minutes are about to be approved.
            if m.status == MeetingStatus::Closed {
                self.auto_backup(crate::backup::Reason::MeetingClosed)?;
            }
            Ok(m)
        })
    }

    /// Delete a meeting and its agenda. Approved minutes are never deleted.
    pub fn delete_meeting(&mut self, id: Id) -> Result<()> {
        self.write(|tx| {
            get_unlocked(tx, id)?;
            tx.execute("DELETE FROM meeting WHERE id = ?1", [id])?;
            Ok(())
        })
    }

    pub fn get_meeting(&self, id: Id) -> Result<MeetingDetail> {
        let meeting = get(&self.conn, id)?;
        Ok(MeetingDetail {
            committee: super::committees::get(&self.conn, meeting.committee_id)?,
            items: self.list_agenda_items(id)?,
            meeting,
        })
    }
}
