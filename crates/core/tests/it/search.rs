//! Danish full-text search on the real migrations: stems, diacritics, parts of compound
//! words, the index kept in step with edits and deletes, plain-word queries, snippets, and the
//! demo workspace.

use pejling_core::*;

/// A committee with one meeting and one agenda item per title.
fn workspace(titles: &[&str]) -> (Db, Id, Id, Vec<Id>) {
    workspace_in(Db::open_in_memory().unwrap(), titles)
}

/// As [`workspace`], in `db`.
fn workspace_in(mut db: Db, titles: &[&str]) -> (Db, Id, Id, Vec<Id>) {
    let c = db
        .create_committee(&NewCommittee {
            name: "Teknik- og Miljøudvalget".into(),
            kind: CommitteeKind::Standing,
            description: "Veje, natur og forsyning.".into(),
        })
        .unwrap();
    let m = db
        .create_meeting(&NewMeeting {
            committee_id: c.id,
            title: "Ordinært møde".into(),
            kind: MeetingKind::Ordinary,
            starts_at: "2026-03-03T17:00".into(),
            ends_at: "2026-03-03T19:00".into(),
            place: "Mødelokale 2".into(),
        })
        .unwrap();
    let items = titles.iter().map(|t| db.add_agenda_item(m.id, t).unwrap().id).collect();
    (db, c.id, m.id, items)
}

fn set_summary(db: &mut Db, item: Id, text: &str) {
    db.update_agenda_item(item, &AgendaItemPatch { summary: Some(text.into()), ..Default::default() }).unwrap();
}

fn shown(hit: &SearchHit) -> String {
    hit.snippet.iter().map(|p| if p.hit { format!("«{}»", p.text) } else { p.text.clone() }).collect()
}

fn item_hits(db: &Db, query: &str) -> Vec<Id> {
    db.search(query, 50)
        .unwrap()
        .into_iter()
        .filter(|h| h.kind == SearchKind::AgendaItem)
        .map(|h| h.agenda_item_id.unwrap())
        .collect()
}

#[test]
fn a_plural_finds_the_singular_by_its_danish_stem() {
    let (mut db, _, _, items) = workspace(&["Punkt om organisering"]);
    set_summary(&mut db, items[0], "Sagen blev drøftet i udvalget sidste år.");
    let hits = db.search("udvalgene", 10).unwrap();
    let hit = hits.iter().find(|h| h.agenda_item_id == Some(items[0])).expect("found by stem");
    assert_eq!(hit.kind, SearchKind::AgendaItem);
    assert!(!hit.part_of_word);
    assert_eq!(shown(hit), "Sagen blev drøftet i «udvalget» sidste år.");
}

#[test]
fn diacritics_are_significant_far_is_not_far() {
    let (mut db, _, _, items) = workspace(&["Landbrug", "Familie"]);
    set_summary(&mut db, items[0], "Kommunen får flere får på engene.");
    set_summary(&mut db, items[1], "En far og hans børn.");
    assert_eq!(item_hits(&db, "får"), vec![items[0]]);
    assert_eq!(item_hits(&db, "far"), vec![items[1]]);
    assert_eq!(item_hits(&db, "FÅR"), vec![items[0]], "case does not matter");
}

#[test]
fn a_part_of_a_compound_word_is_found_after_whole_words() {
    let (mut db, _, _, items) = workspace(&["Budget", "Nedsættelse af et udvalg"]);
    set_summary(&mut db, items[0], "Sagen sendes videre til Økonomiudvalgets møde i juni.");
    let hits: Vec<_> =
        db.search("udvalg", 10).unwrap().into_iter().filter(|h| h.kind == SearchKind::AgendaItem).collect();
    assert_eq!(hits.len(), 2, "{hits:#?}");
    assert_eq!(hits[0].agenda_item_id, Some(items[1]), "the whole word ranks first");
    assert!(!hits[0].part_of_word);
    assert_eq!(hits[1].agenda_item_id, Some(items[0]));
    assert!(hits[1].part_of_word);
    assert_eq!(shown(&hits[1]), "Sagen sendes videre til Økonomi«udvalg»ets møde i juni.");
    // The committee's own name ("Teknik- og Miljøudvalget") is a compound too.
    assert!(db.search("udvalg", 10).unwrap().iter().any(|h| h.kind == SearchKind::Committee));
    // Two letters are too few to look inside words, but a whole word of two letters is found,
    // also next to a part of a word.
    set_summary(&mut db, items[1], "En ny IT-strategi.");
    assert_eq!(item_hits(&db, "it strategi"), vec![items[1]]);
    assert_eq!(item_hits(&db, "it strat"), vec![items[1]]);
    assert!(item_hits(&db, "ny it").contains(&items[1]));
    assert!(item_hits(&db, "i strat").is_empty(), "\"i\" is not a word of it");
    let hit = db.search("it strat", 10).unwrap().into_iter().find(|h| h.agenda_item_id == Some(items[1])).unwrap();
    assert!(hit.part_of_word);
    assert_eq!(shown(&hit), "En ny «IT»-«strat»egi.");
}

