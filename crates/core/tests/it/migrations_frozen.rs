//! Migrations are never edited once released. A released migration is one that some shipped
//! database carries, i.e. every migration up to the newest fixture in `tests/fixtures/`; its
//! text is pinned here by SHA-256. Editing one fails this test (add a new migration instead);
//! shipping a new schema means writing its fixture (`make fixture`) and pinning its migration
//! here, on purpose. As a second, independent check, the tables, indexes and triggers in each
//! fixture are exactly those its migrations create today.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// (file, SHA-256 of its text) for every released migration, in order.
const RELEASED: &[(&str, &str)] = &[
    ("0001_initial.sql", "90e9b0016a56bea4a3e941ec067a5662e948f569ede6ed167320272296c099a7"),
    ("0002_minutes.sql", "948997958dd9011be4dc10a5e23dd2ace85e7a3f930752781fd9a5e2e3bcccfa"),
    ("0003_walk.sql", "2acc6aa5d5aaa66f8135a2bbd8a0444511544278a672e2b3cb20e88de19139a5"),
    ("0004_minutes_times.sql", "4f6e069558f7ca4fe4e12dbe59425d059dbdb02cfde7e6b9b0522f246d70dce2"),
    ("0005_search.sql", "aecf5e7c56a121db44ad721b96f82bd1c0187436b458d8865f5cce0e7232b81f"),
    ("0006_follow_up.sql", "39ddc1ee6f0da4cd2045b289d4a1a47a44941bea94821850b76dce349d587256"),
    ("0007_cycle_projects.sql", "23f29e6cfbd938e32be6daf28d9c8dfa082f562b73c05be64fe5075a5d67d479"),
    ("0008_packages.sql", "b4816471f4440a664f64853fc5fea3d5544559034de5bfc0bbc78bf2bb7542de"),
    ("0009_integrity.sql", "762e3cc4cfc1a0a66fab23aacc4f235e44d1bcb0659c0ec03939a39c2749c506"),
    ("0010_live_audit.sql", "e96322a566559e251dee755850c26191e6731f060aca076be532924f2b676ca8"),
    ("0011_mandate_every_other_year.sql", "e05f0ea8beef1a33529b90424ce66c5b17514373bcb1d457379dea7c9d0fc150"),
    ("0012_committee_frameworks.sql", "322b6755fb0dfa917cf3f0a55dd099ff8b0671ccd014b55c04908a045a61d1a3"),
    ("0013_bilag.sql", "bd599dc19d8b048e448288495470f3029df77fc248f63fea107df9bf4d3c53a3"),
    ("0014_deliberation.sql", "610c36e37e5afd45d8e4bfec9143f8258b34ed74374515bd9b6e4a419c14c2c6"),
    ("0015_own_frameworks_item_bearings.sql", "2f0b7dc2c9f07576e2fc471356f748712f5eef9c33a830b365152f1de240ad2c"),
    ("0016_search_size.sql", "38be550e1d4a2c8c00272e412c308e0eb7344dcca57bfbda704440da1fc17eb1"),
    ("0017_snapshot_deflated.sql", "b51af963f6dc0b85f9d767970d89c2ef5012944a48fb7c8ca1fb81a4616b0904"),
    ("0018_search_deferred.sql", "8d7ba1e6afcb6b4f859ef21b677730b2b320c499ed00ac943bcc86c300adab72"),
];

fn root() -> &'static Path {
    crate::support::root()
}

fn newest_fixture() -> i64 {
    std::fs::read_dir(root().join("tests/fixtures"))
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            name.strip_prefix("schema-")?.strip_suffix(".sqlite3")?.parse().ok()
        })
        .max()
        .expect("fixtures exist")
}

fn migration_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("crates/core/src/store/migrations"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sql"))
        .collect();
    files.sort();
    files
}

#[test]
fn released_migrations_are_unchanged() {
    let files = migration_files();
    let released = newest_fixture() as usize;
    assert!(
        RELEASED.len() >= released,
        "schema {released} has shipped (tests/fixtures/schema-{released}.sqlite3): pin its migration in RELEASED"
    );
    for (i, (name, pinned)) in RELEASED.iter().enumerate() {
        let file = files.get(i).unwrap_or_else(|| panic!("released migration {name} is missing"));
        assert_eq!(
            file.file_name().unwrap().to_string_lossy(),
            *name,
            "released migrations keep their names and order"
        );
        let text = std::fs::read(file).unwrap();
        let hash: String = Sha256::digest(&text).iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(&hash, pinned, "{name} was released and must never be edited: add a new migration instead");
    }
    assert_eq!(pejling_core::store::schema_version() as usize, files.len(), "every migration file is in the list");
}

/// The schema objects of a database, as SQL, sorted (the search index's internal tables
/// excluded: SQLite makes them).
fn schema(conn: &rusqlite::Connection) -> Vec<String> {
    let mut stmt = conn
        .prepare(
            "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema
             WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
        )
        .unwrap();
    stmt.query_map([], |r| r.get(0)).unwrap().collect::<rusqlite::Result<_>>().unwrap()
}

#[test]
fn each_fixture_has_exactly_the_schema_its_migrations_create() {
    for version in 3..=newest_fixture() {
        let fixture = root().join(format!("tests/fixtures/schema-{version}.sqlite3"));
        // 13 and 14 never shipped alone (see backup.rs, NEVER_RELEASED): no fixture.
        if [13, 14].contains(&version) && !fixture.exists() {
            continue;
        }
        let shipped =
            rusqlite::Connection::open_with_flags(&fixture, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        let mut fresh = rusqlite::Connection::open_in_memory().unwrap();
        // The search migration's backfill calls the stemmer; on empty tables it never runs.
        fresh
            .create_scalar_function("pejling_stem", 1, rusqlite::functions::FunctionFlags::SQLITE_UTF8, |_| {
                Ok(String::new())
            })
            .unwrap();
        // Schema 17 deflates the snapshots already stored; on empty tables it never runs.
        fresh
            .create_scalar_function("pejling_deflate", 1, rusqlite::functions::FunctionFlags::SQLITE_UTF8, |_| {
                Ok(Vec::<u8>::new())
            })
            .unwrap();
        // Schema 8's uuid backfill updates audited rows; the audit triggers name the actor.
        fresh
            .create_scalar_function("pejling_actor", 0, rusqlite::functions::FunctionFlags::SQLITE_UTF8, |_| {
                Ok(String::from("migration"))
            })
            .unwrap();
        pejling_core::store::migrations().to_version(&mut fresh, version as usize).unwrap();
        assert_eq!(schema(&shipped), schema(&fresh), "schema {version}: the fixture and today's migrations differ");
    }
}
