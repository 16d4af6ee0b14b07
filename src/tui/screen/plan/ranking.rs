//! The plan's ranking: recommendations by score with a bar, cost, hours, status and progress,
//! then retired certifications with what replaced them.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row, StatefulWidget, TableState, Widget};

use crate::knowledge::Range;
use crate::progress;
use crate::render::{cost_or_unknown, hours_or_unknown};
use crate::tui::frame::{wrap, wrap_after};
use crate::tui::screen::Stamp;
use crate::tui::shared::Shared;

use super::{bar, pane_block};

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
pub fn rows(shared: &Shared) -> Vec<RankRow<'_>> {
    let Some(plan) = &shared.work.plan else {
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
        if let Some(e) = shared.kb.entry(&a.id)
            && e.status.is_retired()
        {
            rows.push(RankRow {
                id: &e.id,
                name: &e.name,
                score: None,
                cost: e.cost_usd,
                hours: e.prep_hours,
                cost_unknown: e.cost_unknown,
                hours_unknown: e.hours_unknown,
                status: "retired",
            });
        }
    }
    rows
}

/// The mark of a recommendation's progress, from its steps on the timeline; blank when the
/// timeline does not schedule it.
pub fn progress_mark(shared: &Shared, id: &str) -> &'static str {
    shared
        .work
        .plan
        .as_ref()
        .and_then(|p| progress::of_entry(p, &shared.work.progress, id))
        .map_or("   ", progress::Progress::mark)
}

/// The ranking's rows wrapped for a table `width` columns wide, kept until the plan, its
/// progress or the width changes: wrapping every name is most of the work of a frame.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    rows: Vec<Row<'static>>,
    /// Each row's height, for the "more below" count.
    heights: Vec<u16>,
    /// Retired rows among them (shown below the recommendations).
    retired: usize,
    built_for: Stamp,
}

impl Table {
    pub fn layout(&mut self, shared: &Shared, width: u16) {
        if self.built_for.stale_for((shared.generation, width)) {
            (self.rows, self.heights) = table_rows(shared, width).into_iter().unzip();
            self.retired = rows(shared).iter().filter(|r| r.score.is_none()).count();
        }
    }

    /// Draws the ranking with `selected` highlighted.
    pub fn render(
        &self,
        shared: &Shared,
        selected: usize,
        focused: bool,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let t = &shared.theme;
        let (widths, header, _) = columns(area.width);
        let table = ratatui::widgets::Table::new(self.rows.iter().cloned(), widths)
            .header(Row::new(header).style(t.dim))
            .block(pane_block(
                shared,
                title(shared, self.rows.len(), self.retired, area.width),
                focused,
            ))
            .row_highlight_style(t.selected)
            .highlight_symbol("▶ ");
        let mut state = TableState::default().with_selected(Some(selected));
        StatefulWidget::render(table, area, buf, &mut state);
        self.mark_cut_off(shared, state.offset(), area, buf);
    }

    /// On the bottom border, how many rows are above and below the ones shown, when the table
    /// is cut off.
    fn mark_cut_off(&self, shared: &Shared, offset: usize, area: Rect, buf: &mut Buffer) {
        // Inside the border, under the header row.
        let room = area.height.saturating_sub(3);
        let shown = crate::tui::frame::items_shown(&self.heights, offset, room);
        let below = self.heights.len().saturating_sub(offset + shown);
        let Some(text) = crate::tui::frame::more_text(offset, below) else {
            return;
        };
        let text = format!(" {text} ");
        let width = u16::try_from(text.chars().count()).unwrap_or(0);
        if area.height < 2 || area.width < width + 4 {
            return;
        }
        let row = Rect {
            x: area.right() - width - 2,
            y: area.bottom() - 1,
            width,
            height: 1,
        };
        Line::styled(text, shared.theme.dim).render(row, buf);
    }
}

/// The columns for a table `width` wide: narrow terminals drop the status, then the hours
/// column, so the names keep room. Also the width left for names.
fn columns(width: u16) -> (Vec<Constraint>, Vec<&'static str>, u16) {
    let inner = width.saturating_sub(4);
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
    (widths, header, name_width)
}

fn table_rows(shared: &Shared, width: u16) -> Vec<(Row<'static>, u16)> {
    let t = &shared.theme;
    let (widths, _, name_width) = columns(width);
    let show_hours = widths.len() > 3;
    let show_status = widths.len() > 4;
    rows(shared)
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
                    Span::raw(format!("{} ", progress_mark(shared, r.id))),
                    &r.name.replace(" - ", "\u{a0}- "),
                    name_width,
                    t.text,
                )
            } else {
                wrap(
                    &retired_name(shared, r).replace(" - ", "\u{a0}- "),
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
                Cell::from(cost_or_unknown(r.cost, r.cost_unknown)),
            ];
            if show_hours {
                cells.push(Cell::from(hours_or_unknown(r.hours, r.hours_unknown)));
            }
            if show_status {
                cells.push(Cell::from(Span::styled(r.status.to_owned(), status_style)));
            }
            (Row::new(cells).height(height), height)
        })
        .collect()
}

/// A retired certification's row names what replaced it.
fn retired_name(shared: &Shared, row: &RankRow) -> String {
    let successor = shared
        .kb
        .entry(row.id)
        .and_then(|e| e.status.successor())
        .and_then(|s| shared.kb.entry(s));
    match successor {
        // The exam code is enough here ("(AI-103)"); the detail pane has the whole name.
        Some(s) => format!("{} → replaced by {}", row.name, s.short_name()),
        None => row.name.to_owned(),
    }
}

/// " Ranking (18, 3 retired) · 2 of 6 steps done, 1 started ", or the short count ("2/6
/// done") when the long one does not fit the border. The count is of recommendations, as the
/// text plan lists them; retired certifications shown below them are counted apart.
fn title(shared: &Shared, all: usize, retired: usize, width: u16) -> String {
    let counts = shared
        .work
        .plan
        .as_ref()
        .map(|p| progress::counts(p, &shared.work.progress))
        .unwrap_or_default();
    let rows = if retired == 0 {
        format!("{all}")
    } else {
        format!("{}, {retired} retired", all - retired)
    };
    if counts.done + counts.doing == 0 {
        return format!(" Ranking ({rows}) ");
    }
    let long = format!(" Ranking ({rows}) · {} ", counts.text());
    if long.chars().count() + 4 <= usize::from(width) {
        long
    } else {
        format!(" Ranking ({rows}) · {} ", counts.short())
    }
}
