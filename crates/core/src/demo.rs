//! The demo workspace offered on first run: a task committee on digitalisation preparing a
//! temamøde on the KL catalogue's case "Algoritmer til forebyggelse af fald hos ældre
//! borgere". Every person in it is invented. The case's agenda item has a walk plan: KL's TESK
//! questions, then the six organisation questions.
//!
//! The committee has a history, so a newcomer sees every view filled: last year's temamøde
//! with revealed positions on the six questions, and last month's meeting where the committee
//! took them again (so "Placeringer over tid" shows movement), both with approved minutes,
//! decisions and a resumé, as a referat of seed 003 reads; follow-ups answered since; a
//! project in phase 2; and an annual cycle with the budget year's points.

use chrono::{Datelike, Duration, Local, NaiveDate, Weekday};

use crate::domain::*;
use crate::error::Result;
use crate::store::Db;

pub const COMMITTEE_NAME: &str = "Opgaveudvalget for digitalisering og teknologi";
pub const THEME_MEETING_TITLE: &str = "Temamøde: Algoritmer til forebyggelse af fald hos ældre borgere";

/// The committee's kommissorium, as a council would word it for a task committee (invented).
const MANDATE: &str = "Byrådet har nedsat opgaveudvalget for digitalisering og teknologi efter \
styrelseslovens § 17, stk. 4. Udvalget består af politikere og borgermedlemmer.\n\n\
Udvalget skal:\n\
1. give byrådet bud på principper og pejlemærker for kommunens digitalisering\n\
2. styrke politikernes deltagelse i konkrete digitaliseringsprojekter, fra problemet identificeres, \
til der besluttes, om en løsning skal i drift\n\
3. følge op på projekterne to gange om året og give input til budgettet for digitalisering og it\n\n\
Udvalget holder mindst fire møder om året, heraf et temamøde.";

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
    build(db, today, true)
}

/// The demo without its history (no meetings held, no follow-ups, the fall-prevention project
/// only): for tests of what happens to a committee from its first meeting on.
pub fn create_without_history_on(db: &mut Db, today: NaiveDate) -> Result<Committee> {
    build(db, today, false)
}

fn build(db: &mut Db, today: NaiveDate, history: bool) -> Result<Committee> {
    let committee = db.create_committee(&NewCommittee {
        name: COMMITTEE_NAME.into(),
        kind: CommitteeKind::Task,
        description: "Opgaveudvalg efter styrelseslovens § 17, stk. 4, med politikere og borgermedlemmer. \
Udvalget skal give byrådet bud på principper og pejlemærker for kommunens digitalisering og styrke \
politikernes deltagelse i konkrete digitaliseringsprojekter."
            .into(),
    })?;
    db.update_committee(committee.id, &CommitteePatch { mandate: Some(MANDATE.into()), ..Default::default() })?;
    for (name, role, party) in MEMBERS {
        db.add_member(committee.id, &NewMember { name: (*name).into(), role: *role, party: party.map(Into::into) })?;
    }

    let day = next_meeting_day(today);
    let at = |d: NaiveDate, h: u32| format!("{}T{h:02}:00", d.format("%Y-%m-%d"));

    // Last year's temamøde, the same week a year before (a Tuesday too), and last month's
    // meeting; without the history, last month's meeting is held but has no minutes yet.
    let year_ago = day - Duration::days(364);
    let earlier = day - Duration::days(35);
    let last_year = if history { Some(history_meeting(db, committee.id, &LAST_YEAR, year_ago)?) } else { None };
    let past = if history {
        history_meeting(db, committee.id, &LAST_MONTH, earlier)?
    } else {
        let past = db.create_meeting(&NewMeeting {
            committee_id: committee.id,
            title: LAST_MONTH.title.into(),
            kind: MeetingKind::Ordinary,
            starts_at: at(earlier, 17),
            ends_at: at(earlier, 19),
            place: "Udvalgsværelse G".into(),
        })?;
        for item in LAST_MONTH.items.iter().filter(|i| i.positions.is_none()) {
            db.add_agenda_item(past.id, item.title)?;
        }
        for status in [MeetingStatus::AgendaSent, MeetingStatus::InProgress, MeetingStatus::Closed] {
            db.set_meeting_status(past.id, status)?;
        }
        past
    };

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
            if history {
                demo_bilag(db, added.id)?;
            }
        }
    }
    annual_cycle(db, committee.id, day.year() + 1)?;
    project(db, committee.id, past.id, theme.id)?;
    if let Some(last_year) = last_year {
        screen_visits_project(db, committee.id, last_year.id, past.id)?;
    }
    Ok(db.get_committee(committee.id)?.committee)
}

