//! `pejling backup --out PATH` and `pejling restore PATH` as a secretary or an IT department
//! uses them: the real binary on a temp database. A restore brings back exactly the backed-up
//! workspace and keeps the one it replaces; a file that is not a Pejling database (or is too
//! new, or is missing) is refused with the reason, a non-zero exit, and nothing changed.

use std::path::Path;
use std::process::Command;

fn pejling(db: &Path, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pejling"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("PEJLING_LANG")
        .output()
        .expect("run pejling");
    (out.status.success(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn meetings_json(db: &Path) -> String {
    let (ok, out, err) = pejling(db, &["meetings", "--json"]);
    assert!(ok, "{err}");
    out
}

#[test]
fn backup_out_and_restore_round_trip_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.sqlite3");
    let copy = dir.path().join("kopi").join("sikkerhedskopi.sqlite3");
    assert!(pejling(&db, &["demo"]).0);
    let before = meetings_json(&db);
    let (ok, out, err) = pejling(&db, &["backup", "--out", copy.to_str().unwrap()]);
    assert!(ok && out.contains("Sikkerhedskopien er skrevet"), "{out}{err}");
    assert!(copy.exists());

    // Change the workspace: a new committee.
    {
        let mut d = pejling::Db::open(&db).unwrap();
        d.create_committee(&pejling::NewCommittee {
            name: "Et nyt udvalg".into(),
            kind: pejling::CommitteeKind::Other,
            description: String::new(),
        })
        .unwrap();
    }
    let (_, committees, _) = pejling(&db, &["committees"]);
    assert!(committees.contains("Et nyt udvalg"));

    let (ok, out, err) = pejling(&db, &["restore", copy.to_str().unwrap()]);
    assert!(ok, "{err}");
    assert!(out.contains("Databasen er genskabt fra"), "{out}");
    assert!(out.contains("Den hidtidige database er gemt som"), "the replaced workspace is kept: {out}");
    assert_eq!(meetings_json(&db), before, "exactly the backed-up workspace is back");
    let (_, committees, _) = pejling(&db, &["committees"]);
    assert!(!committees.contains("Et nyt udvalg"), "{committees}");
    let (ok, list, _) = pejling(&db, &["backups"]);
    assert!(ok && (list.contains("before-restore") || list.contains("gendannelse")), "{list}");
}

#[test]
fn restore_refuses_files_that_are_not_pejling_databases_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.sqlite3");
    assert!(pejling(&db, &["demo"]).0);
    let before = meetings_json(&db);

    let foreign = dir.path().join("andet-program.sqlite3");
    rusqlite::Connection::open(&foreign).unwrap().execute_batch("CREATE TABLE noter (tekst TEXT);").unwrap();
    let garbage = dir.path().join("tilfaeldigt.sqlite3");
    std::fs::write(&garbage, (0..8192u32).map(|i| (i.wrapping_mul(2654435761) >> 11) as u8).collect::<Vec<u8>>())
        .unwrap();
    let newer = dir.path().join("nyere.sqlite3");
    assert!(pejling(&db, &["backup", "--out", newer.to_str().unwrap()]).0);
    rusqlite::Connection::open(&newer).unwrap().pragma_update(None, "user_version", 999).unwrap();
    let missing = dir.path().join("findes-ikke.sqlite3");

    for (file, why) in [
        (&foreign, "en database fra et andet program"),
        (&garbage, "slet ikke en database"),
        (&newer, "nyere version af Pejling"),
        (&missing, "findes ikke"),
    ] {
        let (ok, out, err) = pejling(&db, &["restore", file.to_str().unwrap()]);
        assert!(!ok, "{}: refused with a non-zero exit", file.display());
        assert!(err.contains(why), "{}: says why: {err}", file.display());
        assert!(!out.contains("genskabt"), "{out}");
        assert_eq!(meetings_json(&db), before, "{}: nothing changed", file.display());
    }
    assert!(!missing.exists(), "nothing was created either");
}
