//! The annual cycle (årshjul): a committee's fixed points that recur every year — the budget,
//! the half-yearly report, the annual temamøde on digitalisation — and the rule that puts each
//! of them on a day of a given year.
//!
//! The model is kept to what a secretary says aloud, so it can be explained in one sentence:
//! a fixed point recurs either on *the n-th (or last) weekday of a month* ("every year on the
//! 2nd Tuesday of September", which is what "in the 2nd week of September" means in practice)
//! or on *a day of a month* ("every year on 1 June"). No intervals, no exceptions: a meeting
//! that must move one year is simply moved after it has been created.
//!
//! Times are local wall-clock times, like every meeting time in Pejling, so a 17.00 meeting
//! stays at 17.00 on both sides of a change to or from summer time. The one local time that
//! does not exist — the hour skipped on the last Sunday of March — is moved on by that hour,
//! as calendars do (RFC 5545, 3.3.5). A day the month lacks in a year (29 February outside leap
//! years) falls on the month's last day. Both rules are pure functions here, tested below.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

use super::{Id, Meeting, MeetingKind};

string_enum!(
    /// How a fixed point of the annual cycle finds its day in a year: `weekday` is the
    /// `week`-th `weekday` of `month` (week 5 is the last one); `date` is day `day` of
    /// `month`, or the month's last day when it is shorter.
    CycleRule {
        Weekday = "weekday",
        Date = "date",
    }
);

/// The earliest and latest year the annual cycle plans for.
pub const CYCLE_YEARS: std::ops::RangeInclusive<i32> = 1970..=2999;

/// A fixed point of a committee's annual cycle: a meeting that recurs every year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct CycleEntry {
    pub id: Id,
    pub committee_id: Id,
    /// The title the created meetings get, e.g. "Budgetseminar".
    pub title: String,
    pub kind: MeetingKind,
    /// What the fixed point is for (shown in the year view, not copied to meetings).
    pub description: String,
    pub rule: CycleRule,
    /// 1 January … 12 December.
    pub month: u32,
    /// For [`CycleRule::Weekday`]: 1–4, or 5 for the last such weekday of the month.
    pub week: u32,
    /// For [`CycleRule::Weekday`]: ISO weekday, 1 Monday … 7 Sunday.
    pub weekday: u32,
    /// For [`CycleRule::Date`]: 1–31.
    pub day: u32,
    /// Local time `HH:MM`.
    pub start_time: String,
    /// Local time `HH:MM`, after `start_time` on the same day.
    pub end_time: String,
    pub place: String,
    /// 1: every year; 2: every other year (as the DIS model's conference).
    #[serde(default = "default_every_years")]
    #[specta(optional)]
    pub every_years: u32,
    /// The first year it comes; with `every_years` 2, then every other year after it.
    #[serde(default = "default_first_year")]
    #[specta(optional)]
    pub first_year: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct NewCycleEntry {
    pub title: String,
    pub kind: MeetingKind,
    #[serde(default)]
    pub description: String,
    pub rule: CycleRule,
    pub month: u32,
    #[serde(default = "default_week")]
    pub week: u32,
    #[serde(default = "default_weekday")]
    pub weekday: u32,
    #[serde(default = "default_day")]
    pub day: u32,
    pub start_time: String,
    pub end_time: String,
    #[serde(default)]
    pub place: String,
    /// 1 (the default) or 2, every other year.
    #[serde(default = "default_every_years")]
    #[specta(optional)]
    pub every_years: u32,
    /// The first year; absent: this year.
    #[serde(default)]
    #[specta(optional)]
    pub first_year: Option<i32>,
}

fn default_every_years() -> u32 {
    1
}
fn default_first_year() -> i32 {
    *CYCLE_YEARS.start()
}
fn default_week() -> u32 {
    1
}
fn default_weekday() -> u32 {
    2
}
fn default_day() -> u32 {
    1
}

