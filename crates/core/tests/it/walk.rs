//! The guided temamøde ("the walk") on the real migrations: plans, steps, notes, questions to
//! the administration, attendance, continuum positions and their reveal, locking by approved
//! minutes, and imported question sets.

use pejling_core::i18n::Catalog;
use pejling_core::*;

/// The demo workspace and the ids a walk needs.
struct Demo {
    db: Db,
    meeting: Id,
    /// "Algoritmer til forebyggelse af fald hos ældre borgere", with the demo's walk plan.
    case: Id,
    /// "Opfølgning på udvalgets spørgsmål til forvaltningen", without a plan.
    other_item: Id,
    chair: Id,
    vice_chair: Id,
    members: Vec<Id>,
    citizen_members: Vec<Id>,
    secretary: Id,
    official: Id,
}

impl Demo {
    /// The six politicians, chair first.
    fn politicians(&self) -> Vec<Id> {
        let mut v = vec![self.chair, self.vice_chair];
        v.extend(&self.members);
        v.extend(&self.citizen_members);
        v
    }
}

fn demo() -> Demo {
    let mut db = Db::open_in_memory().unwrap();
    let c = demo::create_without_history_on(&mut db, chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()).unwrap();
    let detail = db.get_committee(c.id).unwrap();
    let meeting = detail.meetings.iter().find(|m| m.kind == MeetingKind::Theme).unwrap().id;
    let items = db.list_agenda_items(meeting).unwrap();
    let by_role = |role| detail.members.iter().filter(|m| m.role == role).map(|m| m.person_id).collect::<Vec<_>>();
    Demo {
        meeting,
        case: items[1].id,
        other_item: items[2].id,
        chair: by_role(Role::Chair)[0],
        vice_chair: by_role(Role::ViceChair)[0],
        members: by_role(Role::Member),
        citizen_members: by_role(Role::CitizenMember),
        secretary: by_role(Role::Secretary)[0],
        official: by_role(Role::Official)[0],
        db,
    }
}

fn part(set_id: &str, version: u32, selection: &[&str]) -> WalkPlanPart {
    WalkPlanPart {
        set_id: set_id.into(),
        set_version: version,
        selection: selection.iter().map(|s| s.to_string()).collect(),
    }
}

fn plan(parts: Vec<WalkPlanPart>) -> WalkPlan {
    WalkPlan { case_technology: "Faldalgoritme".into(), case_problem: "Fald hos ældre".into(), parts }
}

fn question_ids(walk: &Walk) -> Vec<&str> {
    walk.steps.iter().map(|s| s.question.id.as_str()).collect()
}

fn step_of(walk: &Walk, question_id: &str) -> u32 {
    walk.steps.iter().find(|s| s.question.id == question_id).unwrap().index
}

fn value(v: u8) -> PositionInput {
    PositionInput::Value(v)
}

/// Take positions for the first politicians, in order.
fn take_positions(d: &mut Demo, step: u32, values: &[u8]) -> ContinuumResult {
    let people = d.politicians();
    let mut last = None;
    for (person, v) in people.iter().zip(values) {
        last = Some(d.db.set_position(d.case, step, *person, &value(*v)).unwrap());
    }
    last.unwrap()
}

// ---- the plan and its steps ---------------------------------------------------------------

#[test]
fn the_demo_case_has_a_plan_of_tesk_and_the_organisation_questions() {
    let d = demo();
    let walk = d.db.get_walk(d.case).unwrap();
    assert!(walk.case_technology.contains("forudsiger og forebygger fald"), "{}", walk.case_technology);
    assert!(walk.case_problem.starts_with("Fald hos ældre borgere kan føre til knoglebrud"));
    assert_eq!(walk.steps.len(), 16 + 6, "all TESK questions and the six organisation questions");
    let sets: Vec<(&str, u32)> = walk.plan.parts.iter().map(|p| (p.set_id.as_str(), p.set_version)).collect();
    assert_eq!(sets, [("tesk", 2), ("organisation-questions", 2)]);
    assert_eq!(walk.steps[0].question.id, "technology-1");
    assert_eq!(walk.steps[0].set_kind, QuestionSetKind::Questions);
    assert!(!walk.steps[0].is_continuum);
    let org = &walk.steps[16];
    assert_eq!((org.question.id.as_str(), org.is_continuum, org.revealed), ("organisation-1", true, false));
    assert!(org.question.extreme_left.is_some() && org.question.extreme_right.is_some());
    assert_eq!(walk.steps.iter().map(|s| s.index).collect::<Vec<_>>(), (0..22).collect::<Vec<u32>>());
    assert!(!walk.locked);
    assert_eq!(walk.current_step, None, "the meeting is not at this item yet");
    // The other items have no plan and no steps.
    assert!(d.db.get_walk(d.other_item).unwrap().steps.is_empty());
}

#[test]
fn each_step_says_where_the_committee_is() {
    let d = demo();
    let walk = d.db.get_walk(d.case).unwrap();
    let s = &walk.steps[step_of(&walk, "strategy-3") as usize];
    assert_eq!((s.group_id.as_str(), s.question_number, s.question_count), ("strategy", 3, 5));
    assert_eq!(s.where_label(&Catalog::new(Lang::Da), Lang::Da), "Strategi · spørgsmål 3 af 5");
    assert_eq!(s.where_label(&Catalog::new(Lang::En), Lang::En), "Strategy · question 3 of 5");
    let t = &walk.steps[5];
    assert_eq!((t.question.id.as_str(), t.question_number, t.question_count), ("technology-6", 6, 6));
    let o = walk.steps.last().unwrap();
    assert_eq!(o.where_label(&Catalog::new(Lang::Da), Lang::Da), format!("{} · spørgsmål 6 af 6", o.group_title.da));
}

#[test]
fn a_selection_numbers_only_the_chosen_questions() {
    let mut d = demo();
    let walk =
        d.db.set_walk_plan(
            d.other_item,
            &plan(vec![
                part("tesk", 2, &["strategy-5", "strategy-2", "consequence"]),
                part("organisation-questions", 2, &["organisation-4"]),
            ]),
        )
        .unwrap();
    assert_eq!(
        question_ids(&walk),
        [
            "strategy-5",
            "strategy-2",
            "consequence-1",
            "consequence-2",
            "consequence-3",
            "consequence-4",
            "consequence-5",
            "organisation-4"
        ]
    );
    let numbers: Vec<(u32, u32)> = walk.steps.iter().map(|s| (s.question_number, s.question_count)).collect();
    assert_eq!(numbers, [(1, 2), (2, 2), (1, 5), (2, 5), (3, 5), (4, 5), (5, 5), (1, 1)]);
    assert_eq!(walk.plan.parts[0].selection.len(), 7, "the plan comes back as its questions");
}

