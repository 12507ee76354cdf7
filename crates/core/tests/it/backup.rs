//! Backups and restore: round trip, refusal of foreign or damaged files, rotation, automatic
//! backups after a meeting is closed; migration of the released schema fixtures.

use std::path::{Path, PathBuf};

use pejling_core::backup::{self, Reason};
use pejling_core::*;

fn demo_db(dir: &Path) -> (PathBuf, Db) {
    let path = dir.join("pejling.sqlite3");
    let mut db = Db::open(&path).unwrap();
    pejling_core::demo::create(&mut db).unwrap();
    (path, db)
}

fn theme_meeting(db: &Db) -> MeetingDetail {
    let m = db
        .list_meetings(None)
        .unwrap()
        .into_iter()
        .find(|m| m.title == pejling_core::demo::THEME_MEETING_TITLE)
        .unwrap();
    db.get_meeting(m.id).unwrap()
}

#[test]
fn backup_and_restore_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut db) = demo_db(dir.path());
    let copy = dir.path().join("copy.sqlite3");
    db.backup_to(&copy).unwrap();
    backup::verify(&copy).unwrap();

    let before = theme_meeting(&db);
    let first = before.items[0].id;
    db.delete_agenda_item(first).unwrap();
    assert_eq!(theme_meeting(&db).items.len(), before.items.len() - 1);
    drop(db);

    let saved = backup::restore(&copy, &path, &pejling_core::instance::InstanceLock::acquire(&path).unwrap())
        .unwrap()
        .expect("the current database is kept");
    assert!(saved.exists());
    let db = Db::open(&path).unwrap();
    assert_eq!(theme_meeting(&db), before, "exactly the backed-up content is back");
    // The pre-restore state is in the saved file.
    let prior = Db::open(&saved).unwrap();
    assert_eq!(theme_meeting(&prior).items.len(), before.items.len() - 1);
}

#[test]
fn restore_refuses_what_is_not_a_pejling_database_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (path, db) = demo_db(dir.path());
    let before = theme_meeting(&db);
    drop(db);
    let foreign = dir.path().join("foreign.sqlite3");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    let garbage = dir.path().join("garbage.sqlite3");
    std::fs::write(&garbage, vec![0x5a; 4096]).unwrap();
    let missing = dir.path().join("missing.sqlite3");
    for (bad, why) in [(&foreign, "et andet program"), (&garbage, "slet ikke en database"), (&missing, "findes ikke")] {
        let e =
            backup::restore(bad, &path, &pejling_core::instance::InstanceLock::acquire(&path).unwrap()).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::NotAPejlingDatabase, "{}: {e}", bad.display());
        assert!(e.to_string().contains(why), "restore says why: {e}");
    }
    let truncated = dir.path().join("truncated.sqlite3");
    let full = std::fs::read(dir.path().join("backups").read_dir().unwrap().next().unwrap().unwrap().path()).unwrap();
    std::fs::write(&truncated, &full[..full.len() / 2]).unwrap();
    assert!(
        backup::restore(&truncated, &path, &pejling_core::instance::InstanceLock::acquire(&path).unwrap()).is_err(),
        "a truncated backup is refused"
    );
    assert_eq!(theme_meeting(&Db::open(&path).unwrap()), before);
}

#[test]
fn a_newer_backup_is_refused_as_too_new() {
    let dir = tempfile::tempdir().unwrap();
    let (path, db) = demo_db(dir.path());
    let copy = dir.path().join("future.sqlite3");
    db.backup_to(&copy).unwrap();
    drop(db);
    rusqlite::Connection::open(&copy).unwrap().pragma_update(None, "user_version", 999).unwrap();
    assert_eq!(
        backup::restore(&copy, &path, &pejling_core::instance::InstanceLock::acquire(&path).unwrap())
            .unwrap_err()
            .kind(),
        ErrorKind::DatabaseTooNew
    );
}

