//! Issue 5, part 2, on the real migrations: a digitalisation project moved through all five
//! phases with linked meetings and decisions, and a committee's annual cycle creating next
//! year's meetings — once, however often it is asked — with days that hold across summer time
//! and 29 February. Also the CLI for both and the search index for projects.

use pejling::documents::Export as _;
use std::process::Command;

use pejling::{
    CycleEntryPatch, CycleRule, Db, ErrorKind, MeetingKind, MeetingPatch, NewCommittee, NewCycleEntry, NewMeeting,
    NewProject, ProjectPatch, ProjectPhasePatch, SearchKind,
};

fn committee(db: &mut Db, name: &str) -> i64 {
    db.create_committee(&NewCommittee {
        name: name.into(),
        kind: pejling::CommitteeKind::Standing,
        description: "".into(),
    })
    .unwrap()
    .id
}

fn meeting(db: &mut Db, committee_id: i64, title: &str, day: &str) -> i64 {
    db.create_meeting(&NewMeeting {
        committee_id,
        title: title.into(),
        kind: MeetingKind::Ordinary,
        starts_at: format!("{day}T17:00"),
        ends_at: format!("{day}T19:00"),
        place: "Udvalgsværelse 3".into(),
    })
    .unwrap()
    .id
}

fn entry(title: &str, rule: CycleRule, month: u32, week: u32, weekday: u32, day: u32) -> NewCycleEntry {
    NewCycleEntry {
        every_years: 1,
        first_year: None,
        title: title.into(),
        kind: MeetingKind::Ordinary,
        description: String::new(),
        rule,
        month,
        week,
        weekday,
        day,
        start_time: "17:00".into(),
        end_time: "19:00".into(),
        place: "Byrådssalen".into(),
    }
}

