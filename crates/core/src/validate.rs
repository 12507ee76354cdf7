//! Input rules shared by every write: trimmed, non-empty names and titles, bounded lengths,
//! well-formed local times. Each failure names the field, so the UI can put the message
//! next to it.

use chrono::NaiveDateTime;

use crate::error::{Error, Message, Result};

/// Names and titles: one line, shown in lists and document headings.
pub const MAX_TITLE: usize = 500;
/// Case ids, places, parties.
pub const MAX_SHORT: usize = 200;
/// Long texts (Resumé, Baggrund, …). A generous bound: the longest real items run to a few
/// thousand words.
pub const MAX_TEXT: usize = 200_000;

/// How many of each thing a workspace may hold. Far above any real committee's work (a
/// committee meets at most a few dozen times a year, an agenda runs to a few dozen items),
/// low enough that a runaway script or a hostile file cannot grow the database without bound
/// or make a list unusable.
pub const MAX_COMMITTEES: i64 = 500;
pub const MAX_MEMBERS_PER_COMMITTEE: i64 = 200;
pub const MAX_MEETINGS_PER_COMMITTEE: i64 = 2_000;
pub const MAX_ITEMS_PER_MEETING: i64 = 300;
pub const MAX_GUESTS_PER_MEETING: i64 = 200;
pub const MAX_QUESTIONS_PER_ITEM: i64 = 500;
pub const MAX_AMENDMENTS_PER_MEETING: i64 = 1_000;

/// A required one-line text: trimmed, non-empty, at most `max` characters.
pub fn required(value: &str, field: &'static str, max: usize) -> Result<String> {
    let v = value.trim();
    if v.is_empty() {
        return Err(Error::Validation(Message::new(empty_key(field)).field(field)));
    }
    bounded(v, field, max).map(str::to_owned)
}

/// An optional one-line text: trimmed; may be empty.
pub fn optional(value: &str, field: &'static str, max: usize) -> Result<String> {
    bounded(value.trim(), field, max).map(str::to_owned)
}

/// A long text: kept exactly as typed (line breaks and leading spaces matter in minutes).
pub fn text(value: &str, field: &'static str) -> Result<String> {
    bounded(value, field, MAX_TEXT).map(str::to_owned)
}

fn bounded<'a>(v: &'a str, field: &'static str, max: usize) -> Result<&'a str> {
    let n = v.chars().count();
    if n > max {
        return Err(Error::Validation(
            Message::new("error-text-too-long").field(field).arg("max", max).arg("length", n),
        ));
    }
    if v.chars().any(|c| c == '\0') {
        return Err(Error::Validation(Message::new("error-text-control").field(field)));
    }
    Ok(v)
}

/// Refuse adding one more when `count` (counted inside the write's transaction) already
/// reached `max`. `key` is the Fluent message, which names the thing and gets `$max`.
pub fn room_for_one(count: i64, max: i64, key: &'static str) -> Result<()> {
    if count >= max {
        return Err(Error::Validation(Message::new(key).arg("max", max)));
    }
    Ok(())
}

fn empty_key(field: &str) -> &'static str {
    match field {
        "name" => "error-name-empty",
        _ => "error-title-empty",
    }
}

/// Parse a local time `YYYY-MM-DDTHH:MM` (seconds and a space instead of `T` are accepted)
/// and return it normalised to `YYYY-MM-DDTHH:MM`.
pub fn local_time(value: &str, field: &'static str) -> Result<String> {
    let v = value.trim();
    let parsed = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(v, f).ok());
    match parsed {
        Some(t) => Ok(t.format("%Y-%m-%dT%H:%M").to_string()),
        None if v.is_empty() => Err(Error::Validation(Message::new("error-time-empty").field(field))),
        None => Err(Error::Validation(Message::new("error-time-invalid").field(field).arg("value", v))),
    }
}

/// The planned end must come after the start.
pub fn time_order(starts_at: &str, ends_at: &str) -> Result<()> {
    // Both are normalised `YYYY-MM-DDTHH:MM`, so text order is time order.
    if ends_at <= starts_at {
        return Err(Error::Validation(Message::new("error-end-before-start").field("ends_at")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_trims_and_refuses_blank() {
        assert_eq!(required("  Økonomiudvalget \n", "name", 20).unwrap(), "Økonomiudvalget");
        let e = required(" \t\n", "name", 10).unwrap_err();
        assert_eq!(e.message().field, Some("name"));
        assert!(e.to_string().contains("navn"), "{e}");
    }

    #[test]
    fn length_is_counted_in_characters_not_bytes() {
        assert!(required(&"æ".repeat(10), "title", 10).is_ok());
        assert!(required(&"æ".repeat(11), "title", 10).is_err());
    }

    #[test]
    fn long_text_keeps_line_breaks_and_spaces() {
        let t = "  Indstilling:\n\n1. Godkendes\r\n2. Tages til efterretning  ";
        assert_eq!(text(t, "summary").unwrap(), t);
    }

    #[test]
    fn counts_stop_at_the_limit_with_the_limit_in_the_message() {
        assert!(room_for_one(MAX_ITEMS_PER_MEETING - 1, MAX_ITEMS_PER_MEETING, "error-too-many-items").is_ok());
        let e = room_for_one(MAX_ITEMS_PER_MEETING, MAX_ITEMS_PER_MEETING, "error-too-many-items").unwrap_err();
        assert_eq!(e.kind(), crate::ErrorKind::Validation);
        assert!(e.to_string().contains("300"), "{e}");
    }

    #[test]
    fn times_are_normalised_and_checked() {
        assert_eq!(local_time("2018-02-22T18:00", "starts_at").unwrap(), "2018-02-22T18:00");
        assert_eq!(local_time("2018-02-22 18:00:00", "starts_at").unwrap(), "2018-02-22T18:00");
        assert!(local_time("2018-02-30T18:00", "starts_at").is_err());
        assert!(local_time("i morgen", "starts_at").is_err());
        assert!(time_order("2018-02-22T18:00", "2018-02-22T21:00").is_ok());
        assert!(time_order("2018-02-22T18:00", "2018-02-22T18:00").is_err());
        assert_eq!(time_order("2018-02-22T18:00", "2018-02-22T17:00").unwrap_err().message().field, Some("ends_at"));
    }
}