#[test]
fn closing_a_meeting_takes_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let (_path, mut db) = demo_db(dir.path());
    let n = backup::list(&dir.path().join("backups")).unwrap().len();
    let m = theme_meeting(&db).meeting;
    for s in [MeetingStatus::AgendaSent, MeetingStatus::InProgress] {
        db.set_meeting_status(m.id, s).unwrap();
    }
    assert_eq!(backup::list(&dir.path().join("backups")).unwrap().len(), n, "no backup before closing");
    db.set_meeting_status(m.id, MeetingStatus::Closed).unwrap();
    let list = backup::list(&dir.path().join("backups")).unwrap();
    assert_eq!(list.len(), n + 1);
    assert_eq!(list[0].reason, "meeting-closed");
    let copy = Db::open(Path::new(&list[0].path)).unwrap();
    assert_eq!(copy.get_meeting(m.id).unwrap().meeting.status, MeetingStatus::Closed);
}

#[test]
fn rotation_keeps_the_newest_ten_and_one_per_earlier_month() {
    let dir = tempfile::tempdir().unwrap();
    let b = dir.path();
    let mut names = Vec::new();
    // 12 backups in November, 3 in October, 2 in September.
    for d in 1..=12 {
        names.push(format!("pejling-202611{d:02}T100000000Z-start.sqlite3"));
    }
    for d in [5, 15, 25] {
        names.push(format!("pejling-202610{d:02}T100000000Z-start.sqlite3"));
    }
    for d in [1, 2] {
        names.push(format!("pejling-202609{d:02}T100000000Z-manual.sqlite3"));
    }
    for n in &names {
        std::fs::write(b.join(n), b"x").unwrap();
    }
    std::fs::write(b.join("notes.txt"), b"not a backup").unwrap();
    let removed = backup::rotate(b).unwrap();
    let mut kept: Vec<String> = backup::list(b).unwrap().iter().map(|f| f.taken_at[..10].to_owned()).collect();
    kept.sort();
    assert_eq!(
        kept,
        [
            "2026-09-02",
            "2026-10-25",
            "2026-11-03",
            "2026-11-04",
            "2026-11-05",
            "2026-11-06",
            "2026-11-07",
            "2026-11-08",
            "2026-11-09",
            "2026-11-10",
            "2026-11-11",
            "2026-11-12"
        ]
    );
    assert_eq!(removed.len(), names.len() - kept.len());
    assert!(b.join("notes.txt").exists(), "other files are left alone");
}

#[test]
fn a_damaged_database_is_set_aside_with_its_wal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pejling.sqlite3");
    std::fs::write(&path, b"beskadiget").unwrap();
    std::fs::write(format!("{}-wal", path.display()), b"wal").unwrap();
    let aside = backup::set_aside(&path).unwrap();
    assert!(!path.exists());
    assert_eq!(std::fs::read(&aside).unwrap(), b"beskadiget");
    assert!(PathBuf::from(format!("{}-wal", aside.display())).exists());
}

#[test]
fn manual_backups_go_to_the_backups_directory() {
    let dir = tempfile::tempdir().unwrap();
    let (path, db) = demo_db(dir.path());
    let written = db.auto_backup(Reason::Manual).unwrap().unwrap();
    assert_eq!(written.parent().unwrap(), backup::dir_for(&path));
    assert_eq!(backup::newest_good(&path).unwrap().unwrap().path, written.display().to_string());
}

/// The first schema version that left development. Schemas 1 and 2 only ever existed on
/// developers' machines (the first release shipped with schema 3), so they have no fixture.
const FIRST_RELEASED_SCHEMA: i64 = 3;
/// Schemas no build ever wrote to a user's database: 13 (bilag) and 14 (deliberation) were
/// built on parallel branches and shipped together with 15 in one release, and a migration
/// from 12 runs 13–15 in one transaction, so no database stops at 13 or 14.
const NEVER_RELEASED: &[i64] = &[13, 14];

fn fixture_path(version: i64) -> PathBuf {
    crate::support::fixture(&format!("schema-{version}.sqlite3"))
}

