//! A committee adopts principles and pejlemærker from the frameworks library (migration
//! 0012): by reference, idempotently, only principles and pejlemærker, audited.

use pejling_core::{CommitteeKind, Db, ErrorKind, NewCommittee};

fn committee(db: &mut Db) -> i64 {
    db.create_committee(&NewCommittee {
        name: "Opgaveudvalget for digital velfærd".into(),
        kind: CommitteeKind::Task,
        description: String::new(),
    })
    .unwrap()
    .id
}

#[test]
fn a_committee_adopts_principles_and_bearings() {
    let mut db = Db::open_in_memory().unwrap();
    db.set_actor("Birte Lauridsen").unwrap();
    let c = committee(&mut db);
    assert!(db.adopted_framework_entries(c).unwrap().is_empty());

    db.set_framework_entry_adopted(c, "dis-model", "digital-principles", "people-first", true).unwrap();
    db.set_framework_entry_adopted(c, "dis-model", "bearings", "bearing-2", true).unwrap();
    // Twice is once.
    let list = db.set_framework_entry_adopted(c, "dis-model", "bearings", "bearing-2", true).unwrap();
    let ids: Vec<&str> = list.iter().map(|a| a.entry_id.as_str()).collect();
    assert_eq!(ids, ["people-first", "bearing-2"]);
    assert!(list.iter().all(|a| a.framework_id == "dis-model" && a.adopted_at.ends_with('Z')));

    // Withdrawn; withdrawing again changes nothing.
    let list = db.set_framework_entry_adopted(c, "dis-model", "digital-principles", "people-first", false).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(
        db.set_framework_entry_adopted(c, "dis-model", "digital-principles", "people-first", false).unwrap(),
        list
    );

    // Only principles and pejlemærker; not a barrier, not an unknown entry.
    for (f, s, e) in [
        ("kl-catalogue", "barriers", "risk"),
        ("dis-model", "bearings", "bearing-9"),
        ("dis-model", "digital-principles", "bearing-1"),
        ("nope", "bearings", "bearing-1"),
    ] {
        let err = db.set_framework_entry_adopted(c, f, s, e, true).unwrap_err();
        assert_eq!(
            (err.kind(), err.message().key),
            (ErrorKind::Validation, "error-framework-not-adoptable"),
            "{f}/{s}/{e}"
        );
    }
    let err = db.set_framework_entry_adopted(c, "kl-catalogue", "barriers", "risk", true).unwrap_err();
    assert!(err.to_string().contains("hverken et politisk princip eller et pejlemærke"), "{err}");
    assert_eq!(
        db.set_framework_entry_adopted(9999, "dis-model", "bearings", "bearing-1", true).unwrap_err().kind(),
        ErrorKind::NotFound
    );
    assert_eq!(db.adopted_framework_entries(9999).unwrap_err().kind(), ErrorKind::NotFound);
    assert_eq!(db.adopted_framework_entries(c).unwrap().len(), 1);

    // Audited under the person who made the change: two adoptions and one withdrawal.
    let rows: Vec<(String, String, String)> = db
        .connection()
        .prepare("SELECT actor, action, changes FROM audit_log WHERE entity = 'committee_framework_entry' ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let actions: Vec<&str> = rows.iter().map(|r| r.1.as_str()).collect();
    assert_eq!(actions, ["insert", "insert", "delete"]);
    assert!(rows.iter().all(|r| r.0 == "Birte Lauridsen"));
    assert!(rows[1].2.contains("\"entry_id\":\"bearing-2\""), "{}", rows[1].2);
}

#[test]
fn a_project_carries_kls_five_recommendations_as_a_checklist_with_notes() {
    let mut db = Db::open_in_memory().unwrap();
    db.set_actor("Jens Holmgaard").unwrap();
    let c = committee(&mut db);
    let p = db
        .create_project(&pejling_core::NewProject {
            title: "Chatbot i borgerservice".into(),
            description: String::new(),
            committee_id: c,
        })
        .unwrap();
    let list = db.project_recommendations(p.id).unwrap();
    let titles: Vec<&str> = list.iter().map(|r| r.title.da.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Sæt retning og følg op",
            "Opbyg indsigt",
            "Konkretisér og afprøv",
            "Tænk sammen med velfærd",
            "Skab bredt og tidligt ejerskab"
        ]
    );
    assert!(list.iter().all(|r| !r.done && r.note.is_empty() && r.text.is_some()));

    let note = "Demonstration på udvalgsmødet i marts.\n  Borgerservice viser chatbotten.";
    let list = db.set_project_recommendation(p.id, "make-concrete-and-test", true, note).unwrap();
    let r = list.iter().find(|r| r.id == "make-concrete-and-test").unwrap();
    assert!(r.done);
    assert_eq!(r.note, note, "kept exactly as typed");
    // Unchecked again, note kept; the same again records nothing more.
    db.set_project_recommendation(p.id, "make-concrete-and-test", false, note).unwrap();
    db.set_project_recommendation(p.id, "make-concrete-and-test", false, note).unwrap();
    let r = db.project_recommendations(p.id).unwrap().into_iter().find(|r| r.id == "make-concrete-and-test").unwrap();
    assert!(!r.done && r.note == note);

    let e = db.set_project_recommendation(p.id, "spring-over", true, "").unwrap_err();
    assert_eq!((e.kind(), e.message().key), (ErrorKind::Validation, "error-project-recommendation-unknown"));
    assert_eq!(e.to_string(), "»spring-over« er ikke en af KL's fem anbefalinger.");
    assert_eq!(db.set_project_recommendation(9999, "build-insight", true, "").unwrap_err().kind(), ErrorKind::NotFound);

    let n: i64 = db
        .connection()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE entity = 'project_recommendation' AND actor = 'Jens Holmgaard'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 2, "one insert and one update; the unchanged write is not logged");
}
