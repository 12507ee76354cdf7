//! Opening databases: the file is durable and survives a reopen; files that are not ours or
//! are from a newer Pejling are refused without being changed.

use pejling_core::*;

#[test]
fn data_survives_close_and_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/dir/pejling.sqlite3");
    let id = {
        let mut db = Db::open(&path).unwrap();
        pejling_core::demo::create(&mut db).unwrap().id
    };
    let db = Db::open(&path).unwrap();
    assert_eq!(db.get_committee(id).unwrap().committee.name, pejling_core::demo::COMMITTEE_NAME);
    assert_eq!(db.workspace_status().unwrap().schema_version as i64, pejling_core::store::schema_version());
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.sqlite3");
    drop(Db::open(&path).unwrap());
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.pragma_update(None, "user_version", 999).unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Db::open(&path).err().expect("refused");
    assert_eq!(err.kind(), ErrorKind::DatabaseTooNew);
    assert!(err.to_string().contains("nyere version af Pejling"), "{err}");
    assert!(err.to_string().contains("999"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "the file is not changed");
}

#[test]
fn another_programs_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite3");
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hej');").unwrap();
    }
    let err = Db::open(&path).err().expect("refused");
    assert_eq!(err.kind(), ErrorKind::NotAPejlingDatabase);
    assert!(err.to_string().contains("en database fra et andet program"), "says why: {err}");
    let c = rusqlite::Connection::open(&path).unwrap();
    let tables: i64 = c.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0)).unwrap();
    assert_eq!(tables, 1, "no Pejling tables were added");
}

