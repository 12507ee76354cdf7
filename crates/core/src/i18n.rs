//! Fluent catalogues shared by the core, the CLI and the UI.
//!
//! The `.ftl` files live in `assets/i18n/<lang>/`; the UI imports the very same files, so a
//! message is written once. Danish is primary; English must be complete (a test checks that
//! both languages have the same keys). The catalogue is compiled into the binary — the app
//! runs offline and never loads text from anywhere else.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use serde::{Deserialize, Serialize};

/// A language the app speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Da,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "da" | "da-dk" | "dansk" => Some(Lang::Da),
            "en" | "en-gb" | "en-us" | "english" => Some(Lang::En),
            _ => None,
        }
    }
}

/// The `.ftl` sources of one language, as compiled into the binary.
pub fn sources(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::Da => &[
            ("core.ftl", include_str!("../../../assets/i18n/da/core.ftl")),
            ("live.ftl", include_str!("../../../assets/i18n/da/live.ftl")),
        ],
        Lang::En => &[
            ("core.ftl", include_str!("../../../assets/i18n/en/core.ftl")),
            ("live.ftl", include_str!("../../../assets/i18n/en/live.ftl")),
        ],
    }
}

/// A compiled catalogue for one language. Cheap enough to build per use (a few hundred
/// microseconds); build one and reuse it when formatting many messages.
pub struct Catalog {
    bundle: FluentBundle<FluentResource>,
}

impl Catalog {
    pub fn new(lang: Lang) -> Catalog {
        let langid = match lang {
            Lang::Da => unic_langid::langid!("da"),
            Lang::En => unic_langid::langid!("en"),
        };
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // No Unicode isolation marks: messages go to terminals, logs and documents too.
        bundle.set_use_isolating(false);
        for (name, src) in sources(lang) {
            let res = FluentResource::try_new(src.to_string())
                .unwrap_or_else(|(_, errs)| panic!("{name} ({}) does not parse: {errs:?}", lang.code()));
            bundle
                .add_resource(res)
                .unwrap_or_else(|errs| panic!("{name} ({}) has duplicate keys: {errs:?}", lang.code()));
        }
        Catalog { bundle }
    }

    /// Format `key` with `args`; an unknown key comes back as the key itself, so a missing
    /// translation is visible rather than silent (and the catalogue test catches it first).
    pub fn format(&self, key: &str, args: &[(&str, String)]) -> String {
        let Some(msg) = self.bundle.get_message(key) else {
            return key.to_owned();
        };
        let Some(pattern) = msg.value() else {
            return key.to_owned();
        };
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            // A whole number goes in as a number, so plural variants ("{ $count ->
            // [one] …}") choose by it; "05" stays text, so a padded minute keeps its zero.
            match v.parse::<i64>() {
                Ok(n) if n.to_string() == *v => fargs.set(*k, n),
                _ => fargs.set(*k, v.clone()),
            }
        }
        let mut errors = Vec::new();
        self.bundle.format_pattern(pattern, Some(&fargs), &mut errors).into_owned()
    }

    pub fn has(&self, key: &str) -> bool {
        self.bundle.has_message(key)
    }
}

