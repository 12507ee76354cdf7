//! Meeting packages (`.pejling` files): a prepared meeting carried to another machine, and
//! what was taken there carried back and merged into the original.
//!
//! Why it is built this way:
//!
//! * **One versioned JSON document.** A package is small (an agenda, a few question sets,
//!   notes), so plain JSON is enough: readable in a bug report, no zip to unpack. Its header
//!   names it (`"format": "pejling-meeting-package"`) and carries a format version; anything
//!   else — another JSON file, random bytes, a package from a newer Pejling, a file over
//!   [`MAX_PACKAGE_BYTES`] — is refused with a Danish message before anything is written. A
//!   package is hostile input: every text is bounded as in the app, every reference must
//!   resolve inside the package, and the whole import is one transaction, so a refused
//!   package writes nothing.
//! * **Stable identity.** Row ids differ between databases, so committees, people, meetings,
//!   agenda items and follow-up items carry a UUID (schema 8). Steps are already known by
//!   (agenda item, set, question) everywhere.
//! * **Import** creates the meeting (with the same UUIDs), finds its committee and people by
//!   UUID or creates them, and keeps what the package had recorded (`package_import`): the
//!   base of a later merge. A meeting that is already here is refused: merge instead.
//! * **Return package.** Exporting a meeting that came from a package writes a package whose
//!   `base` holds what the package carried, so the machine it returns to can tell "changed
//!   there" from "changed here" (a three-way merge) without having kept anything itself.
//! * **Merge.** Notes, positions, questions to the administration and attendance are merged.
//!   A change made only there is applied; a change made on both sides to different values is
//!   a conflict, listed and resolved by the user (keep mine / take theirs / keep both for
//!   texts) — a merge with an unresolved conflict is refused, so nothing is ever silently
//!   dropped. Every applied change is attributed twice: the audit log records it under
//!   "who there, via the package from which machine, merged by whom", and `package_merge`
//!   keeps the list of changes and resolutions with the author and time from the package.
//!   Approved (locked) minutes refuse a merge.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::domain::*;
use crate::error::{Error, Message, Result};
use crate::question_sets;
use crate::store::Db;
use crate::validate::{self, MAX_SHORT, MAX_TITLE};

/// The header word that names a file a Pejling meeting package.
pub const FORMAT: &str = "pejling-meeting-package";
/// The package format this build writes and the newest it reads. Version 2 carries bilag
/// (`files`, and each item's `attachments`); version 1 packages are read as before.
pub const FORMAT_VERSION: u32 = 2;
/// The largest package read: a meeting with its bilag (base64, each file once) — a few tens of
/// MB for a real meeting — and low enough that a hostile file cannot exhaust memory.
pub const MAX_PACKAGE_BYTES: usize = 256 * 1024 * 1024;
/// The most bilag files one package may carry.
const MAX_FILES: usize = 2_000;
/// Bounds on what one package may carry.
const MAX_SETS: usize = 50;
const MAX_STEPS_PER_ITEM: usize = 500;
const MAX_ROWS: usize = 100_000;

mod export;
mod format;
mod import;
mod merge;
mod read;

use export::*;
pub use format::*;
pub use import::MemberChange;
use import::*;
use merge::*;
pub use read::parse;
use read::*;

// ---- helpers ----------------------------------------------------------------------------------

/// A file over [`MAX_PACKAGE_BYTES`], refused before it is read.
pub fn too_large() -> Error {
    Error::Validation(Message::new("error-package-too-large").arg("max_mb", MAX_PACKAGE_BYTES / (1024 * 1024)))
}

fn damaged(detail: impl ToString) -> Error {
    Error::Validation(Message::new("error-package-damaged").arg("detail", detail))
}

fn damaged_at(line: usize, detail: impl ToString) -> Error {
    Error::Validation(Message::new("error-package-damaged-line").arg("line", line).arg("detail", detail))
}

/// A random UUID, version 4.
pub(crate) fn new_uuid() -> String {
    let mut b = [0u8; 16];
    getrandom::fill(&mut b).expect("the OS has randomness");
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &h[0..8], &h[8..12], &h[12..16], &h[16..20], &h[20..32])
}

