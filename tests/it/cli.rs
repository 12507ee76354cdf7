//! The CLI as a secretary's script uses it: the real binary on a temp database.

use std::process::Command;

fn pejling(db: &std::path::Path, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pejling"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("PEJLING_LANG")
        .output()
        .expect("run pejling");
    (out.status.success(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn demo_then_list_and_show_in_danish_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.sqlite3");
    let (ok, out, _) = pejling(&db, &["committees"]);
    assert!(ok && out.contains("pejling demo"), "an empty workspace says how to start: {out}");
    let (ok, out, err) = pejling(&db, &["demo"]);
    assert!(ok, "{err}");
    assert!(out.contains("Opgaveudvalget for digitalisering og teknologi"), "{out}");
    let (ok, out, _) = pejling(&db, &["committees"]);
    assert!(ok && out.contains("Opgaveudvalg (§ 17, stk. 4)") && out.contains("8 medlemmer"), "{out}");
    let (ok, out, _) = pejling(&db, &["meetings", "--json"]);
    assert!(ok);
    let meetings: serde_json::Value = serde_json::from_str(&out).unwrap();
    let theme = meetings.as_array().unwrap().iter().find(|m| m["title"] == pejling::demo::THEME_MEETING_TITLE).unwrap();
    let id = theme["id"].as_i64().unwrap().to_string();
    let (ok, out, _) = pejling(&db, &["show-meeting", &id]);
    assert!(ok);
    assert!(out.contains("Mødetidspunkt:") && out.contains(" kl. 17.00"), "{out}");
    assert!(out.contains("4 (Lukket)"), "closed item marked: {out}");
    let (ok, out, _) = pejling(&db, &["--lang", "en", "show-meeting", &id]);
    assert!(ok && out.contains("(Closed)") && out.contains("Agenda"), "{out}");
    let (ok, out, _) = pejling(&db, &["show-meeting", &id, "--json"]);
    assert!(ok);
    let detail: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(detail["items"].as_array().unwrap().len(), 5);
}

#[test]
fn errors_are_clear_and_exit_non_zero() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.sqlite3");
    let (ok, _, err) = pejling(&db, &["show-meeting", "99"]);
    assert!(!ok);
    assert_eq!(err.trim(), "Fejl: Møde nr. 99 findes ikke eller er blevet slettet.");
    let bad = dir.path().join("bad.sqlite3");
    std::fs::write(&bad, "ikke en database").unwrap();
    let (ok, _, err) = pejling(&bad, &["committees"]);
    assert!(!ok && err.contains("er ikke en Pejling-database"), "{err}");
    assert_eq!(std::fs::read_to_string(&bad).unwrap(), "ikke en database");
}

#[test]
fn verify_says_whether_approved_minutes_are_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.sqlite3");
    let (meeting, item) = {
        let mut db = pejling::Db::open(&path).unwrap();
        let c = pejling::demo::create(&mut db).unwrap();
        let detail = db.get_committee(c.id).unwrap();
        // The demo's history: last month's meeting, its minutes approved by the chair.
        let m = detail.meetings.iter().find(|m| m.title == "Udvalgsmøde").unwrap();
        assert_eq!(m.status, pejling::MeetingStatus::MinutesApproved);
        (m.id, db.list_agenda_items(m.id).unwrap()[1].id)
    };
    let (ok, out, _) = pejling(&path, &["verify", &meeting.to_string()]);
    assert!(ok, "{out}");
    assert!(out.starts_with("Referatet er uændret siden godkendelsen."), "{out}");
    {
        // A row changed behind the app's back.
        let db = pejling::Db::open(&path).unwrap();
        db.connection().execute("UPDATE agenda_item SET decision = 'Ændret bagefter' WHERE id = ?1", [item]).unwrap();
    }
    let (ok, out, err) = pejling(&path, &["verify", &meeting.to_string()]);
    assert!(!ok);
    assert!(out.starts_with("ADVARSEL: Referatet er ændret siden godkendelsen."), "{out}");
    assert!(err.contains("svarer ikke til det godkendte"), "{err}");
    let (ok, out, _) = pejling(&path, &["audit", &meeting.to_string()]);
    assert!(ok && out.contains("Ændret bagefter"), "the tamper is in the audit log: {out}");
}

#[test]
fn question_sets_are_listed_and_imported_with_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.sqlite3");
    let (ok, out, err) = pejling(&db, &["question-sets"]);
    assert!(ok, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5, "{out}");
    assert!(lines[0].starts_with("tesk ") && lines[0].contains(" 2  questions ") && lines[0].contains("TESK-modellen"));
    assert!(lines[0].ends_with("(16 spørgsmål; indbygget)"), "{out}");
    assert!(lines[1].starts_with("organisation-questions") && lines[1].contains(" continuum "), "{out}");

    let file = dir.path().join("fald.toml");
    let set = r#"schema = 1
