//! Backups with SQLite's online backup API.
//!
//! Minutes are legal records, so a copy is taken automatically: when the app starts, before
//! every migration, and after a meeting is closed. Copies live next to the database in
//! `backups/`, are written to a temporary file and renamed into place (a crash never leaves a
//! half-written backup under a real name), and are rotated: the newest ten are kept, plus the
//! newest of every earlier month. A restore first checks that the file really is a Pejling
//! database this version can read, backs up the current database, and only then replaces it.

use std::path::{Path, PathBuf};

use chrono::Utc;
use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};
use crate::store::{blobs, schema_version, Db, APPLICATION_ID};
use std::collections::HashSet;

/// How many of the newest backups are always kept.
pub const KEEP_NEWEST: usize = 10;

/// Why a backup was taken; part of its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    Start,
    BeforeMigration,
    MeetingClosed,
    BeforeRestore,
    Manual,
}

impl Reason {
    fn as_str(self) -> &'static str {
        match self {
            Reason::Start => "start",
            Reason::BeforeMigration => "before-migration",
            Reason::MeetingClosed => "meeting-closed",
            Reason::BeforeRestore => "before-restore",
            Reason::Manual => "manual",
        }
    }
}

/// A backup file found on disk.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, specta::Type)]
pub struct BackupFile {
    pub path: String,
    /// UTC time it was taken, `YYYY-MM-DDTHH:MM:SSZ`, from its name.
    pub taken_at: String,
    pub reason: String,
    pub bytes: u64,
}

/// The backups directory of the database at `db_path`.
pub fn dir_for(db_path: &Path) -> PathBuf {
    db_path.parent().unwrap_or(Path::new(".")).join("backups")
}

/// Copy the open database `conn` to `dest` with the online backup API, atomically: in one
/// step, one read transaction, so writers elsewhere neither block nor restart it.
pub fn copy_to(conn: &Connection, dest: &Path) -> Result<()> {
    copy_in_steps(conn, dest, -1)
}

/// As [`copy_to`], `pages` pages per step (`-1`: all in one step, one read transaction).
fn copy_in_steps(conn: &Connection, dest: &Path, pages: std::ffi::c_int) -> Result<()> {
    if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = dest.with_extension("partial");
    let _ = std::fs::remove_file(&tmp);
    {
        let mut out = Connection::open(&tmp)?;
        let backup = rusqlite::backup::Backup::new(conn, &mut out)?;
        // As `run_to_completion`, which refuses `-1`.
        use rusqlite::backup::StepResult;
        loop {
            match backup.step(pages)? {
                StepResult::Done => break,
                StepResult::More => {}
                _ => std::thread::sleep(std::time::Duration::from_millis(5)),
            }
        }
    }
    std::fs::File::open(&tmp)?.sync_all()?;
    std::fs::rename(&tmp, dest)?;
    if let Some(dir) = dest.parent() {
        // Make the rename durable too.
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
    }
    Ok(())
}

impl Db {
    /// Write a backup of this database to `dest`: from a read connection of its own, in one
    /// step (see [`copy_to`]).
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        match self.path() {
            Some(path) => {
                copy_to(&read_connection(path)?, dest)?;
                copy_blobs(dest, &blobs::dir_beside(path))?;
            }
            None => {
                copy_to(self.connection(), dest)?;
                // In memory: the files are in memory too; write them beside the copy.
                let dir = blobs::dir_beside(dest);
                for sha in blob_refs(dest)? {
                    if !blobs::path_in(&dir, &sha).exists() {
                        let bytes = self.blob(&sha)?;
                        std::fs::create_dir_all(dir.join(&sha[..2]))?;
                        std::fs::write(blobs::path_in(&dir, &sha), bytes)?;
                    }
                }
            }
        }
        Ok(())
    }

    /// Take an automatic backup into the `backups/` directory and rotate old ones, from a
    /// read connection of its own in one step. Returns the new file, or `None` for an
    /// in-memory database. Inside [`Db::batch`] the backup is taken after the batch
    /// commits, and `None` is returned here.
    pub fn auto_backup(&self, reason: Reason) -> Result<Option<PathBuf>> {
        let Some(path) = self.path() else { return Ok(None) };
        if self.defer_backup(reason) {
            return Ok(None);
        }
        auto_backup_file(path, reason).map(Some)
    }
}

