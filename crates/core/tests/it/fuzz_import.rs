//! Fuzzing the importers: hostile and broken files must never panic, must be refused with a
//! clear error (one that names the line, where the file has lines), and must write nothing.
//!
//! A bounded, seeded proptest corpus rather than `cargo fuzz`: it runs in `cargo test` on
//! stable Rust in CI, on the real migrations, and its size is set by `PEJLING_FUZZ_CASES`
//! (default 1500 mutated files and 500 random byte strings per importer). The inputs are
//!
//! * the valid built-in files, mutated: bytes cut out, TOML-significant and hostile text
//!   inserted, lines duplicated, swapped or dropped, the file truncated, values replaced
//!   (sometimes giving the set a new id, so that accepted imports are exercised too);
//! * random bytes (not UTF-8, NULs, control characters), through the file-import path.
//!
//! Each input is imported into the same database. Refused: the error is a validation or
//! conflict error with a message in Danish, and the database is byte-for-byte as before.
//! Accepted: the set (or the package's meeting) reads back. The importers are question sets
//! and meeting packages (`.pejling`); another joins by adding a [`Target`] to `targets()`.

use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use pejling_core::*;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

/// One importer under test.
struct Target {
    name: &'static str,
    /// Valid files to mutate.
    seeds: Vec<String>,
    /// Import text the way the app does (the UI hands over the file's text).
    import_text: fn(&mut Db, &str) -> Result<()>,
    /// Import raw bytes the way a file is read from disk.
    import_bytes: fn(&mut Db, &[u8], &std::path::Path) -> Result<()>,
    /// Check an accepted import reads back.
    check_accepted: fn(&Db, &str),
    /// May a refusal of this error key be without a line number (file-level problems)?
    needs_no_line: fn(&str) -> bool,
}

fn targets() -> Vec<Target> {
    vec![
        Target {
            name: "question-set import",
            seeds: pejling_core::question_sets::built_in_sources().iter().map(|s| s.to_string()).collect(),
            import_text: |db, s| db.import_question_set(s).map(drop),
            import_bytes: |db, bytes, path| {
                std::fs::write(path, bytes).unwrap();
                db.import_question_set_file(path).map(drop)
            },
            check_accepted: |db, source| {
                let set = pejling_core::question_sets::parse(source).expect("accepted means it parses");
                let stored = db.get_question_set(&set.id, set.version).expect("an accepted set reads back");
                assert_eq!(stored.id, set.id);
            },
            needs_no_line: |key| matches!(key, "error-question-set-too-large" | "error-question-set-conflict"),
        },
        Target {
            name: "meeting-package import",
            seeds: package_seeds(),
            import_text: |db, s| db.import_package(s.as_bytes()).map(drop),
            import_bytes: |db, bytes, path| {
                std::fs::write(path, bytes).unwrap();
                db.import_package_file(path).map(drop)
            },
            check_accepted: |db, source| {
                let p = pejling_core::packages::parse(source.as_bytes()).expect("accepted means it parses");
                let id: i64 = db
                    .connection()
                    .query_row("SELECT id FROM meeting WHERE uuid = ?1", [&p.meeting.uuid], |r| r.get(0))
                    .expect("an accepted package's meeting is here");
                assert_eq!(db.list_agenda_items(id).unwrap().len(), p.items.len());
            },
            // Only a break in the JSON has a line; a wrong header, a reference that does not
            // resolve or a meeting already here is about the whole file.
            needs_no_line: |key| key != "error-package-damaged-line",
        },
    ]
}

/// Packages of two of the demo's meetings, with what a walk records.
fn package_seeds() -> Vec<String> {
    let mut db = Db::open_in_memory().unwrap();
    let c = demo::create_on(&mut db, chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()).unwrap();
    let meetings = db.list_meetings(Some(c.id)).unwrap();
    let theme = meetings.iter().find(|m| m.title == pejling_core::demo::THEME_MEETING_TITLE).unwrap().id;
    let case = db.list_agenda_items(theme).unwrap()[1].id;
    db.save_step_note(case, 0, "Notat med \"anførselstegn\" og <b>opmærkning</b>").unwrap();
    db.add_question_to_administration(case, 1, "Hvad koster det?", None).unwrap();
    // The theme meeting (with its walk) and one ordinary meeting: enough shapes, and the
    // database the corpus imports into stays small.
    let ordinary = meetings.iter().find(|m| m.kind == MeetingKind::Ordinary && !m.status.is_locked());
    meetings
        .iter()
        .filter(|m| m.id == theme || Some(m.id) == ordinary.map(|o| o.id))
        .flat_map(|m| {
            [false, true].map(|all| serde_json::to_string_pretty(&db.export_package(m.id, all).unwrap()).unwrap())
        })
        .collect()
}

#[derive(Debug, Clone)]
enum Mutation {
    /// Remove `len` bytes at a relative position (0..1000 of the length).
    Cut(u16, u16),
    /// Insert text at a relative position.
    Insert(u16, String),
    /// Keep only the first part of the file.
    Truncate(u16),
    /// Duplicate line `i`.
    DupLine(u16),
    /// Swap lines `i` and `j`.
    SwapLines(u16, u16),
    /// Drop line `i`.
    DropLine(u16),
    /// Replace the value after the `n`-th `=` with another value.
    Value(u16, String),
    /// Give the set a fresh id, so the importer may accept it as a new set.
    NewId(u32),
}

