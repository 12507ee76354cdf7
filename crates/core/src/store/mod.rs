//! The SQLite store.
//!
//! Minutes are legal records, so the connection is opened for durability first: WAL with
//! `synchronous=FULL` (a committed edit survives power loss), foreign keys on, and a busy
//! timeout so a second reader never fails at once. Every write is one transaction: a failed
//! edit leaves nothing half-written. The schema is versioned by `user_version` through
//! rusqlite_migration; a database written by a newer Pejling is refused before anything
//! touches it, and a file that is not a Pejling database is never migrated into one.

mod agenda;
mod attachments;
pub use attachments::NewAttachment;
pub mod blobs;
pub mod clean;
mod committees;
mod cycle;
mod deflated;
mod follow_ups;
mod frameworks;
mod live;
mod meetings;
mod members;
pub mod minutes;
pub mod packages;
mod position_history;
mod projects;
mod question_sets;
mod room;
pub mod schema;
mod search;
mod vocabulary;
pub use vocabulary::VocabularyInfo;
mod walk;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension};
use rusqlite_migration::{Migrations, M};

use crate::domain::WorkspaceStatus;
use crate::error::{Error, Result};

/// `PRAGMA application_id` of a Pejling database: "PEJL" in ASCII.
pub const APPLICATION_ID: i32 = 0x5045_4A4C;

const MIGRATION_LIST: &[M<'static>] = &[
    M::up(include_str!("migrations/0001_initial.sql")),
    M::up(include_str!("migrations/0002_minutes.sql")),
    M::up(include_str!("migrations/0003_walk.sql")),
    M::up(include_str!("migrations/0004_minutes_times.sql")),
    M::up(include_str!("migrations/0005_search.sql")),
    M::up(include_str!("migrations/0006_follow_up.sql")),
    M::up(include_str!("migrations/0007_cycle_projects.sql")),
    M::up(include_str!("migrations/0008_packages.sql")),
    M::up(include_str!("migrations/0009_integrity.sql")),
    M::up(include_str!("migrations/0010_live_audit.sql")),
    M::up(include_str!("migrations/0011_mandate_every_other_year.sql")),
    M::up(include_str!("migrations/0012_committee_frameworks.sql")),
    M::up(include_str!("migrations/0013_bilag.sql")),
    M::up(include_str!("migrations/0014_deliberation.sql")),
    M::up(include_str!("migrations/0015_own_frameworks_item_bearings.sql")),
    M::up(include_str!("migrations/0016_search_size.sql")),
    M::up(include_str!("migrations/0017_snapshot_deflated.sql")),
    M::up(include_str!("migrations/0018_search_deferred.sql")),
];

/// The migrations, in order. Index + 1 is the schema version they produce.
pub fn migrations() -> Migrations<'static> {
    Migrations::from_slice(MIGRATION_LIST)
}

/// The schema version this build writes.
pub fn schema_version() -> i64 {
    MIGRATION_LIST.len() as i64
}

/// An open Pejling database. One per process and file; not `Sync` — the shell wraps it in a
/// mutex, the CLI owns it.
pub struct Db {
    /// Checkpoints the WAL off the save path (see [`Checkpointer`]); first, so that it is
    /// stopped before the connection closes.
    checkpointer: std::cell::RefCell<Option<Checkpointer>>,
    /// The search index's words in memory, for "Mente du: …?" (see [`vocabulary`]); before
    /// the connection, so that a build under way is stopped first.
    vocabularies: vocabulary::Vocabularies,
    conn: Connection,
    path: Option<PathBuf>,
    /// Who is working and how a change came here, recorded by the audit-log triggers
    /// through `pejling_actor()` and the audit log's column defaults (see [`AuditContext`]).
    actor: Arc<Mutex<AuditContext>>,
    /// An automatic backup asked for inside [`Db::batch`], taken once the batch commits.
    deferred_backup: std::cell::Cell<Option<crate::backup::Reason>>,
    /// Whether [`Db::open`] ran `PRAGMA quick_check` over every page (see [`clean`]).
    opened_with_full_check: bool,
    /// The bilag files (see [`blobs`]).
    blobs: blobs::BlobStore,
}

