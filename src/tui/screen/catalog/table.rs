//! The catalog's table: one line per certification or course. Every column is as wide as its
//! widest value in the catalog (so "480-960" is never cut to "480-96"); the columns a person
//! needs least give way on a narrow terminal, and the name, cut with "…" last, keeps its exam
//! code. The full name and the provider are in the detail view.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Cell, HighlightSpacing, Paragraph, Row, StatefulWidget, Table, TableState, Widget,
};
use unicode_width::UnicodeWidthStr as _;

use super::{KEYS, SortBy, State, rows, stale, status_text, usd_short};
use crate::knowledge::{Entry, Knowledge, Platform};
use crate::tui::action::Action;
use crate::tui::frame::{fit_hints, padded, wrap};
use crate::tui::keymap::{self, GLOBAL, Mode};
use crate::tui::shared::Shared;

/// The columns after the name, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Col {
    Provider,
    Tier,
    Cost,
    Hours,
    Cloud,
    Jobs,
    Status,
    Reviewed,
}

/// The columns every width shows: what a certification costs, takes and whether it can still
/// be taken.
const ALWAYS: [Col; 4] = [Col::Tier, Col::Cost, Col::Hours, Col::Status];
/// The other columns, the most wanted first: each is added while the name keeps [`MIN_NAME`]
/// columns. A stale entry's `!` moves to the status when Reviewed has no room.
const OPTIONAL: [Col; 4] = [Col::Cloud, Col::Reviewed, Col::Provider, Col::Jobs];
/// The name column never gets narrower than this for an optional column (at the 60-column
/// minimum it has what is left).
const MIN_NAME: u16 = 32;
/// The widest a provider gets (longer ones end in "…"; the detail view has them whole).
const MAX_PROVIDER: u16 = 20;
/// Room for the highlight symbol.
const HIGHLIGHT: u16 = 2;

impl Col {
    const ALL: [Col; 8] = [
        Col::Provider,
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
            Col::Provider => "Provider",
            Col::Tier => "Tier",
            Col::Cost => "USD",
            Col::Hours => "Hours",
            Col::Cloud => "Cloud",
            Col::Jobs => "Jobs",
            Col::Status => "Status",
            Col::Reviewed => "Reviewed",
        }
    }

    /// The column a sort key reads, if it is not the name (always shown).
    pub(super) fn of(sort: SortBy) -> Option<Col> {
        match sort {
            SortBy::Name => None,
            SortBy::Tier => Some(Col::Tier),
            SortBy::Provider => Some(Col::Provider),
            SortBy::Cost => Some(Col::Cost),
            SortBy::Hours => Some(Col::Hours),
            SortBy::Platform => Some(Col::Cloud),
            SortBy::Postings => Some(Col::Jobs),
            SortBy::Status => Some(Col::Status),
            SortBy::Reviewed => Some(Col::Reviewed),
        }
    }
}

/// What a cell says (without its style).
fn text(kb: &Knowledge, e: &Entry, col: Col, wide_status: bool) -> String {
    match col {
        Col::Provider => e.provider.clone(),
        Col::Tier => e.tier.map_or_else(String::new, |n| n.to_string()),
        Col::Cost if e.cost_unknown => "?".to_owned(),
        Col::Cost => usd_short(e.cost_usd),
        Col::Hours if e.hours_unknown => "?".to_owned(),
        Col::Hours => e.prep_hours.to_string(),
        Col::Cloud => e.platform.map_or("", Platform::as_str).to_owned(),
        Col::Jobs => e
            .postings_percent
            .map_or_else(|| "—".to_owned(), |p| format!("{p}%")),
        Col::Status if wide_status => status_text(kb, e),
        Col::Status => e.status.as_str().to_owned(),
        // The `!` of a stale entry included.
        Col::Reviewed => format!("{}!", e.reviewed),
    }
}

/// The columns shown at one width and how wide each is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Columns {
    /// In display order, with their widths.
    pub cols: Vec<(Col, u16)>,
    /// The status names the successor ("retired → MLA-C01").
    pub wide_status: bool,
    /// What is left for the name.
    pub name: u16,
}

