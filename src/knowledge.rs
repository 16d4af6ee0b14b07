//! The knowledge base: everything certwise knows about certifications, strategies and the
//! interview lives in `assets/*.ron`; this module gives it a shape, checks that it hangs together,
//! and holds the copy compiled into the binary.
//!
//! The build script parses and validates the RON files and stores them in a compact binary form,
//! so that start-up does not pay for parsing text (about a millisecond) before the first frame.

use std::sync::OnceLock;

pub mod condition;
pub mod types;

pub use condition::Condition;
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