#[test]
fn a_set_may_come_back_in_a_later_part_of_the_plan() {
    // TESK's technology questions, the organisation questions, then TESK's consequences, in a
    // meeting that has frozen nothing yet: one frozen copy of each set.
    let mut d = demo();
    let committee = d.db.get_meeting(d.meeting).unwrap().committee.id;
    let next =
        d.db.create_meeting(&NewMeeting {
            committee_id: committee,
            title: "Temamøde om velfærdsteknologi".into(),
            kind: MeetingKind::Theme,
            starts_at: "2027-01-12T17:00".into(),
            ends_at: "2027-01-12T20:00".into(),
            place: "Udvalgsværelse G".into(),
        })
        .unwrap();
    let item = d.db.add_agenda_item(next.id, "Sensorer i plejeboliger").unwrap().id;
    let walk =
        d.db.set_walk_plan(
            item,
            &plan(vec![
                part("tesk", 2, &["technology-1"]),
                part("organisation-questions", 2, &["organisation-1"]),
                part("tesk", 2, &["consequence-1"]),
            ]),
        )
        .unwrap();
    assert_eq!(question_ids(&walk), ["technology-1", "organisation-1", "consequence-1"]);
    assert_eq!(walk.plan.parts.len(), 3);
    let frozen: Vec<(String, u32)> =
        d.db.connection()
            .prepare("SELECT set_id, version FROM meeting_question_set WHERE meeting_id = ?1 ORDER BY set_id")
            .unwrap()
            .query_map([next.id], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
    assert_eq!(frozen, [("organisation-questions".to_owned(), 2), ("tesk".to_owned(), 2)]);
    // A plan without a set lets its frozen copy go.
    d.db.set_walk_plan(item, &plan(vec![part("organisation-questions", 2, &[])])).unwrap();
    let left: i64 =
        d.db.connection()
            .query_row("SELECT count(*) FROM meeting_question_set WHERE meeting_id = ?1", [next.id], |r| r.get(0))
            .unwrap();
    assert_eq!(left, 1);
}

#[test]
fn bad_plans_are_refused_with_a_clear_message_and_change_nothing() {
    let mut d = demo();
    let before = d.db.get_walk(d.case).unwrap();
    let e = d.db.set_walk_plan(d.case, &plan(vec![part("tesk", 2, &["technology-1", "technology-1"])])).unwrap_err();
    assert_eq!(e.to_string(), "Spørgsmålet »technology-1« er valgt mere end én gang til punktet.");
    let e = d.db.set_walk_plan(d.case, &plan(vec![part("tesk", 2, &["nope-7"])])).unwrap_err();
    assert_eq!(e.to_string(), "»nope-7« er hverken en gruppe eller et spørgsmål i spørgsmålssættet »tesk«.");
    let e = d.db.set_walk_plan(d.case, &plan(vec![part("tesk", 9, &[])])).unwrap_err();
    assert_eq!(e.to_string(), "Spørgsmålssættet »tesk« version 9 findes ikke.");
    let e =
        d.db.set_walk_plan(d.case, &plan(vec![part("tesk", 2, &["technology-1"]), part("tesk", 3, &[])])).unwrap_err();
    assert_eq!(e.message().key, "error-walk-two-versions");
    assert_eq!(d.db.get_walk(d.case).unwrap(), before);
}

#[test]
fn steps_are_addressed_by_index_and_the_current_step_follows_the_meeting() {
    let mut d = demo();
    let e = d.db.save_step_note(d.case, 22, "x").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation);
    assert_eq!(e.to_string(), "Punktet har intet trin nr. 23; det har 22 trin.");
    let e = d.db.step_note(d.other_item, 0).unwrap_err();
    assert_eq!(e.to_string(), "Punktet har intet trin nr. 1; det har 0 trin.");

    let state = d.db.walk_state(d.meeting).unwrap();
    assert_eq!((state.current_item_id, state.current_step, state.positions_named), (None, None, false));
    let state = d.db.set_current_step(d.meeting, d.case, 7).unwrap();
    assert_eq!((state.current_item_id, state.current_step), (Some(d.case), Some(7)));
    assert_eq!(d.db.get_walk(d.case).unwrap().current_step, Some(7));
    assert_eq!(d.db.set_current_step(d.meeting, d.case, 22).unwrap_err().message().key, "error-walk-step-out-of-range");
    // An item of another meeting is refused.
    let past = d.db.list_meetings(None).unwrap().into_iter().find(|m| m.kind == MeetingKind::Ordinary).unwrap();
    let past_item = d.db.list_agenda_items(past.id).unwrap()[0].id;
    let e = d.db.set_current_step(d.meeting, past_item, 0).unwrap_err();
    assert_eq!(e.to_string(), "Dagsordenspunktet hører ikke til dette møde.");
    // A shorter plan clamps where the meeting is.
    d.db.set_walk_plan(d.case, &plan(vec![part("tesk", 2, &["technology-1", "technology-2"])])).unwrap();
    assert_eq!(d.db.walk_state(d.meeting).unwrap().current_step, Some(1));
}

// ---- notes and questions to the administration --------------------------------------------

#[test]
fn notes_stay_with_their_question_when_the_plan_is_reordered() {
    let mut d = demo();
    let note = "Forvaltningen: data fra hjemmeplejen.\n  Bruger også væskeskemaer.";
    d.db.save_step_note(d.case, 1, note).unwrap();
    d.db.save_step_note(d.case, 16, "Tættere på yderposition 1.").unwrap();
    assert_eq!(d.db.step_note(d.case, 1).unwrap(), note, "kept exactly as typed");
    assert_eq!(d.db.step_note(d.case, 0).unwrap(), "");

    // Organisation questions first, then TESK; and TESK's technology group last.
    let walk =
        d.db.set_walk_plan(
            d.case,
            &plan(vec![
                part("organisation-questions", 2, &[]),
                part("tesk", 2, &["strategy", "consequence", "technology"]),
            ]),
        )
        .unwrap();
    let tech2 = step_of(&walk, "technology-2");
    assert_eq!((tech2, step_of(&walk, "organisation-1")), (6 + 10 + 1, 0));
    assert_eq!(d.db.step_note(d.case, tech2).unwrap(), note);
    assert_eq!(d.db.step_note(d.case, 0).unwrap(), "Tættere på yderposition 1.");
    assert_eq!(d.db.step_note(d.case, 1).unwrap(), "", "no note moved onto another question");

    // A blank note deletes it.
    d.db.save_step_note(d.case, 0, "   ").unwrap();
    assert_eq!(d.db.step_note(d.case, 0).unwrap(), "");
    let log = d.db.audit_log(d.meeting).unwrap();
    assert!(log.iter().any(|e| e.entity == "step_note" && e.action == "delete"), "notes are audited");
}

