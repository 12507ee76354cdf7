//! Full-text search over the workspace: the SQL half (see [`crate::search`] for how a query is
//! read, `migrations/0005_search.sql` and `0016_search_size.sql` for the indexes, and
//! `0018_search_deferred.sql` for the queue their triggers fill, which [`flush_pending`]
//! empties into them).

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
/// `search_words` hold them. The triggers of schemas 5 to 17 and their migrations' backfill
/// call it, so it must be registered before migrating (since schema 18 the triggers only queue
/// documents, and [`flush_pending`] stems in Rust).
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

/// The source text a document is indexed with: (title, body), as the triggers of
/// `migrations/0016_search_size.sql` wrote it and [`flush_pending`] writes it now. The indexes hold no copy of the text; snippets are cut
/// from the source rows.
pub(super) fn text(conn: &Connection, kind: SearchKind, id: Id) -> rusqlite::Result<Option<(String, String)>> {
    let sql = match kind {
        SearchKind::Committee => "SELECT name, description FROM committee WHERE id = ?1",
        SearchKind::Meeting => "SELECT title, place FROM meeting WHERE id = ?1",
        SearchKind::AgendaItem => "SELECT title, body FROM search_agenda_item_text WHERE id = ?1",
        SearchKind::Note => "SELECT '', text FROM step_note WHERE id = ?1",
        SearchKind::FollowUp => "SELECT '', concat_ws(char(10), text, answer) FROM follow_up WHERE id = ?1",
        SearchKind::Project => "SELECT title, description FROM project WHERE id = ?1",
        SearchKind::Attachment => {
            "SELECT a.title, p.text FROM attachment_page p JOIN attachment a ON a.id = p.attachment_id WHERE p.id = ?1"
        }
    };
    conn.prepare_cached(sql)?
        .query_row([id], |r| {
            Ok((r.get::<_, Option<String>>(0)?.unwrap_or_default(), r.get::<_, Option<String>>(1)?.unwrap_or_default()))
        })
        .optional()
}

/// A pending document's rowid in both indexes (`id * 8 + kind`), the next `limit` of them.
const PENDING_SQL: &str = "SELECT doc FROM search_pending ORDER BY doc LIMIT ?1";

/// Bring the search indexes up to date: index every document the triggers queued in
/// `search_pending` (see `migrations/0018_search_deferred.sql`) from its source row, as the
/// triggers of schema 17 did inside each save, and empty the queue. A document whose source
/// row is gone is only deleted from both indexes. At most `chunk` documents are indexed per
/// transaction (see [`flush_chunk`]); inside a transaction (a [`Db::batch`]) all of them are
/// indexed in a savepoint of it instead. Returns how many documents were brought up to date.
pub(crate) fn flush_pending(conn: &Connection, chunk: usize) -> rusqlite::Result<usize> {
    let chunk = chunk.max(1);
    if !conn.is_autocommit() {
        conn.execute_batch("SAVEPOINT pejling_search_flush")?;
        let mut done = 0;
        let out = loop {
            match index_pending(conn, chunk) {
                Ok(0) => break Ok(done),
                Ok(n) => done += n,
                Err(e) => break Err(e),
            }
        };
        return match out {
            Ok(n) => conn.execute_batch("RELEASE pejling_search_flush").map(|()| n),
            Err(e) => {
                let _ = conn.execute_batch("ROLLBACK TO pejling_search_flush; RELEASE pejling_search_flush");
                Err(e)
            }
        };
    }
    let mut done = 0;
    loop {
        match flush_chunk(conn, chunk, false)? {
            0 => return Ok(done),
            n => done += n,
        }
    }
}

