//! The workspace's content-addressed file store for bilag.
//!
//! A bilag's file lives outside the database, in `bilag/<aa>/<sha256>` beside it (`aa`: the
//! first two hex digits), written once and never changed: a temporary file in the same
//! directory, fsynced, renamed into place, and the directory fsynced. The database row holds
//! only the SHA-256, so a 20 MB PDF never passes through SQLite's WAL and an ordinary edit costs
//! what it cost before; the same file attached twice is stored once. Reading checks the
//! content against its name, so a damaged file is reported, never shown as the bilag.
//!
//! A backup file's bilag live in the `bilag/` folder beside it, in the same layout (see
//! [`crate::backup`]): each file is copied there once, so backups never copy an unchanged bilag
//! again. An in-memory database (tests) keeps its files in memory.

use std::collections::{HashMap, HashSet};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use sha2::{Digest, Sha256};

use crate::error::{Error, Message, Result};

/// Where a database keeps its bilag files.
pub enum BlobStore {
    Dir(PathBuf),
    Memory(Mutex<HashMap<String, Vec<u8>>>),
}

/// The bilag folder beside a database (or a backup) file.
pub fn dir_beside(db_path: &Path) -> PathBuf {
    db_path.parent().unwrap_or(Path::new(".")).join("bilag")
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn is_sha256(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The path of `sha` under a bilag folder.
pub fn path_in(dir: &Path, sha: &str) -> PathBuf {
    dir.join(&sha[..2]).join(sha)
}

fn sync_dir(dir: &Path) {
    // Directory fsync makes the rename durable; not every platform can open a directory.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

fn damaged(sha: &str) -> Error {
    Error::Validation(Message::new("error-attachment-file-damaged").arg("sha", &sha[..12]))
}

/// Copy `from` into the folder `dir` under its SHA-256, unless it is there already. Returns
/// whether a copy was made. The file is checked against its name while copying.
pub fn copy_into(from: &Path, dir: &Path, sha: &str) -> Result<bool> {
    let dest = path_in(dir, sha);
    if dest.exists() {
        return Ok(false);
    }
    let (got, _) = write_atomically(dir, sha, &mut std::fs::File::open(from)?, u64::MAX)?;
    if got != sha {
        let _ = std::fs::remove_file(&dest);
        return Err(damaged(sha));
    }
    Ok(true)
}

/// Stream `src` into `dir` under its SHA-256 (computed while copying); at most `max` bytes.
/// Returns the SHA-256 and the length. The file appears under its name only when complete.
fn write_atomically(dir: &Path, name_hint: &str, src: &mut dyn Read, max: u64) -> Result<(String, u64)> {
    std::fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(".{}-{}.partial", &name_hint[..name_hint.len().min(16)], std::process::id()));
    let mut out = std::fs::File::create(&tmp)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    let mut total: u64 = 0;
    let result = (|| -> Result<()> {
        loop {
            let n = src.read(&mut buf)?;
            if n == 0 {
                break;
            }
            total += n as u64;
            if total > max {
                return Err(crate::bilag::too_large());
            }
            hasher.update(&buf[..n]);
            out.write_all(&buf[..n])?;
        }
        out.sync_all()?;
        Ok(())
    })();
    drop(out);
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    let sha = hex(&hasher.finalize());
    let sub = dir.join(&sha[..2]);
    std::fs::create_dir_all(&sub)?;
    let dest = sub.join(&sha);
    if dest.exists() {
        let _ = std::fs::remove_file(&tmp);
    } else {
        std::fs::rename(&tmp, &dest)?;
        sync_dir(&sub);
    }
    Ok((sha, total))
}

impl BlobStore {
    /// The store of the database at `path` (`None`: in memory).
    pub fn for_db(path: Option<&Path>) -> BlobStore {
        match path {
            Some(p) => BlobStore::Dir(dir_beside(p)),
            None => BlobStore::Memory(Mutex::new(HashMap::new())),
        }
    }

    pub fn dir(&self) -> Option<&Path> {
        match self {
            BlobStore::Dir(d) => Some(d),
            BlobStore::Memory(_) => None,
        }
    }

    /// Store what `src` yields (at most `max` bytes); returns its SHA-256 and length.
    pub fn put_reader(&self, src: &mut dyn Read, max: u64) -> Result<(String, u64)> {
        match self {
            BlobStore::Dir(dir) => write_atomically(dir, "new", src, max),
            BlobStore::Memory(m) => {
                let mut bytes = Vec::new();
                src.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
                if bytes.len() as u64 > max {
                    return Err(crate::bilag::too_large());
                }
                let sha = hex(&Sha256::digest(&bytes));
                let len = bytes.len() as u64;
                m.lock().unwrap_or_else(|p| p.into_inner()).entry(sha.clone()).or_insert(bytes);
                Ok((sha, len))
            }
        }
    }

    pub fn put(&self, bytes: &[u8]) -> Result<String> {
        Ok(self.put_reader(&mut &bytes[..], u64::MAX)?.0)
    }

    pub fn has(&self, sha: &str) -> bool {
        match self {
            BlobStore::Dir(dir) => is_sha256(sha) && path_in(dir, sha).is_file(),
            BlobStore::Memory(m) => m.lock().unwrap_or_else(|p| p.into_inner()).contains_key(sha),
        }
    }

    /// The file's bytes, checked against their SHA-256.
    pub fn get(&self, sha: &str) -> Result<Vec<u8>> {
        if !is_sha256(sha) {
            return Err(damaged("000000000000"));
        }
        let bytes = match self {
            BlobStore::Dir(dir) => match std::fs::read(path_in(dir, sha)) {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    return Err(Error::Validation(Message::new("error-attachment-file-missing").arg("sha", &sha[..12])))
                }
                Err(e) => return Err(e.into()),
            },
            BlobStore::Memory(m) => m.lock().unwrap_or_else(|p| p.into_inner()).get(sha).cloned().ok_or_else(|| {
                Error::Validation(Message::new("error-attachment-file-missing").arg("sha", &sha[..12]))
            })?,
        };
        if hex(&Sha256::digest(&bytes)) != sha {
            return Err(damaged(sha));
        }
        Ok(bytes)
    }

    /// The file on disk, for copying it elsewhere (`None` in memory or when missing).
    pub fn path(&self, sha: &str) -> Option<PathBuf> {
        match self {
            BlobStore::Dir(dir) if is_sha256(sha) => Some(path_in(dir, sha)).filter(|p| p.is_file()),
            _ => None,
        }
    }

    /// Remove the files no row references any more; returns how many.
    pub fn remove_unreferenced(&self, referenced: &HashSet<String>) -> Result<usize> {
        match self {
            BlobStore::Dir(dir) => remove_unreferenced_in(dir, referenced),
            BlobStore::Memory(m) => {
                let mut m = m.lock().unwrap_or_else(|p| p.into_inner());
                let before = m.len();
                m.retain(|k, _| referenced.contains(k));
                Ok(before - m.len())
            }
        }
    }
}

/// Remove the files under a bilag folder whose SHA-256 is not in `referenced` (and leftover
/// partial files); returns how many files were removed.
pub fn remove_unreferenced_in(dir: &Path, referenced: &HashSet<String>) -> Result<usize> {
    let mut removed = 0;
    let Ok(subs) = std::fs::read_dir(dir) else { return Ok(0) };
    for sub in subs.flatten() {
        let name = sub.file_name().to_string_lossy().into_owned();
        if name.ends_with(".partial") {
            let _ = std::fs::remove_file(sub.path());
            continue;
        }
        if !sub.path().is_dir() || name.len() != 2 {
            continue;
        }
        for f in std::fs::read_dir(sub.path())?.flatten() {
            let sha = f.file_name().to_string_lossy().into_owned();
            if is_sha256(&sha) && !referenced.contains(&sha) {
                std::fs::remove_file(f.path())?;
                removed += 1;
            }
        }
    }
    Ok(removed)
}