#[test]
fn a_step_with_data_cannot_be_dropped_or_switch_version() {
    let mut d = demo();
    d.db.save_step_note(d.case, 2, "Principper for fairness efterspørges.").unwrap();
    let before = d.db.get_walk(d.case).unwrap();
    let without = plan(vec![part("tesk", 2, &["technology-1", "technology-2"])]);
    let e = d.db.set_walk_plan(d.case, &without).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict);
    assert!(e.to_string().starts_with("Spørgsmålet »technology-3« har allerede noter"), "{e}");
    assert_eq!(d.db.get_walk(d.case).unwrap(), before, "nothing changed");
    assert_eq!(d.db.step_note(d.case, 2).unwrap(), "Principper for fairness efterspørges.");

    // Another version of TESK would switch the step: refused too.
    d.db.import_question_set(&tesk_version(3, "Hvilke dele består løsningen af?")).unwrap();
    let e = d.db.set_walk_plan(d.case, &plan(vec![part("tesk", 3, &[])])).unwrap_err();
    assert_eq!(e.message().key, "error-walk-step-has-data");

    // Steps without data go freely; once the note is gone, so can its step.
    d.db.set_walk_plan(d.case, &plan(vec![part("tesk", 2, &["technology-3"])])).unwrap();
    d.db.save_step_note(d.case, 0, "").unwrap();
    let walk = d.db.set_walk_plan(d.case, &plan(vec![part("tesk", 3, &["technology-1"])])).unwrap();
    assert_eq!(walk.steps[0].question.text.da, "Hvilke dele består løsningen af?");

    // Questions to the administration and positions hold their step too.
    let mut d = demo();
    d.db.add_question_to_administration(d.case, 0, "Hvilke data indgår?", None).unwrap();
    d.db.set_position(d.case, 16, d.chair, &value(40)).unwrap();
    // Dropping org-2 … org-6 (no data) is fine while organisation-1 stays.
    let walk =
        d.db.set_walk_plan(
            d.case,
            &plan(vec![part("tesk", 2, &[]), part("organisation-questions", 2, &["organisation-1"])]),
        )
        .unwrap();
    assert_eq!(walk.steps.len(), 17);
    let e = d.db.set_walk_plan(d.case, &plan(vec![part("tesk", 2, &[])])).unwrap_err();
    assert_eq!(e.message().args, vec![("question", "organisation-1".to_owned())], "a position holds its step");
    let e = d.db.set_walk_plan(d.case, &plan(vec![part("organisation-questions", 2, &[])])).unwrap_err();
    assert_eq!(e.message().args, vec![("question", "technology-1".to_owned())]);
}

#[test]
fn questions_to_the_administration_are_open_follow_ups_at_their_step() {
    let mut d = demo();
    let q =
        d.db.add_question_to_administration(
            d.case,
            7,
            "  Hvordan hænger det sammen med ældrepolitikken?  ",
            Some(d.members[0]),
        )
        .unwrap();
    assert_eq!(q.text, "Hvordan hænger det sammen med ældrepolitikken?");
    assert_eq!((q.meeting_id, q.agenda_item_id, q.step), (d.meeting, Some(d.case), Some(7)));
    assert_eq!((q.set_id.as_deref(), q.question_id.as_deref()), (Some("tesk"), Some("strategy-2")));
    assert_eq!(
        (q.status, q.asked_by, q.asked_by_name.as_deref()),
        (FollowUpStatus::Open, Some(d.members[0]), Some("Aisha Khalil"))
    );
    assert_eq!((q.owner.as_str(), q.due_date.as_deref(), q.answer.as_str()), ("", None, ""));
    let q2 = d.db.add_question_to_administration(d.case, 0, "Hvem er leverandøren?", None).unwrap();

    let list = d.db.list_questions_to_administration(d.case).unwrap();
    assert_eq!(list.iter().map(|f| f.id).collect::<Vec<_>>(), [q2.id, q.id], "in walk order");
    assert!(d.db.list_questions_to_administration(d.other_item).unwrap().is_empty());

    let e = d.db.add_question_to_administration(d.case, 0, "   ", None).unwrap_err();
    assert_eq!(e.to_string(), "Skriv spørgsmålet. Det må ikke være tomt.");
    d.db.set_attendance(d.meeting, d.members[1], Attendance::Apologies).unwrap();
    let e = d.db.add_question_to_administration(d.case, 0, "Hvad koster det?", Some(d.members[1])).unwrap_err();
    assert_eq!(e.to_string(), "Per Holmgaard er ikke registreret som til stede.");

    // After a reorder the follow-up reports the step its question is at now.
    let walk = d.db.set_walk_plan(d.case, &plan(vec![part("tesk", 2, &["strategy", "technology"])])).unwrap();
    let list = d.db.list_questions_to_administration(d.case).unwrap();
    assert_eq!(list[0].id, q.id);
    assert_eq!(list[0].step, Some(step_of(&walk, "strategy-2")));
    assert_eq!(list[1].step, Some(step_of(&walk, "technology-1")));

    d.db.delete_question_to_administration(q2.id).unwrap();
    assert_eq!(d.db.list_questions_to_administration(d.case).unwrap().len(), 1);
    assert_eq!(d.db.delete_question_to_administration(q2.id).unwrap_err().kind(), ErrorKind::NotFound);
}

// ---- attendance --------------------------------------------------------------------------

