//! One error type for the whole core.
//!
//! Every failure a user can cause carries a Fluent message key and its arguments, so the same
//! error reads in Danish in the UI, in English if chosen, and on the CLI — from the one shared
//! catalogue in `assets/i18n/`. The shell turns an [`Error`] into an [`ApiError`]
//! (`{kind, message, field, key, args}`) for the UI; storage errors never leak SQL to the user
//! as the only explanation, but keep it in `detail` for a bug report.

use serde::Serialize;

use crate::i18n::{self, Lang};

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What kind of failure, as a stable machine-readable word for the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    Validation,
    NotFound,
    Conflict,
    Locked,
    DatabaseTooNew,
    NotAPejlingDatabase,
    Storage,
    Internal,
}

impl ErrorKind {
    pub const ALL: &'static [ErrorKind] = &[
        ErrorKind::Validation,
        ErrorKind::NotFound,
        ErrorKind::Conflict,
        ErrorKind::Locked,
        ErrorKind::DatabaseTooNew,
        ErrorKind::NotAPejlingDatabase,
        ErrorKind::Storage,
        ErrorKind::Internal,
    ];
}

/// A user-facing message: a Fluent key in `errors.ftl`, its arguments, and the field it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub key: &'static str,
    pub field: Option<&'static str>,
    pub args: Vec<(&'static str, String)>,
}

impl Message {
    pub fn new(key: &'static str) -> Self {
        Message { key, field: None, args: Vec::new() }
    }
    pub fn field(mut self, field: &'static str) -> Self {
        self.field = Some(field);
        self
    }
    pub fn arg(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, value.to_string()));
        self
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}", render(.0))]
    Validation(Message),
    #[error("{}", render(.0))]
    Conflict(Message),
    #[error("{}", render(.0))]
    Locked(Message),
    #[error("{}", render(&Message::new("error-not-found").arg("entity", entity_label(.entity)).arg("id", .id)))]
    NotFound { entity: &'static str, id: i64 },
    #[error("{}", render(&Message::new("error-database-too-new").arg("found", .found).arg("supported", .supported)))]
    DatabaseTooNew { found: i64, supported: i64 },
    #[error("{}", render(&Message::new(not_ours_key(.detail)).arg("path", .path)))]
    NotAPejlingDatabase { path: String, detail: String },
    #[error("{}", render(&Message::new("error-storage").arg("detail", .0)))]
    Storage(#[from] rusqlite::Error),
    #[error("{}", render(&Message::new("error-storage").arg("detail", .0)))]
    Migration(#[from] rusqlite_migration::Error),
    #[error("{}", render(&Message::new("error-io").arg("detail", .0)))]
    Io(#[from] std::io::Error),
}

/// Why a file is not a Pejling database that opens, from SQLite's own words in `detail`: the
/// user is told which of the usual reasons it is, not only that it failed.
fn not_ours_key(detail: &str) -> &'static str {
    let d = detail.to_ascii_lowercase();
    if d.starts_with("schema changed outside pejling") {
        "error-database-schema-changed"
    } else if d == "not a file" {
        "error-file-missing"
    } else if d.contains("file is not a database") {
        "error-database-not-sqlite"
    } else if d.contains("application_id") {
        "error-database-other-program"
    } else if ["malformed", "corrupt", "never used", "*** in database", "btree", "page ", "truncated", "wrong # of"]
        .iter()
        .any(|w| d.contains(w))
    {
        "error-database-damaged"
    } else {
        "error-not-a-pejling-database"
    }
}

fn render(m: &Message) -> String {
    i18n::message(Lang::Da, m.key, &m.args)
}

fn entity_label(entity: &str) -> String {
    i18n::message(Lang::Da, &format!("entity-{entity}"), &[])
}

impl Error {
    pub fn validation(key: &'static str, field: &'static str) -> Self {
        Error::Validation(Message::new(key).field(field))
    }

    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Validation(_) => ErrorKind::Validation,
            Error::Conflict(_) => ErrorKind::Conflict,
            Error::Locked(_) => ErrorKind::Locked,
            Error::NotFound { .. } => ErrorKind::NotFound,
            Error::DatabaseTooNew { .. } => ErrorKind::DatabaseTooNew,
            Error::NotAPejlingDatabase { .. } => ErrorKind::NotAPejlingDatabase,
            Error::Storage(_) | Error::Migration(_) | Error::Io(_) => ErrorKind::Storage,
        }
    }

    /// The Fluent key, arguments and field of this error.
    pub fn message(&self) -> Message {
        match self {
            Error::Validation(m) | Error::Conflict(m) | Error::Locked(m) => m.clone(),
            Error::NotFound { entity, id } => {
                Message::new("error-not-found").arg("entity", entity_label(entity)).arg("id", id)
            }
            Error::DatabaseTooNew { found, supported } => {
                Message::new("error-database-too-new").arg("found", found).arg("supported", supported)
            }
            Error::NotAPejlingDatabase { path, detail } => Message::new(not_ours_key(detail)).arg("path", path),
            Error::Storage(e) => Message::new("error-storage").arg("detail", e),
            Error::Migration(e) => Message::new("error-storage").arg("detail", e),
            Error::Io(e) => Message::new("error-io").arg("detail", e),
        }
    }

    /// The message in the given language.
    pub fn localized(&self, lang: Lang) -> String {
        let m = self.message();
        i18n::message(lang, m.key, &m.args)
    }

    pub fn to_api(&self, lang: Lang) -> ApiError {
        let m = self.message();
        ApiError {
            kind: self.kind(),
            message: i18n::message(lang, m.key, &m.args),
            field: m.field.map(str::to_owned),
            key: m.key.to_owned(),
            args: m.args.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
        }
    }
}

/// The error as the UI receives it.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ApiError {
    pub kind: ErrorKind,
    /// Ready to show, in the language the shell runs in (Danish by default).
    pub message: String,
    /// The input field the error is about, e.g. `"title"`, if any.
    pub field: Option<String>,
    /// The Fluent key, so the UI can render the message in its own current language.
    pub key: String,
    pub args: std::collections::BTreeMap<String, String>,
}

impl From<Error> for ApiError {
    fn from(e: Error) -> Self {
        e.to_api(Lang::Da)
    }
}
