//! ICS calendar files for one meeting or a committee's year of meetings. Times are written in
//! UTC (converted from Danish local time with the EU summer-time rule), which every calendar
//! reads correctly without a VTIMEZONE. UIDs are stable — built from the workspace's permanent
//! id and the meeting id — so importing a newer file updates the entries instead of
//! duplicating them; SEQUENCE grows with each change of the meeting.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc, Weekday};
use icalendar::{Calendar, Component, Event, EventLike};

use crate::domain::{Committee, Meeting, MeetingStatus};

/// Last Sunday of `month` in `year`.
fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let first_next =
        if month == 12 { NaiveDate::from_ymd_opt(year + 1, 1, 1) } else { NaiveDate::from_ymd_opt(year, month + 1, 1) }
            .expect("valid date");
    let mut d = first_next - Duration::days(1);
    while d.weekday() != Weekday::Sun {
        d -= Duration::days(1);
    }
    d
}

/// Danish local time (CET/CEST, EU rule since 1996) to UTC.
pub fn copenhagen_to_utc(local: NaiveDateTime) -> chrono::DateTime<Utc> {
    let y = local.year();
    // Summer time from the last Sunday of March 02:00 local to the last Sunday of October
    // 03:00 local (both 01:00 UTC).
    let start = last_sunday(y, 3).and_hms_opt(2, 0, 0).expect("valid");
    let end = last_sunday(y, 10).and_hms_opt(3, 0, 0).expect("valid");
    let offset = if local >= start && local < end { 2 } else { 1 };
    Utc.from_utc_datetime(&(local - Duration::hours(offset)))
}

fn parse_local(s: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").ok()
}

/// RFC 5545 TEXT escaping, for the calendar's NAME, which the icalendar crate writes as given.
/// (SUMMARY, LOCATION and DESCRIPTION it escapes itself: they get [`plain`] text, or a comma
/// would reach the calendar as "\,".)
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

/// Text for a property the icalendar crate escapes itself: only carriage returns go (a line
/// break is "\n", which the crate writes as the escape `\n`; a lone CR it would write as is).
fn plain(value: &str) -> String {
    value.replace("\r\n", "\n").replace('\r', "\n")
}

/// The calendar entry's UID: stable for a meeting within a workspace.
pub fn uid(workspace_id: &str, meeting_id: i64) -> String {
    format!("meeting-{meeting_id}-{workspace_id}@pejling")
}

pub struct Entry<'a> {
    pub meeting: &'a Meeting,
    pub committee: &'a Committee,
    /// How many times the meeting has been changed: the calendar SEQUENCE.
    pub sequence: u32,
    pub description: String,
}

pub fn render(workspace_id: &str, calendar_name: &str, entries: &[Entry<'_>]) -> String {
    let mut cal = Calendar::new();
    cal.name(&text(calendar_name));
    for e in entries {
        let (Some(start), Some(end)) = (parse_local(&e.meeting.starts_at), parse_local(&e.meeting.ends_at)) else {
            continue;
        };
        let mut ev = Event::new();
        ev.uid(&uid(workspace_id, e.meeting.id))
            .summary(&plain(&format!("{}: {}", e.committee.name, e.meeting.title)))
            .starts(copenhagen_to_utc(start))
            .ends(copenhagen_to_utc(end))
            .location(&plain(&e.meeting.place))
            .description(&plain(&e.description))
            .sequence(e.sequence)
            .timestamp(Utc::now());
        if e.meeting.status == MeetingStatus::Draft {
            ev.status(icalendar::EventStatus::Tentative);
        } else {
            ev.status(icalendar::EventStatus::Confirmed);
        }
        cal.push(ev.done());
    }
    cal.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_summer_and_winter_time() {
        let t = |s: &str| copenhagen_to_utc(parse_local(s).unwrap()).format("%Y-%m-%dT%H:%M").to_string();
        assert_eq!(t("2026-12-08T17:00"), "2026-12-08T16:00");
        assert_eq!(t("2026-06-15T17:00"), "2026-06-15T15:00");
        // 2026: summer time starts 29 March, ends 25 October.
        assert_eq!(t("2026-03-29T01:30"), "2026-03-29T00:30");
        assert_eq!(t("2026-03-29T03:30"), "2026-03-29T01:30");
        assert_eq!(t("2026-10-25T01:30"), "2026-10-24T23:30");
        assert_eq!(t("2026-10-25T03:30"), "2026-10-25T02:30");
    }
}
