//! Follow-up items (opfølgning) across meetings: the committee's list, writing and answering
//! items, and the draft agenda item "Opfølgning" that puts them on a new meeting's agenda.
//!
//! Why it is built this way:
//!
//! * **An item outlives its meeting.** It belongs to its committee; the meeting and agenda
//!   item it came from are links back. Approving a meeting's minutes locks the record, not the
//!   follow-up: owner, due date, status and answer are not part of the minutes' fingerprint
//!   ([`Db::minutes_content`] quotes only a question's text and who asked), so they can always
//!   change — answering a question raised at an approved meeting is the point of following it
//!   up. Only what the approved minutes quote is locked: the text of a question to the
//!   administration raised in an approved meeting's walk, and deleting it.
//! * **Answered since the last meeting.** `answered_at` is written when an item becomes
//!   answered (or is closed with an answer) and cleared when it is reopened, in local time
//!   like meeting times, so it compares directly with the start of the committee's last
//!   meeting.
//! * **Offered, never pushed.** Preparing a meeting offers the items that are not closed; the
//!   chair accepts (an agenda item "Opfølgning" is written, listing them, and each item
//!   remembers where it was listed) or declines (nothing is written).

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{params, Connection, Row};

use super::meetings::{get as meeting, get_unlocked};
use super::{found, now_utc, Db, OptionalRow};
use crate::domain::*;
use crate::error::{Error, Message, Result};
use crate::i18n::{Catalog, Lang};
use crate::validate::{self, MAX_SHORT};

const SELECT: &str = "SELECT f.id, f.committee_id, f.origin, f.text, f.owner, f.due_date, f.status, f.answer,
        f.answered_at, p.name, f.meeting_id, m.title, m.starts_at, f.agenda_item_id, a.position + 1, a.title,
        a.openness, s.step, f.created_at, f.set_id IS NOT NULL AND m.status = 'minutes_approved'
    FROM follow_up f
    LEFT JOIN meeting m ON m.id = f.meeting_id
    LEFT JOIN agenda_item a ON a.id = f.agenda_item_id
    LEFT JOIN walk_step s ON s.agenda_item_id = f.agenda_item_id AND s.set_id = f.set_id
                         AND s.question_id = f.question_id
    LEFT JOIN person p ON p.id = f.asked_by";

/// The order of the list: pending first by due date (undated last), then answered, then
/// closed, each oldest first.
const ORDER: &str =
    "ORDER BY CASE f.status WHEN 'open' THEN 0 WHEN 'in_progress' THEN 0 WHEN 'answered' THEN 1 ELSE 2 END,
        f.due_date IS NULL, f.due_date, f.id";

fn row(r: &Row<'_>) -> rusqlite::Result<FollowUpItem> {
    Ok(FollowUpItem {
        id: r.get(0)?,
        committee_id: r.get(1)?,
        origin: r.get(2)?,
        text: r.get(3)?,
        owner: r.get(4)?,
        due_date: r.get(5)?,
        status: r.get(6)?,
        answer: r.get(7)?,
        answered_at: r.get(8)?,
        asked_by_name: r.get(9)?,
        meeting_id: r.get(10)?,
        meeting_title: r.get(11)?,
        meeting_starts_at: r.get(12)?,
        agenda_item_id: r.get(13)?,
        item_number: r.get(14)?,
        item_title: r.get(15)?,
        item_openness: r.get(16)?,
        step: r.get(17)?,
        created_at: r.get(18)?,
        text_locked: r.get(19)?,
        overdue: false,
        answered_since_last_meeting: false,
        listed_on: Vec::new(),
    })
}

/// The local wall-clock time now.
fn local_now() -> NaiveDateTime {
    chrono::Local::now().naive_local()
}

fn minute(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M").to_string()
}

/// Where the list is read from: today's date and the start of the committee's last meeting.
struct Now {
    today: String,
    last_meeting_start: Option<String>,
}

impl Now {
    fn of(conn: &Connection, committee_id: Id, now: NaiveDateTime) -> Result<(Now, Option<Meeting>)> {
        let last = last_meeting(conn, committee_id, &minute(now))?;
        Ok((
            Now {
                today: now.date().format("%Y-%m-%d").to_string(),
                last_meeting_start: last.as_ref().map(|m| m.starts_at.clone()),
            },
            last,
        ))
    }

