//! The detail view of one catalog entry: its facts, the stale mark, and the verdict.

use ratatui::text::{Line, Span};

use super::{State, rows, status_text};
use crate::advisor::cost_text;
use crate::knowledge::{Entry, Platform};
use crate::tui::frame::{wrap, wrap_after};
use crate::tui::shared::Shared;

/// The sources' verdict on an entry and, for a retired certification, what replaces it.
pub fn verdict_lines(app: &Shared, e: &Entry, width: u16) -> Vec<Line<'static>> {
    let t = &app.theme;
    let mut lines = wrap_after(
        Span::styled("Verdict: ", t.title),
        &e.verdict,
        width,
        t.text,
    );
    if let Some(note) = crate::knowledge::status_note(app.kb, &e.status) {
        lines.extend(wrap(&note, width, t.bad, ""));
    }
    lines
}

/// The detail view's lines.
pub(super) fn lines(app: &Shared, v: &State, width: u16) -> Vec<Line<'static>> {
    let t = &app.theme;
    let entries = rows(app.kb, v);
    let Some(e) = entries.get(v.row) else {
        return Vec::new();
    };
    let mut lines = wrap(&e.name, width, t.heading, "");
    let fact = |label: &str, value: String| {
        wrap_after(
            Span::styled(format!("{label:<12}"), t.dim),
            &value,
            width,
            t.text,
        )
    };
    lines.push(Line::default());
    lines.extend(fact("Provider", e.provider.clone()));
    lines.extend(fact("Kind", e.kind.to_string()));
    lines.extend(fact(
        "Tier",
        e.tier.map_or_else(|| "—".to_owned(), |n| n.to_string()),
    ));
    lines.extend(fact(
        "Cost",
        if e.cost_unknown {
            "not known: check before you pay".to_owned()
        } else {
            cost_text(e.cost_usd)
        },
    ));
    lines.extend(fact(
        "Preparation",
        if e.hours_unknown {
            "not known".to_owned()
        } else {
            format!("{} hours", e.prep_hours)
        },
    ));
    lines.extend(fact(
        "Platform",
        e.platform.map_or("none", Platform::label).to_owned(),
    ));
    lines.extend(fact(
        "In postings",
        e.postings_percent.map_or_else(
            || "not known".to_owned(),
            |p| format!("about {p}% of AI job postings"),
        ),
    ));
    lines.extend(fact(
        "Practical",
        if e.practical { "yes" } else { "no" }.to_owned(),
    ));
    lines.extend(fact("Status", status_text(app.kb, e)));
    let reviewed = match crate::knowledge::stale_reason(e, app.today) {
        Some(why) => format!("{} (check again: {why})", e.reviewed),
        None => e.reviewed.to_string(),
    };
    lines.extend(fact("Reviewed", reviewed));
    lines.push(Line::default());
    lines.extend(wrap(&e.summary, width, t.text, ""));
    lines.push(Line::default());
    lines.extend(verdict_lines(app, e, width));
    // The 2026 facts and their sources, below the verdict (scroll to read them).
    let more = crate::knowledge::entry_facts(e);
    if !more.is_empty() {
        lines.push(Line::default());
        for (label, value) in more {
            lines.extend(fact(label, value));
        }
    }
    lines
}
