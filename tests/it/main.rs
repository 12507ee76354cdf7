//! Integration tests of the commands, the documents as exported and the CLI, as one binary.

#[path = "../support/mod.rs"]
mod support;

mod bilag;
mod cli;
mod cli_backup;
mod cycle_projects;
mod documents;
mod follow_ups;
mod frameworks_bearings;
mod fuzz_bilag;
mod hostile_input;
mod integrity;
mod packages;
