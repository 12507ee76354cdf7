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
use crate::store::clean::FileIdentity;
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
    let lock = lock_dir(dir);
    if let Err(e) = rotate(dir) {
        eprintln!("Pejling: old backups in {} could not be rotated: {e}", dir.display());
    }
    if let Err(e) = pack_older(dir) {
        eprintln!("Pejling: old backups in {} could not be packed: {e}", dir.display());
    }
    drop(lock);
}

pub(crate) fn auto_backup_conn(conn: &Connection, db_path: &Path, reason: Reason) -> Result<PathBuf> {
    let dir = dir_for(db_path);
    let stamp = Utc::now().format("%Y%m%dT%H%M%S%3fZ");
    let dest = dir.join(format!("pejling-{stamp}-{}.sqlite3", reason.as_str()));
    copy_to(conn, &dest)?;
    copy_blobs(&dest, &blobs::dir_beside(db_path))?;
    forget_stamp(&dir);
    rotate_quietly(&dir);
    Ok(dest)
}

/// Take an automatic backup of the database at `db_path` through a connection of its own, so
/// that it can run on another thread while the app works: the app's start-up backup of a
/// large archive takes seconds and must not hold the window back. The copy is one step of
/// the online backup API, one read transaction: a consistent snapshot that the app's writes
/// meanwhile neither block (WAL readers never block the writer) nor restart.
pub fn auto_backup_file(db_path: &Path, reason: Reason) -> Result<PathBuf> {
    if reason == Reason::Start {
        if let Some(last) = unchanged_since_last(db_path) {
            return Ok(last);
        }
    }
    let started = std::time::SystemTime::now();
    let before = quiet_identity(db_path);
    let conn = read_connection(db_path)?;
    let dir = dir_for(db_path);
    let stamp = Utc::now().format("%Y%m%dT%H%M%S%3fZ");
    let dest = dir.join(format!("pejling-{stamp}-{}.sqlite3", reason.as_str()));
    copy_in_steps(&conn, &dest, -1)?;
    drop(conn);
    copy_blobs(&dest, &blobs::dir_beside(db_path))?;
    // The copy is of the file as it was before and after it: no write happened between.
    let after = quiet_identity(db_path);
    match (before, after) {
        (Some(b), Some(a)) if b == a && settled(&b, started) => write_stamp(&dir, &b, &dest),
        _ => forget_stamp(&dir),
    }
    rotate_quietly(&dir);
    Ok(dest)
}

// ---- "nothing changed since the last backup" ------------------------------------------------
//
// A start-up backup of a municipal archive copies 1.4 GB, at every launch, usually of exactly
// the file the last backup already holds. Whether anything changed is told without reading
// the file, by the same means as the clean-close marker (`store::clean`): the database file's
// identity — size, modification time to the nanosecond, inode and device — with no WAL frames
// beside it. A backup whose snapshot was taken while the file had one identity before and
// after and an empty WAL is exactly that file's content; it records the identity in
// `backups/last-backup`, with the backup's own identity. A later start-up backup is skipped
// only while both still hold. Any write since — by Pejling (WAL frames, then a checkpoint
// that changes the file's time), by another program (the file's time or size), a restore (a
// new inode), a changed or replaced backup file — fails the comparison, and the copy is
// taken. A false "changed" costs a copy; a false "unchanged" cannot arise from any write
// through SQLite or the file system short of forging the file's time. (A file written less
// than `SETTLED` before the snapshot is not recorded: its time may not yet tell later writes
// apart; the next start-up backup copies it once more.)

/// How long before a backup the database file must have been written last for its identity
/// to be recorded. File systems take a file's modification time from a coarse clock (a few
/// ms): a write in the same tick as the one before could leave size and time as they were.
/// A file last written at least this long before the snapshot began has a time that any
/// later write changes.
const SETTLED: std::time::Duration = std::time::Duration::from_millis(100);

fn settled(id: &FileIdentity, started: std::time::SystemTime) -> bool {
    let started_ns = match started.duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(_) => return false,
    };
    id.modified_ns + (SETTLED.as_nanos() as i128) < started_ns
}

/// The file in the backups directory that records what the newest backup holds.
const STAMP_FILE: &str = "last-backup";
const STAMP_MAGIC: &str = "pejling-last-backup 1";

/// The database file's identity when no WAL frames lie beside it (the `-wal` file is absent
/// or empty), else `None`: then the file alone does not say what the database holds.
fn quiet_identity(db_path: &Path) -> Option<FileIdentity> {
    let wal = crate::store::clean::wal_path(db_path);
    match std::fs::metadata(&wal) {
        Ok(m) if m.len() > 0 => return None,
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return None,
        _ => {}
    }
    FileIdentity::of(db_path).ok()
}

