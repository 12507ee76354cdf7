//! The room's screen shows the current question of an open item and a continuum's result only
//! once revealed; never notes, questions to the administration or closed items.

use pejling_core::*;

struct Demo {
    db: Db,
    meeting: Id,
    case: Id,
    closed_item: Id,
    politicians: Vec<Id>,
}

fn demo() -> Demo {
    let mut db = Db::open_in_memory().unwrap();
    let c = demo::create_on(&mut db, chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()).unwrap();
    let detail = db.get_committee(c.id).unwrap();
    let meeting = detail.meetings.iter().find(|m| m.title == pejling_core::demo::THEME_MEETING_TITLE).unwrap().id;
    let items = db.list_agenda_items(meeting).unwrap();
    let politicians = detail
        .members
        .iter()
        .filter(|m| matches!(m.role, Role::Chair | Role::ViceChair | Role::Member | Role::CitizenMember))
        .map(|m| m.person_id)
        .collect();
    let closed_item = items.iter().find(|i| i.openness == Openness::Closed).unwrap().id;
    Demo { db, meeting, case: items[1].id, closed_item, politicians }
}

fn first_continuum(db: &Db, item: Id) -> u32 {
    db.get_walk(item).unwrap().steps.iter().find(|s| s.is_continuum).unwrap().index
}

#[test]
fn before_the_walk_the_room_shows_the_meeting_only() {
    let d = demo();
    let view = d.db.room_view(d.meeting).unwrap();
    assert_eq!(view.meeting_title, "Temamøde: Algoritmer til forebyggelse af fald hos ældre borgere");
    assert_eq!(view.item, None);
}

#[test]
fn the_room_follows_the_chair_to_the_current_question() {
    let mut d = demo();
    d.db.set_current_step(d.meeting, d.case, 2).unwrap();
    let view = d.db.room_view(d.meeting).unwrap();
    let item = view.item.expect("the case is open and walked");
    assert_eq!(item.agenda_item_id, d.case);
    assert_eq!(item.step_count, 22);
    let step = item.step.unwrap();
    assert_eq!(step.index, 2);
    let walk = d.db.get_walk(d.case).unwrap();
    assert_eq!(step.question, walk.steps[2].question);
    assert_eq!(step.where_label.da, "Teknologi · spørgsmål 3 af 6");
    assert!(step.where_label.en.starts_with("Technology · question 3 of"));
    assert!(!step.is_continuum);
    assert_eq!(step.result, None);
}

#[test]
fn notes_and_questions_to_the_administration_never_reach_the_room() {
    let mut d = demo();
    let step = first_continuum(&d.db, d.case);
    d.db.set_current_step(d.meeting, d.case, step).unwrap();
    d.db.save_step_note(d.case, step, "Hemmelig note: budgettet er allerede brugt").unwrap();
    d.db.add_question_to_administration(d.case, step, "Hvem ejer data i hjemmeplejen?", Some(d.politicians[0]))
        .unwrap();
    let json = serde_json::to_string(&d.db.room_view(d.meeting).unwrap()).unwrap();
    assert!(!json.contains("Hemmelig note"), "{json}");
    assert!(!json.contains("Hvem ejer data"), "{json}");
}

#[test]
fn positions_reach_the_room_only_when_revealed() {
    let mut d = demo();
    let step = first_continuum(&d.db, d.case);
    d.db.set_current_step(d.meeting, d.case, step).unwrap();
    for (person, v) in d.politicians.clone().iter().zip([10u8, 35, 55, 70, 90]) {
        d.db.set_position(d.case, step, *person, &PositionInput::Value(v)).unwrap();
    }
    let hidden = d.db.room_view(d.meeting).unwrap().item.unwrap().step.unwrap();
    assert!(hidden.is_continuum);
    let result = hidden.result.unwrap();
    assert!(!result.revealed);
    assert_eq!(result.answered_count, 5);
    assert!(result.values.is_empty());
    assert_eq!(result.statistics, None);

    d.db.reveal_positions(d.case, step).unwrap();
    let shown = d.db.room_view(d.meeting).unwrap().item.unwrap().step.unwrap().result.unwrap();
    assert!(shown.revealed);
    assert_eq!(shown.values.iter().map(|p| p.value).collect::<Vec<_>>(), [10, 35, 55, 70, 90]);
    assert_eq!(shown.statistics.unwrap().median, 55.0);
}

#[test]
fn a_closed_item_is_never_shown_in_the_room() {
    let mut d = demo();
    // A walk plan on the closed item, and the meeting moved there.
    let plan = WalkPlan {
        case_technology: "Lukket sag".into(),
        case_problem: "Personoplysninger".into(),
        parts: vec![WalkPlanPart { set_id: "tesk".into(), set_version: 2, selection: vec![] }],
    };
    d.db.set_walk_plan(d.closed_item, &plan).unwrap();
    d.db.set_current_step(d.meeting, d.closed_item, 0).unwrap();
    let view = d.db.room_view(d.meeting).unwrap();
    assert_eq!(view.item, None);
    let json = serde_json::to_string(&view).unwrap();
    assert!(!json.contains("Personoplysninger"));
}
