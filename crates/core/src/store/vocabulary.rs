//! The word index's vocabulary in memory, for "Mente du: …?" (issue 20).
//!
//! A suggestion tries every word one typing error away from a word found nowhere — about 700
//! for an eleven-letter word. Asking the index for each (`search_vocabulary`, fts5vocab) cost
//! a seek in every segment of the index per candidate, 17-25 ms for a word in a twenty-year
//! archive. [`Vocabulary`] holds the set of the index's words (title and body, as written) in
//! memory instead: the candidates are looked up there (microseconds), and only the few that
//! exist are counted in the index, exactly as before. The set may hold more words than the
//! index (a word since deleted is counted as 0 there and skipped), never fewer, so the
//! suggestion is the same as without it.
//!
//! - **Built off the caller's thread**: at the first search, a thread of the store's own,
//!   with a read-only connection of its own, reads the vocabulary (about a second for the
//!   benchmark archive of 90,000 items). Until it is ready, suggestions ask the index for
//!   every candidate, as before.
//! - **Kept fresh without costing saves**: an update hook on the store's connection notes
//!   which searchable rows were written (an atomic check per written row while no vocabulary
//!   is kept, a push onto a list while one is); the next suggestion reads those documents'
//!   texts and adds their words; so do the documents another connection of this process
//!   indexed (the checkpointer's in a pause, a live session's: `search::indexed_log`). No other
//!   process writes the file while the app has it (`instance`). Too many noted or indexed
//!   documents (a bulk import) start a new build instead.

use std::cell::RefCell;
use std::collections::HashSet;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use rusqlite::hooks::Action;
use rusqlite::{Connection, InterruptHandle, OpenFlags, OptionalExtension};

use crate::search::{words, SearchKind};

/// More documents than this written since the last suggestion, and the vocabulary is built
/// anew (off the caller's thread) rather than read document by document on a keystroke.
const MAX_NOTED: usize = 500;

/// The words of the index's title and body columns (`search_vocabulary`), as written.
const WORDS_SQL: &str = "SELECT term FROM search_vocabulary WHERE col IN ('title', 'body')";

/// A source of searchable text, as the update hook sees it written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    /// A document of the index, by kind and id (a walk plan is its agenda item's).
    Document(SearchKind),
    /// A bilag's title, which every page of it is indexed with.
    AttachmentTitle,
}

fn source(table: &str) -> Option<Source> {
    Some(match table {
        "committee" => Source::Document(SearchKind::Committee),
        "meeting" => Source::Document(SearchKind::Meeting),
        "agenda_item" | "walk_plan" => Source::Document(SearchKind::AgendaItem),
        "step_note" => Source::Document(SearchKind::Note),
        "follow_up" => Source::Document(SearchKind::FollowUp),
        "project" => Source::Document(SearchKind::Project),
        "attachment_page" => Source::Document(SearchKind::Attachment),
        "attachment" => Source::AttachmentTitle,
        _ => return None,
    })
}

/// What the update hook noted since the last suggestion.
#[derive(Default)]
struct Noted {
    rows: Vec<(Source, i64)>,
    /// More than [`MAX_NOTED`]: the rows are dropped, and the vocabulary is built anew.
    overflow: bool,
}

/// Shared between the store and its connection's update hook.
#[derive(Default)]
struct Hook {
    /// Whether a vocabulary is kept (or being built): otherwise nothing is noted.
    recording: AtomicBool,
    noted: Mutex<Noted>,
}

impl Hook {
    fn note(&self, action: Action, table: &str, rowid: i64) {
        if !self.recording.load(Ordering::Relaxed) || action == Action::SQLITE_DELETE {
            // A deleted row takes words away: the set may keep them.
            return;
        }
        let Some(source) = source(table) else { return };
        let mut noted = self.noted.lock().unwrap_or_else(|p| p.into_inner());
        if noted.overflow {
            return;
        }
        if noted.rows.len() == MAX_NOTED {
            noted.rows = Vec::new();
            noted.overflow = true;
        } else if noted.rows.last() != Some(&(source, rowid)) {
            noted.rows.push((source, rowid));
        }
    }

    /// Start noting, from now on, afresh.
    fn restart(&self) {
        let mut noted = self.noted.lock().unwrap_or_else(|p| p.into_inner());
        *noted = Noted::default();
        self.recording.store(true, Ordering::Relaxed);
    }

