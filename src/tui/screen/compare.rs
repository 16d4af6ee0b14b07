//! The build-versus-certify screen: one line of figures per item (cost, time, and skill
//! building, hiring signal and ROI as bars on one 0-4 scale with the value printed on each), the
//! notes on where figures come from, and a scroll with "more" lines when the terminal is small.
//! From the catalog it compares the marked entries with a portfolio project; from a plan, the
//! plan's own certifications and courses with its first project, at the plan's hours and costs.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr as _;

use crate::compare::{Compared, compare, plan_comparison};
use crate::knowledge::Rating;
use crate::tui::action::Action;
use crate::tui::frame::{body_area, padded, wrap};
use crate::tui::input::KeyCode as K;
use crate::tui::keymap::KeyPat::Code;
use crate::tui::keymap::{Binding, Mode as M, Scope};
use crate::tui::screen::catalog::usd_short;
use crate::tui::screen::{Go, Screen, Scroll};
use crate::tui::shared::Shared;

/// The items compared, and where Esc returns to.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The catalog ids compared, in order.
    pub ids: Vec<String>,
    /// Their figures: the catalog's, or the plan's own hours and costs.
    pub items: Vec<Compared>,
    /// Why there is nothing to compare, if so.
    pub error: Option<String>,
    /// The items are a plan's own.
    pub from_plan: bool,
    pub back_to: Screen,
    /// The screen's lines, built for the width.
    pub text: Scroll,
}

impl Default for State {
    fn default() -> Self {
        State {
            ids: Vec::new(),
            items: Vec::new(),
            error: None,
            from_plan: false,
            back_to: Screen::Welcome,
            text: Scroll::default(),
        }
    }
}

/// The rating scale every bar uses, once for the whole screen.
const SCALE: &str = "Ratings 0-4: 0 none · 1 low · 2 moderate · 3 good · 4 high";

impl State {
    /// Compares the given entries with a portfolio project (always added: build versus
    /// certify), coming back to `from` on Esc. False if there is nothing to compare.
    pub fn open(&mut self, shared: &Shared, mut ids: Vec<String>, from: Screen) -> bool {
        if !ids.iter().any(|id| id == "portfolio-project") {
            ids.push("portfolio-project".to_owned());
        }
        ids.dedup();
        if ids.len() < 2 {
            return false;
        }
        let (items, error) = match compare(shared.kb, &ids) {
            Ok(items) => (items, None),
            Err(e) => (Vec::new(), Some(e.to_string())),
        };
        self.show(ids, items, error, false, from);
        true
    }

    /// Compares the plan's scheduled certifications and courses with its first project, at
    /// the plan's hours and costs. False without a plan or anything to compare.
    pub fn open_plan(&mut self, shared: &Shared, from: Screen) -> bool {
        let Some(plan) = &shared.work.plan else {
            return false;
        };
        let items = plan_comparison(shared.kb, plan);
        if items.len() < 2 {
            return false;
        }
        let ids = items.iter().map(|c| c.id.clone()).collect();
        self.show(ids, items, None, true, from);
        true
    }

    fn show(
        &mut self,
        ids: Vec<String>,
        items: Vec<Compared>,
        error: Option<String>,
        from_plan: bool,
        from: Screen,
    ) {
        if from != Screen::Compare {
            self.back_to = from;
        }
        self.ids = ids;
        self.items = items;
        self.error = error;
        self.from_plan = from_plan;
        // New lines for the next layout, from the top.
        self.text = Scroll::default();
    }

    pub fn update(&mut self, action: Action) -> Option<Go> {
        if action == Action::Back {
            return Some(Go::To(self.back_to));
        }
        self.text.apply(action);
        None
    }

    /// Builds the lines again if the size or the knowledge changed.
    pub fn layout(&mut self, shared: &Shared) {
        let area = padded(body_area(shared.width, shared.height));
        if !self
            .text
            .stale_for((shared.generation, shared.width, shared.height))
        {
            return;
        }
        let lines = lines(shared, self, area.width);
        self.text.set(lines, area.height);
    }

