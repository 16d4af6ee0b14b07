//! Shared helpers for the integration tests (`tests/it`, `tests/e2e`).

use certwise::knowledge::Knowledge;

pub mod nobody;
pub mod pty;
pub mod tui;

/// The built-in knowledge base.
pub fn kb() -> &'static Knowledge {
    Knowledge::embedded().expect("the embedded knowledge base loads")
}
