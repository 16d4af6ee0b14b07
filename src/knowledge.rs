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
    let name_of = |id: &str| {
        kb.entry(id)
            .map_or_else(|| id.to_owned(), |s| s.name.clone())
    };
    match status {
        Status::Active => None,
        Status::Beta => {
            Some("In beta: the exam is open, but its content and fee may still change.".to_owned())
        }
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

/// How long an entry's facts may go without review before they are checked again.
pub const REVIEW_MONTHS: i8 = 12;
/// A certification retiring within this many months is flagged.
pub const RETIRING_SOON_MONTHS: i8 = 6;

/// Why an entry should be checked again, if it should: its facts were last reviewed more than
/// 12 months ago, or it retires within 6 months.
pub fn stale_reason(e: &Entry, today: jiff::civil::Date) -> Option<String> {
    if let Status::Retiring { on, .. } = &e.status
        && today
            .checked_add(jiff::Span::new().months(RETIRING_SOON_MONTHS))
            .is_ok_and(|soon| *on <= soon)
    {
        return Some(format!("retires on {on}"));
    }
    let limit = today
        .checked_sub(jiff::Span::new().months(REVIEW_MONTHS))
        .ok()?;
    (e.reviewed < limit).then(|| {
        format!(
            "facts last reviewed on {}, over {REVIEW_MONTHS} months ago",
            e.reviewed
        )
    })
}

/// The 2026 facts of an entry as label and sentence, for the catalog's detail views: who it is
/// for, level, exam code, how it is assessed, price and free route, validity, prerequisites,
/// and where the facts come from. Facts the catalog does not have are left out.
pub fn entry_facts(e: &Entry) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if !e.audience.is_empty() {
        let who: Vec<&str> = e.audience.iter().map(|a| a.as_str()).collect();
        out.push(("For", who.join(", ")));
    }
    if e.kind.is_study() {
        out.push(("Level", e.level.as_str().to_owned()));
        out.push(("Assessed by", e.format.label().to_owned()));
    }
    if let Some(code) = &e.exam_code {
        out.push(("Exam code", code.clone()));
    }
    if let Some(p) = &e.pricing {
        out.push(("Price", pricing_text(p)));
        if let Some(free) = &p.free_route {
            out.push(("Free route", free.clone()));
        }
    }
    match (e.validity_years, &e.renewal) {
        (_, Some(r)) => out.push(("Validity", r.clone())),
        (Some(y), None) => out.push(("Validity", format!("{y} years"))),
        (None, None) => {}
    }
    for p in &e.prerequisites {
        out.push(("Requires", p.text.clone()));
    }
    if !e.aliases.is_empty() {
        out.push(("Also called", e.aliases.join("; ")));
    }
    for s in &e.sources {
        let mark = if s.estimate {
            " (certwise estimate)"
        } else if s.unverified {
            " (unverified claim)"
        } else {
            ""
        };
        out.push((
            "Source",
            format!("{}: {}{mark}, checked {}", s.fact, s.source, s.checked),
        ));
    }
    out
}

/// A price as people say it: "USD 100 once", "USD 49 a month, about 3-5 months", "free",
/// "not known".
pub fn pricing_text(p: &Pricing) -> String {
    match &p.fee {
        Fee::Free => "free".to_owned(),
        Fee::OneOff(r) => format!("USD {r} once"),
        Fee::Subscription {
            per_month_usd,
            typical_months,
        } => {
            format!("USD {per_month_usd} a month, about {typical_months} months at a typical pace")
        }
        Fee::Unknown => "not known: check before you pay".to_owned(),
    }
}