#[test]
fn a_word_as_written_ranks_above_one_that_only_shares_its_stem() {
    let (mut db, _, _, items) = workspace(&["Første sag", "Anden sag"]);
    set_summary(&mut db, items[0], "Sagen er drøftet i udvalget.");
    set_summary(&mut db, items[1], "Sagen er drøftet i udvalgene.");
    assert_eq!(item_hits(&db, "udvalgene"), vec![items[1], items[0]]);
    assert_eq!(item_hits(&db, "udvalget"), vec![items[0], items[1]]);
}

#[test]
fn each_source_is_found_once() {
    let (mut db, _, _, items) = workspace(&["Fald og faldforebyggelse"]);
    set_summary(&mut db, items[0], "Fald hos ældre. Faldrisiko. Fald igen.");
    let hits = db.search("fald", 10).unwrap();
    assert_eq!(hits.iter().filter(|h| h.agenda_item_id == Some(items[0])).count(), 1, "{hits:#?}");
}

#[test]
fn edits_and_deletes_keep_the_index_in_step() {
    let (mut db, committee, meeting, items) = workspace(&["Cykelstier", "Vejbelysning"]);
    assert_eq!(item_hits(&db, "cykelstier"), vec![items[0]]);
    db.update_agenda_item(items[0], &AgendaItemPatch { title: Some("Gangstier".into()), ..Default::default() })
        .unwrap();
    assert!(item_hits(&db, "cykelstier").is_empty(), "the old title is gone");
    assert_eq!(item_hits(&db, "gangstier"), vec![items[0]]);
    assert_eq!(db.search("gangstier", 10).unwrap()[0].title, "Gangstier");

    set_summary(&mut db, items[1], "LED-armaturer udskiftes.");
    assert_eq!(item_hits(&db, "armaturer"), vec![items[1]]);
    set_summary(&mut db, items[1], "");
    assert!(item_hits(&db, "armaturer").is_empty());

    db.delete_agenda_item(items[1]).unwrap();
    assert!(item_hits(&db, "vejbelysning").is_empty(), "a deleted item is gone");
    assert!(db.search("vejbel", 10).unwrap().is_empty(), "from both indexes");

    db.update_committee(
        committee,
        &CommitteePatch { description: Some("Klima og kyster.".into()), ..Default::default() },
    )
    .unwrap();
    assert!(db.search("forsyning", 10).unwrap().is_empty());
    assert_eq!(db.search("kyster", 10).unwrap()[0].kind, SearchKind::Committee);

    db.update_meeting(meeting, &MeetingPatch { place: Some("Rådhuset".into()), ..Default::default() }).unwrap();
    let hits = db.search("rådhuset", 10).unwrap();
    assert_eq!(
        (hits[0].kind, hits[0].meeting_id, hits[0].committee_id),
        (SearchKind::Meeting, Some(meeting), committee)
    );
    assert!(db.search("mødelokale", 10).unwrap().is_empty());

    // Deleting the meeting takes its items (by cascade) out of the index too.
    db.delete_meeting(meeting).unwrap();
    assert!(db.search("gangstier", 10).unwrap().is_empty());
    assert!(db.search("rådhuset", 10).unwrap().is_empty());
    let left: i64 = db.connection().query_row("SELECT count(*) FROM search_words", [], |r| r.get(0)).unwrap();
    assert_eq!(left, 1, "only the committee is left");
    db.delete_committee(committee).unwrap();
    assert!(db.search("kyster", 10).unwrap().is_empty());
    assert_index_is_rebuildable(&db);
}

