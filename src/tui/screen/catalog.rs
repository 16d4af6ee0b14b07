//! The certification catalog: a sortable, filterable table of every certification and course,
//! and a detail view with the facts and the sources' verdict. This file holds the state and its
//! update; the views live in the submodules.

use crate::tui::input::KeyCode as K;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::knowledge::{Entry, Knowledge, Platform, Status, name_key};
use crate::tui::action::Action;
use crate::tui::frame::{body_area, padded};
use crate::tui::keymap::KeyPat::{self, Code};
use crate::tui::keymap::{Binding, Mode, Mode as M, Scope};
use crate::tui::screen::{Go, Screen, Scroll, moved, page_rows};
use crate::tui::shared::Shared;

mod detail;
mod table;

pub use detail::verdict_lines;

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

    /// The next sort key, whether or not its column is on screen (see `State::update`).
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
    /// Every filter `p` cycles through, in order: all, each platform, then entries without one.
    /// The help lists the same values, from here.
    pub fn cycle() -> impl Iterator<Item = PlatformFilter> {
        std::iter::once(PlatformFilter::All)
            .chain(Platform::ALL.into_iter().map(PlatformFilter::Only))
            .chain([PlatformFilter::NoPlatform])
    }

    fn next(self) -> Self {
        let all: Vec<PlatformFilter> = Self::cycle().collect();
        let i = all.iter().position(|f| *f == self).unwrap_or(0);
        all[(i + 1) % all.len()]
    }

    /// How the filter line and the help write it.
    pub fn label(self) -> &'static str {
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

/// The status filter: the two broad groups (can still be taken, can no longer be), then each
/// narrower status the catalog has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusFilter {
    All,
    /// Can still be taken: active, beta or retiring.
    Active,
    /// Can no longer be taken: retired or closed.
    Retired,
    Beta,
    Retiring,
    Closed,
}

impl StatusFilter {
    const ALL: [StatusFilter; 6] = [
        StatusFilter::All,
        StatusFilter::Active,
        StatusFilter::Retired,
        StatusFilter::Beta,
        StatusFilter::Retiring,
        StatusFilter::Closed,
    ];

    /// The filters `a` cycles through in this catalog, in order: all, active, retired, then beta,
    /// retiring and closed where some certification or course has that status. The help lists
    /// the same values, from here.
    pub fn cycle(kb: &Knowledge) -> Vec<StatusFilter> {
        StatusFilter::ALL
            .into_iter()
            .filter(|f| {
                matches!(
                    f,
                    StatusFilter::All | StatusFilter::Active | StatusFilter::Retired
                ) || kb
                    .catalog
                    .entries
                    .iter()
                    .any(|e| e.kind.is_study() && f.keeps(e))
            })
            .collect()
    }

    fn next(self, kb: &Knowledge) -> Self {
        let all = Self::cycle(kb);
        let i = all.iter().position(|f| *f == self).unwrap_or(0);
        all[(i + 1) % all.len()]
    }

    /// How the filter line and the help write it.
    pub fn label(self) -> &'static str {
        match self {
            StatusFilter::All => "all",
            StatusFilter::Active => "active",
            StatusFilter::Retired => "retired",
            StatusFilter::Beta => "beta",
            StatusFilter::Retiring => "retiring",
            StatusFilter::Closed => "closed",
        }
    }

    fn keeps(self, e: &Entry) -> bool {
        match self {
            StatusFilter::All => true,
            StatusFilter::Active => !e.status.is_retired(),
            StatusFilter::Retired => e.status.is_retired(),
            StatusFilter::Beta => e.status == Status::Beta,
            StatusFilter::Retiring => matches!(e.status, Status::Retiring { .. }),
            StatusFilter::Closed => matches!(e.status, Status::Closed { .. }),
        }
    }
}

/// What the help adds to a key's row: the values a filter key cycles through, from the same
/// lists the keys use, so the two cannot differ.
pub fn help_detail(kb: &Knowledge, action: Action) -> Option<String> {
    let values = match action {
        Action::FilterPlatform => PlatformFilter::cycle().map(PlatformFilter::label).collect(),
        Action::FilterStatus => StatusFilter::cycle(kb)
            .into_iter()
            .map(StatusFilter::label)
            .collect::<Vec<_>>(),
        _ => return None,
    };
    let note = match action {
        Action::FilterStatus => {
            " (active: can still be taken, beta and retiring included; retired: can no longer be, \
             closed included)"
        }
        _ => " (none: no platform)",
    };
    Some(format!("{}{note}", values.join(", ")))
}