/// Index at most `chunk` pending documents in one transaction of their own (`conn` must not
/// be in one), so another connection's save waits for one chunk at most. An empty queue, the
/// usual case, costs one lookup and takes no lock. With `busy_skip`, a database another
/// connection is writing is left for later (`Ok(0)`) once the busy timeout has passed.
/// Returns how many documents were brought up to date.
pub(crate) fn flush_chunk(conn: &Connection, chunk: usize, busy_skip: bool) -> rusqlite::Result<usize> {
    let pending = |c: &Connection| -> rusqlite::Result<bool> {
        c.prepare_cached("SELECT EXISTS (SELECT 1 FROM search_pending)")?.query_row([], |r| r.get(0))
    };
    if !pending(conn)? {
        return Ok(0);
    }
    match conn.execute_batch("BEGIN IMMEDIATE") {
        Err(rusqlite::Error::SqliteFailure(e, _))
            if busy_skip
                && matches!(e.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) =>
        {
            return Ok(0);
        }
        other => other?,
    }
    match index_pending(conn, chunk.max(1)) {
        Ok(n) => match conn.execute_batch("COMMIT") {
            Ok(()) => Ok(n),
            Err(e) => {
                let _ = conn.execute_batch("ROLLBACK");
                Err(e)
            }
        },
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK");
            Err(e)
        }
    }
}

/// Index the first `chunk` pending documents and take them off the queue, inside the
/// caller's transaction. Returns how many there were.
/// Which documents were indexed in this process, per database file, newest last: the
/// in-memory vocabulary for "Mente du: …?" (`store::vocabulary`) adds their words, whichever
/// connection indexed them (the store's, its checkpointer's in a pause, a live session's), so
/// it never lacks a word of the index. Bounded: a reader that fell further behind than
/// [`indexed_log::KEEP`] documents builds its vocabulary anew.
pub(crate) mod indexed_log {
    use std::collections::VecDeque;
    use std::sync::Mutex;

    pub(crate) const KEEP: usize = 4096;

    struct Log {
        /// The position of the next entry.
        next: u64,
        entries: VecDeque<(u64, String, i64)>,
    }

    static LOG: Mutex<Log> = Mutex::new(Log { next: 0, entries: VecDeque::new() });