#[test]
fn members_are_present_unless_recorded_otherwise_and_guests_are_listed() {
    let mut d = demo();
    let a = d.db.list_attendance(d.meeting).unwrap();
    assert_eq!(a.people.len(), 8);
    assert!(a.people.iter().all(|p| p.attendance == Attendance::Present && !p.recorded));
    assert_eq!(a.people[0].person_id, d.chair, "by role: chair first");
    let e = d.db.set_attendance(d.meeting, d.members[1], Attendance::Absent).unwrap();
    assert_eq!((e.attendance, e.recorded, e.role), (Attendance::Absent, true, Some(Role::Member)));
    let g = d.db.add_meeting_guest(d.meeting, "  Lise Fysioterapeut ", "Center for Sundhed og Omsorg").unwrap();
    assert_eq!(g.name, "Lise Fysioterapeut");
    let a = d.db.list_attendance(d.meeting).unwrap();
    assert_eq!(a.guests, std::slice::from_ref(&g));
    assert_eq!(a.people.iter().filter(|p| p.attendance == Attendance::Absent).count(), 1);
    assert_eq!(d.db.add_meeting_guest(d.meeting, " ", "").unwrap_err().message().field, Some("name"));
    d.db.delete_meeting_guest(g.id).unwrap();
    assert!(d.db.list_attendance(d.meeting).unwrap().guests.is_empty());

    // Someone not on the committee has no attendance to record.
    let other =
        d.db.create_committee(&NewCommittee {
            name: "Økonomiudvalget".into(),
            kind: CommitteeKind::Finance,
            description: String::new(),
        })
        .unwrap();
    let outsider =
        d.db.add_member(other.id, &NewMember { name: "Ane Udefra".into(), role: Role::Member, party: None }).unwrap();
    let e = d.db.set_attendance(d.meeting, outsider.person_id, Attendance::Present).unwrap_err();
    assert_eq!(e.to_string(), "Personen er ikke medlem af udvalget og er ikke registreret ved mødet.");
}

// ---- positions ---------------------------------------------------------------------------

#[test]
fn positions_are_hidden_until_revealed_then_shown_anonymously_or_named() {
    let mut d = demo();
    let step = 16; // organisation-1
    let r = take_positions(&mut d, step, &[70, 20, 45]);
    d.db.set_position(d.case, step, d.citizen_members[0], &PositionInput::Skipped { reason: "Inhabil".into() })
        .unwrap();
    let hidden = d.db.continuum_result(d.case, step).unwrap();
    assert_eq!(r.answered_count, 3);
    assert_eq!((hidden.revealed, hidden.participant_count, hidden.answered_count), (false, 6, 4));
    assert!(hidden.values.is_empty() && hidden.skipped.is_empty() && hidden.statistics.is_none());
    let json = serde_json::to_string(&hidden).unwrap();
    for leak in ["70", "45", "Inhabil", "Mette", "value\":"] {
        assert!(!json.contains(leak), "{leak} leaks from a hidden result: {json}");
    }
    // The summary hides them the same way.
    let summary = d.db.walk_summary(d.case).unwrap();
    assert_eq!(summary.steps[step as usize].result.as_ref(), Some(&hidden));

    let shown = d.db.reveal_positions(d.case, step).unwrap();
    assert!(shown.revealed && !shown.named);
    let values: Vec<(u8, Option<Id>, Option<&str>)> =
        shown.values.iter().map(|v| (v.value, v.person_id, v.name.as_deref())).collect();
    assert_eq!(values, [(20, None, None), (45, None, None), (70, None, None)], "anonymous, lowest first");
    assert_eq!(shown.skipped, [SkippedPosition { reason: "Inhabil".into(), person_id: None, name: None }]);
    assert_eq!(shown.statistics.as_ref().unwrap().median, 45.0);
    assert!(d.db.get_walk(d.case).unwrap().steps[step as usize].revealed);

    d.db.set_positions_named(d.meeting, true).unwrap();
    let named = d.db.continuum_result(d.case, step).unwrap();
    assert!(named.named);
    let values: Vec<(u8, Option<Id>, Option<&str>)> =
        named.values.iter().map(|v| (v.value, v.person_id, v.name.as_deref())).collect();
    assert_eq!(
        values,
        [
            (20, Some(d.vice_chair), Some("Jonas Bech Lauridsen")),
            (45, Some(d.members[0]), Some("Aisha Khalil")),
            (70, Some(d.chair), Some("Mette Skovgaard"))
        ]
    );
    assert_eq!(named.skipped[0].name.as_deref(), Some("Karen Vestergaard-Nielsen"));

    // Hidden again: values gone again; the other continuum steps were never shown.
    let again = d.db.hide_positions(d.case, step).unwrap();
    assert!(!again.revealed && again.values.is_empty() && again.skipped.is_empty() && again.statistics.is_none());
    assert_eq!(again.answered_count, 4);
    assert!(!d.db.continuum_result(d.case, step + 1).unwrap().revealed);

    // Withdrawing a position.
    let r = d.db.clear_position(d.case, step, d.chair).unwrap();
    assert_eq!(r.answered_count, 3);
}

