//! Reading a package: parse, bound and check every reference before anything is written.

use super::*;

// ---- reading a package ------------------------------------------------------------------------

/// Parse and check a package's text: its header first, then its structure and bounds.
pub fn parse(bytes: &[u8]) -> Result<Package> {
    if bytes.len() > MAX_PACKAGE_BYTES {
        return Err(too_large());
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()].iter().filter(|b| **b == b'\n').count() + 1;
        damaged_at(line, "ikke UTF-8")
    })?;
    // The header first: a file that is not a package at all says so, not where JSON broke.
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        if text.trim_start().starts_with('{') && text.contains(FORMAT) {
            damaged_at(e.line().max(1), e)
        } else {
            Error::Validation(Message::new("error-package-not-a-package"))
        }
    })?;
    let format = value.get("format").and_then(|v| v.as_str());
    if format != Some(FORMAT) {
        return Err(Error::Validation(Message::new("error-package-not-a-package")));
    }
    match value.get("format_version").and_then(|v| v.as_u64()) {
        Some(v) if (1..=u64::from(FORMAT_VERSION)).contains(&v) => {}
        Some(v) if v > u64::from(FORMAT_VERSION) => {
            return Err(Error::Validation(
                Message::new("error-package-too-new").arg("found", v).arg("supported", FORMAT_VERSION),
            ))
        }
        _ => return Err(damaged("format_version")),
    }
    let mut package: Package = serde_json::from_str(text).map_err(|e| damaged_at(e.line().max(1), e))?;
    normalise(&mut package);
    check(&package)?;
    Ok(package)
}

/// Names that say who did something are used trimmed, and checked as they are used: a name
/// padded with spaces must not pass the length check and then be cut off where it is used.
/// A blank one is no name.
pub(super) fn normalise(p: &mut Package) {
    fn name(by: &mut Option<String>) {
        *by = by.as_deref().map(str::trim).filter(|b| !b.is_empty()).map(str::to_owned);
    }
    p.source = p.source.trim().to_owned();
    p.exported_by = p.exported_by.trim().to_owned();
    p.records.notes.iter_mut().for_each(|n| name(&mut n.by));
    p.records.questions.iter_mut().for_each(|q| name(&mut q.by));
    p.records.attendance.iter_mut().for_each(|a| name(&mut a.by));
}

/// Each bilag names a file the package carries (checked against its SHA-256 when it is
/// stored), within the size limit, with a type Pejling takes.
pub(super) fn check_attachments(p: &Package) -> Result<()> {
    if p.files.len() > MAX_FILES {
        return Err(damaged("for mange bilag"));
    }
    for (sha, b64) in &p.files {
        if !crate::store::blobs::is_sha256(sha) || b64.len() as u64 / 4 * 3 > crate::bilag::MAX_BYTES + 3 {
            return Err(damaged(format!("bilagsfil {}", &sha[..sha.len().min(12)])));
        }
    }
    for item in &p.items {
        if item.attachments.len() as i64 > crate::bilag::MAX_PER_ITEM {
            return Err(damaged("for mange bilag på et punkt"));
        }
        let mut seen = BTreeSet::new();
        for a in &item.attachments {
            check_uuid(&a.uuid)?;
            if !seen.insert(a.uuid.as_str()) || !p.files.contains_key(&a.sha256) {
                return Err(damaged(format!("bilag {}", a.uuid)));
            }
            validate::required(&a.title, "title", 300)?;
            validate::optional(&a.document_number, "document_number", 100)?;
            validate::required(&a.file_name, "file_name", 255)?;
        }
    }
    Ok(())
}

/// Store a package's bilag files in the workspace's blob store; each must match its SHA-256
/// and be a type Pejling takes under its file name. Returns their media types by SHA-256.
pub(super) fn store_files(
    db: &Db,
    p: &Package,
    wanted: &BTreeSet<&str>,
) -> Result<HashMap<String, crate::bilag::MediaType>> {
    use base64::Engine;
    let mut types = HashMap::new();
    for item in &p.items {
        for a in &item.attachments {
            if !wanted.contains(a.sha256.as_str()) || types.contains_key(&a.sha256) {
                continue;
            }
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(p.files[&a.sha256].as_bytes())
                .map_err(|_| damaged(format!("bilag {}", a.uuid)))?;
            let media_type = crate::bilag::check_type(&a.file_name, &bytes)?;
            let sha = db.blobs().put(&bytes)?;
            if sha != a.sha256 {
                return Err(damaged(format!("bilag {}: SHA-256", a.uuid)));
            }
            types.insert(sha, media_type);
        }
    }
    Ok(types)
}

