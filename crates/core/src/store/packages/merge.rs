//! Merge: what was taken to another machine, merged back three ways.

use super::*;

// ---- merge ------------------------------------------------------------------------------------

/// A value on either side of a merge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Val {
    None,
    Text(String),
    Position(Option<u8>, Option<String>),
    Attendance(Attendance),
}

impl Val {
    fn text(&self) -> String {
        match self {
            Val::None => String::new(),
            Val::Text(t) => t.clone(),
            Val::Position(v, r) => position_text(*v, r.as_deref()),
            Val::Attendance(a) => a.as_str().to_owned(),
        }
    }
}

/// Where a change lands here.
#[derive(Debug, Clone)]
pub(super) enum Target {
    Note { item_id: Id, set_id: String, question_id: String },
    Position { item_id: Id, set_id: String, question_id: String, person_id: Id },
    Question { uuid: String, item_id: Id, set_id: String, question_id: String, asked_by: Option<Id> },
    Attendance { person_id: Id },
    Attachment { item_id: Id, attachment: PkgAttachment },
}

#[derive(Debug, Clone)]
pub(super) struct Op {
    key: String,
    entity: MergeEntity,
    target: Target,
    mine: Val,
    theirs: Val,
    changed_at: String,
    /// Who made the change there, when that machine knew.
    by: Option<String>,
    conflict: bool,
}

impl Op {
    /// Both texts: mine, then theirs.
    fn both(&self) -> Val {
        match (&self.mine, &self.theirs) {
            (Val::Text(a), Val::Text(b)) => Val::Text(format!("{a}\n\n{b}")),
            (_, t) => t.clone(),
        }
    }
}

/// Decide one value three ways: `None` when nothing is to be done, `Some(conflict)` else.
pub(super) fn decide(base: Option<&Val>, mine: &Val, theirs: &Val) -> Option<bool> {
    if mine == theirs {
        return None;
    }
    match base {
        Some(b) if b == theirs => None,
        Some(b) if b == mine => Some(false),
        Some(_) => Some(true),
        // No base (a package not made from this meeting's package): what is missing here is
        // taken, what is missing there is kept, a difference is a conflict.
        None if *mine == Val::None => Some(false),
        None if *theirs == Val::None => None,
        None => Some(true),
    }
}

