//! The certification catalog: a sortable, filterable table of every certification and course,
//! a detail view with the facts and the sources' verdict, and the build-versus-certify
//! comparison. This file holds the state and its updates; the views live in the submodules.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::knowledge::{Entry, Platform, Status};
use crate::tui::action::Action;
use crate::tui::app::{App, Screen, moved};

mod compare;
mod detail;
mod table;

pub use compare::render_compare;
pub use detail::{detail_lines, verdict_lines};

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
            SortBy::Name => "Name",
            SortBy::Tier => "Tier",
            SortBy::Provider => "Provider",
            SortBy::Cost => "USD",
            SortBy::Hours => "Hours",
            SortBy::Platform => "Cloud",
            SortBy::Postings => "Jobs",
            SortBy::Status => "Status",
            SortBy::Reviewed => "Reviewed",
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
            PlatformFilter::Only(p) => Platform::ALL
                .into_iter()
                .skip_while(|x| *x != p)
                .nth(1)
                .map_or(PlatformFilter::NoPlatform, PlatformFilter::Only),
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
    /// Where Esc returns to from the catalog.
    pub back_to: Screen,
    /// Where Esc returns to from the comparison: the screen it was opened from.
    pub compare_back_to: Screen,
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
            compare_back_to: Screen::Welcome,
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

/// Whether an entry's facts should be checked again (a year without review, or retiring
/// within six months).
pub fn stale(app: &App, e: &Entry) -> bool {
    crate::knowledge::stale_reason(e, app.today).is_some()
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
            self.catalog.compare_back_to = self.screen;
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
            self.screen = self.catalog.compare_back_to;
        }
    }
}

/// "free", "150", "0-300", "10K-20K": US dollar costs that fit a narrow column (the column or
/// the line says USD, as the plan does).
pub(crate) fn usd_short(cost: crate::knowledge::Range) -> String {
    let one = |n: u32| {
        if n >= 1000 && n.is_multiple_of(1000) {
            format!("{}K", n / 1000)
        } else {
            n.to_string()
        }
    };
    match (cost.min, cost.max) {
        (_, 0) => "free".to_owned(),
        (a, b) if a == b => one(a),
        (a, b) => format!("{}-{}", one(a), one(b)),
    }
}

pub(crate) fn status_text(app: &App, e: &Entry) -> String {
    match &e.status {
        Status::Retired { successor, .. } | Status::Retiring { successor, .. } => {
            let to = app
                .kb
                .entry(successor)
                .map_or(successor.as_str(), Entry::short_name);
            format!("{} → {to}", e.status.as_str())
        }
        other => other.as_str().to_owned(),
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if app.catalog.detail {
        detail::render(app, area, buf);
    } else {
        table::render(app, area, buf);
    }
}
