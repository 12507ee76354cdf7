//! Pejling's core: the domain of Danish municipal committee work (committees, members,
//! meetings, agenda items, the walk, minutes, follow-up, bilag) and its SQLite store.
//!
//! The core knows no window, no web server and no typesetter: the desktop shell, the test
//! host and the CLI (the `pejling` crate), the live session (`pejling-live`) and the documents
//! (`pejling-documents`) are all built on [`Db`], so every rule — validation, locking,
//! ordering — lives here once and is tested here once, on the real migrations. Only this
//! crate writes SQL.

pub mod backup;
pub mod bench_data;
pub mod bilag;
pub mod demo;
pub mod docmodel;
pub mod domain;
pub mod error;
pub mod frameworks;
pub mod html;
pub mod i18n;
pub mod identity;
pub mod instance;

pub mod paths;
pub mod question_sets;
pub mod search;
pub mod store;
pub mod time;
mod validate;

pub use domain::*;
pub use error::{ApiError, Error, ErrorKind, Result};
pub use i18n::Lang;
pub use search::{SearchHit, SearchKind, SnippetPart};
pub use store::Db;
// Minutes and packages are store modules (they write SQL); their paths stay short.
pub use store::{minutes, packages};
