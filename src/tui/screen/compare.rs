//! The build-versus-certify screen: a table of the figures, saying per row whether they are the
//! sources' or certwise's estimate, and a bar chart of skill, signal and ROI.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Cell, Paragraph, Row, Table, Widget};

use crate::compare::{Compared, compare};
use crate::knowledge::Rating;
use crate::tui::action::Action;
use crate::tui::frame::{padded, wrap};
use crate::tui::keymap::KeyPat::Code;
use crate::tui::keymap::{Binding, Mode as M, Scope};
use crate::tui::screen::catalog::usd_short;
use crate::tui::screen::{Go, Screen};
use crate::tui::shared::Shared;
use ratatui::crossterm::event::KeyCode as K;

/// The entries compared, and where Esc returns to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    pub ids: Vec<String>,
    pub back_to: Screen,
}

impl Default for State {
    fn default() -> Self {
        State {
            ids: Vec::new(),
            back_to: Screen::Welcome,
        }
    }
}

impl State {
    /// Compares the given entries with a portfolio project (always added: build versus
    /// certify), coming back to `from` on Esc. False if there is nothing to compare.
    pub fn open(&mut self, mut ids: Vec<String>, from: Screen) -> bool {
        if !ids.iter().any(|id| id == "portfolio-project") {
            ids.push("portfolio-project".to_owned());
        }
        ids.dedup();
        if ids.len() < 2 {
            return false;
        }
        if from != Screen::Compare {
            self.back_to = from;
        }
        self.ids = ids;
        true
    }

    pub fn update(&mut self, action: Action) -> Option<Go> {
        (action == Action::Back).then_some(Go::To(self.back_to))
    }

    pub fn render(&self, shared: &Shared, area: Rect, buf: &mut Buffer) {
        render_compare(shared, &self.ids, area, buf);
    }
}

/// Below this many columns for names, the skill and signal columns give way (the chart shows
/// them as bars).
const MIN_NAME: u16 = 18;

/// The ROI cell: `retired` for a retired certification, and `*` after certwise's estimates.
fn roi_cell(c: &Compared) -> String {
    if c.retired_on.is_some() {
        "retired".to_owned()
    } else if c.from_seeds {
        c.roi.as_str().to_owned()
    } else {
        format!("{}*", c.roi.as_str())
    }
}

/// The lines under the table: where each row's figures come from, and what replaces a retired
/// certification.
fn notes(app: &Shared, items: &[Compared], width: u16) -> Vec<Line<'static>> {
    let t = &app.theme;
    let mut lines = Vec::new();
    let from_sources: Vec<&str> = items
        .iter()
        .filter(|c| c.from_seeds)
        .map(|c| c.name.as_str())
        .collect();
    if !from_sources.is_empty() {
        lines.extend(wrap(
            &format!(
                "From the sources' ROI analysis: {}.",
                from_sources.join(", ")
            ),
            width,
            t.dim,
            "",
        ));
    }
    if items
        .iter()
        .any(|c| !c.from_seeds && c.retired_on.is_none())
    {
        lines.extend(wrap(
            "* certwise's estimate from skill building, hiring signal and cost.",
            width,
            t.dim,
            "",
        ));
    }
    for c in items.iter().filter(|c| c.retired_on.is_some()) {
        lines.extend(wrap(
            &format!("{}: {}.", c.name, c.roi_note),
            width,
            t.bad,
            "",
        ));
    }
    lines
}

