//! Who works at this machine: a name and a role (sekretær, formand, næstformand, medlem, …).
//!
//! Minutes are legal records, and the audit log must say which person made each change — not
//! the operating system's user name. The app asks on first run and keeps the answer per
//! machine in a small JSON file in the OS configuration directory (see
//! [`crate::paths::identity_path`]), outside any database: the same secretary works on every
//! workspace, and a restored backup does not change who is working. The CLI's `--as` and
//! `--role` (or `PEJLING_AS`, `PEJLING_ROLE`) override it for one command.

use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::domain::Role;
use crate::error::{Error, Message, Result};
use crate::validate;

/// The person working at this machine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Identity {
    pub name: String,
    pub role: Role,
}

impl Identity {
    /// A checked identity: the name trimmed, not empty, one line of at most 200 characters.
    pub fn new(name: &str, role: Role) -> Result<Identity> {
        let name = validate::required(name, "name", validate::MAX_SHORT)?;
        if name.chars().any(char::is_control) {
            return Err(Error::Validation(Message::new("error-text-control").field("name")));
        }
        Ok(Identity { name, role })
    }
}

/// A role as a person writes it: the stored word (`secretary`) or the Danish or English
/// label, in any case (`sekretær`, `Formand`, `vice chair`); `embedsmand` is an official.
pub fn parse_role(text: &str) -> Option<Role> {
    let t = text.trim().to_lowercase().replace(['-', ' '], "_");
    if let Some(r) = Role::parse(&t) {
        return Some(r);
    }
    Some(match t.as_str() {
        "formand" => Role::Chair,
        "næstformand" | "naestformand" | "vicechair" => Role::ViceChair,
        "medlem" => Role::Member,
        "borgermedlem" | "borgerrepræsentant" => Role::CitizenMember,
        "sekretær" | "sekretaer" | "udvalgssekretær" => Role::Secretary,
        "embedsmand" | "embedsperson" | "embedsmænd" => Role::Official,
        _ => return None,
    })
}

/// The refusal of a role nobody recognises.
pub fn unknown_role(text: &str) -> Error {
    Error::Validation(Message::new("error-identity-role").field("role").arg("value", text))
}

/// Read the identity at `path`; `None` when none has been saved yet. A file that is not a
/// valid identity is refused with a Danish message (and left as it is).
pub fn load_from(path: &Path) -> Result<Option<Identity>> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    let damaged = || Error::Validation(Message::new("error-identity-file").arg("path", path.display()));
    let raw: Identity = serde_json::from_str(&text).map_err(|_| damaged())?;
    Identity::new(&raw.name, raw.role).map(Some).map_err(|_| damaged())
}

/// Save `identity` at `path` (checked first), atomically: a temporary file, synced and
/// renamed into place, the directory synced.
pub fn save_to(path: &Path, identity: &Identity) -> Result<Identity> {
    let identity = Identity::new(&identity.name, identity.role)?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = std::path::PathBuf::from(tmp);
    {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(serde_json::to_string_pretty(&identity).expect("serialises").as_bytes())?;
        f.sync_all()?;
    }
    std::fs::rename(&tmp, path)?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
    }
    Ok(identity)
}

/// This machine's identity (see [`crate::paths::identity_path`]).
pub fn load() -> Result<Option<Identity>> {
    load_from(&crate::paths::identity_path())
}

/// Save this machine's identity.
pub fn save(identity: &Identity) -> Result<Identity> {
    save_to(&crate::paths::identity_path(), identity)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_identity_is_saved_and_read_back_trimmed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("identity.json");
        assert_eq!(load_from(&path).unwrap(), None, "none before the first run");
        let saved = save_to(&path, &Identity { name: "  Birthe Sekretær ".into(), role: Role::Secretary }).unwrap();
        assert_eq!(saved.name, "Birthe Sekretær");
        assert_eq!(load_from(&path).unwrap(), Some(saved));
        assert!(!dir.path().join("sub").join("identity.json.tmp").exists());
    }

    #[test]
    fn bad_identities_are_refused_in_danish() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("identity.json");
        let e = save_to(&path, &Identity { name: "   ".into(), role: Role::Chair }).unwrap_err();
        assert!(e.to_string().contains("navn"), "{e}");
        assert!(!path.exists(), "nothing saved");
        let e = Identity::new(&"x".repeat(201), Role::Chair).unwrap_err();
        assert!(e.to_string().contains("for lang"), "{e}");
        std::fs::write(&path, b"{\"name\": 3}").unwrap();
        let e = load_from(&path).unwrap_err();
        assert!(e.to_string().contains("kan ikke læses"), "{e}");
    }

    #[test]
    fn roles_are_read_as_people_write_them() {
        assert_eq!(parse_role("sekretær"), Some(Role::Secretary));
        assert_eq!(parse_role("Formand"), Some(Role::Chair));
        assert_eq!(parse_role("næstformand"), Some(Role::ViceChair));
        assert_eq!(parse_role("medlem"), Some(Role::Member));
        assert_eq!(parse_role("embedsmand"), Some(Role::Official));
        assert_eq!(parse_role("vice_chair"), Some(Role::ViceChair));
        assert_eq!(parse_role("borgmester"), None);
    }
}