pub(super) fn insert_attachment(
    tx: &Connection,
    item_id: Id,
    a: &PkgAttachment,
    media_type: crate::bilag::MediaType,
    bytes: i64,
) -> Result<()> {
    use crate::bilag::{MediaType, TextState};
    let state = match media_type {
        MediaType::Pdf | MediaType::Docx => TextState::Pending,
        _ => TextState::NotExtracted,
    };
    tx.execute(
        "INSERT INTO attachment (agenda_item_id, position, title, document_number, closed, file_name, media_type,
             sha256, bytes, uuid, text_state)
         VALUES (?1, (SELECT coalesce(max(position) + 1, 0) FROM attachment WHERE agenda_item_id = ?1),
             ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            item_id,
            a.title.trim(),
            a.document_number.trim(),
            a.closed,
            crate::bilag::clean_file_name(&a.file_name),
            media_type,
            a.sha256,
            bytes,
            a.uuid,
            state
        ],
    )?;
    Ok(())
}

/// Bounds and references inside the package.
pub(super) fn check(p: &Package) -> Result<()> {
    check_uuid(&p.package_id)?;
    if let Some(b) = &p.based_on {
        check_uuid(b)?;
    }
    validate::optional(&p.source, "source", MAX_SHORT)?;
    validate::optional(&p.exported_by, "exported_by", MAX_TITLE)?;
    validate::optional(&p.exported_at, "exported_at", MAX_SHORT)?;
    check_uuid(&p.committee.uuid)?;
    validate::required(&p.committee.name, "name", MAX_TITLE)?;
    validate::text(&p.committee.description, "description")?;
    check_uuid(&p.meeting.uuid)?;
    validate::required(&p.meeting.title, "title", MAX_TITLE)?;
    validate::optional(&p.meeting.place, "place", MAX_SHORT)?;
    let starts = validate::local_time(&p.meeting.starts_at, "starts_at")?;
    let ends = validate::local_time(&p.meeting.ends_at, "ends_at")?;
    validate::time_order(&starts, &ends)?;
    if p.meeting.status.is_locked() {
        return Err(damaged("godkendt referat"));
    }
    if p.people.len() > validate::MAX_MEMBERS_PER_COMMITTEE as usize {
        return Err(damaged("for mange personer"));
    }
    let mut people = BTreeSet::new();
    for person in &p.people {
        check_uuid(&person.uuid)?;
        validate::required(&person.name, "name", MAX_TITLE)?;
        validate::optional(person.party.as_deref().unwrap_or(""), "party", MAX_SHORT)?;
        if !people.insert(person.uuid.as_str()) {
            return Err(damaged("en person to gange"));
        }
    }
    if p.question_sets.len() > MAX_SETS {
        return Err(damaged("for mange spørgsmålssæt"));
    }
    check_attachments(p)?;
    let mut sets: HashMap<(&str, u32), QuestionSet> = HashMap::new();
    for s in &p.question_sets {
        validate::required(&s.set_id, "set_id", MAX_SHORT)?;
        validate::text(&s.content, "content")?;
        let set = question_sets::from_json(&s.content).map_err(|_| damaged("spørgsmålssæt"))?;
        if set.id != s.set_id || set.version != s.version {
            return Err(damaged("spørgsmålssæt"));
        }
        if sets.insert((s.set_id.as_str(), s.version), set).is_some() {
            return Err(damaged("et spørgsmålssæt to gange"));
        }
    }
    if p.items.len() > validate::MAX_ITEMS_PER_MEETING as usize {
        return Err(damaged("for mange punkter"));
    }
    // Steps of each item, and which are continuum steps.
    let mut steps: HashMap<String, bool> = HashMap::new();
    let mut items = BTreeSet::new();
    for item in &p.items {
        check_uuid(&item.uuid)?;
        if !items.insert(item.uuid.as_str()) {
            return Err(damaged("et punkt to gange"));
        }
        validate::required(&item.title, "title", MAX_TITLE)?;
        validate::optional(&item.case_id, "case_id", MAX_SHORT)?;
        for t in [
            &item.summary,
            &item.background,
            &item.recommendation,
            &item.previous_decisions,
            &item.decision,
            &item.case_technology,
            &item.case_problem,
        ] {
            validate::text(t, "text")?;
        }
        if item.steps.len() > MAX_STEPS_PER_ITEM {
            return Err(damaged("for mange trin"));
        }
        let mut versions: HashMap<&str, u32> = HashMap::new();
        for s in &item.steps {
            let set = sets.get(&(s.set_id.as_str(), s.set_version)).ok_or_else(|| damaged("ukendt spørgsmålssæt"))?;
            if *versions.entry(&s.set_id).or_insert(s.set_version) != s.set_version {
                return Err(damaged("to versioner af et spørgsmålssæt"));
            }
            let found = set
                .groups
                .iter()
                .find(|g| g.id == s.group_id)
                .is_some_and(|g| g.questions.iter().any(|q| q.id == s.question_id));
            if !found {
                return Err(damaged("ukendt spørgsmål"));
            }
            let key = step_key(&item.uuid, &s.set_id, &s.question_id);
            if steps.insert(key, set.kind == QuestionSetKind::Continuum).is_some() {
                return Err(damaged("et trin to gange"));
            }
        }
    }
    check_records(&p.records, &steps, &people)?;
    if let Some(base) = &p.base {
        // The base may name steps and people the package no longer has; only its bounds matter.
        check_record_bounds(base)?;
    }
    Ok(())
}