fn is_uuid(s: &str) -> bool {
    s.len() == 36
        && s.char_indices().all(|(i, c)| if [8, 13, 18, 23].contains(&i) { c == '-' } else { c.is_ascii_hexdigit() })
}

fn check_uuid(s: &str) -> Result<()> {
    if is_uuid(s) {
        Ok(())
    } else {
        Err(damaged(format!("ugyldigt id {:?}", s.chars().take(40).collect::<String>())))
    }
}

fn machine_name() -> String {
    std::env::var("HOSTNAME")
        .ok()
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
        .map(|s| s.trim().chars().take(MAX_SHORT).collect::<String>())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "ukendt maskine".into())
}

fn name_key(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

fn step_key(item: &str, set_id: &str, question_id: &str) -> String {
    format!("{item}/{set_id}/{question_id}")
}

fn position_text(value: Option<u8>, reason: Option<&str>) -> String {
    match (value, reason) {
        (Some(v), _) => v.to_string(),
        (None, Some(r)) => format!("— {r}"),
        (None, None) => String::new(),
    }
}

// ---- the doors ----------------------------------------------------------------------------------

impl Db {
    /// Write the meeting's package to `path` (a `.pejling` file).
    pub fn export_package_to(&self, meeting_id: Id, include_closed: bool, path: &std::path::Path) -> Result<Package> {
        let p = self.export_package(meeting_id, include_closed)?;
        let json = serde_json::to_string_pretty(&p).expect("a package serialises");
        std::fs::write(path, json)?;
        Ok(p)
    }

    /// Import a package read from a file: a new meeting here, with the package's ids.
    pub fn import_package_file(&mut self, path: &std::path::Path) -> Result<PackageImported> {
        self.import_package_file_confirmed(path, false)
    }

    /// As [`Db::import_package_file`], with [`Db::import_package_confirmed`]'s confirmation.
    pub fn import_package_file_confirmed(
        &mut self,
        path: &std::path::Path,
        confirm_members: bool,
    ) -> Result<PackageImported> {
        let len = std::fs::metadata(path)?.len();
        if len > MAX_PACKAGE_BYTES as u64 {
            return Err(too_large());
        }
        let bytes = std::fs::read(path)?;
        self.import_package_confirmed(&bytes, confirm_members)
    }

    /// Import a package: the meeting with its agenda, walk plans, frozen sets and records, in
    /// one transaction. A meeting already here is refused (merge its return package instead),
    /// and so is a package that would change the members of a committee already here (see
    /// [`Db::package_member_changes`]).
    pub fn import_package(&mut self, bytes: &[u8]) -> Result<PackageImported> {
        self.import_package_confirmed(bytes, false)
    }

    /// As [`Db::import_package`]; with `confirm_members` the package may add members to a
    /// committee already here, or change their roles, as listed by
    /// [`Db::package_member_changes`] (each change audited).
    pub fn import_package_confirmed(&mut self, bytes: &[u8], confirm_members: bool) -> Result<PackageImported> {
        let p = parse(bytes)?;
        let actor = self.actor();
        let wanted: BTreeSet<&str> = p.files.keys().map(String::as_str).collect();
        let result = store_files(self, &p, &wanted).and_then(|types| {
            self.write(|tx| import(tx, &p, &actor, confirm_members, &types)).map_err(|e| match e {
                Error::Storage(s) => damaged(s),
                other => other,
            })
        });
        if result.is_err() {
            self.remove_unreferenced_blobs()?;
        }
        result
    }

    /// What importing a package would change in the memberships of a committee that is
    /// already here (the same committee by its id): people it would add, roles it would
    /// change. Empty when the committee is new here or nothing changes. Writes nothing.
    pub fn package_member_changes(&self, bytes: &[u8]) -> Result<Vec<MemberChange>> {
        let p = parse(bytes)?;
        member_changes(self.connection(), &p)
    }

    /// What merging a package into its meeting here would do: changes made there only, and
    /// conflicts. Writes nothing.
    pub fn preview_package_merge(&self, bytes: &[u8]) -> Result<MergePreview> {
        let p = parse(bytes)?;
        Ok(plan_merge(self.connection(), &p)?.0)
    }
}
