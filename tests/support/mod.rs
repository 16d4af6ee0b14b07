//! Shared helpers for integration tests.

pub mod pty;
pub mod tui;