pub(super) fn check_record_bounds(r: &Records) -> Result<()> {
    if r.notes.len() + r.positions.len() + r.questions.len() + r.attendance.len() + r.guests.len() > MAX_ROWS
        || r.guests.len() > validate::MAX_GUESTS_PER_MEETING as usize
    {
        return Err(damaged("for mange poster"));
    }
    for n in &r.notes {
        validate::text(&n.text, "text")?;
        validate::optional(n.by.as_deref().unwrap_or(""), "by", MAX_TITLE)?;
        validate::optional(&n.updated_at, "updated_at", MAX_SHORT)?;
    }
    for q in &r.questions {
        check_uuid(&q.uuid)?;
        validate::text(&q.text, "text")?;
        validate::optional(q.by.as_deref().unwrap_or(""), "by", MAX_TITLE)?;
        validate::optional(&q.updated_at, "updated_at", MAX_SHORT)?;
    }
    for p in &r.positions {
        if p.value.is_some_and(|v| v > 100) || p.value.is_some() == p.skip_reason.is_some() {
            return Err(damaged("ugyldig placering"));
        }
        validate::optional(p.skip_reason.as_deref().unwrap_or(""), "reason", MAX_TITLE)?;
        validate::optional(&p.updated_at, "updated_at", MAX_SHORT)?;
    }
    for a in &r.attendance {
        validate::optional(&a.updated_at, "updated_at", MAX_SHORT)?;
        validate::optional(a.by.as_deref().unwrap_or(""), "by", MAX_TITLE)?;
    }
    for g in &r.guests {
        validate::required(&g.name, "name", MAX_TITLE)?;
        validate::optional(&g.affiliation, "affiliation", MAX_TITLE)?;
    }
    Ok(())
}

pub(super) fn check_records(r: &Records, steps: &HashMap<String, bool>, people: &BTreeSet<&str>) -> Result<()> {
    check_record_bounds(r)?;
    let step = |item: &str, set: &str, q: &str| steps.get(&step_key(item, set, q)).copied();
    let mut seen = BTreeSet::new();
    for n in &r.notes {
        if step(&n.item, &n.set_id, &n.question_id).is_none()
            || !seen.insert(step_key(&n.item, &n.set_id, &n.question_id))
        {
            return Err(damaged("notat uden trin"));
        }
    }
    let mut seen = BTreeSet::new();
    for p in &r.positions {
        if step(&p.item, &p.set_id, &p.question_id) != Some(true)
            || !people.contains(p.person.as_str())
            || !seen.insert((step_key(&p.item, &p.set_id, &p.question_id), p.person.as_str()))
        {
            return Err(damaged("placering uden trin eller person"));
        }
    }
    let mut seen = BTreeSet::new();
    for q in &r.questions {
        if step(&q.item, &q.set_id, &q.question_id).is_none()
            || q.text.trim().is_empty()
            || q.asked_by.as_deref().is_some_and(|a| !people.contains(a))
            || !seen.insert(q.uuid.as_str())
        {
            return Err(damaged("spørgsmål til forvaltningen"));
        }
    }
    let mut seen = BTreeSet::new();
    for a in &r.attendance {
        if !people.contains(a.person.as_str()) || !seen.insert(a.person.as_str()) {
            return Err(damaged("fremmøde"));
        }
    }
    Ok(())
}
