//! Follow-up items (opfølgning) across meetings on the real migrations: the story — a
//! question to the administration raised in the demo temamøde appears on the committee's
//! follow-up list, is offered on the next meeting's agenda, is answered and closed — and the
//! rules around it: validation, what approved minutes lock, the filters, and the positions
//! over time.

use chrono::{Duration, Local, NaiveDateTime};
use pejling::*;

/// The demo workspace, created so that its temamøde began about two weeks ago.
struct Demo {
    db: Db,
    committee: Id,
    /// The demo temamøde.
    theme: Id,
    /// "Algoritmer til forebyggelse af fald hos ældre borgere", with the walk plan.
    case: Id,
    chair: Id,
    politicians: Vec<Id>,
}

fn demo() -> Demo {
    let mut db = Db::open_in_memory().unwrap();
    let today = Local::now().date_naive() - Duration::days(35);
    let c = demo::create_without_history_on(&mut db, today).unwrap();
    let detail = db.get_committee(c.id).unwrap();
    let theme = detail.meetings.iter().find(|m| m.title == pejling::demo::THEME_MEETING_TITLE).unwrap().id;
    let items = db.list_agenda_items(theme).unwrap();
    let politicians = detail
        .members
        .iter()
        .filter(|m| matches!(m.role, Role::Chair | Role::ViceChair | Role::Member | Role::CitizenMember))
        .map(|m| m.person_id)
        .collect();
    Demo {
        committee: c.id,
        theme,
        case: items[1].id,
        chair: detail.members.iter().find(|m| m.role == Role::Chair).unwrap().person_id,
        politicians,
        db,
    }
}

fn now() -> NaiveDateTime {
    Local::now().naive_local()
}

fn local(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M").to_string()
}

/// A new ordinary meeting of the committee, `days` from now.
fn next_meeting(d: &mut Demo, days: i64) -> Meeting {
    let at = now() + Duration::days(days);
    d.db.create_meeting(&NewMeeting {
        committee_id: d.committee,
        title: "Udvalgsmøde".into(),
        kind: MeetingKind::Ordinary,
        starts_at: local(at),
        ends_at: local(at + Duration::hours(2)),
        place: "Udvalgsværelse G".into(),
    })
    .unwrap()
}

fn close_and_approve(d: &mut Demo, meeting: Id) {
    for s in [MeetingStatus::AgendaSent, MeetingStatus::InProgress, MeetingStatus::Closed] {
        d.db.set_meeting_status(meeting, s).unwrap();
    }
    d.db.approve_minutes(meeting, d.chair).unwrap();
}

fn patch() -> FollowUpPatch {
    FollowUpPatch::default()
}

fn ids(items: &[FollowUpItem]) -> Vec<Id> {
    items.iter().map(|f| f.id).collect()
}

