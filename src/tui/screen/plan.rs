//! The plan screen: the build/study split, the hiring signals, the ranking, and a tabbed pane with
//! the reasons behind a score, the avoid list, the timeline and the signals in detail. Saving,
//! progress and re-planning start here.

use crate::tui::input::KeyCode as K;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, LineGauge, Widget};

use crate::advisor::Plan;
use crate::progress;
use crate::render::signal_rows;
use crate::tui::action::Action;
use crate::tui::frame::body_area;
use crate::tui::keymap::KeyPat::Code;
use crate::tui::keymap::{Binding, Mode as M, Scope};
use crate::tui::screen::{AnswersAt, Go, Screen, Scroll, Stamp, moved, page_rows};
use crate::tui::shared::Shared;

pub mod panes;
pub mod ranking;

pub use ranking::{RankRow, rows as ranking_rows};

/// The panes of the plan screen, in Tab order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Pane {
    #[default]
    Ranking,
    Why,
    Avoid,
    Timeline,
    Signals,
}

impl Pane {
    pub const ALL: [Pane; 5] = [
        Pane::Ranking,
        Pane::Why,
        Pane::Avoid,
        Pane::Timeline,
        Pane::Signals,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Pane::Ranking => "Ranking",
            Pane::Why => "Why this score",
            Pane::Avoid => "Avoid",
            Pane::Timeline => "Timeline",
            Pane::Signals => "Hiring signals",
        }
    }

    fn step(self, by: isize) -> Pane {
        let i = Pane::ALL.iter().position(|p| *p == self).unwrap_or(0);
        let n = Pane::ALL.len().cast_signed();
        Pane::ALL[(i.cast_signed() + by).rem_euclid(n).cast_unsigned()]
    }

    /// The pane the detail area shows: the reasons when the ranking has focus.
    fn shown(self) -> Pane {
        match self {
            Pane::Ranking => Pane::Why,
            p => p,
        }
    }
}

/// The plan screen's state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct State {
    pub pane: Pane,
    /// The highlighted row of the ranking.
    pub row: usize,
    /// The detail pane's text.
    pub text: Scroll,
    /// The ranking, wrapped.
    pub table: ranking::Table,
    /// The "why this score" lines of every row, wrapped once per plan and width, so moving in
    /// the ranking only picks them.
    why: Vec<Vec<Line<'static>>>,
    why_for: Stamp,
    /// The plan was opened from Saved plans: Esc goes back there, not through the interview.
    pub from_saved: bool,
    /// The highlighted item of the timeline (a step or milestone, in `progress::items` order),
    /// and the lines of each item.
    pub item: usize,
    items: Vec<std::ops::Range<usize>>,
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

/// The scrolling area for a terminal's size: inside the detail pane.
fn scroll_area(shared: &Shared) -> Rect {
    Block::bordered().inner(areas(body_area(shared.width, shared.height)).detail)
}

impl State {
    /// A plan was made or opened: the ranking from the top.
    pub fn reset(&mut self) {
        self.from_saved = false;
        self.pane = Pane::Ranking;
        self.row = 0;
        self.item = 0;
        self.text.top();
    }

    /// Moves the timeline's highlight, scrolling to keep it in view; past the last item, Down
    /// and End scroll on to the notes under the timeline.
    fn move_item(&mut self, action: Action) {
        let n = self.items.len();
        if n == 0 {
            self.text.apply(action);
            return;
        }
        let page = page_rows(self.text.view());
        match action {
            Action::Down if self.item + 1 >= n => self.text.apply(action),
            Action::PageUp | Action::PageDown => {
                self.text.apply(action);
                // The highlight stays on screen: the first item shown.
                if !self
                    .items
                    .get(self.item)
                    .is_some_and(|r| self.text.shows(r.start))
                {
                    self.item = self
                        .items
                        .iter()
                        .position(|r| self.text.shows(r.start))
                        .unwrap_or(self.item);
                }
            }
            Action::End => {
                self.item = n - 1;
                self.text.apply(Action::End);
            }
            // Above the first step: the split and its reasons.
            Action::Home => {
                self.item = 0;
                self.text.top();
            }
            Action::Up if self.item == 0 => self.text.apply(action),
            _ => {
                self.item = moved(self.item, action, n, page);
                if let Some(r) = self.items.get(self.item) {
                    self.text.show(r.clone());
                }
            }
        }
    }

