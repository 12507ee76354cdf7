use rusqlite::{params, Connection, Row};

use super::{found, now_utc, Db, OptionalRow};
use crate::domain::*;
use crate::error::{Error, Message, Result};
use crate::validate::{self, MAX_TITLE};

const SELECT: &str = "SELECT c.id, c.name, c.kind, c.description,
        (SELECT count(*) FROM membership m WHERE m.committee_id = c.id),
        (SELECT count(*) FROM meeting g WHERE g.committee_id = c.id), c.mandate
    FROM committee c";

fn row(r: &Row<'_>) -> rusqlite::Result<Committee> {
    Ok(Committee {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: r.get(2)?,
        description: r.get(3)?,
        member_count: r.get(4)?,
        meeting_count: r.get(5)?,
        mandate: r.get(6)?,
    })
}

/// The case-folded form that must be unique: "Økonomiudvalget" and "økonomiudvalget " clash.
fn name_key(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

pub(crate) fn get(conn: &Connection, id: Id) -> Result<Committee> {
    let c = conn.query_row(&format!("{SELECT} WHERE c.id = ?1"), [id], row).opt()?;
    found(c, "committee", id)
}

fn ensure_unique(conn: &Connection, key: &str, except: Option<Id>) -> Result<()> {
    let clash: Option<String> = conn
        .query_row("SELECT name FROM committee WHERE name_key = ?1 AND id IS NOT ?2", params![key, except], |r| {
            r.get(0)
        })
        .opt()?;
    match clash {
        Some(existing) => {
            Err(Error::Conflict(Message::new("error-committee-name-taken").field("name").arg("name", existing)))
        }
        None => Ok(()),
    }
}

impl Db {
    pub fn list_committees(&self) -> Result<Vec<Committee>> {
        let mut stmt = self.conn.prepare_cached(&format!("{SELECT} ORDER BY c.name_key"))?;
        let rows = stmt.query_map([], row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn get_committee(&self, id: Id) -> Result<CommitteeDetail> {
        Ok(CommitteeDetail {
            committee: get(&self.conn, id)?,
            members: self.list_members(id)?,
            meetings: self.list_meetings(Some(id))?,
        })
    }

    pub fn create_committee(&mut self, input: &NewCommittee) -> Result<Committee> {
        let name = validate::required(&input.name, "name", MAX_TITLE)?;
        let description = validate::text(&input.description, "description")?;
        self.write(|tx| {
            let key = name_key(&name);
            ensure_unique(tx, &key, None)?;
            let n: i64 = tx.query_row("SELECT count(*) FROM committee", [], |r| r.get(0))?;
            validate::room_for_one(n, validate::MAX_COMMITTEES, "error-too-many-committees")?;
            tx.execute(
                "INSERT INTO committee (name, name_key, kind, description) VALUES (?1, ?2, ?3, ?4)",
                params![name, key, input.kind, description],
            )?;
            get(tx, tx.last_insert_rowid())
        })
    }

    pub fn update_committee(&mut self, id: Id, patch: &CommitteePatch) -> Result<Committee> {
        let name = patch.name.as_deref().map(|n| validate::required(n, "name", MAX_TITLE)).transpose()?;
        let description = patch.description.as_deref().map(|d| validate::text(d, "description")).transpose()?;
        let mandate = patch.mandate.as_deref().map(|d| validate::text(d, "mandate")).transpose()?;
        self.write(|tx| {
            get(tx, id)?;
            if let Some(name) = &name {
                let key = name_key(name);
                ensure_unique(tx, &key, Some(id))?;
                tx.execute(
                    "UPDATE committee SET name = ?2, name_key = ?3, updated_at = ?4 WHERE id = ?1",
                    params![id, name, key, now_utc()],
                )?;
            }
            if let Some(kind) = patch.kind {
                tx.execute(
                    "UPDATE committee SET kind = ?2, updated_at = ?3 WHERE id = ?1",
                    params![id, kind, now_utc()],
                )?;
            }
            if let Some(description) = &description {
                tx.execute(
                    "UPDATE committee SET description = ?2, updated_at = ?3 WHERE id = ?1",
                    params![id, description, now_utc()],
                )?;
            }
            if let Some(mandate) = &mandate {
                tx.execute(
                    "UPDATE committee SET mandate = ?2, updated_at = ?3 WHERE id = ?1",
                    params![id, mandate, now_utc()],
                )?;
            }
            get(tx, id)
        })
    }

    /// Delete a committee with its memberships. Refused while it has meetings: meetings and
    /// their minutes are records, and must be deleted (or kept) one by one, deliberately.
    pub fn delete_committee(&mut self, id: Id) -> Result<()> {
        self.write(|tx| {
            let c = get(tx, id)?;
            if c.meeting_count > 0 {
                return Err(Error::Conflict(
                    Message::new("error-committee-has-meetings").arg("count", c.meeting_count),
                ));
            }
            // Projects are the committee's records too: moved to another committee or deleted first.
            let projects: i64 =
                tx.query_row("SELECT count(*) FROM project WHERE committee_id = ?1", [id], |r| r.get(0))?;
            if projects > 0 {
                return Err(Error::Conflict(Message::new("error-committee-has-projects").arg("count", projects)));
            }
            tx.execute("DELETE FROM committee WHERE id = ?1", [id])?;
            Ok(())
        })
    }
}