    /// Draws the comparison; cut off, its last row says how much is above and below.
    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        self.text.render(padded(area), buf);
    }
}

/// The ROI cell's mark: `*` after certwise's estimates (a retired entry's ROI is its own note).
fn estimate_mark(c: &Compared) -> &'static str {
    if c.from_seeds || c.retired_on.is_some() {
        ""
    } else {
        "*"
    }
}

/// 0-4 on the scale.
fn points(r: Rating) -> u8 {
    r.percent() / 25
}

/// A bar of four cells with its value printed after it: `███░ 3`, and the word when `words`.
fn bar_text(r: Rating, mark: &str, words: bool) -> String {
    let n = usize::from(points(r));
    let word = if words {
        format!(" {}", r.as_str())
    } else {
        String::new()
    };
    format!("{}{} {n}{mark}{word}", "█".repeat(n), "░".repeat(4 - n))
}

fn cost_cell(c: &Compared) -> String {
    if c.cost_unknown {
        "?".to_owned()
    } else {
        usd_short(c.cost_usd)
    }
}

fn time_cell(c: &Compared) -> String {
    match c.months {
        _ if c.hours_unknown && c.months.is_none() => "?".to_owned(),
        Some(m) => format!("{m} months"),
        None => format!("{} h", c.hours),
    }
}

/// Every line of the screen, for a width.
fn lines(app: &Shared, v: &State, width: u16) -> Vec<Line<'static>> {
    let t = &app.theme;
    if let Some(error) = &v.error {
        return wrap(error, width, t.error, "");
    }
    let items = &v.items;
    let intro = if v.from_plan {
        "Your plan's certifications and courses beside its first project, at the plan's hours and costs"
    } else {
        "Build versus certify, side by side"
    };
    let mut out = wrap(intro, width, t.title, "");
    out.extend(wrap(SCALE, width, t.dim, ""));
    out.push(Line::default());
    // Columns as wide as their widest value; the rating words while the names keep room.
    let measure = |header: &str, cell: &dyn Fn(&Compared) -> String| {
        items
            .iter()
            .map(|c| cell(c).width())
            .chain([header.width()])
            .max()
            .unwrap_or(0)
    };
    let cost_w = measure("USD", &cost_cell);
    let time_w = measure("Time", &time_cell);
    let fixed = |words: bool| {
        let rating = |r: &dyn Fn(&Compared) -> String| measure("Signal", r);
        cost_w
            + time_w
            + rating(&|c| bar_text(c.skill_building, "", words))
            + rating(&|c| bar_text(c.hiring_signal, "", words))
            + rating(&|c| bar_text(c.roi, estimate_mark(c), words))
            + 5
    };
    let words = usize::from(width).saturating_sub(fixed(true)) >= 40;
    let rating_w = |r: &dyn Fn(&Compared) -> String| measure("Signal", r);
    let skill_w = rating_w(&|c| bar_text(c.skill_building, "", words));
    let signal_w = rating_w(&|c| bar_text(c.hiring_signal, "", words));
    let roi_w = rating_w(&|c| bar_text(c.roi, estimate_mark(c), words));
    let name_w = usize::from(width).saturating_sub(fixed(words)).max(12);
    let cell =
        |text: &str, w: usize| format!(" {text}{}", " ".repeat(w.saturating_sub(text.width())));
    out.push(Line::styled(
        format!(
            "{}{}{}{}{}{}",
            " ".repeat(name_w),
            cell("USD", cost_w),
            cell("Time", time_w),
            cell("Skills", skill_w),
            cell("Signal", signal_w),
            cell("ROI", roi_w),
        ),
        t.dim,
    ));
    for c in items {
        // A plan's project goes by its brief's title: say it is the project.
        let name = if v.from_plan && !c.kind.is_study() {
            format!("Project: {}", c.name)
        } else {
            c.name.clone()
        };
        let names = wrap(&name, u16::try_from(name_w).unwrap_or(u16::MAX), t.text, "");
        for (i, name) in names.into_iter().enumerate() {
            let text: String = name.spans.iter().map(|s| s.content.as_ref()).collect();
            let mut spans = vec![Span::styled(
                format!("{text}{}", " ".repeat(name_w.saturating_sub(text.width()))),
                t.text,
            )];
            if i == 0 {
                spans.push(Span::raw(cell(&cost_cell(c), cost_w)));
                spans.push(Span::raw(cell(&time_cell(c), time_w)));
                spans.push(Span::styled(
                    cell(&bar_text(c.skill_building, "", words), skill_w),
                    t.accent,
                ));
                spans.push(Span::styled(
                    cell(&bar_text(c.hiring_signal, "", words), signal_w),
                    t.accent,
                ));
                spans.push(Span::styled(
                    cell(&bar_text(c.roi, estimate_mark(c), words), roi_w),
                    roi_style(app, c),
                ));
            }
            out.push(Line::from(spans));
        }
    }
    out.push(Line::default());
    out.extend(notes(app, v, width));
    out
}

