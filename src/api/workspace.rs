//! The open workspace: one database file, claimed by this process, opened once, backed up at
//! start on a thread of its own, replaced only through [`Workspace::reopen_after`].

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use crate::backup::{self, RecoveryInfo};
use crate::error::Message;
use crate::{ApiError, Db, Error};

use super::Res;

/// The open workspace, or why it could not be opened (then the UI shows the recovery screen).
pub struct Workspace {
    path: PathBuf,
    db: Mutex<std::result::Result<Db, ApiError>>,
    /// This process's claim on the database file; `None` when another Pejling has it open (then
    /// nothing here touches the file: no open, no backup, no restore).
    instance: Option<crate::instance::InstanceLock>,
    /// The start-up backup, taken on its own thread and connection after the workspace opens.
    start_backup: Mutex<Option<std::thread::JoinHandle<()>>>,
    /// Where this machine's identity (who is writing) is kept; see `crate::identity`.
    identity_path: PathBuf,
}

/// Lower the calling thread to background priority (CPU nice 19, idle I/O class), so the
/// start-up backup of a large archive does not compete with the window's first paint. Linux
/// only; elsewhere the thread keeps normal priority. Failure is harmless and ignored.
fn background_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: both calls only change the scheduling of the calling thread (its own tid);
    // no memory is passed or touched.
    unsafe {
        let tid = libc::gettid();
        libc::setpriority(libc::PRIO_PROCESS, tid as libc::id_t, 19);
        const IOPRIO_WHO_PROCESS: libc::c_long = 1;
        const IOPRIO_CLASS_IDLE: libc::c_long = 3;
        libc::syscall(libc::SYS_ioprio_set, IOPRIO_WHO_PROCESS, tid as libc::c_long, IOPRIO_CLASS_IDLE << 13);
    }
}

impl Workspace {
    /// Claim the database, open it and start the start-up backup. The backup of a large
    /// archive takes seconds, so it runs on a thread of its own with its own read connection
    /// (a WAL reader never blocks the app's writes) while the window shows the workspace. A
    /// failed start backup is reported on stderr; the backups list shows which exist. The
    /// backup before a migration stays inside `Db::open`: it must precede the migration.
    pub fn open(path: PathBuf) -> Workspace {
        Workspace::open_as(path, crate::paths::identity_path())
    }

    /// As [`Workspace::open`], with the identity kept at `identity_path` (the test host gives
    /// each browser context its own).
    pub fn open_as(path: PathBuf, identity_path: PathBuf) -> Workspace {
        let instance = crate::instance::InstanceLock::acquire(&path);
        let db = match &instance {
            Ok(_) => Db::open(&path),
            Err(e) => Err(Error::Conflict(e.message())),
        };
        let start_backup = db.is_ok().then(|| {
            let path = path.clone();
            std::thread::spawn(move || {
                background_priority();
                if let Err(e) = backup::auto_backup_file(&path, backup::Reason::Start) {
                    eprintln!("Pejling: the start-up backup failed: {}", ApiError::from(e).message);
                }
            })
        });
        let workspace = Workspace {
            db: Mutex::new(db.map_err(ApiError::from)),
            path,
            instance: instance.ok(),
            start_backup: Mutex::new(start_backup),
            identity_path,
        };
        workspace.apply_identity();
        workspace
    }

    /// Work as this machine's identity, if one is saved: every audit entry records it.
    fn apply_identity(&self) {
        if let (Ok(db), Ok(Some(me))) = (self.lock().as_ref(), crate::identity::load_from(&self.identity_path)) {
            let _ = db.set_identity(&me);
        }
    }

    /// Who works at this machine, or `None` before the first run's question was answered.
    pub fn identity(&self) -> crate::Result<Option<crate::identity::Identity>> {
        crate::identity::load_from(&self.identity_path)
    }