/// The index holds exactly what indexing every source row afresh would give: no stale,
/// missing or duplicated documents, in either index. The indexes keep no copy of the text
/// (contentless), so each is compared, term by term and position by position (fts5vocab
/// `instance`), with a fresh index of the same kind built here from the source rows, the
/// stems made in Rust.
///
/// Since schema 18 the saves queue their documents and the index catches up in batches; it is
/// compared as a search sees it, after the store has brought it up to date.
fn assert_index_is_rebuildable(db: &Db) {
    db.flush_search_index().unwrap();
    assert_eq!(db.search_pending().unwrap(), 0, "nothing left to index");
    let c = db.connection();
    let rows = |sql: &str| -> Vec<(i64, String, String)> {
        let mut stmt = c.prepare(sql).unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().map(Result::unwrap).collect()
    };
    let expected = rows(
        "SELECT id * 8 + 1, name, description FROM committee
         UNION ALL SELECT id * 8 + 2, title, place FROM meeting
         UNION ALL SELECT id * 8 + 3, title, body FROM search_agenda_item_text
         UNION ALL SELECT id * 8 + 4, '', text FROM step_note
         UNION ALL SELECT id * 8 + 5, '', concat_ws(char(10), text, answer) FROM follow_up
         UNION ALL SELECT id * 8 + 6, title, description FROM project
         UNION ALL SELECT p.id * 8 + 7, a.title, p.text FROM attachment_page p JOIN attachment a ON a.id = p.attachment_id
         ORDER BY 1",
    );
    let rowids = |sql: &str| -> Vec<i64> {
        c.prepare(sql).unwrap().query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
    };
    let expected_rowids: Vec<i64> = expected.iter().map(|e| e.0).collect();
    assert_eq!(rowids("SELECT rowid FROM search_words ORDER BY rowid"), expected_rowids);
    assert_eq!(rowids("SELECT rowid FROM search_trigrams ORDER BY rowid"), expected_rowids);
    c.execute_batch(
        "CREATE VIRTUAL TABLE temp.fresh_words USING fts5(title, body, title_stem, body_stem,
             tokenize = 'unicode61 remove_diacritics 0', content = '');
         CREATE VIRTUAL TABLE temp.fresh_trigrams USING fts5(title, body, tokenize = 'trigram', content = '',
             detail = none);
         CREATE VIRTUAL TABLE temp.v_words USING fts5vocab(main, search_words, instance);
         CREATE VIRTUAL TABLE temp.v_fresh_words USING fts5vocab(temp, fresh_words, instance);
         CREATE VIRTUAL TABLE temp.v_trigrams USING fts5vocab(main, search_trigrams, instance);
         CREATE VIRTUAL TABLE temp.v_fresh_trigrams USING fts5vocab(temp, fresh_trigrams, instance);",
    )
    .unwrap();
    for (rowid, title, body) in &expected {
        c.execute(
            "INSERT INTO temp.fresh_words (rowid, title, body, title_stem, body_stem) VALUES (?1, ?2, ?3, ?4, ?5)",
            rusqlite::params![rowid, title, body, search::stem_text(title), search::stem_text(body)],
        )
        .unwrap();
        c.execute(
            "INSERT INTO temp.fresh_trigrams (rowid, title, body) VALUES (?1, ?2, ?3)",
            rusqlite::params![rowid, title, body],
        )
        .unwrap();
    }
    // The trigram index keeps no columns or positions (detail=none): NULL there.
    let instances = |v: &str| -> Vec<(String, i64, Option<String>, Option<i64>)> {
        c.prepare(&format!("SELECT term, doc, col, offset FROM temp.{v} ORDER BY term, doc, col, offset"))
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let words = instances("v_words");
    assert_eq!(words.is_empty(), expected.is_empty());
    assert_eq!(words, instances("v_fresh_words"));
    assert_eq!(instances("v_trigrams"), instances("v_fresh_trigrams"));
    c.execute_batch(
        "DROP TABLE temp.v_words; DROP TABLE temp.v_fresh_words; DROP TABLE temp.v_trigrams;
         DROP TABLE temp.v_fresh_trigrams; DROP TABLE temp.fresh_words; DROP TABLE temp.fresh_trigrams;",
    )
    .unwrap();
    c.execute("INSERT INTO search_words (search_words) VALUES ('integrity-check')", []).unwrap();
    c.execute("INSERT INTO search_trigrams (search_trigrams) VALUES ('integrity-check')", []).unwrap();
}

#[test]
fn queries_are_plain_words_and_never_fts_syntax() {
    let (mut db, _, _, items) = workspace(&["Status på AND-projektet"]);
    set_summary(&mut db, items[0], "col:x og NEAR(a b) står i teksten.");
    for q in [
        "\"",
        "\"\"",
        "AND",
        "OR",
        "NOT",
        "NEAR",
        "NEAR(a b)",
        "col:x",
        "title:x",
        "{title}: x",
        "*",
        "fald*",
        "^fald",
        "a + b",
        "(",
        ")",
        "-",
        "'",
        "\\",
        ":",
        "AND OR NOT",
        "\"udvalg",
        "x\" OR \"y",
        "\0",
        "   ",
        "",
    ] {
        let r = db.search(q, 10);
        assert!(r.is_ok(), "{q:?}: {r:?}");
    }
    assert!(db.search("", 10).unwrap().is_empty());
    assert!(db.search("  \" : * ", 10).unwrap().is_empty(), "no words, no hits");
    assert_eq!(item_hits(&db, "AND"), vec![items[0]], "AND is a word");
    assert_eq!(item_hits(&db, "col:x"), vec![items[0]], "a column filter is two words");
    assert_eq!(item_hits(&db, "NEAR(a b)"), vec![items[0]]);
    assert!(item_hits(&db, "status OR bananer").is_empty(), "OR is a word too, and every word must occur");
}

#[test]
fn snippets_mark_the_hit_and_cut_long_texts() {
    let (mut db, _, _, items) = workspace(&["Cykelstier"]);
    let long = format!(
        "{} Udvalget ønsker flere cykelstier langs skolevejene. {}",
        "Indledende bemærkninger om trafik. ".repeat(8),
        "Afsluttende bemærkninger om økonomi. ".repeat(8)
    );
    set_summary(&mut db, items[0], &long);
    let hit = &db.search("skolevej", 10).unwrap()[0];
    let text = shown(hit);
    assert!(text.contains("langs «skolevejene»"), "the stem matches the whole word: {text}");
    assert!(text.starts_with('…') && text.ends_with('…'), "{text}");
    assert!(text.chars().count() < 200, "{text}");
    assert!(hit.snippet.iter().any(|p| p.hit));
    assert!(!text.contains('<'), "never markup");
}

