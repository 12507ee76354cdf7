//! Approving, locking and amending minutes, and the audit log.
//!
//! A referat is a legal record. When the first approver signs, the meeting's status becomes
//! `minutes_approved`, every further edit is refused (see `meetings::get_unlocked`), and the
//! SHA-256 of the minutes' canonical content is stored with the approval. `verify` recomputes
//! it, so a change made behind the app's back — a row edited with another tool — is detected.
//! A correction after approval is an amendment: recorded with who, when and why, shown with the
//! minutes, and never a silent edit. Approvals, amendments and the audit log are append-only,
//! enforced by triggers in the schema.

use std::collections::BTreeMap;

use rusqlite::{params, Connection, Row};
use serde::Serialize;
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::domain::*;
use crate::error::{Error, Message, Result};
use crate::store::{now_utc, Db};
use crate::validate;

/// The agenda item fields an amendment after approval may correct, in the order the UI lists
/// them.
pub const AMENDABLE_FIELDS: &[&str] =
    &["decision", "summary", "background", "recommendation", "previous_decisions", "title", "case_id"];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct Approval {
    pub id: Id,
    pub meeting_id: Id,
    pub person_id: Option<Id>,
    pub name: String,
    pub role: Role,
    /// UTC, RFC 3339.
    pub approved_at: String,
    pub fingerprint: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct Amendment {
    pub id: Id,
    pub meeting_id: Id,
    pub agenda_item_id: Option<Id>,
    pub field: String,
    pub old_text: String,
    pub new_text: String,
    pub reason: String,
    pub made_by: String,
    pub made_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct VerifyReport {
    pub meeting_id: Id,
    pub approved: bool,
    /// The fingerprint stored at approval.
    pub approved_fingerprint: Option<String>,
    /// The fingerprint of the content as it is now.
    pub current_fingerprint: String,
    /// True when approved and nothing has changed since.
    pub unchanged: bool,
    /// False when the snapshot stored at approval no longer matches its fingerprint (it was
    /// edited outside Pejling). True for an approval from before snapshots (schema 9).
    pub snapshot_intact: bool,
    /// Where the record differs from what was approved (empty when unchanged).
    pub differences: Vec<SnapshotDifference>,
    /// Names, roles and the committee's name changed since approval: not a change of the
    /// minutes, which keep the names as they were.
    pub renamed: Vec<SnapshotDifference>,
}

/// One difference between the approved snapshot and the record now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct SnapshotDifference {
    /// Where, e.g. `items[1].decision` or `people.12.name`.
    pub path: String,
    /// As approved, and as now (JSON text for what is not a text; empty when absent).
    pub approved: String,
    pub current: String,
}

/// The format of [`Db::minutes_snapshot`].
pub const SNAPSHOT_FORMAT: u32 = 3;

/// The names approved minutes showed, from the first approval's snapshot: documents of
/// approved minutes use them, so a later rename (a marriage, a corrected typo) or a role
/// changed since leaves the approved referat as it was.
#[derive(Debug, Clone, Default)]
pub(crate) struct ApprovedNames {
    pub committee: String,
    pub people: std::collections::HashMap<Id, (String, Option<Role>)>,
}

impl ApprovedNames {
    pub fn attendance(&self, a: &mut MeetingAttendance) {
        for p in &mut a.people {
            if let Some((name, role)) = self.people.get(&p.person_id) {
                p.name = name.clone();
                p.role = *role;
            }
        }
    }

    pub fn walk(&self, s: &mut WalkSummary) {
        let name = |id: Option<Id>, name: &mut Option<String>| {
            if let Some((approved, _)) = id.and_then(|id| self.people.get(&id)) {
                *name = Some(approved.clone());
            }
        };
        for st in &mut s.steps {
            for q in &mut st.questions_to_administration {
                name(q.asked_by, &mut q.asked_by_name);
            }
            if let Some(r) = &mut st.result {
                for v in &mut r.values {
                    name(v.person_id, &mut v.name);
                }
                for v in &mut r.skipped {
                    name(v.person_id, &mut v.name);
                }
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct AuditEntry {
    pub id: Id,
    pub at: String,
    pub actor: String,
    /// The role the person working gave (their identity, or the CLI's `--role`).
    pub actor_role: Option<Role>,
    /// For a change merged from a meeting package: who made it there, the machine the
    /// package came from, and who merged it here.
    pub author: Option<String>,
    pub via_package: Option<String>,
    pub merged_by: Option<String>,
    pub entity: String,
    pub entity_id: Id,
    pub action: String,
    /// JSON object of the changed fields with their new values.
    pub changes: String,
}

/// An approval with the snapshot it stored (`None` before schema 9).
fn approvals_with_snapshots(conn: &Connection, meeting_id: Id) -> Result<Vec<(Approval, Option<String>)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, meeting_id, person_id, name, role, approved_at, fingerprint, snapshot, snapshot_deflated
         FROM minutes_approval WHERE meeting_id = ?1 ORDER BY id",
    )?;
    // A deflated snapshot that no longer inflates reads as empty text: its fingerprint then
    // fails, and the check reports the snapshot as damaged.
    let snapshot = |r: &Row<'_>| -> rusqlite::Result<Option<String>> {
        Ok(match r.get::<_, Option<Vec<u8>>>(8)? {
            Some(bytes) => Some(super::deflated::inflate(&bytes).unwrap_or_default()),
            None => r.get(7)?,
        })
    };
    let rows = stmt
        .query_map([meeting_id], |r| Ok((approval_row(r)?, snapshot(r)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

fn approval_row(r: &Row<'_>) -> rusqlite::Result<Approval> {
    Ok(Approval {
        id: r.get(0)?,
        meeting_id: r.get(1)?,
        person_id: r.get(2)?,
        name: r.get(3)?,
        role: r.get(4)?,
        approved_at: r.get(5)?,
        fingerprint: r.get(6)?,
    })
}

fn approvals(conn: &Connection, meeting_id: Id) -> Result<Vec<Approval>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, meeting_id, person_id, name, role, approved_at, fingerprint
         FROM minutes_approval WHERE meeting_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([meeting_id], approval_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

impl Db {
    /// The canonical content of a meeting's minutes: everything a referat states, nothing
    /// that changes by itself (status, timestamps, the follow-up of questions to the
    /// administration). Keys are sorted, so the JSON text is stable across versions of
    /// serde_json.
    ///
    /// Format 2 covers, besides the agenda items: when the meeting began and was adjourned;
    /// the attendance as written down at approval (each person's name and status, by person,
    /// so a later change of the committee's membership or roles changes nothing) and the
    /// guests; and per item the walk: the case, and per question its frozen text, the note,
    /// the questions to the administration (text and who asked), and for continuum questions
    /// whether the positions were revealed and, if so, the revealed values and skips (named
    /// only when the meeting chose named positions).
    pub fn minutes_content(&self, meeting_id: Id) -> Result<serde_json::Value> {
        let d = self.get_meeting(meeting_id)?;
        let items = d
            .items
            .iter()
            .map(|i| {
                Ok(json!({
                    "number": i.number, "title": i.title, "openness": i.openness, "case_id": i.case_id,
                    "summary": i.summary, "background": i.background, "recommendation": i.recommendation,
                    "previous_decisions": i.previous_decisions, "decision": i.decision,
                    "walk": walk_content(&self.walk_summary(i.id)?),
                }))
            })
            .collect::<Result<Vec<_>>>()?;
        let attendance = self.list_attendance(meeting_id)?;
        let mut people: Vec<_> = attendance.people.iter().map(|p| (p.person_id, &p.name, p.attendance)).collect();
        people.sort_by_key(|(id, _, _)| *id);
        let people: Vec<_> =
            people.into_iter().map(|(_, name, status)| json!({"name": name, "attendance": status})).collect();
        let guests: Vec<_> =
            attendance.guests.iter().map(|g| json!({"name": g.name, "affiliation": g.affiliation})).collect();
        Ok(json!({
            "format": 2,
            "committee": d.committee.name,
            "meeting": {
                "title": d.meeting.title, "kind": d.meeting.kind, "starts_at": d.meeting.starts_at,
                "ends_at": d.meeting.ends_at, "place": d.meeting.place,
                "began_at": d.meeting.began_at, "adjourned_at": d.meeting.adjourned_at,
            },
            "attendance": { "people": people, "guests": guests },
            "items": items,
        }))
    }

    /// SHA-256 (hex) of [`Db::minutes_content`].
    pub fn minutes_fingerprint(&self, meeting_id: Id) -> Result<String> {
        let content = self.minutes_content(meeting_id)?;
        Ok(sha256_hex(content.to_string().as_bytes()))
    }

    pub fn list_approvals(&self, meeting_id: Id) -> Result<Vec<Approval>> {
        approvals(self.connection(), meeting_id)
    }

    /// The snapshot an approval stores (format 3): the committee and everyone the minutes
    /// name, with name, party and role as they are now, and the record itself with people by
    /// id — so comparing records later is not disturbed by a rename, and the names the
    /// minutes showed at approval are kept. Keys are sorted.
    pub fn minutes_snapshot(&self, meeting_id: Id) -> Result<serde_json::Value> {
        let d = self.get_meeting(meeting_id)?;
        let attendance = self.list_attendance(meeting_id)?;
        let mut people: BTreeMap<Id, serde_json::Value> = BTreeMap::new();
        for p in &attendance.people {
            people.insert(p.person_id, json!({"name": p.name, "party": p.party, "role": p.role}));
        }
        let mut named = |id: Option<Id>, name: &Option<String>| {
            if let (Some(id), Some(name)) = (id, name) {
                people.entry(id).or_insert_with(|| json!({"name": name, "party": null, "role": null}));
            }
            id
        };
        let items = d
            .items
            .iter()
            .map(|i| {
                let mut item = json!({
                    "number": i.number, "title": i.title, "openness": i.openness, "case_id": i.case_id,
                    "summary": i.summary, "background": i.background, "recommendation": i.recommendation,
                    "previous_decisions": i.previous_decisions, "decision": i.decision,
                    "walk": walk_record(&self.walk_summary(i.id)?, &mut named),
                });
                // Bilag (schema 13): each one's number, title, document number, openness and
                // the SHA-256 of its file. Only present when the item has bilag, so records
                // approved before bilag existed compare equal.
                let attachments = self.list_attachments(i.id)?;
                if !attachments.is_empty() {
                    item["attachments"] = attachments
                        .iter()
                        .map(|a| {
                            json!({"number": a.number, "title": a.title, "document_number": a.document_number,
                                   "closed": a.closed, "sha256": a.sha256})
                        })
                        .collect();
                }
                Ok(item)
            })
            .collect::<Result<Vec<_>>>()?;
        let mut present: Vec<_> = attendance.people.iter().map(|p| (p.person_id, p.attendance)).collect();
        present.sort_by_key(|(id, _)| *id);
        let present: Vec<_> = present.into_iter().map(|(id, a)| json!({"person": id, "attendance": a})).collect();
        let guests: Vec<_> =
            attendance.guests.iter().map(|g| json!({"name": g.name, "affiliation": g.affiliation})).collect();
        let people: serde_json::Map<String, serde_json::Value> =
            people.into_iter().map(|(id, v)| (id.to_string(), v)).collect();
        Ok(json!({
            "format": SNAPSHOT_FORMAT,
            "committee": {"id": d.committee.id, "name": d.committee.name, "kind": d.committee.kind},
            "people": people,
            "record": {
                "meeting": {
                    "title": d.meeting.title, "kind": d.meeting.kind, "starts_at": d.meeting.starts_at,
                    "ends_at": d.meeting.ends_at, "place": d.meeting.place,
                    "began_at": d.meeting.began_at, "adjourned_at": d.meeting.adjourned_at,
                },
                "attendance": { "people": present, "guests": guests },
                "items": items,
            },
        }))
    }

    /// Record `person_id`'s approval of a closed meeting's minutes. The first approval locks
    /// the minutes; later approvals (other members) must approve the same content. The
    /// approval stores the snapshot of what was approved (see [`Db::minutes_snapshot`]) and
    /// its SHA-256 as the fingerprint. Checked and written in one transaction: nothing can
    /// change the minutes between the snapshot and the approval.
    pub fn approve_minutes(&mut self, meeting_id: Id, person_id: Id) -> Result<Approval> {
        self.batch(|db| {
            let snapshot = db.minutes_snapshot(meeting_id)?;
            let text = snapshot.to_string();
            let fingerprint = sha256_hex(text.as_bytes());
            let earlier = approvals_with_snapshots(db.connection(), meeting_id)?;
            let same_as_first = match earlier.first() {
                None => true,
                Some((_, Some(first))) => serde_json::from_str::<serde_json::Value>(first)
                    .is_ok_and(|first| first.get("record") == snapshot.get("record")),
                Some((first, None)) => first.fingerprint == db.minutes_fingerprint(meeting_id)?,
            };
            db.write(|tx| {
                let m = crate::store::meeting(tx, meeting_id)?;
                if !matches!(m.status, MeetingStatus::Closed | MeetingStatus::MinutesApproved) {
                    return Err(Error::Validation(Message::new("error-approve-not-closed").field("status")));
                }
                let member = tx
                    .query_row(
                        "SELECT p.name, m.role FROM membership m JOIN person p ON p.id = m.person_id
                         WHERE m.committee_id = ?1 AND m.person_id = ?2",
                        [m.committee_id, person_id],
                        |r| Ok((r.get::<_, String>(0)?, r.get::<_, Role>(1)?)),
                    )
                    .map_err(|e| match e {
                        rusqlite::Error::QueryReturnedNoRows => {
                            Error::Validation(Message::new("error-approver-not-member").field("person_id"))
                        }
                        e => e.into(),
                    })?;
                if matches!(member.1, Role::Secretary | Role::Official) {
                    return Err(Error::Validation(Message::new("error-approver-not-member").field("person_id")));
                }
                if earlier.iter().any(|(a, _)| a.person_id == Some(person_id)) {
                    return Err(Error::Conflict(Message::new("error-already-approved").arg("name", &member.0)));
                }
                if !same_as_first {
                    return Err(Error::Conflict(Message::new("error-minutes-changed-since-approval")));
                }
                tx.execute(
                    "INSERT INTO minutes_approval (meeting_id, person_id, name, role, approved_at, fingerprint, snapshot_deflated)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![meeting_id, person_id, member.0, member.1, now_utc(), fingerprint, super::deflated::deflate(&text)],
                )?;
                if m.status != MeetingStatus::MinutesApproved {
                    // Write down the default attendance, so later membership changes leave the
                    // approved minutes' attendance alone.
                    crate::store::record_default_attendance(tx, meeting_id, m.committee_id)?;
                    tx.execute(
                        "UPDATE meeting SET status = 'minutes_approved', updated_at = ?2 WHERE id = ?1",
                        params![meeting_id, now_utc()],
                    )?;
                }
                Ok(approvals(tx, meeting_id)?.pop().expect("just inserted"))
            })
        })
    }

    /// The names the approved minutes showed (`None` before approval, or for an approval from
    /// before snapshots).
    pub(crate) fn approved_names(&self, meeting_id: Id) -> Result<Option<ApprovedNames>> {
        let first = approvals_with_snapshots(self.connection(), meeting_id)?.into_iter().next();
        let Some((_, Some(text))) = first else { return Ok(None) };
        let Ok(snapshot) = serde_json::from_str::<serde_json::Value>(&text) else { return Ok(None) };
        let mut names = ApprovedNames {
            committee: snapshot["committee"]["name"].as_str().unwrap_or_default().to_owned(),
            ..Default::default()
        };
        for (id, p) in snapshot["people"].as_object().into_iter().flatten() {
            if let (Ok(id), Some(name)) = (id.parse::<Id>(), p["name"].as_str()) {
                let role = p["role"].as_str().and_then(Role::parse);
                names.people.insert(id, (name.to_owned(), role));
            }
        }
        Ok(Some(names))
    }

    /// Compare the record with what was approved. With a snapshot (schema 9 on): the
    /// snapshot must still match its fingerprint, and the record now must equal the
    /// snapshot's record; names and roles changed since are listed apart and change nothing.
    /// An approval from before snapshots is checked by recomputing its fingerprint.
    pub fn verify_minutes(&self, meeting_id: Id) -> Result<VerifyReport> {
        let first = approvals_with_snapshots(self.connection(), meeting_id)?.into_iter().next();
        let Some((approval, Some(text))) = first.clone() else {
            let current = self.minutes_fingerprint(meeting_id)?;
            return Ok(VerifyReport {
                meeting_id,
                approved: first.is_some(),
                unchanged: first.as_ref().is_some_and(|(a, _)| a.fingerprint == current),
                approved_fingerprint: first.map(|(a, _)| a.fingerprint),
                current_fingerprint: current,
                snapshot_intact: true,
                differences: Vec::new(),
                renamed: Vec::new(),
            });
        };
        let now = self.minutes_snapshot(meeting_id)?;
        let snapshot_intact = sha256_hex(text.as_bytes()) == approval.fingerprint;
        let approved: serde_json::Value = serde_json::from_str(&text).unwrap_or(serde_json::Value::Null);
        let mut differences = Vec::new();
        diff("", approved.get("record").unwrap_or(&serde_json::Value::Null), &now["record"], &mut differences);
        let mut renamed = Vec::new();
        diff(
            "committee",
            approved.get("committee").unwrap_or(&serde_json::Value::Null),
            &now["committee"],
            &mut renamed,
        );
        if let Some(people) = approved.get("people").and_then(|p| p.as_object()) {
            for (id, then) in people {
                let current = now["people"].get(id).cloned().unwrap_or(serde_json::Value::Null);
                diff(&format!("people.{id}"), then, &current, &mut renamed);
            }
        }
        // A record equal to the approved one has the approved fingerprint, whatever the names.
        let unchanged = snapshot_intact && differences.is_empty();
        let current_fingerprint = if unchanged {
            approval.fingerprint.clone()
        } else {
            let mut current = approved.clone();
            if let Some(obj) = current.as_object_mut() {
                obj.insert("record".into(), now["record"].clone());
            }
            sha256_hex(current.to_string().as_bytes())
        };
        Ok(VerifyReport {
            meeting_id,
            approved: true,
            unchanged,
            approved_fingerprint: Some(approval.fingerprint),
            current_fingerprint,
            snapshot_intact,
            differences,
            renamed,
        })
    }

    /// Record a correction to approved minutes. The approved text is not changed; the
    /// amendment is shown with the minutes.
    pub fn amend_minutes(
        &mut self,
        meeting_id: Id,
        agenda_item_id: Option<Id>,
        field: &str,
        new_text: &str,
        reason: &str,
    ) -> Result<Amendment> {
        let Some(field) = AMENDABLE_FIELDS.iter().find(|f| **f == field).copied() else {
            return Err(Error::Validation(Message::new("error-amend-field").field("field").arg("field", field)));
        };
        let new_text = validate::text(new_text, "new_text")?;
        let reason = validate::required(reason, "reason", validate::MAX_TITLE)
            .map_err(|_| Error::Validation(Message::new("error-amend-reason").field("reason")))?;
        let actor = self.actor();
        self.write(|tx| {
            let m = crate::store::meeting(tx, meeting_id)?;
            if m.status != MeetingStatus::MinutesApproved {
                return Err(Error::Validation(Message::new("error-amend-not-approved")));
            }
            let old_text = match agenda_item_id {
                Some(item) => {
                    let sql = format!("SELECT {field} FROM agenda_item WHERE id = ?1 AND meeting_id = ?2");
                    tx.query_row(&sql, [item, meeting_id], |r| r.get::<_, String>(0)).map_err(|e| match e {
                        rusqlite::Error::QueryReturnedNoRows => Error::NotFound { entity: "agenda_item", id: item },
                        e => e.into(),
                    })?
                }
                None => String::new(),
            };
            let n: i64 =
                tx.query_row("SELECT count(*) FROM minutes_amendment WHERE meeting_id = ?1", [meeting_id], |r| r.get(0))?;
            validate::room_for_one(n, validate::MAX_AMENDMENTS_PER_MEETING, "error-too-many-amendments")?;
            tx.execute(
                "INSERT INTO minutes_amendment (meeting_id, agenda_item_id, field, old_text, new_text, reason, made_by, made_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![meeting_id, agenda_item_id, field, old_text, new_text, reason, actor, now_utc()],
            )?;
            let id = tx.last_insert_rowid();
            Ok(tx.query_row(
                "SELECT id, meeting_id, agenda_item_id, field, old_text, new_text, reason, made_by, made_at
                 FROM minutes_amendment WHERE id = ?1",
                [id],
                amendment_row,
            )?)
        })
    }

    pub fn list_amendments(&self, meeting_id: Id) -> Result<Vec<Amendment>> {
        let mut stmt = self.connection().prepare_cached(
            "SELECT id, meeting_id, agenda_item_id, field, old_text, new_text, reason, made_by, made_at
             FROM minutes_amendment WHERE meeting_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([meeting_id], amendment_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Who changed what and when in a meeting, oldest first.
    pub fn audit_log(&self, meeting_id: Id) -> Result<Vec<AuditEntry>> {
        audit_entries(self.connection(), "meeting_id = ?1", params![meeting_id])
    }

    /// Who changed one thing (`committee`, `person`, `membership` by person, …) and when,
    /// oldest first: also what belongs to no meeting.
    pub fn audit_log_of(&self, entity: &str, entity_id: Id) -> Result<Vec<AuditEntry>> {
        audit_entries(self.connection(), "entity = ?1 AND entity_id = ?2", params![entity, entity_id])
    }
}

fn audit_entries(conn: &Connection, filter: &str, args: impl rusqlite::Params) -> Result<Vec<AuditEntry>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT id, at, actor, entity, entity_id, action, changes, actor_role, author, via_package, merged_by
         FROM audit_log WHERE {filter} ORDER BY id"
    ))?;
    let rows = stmt
        .query_map(args, |r| {
            Ok(AuditEntry {
                id: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                entity: r.get(3)?,
                entity_id: r.get(4)?,
                action: r.get(5)?,
                changes: r.get(6)?,
                actor_role: r.get(7)?,
                author: r.get(8)?,
                via_package: r.get(9)?,
                merged_by: r.get(10)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The part of an item's walk that the minutes state, people by id (see
/// [`Db::minutes_snapshot`]); `person` notes each named person and gives back the id.
fn walk_record(
    s: &WalkSummary,
    person: &mut impl FnMut(Option<Id>, &Option<String>) -> Option<Id>,
) -> serde_json::Value {
    if s.steps.is_empty() && s.case_technology.is_empty() && s.case_problem.is_empty() {
        return serde_json::Value::Null;
    }
    let steps: Vec<_> = s
        .steps
        .iter()
        .map(|st| {
            let q = &st.step.question;
            let questions: Vec<_> = st
                .questions_to_administration
                .iter()
                .map(|f| json!({"text": f.text, "asked_by": person(f.asked_by, &f.asked_by_name)}))
                .collect();
            let positions = st.result.as_ref().map(|r| {
                if !r.revealed {
                    return json!({"revealed": false});
                }
                let values: Vec<_> = r
                    .values
                    .iter()
                    .map(|v| json!({"value": v.value, "person": person(v.person_id, &v.name)}))
                    .collect();
                let skipped: Vec<_> = r
                    .skipped
                    .iter()
                    .map(|v| json!({"reason": v.reason, "person": person(v.person_id, &v.name)}))
                    .collect();
                json!({"revealed": r.revealed, "named": r.named, "values": values, "skipped": skipped})
            });
            json!({
                "set_id": st.step.set_id, "set_version": st.step.set_version, "question_id": q.id,
                "text": q.text, "extreme_left": q.extreme_left, "extreme_right": q.extreme_right,
                "note": st.note, "questions_to_administration": questions, "positions": positions,
            })
        })
        .collect();
    json!({"case_technology": s.case_technology, "case_problem": s.case_problem, "steps": steps})
}

/// Where `a` (approved) and `b` (now) differ, by path.
fn diff(path: &str, a: &serde_json::Value, b: &serde_json::Value, out: &mut Vec<SnapshotDifference>) {
    use serde_json::Value;
    if a == b {
        return;
    }
    let join = |key: &str| if path.is_empty() { key.to_owned() } else { format!("{path}.{key}") };
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let keys: std::collections::BTreeSet<&String> = x.keys().chain(y.keys()).collect();
            for k in keys {
                diff(&join(k), x.get(k).unwrap_or(&Value::Null), y.get(k).unwrap_or(&Value::Null), out);
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (p, q)) in x.iter().zip(y).enumerate() {
                diff(&format!("{path}[{i}]"), p, q, out);
            }
        }
        _ => {
            let shown = |v: &Value| -> String {
                let t = match v {
                    Value::Null => String::new(),
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                if t.chars().count() > 200 {
                    format!("{}…", t.chars().take(200).collect::<String>())
                } else {
                    t
                }
            };
            out.push(SnapshotDifference { path: path.to_owned(), approved: shown(a), current: shown(b) });
        }
    }
}

/// The part of an item's walk that the minutes state (see [`Db::minutes_content`]).
fn walk_content(s: &WalkSummary) -> serde_json::Value {
    if s.steps.is_empty() && s.case_technology.is_empty() && s.case_problem.is_empty() {
        return serde_json::Value::Null;
    }
    let steps: Vec<_> = s
        .steps
        .iter()
        .map(|st| {
            let q = &st.step.question;
            let questions: Vec<_> = st
                .questions_to_administration
                .iter()
                .map(|f| json!({"text": f.text, "asked_by": f.asked_by_name}))
                .collect();
            let positions = st.result.as_ref().map(|r| {
                if !r.revealed {
                    return json!({"revealed": false});
                }
                let values: Vec<_> = r.values.iter().map(|v| json!({"value": v.value, "name": v.name})).collect();
                let skipped: Vec<_> = r.skipped.iter().map(|v| json!({"reason": v.reason, "name": v.name})).collect();
                json!({"revealed": r.revealed, "named": r.named, "values": values, "skipped": skipped})
            });
            json!({
                "set_id": st.step.set_id, "set_version": st.step.set_version, "question_id": q.id,
                "text": q.text, "extreme_left": q.extreme_left, "extreme_right": q.extreme_right,
                "note": st.note, "questions_to_administration": questions, "positions": positions,
            })
        })
        .collect();
    json!({"case_technology": s.case_technology, "case_problem": s.case_problem, "steps": steps})
}

fn amendment_row(r: &Row<'_>) -> rusqlite::Result<Amendment> {
    Ok(Amendment {
        id: r.get(0)?,
        meeting_id: r.get(1)?,
        agenda_item_id: r.get(2)?,
        field: r.get(3)?,
        old_text: r.get(4)?,
        new_text: r.get(5)?,
        reason: r.get(6)?,
        made_by: r.get(7)?,
        made_at: r.get(8)?,
    })
}