/// Writes the fixture of the current schema: the demo workspace as of a fixed day, in one
/// file (no WAL). Run when a schema ships: `make fixture`.
#[test]
#[ignore = "writes tests/fixtures; run by `make fixture` when a schema version ships"]
fn write_schema_fixture() {
    let version = pejling_core::store::schema_version();
    let path = fixture_path(version);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let _ = std::fs::remove_file(&path);
    let mut db = Db::open(&path).unwrap();
    pejling_core::demo::create_on(&mut db, chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()).unwrap();
    // Since schema 18 the saves queue their documents for the search index: the fixture holds
    // them indexed, as a clean close leaves a database.
    db.flush_search_index().unwrap();
    // Dropped first: its checkpointer's thread, which may be indexing for search on a
    // connection of its own, has stopped; leaving WAL mode needs the file to itself.
    drop(db);
    rusqlite::Connection::open(&path).unwrap().pragma_update(None, "journal_mode", "DELETE").unwrap();
    let _ = std::fs::remove_dir_all(backup::dir_for(&path));
    // The demo's bilag files are not part of a schema fixture (only its rows are).
    let _ = std::fs::remove_dir_all(pejling_core::store::blobs::dir_beside(&path));
    assert!(path.exists());
}

/// Every released schema version has a fixture; each migrates to the latest with its data.
#[test]
fn released_schema_fixtures_migrate_to_the_latest() {
    for version in FIRST_RELEASED_SCHEMA..=pejling_core::store::schema_version() {
        if NEVER_RELEASED.contains(&version) {
            continue;
        }
        let fixture = fixture_path(version);
        if version < pejling_core::store::schema_version() || fixture.exists() {
            assert!(fixture.exists(), "missing fixture for released schema {version}: {}", fixture.display());
        } else {
            continue; // the newest, unreleased schema gets its fixture when it ships
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pejling.sqlite3");
        std::fs::copy(&fixture, &path).unwrap();
        let db = Db::open(&path).unwrap();
        let status = db.workspace_status().unwrap();
        assert_eq!(status.schema_version as i64, pejling_core::store::schema_version());
        let committees = db.list_committees().unwrap();
        assert_eq!(committees.len(), 1, "schema {version}");
        assert_eq!(committees[0].name, pejling_core::demo::COMMITTEE_NAME);
        let theme = theme_meeting(&db);
        assert_eq!(theme.meeting.starts_at, "2026-12-08T17:00");
        assert_eq!(theme.items.len(), 5);
        assert_eq!(theme.items[3].openness, Openness::Closed);
        let ok: String = db.connection().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(ok, "ok");
        // Approved minutes come through every migration intact; since schema 17 their
        // snapshots are stored deflated, none as plain text.
        let approved: Vec<i64> = {
            let mut st = db.connection().prepare("SELECT DISTINCT meeting_id FROM minutes_approval").unwrap();
            st.query_map([], |r| r.get(0)).unwrap().collect::<rusqlite::Result<_>>().unwrap()
        };
        for meeting in &approved {
            let report = db.verify_minutes(*meeting).unwrap();
            assert!(report.approved && report.snapshot_intact && report.unchanged, "schema {version}: {report:?}");
        }
        let plain: i64 = db
            .connection()
            .query_row("SELECT count(*) FROM minutes_approval WHERE snapshot IS NOT NULL", [], |r| r.get(0))
            .unwrap();
        assert_eq!(plain, 0, "schema {version}: snapshots left as plain text");
        // The upgrade compacted the file once, into 8 KiB pages, with no free pages left. From
        // schema 17 on nothing is compacted: schema 18's shorter search triggers free a page or
        // two of the schema's own table (reused by the next writes), far below the tenth of
        // the file that makes `Db::compact` run.
        let pragma = |sql: &str| db.connection().query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
        assert_eq!(pragma("PRAGMA page_size"), 8192, "schema {version}");
        if version < 17 {
            assert_eq!(pragma("PRAGMA freelist_count"), 0, "schema {version}");
        } else if version < pejling_core::store::schema_version() {
            assert!(pragma("PRAGMA freelist_count") * 10 < pragma("PRAGMA page_count"), "schema {version}");
        }
        let mode: String = db.connection().query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
        assert_eq!(mode, "wal", "schema {version}");
        if version < pejling_core::store::schema_version() {
            let backups = backup::list(&dir.path().join("backups")).unwrap();
            assert!(backups.iter().any(|b| b.reason == "before-migration"), "backup before migrating {version}");
        }
    }
}

#[test]
fn restoring_an_old_backup_that_rotation_would_remove_still_works() {
    let dir = tempfile::tempdir().unwrap();
    let (path, db) = demo_db(dir.path());
    let before = theme_meeting(&db);
    drop(db);
    let backups = dir.path().join("backups");
    // The oldest backup of the current month, then ten newer ones: rotation removes the oldest
    // as soon as one more backup (the one restore takes of the current database) is written.
    for b in backup::list(&backups).unwrap() {
        std::fs::remove_file(b.path).unwrap();
    }
    let month = chrono::Utc::now().format("%Y%m").to_string();
    let src = rusqlite::Connection::open(&path).unwrap();
    let old = backups.join(format!("pejling-{month}01T000000000Z-manual.sqlite3"));
    backup::copy_to(&src, &old).unwrap();
    for i in 0..9 {
        backup::copy_to(&src, &backups.join(format!("pejling-{month}01T0001{i:02}000Z-manual.sqlite3"))).unwrap();
    }
    drop(src);
    {
        let mut db = Db::open(&path).unwrap();
        db.delete_agenda_item(before.items[0].id).unwrap();
    }
    backup::restore(&old, &path, &pejling_core::instance::InstanceLock::acquire(&path).unwrap()).unwrap();
    assert!(!old.exists(), "rotation removed the restored backup afterwards, as intended");
    assert_eq!(theme_meeting(&Db::open(&path).unwrap()), before, "its content was restored all the same");
}

#[test]
fn restoring_over_a_damaged_database_keeps_the_damaged_file_aside() {
    let dir = tempfile::tempdir().unwrap();
    let (path, db) = demo_db(dir.path());
    let before = theme_meeting(&db);
    let good = db.auto_backup(Reason::Manual).unwrap().unwrap();
    drop(db);
    let full = std::fs::read(&path).unwrap();
    std::fs::write(&path, &full[..full.len() / 2]).unwrap();
    assert!(Db::open(&path).is_err(), "the truncated database does not open");
    assert_eq!(backup::newest_good(&path).unwrap().unwrap().path, good.display().to_string());
    let aside = backup::restore(&good, &path, &pejling_core::instance::InstanceLock::acquire(&path).unwrap())
        .unwrap()
        .expect("the damaged file is kept");
    assert!(aside.display().to_string().contains(".damaged-"), "{}", aside.display());
    assert_eq!(std::fs::read(&aside).unwrap(), &full[..full.len() / 2], "kept byte for byte");
    assert_eq!(theme_meeting(&Db::open(&path).unwrap()), before);
}

/// The app's start-up backup runs on a thread with its own connection: an open write
/// transaction of the app neither blocks it nor ends up in it (a consistent snapshot of what
/// was committed), and it lands in backups/ as a start backup that verifies.
#[test]
fn a_start_backup_on_its_own_connection_runs_beside_the_apps_writes() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut db) = demo_db(dir.path());
    let committed = db.list_committees().unwrap().len();
    let taken = db
        .batch(|db| {
            db.create_committee(&NewCommittee {
                name: "Udvalget for samtidige kopier".into(),
                kind: CommitteeKind::Standing,
                description: String::new(),
            })?;
            // The write transaction is open while the backup runs on another thread.
            let p = path.clone();
            Ok(std::thread::spawn(move || backup::auto_backup_file(&p, Reason::Start)).join().unwrap())
        })
        .unwrap()
        .expect("the background backup completes while the app holds its write transaction");
    assert_eq!(db.list_committees().unwrap().len(), committed + 1, "the app's write committed");
    backup::verify(&taken).unwrap();
    let listed = backup::list(&backup::dir_for(&path)).unwrap();
    assert_eq!(listed[0].path, taken.display().to_string());
    assert_eq!(listed[0].reason, "start");
    let copy = rusqlite::Connection::open(&taken).unwrap();
    let n: i64 = copy.query_row("SELECT count(*) FROM committee", [], |r| r.get(0)).unwrap();
    assert_eq!(n as usize, committed, "the snapshot holds what was committed, not the open transaction");
}