#[test]
fn a_project_moves_through_all_five_phases_with_linked_meetings_and_decisions() {
    let mut db = Db::open_in_memory().unwrap();
    let _ = db.set_actor("Birthe Kjærsgaard");
    let c = committee(&mut db, "Social- og sundhedsudvalget");
    let p = db
        .create_project(&NewProject {
            title: "Algoritmer til forebyggelse af fald".into(),
            description: "Kan data fra hjemmeplejen pege på borgere med risiko for fald?".into(),
            committee_id: c,
        })
        .unwrap();
    assert_eq!(p.phase, 0);
    assert_eq!(p.committee_name, "Social- og sundhedsudvalget");

    // The phases' texts are the transcribed set, not retyped.
    let d = db.get_project(p.id).unwrap();
    let names: Vec<&str> = d.phases.iter().map(|ph| ph.name.da.as_str()).collect();
    assert_eq!(names, ["Identifikation", "Forståelse", "Ideudvikling", "Afprøvning", "Beslutning"]);
    let set = pejling::question_sets::built_in_set(pejling::PHASES_SET.0, pejling::PHASES_SET.1).unwrap();
    for (ph, q) in d.phases.iter().zip(&set.groups[0].questions) {
        assert_eq!(Some(ph.number), q.number);
        assert_eq!(ph.description, q.description);
        assert_eq!(ph.subtitle, q.subtitle);
    }
    assert_eq!(d.history.len(), 1, "the creation starts the history");
    assert_eq!((d.history[0].from_phase, d.history[0].to_phase), (None, 0));
    assert_eq!(d.history[0].actor, "Birthe Kjærsgaard");

    let days = ["2027-01-12", "2027-03-09", "2027-05-11", "2027-09-14", "2027-11-09"];
    let mut linked_items = Vec::new();
    for (phase, day) in days.iter().enumerate() {
        let phase = phase as u32;
        let m = meeting(&mut db, c, &format!("Udvalgsmøde {day}"), day);
        let item = db.add_agenda_item(m, "Algoritmer til forebyggelse af fald").unwrap();
        let decision = format!("Udvalget tog orienteringen i fase {phase} til efterretning.");
        db.update_agenda_item(item.id, &pejling::AgendaItemPatch { decision: Some(decision), ..Default::default() })
            .unwrap();
        let notes = db
            .update_project_phase(
                p.id,
                phase,
                &ProjectPhasePatch {
                    stakeholders: Some("Ældrerådet\nHjemmeplejens gruppeledere".into()),
                    learnings: Some(format!("Det lærte vi i fase {phase}.")),
                },
            )
            .unwrap();
        assert_eq!(notes.learnings, format!("Det lærte vi i fase {phase}."));
        // The meeting itself, and its agenda item with the decision.
        db.link_project_meeting(p.id, phase, m, None).unwrap();
        let d = db.link_project_meeting(p.id, phase, m, Some(item.id)).unwrap();
        linked_items.push(item.id);
        let links = &d.phases[phase as usize].links;
        assert_eq!(links.len(), 2);
        assert_eq!(links[1].item_number, Some(1));
        assert!(links[1].decision.as_deref().unwrap().contains(&format!("fase {phase}")));
        if phase < 4 {
            let d = db.set_project_phase(p.id, phase + 1, "Klar til næste fase").unwrap();
            assert_eq!(d.project.phase, phase + 1);
        }
    }

    let d = db.get_project(p.id).unwrap();
    assert_eq!(d.project.phase, 4, "Beslutning");
    let moves: Vec<(Option<u32>, u32)> = d.history.iter().map(|h| (h.from_phase, h.to_phase)).collect();
    assert_eq!(moves, [(None, 0), (Some(0), 1), (Some(1), 2), (Some(2), 3), (Some(3), 4)]);
    assert!(d.history.windows(2).all(|w| w[0].at <= w[1].at), "in time order");
    assert!(d.history[1..].iter().all(|h| h.note == "Klar til næste fase"));
    for ph in &d.phases {
        assert_eq!(ph.links.len(), 2, "phase {}", ph.number);
        assert_eq!(ph.stakeholders, "Ældrerådet\nHjemmeplejens gruppeledere");
    }
    assert_eq!(d.project.phase_changed_at, d.history.last().unwrap().at);

    // A linked meeting deleted takes its links with it; the project stays.
    let gone = d.phases[0].links[0].meeting_id;
    db.delete_meeting(gone).unwrap();
    assert!(db.get_project(p.id).unwrap().phases[0].links.is_empty());
    // Unlinking keeps the meeting.
    let link = d.phases[1].links[1].id;
    let d = db.unlink_project_meeting(link).unwrap();
    assert_eq!(d.phases[1].links.len(), 1);
    assert!(db.get_meeting(d.phases[1].links[0].meeting_id).is_ok());
    assert_eq!(db.list_projects(None).unwrap().len(), 1);
}