#[test]
fn a_question_raised_in_the_demo_temamode_is_listed_offered_answered_and_closed() {
    let mut d = demo();
    let text = "Hvor mange borgere vil algoritmen udpege om året, og hvem ringer til dem?";
    let q = d.db.add_question_to_administration(d.case, 3, text, Some(d.politicians[2])).unwrap();
    let theme = d.theme;
    close_and_approve(&mut d, theme);
    let approved = d.db.minutes_fingerprint(d.theme).unwrap();

    // 1. It appears on the committee's follow-up list, open, with a link back to where it was
    //    raised.
    let list = d.db.follow_up_list(d.committee).unwrap();
    assert_eq!(ids(&list.items), [q.id]);
    let f = &list.items[0];
    assert_eq!((f.origin, f.status, f.text.as_str()), (FollowUpOrigin::Question, FollowUpStatus::Open, text));
    assert_eq!(
        (f.meeting_id, f.agenda_item_id, f.item_number, f.step),
        (Some(d.theme), Some(d.case), Some(2), Some(3))
    );
    assert_eq!(f.meeting_title.as_deref(), Some(demo::THEME_MEETING_TITLE));
    assert!(f.asked_by_name.is_some());
    assert!(f.text_locked, "the approved minutes quote the question");
    assert_eq!(list.last_meeting.as_ref().map(|m| m.id), Some(d.theme), "the temamøde is the last meeting");
    assert_eq!((list.pending_count, list.overdue_count, list.answered_since_last_meeting_count), (1, 0, 0));

    // Following it up is not editing the approved minutes: owner and due date can be set.
    let yesterday = (Local::now().date_naive() - Duration::days(1)).format("%Y-%m-%d").to_string();
    let f =
        d.db.update_follow_up(
            q.id,
            &FollowUpPatch {
                owner: Some("Center for Sundhed og Omsorg".into()),
                due_date: Some(yesterday.clone()),
                status: Some(FollowUpStatus::InProgress),
                ..patch()
            },
        )
        .unwrap();
    assert_eq!((f.owner.as_str(), f.due_date.as_deref()), ("Center for Sundhed og Omsorg", Some(yesterday.as_str())));
    assert!(f.overdue, "due yesterday and not answered");
    assert_eq!(d.db.follow_up_list(d.committee).unwrap().overdue_count, 1);

    // 2. It is offered when the next meeting is prepared; the chair accepts.
    let next = next_meeting(&mut d, 7);
    let offer = d.db.follow_up_offer(next.id).unwrap();
    assert_eq!(ids(&offer.items), [q.id]);
    assert!(!offer.has_follow_up_item);
    let item = d.db.add_follow_up_agenda_item(next.id, &[q.id]).unwrap();
    assert_eq!(item.title, "Opfølgning");
    assert_eq!(item.meeting_id, next.id);
    assert!(item.summary.contains(text), "{}", item.summary);
    assert!(item.summary.contains("Ansvarlig: Center for Sundhed og Omsorg."), "{}", item.summary);
    assert!(item.summary.contains("Status: Under behandling."), "{}", item.summary);
    assert!(item.summary.contains(&format!("Fra {}", demo::THEME_MEETING_TITLE)), "{}", item.summary);
    assert!(item.summary.contains("punkt 2."), "{}", item.summary);
    assert_eq!(ids(&d.db.follow_ups_on_agenda_item(item.id).unwrap()), [q.id]);
    let offer = d.db.follow_up_offer(next.id).unwrap();
    assert!(offer.items.is_empty(), "what is on the agenda is not offered again");
    assert!(offer.has_follow_up_item);
    let listed = d.db.get_follow_up(q.id).unwrap().listed_on;
    assert_eq!(listed.len(), 1);
    assert_eq!((listed[0].meeting_id, listed[0].agenda_item_id, listed[0].item_number), (next.id, item.id, 1));

    // 3. It is answered: not without an answer, and the approved question's text stays.
    let e =
        d.db.update_follow_up(q.id, &FollowUpPatch { status: Some(FollowUpStatus::Answered), ..patch() }).unwrap_err();
    assert_eq!((e.kind(), e.message().field), (ErrorKind::Validation, Some("answer")));
    let e = d.db.update_follow_up(q.id, &FollowUpPatch { text: Some("Noget andet".into()), ..patch() }).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Locked);
    assert_eq!(d.db.delete_follow_up(q.id).unwrap_err().kind(), ErrorKind::Locked);
    let answer = "Forvaltningen forventer 120-150 borgere om året. Visitator ringer inden for en uge.";
    let f =
        d.db.update_follow_up(
            q.id,
            &FollowUpPatch { status: Some(FollowUpStatus::Answered), answer: Some(answer.into()), ..patch() },
        )
        .unwrap();
    assert_eq!((f.status, f.answer.as_str()), (FollowUpStatus::Answered, answer));
    assert!(f.answered_at.is_some() && !f.overdue);
    assert!(f.answered_since_last_meeting, "answered after the temamøde began");
    let list = d.db.follow_up_list(d.committee).unwrap();
    assert_eq!((list.pending_count, list.overdue_count, list.answered_since_last_meeting_count), (0, 0, 1));
    // The answer is on the next meeting's agenda item as it stands now.
    assert_eq!(d.db.follow_ups_on_agenda_item(item.id).unwrap()[0].answer, answer);
    // …and is found by search.
    let hits = d.db.search("visitator", 10).unwrap();
    assert!(hits.iter().any(|h| h.kind == SearchKind::FollowUp && h.meeting_id == Some(d.theme)), "{hits:?}");

    // 4. The committee closes it at the next meeting. The temamøde's approved minutes are as
    //    they were approved.
    let f = d.db.update_follow_up(q.id, &FollowUpPatch { status: Some(FollowUpStatus::Closed), ..patch() }).unwrap();
    assert_eq!(f.status, FollowUpStatus::Closed);
    assert_eq!(f.answered_at, d.db.get_follow_up(q.id).unwrap().answered_at, "closing keeps when it was answered");
    assert_eq!(d.db.minutes_fingerprint(d.theme).unwrap(), approved);
    assert!(d.db.verify_minutes(d.theme).unwrap().unchanged);
    let later = next_meeting(&mut d, 40);
    assert!(d.db.follow_up_offer(later.id).unwrap().items.is_empty(), "a closed item is not offered");
    // Every step is in the audit log of the meeting it came from.
    let audit = d.db.audit_log(d.theme).unwrap();
    let changes: Vec<&str> =
        audit.iter().filter(|a| a.entity == "follow_up" && a.entity_id == q.id).map(|a| a.changes.as_str()).collect();
    assert!(changes.iter().any(|c| c.contains("\"status\":\"closed\"")), "{changes:?}");
    assert!(changes.iter().any(|c| c.contains("Visitator ringer")), "{changes:?}");
}

