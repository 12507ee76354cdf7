//! The annual cycle (årshjul) in the store: a committee's fixed points, its year view, and
//! creating a year's meetings from the cycle in one step.
//!
//! Creating is idempotent through `cycle_meeting`: every meeting made from a fixed point is
//! recorded with the entry and the year, in the same transaction as the meeting itself. A
//! second run for the same year finds the record and creates nothing; a meeting moved to
//! another day afterwards still counts as made. Only when the user deletes such a meeting does
//! its record go (by cascade), and the next run offers to create it again — the confirmation
//! lists it, so that is never silent. The rules for days are pure and live in
//! [`crate::domain::cycle`].

use rusqlite::{params, Connection, Row};

use super::{found, now_utc, Db, OptionalRow};
use crate::domain::*;
use crate::error::{Error, Message, Result};
use crate::validate::{self, MAX_SHORT, MAX_TITLE};

const SELECT: &str = "SELECT id, committee_id, title, kind, description, rule, month, week, weekday, day,
        start_time, end_time, place, every_years, first_year
    FROM cycle_entry";

fn row(r: &Row<'_>) -> rusqlite::Result<CycleEntry> {
    Ok(CycleEntry {
        id: r.get(0)?,
        committee_id: r.get(1)?,
        title: r.get(2)?,
        kind: r.get(3)?,
        description: r.get(4)?,
        rule: r.get(5)?,
        month: r.get(6)?,
        week: r.get(7)?,
        weekday: r.get(8)?,
        day: r.get(9)?,
        start_time: r.get(10)?,
        end_time: r.get(11)?,
        place: r.get(12)?,
        every_years: r.get(13)?,
        first_year: r.get(14)?,
    })
}

fn get(conn: &Connection, id: Id) -> Result<CycleEntry> {
    let e = conn.query_row(&format!("{SELECT} WHERE id = ?1"), [id], row).opt()?;
    found(e, "cycle_entry", id)
}