/// Databases from before this schema version are compacted once when they are upgraded
/// (see [`Db::compact`]).
const COMPACTED_SINCE: i64 = 17;

/// WAL pages (8 KiB in a database made since schema 17, 4 KiB before: 40 to 20 MiB) after
/// which a commit of the app's connection
/// checkpoints itself, inline — a backstop only: the [`Checkpointer`] normally copies the WAL
/// into the database long before, off the save path. SQLite's default is 1,000 pages, which
/// put a checkpoint (writing back and fsyncing the database file) inside every ~40th save.
pub const WAL_AUTOCHECKPOINT_PAGES: i64 = 5_000;

/// When the WAL restarts after a checkpoint, a file larger than this is cut back to it.
pub const JOURNAL_SIZE_LIMIT: i64 = 16 * 1024 * 1024;

/// Saves this close together are one burst: the checkpoint waits for the pause after them...
const CHECKPOINT_QUIET: Duration = Duration::from_millis(250);
/// ... but no longer than this after the first, so a long burst's WAL stays small too.
const CHECKPOINT_MAX_DELAY: Duration = Duration::from_secs(1);

/// A pause in the saves: the search index is brought up to date (see [`checkpoint_loop`]), one
/// chunk at a time, as long as no save comes within this after a chunk.
const IDLE_FLUSH_GAP: Duration = Duration::from_millis(20);
/// How long the checkpointer's connection waits for a save in flight before it leaves the
/// search index for the next pause (a search, the close) instead.
const IDLE_FLUSH_BUSY: Duration = Duration::from_millis(100);

/// Copies the WAL into the database file off the save path, and brings the search index up to
/// date once the saves pause. With `synchronous=FULL` a save costs one fsync of the WAL;
/// SQLite's automatic checkpoint adds, inside every ~40th save's commit, the copy of all pages
/// in the WAL and an fsync of the database file — the spikes at the 99th percentile. Here a
/// thread of the database's own, with a connection of its own, runs a `PASSIVE` checkpoint
/// once the saves pause (and every second of a longer burst). A passive checkpoint never takes
/// the write lock and never waits: a save meanwhile appends to the WAL as usual, and the WAL
/// restarts at the first save after a complete checkpoint. Durability is the WAL's: a crash at
/// any moment loses nothing committed.
///
/// The saves' search triggers only queue the documents they changed (schema 18); at a pause,
/// before its checkpoint, the thread indexes them ([`search::flush_chunk`]) in small
/// transactions of its own, and stops as soon as a save comes: a save waits for one chunk at
/// most. What is left waits for the next pause, or for a search, the close or the next open,
/// which index everything pending first. The thread starts at the first commit and stops when
/// the [`Db`] is closed or dropped.
struct Checkpointer {
    poke: Option<std::sync::mpsc::SyncSender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Checkpointer {
    fn start(path: &Path) -> Option<Checkpointer> {
        let (poke, pokes) = std::sync::mpsc::sync_channel::<()>(1);
        let path = path.to_path_buf();
        let thread = std::thread::Builder::new()
            .name("pejling-checkpoint".into())
            .spawn(move || checkpoint_loop(&path, &pokes))
            .ok()?;
        Some(Checkpointer { poke: Some(poke), thread: Some(thread) })
    }

    fn poke(&self) {
        if let Some(p) = &self.poke {
            // Full: a checkpoint is already due.
            let _ = p.try_send(());
        }
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        // Hanging up wakes the thread at once (or after the chunk it is indexing); it closes
        // its connection and ends.
        self.poke = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// The checkpointer's connection, opened at its first use: hardened and `synchronous=FULL` as
/// every connection. It writes the search index and its queue only (in Rust: no function of
/// the schema's is needed), in the pauses between saves, where its fsyncs cost nobody a wait;
/// each chunk is one transaction, so the index and the queue's dequeue go together.
fn side_connection<'a>(path: &Path, conn: &'a mut Option<Connection>) -> Option<&'a Connection> {
    if conn.is_none() {
        *conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)
            .ok()
            .filter(|c| {
                harden(c).is_ok()
                    && c.busy_timeout(IDLE_FLUSH_BUSY).is_ok()
                    && c.execute_batch("PRAGMA synchronous = FULL;").is_ok()
            });
    }
    conn.as_ref()
}

