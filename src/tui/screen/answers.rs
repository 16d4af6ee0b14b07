//! "Your answers": every answer on one screen, by topic, with "Make my plan" at the end; pick a
//! line to change it.

use crate::tui::input::KeyCode as K;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph, Widget};

use crate::knowledge::QuestionKind;
use crate::tui::action::Action;
use crate::tui::frame::{body_area, padded, wrap};
use crate::tui::keymap::KeyPat::Code;
use crate::tui::keymap::{Binding, Mode as M, Scope};
use crate::tui::overlay::Overlay;
use crate::tui::screen::{AnswersAt, Go, Screen, moved, page_rows};
use crate::tui::shared::Shared;

/// The summary's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    /// The highlighted line; one past the answers is "Make my plan".
    pub row: usize,
    /// Opened from the plan (`a`): going back returns to the plan while no answer has changed.
    pub from_plan: bool,
}

impl State {
    /// Shows every answer, highlighting `at`.
    pub fn open(&mut self, shared: &Shared, at: &AnswersAt) {
        let resolved = shared.resolved();
        self.row = match at {
            AnswersAt::Top => 0,
            AnswersAt::Question(id) => resolved.position(id).unwrap_or(0),
            AnswersAt::MakePlan => resolved.asked_count(),
        };
    }

    pub fn update(&mut self, shared: &mut Shared, action: Action) -> Option<Go> {
        let asked = shared.resolved().asked_count();
        let rows = asked + 1;
        match action {
            Action::Up
            | Action::Down
            | Action::Home
            | Action::End
            | Action::PageUp
            | Action::PageDown => {
                let page = page_rows(padded(body_area(shared.width, shared.height)).height);
                self.row = moved(self.row, action, rows, page);
                None
            }
            Action::Select if self.row < asked => {
                let id = shared
                    .resolved()
                    .asked()
                    .nth(self.row)
                    .map(|(q, _)| q.id.clone())?;
                Some(Go::Question {
                    id,
                    from_summary: true,
                })
            }
            Action::Select | Action::ShowPlan => self.make_plan(shared),
            Action::Back if self.from_plan && shared.work.plan.is_some() => {
                Some(Go::To(Screen::Plan))
            }
            Action::Back => {
                let last = shared
                    .resolved()
                    .asked()
                    .last()
                    .map(|(q, _)| q.id.clone())
                    .unwrap_or_default();
                Some(Go::Question {
                    id: last,
                    from_summary: false,
                })
            }
            _ => None,
        }
    }

    /// Computes the plan; the strategy comes next.
    pub fn make_plan(&mut self, shared: &mut Shared) -> Option<Go> {
        match shared.advise() {
            Ok(plan) => {
                // Steps that stay in the timeline keep their marks.
                shared.work.progress = crate::progress::carried(&plan, &shared.work.progress);
                shared.work.plan = Some(plan);
                shared.touch();
                self.from_plan = false;
                Some(Go::NewPlan)
            }
            Err(e) => {
                shared.open(Overlay::Error(e.to_string()));
                None
            }
        }
    }

    pub fn render(&self, shared: &Shared, area: Rect, buf: &mut Buffer) {
        let t = &shared.theme;
        let area = padded(area);
        let resolved = shared.resolved();
        let [head, rows] =
            Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
        Paragraph::new(wrap(
            "Every answer on one screen. Pick a line to change it; pick the last line to see your plan.",
            head.width,
            t.dim,
            "",
        ))
        .render(head, buf);
        let label_width = resolved
            .asked()
            .map(|(q, _)| textwrap::core::display_width(&q.topic))
            .max()
            .unwrap_or(0)
            .min(usize::from(rows.width / 3));
        let mut items: Vec<ListItem> = resolved
            .asked()
            .map(|(q, v)| {
                let assumed = shared.work.answers.get(&q.id).is_none();
                let value = match &q.kind {
                    QuestionKind::Number { unit, .. } => format!("{v} {unit}"),
                    QuestionKind::Choice(_) => q.label_of(v).to_owned(),
                };
                let value_style = if assumed { t.dim } else { t.text };
                let suffix = if assumed { " (default)" } else { "" };
                ListItem::new(columns(
                    (&q.topic, t.key),
                    (&format!("{value}{suffix}"), value_style),
                    label_width,
                    usize::from(rows.width.saturating_sub(2)),
                ))
            })
            .collect();
        items.push(ListItem::new(Line::styled("→ Make my plan", t.heading)));
        crate::tui::frame::marked_list(t, items, Some(self.row), rows, buf);
    }
}

/// A label and its value side by side, each wrapped in its own column (the label in
/// `label_width` columns, the value in what is left of `width`), so every value starts in the
/// same column however long its label.
fn columns(
    (label, label_style): (&str, Style),
    (value, value_style): (&str, Style),
    label_width: usize,
    width: usize,
) -> Vec<Line<'static>> {
    let cut = |text: &str, width: usize| -> Vec<String> {
        let options = textwrap::Options::new(width.max(1))
            .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
            .break_words(true);
        textwrap::wrap(text, options)
            .into_iter()
            .map(std::borrow::Cow::into_owned)
            .collect()
    };
    let labels = cut(label, label_width);
    let values = cut(value, width.saturating_sub(label_width + 2));
    (0..labels.len().max(values.len()))
        .map(|i| {
            let label = labels.get(i).map_or("", String::as_str);
            let pad = label_width.saturating_sub(textwrap::core::display_width(label)) + 2;
            Line::from(vec![
                Span::styled(format!("{label}{}", " ".repeat(pad)), label_style),
                Span::styled(values.get(i).cloned().unwrap_or_default(), value_style),
            ])
        })
        .collect()
}

/// The summary's key rows.
pub static KEYS: &[Binding] = &[
    Binding {
        scope: Scope::Only(&[M::Summary]),
        keys: &[Code(K::Up), Code(K::Char('k'))],
        action: Action::Up,
        help: "move up",
        hint: Some("move"),
    },
    Binding {
        scope: Scope::Only(&[M::Summary]),
        keys: &[Code(K::Down), Code(K::Char('j'))],
        action: Action::Down,
        help: "move down",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Summary]),
        keys: &[Code(K::Enter)],
        action: Action::Select,
        help: "choose and go on",
        hint: Some("choose"),
    },
    Binding {
        scope: Scope::Only(&[M::Summary]),
        keys: &[Code(K::Esc), Code(K::Backspace)],
        action: Action::Back,
        help: "go back",
        hint: Some("back"),
    },
    Binding {
        scope: Scope::Only(&[M::Summary]),
        keys: &[Code(K::Char('p'))],
        action: Action::ShowPlan,
        help: "make the plan from these answers",
        hint: Some("plan"),
    },
    Binding {
        scope: Scope::Only(&[M::Summary]),
        keys: &[Code(K::Char('w'))],
        action: Action::GoHome,
        help: "go to the welcome screen (answers and plan are kept)",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Summary]),
        keys: &[Code(K::PageUp)],
        action: Action::PageUp,
        help: "scroll a page up",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Summary]),
        keys: &[Code(K::PageDown)],
        action: Action::PageDown,
        help: "scroll a page down",
        hint: Some("scroll"),
    },
    Binding {
        scope: Scope::Only(&[M::Summary]),
        keys: &[Code(K::Home), Code(K::Char('g'))],
        action: Action::Home,
        help: "go to the top",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Summary]),
        keys: &[Code(K::End), Code(K::Char('G'))],
        action: Action::End,
        help: "go to the bottom",
        hint: None,
    },
];