impl Columns {
    pub fn shows(&self, col: Col) -> bool {
        self.cols.iter().any(|(c, _)| *c == col)
    }

    /// Whether the table can sort by this key at this width.
    pub fn sorts_by(&self, sort: SortBy) -> bool {
        Col::of(sort).is_none_or(|c| self.shows(c))
    }
}

/// The columns for a table `width` columns wide, each measured from every certification and
/// course of the catalog (not only the rows shown, so a search does not make columns jump).
pub(super) fn columns(kb: &Knowledge, width: u16) -> Columns {
    let entries: Vec<&Entry> = kb
        .catalog
        .entries
        .iter()
        .filter(|e| e.kind.is_study())
        .collect();
    let measure = |col: Col, wide: bool| -> u16 {
        let widest = entries
            .iter()
            .map(|e| text(kb, e, col, wide).width())
            .chain([col.header().width()])
            .max()
            .unwrap_or(0);
        let mut w = u16::try_from(widest).unwrap_or(u16::MAX);
        if col == Col::Status && !wide {
            w += 1; // the `!` of a stale entry when Reviewed has no room
        }
        if col == Col::Provider {
            w = w.min(MAX_PROVIDER);
        }
        w
    };
    let used = |cols: &[(Col, u16)]| HIGHLIGHT + cols.iter().map(|(_, w)| w + 1).sum::<u16>();
    let mut chosen: Vec<Col> = ALWAYS.to_vec();
    let shown = |chosen: &[Col], wide: bool| -> Vec<(Col, u16)> {
        Col::ALL
            .iter()
            .filter(|c| chosen.contains(c))
            .map(|c| (*c, measure(*c, wide)))
            .collect()
    };
    for col in OPTIONAL {
        let mut more = chosen.clone();
        more.push(col);
        if width.saturating_sub(used(&shown(&more, false))) >= MIN_NAME {
            chosen = more;
        }
    }
    let narrow = shown(&chosen, false);
    let wide = shown(&chosen, true);
    let wide_status = width.saturating_sub(used(&wide)) >= MIN_NAME;
    let cols = if wide_status { wide } else { narrow };
    let name = width.saturating_sub(used(&cols));
    Columns {
        cols,
        wide_status,
        name,
    }
}

/// `name` in at most `width` columns, cut with "…"; a trailing exam code in brackets
/// ("(AI-102)") stays whole, since it is what tells similar names apart.
pub(super) fn fit_name(name: &str, width: usize) -> String {
    if name.width() <= width {
        return name.to_owned();
    }
    if let Some((head, code)) = name.rsplit_once(" (")
        && code.ends_with(')')
        && code.width() + 4 <= width / 2
    {
        let code = format!("({code}");
        let room = width.saturating_sub(code.width() + 1);
        return format!("{} {code}", ellipsized(head, room));
    }
    ellipsized(name, width)
}

/// `text` cut to `width` columns, ending in "…" when cut.
fn ellipsized(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.to_string().width();
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    if width > 0 {
        out.push('…');
    }
    out
}

/// The line above the table: sort order, filters and marks, in the columns' own words.
fn status_line(app: &Shared, v: &State, width: u16) -> Vec<Line<'static>> {
    let t = &app.theme;
    let arrow = if v.descending { "↓" } else { "↑" };
    let tier = v.tier.map_or_else(|| "all".to_owned(), |n| n.to_string());
    let search = if v.searching {
        let room = usize::from(width).saturating_sub(10).max(8);
        Some(format!("search: {}", v.query.view(room, true)))
    } else {
        (!v.query.is_empty()).then(|| format!("search: {}", v.query.text()))
    };
    let parts: Vec<(String, ratatui::style::Style)> = search
        .into_iter()
        .map(|s| (s, t.title))
        .chain([
            (format!("sort {} {arrow}", v.sort.label()), t.title),
            (format!("Cloud {}", v.platform.label()), t.dim),
            (format!("Tier {tier}"), t.dim),
            (format!("Status {}", v.status.label()), t.dim),
            (format!("{} marked", v.marked.len()), t.dim),
        ])
        .collect();
    packed(parts, " · ", width, t.dim)
}

