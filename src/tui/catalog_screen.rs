//! The certification catalog: a sortable, filterable table of every certification and course,
//! a detail view with the facts and the seeds' verdict, and the build-versus-certify comparison.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Bar, BarChart, BarGroup, Block, Cell, Paragraph, Row, StatefulWidget, Table, TableState, Widget,
};

use crate::advisor::cost_text;
use crate::compare::{Compared, compare};
use crate::knowledge::{Entry, Platform, Status};
use crate::tui::action::Action;
use crate::tui::app::{App, Screen, moved};
use crate::tui::screens::padded;
use crate::tui::view::{wrap, wrap_after};

/// The columns the table sorts by, in the order `s` cycles through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    Name,
    Tier,
    Provider,
    Cost,
    Hours,
    Platform,
    Postings,
    Status,
    Reviewed,
}

impl SortBy {
    const ALL: [SortBy; 9] = [
        SortBy::Name,
        SortBy::Tier,
        SortBy::Provider,
        SortBy::Cost,
        SortBy::Hours,
        SortBy::Platform,
        SortBy::Postings,
        SortBy::Status,
        SortBy::Reviewed,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SortBy::Name => "name",
            SortBy::Tier => "tier",
            SortBy::Provider => "provider",
            SortBy::Cost => "cost",
            SortBy::Hours => "hours",
            SortBy::Platform => "platform",
            SortBy::Postings => "postings",
            SortBy::Status => "status",
            SortBy::Reviewed => "reviewed",
        }
    }

    fn next(self) -> SortBy {
        let i = SortBy::ALL.iter().position(|s| *s == self).unwrap_or(0);
        SortBy::ALL[(i + 1) % SortBy::ALL.len()]
    }
}

/// The platform filter: all, one platform, or entries without one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlatformFilter {
    All,
    Only(Platform),
    NoPlatform,
}

impl PlatformFilter {
    fn next(self) -> Self {
        match self {
            PlatformFilter::All => PlatformFilter::Only(Platform::Aws),
            PlatformFilter::Only(Platform::Aws) => PlatformFilter::Only(Platform::Gcp),
            PlatformFilter::Only(Platform::Gcp) => PlatformFilter::Only(Platform::Azure),
            PlatformFilter::Only(Platform::Azure) => PlatformFilter::NoPlatform,
            PlatformFilter::NoPlatform => PlatformFilter::All,
        }
    }

    fn label(self) -> &'static str {
        match self {
            PlatformFilter::All => "all",
            PlatformFilter::Only(p) => p.as_str(),
            PlatformFilter::NoPlatform => "none",
        }
    }

    fn keeps(self, e: &Entry) -> bool {
        match self {
            PlatformFilter::All => true,
            PlatformFilter::Only(p) => e.platform == Some(p),
            PlatformFilter::NoPlatform => e.platform.is_none(),
        }
    }
}

/// The status filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusFilter {
    All,
    Active,
    Retired,
}

impl StatusFilter {
    fn next(self) -> Self {
        match self {
            StatusFilter::All => StatusFilter::Active,
            StatusFilter::Active => StatusFilter::Retired,
            StatusFilter::Retired => StatusFilter::All,
        }
    }

    fn label(self) -> &'static str {
        match self {
            StatusFilter::All => "all",
            StatusFilter::Active => "active",
            StatusFilter::Retired => "retired",
        }
    }
}

/// The catalog browser's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogView {
    pub sort: SortBy,
    pub descending: bool,
    pub platform: PlatformFilter,
    pub tier: Option<u8>,
    pub status: StatusFilter,
    pub row: usize,
    /// The detail view of the highlighted entry is open.
    pub detail: bool,
    /// Entries marked for comparison.
    pub marked: Vec<String>,
    /// Where Esc returns to.
    pub back_to: Screen,
    /// The entries in the comparison screen.
    pub comparing: Vec<String>,
}

impl Default for CatalogView {
    fn default() -> Self {
        CatalogView {
            sort: SortBy::Tier,
            descending: false,
            platform: PlatformFilter::All,
            tier: None,
            status: StatusFilter::All,
            row: 0,
            detail: false,
            marked: Vec::new(),
            back_to: Screen::Welcome,
            comparing: Vec::new(),
        }
    }
}

