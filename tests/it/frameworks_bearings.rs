//! A committee's own principles and pejlemærker (written the same way as Gentofte's), the
//! pejlemærker an agenda item is weighed against — on the item, the room's screen, the
//! dagsorden and the referat — and TESK's "Hvad vil du belyse?" on the room's screen and in
//! the referat.

use pejling::documents::Export as _;
use pejling::documents::{Audience, DocKind, Format};
use pejling::frameworks::OwnEntryKind;
use pejling::*;

struct Demo {
    db: Db,
    committee: Id,
    meeting: Id,
    case: Id,
    chair: Id,
}

fn demo() -> Demo {
    let mut db = Db::open_in_memory().unwrap();
    db.set_actor("Birte Lauridsen").unwrap();
    let c = demo::create_on(&mut db, chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()).unwrap();
    let detail = db.get_committee(c.id).unwrap();
    let meeting = detail.meetings.iter().find(|m| m.title == pejling::demo::THEME_MEETING_TITLE).unwrap().id;
    let items = db.list_agenda_items(meeting).unwrap();
    let chair = detail.members.iter().find(|m| m.role == Role::Chair).unwrap().person_id;
    Demo { db, committee: c.id, meeting, case: items[1].id, chair }
}

fn export(db: &Db, meeting: Id, kind: DocKind, format: Format) -> String {
    String::from_utf8(db.export(meeting, kind, format, Audience::Public, Lang::Da).unwrap()).unwrap()
}

