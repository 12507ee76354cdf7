//! The guided temamøde ("the walk"): an agenda item's plan of questions, where the meeting
//! is, attendance, notes, questions to the administration and continuum positions.
//!
//! Why it is built this way:
//!
//! * **Frozen texts.** Choosing a set version for an item copies that version's canonical
//!   JSON into the meeting (`meeting_question_set`), and the walk is read from that copy
//!   only. Minutes quote what the committee was actually asked, whatever later happens to
//!   the library or to the built-in sets of a newer build.
//! * **Stable step keys.** The API addresses a step by its index in the walk, as the UI shows
//!   it, but everything recorded at a step is stored under the step's (set, question), so
//!   reordering a plan keeps each note with its question. A plan change that would drop a
//!   step with recorded data, or switch it to another version of its set, is refused.
//! * **No early reveal.** Positions on a continuum are hidden until the chair reveals them,
//!   and hidden means the core does not hand out values at all — only how many have
//!   answered — so no screen, log or export can show them early. Names go with values only
//!   when the meeting is set to named positions.
//! * **Attendance.** Everyone on the committee is present unless recorded otherwise, so a
//!   walk has participants without any set-up. On approval the default is written down
//!   ([`record_default_attendance`]), so the minutes' attendance never changes with later
//!   membership changes. Only present politicians (chair, vice chair, members, citizen
//!   members) take positions: the secretary and officials serve the meeting.
//! * **Locked minutes.** Every write checks the meeting is not approved, in the same
//!   transaction as the write.

use std::collections::{HashMap, HashSet};

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::meetings::{get as meeting, get_unlocked};
use super::question_sets::{library_json, not_found};
use super::{found, now_utc, Db, OptionalRow};
use crate::domain::*;
use crate::error::{Error, Message, Result};
use crate::question_sets;
use crate::validate::{self, MAX_TITLE};

/// The longest visit to one step that counts towards its time used (a walk left open over
/// lunch is not three hours of discussion).
const MAX_VISIT_SECONDS: i64 = 3 * 60 * 60;

/// The longest reason for a position, and the longest point.
pub const MAX_REASON: usize = 280;

/// One row of `walk_step`.
#[derive(Debug, Clone)]
struct StepRow {
    set_id: String,
    question_id: String,
    set_version: u32,
    group_id: String,
    step: u32,
    revealed: bool,
    round: u32,
    first_round_revealed: bool,
    timebox_minutes: Option<u32>,
    seconds_used: u32,
}