/// Format one message in `lang`.
pub fn message(lang: Lang, key: &str, args: &[(&'static str, String)]) -> String {
    let args: Vec<(&str, String)> = args.iter().map(|(k, v)| (*k, v.clone())).collect();
    Catalog::new(lang).format(key, &args)
}

impl Catalog {
    /// A local time `YYYY-MM-DDTHH:MM` in the language's format: "22. februar 2018 kl. 18.00".
    /// Text that is not such a time is returned unchanged.
    pub fn date_time(&self, local: &str) -> String {
        match chrono::NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M") {
            Ok(t) => {
                use chrono::{Datelike, Timelike};
                let month = self.format(&format!("month-{}", t.month()), &[]);
                self.format(
                    "date-time",
                    &[
                        ("day", t.day().to_string()),
                        ("month", month),
                        ("year", t.year().to_string()),
                        ("hour", format!("{:02}", t.hour())),
                        ("minute", format!("{:02}", t.minute())),
                    ],
                )
            }
            Err(_) => local.to_owned(),
        }
    }

    /// The date of a local time `YYYY-MM-DDTHH:MM` (or date `YYYY-MM-DD`) in the language's
    /// format: "22. februar 2018". Text that is not such a date is returned unchanged.
    pub fn date(&self, local: &str) -> String {
        match chrono::NaiveDate::parse_from_str(local.get(..10).unwrap_or(local), "%Y-%m-%d") {
            Ok(t) => {
                use chrono::Datelike;
                let month = self.format(&format!("month-{}", t.month()), &[]);
                self.format("date", &[("day", t.day().to_string()), ("month", month), ("year", t.year().to_string())])
            }
            Err(_) => local.to_owned(),
        }
    }

    /// A local time `YYYY-MM-DDTHH:MM` in the short form a referat's header uses, as in
    /// Gentofte's: "22-02-2018 18:00". Text that is not such a time is returned unchanged.
    pub fn doc_date_time(&self, local: &str) -> String {
        match chrono::NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M") {
            Ok(t) => {
                use chrono::{Datelike, Timelike};
                self.format(
                    "doc-date-time",
                    &[
                        ("day", format!("{:02}", t.day())),
                        ("month", format!("{:02}", t.month())),
                        ("year", t.year().to_string()),
                        ("hour", format!("{:02}", t.hour())),
                        ("minute", format!("{:02}", t.minute())),
                    ],
                )
            }
            Err(_) => local.to_owned(),
        }
    }

    /// A moment stored in UTC (`2026-12-08T18:48:03.120Z`) as a person in Denmark reads it:
    /// "8. december 2026 kl. 19.48". Text that is not such a moment is returned unchanged.
    pub fn utc_date_time(&self, utc: &str) -> String {
        match danish_local(utc) {
            Some(local) => self.date_time(&local),
            None => utc.to_owned(),
        }
    }

    /// The clock time of a local time `YYYY-MM-DDTHH:MM` in the language's format: "18.00"
    /// in Danish, "18:00" in English. Text that is not such a time is returned unchanged.
    pub fn time(&self, local: &str) -> String {
        match chrono::NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M") {
            Ok(t) => {
                use chrono::Timelike;
                self.format("time", &[("hour", format!("{:02}", t.hour())), ("minute", format!("{:02}", t.minute()))])
            }
            Err(_) => local.to_owned(),
        }
    }
}

/// A moment stored in UTC (RFC 3339, as the store writes `created_at`, `approved_at`, …) in
/// Danish local time, `YYYY-MM-DDTHH:MM`: Central European Time, and summer time (UTC+2) from
/// 01.00 UTC on the last Sunday of March to 01.00 UTC on the last Sunday of October, as the
/// EU's rule has it. Independent of the machine's own time zone, so a document exported
/// abroad or on a server in UTC reads the same. `None` for text that is not such a moment.
pub fn danish_local(utc: &str) -> Option<String> {
    use chrono::{Datelike, NaiveDate, TimeZone, Weekday};
    let t = chrono::DateTime::parse_from_rfc3339(utc.trim()).ok()?.with_timezone(&chrono::Utc);
    let last_sunday = |month: u32| {
        let mut d = NaiveDate::from_ymd_opt(t.year(), month, 31)?;
        while d.weekday() != Weekday::Sun {
            d = d.pred_opt()?;
        }
        Some(chrono::Utc.from_utc_datetime(&d.and_hms_opt(1, 0, 0)?))
    };
    let summer = t >= last_sunday(3)? && t < last_sunday(10)?;
    let local = t.naive_utc() + chrono::Duration::hours(if summer { 2 } else { 1 });
    Some(local.format("%Y-%m-%dT%H:%M").to_string())
}