/// The certifications and courses shown, filtered and sorted (ties keep catalog order).
pub fn rows(app: &App) -> Vec<&'static Entry> {
    let v = &app.catalog;
    let mut rows: Vec<&Entry> = app
        .kb
        .catalog
        .entries
        .iter()
        .filter(|e| e.kind.is_study())
        .filter(|e| v.platform.keeps(e))
        .filter(|e| v.tier.is_none_or(|t| e.tier == Some(t)))
        .filter(|e| match v.status {
            StatusFilter::All => true,
            StatusFilter::Active => !e.status.is_retired(),
            StatusFilter::Retired => e.status.is_retired(),
        })
        .collect();
    rows.sort_by(|a, b| {
        let order = match v.sort {
            SortBy::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
            SortBy::Tier => a.tier.cmp(&b.tier),
            SortBy::Provider => a.provider.cmp(&b.provider),
            SortBy::Cost => (a.cost_usd.min, a.cost_usd.max).cmp(&(b.cost_usd.min, b.cost_usd.max)),
            SortBy::Hours => {
                (a.prep_hours.min, a.prep_hours.max).cmp(&(b.prep_hours.min, b.prep_hours.max))
            }
            SortBy::Platform => a.platform.cmp(&b.platform),
            SortBy::Postings => a
                .postings_percent
                .partial_cmp(&b.postings_percent)
                .unwrap_or(std::cmp::Ordering::Equal),
            SortBy::Status => a.status.is_retired().cmp(&b.status.is_retired()),
            SortBy::Reviewed => a.reviewed.cmp(&b.reviewed),
        };
        if v.descending { order.reverse() } else { order }
    });
    rows
}

/// Whether an entry has gone a year without review.
pub fn stale(app: &App, e: &Entry) -> bool {
    app.today
        .checked_sub(jiff::Span::new().years(1))
        .is_ok_and(|year_ago| e.reviewed < year_ago)
}

impl App {
    /// Opens the catalog, remembering where to come back to.
    pub fn open_catalog(&mut self) {
        self.catalog.back_to = self.screen;
        self.catalog.detail = false;
        self.screen = Screen::Catalog;
        self.scroll = 0;
    }

    /// Opens the comparison of the given entries (a portfolio project is always added: build
    /// versus certify).
    pub fn open_compare(&mut self, mut ids: Vec<String>) {
        if !ids.iter().any(|id| id == "portfolio-project") {
            ids.push("portfolio-project".to_owned());
        }
        ids.dedup();
        if ids.len() < 2 {
            return;
        }
        if self.screen != Screen::Compare {
            self.catalog.back_to = if self.screen == Screen::Catalog {
                self.catalog.back_to
            } else {
                self.screen
            };
        }
        self.catalog.comparing = ids;
        self.screen = Screen::Compare;
        self.scroll = 0;
    }

    /// The ids the plan screen compares: the best study items of the plan.
    pub fn plan_compare_ids(&self) -> Vec<String> {
        self.plan.as_ref().map_or_else(Vec::new, |p| {
            p.recommendations
                .iter()
                .filter(|r| r.kind.is_study())
                .take(3)
                .map(|r| r.id.clone())
                .collect()
        })
    }

    pub(crate) fn update_catalog(&mut self, action: Action) {
        let rows = rows(self);
        let selected = rows.get(self.catalog.row).map(|e| e.id.clone());
        let (max, page) = (
            crate::tui::view::max_scroll(self),
            crate::tui::view::page_rows(self),
        );
        let v = &mut self.catalog;
        match action {
            Action::Up
            | Action::Down
            | Action::Home
            | Action::End
            | Action::PageUp
            | Action::PageDown
                if !v.detail =>
            {
                v.row = moved(v.row, action, rows.len(), page);
            }
            Action::Up
            | Action::Down
            | Action::Home
            | Action::End
            | Action::PageUp
            | Action::PageDown => {
                self.scroll = crate::tui::app::scrolled(self.scroll, action, max, page);
            }
            Action::Select => {
                v.detail = !rows.is_empty();
                self.scroll = 0;
            }
            Action::Back if v.detail => v.detail = false,
            Action::Back => self.screen = v.back_to,
            Action::SortNext => {
                v.sort = v.sort.next();
                v.row = 0;
            }
            Action::SortReverse => v.descending = !v.descending,
            Action::FilterPlatform => {
                v.platform = v.platform.next();
                v.row = 0;
            }
            Action::FilterTier => {
                v.tier = match v.tier {
                    None => Some(1),
                    Some(t) if t < 4 => Some(t + 1),
                    Some(_) => None,
                };
                v.row = 0;
            }
            Action::FilterStatus => {
                v.status = v.status.next();
                v.row = 0;
            }
            Action::ToggleMark => {
                if let Some(id) = selected {
                    if let Some(i) = v.marked.iter().position(|m| *m == id) {
                        v.marked.remove(i);
                    } else {
                        v.marked.push(id);
                    }
                }
            }
            Action::OpenEvaluate => self.open_evaluate(),
            Action::Compare => {
                let ids = if v.marked.is_empty() {
                    selected.into_iter().collect()
                } else {
                    v.marked.clone()
                };
                self.open_compare(ids);
            }
            _ => {}
        }
        let len = rows.len();
        self.catalog.row = self.catalog.row.min(len.saturating_sub(1));
    }

