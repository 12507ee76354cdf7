//! One app per database.
//!
//! Two windows writing the same minutes would each show the other's edits late or not at all,
//! and an approval in one could race an edit in the other. So the desktop app runs once per
//! database file: a second launch with the same database hands over to the first (the shell's
//! single-instance plugin, keyed by [`instance_id`], focuses the running window), while a
//! launch with a different `--db`/`PEJLING_DB` is a different workspace and runs beside it.
//!
//! The plugin needs a desktop session bus on Linux; without one it lets every launch through.
//! [`InstanceLock`] is the backstop that holds everywhere: an exclusive OS file lock next to
//! the database, taken before the database is opened, so a second app on the same file is
//! refused with a clear message instead of opening it twice. The CLI takes the lock only to
//! replace the file (`pejling restore`, refused while the app or `pejling serve` has it) and
//! to serve a live session; `pejling backup` or `pejling show-meeting` beside a running app
//! is safe (SQLite's own locking serialises the writes).

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::{Error, Message, Result};

/// The database path as the OS resolves it, so `./p.sqlite3`, `/abs/p.sqlite3` and a
/// symlinked directory name one database. The file need not exist yet (its directory is
/// resolved when it exists).
pub fn canonical_db_path(db_path: &Path) -> PathBuf {
    if let Ok(p) = db_path.canonicalize() {
        return p;
    }
    let abs = std::path::absolute(db_path).unwrap_or_else(|_| db_path.to_path_buf());
    match (abs.parent().and_then(|d| d.canonicalize().ok()), abs.file_name()) {
        (Some(dir), Some(name)) => dir.join(name),
        _ => abs,
    }
}

/// The single-instance key of the database at `db_path`: the app identifier plus a hash of
/// the canonical path, a valid D-Bus well-known name (elements of `[A-Za-z0-9_]`, none
/// starting with a digit, well under 255 characters).
pub fn instance_id(app_identifier: &str, db_path: &Path) -> String {
    let canonical = canonical_db_path(db_path);
    let digest = Sha256::digest(canonical.as_os_str().as_encoded_bytes());
    let hex: String = digest[..10].iter().map(|b| format!("{b:02x}")).collect();
    let app: String =
        app_identifier.chars().map(|c| if c.is_ascii_alphanumeric() || c == '.' { c } else { '_' }).collect();
    format!("{app}.db_{hex}")
}

/// An exclusive lock on `<database>.lock`, held while the app has the database open; released
/// when dropped or when the process ends (also by a crash or SIGKILL: the OS drops the lock).
#[derive(Debug)]
pub struct InstanceLock {
    _file: File,
    path: PathBuf,
}

impl InstanceLock {
    /// Take the lock of the database at `db_path`, or fail with a conflict that says the
    /// database is already open in another Pejling window.
    pub fn acquire(db_path: &Path) -> Result<InstanceLock> {
        let path = lock_path(db_path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let file = OpenOptions::new().create(true).truncate(false).read(true).write(true).open(&path)?;
        match file.try_lock() {
            Ok(()) => Ok(InstanceLock { _file: file, path }),
            Err(TryLockError::WouldBlock) => {
                Err(Error::Conflict(Message::new("error-database-in-use").arg("path", db_path.display())))
            }
            Err(TryLockError::Error(e)) => Err(e.into()),
        }
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether this is the lock of the database at `db_path`.
    pub fn holds(&self, db_path: &Path) -> bool {
        self.path == lock_path(db_path)
    }
}

/// The lock file of the database at `db_path`.
fn lock_path(db_path: &Path) -> PathBuf {
    PathBuf::from(format!("{}.lock", canonical_db_path(db_path).display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_database_gets_the_same_id_however_it_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("pejling.sqlite3");
        let a = instance_id("dk.pejling.app", &db);
        let dotted = dir.path().join(".").join("pejling.sqlite3");
        assert_eq!(a, instance_id("dk.pejling.app", &dotted), "before the file exists");
        std::fs::write(&db, b"").unwrap();
        assert_eq!(a, instance_id("dk.pejling.app", &db), "after it exists");
        #[cfg(unix)]
        {
            let link = dir.path().join("link");
            std::os::unix::fs::symlink(dir.path(), &link).unwrap();
            assert_eq!(a, instance_id("dk.pejling.app", &link.join("pejling.sqlite3")));
        }
        let other = instance_id("dk.pejling.app", &dir.path().join("andet.sqlite3"));
        assert_ne!(a, other, "another database is another instance");
    }

    #[test]
    fn the_id_is_a_valid_dbus_name() {
        let id = instance_id("dk.pejling-app", Path::new("/tmp/æøå med mellemrum/p.sqlite3"));
        assert!(id.len() < 255);
        for element in id.split('.') {
            assert!(!element.is_empty());
            assert!(!element.starts_with(|c: char| c.is_ascii_digit()), "{id}");
            assert!(element.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'), "{id}");
        }
    }

    #[test]
    fn a_second_lock_on_the_same_database_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("pejling.sqlite3");
        let first = InstanceLock::acquire(&db).unwrap();
        let e = InstanceLock::acquire(&db).unwrap_err();
        assert_eq!(e.kind(), crate::ErrorKind::Conflict);
        assert!(e.to_string().contains("allerede åben"), "{e}");
        // Another database is not affected.
        let _other = InstanceLock::acquire(&dir.path().join("andet.sqlite3")).unwrap();
        drop(first);
        InstanceLock::acquire(&db).unwrap();
    }
}