fn passive_checkpoint(conn: Option<&Connection>) {
    if let Some(c) = conn {
        if let Err(e) = c.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(())) {
            eprintln!("Pejling: the WAL checkpoint failed (the next one retries): {e}");
        }
    }
}

fn checkpoint_loop(path: &Path, pokes: &std::sync::mpsc::Receiver<()>) {
    use std::sync::mpsc::RecvTimeoutError;
    let mut conn: Option<Connection> = None;
    // A save committed: a burst of saves begins.
    while pokes.recv().is_ok() {
        loop {
            // Wait for the pause after the burst; a burst longer than CHECKPOINT_MAX_DELAY has
            // its WAL checkpointed meanwhile, its search index waits for the pause.
            let mut stretch = std::time::Instant::now();
            loop {
                let wait = CHECKPOINT_QUIET.min(CHECKPOINT_MAX_DELAY.saturating_sub(stretch.elapsed()));
                match pokes.recv_timeout(wait) {
                    Ok(()) => {}
                    Err(RecvTimeoutError::Timeout) if wait == CHECKPOINT_QUIET => break,
                    Err(RecvTimeoutError::Timeout) => {
                        passive_checkpoint(side_connection(path, &mut conn));
                        stretch = std::time::Instant::now();
                    }
                    // Closing: `Db::close` indexes and checkpoints (and truncates) itself.
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
            // The saves paused: index what they queued, a chunk at a time, until a save comes.
            let side = side_connection(path, &mut conn);
            let mut resumed = false;
            if let Some(c) = side {
                loop {
                    match search::flush_chunk(c, search::IDLE_FLUSH_CHUNK, true) {
                        Ok(0) => break,
                        Ok(_) => {}
                        Err(e) => {
                            eprintln!("Pejling: indexing the saves for search failed (the next search does it): {e}");
                            break;
                        }
                    }
                    match pokes.recv_timeout(IDLE_FLUSH_GAP) {
                        Ok(()) => {
                            resumed = true;
                            break;
                        }
                        Err(RecvTimeoutError::Timeout) => {}
                        Err(RecvTimeoutError::Disconnected) => return,
                    }
                }
            }
            passive_checkpoint(side);
            if !resumed {
                break;
            }
        }
    }
}

/// The name recorded in the audit log until the app says who is working: the OS user.
fn default_actor() -> String {
    std::env::var("USER").or_else(|_| std::env::var("USERNAME")).unwrap_or_else(|_| "ukendt".into())
}

/// What every audit entry records about who made a change and how it came here: the
/// person working (name and role, from the machine's identity or the CLI's `--as`), and for
/// a change merged from a meeting package, its author there, the package's machine and who
/// merged it. Read by the SQL functions `pejling_actor()`, `pejling_actor_role()`,
/// `pejling_author()`, `pejling_via_package()` and `pejling_merged_by()`, which the audit
/// triggers and the audit log's column defaults call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AuditContext {
    pub name: String,
    pub role: Option<crate::domain::Role>,
    pub author: Option<String>,
    pub via_package: Option<String>,
    pub merged_by: Option<String>,
}

impl AuditContext {
    fn new() -> AuditContext {
        AuditContext { name: default_actor(), role: None, author: None, via_package: None, merged_by: None }
    }
}

/// Register the functions the schema's triggers and defaults call. With `trusted_schema=OFF`
/// SQLite runs only functions marked innocuous from inside the schema.
fn register_audit_functions(conn: &Connection, ctx: &Arc<Mutex<AuditContext>>) -> rusqlite::Result<()> {
    use rusqlite::functions::FunctionFlags as F;
    type Field = fn(&AuditContext) -> Option<String>;
    let fields: [(&str, Field); 5] = [
        ("pejling_actor", |c| Some(c.name.clone())),
        ("pejling_actor_role", |c| c.role.map(|r| r.as_str().to_owned())),
        ("pejling_author", |c| c.author.clone()),
        ("pejling_via_package", |c| c.via_package.clone()),
        ("pejling_merged_by", |c| c.merged_by.clone()),
    ];
    for (name, field) in fields {
        let ctx = Arc::clone(ctx);
        conn.create_scalar_function(name, 0, F::SQLITE_UTF8 | F::SQLITE_INNOCUOUS, move |_| {
            Ok(field(&ctx.lock().unwrap_or_else(|p| p.into_inner())))
        })?;
    }
    Ok(())
}

/// Settings every connection runs with: the schema is not trusted to call anything but
/// innocuous functions (a trigger planted in a file cannot reach the app's functions), and
/// SQLite's defensive mode forbids the writes that could corrupt the file from SQL.
pub(crate) fn harden(conn: &Connection) -> rusqlite::Result<()> {
    conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    conn.execute_batch("PRAGMA trusted_schema = OFF;")?;
    Ok(())
}

impl Db {
    /// Open (or create) the database at `path`, refuse it if it is not ours or is too new,
    /// and migrate it to the latest schema.
    pub fn open(path: &Path) -> Result<Db> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let existed = path.exists() && std::fs::metadata(path)?.len() > 0;
        // Consumed at once, before anything else: a crash or kill from here on leaves no
        // marker, so the next open checks every page again.
        let closed_cleanly = clean::take_marker(path) && existed;
        let wal_in_use = std::fs::metadata(clean::wal_path(path)).is_ok_and(|m| m.len() > 0);
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let not_ours = |detail: String| Error::NotAPejlingDatabase { path: path.display().to_string(), detail };
        harden(&conn).map_err(|e| not_ours(e.to_string()))?;
        if existed {
            check_is_pejling(&conn).map_err(|e| match e {
                Error::Storage(s) => not_ours(s.to_string()),
                other => other,
            })?;
            // Cheap, always: the file is as long as its header says. A file cut short at a
            // page boundary has a valid header too. With a non-empty WAL the database's
            // length is the WAL's to say (pages may live only there), and the full check
            // below runs anyway.
            if !wal_in_use {
                let size = std::fs::metadata(path)?.len();
                let pages = |pragma: &str| -> Result<u64> {
                    let n: i64 = conn.query_row(pragma, [], |r| r.get(0)).map_err(|e| not_ours(e.to_string()))?;
                    Ok(n.max(0) as u64)
                };
                let (count, page_size) = (pages("PRAGMA page_count")?, pages("PRAGMA page_size")?);
                if count * page_size != size {
                    return Err(not_ours(format!(
                        "truncated or overwritten: the file is {size} bytes, its header says {count} pages of {page_size} bytes"
                    )));
                }
            }
            // A file cut short or overwritten in the middle still has a valid header, and
            // SQLite only notices when a damaged page is read — perhaps in the middle of a
            // meeting. Check every page once, before anything is written — unless Pejling
            // closed this very file cleanly and nothing has touched it since (see `clean`).
            if !closed_cleanly {
                let check: String =
                    conn.query_row("PRAGMA quick_check(1)", [], |r| r.get(0)).map_err(|e| not_ours(e.to_string()))?;
                if check != "ok" {
                    return Err(not_ours(check));
                }
            }
            // Always, before anything runs on it: the schema is exactly what Pejling's own
            // migrations make for its version. A trigger added or dropped by another tool
            // (one that empties the audit log, say) refuses the file.
            let version: i64 =
                conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(|e| not_ours(e.to_string()))?;
            if version <= schema_version() {
                schema::check(&conn, version).map_err(not_ours)?;
            }
        }
        let vocabularies = vocabulary::Vocabularies::new(&conn).map_err(|e| not_ours(e.to_string()))?;
        let mut db = Db {
            checkpointer: Default::default(),
            vocabularies,
            conn,
            path: Some(path.to_path_buf()),
            actor: Arc::new(Mutex::new(AuditContext::new())),
            deferred_backup: Default::default(),
            opened_with_full_check: existed && !closed_cleanly,
            blobs: blobs::BlobStore::for_db(Some(path)),
        };
        db.configure().map_err(|e| match e {
            Error::Storage(s) => not_ours(s.to_string()),
            other => other,
        })?;
        db.migrate()?;
        // A crash (or a drop without close) leaves the saves' queue for the search index in
        // the file: indexed now. Best effort: the database is sound either way, and a search
        // indexes what is still queued first.
        if let Err(e) = search::flush_pending(&db.conn, search::FLUSH_CHUNK) {
            eprintln!("Pejling: indexing the queued saves for search at open failed (the next search retries): {e}");
        }
        Ok(db)
    }

    /// A private in-memory database with the full schema (tests, benchmarks).
    pub fn open_in_memory() -> Result<Db> {
        let conn = Connection::open_in_memory()?;
        let mut db = Db {
            checkpointer: Default::default(),
            vocabularies: vocabulary::Vocabularies::new(&conn)?,
            conn,
            path: None,
            actor: Arc::new(Mutex::new(AuditContext::new())),
            deferred_backup: Default::default(),
            opened_with_full_check: false,
            blobs: blobs::BlobStore::for_db(None),
        };
        db.configure()?;
        db.migrate()?;
        Ok(db)
    }

    /// Whether opening ran the full page check (`PRAGMA quick_check`): `false` for a new or
    /// in-memory database and for a file Pejling closed cleanly and nothing touched since.
    pub fn opened_with_full_check(&self) -> bool {
        self.opened_with_full_check
    }

    /// Close the database cleanly: index what the saves queued for search, checkpoint the
    /// WAL into the file and truncate it, close the connection, and record the file's identity
    /// so the next open may skip the page check (see [`clean`]). Dropping a `Db` without this
    /// is safe — SQLite recovers from its WAL, and the next open indexes what is still queued —
    /// but the next open then checks every page. If another connection still reads (the
    /// checkpoint is not complete), no marker is written.
    pub fn close(self) -> Result<()> {
        let Db { checkpointer, vocabularies, conn, path, .. } = self;
        // Their own connections closed first, so that this one's checkpoint finds no other.
        drop(checkpointer);
        vocabularies.stop();
        // Best effort, as at open: what is left stays queued in the file for the next open.
        if let Err(e) = search::flush_pending(&conn, search::FLUSH_CHUNK) {
            eprintln!("Pejling: indexing the queued saves for search at close failed (the next open retries): {e}");
        }
        let Some(path) = path else { return Ok(()) };
        let (busy, _log, _done): (i64, i64, i64) =
            conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        conn.close().map_err(|(_, e)| e)?;
        let wal_empty = !std::fs::metadata(clean::wal_path(&path)).is_ok_and(|m| m.len() > 0);
        if busy == 0 && wal_empty {
            clean::write_marker(&path)?;
        }
        Ok(())
    }

    fn configure(&self) -> Result<()> {
        self.conn.busy_timeout(Duration::from_secs(5))?;
        harden(&self.conn)?;
        register_audit_functions(&self.conn, &self.actor)?;
        search::register_functions(&self.conn)?;
        deflated::register_functions(&self.conn)?;
        // A new database gets pages of 8 KiB, SQLite's default being 4 KiB: the archive's rows
        // of about 2 KB (an agenda item's texts, their audit entries) left a third of each
        // 4 KiB page empty (issue 20). Only a file without tables takes it; an existing
        // database keeps its page size, which is in its header.
        self.conn.execute_batch("PRAGMA page_size = 8192;")?;
        // journal_mode answers with the mode in force; in-memory databases stay "memory".
        let _mode: String = self.conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        self.conn.execute_batch(
            "PRAGMA synchronous = FULL;
             PRAGMA foreign_keys = ON;",
        )?;
        // Checkpoints run on the checkpointer's connection, after the saves (see
        // [`Checkpointer`]); this connection checkpoints inside a commit only as a backstop,
        // when the WAL has grown far beyond what the checkpointer leaves.
        self.conn.pragma_update(None, "wal_autocheckpoint", WAL_AUTOCHECKPOINT_PAGES)?;
        let _limit: i64 =
            self.conn.query_row(&format!("PRAGMA journal_size_limit = {JOURNAL_SIZE_LIMIT}"), [], |r| r.get(0))?;
        Ok(())
    }

    fn migrate(&mut self) -> Result<()> {
        let found: i64 = self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if found > schema_version() {
            return Err(Error::DatabaseTooNew { found, supported: schema_version() });
        }
        if found > 0 && found < schema_version() {
            if let Some(path) = self.path.clone() {
                crate::backup::auto_backup_conn(&self.conn, &path, crate::backup::Reason::BeforeMigration)?;
            }
        }
        migrations().to_latest(&mut self.conn)?;
        let app_id: i32 = self.conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        if app_id != APPLICATION_ID {
            self.conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        }
        if found > 0 && found < COMPACTED_SINCE && self.path.is_some() {
            self.compact();
        }
        Ok(())
    }

    /// Once, after the upgrade across schema 16 and 17 (contentless search indexes, deflated
    /// snapshots): those migrations free a good part of the file, and SQLite gives free pages
    /// back only with a VACUUM. It also moves the file to 8 KiB pages, as a new database has.
    /// The backup before the migration was already taken. Best effort: another process with
    /// the file open, or too little free disk, leaves the database as the migrations made it.
    fn compact(&self) {
        let pages = |sql: &str| self.conn.query_row(sql, [], |r| r.get::<_, i64>(0));
        let (Ok(size), Ok(count), Ok(free)) =
            (pages("PRAGMA page_size"), pages("PRAGMA page_count"), pages("PRAGMA freelist_count"))
        else {
            return;
        };
        if size == 8192 && free * 10 < count {
            return;
        }
        // The page size changes only outside WAL mode; a rollback journal keeps VACUUM atomic.
        let done = self
            .conn
            .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get::<_, String>(0))
            .and_then(|_| self.conn.execute_batch("PRAGMA page_size = 8192; VACUUM;"));
        let wal = self.conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0));
        if let Err(e) = done.and(wal.map(|_| ())) {
            eprintln!("Pejling: the database was not compacted after the upgrade: {e}");
        }
    }

    /// Set who is working; the audit log records this name with every change. A blank name
    /// keeps the current one; an over-long one is refused.
    pub fn set_actor(&self, name: &str) -> Result<()> {
        let name = crate::validate::optional(name, "name", crate::validate::MAX_TITLE)?;
        if !name.is_empty() {
            self.audit_context().name = name;
        }
        Ok(())
    }

    /// Set who is working and in which role (sekretær, formand, …): every audit entry from
    /// now on records both. The name is trimmed and must not be empty.
    pub fn set_actor_with_role(&self, name: &str, role: Option<crate::domain::Role>) -> Result<()> {
        let name = crate::validate::required(name, "name", crate::validate::MAX_TITLE)?;
        let mut ctx = self.audit_context();
        ctx.name = name;
        ctx.role = role;
        Ok(())
    }

    /// Work as the machine's identity (see [`crate::identity`]).
    pub fn set_identity(&self, identity: &crate::identity::Identity) -> Result<()> {
        self.set_actor_with_role(&identity.name, Some(identity.role))
    }

    /// Who is working, as the audit log records it.
    pub fn actor(&self) -> String {
        self.audit_context().name.clone()
    }

    /// The role of who is working, if known.
    pub fn actor_role(&self) -> Option<crate::domain::Role> {
        self.audit_context().role
    }

    /// Back to changes made here: no package author, source or merger.
    pub(crate) fn clear_provenance(&self) {
        let mut ctx = self.audit_context();
        ctx.author = None;
        ctx.via_package = None;
        ctx.merged_by = None;
    }

    pub(crate) fn audit_context(&self) -> std::sync::MutexGuard<'_, AuditContext> {
        self.actor.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Where the database lives, or `None` for an in-memory one.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The raw connection, for tests and benchmarks that measure against the floor.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    pub fn workspace_status(&self) -> Result<WorkspaceStatus> {
        let committees: i64 = self.conn.query_row("SELECT count(*) FROM committee", [], |r| r.get(0))?;
        let version: i64 = self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        Ok(WorkspaceStatus {
            db_path: self.path.as_ref().map(|p| p.display().to_string()).unwrap_or_else(|| ":memory:".into()),
            is_empty: committees == 0,
            schema_version: version as u32,
        })
    }

    /// Run `f` in one transaction: all of it is written, or none of it. Inside
    /// [`Db::batch`] it is a savepoint of the batch's transaction instead: a failed write is
    /// undone alone, exactly as it would be on its own.
    pub(crate) fn write<T>(&mut self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        if self.conn.is_autocommit() {
            let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let out = f(&tx)?;
            tx.commit()?;
            self.checkpoint_soon();
            return Ok(out);
        }
        self.conn.execute_batch("SAVEPOINT pejling_write")?;
        match f(&self.conn) {
            Ok(out) => {
                self.conn.execute_batch("RELEASE pejling_write")?;
                Ok(out)
            }
            Err(e) => {
                self.conn.execute_batch("ROLLBACK TO pejling_write; RELEASE pejling_write")?;
                Err(e)
            }
        }
    }

    /// Run many writes through the ordinary API as one transaction: a bulk import (the
    /// benchmark archive of `pejling bench-data`). Every write inside validates, checks and
    /// triggers exactly as on its own; only the commit, and with it the `fsync` that
    /// `synchronous=FULL` costs, is shared. If `f` fails, nothing of the batch is written.
    /// Automatic backups asked for inside (a meeting closed) are taken once, after the commit.
    pub fn batch<T>(&mut self, f: impl FnOnce(&mut Db) -> Result<T>) -> Result<T> {
        if !self.conn.is_autocommit() {
            // Already in a batch: part of it.
            return f(self);
        }
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        let out = match f(self) {
            Ok(out) => out,
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                self.deferred_backup.set(None);
                return Err(e);
            }
        };
        self.conn.execute_batch("COMMIT")?;
        self.checkpoint_soon();
        if let Some(reason) = self.deferred_backup.take() {
            // Committed: a backup that fails is reported, never a failed batch.
            if let Err(e) = self.auto_backup(reason) {
                eprintln!("Pejling: the backup after the batch failed: {e}");
            }
        }
        Ok(out)
    }

    /// After a commit: ask the checkpointer to copy the WAL into the database once the saves
    /// pause. Never waits; an in-memory database has no WAL.
    pub(crate) fn checkpoint_soon(&self) {
        let Some(path) = &self.path else { return };
        let mut slot = self.checkpointer.borrow_mut();
        if slot.is_none() {
            *slot = Checkpointer::start(path);
        }
        if let Some(c) = slot.as_ref() {
            c.poke();
        }
    }

    /// Inside [`Db::batch`]: remember that a backup is due instead of copying a database
    /// that is half-way through a transaction. `true` when deferred.
    pub(crate) fn defer_backup(&self, reason: crate::backup::Reason) -> bool {
        if self.conn.is_autocommit() {
            return false;
        }
        self.deferred_backup.set(Some(reason));
        true
    }
}