/// Message keys defined in an `.ftl` source (top-level messages, not terms).
pub fn keys(src: &str) -> Vec<String> {
    src.lines()
        .filter_map(|l| {
            let first = l.chars().next()?;
            if !first.is_ascii_alphabetic() {
                return None;
            }
            let (k, _) = l.split_once('=')?;
            Some(k.trim().to_owned())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_the_same_keys() {
        for ((name_da, da), (name_en, en)) in sources(Lang::Da).iter().zip(sources(Lang::En)) {
            assert_eq!(name_da, name_en);
            let (mut kd, mut ke) = (keys(da), keys(en));
            assert!(!kd.is_empty(), "{name_da} has no keys");
            kd.sort();
            ke.sort();
            assert_eq!(kd, ke, "{name_da}: da and en key sets differ");
        }
    }

    #[test]
    fn every_message_formats_in_both_languages() {
        for lang in [Lang::Da, Lang::En] {
            let cat = Catalog::new(lang);
            for (_, src) in sources(lang) {
                for key in keys(src) {
                    assert!(cat.has(&key), "{key} missing in {}", lang.code());
                    assert_ne!(cat.format(&key, &[]), "", "{key} is empty in {}", lang.code());
                }
            }
        }
    }

    #[test]
    fn danish_date_format() {
        assert_eq!(Catalog::new(Lang::Da).date_time("2018-02-22T18:00"), "22. februar 2018 kl. 18.00");
        assert_eq!(Catalog::new(Lang::En).date_time("2018-02-22T18:00"), "22 February 2018, 18:00");
        assert_eq!(Catalog::new(Lang::Da).time("2018-02-22T21:05"), "21.05");
        assert_eq!(Catalog::new(Lang::En).time("2018-02-22T21:05"), "21:05");
    }

    #[test]
    fn utc_moments_read_in_danish_local_time() {
        // Winter (CET, +1), summer (CEST, +2), and the change-over hours at 01.00 UTC.
        assert_eq!(danish_local("2026-12-08T18:48:03.120Z").as_deref(), Some("2026-12-08T19:48"));
        assert_eq!(danish_local("2026-07-01T10:00:00Z").as_deref(), Some("2026-07-01T12:00"));
        assert_eq!(danish_local("2026-03-29T00:59:00Z").as_deref(), Some("2026-03-29T01:59"));
        assert_eq!(danish_local("2026-03-29T01:00:00Z").as_deref(), Some("2026-03-29T03:00"));
        assert_eq!(danish_local("2026-10-25T00:59:00Z").as_deref(), Some("2026-10-25T02:59"));
        assert_eq!(danish_local("2026-10-25T01:00:00Z").as_deref(), Some("2026-10-25T02:00"));
        assert_eq!(danish_local("2026-12-31T23:30:00Z").as_deref(), Some("2027-01-01T00:30"));
        assert_eq!(danish_local("i går"), None);
        let da = Catalog::new(Lang::Da);
        assert_eq!(da.utc_date_time("2026-12-08T18:48:03.120Z"), "8. december 2026 kl. 19.48");
        assert_eq!(da.doc_date_time("2018-02-22T18:00"), "22-02-2018 18:00");
        assert_eq!(da.date("2018-02-22T18:00"), "22. februar 2018");
    }

    #[test]
    fn counts_choose_plural_forms() {
        let one = message(Lang::Da, "cli-package-merged", &[("applied", "1".into()), ("resolved", "2".into())]);
        assert_eq!(one, "Flettet ind: én ændring, 2 konflikter afgjort.");
        let en = message(Lang::En, "cli-package-merged", &[("applied", "3".into()), ("resolved", "1".into())]);
        assert_eq!(en, "Merged: 3 changes, 1 conflict resolved.");
        assert_eq!(message(Lang::Da, "cli-members", &[("count", "1".into())]), "1 medlem");
        // Padded numbers stay as typed.
        assert_eq!(Catalog::new(Lang::Da).time("2018-02-22T09:05"), "09.05");
    }

    #[test]
    fn arguments_are_filled_in() {
        let m = message(Lang::Da, "error-text-too-long", &[("max", "500".into())]);
        assert!(m.contains("500"), "{m}");
        assert!(!m.contains('\u{2068}'), "no isolation marks: {m:?}");
    }
}
