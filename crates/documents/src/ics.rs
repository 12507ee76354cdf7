//! ICS calendar files for one meeting or a committee's year of meetings. Times are written in
//! UTC (converted from Danish local time with the EU summer-time rule), which every calendar
//! reads correctly without a VTIMEZONE. UIDs are stable — built from the workspace's permanent
//! id and the meeting id — so importing a newer file updates the entries instead of
//! duplicating them; SEQUENCE grows with each change of the meeting.

use chrono::{NaiveDateTime, Utc};
use icalendar::{Component, Event, EventLike};

use pejling_core::docmodel::Calendar;
use pejling_core::time::copenhagen_to_utc;
use pejling_core::MeetingStatus;

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

/// The calendar as an `.ics` file.
pub fn render(calendar: &Calendar) -> String {
    let workspace_id = calendar.workspace_id.as_str();
    let mut cal = icalendar::Calendar::new();
    cal.name(&text(&calendar.name));
    for e in &calendar.entries {
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
