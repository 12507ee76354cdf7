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
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}
