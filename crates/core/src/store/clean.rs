//! The clean-close marker: when the full damage check at open may be skipped.
//!
//! `PRAGMA quick_check` reads every page of the file: seconds on a municipal archive, on
//! every start. It exists to catch a file cut short or overwritten while Pejling was not
//! looking. When Pejling itself closed the file cleanly (WAL checkpointed and truncated, the
//! connection closed), it records the file's identity — size, modification time to the
//! nanosecond and, on unix, inode and device — in a small sidecar `<db>.clean`. The next
//! open consumes the marker at once (so a crash or kill afterwards leaves none) and skips the
//! page check only if the file still has exactly that identity and no non-empty `-wal` lies
//! beside it. Anything else — another program writing the file, a copy, a restore, a kill —
//! changes the identity or leaves no marker, and the full check runs as before.
//!
//! The marker is written only by an explicit [`crate::Db::close`], never from `Drop`: a
//! panic unwinding through a half-done operation must not vouch for the file.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::Result;

/// The first line of a marker; a marker in another format never matches.
const MAGIC: &str = "pejling-clean-close 1";

/// Where the marker of the database at `db_path` lives.
pub fn marker_path(db_path: &Path) -> PathBuf {
    let mut name = db_path.as_os_str().to_owned();
    name.push(".clean");
    PathBuf::from(name)
}

/// The `-wal` file beside the database at `db_path`.
pub(crate) fn wal_path(db_path: &Path) -> PathBuf {
    let mut name = db_path.as_os_str().to_owned();
    name.push("-wal");
    PathBuf::from(name)
}

/// What identifies one state of a file without reading it: size, modification time (to the
/// nanosecond, as the file system keeps it) and, on unix, inode and device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileIdentity {
    pub size: u64,
    /// Modification time since the Unix epoch, in nanoseconds (negative before 1970).
    pub modified_ns: i128,
    /// `(device, inode)` on unix; `None` elsewhere.
    pub dev_ino: Option<(u64, u64)>,
}

impl FileIdentity {
    /// The identity of the file at `path` now.
    pub fn of(path: &Path) -> Result<FileIdentity> {
        let meta = std::fs::metadata(path)?;
        let modified = meta.modified()?;
        let modified_ns = match modified.duration_since(std::time::UNIX_EPOCH) {
            Ok(d) => d.as_nanos() as i128,
            Err(e) => -(e.duration().as_nanos() as i128),
        };
        #[cfg(unix)]
        let dev_ino = {
            use std::os::unix::fs::MetadataExt;
            Some((meta.dev(), meta.ino()))
        };
        #[cfg(not(unix))]
        let dev_ino = None;
        Ok(FileIdentity { size: meta.len(), modified_ns, dev_ino })
    }

    fn to_text(&self) -> String {
        let dev_ino = match self.dev_ino {
            Some((dev, ino)) => format!("dev={dev}\nino={ino}\n"),
            None => String::new(),
        };
        format!("{MAGIC}\nsize={}\nmtime_ns={}\n{dev_ino}", self.size, self.modified_ns)
    }
}

/// Record that the database at `db_path` was closed cleanly in its present state: the marker
/// is written to a temporary file, synced and renamed into place.
pub fn write_marker(db_path: &Path) -> Result<()> {
    let identity = FileIdentity::of(db_path)?;
    let marker = marker_path(db_path);
    let mut tmp = marker.clone().into_os_string();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(identity.to_text().as_bytes())?;
        f.sync_all()?;
    }
    std::fs::rename(&tmp, &marker)?;
    if let Some(dir) = marker.parent().filter(|d| !d.as_os_str().is_empty()) {
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
    }
    Ok(())
}

/// Consume the marker of the database at `db_path` (it is removed whatever it says) and say
/// whether it vouches for the file as it is now: the marker existed, matches the file's
/// identity, and no non-empty `-wal` file lies beside it.
pub(crate) fn take_marker(db_path: &Path) -> bool {
    let marker = marker_path(db_path);
    let text = match std::fs::read_to_string(&marker) {
        Ok(t) => t,
        Err(_) => {
            // Unreadable (not there, or not text): never trusted; make sure it is gone.
            let _ = std::fs::remove_file(&marker);
            return false;
        }
    };
    // If the marker cannot be removed, it could vouch for a later state it never saw: then
    // it is not trusted now either.
    if std::fs::remove_file(&marker).is_err() {
        return false;
    }
    let wal_empty = match std::fs::metadata(wal_path(db_path)) {
        Ok(m) => m.len() == 0,
        Err(e) => e.kind() == std::io::ErrorKind::NotFound,
    };
    wal_empty && FileIdentity::of(db_path).is_ok_and(|id| id.to_text() == text)
}