/// The comparison screen.
fn render_compare(app: &Shared, ids: &[String], area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let area = padded(area);
    let items = match compare(app.kb, ids) {
        Ok(items) => items,
        Err(e) => {
            Paragraph::new(wrap(&e.to_string(), area.width, t.error, "")).render(area, buf);
            return;
        }
    };
    // Cost, time and ROI always; skill and signal while the names keep room.
    let full = [9u16, 11, 9, 9, 9];
    let narrow = [8u16, 10, 8];
    let used = |w: &[u16]| w.iter().map(|n| n + 1).sum::<u16>();
    let widths: &[u16] = if area.width.saturating_sub(used(&full)) >= MIN_NAME {
        &full
    } else {
        &narrow
    };
    let name_width = area.width.saturating_sub(used(widths)).max(10);
    let names: Vec<Vec<Line<'static>>> = items
        .iter()
        .map(|c| wrap(&c.name, name_width, t.text, ""))
        .collect();
    let table_height = u16::try_from(names.iter().map(Vec::len).sum::<usize>())
        .unwrap_or(0)
        .saturating_add(1);
    let intro = wrap(
        "Build versus certify, side by side",
        area.width,
        t.title,
        "",
    );
    let notes = notes(app, &items, area.width);
    let legend = wrap(
        "Bars per item: skill building (S), hiring signal (H), return on investment (R), 0-100.",
        area.width,
        t.dim,
        "",
    );
    let len = |l: &Vec<Line>| u16::try_from(l.len()).unwrap_or(1);
    let [intro_area, table_area, notes_area, chart_area, legend_area] = Layout::vertical([
        Constraint::Length(len(&intro)),
        Constraint::Length(table_height),
        Constraint::Length(len(&notes)),
        Constraint::Fill(1),
        Constraint::Length(len(&legend)),
    ])
    .areas(area);
    Paragraph::new(intro).render(intro_area, buf);
    let with_ratings = widths.len() == full.len();
    let rows: Vec<Row> = items
        .iter()
        .zip(names)
        .map(|(c, name)| {
            let time = c
                .months
                .map_or_else(|| format!("{} h", c.hours), |m| format!("{m} months"));
            let height = u16::try_from(name.len()).unwrap_or(1);
            // An evaluated entry's unknown cost or hours are not free or 0 h (`?`, as in the catalog).
            let entry = app.kb.entry(&c.id);
            let cost = if entry.is_some_and(|e| e.cost_unknown) {
                "?".to_owned()
            } else {
                usd_short(c.cost_usd)
            };
            let time = if entry.is_some_and(|e| e.hours_unknown) && c.months.is_none() {
                "?".to_owned()
            } else {
                time
            };
            let mut cells = vec![Cell::from(name), Cell::from(cost), Cell::from(time)];
            if with_ratings {
                cells.push(Cell::from(c.skill_building.as_str()));
                cells.push(Cell::from(c.hiring_signal.as_str()));
            }
            cells.push(Cell::from(Span::styled(roi_cell(c), roi_style(app, c))));
            Row::new(cells).height(height)
        })
        .collect();
    let mut constraints = vec![Constraint::Fill(1)];
    constraints.extend(widths.iter().map(|w| Constraint::Length(*w)));
    let header: &[&str] = if with_ratings {
        &["", "USD", "Time", "Skills", "Signal", "ROI"]
    } else {
        &["", "USD", "Time", "ROI"]
    };
    let table = Table::new(rows, constraints).header(Row::new(header.to_vec()).style(t.dim));
    Widget::render(table, table_area, buf);
    Paragraph::new(notes).render(notes_area, buf);
    // A box with no room for bars inside says nothing; the table has the same figures.
    if chart_area.height >= 3 {
        chart(app, &items, chart_area, buf);
    }
    Paragraph::new(legend).render(legend_area, buf);
}

fn roi_style(app: &Shared, c: &Compared) -> Style {
    match c.roi {
        _ if c.retired_on.is_some() => app.theme.bad,
        Rating::High | Rating::Good => app.theme.good,
        Rating::Moderate => app.theme.text,
        _ => app.theme.bad,
    }
}

fn chart(app: &Shared, items: &[Compared], area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let n = u16::try_from(items.len()).unwrap_or(1).max(1);
    // Three bars per item, one column apart; groups share the width.
    let group_width = area.width.saturating_sub(2) / n;
    let bar_width = (group_width.saturating_sub(5) / 3).clamp(1, 6);
    let mut chart = BarChart::default()
        .block(Block::bordered().border_style(t.border))
        .bar_width(bar_width)
        .bar_gap(1)
        .group_gap(group_width.saturating_sub(bar_width * 3 + 2).max(1))
        .max(100);
    for c in items {
        let room = usize::from(group_width.saturating_sub(2)).max(1);
        let label: String = if c.name.chars().count() > room {
            c.name
                .chars()
                .take(room.saturating_sub(1))
                .chain(['…'])
                .collect()
        } else {
            c.name.clone()
        };
        let bar = |v: u8, text: &'static str, style: Style| {
            Bar::default()
                .value(u64::from(v))
                .text_value(text.to_owned())
                .style(style)
        };
        chart = chart.data(BarGroup::default().label(Line::from(label)).bars(&[
            bar(c.skill_building.percent(), "S", t.accent),
            bar(c.hiring_signal.percent(), "H", t.text),
            bar(c.roi.percent(), "R", t.good),
        ]));
    }
    chart.render(area, buf);
}

/// The comparison's key rows.
pub static KEYS: &[Binding] = &[Binding {
    scope: Scope::Only(&[M::Compare]),
    keys: &[Code(K::Esc), Code(K::Backspace)],
    action: Action::Back,
    help: "go back",
    hint: Some("back"),
}];