/// Only the fields that are present change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct CycleEntryPatch {
    #[serde(default)]
    #[specta(optional)]
    pub title: Option<String>,
    #[serde(default)]
    #[specta(optional)]
    pub kind: Option<MeetingKind>,
    #[serde(default)]
    #[specta(optional)]
    pub description: Option<String>,
    #[serde(default)]
    #[specta(optional)]
    pub rule: Option<CycleRule>,
    #[serde(default)]
    #[specta(optional)]
    pub month: Option<u32>,
    #[serde(default)]
    #[specta(optional)]
    pub week: Option<u32>,
    #[serde(default)]
    #[specta(optional)]
    pub weekday: Option<u32>,
    #[serde(default)]
    #[specta(optional)]
    pub day: Option<u32>,
    #[serde(default)]
    #[specta(optional)]
    pub start_time: Option<String>,
    #[serde(default)]
    #[specta(optional)]
    pub end_time: Option<String>,
    #[serde(default)]
    #[specta(optional)]
    pub place: Option<String>,
    #[serde(default)]
    #[specta(optional)]
    pub every_years: Option<u32>,
    #[serde(default)]
    #[specta(optional)]
    pub first_year: Option<i32>,
}

/// A fixed point in one year: the day the rule gives, and the meeting made from it, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct CycleOccurrence {
    pub entry: CycleEntry,
    /// Local time `YYYY-MM-DDTHH:MM` the rule gives for the year.
    pub starts_at: String,
    pub ends_at: String,
    /// The meeting created from this fixed point for this year (it may have been moved since).
    pub meeting: Option<Meeting>,
}

/// A committee's year: the fixed points of its annual cycle, and the meetings it actually has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct CycleYear {
    pub committee_id: Id,
    pub year: i32,
    /// By the rule's day in the year.
    pub occurrences: Vec<CycleOccurrence>,
    /// Every meeting of the committee that starts in the year, by start time.
    pub meetings: Vec<Meeting>,
}

/// What creating a year's meetings did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct CycleYearCreated {
    pub year: i32,
    /// The meetings created now, by start time.
    pub created: Vec<Meeting>,
    /// Fixed points that already had their meeting for the year, so nothing was created.
    pub already_created: u32,
}

fn weekday_from_iso(n: u32) -> Option<Weekday> {
    match n {
        1 => Some(Weekday::Mon),
        2 => Some(Weekday::Tue),
        3 => Some(Weekday::Wed),
        4 => Some(Weekday::Thu),
        5 => Some(Weekday::Fri),
        6 => Some(Weekday::Sat),
        7 => Some(Weekday::Sun),
        _ => None,
    }
}

/// The number of days of `month` in `year`.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    let (y, m) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    let first_next = NaiveDate::from_ymd_opt(y, m, 1).expect("a valid month");
    first_next.pred_opt().expect("a day before").day()
}

/// The last `weekday` of `month` in `year`.
fn last_weekday(year: i32, month: u32, weekday: Weekday) -> NaiveDate {
    let mut d = NaiveDate::from_ymd_opt(year, month, days_in_month(year, month)).expect("a valid date");
    while d.weekday() != weekday {
        d -= Duration::days(1);
    }
    d
}

/// The day of `year` that a rule gives. `None` only for values outside their ranges (which the
/// store never holds): every valid rule has a day in every year.
pub fn rule_date(rule: CycleRule, year: i32, month: u32, week: u32, weekday: u32, day: u32) -> Option<NaiveDate> {
    if !(1..=12).contains(&month) {
        return None;
    }
    match rule {
        CycleRule::Weekday => {
            let wd = weekday_from_iso(weekday)?;
            match week {
                1..=4 => {
                    let mut d = NaiveDate::from_ymd_opt(year, month, 1)?;
                    while d.weekday() != wd {
                        d += Duration::days(1);
                    }
                    // The 4th weekday is at the latest the 28th: always in the month.
                    Some(d + Duration::days(7 * (week as i64 - 1)))
                }
                5 => Some(last_weekday(year, month, wd)),
                _ => None,
            }
        }
        CycleRule::Date => {
            if !(1..=31).contains(&day) {
                return None;
            }
            NaiveDate::from_ymd_opt(year, month, day.min(days_in_month(year, month)))
        }
    }
}