fn identity_text(label: &str, id: &FileIdentity) -> String {
    let (dev, ino) = id.dev_ino.unwrap_or((0, 0));
    format!("{label} {} {} {dev} {ino}\n", id.size, id.modified_ns)
}

fn parse_identity(line: &str, label: &str) -> Option<FileIdentity> {
    let mut f = line.strip_prefix(label)?.split_whitespace();
    let size = f.next()?.parse().ok()?;
    let modified_ns = f.next()?.parse().ok()?;
    let (dev, ino): (u64, u64) = (f.next()?.parse().ok()?, f.next()?.parse().ok()?);
    let dev_ino = if cfg!(unix) { Some((dev, ino)) } else { None };
    Some(FileIdentity { size, modified_ns, dev_ino })
}

/// Record that the backup `dest` holds the database file of identity `db`.
fn write_stamp(dir: &Path, db: &FileIdentity, dest: &Path) {
    let write = || -> Result<()> {
        let name = dest.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let text = format!(
            "{STAMP_MAGIC}\n{}{}file {name}\n",
            identity_text("database", db),
            identity_text("backup", &FileIdentity::of(dest)?)
        );
        let tmp = dir.join(format!("{STAMP_FILE}.tmp"));
        {
            use std::io::Write;
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(text.as_bytes())?;
            f.sync_all()?;
        }
        std::fs::rename(&tmp, dir.join(STAMP_FILE))?;
        Ok(())
    };
    if write().is_err() {
        forget_stamp(dir);
    }
}

fn forget_stamp(dir: &Path) {
    let _ = std::fs::remove_file(dir.join(STAMP_FILE));
}

/// The newest backup, if the database is exactly what it holds (see above).
pub fn unchanged_since_last(db_path: &Path) -> Option<PathBuf> {
    let dir = dir_for(db_path);
    let text = std::fs::read_to_string(dir.join(STAMP_FILE)).ok()?;
    let mut lines = text.lines();
    (lines.next()? == STAMP_MAGIC).then_some(())?;
    let db = parse_identity(lines.next()?, "database ")?;
    let backup = parse_identity(lines.next()?, "backup ")?;
    let name = lines.next()?.strip_prefix("file ")?;
    parse_name(name)?;
    let path = dir.join(name);
    // Still the newest backup, unchanged since it was written, of the file as it is now.
    let newest = list(&dir).ok()?.into_iter().next()?;
    (Path::new(&newest.path) == path).then_some(())?;
    (FileIdentity::of(&path).ok()? == backup).then_some(())?;
    (quiet_identity(db_path)? == db).then_some(path)
}

