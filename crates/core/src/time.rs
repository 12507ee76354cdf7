//! Danish local time.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc, Weekday};

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_summer_and_winter_time() {
        let t = |s: &str| {
            copenhagen_to_utc(NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap())
                .format("%Y-%m-%dT%H:%M")
                .to_string()
        };
        assert_eq!(t("2026-12-08T17:00"), "2026-12-08T16:00");
        assert_eq!(t("2026-06-15T17:00"), "2026-06-15T15:00");
        // 2026: summer time starts 29 March, ends 25 October.
        assert_eq!(t("2026-03-29T01:30"), "2026-03-29T00:30");
        assert_eq!(t("2026-03-29T03:30"), "2026-03-29T01:30");
        assert_eq!(t("2026-10-25T01:30"), "2026-10-24T23:30");
        assert_eq!(t("2026-10-25T03:30"), "2026-10-25T02:30");
    }
}