#[test]
fn follow_ups_are_written_by_hand_and_from_decisions() {
    let mut d = demo();
    // By hand, without a meeting.
    let manual =
        d.db.create_follow_up(&NewFollowUp {
            committee_id: d.committee,
            text: "  Bed om en oversigt over kommunens algoritmer  ".into(),
            owner: "Digitaliseringsenheden".into(),
            due_date: Some("2027-03-01".into()),
            meeting_id: None,
            agenda_item_id: None,
        })
        .unwrap();
    assert_eq!(manual.origin, FollowUpOrigin::Manual);
    assert_eq!(manual.text, "Bed om en oversigt over kommunens algoritmer", "trimmed");
    assert_eq!((manual.meeting_id, manual.agenda_item_id), (None, None));
    assert!(!manual.text_locked);
    // Found by search under the committee.
    let hits = d.db.search("oversigt algoritmer", 10).unwrap();
    let hit = hits.iter().find(|h| h.kind == SearchKind::FollowUp).expect("found");
    assert_eq!((hit.committee_id, hit.meeting_id), (d.committee, None));

    // From a decision: the item's meeting is the origin, also after the minutes are approved.
    d.db.update_agenda_item(
        d.case,
        &AgendaItemPatch { decision: Some("Udvalget ønsker en pilot i ét distrikt.".into()), ..Default::default() },
    )
    .unwrap();
    let theme = d.theme;
    close_and_approve(&mut d, theme);
    let approved = d.db.minutes_fingerprint(d.theme).unwrap();
    let decision =
        d.db.create_follow_up(&NewFollowUp {
            committee_id: d.committee,
            text: "Forvaltningen vender tilbage med en plan for piloten.".into(),
            owner: String::new(),
            due_date: Some(String::new()),
            meeting_id: None,
            agenda_item_id: Some(d.case),
        })
        .unwrap();
    assert_eq!(decision.origin, FollowUpOrigin::Decision);
    // Not a question to the administration: the walk's list and its delete leave it alone.
    assert!(d.db.list_questions_to_administration(d.case).unwrap().is_empty());
    assert_eq!(d.db.delete_question_to_administration(decision.id).unwrap_err().kind(), ErrorKind::NotFound);
    assert_eq!(
        (decision.meeting_id, decision.agenda_item_id, decision.due_date.clone()),
        (Some(d.theme), Some(d.case), None)
    );
    assert!(!decision.text_locked, "not quoted in the minutes");
    let decision =
        d.db.update_follow_up(decision.id, &FollowUpPatch { text: Some("En plan for piloten.".into()), ..patch() })
            .unwrap();
    assert_eq!(decision.text, "En plan for piloten.");
    assert_eq!(d.db.minutes_fingerprint(d.theme).unwrap(), approved, "the approved minutes do not change");

    // Pending first by due date (undated last).
    let list = d.db.follow_up_list(d.committee).unwrap();
    assert_eq!(ids(&list.items), [manual.id, decision.id]);
    // Deleting one written by mistake.
    d.db.delete_follow_up(decision.id).unwrap();
    assert_eq!(ids(&d.db.follow_up_list(d.committee).unwrap().items), [manual.id]);
    assert_eq!(d.db.get_follow_up(decision.id).unwrap_err().kind(), ErrorKind::NotFound);
}

