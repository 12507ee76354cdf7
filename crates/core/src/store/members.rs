use rusqlite::{params, Connection, Row};

use super::{found, now_utc, Db, OptionalRow};
use crate::domain::*;
use crate::error::{Error, Message, Result};
use crate::validate::{self, MAX_SHORT, MAX_TITLE};

const SELECT: &str = "SELECT p.id, m.committee_id, p.name, p.party, m.role
    FROM membership m JOIN person p ON p.id = m.person_id";

fn row(r: &Row<'_>) -> rusqlite::Result<Member> {
    Ok(Member { person_id: r.get(0)?, committee_id: r.get(1)?, name: r.get(2)?, party: r.get(3)?, role: r.get(4)? })
}

fn get(conn: &Connection, committee_id: Id, person_id: Id) -> Result<Member> {
    let m = conn
        .query_row(&format!("{SELECT} WHERE m.committee_id = ?1 AND m.person_id = ?2"), [committee_id, person_id], row)
        .opt()?;
    found(m, "member", person_id)
}

fn party(value: Option<&str>) -> Result<Option<String>> {
    let p = value.map(|p| validate::optional(p, "party", MAX_SHORT)).transpose()?;
    Ok(p.filter(|p| !p.is_empty()))
}

fn insert_membership(conn: &Connection, committee_id: Id, person_id: Id, role: Role) -> Result<Member> {
    super::committees::get(conn, committee_id)?;
    let exists: Option<i64> = conn
        .query_row(
            "SELECT 1 FROM membership WHERE committee_id = ?1 AND person_id = ?2",
            [committee_id, person_id],
            |r| r.get(0),
        )
        .opt()?;
    if exists.is_some() {
        return Err(Error::Conflict(Message::new("error-member-exists")));
    }
    let n: i64 =
        conn.query_row("SELECT count(*) FROM membership WHERE committee_id = ?1", [committee_id], |r| r.get(0))?;
    validate::room_for_one(n, validate::MAX_MEMBERS_PER_COMMITTEE, "error-too-many-members")?;
    conn.execute(
        "INSERT INTO membership (committee_id, person_id, role) VALUES (?1, ?2, ?3)",
        params![committee_id, person_id, role],
    )?;
    get(conn, committee_id, person_id)
}

impl Db {
    /// Members of a committee: chair first, then by role, then by name.
    pub fn list_members(&self, committee_id: Id) -> Result<Vec<Member>> {
        let mut stmt = self.conn.prepare_cached(&format!("{SELECT} WHERE m.committee_id = ?1"))?;
        let mut rows = stmt.query_map([committee_id], row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        rows.sort_by_key(|a| (a.role.rank(), a.name.to_lowercase()));
        Ok(rows)
    }

    /// Everyone known to this workspace, for adding an existing person to another committee.
    pub fn list_people(&self) -> Result<Vec<Person>> {
        let mut stmt = self.conn.prepare_cached("SELECT id, name, party FROM person ORDER BY name COLLATE NOCASE")?;
        let rows = stmt
            .query_map([], |r| Ok(Person { id: r.get(0)?, name: r.get(1)?, party: r.get(2)? }))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Add a new person to a committee.
    pub fn add_member(&mut self, committee_id: Id, input: &NewMember) -> Result<Member> {
        let name = validate::required(&input.name, "name", MAX_TITLE)?;
        let party = party(input.party.as_deref())?;
        self.write(|tx| {
            super::committees::get(tx, committee_id)?;
            let n: i64 =
                tx.query_row("SELECT count(*) FROM membership WHERE committee_id = ?1", [committee_id], |r| r.get(0))?;
            validate::room_for_one(n, validate::MAX_MEMBERS_PER_COMMITTEE, "error-too-many-members")?;
            tx.execute("INSERT INTO person (name, party) VALUES (?1, ?2)", params![name, party])?;
            insert_membership(tx, committee_id, tx.last_insert_rowid(), input.role)
        })
    }

    /// Add a person who already sits on another committee.
    pub fn add_existing_member(&mut self, committee_id: Id, person_id: Id, role: Role) -> Result<Member> {
        self.write(|tx| {
            let known: Option<i64> =
                tx.query_row("SELECT id FROM person WHERE id = ?1", [person_id], |r| r.get(0)).opt()?;
            found(known, "person", person_id)?;
            insert_membership(tx, committee_id, person_id, role)
        })
    }

    /// Change a member's name or party (for every committee they sit on) or role (in this one).
    pub fn update_member(&mut self, committee_id: Id, person_id: Id, patch: &MemberPatch) -> Result<Member> {
        let name = patch.name.as_deref().map(|n| validate::required(n, "name", MAX_TITLE)).transpose()?;
        let new_party = match &patch.party {
            Some(p) => Some(party(Some(p))?),
            None => None,
        };
        self.write(|tx| {
            get(tx, committee_id, person_id)?;
            if let Some(name) = &name {
                tx.execute(
                    "UPDATE person SET name = ?2, updated_at = ?3 WHERE id = ?1",
                    params![person_id, name, now_utc()],
                )?;
            }
            if let Some(p) = &new_party {
                tx.execute(
                    "UPDATE person SET party = ?2, updated_at = ?3 WHERE id = ?1",
                    params![person_id, p, now_utc()],
                )?;
            }
            if let Some(role) = patch.role {
                tx.execute(
                    "UPDATE membership SET role = ?3 WHERE committee_id = ?1 AND person_id = ?2",
                    params![committee_id, person_id, role],
                )?;
            }
            get(tx, committee_id, person_id)
        })
    }

    /// Remove a person from a committee; the person stays known to the workspace.
    pub fn remove_member(&mut self, committee_id: Id, person_id: Id) -> Result<()> {
        self.write(|tx| {
            get(tx, committee_id, person_id)?;
            tx.execute("DELETE FROM membership WHERE committee_id = ?1 AND person_id = ?2", [committee_id, person_id])?;
            Ok(())
        })
    }
}