id = "faldforebyggelse"
version = 2
kind = "continuum"
title = { da = "Faldforebyggelse", en = "Fall prevention" }

[[groups]]
id = "data"
title = { da = "Data" }

[[groups.questions]]
id = "data-1"
text = { da = "Hvor meget data må kommunen bruge?" }
extreme_left = { da = "Kun det, borgeren selv giver" }
"#;
    // Malformed: the continuum question has no right extreme.
    std::fs::write(&file, set).unwrap();
    let (ok, out, err) = pejling(&db, &["import-question-set", file.to_str().unwrap()]);
    assert!(!ok && out.is_empty());
    assert_eq!(
        err.trim(),
        "Fejl: Spørgsmålssættet kan ikke læses: linje 12: spørgsmålet »data-1« mangler extreme_right. Et spørgsmål \
         i et kontinuum har to yderpositioner, extreme_left og extreme_right."
    );
    // Malformed TOML: an unclosed string on line 9.
    std::fs::write(&file, set.replace(r#"{ da = "Data" }"#, r#"{ da = "Data }"#)).unwrap();
    let (ok, _, err) = pejling(&db, &["import-question-set", file.to_str().unwrap()]);
    assert!(!ok && err.starts_with("Fejl: Spørgsmålssættet kan ikke læses: linje 9: "), "{err}");
    let (ok, _, err) = pejling(&db, &["--lang", "en", "import-question-set", file.to_str().unwrap()]);
    assert!(!ok && err.starts_with("Error: The question set cannot be read: line 9: "), "{err}");
    let (ok, _, err) = pejling(&db, &["import-question-set", dir.path().join("findes-ikke.toml").to_str().unwrap()]);
    assert!(!ok && err.contains("findes-ikke.toml"), "a missing file is named: {err}");
    assert_eq!(pejling(&db, &["question-sets"]).1.lines().count(), 5, "nothing imported");

    std::fs::write(&file, format!("{set}extreme_right = {{ da = \"Alt, hvad der kan forudsige fald\" }}\n")).unwrap();
    let (ok, out, err) = pejling(&db, &["import-question-set", file.to_str().unwrap()]);
    assert!(ok, "{err}");
    assert_eq!(
        out.trim(),
        "Spørgsmålssættet »Faldforebyggelse« (faldforebyggelse version 2, 1 spørgsmål) er importeret."
    );
    let (ok, out, _) = pejling(&db, &["question-sets", "--json"]);
    assert!(ok);
    let list: serde_json::Value = serde_json::from_str(&out).unwrap();
    let last = &list.as_array().unwrap()[5];
    assert_eq!(
        (last["id"].as_str(), last["version"].as_u64(), last["kind"].as_str()),
        (Some("faldforebyggelse"), Some(2), Some("continuum"))
    );
    assert_eq!((last["built_in"].as_bool(), last["title"]["en"].as_str()), (Some(false), Some("Fall prevention")));
    let (ok, out, _) = pejling(&db, &["question-sets"]);
    assert!(ok && out.lines().last().unwrap().contains("(1 spørgsmål; importeret 20"), "{out}");
}

#[test]
fn walk_summary_shows_notes_questions_and_only_revealed_positions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.sqlite3");
    let item = {
        use pejling::{PositionInput, Role};
        let mut db = pejling::Db::open(&path).unwrap();
        let c = pejling::demo::create(&mut db).unwrap();
        let detail = db.get_committee(c.id).unwrap();
        let meeting = detail.meetings.iter().find(|m| m.title == pejling::demo::THEME_MEETING_TITLE).unwrap().id;
        let item = db.list_agenda_items(meeting).unwrap()[1].id;
        let who = |role| detail.members.iter().filter(|m| m.role == role).map(|m| m.person_id).collect::<Vec<_>>();
        let (chair, members) = (who(Role::Chair)[0], who(Role::Member));
        db.save_step_note(item, 0, "Journaldata og sensorer.\nIngen kameraer.").unwrap();
        db.add_question_to_administration(item, 0, "Hvem er leverandøren?", Some(members[0])).unwrap();
        for (p, v) in [(chair, 20u8), (members[0], 35), (members[1], 80)] {
            db.set_position(item, 16, p, &PositionInput::Value(v)).unwrap();
            db.set_position(item, 17, p, &PositionInput::Value(v)).unwrap();
        }
        db.reveal_positions(item, 16).unwrap();
        item
    };
    let id = item.to_string();
    let (ok, out, err) = pejling(&path, &["walk-summary", &id]);
    assert!(ok, "{err}");
    assert!(out.starts_with("2 (Åben) Algoritmer til forebyggelse af fald hos ældre borgere\nTeknologi: "), "{out}");
    assert!(out.contains("\n1. Teknologi · spørgsmål 1 af 6\n   Hvilke dele består teknologien"), "{out}");
    assert!(out.contains("   Note:\n     Journaldata og sensorer.\n     Ingen kameraer.\n"), "{out}");
    assert!(
        out.contains("   Spørgsmål til forvaltningen:\n     - Hvem er leverandøren? (stillet af Aisha Khalil)\n"),
        "{out}"
    );
    assert!(out.contains("\n13. Konsekvens · spørgsmål 2 af 5\n"), "{out}");
    // Step 17 revealed (anonymous), step 18 hidden: no values for it.
    assert!(out.contains("   Yderposition 1 (0): "), "{out}");
    assert!(
        out.contains(
            "   Placeringer: median 35, kvartiler 27,5 til 57,5, fra 20 til 80 (3 placeringer)\n     20, 35, 80\n"
        ),
        "{out}"
    );
    assert!(out.contains("   Placeringer: skjult, 3 af 6 har svaret\n"), "{out}");
    assert_eq!(out.matches("20, 35, 80").count(), 1, "hidden values stay hidden: {out}");
    assert!(!out.contains("Mette Skovgaard"), "anonymous: {out}");

    let (ok, out, _) = pejling(&path, &["--lang", "en", "walk-summary", &id]);
    assert!(
        ok && out.contains("median 35, quartiles 27.5 to 57.5") && out.contains("Technology · question 1 of 6"),
        "{out}"
    );

    let (ok, out, _) = pejling(&path, &["walk-summary", &id, "--json"]);
    assert!(ok);
    let s: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(s["steps"].as_array().unwrap().len(), 22);
    assert_eq!(s["steps"][0]["note"], "Journaldata og sensorer.\nIngen kameraer.");
    assert_eq!(s["steps"][16]["result"]["statistics"]["median"], 35.0);
    assert_eq!(s["steps"][17]["result"]["values"], serde_json::json!([]));
    assert_eq!(s["steps"][17]["result"]["answered_count"], 3);

    let (ok, out, _) = pejling(&path, &["walk-summary", &(item + 1).to_string()]);
    assert!(ok && out.contains("Punktet har ingen spørgsmål til temamødet endnu."), "{out}");
    let (ok, _, err) = pejling(&path, &["walk-summary", "999"]);
    assert!(!ok);
    assert_eq!(err.trim(), "Fejl: Dagsordenspunkt nr. 999 findes ikke eller er blevet slettet.");
}