#[test]
fn random_bytes_are_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("garbage.sqlite3");
    let bytes: Vec<u8> = (0..8192u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
    std::fs::write(&path, &bytes).unwrap();
    let err = Db::open(&path).err().expect("refused");
    assert_eq!(err.kind(), ErrorKind::NotAPejlingDatabase, "{err}");
    assert!(err.to_string().contains("slet ikke en database"), "says why: {err}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

/// A demo workspace on disk in one file (no WAL), and its bytes.
fn demo_file(dir: &std::path::Path) -> (std::path::PathBuf, Vec<u8>) {
    let path = dir.join("pejling.sqlite3");
    {
        let mut db = Db::open(&path).unwrap();
        pejling_core::demo::create(&mut db).unwrap();
        // Dropped first (no clean close: no marker): its checkpointer's thread, which may be
        // indexing for search on a connection of its own, has stopped; leaving WAL mode needs
        // the file to itself.
        drop(db);
        rusqlite::Connection::open(&path).unwrap().pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let bytes = std::fs::read(&path).unwrap();
    (path, bytes)
}

/// The page size in a SQLite file's header (bytes 16–17, big-endian; 1 means 65,536).
fn page_size(bytes: &[u8]) -> usize {
    match u16::from_be_bytes([bytes[16], bytes[17]]) {
        1 => 65_536,
        n => n as usize,
    }
}

#[test]
fn a_truncated_database_is_refused_at_open_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let (path, bytes) = demo_file(dir.path());
    // Cut at several places: inside the header, after the first page, in the middle.
    let page = page_size(&bytes);
    assert_eq!(page, 8192, "a new database's pages");
    for cut in [50, page, bytes.len() / 2, bytes.len() - page] {
        std::fs::write(&path, &bytes[..cut]).unwrap();
        let err = Db::open(&path).err().unwrap_or_else(|| panic!("a file cut at {cut} of {} opened", bytes.len()));
        assert_eq!(err.kind(), ErrorKind::NotAPejlingDatabase, "cut at {cut}: {err}");
        assert!(err.to_string().contains("beskadiget"), "{err}");
        if cut > 100 {
            assert!(err.to_string().contains("den er beskadiget. SQLite fandt fejl"), "says why: {err}");
        }
        assert_eq!(std::fs::read(&path).unwrap(), &bytes[..cut], "cut at {cut}: the file is not changed");
    }
}

#[test]
fn a_database_with_a_damaged_page_is_refused_at_open() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut bytes) = demo_file(dir.path());
    // Overwrite the second page (the first of the schema's tables) with noise.
    let page = page_size(&bytes);
    for (i, b) in bytes[page..2 * page].iter_mut().enumerate() {
        *b = (i as u32).wrapping_mul(2654435761).to_le_bytes()[2];
    }
    std::fs::write(&path, &bytes).unwrap();
    let err = Db::open(&path).err().expect("a damaged page is found before anything is written");
    assert_eq!(err.kind(), ErrorKind::NotAPejlingDatabase, "{err}");
    assert!(err.to_string().contains("den er beskadiget"), "says why: {err}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

// ---- the clean-close marker: the full page check only when the file may have changed ------

/// A demo workspace closed cleanly by Pejling: no WAL, and a marker beside it.
fn cleanly_closed_demo(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("pejling.sqlite3");
    let mut db = Db::open(&path).unwrap();
    pejling_core::demo::create(&mut db).unwrap();
    db.close().unwrap();
    assert!(pejling_core::store::clean::marker_path(&path).exists(), "a clean close leaves a marker");
    assert!(!std::path::Path::new(&format!("{}-wal", path.display())).exists(), "and no WAL");
    path
}

#[test]
fn a_clean_close_lets_the_next_open_skip_the_page_check_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = cleanly_closed_demo(dir.path());
    let marker = pejling_core::store::clean::marker_path(&path);
    let db = Db::open(&path).unwrap();
    assert!(!db.opened_with_full_check(), "closed cleanly and untouched: no page check");
    assert!(!marker.exists(), "the open consumed the marker");
    assert_eq!(db.list_committees().unwrap().len(), 1);
    drop(db);
    let db = Db::open(&path).unwrap();
    assert!(db.opened_with_full_check(), "dropped without a clean close: the page check runs");
    db.close().unwrap();
    assert!(marker.exists());
}

#[test]
fn a_killed_process_leaves_no_marker_and_the_next_open_checks_every_page() {
    let dir = tempfile::tempdir().unwrap();
    let path = cleanly_closed_demo(dir.path());
    {
        // As a process that is killed: opened, written, never closed.
        let mut db = Db::open(&path).unwrap();
        assert!(!db.opened_with_full_check());
        db.create_committee(&pejling_core::NewCommittee {
            name: "Udvalget for lukkede låg".into(),
            kind: pejling_core::CommitteeKind::Standing,
            description: String::new(),
        })
        .unwrap();
        std::mem::forget(db); // no destructor at all, as after SIGKILL
    }
    assert!(!pejling_core::store::clean::marker_path(&path).exists(), "no marker after a kill");
    let db = Db::open(&path).unwrap();
    assert!(db.opened_with_full_check());
    assert_eq!(db.list_committees().unwrap().len(), 2, "the committed write survived");
}

#[test]
fn a_file_cut_short_after_a_clean_close_is_refused_even_with_a_matching_marker() {
    let dir = tempfile::tempdir().unwrap();
    let path = cleanly_closed_demo(dir.path());
    let bytes = std::fs::read(&path).unwrap();
    // Cut at a page boundary, so the header is intact, and let a marker vouch for the cut
    // file (a stale or forged marker): the size check still refuses it.
    let cut = &bytes[..bytes.len() - page_size(&bytes)];
    std::fs::write(&path, cut).unwrap();
    pejling_core::store::clean::write_marker(&path).unwrap();
    let err = Db::open(&path).err().expect("a file shorter than its header says is refused");
    assert_eq!(err.kind(), ErrorKind::NotAPejlingDatabase, "{err}");
    assert!(err.to_string().contains("den er beskadiget. SQLite fandt fejl"), "says why: {err}");
    assert_eq!(std::fs::read(&path).unwrap(), cut, "the file is not changed");
}

#[test]
fn a_file_overwritten_in_the_middle_after_a_clean_close_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = cleanly_closed_demo(dir.path());
    let mut bytes = std::fs::read(&path).unwrap();
    let page = page_size(&bytes);
    for (i, b) in bytes[page..2 * page].iter_mut().enumerate() {
        *b = (i as u32).wrapping_mul(2654435761).to_le_bytes()[2];
    }
    // Same size, new content; another program's write moves the modification time.
    std::fs::write(&path, &bytes).unwrap();
    let f = std::fs::File::options().write(true).open(&path).unwrap();
    f.set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(3)).unwrap();
    drop(f);
    assert!(pejling_core::store::clean::marker_path(&path).exists(), "the old marker is still there");
    let err = Db::open(&path).err().expect("the page check runs and finds the damage");
    assert_eq!(err.kind(), ErrorKind::NotAPejlingDatabase, "{err}");
    assert!(err.to_string().contains("den er beskadiget"), "says why: {err}");
    assert!(!pejling_core::store::clean::marker_path(&path).exists(), "the stale marker is consumed");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn a_non_empty_wal_beside_the_file_means_the_full_check() {
    let dir = tempfile::tempdir().unwrap();
    let path = cleanly_closed_demo(dir.path());
    // Another program's connection left changes in the WAL; the main file is untouched. (A
    // change of the schema would be refused at open; see tests/it/integrity.rs.)
    let other = rusqlite::Connection::open(&path).unwrap();
    other
        .execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; INSERT INTO workspace (id) VALUES ('x');",
        )
        .unwrap();
    let wal = std::path::PathBuf::from(format!("{}-wal", path.display()));
    assert!(std::fs::metadata(&wal).unwrap().len() > 0);
    let db = Db::open(&path).unwrap();
    assert!(db.opened_with_full_check());
}

#[test]
fn an_in_memory_database_closes_without_a_marker() {
    let db = Db::open_in_memory().unwrap();
    assert!(!db.opened_with_full_check());
    db.close().unwrap();
}
