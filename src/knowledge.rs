//! The knowledge base: everything certwise knows about certifications, strategies and the
//! interview lives in `assets/*.ron`; this module gives it a shape, checks that it hangs together,
//! and holds the copy compiled into the binary.
//!
//! The build script parses and validates the RON files and stores them in a compact binary form,
//! so that start-up does not pay for parsing text (about a millisecond) before the first frame.

use std::sync::OnceLock;

pub mod briefs;
pub mod condition;
pub mod meta;
pub mod types;

pub use briefs::*;
pub use condition::Condition;
pub use meta::*;
pub use types::*;

/// The knowledge base as the build script compiled it from `assets/*.ron`.
const COMPILED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/knowledge.postcard"));

impl Knowledge {
    /// The knowledge base embedded in the binary.
    ///
    /// # Errors
    /// Only if the build went wrong, which the test suite rules out.
    pub fn embedded() -> Result<&'static Knowledge, &'static KnowledgeError> {
        static KB: OnceLock<Result<Knowledge, KnowledgeError>> = OnceLock::new();
        KB.get_or_init(|| {
            postcard::from_bytes(COMPILED).map_err(|e| KnowledgeError::Embedded(e.to_string()))
        })
        .as_ref()
    }
}

/// A sentence about a status that is not simply "active", for people: when a certification
/// retired or closed and what replaces it, when it will retire, or that it is in beta.
pub fn status_note(kb: &Knowledge, status: &Status) -> Option<String> {
    let name_of = |id: &str| kb.entry(id).map_or_else(|| id.to_owned(), |s| s.name.clone());
    match status {
        Status::Active => None,
        Status::Beta => Some(
            "In beta: the exam is open, but its content and fee may still change.".to_owned(),
        ),
        Status::Retiring { on, successor } => Some(format!(
            "Retires on {on}: take it only if you can pass before then; its successor, {}, is the safer choice.",
            name_of(successor)
        )),
        Status::Retired { on, successor } => Some(format!(
            "Retired on {on}: certwise recommends its successor, {}, instead.",
            name_of(successor)
        )),
        Status::Closed { on } => Some(format!(
            "Closed on {on}, with no successor: it can no longer be taken."
        )),
    }
}