/// The SHA-256 of every bilag file a database (or backup) file refers to; none before
/// schema 13.
pub fn blob_refs(path: &Path) -> Result<HashSet<String>> {
    if is_packed(path) {
        return Ok(Packed::read(path)?.bilag.into_iter().collect());
    }
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
    // pejling-20261123T093000123Z-start.pages: the same, packed (see `Packed`).
    let rest = name.strip_prefix("pejling-")?;
    let rest = rest.strip_suffix(".sqlite3").or_else(|| rest.strip_suffix(".pages"))?;
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
            // A packed backup's size is that of the database it restores.
            let bytes = match is_packed(&entry.path()) {
                true => Packed::read(&entry.path()).map_or(0, |p| p.bytes),
                false => entry.metadata()?.len(),
            };
            out.push(BackupFile { path: entry.path().display().to_string(), taken_at, reason, bytes });
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
    if is_packed(path) {
        // Checked as what it restores: the database put together from its pages.
        let whole = path.with_extension("verifying");
        let _ = std::fs::remove_file(&whole);
        let out = Packed::read(path).and_then(|p| p.unpack(&whole)).and_then(|()| verify(&whole));
        let _ = std::fs::remove_file(&whole);
        remove_sidecars(&whole);
        return out.map_err(|e| match e {
            Error::DatabaseTooNew { .. } => e,
            other => not_ours(other.to_string()),
        });
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
    if !is_packed(from) {
        verify(from)?;
    }
    if let Some(stop_live_sessions) = REPLACE_HOOK.get() {
        stop_live_sessions(db_path);
    }
    // Copy the chosen file first: saving the current database below rotates the backups
    // directory, which may remove `from` when it is an old backup.
    let tmp = db_path.with_extension("restoring");
    let _ = std::fs::remove_file(&tmp);
    remove_sidecars(&tmp);
    if is_packed(from) {
        // Put together from its pages (each checked against its SHA-256), then checked as a
        // whole below, exactly as a plain backup.
        if let Err(e) = Packed::read(from).and_then(|p| p.unpack(&tmp)) {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
    } else {
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

// ---- older backups share their pages ----------------------------------------------------------
//
// Ten backups of a 1.4 GB archive, plus one per earlier month, would take 14 GB and more, and
// nearly all of it the same pages ten times over. So only the newest backup is kept as a
// plain SQLite file (it opens as it is); when a newer one arrives, the older ones are
// *packed*: the file is cut into chunks of `CHUNK` bytes (32 pages of 8 KiB; 64 in a database
// made before schema 17, with 4 KiB pages), each chunk is stored once under its SHA-256 in
// `backups/pages/aa/<sha256>`, and the backup becomes a small
// manifest `pejling-<time>-<reason>.pages` listing its chunks in order (and the bilag files it
// refers to, so the rotation need not put it together to know them). A chunk that is already
// there — the same pages in an earlier backup — is not written again: a packed backup costs
// only the chunks it changed. Restoring or checking a packed backup puts the file together
// again, every chunk checked against its SHA-256, and then checks it exactly as a plain one
// (application id, schema version, every page, the schema). Chunks no kept backup lists are
// removed by the rotation. The rotation's disk use is then one plain copy, one copy's worth of
// chunks, and the chunks the edits between backups changed.

/// Bytes per chunk of a packed backup.
pub const CHUNK: usize = 256 * 1024;
const PACK_MAGIC: &str = "pejling-pages 1";

/// Whether `path` names a packed backup.
pub fn is_packed(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "pages")
}

/// The chunks of the packed backups in the backups directory `dir`.
pub fn chunk_dir(dir: &Path) -> PathBuf {
    dir.join("pages")
}

/// Serialise packing and chunk removal in one backups directory between threads and
/// processes (the app's start-up backup, a CLI backup): an advisory lock on `backups/.lock`.
fn lock_dir(dir: &Path) -> Option<std::fs::File> {
    std::fs::create_dir_all(dir).ok()?;
    let f = std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(dir.join(".lock")).ok()?;
    f.lock().ok()?;
    Some(f)
}

/// A packed backup's manifest.
struct Packed {
    /// Where its chunks are.
    chunks_dir: PathBuf,
    /// Length of the database it restores.
    bytes: u64,
    chunk: usize,
    bilag: Vec<String>,
    chunks: Vec<String>,
}

impl Packed {
    fn read(path: &Path) -> Result<Packed> {
        let bad = |detail: &str| Error::NotAPejlingDatabase {
            path: path.display().to_string(),
            detail: format!("packed backup: {detail}"),
        };
        let text = std::fs::read_to_string(path)?;
        let mut lines = text.lines();
        if lines.next() != Some(PACK_MAGIC) {
            return Err(bad("not a manifest"));
        }
        let mut field = |name: &str| -> Result<u64> {
            lines
                .next()
                .and_then(|l| l.strip_prefix(name))
                .and_then(|v| v.trim().parse().ok())
                .ok_or_else(|| bad(name.trim()))
        };
        let bytes = field("bytes ")?;
        let chunk = field("chunk ")? as usize;
        let (mut bilag, mut chunks) = (Vec::new(), Vec::new());
        for l in lines {
            match l.strip_prefix("bilag ") {
                Some(sha) if blobs::is_sha256(sha) => bilag.push(sha.to_owned()),
                None if blobs::is_sha256(l) => chunks.push(l.to_owned()),
                _ => return Err(bad("a line that is neither a chunk nor a bilag file")),
            }
        }
        if chunk == 0 || (chunks.len() as u64) != bytes.div_ceil(chunk as u64) {
            return Err(bad("the chunks do not add up to its length"));
        }
        let chunks_dir = chunk_dir(path.parent().unwrap_or(Path::new(".")));
        Ok(Packed { chunks_dir, bytes, chunk, bilag, chunks })
    }

    /// Write the database this backup holds to `dest` (synced), every chunk checked.
    fn unpack(&self, dest: &Path) -> Result<()> {
        use sha2::{Digest, Sha256};
        use std::io::Write;
        let mut out = std::io::BufWriter::new(std::fs::File::create(dest)?);
        let mut written = 0u64;
        for (i, sha) in self.chunks.iter().enumerate() {
            let bytes = std::fs::read(blobs::path_in(&self.chunks_dir, sha))?;
            let last = i + 1 == self.chunks.len();
            let expected = if last { self.bytes - written } else { self.chunk as u64 };
            if hex_of(&Sha256::digest(&bytes)) != *sha || bytes.len() as u64 != expected {
                return Err(Error::NotAPejlingDatabase {
                    path: dest.display().to_string(),
                    detail: format!("packed backup: chunk {sha} is damaged"),
                });
            }
            out.write_all(&bytes)?;
            written += bytes.len() as u64;
        }
        out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        Ok(())
    }
}

/// Pack the plain backup `full` (see above); returns the manifest's path. The manifest is
/// written, synced and renamed into place before the plain file is removed: a crash leaves
/// the backup in one form or both, never neither.
pub fn pack(full: &Path) -> Result<PathBuf> {
    use sha2::{Digest, Sha256};
    use std::io::{Read, Write};
    let dir = full.parent().unwrap_or(Path::new("."));
    let dest = full.with_extension("pages");
    // Also checks that it is an SQLite file at all.
    let mut bilag: Vec<String> = blob_refs(full)?.into_iter().collect();
    bilag.sort();
    let chunks = chunk_dir(dir);
    let mut src = std::fs::File::open(full)?;
    let bytes = src.metadata()?.len();
    let mut manifest = format!("{PACK_MAGIC}\nbytes {bytes}\nchunk {CHUNK}\n");
    for sha in &bilag {
        manifest.push_str(&format!("bilag {sha}\n"));
    }
    let mut buf = vec![0u8; CHUNK];
    let mut new_dirs = HashSet::new();
    loop {
        let mut n = 0;
        while n < CHUNK {
            match src.read(&mut buf[n..])? {
                0 => break,
                k => n += k,
            }
        }
        if n == 0 {
            break;
        }
        let sha = hex_of(&Sha256::digest(&buf[..n]));
        let at = blobs::path_in(&chunks, &sha);
        if !at.exists() {
            let sub = at.parent().expect("a chunk's folder");
            std::fs::create_dir_all(sub)?;
            let tmp = sub.join(format!("{sha}.{}.tmp", std::process::id()));
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(&buf[..n])?;
            f.sync_all()?;
            std::fs::rename(&tmp, &at)?;
            new_dirs.insert(sub.to_path_buf());
        }
        manifest.push_str(&sha);
        manifest.push('\n');
        if n < CHUNK {
            break;
        }
    }
    for d in &new_dirs {
        sync_dir(Some(d));
    }
    let tmp = full.with_extension("partial");
    {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(manifest.as_bytes())?;
        f.sync_all()?;
    }
    std::fs::rename(&tmp, &dest)?;
    sync_dir(Some(dir));
    std::fs::remove_file(full)?;
    Ok(dest)
}

/// Pack every plain backup in `dir` but the newest, then remove the chunks no kept backup
/// lists. A file that is not an SQLite database (not a Pejling backup) is left as it is.
pub fn pack_older(dir: &Path) -> Result<usize> {
    let all = list(dir)?;
    let mut packed = 0;
    for b in all.iter().skip(1) {
        let path = Path::new(&b.path);
        if !is_packed(path) && is_sqlite_file(path) {
            match pack(path) {
                Ok(_) => packed += 1,
                Err(e) => eprintln!("Pejling: the backup {} could not be packed: {e}", b.path),
            }
        }
    }
    let chunks = chunk_dir(dir);
    if chunks.is_dir() {
        let mut listed = HashSet::new();
        for b in list(dir)? {
            let path = Path::new(&b.path);
            if is_packed(path) {
                // An unreadable manifest keeps every chunk: nothing is removed on a doubt.
                listed.extend(Packed::read(path)?.chunks);
            }
        }
        remove_unlisted_chunks(&chunks, &listed)?;
    }
    Ok(packed)
}

fn hex_of(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn is_sqlite_file(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 16];
    std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut head)).is_ok() && &head == b"SQLite format 3\0"
}

fn remove_unlisted_chunks(chunks: &Path, listed: &HashSet<String>) -> Result<usize> {
    let mut removed = 0;
    for sub in std::fs::read_dir(chunks)?.flatten() {
        for f in std::fs::read_dir(sub.path()).into_iter().flatten().flatten() {
            let name = f.file_name().to_string_lossy().into_owned();
            // A `.tmp` of a packing cut short; another packing holds the directory's lock.
            if !listed.contains(&name) {
                std::fs::remove_file(f.path())?;
                removed += 1;
            }
        }
    }
    Ok(removed)
}

/// Disk use of the backups directory `dir` — plain copies, manifests, chunks and bilag files —
/// in bytes of allocated blocks (on unix; elsewhere the files' lengths).
pub fn disk_use(dir: &Path) -> u64 {
    fn walk(p: &Path) -> u64 {
        let Ok(meta) = std::fs::symlink_metadata(p) else { return 0 };
        if meta.is_dir() {
            return std::fs::read_dir(p).into_iter().flatten().flatten().map(|e| walk(&e.path())).sum();
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            meta.blocks() * 512
        }
        #[cfg(not(unix))]
        meta.len()
    }
    walk(dir)
}