/// A start-up backup when nothing changed since the last backup copies nothing and names the
/// last one; an edit, a restore (the same content, a new file) and another program's write
/// each make the next start-up backup a real copy.
#[test]
fn a_start_backup_copies_only_what_changed_since_the_last() {
    let dir = tempfile::tempdir().unwrap();
    let (path, db) = demo_db(dir.path());
    db.close().unwrap();
    // The file's time must be older than the file system's clock tick to be trusted.
    let settle = || std::thread::sleep(std::time::Duration::from_millis(150));
    settle();
    let count = || backup::list(&backup::dir_for(&path)).unwrap().len();
    let first = backup::auto_backup_file(&path, Reason::Start).unwrap();
    let n = count();
    // Opened and closed again without a change, as a launch that only reads.
    let db = Db::open(&path).unwrap();
    db.list_committees().unwrap();
    db.close().unwrap();
    assert_eq!(backup::auto_backup_file(&path, Reason::Start).unwrap(), first, "nothing changed: no copy");
    assert_eq!(count(), n);
    assert_eq!(backup::unchanged_since_last(&path), Some(first.clone()));

    // While the app is open and has written: a copy.
    let mut db = Db::open(&path).unwrap();
    let item = theme_meeting(&db).items[0].id;
    db.update_agenda_item(item, &AgendaItemPatch { summary: Some("Ændret.".into()), ..Default::default() }).unwrap();
    let second = backup::auto_backup_file(&path, Reason::Start).unwrap();
    assert_ne!(second, first, "an edit since the last backup: a copy");
    db.close().unwrap();
    settle();
    // Closed after the edit (the WAL checkpointed into the file): the file changed since.
    let third = backup::auto_backup_file(&path, Reason::Start).unwrap();
    assert_ne!(third, second);
    assert_eq!(backup::auto_backup_file(&path, Reason::Start).unwrap(), third, "and then nothing changed");

    // Another program writes the file (its own connection, no Pejling): a copy.
    let other = rusqlite::Connection::open(&path).unwrap();
    // It provides the functions the audit triggers call, as any tool could.
    other
        .create_scalar_function("pejling_stem", 1, rusqlite::functions::FunctionFlags::SQLITE_UTF8, |c| {
            c.get::<String>(0)
        })
        .unwrap();
    for f in ["pejling_actor", "pejling_actor_role", "pejling_author", "pejling_via_package", "pejling_merged_by"] {
        let name = f.to_owned();
        other
            .create_scalar_function(f, 0, rusqlite::functions::FunctionFlags::SQLITE_UTF8, move |_| {
                Ok((name == "pejling_actor").then(|| "et andet program".to_owned()))
            })
            .unwrap();
    }
    other.execute("UPDATE committee SET description = 'ændret udefra' WHERE id = 1", []).unwrap();
    drop(other);
    settle();
    let fourth = backup::auto_backup_file(&path, Reason::Start).unwrap();
    assert_ne!(fourth, third, "a foreign write: a copy");
    let copy = rusqlite::Connection::open(&fourth).unwrap();
    let d: String = copy.query_row("SELECT description FROM committee WHERE id = 1", [], |r| r.get(0)).unwrap();
    assert_eq!(d, "ændret udefra");
    drop(copy);
    assert_eq!(backup::auto_backup_file(&path, Reason::Start).unwrap(), fourth);

    // A restore of the newest backup: the same content in a new file, so a copy again.
    backup::restore(&fourth, &path, &pejling_core::instance::InstanceLock::acquire(&path).unwrap()).unwrap();
    settle();
    let fifth = backup::auto_backup_file(&path, Reason::Start).unwrap();
    assert!(backup::list(&backup::dir_for(&path)).unwrap()[0].path == fifth.display().to_string());
    assert_ne!(fifth, fourth, "after a restore: a copy");
    assert_eq!(backup::unchanged_since_last(&path), Some(fifth.clone()));

    // The newest backup itself changed (replaced by hand): never trusted.
    std::fs::copy(backup::list(&backup::dir_for(&path)).unwrap()[0].path.clone(), dir.path().join("x")).unwrap();
    std::fs::rename(dir.path().join("x"), &fifth).unwrap();
    assert_eq!(backup::unchanged_since_last(&path), None);
}

