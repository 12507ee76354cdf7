use rusqlite::{params, Connection, Row};

use super::{found, now_utc, Db, OptionalRow};
use crate::domain::*;
use crate::error::{Error, Message, Result};
use crate::validate::{self, MAX_SHORT, MAX_TITLE};

const SELECT: &str = "SELECT g.id, g.committee_id, g.title, g.kind, g.starts_at, g.ends_at, g.place, g.status,
        (SELECT count(*) FROM agenda_item a WHERE a.meeting_id = g.id), g.began_at, g.adjourned_at
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
        began_at: r.get(9)?,
        adjourned_at: r.get(10)?,
    })
}

/// The local wall-clock time now, `YYYY-MM-DDTHH:MM`: what the secretary's key press records.
fn local_now() -> String {
    chrono::Local::now().format("%Y-%m-%dT%H:%M").to_string()
}

/// A correction of a recorded time: `""` clears it, anything else must be a local time.
fn time_patch(value: Option<&str>, field: &'static str) -> Result<Option<Option<String>>> {
    match value {
        None => Ok(None),
        Some(v) if v.trim().is_empty() => Ok(Some(None)),
        Some(v) => Ok(Some(Some(validate::local_time(v, field)?))),
    }
}

/// The adjournment never comes before the start. `field` is the one the user changed.
fn check_times(began_at: Option<&str>, adjourned_at: Option<&str>, field: &'static str) -> Result<()> {
    match (began_at, adjourned_at) {
        // Both are normalised `YYYY-MM-DDTHH:MM`, so text order is time order.
        (Some(b), Some(a)) if a < b => Err(Error::Validation(
            Message::new("error-adjourned-before-began")
                .field(field)
                .arg("began", b.replace('T', " "))
                .arg("adjourned", a.replace('T', " ")),
        )),
        _ => Ok(()),
    }
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
    /// This workspace's permanent random id.
    pub fn workspace_id(&self) -> Result<String> {
        Ok(self.connection().query_row("SELECT id FROM workspace", [], |r| r.get(0))?)
    }

    /// How many times a meeting has been changed (its updates in the audit log): a calendar
    /// entry's SEQUENCE.
    pub fn meeting_change_count(&self, meeting_id: Id) -> Result<u32> {
        Ok(self.connection().query_row(
            "SELECT count(*) FROM audit_log WHERE entity = 'meeting' AND entity_id = ?1 AND action = 'update'",
            [meeting_id],
            |r| r.get(0),
        )?)
    }

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
            let n: i64 =
                tx.query_row("SELECT count(*) FROM meeting WHERE committee_id = ?1", [input.committee_id], |r| r.get(0))?;
            validate::room_for_one(n, validate::MAX_MEETINGS_PER_COMMITTEE, "error-too-many-meetings")?;
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
        let began_at = time_patch(patch.began_at.as_deref(), "began_at")?;
        let adjourned_at = time_patch(patch.adjourned_at.as_deref(), "adjourned_at")?;
        self.write(|tx| {
            let m = get_unlocked(tx, id)?;
            let began = began_at.clone().unwrap_or(m.began_at);
            let adjourned = adjourned_at.clone().unwrap_or(m.adjourned_at);
            // Only the start was corrected: say so on the start field.
            let field = if began_at.is_some() && adjourned_at.is_none() { "began_at" } else { "adjourned_at" };
            check_times(began.as_deref(), adjourned.as_deref(), field)?;
            let (s, e) = (starts_at.clone().unwrap_or(m.starts_at), ends_at.clone().unwrap_or(m.ends_at));
            validate::time_order(&s, &e).map_err(|err| match (&starts_at, &ends_at) {
                // Only the start moved: say so on the start field.
                (Some(_), None) => Error::Validation(Message::new("error-start-after-end").field("starts_at")),
                _ => err,
            })?;
            tx.execute(
                "UPDATE meeting SET title = ?2, kind = ?3, starts_at = ?4, ends_at = ?5, place = ?6, updated_at = ?7,
                     began_at = ?8, adjourned_at = ?9 WHERE id = ?1",
                params![
                    id,
                    title.unwrap_or(m.title),
                    patch.kind.unwrap_or(m.kind),
                    s,
                    e,
                    place.unwrap_or(m.place),
                    now_utc(),
                    began,
                    adjourned,
                ],
            )?;
            get(tx, id)
        })
    }

    /// Record that the meeting began now ("Mødet påbegyndt kl."): the secretary's one key
    /// press. Marking it again moves the time to now; a wrong time is corrected with
    /// [`Db::update_meeting`]. Refused when the minutes are approved, and when the meeting is
    /// already marked as adjourned before now.
    pub fn mark_meeting_began(&mut self, meeting_id: Id) -> Result<Meeting> {
        let now = local_now();
        self.write(|tx| {
            let m = get_unlocked(tx, meeting_id)?;
            check_times(Some(&now), m.adjourned_at.as_deref(), "began_at")?;
            tx.execute(
                "UPDATE meeting SET began_at = ?2, updated_at = ?3 WHERE id = ?1",
                params![meeting_id, now, now_utc()],
            )?;
            get(tx, meeting_id)
        })
    }

    /// Record that the minutes were read and the meeting adjourned now ("Protokollen blev læst
    /// og mødet hævet kl."). Refused when the minutes are approved, and when the recorded start
    /// lies after now.
    pub fn mark_meeting_adjourned(&mut self, meeting_id: Id) -> Result<Meeting> {
        let now = local_now();
        self.write(|tx| {
            let m = get_unlocked(tx, meeting_id)?;
            check_times(m.began_at.as_deref(), Some(&now), "adjourned_at")?;
            tx.execute(
                "UPDATE meeting SET adjourned_at = ?2, updated_at = ?3 WHERE id = ?1",
                params![meeting_id, now, now_utc()],
            )?;
            get(tx, meeting_id)
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
        .inspect(|m| {
            // A closed meeting is a natural restore point: its minutes are about to be approved.
            // The change is committed: a backup that fails is reported, never a failed close.
            if m.status == MeetingStatus::Closed {
                if let Err(e) = self.auto_backup(crate::backup::Reason::MeetingClosed) {
                    eprintln!("Pejling: the backup after closing the meeting failed: {e}");
                }
            }
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
