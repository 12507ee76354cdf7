//! Property tests of the domain rules, on the real migrations: agenda ordering under any
//! sequence of adds, moves and deletes; status transitions; the lock after approval.

use pejling_core::*;
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Op {
    Add(String),
    Move(usize, u32),
    Delete(usize),
    Edit(usize, String),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        "[a-zæøåA-ZÆØÅ <>&\"']{0,12}".prop_map(Op::Add),
        (0usize..20, 0u32..25).prop_map(|(i, n)| Op::Move(i, n)),
        (0usize..20).prop_map(Op::Delete),
        (0usize..20, "(?s).{0,40}").prop_map(|(i, t)| Op::Edit(i, t)),
    ]
}

fn setup() -> (Db, Id) {
    let mut db = Db::open_in_memory().unwrap();
    let c = db
        .create_committee(&NewCommittee {
            name: "Udvalget".into(),
            kind: CommitteeKind::Standing,
            description: "".into(),
        })
        .unwrap();
    let m = db
        .create_meeting(&NewMeeting {
            committee_id: c.id,
            title: "Møde".into(),
            kind: MeetingKind::Ordinary,
            starts_at: "2026-01-01T10:00".into(),
            ends_at: "2026-01-01T12:00".into(),
            place: "".into(),
        })
        .unwrap();
    (db, m.id)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    /// Whatever happens, the agenda is numbered 1..n without gaps and matches a simple model.
    #[test]
    fn agenda_order_matches_a_model(ops in proptest::collection::vec(op(), 1..30)) {
        let (mut db, meeting) = setup();
        let mut model: Vec<(Id, String)> = Vec::new();
        for op in ops {
            match op {
                Op::Add(title) => match db.add_agenda_item(meeting, &title) {
                    Ok(item) => model.push((item.id, title.trim().to_owned())),
                    Err(e) => prop_assert!(title.trim().is_empty() && e.kind() == ErrorKind::Validation),
                },
                Op::Move(i, n) if !model.is_empty() => {
                    let i = i % model.len();
                    let moved = model.remove(i);
                    let at = (n.max(1) as usize - 1).min(model.len());
                    model.insert(at, moved.clone());
                    db.move_agenda_item(moved.0, n).unwrap();
                }
                Op::Delete(i) if !model.is_empty() => {
                    let (id, _) = model.remove(i % model.len());
                    db.delete_agenda_item(id).unwrap();
                }
                Op::Edit(i, text) if !model.is_empty() => {
                    let (id, _) = model[i % model.len()];
                    let saved = db.update_agenda_item(id, &AgendaItemPatch { background: Some(text.clone()), ..Default::default() });
                    if text.contains('\0') {
                        prop_assert!(saved.is_err());
                    } else {
                        prop_assert_eq!(saved.unwrap().background, text);
                    }
                }
                _ => {}
            }
            let items = db.list_agenda_items(meeting).unwrap();
            prop_assert_eq!(items.iter().map(|i| i.number).collect::<Vec<_>>(), (1..=items.len() as u32).collect::<Vec<_>>());
            prop_assert_eq!(items.iter().map(|i| (i.id, i.title.clone())).collect::<Vec<_>>(), model.clone());
        }
    }

    /// Any sequence of status requests and approvals: only one-step moves succeed, approval
    /// is the only way to `minutes_approved` and needs a closed meeting, nothing leaves
    /// `minutes_approved`, and once approved every edit is refused.
    #[test]
    fn status_walks_one_step_and_approval_locks(targets in proptest::collection::vec(0usize..6, 1..25)) {
        let (mut db, meeting) = setup();
        let committee = db.get_meeting(meeting).unwrap().committee.id;
        let chair = db.add_member(committee, &NewMember { name: "Formand Fiktiv".into(), role: Role::Chair, party: None }).unwrap();
        let item = db.add_agenda_item(meeting, "Punkt").unwrap();
        let mut current = MeetingStatus::Draft;
        let mut approved_by_chair = false;
        for t in targets {
            if t == 5 {
                let result = db.approve_minutes(meeting, chair.person_id);
                let allowed = matches!(current, MeetingStatus::Closed | MeetingStatus::MinutesApproved) && !approved_by_chair;
                prop_assert_eq!(result.is_ok(), allowed);
                if allowed {
                    current = MeetingStatus::MinutesApproved;
                    approved_by_chair = true;
                }
            } else {
                let to = MeetingStatus::ALL[t];
                let result = db.set_meeting_status(meeting, to);
                if to == current {
                    prop_assert!(result.is_ok());
                } else if current.can_move_to(to) && to != MeetingStatus::MinutesApproved {
                    prop_assert_eq!(result.unwrap().status, to);
                    current = to;
                } else {
                    prop_assert!(result.is_err());
                }
            }
            let edit = db.update_agenda_item(item.id, &AgendaItemPatch { decision: Some("x".into()), ..Default::default() });
            prop_assert_eq!(edit.is_err(), current == MeetingStatus::MinutesApproved);
            if let Err(e) = edit {
                prop_assert_eq!(e.kind(), ErrorKind::Locked);
            }
        }
        prop_assert_eq!(db.get_meeting(meeting).unwrap().meeting.status, current);
    }
}