pub(super) fn plan_merge(conn: &Connection, p: &Package) -> Result<(MergePreview, Vec<Op>)> {
    let (meeting_id, _, title, status) = meeting_uuid_row(conn, &p.meeting.uuid)?.ok_or_else(|| {
        Error::Validation(Message::new("error-package-meeting-unknown").arg("title", &p.meeting.title))
    })?;
    if status.is_locked() {
        return Err(Error::Locked(Message::new("error-package-merge-locked").arg("title", &title)));
    }
    // This meeting's items and people by uuid.
    let mut stmt = conn.prepare("SELECT uuid, id, position + 1, title FROM agenda_item WHERE meeting_id = ?1")?;
    let items: HashMap<String, (Id, String)> = stmt
        .query_map([meeting_id], |r| {
            Ok((r.get::<_, String>(0)?, (r.get(1)?, format!("{}. {}", r.get::<_, i64>(2)?, r.get::<_, String>(3)?))))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let person_names: HashMap<&str, &str> = p.people.iter().map(|x| (x.uuid.as_str(), x.name.as_str())).collect();
    let person_id = |uuid: &str| -> Result<Option<Id>> {
        Ok(conn.query_row("SELECT id FROM person WHERE uuid = ?1", [uuid], |r| r.get(0)).optional()?)
    };
    let has_step = |item_id: Id, set_id: &str, q: &str| -> Result<bool> {
        Ok(conn
            .query_row(
                "SELECT 1 FROM walk_step WHERE agenda_item_id = ?1 AND set_id = ?2 AND question_id = ?3",
                params![item_id, set_id, q],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    };
    let mine = read_records(conn, meeting_id, true)?;
    let base = p.base.as_ref();
    let missing = |what: &str| Error::Conflict(Message::new("error-package-merge-unmatched").arg("what", what));

    let mut ops: Vec<Op> = Vec::new();
    let item_of = |uuid: &str| -> Result<(Id, String)> {
        items.get(uuid).cloned().ok_or_else(|| missing(&format!("dagsordenpunkt {uuid}")))
    };

    // Notes.
    let index = |notes: &[PkgNote]| -> BTreeMap<String, (String, String)> {
        notes
            .iter()
            .map(|n| (step_key(&n.item, &n.set_id, &n.question_id), (n.text.clone(), n.updated_at.clone())))
            .collect()
    };
    let their_notes = index(&p.records.notes);
    let base_notes = base.map(|b| index(&b.notes));
    let my_notes = index(&mine.notes);
    let mut keys: BTreeSet<&String> = their_notes.keys().collect();
    if let Some(b) = &base_notes {
        keys.extend(b.keys());
    }
    let note_val = |t: Option<&(String, String)>| match t {
        Some((t, _)) if !t.trim().is_empty() => Val::Text(t.clone()),
        _ => Val::None,
    };
    let mut note_refs: HashMap<String, (String, String, String)> = HashMap::new();
    for n in p.records.notes.iter().chain(base.map(|b| b.notes.as_slice()).unwrap_or(&[])) {
        note_refs.entry(step_key(&n.item, &n.set_id, &n.question_id)).or_insert((
            n.item.clone(),
            n.set_id.clone(),
            n.question_id.clone(),
        ));
    }
    for key in keys {
        let theirs = note_val(their_notes.get(key));
        let mine_v = note_val(my_notes.get(key));
        let base_v = base_notes.as_ref().map(|b| note_val(b.get(key)));
        let Some(conflict) = decide(base_v.as_ref(), &mine_v, &theirs) else { continue };
        let (item, set_id, question_id) = note_refs[key].clone();
        let (item_id, _) = item_of(&item)?;
        if !has_step(item_id, &set_id, &question_id)? {
            return Err(missing(&format!("trin {question_id}")));
        }
        ops.push(Op {
            key: format!("note:{key}"),
            entity: MergeEntity::Note,
            target: Target::Note { item_id, set_id, question_id },
            mine: mine_v,
            theirs,
            changed_at: their_notes.get(key).map(|t| t.1.clone()).unwrap_or_default(),
            by: p
                .records
                .notes
                .iter()
                .find(|n| step_key(&n.item, &n.set_id, &n.question_id) == *key)
                .and_then(|n| n.by.clone()),
            conflict,
        });
    }

    // Positions.
    let index = |ps: &[PkgPosition]| -> BTreeMap<(String, String), (Val, String)> {
        ps.iter()
            .map(|x| {
                (
                    (step_key(&x.item, &x.set_id, &x.question_id), x.person.clone()),
                    (Val::Position(x.value, x.skip_reason.clone()), x.updated_at.clone()),
                )
            })
            .collect()
    };
    let theirs_p = index(&p.records.positions);
    let base_p = base.map(|b| index(&b.positions));
    let mine_p = index(&mine.positions);
    let mut refs: HashMap<(String, String), (String, String, String)> = HashMap::new();
    for x in p.records.positions.iter().chain(base.map(|b| b.positions.as_slice()).unwrap_or(&[])) {
        refs.entry((step_key(&x.item, &x.set_id, &x.question_id), x.person.clone())).or_insert((
            x.item.clone(),
            x.set_id.clone(),
            x.question_id.clone(),
        ));
    }
    let mut keys: BTreeSet<&(String, String)> = theirs_p.keys().collect();
    if let Some(b) = &base_p {
        keys.extend(b.keys());
    }
    let get = |m: &BTreeMap<(String, String), (Val, String)>, k: &(String, String)| {
        m.get(k).map(|v| v.0.clone()).unwrap_or(Val::None)
    };
    for key in keys {
        let theirs = get(&theirs_p, key);
        let mine_v = get(&mine_p, key);
        let base_v = base_p.as_ref().map(|b| get(b, key));
        let Some(conflict) = decide(base_v.as_ref(), &mine_v, &theirs) else { continue };
        let (item, set_id, question_id) = refs[key].clone();
        let (item_id, _) = item_of(&item)?;
        let pid = person_id(&key.1)?.ok_or_else(|| missing(&format!("person {}", key.1)))?;
        if !has_step(item_id, &set_id, &question_id)? {
            return Err(missing(&format!("trin {question_id}")));
        }
        ops.push(Op {
            key: format!("position:{}:{}", key.0, key.1),
            entity: MergeEntity::Position,
            target: Target::Position { item_id, set_id, question_id, person_id: pid },
            mine: mine_v,
            theirs,
            changed_at: theirs_p.get(key).map(|t| t.1.clone()).unwrap_or_default(),
            by: None,
            conflict,
        });
    }

    // Questions to the administration, by their own id.
    let index = |qs: &[PkgQuestion]| -> BTreeMap<String, PkgQuestion> {
        qs.iter().map(|q| (q.uuid.clone(), q.clone())).collect()
    };
    let theirs_q = index(&p.records.questions);
    let base_q = base.map(|b| index(&b.questions));
    let mine_q = index(&mine.questions);
    let mut keys: BTreeSet<&String> = theirs_q.keys().collect();
    if let Some(b) = &base_q {
        keys.extend(b.keys());
    }
    let qv = |m: &BTreeMap<String, PkgQuestion>, k: &str| m.get(k).map_or(Val::None, |q| Val::Text(q.text.clone()));
    for key in keys {
        let theirs = qv(&theirs_q, key);
        let mine_v = qv(&mine_q, key);
        let base_v = base_q.as_ref().map(|b| qv(b, key));
        let Some(conflict) = decide(base_v.as_ref(), &mine_v, &theirs) else { continue };
        let q = theirs_q
            .get(key)
            .or_else(|| mine_q.get(key))
            .or_else(|| base_q.as_ref().and_then(|b| b.get(key)))
            .expect("a key comes from one side")
            .clone();
        let (item_id, _) = item_of(&q.item)?;
        if !has_step(item_id, &q.set_id, &q.question_id)? {
            return Err(missing(&format!("trin {}", q.question_id)));
        }
        let asked_by = match &q.asked_by {
            Some(u) => person_id(u)?,
            None => None,
        };
        ops.push(Op {
            key: format!("question:{key}"),
            entity: MergeEntity::Question,
            target: Target::Question {
                uuid: key.clone(),
                item_id,
                set_id: q.set_id.clone(),
                question_id: q.question_id.clone(),
                asked_by,
            },
            mine: mine_v,
            theirs,
            changed_at: theirs_q.get(key).map(|t| t.updated_at.clone()).unwrap_or_default(),
            by: theirs_q.get(key).and_then(|t| t.by.clone()),
            conflict,
        });
    }

    // Attendance.
    let index = |a: &[PkgAttendance]| -> BTreeMap<String, (Val, String)> {
        a.iter().map(|x| (x.person.clone(), (Val::Attendance(x.status), x.updated_at.clone()))).collect()
    };
    let theirs_a = index(&p.records.attendance);
    let base_a = base.map(|b| index(&b.attendance));
    let mine_a = index(&mine.attendance);
    let mut keys: BTreeSet<&String> = theirs_a.keys().collect();
    if let Some(b) = &base_a {
        keys.extend(b.keys());
    }
    // No recorded attendance means present.
    let av = |m: &BTreeMap<String, (Val, String)>, k: &str| {
        m.get(k).map_or(Val::Attendance(Attendance::Present), |v| v.0.clone())
    };
    for key in keys {
        let theirs = av(&theirs_a, key);
        let mine_v = av(&mine_a, key);
        let base_v = base_a.as_ref().map(|b| av(b, key));
        let Some(conflict) = decide(base_v.as_ref(), &mine_v, &theirs) else { continue };
        let pid = person_id(key)?.ok_or_else(|| missing(&format!("person {key}")))?;
        ops.push(Op {
            key: format!("attendance:{key}"),
            entity: MergeEntity::Attendance,
            target: Target::Attendance { person_id: pid },
            mine: mine_v,
            theirs,
            changed_at: theirs_a.get(key).map(|t| t.1.clone()).unwrap_or_default(),
            by: p.records.attendance.iter().find(|a| a.person == *key).and_then(|a| a.by.clone()),
            conflict,
        });
    }

    // Bilag added there: a bilag with an id not on its item here, and not removed here (the
    // audit log keeps each removed bilag's id), is brought over. Bilag are never changed by a
    // merge: a file is a bilag's content, and titles are the secretary's.
    for item in &p.items {
        let Some((item_id, _)) = items.get(&item.uuid) else { continue };
        for a in &item.attachments {
            let here: bool = conn.query_row(
                "SELECT count(*) > 0 FROM attachment WHERE agenda_item_id = ?1 AND uuid = ?2",
                params![item_id, a.uuid],
                |r| r.get(0),
            )?;
            let removed_here: bool = conn.query_row(
                "SELECT count(*) > 0 FROM audit_log WHERE entity = 'attachment' AND action = 'delete'
                   AND meeting_id = ?1 AND json_extract(changes, '$.uuid') = ?2",
                params![meeting_id, a.uuid],
                |r| r.get(0),
            )?;
            if here || removed_here {
                continue;
            }
            ops.push(Op {
                key: format!("attachment:{}", a.uuid),
                entity: MergeEntity::Attachment,
                target: Target::Attachment { item_id: *item_id, attachment: a.clone() },
                mine: Val::None,
                theirs: Val::Text(a.title.clone()),
                changed_at: p.exported_at.clone(),
                by: None,
                conflict: false,
            });
        }
    }

    let describe = |op: &Op| -> MergeChange {
        let (item, question_id, person) = match &op.target {
            Target::Attachment { item_id, .. } => (item_title(&items, *item_id), None, None),
            Target::Note { item_id, question_id, .. } | Target::Question { item_id, question_id, .. } => {
                (item_title(&items, *item_id), Some(question_id.clone()), None)
            }
            Target::Position { item_id, question_id, .. } => (
                item_title(&items, *item_id),
                Some(question_id.clone()),
                op.key.rsplit(':').next().and_then(|u| person_names.get(u)).map(|s| s.to_string()),
            ),
            Target::Attendance { .. } => (
                None,
                None,
                op.key.strip_prefix("attendance:").and_then(|u| person_names.get(u)).map(|s| s.to_string()),
            ),
        };
        MergeChange {
            key: op.key.clone(),
            entity: op.entity,
            item,
            question_id,
            person,
            mine: op.mine.text(),
            theirs: op.theirs.text(),
            changed_at: op.changed_at.clone(),
            changed_by: op.by.clone().unwrap_or_else(|| p.exported_by.clone()),
            choices: if !op.conflict {
                Vec::new()
            } else if matches!(op.entity, MergeEntity::Note | MergeEntity::Question)
                && matches!((&op.mine, &op.theirs), (Val::Text(_), Val::Text(_)))
            {
                vec![Resolution::Mine, Resolution::Theirs, Resolution::Both]
            } else {
                vec![Resolution::Mine, Resolution::Theirs]
            },
        }
    };
    let preview = MergePreview {
        meeting_id,
        meeting_title: title,
        source: p.source.clone(),
        exported_by: p.exported_by.clone(),
        exported_at: p.exported_at.clone(),
        changes: ops.iter().filter(|o| !o.conflict).map(describe).collect(),
        conflicts: ops.iter().filter(|o| o.conflict).map(describe).collect(),
    };
    Ok((preview, ops))
}

pub(super) fn item_title(items: &HashMap<String, (Id, String)>, id: Id) -> Option<String> {
    items.values().find(|(i, _)| *i == id).map(|(_, t)| t.clone())
}

pub(super) fn apply(
    tx: &Connection,
    meeting_id: Id,
    committee_id: Id,
    op: &Op,
    v: &Val,
    files: &HashMap<String, (crate::bilag::MediaType, i64)>,
) -> Result<()> {
    match (&op.target, v) {
        (Target::Attachment { item_id, attachment }, Val::Text(_)) => {
            let (media_type, bytes) = files[&attachment.sha256];
            insert_attachment(tx, *item_id, attachment, media_type, bytes)?;
        }
        (Target::Attachment { .. }, _) => {}
        (Target::Note { item_id, set_id, question_id }, Val::Text(t)) => {
            tx.execute(
                "INSERT INTO step_note (agenda_item_id, set_id, question_id, text, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (agenda_item_id, set_id, question_id) DO UPDATE SET text = excluded.text,
                     updated_at = excluded.updated_at WHERE text IS NOT excluded.text",
                params![item_id, set_id, question_id, validate::text(t, "text")?, crate::store::now_utc()],
            )?;
        }
        (Target::Note { item_id, set_id, question_id }, Val::None) => {
            tx.execute(
                "DELETE FROM step_note WHERE agenda_item_id = ?1 AND set_id = ?2 AND question_id = ?3",
                params![item_id, set_id, question_id],
            )?;
        }
        (Target::Position { item_id, set_id, question_id, person_id }, Val::Position(value, reason)) => {
            tx.execute(
                "INSERT INTO continuum_position (agenda_item_id, set_id, question_id, person_id, value, skip_reason, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (agenda_item_id, set_id, question_id, person_id) DO UPDATE SET
                     value = excluded.value, skip_reason = excluded.skip_reason, updated_at = excluded.updated_at",
                params![item_id, set_id, question_id, person_id, value, reason, crate::store::now_utc()],
            )?;
        }
        (Target::Position { item_id, set_id, question_id, person_id }, Val::None) => {
            tx.execute(
                "DELETE FROM continuum_position WHERE agenda_item_id = ?1 AND set_id = ?2 AND question_id = ?3 AND person_id = ?4",
                params![item_id, set_id, question_id, person_id],
            )?;
        }
        (Target::Question { uuid, item_id, set_id, question_id, asked_by }, Val::Text(t)) => {
            let existing: Option<Id> = tx
                .query_row(
                    "SELECT id FROM follow_up WHERE meeting_id = ?1 AND uuid = ?2",
                    params![meeting_id, uuid],
                    |r| r.get(0),
                )
                .optional()?;
            match existing {
                Some(id) => {
                    tx.execute(
                        "UPDATE follow_up SET text = ?2, updated_at = ?3 WHERE id = ?1",
                        params![id, t, crate::store::now_utc()],
                    )?;
                }
                None => {
                    tx.execute(
                        "INSERT INTO follow_up (committee_id, meeting_id, agenda_item_id, origin, set_id, question_id, text, asked_by, uuid)
                         VALUES (?1, ?2, ?3, 'question', ?4, ?5, ?6, ?7, ?8)",
                        params![committee_id, meeting_id, item_id, set_id, question_id, t.trim(), asked_by, uuid],
                    )?;
                }
            }
        }
        (Target::Question { uuid, .. }, Val::None) => {
            tx.execute("DELETE FROM follow_up WHERE meeting_id = ?1 AND uuid = ?2", params![meeting_id, uuid])?;
        }
        (Target::Attendance { person_id }, Val::Attendance(a)) => {
            tx.execute(
                "INSERT INTO attendance (meeting_id, person_id, status, updated_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (meeting_id, person_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at",
                params![meeting_id, person_id, a, crate::store::now_utc()],
            )?;
        }
        _ => return Err(damaged("uventet værdi")),
    }
    Ok(())
}

impl Db {
    /// Merge a package into its meeting here. Every conflict must be resolved in `choices`;
    /// otherwise nothing is written and the conflicts are named. Locked minutes refuse.
    pub fn merge_package(&mut self, bytes: &[u8], choices: &[ConflictChoice]) -> Result<MergeOutcome> {
        let p = parse(bytes)?;
        let (preview, ops) = plan_merge(self.connection(), &p)?;
        let chosen: HashMap<&str, Resolution> = choices.iter().map(|c| (c.key.as_str(), c.resolution)).collect();
        let mut unresolved = Vec::new();
        for c in &preview.conflicts {
            match chosen.get(c.key.as_str()) {
                Some(r) if c.choices.contains(r) => {}
                _ => unresolved.push(c.key.clone()),
            }
        }
        if !unresolved.is_empty() {
            return Err(Error::Conflict(
                Message::new("error-package-unresolved")
                    .arg("count", unresolved.len())
                    .arg("keys", unresolved.join(", ")),
            ));
        }
        let me = self.actor();
        // The files of the bilag added there, stored before the merge writes their rows.
        let wanted: BTreeSet<&str> = ops
            .iter()
            .filter_map(|op| match &op.target {
                Target::Attachment { attachment, .. } => Some(attachment.sha256.as_str()),
                _ => None,
            })
            .collect();
        let types = match store_files(self, &p, &wanted) {
            Ok(t) => t,
            Err(e) => {
                self.remove_unreferenced_blobs()?;
                return Err(e);
            }
        };
        let files: HashMap<String, (crate::bilag::MediaType, i64)> = types
            .into_iter()
            .map(|(sha, t)| {
                let len = exact_len(&p.files[&sha]).unwrap_or(0);
                (sha, (t, len))
            })
            .collect();
        // Each change is written by who merges it, with its author there, the package's machine
        // and the merger in the audit log's provenance columns; the merge record keeps the same
        // per change.
        let result = self.batch(|db| {
            let m = crate::store::meeting(db.connection(), preview.meeting_id)?;
            if m.status.is_locked() {
                return Err(Error::Locked(Message::new("error-package-merge-locked").arg("title", &m.title)));
            }
            let mut log = Vec::new();
            let mut applied = 0u32;
            let mut resolved = 0u32;
            for op in &ops {
                let resolution = if op.conflict { Some(chosen[op.key.as_str()]) } else { None };
                let value = match resolution {
                    None | Some(Resolution::Theirs) => Some(op.theirs.clone()),
                    Some(Resolution::Mine) => None,
                    Some(Resolution::Both) => Some(op.both()),
                };
                let author = op.by.clone().unwrap_or_else(|| p.exported_by.clone());
                if let Some(v) = value {
                    {
                        let mut ctx = db.audit_context();
                        ctx.author = Some(author.clone());
                        ctx.via_package = Some(p.source.clone());
                        ctx.merged_by = Some(me.clone());
                    }
                    let written = db.write(|tx| apply(tx, m.id, m.committee_id, op, &v, &files));
                    db.clear_provenance();
                    written?;
                }
                if op.conflict {
                    resolved += 1;
                } else {
                    applied += 1;
                }
                log.push(serde_json::json!({
                    "key": op.key,
                    "entity": op.entity,
                    "mine": op.mine.text(),
                    "theirs": op.theirs.text(),
                    "changed_at": op.changed_at,
                    "author": author,
                    "conflict": op.conflict,
                    "resolution": resolution,
                }));
            }
            db.write(|tx| {
                tx.execute(
                    "INSERT INTO package_merge (meeting_id, package_id, source, exported_by, exported_at, merged_by, changes)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![
                        m.id,
                        p.package_id,
                        p.source,
                        p.exported_by,
                        p.exported_at,
                        me,
                        serde_json::Value::from(log).to_string()
                    ],
                )?;
                Ok(MergeOutcome { merge_id: tx.last_insert_rowid(), meeting_id: m.id, applied, conflicts_resolved: resolved })
            })
        });
        self.clear_provenance();
        if result.is_err() {
            self.remove_unreferenced_blobs()?;
        }
        result
    }
}
