//! The schema check: a file's schema is exactly what Pejling's own migrations make.
//!
//! A database file can be edited with any SQLite tool. Most such edits are caught by the
//! approval fingerprint, but a change to the *schema* — a protecting trigger dropped, a
//! trigger added that empties the audit log on the next ordinary edit — would silently turn
//! the app's own writes against the record. So at every open and every restore the file's
//! schema (`sqlite_schema`: type, name, table and SQL text, whitespace normalised) is compared
//! with what the migrations create for the file's `user_version`, built once per version on a
//! private in-memory database and cached. Any difference refuses the file.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, OnceLock};

use rusqlite::Connection;

/// One schema object: (type, name) → (table, normalised SQL).
type Schema = BTreeMap<(String, String), (String, Option<String>)>;

/// Whitespace runs become one space, and none is kept next to punctuation: the same
/// statement reads the same however it was indented.
pub fn normalise_sql(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut pending_space = false;
    let mut in_string: Option<char> = None;
    for c in sql.chars() {
        if let Some(q) = in_string {
            out.push(c);
            if c == q {
                in_string = None;
            }
            continue;
        }
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        let punct = |c: char| matches!(c, '(' | ')' | ',' | ';' | '=');
        if pending_space && !out.is_empty() && !punct(c) && !out.ends_with(punct) {
            out.push(' ');
        }
        pending_space = false;
        if c == '\'' || c == '"' {
            in_string = Some(c);
        }
        out.push(c);
    }
    out
}

fn read(conn: &Connection) -> rusqlite::Result<Schema> {
    let mut stmt = conn.prepare(
        "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\'",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            (r.get::<_, String>(0)?, r.get::<_, String>(1)?),
            (r.get::<_, String>(2)?, r.get::<_, Option<String>>(3)?.map(|s| normalise_sql(&s))),
        ))
    })?;
    rows.collect()
}

/// The schema Pejling's migrations make for `version`, built once per process.
fn expected(version: i64) -> Result<Arc<Schema>, String> {
    static CACHE: OnceLock<Mutex<HashMap<i64, Arc<Schema>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(s) = cache.lock().unwrap_or_else(|p| p.into_inner()).get(&version) {
        return Ok(Arc::clone(s));
    }
    let build = || -> Result<Schema, String> {
        let mut conn = Connection::open_in_memory().map_err(|e| e.to_string())?;
        super::prepare_bare(&conn).map_err(|e| e.to_string())?;
        if version > 0 {
            super::migrations().to_version(&mut conn, version as usize).map_err(|e| e.to_string())?;
        }
        read(&conn).map_err(|e| e.to_string())
    };
    let schema = Arc::new(build()?);
    cache.lock().unwrap_or_else(|p| p.into_inner()).insert(version, Arc::clone(&schema));
    Ok(schema)
}

/// Compare the schema of `conn` with what the migrations make for `version`. `Err` says,
/// in English for the technical detail, what differs; it always contains "schema changed
/// outside Pejling", which the error's Danish message is chosen by.
pub(crate) fn check(conn: &Connection, version: i64) -> Result<(), String> {
    let want = expected(version)?;
    let have = read(conn).map_err(|e| e.to_string())?;
    if *want == have {
        return Ok(());
    }
    let mut diffs = Vec::new();
    for (key, value) in want.iter() {
        match have.get(key) {
            None => diffs.push(format!("missing {} {}", key.0, key.1)),
            Some(v) if v != value => diffs.push(format!("altered {} {}", key.0, key.1)),
            _ => {}
        }
    }
    for key in have.keys().filter(|k| !want.contains_key(*k)) {
        diffs.push(format!("unknown {} {}", key.0, key.1));
    }
    let shown: Vec<_> = diffs.iter().take(8).cloned().collect();
    let more =
        if diffs.len() > shown.len() { format!(" (+{} more)", diffs.len() - shown.len()) } else { String::new() };
    Err(format!("schema changed outside Pejling (version {version}): {}{more}", shown.join("; ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalising_ignores_layout_but_not_content() {
        assert_eq!(normalise_sql("CREATE  TABLE t (\n    a INT ,\n b TEXT )"), "CREATE TABLE t(a INT,b TEXT)");
        assert_eq!(normalise_sql("SELECT 'a  b'"), "SELECT 'a  b'");
        assert_ne!(normalise_sql("SELECT 1"), normalise_sql("SELECT 2"));
    }

    #[test]
    fn every_version_checks_against_itself() {
        for v in 0..=super::super::schema_version() {
            let mut conn = Connection::open_in_memory().unwrap();
            super::super::prepare_bare(&conn).unwrap();
            if v > 0 {
                super::super::migrations().to_version(&mut conn, v as usize).unwrap();
            }
            check(&conn, v).unwrap();
        }
    }
}
