//! Property tests of the domain rules, on the real migrations: agenda ordering under any
//! sequence of adds, moves and deletes; status transitions; the lock after approval.

use pejling::*;
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
