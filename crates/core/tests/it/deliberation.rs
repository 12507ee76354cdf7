//! Did insight move the room? Two rounds of positions on a continuum question, reasons,
//! points from every seat ("Hvad vil du belyse?") and a timebox per question, on the real
//! migrations.

use pejling_core::*;

struct Demo {
    db: Db,
    meeting: Id,
    case: Id,
    politicians: Vec<Id>,
}

fn demo() -> Demo {
    let mut db = Db::open_in_memory().unwrap();
    let c = demo::create_without_history_on(&mut db, chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()).unwrap();
    let detail = db.get_committee(c.id).unwrap();
    let meeting = detail.meetings.iter().find(|m| m.kind == MeetingKind::Theme).unwrap().id;
    let items = db.list_agenda_items(meeting).unwrap();
    let mut politicians: Vec<(usize, String, Id)> = detail
        .members
        .iter()
        .filter(|m| m.role.takes_positions())
        .map(|m| (m.role.rank(), m.name.clone(), m.person_id))
        .collect();
    politicians.sort();
    Demo { db, meeting, case: items[1].id, politicians: politicians.into_iter().map(|p| p.2).collect() }
}

fn step_of(d: &Demo, question_id: &str) -> u32 {
    d.db.get_walk(d.case).unwrap().steps.iter().find(|s| s.question.id == question_id).unwrap().index
}

fn answer(d: &mut Demo, step: u32, values: &[u8]) {
    for (person, v) in d.politicians.clone().iter().zip(values) {
        d.db.set_position(d.case, step, *person, &PositionInput::Value(*v)).unwrap();
    }
}

fn key(e: &Error) -> &str {
    match e {
        Error::Validation(m) | Error::Conflict(m) => m.key,
        other => panic!("unexpected error {other:?}"),
    }
}

#[test]
fn two_rounds_hide_both_until_revealed_then_show_moves_median_shift_and_spread() {
    let mut d = demo();
    let step = step_of(&d, "organisation-1");
    answer(&mut d, step, &[10, 20, 30, 40, 50]);
    let r1 = d.db.continuum_result(d.case, step).unwrap();
    assert_eq!((r1.round, r1.answered_count, r1.first_round.is_none()), (1, 5, true));

    let r = d.db.start_second_round(d.case, step).unwrap();
    assert_eq!((r.round, r.answered_count, r.revealed), (2, 0, false));
    let first = r.first_round.as_ref().unwrap();
    assert_eq!((first.answered_count, first.revealed), (5, false));
    assert!(first.values.is_empty() && first.statistics.is_none(), "round 1 stays hidden: {first:?}");
    assert_eq!(d.db.get_walk(d.case).unwrap().steps[step as usize].round, 2);
    // Round 2 cannot start twice.
    assert_eq!(key(&d.db.start_second_round(d.case, step).unwrap_err()), "error-round-two-started");

    // Four move, one does not answer again, one answers only now.
    let p = d.politicians.clone();
    for (person, v) in [(p[0], 30), (p[1], 40), (p[2], 30), (p[3], 60), (p[5], 70)] {
        d.db.set_position(d.case, step, person, &PositionInput::Value(v)).unwrap();
    }
    let hidden = d.db.continuum_result(d.case, step).unwrap();
    assert!(hidden.values.is_empty() && hidden.moves.is_empty() && hidden.median_shift.is_none());
    assert_eq!(hidden.answered_count, 5);

    let shown = d.db.reveal_positions(d.case, step).unwrap();
    let first = shown.first_round.as_ref().unwrap();
    assert!(first.revealed);
    let before = first.statistics.as_ref().unwrap();
    let after = shown.statistics.as_ref().unwrap();
    // Round 1: 10 20 30 40 50 → median 30, quartiles 20–40. Round 2: 30 30 40 60 70 → median 40,
    // quartiles 30–60.
    assert_eq!((before.median, before.q1, before.q3, before.iqr), (30.0, 20.0, 40.0, 20.0));
    assert_eq!((after.median, after.q1, after.q3, after.iqr), (40.0, 30.0, 60.0, 30.0));
    assert_eq!(shown.median_shift, Some(10.0));
    // Anonymous moves: only those who answered twice, by value, without names.
    let moves: Vec<(u8, u8)> = shown.moves.iter().map(|m| (m.from, m.to)).collect();
    assert_eq!(moves, [(10, 30), (20, 40), (30, 30), (40, 60)]);
    assert!(shown.moves.iter().all(|m| m.name.is_none() && m.person_id.is_none()));

    // Named when the meeting says so.
    d.db.set_positions_named(d.meeting, true).unwrap();
    let named = d.db.continuum_result(d.case, step).unwrap();
    assert!(named.moves.iter().all(|m| m.name.is_some()));
    assert_eq!(named.moves.iter().find(|m| m.person_id == Some(p[3])).map(|m| (m.from, m.to)), Some((40, 60)));

    // The history of the six questions uses the last round.
    let committee = d.db.get_meeting(d.meeting).unwrap().committee.id;
    let history = d.db.position_history(committee, "organisation-questions").unwrap();
    let q = history.questions.iter().find(|q| q.question_id == "organisation-1").unwrap();
    let point = q.points.last().unwrap();
    assert_eq!(point.statistics.as_ref().map(|s| s.median), Some(40.0), "the last round is the history's");
    assert_eq!(point.first_round.as_ref().map(|s| s.median), Some(30.0), "the first round beside it");
}

