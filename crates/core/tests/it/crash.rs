//! Crash safety: a child process runs a scripted meeting through the same `Db` calls the app
//! makes and acknowledges every committed write on stdout; the parent kills it with SIGKILL at
//! random moments, many times, then reopens the database and checks that every acknowledged
//! write is there, that nothing is half-written and that `PRAGMA integrity_check` is `ok`.
//!
//! The script is a meeting as the secretary runs it: the Beslutning of fixed items typed and
//! autosaved again and again, items added to agendas, notes written at the walk's steps, and a
//! meeting moved between "in progress" and "closed" — every close takes an automatic backup
//! with SQLite's online backup API, so kills also land in the middle of backups. Afterwards
//! every backup under a real name must open and verify: a cut-short backup never gets one.
//!
//! The child is this test binary itself, re-run with `--ignored --exact crash::crash_child`.
//! `PEJLING_CRASH_KILLS` sets the number of kills (default 200).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use pejling_core::*;

const ITEMS: u64 = 8;
/// Agendas that items are added to, round robin; enough that none reaches the limit of
/// items per meeting however many kills are asked for.
fn agendas(kills: usize) -> u64 {
    (kills as u64 / 8).max(16)
}
/// Steps of the walk on fixed item 0 that get notes.
const NOTE_STEPS: u64 = 5;

fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

/// The child: endless scripted edits, each acknowledged after it returned Ok.
#[test]
#[ignore = "run by crash_safety_under_sigkill as a child process"]
fn crash_child() {
    let Ok(path) = std::env::var("PEJLING_CRASH_DB") else { return };
    let start: u64 = std::env::var("PEJLING_CRASH_SEQ").unwrap().parse().unwrap();
    let mut db = Db::open(std::path::Path::new(&path)).unwrap();
    let meetings: Vec<Meeting> = db.list_meetings(None).unwrap();
    let meeting = meetings.iter().find(|m| m.title == "Temamøde").unwrap().id;
    let agendas: Vec<Id> = meetings.iter().filter(|m| m.title.starts_with("Møde ")).map(|m| m.id).collect();
    let closing = meetings.iter().find(|m| m.title == "Møde der afsluttes").unwrap().id;
    let items: Vec<Id> = db.list_agenda_items(meeting).unwrap().iter().take(ITEMS as usize).map(|i| i.id).collect();
    let mut out = std::io::stdout().lock();
    writeln!(out, "ready").unwrap();
    out.flush().unwrap();
    for seq in start.. {
        let k = seq % ITEMS;
        if seq % 5 == 0 {
            let agenda = agendas[(seq / 5) as usize % agendas.len()];
            db.add_agenda_item(agenda, &format!("Punkt {seq}")).unwrap();
            writeln!(out, "ack add {seq}").unwrap();
        } else if seq % 7 == 3 {
            let step = (seq % NOTE_STEPS) as u32;
            db.save_step_note(items[0], step, &format!("n{seq}\nNoter fra drøftelsen: {}", "æøå ".repeat(30))).unwrap();
            writeln!(out, "ack note {step} {seq}").unwrap();
        } else if seq % 23 == 11 {
            // Close the meeting (an automatic backup) or take it back to "in progress".
            let now = db.get_meeting(closing).unwrap().meeting.status;
            let to = if now == MeetingStatus::Closed { MeetingStatus::InProgress } else { MeetingStatus::Closed };
            db.set_meeting_status(closing, to).unwrap();
            writeln!(out, "ack status {seq}").unwrap();
        } else {
            // A realistic autosave: the whole Beslutning text with the newest keystrokes.
            let text = format!("v{seq}\nUdvalget besluttede at gå videre med afprøvningen. {}", "æøå ".repeat(50));
            db.update_agenda_item(items[k as usize], &AgendaItemPatch { decision: Some(text), ..Default::default() })
                .unwrap();
            writeln!(out, "ack set {k} {seq}").unwrap();
        }
        out.flush().unwrap();
    }
}