/// The catalog browser's state.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
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
    /// The detail view's text.
    pub text: Scroll,
    /// The search typed after `/`: names, exam codes, aliases and providers are matched. It
    /// edits like every text field (cursor, Home/End, Delete, Ctrl-U, Ctrl-W).
    pub query: crate::tui::text_field::TextField,
    /// The search field has the keyboard (typed letters go to the query).
    pub searching: bool,
}

impl Default for State {
    fn default() -> Self {
        State {
            sort: SortBy::Tier,
            descending: false,
            platform: PlatformFilter::All,
            tier: None,
            status: StatusFilter::All,
            row: 0,
            detail: false,
            marked: Vec::new(),
            back_to: Screen::Welcome,
            text: Scroll::default(),
            query: crate::tui::text_field::TextField::default(),
            searching: false,
        }
    }
}

/// Whether an entry matches a search: the whole query found in one of the entry's names (id,
/// name, exam code, short name, aliases) or its provider, or each word of it found in one name
/// or the provider. Both sides are compared as [`name_key`]s, so "AI 102", "ai-102" and "AI-102"
/// are the same search. Words must meet in one name so that a short one ("ai") cannot match by
/// hiding in some other name of the entry.
pub fn matches(e: &Entry, query: &str) -> bool {
    let whole = name_key(query);
    if whole.is_empty() {
        return true;
    }
    let provider = name_key(&e.provider);
    let names: Vec<String> = e.names().map(name_key).collect();
    if provider.contains(&whole) || names.iter().any(|n| n.contains(&whole)) {
        return true;
    }
    let words: Vec<String> = query
        .split_whitespace()
        .map(name_key)
        .filter(|w| !w.is_empty())
        .collect();
    names.iter().any(|n| {
        words
            .iter()
            .all(|w| n.contains(w.as_str()) || provider.contains(w.as_str()))
    })
}

/// The certifications and courses shown, filtered and sorted (ties keep catalog order). Values
/// not known (a cost or preparation time shown as `?`, a share of postings shown as `—`) sort
/// last whichever way the sort runs: they are neither the cheapest nor the dearest.
pub fn rows(kb: &'static Knowledge, v: &State) -> Vec<&'static Entry> {
    let mut rows: Vec<&Entry> = kb
        .catalog
        .entries
        .iter()
        .filter(|e| e.kind.is_study())
        .filter(|e| matches(e, v.query.text()))
        .filter(|e| v.platform.keeps(e))
        .filter(|e| v.tier.is_none_or(|t| e.tier == Some(t)))
        .filter(|e| v.status.keeps(e))
        .collect();
    let unknown = |e: &Entry| match v.sort {
        SortBy::Cost => e.cost_unknown,
        SortBy::Hours => e.hours_unknown,
        SortBy::Postings => e.postings_percent.is_none(),
        _ => false,
    };
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
        let order = if v.descending { order.reverse() } else { order };
        unknown(a).cmp(&unknown(b)).then(order)
    });
    rows
}

/// Whether an entry's facts should be checked again (a year without review, or retiring
/// within six months).
pub fn stale(today: jiff::civil::Date, e: &Entry) -> bool {
    crate::knowledge::stale_reason(e, today).is_some()
}

impl State {
    /// Opens the catalog's table, coming back to `from` on Esc.
    pub fn open(&mut self, from: Screen) {
        self.back_to = from;
        self.detail = false;
        self.text.top();
    }

    /// The mode keys are read in: the table, its search field or one entry.
    pub fn mode(&self) -> Mode {
        if self.detail {
            Mode::CatalogDetail
        } else if self.searching {
            Mode::CatalogSearch
        } else {
            Mode::Catalog
        }
    }

