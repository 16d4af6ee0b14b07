//! The saved-plan format: the types written to disk, reading with migration from older versions,
//! and writing with a fixed field order and `\n` line endings.

use std::collections::BTreeMap;
use std::path::Path;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::read::{ReadError, read_limited};
use super::{MAX_FILE_BYTES, RECURSION_LIMIT, StoreError, VERSION, canonical_name};
use crate::advisor::Plan;
use crate::interview::Answers;

pub use crate::progress::Progress;

/// A saved plan: the answers, the plan computed from them, the knowledge-base version used,
/// progress on its items, and when it was made and changed. Field order is the file's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "SavedPlan")]
pub struct SavedPlan {
    pub version: u32,
    pub name: String,
    pub created: Timestamp,
    pub modified: Timestamp,
    pub knowledge_version: String,
    pub answers: Answers,
    /// Progress by timeline step key (and `KEY#N` for milestone N); items not listed are to do.
    /// See [`crate::progress`].
    pub progress: BTreeMap<String, Progress>,
    pub plan: Plan,
}

impl SavedPlan {
    pub fn new(name: &str, answers: Answers, plan: Plan, now: Timestamp) -> Self {
        SavedPlan {
            version: VERSION,
            name: canonical_name(name),
            created: now,
            modified: now,
            knowledge_version: plan.knowledge_version.clone(),
            answers,
            progress: BTreeMap::new(),
            plan,
        }
    }

    /// How far the plan has got: the same counts everywhere progress shows.
    pub fn counts(&self) -> crate::progress::Counts {
        crate::progress::counts(&self.plan, &self.progress)
    }
}

/// Version 1 had no progress tracking and no recorded knowledge version; it is read and migrated.
#[derive(Debug, Deserialize)]
#[serde(rename = "SavedPlan")]
struct SavedPlanV1 {
    name: String,
    created: Timestamp,
    modified: Timestamp,
    answers: Answers,
    plan: Plan,
}

impl From<SavedPlanV1> for SavedPlan {
    fn from(v1: SavedPlanV1) -> Self {
        SavedPlan {
            version: VERSION,
            name: v1.name,
            created: v1.created,
            modified: v1.modified,
            knowledge_version: v1.plan.knowledge_version.clone(),
            answers: v1.answers,
            progress: BTreeMap::new(),
            plan: v1.plan,
        }
    }
}

#[derive(Deserialize)]
#[serde(rename = "SavedPlan")]
struct VersionOnly {
    version: u32,
}

/// Reads a saved plan from text, migrating older versions.
///
/// # Errors
/// The text is not a saved plan (with the parser's line:column), or is from a newer certwise.
pub fn parse(path: &Path, text: &str) -> Result<SavedPlan, StoreError> {
    let mut saved = parse_as_written(path, text)?;
    // Progress kept by catalog id (before steps had keys) moves to the steps.
    saved.progress = crate::progress::carried(&saved.plan, &saved.progress);
    Ok(saved)
}

fn parse_as_written(path: &Path, text: &str) -> Result<SavedPlan, StoreError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let unreadable = |e: ron::error::SpannedError| StoreError::Unreadable {
        path: path.to_owned(),
        reason: format!(
            "line {}, column {}: {}",
            e.span.start.line,
            e.span.start.col,
            match e.code {
                // ron's own wording speaks to programmers.
                ron::Error::ExceededRecursionLimit => {
                    format!(
                        "nested more than {RECURSION_LIMIT} levels deep, which no saved plan is"
                    )
                }
                code => code.to_string(),
            }
        ),
    };
    if text.trim().is_empty() {
        return Err(StoreError::Unreadable {
            path: path.to_owned(),
            reason: "the file is empty".to_owned(),
        });
    }
    let options = ron::Options::default().with_recursion_limit(RECURSION_LIMIT);
    // The common case in one pass; anything else is read again, version first.
    if let Ok(plan) = options.from_str::<SavedPlan>(text)
        && plan.version == VERSION
    {
        return Ok(plan);
    }
    let VersionOnly { version } = options.from_str(text).map_err(unreadable)?;
    match version {
        1 => options
            .from_str::<SavedPlanV1>(text)
            .map(SavedPlan::from)
            .map_err(unreadable),
        VERSION => options.from_str::<SavedPlan>(text).map_err(unreadable),
        v if v > VERSION => Err(StoreError::Newer {
            path: path.to_owned(),
            found: v,
        }),
        v => Err(StoreError::Unreadable {
            path: path.to_owned(),
            reason: format!("unknown format version {v}"),
        }),
    }
}

/// The text written for a saved plan: RON, `\n` line endings, fields in a fixed order.
/// Empty if the plan cannot be written as RON (never the case for plans certwise makes);
/// [`Store::save`](super::Store::save) refuses to write in that case rather than write an empty file.
pub fn to_text(plan: &SavedPlan) -> String {
    try_to_text(plan).unwrap_or_default()
}

/// [`to_text`], with the reason when the plan cannot be written as RON.
///
/// # Errors
/// The serializer refuses the plan.
pub fn try_to_text(plan: &SavedPlan) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new().new_line("\n".to_owned());
    let mut text = ron::ser::to_string_pretty(plan, config)?;
    text.push('\n');
    Ok(text)
}

/// The format version and name of a file written by a newer certwise, if it is one and they
/// can be read.
pub(super) fn newer_header(file: &Path, folder: &Path) -> Option<(u32, String)> {
    #[derive(Deserialize)]
    #[serde(rename = "SavedPlan")]
    struct Header {
        version: u32,
        name: String,
    }
    let bytes = read_limited(file, MAX_FILE_BYTES, Some(folder)).ok()?;
    let text = std::str::from_utf8(&bytes).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header: Header = ron::Options::default()
        .with_recursion_limit(RECURSION_LIMIT)
        .from_str(text)
        .ok()?;
    (header.version > VERSION).then_some((header.version, header.name))
}

/// Reads and parses one plan file of the data folder `folder` (see [`read_limited`]): a regular
/// file inside it, not too big to be a plan, UTF-8 text.
pub(super) fn read_file(file: &Path, folder: &Path) -> Result<SavedPlan, StoreError> {
    let bytes = read_limited(file, MAX_FILE_BYTES, Some(folder)).map_err(|e| match e {
        ReadError::Io(source) => StoreError::io("read", file, source),
        other => StoreError::Unreadable {
            path: file.to_owned(),
            reason: match other {
                ReadError::TooBig { limit } => {
                    format!("it is bigger than {limit} bytes, far too big for a saved plan")
                }
                other => other.to_string(),
            },
        },
    })?;
    let text = String::from_utf8(bytes).map_err(|e| StoreError::Unreadable {
        path: file.to_owned(),
        reason: format!(
            "not UTF-8 text (bad byte at offset {})",
            e.utf8_error().valid_up_to()
        ),
    })?;
    parse(file, &text)
}
