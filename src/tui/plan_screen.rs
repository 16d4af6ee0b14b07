//! The plan screen: the build/study split, the hiring signals, the ranking, and a tabbed pane with
//! the reasons behind a score, the avoid list, the timeline and the signals in detail.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Cell, LineGauge, Paragraph, Row, StatefulWidget, Table, TableState, Widget,
};

use crate::advisor::{Factor, Plan, cost_text};
use crate::knowledge::Range;
use crate::render::{points, signal_rows};
use crate::tui::app::{App, Pane};
use crate::tui::view::{wrap, wrap_after};

/// One row of the ranking: a recommendation, or a retired certification shown with its successor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RankRow<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub score: Option<u8>,
    pub cost: Range,
    pub hours: Range,
    /// An entry the person evaluated without knowing its cost or hours.
    pub cost_unknown: bool,
    pub hours_unknown: bool,
    pub status: &'a str,
}

/// The rows of the ranking: recommendations by score, then retired certifications. Borrowed:
/// this runs on every key and every frame.
pub fn ranking_rows(app: &App) -> Vec<RankRow<'_>> {
    let Some(plan) = &app.plan else {
        return Vec::new();
    };
    let mut rows: Vec<RankRow> = plan
        .recommendations
        .iter()
        .map(|r| RankRow {
            id: &r.id,
            name: &r.name,
            score: Some(r.score),
            cost: r.cost_usd,
            hours: r.prep_hours,
            cost_unknown: r.cost_unknown,
            hours_unknown: r.hours_unknown,
            status: &r.status,
        })
        .collect();
    for a in &plan.avoid {
        if let Some(e) = app.kb.entry(&a.id)
            && e.status.is_retired()
        {
            rows.push(RankRow {
                id: &e.id,
                name: &e.name,
                score: None,
                cost: e.cost_usd,
                hours: e.prep_hours,
                cost_unknown: false,
                hours_unknown: false,
                status: "retired",
            });
        }
    }
    rows
}

struct Areas {
    split: Rect,
    signals: Rect,
    ranking: Rect,
    detail: Rect,
}

fn areas(body: Rect) -> Areas {
    let [split, signals, ranking, detail] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Fill(1),
    ])
    .areas(body);
    Areas {
        split,
        signals,
        ranking,
        detail,
    }
}

/// The scrolling area: inside the detail pane.
pub fn scroll_area(_app: &App, body: Rect) -> Rect {
    Block::bordered().inner(areas(body).detail)
}

pub fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let Some(plan) = &app.plan else {
        return;
    };
    let a = areas(body);
    split_row(app, plan, a.split, buf);
    signals_row(app, plan, a.signals, buf);
    ranking(app, a.ranking, buf);
    detail(app, a.detail, buf);
}

fn split_row(app: &App, plan: &Plan, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let s = &plan.split;
    let left = format!(
        " Build {}% · {} h/week ",
        s.build_percent, s.build_hours_per_week
    );
    let right = format!(
        " study {}% · {} h/week",
        s.study_percent, s.study_hours_per_week
    );
    let [l, gauge, r] = Layout::horizontal([
        Constraint::Length(u16::try_from(left.len()).unwrap_or(0)),
        Constraint::Fill(1),
        Constraint::Length(u16::try_from(right.len()).unwrap_or(0)),
    ])
    .areas(area);
    Line::styled(left, t.title).render(l, buf);
    LineGauge::default()
        .ratio(f64::from(s.build_percent) / 100.0)
        .label("")
        .filled_symbol("█")
        .unfilled_symbol("░")
        .filled_style(t.accent)
        .unfilled_style(t.dim)
        .render(gauge, buf);
    Line::styled(right, t.title).render(r, buf);
}

fn signals_row(app: &App, plan: &Plan, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let mut spans = vec![Span::styled(" Hiring signals:", t.dim)];
    for (_, short, s) in signal_rows(plan) {
        spans.push(Span::styled(format!(" {short} "), t.text));
        spans.push(Span::styled(format!("{}", s.score), t.title));
        spans.push(Span::styled(" ·", t.dim));
    }
    spans.pop();
    Line::from(spans).render(area, buf);
}