/// A connection that only reads the database at `path`, for a backup beside the app's.
fn read_connection(path: &Path) -> Result<Connection> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    crate::store::harden(&conn)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.pragma_update(None, "query_only", true)?;
    Ok(conn)
}

/// Rotate the backups in `dir`; a failure is reported, never returned: the backup itself is
/// written, and the change it follows is committed.
fn rotate_quietly(dir: &Path) {
    if let Err(e) = rotate(dir) {
        eprintln!("Pejling: old backups in {} could not be rotated: {e}", dir.display());
    }
}

pub(crate) fn auto_backup_conn(conn: &Connection, db_path: &Path, reason: Reason) -> Result<PathBuf> {
    let dir = dir_for(db_path);
    let stamp = Utc::now().format("%Y%m%dT%H%M%S%3fZ");
    let dest = dir.join(format!("pejling-{stamp}-{}.sqlite3", reason.as_str()));
    copy_to(conn, &dest)?;
    copy_blobs(&dest, &blobs::dir_beside(db_path))?;
    rotate_quietly(&dir);
    Ok(dest)
}

/// Take an automatic backup of the database at `db_path` through a connection of its own, so
/// that it can run on another thread while the app works: the app's start-up backup of a
/// large archive takes seconds and must not hold the window back. The copy is one step of
/// the online backup API, one read transaction: a consistent snapshot that the app's writes
/// meanwhile neither block (WAL readers never block the writer) nor restart.
pub fn auto_backup_file(db_path: &Path, reason: Reason) -> Result<PathBuf> {
    let conn = read_connection(db_path)?;
    let dir = dir_for(db_path);
    let stamp = Utc::now().format("%Y%m%dT%H%M%S%3fZ");
    let dest = dir.join(format!("pejling-{stamp}-{}.sqlite3", reason.as_str()));
    copy_in_steps(&conn, &dest, -1)?;
    copy_blobs(&dest, &blobs::dir_beside(db_path))?;
    rotate_quietly(&dir);
    Ok(dest)
}

/// The SHA-256 of every bilag file a database (or backup) file refers to; none before
/// schema 13.
pub fn blob_refs(path: &Path) -> Result<HashSet<String>> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    crate::store::harden(&conn)?;
    let has: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_schema WHERE type = 'table' AND name = 'attachment'",
        [],
        |r| r.get(0),
    )?;
    if !has {
        return Ok(HashSet::new());
    }
    let mut stmt = conn.prepare("SELECT DISTINCT sha256 FROM attachment")?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<HashSet<_>>>()?;
    Ok(rows)
}

/// Copy the bilag files the backup `dest` refers to from the bilag folder `from_dir` into the
/// `bilag/` folder beside `dest` — each file once: a file already there (from an earlier
/// backup) is not copied again, so backups of a workspace with large bilag cost the new bilag
/// only. A file missing from `from_dir` is reported and skipped: the backup of the record
/// itself stands. Returns how many files were copied.
pub fn copy_blobs(dest: &Path, from_dir: &Path) -> Result<usize> {
    let to = blobs::dir_beside(dest);
    let mut copied = 0;
    for sha in blob_refs(dest)? {
        let src = blobs::path_in(from_dir, &sha);
        if !src.exists() {
            if !blobs::path_in(&to, &sha).exists() {
                eprintln!("Pejling: the bilag file {sha} is missing from {}", from_dir.display());
            }
            continue;
        }
        if blobs::copy_into(&src, &to, &sha)? {
            copied += 1;
        }
    }
    Ok(copied)
}

fn parse_name(name: &str) -> Option<(String, String)> {
    // pejling-20261123T093000123Z-start.sqlite3
    let rest = name.strip_prefix("pejling-")?.strip_suffix(".sqlite3")?;
    let (stamp, reason) = rest.split_once('-')?;
    let t = chrono::NaiveDateTime::parse_from_str(stamp, "%Y%m%dT%H%M%S%3fZ").ok()?;
    Some((t.format("%Y-%m-%dT%H:%M:%SZ").to_string(), reason.to_owned()))
}