    fn take(&self) -> Noted {
        std::mem::take(&mut *self.noted.lock().unwrap_or_else(|p| p.into_inner()))
    }
}

/// The index's words as of a build, and the words written since.
pub(crate) struct Vocabulary {
    /// The words at build time, sorted, one after another: word `i` ends at `ends[i]`.
    text: String,
    ends: Vec<u32>,
    /// Words written since the build that it did not have.
    added: HashSet<String>,
    /// Where in `search::indexed_log` this vocabulary has read up to.
    since: u64,
    built_in: Duration,
}

impl Vocabulary {
    fn from_words(mut list: Vec<String>, since: u64, built_in: Duration) -> Vocabulary {
        list.sort_unstable();
        list.dedup();
        let mut text = String::with_capacity(list.iter().map(String::len).sum());
        let mut ends = Vec::with_capacity(list.len());
        for w in &list {
            text.push_str(w);
            ends.push(text.len() as u32);
        }
        Vocabulary { text, ends, added: HashSet::new(), since, built_in }
    }

    fn word(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    /// Whether `word` may be in the index (it is, unless deleted since).
    pub(crate) fn contains(&self, word: &str) -> bool {
        let (mut lo, mut hi) = (0, self.ends.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.word(mid).cmp(word) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return true,
            }
        }
        self.added.contains(word)
    }

    fn add_words_of(&mut self, text: &str) {
        for (_, w) in words(text) {
            let w = w.to_lowercase();
            if !self.contains(&w) {
                self.added.insert(w);
            }
        }
    }

    fn len(&self) -> usize {
        self.ends.len() + self.added.len()
    }

    /// Bytes held, roughly.
    fn bytes(&self) -> usize {
        self.text.len() + 4 * self.ends.len() + self.added.iter().map(|w| w.len() + 40).sum::<usize>()
    }
}

/// Read the vocabulary on `conn`; `stop` ends it early (the store closing).
fn read_words(conn: &Connection, stop: &AtomicBool) -> rusqlite::Result<Vec<String>> {
    let mut st = conn.prepare(WORDS_SQL)?;
    let mut rows = st.query([])?;
    let mut list: Vec<String> = Vec::new();
    while let Some(r) = rows.next()? {
        if stop.load(Ordering::Relaxed) {
            return Err(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_INTERRUPT),
                None,
            ));
        }
        let w: String = r.get(0)?;
        // A word in both title and body comes twice, one after the other.
        if list.last() != Some(&w) {
            list.push(w);
        }
    }
    Ok(list)
}

/// A build on the store's thread.
struct Build {
    done: mpsc::Receiver<rusqlite::Result<Vocabulary>>,
    stop: Arc<AtomicBool>,
    interrupt: InterruptHandle,
    thread: Option<JoinHandle<()>>,
}

impl Drop for Build {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        self.interrupt.interrupt();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

enum State {
    Idle,
    Building(Build),
    Ready(Vocabulary),
    /// The build failed (reported once): suggestions ask the index.
    Failed,
}

/// The store's in-memory vocabulary (see the module's documentation).
pub(crate) struct Vocabularies {
    hook: Arc<Hook>,
    state: RefCell<State>,
}

/// What the in-memory vocabulary holds, once built (tests, benchmarks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VocabularyInfo {
    /// Words held.
    pub words: usize,
    /// Bytes held, roughly.
    pub bytes: usize,
    /// How long its build took, on its own thread.
    pub built_in: Duration,
}

impl Vocabularies {
    /// Install the update hook on the store's connection.
    pub(crate) fn new(conn: &Connection) -> rusqlite::Result<Vocabularies> {
        let hook = Arc::new(Hook::default());
        let noting = Arc::clone(&hook);
        conn.update_hook(Some(move |action: Action, _db: &str, table: &str, rowid: i64| {
            noting.note(action, table, rowid)
        }))?;
        Ok(Vocabularies { hook, state: RefCell::new(State::Idle) })
    }

    /// Start a build unless one is kept, under way or failed: on a thread of its own for a
    /// database file, at once for an in-memory one (tests; it cannot be opened twice).
    pub(crate) fn start(&self, conn: &Connection, path: Option<&Path>) {
        if matches!(*self.state.borrow(), State::Idle) {
            self.build(conn, path);
        }
    }

