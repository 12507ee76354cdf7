//! The demo workspace offered on first run: a task committee on digitalisation preparing a
//! temamøde on the KL catalogue's case "Algoritmer til forebyggelse af fald hos ældre
//! borgere". Every person in it is invented. The case's agenda item has a walk plan: KL's TESK
//! questions, then the six organisation questions.

use chrono::{Datelike, Duration, Local, NaiveDate, Weekday};

use crate::domain::*;
use crate::error::Result;
use crate::store::Db;

pub const COMMITTEE_NAME: &str = "Opgaveudvalget for digitalisering og teknologi";
pub const THEME_MEETING_TITLE: &str = "Temamøde: Algoritmer til forebyggelse af fald hos ældre borgere";

const MEMBERS: &[(&str, Role, Option<&str>)] = &[
    ("Mette Skovgaard", Role::Chair, Some("Fælleslisten")),
    ("Jonas Bech Lauridsen", Role::ViceChair, Some("Borgerlisten")),
    ("Aisha Khalil", Role::Member, Some("Fælleslisten")),
    ("Per Holmgaard", Role::Member, Some("Grøn Fremtid")),
    ("Karen Vestergaard-Nielsen", Role::CitizenMember, None),
    ("Ole Dam Frandsen", Role::CitizenMember, None),
    ("Sofie Ibsen", Role::Secretary, None),
    ("Henrik Aagaard", Role::Official, None),
];

struct Item {
    title: &'static str,
    openness: Openness,
    case_id: &'static str,
    summary: &'static str,
    background: &'static str,
    recommendation: &'static str,
}

const THEME_ITEMS: &[Item] = &[
    Item {
        title: "Godkendelse af dagsorden",
        openness: Openness::Open,
        case_id: "",
        summary: "",
        background: "",
        recommendation: "Forvaltningen indstiller, at dagsordenen godkendes.",
    },
    Item {
        title: "Algoritmer til forebyggelse af fald hos ældre borgere",
        openness: Openness::Open,
        case_id: "DEMO-2026-00412",
        summary: "Fald hos ældre borgere kan føre til knoglebrud, hjernerystelse og varige funktionstab. \
Udvalget drøfter på temamødet, om og hvordan kommunen kan bruge data og algoritmer til at forudsige og \
forebygge fald hos modtagere af hjemmepleje.",
        background: "Kommunen registrerer allerede mange data om sundheden hos borgere, der modtager hjemmepleje. \
Kombineret med nye data, fx om væskeindtag, kan data måske bruges til at pege på borgere med høj risiko for fald, \
så hjemmeplejen kan sætte ind tidligere.\n\n\
Temamødet følger KL's model for politisk deltagelse i digitaliseringsprojekter og bruger TESK-spørgsmålene \
(Teknologi, Strategi, Konsekvens) og de seks spørgsmål om organisering som ramme for drøftelsen.\n\n\
Der er ikke truffet beslutning om at igangsætte et projekt.",
        recommendation: "Forvaltningen indstiller, at udvalget:\n\
1. drøfter muligheder og risici ved brug af algoritmer til forebyggelse af fald\n\
2. giver input til, hvilke borgere, pårørende og medarbejdere der skal inddrages i den videre afklaring\n\
3. beder forvaltningen om at vende tilbage med et oplæg til afprøvning",
    },
    Item {
        title: "Opfølgning på udvalgets spørgsmål til forvaltningen",
        openness: Openness::Open,
        case_id: "DEMO-2026-00388",
        summary: "Forvaltningen orienterer om svar på de spørgsmål, udvalget stillede på sidste møde.",
        background: "",
        recommendation: "Forvaltningen indstiller, at orienteringen tages til efterretning.",
    },
    Item {
        title: "Personsag vedrørende frikøb af medarbejder til projektgruppe",
        openness: Openness::Closed,
        case_id: "DEMO-2026-00415",
        summary: "Punktet behandles for lukkede døre.",
        background: "",
        recommendation: "",
    },
    Item { title: "Eventuelt", openness: Openness::Open, case_id: "", summary: "", background: "", recommendation: "" },
];

