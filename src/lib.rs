//! Pejling's commands: the one list every caller derives from ([`api::commands`]: the desktop
//! shell's handlers and grants, the TypeScript bindings, the test host's routes) and the
//! context they run in, over the layers below; and the CLI (`src/main.rs`).
//!
//! The layers are crates: `pejling-core` (domain and store, the only SQL), `pejling-documents`
//! (renders a model, never opens the database), `pejling-live` (the participants' devices).
//! This crate re-exports them under one name, so a caller writes `pejling::store::Db`,
//! `pejling::documents::Format` or `pejling::live::LiveHost`.

pub mod api;
pub mod documents;

pub use pejling_core::*;
pub use pejling_live as live;