    pub fn update(&mut self, shared: &mut Shared, action: Action) -> Option<Go> {
        if self.searching && self.search(action) {
            return None;
        }
        let rows = rows(shared.kb, self);
        let selected = rows.get(self.row).map(|e| e.id.clone());
        let page = page_rows(padded(body_area(shared.width, shared.height)).height);
        let mut go = None;
        match action {
            Action::Up
            | Action::Down
            | Action::Home
            | Action::End
            | Action::PageUp
            | Action::PageDown
                if !self.detail =>
            {
                self.row = moved(self.row, action, rows.len(), page);
            }
            Action::Up
            | Action::Down
            | Action::Home
            | Action::End
            | Action::PageUp
            | Action::PageDown => self.text.apply(action),
            Action::Select => {
                self.detail = !rows.is_empty();
                self.text.top();
            }
            Action::Back if self.detail => self.detail = false,
            Action::Back => go = Some(Go::To(self.back_to)),
            Action::SortNext => {
                // Only by columns on screen: a hidden column's order would look random.
                let cols = table::columns(shared.kb, table_width(shared));
                let mut next = self.sort.next();
                while !cols.sorts_by(next) {
                    next = next.next();
                }
                self.sort = next;
                self.row = 0;
            }
            Action::SortReverse => self.descending = !self.descending,
            Action::FilterPlatform => {
                self.platform = self.platform.next();
                self.row = 0;
            }
            Action::FilterTier => {
                self.tier = match self.tier {
                    None => Some(1),
                    Some(t) if t < 4 => Some(t + 1),
                    Some(_) => None,
                };
                self.row = 0;
            }
            Action::FilterStatus => {
                self.status = self.status.next(shared.kb);
                self.row = 0;
            }
            Action::ToggleMark => {
                if let Some(id) = selected {
                    if let Some(i) = self.marked.iter().position(|m| *m == id) {
                        self.marked.remove(i);
                    } else {
                        self.marked.push(id);
                    }
                    // On to the next row, so marking several in a row is one key each.
                    self.row += 1;
                }
            }
            Action::OpenSearch => self.searching = true,
            Action::ClearFilters => self.clear(),
            Action::OpenEvaluate => {
                go = Some(selected.map_or(Go::Evaluate, Go::EvaluateEntry));
            }
            Action::Compare => {
                let ids = if self.marked.is_empty() {
                    selected.into_iter().collect()
                } else {
                    self.marked.clone()
                };
                go = Some(Go::Compare(ids));
            }
            _ => {}
        }
        let len = rows.len();
        self.row = self.row.min(len.saturating_sub(1));
        go
    }

    /// The search field's keys; `false` when the action is not the field's (moving the
    /// highlight works while typing).
    fn search(&mut self, action: Action) -> bool {
        use crate::tui::text_field::{Change, Edit};
        if let Some(edit) = Edit::from_action(action) {
            if self.query.apply(edit) == Change::Text {
                self.row = 0;
            }
            return true;
        }
        match action {
            // Enter keeps the results and gives the keys back to the table.
            Action::Select => self.searching = false,
            // Esc drops the search and gives the keys back to the table.
            Action::Back => {
                self.searching = false;
                self.query.clear();
                self.row = 0;
            }
            _ => return false,
        }
        true
    }

    /// Back to the whole catalog as first opened: no search, no filters, the first sort. Marks
    /// stay (they are a choice, not a view).
    fn clear(&mut self) {
        let fresh = State::default();
        self.sort = fresh.sort;
        self.descending = fresh.descending;
        self.platform = fresh.platform;
        self.tier = fresh.tier;
        self.status = fresh.status;
        self.query.clear();
        self.searching = false;
        self.row = 0;
    }

    /// Wraps the detail view again if the entry or the size changed. A sort by a column the
    /// width no longer shows falls back to the first sort, keeping the highlighted entry.
    pub fn layout(&mut self, shared: &Shared) {
        if !table::columns(shared.kb, table_width(shared)).sorts_by(self.sort) {
            let selected = rows(shared.kb, self).get(self.row).map(|e| e.id.clone());
            let fresh = State::default();
            self.sort = fresh.sort;
            self.descending = fresh.descending;
            self.row = selected
                .and_then(|id| rows(shared.kb, self).iter().position(|e| e.id == id))
                .unwrap_or(0);
        }
        if !self.detail {
            return;
        }
        let entry = rows(shared.kb, self).get(self.row).map(|e| e.id.clone());
        if !self
            .text
            .stale_for((shared.generation, shared.width, shared.height, entry))
        {
            return;
        }
        let area = padded(body_area(shared.width, shared.height));
        let lines = detail::lines(shared, self, area.width);
        self.text.set(lines, area.height);
    }

    pub fn render(&self, shared: &Shared, area: Rect, buf: &mut Buffer) {
        if self.detail {
            self.text.render(padded(area), buf);
        } else {
            table::render(shared, self, area, buf);
        }
    }
}