    fn build(&self, conn: &Connection, path: Option<&Path>) {
        // Dropping a build under way stops it first.
        *self.state.borrow_mut() = State::Idle;
        let state = self.try_build(conn, path).unwrap_or_else(|e| {
            eprintln!("Pejling: the search vocabulary was not built (suggestions ask the index): {e}");
            self.hook.recording.store(false, Ordering::Relaxed);
            State::Failed
        });
        *self.state.borrow_mut() = state;
    }

    fn try_build(&self, conn: &Connection, path: Option<&Path>) -> rusqlite::Result<State> {
        // Noting starts before the build's snapshot: a write after it is noted (one before it
        // may be both, which does no harm).
        self.hook.restart();
        // The index brought up to date first: the build reads the index, not the queue.
        super::search::flush_pending(conn, super::search::FLUSH_CHUNK)?;
        // Documents indexed from now on are read from the log, before the build's snapshot.
        let since = super::search::indexed_log::cursor();
        let Some(path) = path else {
            let started = Instant::now();
            let list = read_words(conn, &AtomicBool::new(false))?;
            return Ok(State::Ready(Vocabulary::from_words(list, since, started.elapsed())));
        };
        let reader =
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
        super::harden(&reader)?;
        let (send, done) = mpsc::sync_channel(1);
        let stop = Arc::new(AtomicBool::new(false));
        let interrupt = reader.get_interrupt_handle();
        let stopping = Arc::clone(&stop);
        let thread = std::thread::Builder::new()
            .name("pejling-vocabulary".into())
            .spawn(move || {
                let started = Instant::now();
                let built =
                    read_words(&reader, &stopping).map(|list| Vocabulary::from_words(list, since, started.elapsed()));
                drop(reader);
                let _ = send.send(built);
            })
            .map_err(|e| rusqlite::Error::UserFunctionError(Box::new(e)))?;
        Ok(State::Building(Build { done, stop, interrupt, thread: Some(thread) }))
    }

