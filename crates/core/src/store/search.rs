//! Full-text search over the workspace: the SQL half (see [`crate::search`] for how a query is
//! read, and `migrations/0005_search.sql` for the indexes and their triggers).

use std::collections::HashSet;

use rusqlite::functions::FunctionFlags;
use rusqlite::{Connection, OptionalExtension};

use super::Db;
use crate::domain::{Id, Openness};
use crate::error::Result;
use crate::search::{snippet, stem_text, Query, SearchHit, SearchKind};

/// No search returns more hits than this, whatever the caller asks.
pub const MAX_SEARCH_LIMIT: u32 = 500;

/// Register `pejling_stem(text)`: the Danish stems of a text's words, as the stem columns of
/// `search_words` hold them. The triggers and the migration's backfill call it, so it must be
/// registered before migrating and on every connection that writes.
pub(crate) fn register_functions(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_scalar_function(
        "pejling_stem",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC | FunctionFlags::SQLITE_INNOCUOUS,
        |ctx| Ok(ctx.get::<Option<String>>(0)?.map(|t| stem_text(&t)).unwrap_or_default()),
    )
}

/// Where a found document belongs, looked up at search time.
struct Place {
    committee_id: Id,
    meeting_id: Option<Id>,
    agenda_item_id: Option<Id>,
    project_id: Option<Id>,
    step: Option<u32>,
    title: String,
    meeting_title: Option<String>,
    item_number: Option<u32>,
    openness: Option<Openness>,
    /// Bilag: (id, title, page).
    attachment: Option<(Id, String, u32)>,
}

fn place(conn: &Connection, kind: SearchKind, id: Id) -> rusqlite::Result<Option<Place>> {
    let sql = match kind {
        SearchKind::Committee => "SELECT id, NULL, NULL, NULL, name, NULL, NULL, NULL FROM committee WHERE id = ?1",
        SearchKind::Meeting => {
            "SELECT committee_id, id, NULL, NULL, title, NULL, NULL, NULL FROM meeting WHERE id = ?1"
        }
        SearchKind::AgendaItem => {
            "SELECT m.committee_id, m.id, a.id, NULL, a.title, m.title, a.position + 1, a.openness
             FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id WHERE a.id = ?1"
        }
        SearchKind::Note => {
            "SELECT m.committee_id, m.id, a.id, s.step, a.title, m.title, a.position + 1, a.openness
             FROM step_note n
             JOIN agenda_item a ON a.id = n.agenda_item_id
             JOIN meeting m ON m.id = a.meeting_id
             LEFT JOIN walk_step s ON s.agenda_item_id = n.agenda_item_id AND s.set_id = n.set_id
                                  AND s.question_id = n.question_id
             WHERE n.id = ?1"
        }
        SearchKind::FollowUp => {
            // A follow-up item written by hand may have no meeting: it is shown under its committee.
            "SELECT f.committee_id, f.meeting_id, a.id, s.step, coalesce(a.title, m.title, c.name), m.title,
                    a.position + 1, a.openness
             FROM follow_up f
             JOIN committee c ON c.id = f.committee_id
             LEFT JOIN meeting m ON m.id = f.meeting_id
             LEFT JOIN agenda_item a ON a.id = f.agenda_item_id
             LEFT JOIN walk_step s ON s.agenda_item_id = f.agenda_item_id AND s.set_id = f.set_id
                                  AND s.question_id = f.question_id
             WHERE f.id = ?1"
        }
        SearchKind::Project => {
            "SELECT committee_id, NULL, NULL, NULL, title, NULL, NULL, NULL, id FROM project WHERE id = ?1"
        }
        SearchKind::Attachment => {
            "SELECT m.committee_id, m.id, a.id, NULL, a.title, m.title, a.position + 1, a.openness, NULL,
                    b.id, b.title, p.page
             FROM attachment_page p
             JOIN attachment b ON b.id = p.attachment_id
             JOIN agenda_item a ON a.id = b.agenda_item_id
             JOIN meeting m ON m.id = a.meeting_id
             WHERE p.id = ?1"
        }
    };
    conn.prepare_cached(sql)?
        .query_row([id], |r| {
            Ok(Place {
                committee_id: r.get(0)?,
                meeting_id: r.get(1)?,
                agenda_item_id: r.get(2)?,
                // Only projects select a ninth column.
                project_id: if kind == SearchKind::Project { r.get(8)? } else { None },
                step: r.get(3)?,
                title: r.get(4)?,
                meeting_title: r.get(5)?,
                item_number: r.get(6)?,
                openness: r.get(7)?,
                attachment: if kind == SearchKind::Attachment {
                    Some((r.get(9)?, r.get(10)?, r.get(11)?))
                } else {
                    None
                },
            })
        })
        .optional()
}

