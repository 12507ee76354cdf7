//! Export: a meeting, its records and its bilag as a package.

use super::*;

// ---- export -----------------------------------------------------------------------------------

pub(super) fn read_records(conn: &Connection, meeting_id: Id, include_closed: bool) -> Result<Records> {
    let closed = if include_closed { "" } else { " AND a.openness = 'open'" };
    let mut r = Records::default();
    let mut stmt = conn.prepare(&format!(
        "SELECT a.uuid, n.set_id, n.question_id, n.text, n.updated_at,
                (SELECT coalesce(l.author, l.actor) FROM audit_log l WHERE l.meeting_id = a.meeting_id AND l.entity = 'step_note'
                 AND l.entity_id = n.id ORDER BY l.id DESC LIMIT 1)
         FROM step_note n
         JOIN agenda_item a ON a.id = n.agenda_item_id WHERE a.meeting_id = ?1{closed} ORDER BY a.position, n.id"
    ))?;
    r.notes = stmt
        .query_map([meeting_id], |x| {
            Ok(PkgNote {
                item: x.get(0)?,
                set_id: x.get(1)?,
                question_id: x.get(2)?,
                text: x.get(3)?,
                updated_at: x.get(4)?,
                by: x.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare(&format!(
        "SELECT a.uuid, c.set_id, c.question_id, p.uuid, c.value, c.skip_reason, c.updated_at FROM continuum_position c
         JOIN agenda_item a ON a.id = c.agenda_item_id JOIN person p ON p.id = c.person_id
         WHERE a.meeting_id = ?1{closed} ORDER BY a.position, c.set_id, c.question_id, p.uuid"
    ))?;
    r.positions = stmt
        .query_map([meeting_id], |x| {
            Ok(PkgPosition {
                item: x.get(0)?,
                set_id: x.get(1)?,
                question_id: x.get(2)?,
                person: x.get(3)?,
                value: x.get(4)?,
                skip_reason: x.get(5)?,
                updated_at: x.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare(&format!(
        "SELECT f.uuid, a.uuid, f.set_id, f.question_id, f.text, p.uuid, f.updated_at,
                (SELECT coalesce(l.author, l.actor) FROM audit_log l WHERE l.meeting_id = f.meeting_id AND l.entity = 'follow_up'
                 AND l.entity_id = f.id ORDER BY l.id DESC LIMIT 1)
         FROM follow_up f
         JOIN agenda_item a ON a.id = f.agenda_item_id LEFT JOIN person p ON p.id = f.asked_by
         WHERE f.meeting_id = ?1 AND f.origin = 'question'{closed} ORDER BY a.position, f.id"
    ))?;
    r.questions = stmt
        .query_map([meeting_id], |x| {
            Ok(PkgQuestion {
                uuid: x.get(0)?,
                item: x.get(1)?,
                set_id: x.get(2)?,
                question_id: x.get(3)?,
                text: x.get(4)?,
                asked_by: x.get(5)?,
                updated_at: x.get(6)?,
                by: x.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare(
        "SELECT p.uuid, t.status, t.updated_at,
                (SELECT coalesce(l.author, l.actor) FROM audit_log l WHERE l.meeting_id = t.meeting_id AND l.entity = 'attendance'
                 AND l.entity_id = t.person_id ORDER BY l.id DESC LIMIT 1)
         FROM attendance t JOIN person p ON p.id = t.person_id
         WHERE t.meeting_id = ?1 ORDER BY p.uuid",
    )?;
    r.attendance = stmt
        .query_map([meeting_id], |x| {
            Ok(PkgAttendance { person: x.get(0)?, status: x.get(1)?, updated_at: x.get(2)?, by: x.get(3)? })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare("SELECT name, affiliation FROM meeting_guest WHERE meeting_id = ?1 ORDER BY id")?;
    r.guests = stmt
        .query_map([meeting_id], |x| Ok(PkgGuest { name: x.get(0)?, affiliation: x.get(1)? }))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(r)
}

pub(super) fn meeting_uuid_row(conn: &Connection, uuid: &str) -> Result<Option<(Id, Id, String, MeetingStatus)>> {
    Ok(conn
        .query_row("SELECT id, committee_id, title, status FROM meeting WHERE uuid = ?1", [uuid], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .optional()?)
}

impl Db {
    /// The meeting as a package: agenda (open items only unless `include_closed`), the frozen
    /// question sets its walks use, the committee's people and what was recorded. A meeting
    /// that came from a package carries that package's records as its `base`, so it can be
    /// merged back where it came from.
    pub fn export_package(&self, meeting_id: Id, include_closed: bool) -> Result<Package> {
        let conn = self.connection();
        let m = crate::store::meeting(conn, meeting_id)?;
        if m.status.is_locked() {
            return Err(Error::Locked(Message::new("error-package-meeting-locked").arg("title", &m.title)));
        }
        let (meeting_uuid,): (String,) =
            conn.query_row("SELECT uuid FROM meeting WHERE id = ?1", [meeting_id], |r| Ok((r.get(0)?,)))?;
        let committee = conn.query_row(
            "SELECT uuid, name, kind, description FROM committee WHERE id = ?1",
            [m.committee_id],
            |r| Ok(PkgCommittee { uuid: r.get(0)?, name: r.get(1)?, kind: r.get(2)?, description: r.get(3)? }),
        )?;
        let mut stmt = conn.prepare(
            "SELECT p.uuid, p.name, p.party, ms.role FROM person p
             LEFT JOIN membership ms ON ms.person_id = p.id AND ms.committee_id = ?2
             WHERE ms.person_id IS NOT NULL OR p.id IN (SELECT person_id FROM attendance WHERE meeting_id = ?1)
             ORDER BY p.name, p.uuid",
        )?;
        let people = stmt
            .query_map([meeting_id, m.committee_id], |r| {
                Ok(PkgPerson { uuid: r.get(0)?, name: r.get(1)?, party: r.get(2)?, role: r.get(3)? })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let closed_items_left_out: u32 = if include_closed {
            0
        } else {
            conn.query_row(
                "SELECT count(*) FROM agenda_item WHERE meeting_id = ?1 AND openness = 'closed'",
                [meeting_id],
                |r| r.get(0),
            )?
        };
        let closed = if include_closed { "" } else { " AND a.openness = 'open'" };
        let mut stmt = conn.prepare(&format!(
            "SELECT a.id, a.uuid, a.title, a.openness, a.case_id, a.summary, a.background, a.recommendation,
                    a.previous_decisions, a.decision, coalesce(w.case_technology, ''), coalesce(w.case_problem, '')
             FROM agenda_item a LEFT JOIN walk_plan w ON w.agenda_item_id = a.id
             WHERE a.meeting_id = ?1{closed} ORDER BY a.position"
        ))?;
        let mut items = stmt
            .query_map([meeting_id], |r| {
                Ok((
                    r.get::<_, Id>(0)?,
                    PkgItem {
                        uuid: r.get(1)?,
                        title: r.get(2)?,
                        openness: r.get(3)?,
                        case_id: r.get(4)?,
                        summary: r.get(5)?,
                        background: r.get(6)?,
                        recommendation: r.get(7)?,
                        previous_decisions: r.get(8)?,
                        decision: r.get(9)?,
                        case_technology: r.get(10)?,
                        case_problem: r.get(11)?,
                        steps: Vec::new(),
                        attachments: Vec::new(),
                    },
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut used: BTreeSet<(String, u32)> = BTreeSet::new();
        let mut stmt = conn.prepare(
            "SELECT set_id, set_version, group_id, question_id FROM walk_step WHERE agenda_item_id = ?1 ORDER BY step",
        )?;
        for (id, item) in &mut items {
            item.steps = stmt
                .query_map([*id], |r| {
                    Ok(PkgStep {
                        set_id: r.get(0)?,
                        set_version: r.get(1)?,
                        group_id: r.get(2)?,
                        question_id: r.get(3)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            used.extend(item.steps.iter().map(|s| (s.set_id.clone(), s.set_version)));
        }
        // Bilag (closed ones only with the closed items), each file once.
        let mut files = BTreeMap::new();
        {
            use base64::Engine;
            let mut stmt = conn.prepare(
                "SELECT uuid, title, document_number, closed, file_name, sha256 FROM attachment
                 WHERE agenda_item_id = ?1 ORDER BY position",
            )?;
            for (id, item) in &mut items {
                item.attachments = stmt
                    .query_map([*id], |r| {
                        Ok(PkgAttachment {
                            uuid: r.get(0)?,
                            title: r.get(1)?,
                            document_number: r.get(2)?,
                            closed: r.get(3)?,
                            file_name: r.get(4)?,
                            sha256: r.get(5)?,
                        })
                    })?
                    .collect::<rusqlite::Result<Vec<_>>>()?
                    .into_iter()
                    .filter(|a| include_closed || !a.closed)
                    .collect();
                for a in &item.attachments {
                    if !files.contains_key(&a.sha256) {
                        let bytes = self.blob(&a.sha256)?;
                        files.insert(a.sha256.clone(), base64::engine::general_purpose::STANDARD.encode(bytes));
                    }
                }
            }
        }
        let mut question_sets = Vec::new();
        for (set_id, version) in used {
            let content: String = conn.query_row(
                "SELECT content FROM meeting_question_set WHERE meeting_id = ?1 AND set_id = ?2 AND version = ?3",
                params![meeting_id, set_id, version],
                |r| r.get(0),
            )?;
            question_sets.push(PkgSet { set_id, version, content });
        }
        let records = read_records(conn, meeting_id, include_closed)?;
        let import: Option<(String, String)> = conn
            .query_row("SELECT package_id, base FROM package_import WHERE meeting_id = ?1", [meeting_id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        let (based_on, base) = match import {
            Some((id, base)) => (Some(id), Some(serde_json::from_str::<Records>(&base).map_err(damaged)?)),
            None => (None, None),
        };
        Ok(Package {
            format: FORMAT.into(),
            format_version: FORMAT_VERSION,
            package_id: new_uuid(),
            source: machine_name(),
            exported_by: self.actor(),
            exported_at: crate::store::now_utc(),
            based_on,
            committee,
            people,
            meeting: PkgMeeting {
                uuid: meeting_uuid,
                title: m.title,
                kind: m.kind,
                starts_at: m.starts_at,
                ends_at: m.ends_at,
                place: m.place,
                status: m.status,
            },
            closed_items_left_out,
            question_sets,
            items: items.into_iter().map(|(_, i)| i).collect(),
            records,
            base,
            files,
        })
    }
}