/// Backups in `dir`, newest first.
pub fn list(dir: &Path) -> Result<Vec<BackupFile>> {
    let mut out = Vec::new();
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
        Err(e) => return Err(e.into()),
    };
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some((taken_at, reason)) = parse_name(&name) {
            out.push(BackupFile {
                path: entry.path().display().to_string(),
                taken_at,
                reason,
                bytes: entry.metadata()?.len(),
            });
        }
    }
    // Names sort by time; ties cannot happen within a millisecond from one process.
    out.sort_by(|a, b| b.path.cmp(&a.path));
    Ok(out)
}

/// Keep the newest [`KEEP_NEWEST`], plus the newest backup of each earlier month.
pub fn rotate(dir: &Path) -> Result<Vec<PathBuf>> {
    // A backup cut short by a crash leaves its `.partial` file; it never got a real name.
    // One younger than a few minutes may be another process's backup in progress.
    let stale = |e: &std::fs::DirEntry| {
        e.metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > std::time::Duration::from_secs(300))
    };
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("pejling-") && name.ends_with(".partial") && stale(&entry) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    let all = list(dir)?;
    let mut months_kept = std::collections::HashSet::new();
    let mut removed = Vec::new();
    for (i, b) in all.iter().enumerate() {
        let month = b.taken_at[..7].to_owned();
        let keep = i < KEEP_NEWEST || months_kept.insert(month.clone());
        if i < KEEP_NEWEST {
            months_kept.insert(month);
        }
        if !keep {
            std::fs::remove_file(&b.path)?;
            removed.push(PathBuf::from(&b.path));
        }
    }
    // Bilag files no kept backup refers to any more go with the last backup that did.
    let blob_dir = blobs::dir_beside(&dir.join("x"));
    if blob_dir.is_dir() {
        let mut referenced = HashSet::new();
        for b in list(dir)? {
            referenced.extend(blob_refs(Path::new(&b.path))?);
        }
        blobs::remove_unreferenced_in(&blob_dir, &referenced)?;
    }
    Ok(removed)
}

/// Check that `path` is a Pejling database this version can open, without changing it: our
/// application id, a schema version this build reads, every page sound, and the schema
/// exactly what Pejling's migrations make for that version.
pub fn verify(path: &Path) -> Result<()> {
    let not_ours = |detail: String| Error::NotAPejlingDatabase { path: path.display().to_string(), detail };
    if !path.is_file() {
        return Err(not_ours("not a file".into()));
    }
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    crate::store::harden(&conn).map_err(|e| not_ours(e.to_string()))?;
    let check = || -> rusqlite::Result<(i32, i64, String)> {
        let app: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let ok: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        Ok((app, version, ok))
    };
    let (app, version, ok) = check().map_err(|e| not_ours(e.to_string()))?;
    if app != APPLICATION_ID {
        return Err(not_ours(format!("application_id {app:#x}")));
    }
    if version > schema_version() {
        return Err(Error::DatabaseTooNew { found: version, supported: schema_version() });
    }
    if ok != "ok" {
        return Err(not_ours(ok));
    }
    crate::store::schema::check(&conn, version).map_err(not_ours)?;
    Ok(())
}

/// Remove the `-wal`, `-shm` and `-journal` files beside `path`. Only for a file no
/// connection has open and nothing has written to (a fresh copy that was only read).
fn remove_sidecars(path: &Path) {
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut side = path.as_os_str().to_owned();
        side.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(side));
    }
}

/// Make a rename in `dir` durable.
fn sync_dir(dir: Option<&Path>) {
    if let Some(dir) = dir.filter(|d| !d.as_os_str().is_empty()) {
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
    }
}

/// What must run before a restore replaces a database file, registered by a layer above the
/// core: the live session (`pejling-live`) registers the function that stops every session
/// this process runs on the file, telling its participants. The first registration holds.
pub fn before_replace(hook: fn(&Path) -> usize) {
    let _ = REPLACE_HOOK.set(hook);
}

static REPLACE_HOOK: std::sync::OnceLock<fn(&Path) -> usize> = std::sync::OnceLock::new();

