//! Limits on hostile and bad input: every text a user types has a length limit and every
//! list a user grows has a count limit; going over is refused with a Danish message that says
//! the limit, names the field where there is one, and writes nothing.

use pejling_core::*;

fn setup() -> (Db, Committee, Meeting) {
    let mut db = Db::open_in_memory().unwrap();
    let c = db
        .create_committee(&NewCommittee {
            name: "Opgaveudvalget for grænser".into(),
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
    (db, c, m)
}

fn rows(db: &Db, table: &str) -> i64 {
    db.connection().query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

fn assert_too_long(e: Error, field: &str) {
    assert_eq!(e.kind(), ErrorKind::Validation, "{e}");
    assert_eq!(e.message().field.unwrap(), field, "{e}");
    assert!(e.to_string().contains("Teksten er for lang"), "{e}");
    assert!(e.to_string().contains("højst"), "{e}");
}

#[test]
fn every_typed_text_has_a_length_limit_with_a_danish_message() {
    let (mut db, c, m) = setup();
    let title = "x".repeat(501);
    let short = "x".repeat(201);
    let long = "x".repeat(200_001);
    let item = db.add_agenda_item(m.id, "Punkt").unwrap();

    assert_too_long(
        db.create_committee(&NewCommittee { name: title.clone(), kind: CommitteeKind::Task, description: "".into() })
            .unwrap_err(),
        "name",
    );
    assert_too_long(
        db.create_committee(&NewCommittee { name: "Ok".into(), kind: CommitteeKind::Task, description: long.clone() })
            .unwrap_err(),
        "description",
    );
    assert_too_long(
        db.add_member(c.id, &NewMember { name: title.clone(), role: Role::Member, party: None }).unwrap_err(),
        "name",
    );
    assert_too_long(
        db.add_member(c.id, &NewMember { name: "Ok".into(), role: Role::Member, party: Some(short.clone()) })
            .unwrap_err(),
        "party",
    );
    assert_too_long(
        db.update_meeting(m.id, &MeetingPatch { place: Some(short.clone()), ..Default::default() }).unwrap_err(),
        "place",
    );
    assert_too_long(db.add_agenda_item(m.id, &title).unwrap_err(), "title");
    assert_too_long(
        db.update_agenda_item(item.id, &AgendaItemPatch { case_id: Some(short.clone()), ..Default::default() })
            .unwrap_err(),
        "case_id",
    );
    for (field, patch) in [
        ("summary", AgendaItemPatch { summary: Some(long.clone()), ..Default::default() }),
        ("background", AgendaItemPatch { background: Some(long.clone()), ..Default::default() }),
        ("recommendation", AgendaItemPatch { recommendation: Some(long.clone()), ..Default::default() }),
        ("previous_decisions", AgendaItemPatch { previous_decisions: Some(long.clone()), ..Default::default() }),
        ("decision", AgendaItemPatch { decision: Some(long.clone()), ..Default::default() }),
    ] {
        assert_too_long(db.update_agenda_item(item.id, &patch).unwrap_err(), field);
    }
    assert_too_long(db.add_meeting_guest(m.id, &title, "").unwrap_err(), "name");
    assert_too_long(db.add_meeting_guest(m.id, "Gæst", &title).unwrap_err(), "affiliation");
    assert_too_long(db.set_actor(&title).unwrap_err(), "name");
    assert_ne!(db.actor(), title.trim(), "the over-long name is not recorded");

    // Nothing of it was written.
    assert_eq!(rows(&db, "committee"), 1);
    assert_eq!(rows(&db, "person"), 0);
    assert_eq!(rows(&db, "meeting_guest"), 0);
    let stored = db.get_agenda_item(item.id).unwrap();
    assert_eq!((stored.case_id.as_str(), stored.decision.as_str()), ("", ""));
}

#[test]
fn an_agenda_stops_at_its_limit_and_says_so() {
    let (mut db, _c, m) = setup();
    for i in 0..300 {
        db.add_agenda_item(m.id, &format!("Punkt {i}")).unwrap();
    }
    let e = db.add_agenda_item(m.id, "Ét punkt for meget").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation);
    assert_eq!(e.to_string(), "En dagsorden kan højst have 300 punkter.");
    assert_eq!(e.localized(Lang::En), "An agenda has at most 300 items.");
    assert_eq!(db.list_agenda_items(m.id).unwrap().len(), 300, "nothing was added");
    // Deleting one makes room again.
    let first = db.list_agenda_items(m.id).unwrap()[0].id;
    db.delete_agenda_item(first).unwrap();
    db.add_agenda_item(m.id, "Nu er der plads").unwrap();
}

#[test]
fn members_and_guests_stop_at_their_limits() {
    let (mut db, c, m) = setup();
    for i in 0..200 {
        db.add_member(c.id, &NewMember { name: format!("Medlem {i}"), role: Role::Member, party: None }).unwrap();
    }
    let e =
        db.add_member(c.id, &NewMember { name: "Én for mange".into(), role: Role::Member, party: None }).unwrap_err();
    assert_eq!(e.to_string(), "Et udvalg kan højst have 200 medlemmer.");
    assert_eq!(rows(&db, "person"), 200, "the refused person was not created either");

    // An existing person cannot be added past the limit either.
    let other = db
        .create_committee(&NewCommittee {
            name: "Andet udvalg".into(),
            kind: CommitteeKind::Other,
            description: "".into(),
        })
        .unwrap();
    let p = db.add_member(other.id, &NewMember { name: "Ekstra".into(), role: Role::Member, party: None }).unwrap();
    assert!(db.add_existing_member(c.id, p.person_id, Role::Member).is_err());

    for i in 0..200 {
        db.add_meeting_guest(m.id, &format!("Gæst {i}"), "").unwrap();
    }
    let e = db.add_meeting_guest(m.id, "Én gæst for meget", "").unwrap_err();
    assert_eq!(e.to_string(), "Et møde kan højst have 200 gæster.");
    assert_eq!(rows(&db, "meeting_guest"), 200);
}

#[test]
fn committees_and_meetings_stop_at_their_limits() {
    let mut db = Db::open_in_memory().unwrap();
    for i in 0..500 {
        db.create_committee(&NewCommittee {
            name: format!("Udvalg {i}"),
            kind: CommitteeKind::Other,
            description: "".into(),
        })
        .unwrap();
    }
    let e = db
        .create_committee(&NewCommittee {
            name: "Udvalg 501".into(),
            kind: CommitteeKind::Other,
            description: "".into(),
        })
        .unwrap_err();
    assert!(e.to_string().starts_with("Arbejdsområdet kan højst rumme 500 udvalg."), "{e}");
    assert_eq!(rows(&db, "committee"), 500);

    let c = db.list_committees().unwrap()[0].id;
    let tx = db.connection().unchecked_transaction().unwrap();
    // Fill up to the limit directly (2000 meetings through the API take long in debug builds).
    for i in 0..2000 {
        tx.execute(
            "INSERT INTO meeting (committee_id, title, kind, starts_at, ends_at, place) VALUES (?1, ?2, 'ordinary', '2026-01-01T10:00', '2026-01-01T11:00', '')",
            rusqlite::params![c, format!("Møde {i}")],
        )
        .unwrap();
    }
    tx.commit().unwrap();
    let e = db
        .create_meeting(&NewMeeting {
            committee_id: c,
            title: "Ét møde for meget".into(),
            kind: MeetingKind::Ordinary,
            starts_at: "2027-01-01T10:00".into(),
            ends_at: "2027-01-01T11:00".into(),
            place: String::new(),
        })
        .unwrap_err();
    assert_eq!(e.to_string(), "Et udvalg kan højst have 2000 møder.");
    assert_eq!(rows(&db, "meeting"), 2000);
}

#[test]
fn a_question_set_with_too_many_questions_is_refused_at_the_line() {
    let mut db = Db::open_in_memory().unwrap();
    let mut src = String::from(
        "schema = 1\nid = \"mange\"\nversion = 1\nkind = \"questions\"\ntitle = { da = \"Mange\" }\n\n[[groups]]\nid = \"g\"\ntitle = { da = \"G\" }\n",
    );
    for i in 0..1001 {
        src.push_str(&format!("\n[[groups.questions]]\nid = \"q{i}\"\ntext = {{ da = \"Spørgsmål {i}?\" }}\n"));
    }
    let e = db.import_question_set(&src).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation, "{e}");
    assert!(e.to_string().contains("mere end 1000 spørgsmål"), "{e}");
    let line: usize = e.message().args.iter().find(|(k, _)| *k == "line").unwrap().1.parse().unwrap();
    assert_eq!(src.lines().nth(line - 1).unwrap(), "id = \"q1000\"", "the line of the 1001st question");
    assert_eq!(rows(&db, "question_set"), 0);
}
