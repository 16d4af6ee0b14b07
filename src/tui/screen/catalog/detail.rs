//! The detail view of one catalog entry: its facts, the stale mark, and the verdict.

use ratatui::text::{Line, Span};

use super::{State, rows, stale, status_text};
use crate::knowledge::{Entry, Platform, Status};
use crate::render::cost_or_unknown;
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
    if let Status::Retired { on, successor } = &e.status {
        let name = app
            .kb
            .entry(successor)
            .map_or(successor.as_str(), |s| s.name.as_str());
        lines.extend(wrap(
            &format!("Retired on {on}: certwise recommends its successor, {name}, instead."),
            width,
            t.bad,
            "",
        ));
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
    lines.extend(fact("Cost", cost_or_unknown(e.cost_usd, e.cost_unknown)));
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
    let reviewed = if stale(app.today, e) {
        format!(
            "{} (possibly out of date: not reviewed in the last 12 months)",
            e.reviewed
        )
    } else {
        e.reviewed.to_string()
    };
    lines.extend(fact("Reviewed", reviewed));
    lines.push(Line::default());
    lines.extend(wrap(&e.summary, width, t.text, ""));
    lines.push(Line::default());
    lines.extend(verdict_lines(app, e, width));
    lines
}
