//! Approval, lock, fingerprint, amendments and the audit log of minutes.

use pejling::*;

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
    db.set_actor("Sofie Sekretær");
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
    f.db.set_actor("Ida Formand");
    f.db.approve_minutes(f.meeting, f.chair).unwrap();
    let last = f.db.audit_log(f.meeting).unwrap().pop().unwrap();
    assert_eq!((last.actor.as_str(), last.changes.as_str()), ("Ida Formand", r#"{"status":"minutes_approved"}"#));
}