#[test]
fn bad_input_is_refused_with_the_field_it_is_about() {
    let mut d = demo();
    let committee = d.committee;
    let new = |text: &str, due: Option<&str>| NewFollowUp {
        committee_id: committee,
        text: text.into(),
        owner: String::new(),
        due_date: due.map(Into::into),
        meeting_id: None,
        agenda_item_id: None,
    };
    let field = |e: Error| (e.kind(), e.message().key, e.message().field);
    assert_eq!(
        field(d.db.create_follow_up(&new(" \n ", None)).unwrap_err()),
        (ErrorKind::Validation, "error-follow-up-text-empty", Some("text"))
    );
    for bad in ["1. marts 2027", "2027-02-30", "2027-3-1x", "i morgen"] {
        let e = d.db.create_follow_up(&new("Tekst", Some(bad))).unwrap_err();
        assert_eq!(field(e), (ErrorKind::Validation, "error-date-invalid", Some("due_date")), "{bad}");
    }
    let e = d.db.create_follow_up(&new("Tekst", Some("1. marts 2027"))).unwrap_err();
    assert!(e.localized(Lang::Da).contains("ikke en gyldig dato"), "{e}");
    // Another committee's meeting or item.
    let other =
        d.db.create_committee(&NewCommittee {
            name: "Teknik- og Miljøudvalget".into(),
            kind: CommitteeKind::Standing,
            description: String::new(),
        })
        .unwrap();
    let mut input = new("Tekst", None);
    input.committee_id = other.id;
    input.agenda_item_id = Some(d.case);
    assert_eq!(field(d.db.create_follow_up(&input).unwrap_err()).2, Some("agenda_item_id"));
    input.agenda_item_id = None;
    input.meeting_id = Some(d.theme);
    assert_eq!(field(d.db.create_follow_up(&input).unwrap_err()).2, Some("meeting_id"));
    // Not found.
    assert_eq!(d.db.follow_up_list(9999).unwrap_err().kind(), ErrorKind::NotFound);
    assert_eq!(d.db.update_follow_up(9999, &patch()).unwrap_err().kind(), ErrorKind::NotFound);

    let f = d.db.create_follow_up(&new("Tekst", None)).unwrap();
    assert_eq!(
        field(
            d.db.update_follow_up(f.id, &FollowUpPatch { due_date: Some("31-12-2027".into()), ..patch() }).unwrap_err()
        ),
        (ErrorKind::Validation, "error-date-invalid", Some("due_date"))
    );
    assert_eq!(
        field(d.db.update_follow_up(f.id, &FollowUpPatch { text: Some("".into()), ..patch() }).unwrap_err()).2,
        Some("text")
    );
    // Nothing was half-written.
    assert_eq!(d.db.get_follow_up(f.id).unwrap().text, "Tekst");
    // An empty choice for the agenda.
    let next = next_meeting(&mut d, 7);
    assert_eq!(field(d.db.add_follow_up_agenda_item(next.id, &[]).unwrap_err()).2, Some("follow_up_ids"));
    // Another committee's item cannot be put on this agenda.
    let theirs = d.db.create_follow_up(&NewFollowUp { committee_id: other.id, ..new("Deres punkt", None) }).unwrap();
    assert_eq!(field(d.db.add_follow_up_agenda_item(next.id, &[theirs.id]).unwrap_err()).2, Some("follow_up_ids"));
    assert!(d.db.list_agenda_items(next.id).unwrap().is_empty(), "nothing was added");
}