#[test]
fn search_prints_hits_with_the_match_marked_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.sqlite3");
    let (ok, _, err) = pejling(&db, &["demo"]);
    assert!(ok, "{err}");
    let (ok, out, err) = pejling(&db, &["search", "fald"]);
    assert!(ok, "{err}");
    assert!(out.contains("Dagsordenspunkt: Algoritmer til forebyggelse af fald hos ældre borgere"), "{out}");
    assert!(out.contains("Møde: Temamøde: Algoritmer til forebyggelse af fald hos ældre borgere"), "{out}");
    assert!(out.contains("«fald»"), "the hit is marked: {out}");
    let (ok, out, _) = pejling(&db, &["search", "frikøb"]);
    assert!(
        ok && out.starts_with("Dagsordenspunkt: Personsag vedrørende frikøb af medarbejder til projektgruppe (Lukket)"),
        "{out}"
    );
    let (ok, out, _) = pejling(&db, &["search", "fald", "--json", "--limit", "2"]);
    assert!(ok);
    let hits: serde_json::Value = serde_json::from_str(&out).unwrap();
    let hits = hits.as_array().unwrap();
    assert_eq!(hits.len(), 2);
    assert!(hits[0]["snippet"].as_array().unwrap().iter().any(|p| p["hit"] == true), "{out}");
    assert!(["committee", "meeting", "agenda_item"].contains(&hits[0]["kind"].as_str().unwrap()), "{out}");
    // FTS syntax is just words; nothing found is said, not an error.
    let (ok, out, err) = pejling(&db, &["search", "\"col:x AND"]);
    assert!(ok, "{err}");
    assert_eq!(out.trim(), "Intet fundet for »\"col:x AND«.");
    let (ok, out, _) = pejling(&db, &["--lang", "en", "search", "udvalg"]);
    assert!(ok && out.contains("Committee: Opgaveudvalget for digitalisering og teknologi"), "{out}");
}
