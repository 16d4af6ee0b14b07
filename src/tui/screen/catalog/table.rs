//! The catalog's table: one row per certification or course, with columns that give way on a
//! narrow terminal so the names stay readable.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Cell, HighlightSpacing, Paragraph, Row, StatefulWidget, Table, TableState, Widget,
};

use super::{KEYS, State, rows, stale, status_text, usd_short};
use crate::knowledge::{Entry, Platform};
use crate::tui::action::Action;
use crate::tui::frame::{fit_hints, padded, wrap};
use crate::tui::input::window;
use crate::tui::keymap::{self, GLOBAL, Mode};
use crate::tui::shared::Shared;

/// The columns after the name, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Tier,
    Cost,
    Hours,
    Cloud,
    Jobs,
    Status,
    Reviewed,
}

/// The order columns give way in when the terminal is narrow: the least needed first. Tier,
/// cost and status always stay; a stale entry's `!` moves to the status when Reviewed goes.
const DROP_ORDER: [Col; 4] = [Col::Hours, Col::Reviewed, Col::Jobs, Col::Cloud];
/// The name column never gets narrower than this while a column can still give way.
const MIN_NAME: u16 = 20;
/// The width of the status column when it has room to name the successor.
const WIDE_STATUS: u16 = 24;

impl Col {
    const ALL: [Col; 7] = [
        Col::Tier,
        Col::Cost,
        Col::Hours,
        Col::Cloud,
        Col::Jobs,
        Col::Status,
        Col::Reviewed,
    ];

    /// The header: the same words the sort and filter labels use.
    fn header(self) -> &'static str {
        match self {
            Col::Tier => "Tier",
            Col::Cost => "USD",
            Col::Hours => "Hours",
            Col::Cloud => "Cloud",
            Col::Jobs => "Jobs",
            Col::Status => "Status",
            Col::Reviewed => "Reviewed",
        }
    }

    fn width(self, wide: bool) -> u16 {
        match self {
            Col::Tier | Col::Jobs => 4,
            Col::Status if wide => WIDE_STATUS,
            Col::Cost | Col::Status => 7,
            Col::Hours => 6,
            Col::Cloud => 10,
            Col::Reviewed => 11,
        }
    }
}

/// The columns that fit a width (the highlight symbol and the gaps included), in display order.
fn columns(width: u16) -> (Vec<Col>, bool) {
    let wide = width >= 110;
    let mut cols = Col::ALL.to_vec();
    let used = |cols: &[Col]| -> u16 { 2 + cols.iter().map(|c| c.width(wide) + 1).sum::<u16>() };
    for drop in DROP_ORDER {
        if width.saturating_sub(used(&cols)) >= MIN_NAME {
            break;
        }
        cols.retain(|c| *c != drop);
    }
    (cols, wide)
}

/// The line above the table: sort order, filters and marks, in the columns' own words.
fn status_line(app: &Shared, v: &State, width: u16) -> Vec<Line<'static>> {
    let t = &app.theme;
    let arrow = if v.descending { "↓" } else { "↑" };
    let tier = v.tier.map_or_else(|| "all".to_owned(), |n| n.to_string());
    let search = if v.searching {
        let room = usize::from(width).saturating_sub(10).max(8);
        Some(format!("search: {}", window(&v.query, room)))
    } else {
        (!v.query.is_empty()).then(|| format!("search: {}", v.query))
    };
    let parts = search.into_iter().chain([
        format!("sort {} {arrow}", v.sort.label()),
        format!("Cloud {}", v.platform.label()),
        format!("Tier {tier}"),
        format!("Status {}", v.status.label()),
        format!("{} marked", v.marked.len()),
    ]);
    // Whole parts per line, so a narrow terminal wraps between them instead of cutting.
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut used = 0usize;
    for (i, part) in parts.into_iter().enumerate() {
        let style = if i == 0 || part.starts_with("search: ") {
            t.title
        } else {
            t.dim
        };
        let len = part.chars().count();
        match lines.last_mut() {
            Some(line) if used + 3 + len <= usize::from(width) => {
                line.spans.push(Span::styled(" · ", t.dim));
                line.spans.push(Span::styled(part, style));
                used += 3 + len;
            }
            _ => {
                lines.push(Line::from(Span::styled(part, style)));
                used = len;
            }
        }
    }
    lines
}

/// The catalog keys the footer has no room for, so none of them is hidden.
fn more_keys(mode: Mode, width: u16) -> Option<String> {
    let hints = keymap::footer_hints(&[KEYS, GLOBAL], mode);
    let (_, left) = fit_hints(hints, width);
    let left: Vec<String> = left.iter().map(|h| format!("{} {}", h.0, h.1)).collect();
    (!left.is_empty()).then(|| format!("Keys: {}", left.join("  ")))
}