/// Whole parts per line, `gap` between them, so a narrow terminal wraps between parts instead
/// of cutting one ("e" and "evaluate" on two lines). A part wider than the line is wrapped alone.
fn packed(
    parts: Vec<(String, ratatui::style::Style)>,
    gap: &str,
    width: u16,
    gap_style: ratatui::style::Style,
) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut used = 0usize;
    let width = usize::from(width);
    for (part, style) in parts {
        let len = part.width();
        match lines.last_mut() {
            Some(line) if used + gap.width() + len <= width => {
                line.spans.push(Span::styled(gap.to_owned(), gap_style));
                line.spans.push(Span::styled(part, style));
                used += gap.width() + len;
            }
            _ if len > width => {
                let more = wrap(&part, u16::try_from(width).unwrap_or(u16::MAX), style, "");
                used = more.last().map_or(0, Line::width);
                lines.extend(more);
            }
            _ => {
                lines.push(Line::from(Span::styled(part, style)));
                used = len;
            }
        }
    }
    lines
}

/// The catalog keys the footer has no room for, so none of them is hidden; each key stays on
/// one line with what it does.
fn more_keys(app: &Shared, mode: Mode, width: u16) -> Vec<Line<'static>> {
    let t = &app.theme;
    let hints = keymap::footer_hints(&[KEYS, GLOBAL], mode);
    let (_, left) = fit_hints(hints, app.width);
    if left.is_empty() {
        return Vec::new();
    }
    let parts = left
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let lead = if i == 0 { "Keys: " } else { "" };
            (format!("{lead}{} {}", h.0, h.1), t.dim)
        })
        .collect();
    packed(parts, "  ", width, t.dim)
}