/// The local hour skipped when summer time begins in Denmark: 02:00–03:00 on the last Sunday of
/// March (the EU rule since 1996).
fn in_spring_gap(t: NaiveDateTime) -> bool {
    let start = last_weekday(t.year(), 3, Weekday::Sun).and_hms_opt(2, 0, 0).expect("valid");
    t >= start && t < start + Duration::hours(1)
}

/// A local time as it can be on a Danish clock: one in the skipped spring hour moves on by
/// that hour. Times in the repeated autumn hour exist (twice) and are kept.
pub fn existing_local_time(t: NaiveDateTime) -> NaiveDateTime {
    if in_spring_gap(t) {
        t + Duration::hours(1)
    } else {
        t
    }
}

/// `HH:MM` as a time of day.
pub fn parse_clock(value: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(value.trim(), "%H:%M").ok()
}

impl CycleEntry {
    /// Whether it comes in `year`: from its first year on, every year or every other year.
    pub fn occurs_in(&self, year: i32) -> bool {
        year >= self.first_year && (year - self.first_year).rem_euclid(self.every_years.max(1) as i32) == 0
    }

    /// The day of `year` this fixed point falls on; `None` in a year it does not come.
    pub fn date_in(&self, year: i32) -> Option<NaiveDate> {
        if !self.occurs_in(year) {
            return None;
        }
        rule_date(self.rule, year, self.month, self.week, self.weekday, self.day)
    }