#[test]
fn closed_items_are_found_and_marked() {
    let (mut db, _, meeting, items) = workspace(&["Personalesag"]);
    db.update_agenda_item(items[0], &AgendaItemPatch { openness: Some(Openness::Closed), ..Default::default() })
        .unwrap();
    let hit = &db.search("personalesag", 10).unwrap()[0];
    assert_eq!(hit.openness, Some(Openness::Closed));
    assert_eq!((hit.meeting_id, hit.item_number), (Some(meeting), Some(1)));
    assert_eq!(hit.meeting_title.as_deref(), Some("Ordinært møde"));
}

#[test]
fn the_limit_is_kept() {
    let titles: Vec<String> = (1..=30).map(|i| format!("Skolesag nummer {i}")).collect();
    let refs: Vec<&str> = titles.iter().map(String::as_str).collect();
    let (db, _, _, _) = workspace(&refs);
    assert_eq!(db.search("skolesag", 5).unwrap().len(), 5);
    assert_eq!(db.search("skole", 7).unwrap().len(), 7, "also for parts of words");
    assert!(db.search("skolesag", 0).unwrap().is_empty());
}

/// The demo workspace's temamøde, its case and its walk.
fn demo() -> (Db, Id, Id) {
    let mut db = Db::open_in_memory().unwrap();
    let c = demo::create_on(&mut db, chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()).unwrap();
    let detail = db.get_committee(c.id).unwrap();
    let meeting = detail.meetings.iter().find(|m| m.title == pejling_core::demo::THEME_MEETING_TITLE).unwrap().id;
    let case = db.list_agenda_items(meeting).unwrap()[1].id;
    (db, meeting, case)
}

#[test]
fn the_demo_finds_fald_in_the_temamode() {
    let (db, meeting, case) = demo();
    let hits = db.search("fald", 20).unwrap();
    assert!(hits.iter().any(|h| h.kind == SearchKind::Meeting && h.meeting_id == Some(meeting)), "{hits:#?}");
    let item = hits.iter().find(|h| h.agenda_item_id == Some(case) && h.kind == SearchKind::AgendaItem).unwrap();
    assert_eq!(item.title, "Algoritmer til forebyggelse af fald hos ældre borgere");
    assert!(!item.part_of_word);
    assert!(item.snippet.iter().any(|p| p.hit && p.text.to_lowercase() == "fald"), "{}", shown(item));
    // Whole-word hits come before parts of words.
    let first_partial = hits.iter().position(|h| h.part_of_word).unwrap_or(hits.len());
    assert!(hits[first_partial..].iter().all(|h| h.part_of_word));
}