// ---- the lock after approval, for every kind of edit ------------------------------------

/// The demo temamøde, closed and approved by its chair.
fn approved_demo() -> (Db, MeetingDetail, Id, Vec<Id>) {
    let mut db = Db::open_in_memory().unwrap();
    pejling_core::demo::create(&mut db).unwrap();
    let m = db
        .list_meetings(None)
        .unwrap()
        .into_iter()
        .find(|m| m.title == pejling_core::demo::THEME_MEETING_TITLE)
        .unwrap();
    let mut status = m.status;
    while status != MeetingStatus::Closed {
        let next = MeetingStatus::ALL[MeetingStatus::ALL.iter().position(|s| *s == status).unwrap() + 1];
        status = db.set_meeting_status(m.id, next).unwrap().status;
    }
    let detail = db.get_meeting(m.id).unwrap();
    let people: Vec<Id> = db.get_committee(detail.committee.id).unwrap().members.iter().map(|p| p.person_id).collect();
    let walk_item =
        detail.items.iter().find(|i| db.get_walk(i.id).map(|w| !w.steps.is_empty()).unwrap_or(false)).unwrap().id;
    let chair = db
        .get_committee(detail.committee.id)
        .unwrap()
        .members
        .iter()
        .find(|p| p.role == Role::Chair)
        .unwrap()
        .person_id;
    db.approve_minutes(m.id, chair).unwrap();
    (db, detail, walk_item, people)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    /// Once the minutes are approved, every edit of the meeting — its fields, status and
    /// times, its agenda, the walk's notes, questions, plan and positions, attendance and
    /// guests — is refused as locked, in any order and with any input, and the database is
    /// exactly as it was.
    #[test]
    fn approved_minutes_refuse_every_edit(ops in proptest::collection::vec((0usize..16, "(?s)[^\\x00]{0,30}", 0u32..10), 1..25)) {
        let (mut db, detail, walk_item, people) = approved_demo();
        let meeting = detail.meeting.id;
        let item = detail.items[0].id;
        let before = crate::support::snapshot(&db);
        for (kind, text, n) in ops {
            let person = people[n as usize % people.len()];
            let r: Result<()> = match kind {
                0 => db.update_agenda_item(item, &AgendaItemPatch { decision: Some(text.clone()), ..Default::default() }).map(drop),
                1 => db.update_agenda_item(item, &AgendaItemPatch { openness: Some(Openness::Closed), ..Default::default() }).map(drop),
                2 => db.add_agenda_item(meeting, &format!("x{text}")).map(drop),
                3 => db.move_agenda_item(item, n + 1).map(drop),
                4 => db.delete_agenda_item(item).map(drop),
                5 => db.update_meeting(meeting, &MeetingPatch { title: Some(format!("x{text}")), ..Default::default() }).map(drop),
                6 => db.set_meeting_status(meeting, MeetingStatus::ALL[n as usize % 4]).map(drop),
                7 => db.mark_meeting_began(meeting).map(drop),
                8 => db.save_step_note(walk_item, n % 3, &text),
                9 => db.add_question_to_administration(walk_item, n % 3, &format!("x{text}"), None).map(drop),
                10 => db.set_attendance(meeting, person, Attendance::ALL[n as usize % 3]).map(drop),
                11 => db.add_meeting_guest(meeting, &format!("x{text}"), "").map(drop),
                12 => db.set_position(walk_item, n, person, &PositionInput::Value((n * 10) as u8)).map(drop),
                13 => db.set_walk_plan(walk_item, &WalkPlan::default()).map(drop),
                14 => db.set_current_step(meeting, walk_item, n % 3).map(drop),
                _ => db.delete_meeting(meeting).map(drop),
            };
            let e = r.expect_err("an edit of approved minutes went through");
            prop_assert!(
                e.kind() == ErrorKind::Locked || (kind == 6 && e.kind() == ErrorKind::Validation),
                "edit {} refused as {:?}, not as locked: {}", kind, e.kind(), e
            );
        }
        prop_assert!(crate::support::snapshot(&db) == before, "a refused edit changed the database");
        prop_assert!(db.verify_minutes(meeting).unwrap().unchanged, "the approved minutes still verify");
    }
}