#[test]
fn round_two_needs_round_one_and_a_step_with_data_stays_in_the_plan() {
    let mut d = demo();
    let step = step_of(&d, "organisation-2");
    assert_eq!(key(&d.db.start_second_round(d.case, step).unwrap_err()), "error-round-one-empty");
    answer(&mut d, step, &[50]);
    d.db.start_second_round(d.case, step).unwrap();
    // Round 1 is data: the question cannot be dropped from the plan.
    let mut plan = d.db.get_walk(d.case).unwrap().plan;
    for part in &mut plan.parts {
        part.selection.retain(|q| q != "organisation-2");
    }
    assert_eq!(key(&d.db.set_walk_plan(d.case, &plan).unwrap_err()), "error-walk-step-has-data");
    // Round 1 never changes.
    let tesk = step_of(&d, "technology-1");
    assert_eq!(key(&d.db.start_second_round(d.case, tesk).unwrap_err()), "error-walk-not-continuum");
}

#[test]
fn reasons_are_shown_after_the_reveal_by_side_and_attributed_only_when_named() {
    let mut d = demo();
    let step = step_of(&d, "organisation-3");
    answer(&mut d, step, &[20, 50, 80, 10]);
    let p = d.politicians.clone();
    d.db.set_position_reason(d.case, step, p[0], "  Borgernes tryghed først ").unwrap();
    d.db.set_position_reason(d.case, step, p[1], "Begge dele").unwrap();
    d.db.set_position_reason(d.case, step, p[2], "Hurtig gevinst").unwrap();
    d.db.set_position_reason(d.case, step, p[3], "Lav risiko").unwrap();
    // No reason without a position, or longer than the limit.
    assert_eq!(key(&d.db.set_position_reason(d.case, step, p[4], "x").unwrap_err()), "error-reason-no-position");
    let long = "x".repeat(store::MAX_REASON + 1);
    assert_eq!(key(&d.db.set_position_reason(d.case, step, p[0], &long).unwrap_err()), "error-text-too-long");

    let hidden = d.db.continuum_result(d.case, step).unwrap();
    assert!(hidden.reasons.is_empty(), "no reason leaves the core before the reveal");
    let r = d.db.reveal_positions(d.case, step).unwrap();
    let got: Vec<(ContinuumSide, u8, &str)> = r.reasons.iter().map(|x| (x.side, x.value, x.reason.as_str())).collect();
    assert_eq!(
        got,
        [
            (ContinuumSide::Left, 10, "Lav risiko"),
            (ContinuumSide::Left, 20, "Borgernes tryghed først"),
            (ContinuumSide::Middle, 50, "Begge dele"),
            (ContinuumSide::Right, 80, "Hurtig gevinst"),
        ]
    );
    assert!(r.reasons.iter().all(|x| x.name.is_none()));
    d.db.set_positions_named(d.meeting, true).unwrap();
    let r = d.db.continuum_result(d.case, step).unwrap();
    assert!(r.reasons.iter().all(|x| x.name.is_some()));
    // An empty reason removes it.
    d.db.set_position_reason(d.case, step, p[1], "").unwrap();
    assert_eq!(d.db.continuum_result(d.case, step).unwrap().reasons.len(), 3);

    // The reasons and both rounds go into the referat.
    let summary = d.db.walk_summary(d.case).unwrap();
    let doc = docmodel::walk::build(&i18n::Catalog::new(Lang::Da), Lang::Da, &summary).unwrap();
    let text = serde_json::to_string(&doc).unwrap();
    assert!(text.contains("Begrundelser – Tættest på yderposition 1"), "{text}");
    assert!(text.contains("Borgernes tryghed først"), "{text}");
}