/// Harden a connection that is not a [`Db`] and register the schema's functions on it, with
/// a migration's name as the actor (the expected schema, tests).
pub(crate) fn prepare_bare(conn: &Connection) -> rusqlite::Result<()> {
    harden(conn)?;
    let ctx = Arc::new(Mutex::new(AuditContext {
        name: "migration".into(),
        role: None,
        author: None,
        via_package: None,
        merged_by: None,
    }));
    register_audit_functions(conn, &ctx)?;
    search::register_functions(conn)?;
    deflated::register_functions(conn)
}

/// An existing file must be a SQLite database that is either empty of tables or carries our
/// application id. Anything else (another program's database, random bytes) is refused.
fn check_is_pejling(conn: &Connection) -> Result<()> {
    let app_id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema WHERE type = 'table'", [], |r| r.get(0))?;
    if app_id == APPLICATION_ID || tables == 0 {
        return Ok(());
    }
    Err(Error::Storage(rusqlite::Error::InvalidParameterName(format!(
        "application_id {app_id:#x} with {tables} tables"
    ))))
}

pub use live::{AnsweredAt, LiveAuditRow, LiveDeviceRecord};
pub(crate) use meetings::get as meeting;
pub use position_history::ORGANISATION_QUESTIONS;
pub use room::{RoomItem, RoomPoint, RoomStep, RoomView};
pub use search::{MAX_SEARCH_LIMIT, PARTS_SQL, RANK_WINDOW, WORDS_SQL};
pub(crate) use walk::record_default_attendance;
pub use walk::{StepTimebox, MAX_POINTS_PER_ITEM, MAX_REASON};