/// The demo's bilag (a notat and the administration's slides), so a newcomer sees bilag at
/// once. They are typeset from `assets/demo/*.typ` by `pejling-documents` and committed; its
/// test `demo_bilag_are_fresh` fails when a source changed and the PDF was not rewritten.
const DEMO_NOTAT: &[u8] = include_bytes!("../../../assets/demo/notat.pdf");
const DEMO_SLIDES: &[u8] = include_bytes!("../../../assets/demo/praesentation.pdf");

fn demo_bilag(db: &mut Db, item: Id) -> Result<()> {
    for (bytes, file, title, number) in [
        (
            DEMO_NOTAT,
            "notat-faldforebyggelse.pdf",
            "Notat: Faldforebyggelse med algoritmer",
            "2260114 - DEMO-2026-00412",
        ),
        (
            DEMO_SLIDES,
            "praesentation-algoritmer-mod-fald.pdf",
            "Forvaltningens præsentation",
            "2260115 - DEMO-2026-00412",
        ),
    ] {
        db.attach_bytes(
            item,
            bytes,
            &crate::store::NewAttachment {
                file_name: file,
                title: Some(title),
                document_number: Some(number),
                closed: false,
            },
        )?;
    }
    while db.extract_pending_attachment()? {}
    Ok(())
}

// ---- the committee's history ------------------------------------------------------------

/// An agenda item of a held meeting, as the secretary wrote it up.
struct HeldItem {
    title: &'static str,
    case_id: &'static str,
    summary: &'static str,
    background: &'static str,
    recommendation: &'static str,
    previous_decisions: &'static str,
    decision: &'static str,
    /// Positions on the six organisation questions: one row per question, in it one value per
    /// politician in [`MEMBERS`] order (the first six), revealed to the committee; `None` for
    /// an item without a walk.
    positions: Option<[[u8; 6]; 6]>,
}

/// A meeting that has been held and whose minutes are approved.
struct HeldMeeting {
    title: &'static str,
    kind: MeetingKind,
    began: &'static str,
    adjourned: &'static str,
    items: &'static [HeldItem],
    /// A question to the administration at the walked item, and the administration's answer.
    question: Option<(&'static str, &'static str)>,
}

const APPROVE_AGENDA: HeldItem = HeldItem {
    title: "Godkendelse af dagsorden",
    case_id: "",
    summary: "",
    background: "",
    recommendation: "Forvaltningen indstiller, at dagsordenen godkendes.",
    previous_decisions: "",
    decision: "Godkendt.",
    positions: None,
};

const ANY_OTHER_BUSINESS: HeldItem = HeldItem {
    title: "Eventuelt",
    case_id: "",
    summary: "",
    background: "",
    recommendation: "",
    previous_decisions: "",
    decision: "Intet.",
    positions: None,
};