#[test]
fn the_filters_follow_the_clock_and_the_last_meeting() {
    let mut d = demo();
    let theme_start = d.db.get_meeting(d.theme).unwrap().meeting.starts_at;
    let f =
        d.db.create_follow_up(&NewFollowUp {
            committee_id: d.committee,
            text: "Svar på spørgsmålet om data".into(),
            owner: String::new(),
            due_date: Some("2030-06-01".into()),
            meeting_id: Some(d.theme),
            agenda_item_id: None,
        })
        .unwrap();
    assert_eq!(f.origin, FollowUpOrigin::Manual);
    let at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap();
    let list = d.db.follow_up_list_at(d.committee, at("2030-06-01T12:00")).unwrap();
    assert!(!list.items[0].overdue, "due today is not overdue");
    let list = d.db.follow_up_list_at(d.committee, at("2030-06-02T08:00")).unwrap();
    assert!(list.items[0].overdue);
    assert_eq!(list.today, "2030-06-02");

    // Answered now: since the temamøde (the last meeting now), but not since a meeting that
    // begins later.
    d.db.update_follow_up(
        f.id,
        &FollowUpPatch {
            status: Some(FollowUpStatus::Answered),
            answer: Some("Data slettes efter 5 år.".into()),
            ..patch()
        },
    )
    .unwrap();
    let list = d.db.follow_up_list(d.committee).unwrap();
    assert_eq!(list.last_meeting.as_ref().unwrap().starts_at, theme_start);
    assert!(list.items[0].answered_since_last_meeting);
    let later = next_meeting(&mut d, 3);
    let list = d.db.follow_up_list_at(d.committee, at(&later.starts_at) + Duration::hours(1)).unwrap();
    assert_eq!(list.last_meeting.as_ref().map(|m| m.id), Some(later.id));
    assert!(!list.items[0].answered_since_last_meeting);
    assert!(!list.items[0].overdue, "answered items are never overdue");

    // Reopened: no longer answered.
    let f = d.db.update_follow_up(f.id, &FollowUpPatch { status: Some(FollowUpStatus::Open), ..patch() }).unwrap();
    assert_eq!(f.answered_at, None);
    assert!(!f.answered_since_last_meeting);
    // Closed without an answer is not "answered".
    let g =
        d.db.create_follow_up(&NewFollowUp {
            committee_id: d.committee,
            text: "Trukket tilbage".into(),
            owner: String::new(),
            due_date: None,
            meeting_id: None,
            agenda_item_id: None,
        })
        .unwrap();
    let g = d.db.update_follow_up(g.id, &FollowUpPatch { status: Some(FollowUpStatus::Closed), ..patch() }).unwrap();
    assert_eq!(g.answered_at, None);
}

#[test]
fn the_offer_leaves_out_closed_items_this_meetings_own_and_later_ones() {
    let mut d = demo();
    let committee = d.committee;
    let new = |text: &str, meeting_id: Option<Id>| NewFollowUp {
        committee_id: committee,
        text: text.into(),
        owner: String::new(),
        due_date: None,
        meeting_id,
        agenda_item_id: None,
    };
    let next = next_meeting(&mut d, 7);
    let far = next_meeting(&mut d, 60);
    let open = d.db.create_follow_up(&new("Åbent punkt", Some(d.theme))).unwrap();
    let closed = d.db.create_follow_up(&new("Lukket punkt", None)).unwrap();
    d.db.update_follow_up(closed.id, &FollowUpPatch { status: Some(FollowUpStatus::Closed), ..patch() }).unwrap();
    let own = d.db.create_follow_up(&new("Fra dette møde", Some(next.id))).unwrap();
    let later = d.db.create_follow_up(&new("Fra et senere møde", Some(far.id))).unwrap();
    let by_hand = d.db.create_follow_up(&new("I hånden", None)).unwrap();
    let offered = ids(&d.db.follow_up_offer(next.id).unwrap().items);
    assert_eq!(offered, [open.id, by_hand.id]);
    assert!(!offered.contains(&own.id) && !offered.contains(&later.id) && !offered.contains(&closed.id));
    // Declining writes nothing.
    assert!(d.db.list_agenda_items(next.id).unwrap().is_empty());
    // Accepting only some: the rest is still offered.
    d.db.add_follow_up_agenda_item(next.id, &[by_hand.id]).unwrap();
    assert_eq!(ids(&d.db.follow_up_offer(next.id).unwrap().items), [open.id]);
    // Not on approved minutes.
    let theme = d.theme;
    close_and_approve(&mut d, theme);
    assert_eq!(d.db.add_follow_up_agenda_item(d.theme, &[open.id]).unwrap_err().kind(), ErrorKind::Locked);
}