#[test]
fn a_position_is_0_to_100_or_a_skip_with_a_reason() {
    let mut d = demo();
    let step = 17;
    d.db.set_position(d.case, step, d.chair, &value(0)).unwrap();
    d.db.set_position(d.case, step, d.vice_chair, &value(100)).unwrap();
    let e = d.db.set_position(d.case, step, d.members[0], &value(101)).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation);
    assert_eq!(e.message().field, Some("value"));
    assert_eq!(e.to_string(), "En placering er et tal fra 0 til 100, ikke 101.");
    assert_eq!(
        d.db.set_position(d.case, step, d.members[0], &value(255)).unwrap_err().message().key,
        "error-position-value"
    );
    for blank in ["", "   "] {
        let e =
            d.db.set_position(d.case, step, d.members[0], &PositionInput::Skipped { reason: blank.into() })
                .unwrap_err();
        assert_eq!(e.message().field, Some("reason"));
        assert_eq!(e.to_string(), "Skriv en begrundelse, når der ikke tages placering.");
    }
    // Out of JSON, as the UI sends it: a negative or fractional value does not even parse.
    assert!(serde_json::from_str::<PositionInput>(r#"{"value":-1}"#).is_err());
    assert!(serde_json::from_str::<PositionInput>(r#"{"value":50.5}"#).is_err());
    assert_eq!(serde_json::from_str::<PositionInput>(r#"{"value":100}"#).unwrap(), value(100));
    // A later answer replaces the earlier one: the skip replaces the 100.
    d.db.set_position(
        d.case,
        step,
        d.vice_chair,
        &PositionInput::Skipped { reason: " Vil høre borgerne først ".into() },
    )
    .unwrap();
    let r = d.db.reveal_positions(d.case, step).unwrap();
    assert_eq!(r.answered_count, 2);
    assert_eq!(r.values.iter().map(|v| v.value).collect::<Vec<_>>(), [0]);
    assert_eq!(r.skipped[0].reason, "Vil høre borgerne først");
    let s = r.statistics.unwrap();
    assert_eq!((s.count, s.min, s.max, s.median), (1, 0, 0, 0.0));
    // Only continuum questions take positions.
    let e = d.db.set_position(d.case, 0, d.chair, &value(50)).unwrap_err();
    assert_eq!(e.to_string(), "Trin 1 er ikke et spørgsmål med yderpositioner, så der kan ikke tages placering.");
    assert_eq!(d.db.reveal_positions(d.case, 0).unwrap_err().message().key, "error-walk-not-continuum");
    assert_eq!(d.db.continuum_result(d.case, 0).unwrap_err().message().key, "error-walk-not-continuum");
}

#[test]
fn only_present_politicians_take_positions() {
    let mut d = demo();
    let step = 18;
    let e = d.db.set_position(d.case, step, d.secretary, &value(50)).unwrap_err();
    assert_eq!(e.to_string(), "Sofie Ibsen deltager ikke i mødet som politiker og tager ikke placering.");
    let e = d.db.set_position(d.case, step, d.official, &value(50)).unwrap_err();
    assert_eq!(e.message().key, "error-position-not-politician");
    d.db.set_attendance(d.meeting, d.citizen_members[1], Attendance::Absent).unwrap();
    d.db.set_attendance(d.meeting, d.members[1], Attendance::Apologies).unwrap();
    let e = d.db.set_position(d.case, step, d.citizen_members[1], &value(50)).unwrap_err();
    assert_eq!(e.to_string(), "Ole Dam Frandsen er ikke registreret som til stede.");
    assert_eq!(
        d.db.set_position(d.case, step, d.members[1], &value(50)).unwrap_err().message().key,
        "error-not-present"
    );
    // Every citizen member and politician who is present can; the count follows attendance.
    for p in [d.chair, d.vice_chair, d.members[0], d.citizen_members[0]] {
        d.db.set_position(d.case, step, p, &value(50)).unwrap();
    }
    let r = d.db.continuum_result(d.case, step).unwrap();
    assert_eq!((r.participant_count, r.answered_count), (4, 4));
    d.db.set_attendance(d.meeting, d.members[1], Attendance::Present).unwrap();
    assert_eq!(d.db.continuum_result(d.case, step).unwrap().participant_count, 5);
}

#[test]
fn median_and_spread_of_odd_and_even_counts() {
    let mut d = demo();
    // Odd: 0, 40, 55, 70, 100 → median 55, quartiles 40 and 70 (linear interpolation).
    take_positions(&mut d, 16, &[100, 40, 0, 70, 55]);
    let s = d.db.reveal_positions(d.case, 16).unwrap().statistics.unwrap();
    assert_eq!((s.count, s.min, s.max), (5, 0, 100));
    assert_eq!((s.median, s.q1, s.q3, s.iqr), (55.0, 40.0, 70.0, 30.0));
    // Even: 20, 30, 60, 100 → median 45 (midway between 30 and 60), q1 27.5, q3 70.
    take_positions(&mut d, 17, &[60, 100, 20, 30]);
    let s = d.db.reveal_positions(d.case, 17).unwrap().statistics.unwrap();
    assert_eq!((s.count, s.min, s.max), (4, 20, 100));
    assert_eq!((s.median, s.q1, s.q3, s.iqr), (45.0, 27.5, 70.0, 42.5));
    // Six, all the committee's politicians: 10, 10, 20, 80, 90, 90 → median 50.
    take_positions(&mut d, 18, &[10, 90, 20, 80, 10, 90]);
    let r = d.db.reveal_positions(d.case, 18).unwrap();
    assert_eq!((r.participant_count, r.answered_count), (6, 6));
    let s = r.statistics.unwrap();
    assert_eq!((s.median, s.q1, s.q3, s.iqr), (50.0, 12.5, 87.5, 75.0));
    // Revealed but only skips: no statistics.
    d.db.set_position(d.case, 19, d.chair, &PositionInput::Skipped { reason: "Ved ikke".into() }).unwrap();
    let r = d.db.reveal_positions(d.case, 19).unwrap();
    assert_eq!((r.answered_count, r.statistics), (1, None));
}

// ---- summary -----------------------------------------------------------------------------

#[test]
fn the_summary_has_each_steps_note_questions_and_result() {
    let mut d = demo();
    d.db.save_step_note(d.case, 0, "Sensorer og journaldata.").unwrap();
    let q = d.db.add_question_to_administration(d.case, 0, "Hvilke systemer kobles på?", Some(d.chair)).unwrap();
    d.db.add_question_to_administration(d.case, 12, "Hvem har ansvaret ved fejl?", None).unwrap();
    take_positions(&mut d, 16, &[30, 60]);
    d.db.reveal_positions(d.case, 16).unwrap();
    take_positions(&mut d, 17, &[90]);

    let s = d.db.walk_summary(d.case).unwrap();
    assert_eq!((s.agenda_item_id, s.meeting_id, s.steps.len()), (d.case, d.meeting, 22));
    assert!(s.case_problem.starts_with("Fald hos ældre borgere"));
    assert_eq!(s.steps[0].note, "Sensorer og journaldata.");
    assert_eq!(s.steps[0].questions_to_administration, [q]);
    assert_eq!(s.steps[12].questions_to_administration[0].text, "Hvem har ansvaret ved fejl?");
    assert_eq!(s.steps.iter().map(|st| st.questions_to_administration.len()).sum::<usize>(), 2);
    assert!(s.steps[..16].iter().all(|st| st.result.is_none()), "TESK has no positions");
    assert!(s.steps[16..].iter().all(|st| st.result.is_some()));
    let shown = s.steps[16].result.as_ref().unwrap();
    assert_eq!(shown.statistics.as_ref().unwrap().median, 45.0);
    let hidden = s.steps[17].result.as_ref().unwrap();
    assert_eq!((hidden.revealed, hidden.answered_count, hidden.values.len()), (false, 1, 0));
    assert_eq!(s.steps[5].step.question.id, "technology-6");
}

// ---- locked minutes ----------------------------------------------------------------------

#[test]
fn approved_minutes_lock_every_walk_write() {
    let mut d = demo();
    d.db.save_step_note(d.case, 0, "Før godkendelsen.").unwrap();
    let q = d.db.add_question_to_administration(d.case, 0, "Hvad koster det?", None).unwrap();
    let g = d.db.add_meeting_guest(d.meeting, "Lise Fysioterapeut", "").unwrap();
    d.db.set_position(d.case, 16, d.chair, &value(50)).unwrap();
    d.db.set_attendance(d.meeting, d.members[1], Attendance::Apologies).unwrap();
    for s in [MeetingStatus::AgendaSent, MeetingStatus::InProgress, MeetingStatus::Closed] {
        d.db.set_meeting_status(d.meeting, s).unwrap();
    }
    d.db.approve_minutes(d.meeting, d.chair).unwrap();
    assert!(d.db.get_walk(d.case).unwrap().locked);

    let (case, meeting, chair) = (d.case, d.meeting, d.chair);
    let db = &mut d.db;
    let writes: Vec<(&str, pejling_core::Result<()>)> = vec![
        ("set_walk_plan", db.set_walk_plan(case, &demo::case_walk_plan()).map(drop)),
        ("set_walk_plan other item", db.set_walk_plan(d.other_item, &demo::case_walk_plan()).map(drop)),
        ("set_current_step", db.set_current_step(meeting, case, 1).map(drop)),
        ("set_positions_named", db.set_positions_named(meeting, true).map(drop)),
        ("save_step_note", db.save_step_note(case, 0, "Efter godkendelsen.")),
        ("save_step_note blank", db.save_step_note(case, 0, "")),
        ("add_question_to_administration", db.add_question_to_administration(case, 1, "Nyt?", None).map(drop)),
        ("delete_question_to_administration", db.delete_question_to_administration(q.id)),
        ("set_attendance", db.set_attendance(meeting, chair, Attendance::Absent).map(drop)),
        ("add_meeting_guest", db.add_meeting_guest(meeting, "Ny gæst", "").map(drop)),
        ("delete_meeting_guest", db.delete_meeting_guest(g.id)),
        ("set_position", db.set_position(case, 16, chair, &value(90)).map(drop)),
        ("clear_position", db.clear_position(case, 16, chair).map(drop)),
        ("reveal_positions", db.reveal_positions(case, 16).map(drop)),
        ("hide_positions", db.hide_positions(case, 16).map(drop)),
    ];
    for (name, result) in writes {
        let e = result.expect_err(name);
        assert_eq!(e.kind(), ErrorKind::Locked, "{name}: {e}");
        assert!(e.to_string().contains("godkendt og låst"), "{name}: {e}");
    }
    // Nothing changed; reads still work.
    assert_eq!(d.db.step_note(d.case, 0).unwrap(), "Før godkendelsen.");
    assert_eq!(d.db.list_questions_to_administration(d.case).unwrap(), [q]);
    assert_eq!(d.db.continuum_result(d.case, 16).unwrap().answered_count, 1);
    assert_eq!(d.db.list_attendance(d.meeting).unwrap().guests, [g]);
    assert!(d.db.get_walk(d.other_item).unwrap().steps.is_empty());

    // Approval wrote the default attendance down: a later member is not in these minutes.
    let committee = d.db.get_meeting(d.meeting).unwrap().committee.id;
    d.db.add_member(committee, &NewMember { name: "Ny Politiker".into(), role: Role::Member, party: None }).unwrap();
    let a = d.db.list_attendance(d.meeting).unwrap();
    assert_eq!(a.people.len(), 8);
    assert!(a.people.iter().all(|p| p.recorded));
    assert_eq!(a.people.iter().find(|p| p.person_id == d.members[1]).unwrap().attendance, Attendance::Apologies);
}

// ---- question sets -----------------------------------------------------------------------

/// TESK with its first question changed: what a municipality's corrected copy would look like.
fn tesk_version(version: u32, technology_1: &str) -> String {
    let src = question_sets::built_in_sources()[0];
    let first = "Hvilke dele består teknologien (hardware, software, koblinger til eksisterende systemer eller teknologier) af?";
    assert!(src.contains(first));
    src.replace("version = 2", &format!("version = {version}")).replace(first, technology_1)
}

const OWN_SET: &str = r#"# Our own continuum questions.
schema = 1
id = "faldforebyggelse"
version = 1
kind = "continuum"
title = { da = "Faldforebyggelse", en = "Fall prevention" }

[[groups]]
id = "data"
title = { da = "Data" }

[[groups.questions]]
id = "data-1"
text = { da = "Hvor meget data må kommunen bruge?" }
extreme_left = { da = "Kun det, borgeren selv giver" }
extreme_right = { da = "Alt, hvad der kan forudsige fald" }

[[groups.questions]]
id = "data-2"
text = { da = "Hvem ser risikoscoren?" }
extreme_left = { da = "Kun borgeren" }
extreme_right = { da = "Alle medarbejdere" }
"#;

#[test]
fn question_sets_list_built_ins_then_imports() {
    let mut d = demo();
    let list = d.db.list_question_sets().unwrap();
    let ids: Vec<(&str, u32, bool)> = list.iter().map(|s| (s.id.as_str(), s.version, s.built_in)).collect();
    assert_eq!(
        ids,
        [
            ("tesk", 2, true),
            ("organisation-questions", 2, true),
            ("phases", 2, true),
            ("dis-key-questions", 2, true),
            ("kl-dialogue-questions", 2, true)
        ]
    );
    assert_eq!((list[0].question_count, list[1].kind, list[1].question_count), (16, QuestionSetKind::Continuum, 6));
    let imported = d.db.import_question_set(OWN_SET).unwrap();
    assert_eq!((imported.id.as_str(), imported.version, imported.built_in), ("faldforebyggelse", 1, false));
    assert_eq!((imported.kind, imported.question_count), (QuestionSetKind::Continuum, 2));
    assert!(imported.imported_at.is_some());
    let list = d.db.list_question_sets().unwrap();
    assert_eq!(list.len(), 6);
    assert_eq!(list[5], imported);
    // The same file again changes nothing; other content under the same version is a conflict.
    assert_eq!(d.db.import_question_set(&format!("# again\n{OWN_SET}")).unwrap(), imported);
    let e = d.db.import_question_set(&OWN_SET.replace("Hvem ser", "Hvem må se")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict);
    assert!(e.to_string().contains("Giv det ændrede sæt et højere versionsnummer"), "{e}");
    let e = d.db.import_question_set(&tesk_version(2, "Ændret?")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict, "a built-in version cannot be replaced");
    // Source and content come back.
    assert_eq!(d.db.question_set_source("faldforebyggelse", 1).unwrap(), OWN_SET, "comments included");
    assert_eq!(d.db.question_set_source("tesk", 2).unwrap(), question_sets::built_in_sources()[0]);
    assert_eq!(d.db.get_question_set("faldforebyggelse", 1).unwrap().groups[0].questions[1].id, "data-2");
    assert_eq!(d.db.get_question_set("tesk", 2).unwrap().prompt.unwrap().da, "Hvad vil du belyse?");
    assert_eq!(d.db.get_question_set("tesk", 7).unwrap_err().message().key, "error-question-set-not-found");
}

#[test]
fn a_malformed_question_set_is_refused_naming_the_line() {
    let mut d = demo();
    // TOML syntax: the string on line 5 is not closed.
    let broken = OWN_SET.replace(
        r#"title = { da = "Faldforebyggelse", en = "Fall prevention" }"#,
        r#"title = { da = "Faldforebyggelse }"#,
    );
    let e = d.db.import_question_set(&broken).unwrap_err();
    assert_eq!(
        (e.kind(), e.message().key, e.message().field),
        (ErrorKind::Validation, "error-question-set-invalid", Some("source"))
    );
    assert!(e.to_string().starts_with("Spørgsmålssættet kan ikke læses: linje 6: "), "{e}");

    // A continuum question without its right extreme: the line of its id (line 20).
    let missing = OWN_SET.replace("extreme_right = { da = \"Alle medarbejdere\" }\n", "");
    let e = d.db.import_question_set(&missing).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Spørgsmålssættet kan ikke læses: linje 19: spørgsmålet »data-2« mangler extreme_right. Et spørgsmål i et \
         kontinuum har to yderpositioner, extreme_left og extreme_right."
    );
    assert_eq!(e.localized(Lang::En).split(':').next(), Some("The question set cannot be read"));

    // An id used twice, an unknown key, an empty Danish text.
    let e = d.db.import_question_set(&OWN_SET.replace("id = \"data-2\"", "id = \"data-1\"")).unwrap_err();
    assert_eq!(e.message().key, "error-question-set-duplicate-id");
    assert!(e.to_string().starts_with("Spørgsmålssættet kan ikke læses: linje 19: id'et »data-1«"), "{e}");
    let e = d.db.import_question_set(&OWN_SET.replace("[[groups]]\n", "[[groups]]\ncolour = \"blå\"\n")).unwrap_err();
    assert!(e.to_string().starts_with("Spørgsmålssættet kan ikke læses: linje 9: "), "{e}");
    assert!(e.to_string().contains("colour"), "{e}");
    let e =
        d.db.import_question_set(&OWN_SET.replace("{ da = \"Hvem ser risikoscoren?\" }", "{ da = \"  \" }"))
            .unwrap_err();
    assert_eq!(e.to_string(), "Spørgsmålssættet kan ikke læses: linje 20: den danske tekst (da) er tom.");

    // Nothing was stored.
    assert_eq!(d.db.list_question_sets().unwrap().len(), 5);
}

#[test]
fn an_imported_set_can_be_walked() {
    let mut d = demo();
    d.db.import_question_set(OWN_SET).unwrap();
    let walk = d
        .db
        .set_walk_plan(d.other_item, &plan(vec![part("faldforebyggelse", 1, &[]), part("tesk", 2, &["consequence-1"])]))
        .unwrap();
    assert_eq!(question_ids(&walk), ["data-1", "data-2", "consequence-1"]);
    let s = &walk.steps[1];
    assert!(s.is_continuum);
    assert_eq!(s.where_label(&Catalog::new(Lang::Da), Lang::Da), "Data · spørgsmål 2 af 2");
    assert_eq!(s.question.extreme_left.as_ref().unwrap().da, "Kun borgeren");
    assert_eq!(s.question.extreme_left.as_ref().unwrap().get(Lang::En), "Kun borgeren", "Danish when no English");
    d.db.set_current_step(d.meeting, d.other_item, 1).unwrap();
    for (p, v) in [(d.chair, 10), (d.vice_chair, 30), (d.members[0], 80)] {
        d.db.set_position(d.other_item, 1, p, &value(v)).unwrap();
    }
    d.db.save_step_note(d.other_item, 1, "Enighed om, at borgeren skal se sin egen score.").unwrap();
    let r = d.db.reveal_positions(d.other_item, 1).unwrap();
    assert_eq!(r.statistics.unwrap().median, 30.0);
    let summary = d.db.walk_summary(d.other_item).unwrap();
    assert_eq!(summary.steps[1].note, "Enighed om, at borgeren skal se sin egen score.");
    assert_eq!(summary.steps[1].result.as_ref().unwrap().values.len(), 3);
    assert!(summary.steps[2].result.is_none());
}

#[test]
fn a_meeting_keeps_its_frozen_texts_whatever_the_library_does_later() {
    let mut d = demo();
    d.db.import_question_set(&tesk_version(3, "Hvilke dele består løsningen af?")).unwrap();
    let walk = d.db.set_walk_plan(d.other_item, &plan(vec![part("tesk", 3, &["technology-1"])])).unwrap();
    assert_eq!(walk.steps[0].question.text.da, "Hvilke dele består løsningen af?");

    // A later version 4 changes nothing in this meeting.
    d.db.import_question_set(&tesk_version(4, "Hvad består det af?")).unwrap();
    assert_eq!(d.db.get_walk(d.other_item).unwrap().steps[0].question.text.da, "Hvilke dele består løsningen af?");
    assert_eq!(d.db.get_walk(d.other_item).unwrap().steps[0].set_version, 3);

    // Even if the library's copy of version 3 disappeared behind the app's back, the meeting
    // reads its own frozen copy — for the walk, its summary and a re-saved plan.
    d.db.connection().execute("DELETE FROM question_set WHERE set_id = 'tesk' AND version = 3", []).unwrap();
    assert_eq!(d.db.get_question_set("tesk", 3).unwrap_err().message().key, "error-question-set-not-found");
    assert_eq!(
        d.db.walk_summary(d.other_item).unwrap().steps[0].step.question.text.da,
        "Hvilke dele består løsningen af?"
    );
    let again =
        d.db.set_walk_plan(d.other_item, &plan(vec![part("tesk", 3, &["technology-1", "technology-2"])])).unwrap();
    assert_eq!(again.steps[0].question.text.da, "Hvilke dele består løsningen af?");
    assert_eq!(again.steps.len(), 2);

    // The frozen copy cannot be edited, even with SQL.
    assert!(d.db.connection().execute("UPDATE meeting_question_set SET content = '{}'", []).is_err());

    // The demo's case, frozen from the built-in, has the built-in's text.
    let built_in = &question_sets::built_in()[0].groups[0].questions[0].text;
    assert_eq!(&d.db.get_walk(d.case).unwrap().steps[0].question.text, built_in);
}

#[test]
fn deleting_an_item_or_the_meeting_takes_its_walk_along() {
    let mut d = demo();
    d.db.save_step_note(d.case, 0, "Note.").unwrap();
    d.db.add_question_to_administration(d.case, 0, "Spørgsmål?", Some(d.chair)).unwrap();
    d.db.set_position(d.case, 16, d.chair, &value(10)).unwrap();
    d.db.set_current_step(d.meeting, d.case, 16).unwrap();
    d.db.delete_agenda_item(d.case).unwrap();
    let count = |db: &Db, table: &str| -> i64 {
        db.connection().query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
    };
    for table in ["walk_plan", "walk_step", "step_note", "follow_up", "continuum_position"] {
        assert_eq!(count(&d.db, table), 0, "{table}");
    }
    let state = d.db.walk_state(d.meeting).unwrap();
    assert_eq!((state.current_item_id, state.current_step), (None, None));

    let mut d = demo();
    d.db.save_step_note(d.case, 0, "Note.").unwrap();
    d.db.set_position(d.case, 16, d.chair, &value(10)).unwrap();
    d.db.add_meeting_guest(d.meeting, "Gæst", "").unwrap();
    d.db.set_attendance(d.meeting, d.chair, Attendance::Present).unwrap();
    d.db.delete_meeting(d.meeting).unwrap();
    for table in ["walk_step", "step_note", "continuum_position", "meeting_question_set", "meeting_guest", "attendance"]
    {
        assert_eq!(count(&d.db, table), 0, "{table}");
    }
}

#[test]
fn each_tesk_perspective_carries_its_prompt_in_sentence_case() {
    let mut d = demo();
    let walk =
        d.db.set_walk_plan(
            d.other_item,
            &plan(vec![
                part("tesk", 2, &["technology-1", "strategy-1", "consequence-1"]),
                part("organisation-questions", 2, &["organisation-1"]),
            ]),
        )
        .unwrap();
    let prompts: Vec<Option<&str>> = walk.steps.iter().map(|s| s.prompt.as_ref().map(|p| p.da.as_str())).collect();
    let tesk = Some("Hvad vil du belyse?");
    assert_eq!(prompts, [tesk, tesk, tesk, None], "TESK's three perspectives, not the organisation question");
    assert_eq!(walk.steps[0].prompt.as_ref().unwrap().en, "What do you want to shed light on?");

    // A copy with the source's capitals (as version 1 was frozen in older meetings) is shown
    // in sentence case too.
    let shouting = tesk_version(3, "Hvilke dele består løsningen af?").replace(
        r#"prompt = { da = "Hvad vil du belyse?", original = "HVAD VIL DU BELYSE?", note = "Overskriften står med versaler i kilden.", en = "What do you want to shed light on?" }"#,
        r#"prompt = { da = "HVAD VIL DU BELYSE?", en = "WHAT DO YOU WANT TO SHED LIGHT ON?" }"#,
    );
    assert!(shouting.contains("da = \"HVAD VIL DU BELYSE?\""));
    d.db.import_question_set(&shouting).unwrap();
    let walk = d.db.set_walk_plan(d.other_item, &plan(vec![part("tesk", 3, &["technology-1"])])).unwrap();
    let prompt = walk.steps[0].prompt.as_ref().unwrap();
    assert_eq!((prompt.da.as_str(), prompt.en.as_str()), ("Hvad vil du belyse?", "What do you want to shed light on?"));
}

#[test]
fn a_temamoede_item_starts_from_a_case_in_the_catalogue() {
    let mut d = demo();
    let before = d.db.get_meeting(d.meeting).unwrap().items.len();
    let item = d.db.add_agenda_item_from_case(d.meeting, "kl-catalogue", "aabenraa").unwrap();
    assert_eq!(item.title, "Aabenraa Kommune: Velfærdsteknologi med strategi og systematik");
    assert!(
        item.summary.starts_with("Systematisk arbejde med velfærdsteknologi som del af planstrategi"),
        "{}",
        item.summary
    );
    let bg = &item.background;
    for part in [
        "Til forberedelse – fra KL's inspirationskatalog",
        "Greb til inddragelse\n• Skab bredt politisk ejerskab, så fejl ikke bliver politisk kampplads",
        "Hvad er svært?\n• Det er svært at skabe tværgående sektorsamarbejde",
        "Et godt råd fra Aabenraa Kommune:\nPolitikerne skal have teknologien i hånden og selv prøve – det afmystificerer.",
        "Et dårligt råd fra Aabenraa Kommune:\nFormuler projekterne om digitalisering som rene besparelsesprojekter.",
        "Kilde: KL: Veje til politisk deltagelse i digitalisering – inspirationskatalog, 2021, Kapitel 2, Tabel 1",
    ] {
        assert!(bg.contains(part), "{part:?} missing in:\n{bg}");
    }
    // The walk: the six organisation questions, with the case as technology and problem.
    let walk = d.db.get_walk(item.id).unwrap();
    assert_eq!(walk.case_technology, "Velfærdsteknologi med strategi og systematik");
    assert!(walk.case_problem.starts_with("Systematisk arbejde"));
    assert_eq!(walk.steps.len(), 6);
    assert!(walk.steps.iter().all(|s| s.set_id == "organisation-questions"));
    assert_eq!(d.db.get_meeting(d.meeting).unwrap().items.len(), before + 1);

    // A mini-case has no lists; a corrected headline is used as shown.
    let mini = d.db.add_agenda_item_from_case(d.meeting, "kl-catalogue", "haderslev").unwrap();
    assert_eq!(mini.title, "Haderslev: Strategi");

    // An unknown case is refused with a Danish message and nothing is added.
    let e = d.db.add_agenda_item_from_case(d.meeting, "kl-catalogue", "roskilde").unwrap_err();
    assert_eq!((e.kind(), e.message().key), (ErrorKind::Validation, "error-framework-case-not-found"));
    assert_eq!(e.to_string(), "Casen »roskilde« findes ikke i »kl-catalogue«.");
    assert_eq!(d.db.get_meeting(d.meeting).unwrap().items.len(), before + 2);
}