    fn complete(&self, conn: &Connection, item: &mut FollowUpItem) -> Result<()> {
        self.flags(item);
        item.listed_on = listings(conn, item.id)?;
        Ok(())
    }

    /// Overdue and answered since the last meeting, as of this time.
    fn flags(&self, item: &mut FollowUpItem) {
        item.overdue = item.is_pending() && item.due_date.as_deref().is_some_and(|d| d < self.today.as_str());
        item.answered_since_last_meeting = match (&item.answered_at, &self.last_meeting_start) {
            (Some(at), Some(start)) => at >= start,
            (Some(_), None) => true,
            _ => false,
        };
    }
}

/// Where each of a committee's follow-up items was listed, in one query (a committee's list
/// may hold years of items).
fn committee_listings(conn: &Connection, committee_id: Id) -> Result<HashMap<Id, Vec<FollowUpListing>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT l.follow_up_id, m.id, m.title, m.starts_at, a.id, a.position + 1
         FROM follow_up_agenda l JOIN follow_up f ON f.id = l.follow_up_id
         JOIN agenda_item a ON a.id = l.agenda_item_id JOIN meeting m ON m.id = a.meeting_id
         WHERE f.committee_id = ?1 ORDER BY m.starts_at, m.id",
    )?;
    let mut out: HashMap<Id, Vec<FollowUpListing>> = HashMap::new();
    let rows = stmt.query_map([committee_id], |r| {
        Ok((
            r.get::<_, Id>(0)?,
            FollowUpListing {
                meeting_id: r.get(1)?,
                meeting_title: r.get(2)?,
                meeting_starts_at: r.get(3)?,
                agenda_item_id: r.get(4)?,
                item_number: r.get(5)?,
            },
        ))
    })?;
    for row in rows {
        let (id, listing) = row?;
        out.entry(id).or_default().push(listing);
    }
    Ok(out)
}

/// The latest meeting of the committee that has begun by `now` (local `YYYY-MM-DDTHH:MM`).
fn last_meeting(conn: &Connection, committee_id: Id, now: &str) -> Result<Option<Meeting>> {
    let id: Option<Id> = conn
        .query_row(
            "SELECT id FROM meeting WHERE committee_id = ?1 AND starts_at <= ?2 ORDER BY starts_at DESC, id DESC LIMIT 1",
            params![committee_id, now],
            |r| r.get(0),
        )
        .opt()?;
    id.map(|id| meeting(conn, id)).transpose()
}

