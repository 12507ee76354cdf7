//! Integration tests of the core on the real migrations, through the same `Db` calls the
//! app's commands make.

use pejling_core::*;

fn db() -> Db {
    Db::open_in_memory().expect("in-memory database with the real migrations")
}

fn committee(db: &mut Db, name: &str) -> Committee {
    db.create_committee(&NewCommittee { name: name.into(), kind: CommitteeKind::Standing, description: String::new() })
        .unwrap()
}

fn meeting(db: &mut Db, committee_id: Id) -> Meeting {
    db.create_meeting(&NewMeeting {
        committee_id,
        title: "Udvalgsmøde".into(),
        kind: MeetingKind::Ordinary,
        starts_at: "2026-02-22T18:00".into(),
        ends_at: "2026-02-22T21:00".into(),
        place: "Udvalgsværelse G".into(),
    })
    .unwrap()
}

fn titles(items: &[AgendaItem]) -> Vec<(u32, String)> {
    items.iter().map(|i| (i.number, i.title.clone())).collect()
}

#[test]
fn committee_names_are_unique_regardless_of_case_and_spacing() {
    let mut db = db();
    committee(&mut db, "Økonomiudvalget");
    let err = db
        .create_committee(&NewCommittee {
            name: "  økonomiudvalget ".into(),
            kind: CommitteeKind::Finance,
            description: "".into(),
        })
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert_eq!(err.message().field, Some("name"));
    assert!(err.to_string().contains("Der findes allerede et udvalg"), "{err}");
    assert_eq!(db.list_committees().unwrap().len(), 1, "nothing written on error");
}

#[test]
fn renaming_to_an_existing_name_is_refused_and_keeps_the_old_name() {
    let mut db = db();
    let a = committee(&mut db, "Børne- og Skoleudvalget");
    committee(&mut db, "Kultur- og Fritidsudvalget");
    let err = db
        .update_committee(
            a.id,
            &CommitteePatch { name: Some("KULTUR- OG FRITIDSUDVALGET".into()), ..Default::default() },
        )
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert_eq!(db.get_committee(a.id).unwrap().committee.name, "Børne- og Skoleudvalget");
    // Renaming to itself with other casing is fine.
    let renamed = db
        .update_committee(a.id, &CommitteePatch { name: Some("Børne- og skoleudvalget".into()), ..Default::default() })
        .unwrap();
    assert_eq!(renamed.name, "Børne- og skoleudvalget");
}

#[test]
fn empty_names_and_titles_are_refused_with_the_field() {
    let mut db = db();
    let e = db
        .create_committee(&NewCommittee { name: " \n ".into(), kind: CommitteeKind::Other, description: "".into() })
        .unwrap_err();
    assert_eq!((e.kind(), e.message().field), (ErrorKind::Validation, Some("name")));
    let c = committee(&mut db, "Teknik- og Miljøudvalget");
    let m = meeting(&mut db, c.id);
    let e = db.add_agenda_item(m.id, "   ").unwrap_err();
    assert_eq!((e.kind(), e.message().field), (ErrorKind::Validation, Some("title")));
    let item = db.add_agenda_item(m.id, "Budget 2027").unwrap();
    let e =
        db.update_agenda_item(item.id, &AgendaItemPatch { title: Some("".into()), ..Default::default() }).unwrap_err();
    assert_eq!(e.message().field, Some("title"));
    assert_eq!(db.get_agenda_item(item.id).unwrap().title, "Budget 2027", "the saved title survives");
}

