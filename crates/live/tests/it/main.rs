//! The live session's integration tests, as one binary.

#[path = "../../../../tests/support/mod.rs"]
mod support;

mod live;
