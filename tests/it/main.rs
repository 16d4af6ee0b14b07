//! The in-process integration tests, one binary (each file in `tests/` is its own link step):
//! the domain (knowledge, interview, advisor, store, evaluation), the command line, and the
//! session driven through `App::update` with snapshots on `TestBackend`.
#![allow(clippy::unwrap_used)]

#[path = "../support/mod.rs"]
#[allow(dead_code, reason = "each binary uses part of the shared support")]
mod support;

mod advisor_invariants;
mod advisor_rules;
mod cli_catalog;
mod cli_plan;
mod cli_plans;
mod compare;
mod evaluate;
mod faults;
mod knowledge;
mod postings;
mod progress;
mod store;
mod tui_catalog;
mod tui_interview;
mod tui_navigation;
mod tui_postings;
mod tui_saving;
mod tui_snapshots;
mod tui_text;
mod tui_update;
mod user_catalog;
