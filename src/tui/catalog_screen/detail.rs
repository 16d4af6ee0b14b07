//! The detail view of one catalog entry: its facts, the stale mark, and the verdict.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{rows, status_text};
use crate::advisor::cost_text;
use crate::knowledge::{Entry, Platform};
use crate::tui::app::App;
use crate::tui::screens::padded;
use crate::tui::view::{wrap, wrap_after};

/// The sources' verdict on an entry and, for a retired certification, what replaces it.
pub fn verdict_lines(app: &App, e: &Entry, width: u16) -> Vec<Line<'static>> {
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
pub fn detail_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let t = &app.theme;
    let entries = rows(app);
    let Some(e) = entries.get(app.catalog.row) else {
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
    lines.extend(fact("Status", status_text(app, e)));
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

pub(super) fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let area = padded(area);
    Paragraph::new(detail_lines(app, area.width))
        .scroll((app.scroll, 0))
        .render(area, buf);
}
