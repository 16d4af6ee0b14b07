//! The welcome screen: start a new plan, continue the interview, open a saved plan, browse the
//! catalog, evaluate a certification, quit.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{ListItem, ListState, Paragraph, StatefulWidget, Widget};

use crate::tui::action::Action;
use crate::tui::frame::{list, padded, wrap};
use crate::tui::input::KeyCode as K;
use crate::tui::keymap::KeyPat::Code;
use crate::tui::keymap::{Binding, Mode as M, Scope};
use crate::tui::screen::{Go, moved};
use crate::tui::shared::Shared;

/// What the welcome menu offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WelcomeItem {
    /// A plan is on hand (made or opened, saved or not).
    BackToPlan,
    Continue,
    NewPlan,
    OpenSaved,
    Catalog,
    Evaluate,
    Postings,
    Quit,
}

impl WelcomeItem {
    pub fn label(self) -> &'static str {
        match self {
            WelcomeItem::BackToPlan => "Back to my plan",
            WelcomeItem::Continue => "Continue with my answers",
            WelcomeItem::NewPlan => "Start a new plan",
            WelcomeItem::OpenSaved => "Open a saved plan",
            WelcomeItem::Catalog => "Browse the certification catalog",
            WelcomeItem::Evaluate => "Evaluate any certification",
            WelcomeItem::Postings => "Scan job postings: what do they ask for?",
            WelcomeItem::Quit => "Quit",
        }
    }
}

/// The welcome menu, in order.
pub fn items(shared: &Shared) -> Vec<WelcomeItem> {
    let mut items = Vec::new();
    if shared.work.plan.is_some() {
        items.push(WelcomeItem::BackToPlan);
    } else if !shared.work.answers.is_empty() {
        items.push(WelcomeItem::Continue);
    }
    items.push(WelcomeItem::NewPlan);
    if shared.data.store.is_some() {
        items.push(WelcomeItem::OpenSaved);
    }
    items.extend([
        WelcomeItem::Catalog,
        WelcomeItem::Evaluate,
        WelcomeItem::Postings,
        WelcomeItem::Quit,
    ]);
    items
}

/// The welcome screen's state: the highlighted item.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    pub row: usize,
}

impl State {
    pub fn update(&mut self, shared: &mut Shared, action: Action) -> Option<Go> {
        let items = items(shared);
        match action {
            Action::Up | Action::Down | Action::Home | Action::End => {
                self.row = moved(self.row, action, items.len(), 1);
                None
            }
            Action::Select => match items.get(self.row)? {
                WelcomeItem::BackToPlan => Some(Go::To(crate::tui::screen::Screen::Plan)),
                WelcomeItem::Continue => Some(Go::Question {
                    id: first_unanswered(shared),
                    from_summary: false,
                }),
                WelcomeItem::NewPlan if shared.work.unsaved => {
                    // Never drop an unsaved plan or an interview in progress without asking.
                    let what = match (&shared.work.plan, &shared.work.opened) {
                        (None, _) => "Your answers so far will be dropped.".to_owned(),
                        (Some(_), Some(name)) => {
                            format!("Your unsaved changes to \"{name}\" will be dropped.")
                        }
                        (Some(_), None) => "Your unsaved plan will be dropped.".to_owned(),
                    };
                    shared.open(crate::tui::overlay::Overlay::Confirm(
                        crate::tui::overlay::Ask::StartOver(what),
                    ));
                    None
                }
                WelcomeItem::NewPlan => {
                    shared.clear_work();
                    let first = shared.kb.questions.first()?.id.clone();
                    Some(Go::Question {
                        id: first,
                        from_summary: false,
                    })
                }
                WelcomeItem::OpenSaved => Some(Go::Saved),
                WelcomeItem::Catalog => Some(Go::Catalog),
                WelcomeItem::Evaluate => Some(Go::Evaluate),
                WelcomeItem::Postings => Some(Go::Postings),
                WelcomeItem::Quit => {
                    shared.quit();
                    None
                }
            },
            _ => None,
        }
    }

    pub fn render(&self, shared: &Shared, area: Rect, buf: &mut Buffer) {
        let t = &shared.theme;
        let area = padded(area);
        let mut intro = vec![
            Line::default(),
            Line::styled("Is an AI certification worth it for you?", t.heading),
        ];
        intro.extend(wrap(
            "Answer a few questions and get a scored plan: what to build, study or skip.",
            area.width,
            t.text,
            "",
        ));
        intro.push(Line::default());
        let intro_height = u16::try_from(intro.len()).unwrap_or(u16::MAX);
        let [top, menu] =
            Layout::vertical([Constraint::Length(intro_height), Constraint::Fill(1)]).areas(area);
        Paragraph::new(intro).render(top, buf);
        let items: Vec<ListItem> = items(shared)
            .iter()
            .map(|i| ListItem::new(Line::from(i.label())))
            .collect();
        let mut state = ListState::default().with_selected(Some(self.row));
        StatefulWidget::render(list(t, items), menu, buf, &mut state);
    }
}

/// The first asked question without an answer, or the last asked question.
fn first_unanswered(shared: &Shared) -> String {
    let resolved = shared.resolved();
    let mut last = String::new();
    for (q, _) in resolved.asked() {
        if shared.work.answers.get(&q.id).is_none() {
            return q.id.clone();
        }
        last.clone_from(&q.id);
    }
    last
}

/// The welcome screen's key rows.
pub static KEYS: &[Binding] = &[
    Binding {
        scope: Scope::Only(&[M::Welcome]),
        keys: &[Code(K::Up), Code(K::Char('k'))],
        action: Action::Up,
        help: "move up",
        hint: Some("move"),
    },
    Binding {
        scope: Scope::Only(&[M::Welcome]),
        keys: &[Code(K::Down), Code(K::Char('j'))],
        action: Action::Down,
        help: "move down",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Welcome]),
        keys: &[Code(K::Enter)],
        action: Action::Select,
        help: "choose and go on",
        hint: Some("choose"),
    },
    Binding {
        scope: Scope::Only(&[M::Welcome]),
        keys: &[Code(K::Home), Code(K::Char('g'))],
        action: Action::Home,
        help: "go to the top",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Welcome]),
        keys: &[Code(K::End), Code(K::Char('G'))],
        action: Action::End,
        help: "go to the bottom",
        hint: None,
    },
];