fn audit(db: &Db, entity: &str) -> Vec<(String, String, String)> {
    db.connection()
        .prepare("SELECT actor, action, changes FROM audit_log WHERE entity = ?1 ORDER BY id")
        .unwrap()
        .query_map([entity], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<std::result::Result<_, _>>()
        .unwrap()
}

#[test]
fn a_committee_writes_its_own_principles_and_bearings_audited() {
    let mut d = demo();
    let c = d.committee;
    assert!(d.db.own_framework_entries(c).unwrap().is_empty());

    let p =
        d.db.add_own_framework_entry(c, OwnEntryKind::Principle, "  Åbenhed først ", "Vi viser borgerne, hvad vi gør.")
            .unwrap();
    assert_eq!((p.title.as_str(), p.kind, p.committee_id), ("Åbenhed først", OwnEntryKind::Principle, c));
    let b =
        d.db.add_own_framework_entry(c, OwnEntryKind::Bearing, "Ingen borger må stå alene med teknologien", "")
            .unwrap();
    assert_eq!(d.db.own_framework_entries(c).unwrap().iter().map(|e| e.id).collect::<Vec<_>>(), [p.id, b.id]);

    // Bad input: a clear Danish message on the field, and nothing saved changes.
    let err = d.db.add_own_framework_entry(c, OwnEntryKind::Bearing, "   ", "tekst").unwrap_err();
    assert_eq!((err.kind(), err.message().field), (ErrorKind::Validation, Some("title")));
    let err = d.db.update_own_framework_entry(p.id, "", "ny tekst").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    assert_eq!(d.db.own_framework_entries(c).unwrap()[0].text, "Vi viser borgerne, hvad vi gør.");
    assert_eq!(
        d.db.add_own_framework_entry(9999, OwnEntryKind::Bearing, "x", "").unwrap_err().kind(),
        ErrorKind::NotFound
    );
    assert_eq!(d.db.update_own_framework_entry(9999, "x", "").unwrap_err().kind(), ErrorKind::NotFound);

    // The text is kept exactly as typed; the same text twice is one change.
    let text = "Vi viser borgerne, hvad vi gør.\n\n  – også når det går galt.";
    let p2 = d.db.update_own_framework_entry(p.id, "Åbenhed først", text).unwrap();
    assert_eq!(p2.text, text);
    d.db.update_own_framework_entry(p.id, "Åbenhed først", text).unwrap();

    let left = d.db.delete_own_framework_entry(p.id).unwrap();
    assert_eq!(left.iter().map(|e| e.id).collect::<Vec<_>>(), [b.id]);

    let rows = audit(&d.db, "committee_own_entry");
    let actions: Vec<&str> = rows.iter().map(|r| r.1.as_str()).collect();
    assert_eq!(actions, ["insert", "insert", "update", "delete"]);
    assert!(rows.iter().all(|r| r.0 == "Birte Lauridsen"));
    assert!(rows[2].2.contains("også når det går galt"), "{}", rows[2].2);
    assert!(rows[3].2.contains("Åbenhed først"), "the deletion keeps the text: {}", rows[3].2);
}

#[test]
fn an_item_is_weighed_against_adopted_and_own_bearings_named_in_room_agenda_and_minutes() {
    let mut d = demo();
    let (c, item) = (d.committee, d.case);
    // Nothing adopted: nothing to choose, and choosing the library's is refused.
    let none = d.db.item_bearings(item).unwrap();
    assert!(none.chosen.is_empty() && none.available.is_empty());
    let err = d.db.set_item_bearing(item, "dis-model/bearings/bearing-1", true).unwrap_err();
    assert_eq!((err.kind(), err.message().key), (ErrorKind::Validation, "error-item-bearing-not-adopted"));
    assert!(err.to_string().contains("ikke vedtaget af udvalget"), "{err}");

    d.db.set_framework_entry_adopted(c, "dis-model", "bearings", "bearing-1", true).unwrap();
    d.db.set_framework_entry_adopted(c, "dis-model", "digital-principles", "people-first", true).unwrap();
    let own = d
        .db
        .add_own_framework_entry(c, OwnEntryKind::Bearing, "Ingen borger må stå alene med teknologien", "Hjælp tæt på.")
        .unwrap();
    d.db.add_own_framework_entry(c, OwnEntryKind::Principle, "Et eget princip", "").unwrap();

    // Only pejlemærker are offered: the adopted one from the library, then the committee's own.
    let offer = d.db.item_bearings(item).unwrap();
    let keys: Vec<&str> = offer.available.iter().map(|b| b.key.as_str()).collect();
    let own_key = format!("own/{}", own.id);
    assert_eq!(keys, ["dis-model/bearings/bearing-1", own_key.as_str()]);
    let lib = &offer.available[0];
    assert_eq!(lib.label.as_ref().unwrap().da, "Pejlemærke 1", "the source's capitals in sentence case");
    assert_eq!(lib.title.da, "Teknologi skal frigive ressourcer og skabe borgernær værdi");
    assert!(!lib.own && offer.available[1].own);
    // A principle, or another committee's or an unknown key, cannot be chosen.
    for key in ["dis-model/digital-principles/people-first", "dis-model/bearings/bearing-2", "own/9999", ""] {
        let err = d.db.set_item_bearing(item, key, true).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Validation, "{key:?}");
    }

    d.db.set_item_bearing(item, &own_key, true).unwrap();
    d.db.set_item_bearing(item, "dis-model/bearings/bearing-1", true).unwrap();
    let chosen = d.db.set_item_bearing(item, "dis-model/bearings/bearing-1", true).unwrap().chosen;
    assert_eq!(chosen.len(), 2, "twice is once");
    assert_eq!(chosen[0].title.da, "Ingen borger må stå alene med teknologien");
    assert_eq!(chosen[0].text.as_ref().unwrap().da, "Hjælp tæt på.");
    assert_eq!(chosen[1].title.en, "Technology must free resources and create value close to the citizens");
    assert_eq!(d.db.set_item_bearing(9999, &own_key, true).unwrap_err().kind(), ErrorKind::NotFound);

    // The item keeps the wording it was weighed against, even when the committee rewrites or
    // withdraws its own pejlemærke.
    d.db.update_own_framework_entry(own.id, "Omskrevet pejlemærke", "").unwrap();
    d.db.delete_own_framework_entry(own.id).unwrap();
    let now = d.db.item_bearings(item).unwrap();
    assert_eq!(now.chosen[0].title.da, "Ingen borger må stå alene med teknologien");
    assert_eq!(now.available.len(), 1);

    // The room's screen shows them with the item, and TESK's prompt over the perspective.
    d.db.set_current_step(d.meeting, item, 2).unwrap();
    let room = d.db.room_view(d.meeting).unwrap().item.unwrap();
    assert_eq!(room.bearings, now.chosen);
    let step = room.step.unwrap();
    assert_eq!(step.prompt.as_ref().map(|p| p.da.as_str()), Some("Hvad vil du belyse?"));
    assert_eq!(step.prompt.unwrap().en, "What do you want to shed light on?");

    // The dagsorden and the referat name them under "Pejlemærker", in every format.
    for kind in [DocKind::Agenda, DocKind::Minutes] {
        let md = export(&d.db, d.meeting, kind, Format::Md);
        assert!(md.contains("### Pejlemærker\n\nPunktet vurderes i forhold til disse pejlemærker:"), "{kind:?}: {md}");
        assert!(md.contains("• Ingen borger må stå alene med teknologien"), "{md}");
        assert!(md.contains("• Pejlemærke 1: Teknologi skal frigive ressourcer og skabe borgernær værdi"), "{md}");
        assert!(!md.contains("Omskrevet"), "{md}");
        let html = export(&d.db, d.meeting, kind, Format::Html);
        assert!(html.contains("Pejlemærke 1: Teknologi skal frigive ressourcer"), "{kind:?}");
    }
    let en =
        String::from_utf8(d.db.export(d.meeting, DocKind::Minutes, Format::Md, Audience::Public, Lang::En).unwrap())
            .unwrap();
    assert!(en.contains("Bearing 1: Technology must free resources"), "{en}");
    let docx = d.db.export(d.meeting, DocKind::Minutes, Format::Docx, Audience::Public, Lang::Da).unwrap();
    assert!(docx.starts_with(b"PK"));
    let pdf = d.db.export(d.meeting, DocKind::Minutes, Format::Pdf, Audience::Public, Lang::Da).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    // An item without pejlemærker has no such heading.
    let other = d.db.list_agenda_items(d.meeting).unwrap()[0].id;
    assert!(d.db.item_bearings(other).unwrap().chosen.is_empty());
    assert_eq!(export(&d.db, d.meeting, DocKind::Agenda, Format::Md).matches("### Pejlemærker").count(), 1);

    // Removing one; removing it again changes nothing.
    let after = d.db.set_item_bearing(item, "dis-model/bearings/bearing-1", false).unwrap();
    assert_eq!(after.chosen.len(), 1);
    assert_eq!(d.db.set_item_bearing(item, "dis-model/bearings/bearing-1", false).unwrap(), after);

    // Audited under the person, with the meeting.
    let rows = audit(&d.db, "agenda_item_bearing");
    let actions: Vec<&str> = rows.iter().map(|r| r.1.as_str()).collect();
    assert_eq!(actions, ["insert", "insert", "delete"]);
    assert!(rows.iter().all(|r| r.0 == "Birte Lauridsen"));
    let meeting_ids: Vec<Option<Id>> =
        d.db.connection()
            .prepare("SELECT meeting_id FROM audit_log WHERE entity = 'agenda_item_bearing'")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<std::result::Result<_, _>>()
            .unwrap();
    assert!(meeting_ids.iter().all(|m| *m == Some(d.meeting)));
}