#[test]
fn a_question_is_locked_only_by_approved_minutes() {
    let mut d = demo();
    let q = d.db.add_question_to_administration(d.case, 0, "Hvem ejer data?", None).unwrap();
    let f =
        d.db.update_follow_up(q.id, &FollowUpPatch { text: Some("Hvem ejer data om fald?".into()), ..patch() })
            .unwrap();
    assert_eq!(f.text, "Hvem ejer data om fald?");
    assert!(!f.text_locked);
    // The walk sees the edited text.
    assert_eq!(d.db.list_questions_to_administration(d.case).unwrap()[0].text, "Hvem ejer data om fald?");
    d.db.delete_follow_up(q.id).unwrap();
    assert!(d.db.list_questions_to_administration(d.case).unwrap().is_empty());
}

#[test]
fn positions_over_time_follow_the_room_and_the_named_participants() {
    let mut d = demo();
    let walk = d.db.get_walk(d.case).unwrap();
    let org1 = walk.steps.iter().find(|s| s.question.id == "organisation-1").unwrap().index;
    let org2 = walk.steps.iter().find(|s| s.question.id == "organisation-2").unwrap().index;
    // First temamøde: anonymous, organisation-1 revealed; organisation-2 answered but hidden.
    for (p, v) in d.politicians.clone().iter().zip([20, 30, 40, 50]) {
        d.db.set_position(d.case, org1, *p, &PositionInput::Value(v)).unwrap();
        d.db.set_position(d.case, org2, *p, &PositionInput::Value(v)).unwrap();
    }
    d.db.reveal_positions(d.case, org1).unwrap();

    // Second temamøde, later: named, the room moved right.
    let at = now() - Duration::days(2);
    let second =
        d.db.create_meeting(&NewMeeting {
            committee_id: d.committee,
            title: "Temamøde om data".into(),
            kind: MeetingKind::Theme,
            starts_at: local(at),
            ends_at: local(at + Duration::hours(2)),
            place: String::new(),
        })
        .unwrap();
    let item = d.db.add_agenda_item(second.id, "Data om borgere").unwrap();
    d.db.set_walk_plan(
        item.id,
        &WalkPlan {
            case_technology: String::new(),
            case_problem: String::new(),
            parts: vec![WalkPlanPart { set_id: "organisation-questions".into(), set_version: 2, selection: vec![] }],
        },
    )
    .unwrap();
    d.db.set_positions_named(second.id, true).unwrap();
    for (p, v) in d.politicians.clone().iter().zip([60, 70, 80]) {
        d.db.set_position(item.id, 0, *p, &PositionInput::Value(v)).unwrap();
    }
    d.db.set_position(item.id, 0, d.politicians[3], &PositionInput::Skipped { reason: "Inhabil".into() }).unwrap();
    d.db.reveal_positions(item.id, 0).unwrap();
    d.db.set_position(item.id, 1, d.politicians[0], &PositionInput::Value(10)).unwrap();
    d.db.reveal_positions(item.id, 1).unwrap();
    // A closed item's positions are left out.
    let closed = d.db.add_agenda_item(second.id, "Lukket sag").unwrap();
    d.db.update_agenda_item(closed.id, &AgendaItemPatch { openness: Some(Openness::Closed), ..Default::default() })
        .unwrap();
    d.db.set_walk_plan(
        closed.id,
        &WalkPlan {
            case_technology: String::new(),
            case_problem: String::new(),
            parts: vec![WalkPlanPart { set_id: "organisation-questions".into(), set_version: 2, selection: vec![] }],
        },
    )
    .unwrap();
    d.db.set_position(closed.id, 0, d.politicians[0], &PositionInput::Value(99)).unwrap();
    d.db.reveal_positions(closed.id, 0).unwrap();

    let h = d.db.position_history(d.committee, store::ORGANISATION_QUESTIONS).unwrap();
    assert_eq!(h.occasions.len(), 2);
    assert_eq!((h.occasions[0].meeting_id, h.occasions[0].named), (d.theme, false));
    assert_eq!((h.occasions[1].meeting_id, h.occasions[1].named), (second.id, true));
    assert_eq!(h.questions.len(), 6, "the six organisation questions, in the set's order");
    let q1 = &h.questions[0];
    assert_eq!(q1.question_id, "organisation-1");
    assert!(!q1.extreme_left.da.is_empty() && !q1.extreme_right.da.is_empty());
    assert_eq!(q1.points.len(), 2);
    let (first, then) = (&q1.points[0], &q1.points[1]);
    assert_eq!(first.statistics.as_ref().unwrap().median, 35.0);
    assert!(first.positions.is_empty(), "anonymous at the first temamøde");
    assert_eq!((then.statistics.as_ref().unwrap().median, then.skipped_count), (70.0, 1));
    let named: Vec<(Id, u8)> = then.positions.iter().map(|p| (p.person_id, p.value)).collect();
    assert_eq!(named, [(d.politicians[0], 60), (d.politicians[1], 70), (d.politicians[2], 80)]);
    assert_eq!(h.participants.len(), 3, "only those named somewhere");
    // organisation-2 was never revealed at the first temamøde: only the second counts.
    let q2 = &h.questions[1];
    assert_eq!(q2.points.iter().map(|p| p.occasion).collect::<Vec<_>>(), [1]);
    assert_eq!(q2.points[0].statistics.as_ref().map(|s| s.median), Some(10.0));

    // A committee without walks has an empty history with the set's questions.
    let other =
        d.db.create_committee(&NewCommittee {
            name: "Børne- og Skoleudvalget".into(),
            kind: CommitteeKind::Standing,
            description: String::new(),
        })
        .unwrap();
    let h = d.db.position_history(other.id, store::ORGANISATION_QUESTIONS).unwrap();
    assert!(h.occasions.is_empty());
    assert_eq!(h.questions.len(), 6);
    assert_eq!(d.db.position_history(other.id, "no-such-set").unwrap_err().kind(), ErrorKind::Validation);
}

