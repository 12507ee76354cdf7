//! Import: a package as a new meeting here, in one transaction.

use super::*;

// ---- import -----------------------------------------------------------------------------------

/// A change a package would make to the members of a committee already here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct MemberChange {
    pub name: String,
    /// The role here now; `None` when the person would be added.
    pub from: Option<Role>,
    pub to: Role,
}

pub(super) fn member_changes(conn: &Connection, p: &Package) -> Result<Vec<MemberChange>> {
    let Some(committee_id) = conn
        .query_row("SELECT id FROM committee WHERE uuid = ?1", [&p.committee.uuid], |r| r.get::<_, Id>(0))
        .optional()?
    else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for person in &p.people {
        let Some(role) = person.role else { continue };
        let here: Option<(String, Option<Role>)> = conn
            .query_row(
                "SELECT p.name, m.role FROM person p
                 LEFT JOIN membership m ON m.person_id = p.id AND m.committee_id = ?2 WHERE p.uuid = ?1",
                params![person.uuid, committee_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        match here {
            Some((_, Some(now))) if now == role => {}
            Some((name, now)) => out.push(MemberChange { name, from: now, to: role }),
            None => out.push(MemberChange { name: person.name.trim().to_owned(), from: None, to: role }),
        }
    }
    Ok(out)
}

pub(super) fn import(
    tx: &Connection,
    p: &Package,
    actor: &str,
    confirm_members: bool,
    types: &HashMap<String, crate::bilag::MediaType>,
) -> Result<PackageImported> {
    if let Some((id, _, title, _)) = meeting_uuid_row(tx, &p.meeting.uuid)? {
        return Err(Error::Conflict(Message::new("error-package-already-imported").arg("title", title).arg("id", id)));
    }
    // A committee already here keeps its members unless the user confirmed the changes.
    let changes = member_changes(tx, p)?;
    if !changes.is_empty() && !confirm_members {
        let label = |r: Role| crate::i18n::message(crate::Lang::Da, &r.label_key(), &[]).to_lowercase();
        let listed: Vec<String> = changes
            .iter()
            .map(|c| match c.from {
                None => crate::i18n::message(
                    crate::Lang::Da,
                    "package-member-added",
                    &[("name", c.name.clone()), ("role", label(c.to))],
                ),
                Some(from) => crate::i18n::message(
                    crate::Lang::Da,
                    "package-member-role",
                    &[("name", c.name.clone()), ("from", label(from)), ("to", label(c.to))],
                ),
            })
            .collect();
        let committee: String =
            tx.query_row("SELECT name FROM committee WHERE uuid = ?1", [&p.committee.uuid], |r| r.get(0))?;
        return Err(Error::Conflict(
            Message::new("error-package-changes-members").arg("committee", committee).arg("changes", listed.join("; ")),
        ));
    }
    // The committee: the same one by id, else a new one (named apart if the name is taken).
    let committee_id: Id =
        match tx.query_row("SELECT id FROM committee WHERE uuid = ?1", [&p.committee.uuid], |r| r.get(0)).optional()? {
            Some(id) => id,
            None => {
                let n: i64 = tx.query_row("SELECT count(*) FROM committee", [], |r| r.get(0))?;
                validate::room_for_one(n, validate::MAX_COMMITTEES, "error-too-many-committees")?;
                let base = p.committee.name.trim().to_owned();
                let mut name = base.clone();
                let mut k = 2;
                while tx
                    .query_row("SELECT 1 FROM committee WHERE name_key = ?1", [name_key(&name)], |_| Ok(()))
                    .optional()?
                    .is_some()
                {
                    name = format!("{base} ({k})");
                    k += 1;
                }
                validate::required(&name, "name", MAX_TITLE)?;
                tx.execute(
                    "INSERT INTO committee (name, name_key, kind, description, uuid) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![name, name_key(&name), p.committee.kind, p.committee.description, p.committee.uuid],
                )?;
                tx.last_insert_rowid()
            }
        };
    let n: i64 = tx.query_row("SELECT count(*) FROM meeting WHERE committee_id = ?1", [committee_id], |r| r.get(0))?;
    validate::room_for_one(n, validate::MAX_MEETINGS_PER_COMMITTEE, "error-too-many-meetings")?;
    // People: the same by id, else new; members of the committee in their role.
    let mut people: HashMap<&str, Id> = HashMap::new();
    for person in &p.people {
        let id: Id =
            match tx.query_row("SELECT id FROM person WHERE uuid = ?1", [&person.uuid], |r| r.get(0)).optional()? {
                Some(id) => id,
                None => {
                    tx.execute(
                        "INSERT INTO person (name, party, uuid) VALUES (?1, ?2, ?3)",
                        params![person.name.trim(), person.party.as_deref().map(str::trim), person.uuid],
                    )?;
                    tx.last_insert_rowid()
                }
            };
        if let Some(role) = person.role {
            // Only what was listed and confirmed above changes (each change audited).
            tx.execute(
                "INSERT INTO membership (committee_id, person_id, role) VALUES (?1, ?2, ?3)
                 ON CONFLICT (committee_id, person_id) DO UPDATE SET role = excluded.role WHERE role IS NOT excluded.role",
                params![committee_id, id, role],
            )?;
        }
        people.insert(&person.uuid, id);
    }
    let members: i64 =
        tx.query_row("SELECT count(*) FROM membership WHERE committee_id = ?1", [committee_id], |r| r.get(0))?;
    if members > validate::MAX_MEMBERS_PER_COMMITTEE {
        return Err(damaged("for mange medlemmer"));
    }
    let m = &p.meeting;
    tx.execute(
        "INSERT INTO meeting (committee_id, title, kind, starts_at, ends_at, place, status, uuid)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![committee_id, m.title.trim(), m.kind, m.starts_at, m.ends_at, m.place.trim(), m.status, m.uuid],
    )?;
    let meeting_id = tx.last_insert_rowid();
    for s in &p.question_sets {
        let set = question_sets::from_json(&s.content)?;
        tx.execute(
            "INSERT INTO meeting_question_set (meeting_id, set_id, version, content) VALUES (?1, ?2, ?3, ?4)",
            params![meeting_id, s.set_id, s.version, question_sets::canonical_json(&set)],
        )?;
    }
    let mut items: HashMap<&str, Id> = HashMap::new();
    for (pos, item) in p.items.iter().enumerate() {
        tx.execute(
            "INSERT INTO agenda_item (meeting_id, position, title, openness, case_id, summary, background,
                 recommendation, previous_decisions, decision, uuid)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                meeting_id,
                pos as i64,
                item.title.trim(),
                item.openness,
                item.case_id.trim(),
                item.summary,
                item.background,
                item.recommendation,
                item.previous_decisions,
                item.decision,
                item.uuid
            ],
        )?;
        let item_id = tx.last_insert_rowid();
        items.insert(&item.uuid, item_id);
        if !item.steps.is_empty() || !item.case_technology.is_empty() || !item.case_problem.is_empty() {
            tx.execute(
                "INSERT INTO walk_plan (agenda_item_id, case_technology, case_problem) VALUES (?1, ?2, ?3)",
                params![item_id, item.case_technology, item.case_problem],
            )?;
        }
        for (i, s) in item.steps.iter().enumerate() {
            tx.execute(
                "INSERT INTO walk_step (agenda_item_id, set_id, question_id, set_version, group_id, step)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![item_id, s.set_id, s.question_id, s.set_version, s.group_id, i as i64],
            )?;
        }
        for a in &item.attachments {
            let bytes = p.files[&a.sha256].len() as i64 / 4 * 3;
            insert_attachment(tx, item_id, a, types[&a.sha256], exact_len(&p.files[&a.sha256]).unwrap_or(bytes))?;
        }
    }
    let r = &p.records;
    for a in &r.attendance {
        tx.execute(
            "INSERT INTO attendance (meeting_id, person_id, status, updated_at) VALUES (?1, ?2, ?3, ?4)",
            params![meeting_id, people[a.person.as_str()], a.status, a.updated_at],
        )?;
    }
    for n in &r.notes {
        if n.text.trim().is_empty() {
            continue;
        }
        tx.execute(
            "INSERT INTO step_note (agenda_item_id, set_id, question_id, text, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![items[n.item.as_str()], n.set_id, n.question_id, n.text, n.updated_at],
        )?;
    }
    for x in &r.positions {
        tx.execute(
            "INSERT INTO continuum_position (agenda_item_id, set_id, question_id, person_id, value, skip_reason, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![items[x.item.as_str()], x.set_id, x.question_id, people[x.person.as_str()], x.value, x.skip_reason, x.updated_at],
        )?;
    }
    for q in &r.questions {
        tx.execute(
            "INSERT INTO follow_up (committee_id, meeting_id, agenda_item_id, origin, set_id, question_id, text, asked_by, uuid)
             VALUES (?1, ?2, ?3, 'question', ?4, ?5, ?6, ?7, ?8)",
            params![
                committee_id,
                meeting_id,
                items[q.item.as_str()],
                q.set_id,
                q.question_id,
                q.text.trim(),
                q.asked_by.as_deref().map(|a| people[a]),
                q.uuid
            ],
        )?;
    }
    for g in &r.guests {
        tx.execute(
            "INSERT INTO meeting_guest (meeting_id, name, affiliation) VALUES (?1, ?2, ?3)",
            params![meeting_id, g.name.trim(), g.affiliation.trim()],
        )?;
    }
    // What the package recorded, as it arrived: the base the return package carries back.
    tx.execute(
        "INSERT INTO package_import (meeting_id, package_id, source, exported_by, exported_at, base, imported_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            meeting_id,
            p.package_id,
            p.source,
            p.exported_by,
            p.exported_at,
            serde_json::to_string(&p.records).expect("records serialise"),
            actor
        ],
    )?;
    Ok(PackageImported {
        meeting_id,
        committee_id,
        title: m.title.trim().to_owned(),
        item_count: p.items.len() as u32,
        closed_items_left_out: p.closed_items_left_out,
    })
}

/// The decoded length of a base64 text.
pub(super) fn exact_len(b64: &str) -> Option<i64> {
    let t = b64.trim_end();
    let pad = t.bytes().rev().take_while(|b| *b == b'=').count();
    Some((t.len() / 4 * 3).checked_sub(pad)? as i64)
}
