//! Approval, lock, fingerprint, amendments and the audit log of minutes.

use pejling_core::*;

struct Fixture {
    db: Db,
    meeting: Id,
    chair: Id,
    member: Id,
    secretary: Id,
    item: Id,
}

fn closed_meeting() -> Fixture {
    let mut db = Db::open_in_memory().unwrap();
    db.set_actor("Sofie Sekretær").unwrap();
    let c = db
        .create_committee(&NewCommittee {
            name: "Teknik- og Miljøudvalget".into(),
            kind: CommitteeKind::Standing,
            description: "".into(),
        })
        .unwrap();
    let add = |db: &mut Db, name: &str, role| {
        db.add_member(c.id, &NewMember { name: name.into(), role, party: None }).unwrap().person_id
    };
    let chair = add(&mut db, "Ida Formand", Role::Chair);
    let member = add(&mut db, "Bo Medlem", Role::Member);
    let secretary = add(&mut db, "Sofie Sekretær", Role::Secretary);
    let m = db
        .create_meeting(&NewMeeting {
            committee_id: c.id,
            title: "Udvalgsmøde".into(),
            kind: MeetingKind::Ordinary,
            starts_at: "2026-02-22T18:00".into(),
            ends_at: "2026-02-22T21:00".into(),
            place: "Udvalgsværelse G".into(),
        })
        .unwrap();
    let item = db.add_agenda_item(m.id, "Affaldsplan").unwrap().id;
    db.update_agenda_item(item, &AgendaItemPatch { decision: Some("Godkendt.".into()), ..Default::default() }).unwrap();
    for s in [MeetingStatus::AgendaSent, MeetingStatus::InProgress, MeetingStatus::Closed] {
        db.set_meeting_status(m.id, s).unwrap();
    }
    Fixture { db, meeting: m.id, chair, member, secretary, item }
}

#[test]
fn minutes_are_approved_by_members_and_then_locked() {
    let mut f = closed_meeting();
    let e = f.db.approve_minutes(f.meeting, f.secretary).unwrap_err();
    assert_eq!(e.message().key, "error-approver-not-member", "the secretary does not approve");
    let a = f.db.approve_minutes(f.meeting, f.chair).unwrap();
    assert_eq!((a.name.as_str(), a.role), ("Ida Formand", Role::Chair));
    assert_eq!(a.fingerprint.len(), 64);
    assert_eq!(f.db.get_meeting(f.meeting).unwrap().meeting.status, MeetingStatus::MinutesApproved);
    let second = f.db.approve_minutes(f.meeting, f.member).unwrap();
    assert_eq!(second.fingerprint, a.fingerprint);
    assert_eq!(f.db.approve_minutes(f.meeting, f.member).unwrap_err().kind(), ErrorKind::Conflict);
    assert_eq!(f.db.list_approvals(f.meeting).unwrap().len(), 2);
    let e =
        f.db.update_agenda_item(f.item, &AgendaItemPatch { decision: Some("Ændret".into()), ..Default::default() })
            .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Locked);
    assert!(e.to_string().contains("godkendt og låst"), "{e}");
}

#[test]
fn an_open_meeting_cannot_be_approved() {
    let mut f = closed_meeting();
    f.db.set_meeting_status(f.meeting, MeetingStatus::InProgress).unwrap();
    assert_eq!(f.db.approve_minutes(f.meeting, f.chair).unwrap_err().message().key, "error-approve-not-closed");
}

#[test]
fn verify_detects_a_tampered_row() {
    let mut f = closed_meeting();
    let report = f.db.verify_minutes(f.meeting).unwrap();
    assert!(!report.approved && !report.unchanged);
    f.db.approve_minutes(f.meeting, f.chair).unwrap();
    assert!(f.db.verify_minutes(f.meeting).unwrap().unchanged);
    // Someone edits the decision behind the app's back.
    f.db.connection().execute("UPDATE agenda_item SET decision = 'Forkastet.' WHERE id = ?1", [f.item]).unwrap();
    let report = f.db.verify_minutes(f.meeting).unwrap();
    assert!(report.approved && !report.unchanged);
    assert_ne!(report.approved_fingerprint.unwrap(), report.current_fingerprint);
    // Further approvals are refused: they would approve other content.
    assert_eq!(
        f.db.approve_minutes(f.meeting, f.member).unwrap_err().message().key,
        "error-minutes-changed-since-approval"
    );
    // And the tamper is in the audit log.
    let log = f.db.audit_log(f.meeting).unwrap();
    assert!(log.iter().any(|e| e.entity == "agenda_item" && e.changes.contains("Forkastet.")));
}