fn step_rows(conn: &Connection, item_id: Id) -> Result<Vec<StepRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT set_id, question_id, set_version, group_id, step, revealed, round, first_round_revealed,
                timebox_minutes, seconds_used
         FROM walk_step WHERE agenda_item_id = ?1 ORDER BY step",
    )?;
    let rows = stmt
        .query_map([item_id], |r| {
            Ok(StepRow {
                set_id: r.get(0)?,
                question_id: r.get(1)?,
                set_version: r.get(2)?,
                group_id: r.get(3)?,
                step: r.get(4)?,
                revealed: r.get(5)?,
                round: r.get(6)?,
                first_round_revealed: r.get(7)?,
                timebox_minutes: r.get(8)?,
                seconds_used: r.get(9)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The meeting an agenda item belongs to.
fn item_meeting(conn: &Connection, item_id: Id) -> Result<Id> {
    let m = conn.query_row("SELECT meeting_id FROM agenda_item WHERE id = ?1", [item_id], |r| r.get(0)).opt()?;
    found(m, "agenda_item", item_id)
}

/// The meeting of an item, refused if its minutes are approved.
fn unlocked_item_meeting(conn: &Connection, item_id: Id) -> Result<Meeting> {
    let meeting_id = item_meeting(conn, item_id)?;
    get_unlocked(conn, meeting_id)
}

/// The step at `index` of an item's walk.
fn step_at(conn: &Connection, item_id: Id, index: u32) -> Result<StepRow> {
    let rows = step_rows(conn, item_id)?;
    let count = rows.len();
    rows.into_iter().nth(index as usize).ok_or_else(|| {
        Error::Validation(
            Message::new("error-walk-step-out-of-range")
                .field("step")
                .arg("step", index as u64 + 1)
                .arg("count", count),
        )
    })
}

/// The meeting's frozen copy of a set version.
fn frozen_set(conn: &Connection, meeting_id: Id, set_id: &str, version: u32) -> Result<Option<String>> {
    conn.query_row(
        "SELECT content FROM meeting_question_set WHERE meeting_id = ?1 AND set_id = ?2 AND version = ?3",
        params![meeting_id, set_id, version],
        |r| r.get(0),
    )
    .opt()
}

/// Frozen sets of a meeting, loaded once per call.
struct FrozenSets<'c> {
    conn: &'c Connection,
    meeting_id: Id,
    sets: HashMap<(String, u32), QuestionSet>,
}

impl<'c> FrozenSets<'c> {
    fn new(conn: &'c Connection, meeting_id: Id) -> Self {
        FrozenSets { conn, meeting_id, sets: HashMap::new() }
    }

    fn get(&mut self, set_id: &str, version: u32) -> Result<&QuestionSet> {
        let key = (set_id.to_owned(), version);
        if !self.sets.contains_key(&key) {
            let json =
                frozen_set(self.conn, self.meeting_id, set_id, version)?.ok_or_else(|| not_found(set_id, version))?;
            self.sets.insert(key.clone(), question_sets::from_json(&json)?);
        }
        Ok(&self.sets[&key])
    }
}

/// The walk steps of an item, with their frozen texts and "where we are" numbers.
fn build_steps(conn: &Connection, meeting_id: Id, rows: &[StepRow]) -> Result<Vec<WalkStep>> {
    let mut sets = FrozenSets::new(conn, meeting_id);
    let mut group_counts: HashMap<(&str, &str), u32> = HashMap::new();
    for r in rows {
        *group_counts.entry((&r.set_id, &r.group_id)).or_default() += 1;
    }
    let mut seen: HashMap<(&str, &str), u32> = HashMap::new();
    let mut out = Vec::with_capacity(rows.len());
    for (index, r) in rows.iter().enumerate() {
        let set = sets.get(&r.set_id, r.set_version)?;
        let group = set.groups.iter().find(|g| g.id == r.group_id);
        let question = group.and_then(|g| g.questions.iter().find(|q| q.id == r.question_id));
        let (Some(group), Some(question)) = (group, question) else {
            return Err(Error::Validation(
                Message::new("error-walk-question-not-in-set")
                    .field("selection")
                    .arg("question", &r.question_id)
                    .arg("id", &r.set_id),
            ));
        };
        let number = seen.entry((&r.set_id, &r.group_id)).or_default();
        *number += 1;
        out.push(WalkStep {
            index: index as u32,
            set_id: r.set_id.clone(),
            set_version: r.set_version,
            set_title: set.title.clone(),
            set_kind: set.kind,
            group_id: group.id.clone(),
            group_title: group.title.clone(),
            prompt: set
                .prompt
                .as_ref()
                .map(|p| Text { da: sentence_case_heading(&p.da), en: sentence_case_heading(&p.en) }),
            question: question.clone(),
            question_number: *number,
            question_count: group_counts[&(r.set_id.as_str(), r.group_id.as_str())],
            is_continuum: set.kind == QuestionSetKind::Continuum,
            revealed: r.revealed,
            round: r.round,
            timebox_minutes: r.timebox_minutes,
            seconds_used: r.seconds_used,
        });
    }
    Ok(out)
}

/// Does anything recorded hang on this step?
fn step_has_data(conn: &Connection, item_id: Id, set_id: &str, question_id: &str) -> Result<bool> {
    let n: i64 = conn.query_row(
        "SELECT (SELECT count(*) FROM step_note WHERE agenda_item_id = ?1 AND set_id = ?2 AND question_id = ?3)
              + (SELECT count(*) FROM continuum_position WHERE agenda_item_id = ?1 AND set_id = ?2 AND question_id = ?3)
              + (SELECT count(*) FROM follow_up WHERE agenda_item_id = ?1 AND set_id = ?2 AND question_id = ?3)
              + (SELECT count(*) FROM continuum_first_round WHERE agenda_item_id = ?1 AND set_id = ?2 AND question_id = ?3)
              + (SELECT count(*) FROM walk_point WHERE agenda_item_id = ?1 AND set_id = ?2 AND question_id = ?3)",
        params![item_id, set_id, question_id],
        |r| r.get(0),
    )?;
    Ok(n > 0)
}

type StateRow = (Option<Id>, u32, bool, Option<String>);

fn state_row(conn: &Connection, meeting_id: Id) -> Result<StateRow> {
    let row = conn
        .query_row(
            "SELECT current_item_id, current_step, positions_named, step_started_at FROM meeting_walk WHERE meeting_id = ?1",
            [meeting_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    Ok(row.unwrap_or((None, 0, false, None)))
}

fn walk_state(conn: &Connection, meeting_id: Id) -> Result<WalkState> {
    meeting(conn, meeting_id)?;
    let (current_item_id, step, positions_named, step_started_at) = state_row(conn, meeting_id)?;
    let current_step = match current_item_id {
        Some(item) => {
            let n = step_rows(conn, item)?.len() as u32;
            (n > 0).then(|| step.min(n - 1))
        }
        None => None,
    };
    Ok(WalkState { meeting_id, current_item_id, current_step, positions_named, step_started_at })
}

fn build_walk(conn: &Connection, item_id: Id) -> Result<Walk> {
    let meeting_id = item_meeting(conn, item_id)?;
    let m = meeting(conn, meeting_id)?;
    let (case_technology, case_problem): (String, String) = conn
        .query_row("SELECT case_technology, case_problem FROM walk_plan WHERE agenda_item_id = ?1", [item_id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?
        .unwrap_or_default();
    let rows = step_rows(conn, item_id)?;
    let steps = build_steps(conn, meeting_id, &rows)?;
    let mut parts: Vec<WalkPlanPart> = Vec::new();
    for r in &rows {
        match parts.last_mut() {
            Some(p) if p.set_id == r.set_id && p.set_version == r.set_version => {
                p.selection.push(r.question_id.clone())
            }
            _ => parts.push(WalkPlanPart {
                set_id: r.set_id.clone(),
                set_version: r.set_version,
                selection: vec![r.question_id.clone()],
            }),
        }
    }
    let state = walk_state(conn, meeting_id)?;
    Ok(Walk {
        agenda_item_id: item_id,
        meeting_id,
        plan: WalkPlan { case_technology: case_technology.clone(), case_problem: case_problem.clone(), parts },
        case_technology,
        case_problem,
        steps,
        current_step: state.current_step.filter(|_| state.current_item_id == Some(item_id)),
        locked: m.status.is_locked(),
    })
}

// ---- attendance ---------------------------------------------------------------------------

/// Roles that take positions: the politicians (see `Role::takes_positions`).
fn takes_positions(role: Option<Role>) -> bool {
    role.is_some_and(Role::takes_positions)
}

fn attendance_row(r: &Row<'_>) -> rusqlite::Result<AttendanceEntry> {
    let status: Option<Attendance> = r.get(4)?;
    Ok(AttendanceEntry {
        person_id: r.get(0)?,
        name: r.get(1)?,
        party: r.get(2)?,
        role: r.get(3)?,
        attendance: status.unwrap_or(Attendance::Present),
        recorded: status.is_some(),
    })
}

/// Current members (present unless recorded otherwise) and anyone with recorded attendance.
/// For approved minutes, only what was recorded (the default is written down on approval).
const ATTENDANCE_SELECT: &str = "SELECT p.id, p.name, p.party, m.role, a.status
    FROM person p
    LEFT JOIN membership m ON m.person_id = p.id AND m.committee_id = ?2
    LEFT JOIN attendance a ON a.person_id = p.id AND a.meeting_id = ?1
    WHERE ((m.person_id IS NOT NULL AND ?3 = 0) OR a.person_id IS NOT NULL)";

fn attendance_entries(conn: &Connection, m: &Meeting) -> Result<Vec<AttendanceEntry>> {
    let mut stmt = conn.prepare_cached(ATTENDANCE_SELECT)?;
    let mut rows = stmt
        .query_map(params![m.id, m.committee_id, m.status.is_locked()], attendance_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.sort_by(|a, b| {
        let key = |e: &AttendanceEntry| (e.role.map_or(usize::MAX, Role::rank), e.name.to_lowercase(), e.person_id);
        key(a).cmp(&key(b))
    });
    Ok(rows)
}

fn attendance_of(conn: &Connection, m: &Meeting, person_id: Id) -> Result<Option<AttendanceEntry>> {
    let mut stmt = conn.prepare_cached(&format!("{ATTENDANCE_SELECT} AND p.id = ?4"))?;
    Ok(stmt.query_row(params![m.id, m.committee_id, m.status.is_locked(), person_id], attendance_row).optional()?)
}

/// A person who is at the meeting as a member, or has recorded attendance.
fn participant(conn: &Connection, m: &Meeting, person_id: Id, field: &'static str) -> Result<AttendanceEntry> {
    attendance_of(conn, m, person_id)?
        .ok_or_else(|| Error::Validation(Message::new("error-not-participant").field(field)))
}

/// Write down the default attendance (present) of every committee member without recorded
/// attendance. Called when the minutes are approved, so that the attendance in approved
/// minutes does not follow later membership changes.
pub(crate) fn record_default_attendance(conn: &Connection, meeting_id: Id, committee_id: Id) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO attendance (meeting_id, person_id, status)
         SELECT ?1, person_id, 'present' FROM membership WHERE committee_id = ?2",
        params![meeting_id, committee_id],
    )?;
    Ok(())
}

fn guests(conn: &Connection, meeting_id: Id) -> Result<Vec<MeetingGuest>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, meeting_id, name, affiliation FROM meeting_guest WHERE meeting_id = ?1 ORDER BY id",
    )?;
    let rows = stmt
        .query_map([meeting_id], |r| {
            Ok(MeetingGuest { id: r.get(0)?, meeting_id: r.get(1)?, name: r.get(2)?, affiliation: r.get(3)? })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

// ---- follow-ups ---------------------------------------------------------------------------

const FOLLOW_UP_SELECT: &str = "SELECT f.id, f.meeting_id, f.agenda_item_id, s.step, f.set_id, f.question_id, f.text,
        f.asked_by, p.name, f.owner, f.due_date, f.status, f.answer, f.created_at
    FROM follow_up f
    LEFT JOIN walk_step s ON s.agenda_item_id = f.agenda_item_id AND s.set_id = f.set_id AND s.question_id = f.question_id
    LEFT JOIN person p ON p.id = f.asked_by";

fn follow_up_row(r: &Row<'_>) -> rusqlite::Result<FollowUp> {
    Ok(FollowUp {
        id: r.get(0)?,
        meeting_id: r.get(1)?,
        agenda_item_id: r.get(2)?,
        step: r.get(3)?,
        set_id: r.get(4)?,
        question_id: r.get(5)?,
        text: r.get(6)?,
        asked_by: r.get(7)?,
        asked_by_name: r.get(8)?,
        owner: r.get(9)?,
        due_date: r.get(10)?,
        status: r.get(11)?,
        answer: r.get(12)?,
        created_at: r.get(13)?,
    })
}

fn follow_ups_of_item(conn: &Connection, item_id: Id) -> Result<Vec<FollowUp>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{FOLLOW_UP_SELECT} WHERE f.agenda_item_id = ?1 AND f.origin = 'question' ORDER BY s.step, f.id"
    ))?;
    let rows = stmt.query_map([item_id], follow_up_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

// ---- positions ----------------------------------------------------------------------------

fn not_continuum(step: u32) -> Error {
    Error::Validation(Message::new("error-walk-not-continuum").field("step").arg("step", step as u64 + 1))
}

/// Is the step's set a continuum set (in the meeting's frozen copy)?
fn is_continuum(conn: &Connection, meeting_id: Id, row: &StepRow) -> Result<bool> {
    let mut sets = FrozenSets::new(conn, meeting_id);
    Ok(sets.get(&row.set_id, row.set_version)?.kind == QuestionSetKind::Continuum)
}

/// One participant's answer in a round: value or skip reason, and the reason for a value.
type Answer = (Id, String, Option<u8>, Option<String>, String);

fn round_answers(conn: &Connection, table: &str, item_id: Id, row: &StepRow) -> Result<Vec<Answer>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT c.person_id, p.name, c.value, c.skip_reason, c.reason
         FROM {table} c JOIN person p ON p.id = c.person_id
         WHERE c.agenda_item_id = ?1 AND c.set_id = ?2 AND c.question_id = ?3"
    ))?;
    let rows = stmt
        .query_map(params![item_id, row.set_id, row.question_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// What a revealed round shows: values, skips, statistics and reasons, named or not.
struct Shown {
    values: Vec<RevealedPosition>,
    skipped: Vec<SkippedPosition>,
    statistics: Option<ContinuumStatistics>,
    reasons: Vec<PositionReason>,
}

fn shown(answers: &[Answer], named: bool) -> Shown {
    let who = |id: Id, name: &str| if named { (Some(id), Some(name.to_owned())) } else { (None, None) };
    let mut values = Vec::new();
    let mut skipped = Vec::new();
    let mut reasons = Vec::new();
    for (person_id, name, value, skip, reason) in answers {
        let (person_id, name) = who(*person_id, name);
        match value {
            Some(value) => {
                reasons.push((*value, reason.clone(), person_id, name.clone()));
                values.push(RevealedPosition { value: *value, person_id, name });
            }
            None => skipped.push(SkippedPosition { reason: skip.clone().unwrap_or_default(), person_id, name }),
        }
    }
    // Anonymous results carry nothing that orders them by person.
    values.sort_by(|a, b| (a.value, &a.name).cmp(&(b.value, &b.name)));
    skipped.sort_by(|a, b| (&a.name, &a.reason).cmp(&(&b.name, &b.reason)));
    let v: Vec<u8> = values.iter().map(|v| v.value).collect();
    Shown { statistics: ContinuumStatistics::of(&v), values, skipped, reasons: reasons_by_side(&reasons) }
}

fn continuum_result(conn: &Connection, item_id: Id, row: &StepRow) -> Result<ContinuumResult> {
    let meeting_id = item_meeting(conn, item_id)?;
    let m = meeting(conn, meeting_id)?;
    let named = state_row(conn, meeting_id)?.2;
    let participant_count = attendance_entries(conn, &m)?
        .iter()
        .filter(|e| e.attendance == Attendance::Present && takes_positions(e.role))
        .count() as u32;
    let rows = round_answers(conn, "continuum_position", item_id, row)?;
    let mut result = ContinuumResult {
        agenda_item_id: item_id,
        step: row.step,
        question_id: row.question_id.clone(),
        revealed: row.revealed,
        named,
        participant_count,
        answered_count: rows.len() as u32,
        values: Vec::new(),
        skipped: Vec::new(),
        statistics: None,
        round: row.round,
        reasons: Vec::new(),
        first_round: None,
        moves: Vec::new(),
        median_shift: None,
    };
    let first = if row.round == 2 { Some(round_answers(conn, "continuum_first_round", item_id, row)?) } else { None };
    if let Some(first) = &first {
        let revealed = row.first_round_revealed || row.revealed;
        let mut r = FirstRoundResult {
            revealed,
            answered_count: first.len() as u32,
            values: Vec::new(),
            skipped: Vec::new(),
            statistics: None,
            reasons: Vec::new(),
        };
        if revealed {
            let s = shown(first, named);
            (r.values, r.skipped, r.statistics, r.reasons) = (s.values, s.skipped, s.statistics, s.reasons);
        }
        result.first_round = Some(r);
    }
    if !row.revealed {
        return Ok(result);
    }
    let s = shown(&rows, named);
    (result.values, result.skipped, result.statistics, result.reasons) = (s.values, s.skipped, s.statistics, s.reasons);
    if let Some(first) = &first {
        let before: HashMap<Id, u8> = first.iter().filter_map(|a| a.2.map(|v| (a.0, v))).collect();
        let mut moves: Vec<PositionMove> = rows
            .iter()
            .filter_map(|(id, name, value, _, _)| {
                let (from, to) = (*before.get(id)?, (*value)?);
                let (person_id, name) = if named { (Some(*id), Some(name.clone())) } else { (None, None) };
                Some(PositionMove { from, to, person_id, name })
            })
            .collect();
        moves.sort_by(|a, b| (a.from, a.to, &a.name).cmp(&(b.from, b.to, &b.name)));
        result.moves = moves;
        let first_stats = result.first_round.as_ref().and_then(|f| f.statistics.as_ref());
        result.median_shift = match (first_stats, &result.statistics) {
            (Some(a), Some(b)) => Some(b.median - a.median),
            _ => None,
        };
    }
    Ok(result)
}

/// The result of a continuum step, refused for other kinds of step.
fn continuum_step_result(conn: &Connection, item_id: Id, step: u32) -> Result<ContinuumResult> {
    let row = step_at(conn, item_id, step)?;
    if !is_continuum(conn, item_meeting(conn, item_id)?, &row)? {
        return Err(not_continuum(step));
    }
    continuum_result(conn, item_id, &row)
}

fn set_revealed(db: &mut Db, item_id: Id, step: u32, revealed: bool) -> Result<ContinuumResult> {
    db.write(|tx| {
        let m = unlocked_item_meeting(tx, item_id)?;
        let row = step_at(tx, item_id, step)?;
        if !is_continuum(tx, m.id, &row)? {
            return Err(not_continuum(step));
        }
        tx.execute(
            "UPDATE walk_step SET revealed = ?4 WHERE agenda_item_id = ?1 AND set_id = ?2 AND question_id = ?3",
            params![item_id, row.set_id, row.question_id, revealed],
        )?;
        continuum_step_result(tx, item_id, step)
    })
}

impl Db {
    // ---- plan ---------------------------------------------------------------------------

    /// Set what an agenda item's walk goes through, replacing its plan.
    ///
    /// Each part names a set version from the library (or one the meeting has already
    /// frozen) and a selection of its groups and questions; the first use of a version in a
    /// meeting freezes a copy of it. Refused when the meeting is locked, when a set, group
    /// or question does not exist, when a question is chosen twice, when one set is used in
    /// two versions, and when a step with recorded notes, positions or questions to the
    /// administration would be dropped or switched to another version.
    pub fn set_walk_plan(&mut self, item_id: Id, plan: &WalkPlan) -> Result<Walk> {
        let case_technology = validate::text(&plan.case_technology, "case_technology")?;
        let case_problem = validate::text(&plan.case_problem, "case_problem")?;
        let mut versions: HashMap<&str, u32> = HashMap::new();
        for part in &plan.parts {
            let id = part.set_id.trim();
            if *versions.entry(id).or_insert(part.set_version) != part.set_version {
                return Err(Error::Validation(Message::new("error-walk-two-versions").field("set_id").arg("id", id)));
            }
        }
        self.write(|tx| {
            let m = unlocked_item_meeting(tx, item_id)?;
            // Expand the plan into steps, reading each version from the meeting's frozen copy
            // if it has one, else from the library.
            let mut steps: Vec<(String, u32, String, String)> = Vec::new();
            let mut keys: HashSet<(String, String)> = HashSet::new();
            let mut to_freeze: Vec<(String, u32, String)> = Vec::new();
            for part in &plan.parts {
                let (id, version) = (part.set_id.trim(), part.set_version);
                // A set may come back in a later part (TESK's technology questions, then the
                // organisation questions, then TESK's consequences): freeze it once.
                let pending = to_freeze.iter().find(|(s, v, _)| s == id && *v == version).map(|(_, _, j)| j.clone());
                let json = match pending.map_or_else(|| frozen_set(tx, m.id, id, version), |j| Ok(Some(j)))? {
                    Some(json) => json,
                    None => {
                        let json = library_json(tx, id, version)?.ok_or_else(|| not_found(id, version))?;
                        to_freeze.push((id.to_owned(), version, json.clone()));
                        json
                    }
                };
                let set = question_sets::from_json(&json)?;
                let mut chosen: Vec<(&QuestionGroup, &Question)> = Vec::new();
                if part.selection.is_empty() {
                    chosen.extend(set.groups.iter().flat_map(|g| g.questions.iter().map(move |q| (g, q))));
                }
                for wanted in &part.selection {
                    let wanted = wanted.trim();
                    if let Some(g) = set.groups.iter().find(|g| g.id == wanted) {
                        chosen.extend(g.questions.iter().map(|q| (g, q)));
                    } else if let Some((g, q)) =
                        set.groups.iter().find_map(|g| g.questions.iter().find(|q| q.id == wanted).map(|q| (g, q)))
                    {
                        chosen.push((g, q));
                    } else {
                        return Err(Error::Validation(
                            Message::new("error-walk-question-not-in-set")
                                .field("selection")
                                .arg("question", wanted)
                                .arg("id", id),
                        ));
                    }
                }
                for (g, q) in chosen {
                    if !keys.insert((id.to_owned(), q.id.clone())) {
                        return Err(Error::Validation(
                            Message::new("error-walk-duplicate-step").field("selection").arg("question", &q.id),
                        ));
                    }
                    steps.push((id.to_owned(), version, g.id.clone(), q.id.clone()));
                }
            }

            for old in step_rows(tx, item_id)? {
                let kept = steps.iter().any(|(s, v, _, q)| *s == old.set_id && *q == old.question_id && *v == old.set_version);
                if !kept && step_has_data(tx, item_id, &old.set_id, &old.question_id)? {
                    return Err(Error::Conflict(
                        Message::new("error-walk-step-has-data").field("selection").arg("question", &old.question_id),
                    ));
                }
                if !keys.contains(&(old.set_id.clone(), old.question_id.clone())) {
                    tx.execute(
                        "DELETE FROM walk_step WHERE agenda_item_id = ?1 AND set_id = ?2 AND question_id = ?3",
                        params![item_id, old.set_id, old.question_id],
                    )?;
                }
            }

            tx.execute(
                "INSERT INTO walk_plan (agenda_item_id, case_technology, case_problem, updated_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (agenda_item_id) DO UPDATE SET case_technology = excluded.case_technology,
                     case_problem = excluded.case_problem, updated_at = excluded.updated_at",
                params![item_id, case_technology, case_problem, now_utc()],
            )?;
            for (set_id, version, json) in &to_freeze {
                tx.execute(
                    "INSERT INTO meeting_question_set (meeting_id, set_id, version, content) VALUES (?1, ?2, ?3, ?4)",
                    params![m.id, set_id, version, json],
                )?;
            }
            let mut upsert = tx.prepare_cached(
                "INSERT INTO walk_step (agenda_item_id, set_id, question_id, set_version, group_id, step)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (agenda_item_id, set_id, question_id) DO UPDATE SET
                     revealed = CASE WHEN set_version = excluded.set_version THEN revealed ELSE 0 END,
                     set_version = excluded.set_version, group_id = excluded.group_id, step = excluded.step",
            )?;
            for (i, (set_id, version, group_id, question_id)) in steps.iter().enumerate() {
                upsert.execute(params![item_id, set_id, question_id, version, group_id, i as i64])?;
            }
            // Frozen copies no longer used by any item of the meeting go.
            tx.execute(
                "DELETE FROM meeting_question_set WHERE meeting_id = ?1 AND NOT EXISTS (
                     SELECT 1 FROM walk_step s JOIN agenda_item a ON a.id = s.agenda_item_id
                     WHERE a.meeting_id = ?1 AND s.set_id = meeting_question_set.set_id
                       AND s.set_version = meeting_question_set.version)",
                [m.id],
            )?;
            build_walk(tx, item_id)
        })
    }

    /// An agenda item's walk: its steps with the meeting's frozen texts and the "where we
    /// are" numbers. An item without a plan has no steps.
    pub fn get_walk(&self, item_id: Id) -> Result<Walk> {
        build_walk(&self.conn, item_id)
    }

    /// Where the meeting's walk is, and whether positions are shown named.
    pub fn walk_state(&self, meeting_id: Id) -> Result<WalkState> {
        walk_state(&self.conn, meeting_id)
    }

    /// Move the meeting's walk to `step` (0-based) of agenda item `item_id`.
    pub fn set_current_step(&mut self, meeting_id: Id, item_id: Id, step: u32) -> Result<WalkState> {
        self.write(|tx| {
            get_unlocked(tx, meeting_id)?;
            if item_meeting(tx, item_id)? != meeting_id {
                return Err(Error::Validation(Message::new("error-walk-item-not-in-meeting").field("item_id")));
            }
            step_at(tx, item_id, step)?;
            let now = now_utc();
            // The visit to the step the walk leaves counts towards its time used.
            if let (Some(old_item), old_step, _, Some(started)) = state_row(tx, meeting_id)? {
                tx.execute(
                    "UPDATE walk_step SET seconds_used = seconds_used
                         + min(?4, max(0, CAST(round((julianday(?3) - julianday(?5)) * 86400) AS INTEGER)))
                     WHERE agenda_item_id = ?1 AND step = ?2",
                    params![old_item, old_step, now, MAX_VISIT_SECONDS, started],
                )?;
            }
            tx.execute(
                "INSERT INTO meeting_walk (meeting_id, current_item_id, current_step, step_started_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?4)
                 ON CONFLICT (meeting_id) DO UPDATE SET current_item_id = excluded.current_item_id,
                     current_step = excluded.current_step, step_started_at = excluded.step_started_at,
                     updated_at = excluded.updated_at",
                params![meeting_id, item_id, step, now],
            )?;
            walk_state(tx, meeting_id)
        })
    }

    /// Show names with revealed positions (`true`) or only anonymous values (`false`, the
    /// default).
    pub fn set_positions_named(&mut self, meeting_id: Id, named: bool) -> Result<WalkState> {
        self.write(|tx| {
            get_unlocked(tx, meeting_id)?;
            tx.execute(
                "INSERT INTO meeting_walk (meeting_id, positions_named, updated_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (meeting_id) DO UPDATE SET positions_named = excluded.positions_named,
                     updated_at = excluded.updated_at",
                params![meeting_id, named, now_utc()],
            )?;
            walk_state(tx, meeting_id)
        })
    }

    // ---- notes and questions to the administration --------------------------------------

    /// Save the note of a step, exactly as typed. An empty (or blank) note deletes it.
    pub fn save_step_note(&mut self, item_id: Id, step: u32, text: &str) -> Result<()> {
        let text = validate::text(text, "text")?;
        self.write(|tx| {
            unlocked_item_meeting(tx, item_id)?;
            let row = step_at(tx, item_id, step)?;
            if text.trim().is_empty() {
                tx.execute(
                    "DELETE FROM step_note WHERE agenda_item_id = ?1 AND set_id = ?2 AND question_id = ?3",
                    params![item_id, row.set_id, row.question_id],
                )?;
            } else {
                tx.execute(
                    "INSERT INTO step_note (agenda_item_id, set_id, question_id, text, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (agenda_item_id, set_id, question_id) DO UPDATE SET text = excluded.text,
                         updated_at = excluded.updated_at WHERE text IS NOT excluded.text",
                    params![item_id, row.set_id, row.question_id, text, now_utc()],
                )?;
            }
            Ok(())
        })
    }

    /// The note of a step; empty when there is none.
    pub fn step_note(&self, item_id: Id, step: u32) -> Result<String> {
        let row = step_at(&self.conn, item_id, step)?;
        note(&self.conn, item_id, &row)
    }

    /// Record a question to the administration raised at a step, optionally with who asked
    /// it (a present participant). It starts as an open follow-up item.
    pub fn add_question_to_administration(
        &mut self,
        item_id: Id,
        step: u32,
        text: &str,
        asked_by: Option<Id>,
    ) -> Result<FollowUp> {
        let text = validate::text(text.trim(), "text")?;
        if text.is_empty() {
            return Err(Error::Validation(Message::new("error-question-empty").field("text")));
        }
        self.write(|tx| {
            let m = unlocked_item_meeting(tx, item_id)?;
            let row = step_at(tx, item_id, step)?;
            if let Some(person_id) = asked_by {
                let p = participant(tx, &m, person_id, "asked_by")?;
                if p.attendance != Attendance::Present {
                    return Err(Error::Validation(
                        Message::new("error-not-present").field("asked_by").arg("name", &p.name),
                    ));
                }
            }
            let n: i64 =
                tx.query_row("SELECT count(*) FROM follow_up WHERE agenda_item_id = ?1", [item_id], |r| r.get(0))?;
            validate::room_for_one(n, validate::MAX_QUESTIONS_PER_ITEM, "error-too-many-questions")?;
            tx.execute(
                "INSERT INTO follow_up (committee_id, meeting_id, agenda_item_id, origin, set_id, question_id, text, asked_by)
                 VALUES (?1, ?2, ?3, 'question', ?4, ?5, ?6, ?7)",
                params![m.committee_id, m.id, item_id, row.set_id, row.question_id, text, asked_by],
            )?;
            let id = tx.last_insert_rowid();
            Ok(tx.query_row(&format!("{FOLLOW_UP_SELECT} WHERE f.id = ?1"), [id], follow_up_row)?)
        })
    }

    /// The questions to the administration raised in an item's walk, in walk order.
    pub fn list_questions_to_administration(&self, item_id: Id) -> Result<Vec<FollowUp>> {
        item_meeting(&self.conn, item_id)?;
        follow_ups_of_item(&self.conn, item_id)
    }

    /// Delete a question to the administration (one recorded by mistake).
    pub fn delete_question_to_administration(&mut self, id: Id) -> Result<()> {
        self.write(|tx| {
            let meeting_id: Option<Id> = tx
                .query_row("SELECT meeting_id FROM follow_up WHERE id = ?1 AND origin = 'question'", [id], |r| r.get(0))
                .opt()?;
            get_unlocked(tx, found(meeting_id, "follow_up", id)?)?;
            tx.execute("DELETE FROM follow_up WHERE id = ?1", [id])?;
            Ok(())
        })
    }

    // ---- attendance ---------------------------------------------------------------------

    /// Record a person's attendance at a meeting. The person must be a member of the
    /// meeting's committee or already have recorded attendance (a former member).
    pub fn set_attendance(&mut self, meeting_id: Id, person_id: Id, attendance: Attendance) -> Result<AttendanceEntry> {
        self.write(|tx| {
            let m = get_unlocked(tx, meeting_id)?;
            participant(tx, &m, person_id, "person_id")?;
            tx.execute(
                "INSERT INTO attendance (meeting_id, person_id, status, updated_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (meeting_id, person_id) DO UPDATE SET status = excluded.status,
                     updated_at = excluded.updated_at",
                params![meeting_id, person_id, attendance, now_utc()],
            )?;
            participant(tx, &m, person_id, "person_id")
        })
    }

    /// Who is at a meeting: every committee member (present unless recorded otherwise),
    /// former members with recorded attendance, and guests. For approved minutes, what was
    /// recorded.
    pub fn list_attendance(&self, meeting_id: Id) -> Result<MeetingAttendance> {
        let m = meeting(&self.conn, meeting_id)?;
        Ok(MeetingAttendance {
            meeting_id,
            people: attendance_entries(&self.conn, &m)?,
            guests: guests(&self.conn, meeting_id)?,
        })
    }

    /// Add a guest: someone at the meeting who is not on the committee.
    pub fn add_meeting_guest(&mut self, meeting_id: Id, name: &str, affiliation: &str) -> Result<MeetingGuest> {
        let name = validate::required(name, "name", MAX_TITLE)?;
        let affiliation = validate::optional(affiliation, "affiliation", MAX_TITLE)?;
        self.write(|tx| {
            get_unlocked(tx, meeting_id)?;
            let n: i64 =
                tx.query_row("SELECT count(*) FROM meeting_guest WHERE meeting_id = ?1", [meeting_id], |r| r.get(0))?;
            validate::room_for_one(n, validate::MAX_GUESTS_PER_MEETING, "error-too-many-guests")?;
            tx.execute(
                "INSERT INTO meeting_guest (meeting_id, name, affiliation) VALUES (?1, ?2, ?3)",
                params![meeting_id, name, affiliation],
            )?;
            Ok(MeetingGuest { id: tx.last_insert_rowid(), meeting_id, name, affiliation })
        })
    }

    pub fn delete_meeting_guest(&mut self, guest_id: Id) -> Result<()> {
        self.write(|tx| {
            let meeting_id: Option<Id> =
                tx.query_row("SELECT meeting_id FROM meeting_guest WHERE id = ?1", [guest_id], |r| r.get(0)).opt()?;
            get_unlocked(tx, found(meeting_id, "meeting_guest", guest_id)?)?;
            tx.execute("DELETE FROM meeting_guest WHERE id = ?1", [guest_id])?;
            Ok(())
        })
    }

    // ---- positions ----------------------------------------------------------------------

    /// Record a participant's position on a continuum step: a value from 0 (extreme left) to
    /// 100 (extreme right), or skipped with a reason. Only present politicians take
    /// positions. Returns the step's result (counts only while hidden).
    pub fn set_position(
        &mut self,
        item_id: Id,
        step: u32,
        person_id: Id,
        input: &PositionInput,
    ) -> Result<ContinuumResult> {
        let (value, reason) = match input {
            PositionInput::Value(v) if *v > 100 => {
                return Err(Error::Validation(Message::new("error-position-value").field("value").arg("value", v)))
            }
            PositionInput::Value(v) => (Some(*v), None),
            PositionInput::Skipped { reason } => {
                let reason = validate::optional(reason, "reason", MAX_TITLE)?;
                if reason.is_empty() {
                    return Err(Error::Validation(Message::new("error-position-skip-reason").field("reason")));
                }
                (None, Some(reason))
            }
        };
        self.write(|tx| {
            let m = unlocked_item_meeting(tx, item_id)?;
            let row = step_at(tx, item_id, step)?;
            if !is_continuum(tx, m.id, &row)? {
                return Err(not_continuum(step));
            }
            let p = participant(tx, &m, person_id, "person_id")?;
            if !takes_positions(p.role) {
                return Err(Error::Validation(
                    Message::new("error-position-not-politician").field("person_id").arg("name", &p.name),
                ));
            }
            if p.attendance != Attendance::Present {
                return Err(Error::Validation(Message::new("error-not-present").field("person_id").arg("name", &p.name)));
            }
            tx.execute(
                "INSERT INTO continuum_position (agenda_item_id, set_id, question_id, person_id, value, skip_reason, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (agenda_item_id, set_id, question_id, person_id) DO UPDATE SET
                     value = excluded.value, skip_reason = excluded.skip_reason, updated_at = excluded.updated_at",
                params![item_id, row.set_id, row.question_id, person_id, value, reason, now_utc()],
            )?;
            continuum_result(tx, item_id, &row)
        })
    }

    /// Withdraw a participant's position (or skip) on a step.
    pub fn clear_position(&mut self, item_id: Id, step: u32, person_id: Id) -> Result<ContinuumResult> {
        self.write(|tx| {
            unlocked_item_meeting(tx, item_id)?;
            let row = step_at(tx, item_id, step)?;
            tx.execute(
                "DELETE FROM continuum_position
                 WHERE agenda_item_id = ?1 AND set_id = ?2 AND question_id = ?3 AND person_id = ?4",
                params![item_id, row.set_id, row.question_id, person_id],
            )?;
            continuum_step_result(tx, item_id, step)
        })
    }

    /// Show the positions on a continuum step to the room.
    pub fn reveal_positions(&mut self, item_id: Id, step: u32) -> Result<ContinuumResult> {
        set_revealed(self, item_id, step, true)
    }

    /// Hide the positions on a continuum step again.
    pub fn hide_positions(&mut self, item_id: Id, step: u32) -> Result<ContinuumResult> {
        set_revealed(self, item_id, step, false)
    }

    /// The positions on a continuum step: while hidden only how many have answered; once
    /// revealed the values (named if the meeting says so), median, spread and skips.
    pub fn continuum_result(&self, item_id: Id, step: u32) -> Result<ContinuumResult> {
        continuum_step_result(&self.conn, item_id, step)
    }

    // ---- summary ------------------------------------------------------------------------

    /// Everything an item's walk produced: per step its note, its questions to the
    /// administration and, for continuum questions, the result (subject to reveal).
    pub fn walk_summary(&self, item_id: Id) -> Result<WalkSummary> {
        let walk = self.get_walk(item_id)?;
        let rows = step_rows(&self.conn, item_id)?;
        let mut follow_ups = follow_ups_of_item(&self.conn, item_id)?;
        let all_points = points_of_item(&self.conn, item_id)?;
        let mut steps = Vec::with_capacity(walk.steps.len());
        for (step, row) in walk.steps.into_iter().zip(&rows) {
            let (mine, rest): (Vec<FollowUp>, Vec<FollowUp>) = follow_ups.into_iter().partition(|f| {
                f.set_id.as_deref() == Some(&row.set_id) && f.question_id.as_deref() == Some(&row.question_id)
            });
            follow_ups = rest;
            let result = if step.is_continuum { Some(continuum_result(&self.conn, item_id, row)?) } else { None };
            let points =
                all_points.iter().filter(|p| p.step == Some(step.index) && p.merged_into.is_none()).cloned().collect();
            steps.push(StepSummary {
                points,
                note: note(&self.conn, item_id, row)?,
                questions_to_administration: mine,
                result,
                step,
            });
        }
        Ok(WalkSummary {
            agenda_item_id: item_id,
            meeting_id: walk.meeting_id,
            case_technology: walk.case_technology,
            case_problem: walk.case_problem,
            steps,
        })
    }
}

fn note(conn: &Connection, item_id: Id, row: &StepRow) -> Result<String> {
    let text: Option<String> = conn
        .query_row(
            "SELECT text FROM step_note WHERE agenda_item_id = ?1 AND set_id = ?2 AND question_id = ?3",
            params![item_id, row.set_id, row.question_id],
            |r| r.get(0),
        )
        .opt()?;
    Ok(text.unwrap_or_default())
}

// ---- two rounds, reasons, points, timeboxes ---------------------------------------------

const POINT_SELECT: &str = "SELECT w.id, w.agenda_item_id, s.step, w.question_id, w.text, w.person_id, p.name,
        w.shown, w.merged_into, w.follow_up_id,
        (SELECT count(*) FROM walk_point d WHERE d.merged_into = w.id), w.created_at
    FROM walk_point w
    LEFT JOIN walk_step s ON s.agenda_item_id = w.agenda_item_id AND s.set_id = w.set_id AND s.question_id = w.question_id
    LEFT JOIN person p ON p.id = w.person_id";

fn point_row(r: &Row<'_>) -> rusqlite::Result<WalkPoint> {
    Ok(WalkPoint {
        id: r.get(0)?,
        agenda_item_id: r.get(1)?,
        step: r.get(2)?,
        question_id: r.get(3)?,
        text: r.get(4)?,
        person_id: r.get(5)?,
        name: r.get(6)?,
        shown: r.get(7)?,
        merged_into: r.get(8)?,
        follow_up_id: r.get(9)?,
        duplicates: r.get(10)?,
        created_at: r.get(11)?,
    })
}

fn point(conn: &Connection, id: Id) -> Result<WalkPoint> {
    let p = conn.query_row(&format!("{POINT_SELECT} WHERE w.id = ?1"), [id], point_row).opt()?;
    found(p, "walk_point", id)
}

fn points_of_item(conn: &Connection, item_id: Id) -> Result<Vec<WalkPoint>> {
    let mut stmt = conn.prepare_cached(&format!("{POINT_SELECT} WHERE w.agenda_item_id = ?1 ORDER BY s.step, w.id"))?;
    let rows = stmt.query_map([item_id], point_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// A point's item, refused when its meeting is locked.
fn unlocked_point(conn: &Connection, id: Id) -> Result<WalkPoint> {
    let p = point(conn, id)?;
    unlocked_item_meeting(conn, p.agenda_item_id)?;
    Ok(p)
}

/// Does the step take points ("Hvad vil du belyse?"): a question set with a prompt, not a
/// continuum?
fn takes_points(step: &WalkStep) -> bool {
    step.prompt.is_some() && !step.is_continuum
}

/// The most points one agenda item takes.
pub const MAX_POINTS_PER_ITEM: i64 = 1_000;

/// The room's timebox of the current step, or of its perspective.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
pub struct StepTimebox {
    /// Minutes planned: the step's own timebox.
    pub minutes: u32,
    /// Seconds used at earlier visits.
    pub seconds_used: u32,
    /// UTC: when the walk entered the step (the visit now running).
    pub running_since: Option<String>,
}

impl Db {
    /// Start the second round of positions on a continuum step: round 1's positions are kept
    /// as they are (and whether they had been revealed), and the question is open again,
    /// hidden, for everyone to answer once more. Refused when round 2 has already begun, and
    /// when nobody took a position in round 1.
    pub fn start_second_round(&mut self, item_id: Id, step: u32) -> Result<ContinuumResult> {
        self.write(|tx| {
            let m = unlocked_item_meeting(tx, item_id)?;
            let row = step_at(tx, item_id, step)?;
            if !is_continuum(tx, m.id, &row)? {
                return Err(not_continuum(step));
            }
            if row.round == 2 {
                return Err(Error::Conflict(Message::new("error-round-two-started").field("step")));
            }
            let key = params![item_id, row.set_id, row.question_id];
            let n = tx.execute(
                "INSERT INTO continuum_first_round
                     (agenda_item_id, set_id, question_id, person_id, value, skip_reason, reason, answered_at)
                 SELECT agenda_item_id, set_id, question_id, person_id, value, skip_reason, reason, updated_at
                 FROM continuum_position WHERE agenda_item_id = ?1 AND set_id = ?2 AND question_id = ?3",
                key,
            )?;
            if n == 0 {
                return Err(Error::Validation(Message::new("error-round-one-empty").field("step")));
            }
            tx.execute(
                "DELETE FROM continuum_position WHERE agenda_item_id = ?1 AND set_id = ?2 AND question_id = ?3",
                key,
            )?;
            tx.execute(
                "UPDATE walk_step SET round = 2, first_round_revealed = revealed, revealed = 0
                 WHERE agenda_item_id = ?1 AND set_id = ?2 AND question_id = ?3",
                key,
            )?;
            continuum_step_result(tx, item_id, step)
        })
    }

    /// Save the short reason a participant gives for their position on a continuum step
    /// (typed by the secretary, or sent from the participant's phone). Needs a position with
    /// a value; an empty reason removes it.
    pub fn set_position_reason(
        &mut self,
        item_id: Id,
        step: u32,
        person_id: Id,
        reason: &str,
    ) -> Result<ContinuumResult> {
        let reason = validate::optional(reason, "reason", MAX_REASON)?;
        self.write(|tx| {
            let m = unlocked_item_meeting(tx, item_id)?;
            let row = step_at(tx, item_id, step)?;
            if !is_continuum(tx, m.id, &row)? {
                return Err(not_continuum(step));
            }
            let n = tx.execute(
                "UPDATE continuum_position SET reason = ?5
                 WHERE agenda_item_id = ?1 AND set_id = ?2 AND question_id = ?3 AND person_id = ?4 AND value IS NOT NULL",
                params![item_id, row.set_id, row.question_id, person_id, reason],
            )?;
            if n == 0 {
                return Err(Error::Validation(Message::new("error-reason-no-position").field("reason")));
            }
            continuum_result(tx, item_id, &row)
        })
    }

    /// Plan `minutes` for a step (1–240), or no timebox (`None`).
    pub fn set_step_timebox(&mut self, item_id: Id, step: u32, minutes: Option<u32>) -> Result<Walk> {
        if let Some(n) = minutes.filter(|n| !(1..=240).contains(n)) {
            return Err(Error::Validation(Message::new("error-timebox-minutes").field("minutes").arg("minutes", n)));
        }
        self.write(|tx| {
            unlocked_item_meeting(tx, item_id)?;
            let row = step_at(tx, item_id, step)?;
            tx.execute(
                "UPDATE walk_step SET timebox_minutes = ?4 WHERE agenda_item_id = ?1 AND set_id = ?2 AND question_id = ?3",
                params![item_id, row.set_id, row.question_id, minutes],
            )?;
            build_walk(tx, item_id)
        })
    }

    /// The timebox of the step the meeting is at, if it has one.
    pub fn current_timebox(&self, meeting_id: Id) -> Result<Option<StepTimebox>> {
        let (item, step, _, started) = state_row(&self.conn, meeting_id)?;
        let Some(item) = item else { return Ok(None) };
        let Some(row) = step_rows(&self.conn, item)?.into_iter().nth(step as usize) else { return Ok(None) };
        Ok(row.timebox_minutes.map(|minutes| StepTimebox {
            minutes,
            seconds_used: row.seconds_used,
            running_since: started,
        }))
    }

    /// Add a point ("Hvad vil du belyse?") at a step whose set asks for them (a TESK
    /// perspective): from a participant (`person_id`, present at the meeting) or typed by the
    /// secretary (`None`).
    pub fn add_walk_point(&mut self, item_id: Id, step: u32, person_id: Option<Id>, text: &str) -> Result<WalkPoint> {
        if text.trim().is_empty() {
            return Err(Error::Validation(Message::new("error-point-empty").field("text")));
        }
        let text = validate::optional(text, "text", MAX_REASON)?;
        self.write(|tx| {
            let m = unlocked_item_meeting(tx, item_id)?;
            let row = step_at(tx, item_id, step)?;
            let steps = build_steps(tx, m.id, std::slice::from_ref(&row))?;
            if !steps.first().is_some_and(takes_points) {
                return Err(Error::Validation(
                    Message::new("error-point-not-here").field("step").arg("step", step as u64 + 1),
                ));
            }
            if let Some(person_id) = person_id {
                let p = participant(tx, &m, person_id, "person_id")?;
                if p.attendance != Attendance::Present {
                    return Err(Error::Validation(
                        Message::new("error-not-present").field("person_id").arg("name", &p.name),
                    ));
                }
            }
            let n: i64 =
                tx.query_row("SELECT count(*) FROM walk_point WHERE agenda_item_id = ?1", [item_id], |r| r.get(0))?;
            validate::room_for_one(n, MAX_POINTS_PER_ITEM, "error-too-many-points")?;
            tx.execute(
                "INSERT INTO walk_point (agenda_item_id, set_id, question_id, person_id, text) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![item_id, row.set_id, row.question_id, person_id, text],
            )?;
            point(tx, tx.last_insert_rowid())
        })
    }

    /// The points sent in an item's walk, in walk order, then as they arrived.
    pub fn list_walk_points(&self, item_id: Id) -> Result<Vec<WalkPoint>> {
        item_meeting(&self.conn, item_id)?;
        points_of_item(&self.conn, item_id)
    }

    /// Show a point on the room screen (without a name), or take it off.
    pub fn show_walk_point(&mut self, id: Id, shown: bool) -> Result<WalkPoint> {
        self.write(|tx| {
            unlocked_point(tx, id)?;
            tx.execute("UPDATE walk_point SET shown = ?2 WHERE id = ?1", params![id, shown])?;
            point(tx, id)
        })
    }

    /// Merge a point into another of the same item as its duplicate (`into` = `None`: undo the
    /// merge). A point others were merged into cannot itself be merged; the merged point is
    /// no longer shown on its own.
    pub fn merge_walk_point(&mut self, id: Id, into: Option<Id>) -> Result<Vec<WalkPoint>> {
        self.write(|tx| {
            let p = unlocked_point(tx, id)?;
            if let Some(into) = into {
                let target = point(tx, into)?;
                if into == id
                    || target.agenda_item_id != p.agenda_item_id
                    || target.merged_into.is_some()
                    || p.duplicates > 0
                {
                    return Err(Error::Validation(Message::new("error-point-merge").field("into")));
                }
            }
            tx.execute("UPDATE walk_point SET merged_into = ?2, shown = 0 WHERE id = ?1", params![id, into])?;
            points_of_item(tx, p.agenda_item_id)
        })
    }

    /// Turn a point into a question to the administration (a follow-up item) at the step it
    /// was sent, asked by whoever sent it, in one action. A point becomes one question once.
    pub fn walk_point_to_question(&mut self, id: Id) -> Result<FollowUp> {
        self.batch(|db| {
            let p = unlocked_point(&db.conn, id)?;
            if p.follow_up_id.is_some() {
                return Err(Error::Conflict(Message::new("error-point-already-question").field("id")));
            }
            let Some(step) = p.step else {
                return Err(Error::Validation(Message::new("error-point-merge").field("id")));
            };
            let asked_by = match p.person_id {
                Some(person) => {
                    let m = unlocked_item_meeting(&db.conn, p.agenda_item_id)?;
                    attendance_of(&db.conn, &m, person)?
                        .filter(|a| a.attendance == Attendance::Present)
                        .map(|a| a.person_id)
                }
                None => None,
            };
            let f = db.add_question_to_administration(p.agenda_item_id, step, &p.text, asked_by)?;
            db.write(|tx| {
                tx.execute("UPDATE walk_point SET follow_up_id = ?2 WHERE id = ?1", params![id, f.id])?;
                Ok(())
            })?;
            Ok(f)
        })
    }

    /// Delete a point sent by mistake (and undo the merges into it).
    pub fn delete_walk_point(&mut self, id: Id) -> Result<()> {
        self.write(|tx| {
            unlocked_point(tx, id)?;
            tx.execute("DELETE FROM walk_point WHERE id = ?1", [id])?;
            Ok(())
        })
    }

    /// The points shown on the room screen for the step the meeting is at: texts only, with
    /// how many sent the same (merged duplicates), in the order they arrived.
    pub fn room_points(&self, item_id: Id, step: u32) -> Result<Vec<(String, u32)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT w.text, 1 + (SELECT count(*) FROM walk_point d WHERE d.merged_into = w.id)
             FROM walk_point w JOIN walk_step s
                 ON s.agenda_item_id = w.agenda_item_id AND s.set_id = w.set_id AND s.question_id = w.question_id
             WHERE w.agenda_item_id = ?1 AND s.step = ?2 AND w.shown = 1 AND w.merged_into IS NULL ORDER BY w.id",
        )?;
        let rows = stmt.query_map(params![item_id, step], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}