#[test]
fn phases_move_forward_back_and_past_a_phase_with_a_recorded_reason() {
    let mut db = Db::open_in_memory().unwrap();
    let c = committee(&mut db, "Teknik- og miljøudvalget");
    let p = db
        .create_project(&NewProject {
            title: "Sensorer i skraldespande".into(),
            description: "".into(),
            committee_id: c,
        })
        .unwrap();

    // Going forward past a phase needs a reason: without one (or with only spaces) it is
    // refused with a message asking for it; nothing is recorded.
    for note in ["", "   "] {
        let e = db.set_project_phase(p.id, 2, note).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Validation);
        assert_eq!(e.message().field, Some("note"));
        let text = e.to_string();
        assert!(text.contains("hvorfor projektet springer fra fase 0 til fase 2") && text.contains("fase 1"), "{text}");
        let en = e.localized(pejling::Lang::En);
        assert!(en.contains("Write in the note why the project skips from phase 0 to phase 2"), "{en}");
    }
    assert_eq!(db.get_project(p.id).unwrap().history.len(), 1);
    assert_eq!(db.get_project(p.id).unwrap().project.phase, 0);

    // No phase 5.
    let e = db.set_project_phase(p.id, 5, "").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation);
    assert_eq!(
        db.update_project_phase(p.id, 7, &ProjectPhasePatch::default()).unwrap_err().kind(),
        ErrorKind::Validation
    );

    // With a reason the project goes forward past phase 1, and the reason is in the history
    // under the person who made the change.
    let reason = "Problemet er allerede belyst i ældrerådets undersøgelse fra sidste år";
    let d = db.set_project_phase(p.id, 2, &format!("  {reason} ")).unwrap();
    assert_eq!(d.project.phase, 2);
    let last = d.history.last().unwrap();
    assert_eq!((last.from_phase, last.to_phase, last.note.as_str()), (Some(0), 2, reason));
    assert!(!last.actor.is_empty());
    db.set_project_phase(p.id, 3, "").unwrap();
    // Staying changes nothing and records nothing.
    let before = db.get_project(p.id).unwrap().history.len();
    let d = db.set_project_phase(p.id, 3, "igen").unwrap();
    assert_eq!(d.history.len(), before);
    // Back to an earlier phase (revisiting, as the model allows) is recorded with its note.
    let d = db.set_project_phase(p.id, 1, "Afprøvningen viste, at vi manglede viden om borgerne").unwrap();
    assert_eq!(d.project.phase, 1);
    let last = d.history.last().unwrap();
    assert_eq!((last.from_phase, last.to_phase), (Some(3), 1));
    assert_eq!(last.note, "Afprøvningen viste, at vi manglede viden om borgerne");
    // From there, forward to the next phase without a note, past one only with a reason.
    assert_eq!(db.set_project_phase(p.id, 3, "").unwrap_err().message().key, "error-project-phase-skip");
    assert_eq!(db.set_project_phase(p.id, 2, "").unwrap().project.phase, 2);
    assert_eq!(db.set_project_phase(p.id, 4, "Afprøvning sker i nabokommunen").unwrap().project.phase, 4);
    assert_eq!(db.set_project_phase(p.id, 2, "").unwrap().project.phase, 2);

    // Links: same link twice, an item of another meeting, unknown ids.
    let m1 = meeting(&mut db, c, "Møde 1", "2027-02-02");
    let m2 = meeting(&mut db, c, "Møde 2", "2027-03-02");
    let item2 = db.add_agenda_item(m2, "Sensorer").unwrap();
    db.link_project_meeting(p.id, 0, m1, None).unwrap();
    assert_eq!(db.link_project_meeting(p.id, 0, m1, None).unwrap_err().kind(), ErrorKind::Conflict);
    assert!(db.link_project_meeting(p.id, 1, m1, None).is_ok(), "another phase may link the same meeting");
    let e = db.link_project_meeting(p.id, 0, m1, Some(item2.id)).unwrap_err();
    assert_eq!((e.kind(), e.message().field), (ErrorKind::Validation, Some("agenda_item_id")));
    assert_eq!(db.link_project_meeting(p.id, 0, 9999, None).unwrap_err().kind(), ErrorKind::NotFound);
    assert_eq!(db.link_project_meeting(9999, 0, m1, None).unwrap_err().kind(), ErrorKind::NotFound);

    // Title rules, moving to another committee, and the committee that follows projects.
    assert_eq!(
        db.update_project(p.id, &ProjectPatch { title: Some("  ".into()), ..Default::default() }).unwrap_err().kind(),
        ErrorKind::Validation
    );
    let other = committee(&mut db, "Økonomiudvalget");
    let e = db.delete_committee(other);
    assert!(e.is_ok(), "no projects, no meetings: deleted");
    let other = committee(&mut db, "Økonomiudvalget");
    let moved = db.update_project(p.id, &ProjectPatch { committee_id: Some(other), ..Default::default() }).unwrap();
    assert_eq!(moved.committee_name, "Økonomiudvalget");
    let e = db.delete_committee(other).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict);
    assert!(e.to_string().contains("følger ét projekt"), "{e}");
    db.delete_project(p.id).unwrap();
    db.delete_committee(other).unwrap();
    assert!(db.get_project(p.id).is_err());
}