#[test]
fn an_amendment_is_recorded_and_does_not_change_the_approved_text() {
    let mut f = closed_meeting();
    let e =
        f.db.amend_minutes(f.meeting, Some(f.item), "decision", "Godkendt med bemærkning.", "Skrivefejl").unwrap_err();
    assert_eq!(e.message().key, "error-amend-not-approved");
    f.db.approve_minutes(f.meeting, f.chair).unwrap();
    assert_eq!(
        f.db.amend_minutes(f.meeting, Some(f.item), "decision", "x", "  ").unwrap_err().message().key,
        "error-amend-reason"
    );
    assert_eq!(
        f.db.amend_minutes(f.meeting, Some(f.item), "status", "x", "y").unwrap_err().message().key,
        "error-amend-field"
    );
    let a = f.db.amend_minutes(f.meeting, Some(f.item), "decision", "Godkendt med bemærkning.", "Skrivefejl").unwrap();
    assert_eq!((a.old_text.as_str(), a.made_by.as_str()), ("Godkendt.", "Sofie Sekretær"));
    assert_eq!(f.db.get_agenda_item(f.item).unwrap().decision, "Godkendt.");
    assert!(f.db.verify_minutes(f.meeting).unwrap().unchanged);
    assert_eq!(f.db.list_amendments(f.meeting).unwrap().len(), 1);
    // Amendments and approvals are permanent, even for raw SQL.
    assert!(f.db.connection().execute("DELETE FROM minutes_amendment", []).is_err());
    assert!(f.db.connection().execute("UPDATE minutes_approval SET name = 'x'", []).is_err());
    assert!(f.db.connection().execute("DELETE FROM audit_log", []).is_err());
}

