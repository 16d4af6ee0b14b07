//! The plan's tabbed pane: the reasons behind the selected score, the avoid list, the timeline,
//! and the hiring signals in detail. Wrapped by the plan screen's update, drawn as they are.

use std::ops::Range;

use ratatui::text::{Line, Span};

use crate::advisor::{Factor, Plan};
use crate::progress::{self, Item};
use crate::render::{cost_or_unknown, hours_or_unknown, points, signal_rows, timeline_notes};
use crate::tui::frame::{wrap, wrap_after};
use crate::tui::screen::catalog::verdict_lines;
use crate::tui::shared::Shared;

use super::{Pane, bar, ranking};

/// The lines of a pane, wrapped to `width`; `row` is the ranking's highlighted row.
pub fn lines(shared: &Shared, pane: Pane, row: usize, width: u16) -> Vec<Line<'static>> {
    let Some(plan) = &shared.work.plan else {
        return Vec::new();
    };
    match pane {
        Pane::Ranking | Pane::Why => why(shared, plan, row, width),
        Pane::Avoid => avoid(shared, plan, width),
        Pane::Timeline => timeline(shared, plan, width).0,
        Pane::Signals => signals(shared, plan, width),
    }
}

fn factor_lines(shared: &Shared, factors: &[Factor], width: u16) -> Vec<Line<'static>> {
    factors
        .iter()
        .flat_map(|f| {
            let prefix = Span::styled(
                format!("{:>4}  ", points(f.points)),
                shared.theme.points(f.points),
            );
            wrap_after(prefix, &f.text, width, shared.theme.text)
        })
        .collect()
}

fn why(shared: &Shared, plan: &Plan, row: usize, width: u16) -> Vec<Line<'static>> {
    let t = &shared.theme;
    let rows = ranking::rows(shared);
    let Some(row) = rows.get(row) else {
        return Vec::new();
    };
    let mut lines = wrap(row.name, width, t.heading, "");
    if let Some(r) = plan.recommendations.iter().find(|r| r.id == row.id) {
        lines.push(Line::styled(format!("Score {} for you:", r.score), t.title));
        lines.extend(factor_lines(shared, &r.reasons, width));
    } else if let Some(a) = plan.avoid.iter().find(|a| a.id == row.id) {
        lines.push(Line::styled("Why to avoid it:", t.title));
        for reason in &a.reasons {
            lines.extend(wrap_after(Span::raw("  • "), reason, width, t.text));
        }
    }
    if let Some(e) = shared.kb.entry(row.id) {
        lines.push(Line::default());
        let facts = format!(
            "{} · {} · {} · {}{}",
            e.provider,
            e.kind,
            cost_or_unknown(e.cost_usd, e.cost_unknown),
            hours_or_unknown(e.prep_hours, e.hours_unknown),
            e.tier.map(|n| format!(" · tier {n}")).unwrap_or_default()
        );
        lines.extend(wrap(&facts, width, t.dim, ""));
        lines.extend(wrap(&e.summary, width, t.text, ""));
        lines.extend(verdict_lines(shared, e, width));
    }
    lines
}

fn avoid(shared: &Shared, plan: &Plan, width: u16) -> Vec<Line<'static>> {
    let t = &shared.theme;
    if plan.avoid.is_empty() {
        return vec![Line::styled("Nothing to avoid for you.", t.dim)];
    }
    let mut lines = Vec::new();
    for a in &plan.avoid {
        lines.extend(wrap(&a.name, width, t.title, ""));
        for reason in &a.reasons {
            lines.extend(wrap_after(Span::raw("  • "), reason, width, t.text));
        }
    }
    lines
}

/// The timeline's lines, and the lines of each item (step or milestone) in
/// [`progress::items`] order, so the screen can highlight and tick them.
pub fn timeline(
    shared: &Shared,
    plan: &Plan,
    width: u16,
) -> (Vec<Line<'static>>, Vec<Range<usize>>) {
    let t = &shared.theme;
    let mut lines = Vec::new();
    let mut ranges = Vec::new();
    if plan.timeline.is_empty() {
        lines.push(Line::styled(
            "Nothing scores high enough to schedule yet.",
            t.dim,
        ));
    }
    // The split the gauge shows, with its reasons, as the text and Markdown plans give them.
    let sp = &plan.split;
    lines.extend(wrap(
        &format!(
            "Your week: {}% building ({} h), {}% study ({} h){}",
            sp.build_percent,
            sp.build_hours_per_week,
            sp.study_percent,
            sp.study_hours_per_week,
            crate::render::totals_text(sp)
        ),
        width,
        t.title,
        "",
    ));
    lines.extend(factor_lines(shared, &sp.reasons, width));
    lines.push(Line::default());
    for (i, s) in plan.timeline.iter().enumerate() {
        let mark = progress::of(plan, &shared.work.progress, Item::Step(i));
        let prefix = Span::styled(
            format!(
                "{} {:<6} wk {:>3}-{:<3} ",
                mark.mark(),
                s.phase.label(),
                s.start_week,
                s.end_week
            ),
            t.key,
        );
        let text = format!(
            "{} ({}, about {} h{})",
            s.title,
            s.track.label(),
            s.hours,
            crate::render::step_cost_text(s)
        );
        let start = lines.len();
        lines.extend(wrap_after(prefix, &text, width, t.text));
        // A project step shows its brief: the problem and the milestones to tick off.
        if let Some(problem) = &s.problem {
            lines.extend(wrap(problem, width, t.dim, "    "));
        }
        ranges.push(start..lines.len());
        for (m, ms) in s.milestones.iter().enumerate() {
            let mark = progress::of(plan, &shared.work.progress, Item::Milestone(i, m));
            let start = lines.len();
            lines.extend(wrap(
                &format!("{} {} ({} h)", mark.mark(), ms.title, ms.hours),
                width,
                t.text,
                "    ",
            ));
            ranges.push(start..lines.len());
        }
    }
    // What the text and Markdown plans say under the timeline, in the same words.
    for note in timeline_notes(plan) {
        lines.extend(wrap(&note, width, t.dim, ""));
    }
    (lines, ranges)
}

fn signals(shared: &Shared, plan: &Plan, width: u16) -> Vec<Line<'static>> {
    let t = &shared.theme;
    let mut lines = Vec::new();
    for (label, _, s) in signal_rows(plan) {
        lines.push(Line::from(vec![
            Span::styled(format!("{label}  "), t.title),
            Span::styled(bar(s.score, 10), t.accent),
            Span::styled(format!(" {}/100", s.score), t.title),
        ]));
        lines.extend(factor_lines(shared, &s.reasons, width));
    }
    lines
}
