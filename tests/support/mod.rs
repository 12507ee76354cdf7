//! What the integration tests of every crate share (each crate's tests are one binary, `it`,
//! which includes this module): the workspace's root, its fixtures, the seed texts and a
//! snapshot of a whole database.

#![allow(dead_code)]

pub mod seed_text;

use std::path::{Path, PathBuf};

use pejling_core::Db;

/// The workspace's root (the crate that includes this module may be below it).
pub fn root() -> &'static Path {
    static ROOT: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    ROOT.get_or_init(|| {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .ancestors()
            .find(|p| p.join("tests/fixtures").is_dir())
            .expect("the workspace root, with tests/fixtures")
            .to_path_buf()
    })
}

/// A committed fixture: `tests/fixtures/<name>`.
pub fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

/// Every table of the database, each as its row count and a SHA-256 of its values: equal
/// snapshots mean nothing was written; a different one names the table that changed.
pub fn snapshot(db: &Db) -> String {
    use rusqlite::types::ValueRef;
    use sha2::{Digest, Sha256};
    let c = db.connection();
    let tables: Vec<String> = c
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let mut out = String::new();
    for t in tables {
        let mut stmt = c.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let cols = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        let mut h = Sha256::new();
        let mut n = 0u64;
        while let Some(row) = rows.next().unwrap() {
            n += 1;
            for i in 0..cols {
                match row.get_ref(i).unwrap() {
                    ValueRef::Null => h.update([0]),
                    ValueRef::Integer(v) => {
                        h.update([1]);
                        h.update(v.to_le_bytes());
                    }
                    ValueRef::Real(v) => {
                        h.update([2]);
                        h.update(v.to_le_bytes());
                    }
                    ValueRef::Text(b) | ValueRef::Blob(b) => {
                        h.update([3]);
                        h.update((b.len() as u64).to_le_bytes());
                        h.update(b);
                    }
                }
            }
        }
        out.push_str(&format!("{t}: {n} rows, {:x}\n", h.finalize()));
    }
    out
}