const LAST_YEAR: HeldMeeting = HeldMeeting {
    title: "Temamøde: Skærmbesøg i hjemmeplejen",
    kind: MeetingKind::Theme,
    began: "17:03",
    adjourned: "19:52",
    items: &[
        APPROVE_AGENDA,
        HeldItem {
            title: "Skærmbesøg i hjemmeplejen",
            case_id: "DEMO-2025-01187",
            summary: "Hjemmeplejen afprøver i dag skærmbesøg hos enkelte borgere, fx påmindelse om medicin. \
Udvalget drøfter på temamødet, hvilken rolle politikerne skal have, når skærmbesøg skal udbredes, \
og tager stilling på de seks spørgsmål om organisering.",
            background: "Forvaltningen har beskrevet erfaringerne fra afprøvningen i et notat. Borgerne er \
generelt tilfredse, men nogle savner det fysiske besøg.\n\n\
Temamødet bruger de seks spørgsmål fra KL's inspirationskatalog om politisk deltagelse i digitalisering.",
            recommendation: "Forvaltningen indstiller, at udvalget:\n\
1. drøfter politikernes rolle i udbredelsen af skærmbesøg\n\
2. tager stilling på de seks spørgsmål om organisering",
            previous_decisions: "",
            decision: "Udvalget drøftede skærmbesøg og tog stilling på de seks spørgsmål.\n\n\
Udvalget ønsker at følge projektet tæt i de første faser og bad forvaltningen om at vende tilbage \
med erfaringer fra borgere og medarbejdere, før skærmbesøg udbredes.",
            positions: Some([
                [30, 70, 40, 25, 35, 50],
                [45, 60, 55, 30, 40, 55],
                [20, 80, 35, 20, 50, 45],
                [55, 50, 60, 45, 25, 65],
                [35, 75, 50, 30, 45, 40],
                [60, 55, 45, 35, 30, 60],
            ]),
        },
        ANY_OTHER_BUSINESS,
    ],
    question: Some((
        "Hvor mange borgere takker nej til skærmbesøg, og hvorfor?",
        "Omkring hver femte borger takker nej. Den hyppigste grund er, at borgeren foretrækker det fysiske \
besøg; enkelte har ikke en skærm, der virker. Forvaltningen tilbyder nu hjælp til opsætningen.",
    )),
};

const LAST_MONTH: HeldMeeting = HeldMeeting {
    title: "Udvalgsmøde",
    kind: MeetingKind::Ordinary,
    began: "17:00",
    adjourned: "18:47",
    items: &[
        APPROVE_AGENDA,
        HeldItem {
            title: "Udvalgets arbejdsplan for året",
            case_id: "DEMO-2026-00301",
            summary: "Udvalget fastlægger sin arbejdsplan for året ud fra årshjulet: temamødet om \
digitalisering, halvårsstatus på projekterne og udvalgets input til budgettet.",
            background: "Arbejdsplanen følger udvalgets kommissorium og de faste møder i årshjulet.",
            recommendation: "Forvaltningen indstiller, at udvalget godkender arbejdsplanen.",
            previous_decisions: "",
            decision: "Godkendt, idet årets temamøde skal handle om algoritmer til forebyggelse af fald \
hos ældre borgere.",
            positions: None,
        },
        HeldItem {
            title: "Udvalgets rolle i digitaliseringen: de seks spørgsmål et år efter",
            case_id: "DEMO-2026-00302",
            summary: "Et år efter temamødet om skærmbesøg tager udvalget igen stilling på de seks \
spørgsmål om organisering, så udvalget kan se, hvordan placeringerne har flyttet sig.",
            background: "",
            recommendation: "Forvaltningen indstiller, at udvalget tager stilling på de seks spørgsmål \
og drøfter, hvad bevægelsen betyder for udvalgets arbejde.",
            previous_decisions: "Udvalget tog stilling på de seks spørgsmål på temamødet om skærmbesøg \
i hjemmeplejen sidste år.",
            decision: "Udvalget tog stilling på de seks spørgsmål. Placeringerne er flyttet mod mere \
politisk retning og mere tværgående samarbejde. Udvalget vil bruge det på årets temamøde.",
            positions: Some([
                [55, 65, 50, 45, 50, 60],
                [60, 60, 60, 50, 55, 65],
                [45, 70, 45, 40, 65, 55],
                [70, 45, 65, 60, 40, 75],
                [50, 70, 55, 45, 60, 50],
                [75, 50, 55, 55, 45, 70],
            ]),
        },
        HeldItem {
            title: "Status på projektet Skærmbesøg i hjemmeplejen",
            case_id: "DEMO-2025-01187",
            summary: "Forvaltningen orienterer om projektet, der nu er i fase 2, Ideudvikling.",
            background: "Borgere, pårørende og medarbejdere i hjemmeplejen har på to workshops givet \
idéer til, hvilke besøg der egner sig til skærm, og hvilke der ikke gør.",
            recommendation: "Forvaltningen indstiller, at orienteringen tages til efterretning.",
            previous_decisions: "Udvalget besluttede på temamødet sidste år at følge projektet tæt i de \
første faser.",
            decision: "Taget til efterretning. Udvalget ønsker en afprøvning med en klar plan for, hvordan \
borgere, der ikke ønsker skærmbesøg, fortsat får fysiske besøg.",
            positions: None,
        },
        ANY_OTHER_BUSINESS,
    ],
    question: None,
};

