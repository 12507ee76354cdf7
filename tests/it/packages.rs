//! Meeting packages (.pejling files) between two databases, on the real migrations: the round
//! trip that merges notes from both machines, conflicts listed and resolved (never dropped),
//! closed items left out by default, locked minutes refusing a merge, and hostile packages
//! refused with nothing written.

use pejling::packages::{self, ConflictChoice, MergeEntity, Resolution};
use pejling::*;

struct Origin {
    db: Db,
    meeting: Id,
    case: Id,
    closed_item: Id,
    politicians: Vec<Id>,
}

/// The demo workspace on "this" machine, with the case item's walk and one closed item.
fn origin() -> Origin {
    let mut db = Db::open_in_memory().unwrap();
    db.set_actor("Sekretær Hansen").unwrap();
    let c = demo::create_on(&mut db, chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()).unwrap();
    let detail = db.get_committee(c.id).unwrap();
    let meeting = detail.meetings.iter().find(|m| m.title == pejling::demo::THEME_MEETING_TITLE).unwrap().id;
    let items = db.list_agenda_items(meeting).unwrap();
    let closed_item = items[2].id;
    db.update_agenda_item(closed_item, &AgendaItemPatch { openness: Some(Openness::Closed), ..Default::default() })
        .unwrap();
    closed_item_with_plan(&mut db, closed_item);
    db.save_step_note(closed_item, 0, "Fortroligt notat").unwrap();
    let politicians = detail
        .members
        .iter()
        .filter(|m| matches!(m.role, Role::Chair | Role::ViceChair | Role::Member | Role::CitizenMember))
        .map(|m| m.person_id)
        .collect();
    Origin { db, meeting, case: items[1].id, closed_item, politicians }
}

/// Give the closed item a one-question plan, so it has something to leave out.
fn closed_item_with_plan(db: &mut Db, item: Id) -> Id {
    let case_walk = db.list_agenda_items(db.get_agenda_item(item).unwrap().meeting_id).unwrap()[1].id;
    let part = db.get_walk(case_walk).unwrap().plan.parts[0].clone();
    let plan = WalkPlan {
        case_technology: String::new(),
        case_problem: String::new(),
        parts: vec![WalkPlanPart { selection: vec![part.selection[0].clone()], ..part }],
    };
    db.set_walk_plan(item, &plan).unwrap();
    item
}

fn continuum_step(db: &Db, item: Id) -> u32 {
    db.get_walk(item).unwrap().steps.iter().find(|s| s.is_continuum).expect("the demo walk has a continuum").index
}

fn export(db: &Db, meeting: Id) -> Vec<u8> {
    serde_json::to_vec_pretty(&db.export_package(meeting, false).unwrap()).unwrap()
}

fn laptop() -> Db {
    let db = Db::open_in_memory().unwrap();
    db.set_actor("Formand Jensen").unwrap();
    db
}

fn uuid_of(db: &Db, table: &str, id: Id) -> String {
    db.connection().query_row(&format!("SELECT uuid FROM {table} WHERE id = ?1"), [id], |r| r.get(0)).unwrap()
}

fn id_by_uuid(db: &Db, table: &str, uuid: &str) -> Id {
    db.connection().query_row(&format!("SELECT id FROM {table} WHERE uuid = ?1"), [uuid], |r| r.get(0)).unwrap()
}