#[test]
fn a_schema_5_database_keeps_its_questions_as_follow_ups() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite3");
    std::fs::copy(crate::support::fixture("schema-5.sqlite3"), &path).unwrap();
    let before: Vec<(Id, Id, String)> = {
        let conn = rusqlite::Connection::open(&path).unwrap();
        // The fixture has no questions yet: raise two as schema 5 stored them (one at a walk
        // step, answered; one on the meeting only), with the app's stemmer for the triggers.
        conn.create_scalar_function("pejling_stem", 1, rusqlite::functions::FunctionFlags::SQLITE_UTF8, |ctx| {
            Ok(pejling::search::stem_text(&ctx.get::<String>(0)?))
        })
        .unwrap();
        conn.create_scalar_function("pejling_actor", 0, rusqlite::functions::FunctionFlags::SQLITE_UTF8, |_| {
            Ok("test".to_owned())
        })
        .unwrap();
        conn.execute_batch(
            "INSERT INTO follow_up (meeting_id, agenda_item_id, set_id, question_id, text, status, answer, due_date)
             SELECT a.meeting_id, s.agenda_item_id, s.set_id, s.question_id, 'Hvem ejer data?', 'answered',
                    'Kommunen.', '1. marts'
             FROM walk_step s JOIN agenda_item a ON a.id = s.agenda_item_id LIMIT 1;
             INSERT INTO follow_up (meeting_id, text) SELECT min(id), 'Hvad koster det?' FROM meeting;",
        )
        .unwrap();
        let mut stmt = conn.prepare("SELECT id, meeting_id, text FROM follow_up ORDER BY id").unwrap();
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap();
        rows.collect::<rusqlite::Result<Vec<_>>>().unwrap()
    };
    assert_eq!(before.len(), 2);
    let db = Db::open(&path).unwrap();
    for (id, meeting_id, text) in &before {
        let f = db.get_follow_up(*id).unwrap();
        assert_eq!((f.meeting_id, &f.text), (Some(*meeting_id), text));
        let committee = db.get_meeting(*meeting_id).unwrap().committee.id;
        assert_eq!(f.committee_id, committee);
    }
    let (answered, plain) = (db.get_follow_up(before[0].0).unwrap(), db.get_follow_up(before[1].0).unwrap());
    assert_eq!((answered.origin, answered.step), (FollowUpOrigin::Question, Some(0)));
    assert!(answered.answered_at.is_some(), "an answered question gets a time of answer");
    assert_eq!(answered.due_date, None, "a due date that was not a date is dropped");
    assert_eq!((plain.origin, plain.agenda_item_id), (FollowUpOrigin::Manual, None));
    // The search index still finds both, under their old ids.
    assert!(db.search("ejer data", 5).unwrap().iter().any(|h| h.kind == SearchKind::FollowUp));
    assert!(db.search("koster", 5).unwrap().iter().any(|h| h.kind == SearchKind::FollowUp));
}

