//! "Your strategy": which of the five strategies fits, the answers that decided it, its steps.

use crate::tui::input::KeyCode as K;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::render::answer_text;
use crate::tui::action::Action;
use crate::tui::frame::{body_area, padded, wrap, wrap_after};
use crate::tui::keymap::KeyPat::Code;
use crate::tui::keymap::{self, Binding, Mode as M, Scope};
use crate::tui::screen::{AnswersAt, Go, Screen, Scroll};
use crate::tui::shared::Shared;

/// The strategy text, wrapped for the terminal, and how far it is scrolled.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct State {
    pub text: Scroll,
}

impl State {
    pub fn update(&mut self, action: Action) -> Option<Go> {
        match action {
            Action::Select => Some(Go::To(Screen::Plan)),
            Action::Back => Some(Go::Answers {
                at: AnswersAt::Top,
                from_plan: Some(false),
            }),
            _ => {
                self.text.apply(action);
                None
            }
        }
    }

    /// Wraps the text again if the plan or the size changed.
    pub fn layout(&mut self, shared: &Shared) {
        if !self
            .text
            .stale_for((shared.generation, shared.width, shared.height))
        {
            return;
        }
        let area = padded(body_area(shared.width, shared.height));
        self.text.set(lines(shared, area.width), area.height);
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        self.text.render(padded(area), buf);
    }
}

/// The strategy screen's text, wrapped to `width`.
fn lines(shared: &Shared, width: u16) -> Vec<Line<'static>> {
    let t = &shared.theme;
    let Some(plan) = &shared.work.plan else {
        return vec![Line::from("No plan yet.")];
    };
    let s = &plan.strategy;
    let mut lines = vec![Line::default(), Line::styled(s.name.clone(), t.heading)];
    lines.extend(wrap(&s.summary, width, t.text, ""));
    lines.push(Line::default());
    lines.push(Line::styled("Chosen because", t.title));
    for a in &s.decided_by {
        lines.extend(wrap_after(
            Span::raw("  • "),
            &answer_text(shared.kb, a),
            width,
            t.text,
        ));
    }
    lines.push(Line::default());
    lines.push(Line::styled("Steps", t.title));
    for (i, step) in s.steps.iter().enumerate() {
        lines.extend(wrap_after(
            Span::styled(format!("  {}. ", i + 1), t.key),
            step,
            width,
            t.text,
        ));
    }
    lines.push(Line::default());
    let enter = keymap::key_for(&[KEYS], M::Strategy, Action::Select);
    lines.extend(wrap(
        &format!("Press {enter} to see the scored plan."),
        width,
        t.dim,
        "",
    ));
    lines
}

/// The strategy screen's key rows.
pub static KEYS: &[Binding] = &[
    Binding {
        scope: Scope::Only(&[M::Strategy]),
        keys: &[Code(K::Up), Code(K::Char('k'))],
        action: Action::Up,
        help: "move up",
        hint: Some("move"),
    },
    Binding {
        scope: Scope::Only(&[M::Strategy]),
        keys: &[Code(K::Down), Code(K::Char('j'))],
        action: Action::Down,
        help: "move down",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Strategy]),
        keys: &[Code(K::Enter)],
        action: Action::Select,
        help: "choose and go on",
        hint: Some("choose"),
    },
    Binding {
        scope: Scope::Only(&[M::Strategy]),
        keys: &[Code(K::Esc), Code(K::Backspace)],
        action: Action::Back,
        help: "go back",
        hint: Some("back"),
    },
    Binding {
        scope: Scope::Only(&[M::Strategy]),
        keys: &[Code(K::Char('w'))],
        action: Action::GoHome,
        help: "go to the welcome screen (answers and plan are kept)",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Strategy]),
        keys: &[Code(K::PageUp)],
        action: Action::PageUp,
        help: "scroll a page up",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Strategy]),
        keys: &[Code(K::PageDown)],
        action: Action::PageDown,
        help: "scroll a page down",
        hint: Some("scroll"),
    },
    Binding {
        scope: Scope::Only(&[M::Strategy]),
        keys: &[Code(K::Home), Code(K::Char('g'))],
        action: Action::Home,
        help: "go to the top",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Strategy]),
        keys: &[Code(K::End), Code(K::Char('G'))],
        action: Action::End,
        help: "go to the bottom",
        hint: None,
    },
];
