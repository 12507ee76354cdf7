use rusqlite::{params, Connection, Row};

use super::meetings::get_unlocked;
use super::{found, now_utc, Db, OptionalRow};
use crate::domain::*;
use crate::error::Result;
use crate::validate::{self, MAX_SHORT, MAX_TITLE};

const SELECT: &str = "SELECT id, meeting_id, position, title, openness, case_id, summary, background,
        recommendation, previous_decisions, decision
    FROM agenda_item";

fn row(r: &Row<'_>) -> rusqlite::Result<AgendaItem> {
    let position: u32 = r.get(2)?;
    Ok(AgendaItem {
        id: r.get(0)?,
        meeting_id: r.get(1)?,
        number: position + 1,
        title: r.get(3)?,
        openness: r.get(4)?,
        case_id: r.get(5)?,
        summary: r.get(6)?,
        background: r.get(7)?,
        recommendation: r.get(8)?,
        previous_decisions: r.get(9)?,
        decision: r.get(10)?,
    })
}

fn get(conn: &Connection, id: Id) -> Result<AgendaItem> {
    let item = conn.query_row(&format!("{SELECT} WHERE id = ?1"), [id], row).opt()?;
    found(item, "agenda_item", id)
}

fn list(conn: &Connection, meeting_id: Id) -> Result<Vec<AgendaItem>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE meeting_id = ?1 ORDER BY position, id"))?;
    let rows = stmt.query_map([meeting_id], row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Write positions 0..n in the given order, touching only rows whose position changed.
fn renumber(conn: &Connection, ids: &[Id], current: &[AgendaItem]) -> Result<()> {
    let mut stmt = conn.prepare_cached("UPDATE agenda_item SET position = ?2, updated_at = ?3 WHERE id = ?1")?;
    let now = now_utc();
    for (pos, id) in ids.iter().enumerate() {
        let was = current.iter().find(|i| i.id == *id).map(|i| i.number as usize - 1);
        if was != Some(pos) {
            stmt.execute(params![id, pos as i64, now])?;
        }
    }
    Ok(())
}

impl Db {
    pub fn list_agenda_items(&self, meeting_id: Id) -> Result<Vec<AgendaItem>> {
        list(&self.conn, meeting_id)
    }

    pub fn get_agenda_item(&self, id: Id) -> Result<AgendaItem> {
        get(&self.conn, id)
    }

    /// Append an item to the end of the agenda.
    pub fn add_agenda_item(&mut self, meeting_id: Id, title: &str) -> Result<AgendaItem> {
        let title = validate::required(title, "title", MAX_TITLE)?;
        self.write(|tx| {
            get_unlocked(tx, meeting_id)?;
            let n: i64 =
                tx.query_row("SELECT count(*) FROM agenda_item WHERE meeting_id = ?1", [meeting_id], |r| r.get(0))?;
            validate::room_for_one(n, validate::MAX_ITEMS_PER_MEETING, "error-too-many-items")?;
            tx.execute(
                "INSERT INTO agenda_item (meeting_id, position, title)
                 VALUES (?1, (SELECT coalesce(max(position) + 1, 0) FROM agenda_item WHERE meeting_id = ?1), ?2)",
                params![meeting_id, title],
            )?;
            get(tx, tx.last_insert_rowid())
        })
    }

    /// Change the fields present in `patch`. Long texts are stored exactly as typed.
    pub fn update_agenda_item(&mut self, id: Id, patch: &AgendaItemPatch) -> Result<AgendaItem> {
        // Validate everything before writing anything.
        let mut sets: Vec<(&'static str, Box<dyn rusqlite::ToSql>)> = Vec::new();
        if let Some(t) = &patch.title {
            sets.push(("title", Box::new(validate::required(t, "title", MAX_TITLE)?)));
        }
        if let Some(o) = patch.openness {
            sets.push(("openness", Box::new(o)));
        }
        if let Some(c) = &patch.case_id {
            sets.push(("case_id", Box::new(validate::optional(c, "case_id", MAX_SHORT)?)));
        }
        for (col, value) in [
            ("summary", &patch.summary),
            ("background", &patch.background),
            ("recommendation", &patch.recommendation),
            ("previous_decisions", &patch.previous_decisions),
            ("decision", &patch.decision),
        ] {
            if let Some(v) = value {
                sets.push((col, Box::new(validate::text(v, col)?)));
            }
        }
        self.write(|tx| {
            let item = get(tx, id)?;
            get_unlocked(tx, item.meeting_id)?;
            if sets.is_empty() {
                return Ok(item);
            }
            // Column names come from the fixed list above, never from input.
            let assignments: Vec<String> =
                sets.iter().enumerate().map(|(i, (c, _))| format!("{c} = ?{}", i + 3)).collect();
            let sql = format!("UPDATE agenda_item SET updated_at = ?2, {} WHERE id = ?1", assignments.join(", "));
            let now = now_utc();
            let mut values: Vec<&dyn rusqlite::ToSql> = vec![&id, &now];
            values.extend(sets.iter().map(|(_, v)| v.as_ref()));
            tx.prepare_cached(&sql)?.execute(values.as_slice())?;
            get(tx, id)
        })
    }

    /// Move an item to `to_number` (1-based; clamped to the agenda) and renumber the rest.
    /// Returns the meeting's items in their new order.
    pub fn move_agenda_item(&mut self, id: Id, to_number: u32) -> Result<Vec<AgendaItem>> {
        self.write(|tx| {
            let item = get(tx, id)?;
            get_unlocked(tx, item.meeting_id)?;
            let current = list(tx, item.meeting_id)?;
            let mut ids: Vec<Id> = current.iter().map(|i| i.id).filter(|i| *i != id).collect();
            let at = (to_number.max(1) as usize - 1).min(ids.len());
            ids.insert(at, id);
            renumber(tx, &ids, &current)?;
            list(tx, item.meeting_id)
        })
    }

    /// Delete an item; the items after it move up one number.
    pub fn delete_agenda_item(&mut self, id: Id) -> Result<Vec<AgendaItem>> {
        self.write(|tx| {
            let item = get(tx, id)?;
            get_unlocked(tx, item.meeting_id)?;
            tx.execute("DELETE FROM agenda_item WHERE id = ?1", [id])?;
            let current = list(tx, item.meeting_id)?;
            let ids: Vec<Id> = current.iter().map(|i| i.id).collect();
            renumber(tx, &ids, &current)?;
            list(tx, item.meeting_id)
        })
    }
}
