//! The core's integration tests, as one binary (one link, one process to start): each module
//! tests one part on the real migrations.

#[path = "../../../../tests/support/mod.rs"]
mod support;

mod backup;
mod crash;
mod deliberation;
mod frameworks_adopt;
mod frameworks_source;
mod fuzz_import;
mod limits;
mod migrations_frozen;
mod minutes;
mod open;
mod properties;
mod question_set_file;
mod question_sets_source;
mod room;
mod search;
mod store;
mod walk;