    pub fn update(&mut self, shared: &mut Shared, action: Action) -> Option<Go> {
        match action {
            Action::NextPane | Action::PrevPane => {
                self.pane = self
                    .pane
                    .step(if action == Action::NextPane { 1 } else { -1 });
                self.text.top();
            }
            Action::Back if self.from_saved => return Some(Go::Saved),
            Action::Back => return Some(Go::To(Screen::Strategy)),
            Action::EditAnswers => {
                return Some(Go::Answers {
                    at: AnswersAt::Top,
                    from_plan: Some(true),
                });
            }
            Action::OpenSave => shared.open_save(),
            Action::ToggleProgress if self.pane == Pane::Timeline => {
                if let Some(item) = shared
                    .work
                    .plan
                    .as_ref()
                    .and_then(|p| progress::items(p).get(self.item).copied())
                {
                    shared.tick(item);
                }
            }
            Action::ToggleProgress if self.pane == Pane::Ranking => {
                self.tick_from_ranking(shared);
            }
            Action::ToggleProgress => {}
            Action::OpenCatalog => return Some(Go::Catalog),
            Action::OpenEvaluate => return Some(Go::Evaluate),
            Action::OpenPostings => return Some(Go::Postings),
            Action::Compare => return Some(Go::ComparePlan),
            _ if self.pane == Pane::Ranking => {
                let rows = ranking::rows(shared).len();
                let before = self.row;
                self.row = moved(
                    self.row,
                    action,
                    rows,
                    page_rows(scroll_area(shared).height),
                );
                if before != self.row {
                    self.text.top();
                }
            }
            _ if self.pane == Pane::Timeline => self.move_item(action),
            _ => self.text.apply(action),
        }
        None
    }

    /// Progress from the ranking: an entry with one step on the timeline is ticked here; one
    /// with several (a project scheduled more than once) opens the timeline at its first step.
    fn tick_from_ranking(&mut self, shared: &mut Shared) {
        let Some(id) = ranking::rows(shared)
            .get(self.row)
            .filter(|row| row.score.is_some())
            .map(|row| row.id.to_owned())
        else {
            return;
        };
        let Some(plan) = &shared.work.plan else {
            return;
        };
        let steps = progress::steps_of(plan, &id);
        match steps.as_slice() {
            [] => {
                shared.status = Some(
                    "Not on the timeline, so nothing to mark: the timeline pane lists the steps."
                        .to_owned(),
                );
            }
            [one] => shared.tick(progress::Item::Step(*one)),
            [first, ..] => {
                let first = progress::Item::Step(*first);
                self.item = progress::items(plan)
                    .iter()
                    .position(|i| *i == first)
                    .unwrap_or(0);
                self.pane = Pane::Timeline;
                self.text.top();
                shared.status = Some(format!(
                    "{} steps of the timeline do this: mark each one here.",
                    steps.len()
                ));
            }
        }
    }

    /// Wraps the pane's text again if what it shows or the size changed.
    pub fn layout(&mut self, shared: &Shared) {
        let area = scroll_area(shared);
        let body = body_area(shared.width, shared.height);
        self.table.layout(shared, areas(body).ranking.width);
        if self.why_for.stale_for((shared.generation, area.width)) {
            self.why = (0..ranking::rows(shared).len())
                .map(|row| panes::lines(shared, Pane::Why, row, area.width))
                .collect();
        }
        let shown = self.pane.shown();
        let key = (
            shared.generation,
            shared.width,
            shared.height,
            shown.label(),
            if shown == Pane::Why { self.row } else { 0 },
        );
        if !self.text.stale_for(key) {
            return;
        }
        let area = scroll_area(shared);
        if shown == Pane::Timeline
            && let Some(plan) = &shared.work.plan
        {
            let (lines, items) = panes::timeline(shared, plan, area.width);
            self.text.set(lines, area.height);
            self.items = items;
            self.item = self.item.min(self.items.len().saturating_sub(1));
            // The highlighted step stays in view (it starts on screen, at least).
            if let Some(r) = self.items.get(self.item)
                && !self.text.shows(r.start)
            {
                self.text.show(r.clone());
            }
            return;
        }
        // The reasons of every row are wrapped already: moving in the ranking only picks them.
        let lines = match (shown, self.why.get(self.row)) {
            (Pane::Why, Some(lines)) => lines.clone(),
            _ => panes::lines(shared, shown, self.row, area.width),
        };
        self.text.set(lines, area.height);
    }

    pub fn render(&self, shared: &Shared, body: Rect, buf: &mut Buffer) {
        let Some(plan) = &shared.work.plan else {
            return;
        };
        let a = areas(body);
        split_row(shared, plan, a.split, buf);
        signals_row(shared, plan, a.signals, buf);
        self.table
            .render(shared, self.row, self.pane == Pane::Ranking, a.ranking, buf);
        self.detail(shared, a.detail, buf);
    }