    /// The vocabulary, up to date with every write, or `None` while it is being built (the
    /// caller asks the index instead). Starts a build when none is kept. `wait`: until built.
    pub(crate) fn fresh(
        &self,
        conn: &Connection,
        path: Option<&Path>,
        wait: bool,
    ) -> rusqlite::Result<Option<std::cell::Ref<'_, Vocabulary>>> {
        self.start(conn, path);
        let finished = match &*self.state.borrow() {
            State::Building(b) if wait => Some(b.done.recv().ok()),
            State::Building(b) => match b.done.try_recv() {
                Ok(built) => Some(Some(built)),
                Err(mpsc::TryRecvError::Empty) => None,
                Err(mpsc::TryRecvError::Disconnected) => Some(None),
            },
            _ => None,
        };
        match finished {
            Some(Some(Ok(v))) => *self.state.borrow_mut() = State::Ready(v),
            Some(Some(Err(e))) => {
                eprintln!("Pejling: the search vocabulary was not built (suggestions ask the index): {e}");
                *self.state.borrow_mut() = State::Failed;
                self.hook.recording.store(false, Ordering::Relaxed);
                return Ok(None);
            }
            Some(None) => {
                *self.state.borrow_mut() = State::Failed;
                self.hook.recording.store(false, Ordering::Relaxed);
                return Ok(None);
            }
            None => {}
        }
        let indexed = match &*self.state.borrow() {
            State::Ready(v) => match conn.path().filter(|p| !p.is_empty()) {
                Some(db) => super::search::indexed_log::since(db, v.since),
                None => Some((Vec::new(), v.since)),
            },
            _ => return Ok(None),
        };
        let noted = self.hook.take();
        let Some((indexed, next)) = indexed.filter(|(docs, _)| docs.len() <= MAX_NOTED && !noted.overflow) else {
            self.build(conn, path);
            return if wait { self.fresh(conn, path, true) } else { Ok(None) };
        };
        {
            let mut state = self.state.borrow_mut();
            let State::Ready(v) = &mut *state else { unreachable!("ready above") };
            for doc in indexed {
                if let Some((kind, id)) = SearchKind::from_rowid(doc) {
                    if let Some((title, body)) = super::search::text(conn, kind, id)? {
                        v.add_words_of(&format!("{title}\n{body}"));
                    }
                }
            }
            v.since = next;
            for (source, rowid) in noted.rows {
                let text = match source {
                    Source::Document(kind) => {
                        super::search::text(conn, kind, rowid)?.map(|(title, body)| format!("{title}\n{body}"))
                    }
                    Source::AttachmentTitle => conn
                        .prepare_cached("SELECT title FROM attachment WHERE id = ?1")?
                        .query_row([rowid], |r| r.get(0))
                        .optional()?,
                };
                if let Some(text) = text {
                    v.add_words_of(&text);
                }
            }
        }
        Ok(Some(std::cell::Ref::map(self.state.borrow(), |s| match s {
            State::Ready(v) => v,
            _ => unreachable!("ready above"),
        })))
    }

    /// What the vocabulary holds, waiting for its build (tests, benchmarks).
    pub(crate) fn info(&self, conn: &Connection, path: Option<&Path>) -> rusqlite::Result<Option<VocabularyInfo>> {
        Ok(self.fresh(conn, path, true)?.map(|v| VocabularyInfo {
            words: v.len(),
            bytes: v.bytes(),
            built_in: v.built_in,
        }))
    }

    /// Stop a build under way (before the store closes its connection).
    pub(crate) fn stop(&self) {
        *self.state.borrow_mut() = State::Idle;
        self.hook.recording.store(false, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bilag::{AttachmentPatch, Extracted, TextState};
    use crate::domain::*;
    use crate::store::{Db, NewAttachment};

    fn committee(db: &mut Db, name: &str, description: &str) -> Committee {
        let kind = CommitteeKind::Standing;
        db.create_committee(&NewCommittee { name: name.into(), kind, description: description.into() }).unwrap()
    }

    /// An ordinary meeting on 3 March 2026, 17–19.
    fn meeting(db: &mut Db, committee_id: i64, title: &str, place: &str) -> Meeting {
        db.create_meeting(&NewMeeting {
            committee_id,
            title: title.into(),
            kind: MeetingKind::Ordinary,
            starts_at: "2026-03-03T17:00".into(),
            ends_at: "2026-03-03T19:00".into(),
            place: place.into(),
        })
        .unwrap()
    }

    /// The words of the index's title and body columns that the vocabulary lacks.
    fn missing(db: &Db) -> Vec<String> {
        let v = db.vocabularies.fresh(&db.conn, None, true).unwrap().expect("built");
        let mut st = db.conn.prepare(WORDS_SQL).unwrap();
        let all: Vec<String> = st.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
        all.into_iter().filter(|w| !v.contains(w)).collect()
    }

    #[test]
    fn every_word_written_after_the_build_is_in_the_vocabulary() {
        let mut db = Db::open_in_memory().unwrap();
        let c = committee(&mut db, "Teknik- og Miljøudvalget", "Veje og natur.");
        assert_eq!(missing(&db), Vec::<String>::new(), "built");
        let m = meeting(&mut db, c.id, "Ekstraordinært møde", "Byrådssalen");
        let item = db.add_agenda_item(m.id, "Klimatilpasning ved åen").unwrap();
        db.update_agenda_item(
            item.id,
            &AgendaItemPatch { summary: Some("Regnvandsbassiner og skybrudsveje.".into()), ..Default::default() },
        )
        .unwrap();
        db.conn
            .execute(
                "INSERT INTO walk_plan (agenda_item_id, case_technology, case_problem) VALUES (?1, 'Sensornetværk', 'Oversvømmelser')",
                [item.id],
            )
            .unwrap();
        db.create_project(&NewProject {
            title: "Fællesdatabasen".into(),
            description: "Kortlægning af kloakker.".into(),
            committee_id: c.id,
        })
        .unwrap();
        db.create_follow_up(&NewFollowUp {
            committee_id: c.id,
            text: "Forvaltningen undersøger vandløbsregulativet.".into(),
            owner: String::new(),
            due_date: None,
            meeting_id: None,
            agenda_item_id: None,
        })
        .unwrap();
        let a = db
            .attach_bytes(
                item.id,
                b"\x89PNG\r\n\x1a\nside",
                &NewAttachment {
                    file_name: "kort.png",
                    title: Some("Oversigtskort"),
                    document_number: None,
                    closed: false,
                },
            )
            .unwrap();
        db.save_extracted(&a.sha256, &Extracted { state: TextState::Text, pages: vec!["Pumpestationerne.".into()] })
            .unwrap();
        db.update_attachment(a.id, &AttachmentPatch { title: Some("Højdemodellen".into()), ..Default::default() })
            .unwrap();
        db.update_committee(c.id, &CommitteePatch { description: Some("Grundvandet.".into()), ..Default::default() })
            .unwrap();
        assert_eq!(missing(&db), Vec::<String>::new());
        let v = db.vocabularies.fresh(&db.conn, None, false).unwrap().unwrap();
        for w in ["højdemodellen", "pumpestationerne", "sensornetværk", "vandløbsregulativet", "grundvandet"] {
            assert!(v.contains(w), "{w}");
        }
    }

    /// The store's own writes and the checkpoints after them are no other connection's
    /// writes: the vocabulary is kept, not built again.
    #[test]
    fn saves_and_checkpoints_keep_the_vocabulary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pejling.sqlite3");
        let mut db = Db::open(&path).unwrap();
        let c = committee(&mut db, "Teknik- og Miljøudvalget", "Veje og natur.");
        assert!(db.vocabularies.fresh(&db.conn, Some(&path), true).unwrap().is_some());
        for i in 0..3 {
            db.update_committee(
                c.id,
                &CommitteePatch { description: Some(format!("Grundvand {i}.")), ..Default::default() },
            )
            .unwrap();
            // The checkpointer copies the WAL into the file after a quarter of a second.
            std::thread::sleep(Duration::from_millis(400));
            let v = db.vocabularies.fresh(&db.conn, Some(&path), false).unwrap();
            assert!(v.is_some_and(|v| v.contains("grundvand")), "kept after save {i}");
        }
        db.close().unwrap();
    }

    #[test]
    fn the_vocabulary_suggests_what_the_index_alone_suggests() {
        let mut db = Db::open_in_memory().unwrap();
        let c = committee(&mut db, "Social- og Sundhedsudvalget", "Ældre, sundhed og forebyggelse.");
        let m = meeting(&mut db, c.id, "Ordinært møde", "Mødelokale 2");
        let texts = [
            ("Forebyggelse af fald", "Forebyggelse er bedre end behandling, og budgettet er lille."),
            ("Budget", "Udvalget drøfter budgettet og et kort over skolerne."),
            ("Hjemmeplejen", "Hjemmeplejen og klimatilpasning, et kort, en bane og en kat."),
            ("Bane, bale og bade", "Banen ved badet, en bane og en bale."),
        ];
        for (title, summary) in texts {
            let it = db.add_agenda_item(m.id, title).unwrap();
            db.update_agenda_item(it.id, &AgendaItemPatch { summary: Some(summary.into()), ..Default::default() })
                .unwrap();
        }
        let v = db.vocabularies.fresh(&db.conn, None, true).unwrap().expect("built");
        for q in [
            "forbyggelse",
            "Forbyggelse BUDGETTET",
            "bugdettet",
            "behandlinng",
            "behandlang",
            "kart",
            "hjemmeplegen",
            "kilmatilpasning",
            "bage",
            "forebyggelse",
            "xylofon",
            "xyz",
            "forebygx",
            "forbyggelse xylofon",
            "",
        ] {
            let by_index = db.suggestion(q, None).unwrap();
            assert_eq!(db.suggestion(q, Some(&v)).unwrap(), by_index, "{q}");
        }
        assert_eq!(db.suggestion("kart", Some(&v)).unwrap().as_deref(), Some("kort"));
        assert_eq!(db.suggestion("bage", Some(&v)).unwrap().as_deref(), Some("bane"), "bane 3, bale 2, bade 1");
    }

    #[test]
    fn the_packed_words_are_found_and_nothing_else() {
        let v = Vocabulary::from_words(
            ["kort", "forebyggelse", "kat", "budgettet", "kort", "år"].map(String::from).to_vec(),
            0,
            Duration::ZERO,
        );
        for w in ["kort", "forebyggelse", "kat", "budgettet", "år"] {
            assert!(v.contains(w), "{w}");
        }
        for w in ["", "k", "kor", "korte", "a", "åre", "forbyggelse"] {
            assert!(!v.contains(w), "{w}");
        }
        assert_eq!(v.len(), 5);
        let empty = Vocabulary::from_words(Vec::new(), 0, Duration::ZERO);
        assert!(!empty.contains("kort"));
    }

    #[test]
    fn written_words_are_added_lowercased() {
        let mut v = Vocabulary::from_words(vec!["kort".into()], 0, Duration::ZERO);
        v.add_words_of("Xylofonen, KORT og EMN-2026-01234");
        for w in ["xylofonen", "kort", "og", "emn", "2026", "01234"] {
            assert!(v.contains(w), "{w}");
        }
        assert_eq!(v.len(), 6);
    }
}