/// Replace the database at `db_path` with the backup `from`. The current database (if any
/// and readable) is backed up first; a file that is not a valid Pejling database (the schema
/// check included) is refused and nothing changes.
///
/// Only with the database's instance lock held (`lock`): no other Pejling — the app, or
/// `pejling serve` — may be writing to the file, or its acknowledged writes would go to the
/// replaced file and be lost. A live session this process runs on the database is stopped
/// first, before the current database is backed up. The new file is copied beside the
/// database, checked, synced and renamed into place, and the directory synced; nothing is
/// left beside it. The caller must have closed its own connections to `db_path`.
pub fn restore(from: &Path, db_path: &Path, lock: &crate::instance::InstanceLock) -> Result<Option<PathBuf>> {
    if !lock.holds(db_path) {
        return Err(Error::Conflict(
            crate::error::Message::new("error-restore-database-in-use").arg("path", db_path.display()),
        ));
    }
    verify(from)?;
    if let Some(stop_live_sessions) = REPLACE_HOOK.get() {
        stop_live_sessions(db_path);
    }
    // Copy the chosen file first: saving the current database below rotates the backups
    // directory, which may remove `from` when it is an old backup.
    let tmp = db_path.with_extension("restoring");
    let _ = std::fs::remove_file(&tmp);
    remove_sidecars(&tmp);
    {
        let src = Connection::open_with_flags(from, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        copy_in_steps(&src, &tmp, -1)?;
    }
    let checked = verify(&tmp);
    remove_sidecars(&tmp);
    if let Err(e) = checked {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    // The restored record's bilag files, from the backup's bilag folder, before anything
    // below may rotate that backup away. Files already in the workspace are not copied.
    let workspace_blobs = blobs::dir_beside(db_path);
    let backup_blobs = blobs::dir_beside(from);
    for sha in blob_refs(&tmp)? {
        let src = blobs::path_in(&backup_blobs, &sha);
        if !blobs::path_in(&workspace_blobs, &sha).exists() && src.exists() {
            blobs::copy_into(&src, &workspace_blobs, &sha)?;
        }
    }
    // Reading the copy's bilag rows left its -wal/-shm beside it: nothing may stay behind.
    remove_sidecars(&tmp);
    let mut saved = None;
    if db_path.exists() && verify(db_path).is_ok() {
        let conn = Connection::open(db_path)?;
        saved = Some(auto_backup_conn(&conn, db_path, Reason::BeforeRestore)?);
        conn.close().map_err(|(_, e)| e)?;
    } else if db_path.exists() {
        // A damaged current file is kept aside, never overwritten.
        let aside = set_aside(db_path)?;
        saved = Some(aside);
    }
    remove_sidecars(db_path);
    let _ = std::fs::remove_file(crate::store::clean::marker_path(db_path));
    std::fs::File::open(&tmp)?.sync_all()?;
    std::fs::rename(&tmp, db_path)?;
    sync_dir(db_path.parent());
    Ok(saved)
}

/// Move a damaged database (and its WAL files) aside as `<name>.damaged-<time>`; returns the
/// new path.
pub fn set_aside(db_path: &Path) -> Result<PathBuf> {
    let stamp = Utc::now().format("%Y%m%dT%H%M%SZ");
    let aside = PathBuf::from(format!("{}.damaged-{stamp}", db_path.display()));
    std::fs::rename(db_path, &aside)?;
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", db_path.display()));
        if side.exists() {
            std::fs::rename(&side, format!("{}{suffix}", aside.display()))?;
        }
    }
    Ok(aside)
}

/// The newest backup in the database's `backups/` directory that verifies.
pub fn newest_good(db_path: &Path) -> Result<Option<BackupFile>> {
    Ok(list(&dir_for(db_path))?.into_iter().find(|b| verify(Path::new(&b.path)).is_ok()))
}

/// What the app shows when its database cannot be opened: why, and the backups that would
/// open, newest first.
#[derive(Debug, Clone, serde::Serialize, specta::Type)]
pub struct RecoveryInfo {
    pub error: crate::ApiError,
    pub db_path: String,
    pub backups: Vec<BackupFile>,
}

/// The recovery screen's data for the database at `db_path` that failed with `error`.
pub fn recovery_info(db_path: &Path, error: crate::ApiError) -> Result<RecoveryInfo> {
    let backups = list(&dir_for(db_path))?.into_iter().filter(|b| verify(Path::new(&b.path)).is_ok()).collect();
    Ok(RecoveryInfo { error, db_path: db_path.display().to_string(), backups })
}