/// A bar of `width` cells for a 0-100 score.
fn bar(score: u8, width: usize) -> String {
    let filled = (usize::from(score) * width + 50) / 100;
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

fn pane_block(app: &App, title: String, focused: bool) -> Block<'static> {
    let t = &app.theme;
    let (border, title_style) = if focused {
        (t.focused_border, t.title)
    } else {
        (t.border, t.dim)
    };
    Block::bordered()
        .border_style(border)
        .title(Line::styled(title, title_style))
}

fn ranking(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let rows = ranking_rows(app);
    // Narrow terminals drop the status, then the hours column, so the names keep room.
    let inner = area.width.saturating_sub(4);
    let show_status = inner >= 75;
    let show_hours = inner >= 62;
    let mut widths = vec![
        Constraint::Length(12),
        Constraint::Fill(1),
        Constraint::Length(11),
    ];
    let mut header = vec!["Score", "Recommendation", "Cost"];
    if show_hours {
        widths.push(Constraint::Length(9));
        header.push("Hours");
    }
    if show_status {
        widths.push(Constraint::Length(8));
        header.push("Status");
    }
    let fixed: u16 = widths
        .iter()
        .map(|c| match c {
            Constraint::Length(n) => n + 1,
            _ => 1,
        })
        .sum();
    let name_width = inner.saturating_sub(fixed).max(8);
    let table_rows: Vec<Row> = rows
        .iter()
        .map(|r| {
            let score = match r.score {
                Some(s) => Line::from(vec![
                    Span::styled(format!("{s:>3} "), t.title),
                    Span::styled(bar(s, 8), t.accent),
                ]),
                None => Line::styled("  —", t.dim),
            };
            // " - " is kept with the word before it, so a continued name never starts with a
            // dash that reads like a list item.
            let name = if r.score.is_some() {
                wrap_after(
                    Span::raw(format!(
                        "{} ",
                        crate::tui::saved_screen::progress_mark(app, r.id)
                    )),
                    &r.name.replace(" - ", "\u{a0}- "),
                    name_width,
                    t.text,
                )
            } else {
                wrap(
                    &retired_name(app, r).replace(" - ", "\u{a0}- "),
                    name_width,
                    t.text,
                    "",
                )
            };
            let height = u16::try_from(name.len()).unwrap_or(1).max(1);
            let status_style = if r.status == "retired" { t.bad } else { t.dim };
            let mut cells = vec![
                Cell::from(score),
                Cell::from(name),
                Cell::from(if r.cost_unknown {
                    "not known".to_owned()
                } else {
                    cost_text(r.cost)
                }),
            ];
            if show_hours {
                cells.push(Cell::from(if r.hours_unknown {
                    "not known".to_owned()
                } else {
                    format!("{} h", r.hours)
                }));
            }
            if show_status {
                cells.push(Cell::from(Span::styled(r.status, status_style)));
            }
            Row::new(cells).height(height)
        })
        .collect();
    let focused = app.pane == Pane::Ranking;
    let table = Table::new(table_rows, widths)
        .header(Row::new(header).style(t.dim))
        .block(pane_block(app, ranking_title(app, rows.len()), focused))
        .row_highlight_style(t.selected)
        .highlight_symbol("▶ ");
    let mut state = TableState::default().with_selected(Some(app.rank_row));
    StatefulWidget::render(table, area, buf, &mut state);
}

/// A retired certification's row names what replaced it.
fn retired_name(app: &App, row: &RankRow) -> String {
    let successor = app
        .kb
        .entry(row.id)
        .and_then(|e| e.status.successor())
        .and_then(|s| app.kb.entry(s));
    match successor {
        // The exam code is enough here ("(AI-103)"); the detail pane has the whole name.
        Some(s) => format!("{} → replaced by {}", row.name, s.short_name()),
        None => row.name.to_owned(),
    }
}

fn ranking_title(app: &App, rows: usize) -> String {
    let done = app
        .progress
        .values()
        .filter(|p| **p == crate::store::Progress::Done)
        .count();
    let doing = app
        .progress
        .values()
        .filter(|p| **p == crate::store::Progress::Doing)
        .count();
    if done + doing == 0 {
        format!(" Ranking ({rows}) ")
    } else {
        format!(" Ranking ({rows}) · {done} done, {doing} doing ")
    }
}