    fn detail(&self, shared: &Shared, area: Rect, buf: &mut Buffer) {
        let t = &shared.theme;
        let shown = self.pane.shown();
        let mut title = vec![Span::raw(" ")];
        for p in &Pane::ALL[1..] {
            let style = if *p == shown { t.selected } else { t.dim };
            let label = match (p, &shared.work.plan) {
                (Pane::Signals, Some(plan)) => plan.signals_heading(),
                _ => p.label(),
            };
            title.push(Span::styled(format!(" {label} "), style));
            title.push(Span::raw(" "));
        }
        let focused = self.pane != Pane::Ranking;
        let block = pane_block(shared, String::new(), focused).title(Line::from(title));
        let inner = block.inner(area);
        block.render(area, buf);
        let highlight = (self.pane == Pane::Timeline)
            .then(|| self.items.get(self.item).cloned())
            .flatten()
            .map(|r| (r, shared.theme.selected));
        self.text.render_marked(inner, buf, highlight);
    }
}

fn split_row(shared: &Shared, plan: &Plan, area: Rect, buf: &mut Buffer) {
    let t = &shared.theme;
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

fn signals_row(shared: &Shared, plan: &Plan, area: Rect, buf: &mut Buffer) {
    let t = &shared.theme;
    let mut spans = vec![Span::styled(format!(" {}:", plan.signals_heading()), t.dim)];
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

fn pane_block(shared: &Shared, title: String, focused: bool) -> Block<'static> {
    let t = &shared.theme;
    let (border, title_style) = if focused {
        (t.focused_border, t.title)
    } else {
        (t.border, t.dim)
    };
    Block::bordered()
        .border_style(border)
        .title(Line::styled(title, title_style))
}

/// The plan screen's key rows.
pub static KEYS: &[Binding] = &[
    Binding {
        scope: Scope::Only(&[M::Plan]),
        keys: &[Code(K::Up), Code(K::Char('k'))],
        action: Action::Up,
        help: "move up",
        hint: Some("move"),
    },
    Binding {
        scope: Scope::Only(&[M::Plan]),
        keys: &[Code(K::Down), Code(K::Char('j'))],
        action: Action::Down,
        help: "move down",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Plan]),
        keys: &[Code(K::Esc), Code(K::Backspace)],
        action: Action::Back,
        help: "go back",
        hint: Some("back"),
    },
    Binding {
        scope: Scope::Only(&[M::Plan]),
        keys: &[Code(K::Tab)],
        action: Action::NextPane,
        help: "next pane",
        hint: Some("pane"),
    },
    Binding {
        scope: Scope::Only(&[M::Plan]),
        keys: &[Code(K::BackTab)],
        action: Action::PrevPane,
        help: "previous pane",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Plan]),
        keys: &[Code(K::Char('a'))],
        action: Action::EditAnswers,
        help: "review and change the answers",
        hint: Some("answers"),
    },
    Binding {
        scope: Scope::Only(&[M::Plan]),
        keys: &[Code(K::Char('w'))],
        action: Action::GoHome,
        help: "go to the welcome screen (answers and plan are kept)",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Plan]),
        keys: &[Code(K::PageUp)],
        action: Action::PageUp,
        help: "scroll a page up",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Plan]),
        keys: &[Code(K::PageDown)],
        action: Action::PageDown,
        help: "scroll a page down",
        hint: Some("scroll"),
    },
    Binding {
        scope: Scope::Only(&[M::Plan]),
        keys: &[Code(K::Home), Code(K::Char('g'))],
        action: Action::Home,
        help: "go to the top",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Plan]),
        keys: &[Code(K::End), Code(K::Char('G'))],
        action: Action::End,
        help: "go to the bottom",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Plan]),
        keys: &[Code(K::Char('s'))],
        action: Action::OpenSave,
        help: "save the plan under a name",
        hint: Some("save"),
    },
    Binding {
        scope: Scope::Only(&[M::Plan]),
        keys: &[Code(K::Char(' ')), Code(K::Char('x'))],
        action: Action::ToggleProgress,
        help: "mark the highlighted step or milestone todo, doing or done (timeline and ranking)",
        hint: Some("progress"),
    },
    Binding {
        scope: Scope::Only(&[M::Plan]),
        keys: &[Code(K::Char('r'))],
        action: Action::Replan,
        help: "re-plan with the current knowledge (shows the changes first)",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Plan]),
        keys: &[Code(K::Char('c'))],
        action: Action::OpenCatalog,
        help: "browse the certification catalog",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Plan]),
        keys: &[Code(K::Char('b'))],
        action: Action::Compare,
        help: "build versus certify: the plan's certifications and courses beside its first project",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Plan]),
        keys: &[Code(K::Char('e'))],
        action: Action::OpenEvaluate,
        help: "evaluate any certification",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Plan]),
        keys: &[Code(K::Char('p'))],
        action: Action::OpenPostings,
        help: "job postings: scan yours and weigh them in the plan",
        hint: None,
    },
];
