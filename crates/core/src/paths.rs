//! Where the database lives when nobody says: the OS app-data directory
//! (`$XDG_DATA_HOME/pejling/` on Linux, so a test or a second workspace can point
//! `XDG_DATA_HOME` elsewhere). `--db PATH` and `PEJLING_DB` override it, for the CLI and the
//! app alike, so both always see the same workspace.

use std::path::PathBuf;

pub const DB_ENV: &str = "PEJLING_DB";
pub const DB_FILE: &str = "pejling.sqlite3";

/// The default database path: `PEJLING_DB` if set, else `<data dir>/pejling/pejling.sqlite3`.
pub fn default_db_path() -> PathBuf {
    if let Some(p) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    data_dir().join(DB_FILE)
}

/// The app's data directory.
pub fn data_dir() -> PathBuf {
    // `dirs` follows XDG_DATA_HOME on Linux (falling back to ~/.local/share), the Known
    // Folder on Windows and Application Support on macOS.
    dirs::data_dir().unwrap_or_else(|| PathBuf::from(".")).join("pejling")
}

/// `PEJLING_IDENTITY`: where this machine's identity file is (tests, a second user).
pub const IDENTITY_ENV: &str = "PEJLING_IDENTITY";

/// The app's configuration directory: `$XDG_CONFIG_HOME/pejling/` on Linux. What belongs
/// to the machine and not to a workspace (who works at it) lives here, outside the database.
pub fn config_dir() -> PathBuf {
    dirs::config_dir().unwrap_or_else(|| PathBuf::from(".")).join("pejling")
}

/// This machine's identity file: `PEJLING_IDENTITY` if set, else `<config dir>/identity.json`.
pub fn identity_path() -> PathBuf {
    if let Some(p) = std::env::var_os(IDENTITY_ENV).filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    config_dir().join("identity.json")
}