/// How wide the table is in a terminal of the shared size.
fn table_width(shared: &Shared) -> u16 {
    padded(body_area(shared.width, shared.height)).width
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

pub(crate) fn status_text(kb: &Knowledge, e: &Entry) -> String {
    match &e.status {
        Status::Retired { successor, .. } | Status::Retiring { successor, .. } => {
            let to = kb
                .entry(successor)
                .map_or(successor.as_str(), Entry::short_name);
            format!("{} → {to}", e.status.as_str())
        }
        other => other.as_str().to_owned(),
    }
}

/// The catalog's key rows.
pub static KEYS: &[Binding] = &[
    Binding {
        scope: Scope::Only(&[M::Catalog]),
        keys: &[Code(K::Up), Code(K::Char('k'))],
        action: Action::Up,
        help: "move up",
        hint: Some("move"),
    },
    Binding {
        scope: Scope::Only(&[M::CatalogSearch]),
        keys: &[Code(K::Up)],
        action: Action::Up,
        help: "move up",
        hint: Some("move"),
    },
    Binding {
        scope: Scope::Only(&[M::CatalogSearch]),
        keys: &[Code(K::Down)],
        action: Action::Down,
        help: "move down",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::CatalogSearch]),
        keys: &[KeyPat::AnyChar],
        action: Action::TypeChar(' '),
        help: "type to search names, exam codes, aliases and providers",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::CatalogSearch]),
        keys: &[Code(K::Backspace)],
        action: Action::DeleteChar,
        help: "delete the last character",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::CatalogSearch]),
        keys: &[Code(K::Enter)],
        action: Action::Select,
        help: "keep the results and go back to the table",
        hint: Some("keep"),
    },
    Binding {
        scope: Scope::Only(&[M::CatalogSearch]),
        keys: &[Code(K::Esc)],
        action: Action::Back,
        help: "drop the search and go back to the table",
        hint: Some("cancel"),
    },
    Binding {
        scope: Scope::Only(&[M::Catalog]),
        keys: &[Code(K::Down), Code(K::Char('j'))],
        action: Action::Down,
        help: "move down",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::CatalogDetail]),
        keys: &[Code(K::Up), Code(K::Char('k'))],
        action: Action::Up,
        help: "scroll up",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::CatalogDetail]),
        keys: &[Code(K::Down), Code(K::Char('j'))],
        action: Action::Down,
        help: "scroll down",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Catalog, M::CatalogDetail]),
        keys: &[Code(K::PageUp)],
        action: Action::PageUp,
        help: "a page up",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Catalog, M::CatalogDetail]),
        keys: &[Code(K::PageDown)],
        action: Action::PageDown,
        help: "a page down",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Catalog, M::CatalogDetail]),
        keys: &[Code(K::Home), Code(K::Char('g'))],
        action: Action::Home,
        help: "to the top",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Catalog, M::CatalogDetail]),
        keys: &[Code(K::End), Code(K::Char('G'))],
        action: Action::End,
        help: "to the bottom",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Catalog]),
        keys: &[Code(K::Enter)],
        action: Action::Select,
        help: "open the entry: facts and verdict",
        hint: Some("details"),
    },
    Binding {
        scope: Scope::Only(&[M::Catalog, M::CatalogDetail]),
        keys: &[Code(K::Esc), Code(K::Backspace)],
        action: Action::Back,
        help: "go back",
        hint: Some("back"),
    },
    Binding {
        scope: Scope::Only(&[M::Catalog]),
        keys: &[Code(K::Char('/'))],
        action: Action::OpenSearch,
        help: "search names, exam codes, aliases and providers as you type",
        hint: Some("search"),
    },
    Binding {
        scope: Scope::Only(&[M::Catalog]),
        keys: &[Code(K::Char('0'))],
        action: Action::ClearFilters,
        help: "clear the search, every filter and the sort",
        hint: Some("clear"),
    },
    Binding {
        scope: Scope::Only(&[M::Catalog]),
        keys: &[Code(K::Char('s'))],
        action: Action::SortNext,
        help: "sort by the next column",
        hint: Some("sort"),
    },
    Binding {
        scope: Scope::Only(&[M::Catalog]),
        keys: &[Code(K::Char('r'))],
        action: Action::SortReverse,
        help: "reverse the order",
        hint: Some("reverse"),
    },
    Binding {
        scope: Scope::Only(&[M::Catalog]),
        keys: &[Code(K::Char('p'))],
        action: Action::FilterPlatform,
        help: "filter by platform:",
        hint: Some("platform"),
    },
    Binding {
        scope: Scope::Only(&[M::Catalog]),
        keys: &[Code(K::Char('t'))],
        action: Action::FilterTier,
        help: "filter by tier (all, 1-4)",
        hint: Some("tier"),
    },
    Binding {
        scope: Scope::Only(&[M::Catalog]),
        keys: &[Code(K::Char('a'))],
        action: Action::FilterStatus,
        help: "filter by status:",
        hint: Some("status"),
    },
    Binding {
        scope: Scope::Only(&[M::Catalog]),
        keys: &[Code(K::Char(' ')), Code(K::Char('x')), Code(K::Char('m'))],
        action: Action::ToggleMark,
        help: "mark for comparison (or unmark) and move to the next row",
        hint: Some("mark"),
    },
    Binding {
        scope: Scope::Only(&[M::Catalog]),
        keys: &[Code(K::Char('c'))],
        action: Action::Compare,
        help: "compare the marked entries with a portfolio project",
        hint: Some("compare"),
    },
    Binding {
        scope: Scope::Only(&[M::Catalog]),
        keys: &[Code(K::Char('e'))],
        action: Action::OpenEvaluate,
        help: "evaluate any certification",
        hint: Some("evaluate"),
    },
];