    /// Save who works at this machine (checked: a Danish message otherwise) and work as them
    /// from now on. Saved even while the workspace is on the recovery screen.
    pub fn set_identity(&self, name: &str, role: crate::Role) -> crate::Result<crate::identity::Identity> {
        let saved = crate::identity::save_to(&self.identity_path, &crate::identity::Identity::new(name, role)?)?;
        self.apply_identity();
        Ok(saved)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Why the workspace did not open, if it did not.
    pub fn open_error(&self) -> Option<ApiError> {
        self.lock().as_ref().err().cloned()
    }

    pub fn is_open(&self) -> bool {
        self.lock().is_ok()
    }

    /// Wait until the start-up backup (if one was started) has finished.
    pub fn wait_for_start_backup(&self) {
        let handle = self.start_backup.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(handle) = handle {
            let _ = handle.join();
        }
    }

    /// Refuse to replace a database that another Pejling has open.
    pub fn ensure_owner(&self) -> Res<()> {
        if self.instance.is_some() {
            return Ok(());
        }
        Err(Error::Conflict(Message::new("error-database-in-use").arg("path", self.path.display())).into())
    }

    /// One of this database's automatic backups, by the path the UI got from `list_backups`
    /// (the webview never names an arbitrary file to read).
    pub fn listed_backup(&self, path: &str) -> Res<PathBuf> {
        let listed = backup::list(&backup::dir_for(&self.path))?;
        match listed.into_iter().find(|b| b.path == path) {
            Some(b) => Ok(PathBuf::from(b.path)),
            None => {
                Err(Error::NotAPejlingDatabase { path: path.to_owned(), detail: "not a listed backup".into() }.into())
            }
        }
    }

    fn lock(&self) -> MutexGuard<'_, std::result::Result<Db, ApiError>> {
        // A panic while holding the lock cannot leave a half-written transaction behind
        // (SQLite rolls it back), so a poisoned lock is safe to take over.
        self.db.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// `None` when the workspace is open; otherwise why not and which backups would open.
    pub fn recovery(&self) -> Res<Option<RecoveryInfo>> {
        match self.lock().as_ref() {
            Ok(_) => Ok(None),
            Err(e) => Ok(Some(backup::recovery_info(&self.path, e.clone())?)),
        }
    }

    /// Close the workspace, let `f` replace the file (with this process's instance lock as the
    /// proof that nobody else has it), and open it again as this machine's identity. A live
    /// session writing to this file is stopped first, or a participant's acknowledged position
    /// would be lost.
    pub fn reopen_after(
        &self,
        f: impl FnOnce(&Path, &crate::instance::InstanceLock) -> crate::Result<()>,
    ) -> Res<crate::WorkspaceStatus> {
        self.ensure_owner()?;
        let Some(instance) = self.instance.as_ref() else {
            return Err(Error::Io(std::io::Error::other("no lock")).into());
        };
        crate::live::stop_sessions_on(&self.path);
        // The file is about to be replaced: not while the start backup still reads it.
        self.wait_for_start_backup();
        let mut guard = self.lock();
        *guard = Err(Error::Io(std::io::Error::other("closed for restore")).into());
        let result = f(&self.path, instance);
        *guard = Db::open(&self.path).map_err(ApiError::from);
        drop(guard);
        self.apply_identity();
        let guard = self.lock();
        result?;
        match guard.as_ref() {
            Ok(db) => Ok(db.workspace_status()?),
            Err(e) => Err(e.clone()),
        }
    }

    /// Close the workspace cleanly when the app exits (see `crate::store::clean`): the next
    /// start may then skip the page check. Only on the app's exit — an app that panics or is
    /// killed leaves no marker, and the next start checks every page.
    pub fn close(&self) {
        // A start backup still running would keep the WAL from being checkpointed; let it
        // finish (it is a safety copy of legal records) and then close.
        self.wait_for_start_backup();
        let mut guard = self.lock();
        let db = std::mem::replace(&mut *guard, Err(Error::Io(std::io::Error::other("closed")).into()));
        if let Ok(db) = db {
            if let Err(e) = db.close() {
                eprintln!("Pejling: {}", ApiError::from(e).message);
            }
        }
    }

    /// Run one core call on the database.
    pub fn with<T>(&self, f: impl FnOnce(&mut Db) -> crate::Result<T>) -> Res<T> {
        let mut guard = self.lock();
        match guard.as_mut() {
            Ok(db) => Ok(f(db)?),
            Err(e) => Err(e.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Workspace;

    /// One app per database, where no session bus hands a second launch over: the second app
    /// on the same database opens nothing, takes no backup, says why, and may not restore or
    /// start afresh over the first one's file; another database opens beside it.
    #[test]
    fn a_second_app_on_the_same_database_touches_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pejling.sqlite3");
        let backups = || crate::backup::list(&crate::backup::dir_for(&path)).unwrap().len();
        let first = Workspace::open(path.clone());
        assert!(first.is_open());
        first.wait_for_start_backup();
        let taken = backups();
        assert_eq!(taken, 1, "the first app took its start-up backup");
        let second = Workspace::open(path.clone());
        second.wait_for_start_backup();
        let info = second.recovery().unwrap().expect("the second app shows why it did not open");
        assert_eq!(info.error.key, "error-database-in-use");
        assert!(info.error.message.contains("allerede åben"), "{}", info.error.message);
        assert_eq!(backups(), taken, "the second app took no backup");
        assert_eq!(second.ensure_owner().unwrap_err().key, "error-database-in-use");
        assert_eq!(second.reopen_after(|_, _| Ok(())).unwrap_err().key, "error-database-in-use");
        assert!(
            path.exists() && first.with(|db| db.workspace_status()).is_ok(),
            "the first app's database is untouched"
        );
        let other = Workspace::open(dir.path().join("andet.sqlite3"));
        assert!(other.is_open(), "another database opens beside it");
        drop(first);
        assert!(Workspace::open(path.clone()).is_open(), "free again once the first app is gone");
    }

    /// A launch after one that changed nothing copies nothing: the start-up backup of the
    /// unchanged database is the last one. A launch after an edit takes a new one.
    #[test]
    fn a_launch_without_changes_takes_no_new_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pejling.sqlite3");
        let backups = || crate::backup::list(&crate::backup::dir_for(&path)).unwrap().len();
        let first = Workspace::open(path.clone());
        first.with(crate::demo::create).unwrap();
        first.close();
        drop(first);
        std::thread::sleep(std::time::Duration::from_millis(150));
        let second = Workspace::open(path.clone());
        second.wait_for_start_backup();
        let taken = backups();
        second.close();
        drop(second);
        std::thread::sleep(std::time::Duration::from_millis(150));
        let third = Workspace::open(path.clone());
        third.wait_for_start_backup();
        assert_eq!(backups(), taken, "nothing changed since the last backup: no copy");
        third.with(|db| db.list_committees()).unwrap();
        third.close();
        drop(third);
        std::thread::sleep(std::time::Duration::from_millis(150));
        let fourth = Workspace::open(path.clone());
        fourth.wait_for_start_backup();
        assert_eq!(backups(), taken, "a launch that only read: no copy");
        fourth
            .with(|db| {
                let id = db.list_committees()?[0].id;
                let patch = crate::CommitteePatch { description: Some("Ændret.".into()), ..Default::default() };
                db.update_committee(id, &patch)
            })
            .unwrap();
        fourth.close();
        drop(fourth);
        std::thread::sleep(std::time::Duration::from_millis(150));
        let fifth = Workspace::open(path.clone());
        fifth.wait_for_start_backup();
        assert_eq!(backups(), taken + 1, "an edit since the last backup: a copy");
    }

    /// The app's exit closes the workspace cleanly: the next start skips the page check; a
    /// start after an app that did not exit cleanly checks every page.
    #[test]
    fn the_apps_exit_closes_the_workspace_cleanly() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pejling.sqlite3");
        let first = Workspace::open(path.clone());
        first.with(crate::demo::create).unwrap();
        first.close();
        assert!(!first.is_open(), "closed");
        drop(first);
        assert!(crate::store::clean::marker_path(&path).exists());
        let second = Workspace::open(path.clone());
        assert!(!second.with(|db| Ok(db.opened_with_full_check())).unwrap());
        drop(second); // as if killed: no clean close
        let third = Workspace::open(path.clone());
        assert!(third.with(|db| Ok(db.opened_with_full_check())).unwrap());
    }
}