#[test]
fn every_row_gets_a_stable_uuid() {
    let o = origin();
    let c = o.db.connection();
    for table in ["committee", "person", "meeting", "agenda_item"] {
        let bad: i64 = c
            .query_row(&format!("SELECT count(*) FROM {table} WHERE uuid IS NULL OR length(uuid) <> 36"), [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(bad, 0, "{table}");
    }
    let u = uuid_of(&o.db, "meeting", o.meeting);
    assert_eq!(&u[14..15], "4", "version 4: {u}");
    assert!(
        c.execute("UPDATE meeting SET uuid = 'x' WHERE id = ?1", [o.meeting]).is_err(),
        "a stable id never changes"
    );
}

#[test]
fn round_trip_merges_notes_from_both_machines() {
    let mut o = origin();
    let walk = o.db.get_walk(o.case).unwrap();
    assert!(walk.steps.len() >= 3);
    o.db.save_step_note(o.case, 0, "Noteret før pakken").unwrap();
    let package = export(&o.db, o.meeting);

    // The laptop imports it and takes notes, positions, a question and attendance there.
    let mut l = laptop();
    let imported = l.import_package(&package).unwrap();
    assert!(imported.closed_items_left_out >= 1);
    let l_items = l.list_agenda_items(imported.meeting_id).unwrap();
    let case_uuid = uuid_of(&o.db, "agenda_item", o.case);
    let l_case = l_items.iter().find(|i| uuid_of(&l, "agenda_item", i.id) == case_uuid).unwrap().id;
    assert_eq!(l.step_note(l_case, 0).unwrap(), "Noteret før pakken");
    l.save_step_note(l_case, 1, "Taget på den bærbare").unwrap();
    let cstep = continuum_step(&l, l_case);
    let p0 = id_by_uuid(&l, "person", &uuid_of(&o.db, "person", o.politicians[0]));
    l.set_position(l_case, cstep, p0, &PositionInput::Value(70)).unwrap();
    // A second person at the laptop writes the question: attributed to them, not to the exporter.
    l.set_actor("Næstformand Ibsen").unwrap();
    l.add_question_to_administration(l_case, 1, "Hvad koster driften?", Some(p0)).unwrap();
    l.set_actor("Formand Jensen").unwrap();
    let p1 = id_by_uuid(&l, "person", &uuid_of(&o.db, "person", o.politicians[1]));
    l.set_attendance(imported.meeting_id, p1, Attendance::Apologies).unwrap();
    let back = export(&l, imported.meeting_id);

    // Meanwhile the original machine notes something on another step.
    o.db.save_step_note(o.case, 2, "Taget på mødecomputeren").unwrap();

    let preview = o.db.preview_package_merge(&back).unwrap();
    assert!(preview.conflicts.is_empty(), "{:?}", preview.conflicts);
    let kinds: Vec<MergeEntity> = preview.changes.iter().map(|c| c.entity).collect();
    for k in [MergeEntity::Note, MergeEntity::Position, MergeEntity::Question, MergeEntity::Attendance] {
        assert!(kinds.contains(&k), "{k:?} in {kinds:?}");
    }
    assert_eq!(preview.exported_by, "Formand Jensen");
    let by = |needle: &str| preview.changes.iter().find(|c| c.theirs == needle).map(|c| c.changed_by.clone());
    assert_eq!(by("Taget på den bærbare").as_deref(), Some("Formand Jensen"));
    assert_eq!(by("Hvad koster driften?").as_deref(), Some("Næstformand Ibsen"));
    let out = o.db.merge_package(&back, &[]).unwrap();
    assert_eq!(out.applied as usize, preview.changes.len());

    // Notes from both machines, and what the laptop recorded.
    assert_eq!(o.db.step_note(o.case, 0).unwrap(), "Noteret før pakken");
    assert_eq!(o.db.step_note(o.case, 1).unwrap(), "Taget på den bærbare");
    assert_eq!(o.db.step_note(o.case, 2).unwrap(), "Taget på mødecomputeren");
    let qs = o.db.list_questions_to_administration(o.case).unwrap();
    assert!(qs.iter().any(|q| q.text == "Hvad koster driften?" && q.asked_by == Some(o.politicians[0])));
    let att = o.db.list_attendance(o.meeting).unwrap();
    assert_eq!(att.people.iter().find(|e| e.person_id == o.politicians[1]).unwrap().attendance, Attendance::Apologies);
    o.db.reveal_positions(o.case, cstep).unwrap();
    o.db.set_positions_named(o.meeting, true).unwrap();
    let result = o.db.continuum_result(o.case, cstep).unwrap();
    assert!(result.values.iter().any(|v| v.value == 70 && v.person_id == Some(o.politicians[0])));
    // The closed item's note was never in the package and is untouched.
    let closed_note: String =
        o.db.connection()
            .query_row("SELECT text FROM step_note WHERE agenda_item_id = ?1", [o.closed_item], |r| r.get(0))
            .unwrap();
    assert_eq!(closed_note, "Fortroligt notat");

    // Attributed: the audit log's provenance columns name the laptop's person, the package's
    // machine and who merged it; the change is made here by who merged it.
    let provenance = |changes_like: &str, entity: &str| -> (String, String, String, String) {
        o.db.connection()
            .query_row(
                "SELECT actor, author, via_package, merged_by FROM audit_log WHERE entity = ?1 AND changes LIKE ?2
                 ORDER BY id DESC",
                [entity, changes_like],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap()
    };
    let (actor, author, via, merged_by) = provenance("%den bærbare%", "step_note");
    assert_eq!(
        (actor.as_str(), author.as_str(), merged_by.as_str()),
        ("Sekretær Hansen", "Formand Jensen", "Sekretær Hansen")
    );
    assert_eq!(via, preview.source, "the package's machine");
    let (_, question_author, _, _) = provenance("%koster driften%", "follow_up");
    assert_eq!(question_author, "Næstformand Ibsen");
    // Changes made here afterwards carry no package provenance.
    o.db.save_step_note(o.case, 3, "Efter fletningen").unwrap();
    let (actor, author): (String, Option<String>) =
        o.db.connection()
            .query_row("SELECT actor, author FROM audit_log WHERE changes LIKE '%Efter fletningen%'", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
    assert_eq!((actor.as_str(), author), ("Sekretær Hansen", None));
    assert_eq!(o.db.actor(), "Sekretær Hansen", "the actor is restored");
    let (by, changes): (String, String) =
        o.db.connection()
            .query_row("SELECT merged_by, changes FROM package_merge WHERE id = ?1", [out.merge_id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
    assert_eq!(by, "Sekretær Hansen");
    assert!(changes.contains("Taget på den bærbare") && changes.contains("Formand Jensen"));
    assert!(changes.contains("\"author\":\"Næstformand Ibsen\""), "{changes}");

    // Merging the same package again changes nothing.
    let again = o.db.preview_package_merge(&back).unwrap();
    assert!(again.changes.is_empty() && again.conflicts.is_empty(), "{again:?}");
}

#[test]
fn conflicts_are_listed_and_never_silently_dropped() {
    let mut o = origin();
    o.db.save_step_note(o.case, 0, "Fælles udgangspunkt").unwrap();
    let cstep = continuum_step(&o.db, o.case);
    o.db.set_position(o.case, cstep, o.politicians[0], &PositionInput::Value(50)).unwrap();
    let package = export(&o.db, o.meeting);
    let mut l = laptop();
    let imported = l.import_package(&package).unwrap();
    let case_uuid = uuid_of(&o.db, "agenda_item", o.case);
    let l_case = id_by_uuid(&l, "agenda_item", &case_uuid);
    let p0 = id_by_uuid(&l, "person", &uuid_of(&o.db, "person", o.politicians[0]));
    l.save_step_note(l_case, 0, "Ændret på den bærbare").unwrap();
    l.set_position(l_case, cstep, p0, &PositionInput::Value(90)).unwrap();
    let back = export(&l, imported.meeting_id);

    o.db.save_step_note(o.case, 0, "Ændret her").unwrap();
    o.db.set_position(o.case, cstep, o.politicians[0], &PositionInput::Value(10)).unwrap();

    let preview = o.db.preview_package_merge(&back).unwrap();
    assert_eq!(preview.conflicts.len(), 2, "{:?}", preview.conflicts);
    let note = preview.conflicts.iter().find(|c| c.entity == MergeEntity::Note).unwrap();
    assert_eq!((note.mine.as_str(), note.theirs.as_str()), ("Ændret her", "Ændret på den bærbare"));
    assert_eq!(note.choices, vec![Resolution::Mine, Resolution::Theirs, Resolution::Both]);
    let pos = preview.conflicts.iter().find(|c| c.entity == MergeEntity::Position).unwrap();
    assert_eq!((pos.mine.as_str(), pos.theirs.as_str()), ("10", "90"));
    assert_eq!(pos.choices, vec![Resolution::Mine, Resolution::Theirs], "a position cannot be both");

    // Unresolved: refused, nothing written.
    let audit_before: i64 = o.db.connection().query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0)).unwrap();
    let e = o.db.merge_package(&back, &[]).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict);
    assert!(e.to_string().contains("konflikt"), "{e}");
    let only_one = [ConflictChoice { key: note.key.clone(), resolution: Resolution::Both }];
    assert!(o.db.merge_package(&back, &only_one).is_err());
    // "Both" is not a choice for a position.
    let bad = [only_one[0].clone(), ConflictChoice { key: pos.key.clone(), resolution: Resolution::Both }];
    assert!(o.db.merge_package(&back, &bad).is_err());
    let audit_after: i64 = o.db.connection().query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0)).unwrap();
    assert_eq!(audit_before, audit_after);
    assert_eq!(o.db.step_note(o.case, 0).unwrap(), "Ændret her");

    // Resolved: keep both notes, take their position.
    let choices = [only_one[0].clone(), ConflictChoice { key: pos.key.clone(), resolution: Resolution::Theirs }];
    let out = o.db.merge_package(&back, &choices).unwrap();
    assert_eq!(out.conflicts_resolved, 2);
    assert_eq!(o.db.step_note(o.case, 0).unwrap(), "Ændret her\n\nÆndret på den bærbare");
    o.db.reveal_positions(o.case, cstep).unwrap();
    let r = o.db.continuum_result(o.case, cstep).unwrap();
    assert_eq!(r.values.iter().map(|v| v.value).collect::<Vec<_>>(), vec![90]);
    let changes: String = o.db.connection().query_row("SELECT changes FROM package_merge", [], |r| r.get(0)).unwrap();
    assert!(changes.contains("\"resolution\":\"both\"") && changes.contains("\"resolution\":\"theirs\""), "{changes}");
}

#[test]
fn keep_mine_keeps_mine() {
    let mut o = origin();
    let package = export(&o.db, o.meeting);
    let mut l = laptop();
    let imported = l.import_package(&package).unwrap();
    let l_case = id_by_uuid(&l, "agenda_item", &uuid_of(&o.db, "agenda_item", o.case));
    l.save_step_note(l_case, 0, "Deres").unwrap();
    let back = export(&l, imported.meeting_id);
    o.db.save_step_note(o.case, 0, "Min").unwrap();
    let preview = o.db.preview_package_merge(&back).unwrap();
    let key = preview.conflicts[0].key.clone();
    o.db.merge_package(&back, &[ConflictChoice { key, resolution: Resolution::Mine }]).unwrap();
    assert_eq!(o.db.step_note(o.case, 0).unwrap(), "Min");
}

#[test]
fn closed_items_are_left_out_by_default() {
    let o = origin();
    let closed_uuid = uuid_of(&o.db, "agenda_item", o.closed_item);
    let p = o.db.export_package(o.meeting, false).unwrap();
    let closed: u32 = o
        .db
        .connection()
        .query_row("SELECT count(*) FROM agenda_item WHERE meeting_id = ?1 AND openness = 'closed'", [o.meeting], |r| {
            r.get(0)
        })
        .unwrap();
    assert!(closed >= 1);
    assert_eq!(p.closed_items_left_out, closed);
    assert!(p.items.iter().all(|i| i.uuid != closed_uuid && i.openness == Openness::Open));
    assert!(p.records.notes.iter().all(|n| n.item != closed_uuid && n.text != "Fortroligt notat"));
    let text = serde_json::to_string(&p).unwrap();
    assert!(!text.contains("Fortroligt notat"));

    let all = o.db.export_package(o.meeting, true).unwrap();
    assert_eq!(all.closed_items_left_out, 0);
    assert!(all.items.iter().any(|i| i.uuid == closed_uuid));
    assert!(all.records.notes.iter().any(|n| n.text == "Fortroligt notat"));
}

#[test]
fn import_refuses_a_meeting_already_here_and_finds_committee_and_people() {
    let mut o = origin();
    let package = export(&o.db, o.meeting);
    let mut l = laptop();
    l.import_package(&package).unwrap();
    let committees = l.list_committees().unwrap().len();
    let e = l.import_package(&package).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict);
    assert!(e.to_string().contains("findes allerede"), "{e}");

    // Another meeting of the same committee joins the same committee and people.
    // (The demo's earlier meetings have approved minutes, which are never packaged: a new one.)
    let committee_id = o.db.get_meeting(o.meeting).unwrap().committee.id;
    let other =
        o.db.create_meeting(&NewMeeting {
            committee_id,
            title: "Ekstra udvalgsmøde".into(),
            kind: MeetingKind::Ordinary,
            starts_at: "2027-01-12T17:00".into(),
            ends_at: "2027-01-12T19:00".into(),
            place: "Udvalgsværelse G".into(),
        })
        .unwrap();
    l.import_package(&export(&o.db, other.id)).unwrap();
    assert_eq!(l.list_committees().unwrap().len(), committees);
    let people: i64 = l.connection().query_row("SELECT count(*) FROM person", [], |r| r.get(0)).unwrap();
    let origin_people: i64 = o.db.connection().query_row("SELECT count(*) FROM person", [], |r| r.get(0)).unwrap();
    assert_eq!(people, origin_people);
}