#[test]
fn the_year_view_creates_next_years_meetings_once() {
    let mut db = Db::open_in_memory().unwrap();
    let c = committee(&mut db, "Børne- og skoleudvalget");
    let mut theme = entry("Temamøde om digitalisering", CycleRule::Weekday, 9, 2, 2, 1);
    theme.kind = MeetingKind::Theme;
    theme.start_time = "16:30".into();
    theme.end_time = "20:00".into();
    let theme = db.create_cycle_entry(c, &theme).unwrap();
    let budget = db.create_cycle_entry(c, &entry("Budgetseminar", CycleRule::Weekday, 8, 5, 4, 1)).unwrap();
    let report = db.create_cycle_entry(c, &entry("Halvårsregnskab", CycleRule::Date, 2, 1, 1, 29)).unwrap();
    assert_eq!(db.list_cycle_entries(c).unwrap().len(), 3);
    // A meeting of the committee that is not from the cycle.
    let extra = meeting(&mut db, c, "Ekstraordinært møde", "2027-06-03");

    let y = db.cycle_year(c, 2027).unwrap();
    let planned: Vec<(&str, &str)> =
        y.occurrences.iter().map(|o| (o.entry.title.as_str(), o.starts_at.as_str())).collect();
    assert_eq!(
        planned,
        [
            ("Halvårsregnskab", "2027-02-28T17:00"), // 29 February in a year without one
            ("Budgetseminar", "2027-08-26T17:00"),   // the last Thursday of August
            ("Temamøde om digitalisering", "2027-09-14T16:30"), // the 2nd Tuesday of September
        ]
    );
    assert!(y.occurrences.iter().all(|o| o.meeting.is_none()));
    assert_eq!(y.meetings.iter().map(|m| m.id).collect::<Vec<_>>(), [extra]);

    let done = db.create_cycle_year(c, 2027).unwrap();
    assert_eq!(done.created.len(), 3);
    assert_eq!(done.already_created, 0);
    let made = &done.created[2];
    assert_eq!((made.title.as_str(), made.kind), ("Temamøde om digitalisering", MeetingKind::Theme));
    assert_eq!((made.starts_at.as_str(), made.ends_at.as_str()), ("2027-09-14T16:30", "2027-09-14T20:00"));
    assert_eq!(made.place, "Byrådssalen");
    assert_eq!(made.status, pejling::MeetingStatus::Draft);
    let count = || db.list_meetings(Some(c)).unwrap().len();
    assert_eq!(count(), 4);

    // Again: nothing new.
    let again = db.create_cycle_year(c, 2027).unwrap();
    assert!(again.created.is_empty());
    assert_eq!(again.already_created, 3);
    assert_eq!(db.list_meetings(Some(c)).unwrap().len(), 4);

    // A created meeting moved to another day still counts as made.
    let budget_meeting = done.created[1].id;
    db.update_meeting(
        budget_meeting,
        &MeetingPatch {
            starts_at: Some("2027-08-31T09:00".into()),
            ends_at: Some("2027-08-31T15:00".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(db.create_cycle_year(c, 2027).unwrap().created.is_empty());
    let y = db.cycle_year(c, 2027).unwrap();
    let o = y.occurrences.iter().find(|o| o.entry.id == budget.id).unwrap();
    assert_eq!(o.meeting.as_ref().unwrap().starts_at, "2027-08-31T09:00");
    assert_eq!(y.meetings.len(), 4);

    // A created meeting deleted is offered again, and only that one.
    db.delete_meeting(done.created[0].id).unwrap();
    let y = db.cycle_year(c, 2027).unwrap();
    assert_eq!(y.occurrences.iter().filter(|o| o.meeting.is_none()).count(), 1);
    let redo = db.create_cycle_year(c, 2027).unwrap();
    assert_eq!(redo.created.iter().map(|m| m.title.as_str()).collect::<Vec<_>>(), ["Halvårsregnskab"]);
    assert_eq!(redo.already_created, 2);

    // The next year in a leap year: 29 February exists.
    let next = db.create_cycle_year(c, 2028).unwrap();
    let starts: Vec<&str> = next.created.iter().map(|m| m.starts_at.as_str()).collect();
    assert_eq!(starts, ["2028-02-29T17:00", "2028-08-31T17:00", "2028-09-12T16:30"]);

    // Changing a fixed point changes later years only; meetings made stay as they are.
    db.update_cycle_entry(theme.id, &CycleEntryPatch { week: Some(3), ..Default::default() }).unwrap();
    assert_eq!(
        db.cycle_year(c, 2027).unwrap().occurrences.iter().find(|o| o.entry.id == theme.id).unwrap().starts_at,
        "2027-09-21T16:30"
    );
    assert_eq!(db.get_meeting(made.id).unwrap().meeting.starts_at, "2027-09-14T16:30");
    // Removing a fixed point keeps its meetings.
    db.delete_cycle_entry(report.id).unwrap();
    assert_eq!(db.list_cycle_entries(c).unwrap().len(), 2);
    assert!(db.get_meeting(redo.created[0].id).is_ok());
}

#[test]
fn cycle_days_hold_across_summer_time() {
    let mut db = Db::open_in_memory().unwrap();
    let c = committee(&mut db, "Kultur- og fritidsudvalget");
    // Last Sunday of March (summer time begins) and of October (it ends), both at 17.00.
    db.create_cycle_entry(c, &entry("Forårsmøde", CycleRule::Weekday, 3, 5, 7, 1)).unwrap();
    db.create_cycle_entry(c, &entry("Efterårsmøde", CycleRule::Weekday, 10, 5, 7, 1)).unwrap();
    // At night in the hour that does not exist.
    let mut night = entry("Natmøde", CycleRule::Weekday, 3, 5, 7, 1);
    night.start_time = "02:15".into();
    night.end_time = "02:45".into();
    db.create_cycle_entry(c, &night).unwrap();
    let done = db.create_cycle_year(c, 2027).unwrap();
    let times: Vec<(&str, &str, &str)> =
        done.created.iter().map(|m| (m.title.as_str(), m.starts_at.as_str(), m.ends_at.as_str())).collect();
    assert_eq!(
        times,
        [
            ("Natmøde", "2027-03-28T03:15", "2027-03-28T03:45"),
            ("Forårsmøde", "2027-03-28T17:00", "2027-03-28T19:00"),
            ("Efterårsmøde", "2027-10-31T17:00", "2027-10-31T19:00"),
        ]
    );
    // The calendar export gives them the right UTC instants (CEST +2, CET +1).
    let ics = db.committee_calendar(c, Some(2027), pejling::Lang::Da).unwrap();
    assert!(ics.contains("20270328T150000Z"), "{ics}");
    assert!(ics.contains("20271031T160000Z"), "{ics}");
}

#[test]
fn cycle_entries_are_validated_field_by_field() {
    let mut db = Db::open_in_memory().unwrap();
    let c = committee(&mut db, "Beskæftigelsesudvalget");
    let field = |r: pejling::Result<pejling::CycleEntry>| r.unwrap_err().message().field;
    let mut e = entry("Møde", CycleRule::Weekday, 13, 1, 1, 1);
    assert_eq!(field(db.create_cycle_entry(c, &e)), Some("month"));
    e.month = 4;
    e.week = 6;
    assert_eq!(field(db.create_cycle_entry(c, &e)), Some("week"));
    e.week = 1;
    e.weekday = 0;
    assert_eq!(field(db.create_cycle_entry(c, &e)), Some("weekday"));
    e.weekday = 1;
    e.start_time = "25:00".into();
    assert_eq!(field(db.create_cycle_entry(c, &e)), Some("start_time"));
    e.start_time = "17:00".into();
    e.end_time = "16:00".into();
    assert_eq!(field(db.create_cycle_entry(c, &e)), Some("end_time"));
    e.end_time = "18:00".into();
    e.title = " ".into();
    assert_eq!(field(db.create_cycle_entry(c, &e)), Some("title"));
    // 31 April never exists; 29 February does, in leap years.
    let april = entry("Møde", CycleRule::Date, 4, 1, 1, 31);
    assert_eq!(field(db.create_cycle_entry(c, &april)), Some("day"));
    let feb = db.create_cycle_entry(c, &entry("Møde", CycleRule::Date, 2, 1, 1, 29)).unwrap();
    // Moving the 29th to April is fine; the 31st is not, and the message names the month.
    db.update_cycle_entry(feb.id, &CycleEntryPatch { month: Some(4), ..Default::default() }).unwrap();
    let e = db.update_cycle_entry(feb.id, &CycleEntryPatch { day: Some(31), ..Default::default() }).unwrap_err();
    assert_eq!(e.message().field, Some("day"));
    assert_eq!(db.list_cycle_entries(c).unwrap()[0].day, 29, "a refused change changes nothing");
    // Times are normalised; the year is bounded; unknown committees are not found.
    let t = db
        .update_cycle_entry(feb.id, &CycleEntryPatch { start_time: Some(" 9:05 ".into()), ..Default::default() })
        .unwrap();
    assert_eq!(t.start_time, "09:05");
    assert_eq!(db.cycle_year(c, 10_000).unwrap_err().message().field, Some("year"));
    assert_eq!(db.create_cycle_year(c, 1900).unwrap_err().kind(), ErrorKind::Validation);
    assert_eq!(db.cycle_year(999, 2027).unwrap_err().kind(), ErrorKind::NotFound);
    assert_eq!(
        db.create_cycle_entry(999, &entry("Møde", CycleRule::Date, 1, 1, 1, 1)).unwrap_err().kind(),
        ErrorKind::NotFound
    );
}

#[test]
fn projects_are_found_by_search_and_leave_it_with_their_deletion() {
    let mut db = Db::open_in_memory().unwrap();
    let c = committee(&mut db, "Sundhedsudvalget");
    let p = db
        .create_project(&NewProject {
            title: "Algoritmer til forebyggelse af fald".into(),
            description: "Hjemmeplejens data om væskeindtag".into(),
            committee_id: c,
        })
        .unwrap();
    let project_hits = |db: &Db, q: &str| {
        db.search(q, 20).unwrap().into_iter().filter(|h| h.kind == SearchKind::Project).collect::<Vec<_>>()
    };
    let hits = project_hits(&db, "algoritme");
    assert_eq!(hits.len(), 1, "by its Danish stem");
    assert_eq!((hits[0].project_id, hits[0].committee_id), (Some(p.id), c));
    assert_eq!(hits[0].title, "Algoritmer til forebyggelse af fald");
    assert_eq!(project_hits(&db, "indtag").len(), 1, "inside a compound word of the description");
    db.update_project(p.id, &ProjectPatch { title: Some("Sensorer mod fald".into()), ..Default::default() }).unwrap();
    assert!(project_hits(&db, "algoritme").is_empty());
    assert_eq!(project_hits(&db, "sensorer").len(), 1);
    // The index holds exactly one document per project (contentless: its rowid), found by
    // its current text.
    let c2 = db.connection();
    let indexed: Vec<i64> = c2
        .prepare("SELECT rowid FROM search_words WHERE rowid % 8 = 6 ORDER BY rowid")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(indexed, [p.id * 8 + 6]);
    let hits = project_hits(&db, "væskeindtag");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].title, "Sensorer mod fald");
    let snippet: String = hits[0].snippet.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(snippet, "Hjemmeplejens data om væskeindtag");
    db.delete_project(p.id).unwrap();
    assert!(project_hits(&db, "sensorer").is_empty());
    let left: i64 = db
        .connection()
        .query_row("SELECT (SELECT count(*) FROM search_words WHERE rowid % 8 = 6) + (SELECT count(*) FROM search_trigrams WHERE rowid % 8 = 6)", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 0);
}

fn cli(db: &std::path::Path, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pejling"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("PEJLING_LANG")
        .output()
        .expect("run pejling");
    (out.status.success(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn the_cli_shows_the_cycle_creates_a_year_once_and_moves_projects() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.sqlite3");
    let (c, project) = {
        let mut db = Db::open(&path).unwrap();
        let c = committee(&mut db, "Klima- og miljøudvalget");
        db.create_cycle_entry(c, &entry("Budgetseminar", CycleRule::Weekday, 8, 5, 4, 1)).unwrap();
        let p = db
            .create_project(&NewProject {
                title: "Digitale affaldsløsninger".into(),
                description: "".into(),
                committee_id: c,
            })
            .unwrap();
        (c.to_string(), p.id.to_string())
    };
    let (ok, out, err) = cli(&path, &["cycle", &c, "--year", "2027"]);
    assert!(ok, "{err}");
    assert!(out.contains("Årshjul 2027") && out.contains("26. august 2027") && out.contains("ikke oprettet"), "{out}");
    let (ok, out, err) = cli(&path, &["cycle-create-year", &c, "2027"]);
    assert!(ok, "{err}");
    assert!(out.contains("Ét møde er oprettet for 2027."), "{out}");
    let (ok, out, _) = cli(&path, &["cycle-create-year", &c, "2027", "--json"]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["created"].as_array().unwrap().len(), 0);
    assert_eq!(v["already_created"], 1);
    let (ok, out, _) = cli(&path, &["meetings", "--committee", &c, "--json"]);
    assert!(ok);
    assert_eq!(serde_json::from_str::<serde_json::Value>(&out).unwrap().as_array().unwrap().len(), 1);

    let (ok, out, _) = cli(&path, &["projects"]);
    assert!(ok && out.contains("Digitale affaldsløsninger") && out.contains("Fase 0: Identifikation"), "{out}");
    let (ok, _, err) = cli(&path, &["project-phase", &project, "2"]);
    assert!(!ok && err.contains("hvorfor projektet springer fra fase 0 til fase 2"), "{err}");
    let (ok, out, err) = cli(&path, &["project-phase", &project, "1", "--note", "Workshop holdt"]);
    assert!(ok, "{err}");
    assert!(out.contains("Fase 1: Forståelse  <- her står projektet") && out.contains("Workshop holdt"), "{out}");
    // Forward past a phase with the reason in --note.
    let (ok, out, err) = cli(&path, &["project-phase", &project, "3", "--note", "Ideerne kom fra nabokommunen"]);
    assert!(ok, "{err}");
    assert!(
        out.contains("Fase 3: Afprøvning  <- her står projektet") && out.contains("Ideerne kom fra nabokommunen"),
        "{out}"
    );
    let (ok, _, err) = cli(&path, &["project-phase", &project, "1"]);
    assert!(ok, "{err}");
    let (ok, out, _) = cli(&path, &["--lang", "en", "show-project", &project]);
    assert!(ok && out.contains("Phase 1: Understanding") && out.contains("from phase 0 to phase 1"), "{out}");
}

#[test]
fn a_schema_6_workspace_migrates_to_an_empty_cycle_and_no_projects() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pejling.sqlite3");
    std::fs::copy(crate::support::fixture("schema-6.sqlite3"), &path).unwrap();
    let mut db = Db::open(&path).unwrap();
    assert_eq!(db.workspace_status().unwrap().schema_version as i64, pejling::store::schema_version());
    let c = db.list_committees().unwrap()[0].id;
    assert!(db.list_cycle_entries(c).unwrap().is_empty());
    assert!(db.list_projects(None).unwrap().is_empty());
    let before = db.list_meetings(Some(c)).unwrap().len();
    db.create_cycle_entry(c, &entry("Budgetseminar", CycleRule::Weekday, 8, 5, 4, 1)).unwrap();
    assert_eq!(db.create_cycle_year(c, 2027).unwrap().created.len(), 1);
    assert_eq!(db.list_meetings(Some(c)).unwrap().len(), before + 1);
    let p = db
        .create_project(&NewProject {
            title: "Chatbot på borgerservice".into(),
            description: "".into(),
            committee_id: c,
        })
        .unwrap();
    assert_eq!(db.search("chatbot", 5).unwrap().iter().filter(|h| h.project_id == Some(p.id)).count(), 1);
}

#[test]
fn the_demo_has_an_annual_cycle_and_the_fall_prevention_project() {
    let mut db = Db::open_in_memory().unwrap();
    let c = pejling::demo::create_on(&mut db, chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()).unwrap();
    let y = db.cycle_year(c.id, 2027).unwrap();
    // The budget year's points, the projects' status, the temamøde, and (every other year, from
    // the year after the demo's temamøde) the conference on new technology.
    assert_eq!(y.occurrences.len(), 7);
    let conference = y.occurrences.iter().find(|o| o.entry.every_years == 2).unwrap();
    assert_eq!((conference.entry.first_year, conference.starts_at.as_str()), (2027, "2027-11-16T09:00"));
    let next = db.cycle_year(c.id, 2028).unwrap();
    assert_eq!(next.occurrences.len(), 6, "no conference in 2028");
    assert_eq!(db.cycle_year(c.id, 2029).unwrap().occurrences.len(), 7);
    for title in [
        "Regnskab for digitaliseringsområdet",
        "Budgetopfølgning pr. 31. marts",
        "Budgetlægning: udvalgets input til budgettet",
        "Budgetopfølgning pr. 30. september",
    ] {
        assert!(y.occurrences.iter().any(|o| o.entry.title == title), "{title}");
    }
    assert!(y.occurrences.iter().all(|o| o.meeting.is_none()), "the demo makes no meetings from its cycle");
    let theme = y.occurrences.iter().find(|o| o.entry.kind == MeetingKind::Theme).unwrap();
    assert_eq!(theme.starts_at, "2027-09-14T17:00", "the 2nd Tuesday of September");
    let projects = db.list_projects(Some(c.id)).unwrap();
    assert_eq!(projects.len(), 2);
    let fall = projects.iter().find(|p| p.title == "Algoritmer til forebyggelse af fald").unwrap();
    let screens = projects.iter().find(|p| p.title == "Skærmbesøg i hjemmeplejen").unwrap();
    let s = db.get_project(screens.id).unwrap();
    assert_eq!(s.project.phase, 2, "a project in phase 2, Ideudvikling");
    assert_eq!(s.history.len(), 3, "created, then phase 1, then phase 2");
    assert_eq!(s.phases[2].links.len(), 1);
    let d = db.get_project(fall.id).unwrap();
    assert_eq!(d.project.phase, 1);
    assert!(d.phases[0].stakeholders.contains("Ældrerådet"));
    assert_eq!(d.phases[0].links.len(), 1);
    let case = &d.phases[1].links[0];
    assert_eq!(case.item_title.as_deref(), Some("Algoritmer til forebyggelse af fald hos ældre borgere"));
    assert_eq!(case.item_number, Some(2));
}

#[test]
fn a_recurring_meeting_every_other_year_is_made_only_in_its_years() {
    let mut db = Db::open_in_memory().unwrap();
    let c = committee(&mut db, "Økonomiudvalget");
    let e = db
        .create_cycle_entry(
            c,
            &NewCycleEntry {
                every_years: 2,
                first_year: Some(2027),
                ..entry("Konference", CycleRule::Weekday, 11, 1, 4, 1)
            },
        )
        .unwrap();
    assert_eq!((e.every_years, e.first_year), (2, 2027));
    assert_eq!(db.create_cycle_year(c, 2027).unwrap().created.len(), 1);
    assert_eq!(db.create_cycle_year(c, 2028).unwrap().created.len(), 0, "not in the year between");
    assert_eq!(db.create_cycle_year(c, 2029).unwrap().created[0].starts_at, "2029-11-01T17:00");
    // Every year again from 2030 on; a third interval is refused in Danish, nothing changes.
    let e = db
        .update_cycle_entry(
            e.id,
            &CycleEntryPatch { every_years: Some(1), first_year: Some(2030), ..Default::default() },
        )
        .unwrap();
    assert!(
        db.cycle_year(c, 2029).unwrap().occurrences.is_empty()
            && db.cycle_year(c, 2031).unwrap().occurrences.len() == 1
    );
    let err = db.update_cycle_entry(e.id, &CycleEntryPatch { every_years: Some(3), ..Default::default() }).unwrap_err();
    assert_eq!(err.message().field, Some("every_years"));
    assert!(err.to_string().contains("uden for det tilladte"), "{err}");
    assert_eq!(db.list_cycle_entries(c).unwrap()[0].every_years, 1);
    // An entry made before (every year) has the cycle's first year.
    let plain = db.create_cycle_entry(c, &entry("Budget", CycleRule::Weekday, 6, 1, 2, 1)).unwrap();
    assert_eq!((plain.every_years, plain.first_year), (1, 1970));
}
