//! Pejling's core: the domain of Danish municipal committee work (committees, members,
//! meetings, agenda items), its SQLite store, and the CLI.
//!
//! The core knows nothing of Tauri. The desktop shell (`src-tauri/`) and the CLI
//! (`src/main.rs`) are both thin adapters over [`Db`], so every rule — validation, locking,
//! ordering — lives here once and is tested here once, on the real migrations.

pub mod api;
pub mod backup;
pub mod bench_data;
pub mod bilag;
pub mod demo;
pub mod documents;
pub mod domain;
pub mod error;
pub mod frameworks;
pub mod i18n;
pub mod identity;
pub mod instance;
pub mod live;
pub mod minutes;
pub mod packages;
pub mod paths;
pub mod question_sets;
pub mod search;
pub mod store;
mod validate;

pub use domain::*;
pub use error::{ApiError, Error, ErrorKind, Result};
pub use i18n::Lang;
pub use search::{SearchHit, SearchKind, SnippetPart};
pub use store::Db;