/// The agenda item (by position in [`THEME_ITEMS`]) whose walk is prepared.
const CASE_ITEM: usize = 1;

/// The case as KL's catalogue (seed 002) states it.
const CASE_TECHNOLOGY: &str = "Algoritmer, der ud fra data om borgerens sundhed forudsiger og forebygger fald";
const CASE_PROBLEM: &str = "Fald hos ældre borgere kan føre til knoglebrud, hjernerystelse og varige funktionstab. \
Det skaber dårligere livskvalitet for den ældre og i mange tilfælde større træk på kommunale sundheds- og plejeydelser.";

/// The walk of the case: every TESK question, then the six organisation questions.
pub fn case_walk_plan() -> WalkPlan {
    let part = |set_id: &str| WalkPlanPart { set_id: set_id.into(), set_version: 2, selection: Vec::new() };
    WalkPlan {
        case_technology: CASE_TECHNOLOGY.into(),
        case_problem: CASE_PROBLEM.into(),
        parts: vec![part("tesk"), part("organisation-questions")],
    }
}

/// The first Tuesday at least two weeks from `today`, so the demo meeting is upcoming.
fn next_meeting_day(today: NaiveDate) -> NaiveDate {
    let mut d = today + Duration::days(14);
    while d.weekday() != Weekday::Tue {
        d += Duration::days(1);
    }
    d
}

/// Create the demo workspace and return its committee. Refused (as a name conflict) if the
/// demo committee already exists, so running it twice never duplicates anything.
pub fn create(db: &mut Db) -> Result<Committee> {
    create_on(db, Local::now().date_naive())
}

pub fn create_on(db: &mut Db, today: NaiveDate) -> Result<Committee> {
    let committee = db.create_committee(&NewCommittee {
        name: COMMITTEE_NAME.into(),
        kind: CommitteeKind::Task,
        description: "Opgaveudvalg efter styrelseslovens § 17, stk. 4, med politikere og borgermedlemmer. \
Udvalget skal give byrådet bud på principper og pejlemærker for kommunens digitalisering og styrke \
politikernes deltagelse i konkrete digitaliseringsprojekter."
            .into(),
    })?;
    for (name, role, party) in MEMBERS {
        db.add_member(committee.id, &NewMember { name: (*name).into(), role: *role, party: party.map(Into::into) })?;
    }

    let day = next_meeting_day(today);
    let at = |d: NaiveDate, h: u32| format!("{}T{h:02}:00", d.format("%Y-%m-%d"));

    let earlier = day - Duration::days(35);
    let past = db.create_meeting(&NewMeeting {
        committee_id: committee.id,
        title: "Udvalgsmøde".into(),
        kind: MeetingKind::Ordinary,
        starts_at: at(earlier, 17),
        ends_at: at(earlier, 19),
        place: "Udvalgsværelse G".into(),
    })?;
    for title in ["Godkendelse af dagsorden", "Udvalgets arbejdsplan for året", "Eventuelt"] {
        db.add_agenda_item(past.id, title)?;
    }
    for status in [MeetingStatus::AgendaSent, MeetingStatus::InProgress, MeetingStatus::Closed] {
        db.set_meeting_status(past.id, status)?;
    }

    let theme = db.create_meeting(&NewMeeting {
        committee_id: committee.id,
        title: THEME_MEETING_TITLE.into(),
        kind: MeetingKind::Theme,
        starts_at: at(day, 17),
        ends_at: at(day, 20),
        place: "Udvalgsværelse G".into(),
    })?;
    for (i, item) in THEME_ITEMS.iter().enumerate() {
        let added = db.add_agenda_item(theme.id, item.title)?;
        db.update_agenda_item(
            added.id,
            &AgendaItemPatch {
                openness: Some(item.openness),
                case_id: Some(item.case_id.into()),
                summary: Some(item.summary.into()),
                background: Some(item.background.into()),
                recommendation: Some(item.recommendation.into()),
                ..Default::default()
            },
        )?;
        if i == CASE_ITEM {
            db.set_walk_plan(added.id, &case_walk_plan())?;
        }
    }
    annual_cycle(db, committee.id)?;
    project(db, committee.id, past.id, theme.id)?;
    Ok(db.get_committee(committee.id)?.committee)
}