    /// Start and end in `year`, local times `YYYY-MM-DDTHH:MM`, moved out of the skipped spring
    /// hour if need be (the meeting keeps its length).
    pub fn times_in(&self, year: i32) -> Option<(String, String)> {
        let date = self.date_in(year)?;
        let (start, end) = (parse_clock(&self.start_time)?, parse_clock(&self.end_time)?);
        let (s, e) = (date.and_time(start), date.and_time(end));
        let s2 = existing_local_time(s);
        let mut e2 = existing_local_time(e);
        if e2 <= s2 {
            e2 = s2 + (e - s);
        }
        let f = |t: NaiveDateTime| t.format("%Y-%m-%dT%H:%M").to_string();
        Some((f(s2), f(e2)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn nth_and_last_weekday() {
        // 2nd Tuesday of September 2026: 1 Sep is a Tuesday, so the 8th.
        assert_eq!(rule_date(CycleRule::Weekday, 2026, 9, 2, 2, 1), Some(d(2026, 9, 8)));
        // 1st Monday of June 2026 is the 1st.
        assert_eq!(rule_date(CycleRule::Weekday, 2026, 6, 1, 1, 1), Some(d(2026, 6, 1)));
        // 4th Thursday of November 2027 is the 25th.
        assert_eq!(rule_date(CycleRule::Weekday, 2027, 11, 4, 4, 1), Some(d(2027, 11, 25)));
        // The last Thursday of February 2024 is the 29th (a leap year), of 2026 the 26th.
        assert_eq!(rule_date(CycleRule::Weekday, 2024, 2, 5, 4, 1), Some(d(2024, 2, 29)));
        assert_eq!(rule_date(CycleRule::Weekday, 2026, 2, 5, 4, 1), Some(d(2026, 2, 26)));
        // Every weekday rule lands in its month, in every month of many years.
        for year in 2020..2040 {
            for month in 1..=12 {
                for week in 1..=5 {
                    for weekday in 1..=7 {
                        let date = rule_date(CycleRule::Weekday, year, month, week, weekday, 1).unwrap();
                        assert_eq!((date.year(), date.month()), (year, month));
                        assert_eq!(date.weekday().number_from_monday(), weekday);
                        if week <= 4 {
                            assert_eq!(date.day0() / 7 + 1, week, "the {week}. such weekday");
                        } else {
                            assert_ne!((date + Duration::days(7)).month(), month, "the last such weekday");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn the_29th_of_february_falls_on_the_28th_outside_leap_years() {
        assert_eq!(rule_date(CycleRule::Date, 2028, 2, 1, 1, 29), Some(d(2028, 2, 29)));
        assert_eq!(rule_date(CycleRule::Date, 2027, 2, 1, 1, 29), Some(d(2027, 2, 28)));
        assert_eq!(rule_date(CycleRule::Date, 2100, 2, 1, 1, 29), Some(d(2100, 2, 28)), "2100 is no leap year");
        assert_eq!(rule_date(CycleRule::Date, 2000, 2, 1, 1, 29), Some(d(2000, 2, 29)), "2000 is one");
        assert_eq!(rule_date(CycleRule::Date, 2026, 4, 1, 1, 31), Some(d(2026, 4, 30)));
        assert_eq!(rule_date(CycleRule::Date, 2026, 13, 1, 1, 1), None);
    }

    #[test]
    fn every_other_year_comes_in_the_first_year_and_every_second_after_it() {
        let mut e = CycleEntry {
            id: 1,
            committee_id: 1,
            title: "DIS-konference".into(),
            kind: MeetingKind::Theme,
            description: String::new(),
            rule: CycleRule::Weekday,
            month: 11,
            week: 1,
            weekday: 4,
            day: 1,
            start_time: "09:00".into(),
            end_time: "15:00".into(),
            place: String::new(),
            every_years: 2,
            first_year: 2027,
        };
        assert_eq!(e.date_in(2026), None, "not before its first year");
        assert_eq!(e.date_in(2027), Some(d(2027, 11, 4)));
        assert_eq!(e.date_in(2028), None);
        assert_eq!(e.date_in(2029), Some(d(2029, 11, 1)));
        assert!(e.occurs_in(2031) && !e.occurs_in(2030));
        e.every_years = 1;
        assert!(e.occurs_in(2028) && !e.occurs_in(2026));
    }

    #[test]
    fn wall_clock_times_survive_summer_time_and_the_skipped_hour_moves_on() {
        let entry = |month, week, weekday, start: &str, end: &str| CycleEntry {
            id: 1,
            committee_id: 1,
            title: "x".into(),
            kind: MeetingKind::Ordinary,
            description: String::new(),
            rule: CycleRule::Weekday,
            month,
            week,
            weekday,
            day: 1,
            start_time: start.into(),
            end_time: end.into(),
            place: String::new(),
            every_years: 1,
            first_year: 1970,
        };
        // 17.00 in winter and in summer time alike.
        assert_eq!(
            entry(3, 5, 7, "17:00", "19:00").times_in(2026),
            Some(("2026-03-29T17:00".into(), "2026-03-29T19:00".into()))
        );
        assert_eq!(
            entry(10, 5, 7, "17:00", "19:00").times_in(2026),
            Some(("2026-10-25T17:00".into(), "2026-10-25T19:00".into()))
        );
        // 02:30 on the last Sunday of March 2026 does not exist: 03:30, same length.
        assert_eq!(
            entry(3, 5, 7, "02:30", "03:00").times_in(2026),
            Some(("2026-03-29T03:30".into(), "2026-03-29T04:00".into()))
        );
        // 02:30 on the last Sunday of October exists (twice): kept.
        assert_eq!(
            entry(10, 5, 7, "02:30", "04:00").times_in(2026),
            Some(("2026-10-25T02:30".into(), "2026-10-25T04:00".into()))
        );
        // The same clock time a week earlier is no gap.
        assert_eq!(entry(3, 3, 7, "02:30", "03:00").times_in(2026).unwrap().0, "2026-03-15T02:30");
    }
}
