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
    let theme = meetings.as_array().unwrap().iter().find(|m| m["kind"] == "theme").unwrap();
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
        let m = detail.meetings.iter().find(|m| m.status == pejling::MeetingStatus::Closed).unwrap().id;
        db.approve_minutes(m, detail.members[0].person_id).unwrap();
        (m, db.list_agenda_items(m).unwrap()[1].id)
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