fn cells(app: &Shared, v: &State, e: &Entry, cols: &Columns) -> Row<'static> {
    let t = &app.theme;
    let mark = if v.marked.contains(&e.id) { "+ " } else { "" };
    // Your own evaluations say so in the name when the provider column (which says it) has no
    // room; "(yours)" is short enough to stay whole as a cut name's last bracket.
    let yours = if !cols.shows(Col::Provider) && e.id.starts_with("user-") {
        " (yours)"
    } else {
        ""
    };
    let name = fit_name(&format!("{mark}{}{yours}", e.name), usize::from(cols.name));
    let is_stale = stale(app.today, e);
    let mut out = vec![Cell::from(name)];
    for (col, width) in &cols.cols {
        out.push(match col {
            Col::Provider => Cell::from(Span::styled(
                ellipsized(&e.provider, usize::from(*width)),
                t.dim,
            )),
            Col::Status => {
                let mut text = text(app.kb, e, Col::Status, cols.wide_status);
                if is_stale && !cols.shows(Col::Reviewed) {
                    text.push('!');
                }
                let style = if e.status.is_retired() || is_stale {
                    t.bad
                } else {
                    t.dim
                };
                Cell::from(Span::styled(ellipsized(&text, usize::from(*width)), style))
            }
            Col::Reviewed => {
                let (text, style) = if is_stale {
                    (format!("{}!", e.reviewed), t.bad)
                } else {
                    (e.reviewed.to_string(), t.dim)
                };
                Cell::from(Span::styled(text, style))
            }
            other => Cell::from(text(app.kb, e, *other, false)),
        });
    }
    Row::new(out)
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
    let cols = columns(app.kb, body.width);
    let mut widths = vec![Constraint::Fill(1)];
    widths.extend(cols.cols.iter().map(|(_, w)| Constraint::Length(*w)));
    let mut header = vec!["Name"];
    header.extend(cols.cols.iter().map(|(c, _)| c.header()));
    let entries = rows(app.kb, v);
    let table_rows: Vec<Row> = entries.iter().map(|e| cells(app, v, e, &cols)).collect();
    // Nothing to list, from a search or a filter alike: said where the rows would be, with the
    // key that brings them back.
    let nothing = entries.is_empty().then(|| {
        let clear = keymap::key_for(&[KEYS, GLOBAL], Mode::Catalog, Action::ClearFilters);
        if v.searching {
            let cancel = keymap::key_for(&[KEYS, GLOBAL], Mode::CatalogSearch, Action::Back);
            format!("Nothing matches. {cancel} drops the search; then {clear} clears every filter.")
        } else {
            format!("Nothing matches. {clear} clears the search and every filter.")
        }
    });
    let note = if nothing.is_some() {
        None
    } else if cols.shows(Col::Jobs) {
        Some("! not reviewed in 12 months · Jobs: share of AI postings")
    } else {
        Some("! not reviewed in 12 months")
    };
    let mut foot = note.map_or_else(Vec::new, |n| wrap(n, body.width, t.dim, ""));
    foot.extend(more_keys(app, v.mode(), body.width));
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
    // Cut off, the list's last row says how many entries are above and below.
    let heights = vec![1; entries.len()];
    let cut = entries.len() > usize::from(list.height.saturating_sub(1));
    let [list, marker] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(u16::from(cut))]).areas(list);
    let mut state = TableState::default().with_selected((!entries.is_empty()).then_some(v.row));
    StatefulWidget::render(table, list, buf, &mut state);
    if let Some(nothing) = &nothing {
        // Under the header, in the names' column.
        let rows = Rect {
            y: list.y.saturating_add(1),
            height: list.height.saturating_sub(1),
            ..list
        };
        Paragraph::new(wrap(nothing, rows.width, t.text, "  ")).render(rows, buf);
    }
    let room = list.height.saturating_sub(1);
    let below = heights.len().saturating_sub(
        state.offset() + crate::tui::frame::items_shown(&heights, state.offset(), room),
    );
    if let Some(text) = crate::tui::frame::more_text(state.offset(), below).filter(|_| cut) {
        Line::styled(text, t.dim)
            .right_aligned()
            .render(marker, buf);
    }
    Paragraph::new(foot).render(foot_area, buf);
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn kb() -> &'static Knowledge {
        Box::leak(Box::new(Knowledge::embedded().unwrap()))
    }

    #[test]
    fn every_width_keeps_the_name_readable_and_the_needed_columns() {
        let kb = kb();
        for width in [58, 78, 118] {
            let c = columns(kb, width);
            for col in ALWAYS {
                assert!(c.shows(col), "{width}: {col:?}");
            }
            let used: u16 = HIGHLIGHT + c.cols.iter().map(|(_, w)| w + 1).sum::<u16>();
            assert_eq!(used + c.name, width);
            assert!(c.name >= 20, "{width}: {c:?}");
        }
        let wide = columns(kb, 118);
        assert!(Col::ALL.iter().all(|col| wide.shows(*col)), "{wide:?}");
        assert!(!columns(kb, 78).shows(Col::Provider));
    }

    #[test]
    fn columns_are_as_wide_as_their_widest_value() {
        let c = columns(kb(), 78);
        let hours = c.cols.iter().find(|(c, _)| *c == Col::Hours).unwrap().1;
        assert!(hours >= 7, "480-960 needs 7 columns, got {hours}");
    }

    #[test]
    fn a_cut_name_keeps_its_exam_code() {
        let name = "Microsoft Azure AI Engineer Associate (AI-102)";
        assert_eq!(fit_name(name, 60), name);
        let cut = fit_name(name, 26);
        assert!(cut.ends_with(" (AI-102)") && cut.contains('…'), "{cut}");
        assert!(cut.width() <= 26, "{cut}");
        let plain = fit_name("DeepLearning.AI Machine Learning Specialization", 20);
        assert!(plain.ends_with('…') && plain.width() <= 20, "{plain}");
    }
}
