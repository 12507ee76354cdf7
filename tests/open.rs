//! Opening databases: the file is durable and survives a reopen; files that are not ours or
//! are from a newer Pejling are refused without being changed.

use pejling::*;

#[test]
fn data_survives_close_and_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/dir/pejling.sqlite3");
    let id = {
        let mut db = Db::open(&path).unwrap();
        pejling::demo::create(&mut db).unwrap().id
    };
    let db = Db::open(&path).unwrap();
    assert_eq!(db.get_committee(id).unwrap().committee.name, pejling::demo::COMMITTEE_NAME);
    assert_eq!(db.workspace_status().unwrap().schema_version as i64, pejling::store::schema_version());
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
        pejling::demo::create(&mut db).unwrap();
        db.connection().pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let bytes = std::fs::read(&path).unwrap();
    (path, bytes)
}

#[test]
fn a_truncated_database_is_refused_at_open_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let (path, bytes) = demo_file(dir.path());
    // Cut at several places: inside the header, after the first page, in the middle.
    for cut in [50, 4096, bytes.len() / 2, bytes.len() - 4096] {
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
    let page = 4096;
    for (i, b) in bytes[page..2 * page].iter_mut().enumerate() {
        *b = (i as u32).wrapping_mul(2654435761).to_le_bytes()[2];
    }
    std::fs::write(&path, &bytes).unwrap();
    let err = Db::open(&path).err().expect("a damaged page is found before anything is written");
    assert_eq!(err.kind(), ErrorKind::NotAPejlingDatabase, "{err}");
    assert!(err.to_string().contains("den er beskadiget"), "says why: {err}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}
