//! The library of question sets: the built-ins compiled into the app plus the sets users have
//! imported (table `question_set`). `(id, version)` is immutable: importing the same version
//! again with other content is a conflict, so a version once used in a meeting always means
//! the same texts. Importing it again with the same content (comments and layout aside) is
//! harmless and changes nothing.

use rusqlite::{params, Connection};

use super::{Db, OptionalRow};
use crate::domain::*;
use crate::error::{Error, Message, Result};
use crate::question_sets::{self, canonical_json};

/// The canonical JSON of `(id, version)` from the library: built-ins first, then imports.
pub(crate) fn library_json(conn: &Connection, id: &str, version: u32) -> Result<Option<String>> {
    if let Some(set) = question_sets::built_in_set(id, version) {
        return Ok(Some(canonical_json(set)));
    }
    conn.query_row("SELECT content FROM question_set WHERE set_id = ?1 AND version = ?2", params![id, version], |r| {
        r.get(0)
    })
    .opt()
}

pub(crate) fn not_found(id: &str, version: u32) -> Error {
    Error::Validation(
        Message::new("error-question-set-not-found").field("set_id").arg("id", id).arg("version", version),
    )
}

impl Db {
    /// Import a question set written in the TOML format of `assets/question-sets/`.
    ///
    /// The file is parsed and checked first (see [`question_sets::parse`]); a file that does
    /// not pass is refused with the line and the problem, and nothing is stored. A new
    /// version of an existing id (a built-in's included) is a new entry; the same id and
    /// version with different content is refused as a conflict.
    pub fn import_question_set(&mut self, source: &str) -> Result<QuestionSetSummary> {
        let set = question_sets::parse(source)?;
        let json = canonical_json(&set);
        let actor = self.actor();
        self.write(|tx| {
            let conflict = || {
                Error::Conflict(
                    Message::new("error-question-set-conflict").arg("id", &set.id).arg("version", set.version),
                )
            };
            if let Some(built_in) = question_sets::built_in_set(&set.id, set.version) {
                return if canonical_json(built_in) == json {
                    Ok(question_sets::summary(built_in, true, None))
                } else {
                    Err(conflict())
                };
            }
            let existing: Option<(String, String)> = tx
                .query_row(
                    "SELECT content, imported_at FROM question_set WHERE set_id = ?1 AND version = ?2",
                    params![set.id, set.version],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .opt()?;
            if let Some((content, imported_at)) = existing {
                return if content == json {
                    Ok(question_sets::summary(&set, false, Some(imported_at)))
                } else {
                    Err(conflict())
                };
            }
            tx.execute(
                "INSERT INTO question_set (set_id, version, kind, content, source, imported_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![set.id, set.version, set.kind, json, source, actor],
            )?;
            let imported_at: String = tx.query_row(
                "SELECT imported_at FROM question_set WHERE set_id = ?1 AND version = ?2",
                params![set.id, set.version],
                |r| r.get(0),
            )?;
            Ok(question_sets::summary(&set, false, Some(imported_at)))
        })
    }

    /// Import a question set from a file the user picked (the shell's open dialog hands over
    /// the path). The file is read with the same limit as [`question_sets::parse`] applies and
    /// must be UTF-8; a file that is not is refused with the line of its first bad byte, so
    /// the user knows where the editor saved something else. Nothing is stored on any error.
    pub fn import_question_set_file(&mut self, path: &std::path::Path) -> Result<QuestionSetSummary> {
        use std::io::Read;
        let too_large = |size: u64| {
            Error::Validation(
                Message::new("error-question-set-too-large")
                    .field("source")
                    .arg("size", size)
                    .arg("max", question_sets::MAX_SOURCE_BYTES),
            )
        };
        let file = std::fs::File::open(path)?;
        let size = file.metadata()?.len();
        if size > question_sets::MAX_SOURCE_BYTES as u64 {
            return Err(too_large(size));
        }
        // Read at most one byte past the limit: a file that grew since the check still stops.
        let mut bytes = Vec::with_capacity(size as usize);
        file.take(question_sets::MAX_SOURCE_BYTES as u64 + 1).read_to_end(&mut bytes)?;
        if bytes.len() > question_sets::MAX_SOURCE_BYTES {
            return Err(too_large(bytes.len() as u64));
        }
        let source = String::from_utf8(bytes).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..at].iter().filter(|b| **b == b'\n').count() + 1;
            Error::Validation(Message::new("error-question-set-not-utf8").field("source").arg("line", line))
        })?;
        self.import_question_set(&source)
    }

    /// Every set that can be planned: the built-ins in their fixed order, then the imported
    /// sets by id and version.
    pub fn list_question_sets(&self) -> Result<Vec<QuestionSetSummary>> {
        let mut out: Vec<QuestionSetSummary> =
            question_sets::built_in().iter().map(|s| question_sets::summary(s, true, None)).collect();
        let mut stmt =
            self.conn.prepare_cached("SELECT content, imported_at FROM question_set ORDER BY set_id, version")?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for (content, imported_at) in rows {
            let set = question_sets::from_json(&content)?;
            out.push(question_sets::summary(&set, false, Some(imported_at)));
        }
        Ok(out)
    }

    /// One set from the library, with all its texts.
    pub fn get_question_set(&self, id: &str, version: u32) -> Result<QuestionSet> {
        match library_json(&self.conn, id, version)? {
            Some(json) => question_sets::from_json(&json),
            None => Err(not_found(id, version)),
        }
    }

    /// The TOML an imported set was imported from (comments included), or the built-in's
    /// source, for export and editing.
    pub fn question_set_source(&self, id: &str, version: u32) -> Result<String> {
        if let Some(i) = question_sets::built_in().iter().position(|s| s.id == id && s.version == version) {
            return Ok(question_sets::built_in_sources()[i].to_owned());
        }
        let src: Option<String> = self
            .conn
            .query_row(
                "SELECT source FROM question_set WHERE set_id = ?1 AND version = ?2",
                params![id, version],
                |r| r.get(0),
            )
            .opt()?;
        src.ok_or_else(|| not_found(id, version))
    }
}