#[test]
fn the_audit_log_records_who_changed_what_and_when() {
    let mut f = closed_meeting();
    let log = f.db.audit_log(f.meeting).unwrap();
    assert!(log.iter().all(|e| e.actor == "Sofie Sekretær"));
    let insert = log.iter().find(|e| e.entity == "meeting" && e.action == "insert").unwrap();
    assert!(insert.changes.contains("Udvalgsmøde"));
    let decision = log.iter().find(|e| e.entity == "agenda_item" && e.changes.contains("decision")).unwrap();
    let changes: serde_json::Value = serde_json::from_str(&decision.changes).unwrap();
    assert_eq!(changes, serde_json::json!({"decision": "Godkendt."}), "only the changed field");
    let statuses: Vec<_> = log.iter().filter(|e| e.changes.contains("status")).collect();
    assert!(statuses.len() >= 3);
    assert!(log.iter().all(|e| e.at.ends_with('Z')));
    f.db.set_actor("Ida Formand").unwrap();
    f.db.approve_minutes(f.meeting, f.chair).unwrap();
    let last = f.db.audit_log(f.meeting).unwrap().pop().unwrap();
    assert_eq!((last.actor.as_str(), last.changes.as_str()), ("Ida Formand", r#"{"status":"minutes_approved"}"#));
}

// ---- the secretary's times: began and adjourned --------------------------------------------

fn local_now() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

fn parse(t: &str) -> chrono::NaiveDateTime {
    chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M").unwrap()
}

#[test]
fn began_and_adjourned_are_marked_now_with_one_call_and_audited() {
    let mut f = closed_meeting();
    let m = f.db.get_meeting(f.meeting).unwrap().meeting;
    assert_eq!((m.began_at, m.adjourned_at), (None, None));
    let before = local_now();
    let began = f.db.mark_meeting_began(f.meeting).unwrap().began_at.unwrap();
    let adjourned = f.db.mark_meeting_adjourned(f.meeting).unwrap().adjourned_at.unwrap();
    let after = local_now();
    for t in [&began, &adjourned] {
        assert_eq!(t.len(), 16, "YYYY-MM-DDTHH:MM: {t}");
        let t = parse(t);
        assert!(t >= before - chrono::Duration::minutes(1) && t <= after, "local time now: {t}");
    }
    assert!(adjourned >= began);
    let log = f.db.audit_log(f.meeting).unwrap();
    assert!(log.iter().any(|e| e.changes == format!(r#"{{"began_at":"{began}"}}"#)), "{log:?}");
    assert!(log.iter().any(|e| e.changes == format!(r#"{{"adjourned_at":"{adjourned}"}}"#)));
}

#[test]
fn the_times_are_corrected_through_the_patch_and_never_adjourned_before_began() {
    let mut f = closed_meeting();
    let patch = |began: Option<&str>, adjourned: Option<&str>| MeetingPatch {
        began_at: began.map(Into::into),
        adjourned_at: adjourned.map(Into::into),
        ..Default::default()
    };
    let m = f.db.update_meeting(f.meeting, &patch(Some("2026-02-22 18:02"), Some("2026-02-22T21:00"))).unwrap();
    assert_eq!(
        (m.began_at.as_deref(), m.adjourned_at.as_deref()),
        (Some("2026-02-22T18:02"), Some("2026-02-22T21:00"))
    );
    // Adjourned before began is refused, on the field that was changed.
    let e = f.db.update_meeting(f.meeting, &patch(None, Some("2026-02-22T17:59"))).unwrap_err();
    assert_eq!((e.message().key, e.message().field), ("error-adjourned-before-began", Some("adjourned_at")));
    assert!(e.to_string().contains("hævet") && e.to_string().contains("påbegyndt"), "{e}");
    let e = f.db.update_meeting(f.meeting, &patch(Some("2026-02-22T21:30"), None)).unwrap_err();
    assert_eq!(e.message().field, Some("began_at"));
    let e = f.db.update_meeting(f.meeting, &patch(Some("kl. 18"), None)).unwrap_err();
    assert_eq!((e.message().key, e.message().field), ("error-time-invalid", Some("began_at")));
    // Marking the start now, after a recorded adjournment in the past, is refused too.
    assert_eq!(f.db.mark_meeting_began(f.meeting).unwrap_err().message().key, "error-adjourned-before-began");
    let m = f.db.get_meeting(f.meeting).unwrap().meeting;
    assert_eq!(m.began_at.as_deref(), Some("2026-02-22T18:02"), "nothing changed");
    // "" clears a time, and the audit log says so.
    let m = f.db.update_meeting(f.meeting, &patch(None, Some(""))).unwrap();
    assert_eq!(m.adjourned_at, None);
    assert!(f.db.audit_log(f.meeting).unwrap().iter().any(|e| e.changes == r#"{"adjourned_at":""}"#));
    // The schema holds the rule for every writer.
    let raw = f.db.connection().execute(
        "UPDATE meeting SET began_at = '2026-02-22T18:00', adjourned_at = '2026-02-22T17:00' WHERE id = ?1",
        [f.meeting],
    );
    assert!(raw.is_err());
    assert!(f.db.connection().execute("UPDATE meeting SET began_at = 'i går' WHERE id = ?1", [f.meeting]).is_err());
}

#[test]
fn the_times_are_locked_with_the_approved_minutes() {
    let mut f = closed_meeting();
    f.db.mark_meeting_began(f.meeting).unwrap();
    f.db.approve_minutes(f.meeting, f.chair).unwrap();
    for e in [
        f.db.mark_meeting_began(f.meeting).unwrap_err(),
        f.db.mark_meeting_adjourned(f.meeting).unwrap_err(),
        f.db.update_meeting(f.meeting, &MeetingPatch { began_at: Some(String::new()), ..Default::default() })
            .unwrap_err(),
    ] {
        assert_eq!(e.kind(), ErrorKind::Locked, "{e}");
    }
}

// ---- the fingerprint covers the times, the attendance and the walk ------------------------

/// The demo temamøde with a walk note, a question to the administration, a revealed position
/// and recorded times, closed and approved by the chair.
fn approved_temamoede() -> (Db, Id, Id) {
    let mut db = Db::open_in_memory().unwrap();
    let c = pejling_core::demo::create(&mut db).unwrap();
    let detail = db.get_committee(c.id).unwrap();
    let meeting = detail.meetings.iter().find(|m| m.title == pejling_core::demo::THEME_MEETING_TITLE).unwrap().id;
    let chair = detail.members.iter().find(|m| m.role == Role::Chair).unwrap().person_id;
    let case = db.list_agenda_items(meeting).unwrap()[1].id;
    db.save_step_note(case, 0, "Algoritmen bruger data, kommunen allerede har.").unwrap();
    db.add_question_to_administration(case, 1, "Hvor præcis er algoritmen?", Some(chair)).unwrap();
    db.set_position(case, 16, chair, &PositionInput::Value(30)).unwrap();
    db.reveal_positions(case, 16).unwrap();
    db.mark_meeting_began(meeting).unwrap();
    for s in [MeetingStatus::AgendaSent, MeetingStatus::InProgress, MeetingStatus::Closed] {
        db.set_meeting_status(meeting, s).unwrap();
    }
    db.mark_meeting_adjourned(meeting).unwrap();
    db.approve_minutes(meeting, chair).unwrap();
    assert!(db.verify_minutes(meeting).unwrap().unchanged);
    (db, meeting, case)
}

#[test]
fn verify_detects_a_walk_note_changed_behind_the_apps_back() {
    let (db, meeting, case) = approved_temamoede();
    let changed = db
        .connection()
        .execute("UPDATE step_note SET text = 'Algoritmen kræver nye data.' WHERE agenda_item_id = ?1", [case])
        .unwrap();
    assert_eq!(changed, 1);
    let report = db.verify_minutes(meeting).unwrap();
    assert!(report.approved && !report.unchanged, "{report:?}");
    assert!(db.audit_log(meeting).unwrap().iter().any(|e| e.entity == "step_note" && e.action == "update"));
}

#[test]
fn verify_detects_changed_times_attendance_positions_and_questions() {
    let tampers: &[(&str, &str)] = &[
        ("began", "UPDATE meeting SET began_at = '2020-01-01T00:00' WHERE id = ?1"),
        ("adjourned", "UPDATE meeting SET adjourned_at = NULL WHERE id = ?1"),
        ("guest", "INSERT INTO meeting_guest (meeting_id, name) VALUES (?1, 'Ekstra Gæst')"),
        ("position", "UPDATE continuum_position SET value = 90 WHERE agenda_item_id IN (SELECT id FROM agenda_item WHERE meeting_id = ?1)"),
        ("question", "UPDATE follow_up SET text = 'Et andet spørgsmål' WHERE meeting_id = ?1"),
        ("case", "UPDATE walk_plan SET case_problem = 'Noget andet' WHERE agenda_item_id IN (SELECT id FROM agenda_item WHERE meeting_id = ?1)"),
    ];
    for (what, sql) in tampers {
        let (db, meeting, _) = approved_temamoede();
        assert_eq!(db.connection().execute(sql, [meeting]).unwrap(), 1, "{what}");
        assert!(!db.verify_minutes(meeting).unwrap().unchanged, "{what} is minutes content");
    }
    // The attendance of approved minutes is refused by the schema itself (schema 9), and the
    // schema check at every open refuses a file whose triggers were dropped to get round it.
    let (db, meeting, _) = approved_temamoede();
    let e = db
        .connection()
        .execute(
            "UPDATE attendance SET status = 'absent' WHERE meeting_id = ?1 AND person_id = (SELECT min(person_id) FROM attendance WHERE meeting_id = ?1)",
            [meeting],
        )
        .unwrap_err();
    assert!(e.to_string().contains("permanent"), "{e}");
    assert!(db.verify_minutes(meeting).unwrap().unchanged);
}

#[test]
fn the_follow_up_of_questions_and_later_membership_changes_leave_the_fingerprint_alone() {
    let (mut db, meeting, _) = approved_temamoede();
    // Following a question up (owner, status, answer) is not a change of the minutes.
    db.connection()
        .execute(
            "UPDATE follow_up SET status = 'answered', owner = 'Forvaltningen', answer = 'Ca. 70 %' WHERE meeting_id = ?1",
            [meeting],
        )
        .unwrap();
    assert!(db.verify_minutes(meeting).unwrap().unchanged);
    // Attendance is as written down at approval: a member who leaves, a new member, a role
    // change, change nothing.
    let committee = db.get_meeting(meeting).unwrap().committee.id;
    let members = db.get_committee(committee).unwrap().members;
    let leaving = members.iter().find(|m| m.role == Role::Member).unwrap().person_id;
    db.remove_member(committee, leaving).unwrap();
    db.add_member(committee, &NewMember { name: "Ny Politiker".into(), role: Role::Member, party: None }).unwrap();
    let vice = members.iter().find(|m| m.role == Role::ViceChair).unwrap().person_id;
    db.update_member(committee, vice, &MemberPatch { role: Some(Role::Chair), ..Default::default() }).unwrap();
    assert!(db.verify_minutes(meeting).unwrap().unchanged);
}