/// The lines under the table: where each row's figures come from, what replaces a retired
/// certification, and what a `?` means.
fn notes(app: &Shared, v: &State, width: u16) -> Vec<Line<'static>> {
    let t = &app.theme;
    let items = &v.items;
    let mut lines = Vec::new();
    if v.from_plan {
        lines.extend(wrap(
            "Hours and USD as your plan schedules them (a free audit costs 0); the ratings are the catalog's.",
            width,
            t.dim,
            "",
        ));
    }
    // From a plan the rows carry the plan's own names and hours: the line above says where the
    // ratings come from.
    let from_sources: Vec<&str> = items
        .iter()
        .filter(|c| c.from_seeds && !v.from_plan)
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
    if items.iter().any(|c| !estimate_mark(c).is_empty()) {
        lines.extend(wrap(
            "* certwise's estimate from skill building, hiring signal and cost.",
            width,
            t.dim,
            "",
        ));
    }
    if items.iter().any(|c| c.cost_unknown || c.hours_unknown) {
        lines.extend(wrap(
            "? not known: check before you pay or plan on it.",
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

fn roi_style(app: &Shared, c: &Compared) -> Style {
    match c.roi {
        _ if c.retired_on.is_some() => app.theme.bad,
        Rating::High | Rating::Good => app.theme.good,
        Rating::Moderate => app.theme.text,
        _ => app.theme.bad,
    }
}

/// The comparison's key rows.
pub static KEYS: &[Binding] = &[
    Binding {
        scope: Scope::Only(&[M::Compare]),
        keys: &[Code(K::Up), Code(K::Char('k'))],
        action: Action::Up,
        help: "scroll up",
        hint: Some("scroll"),
    },
    Binding {
        scope: Scope::Only(&[M::Compare]),
        keys: &[Code(K::Down), Code(K::Char('j'))],
        action: Action::Down,
        help: "scroll down",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Compare]),
        keys: &[Code(K::PageUp)],
        action: Action::PageUp,
        help: "scroll a page up",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Compare]),
        keys: &[Code(K::PageDown), Code(K::Char(' '))],
        action: Action::PageDown,
        help: "scroll a page down",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Compare]),
        keys: &[Code(K::Home), Code(K::Char('g'))],
        action: Action::Home,
        help: "go to the top",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Compare]),
        keys: &[Code(K::End), Code(K::Char('G'))],
        action: Action::End,
        help: "go to the bottom",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Compare]),
        keys: &[Code(K::Esc), Code(K::Backspace)],
        action: Action::Back,
        help: "go back",
        hint: Some("back"),
    },
];