#[test]
fn a_locked_meeting_refuses_a_merge() {
    let mut o = origin();
    let package = export(&o.db, o.meeting);
    let mut l = laptop();
    let imported = l.import_package(&package).unwrap();
    let l_case = id_by_uuid(&l, "agenda_item", &uuid_of(&o.db, "agenda_item", o.case));
    l.save_step_note(l_case, 0, "Sent").unwrap();
    let back = export(&l, imported.meeting_id);
    o.db.connection().execute("UPDATE meeting SET status = 'minutes_approved' WHERE id = ?1", [o.meeting]).unwrap();
    let e = o.db.merge_package(&back, &[]).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Locked);
    assert!(e.to_string().contains("låst"), "{e}");
    assert!(o.db.preview_package_merge(&back).is_err());
    assert!(o.db.export_package(o.meeting, false).is_err(), "no package of locked minutes");
}

#[test]
fn merge_into_an_unknown_meeting_is_refused() {
    let o = origin();
    let package = export(&o.db, o.meeting);
    let mut l = laptop();
    let e = l.merge_package(&package, &[]).unwrap_err();
    assert!(e.to_string().contains("Importér"), "{e}");
}

#[test]
fn hostile_packages_are_refused_with_nothing_written() {
    let o = origin();
    let good = String::from_utf8(export(&o.db, o.meeting)).unwrap();
    let p = o.db.export_package(o.meeting, false).unwrap();
    let step = &p.items.iter().find(|i| !i.steps.is_empty()).unwrap().steps[0];
    let huge = vec![b' '; packages::MAX_PACKAGE_BYTES + 1];
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty", vec![], "ikke en Pejling-mødepakke"),
        ("random bytes", vec![0xff, 0x00, 0x13, 0x80], "beskadiget"),
        ("other JSON", br#"{"name": "x"}"#.to_vec(), "ikke en Pejling-mødepakke"),
        (
            "a question set",
            pejling::question_sets::built_in_sources()[0].as_bytes().to_vec(),
            "ikke en Pejling-mødepakke",
        ),
        (
            "newer format",
            good.replacen("\"format_version\": 2", "\"format_version\": 99", 1).into_bytes(),
            "nyere Pejling",
        ),
        ("cut short", good.as_bytes()[..good.len() / 2].to_vec(), "linje"),
        ("too large", huge, "for stor"),
        ("bad uuid", good.replacen(&p.meeting.uuid, "'; DROP TABLE meeting; --", 1).into_bytes(), "beskadiget"),
        ("unknown field", good.replacen("\"format\":", "\"evil\": 1, \"format\":", 1).into_bytes(), "beskadiget"),
        (
            "unknown question",
            good.replace(&format!("\"question_id\": \"{}\"", step.question_id), "\"question_id\": \"nope\"")
                .into_bytes(),
            "beskadiget",
        ),
        (
            "position out of range",
            serde_json::to_vec(&{
                let mut q = p.clone();
                q.records.positions.push(packages::PkgPosition {
                    item: p.items[0].uuid.clone(),
                    set_id: step.set_id.clone(),
                    question_id: step.question_id.clone(),
                    person: p.people[0].uuid.clone(),
                    value: Some(250),
                    skip_reason: None,
                    updated_at: String::new(),
                });
                q
            })
            .unwrap(),
            "beskadiget",
        ),
        (
            "over-long title",
            serde_json::to_vec(&{
                let mut q = p.clone();
                q.meeting.title = "x".repeat(10_000);
                q
            })
            .unwrap(),
            "",
        ),
        (
            "approved minutes",
            good.replacen(
                &format!("\"status\": \"{}\"", p.meeting.status.as_str()),
                "\"status\": \"minutes_approved\"",
                1,
            )
            .into_bytes(),
            "beskadiget",
        ),
    ];
    let mut l = laptop();
    let before = crate::support::snapshot(&l);
    for (name, bytes, says) in cases {
        let e = l.import_package(&bytes).expect_err(name);
        assert_eq!(e.kind(), ErrorKind::Validation, "{name}: {e}");
        let text = e.to_string();
        assert!(text.contains(says) && !text.contains("error-"), "{name}: {text}");
        assert_eq!(crate::support::snapshot(&l), before, "{name}: nothing written");
    }
    // A file on disk goes the same way.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.pejling");
    std::fs::write(&path, b"\x00\x01 not a package").unwrap();
    assert!(l.import_package_file(&path).is_err());
    assert_eq!(crate::support::snapshot(&l), before);
    // The good one imports, and the file round trip works.
    let file = dir.path().join("møde.pejling");
    o.db.export_package_to(o.meeting, false, &file).unwrap();
    l.import_package_file(&file).unwrap();
}