    pub(crate) fn update_compare(&mut self, action: Action) {
        if action == Action::Back {
            self.screen = self.catalog.back_to;
        }
    }
}

/// "free", "$150", "$0-300", "$10K-20K": costs that fit a narrow column.
fn usd_short(cost: crate::knowledge::Range) -> String {
    let one = |n: u32| {
        if n >= 1000 && n.is_multiple_of(1000) {
            format!("{}K", n / 1000)
        } else {
            n.to_string()
        }
    };
    match (cost.min, cost.max) {
        (_, 0) => "free".to_owned(),
        (a, b) if a == b => format!("${}", one(a)),
        (a, b) => format!("${}-{}", one(a), one(b)),
    }
}

fn status_text(app: &App, e: &Entry) -> String {
    match &e.status {
        Status::Active => "active".to_owned(),
        Status::Retired { successor, .. } => {
            let to = app
                .kb
                .entry(successor)
                .map_or(successor.as_str(), |s| s.id.as_str());
            format!("retired → {to}")
        }
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if app.catalog.detail {
        detail(app, area, buf);
    } else {
        table(app, area, buf);
    }
}

fn table(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let v = &app.catalog;
    let area = padded(area);
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let arrow = if v.descending { "↓" } else { "↑" };
    let tier = v.tier.map_or_else(|| "all".to_owned(), |n| n.to_string());
    Line::from(vec![
        Span::styled(format!("sort {} {arrow}", v.sort.label()), t.title),
        Span::styled(
            format!(
                " · platform {} · tier {tier} · status {} · {} marked",
                v.platform.label(),
                v.status.label(),
                v.marked.len()
            ),
            t.dim,
        ),
    ])
    .render(head, buf);
    let wide = body.width >= 110;
    let mut widths = vec![Constraint::Fill(1), Constraint::Length(4)];
    let mut header = vec!["Name / provider", "Tier"];
    widths.extend([
        Constraint::Length(8),
        Constraint::Length(7),
        Constraint::Length(5),
        Constraint::Length(4),
        Constraint::Length(if wide { 24 } else { 7 }),
        Constraint::Length(11),
    ]);
    header.extend(["Cost", "Hours", "Cloud", "Jobs", "Status", "Reviewed"]);
    let fixed: u16 = widths
        .iter()
        .map(|c| match c {
            Constraint::Length(n) => n + 1,
            _ => 1,
        })
        .sum();
    let name_width = body.width.saturating_sub(fixed + 2).max(10);
    let entries = rows(app);
    let table_rows: Vec<Row> = entries
        .iter()
        .map(|e| {
            let mark = if v.marked.contains(&e.id) { "+ " } else { "" };
            let mut name = wrap(&format!("{mark}{}", e.name), name_width, t.text, "");
            name.extend(wrap(&e.provider, name_width, t.dim, "  "));
            let status = if wide {
                status_text(app, e)
            } else {
                e.status.as_str().to_owned()
            };
            let status_style = if e.status.is_retired() { t.bad } else { t.dim };
            let status = wrap(&status, 24, status_style, "");
            let height = u16::try_from(name.len().max(status.len()))
                .unwrap_or(1)
                .max(1);
            let mut cells = vec![
                Cell::from(name),
                Cell::from(e.tier.map_or_else(String::new, |n| n.to_string())),
            ];
            let reviewed = if stale(app, e) {
                format!("{}!", e.reviewed)
            } else {
                e.reviewed.to_string()
            };
            let reviewed_style = if stale(app, e) { t.bad } else { t.dim };
            cells.extend([
                Cell::from(usd_short(e.cost_usd)),
                Cell::from(e.prep_hours.to_string()),
                Cell::from(e.platform.map_or("", Platform::as_str)),
                Cell::from(
                    e.postings_percent
                        .map_or_else(|| "—".to_owned(), |p| format!("{p}%")),
                ),
                Cell::from(status),
                Cell::from(Span::styled(reviewed, reviewed_style)),
            ]);
            Row::new(cells).height(height)
        })
        .collect();
    let [list, foot] = Layout::vertical([Constraint::Fill(1), Constraint::Length(2)]).areas(body);
    let table = Table::new(table_rows, widths)
        .header(Row::new(header).style(t.dim))
        .row_highlight_style(t.selected)
        .highlight_symbol("▶ ");
    let mut state = TableState::default().with_selected((!entries.is_empty()).then_some(v.row));
    StatefulWidget::render(table, list, buf, &mut state);
    let note = if entries.is_empty() {
        "Nothing matches these filters."
    } else {
        "Cost in USD. ! = not reviewed in the last 12 months, possibly out of date. Jobs = share of AI job postings naming it."
    };
    Paragraph::new(wrap(note, foot.width, t.dim, "")).render(foot, buf);
}

/// The seeds' verdict on an entry and, for a retired certification, what replaces it.
pub fn verdict_lines(app: &App, e: &Entry, width: u16) -> Vec<Line<'static>> {
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
    lines.extend(fact("Cost", cost_text(e.cost_usd)));
    lines.extend(fact("Preparation", format!("{} hours", e.prep_hours)));
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
    let reviewed = if stale(app, e) {
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

fn detail(app: &App, area: Rect, buf: &mut Buffer) {
    let area = padded(area);
    Paragraph::new(detail_lines(app, area.width))
        .scroll((app.scroll, 0))
        .render(area, buf);
}

/// The comparison screen: a table of the figures and a bar chart of skill, signal and ROI.
pub fn render_compare(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let area = padded(area);
    let Ok(items) = compare(app.kb, &app.catalog.comparing) else {
        Paragraph::new("Pick at least one certification or course to compare.").render(area, buf);
        return;
    };
    // Names wrap in their column (the five figures take 47 columns and their gaps).
    let name_width = area.width.saturating_sub(53).max(10);
    let names: Vec<Vec<Line<'static>>> = items
        .iter()
        .map(|c| wrap(&c.name, name_width, t.text, ""))
        .collect();
    let table_height = u16::try_from(names.iter().map(Vec::len).sum::<usize>())
        .unwrap_or(0)
        .saturating_add(1);
    let [intro, table_area, chart_area, legend] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(table_height),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    Line::styled(
        "Build versus certify: the seeds' ROI analysis, side by side",
        t.title,
    )
    .render(intro, buf);
    let rows: Vec<Row> = items
        .iter()
        .zip(names)
        .map(|(c, name)| {
            let time = c
                .months
                .map_or_else(|| format!("{} h", c.hours), |m| format!("{m} months"));
            let height = u16::try_from(name.len()).unwrap_or(1);
            Row::new(vec![
                Cell::from(name),
                Cell::from(usd_short(c.cost_usd)),
                Cell::from(time),
                Cell::from(c.skill_building.as_str()),
                Cell::from(c.hiring_signal.as_str()),
                Cell::from(Span::styled(c.roi.as_str(), roi_style(app, c))),
            ])
            .height(height)
        })
        .collect();
    let table = Table::new(
        rows,
        [
            Constraint::Fill(1),
            Constraint::Length(9),
            Constraint::Length(11),
            Constraint::Length(9),
            Constraint::Length(9),
            Constraint::Length(9),
        ],
    )
    .header(Row::new(vec!["", "Cost", "Time", "Skills", "Signal", "ROI"]).style(t.dim));
    Widget::render(table, table_area, buf);
    chart(app, &items, chart_area, buf);
    Line::styled(
        "Bars per item: skill building, hiring signal, return on investment (0-100).",
        t.dim,
    )
    .render(legend, buf);
}

fn roi_style(app: &App, c: &Compared) -> Style {
    match c.roi {
        crate::knowledge::Rating::High | crate::knowledge::Rating::Good => app.theme.good,
        crate::knowledge::Rating::Moderate => app.theme.text,
        _ => app.theme.bad,
    }
}

fn chart(app: &App, items: &[Compared], area: Rect, buf: &mut Buffer) {
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