#[test]
fn a_meeting_must_end_after_it_starts() {
    let mut db = db();
    let c = committee(&mut db, "Social- og Seniorudvalget");
    let mut input = NewMeeting {
        committee_id: c.id,
        title: "Møde".into(),
        kind: MeetingKind::Theme,
        starts_at: "2026-03-01T18:00".into(),
        ends_at: "2026-03-01T17:59".into(),
        place: "".into(),
    };
    let e = db.create_meeting(&input).unwrap_err();
    assert_eq!(e.message().field, Some("ends_at"));
    assert!(e.to_string().contains("Sluttidspunktet skal ligge efter starttidspunktet"), "{e}");
    input.ends_at = "ikke en tid".into();
    assert_eq!(db.create_meeting(&input).unwrap_err().message().key, "error-time-invalid");
    input.ends_at = "2026-03-01T20:00".into();
    let m = db.create_meeting(&input).unwrap();
    // Moving the start past the end is refused on the start field; nothing changes.
    let e = db
        .update_meeting(m.id, &MeetingPatch { starts_at: Some("2026-03-01T20:30".into()), ..Default::default() })
        .unwrap_err();
    assert_eq!(e.message().field, Some("starts_at"));
    assert_eq!(db.get_meeting(m.id).unwrap().meeting.starts_at, "2026-03-01T18:00");
    // Moving both together is fine.
    let moved = db
        .update_meeting(
            m.id,
            &MeetingPatch {
                starts_at: Some("2026-03-02T09:00".into()),
                ends_at: Some("2026-03-02T11:00".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!((moved.starts_at.as_str(), moved.ends_at.as_str()), ("2026-03-02T09:00", "2026-03-02T11:00"));
}

#[test]
fn danish_long_texts_with_line_breaks_round_trip_exactly() {
    let mut db = db();
    let c = committee(&mut db, "Opgaveudvalget for ældre og sundhed");
    let m = meeting(&mut db, c.id);
    let item = db.add_agenda_item(m.id, "Velfærdsteknologi på plejecentrene").unwrap();
    let long = "Æbler, øl og ål — «citat» og “anførsel”.\n\n  1. Indrykket punkt\r\n2. Næste\n".repeat(2000);
    let patch = AgendaItemPatch {
        summary: Some(long.clone()),
        case_id: Some(" EMN-2018-00874 ".into()),
        openness: Some(Openness::Closed),
        ..Default::default()
    };
    let saved = db.update_agenda_item(item.id, &patch).unwrap();
    assert_eq!(saved.summary, long);
    assert_eq!(saved.case_id, "EMN-2018-00874", "one-line fields are trimmed");
    assert_eq!(saved.openness, Openness::Closed);
    assert_eq!(db.get_meeting(m.id).unwrap().items[0].summary, long);
}

#[test]
fn too_long_text_is_refused_and_nothing_is_written() {
    let mut db = db();
    let c = committee(&mut db, "Klimaudvalget");
    let m = meeting(&mut db, c.id);
    let item = db.add_agenda_item(m.id, "Punkt").unwrap();
    let patch = AgendaItemPatch {
        background: Some("gemmes ikke".into()),
        decision: Some("x".repeat(200_001)),
        ..Default::default()
    };
    let e = db.update_agenda_item(item.id, &patch).unwrap_err();
    assert_eq!(e.message().field, Some("decision"));
    assert_eq!(db.get_agenda_item(item.id).unwrap().background, "", "no partial write");
}

#[test]
fn agenda_items_are_numbered_by_order_and_reorder_and_delete_renumber() {
    let mut db = db();
    let c = committee(&mut db, "Byrådet");
    let m = meeting(&mut db, c.id);
    let ids: Vec<Id> = ["A", "B", "C", "D"].iter().map(|t| db.add_agenda_item(m.id, t).unwrap().id).collect();
    let order = db.move_agenda_item(ids[3], 1).unwrap();
    assert_eq!(titles(&order), vec![(1, "D".into()), (2, "A".into()), (3, "B".into()), (4, "C".into())]);
    let order = db.move_agenda_item(ids[0], 99).unwrap();
    assert_eq!(titles(&order).iter().map(|t| t.1.as_str()).collect::<String>(), "DBCA");
    let order = db.move_agenda_item(ids[0], 0).unwrap();
    assert_eq!(titles(&order).iter().map(|t| t.1.as_str()).collect::<String>(), "ADBC");
    let order = db.delete_agenda_item(ids[3]).unwrap();
    assert_eq!(titles(&order), vec![(1, "A".into()), (2, "B".into()), (3, "C".into())]);
    let added = db.add_agenda_item(m.id, "E").unwrap();
    assert_eq!(added.number, 4);
}

#[test]
fn members_sit_on_several_committees_and_are_listed_chair_first() {
    let mut db = db();
    let a = committee(&mut db, "Udvalg A");
    let b = committee(&mut db, "Udvalg B");
    let m = db
        .add_member(a.id, &NewMember { name: "Birthe Ravn".into(), role: Role::Member, party: Some(" ".into()) })
        .unwrap();
    assert_eq!(m.party, None, "a blank party is no party");
    db.add_member(
        a.id,
        &NewMember { name: "Anders Øster".into(), role: Role::Chair, party: Some("Fælleslisten".into()) },
    )
    .unwrap();
    let again = db.add_existing_member(b.id, m.person_id, Role::ViceChair).unwrap();
    assert_eq!(again.role, Role::ViceChair);
    assert_eq!(db.add_existing_member(b.id, m.person_id, Role::Member).unwrap_err().kind(), ErrorKind::Conflict);
    let members = db.list_members(a.id).unwrap();
    assert_eq!(members.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(), ["Anders Øster", "Birthe Ravn"]);
    // A rename shows on both committees.
    db.update_member(a.id, m.person_id, &MemberPatch { name: Some("Birthe Ravn-Hansen".into()), ..Default::default() })
        .unwrap();
    assert_eq!(db.list_members(b.id).unwrap()[0].name, "Birthe Ravn-Hansen");
    db.remove_member(a.id, m.person_id).unwrap();
    assert_eq!(db.list_members(a.id).unwrap().len(), 1);
    assert_eq!(db.list_people().unwrap().len(), 2, "the person stays known");
    assert_eq!(db.get_committee(b.id).unwrap().committee.member_count, 1);
}

#[test]
fn status_moves_one_step_at_a_time_and_approved_minutes_are_locked() {
    let mut db = db();
    let c = committee(&mut db, "Økonomiudvalget");
    let m = meeting(&mut db, c.id);
    let item = db.add_agenda_item(m.id, "Regnskab").unwrap();
    let e = db.set_meeting_status(m.id, MeetingStatus::Closed).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation);
    for s in [MeetingStatus::AgendaSent, MeetingStatus::InProgress, MeetingStatus::Closed] {
        assert_eq!(db.set_meeting_status(m.id, s).unwrap().status, s);
    }
    let e = db.set_meeting_status(m.id, MeetingStatus::MinutesApproved).unwrap_err();
    assert_eq!(e.message().key, "error-approve-via-approval");
    let chair = db.add_member(c.id, &NewMember { name: "Ida Formand".into(), role: Role::Chair, party: None }).unwrap();
    db.approve_minutes(m.id, chair.person_id).unwrap();
    assert_eq!(db.get_meeting(m.id).unwrap().meeting.status, MeetingStatus::MinutesApproved);
    let locked = |e: Error| assert_eq!(e.kind(), ErrorKind::Locked, "{e}");
    locked(db.set_meeting_status(m.id, MeetingStatus::Closed).unwrap_err());
    locked(
        db.update_agenda_item(item.id, &AgendaItemPatch { decision: Some("Ændret".into()), ..Default::default() })
            .unwrap_err(),
    );
    locked(db.update_meeting(m.id, &MeetingPatch { title: Some("Nyt".into()), ..Default::default() }).unwrap_err());
    locked(db.add_agenda_item(m.id, "Nyt punkt").unwrap_err());
    locked(db.move_agenda_item(item.id, 1).unwrap_err());
    locked(db.delete_agenda_item(item.id).unwrap_err());
    locked(db.delete_meeting(m.id).unwrap_err());
    assert_eq!(db.delete_committee(c.id).unwrap_err().kind(), ErrorKind::Conflict);
    assert_eq!(db.get_agenda_item(item.id).unwrap().decision, "");
}

#[test]
fn missing_things_are_not_found() {
    let mut db = db();
    let e = db.get_meeting(42).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    assert!(e.to_string().contains("Møde nr. 42"), "{e}");
    assert_eq!(db.add_agenda_item(7, "x").unwrap_err().kind(), ErrorKind::NotFound);
    assert_eq!(db.delete_committee(7).unwrap_err().kind(), ErrorKind::NotFound);
}

#[test]
fn api_error_carries_kind_message_field_and_key() {
    let mut db = db();
    let e = db
        .create_committee(&NewCommittee { name: "".into(), kind: CommitteeKind::Task, description: "".into() })
        .unwrap_err();
    let api = e.to_api(Lang::En);
    let v = serde_json::to_value(&api).unwrap();
    assert_eq!(v["kind"], "validation");
    assert_eq!(v["field"], "name");
    assert_eq!(v["key"], "error-name-empty");
    assert!(v["message"].as_str().unwrap().starts_with("Enter a name"));
    assert!(ApiError::from(e).message.starts_with("Skriv et navn"));
}

#[test]
fn the_demo_workspace_is_meaningful_and_not_created_twice() {
    let mut db = db();
    assert!(db.workspace_status().unwrap().is_empty);
    let c = pejling_core::demo::create(&mut db).unwrap();
    assert_eq!(c.kind, CommitteeKind::Task);
    let detail = db.get_committee(c.id).unwrap();
    assert!(detail.members.len() >= 6);
    assert_eq!(detail.members[0].role, Role::Chair);
    let theme =
        detail.meetings.iter().find(|m| m.title == pejling_core::demo::THEME_MEETING_TITLE).expect("a temamøde");
    assert!(theme.title.contains("Algoritmer til forebyggelse af fald hos ældre borgere"));
    let items = db.get_meeting(theme.id).unwrap().items;
    assert!(items.iter().any(|i| i.openness == Openness::Closed), "a closed item to show (Lukket)");
    assert!(items.iter().any(|i| !i.recommendation.is_empty() && !i.background.is_empty()));
    assert!(!db.workspace_status().unwrap().is_empty);
    assert_eq!(pejling_core::demo::create(&mut db).unwrap_err().kind(), ErrorKind::Conflict);
    assert_eq!(db.list_committees().unwrap().len(), 1);
}