#[test]
fn existing_rows_get_uuids_when_schema_7_is_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite3");
    std::fs::copy(crate::support::fixture("schema-7.sqlite3"), &path).unwrap();
    let db = Db::open(&path).unwrap();
    for table in ["committee", "person", "meeting", "agenda_item", "follow_up"] {
        let (all, good): (i64, i64) = db
            .connection()
            .query_row(
                &format!(
                    "SELECT count(*), count(DISTINCT uuid) FILTER (WHERE uuid GLOB
                     '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-*-4*') FROM {table}"
                ),
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!(all, good, "{table}: every row has its own version-4 uuid");
    }
    let meetings: i64 = db.connection().query_row("SELECT count(*) FROM meeting", [], |r| r.get(0)).unwrap();
    assert!(meetings > 0, "the fixture has rows to backfill");
}

/// `pejling package-export | package-import | package-merge` on two database files.
#[test]
fn command_line_round_trip_with_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.sqlite3"), dir.path().join("b.sqlite3"));
    let run = |db: &std::path::Path, args: &[&str]| {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_pejling"))
            .arg("--db")
            .arg(db)
            .args(args)
            .env_remove("PEJLING_LANG")
            .output()
            .unwrap();
        (o.status.success(), String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr))
    };
    let (meeting, case) = {
        let mut db = Db::open(&a).unwrap();
        let c = demo::create_on(&mut db, chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()).unwrap();
        let m = db
            .get_committee(c.id)
            .unwrap()
            .meetings
            .into_iter()
            .find(|m| m.title == pejling::demo::THEME_MEETING_TITLE)
            .unwrap()
            .id;
        (m, db.list_agenda_items(m).unwrap()[1].id)
    };
    let out = dir.path().join("ud.pejling");
    let (ok, text) = run(&a, &["package-export", &meeting.to_string(), "--out", out.to_str().unwrap()]);
    assert!(ok, "{text}");
    let (ok, text) = run(&b, &["package-import", out.to_str().unwrap(), "--json"]);
    assert!(ok, "{text}");
    let imported: packages::PackageImported = serde_json::from_str(&text).unwrap();
    let (ok, text) = run(&b, &["package-import", out.to_str().unwrap()]);
    assert!(!ok && text.contains("findes allerede"), "{text}");
    {
        let mut db = Db::open(&b).unwrap();
        let item = id_by_uuid(&db, "agenda_item", &uuid_of(&Db::open(&a).unwrap(), "agenda_item", case));
        db.save_step_note(item, 0, "Derude").unwrap();
        Db::open(&a).unwrap().save_step_note(case, 0, "Herinde").unwrap();
    }
    let back = dir.path().join("hjem.pejling");
    let (ok, text) = run(&b, &["package-export", &imported.meeting_id.to_string(), "--out", back.to_str().unwrap()]);
    assert!(ok, "{text}");
    let (ok, text) = run(&a, &["package-merge", back.to_str().unwrap()]);
    assert!(!ok, "an unresolved conflict refuses: {text}");
    assert!(
        text.contains("Én konflikt skal afgøres") && text.contains("\"Herinde\"") && text.contains("\"Derude\""),
        "{text}"
    );
    let (ok, text) = run(&a, &["package-merge", back.to_str().unwrap(), "--all", "both"]);
    assert!(ok, "{text}");
    assert_eq!(Db::open(&a).unwrap().step_note(case, 0).unwrap(), "Herinde\n\nDerude");
}