/// Create a held meeting with its minutes approved by the chair: items with their texts and
/// decisions, the six questions walked and revealed, times recorded, questions answered.
fn history_meeting(db: &mut Db, committee_id: Id, h: &HeldMeeting, day: NaiveDate) -> Result<Meeting> {
    let date = day.format("%Y-%m-%d");
    let meeting = db.create_meeting(&NewMeeting {
        committee_id,
        title: h.title.into(),
        kind: h.kind,
        starts_at: format!("{date}T17:00"),
        ends_at: format!("{date}T{}", if h.kind == MeetingKind::Theme { "20:00" } else { "19:00" }),
        place: "Udvalgsværelse G".into(),
    })?;
    let people = db.list_attendance(meeting.id)?.people;
    let person = |name: &str| people.iter().find(|p| p.name == name).map(|p| p.person_id);
    let politicians: Vec<Id> = MEMBERS.iter().take(6).filter_map(|(name, _, _)| person(name)).collect();
    for item in h.items {
        let added = db.add_agenda_item(meeting.id, item.title)?;
        db.update_agenda_item(
            added.id,
            &AgendaItemPatch {
                case_id: Some(item.case_id.into()),
                summary: Some(item.summary.into()),
                background: Some(item.background.into()),
                recommendation: Some(item.recommendation.into()),
                previous_decisions: Some(item.previous_decisions.into()),
                decision: Some(item.decision.into()),
                ..Default::default()
            },
        )?;
        let Some(positions) = item.positions else { continue };
        let part = WalkPlanPart { set_id: "organisation-questions".into(), set_version: 2, selection: Vec::new() };
        db.set_walk_plan(
            added.id,
            &WalkPlan { case_technology: String::new(), case_problem: String::new(), parts: vec![part] },
        )?;
        for (step, row) in positions.iter().enumerate() {
            for (who, value) in politicians.iter().zip(row) {
                db.set_position(added.id, step as u32, *who, &PositionInput::Value(*value))?;
            }
            db.reveal_positions(added.id, step as u32)?;
        }
        if let Some((question, answer)) = h.question {
            let q = db.add_question_to_administration(added.id, 0, question, person("Aisha Khalil"))?;
            db.update_follow_up(
                q.id,
                &FollowUpPatch {
                    owner: Some("Center for Sundhed og Omsorg".into()),
                    status: Some(FollowUpStatus::Answered),
                    answer: Some(answer.into()),
                    ..Default::default()
                },
            )?;
        }
    }
    db.update_meeting(
        meeting.id,
        &MeetingPatch {
            began_at: Some(format!("{date}T{}", h.began)),
            adjourned_at: Some(format!("{date}T{}", h.adjourned)),
            ..Default::default()
        },
    )?;
    for status in [MeetingStatus::AgendaSent, MeetingStatus::InProgress, MeetingStatus::Closed] {
        db.set_meeting_status(meeting.id, status)?;
    }
    if let Some(chair) = person(MEMBERS[0].0) {
        db.approve_minutes(meeting.id, chair)?;
    }
    Ok(meeting)
}