#[test]
fn walk_notes_questions_and_the_case_are_found() {
    let (mut db, meeting, case) = demo();
    let walk = db.get_walk(case).unwrap();
    assert!(!walk.steps.is_empty());
    db.save_step_note(case, 1, "Politikerne vil høre borgerrådgiveren om samtykke.").unwrap();
    let hits = db.search("borgerrådgiveren", 10).unwrap();
    assert_eq!(hits.len(), 1, "{hits:#?}");
    let note = &hits[0];
    assert_eq!(note.kind, SearchKind::Note);
    assert_eq!((note.meeting_id, note.agenda_item_id, note.step), (Some(meeting), Some(case), Some(1)));
    assert_eq!(note.title, "Algoritmer til forebyggelse af fald hos ældre borgere");
    assert_eq!(shown(note), "Politikerne vil høre «borgerrådgiveren» om samtykke.");

    db.save_step_note(case, 1, "Noget andet.").unwrap();
    assert!(db.search("borgerrådgiveren", 10).unwrap().is_empty(), "an edited note is re-indexed");
    db.save_step_note(case, 1, "").unwrap();
    assert!(db.search("andet", 10).unwrap().iter().all(|h| h.kind != SearchKind::Note), "a deleted note is gone");

    let q =
        db.add_question_to_administration(case, 2, "Hvor mange borgere har sagt nej til datadeling?", None).unwrap();
    let hits = db.search("datadeling", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!((hits[0].kind, hits[0].step, hits[0].agenda_item_id), (SearchKind::FollowUp, Some(2), Some(case)));
    db.delete_question_to_administration(q.id).unwrap();
    assert!(db.search("datadeling", 10).unwrap().is_empty());

    // The walk plan's case text belongs to the item.
    let mut plan = WalkPlan { case_technology: "Sensorgulve i plejeboliger".into(), ..walk.plan.clone() };
    db.set_walk_plan(case, &plan).unwrap();
    let hits = db.search("sensorgulve", 10).unwrap();
    assert_eq!((hits.len(), hits[0].kind, hits[0].agenda_item_id), (1, SearchKind::AgendaItem, Some(case)));
    plan.case_technology = "Trykmåtter".into();
    db.set_walk_plan(case, &plan).unwrap();
    assert!(db.search("sensorgulve", 10).unwrap().is_empty());
    assert_eq!(db.search("trykmåtter", 10).unwrap().len(), 1);
    db.add_question_to_administration(case, 0, "Hvad koster trykmåtterne?", None).unwrap();
    assert_index_is_rebuildable(&db);
    // Deleting the item takes its walk plan, notes and questions with it, out of the index too.
    db.save_step_note(case, 0, "Trykmåtter i alle boliger?").unwrap();
    db.delete_agenda_item(case).unwrap();
    assert!(db.search("trykmåtter", 10).unwrap().is_empty());
    assert_index_is_rebuildable(&db);
}

#[test]
fn the_index_is_built_for_a_database_written_before_search() {
    // Schema 3 (the first released schema) with the demo: migrating fills the index.
    let fixture = crate::support::fixture("schema-3.sqlite3");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite3");
    std::fs::copy(&fixture, &path).unwrap();
    let db = Db::open(&path).unwrap();
    let sources: i64 = db
        .connection()
        .query_row(
            "SELECT (SELECT count(*) FROM committee) + (SELECT count(*) FROM meeting)
                  + (SELECT count(*) FROM agenda_item) + (SELECT count(*) FROM step_note)
                  + (SELECT count(*) FROM follow_up)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let indexed: i64 = db.connection().query_row("SELECT count(*) FROM search_words", [], |r| r.get(0)).unwrap();
    assert!(sources > 0);
    assert_eq!(indexed, sources);
    assert!(!db.search("udvalg", 10).unwrap().is_empty());
    assert_index_is_rebuildable(&db);
}

/// `cargo test --release -p pejling-core --test it -- --ignored --nocapture search::search_timing`
#[test]
#[ignore = "a measurement, not a check"]
fn search_timing() {
    use std::time::Instant;
    let dir = tempfile::tempdir().unwrap();
    let mut db = Db::open(&dir.path().join("big.sqlite3")).unwrap();
    let c = db
        .create_committee(&NewCommittee {
            name: "Økonomiudvalget".into(),
            kind: CommitteeKind::Finance,
            description: String::new(),
        })
        .unwrap();
    let words = [
        "borgere",
        "ældre",
        "fald",
        "digitalisering",
        "skoler",
        "udvalget",
        "budget",
        "kommunen",
        "data",
        "algoritmer",
        "plejecentre",
        "cykelstier",
        "klima",
        "beskæftigelse",
        "sundhed",
        "trafik",
        "forebyggelse",
        "velfærd",
    ];
    let started = Instant::now();
    let (meetings, per_meeting) = (400, 50);
    for m in 0..meetings {
        let meeting = db
            .create_meeting(&NewMeeting {
                committee_id: c.id,
                title: format!("Møde {m}"),
                kind: MeetingKind::Ordinary,
                starts_at: "2026-03-03T17:00".into(),
                ends_at: "2026-03-03T19:00".into(),
                place: "Rådhuset".into(),
            })
            .unwrap();
        let tx = db.connection().unchecked_transaction().unwrap();
        for i in 0..per_meeting {
            let n = m * per_meeting + i;
            let text: Vec<&str> = (0..60).map(|k| words[(n * 7 + k * 13 + k * k) % words.len()]).collect();
            tx.execute(
                "INSERT INTO agenda_item (meeting_id, position, title, case_id, summary, background)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                rusqlite::params![
                    meeting.id,
                    i as i64,
                    format!("Sag {n} om {}", words[n % words.len()]),
                    format!("EMN-2026-{n:05}"),
                    text[..20].join(" "),
                    text.join(" ")
                ],
            )
            .unwrap();
        }
        tx.commit().unwrap();
    }
    let items: i64 = db.connection().query_row("SELECT count(*) FROM agenda_item", [], |r| r.get(0)).unwrap();
    println!("indexed {items} agenda items in {:.1} s", started.elapsed().as_secs_f64());
    for q in ["fald", "udvalgene", "udvalg", "plejecentre borgere", "EMN-2026-01234", "sjældent ord", "fal", "om plej"]
    {
        let runs = 20;
        let t = Instant::now();
        let mut n = 0;
        for _ in 0..runs {
            n = db.search(q, 20).unwrap().len();
        }
        println!("{q:>24}: {n:>2} hits, {:.2} ms per search", t.elapsed().as_secs_f64() * 1000.0 / runs as f64);
    }
}

#[test]
fn a_mistyped_word_offers_the_nearest_word_of_the_index() {
    let (mut db, _, _, items) = workspace(&["Forebyggelse af fald", "Budget", "Skoler", "Skolevej"]);
    set_summary(&mut db, items[0], "Forebyggelse er bedre end behandling, og budgettet er lille.");
    set_summary(&mut db, items[1], "Udvalget drøfter budgettet og et kort over skolerne.");
    set_summary(&mut db, items[2], "En skole til alle. Hver skole får et kort.");
    set_summary(&mut db, items[3], "Vejen til skole, og en kat.");
    assert!(db.search("forbyggelse", 10).unwrap().is_empty(), "the typing error finds nothing");
    let suggest = |q: &str| db.search_suggestion(q).unwrap();
    assert_eq!(suggest("forbyggelse").as_deref(), Some("forebyggelse"), "a letter left out");
    assert_eq!(suggest("Forbyggelse BUDGETTET").as_deref(), Some("forebyggelse budgettet"), "found words are kept");
    assert_eq!(suggest("bugdettet").as_deref(), Some("budgettet"), "two letters swapped");
    assert_eq!(suggest("behandlinng").as_deref(), Some("behandling"), "a letter too many");
    assert_eq!(suggest("behandlang").as_deref(), Some("behandling"), "a letter replaced");
    // "kart" is one letter from "kort" (in two documents) and "kat" (in one).
    assert_eq!(suggest("kart").as_deref(), Some("kort"), "the most used near word");
    // What is found — as a word, by its stem or inside a longer word — needs no suggestion.
    assert_eq!(suggest("forebyggelse"), None);
    assert_eq!(suggest("skolerne"), None, "by its stem");
    assert_eq!(suggest("byggelse"), None, "inside Forebyggelse");
    assert_eq!(suggest("xylofon"), None, "nothing near");
    assert_eq!(suggest("xyz"), None, "too short to guess");
    assert_eq!(suggest("forbyggelse xylofon"), None, "one word cannot be mended");
    assert_eq!(suggest(""), None);
    // The suggestion finds what it promises.
    let hits = db.search(&suggest("forbyggelse").unwrap(), 10).unwrap();
    assert!(hits.iter().any(|h| h.agenda_item_id == Some(items[0])), "{hits:#?}");
    // A word that is only in the index as a stem is not suggested: "forebyg" is no word.
    assert_eq!(suggest("forebygx"), None);
}

#[test]
fn of_words_equally_near_the_most_used_is_offered_and_alphabetical_order_breaks_a_tie() {
    let (mut db, _, _, items) = workspace(&["Banen", "Badet", "Balen"]);
    // "bage" is one letter from "bane", "bale" and "bade".
    set_summary(&mut db, items[0], "En bane, en bale og en bade.");
    set_summary(&mut db, items[1], "En bane og en bale.");
    set_summary(&mut db, items[2], "En bane.");
    assert_eq!(db.search_suggestion("bage").unwrap().as_deref(), Some("bane"), "bane 3, bale 2, bade 1");
    set_summary(&mut db, items[2], "En bale.");
    assert_eq!(db.search_suggestion("bage").unwrap().as_deref(), Some("bale"), "bale 3, bane 2");
    set_summary(&mut db, items[2], "Intet.");
    assert_eq!(db.search_suggestion("bage").unwrap().as_deref(), Some("bale"), "bale 2, bane 2: the first");
}

/// A database file: the vocabulary is built on a thread of its own.
#[test]
fn a_word_just_written_is_suggested_at_once_from_a_database_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pejling.sqlite3");
    let (mut db, _, m, items) = workspace_in(Db::open(&path).unwrap(), &["Forebyggelse af fald"]);
    let item = items[0];
    // Before the vocabulary is built (the first search starts it), and once it is.
    assert_eq!(db.search_suggestion("forbyggelse").unwrap().as_deref(), Some("forebyggelse"));
    assert!(db.search("forebyggelse", 10).unwrap().len() == 1);
    let info = db.search_vocabulary_info().unwrap().expect("built");
    assert!(info.words >= 8, "{info:?}");
    assert_eq!(db.search_suggestion("forbyggelse").unwrap().as_deref(), Some("forebyggelse"));
    assert_eq!(db.search_suggestion("skybrudssikringen").unwrap(), None);
    // Written now: suggested at the next keystroke.
    set_summary(&mut db, item, "Skybrudssikring af kælderen.");
    assert_eq!(db.search_suggestion("skybrudsikring").unwrap().as_deref(), Some("skybrudssikring"));
    let t = db.add_agenda_item(m, "Kloakseparering").unwrap().id;
    assert_eq!(db.search_suggestion("kloaksepareing").unwrap().as_deref(), Some("kloakseparering"));
    // Written by another connection (another process): suggested as well.
    let mut other = Db::open(&path).unwrap();
    set_summary(&mut other, t, "Regnvandsbassinet.");
    other.close().unwrap();
    assert_eq!(db.search_suggestion("regnvandsbasinet").unwrap().as_deref(), Some("regnvandsbassinet"));
    assert!(db.search_vocabulary_info().unwrap().is_some());
    assert_eq!(db.search_suggestion("regnvandsbasinet").unwrap().as_deref(), Some("regnvandsbassinet"));
    db.close().unwrap();
}