fn list(conn: &Connection, committee_id: Id) -> Result<Vec<CycleEntry>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE committee_id = ?1 ORDER BY month, id"))?;
    let rows = stmt.query_map([committee_id], row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

fn range(value: u32, min: u32, max: u32, field: &'static str) -> Result<u32> {
    if value < min || value > max {
        return Err(Error::Validation(
            Message::new("error-cycle-range").field(field).arg("value", value).arg("min", min).arg("max", max),
        ));
    }
    Ok(value)
}

fn clock(value: &str, field: &'static str) -> Result<String> {
    match parse_clock(value) {
        Some(t) => Ok(t.format("%H:%M").to_string()),
        None if value.trim().is_empty() => Err(Error::Validation(Message::new("error-cycle-time-empty").field(field))),
        None => {
            Err(Error::Validation(Message::new("error-cycle-time-invalid").field(field).arg("value", value.trim())))
        }
    }
}

/// Check a whole entry as it will be stored; `changed` names the field to blame for a
/// combination that does not hold (end before start, a day the month never has).
fn check(e: &CycleEntry, changed: Option<&'static str>) -> Result<CycleEntry> {
    let mut e = e.clone();
    e.title = validate::required(&e.title, "title", MAX_TITLE)?;
    e.description = validate::text(&e.description, "description")?;
    e.place = validate::optional(&e.place, "place", MAX_SHORT)?;
    range(e.month, 1, 12, "month")?;
    range(e.week, 1, 5, "week")?;
    range(e.weekday, 1, 7, "weekday")?;
    range(e.day, 1, 31, "day")?;
    range(e.every_years, 1, 2, "every_years")?;
    if !CYCLE_YEARS.contains(&e.first_year) {
        return Err(Error::Validation(
            Message::new("error-cycle-year")
                .field("first_year")
                .arg("year", e.first_year)
                .arg("min", CYCLE_YEARS.start())
                .arg("max", CYCLE_YEARS.end()),
        ));
    }
    // The longest the month ever is (February: 29), so "29 February" is allowed and falls on
    // the 28th in other years, while "31 April" is refused.
    let longest = days_in_month(2000, e.month);
    if e.rule == CycleRule::Date && e.day > longest {
        return Err(Error::Validation(
            Message::new("error-cycle-day-not-in-month")
                .field(if changed == Some("month") { "month" } else { "day" })
                .arg("day", e.day)
                .arg("max", longest),
        ));
    }
    e.start_time = clock(&e.start_time, "start_time")?;
    e.end_time = clock(&e.end_time, "end_time")?;
    if e.end_time <= e.start_time {
        let field = if changed == Some("start_time") { "start_time" } else { "end_time" };
        return Err(Error::Validation(Message::new("error-cycle-end-before-start").field(field)));
    }
    Ok(e)
}

fn check_year(year: i32) -> Result<i32> {
    if !CYCLE_YEARS.contains(&year) {
        return Err(Error::Validation(
            Message::new("error-cycle-year")
                .field("year")
                .arg("year", year)
                .arg("min", CYCLE_YEARS.start())
                .arg("max", CYCLE_YEARS.end()),
        ));
    }
    Ok(year)
}

/// The fixed points of `committee_id` in `year`, by day, each with the meeting made from it.
fn occurrences(conn: &Connection, committee_id: Id, year: i32) -> Result<Vec<CycleOccurrence>> {
    let mut out = Vec::new();
    let mut made =
        conn.prepare_cached("SELECT meeting_id FROM cycle_meeting WHERE cycle_entry_id = ?1 AND year = ?2")?;
    for entry in list(conn, committee_id)? {
        // Every stored entry has a day in each year it comes in; an every-other-year entry
        // skips the years between.
        let Some((starts_at, ends_at)) = entry.times_in(year) else { continue };
        let meeting_id: Option<Id> = made.query_row(params![entry.id, year], |r| r.get(0)).opt()?;
        let meeting = meeting_id.map(|id| super::meetings::get(conn, id)).transpose()?;
        out.push(CycleOccurrence { entry, starts_at, ends_at, meeting });
    }
    out.sort_by(|a, b| (&a.starts_at, a.entry.id).cmp(&(&b.starts_at, b.entry.id)));
    Ok(out)
}

impl Db {
    /// The fixed points of a committee's annual cycle, by month.
    pub fn list_cycle_entries(&self, committee_id: Id) -> Result<Vec<CycleEntry>> {
        super::committees::get(&self.conn, committee_id)?;
        list(&self.conn, committee_id)
    }

    pub fn create_cycle_entry(&mut self, committee_id: Id, input: &NewCycleEntry) -> Result<CycleEntry> {
        let e = check(
            &CycleEntry {
                id: 0,
                committee_id,
                title: input.title.clone(),
                kind: input.kind,
                description: input.description.clone(),
                rule: input.rule,
                month: input.month,
                week: input.week,
                weekday: input.weekday,
                day: input.day,
                start_time: input.start_time.clone(),
                end_time: input.end_time.clone(),
                place: input.place.clone(),
                every_years: input.every_years,
                // Every year: from the cycle's first year; every other year: from this year
                // unless told otherwise.
                first_year: input.first_year.unwrap_or(if input.every_years > 1 {
                    chrono::Datelike::year(&chrono::Local::now())
                } else {
                    *CYCLE_YEARS.start()
                }),
            },
            None,
        )?;
        self.write(|tx| {
            super::committees::get(tx, committee_id)?;
            tx.execute(
                "INSERT INTO cycle_entry (committee_id, title, kind, description, rule, month, week, weekday, day,
                     start_time, end_time, place, every_years, first_year)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                params![
                    committee_id,
                    e.title,
                    e.kind,
                    e.description,
                    e.rule,
                    e.month,
                    e.week,
                    e.weekday,
                    e.day,
                    e.start_time,
                    e.end_time,
                    e.place,
                    e.every_years,
                    e.first_year
                ],
            )?;
            get(tx, tx.last_insert_rowid())
        })
    }

    /// Change a fixed point. Meetings already made from it stay as they are.
    pub fn update_cycle_entry(&mut self, id: Id, patch: &CycleEntryPatch) -> Result<CycleEntry> {
        self.write(|tx| {
            let mut e = get(tx, id)?;
            let mut changed = None;
            macro_rules! set {
                ($field:ident) => {
                    if let Some(v) = &patch.$field {
                        e.$field = v.clone();
                        changed = Some(stringify!($field));
                    }
                };
            }
            set!(title);
            set!(kind);
            set!(description);
            set!(rule);
            set!(month);
            set!(week);
            set!(weekday);
            set!(day);
            set!(end_time);
            set!(start_time);
            set!(place);
            set!(every_years);
            set!(first_year);
            let e = check(&e, changed)?;
            tx.execute(
                "UPDATE cycle_entry SET title = ?2, kind = ?3, description = ?4, rule = ?5, month = ?6, week = ?7,
                     weekday = ?8, day = ?9, start_time = ?10, end_time = ?11, place = ?12, updated_at = ?13,
                     every_years = ?14, first_year = ?15
                 WHERE id = ?1",
                params![
                    id,
                    e.title,
                    e.kind,
                    e.description,
                    e.rule,
                    e.month,
                    e.week,
                    e.weekday,
                    e.day,
                    e.start_time,
                    e.end_time,
                    e.place,
                    now_utc(),
                    e.every_years,
                    e.first_year
                ],
            )?;
            get(tx, id)
        })
    }

    /// Remove a fixed point from the cycle. Meetings made from it are records and stay.
    pub fn delete_cycle_entry(&mut self, id: Id) -> Result<()> {
        self.write(|tx| {
            get(tx, id)?;
            tx.execute("DELETE FROM cycle_entry WHERE id = ?1", [id])?;
            Ok(())
        })
    }

    /// A committee's year: the fixed points of its cycle on their days (with the meeting made
    /// from each, if any), and all its meetings that start in the year.
    pub fn cycle_year(&self, committee_id: Id, year: i32) -> Result<CycleYear> {
        check_year(year)?;
        super::committees::get(&self.conn, committee_id)?;
        let occurrences = occurrences(&self.conn, committee_id, year)?;
        let meetings = self
            .list_meetings(Some(committee_id))?
            .into_iter()
            .filter(|m| m.starts_at.get(..4) == Some(year.to_string().as_str()))
            .collect();
        Ok(CycleYear { committee_id, year, occurrences, meetings })
    }

    /// Create the year's meetings from the committee's cycle in one transaction: one meeting
    /// (draft, without agenda) per fixed point that has none for the year yet. Running it again
    /// creates nothing more (see the module doc).
    pub fn create_cycle_year(&mut self, committee_id: Id, year: i32) -> Result<CycleYearCreated> {
        check_year(year)?;
        self.write(|tx| {
            super::committees::get(tx, committee_id)?;
            let mut created = Vec::new();
            let mut already_created = 0;
            for o in occurrences(tx, committee_id, year)? {
                if o.meeting.is_some() {
                    already_created += 1;
                    continue;
                }
                tx.execute(
                    "INSERT INTO meeting (committee_id, title, kind, starts_at, ends_at, place)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![committee_id, o.entry.title, o.entry.kind, o.starts_at, o.ends_at, o.entry.place],
                )?;
                let meeting_id = tx.last_insert_rowid();
                tx.execute(
                    "INSERT INTO cycle_meeting (cycle_entry_id, year, meeting_id) VALUES (?1, ?2, ?3)",
                    params![o.entry.id, year, meeting_id],
                )?;
                created.push(super::meetings::get(tx, meeting_id)?);
            }
            Ok(CycleYearCreated { year, created, already_created })
        })
    }
}