    fn log() -> std::sync::MutexGuard<'static, Log> {
        LOG.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Record documents indexed in the database file `db` (SQLite's name of it).
    pub(crate) fn push(db: &str, docs: &[i64]) {
        let mut log = log();
        for &doc in docs {
            let at = log.next;
            log.entries.push_back((at, db.to_owned(), doc));
            log.next += 1;
        }
        while log.entries.len() > KEEP {
            log.entries.pop_front();
        }
    }

    /// The position a reader starts from now.
    pub(crate) fn cursor() -> u64 {
        log().next
    }

    /// The documents of `db` indexed from position `from` on, and the position after them;
    /// `None` when some of them are no longer kept.
    pub(crate) fn since(db: &str, from: u64) -> Option<(Vec<i64>, u64)> {
        let log = log();
        if log.entries.front().is_some_and(|(first, _, _)| *first > from) {
            return None;
        }
        let docs = log.entries.iter().filter(|(at, name, _)| *at >= from && name == db).map(|(_, _, d)| *d).collect();
        Some((docs, log.next))
    }
}

fn index_pending(conn: &Connection, chunk: usize) -> rusqlite::Result<usize> {
    let docs: Vec<i64> =
        conn.prepare_cached(PENDING_SQL)?.query_map([chunk as i64], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    let mut delete_words = conn.prepare_cached("DELETE FROM search_words WHERE rowid = ?1")?;
    let mut delete_trigrams = conn.prepare_cached("DELETE FROM search_trigrams WHERE rowid = ?1")?;
    let mut insert_words = conn.prepare_cached(
        "INSERT INTO search_words (rowid, title, body, title_stem, body_stem) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut insert_trigrams =
        conn.prepare_cached("INSERT INTO search_trigrams (rowid, title, body) VALUES (?1, ?2, ?3)")?;
    let mut done = conn.prepare_cached("DELETE FROM search_pending WHERE doc = ?1")?;
    for &doc in &docs {
        // Deleting a document the index does not hold (one queued when it was written) is a
        // no-op for a contentless_delete table: it has no size record, so no tombstone.
        delete_words.execute([doc])?;
        delete_trigrams.execute([doc])?;
        if let Some((kind, id)) = SearchKind::from_rowid(doc) {
            if let Some((title, body)) = text(conn, kind, id)? {
                insert_words.execute(rusqlite::params![doc, title, body, stem_text(&title), stem_text(&body)])?;
                insert_trigrams.execute(rusqlite::params![doc, title, body])?;
            }
        }
        done.execute([doc])?;
    }
    // An in-memory database has no name another connection could share.
    if let Some(db) = conn.path().filter(|p| !p.is_empty()) {
        indexed_log::push(db, &docs);
    }
    Ok(docs.len())
}

/// At most this many of a query's matches are ranked: the newest ones (highest rowid, i.e.
/// the newest source rows). A query that matches fewer — any query with a rare word — is
/// ranked whole; one whose every word is in most of a twenty-year archive ("udvalget",
/// "kommunen") gets the best of its newest matches, in bounded time, instead of ranking tens
/// of thousands of documents.
pub const RANK_WINDOW: u32 = 1000;

/// The FTS5 statement `Db::search` runs for whole words and stems (?1 the match, ?2 the limit,
/// ?3 the rank window). Public so the benchmarks (`make bench`) can run it raw, as a floor.
pub const WORDS_SQL: &str = "SELECT rowid FROM (
       SELECT rowid, rank AS r FROM search_words WHERE search_words MATCH ?1 ORDER BY rowid DESC LIMIT ?3
     ) ORDER BY r, rowid LIMIT ?2";

/// Documents with all trigrams of the long words (?1), the newest first; ?2 the match of the
/// short words that must still be whole words, or NULL. Each is checked against its text.
/// Public so the benchmarks can run it raw, as a floor.
pub const PARTS_SQL: &str = "SELECT rowid FROM search_trigrams WHERE search_trigrams MATCH ?1
       AND (?2 IS NULL OR rowid IN (SELECT rowid FROM search_words WHERE search_words MATCH ?2))
     ORDER BY rowid DESC";

/// A document found: its rowid, whether only inside longer words, and its (title, body) when
/// already read.
type Found = (i64, bool, Option<(String, String)>);

/// At most this many trigram candidates are checked for parts of words, the newest first.
const PART_CANDIDATES: usize = 5000;

/// Letters a one-letter typo may have replaced, dropped or added (Danish).
const LETTERS: &str = "abcdefghijklmnopqrstuvwxyzæøåé";
/// Words shorter than this get no "Mente du" suggestion: too many words are one letter away.
const MIN_SUGGEST_LEN: usize = 4;
/// At most this many documents holding a word's trigrams are checked for the word inside a
/// longer one before it counts as unknown.
const SUGGEST_PART_CANDIDATES: usize = 200;
/// At most this many unknown words of a query are corrected.
const MAX_CORRECTED: usize = 3;

/// Every word one edit away from `word`: a letter dropped, two neighbours swapped, a letter
/// replaced, a letter added.
fn one_edit_away(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    let mut out = Vec::with_capacity(n * 2 * LETTERS.chars().count() + 2 * n);
    let make = |parts: &[&[char]]| parts.iter().flat_map(|p| p.iter()).collect::<String>();
    for i in 0..n {
        out.push(make(&[&chars[..i], &chars[i + 1..]]));
        if i + 1 < n && chars[i] != chars[i + 1] {
            out.push(make(&[&chars[..i], &[chars[i + 1], chars[i]], &chars[i + 2..]]));
        }
    }
    for c in LETTERS.chars() {
        for i in 0..n {
            if chars[i] != c {
                out.push(make(&[&chars[..i], &[c], &chars[i + 1..]]));
            }
        }
        for i in 0..=n {
            out.push(make(&[&chars[..i], &[c], &chars[i..]]));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Documents indexed per transaction when the store brings the index up to date itself
/// (before a search, at open and close): bounds one transaction's WAL and memory.
pub(crate) const FLUSH_CHUNK: usize = 1000;

/// Documents indexed per transaction once the saves pause (on the checkpointer's connection,
/// see `store::Checkpointer`): a save that comes meanwhile waits for one such chunk at most.
pub(crate) const IDLE_FLUSH_CHUNK: usize = 16;

impl Db {
    /// Bring the search indexes up to date with every save so far: the saves' triggers only
    /// queue which documents changed (`search_pending`, schema 18), and this indexes them,
    /// in batches. Search does it first, so it never finds stale text; the store also does it
    /// once the saves pause, at close and at open. Returns how many documents were indexed
    /// or deleted (0, cheaply, when nothing is pending). Public for the benchmarks and tests.
    pub fn flush_search_index(&self) -> Result<usize> {
        let n = flush_pending(&self.conn, FLUSH_CHUNK)?;
        if n > 0 {
            self.checkpoint_soon();
        }
        Ok(n)
    }

    /// How many documents wait to be indexed (see [`Db::flush_search_index`]).
    pub fn search_pending(&self) -> Result<usize> {
        let n: i64 = self.conn.query_row("SELECT count(*) FROM search_pending", [], |r| r.get(0))?;
        Ok(n as usize)
    }

    /// Search everything in the workspace for `query`, read as plain words (see
    /// [`crate::search`]): whole-word and Danish-stem matches first, best first, then matches
    /// inside longer words. At most `limit` hits (and never more than [`MAX_SEARCH_LIMIT`]),
    /// one per committee, meeting, agenda item, note or question. An empty query finds
    /// nothing. Closed agenda items are found and marked as closed. Of a query matching more
    /// than [`RANK_WINDOW`] documents, the best of the newest that many are shown.
    pub fn search(&self, query: &str, limit: u32) -> Result<Vec<SearchHit>> {
        let q = Query::parse(query);
        let limit = limit.min(MAX_SEARCH_LIMIT) as usize;
        if q.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        self.flush_search_index()?;
        // The vocabulary for "Mente du: …?" is built off this thread, from the first search
        // on (the index just brought up to date), so that it is ready when a search finds
        // nothing.
        self.vocabularies.start(&self.conn, self.path.as_deref());
        let window = RANK_WINDOW.max(limit as u32);
        let mut found: Vec<Found> = Vec::new();
        let mut seen = HashSet::new();
        let mut stmt = self.conn.prepare_cached(WORDS_SQL)?;
        for rowid in stmt.query_map(rusqlite::params![q.words_match(), limit as i64, window], |r| r.get::<_, i64>(0))? {
            let rowid = rowid?;
            if seen.insert(rowid) {
                found.push((rowid, false, None));
            }
        }
        if found.len() < limit {
            if let Some((parts, short_words)) = q.part_match() {
                // Short words are not looked for inside others; they must still be whole words.
                // Parts of words come newest first.
                let mut stmt = self.conn.prepare_cached(PARTS_SQL)?;
                let rows = stmt.query_map(rusqlite::params![parts, short_words], |r| r.get::<_, i64>(0))?;
                for rowid in rows.take(PART_CANDIDATES) {
                    let rowid = rowid?;
                    if found.len() == limit {
                        break;
                    }
                    if seen.contains(&rowid) {
                        continue;
                    }
                    let Some((kind, id)) = SearchKind::from_rowid(rowid) else { continue };
                    let Some((title, body)) = text(&self.conn, kind, id)? else { continue };
                    if q.parts_in(&title, &body) {
                        seen.insert(rowid);
                        found.push((rowid, true, Some((title, body))));
                    }
                }
            }
        }
        let mut hits = Vec::with_capacity(found.len());
        let mut seen_attachments = HashSet::new();
        for (rowid, part_of_word, read) in found {
            let Some((kind, id)) = SearchKind::from_rowid(rowid) else { continue };
            let Some(p) = place(&self.conn, kind, id)? else { continue };
            // One hit per bilag: its best page.
            if let Some((attachment_id, _, _)) = &p.attachment {
                if !seen_attachments.insert(*attachment_id) {
                    continue;
                }
            }
            let Some((title, body)) = (match read {
                Some(t) => Some(t),
                None => text(&self.conn, kind, id)?,
            }) else {
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

    /// "Mente du: …?": when a word of `query` is nowhere in the workspace — neither as a whole
    /// word, by its stem, nor inside a longer word — the query with each such word replaced by
    /// the most used word of the index's own vocabulary one typing error away (a letter
    /// dropped, added, replaced, or two swapped): "forbyggelse" → "forebyggelse". `None` when
    /// every word is found, when a word has no such neighbour, or when the corrected query
    /// would find nothing either.
    ///
    /// The candidates are looked up in the index's vocabulary kept in memory (see
    /// [`super::vocabulary`]), and only those there are counted in the index; while it is
    /// being built, every candidate is asked of the index. The suggestion is the same.
    pub fn search_suggestion(&self, query: &str) -> Result<Option<String>> {
        let vocabulary = self.vocabularies.fresh(&self.conn, self.path.as_deref(), false)?;
        self.suggestion(query, vocabulary.as_deref())
    }

    /// The in-memory vocabulary of "Mente du: …?", once built: waits for its build, which
    /// starts at the first search (tests, benchmarks). `None` if it could not be built.
    pub fn search_vocabulary_info(&self) -> Result<Option<super::VocabularyInfo>> {
        Ok(self.vocabularies.info(&self.conn, self.path.as_deref())?)
    }

    /// [`Db::search_suggestion`], with the candidates looked up in `vocabulary` when given,
    /// else each in the index.
    pub(super) fn suggestion(
        &self,
        query: &str,
        vocabulary: Option<&super::vocabulary::Vocabulary>,
    ) -> Result<Option<String>> {
        let q = Query::parse(query);
        if q.is_empty() {
            return Ok(None);
        }
        self.flush_search_index()?;
        let mut any_words =
            self.conn.prepare_cached("SELECT 1 FROM search_words WHERE search_words MATCH ?1 LIMIT 1")?;
        let mut part_candidates = self.conn.prepare_cached(PARTS_SQL)?;
        // How many documents have the word as written (not only as a stem).
        let mut docs = self
            .conn
            .prepare_cached("SELECT sum(doc) FROM search_vocabulary WHERE term = ?1 AND col IN ('title', 'body')")?;
        let mut corrected = Vec::with_capacity(q.terms.len());
        let mut changed = 0;
        for term in &q.terms {
            let single = Query { terms: vec![term.clone()] };
            let known = any_words.exists([single.words_match()])?
                || match single.part_match() {
                    Some((parts, _)) => {
                        let mut known = false;
                        let rows = part_candidates
                            .query_map(rusqlite::params![parts, None::<String>], |r| r.get::<_, i64>(0))?;
                        for rowid in rows.take(SUGGEST_PART_CANDIDATES) {
                            let Some((kind, id)) = SearchKind::from_rowid(rowid?) else { continue };
                            if let Some((title, body)) = text(&self.conn, kind, id)? {
                                if single.parts_in(&title, &body) {
                                    known = true;
                                    break;
                                }
                            }
                        }
                        known
                    }
                    None => false,
                };
            if known {
                corrected.push(term.word.clone());
                continue;
            }
            if term.word.chars().count() < MIN_SUGGEST_LEN || changed == MAX_CORRECTED {
                return Ok(None);
            }
            let mut best: Option<(i64, String)> = None;
            for candidate in one_edit_away(&term.word) {
                // Not in the vocabulary: in no document.
                if vocabulary.is_some_and(|v| !v.contains(&candidate)) {
                    continue;
                }
                let n: Option<i64> = docs.query_row([&candidate], |r| r.get(0))?;
                let n = n.unwrap_or(0);
                if n > 0 && best.as_ref().is_none_or(|(m, _)| n > *m) {
                    best = Some((n, candidate));
                }
            }
            let Some((_, word)) = best else { return Ok(None) };
            corrected.push(word);
            changed += 1;
        }
        if changed == 0 {
            return Ok(None);
        }
        let suggestion = corrected.join(" ");
        let found = any_words.exists([Query::parse(&suggestion).words_match()])?;
        Ok(found.then_some(suggestion))
    }
}

#[cfg(test)]
mod tests {
    use super::one_edit_away;

    #[test]
    fn one_edit_away_covers_the_four_typing_errors() {
        let near = one_edit_away("forbyggelse");
        for w in ["forebyggelse", "forbygelse", "forbyggelsen", "frobyggelse", "forbyggalse"] {
            assert!(near.contains(&w.to_owned()), "{w}");
        }
        assert!(!near.contains(&"forbyggelse".to_owned()), "not the word itself");
        assert!(one_edit_away("får").contains(&"far".to_owned()));
    }
}