#[test]
fn a_word_in_most_documents_shows_the_best_of_the_newest_and_a_rare_word_is_found_anywhere() {
    let (db, _, m, _) = workspace(&[]);
    let n = pejling_core::store::RANK_WINDOW as usize + 200;
    let tx = db.connection().unchecked_transaction().unwrap();
    for i in 0..n {
        // The oldest item has the rare word, and the common word in its title (which ranks it
        // first of all).
        let (title, summary) = if i == 0 {
            ("Udvalget og sjældenheden".to_owned(), "Udvalget drøfter sjældenheden.".to_owned())
        } else {
            (format!("Sag {i}"), format!("Udvalget drøfter sag {i}."))
        };
        tx.execute(
            "INSERT INTO agenda_item (meeting_id, position, title, summary) VALUES (?1, ?2, ?3, ?4)",
            rusqlite::params![m, i as i64, title, summary],
        )
        .unwrap();
    }
    tx.commit().unwrap();
    let ids: Vec<Id> = db
        .connection()
        .prepare("SELECT id FROM agenda_item ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let hits = item_hits(&db, "udvalget");
    assert_eq!(hits.len(), 50);
    let newest = &ids[n - pejling_core::store::RANK_WINDOW as usize..];
    assert!(hits.iter().all(|id| newest.contains(id)), "the best of the newest matches");
    assert!(!hits.contains(&ids[0]));
    // A rare word among them is found wherever it is, alone or with the common word.
    assert_eq!(item_hits(&db, "sjældenheden"), vec![ids[0]]);
    assert_eq!(item_hits(&db, "udvalget sjældenheden"), vec![ids[0]]);
}

/// The documents a save left for the search index (schema 18: the triggers queue them).
fn pending(c: &rusqlite::Connection) -> Vec<i64> {
    c.prepare("SELECT doc FROM search_pending ORDER BY doc")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// How many documents both indexes hold under `rowid` (0, 1 or 2).
fn indexed(c: &rusqlite::Connection, rowid: i64) -> i64 {
    c.query_row(
        "SELECT (SELECT count(*) FROM search_words WHERE rowid = ?1)
              + (SELECT count(*) FROM search_trigrams WHERE rowid = ?1)",
        [rowid],
        |r| r.get(0),
    )
    .unwrap()
}

#[test]
fn a_save_only_queues_its_document_and_the_next_search_finds_the_edit() {
    let (mut db, _, _, items) = workspace(&["Vejbelysning"]);
    db.flush_search_index().unwrap();
    let doc = items[0] * 8 + 3;
    set_summary(&mut db, items[0], "Gadelamperne skiftes til LED.");
    // The save wrote the text and its audit entry, and only queued the index's work, once
    // however often the same document is saved.
    set_summary(&mut db, items[0], "Gadelamperne skiftes til LED-armaturer.");
    assert_eq!(pending(db.connection()), [doc]);
    // The first search brings the index up to date before it reads it: never stale.
    assert_eq!(item_hits(&db, "armaturer"), [items[0]]);
    assert!(pending(db.connection()).is_empty());
    assert_eq!(item_hits(&db, "gadelamperne"), [items[0]]);
    set_summary(&mut db, items[0], "Cykelstier.");
    assert!(item_hits(&db, "gadelamperne").is_empty(), "the old text is gone at once");
    assert!(db.search("lampe", 10).unwrap().is_empty(), "from the trigram index too");
    // "Mente du" reads the index's vocabulary: brought up to date first as well.
    set_summary(&mut db, items[0], "Klimatilpasning ved kysten.");
    assert_eq!(db.search_suggestion("klimatilpasnng").unwrap().as_deref(), Some("klimatilpasning"));
    assert!(pending(db.connection()).is_empty());
    assert_index_is_rebuildable(&db);
}

#[test]
fn a_deleted_item_leaves_both_indexes_at_the_next_search() {
    let (mut db, _, meeting, items) = workspace(&["Vejbelysning", "Gangstier", "Skolestruktur"]);
    set_summary(&mut db, items[0], "LED-armaturer i hele kommunen.");
    assert_eq!(item_hits(&db, "armaturer"), [items[0]]);
    let doc = items[0] * 8 + 3;
    assert_eq!(indexed(db.connection(), doc), 2);
    db.delete_agenda_item(items[0]).unwrap();
    assert_eq!(pending(db.connection()), [doc], "the delete queued the document");
    assert!(item_hits(&db, "armaturer").is_empty());
    assert!(db.search("armatur", 10).unwrap().is_empty());
    assert_eq!(indexed(db.connection(), doc), 0, "gone from both indexes, not only hidden");
    // A document queued and deleted before any flush (written, then deleted at once) is never
    // indexed; a meeting deleted with its items (by cascade) takes all of them out.
    let fresh = db.add_agenda_item(meeting, "Midlertidigt punkt om havnebadet").unwrap();
    db.delete_agenda_item(fresh.id).unwrap();
    assert!(db.search("havnebadet", 10).unwrap().is_empty());
    assert_eq!(indexed(db.connection(), fresh.id * 8 + 3), 0);
    assert_eq!(db.search("gangstier", 10).unwrap().len(), 1);
    db.delete_meeting(meeting).unwrap();
    assert!(db.search("gangstier", 10).unwrap().is_empty());
    assert!(db.search("skolestruktur", 10).unwrap().is_empty());
    for item in &items {
        assert_eq!(indexed(db.connection(), item * 8 + 3), 0);
    }
    assert_index_is_rebuildable(&db);
}

#[test]
fn a_search_inside_a_batch_sees_the_batch_s_own_edits() {
    let (mut db, _, _, items) = workspace(&["Vejbelysning"]);
    let found = db
        .batch(|db| {
            db.update_agenda_item(
                items[0],
                &AgendaItemPatch { summary: Some("Solceller på taget.".into()), ..Default::default() },
            )?;
            db.search("solceller", 10)
        })
        .unwrap();
    assert_eq!(found.len(), 1);
    assert!(pending(db.connection()).is_empty());
    // A batch that fails takes its queue with it, and the index its documents.
    let r: pejling_core::Result<()> = db.batch(|db| {
        db.update_agenda_item(
            items[0],
            &AgendaItemPatch { summary: Some("Vindmøller.".into()), ..Default::default() },
        )?;
        assert_eq!(db.search("vindmøller", 10)?.len(), 1);
        Err(pejling_core::Error::NotFound { entity: "test", id: 0 })
    });
    assert!(r.is_err());
    assert!(db.search("vindmøller", 10).unwrap().is_empty());
    assert_eq!(db.search("solceller", 10).unwrap().len(), 1);
    assert_index_is_rebuildable(&db);
}

/// A committee with one meeting and one agenda item in a database file; its id.
fn file_workspace(path: &std::path::Path, title: &str) -> Id {
    let mut db = Db::open(path).unwrap();
    let c = db
        .create_committee(&NewCommittee {
            name: "Børne- og Skoleudvalget".into(),
            kind: CommitteeKind::Standing,
            description: String::new(),
        })
        .unwrap();
    let m = db
        .create_meeting(&NewMeeting {
            committee_id: c.id,
            title: "Ordinært møde".into(),
            kind: MeetingKind::Ordinary,
            starts_at: "2026-03-03T17:00".into(),
            ends_at: "2026-03-03T19:00".into(),
            place: String::new(),
        })
        .unwrap();
    let item = db.add_agenda_item(m.id, title).unwrap().id;
    db.close().unwrap();
    item
}

#[test]
fn documents_queued_when_the_app_stopped_are_indexed_at_the_next_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pejling.sqlite3");
    let item = file_workspace(&path, "Skolestruktur");
    let doc = item * 8 + 3;
    // A save committed, then the app killed before its index caught up: the document's text
    // is in the file, its queue entry too, the index still has the old text. Written here on
    // a raw connection as the save's transaction leaves it (the audit trigger, which needs
    // the app's functions, off).
    {
        let raw = rusqlite::Connection::open(&path).unwrap();
        raw.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, false).unwrap();
        raw.execute("UPDATE agenda_item SET summary = 'Ny skole i Nordbyen.' WHERE id = ?1", [item]).unwrap();
        raw.execute("INSERT INTO search_pending (doc) VALUES (?1)", [doc]).unwrap();
    }
    let db = Db::open(&path).unwrap();
    assert!(pending(db.connection()).is_empty(), "indexed at open");
    // Read the index raw: found without any search having caught it up.
    let words: i64 = db
        .connection()
        .query_row("SELECT count(*) FROM search_words WHERE search_words MATCH 'nordbyen'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(words, 1);
    assert_eq!(item_hits(&db, "nordbyen"), [item]);
    assert_index_is_rebuildable(&db);

    // The same through the app's own save, the Db dropped without a close (a crash): at
    // most the pause's indexing ran before; whatever it left is indexed at the next open.
    let mut db = db;
    set_summary(&mut db, item, "Ny skole i Sydbyen.");
    drop(db);
    let db = Db::open(&path).unwrap();
    assert!(pending(db.connection()).is_empty());
    let words: i64 = db
        .connection()
        .query_row("SELECT count(*) FROM search_words WHERE search_words MATCH 'sydbyen'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(words, 1);
    assert!(item_hits(&db, "nordbyen").is_empty());
    assert_index_is_rebuildable(&db);
}

#[test]
fn the_queue_is_empty_after_a_clean_close() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pejling.sqlite3");
    let item = file_workspace(&path, "Drikkevand");
    let mut db = Db::open(&path).unwrap();
    // Closed at once, before the pause would have indexed it (if the machine is slow enough
    // for that to run first, close finds nothing left).
    set_summary(&mut db, item, "Vandværket ved Søndersø.");
    db.close().unwrap();
    let raw = rusqlite::Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    assert!(pending(&raw).is_empty(), "close indexed everything");
    let words: i64 = raw
        .query_row("SELECT count(*) FROM search_words WHERE search_words MATCH 'søndersø'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(words, 1);
    drop(raw);
    let db = Db::open(&path).unwrap();
    assert!(!db.opened_with_full_check(), "a clean close, as before");
    assert_index_is_rebuildable(&db);
}

#[test]
fn the_index_catches_up_by_itself_once_the_saves_pause() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pejling.sqlite3");
    let mut db = Db::open(&path).unwrap();
    let c = db
        .create_committee(&NewCommittee {
            name: "Klimaudvalget".into(),
            kind: CommitteeKind::Standing,
            description: "Kyster og diger.".into(),
        })
        .unwrap();
    db.update_committee(
        c.id,
        &CommitteePatch { description: Some("Kyster, diger og sluser.".into()), ..Default::default() },
    )
    .unwrap();
    // No search, no close: the checkpointer's thread indexes the queue after the pause.
    let watcher = rusqlite::Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let started = std::time::Instant::now();
    while !pending(&watcher).is_empty() {
        assert!(started.elapsed() < std::time::Duration::from_secs(20), "the queue was not indexed after the pause");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let words: i64 = watcher
        .query_row("SELECT count(*) FROM search_words WHERE search_words MATCH 'sluser'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(words, 1);
    drop(watcher);
    assert_index_is_rebuildable(&db);
    db.close().unwrap();
}