#[test]
fn the_referat_states_both_rounds_and_the_move_of_the_median() {
    let mut d = demo();
    let step = step_of(&d, "organisation-4");
    answer(&mut d, step, &[10, 20, 30]);
    d.db.start_second_round(d.case, step).unwrap();
    answer(&mut d, step, &[30, 40, 50]);
    d.db.reveal_positions(d.case, step).unwrap();
    let summary = d.db.walk_summary(d.case).unwrap();
    let doc = docmodel::walk::build(&i18n::Catalog::new(Lang::Da), Lang::Da, &summary).unwrap();
    let text = serde_json::to_string(&doc).unwrap();
    assert!(text.contains("Første runde (før drøftelsen): 3 placeringer, median 20"), "{text}");
    assert!(text.contains("Medianen flyttede sig 20 point, fra 20 til 40"), "{text}");
}

#[test]
fn points_arrive_are_shown_without_names_merged_and_become_a_question_in_one_action() {
    let mut d = demo();
    let step = step_of(&d, "technology-1");
    let p = d.politicians.clone();
    let a = d.db.add_walk_point(d.case, step, Some(p[0]), "Hvem ejer data?").unwrap();
    let b = d.db.add_walk_point(d.case, step, Some(p[1]), "Hvem ejer dataene?").unwrap();
    let c = d.db.add_walk_point(d.case, step, None, "Hvad koster det?").unwrap();
    assert!(a.name.is_some(), "the chair sees who sent it");
    assert_eq!(key(&d.db.add_walk_point(d.case, step, Some(p[0]), "   ").unwrap_err()), "error-point-empty");
    // Not at a continuum question.
    let org = step_of(&d, "organisation-1");
    assert_eq!(key(&d.db.add_walk_point(d.case, org, Some(p[0]), "x").unwrap_err()), "error-point-not-here");

    // Shown on the room screen: the text only.
    d.db.set_current_step(d.meeting, d.case, step).unwrap();
    d.db.show_walk_point(a.id, true).unwrap();
    d.db.show_walk_point(c.id, true).unwrap();
    let merged = d.db.merge_walk_point(b.id, Some(a.id)).unwrap();
    assert_eq!(merged.iter().find(|x| x.id == a.id).unwrap().duplicates, 1);
    // A point with duplicates cannot itself be merged; nor into itself.
    assert_eq!(key(&d.db.merge_walk_point(a.id, Some(c.id)).unwrap_err()), "error-point-merge");
    assert_eq!(key(&d.db.merge_walk_point(c.id, Some(c.id)).unwrap_err()), "error-point-merge");
    let room = d.db.room_view(d.meeting).unwrap();
    let room_step = room.item.unwrap().step.unwrap();
    let shown: Vec<(&str, u32)> = room_step.points.iter().map(|p| (p.text.as_str(), p.count)).collect();
    assert_eq!(shown, [("Hvem ejer data?", 2), ("Hvad koster det?", 1)]);
    assert_eq!(room_step.prompt.as_ref().map(|p| p.da.as_str()), Some("Hvad vil du belyse?"));
    let json = serde_json::to_string(&room_step).unwrap();
    let names = d.db.get_committee(d.db.get_meeting(d.meeting).unwrap().committee.id).unwrap().members;
    assert!(names.iter().all(|m| !json.contains(&m.name)), "no names on the room screen: {json}");

    // One action: a question to the administration, asked by whoever sent it.
    let f = d.db.walk_point_to_question(a.id).unwrap();
    assert_eq!((f.text.as_str(), f.asked_by, f.step), ("Hvem ejer data?", Some(p[0]), Some(step)));
    assert_eq!(d.db.list_questions_to_administration(d.case).unwrap().len(), 1);
    assert_eq!(key(&d.db.walk_point_to_question(a.id).unwrap_err()), "error-point-already-question");
    let listed = d.db.list_walk_points(d.case).unwrap();
    assert_eq!(listed.iter().find(|x| x.id == a.id).unwrap().follow_up_id, Some(f.id));

    // The summary lists the points (duplicates folded), and the referat states them.
    let summary = d.db.walk_summary(d.case).unwrap();
    let texts: Vec<&str> = summary.steps[step as usize].points.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["Hvem ejer data?", "Hvad koster det?"]);
    let doc = docmodel::walk::build(&i18n::Catalog::new(Lang::Da), Lang::Da, &summary).unwrap();
    let text = serde_json::to_string(&doc).unwrap();
    assert!(text.contains("Punkter (Hvad vil du belyse?): Hvem ejer data? (×2); Hvad koster det?"), "{text}");

    // Every change is audited.
    let audit = d.db.audit_log(d.meeting).unwrap();
    let points = audit.iter().filter(|e| e.entity == "walk_point").count();
    // Three sent, two shown, one merged, one made a question.
    assert!(points >= 7, "{points} audit rows for points");
}