fn cells(
    app: &Shared,
    v: &State,
    e: &Entry,
    cols: &[Col],
    wide: bool,
    name_width: u16,
) -> Row<'static> {
    let t = &app.theme;
    let mark = if v.marked.contains(&e.id) { "+ " } else { "" };
    let mut name = wrap(&format!("{mark}{}", e.name), name_width, t.text, "");
    name.extend(wrap(&e.provider, name_width, t.dim, "  "));
    let is_stale = stale(app.today, e);
    let mut height = name.len();
    let mut out = vec![Cell::from(name)];
    for col in cols {
        out.push(match col {
            Col::Tier => Cell::from(e.tier.map_or_else(String::new, |n| n.to_string())),
            Col::Cost if e.cost_unknown => Cell::from("?"),
            Col::Cost => Cell::from(usd_short(e.cost_usd)),
            Col::Hours if e.hours_unknown => Cell::from("?"),
            Col::Hours => Cell::from(e.prep_hours.to_string()),
            Col::Cloud => Cell::from(e.platform.map_or("", Platform::as_str)),
            Col::Jobs => Cell::from(
                e.postings_percent
                    .map_or_else(|| "—".to_owned(), |p| format!("{p}%")),
            ),
            Col::Status => {
                let mut text = if wide {
                    status_text(app.kb, e)
                } else {
                    e.status.as_str().to_owned()
                };
                if is_stale && !cols.contains(&Col::Reviewed) {
                    text.push('!');
                }
                let style = if e.status.is_retired() || is_stale {
                    t.bad
                } else {
                    t.dim
                };
                let lines = wrap(&text, Col::Status.width(wide), style, "");
                height = height.max(lines.len());
                Cell::from(lines)
            }
            Col::Reviewed => {
                let (text, style) = if is_stale {
                    (format!("{}!", e.reviewed), t.bad)
                } else {
                    (e.reviewed.to_string(), t.dim)
                };
                Cell::from(Span::styled(text, style))
            }
        });
    }
    Row::new(out).height(u16::try_from(height).unwrap_or(1).max(1))
}

pub(super) fn render(app: &Shared, v: &State, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let area = padded(area);
    let head = status_line(app, v, area.width);
    let [head_area, body] = Layout::vertical([
        Constraint::Length(u16::try_from(head.len()).unwrap_or(1)),
        Constraint::Fill(1),
    ])
    .areas(area);
    Paragraph::new(head).render(head_area, buf);
    let (cols, wide) = columns(body.width);
    let mut widths = vec![Constraint::Fill(1)];
    widths.extend(cols.iter().map(|c| Constraint::Length(c.width(wide))));
    let mut header = vec!["Name / provider"];
    header.extend(cols.iter().map(|c| c.header()));
    let fixed: u16 = 2 + cols.iter().map(|c| c.width(wide) + 1).sum::<u16>();
    let name_width = body.width.saturating_sub(fixed).max(10);
    let entries = rows(app.kb, v);
    let table_rows: Vec<Row> = entries
        .iter()
        .map(|e| cells(app, v, e, &cols, wide, name_width))
        .collect();
    let note = if entries.is_empty() {
        let clear = keymap::key_for(&[KEYS, GLOBAL], Mode::Catalog, Action::ClearFilters);
        if v.searching {
            let cancel = keymap::key_for(&[KEYS, GLOBAL], Mode::CatalogSearch, Action::Back);
            format!("Nothing matches. {cancel} drops the search; then {clear} clears every filter.")
        } else {
            format!("Nothing matches. {clear} clears the search and every filter.")
        }
    } else {
        "! not reviewed in 12 months · Jobs: share of AI postings".to_owned()
    };
    let mut foot = wrap(&note, body.width, t.dim, "");
    if let Some(keys) = more_keys(v.mode(), app.width) {
        foot.extend(wrap(&keys, body.width, t.dim, ""));
    }
    let [list, foot_area] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(u16::try_from(foot.len()).unwrap_or(2)),
    ])
    .areas(body);
    let table = Table::new(table_rows, widths)
        .header(Row::new(header).style(t.dim))
        .row_highlight_style(t.selected)
        .highlight_symbol("▶ ")
        // The symbol's room is kept even when nothing matches, so the header never shifts.
        .highlight_spacing(HighlightSpacing::Always);
    let mut state = TableState::default().with_selected((!entries.is_empty()).then_some(v.row));
    StatefulWidget::render(table, list, buf, &mut state);
    Paragraph::new(foot).render(foot_area, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_widths_drop_columns_before_the_name_gets_short() {
        let (cols, _) = columns(58);
        assert!(!cols.contains(&Col::Hours) && !cols.contains(&Col::Reviewed));
        let used: u16 = 2 + cols.iter().map(|c| c.width(false) + 1).sum::<u16>();
        assert!(58 - used >= MIN_NAME);
        assert_eq!(columns(118).0.len(), Col::ALL.len());
    }
}