fn detail(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let shown = shown_pane(app);
    let mut title = vec![Span::raw(" ")];
    for p in &Pane::ALL[1..] {
        let style = if *p == shown { t.selected } else { t.dim };
        title.push(Span::styled(format!(" {} ", p.label()), style));
        title.push(Span::raw(" "));
    }
    let focused = app.pane != Pane::Ranking;
    let block = pane_block(app, String::new(), focused).title(Line::from(title));
    let inner = block.inner(area);
    block.render(area, buf);
    Paragraph::new(pane_lines(app, inner.width))
        .scroll((app.scroll, 0))
        .render(inner, buf);
}

/// The pane the detail area shows: the reasons when the ranking has focus.
fn shown_pane(app: &App) -> Pane {
    match app.pane {
        Pane::Ranking => Pane::Why,
        p => p,
    }
}

fn factor_lines(app: &App, factors: &[Factor], width: u16) -> Vec<Line<'static>> {
    factors
        .iter()
        .flat_map(|f| {
            let prefix = Span::styled(
                format!("{:>4}  ", points(f.points)),
                app.theme.points(f.points),
            );
            wrap_after(prefix, &f.text, width, app.theme.text)
        })
        .collect()
}

/// The lines of the detail pane, wrapped to `width`.
pub fn pane_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let Some(plan) = &app.plan else {
        return Vec::new();
    };
    match shown_pane(app) {
        Pane::Ranking | Pane::Why => why_lines(app, plan, width),
        Pane::Avoid => avoid_lines(app, plan, width),
        Pane::Timeline => timeline_lines(app, plan, width),
        Pane::Signals => signal_lines(app, plan, width),
    }
}

fn why_lines(app: &App, plan: &Plan, width: u16) -> Vec<Line<'static>> {
    let t = &app.theme;
    let rows = ranking_rows(app);
    let Some(row) = rows.get(app.rank_row) else {
        return Vec::new();
    };
    let mut lines = wrap(row.name, width, t.heading, "");
    if let Some(r) = plan.recommendations.iter().find(|r| r.id == row.id) {
        lines.push(Line::styled(format!("Score {} for you:", r.score), t.title));
        lines.extend(factor_lines(app, &r.reasons, width));
    } else if let Some(a) = plan.avoid.iter().find(|a| a.id == row.id) {
        lines.push(Line::styled("Why to avoid it:", t.title));
        for reason in &a.reasons {
            lines.extend(wrap_after(Span::raw("  • "), reason, width, t.text));
        }
    }
    if let Some(e) = app.kb.entry(row.id) {
        lines.push(Line::default());
        let facts = format!(
            "{} · {} · {} · {} h{}",
            e.provider,
            e.kind,
            cost_text(e.cost_usd),
            e.prep_hours,
            e.tier.map(|n| format!(" · tier {n}")).unwrap_or_default()
        );
        lines.extend(wrap(&facts, width, t.dim, ""));
        lines.extend(wrap(&e.summary, width, t.text, ""));
        lines.extend(crate::tui::catalog_screen::verdict_lines(app, e, width));
    }
    lines
}

fn avoid_lines(app: &App, plan: &Plan, width: u16) -> Vec<Line<'static>> {
    let t = &app.theme;
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

fn timeline_lines(app: &App, plan: &Plan, width: u16) -> Vec<Line<'static>> {
    let t = &app.theme;
    if plan.timeline.is_empty() {
        return vec![Line::styled(
            "Nothing scores high enough to schedule yet.",
            t.dim,
        )];
    }
    plan.timeline
        .iter()
        .flat_map(|s| {
            let prefix = Span::styled(
                format!(
                    "{:<6} wk {:>3}-{:<3} ",
                    s.phase.label(),
                    s.start_week,
                    s.end_week
                ),
                t.key,
            );
            let text = format!("{} ({}, about {} h)", s.title, s.track.label(), s.hours);
            wrap_after(prefix, &text, width, t.text)
        })
        .collect()
}

fn signal_lines(app: &App, plan: &Plan, width: u16) -> Vec<Line<'static>> {
    let t = &app.theme;
    let mut lines = Vec::new();
    for (label, _, s) in signal_rows(plan) {
        lines.push(Line::from(vec![
            Span::styled(format!("{label}  "), t.title),
            Span::styled(bar(s.score, 10), t.accent),
            Span::styled(format!(" {}/100", s.score), t.title),
        ]));
        lines.extend(factor_lines(app, &s.reasons, width));
    }
    lines
}