fn listings(conn: &Connection, follow_up_id: Id) -> Result<Vec<FollowUpListing>> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.id, m.title, m.starts_at, a.id, a.position + 1
         FROM follow_up_agenda l JOIN agenda_item a ON a.id = l.agenda_item_id JOIN meeting m ON m.id = a.meeting_id
         WHERE l.follow_up_id = ?1 ORDER BY m.starts_at, m.id",
    )?;
    let rows = stmt
        .query_map([follow_up_id], |r| {
            Ok(FollowUpListing {
                meeting_id: r.get(0)?,
                meeting_title: r.get(1)?,
                meeting_starts_at: r.get(2)?,
                agenda_item_id: r.get(3)?,
                item_number: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

fn get_raw(conn: &Connection, id: Id) -> Result<FollowUpItem> {
    let item = conn.query_row(&format!("{SELECT} WHERE f.id = ?1"), [id], row).opt()?;
    found(item, "follow_up", id)
}

fn get(conn: &Connection, id: Id, now: NaiveDateTime) -> Result<FollowUpItem> {
    let mut item = get_raw(conn, id)?;
    let (n, _) = Now::of(conn, item.committee_id, now)?;
    n.complete(conn, &mut item)?;
    Ok(item)
}

fn query(conn: &Connection, filter: &str, args: &[&dyn rusqlite::ToSql], n: &Now) -> Result<Vec<FollowUpItem>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE {filter} {ORDER}"))?;
    let mut items = stmt.query_map(args, row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    for item in &mut items {
        n.complete(conn, item)?;
    }
    Ok(items)
}

/// A follow-up's text: trimmed, not empty.
fn follow_up_text(text: &str) -> Result<String> {
    let text = validate::text(text.trim(), "text")?;
    if text.is_empty() {
        return Err(Error::Validation(Message::new("error-follow-up-text-empty").field("text")));
    }
    Ok(text)
}

/// A due date `YYYY-MM-DD`; `""` is none.
fn due_date(value: &str) -> Result<Option<String>> {
    let v = value.trim();
    if v.is_empty() {
        return Ok(None);
    }
    match NaiveDate::parse_from_str(v, "%Y-%m-%d") {
        Ok(d) => Ok(Some(d.format("%Y-%m-%d").to_string())),
        Err(_) => Err(Error::Validation(Message::new("error-date-invalid").field("due_date").arg("value", v))),
    }
}

fn other_committee(field: &'static str) -> Error {
    Error::Validation(Message::new("error-follow-up-other-committee").field(field))
}

/// The Danish date "1. marts 2027" of `YYYY-MM-DD`, or the text as it is.
fn date_label(cat: &Catalog, date: &str) -> String {
    match NaiveDate::parse_from_str(date, "%Y-%m-%d") {
        Ok(d) => {
            use chrono::Datelike;
            cat.format(
                "date",
                &[
                    ("day", d.day().to_string()),
                    ("month", cat.format(&format!("month-{}", d.month()), &[])),
                    ("year", d.year().to_string()),
                ],
            )
        }
        Err(_) => date.to_owned(),
    }
}

/// The summary of the agenda item "Opfølgning": one numbered paragraph per follow-up item,
/// with its owner, due date, status and where it came from. Danish: it is the agenda's text.
fn agenda_summary(items: &[FollowUpItem]) -> String {
    let cat = Catalog::new(Lang::Da);
    let mut out = vec![cat.format("follow-up-agenda-intro", &[])];
    for (i, f) in items.iter().enumerate() {
        let mut details = Vec::new();
        if !f.owner.is_empty() {
            details.push(cat.format("follow-up-agenda-owner", &[("owner", f.owner.clone())]));
        }
        if let Some(d) = &f.due_date {
            details.push(cat.format("follow-up-agenda-due", &[("date", date_label(&cat, d))]));
        }
        details.push(cat.format("follow-up-agenda-status", &[("status", cat.format(&f.status.label_key(), &[]))]));
        match (&f.meeting_title, &f.meeting_starts_at, f.item_number) {
            (Some(title), Some(at), Some(number)) => details.push(cat.format(
                "follow-up-agenda-from-item",
                &[("meeting", title.clone()), ("date", cat.date_time(at)), ("number", number.to_string())],
            )),
            (Some(title), Some(at), None) => details.push(
                cat.format("follow-up-agenda-from-meeting", &[("meeting", title.clone()), ("date", cat.date_time(at))]),
            ),
            _ => {}
        }
        out.push(format!("{}. {}\n{}", i + 1, f.text, details.join(" ")));
    }
    out.join("\n\n")
}

impl Db {
    /// A committee's follow-up list as of now: every item with whether it is overdue and
    /// whether it was answered since the committee's last meeting.
    pub fn follow_up_list(&self, committee_id: Id) -> Result<FollowUpList> {
        self.follow_up_list_at(committee_id, local_now())
    }

    /// [`Db::follow_up_list`] as of the local time `now`.
    pub fn follow_up_list_at(&self, committee_id: Id, now: NaiveDateTime) -> Result<FollowUpList> {
        super::committees::get(&self.conn, committee_id)?;
        let (n, last_meeting) = Now::of(&self.conn, committee_id, now)?;
        let mut listed = committee_listings(&self.conn, committee_id)?;
        let mut stmt = self.conn.prepare_cached(&format!("{SELECT} WHERE f.committee_id = ?1 {ORDER}"))?;
        let mut items = stmt.query_map([committee_id], row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        for item in &mut items {
            n.flags(item);
            item.listed_on = listed.remove(&item.id).unwrap_or_default();
        }
        let count = |p: &dyn Fn(&FollowUpItem) -> bool| items.iter().filter(|i| p(i)).count() as u32;
        Ok(FollowUpList {
            committee_id,
            pending_count: count(&|i| i.is_pending()),
            overdue_count: count(&|i| i.overdue),
            answered_since_last_meeting_count: count(&|i| i.answered_since_last_meeting),
            today: n.today,
            last_meeting,
            items,
        })
    }

    /// One follow-up item.
    pub fn get_follow_up(&self, id: Id) -> Result<FollowUpItem> {
        get(&self.conn, id, local_now())
    }

    /// Write a follow-up item by hand, or from an agenda item's decision (`agenda_item_id`).
    /// It starts open. Allowed also for a meeting whose minutes are approved: following up a
    /// decision changes nothing in its minutes.
    pub fn create_follow_up(&mut self, input: &NewFollowUp) -> Result<FollowUpItem> {
        let text = follow_up_text(&input.text)?;
        let owner = validate::optional(&input.owner, "owner", MAX_SHORT)?;
        let due = due_date(input.due_date.as_deref().unwrap_or(""))?;
        self.write(|tx| {
            super::committees::get(tx, input.committee_id)?;
            let mut meeting_id = input.meeting_id;
            if let Some(item_id) = input.agenda_item_id {
                let item_meeting: Option<Id> =
                    tx.query_row("SELECT meeting_id FROM agenda_item WHERE id = ?1", [item_id], |r| r.get(0)).opt()?;
                let item_meeting = found(item_meeting, "agenda_item", item_id)?;
                if meeting_id.is_some_and(|m| m != item_meeting) {
                    return Err(Error::Validation(
                        Message::new("error-walk-item-not-in-meeting").field("agenda_item_id"),
                    ));
                }
                meeting_id = Some(item_meeting);
            }
            if let Some(m) = meeting_id {
                if meeting(tx, m)?.committee_id != input.committee_id {
                    return Err(other_committee(if input.agenda_item_id.is_some() {
                        "agenda_item_id"
                    } else {
                        "meeting_id"
                    }));
                }
            }
            let origin = if input.agenda_item_id.is_some() { FollowUpOrigin::Decision } else { FollowUpOrigin::Manual };
            tx.execute(
                "INSERT INTO follow_up (committee_id, meeting_id, agenda_item_id, origin, text, owner, due_date)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![input.committee_id, meeting_id, input.agenda_item_id, origin, text, owner, due],
            )?;
            get(tx, tx.last_insert_rowid(), local_now())
        })
    }

    /// Change the fields present in `patch`. Owner, due date, status and answer can always
    /// change; the text not when approved minutes quote it. An item is `answered` only with an
    /// answer.
    pub fn update_follow_up(&mut self, id: Id, patch: &FollowUpPatch) -> Result<FollowUpItem> {
        let text = patch.text.as_deref().map(follow_up_text).transpose()?;
        let owner = patch.owner.as_deref().map(|o| validate::optional(o, "owner", MAX_SHORT)).transpose()?;
        let due = patch.due_date.as_deref().map(due_date).transpose()?;
        let answer = patch.answer.as_deref().map(|a| validate::text(a, "answer")).transpose()?;
        self.write(|tx| {
            let f = get_raw(tx, id)?;
            if let Some(t) = &text {
                if f.text_locked && *t != f.text {
                    return Err(Error::Locked(Message::new("error-follow-up-text-locked").field("text")));
                }
            }
            let status = patch.status.unwrap_or(f.status);
            let answer = answer.clone().unwrap_or(f.answer.clone());
            if status == FollowUpStatus::Answered && answer.trim().is_empty() {
                return Err(Error::Validation(Message::new("error-follow-up-answer-empty").field("answer")));
            }
            let answered_at = match status {
                FollowUpStatus::Open | FollowUpStatus::InProgress => None,
                _ if f.answered_at.is_some() => f.answered_at.clone(),
                _ if !answer.trim().is_empty() => Some(minute(local_now())),
                _ => None,
            };
            tx.execute(
                "UPDATE follow_up SET text = ?2, owner = ?3, due_date = ?4, status = ?5, answer = ?6, answered_at = ?7,
                     updated_at = ?8
                 WHERE id = ?1",
                params![
                    id,
                    text.clone().unwrap_or(f.text.clone()),
                    owner.clone().unwrap_or(f.owner.clone()),
                    due.clone().unwrap_or(f.due_date.clone()),
                    status,
                    answer,
                    answered_at,
                    now_utc()
                ],
            )?;
            get(tx, id, local_now())
        })
    }

    /// Delete a follow-up item written by mistake. Refused for a question quoted in approved
    /// minutes.
    pub fn delete_follow_up(&mut self, id: Id) -> Result<()> {
        self.write(|tx| {
            let f = get_raw(tx, id)?;
            if f.text_locked {
                return Err(Error::Locked(Message::new("error-follow-up-delete-locked")));
            }
            tx.execute("DELETE FROM follow_up WHERE id = ?1", [id])?;
            Ok(())
        })
    }

    /// What to offer the chair when preparing `meeting_id`: the committee's follow-up items
    /// that are not closed, not raised at this meeting or a later one, and not yet on this
    /// meeting's agenda.
    pub fn follow_up_offer(&self, meeting_id: Id) -> Result<FollowUpOffer> {
        let m = meeting(&self.conn, meeting_id)?;
        let (n, _) = Now::of(&self.conn, m.committee_id, local_now())?;
        let items = query(
            &self.conn,
            "f.committee_id = ?1 AND f.status <> 'closed'
             AND (f.meeting_id IS NULL OR (f.meeting_id <> ?2 AND m.starts_at <= ?3))
             AND NOT EXISTS (SELECT 1 FROM follow_up_agenda l JOIN agenda_item x ON x.id = l.agenda_item_id
                             WHERE l.follow_up_id = f.id AND x.meeting_id = ?2)",
            &[&m.committee_id, &meeting_id, &m.starts_at],
            &n,
        )?;
        let has_follow_up_item: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM follow_up_agenda l JOIN agenda_item a ON a.id = l.agenda_item_id
                            WHERE a.meeting_id = ?1)",
            [meeting_id],
            |r| r.get(0),
        )?;
        Ok(FollowUpOffer { meeting_id, items, has_follow_up_item })
    }

    /// The chair accepted the offer: add the agenda item "Opfølgning" to the end of the
    /// meeting's agenda, its summary listing `follow_up_ids` in the given order, and record that
    /// they were listed there. Returns the new agenda item.
    pub fn add_follow_up_agenda_item(&mut self, meeting_id: Id, follow_up_ids: &[Id]) -> Result<AgendaItem> {
        if follow_up_ids.is_empty() {
            return Err(Error::Validation(Message::new("error-follow-up-none-chosen").field("follow_up_ids")));
        }
        let item_id = self.write(|tx| {
            let m = get_unlocked(tx, meeting_id)?;
            let mut items = Vec::with_capacity(follow_up_ids.len());
            for id in follow_up_ids {
                let f = get_raw(tx, *id)?;
                if f.committee_id != m.committee_id {
                    return Err(other_committee("follow_up_ids"));
                }
                if !items.iter().any(|i: &FollowUpItem| i.id == f.id) {
                    items.push(f);
                }
            }
            let title = crate::i18n::message(Lang::Da, "follow-up-agenda-title", &[]);
            tx.execute(
                "INSERT INTO agenda_item (meeting_id, position, title, summary)
                 VALUES (?1, (SELECT coalesce(max(position) + 1, 0) FROM agenda_item WHERE meeting_id = ?1), ?2, ?3)",
                params![meeting_id, title, agenda_summary(&items)],
            )?;
            let item_id = tx.last_insert_rowid();
            let mut insert = tx.prepare_cached(
                "INSERT INTO follow_up_agenda (agenda_item_id, follow_up_id, position) VALUES (?1, ?2, ?3)",
            )?;
            for (pos, f) in items.iter().enumerate() {
                insert.execute(params![item_id, f.id, pos as i64])?;
            }
            Ok(item_id)
        })?;
        self.get_agenda_item(item_id)
    }

    /// The follow-up items listed under an agenda item "Opfølgning", in their listed order,
    /// as they stand now.
    pub fn follow_ups_on_agenda_item(&self, item_id: Id) -> Result<Vec<FollowUpItem>> {
        let item = self.get_agenda_item(item_id)?;
        let m = meeting(&self.conn, item.meeting_id)?;
        let (n, _) = Now::of(&self.conn, m.committee_id, local_now())?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "{SELECT} JOIN follow_up_agenda l ON l.follow_up_id = f.id WHERE l.agenda_item_id = ?1 ORDER BY l.position"
        ))?;
        let mut items = stmt.query_map([item_id], row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        for f in &mut items {
            n.complete(&self.conn, f)?;
        }
        Ok(items)
    }
}