/// Screen visits in home care, taken up at last year's temamøde and now in phase 2
/// (Ideudvikling), with the follow-up from last month's decision answered.
fn screen_visits_project(db: &mut Db, committee_id: Id, theme_meeting: Id, status_meeting: Id) -> Result<()> {
    let p = db.create_project(&NewProject {
        title: "Skærmbesøg i hjemmeplejen".into(),
        description: "Kan nogle af hjemmeplejens besøg, fx påmindelse om medicin, foregå på skærm, så \
borgeren får besøg på faste tidspunkter og medarbejderne mere tid til de fysiske besøg?"
            .into(),
        committee_id,
    })?;
    db.update_project_phase(
        p.id,
        0,
        &ProjectPhasePatch {
            stakeholders: Some("Borgere i hjemmeplejen\nPårørende\nMedarbejdere i hjemmeplejen\nÆldrerådet".into()),
            learnings: Some("Skærmbesøg kan ikke erstatte alle besøg; borgeren skal kunne sige nej.".into()),
        },
    )?;
    let theme = db.get_meeting(theme_meeting)?;
    let case = theme.items.iter().find(|i| i.title == "Skærmbesøg i hjemmeplejen").map(|i| i.id);
    db.link_project_meeting(p.id, 0, theme_meeting, case)?;
    db.set_project_phase(p.id, 1, "Udvalget vil følge projektet tæt i de første faser.")?;
    db.update_project_phase(
        p.id,
        1,
        &ProjectPhasePatch {
            stakeholders: None,
            learnings: Some(
                "Hver femte borger takker nej, oftest fordi de foretrækker det fysiske besøg. \
Hjælp til at sætte skærmen op gør en forskel."
                    .into(),
            ),
        },
    )?;
    db.set_project_phase(p.id, 2, "Workshops med borgere, pårørende og medarbejdere om, hvilke besøg der egner sig.")?;
    let status = db.get_meeting(status_meeting)?;
    let item = status.items.iter().find(|i| i.title.starts_with("Status på projektet")).map(|i| i.id);
    db.link_project_meeting(p.id, 2, status_meeting, item)?;
    let f = db.create_follow_up(&NewFollowUp {
        committee_id,
        text: "Plan for, hvordan borgere, der ikke ønsker skærmbesøg, fortsat får fysiske besøg.".into(),
        owner: "Center for Sundhed og Omsorg".into(),
        due_date: None,
        meeting_id: Some(status_meeting),
        agenda_item_id: item,
    })?;
    db.update_follow_up(
        f.id,
        &FollowUpPatch {
            status: Some(FollowUpStatus::Answered),
            answer: Some(
                "Borgere, der siger nej til skærmbesøg, beholder deres fysiske besøg. Det står i \
visitationsretningslinjen, og medarbejderne er orienteret."
                    .into(),
            ),
            ..Default::default()
        },
    )?;
    Ok(())
}

/// The committee's annual cycle: the budget year's points (regnskab, budgetopfølgning,
/// budgetlægning), a half-yearly status on the projects and the yearly temamøde on
/// digitalisation. No meetings are made from it: the year view offers that.
fn annual_cycle(db: &mut Db, committee_id: Id, first_conference: i32) -> Result<()> {
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
        every_years: 1,
        first_year: None,
    };
    let ordinary = MeetingKind::Ordinary;
    for e in [
        entry(
            "Halvårsstatus på digitaliseringsprojekterne",
            ordinary,
            "Forvaltningen gør status på projekterne og deres faser.",
            2,
            5,
            "17:00",
            "19:00",
        ),
        entry(
            "Regnskab for digitaliseringsområdet",
            ordinary,
            "Forvaltningen fremlægger sidste års regnskab for digitalisering og it.",
            4,
            2,
            "17:00",
            "19:00",
        ),
        entry(
            "Budgetopfølgning pr. 31. marts",
            ordinary,
            "Forvaltningen gør status på årets budget for digitalisering og it.",
            5,
            2,
            "17:00",
            "18:00",
        ),
        entry(
            "Budgetlægning: udvalgets input til budgettet",
            ordinary,
            "Udvalgets input til budgettet for det kommende år, før byrådets budgetseminar.",
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
        entry(
            "Budgetopfølgning pr. 30. september",
            ordinary,
            "Forvaltningen gør status på årets budget og forventet regnskab.",
            11,
            1,
            "17:00",
            "18:00",
        ),
        // Seed 000: "Hvert andet år afholdes konference om ny teknologi for
        // Kommunalbestyrelsen" — from next year on.
        NewCycleEntry {
            every_years: 2,
            first_year: Some(first_conference),
            ..entry(
                "Konference om ny teknologi for byrådet",
                MeetingKind::Theme,
                "Hvert andet år holdes en konference om ny teknologi for byrådet.",
                11,
                3,
                "09:00",
                "15:00",
            )
        },
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