/// Older backups are packed: chunks shared between them stored once; each still verifies and
/// restores exactly what it held, and a damaged chunk is refused.
#[test]
fn older_backups_share_their_pages_and_restore_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut db) = demo_db(dir.path());
    let m = theme_meeting(&db);
    let mut taken = Vec::new();
    for i in 0..4 {
        db.update_agenda_item(
            m.items[0].id,
            &AgendaItemPatch { summary: Some(format!("Udgave {i}.")), ..Default::default() },
        )
        .unwrap();
        taken.push((db.auto_backup(Reason::Manual).unwrap().unwrap(), theme_meeting(&db)));
    }
    // Two more without a change between: the same pages.
    db.auto_backup(Reason::Manual).unwrap().unwrap();
    db.auto_backup(Reason::Manual).unwrap().unwrap();
    db.close().unwrap();
    let bdir = backup::dir_for(&path);
    let listed = backup::list(&bdir).unwrap();
    // The demo's closed meetings took backups of their own before these four.
    assert!(listed.len() >= 6);
    assert!(listed[0].path.ends_with(".sqlite3"), "the newest stays a plain SQLite file");
    assert!(listed[1..].iter().all(|b| b.path.ends_with(".pages")), "{listed:?}");
    // Chunks the packed backups share are stored once.
    let mut refs = 0;
    let mut unique = std::collections::HashSet::new();
    for b in &listed[1..3] {
        for l in std::fs::read_to_string(&b.path).unwrap().lines().skip(3).filter(|l| l.len() == 64) {
            refs += 1;
            unique.insert(l.to_owned());
        }
    }
    let files = walk_files(&backup::chunk_dir(&bdir));
    assert!(unique.len() <= files, "every chunk listed is stored");
    assert!(unique.len() < refs, "{} distinct of {refs} chunks in two packed backups of the same pages", unique.len());
    for b in &listed {
        backup::verify(Path::new(&b.path)).unwrap();
        assert!(b.bytes > 0);
    }
    // Restore the oldest (packed) one: exactly its content is back.
    let oldest = Path::new(&listed[5].path).to_path_buf();
    backup::restore(&oldest, &path, &pejling_core::instance::InstanceLock::acquire(&path).unwrap()).unwrap();
    let db = Db::open(&path).unwrap();
    assert_eq!(theme_meeting(&db), taken[0].1);
    assert!(db.opened_with_full_check());
    drop(db);
    // A damaged chunk: the packed backup no longer verifies and is not restored.
    let listed = backup::list(&bdir).unwrap();
    let packed = listed.iter().find(|b| b.path.ends_with(".pages")).unwrap();
    let manifest = std::fs::read_to_string(&packed.path).unwrap();
    let chunk = manifest.lines().last().unwrap();
    let at = backup::chunk_dir(&bdir).join(&chunk[..2]).join(chunk);
    let mut bytes = std::fs::read(&at).unwrap();
    bytes[0] ^= 1;
    std::fs::write(&at, bytes).unwrap();
    assert!(backup::verify(Path::new(&packed.path)).is_err());
    let before = std::fs::read(&path).unwrap();
    assert!(backup::restore(
        Path::new(&packed.path),
        &path,
        &pejling_core::instance::InstanceLock::acquire(&path).unwrap()
    )
    .is_err());
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing changed");
}

fn walk_files(dir: &Path) -> usize {
    std::fs::read_dir(dir).unwrap().flatten().map(|e| if e.path().is_dir() { walk_files(&e.path()) } else { 1 }).sum()
}