#[test]
fn approved_minutes_keep_their_bearings() {
    let mut d = demo();
    d.db.set_framework_entry_adopted(d.committee, "dis-model", "bearings", "bearing-3", true).unwrap();
    d.db.set_item_bearing(d.case, "dis-model/bearings/bearing-3", true).unwrap();
    for s in [MeetingStatus::AgendaSent, MeetingStatus::InProgress, MeetingStatus::Closed] {
        d.db.set_meeting_status(d.meeting, s).unwrap();
    }
    d.db.approve_minutes(d.meeting, d.chair).unwrap();
    for chosen in [false, true] {
        let err = d.db.set_item_bearing(d.case, "dis-model/bearings/bearing-3", chosen).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Locked);
    }
    // Withdrawing the adoption afterwards does not change what the referat names.
    d.db.set_framework_entry_adopted(d.committee, "dis-model", "bearings", "bearing-3", false).unwrap();
    let md = export(&d.db, d.meeting, DocKind::Minutes, Format::Md);
    assert!(md.contains("• Pejlemærke 3: Forstå og udnytte teknologiernes muligheder"), "{md}");
    assert!(d.db.verify_minutes(d.meeting).unwrap().unchanged);
}

#[test]
fn the_referat_gives_tesks_prompt_over_each_perspective_with_notes() {
    let mut d = demo();
    let walk = d.db.get_walk(d.case).unwrap();
    // One note in each TESK perspective (group) the walk has.
    let mut groups = Vec::new();
    for s in walk.steps.iter().filter(|s| s.set_id == "tesk") {
        if !groups.contains(&s.group_id) {
            groups.push(s.group_id.clone());
            d.db.save_step_note(d.case, s.index, &format!("Note om {}", s.group_id)).unwrap();
        }
    }
    assert!(groups.len() >= 2, "the demo's case walks TESK: {groups:?}");
    let md = export(&d.db, d.meeting, DocKind::Minutes, Format::Md);
    assert_eq!(md.matches("*Hvad vil du belyse?*").count(), groups.len(), "{md}");
    assert!(md.contains("#### Teknologi\n\n*Hvad vil du belyse?*\n\n"), "{md}");
    assert!(!md.contains("HVAD VIL"), "never the source's capitals");
    let html = export(&d.db, d.meeting, DocKind::Minutes, Format::Html);
    assert!(html.contains("<p class=\"prompt\"><em>Hvad vil du belyse?</em></p>"), "{html}");
    // Not in the agenda: the walk is the minutes'.
    assert!(!export(&d.db, d.meeting, DocKind::Agenda, Format::Md).contains("Hvad vil du belyse?"));
}

#[test]
fn the_room_shows_the_sources_typos_corrected() {
    let mut d = demo();
    let walk = d.db.get_walk(d.case).unwrap();
    let mut seen = 0;
    for (id, corrected, typo) in [
        ("technology-2", "hvordan registreres", " egistreres"),
        ("strategy-3", "og", " og og "),
        ("consequence-1", "ansatte", "ansate"),
    ] {
        let Some(step) = walk.steps.iter().find(|s| s.set_id == "tesk" && s.question.id == id) else { continue };
        d.db.set_current_step(d.meeting, d.case, step.index).unwrap();
        let q = d.db.room_view(d.meeting).unwrap().item.unwrap().step.unwrap().question;
        assert!(q.text.da.contains(corrected) && !q.text.da.contains(typo), "{id}: {}", q.text.da);
        seen += 1;
    }
    assert!(seen >= 1, "the demo's case walks at least one TESK question with a source typo");
}