#[test]
fn crash_safety_under_sigkill() {
    let kills: usize = std::env::var("PEJLING_CRASH_KILLS").ok().and_then(|v| v.parse().ok()).unwrap_or(200);
    // The children read the agenda count from the database (the meetings named "Møde N").
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.sqlite3");
    {
        let mut db = Db::open(&path).unwrap();
        let c = db
            .create_committee(&NewCommittee {
                name: "Opgaveudvalget for robusthed".into(),
                kind: CommitteeKind::Task,
                description: String::new(),
            })
            .unwrap();
        let m = db
            .create_meeting(&NewMeeting {
                committee_id: c.id,
                title: "Temamøde".into(),
                kind: MeetingKind::Theme,
                starts_at: "2026-12-01T17:00".into(),
                ends_at: "2026-12-01T19:00".into(),
                place: String::new(),
            })
            .unwrap();
        let mut first = None;
        for i in 0..ITEMS {
            let item = db.add_agenda_item(m.id, &format!("Fast punkt {i}")).unwrap();
            first.get_or_insert(item.id);
        }
        db.set_walk_plan(
            first.unwrap(),
            &WalkPlan {
                case_technology: "Sensorer i plejeboliger".into(),
                case_problem: "Fald om natten opdages for sent.".into(),
                parts: vec![WalkPlanPart { set_id: "tesk".into(), set_version: 2, selection: vec![] }],
            },
        )
        .unwrap();
        let new_meeting = |db: &mut Db, title: String| {
            db.create_meeting(&NewMeeting {
                committee_id: c.id,
                title,
                kind: MeetingKind::Ordinary,
                starts_at: "2026-12-02T17:00".into(),
                ends_at: "2026-12-02T19:00".into(),
                place: String::new(),
            })
            .unwrap()
        };
        for a in 0..agendas(kills) {
            new_meeting(&mut db, format!("Møde {a}"));
        }
        let closing = new_meeting(&mut db, "Møde der afsluttes".into());
        for s in [MeetingStatus::AgendaSent, MeetingStatus::InProgress] {
            db.set_meeting_status(closing.id, s).unwrap();
        }
    }

    let seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1;
    let mut rng = seed;
    let mut last_set: HashMap<u64, u64> = HashMap::new();
    let mut last_note: HashMap<u64, u64> = HashMap::new();
    let mut added: Vec<u64> = Vec::new();
    let mut acked = 0usize;
    let mut kills_at_start = 0usize;
    let t0 = Instant::now();
    for round in 0..kills {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--ignored", "--exact", "crash::crash_child", "--nocapture", "--test-threads=1"])
            .env("PEJLING_CRASH_DB", &path)
            .env("PEJLING_CRASH_SEQ", ((round as u64 + 1) * 1_000_000).to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (ready_tx, ready_rx) = std::sync::mpsc::channel();
        let reader = std::thread::spawn(move || {
            let mut lines = Vec::new();
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if line.ends_with("ready") {
                    let _ = ready_tx.send(());
                }
                lines.push(line);
            }
            lines
        });
        let roll = xorshift(&mut rng);
        if roll.is_multiple_of(10) {
            // Now and then while it opens the database.
            std::thread::sleep(Duration::from_millis(roll % 30));
            kills_at_start += 1;
        } else {
            // Otherwise 2–120 ms into its writes, mid-flight.
            ready_rx.recv_timeout(Duration::from_secs(20)).expect("the child started");
            std::thread::sleep(Duration::from_millis(2 + roll % 119));
        }
        child.kill().unwrap(); // SIGKILL on Unix
        let status = child.wait().unwrap();
        assert!(!status.success(), "round {round}: the child must have been killed");
        for line in reader.join().unwrap() {
            let parts: Vec<&str> = line.split_whitespace().collect();
            match parts.as_slice() {
                ["ack", "set", k, seq] => {
                    last_set.insert(k.parse().unwrap(), seq.parse().unwrap());
                    acked += 1;
                }
                ["ack", "add", seq] => {
                    added.push(seq.parse().unwrap());
                    acked += 1;
                }
                ["ack", "note", step, seq] => {
                    last_note.insert(step.parse().unwrap(), seq.parse().unwrap());
                    acked += 1;
                }
                ["ack", "status", _] => acked += 1,
                _ => {}
            }
        }
    }

    // Reopen as the app would and check every acknowledged write.
    let db = Db::open(&path).unwrap();
    let ok: String = db.connection().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
    let meetings = db.list_meetings(None).unwrap();
    let meeting = meetings.iter().find(|m| m.title == "Temamøde").unwrap().id;
    let items = db.list_agenda_items(meeting).unwrap();
    let mut checked = 0usize;
    for (k, seq) in &last_set {
        let item = &items[*k as usize];
        let stored: u64 = item.decision.lines().next().unwrap().trim_start_matches('v').parse().unwrap();
        // The stored value is the acknowledged one, or a later write of the same item that
        // committed before its acknowledgement could be printed.
        assert!(stored >= *seq && stored % ITEMS == *k, "item {k}: acknowledged v{seq}, found v{stored}");
        assert!(item.decision.ends_with("æøå "), "item {k} is not half-written");
        // The search index caught up with the saves the kills left queued (schema 18).
        let hits = db.search(&format!("v{stored}"), 5).unwrap();
        assert!(hits.iter().any(|h| h.agenda_item_id == Some(item.id)), "item {k}: v{stored} not found by search");
        checked += 1;
    }
    for (step, seq) in &last_note {
        let note = db.step_note(items[0].id, *step as u32).unwrap();
        let stored: u64 = note.lines().next().unwrap().trim_start_matches('n').parse().unwrap();
        assert!(stored >= *seq && stored % NOTE_STEPS == *step, "note {step}: acknowledged n{seq}, found n{stored}");
        assert!(note.ends_with("æøå "), "note {step} is not half-written");
        checked += 1;
    }
    let mut titles = std::collections::HashSet::new();
    for m in &meetings {
        let agenda = db.list_agenda_items(m.id).unwrap();
        let numbers: Vec<u32> = agenda.iter().map(|i| i.number).collect();
        assert_eq!(numbers, (1..=agenda.len() as u32).collect::<Vec<_>>(), "agenda numbering intact in {}", m.title);
        titles.extend(agenda.into_iter().map(|i| i.title));
    }
    for seq in &added {
        assert!(titles.contains(&format!("Punkt {seq}")), "acknowledged item Punkt {seq} is missing");
        checked += 1;
    }
    // Every backup that got a real name is whole: killed backups never get one.
    let backups = pejling_core::backup::list(&pejling_core::backup::dir_for(&path)).unwrap();
    let closes = backups.iter().filter(|b| b.reason == "meeting-closed").count();
    for b in &backups {
        pejling_core::backup::verify(std::path::Path::new(&b.path)).unwrap_or_else(|e| panic!("{}: {e}", b.path));
    }
    assert!(acked > kills, "the children wrote something ({acked} acknowledged writes)");
    // Straight to stderr, past the test harness's capture: CI logs show the figures.
    writeln!(std::io::stderr(),
        "crash test: {kills} SIGKILLs ({kills_at_start} while opening), {acked} acknowledged writes, {checked} final states verified, integrity ok, {} backups kept ({closes} from closing the meeting) all verify, seed {seed}, {:.1} s",
        backups.len(),
        t0.elapsed().as_secs_f64()
    )
    .unwrap();
}
