//! Figures for the follow-up list and positions over time at the scale of one committee's
//! twenty years (`cargo run --release --example follow_up_timing`).
//!
//! A committee that meets ten times a year for twenty years, walking the six organisation
//! questions at every meeting and raising five questions to the administration each time,
//! has 200 meetings, 1 000 follow-up items and 7 200 positions. The views read all of it at
//! once, so this prints how long the core takes to build each of them (p50 / p95 / max of
//! repeated runs), written through the app's own code on the real migrations (in memory).

use std::time::Instant;

use pejling::*;

const YEARS: i32 = 20;
const MEETINGS_PER_YEAR: u32 = 10;
const QUESTIONS_PER_MEETING: u32 = 5;
const RUNS: usize = 30;

fn main() -> pejling::Result<()> {
    let mut db = Db::open_in_memory()?;
    let c = db.create_committee(&NewCommittee {
        name: "Opgaveudvalget for digitalisering".into(),
        kind: CommitteeKind::Task,
        description: String::new(),
    })?;
    let mut politicians = Vec::new();
    for (i, role) in [Role::Chair, Role::ViceChair, Role::Member, Role::Member, Role::Member, Role::CitizenMember]
        .into_iter()
        .enumerate()
    {
        let m = db.add_member(c.id, &NewMember { name: format!("Medlem {}", i + 1), role, party: None })?;
        politicians.push(m.person_id);
    }
    let plan = WalkPlan {
        case_technology: String::new(),
        case_problem: String::new(),
        parts: vec![WalkPlanPart { set_id: store::ORGANISATION_QUESTIONS.into(), set_version: 2, selection: vec![] }],
    };
    let started = Instant::now();
    let mut last_meeting = 0;
    for year in 0..YEARS {
        for n in 0..MEETINGS_PER_YEAR {
            let day = format!("{}-{:02}-10", 2006 + year, n + 2);
            let m = db.create_meeting(&NewMeeting {
                committee_id: c.id,
                title: format!("Temamøde {}", year * MEETINGS_PER_YEAR as i32 + n as i32 + 1),
                kind: MeetingKind::Theme,
                starts_at: format!("{day}T17:00"),
                ends_at: format!("{day}T19:00"),
                place: String::new(),
            })?;
            last_meeting = m.id;
            let item = db.add_agenda_item(m.id, "Drøftelse")?;
            db.set_walk_plan(item.id, &plan)?;
            db.set_positions_named(m.id, n % 2 == 0)?;
            for step in 0..6u32 {
                for (i, p) in politicians.iter().enumerate() {
                    let v = ((year as u32 * 7 + step * 13 + i as u32 * 11 + n) % 101) as u8;
                    db.set_position(item.id, step, *p, &PositionInput::Value(v))?;
                }
                db.reveal_positions(item.id, step)?;
            }
            for q in 0..QUESTIONS_PER_MEETING {
                let f = db.add_question_to_administration(
                    item.id,
                    q % 6,
                    &format!("Spørgsmål {q} om data og algoritmer i år {}", 2006 + year),
                    None,
                )?;
                // Most are answered and closed by the next year; the newest stay open.
                if year < YEARS - 1 {
                    db.update_follow_up(
                        f.id,
                        &FollowUpPatch {
                            status: Some(FollowUpStatus::Closed),
                            answer: Some("Besvaret af forvaltningen.".into()),
                            ..Default::default()
                        },
                    )?;
                }
            }
        }
    }
    let offer = db.follow_up_offer(last_meeting)?;
    let ids: Vec<Id> = offer.items.iter().map(|f| f.id).collect();
    db.add_follow_up_agenda_item(last_meeting, &ids)?;
    println!(
        "written in {:.1} s: {} meetings, {} follow-up items ({} open), {} positions",
        started.elapsed().as_secs_f64(),
        YEARS as u32 * MEETINGS_PER_YEAR,
        YEARS as u32 * MEETINGS_PER_YEAR * QUESTIONS_PER_MEETING,
        ids.len(),
        YEARS as u32 * MEETINGS_PER_YEAR * 6 * politicians.len() as u32,
    );

    let list = db.follow_up_list(c.id)?;
    assert_eq!(list.items.len() as u32, YEARS as u32 * MEETINGS_PER_YEAR * QUESTIONS_PER_MEETING);
    let history = db.position_history(c.id, store::ORGANISATION_QUESTIONS)?;
    assert_eq!(history.occasions.len() as u32, YEARS as u32 * MEETINGS_PER_YEAR);

    println!("{:<40} {:>9} {:>9} {:>9}", "operation (ms)", "p50", "p95", "max");
    time("follow_up_list (1 000 items)", || db.follow_up_list(c.id).map(drop));
    let next = db.create_meeting(&NewMeeting {
        committee_id: c.id,
        title: "Næste møde".into(),
        kind: MeetingKind::Ordinary,
        starts_at: format!("{}-01-15T17:00", 2006 + YEARS),
        ends_at: format!("{}-01-15T19:00", 2006 + YEARS),
        place: String::new(),
    })?;
    assert_eq!(db.follow_up_offer(next.id)?.items.len(), ids.len() + QUESTIONS_PER_MEETING as usize);
    time("follow_up_offer (50 open items)", || db.follow_up_offer(next.id).map(drop));
    time("position_history (200 temamøder)", || db.position_history(c.id, store::ORGANISATION_QUESTIONS).map(drop));
    let one = list.items[0].id;
    time("update_follow_up (one autosave)", || db_update(&mut db, one));
    Ok(())
}

fn db_update(db: &mut Db, id: Id) -> pejling::Result<()> {
    db.update_follow_up(id, &FollowUpPatch { owner: Some(format!("Ejer {}", id % 7)), ..Default::default() }).map(drop)
}

fn time(what: &str, mut f: impl FnMut() -> pejling::Result<()>) {
    let mut ms: Vec<f64> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            f().expect("the operation succeeds");
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    ms.sort_by(|a, b| a.total_cmp(b));
    let p = |q: f64| ms[((ms.len() - 1) as f64 * q).round() as usize];
    println!("{what:<40} {:>9.2} {:>9.2} {:>9.2}", p(0.5), p(0.95), ms[ms.len() - 1]);
}