/// Text that means something to TOML, to SQLite, to HTML or to a terminal.
fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\n[[groups]]\n".to_owned()),
        Just("\n[[groups.questions]]\nid = \"x\"\n".to_owned()),
        Just("= ".to_owned()),
        Just("\"".to_owned()),
        Just("'''".to_owned()),
        Just("\"\"\"".to_owned()),
        Just("{ da = \"\" }".to_owned()),
        Just("{ da = \"<script>alert(1)</script>\", en = \"'); DROP TABLE question_set; --\" }".to_owned()),
        Just("\u{0}".to_owned()),
        Just("\u{feff}".to_owned()),
        Just("\u{202e}".to_owned()),
        Just("\r\n".to_owned()),
        Just("9999999999999999999999".to_owned()),
        Just("-1".to_owned()),
        Just("nan".to_owned()),
        Just("[".to_owned()),
        Just("]".to_owned()),
        Just("schema = 2\n".to_owned()),
        Just("kind = \"phases\"\n".to_owned()),
        Just("extreme_left = { da = \"Venstre\" }\n".to_owned()),
        Just("number = 3\n".to_owned()),
        "(?s).{0,40}",
        "[a-zæøå\\-]{1,20}".prop_map(|s| format!("\"{s}\"")),
        (1usize..3000).prop_map(|n| format!("\"{}\"", "æ".repeat(n))),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (0u16..1000, 1u16..200).prop_map(|(at, len)| Mutation::Cut(at, len)),
        (0u16..1000, hostile_text()).prop_map(|(at, t)| Mutation::Insert(at, t)),
        (0u16..1000).prop_map(Mutation::Truncate),
        any::<u16>().prop_map(Mutation::DupLine),
        (any::<u16>(), any::<u16>()).prop_map(|(i, j)| Mutation::SwapLines(i, j)),
        any::<u16>().prop_map(Mutation::DropLine),
        (any::<u16>(), hostile_text()).prop_map(|(n, v)| Mutation::Value(n, v)),
        any::<u32>().prop_map(Mutation::NewId),
    ]
}

/// The nearest char boundary at or below `at`.
fn boundary(s: &str, mut at: usize) -> usize {
    at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn rel(s: &str, per_mille: u16) -> usize {
    boundary(s, s.len() * usize::from(per_mille.min(1000)) / 1000)
}

fn apply(source: &str, mutations: &[Mutation]) -> String {
    let mut s = source.to_owned();
    for m in mutations {
        match m {
            Mutation::Cut(at, len) => {
                let a = rel(&s, *at);
                let b = boundary(&s, a + usize::from(*len));
                s.replace_range(a..b, "");
            }
            Mutation::Insert(at, text) => {
                let a = rel(&s, *at);
                s.insert_str(a, text);
            }
            Mutation::Truncate(at) => {
                let a = rel(&s, *at);
                s.truncate(a);
            }
            Mutation::DupLine(i) | Mutation::DropLine(i) => {
                let mut lines: Vec<&str> = s.split('\n').collect();
                let i = usize::from(*i) % lines.len();
                if matches!(m, Mutation::DupLine(_)) {
                    lines.insert(i, lines[i]);
                } else {
                    lines.remove(i);
                }
                s = lines.join("\n");
            }
            Mutation::SwapLines(i, j) => {
                let mut lines: Vec<&str> = s.split('\n').collect();
                let n = lines.len();
                lines.swap(usize::from(*i) % n, usize::from(*j) % n);
                s = lines.join("\n");
            }
            Mutation::Value(n, v) => {
                let eqs: Vec<usize> = s.match_indices('=').map(|(i, _)| i).collect();
                if !eqs.is_empty() {
                    let at = eqs[usize::from(*n) % eqs.len()] + 1;
                    let end = s[at..].find('\n').map_or(s.len(), |e| at + e);
                    s.replace_range(at..end, &format!(" {v}"));
                }
            }
            Mutation::NewId(n) if s.contains("\"meeting\": {") => {
                // A package: a new meeting id, so it may be imported as a new meeting.
                let m = s.find("\"meeting\": {").unwrap();
                if let Some(u) = s[m..].find("\"uuid\": \"") {
                    let from = m + u + "\"uuid\": \"".len();
                    if s.len() >= from + 36 && s.is_char_boundary(from + 36) {
                        s.replace_range(from..from + 36, &format!("{n:08x}-0000-4000-8000-000000000000"));
                    }
                }
            }
            Mutation::NewId(n) => {
                if let Some(start) = s.find("\nid = \"") {
                    let from = start + "\nid = \"".len();
                    if let Some(len) = s[from..].find('"') {
                        s.replace_range(from..from + len, &format!("fuzz-{n}"));
                    }
                }
            }
        }
    }
    s
}

#[derive(Default)]
struct Tally {
    tried: AtomicUsize,
    accepted: AtomicUsize,
    refused: AtomicUsize,
}

/// Count and check one import's outcome. `source` is the input as text, when it is text (the
/// named line must lie inside it; an accepted set must read back).
fn check_one(target: &Target, db: &mut Db, tally: &Tally, result: Result<()>, before: &str, source: Option<&str>) {
    tally.tried.fetch_add(1, Ordering::Relaxed);
    match result {
        Ok(()) => {
            tally.accepted.fetch_add(1, Ordering::Relaxed);
            if let Some(s) = source {
                (target.check_accepted)(db, s);
            }
        }
        Err(e) => {
            tally.refused.fetch_add(1, Ordering::Relaxed);
            assert!(
                matches!(e.kind(), ErrorKind::Validation | ErrorKind::Conflict),
                "{}: refused as {:?}, not as a clear validation error: {e}",
                target.name,
                e.kind()
            );
            let m = e.message();
            let text = e.to_string();
            assert!(!text.trim().is_empty() && !text.contains("error-"), "{}: no message for {}", target.name, m.key);
            if !(target.needs_no_line)(m.key) {
                let line: usize = m
                    .args
                    .iter()
                    .find(|(k, _)| *k == "line")
                    .unwrap_or_else(|| panic!("{}: {} does not name a line: {text}", target.name, m.key))
                    .1
                    .parse()
                    .unwrap();
                assert!(text.contains(&format!("linje {line}")), "{text}");
                if let Some(s) = source {
                    assert!(
                        line >= 1 && line <= s.lines().count().max(1) + 1,
                        "line {line} is outside the file: {text}"
                    );
                }
            }
            assert_eq!(
                crate::support::snapshot(db),
                before,
                "{}: a refused import wrote something ({text})",
                target.name
            );
        }
    }
}

fn cases(default: u32) -> u32 {
    std::env::var("PEJLING_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn runner(cases: u32, seed: u8) -> TestRunner {
    let config = Config { cases, failure_persistence: None, ..Config::default() };
    // A fixed seed per run: a failure in CI is reproduced by running the test again.
    TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &[seed; 32]))
}