impl Db {
    /// Search everything in the workspace for `query`, read as plain words (see
    /// [`crate::search`]): whole-word and Danish-stem matches first, best first, then matches
    /// inside longer words. At most `limit` hits (and never more than [`MAX_SEARCH_LIMIT`]),
    /// one per committee, meeting, agenda item, note or question. An empty query finds
    /// nothing. Closed agenda items are found and marked as closed.
    pub fn search(&self, query: &str, limit: u32) -> Result<Vec<SearchHit>> {
        let q = Query::parse(query);
        let limit = limit.min(MAX_SEARCH_LIMIT) as usize;
        if q.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        // (rowid, found only inside longer words)
        let mut found: Vec<(i64, bool)> = Vec::new();
        let mut seen = HashSet::new();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT rowid FROM search_words WHERE search_words MATCH ?1 ORDER BY rank LIMIT ?2")?;
        for rowid in stmt.query_map(rusqlite::params![q.words_match(), limit as i64], |r| r.get::<_, i64>(0))? {
            let rowid = rowid?;
            if seen.insert(rowid) {
                found.push((rowid, false));
            }
        }
        if found.len() < limit {
            if let Some((parts, short_words)) = q.part_match() {
                // Short words are not looked for inside others; they must still be whole words.
                let mut stmt = self.conn.prepare_cached(
                    "SELECT rowid FROM search_trigrams WHERE search_trigrams MATCH ?1
                       AND (?3 IS NULL OR rowid IN (SELECT rowid FROM search_words WHERE search_words MATCH ?3))
                     ORDER BY rank LIMIT ?2",
                )?;
                let max = (limit + found.len()) as i64;
                let rows = stmt.query_map(rusqlite::params![parts, max, short_words], |r| r.get::<_, i64>(0))?;
                for rowid in rows {
                    let rowid = rowid?;
                    if found.len() == limit {
                        break;
                    }
                    if seen.insert(rowid) {
                        found.push((rowid, true));
                    }
                }
            }
        }
        let mut text = self.conn.prepare_cached("SELECT title, body FROM search_words WHERE rowid = ?1")?;
        let mut hits = Vec::with_capacity(found.len());
        let mut seen_attachments = HashSet::new();
        for (rowid, part_of_word) in found {
            let Some((kind, id)) = SearchKind::from_rowid(rowid) else { continue };
            let Some(p) = place(&self.conn, kind, id)? else { continue };
            // One hit per bilag: its best page.
            if let Some((attachment_id, _, _)) = &p.attachment {
                if !seen_attachments.insert(*attachment_id) {
                    continue;
                }
            }
            let Some((title, body)) =
                text.query_row([rowid], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))).optional()?
            else {
                continue;
            };
            hits.push(SearchHit {
                kind,
                committee_id: p.committee_id,
                meeting_id: p.meeting_id,
                agenda_item_id: p.agenda_item_id,
                project_id: p.project_id,
                step: p.step,
                title: p.title,
                meeting_title: p.meeting_title,
                item_number: p.item_number,
                openness: p.openness,
                attachment_id: p.attachment.as_ref().map(|a| a.0),
                attachment_title: p.attachment.as_ref().map(|a| a.1.clone()),
                page: p.attachment.as_ref().map(|a| a.2),
                snippet: snippet(&title, &body, &q, part_of_word),
                part_of_word,
            });
        }
        Ok(hits)
    }
}
