//! The end-to-end tests: the real binary in a pseudo-terminal (`portable-pty` + `vt100`), driven
//! by keys only, and a self-test of that harness. One binary, so one link step.
#![cfg(unix)]
#![allow(clippy::unwrap_used)]

#[path = "../support/mod.rs"]
#[allow(dead_code, reason = "each binary uses part of the shared support")]
mod support;

mod pty_harness;
mod tui_e2e;
mod tui_e2e_catalog;
mod tui_e2e_keep;
mod tui_e2e_postings;
mod tui_e2e_saving;
mod tui_e2e_suspend;
mod tui_e2e_text;
mod tui_e2e_whole_plan;