#[test]
fn importers_survive_mutated_files_and_random_bytes() {
    let t0 = Instant::now();
    for target in targets() {
        let tally = Tally::default();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("input.toml");
        let db = std::cell::RefCell::new(Db::open_in_memory().unwrap());

        // The seeds themselves import.
        for s in &target.seeds {
            let before = crate::support::snapshot(&db.borrow());
            let r = (target.import_text)(&mut db.borrow_mut(), s);
            check_one(&target, &mut db.borrow_mut(), &tally, r, &before, Some(s));
        }

        let n = target.seeds.len();
        let seeds = target.seeds.clone();
        let mutated = (0..n, proptest::collection::vec(mutation(), 1..6));
        runner(cases(1500), 7)
            .run(&mutated, |(seed, muts)| {
                let input = apply(&target.seeds[seed], &muts);
                let mut db = db.borrow_mut();
                let before = crate::support::snapshot(&db);
                let r = (target.import_text)(&mut db, &input);
                check_one(&target, &mut db, &tally, r, &before, Some(&input));
                Ok(())
            })
            .unwrap();

        let bytes = prop_oneof![
            proptest::collection::vec(any::<u8>(), 0..4096),
            // Mostly text with a few bad bytes: the "not UTF-8 at line N" path.
            (0..n, any::<u16>(), proptest::collection::vec(0x80u8..=0xff, 1..4)).prop_map(move |(seed, at, bad)| {
                let mut b = seeds[seed].clone().into_bytes();
                let at = usize::from(at) % b.len().max(1);
                b.splice(at..at, bad);
                b
            }),
        ];
        runner(cases(1500) / 3, 11)
            .run(&bytes, |input| {
                let mut db = db.borrow_mut();
                let before = crate::support::snapshot(&db);
                let r = (target.import_bytes)(&mut db, &input, &file);
                let text = std::str::from_utf8(&input).ok();
                check_one(&target, &mut db, &tally, r, &before, text);
                Ok(())
            })
            .unwrap();

        // Files too large are refused before they are read.
        let huge = format!("{}\n# {}", target.seeds[0], "x".repeat(pejling_core::question_sets::MAX_SOURCE_BYTES));
        let before = crate::support::snapshot(&db.borrow());
        let r = (target.import_text)(&mut db.borrow_mut(), &huge);
        assert!(r.is_err(), "an over-large file is refused");
        check_one(&target, &mut db.borrow_mut(), &tally, r, &before, None);

        let tried = tally.tried.load(Ordering::Relaxed);
        assert!(tally.accepted.load(Ordering::Relaxed) > target.seeds.len(), "some mutated files are still valid");
        // Straight to stderr, past the test harness's capture: CI logs show the figures.
        writeln!(std::io::stderr(),
            "fuzz {}: {tried} inputs tried, {} accepted, {} refused with a clear error, 0 panics, nothing written on refusal, {:.1} s",
            target.name,
            tally.accepted.load(Ordering::Relaxed),
            tally.refused.load(Ordering::Relaxed),
            t0.elapsed().as_secs_f64()
        )
        .unwrap();
    }
}