/// The committee's annual cycle: the yearly temamøde on digitalisation, the budget and a
/// half-yearly status on the projects. No meetings are made from it: the year view offers that.
fn annual_cycle(db: &mut Db, committee_id: Id) -> Result<()> {
    let entry = |title: &str, kind, description: &str, month, week, start: &str, end: &str| NewCycleEntry {
        title: title.into(),
        kind,
        description: description.into(),
        rule: CycleRule::Weekday,
        month,
        week,
        weekday: 2,
        day: 1,
        start_time: start.into(),
        end_time: end.into(),
        place: "Udvalgsværelse G".into(),
    };
    for e in [
        entry(
            "Halvårsstatus på digitaliseringsprojekterne",
            MeetingKind::Ordinary,
            "Forvaltningen gør status på projekterne og deres faser.",
            2,
            5,
            "17:00",
            "19:00",
        ),
        entry(
            "Budgetdrøftelse: digitalisering",
            MeetingKind::Ordinary,
            "Udvalgets input til budgettet for det kommende år.",
            6,
            1,
            "17:00",
            "19:00",
        ),
        entry(
            "Årets temamøde om digitalisering",
            MeetingKind::Theme,
            "Temamøde efter KL's model for politisk deltagelse i digitalisering.",
            9,
            2,
            "17:00",
            "20:00",
        ),
    ] {
        db.create_cycle_entry(committee_id, &e)?;
    }
    Ok(())
}

/// The fall-prevention case as a project in phase 1 (Forståelse): the stakeholders KL's case
/// names, the past meeting where the committee took it up, and the coming temamøde.
fn project(db: &mut Db, committee_id: Id, past_meeting: Id, theme_meeting: Id) -> Result<()> {
    let p = db.create_project(&NewProject {
        title: "Algoritmer til forebyggelse af fald".into(),
        description: "Kan data fra hjemmeplejen og en algoritme pege på ældre borgere med høj risiko for fald, \
så hjemmeplejen kan sætte ind tidligere?"
            .into(),
        committee_id,
    })?;
    db.update_project_phase(
        p.id,
        0,
        &ProjectPhasePatch {
            stakeholders: Some(
                "Politikere\nÆldre borgere med faldrisiko\nPårørende\nSundhedsfaglige medarbejdere\nÆldrerådet".into(),
            ),
            learnings: Some(
                "Fald er et væsentligt problem for en stor gruppe ældre borgere, ikke kun for kommunens budget. \
Udgangspunktet er borgerne, ikke teknologien."
                    .into(),
            ),
        },
    )?;
    let past = db.get_meeting(past_meeting)?;
    let plan = past.items.iter().find(|i| i.title == "Udvalgets arbejdsplan for året").map(|i| i.id);
    db.link_project_meeting(p.id, 0, past_meeting, plan)?;
    db.set_project_phase(p.id, 1, "Udvalget vil forstå problemet bedre på et temamøde.")?;
    let theme = db.get_meeting(theme_meeting)?;
    let case = theme.items.get(CASE_ITEM).map(|i| i.id);
    db.link_project_meeting(p.id, 1, theme_meeting, case)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_meeting_is_on_a_tuesday_two_weeks_ahead() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let d = next_meeting_day(today);
        assert_eq!(d.weekday(), Weekday::Tue);
        assert!(d - today >= Duration::days(14) && d - today < Duration::days(21));
    }
}