#[test]
fn a_timebox_is_planned_per_question_and_the_time_used_is_added_up() {
    let mut d = demo();
    let step = step_of(&d, "technology-1");
    let walk = d.db.set_step_timebox(d.case, step, Some(10)).unwrap();
    assert_eq!(walk.steps[step as usize].timebox_minutes, Some(10));
    assert_eq!(key(&d.db.set_step_timebox(d.case, step, Some(0)).unwrap_err()), "error-timebox-minutes");
    assert_eq!(key(&d.db.set_step_timebox(d.case, step, Some(241)).unwrap_err()), "error-timebox-minutes");
    d.db.set_current_step(d.meeting, d.case, step).unwrap();
    let room = d.db.room_view(d.meeting).unwrap();
    let tb = room.item.unwrap().step.unwrap().timebox.unwrap();
    assert_eq!((tb.minutes, tb.seconds_used), (10, 0));
    assert!(tb.running_since.is_some());
    std::thread::sleep(std::time::Duration::from_millis(1100));
    d.db.set_current_step(d.meeting, d.case, step + 1).unwrap();
    let walk = d.db.get_walk(d.case).unwrap();
    assert!((1..=3).contains(&walk.steps[step as usize].seconds_used), "{}", walk.steps[step as usize].seconds_used);
    assert_eq!(walk.steps[step as usize + 1].seconds_used, 0, "the visit now running is not counted yet");
    // No timebox on the next step: the room shows no countdown.
    assert!(d.db.room_view(d.meeting).unwrap().item.unwrap().step.unwrap().timebox.is_none());
    d.db.set_step_timebox(d.case, step, None).unwrap();
    assert_eq!(d.db.get_walk(d.case).unwrap().steps[step as usize].timebox_minutes, None);
}