#[test]
fn the_cli_lists_follow_ups_and_positions_over_time() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.sqlite3");
    let (committee, question) = {
        let mut db = Db::open(&path).unwrap();
        let c = demo::create_without_history_on(&mut db, Local::now().date_naive() - Duration::days(35)).unwrap();
        let theme = db
            .list_meetings(Some(c.id))
            .unwrap()
            .into_iter()
            .find(|m| m.title == pejling::demo::THEME_MEETING_TITLE)
            .unwrap();
        let case = db.list_agenda_items(theme.id).unwrap()[1].id;
        let q = db.add_question_to_administration(case, 0, "Hvem ejer data om fald?", None).unwrap();
        db.update_follow_up(
            q.id,
            &FollowUpPatch { owner: Some("Digitalisering".into()), due_date: Some("2020-01-01".into()), ..patch() },
        )
        .unwrap();
        let walk = db.get_walk(case).unwrap();
        let org1 = walk.steps.iter().find(|s| s.question.id == "organisation-1").unwrap().index;
        let chair = db.get_committee(c.id).unwrap().members[0].person_id;
        db.set_position(case, org1, chair, &PositionInput::Value(40)).unwrap();
        db.reveal_positions(case, org1).unwrap();
        (c.id, q.id)
    };
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_pejling"))
            .arg("--db")
            .arg(&path)
            .args(args)
            .env_remove("PEJLING_LANG")
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let id = committee.to_string();
    let text = run(&["follow-ups", &id]);
    assert!(text.starts_with("Opfølgning: 1 åbne, 1 over fristen, 0 besvaret siden sidste møde"), "{text}");
    assert!(text.contains(&format!("#{question} [Åben] Hvem ejer data om fald? (over fristen)")), "{text}");
    assert!(text.contains("Ansvarlig: Digitalisering."), "{text}");
    let json: serde_json::Value = serde_json::from_str(&run(&["follow-ups", &id, "--json"])).unwrap();
    assert_eq!(json["items"][0]["id"], question);
    assert_eq!(json["items"][0]["overdue"], true);
    let text = run(&["position-history", &id]);
    assert!(text.contains("udvalgets median 40 (n = 1)"), "{text}");
    let text = run(&["--lang", "en", "position-history", &id]);
    assert!(text.contains("the committee's median 40 (n = 1)"), "{text}");
    let json: serde_json::Value = serde_json::from_str(&run(&["position-history", &id, "--json"])).unwrap();
    assert_eq!(json["questions"][0]["points"][0]["statistics"]["median"], 40.0);
}