/// `Some(row)` or a typed not-found error.
pub(crate) fn found<T>(row: Option<T>, entity: &'static str, id: i64) -> Result<T> {
    row.ok_or(Error::NotFound { entity, id })
}

pub(crate) trait OptionalRow<T> {
    fn opt(self) -> Result<Option<T>>;
}

impl<T> OptionalRow<T> for rusqlite::Result<T> {
    fn opt(self) -> Result<Option<T>> {
        Ok(self.optional()?)
    }
}

/// Current UTC time in the format the schema uses for `created_at`/`updated_at`.
pub(crate) fn now_utc() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_validate() {
        // As `Migrations::validate`, but with the functions the schema calls (`pejling_stem()`
        // for the search index's backfill, the audit functions for schema 8's uuid backfill)
        // registered, and hardened, as on every connection of the app.
        let mut conn = Connection::open_in_memory().unwrap();
        prepare_bare(&conn).unwrap();
        migrations().to_latest(&mut conn).expect("migrations are valid");
    }

    #[test]
    fn pragmas_are_set_on_a_file_database() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("p.sqlite3")).unwrap();
        let c = db.connection();
        let mode: String = c.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
        let sync: i64 = c.query_row("PRAGMA synchronous", [], |r| r.get(0)).unwrap();
        let fk: i64 = c.query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
        let timeout: i64 = c.query_row("PRAGMA busy_timeout", [], |r| r.get(0)).unwrap();
        let app: i32 = c.query_row("PRAGMA application_id", [], |r| r.get(0)).unwrap();
        assert_eq!(mode, "wal");
        assert_eq!(sync, 2, "FULL");
        assert_eq!(fk, 1);
        assert!(timeout >= 1000);
        assert_eq!(app, APPLICATION_ID);
    }
}
