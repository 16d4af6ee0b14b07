//! Windows drawn over a screen: help, yes/no questions, name entry, notices and errors. They take
//! keys first and Esc closes them. They are kept as a stack: a dialog that leads to the next one
//! (a name that is taken, then "replace?") takes its place on top, and notices queue underneath,
//! so each shows in turn and none is lost.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use crate::advisor::Plan;
use crate::tui::action::Action;
use crate::tui::frame::{dialog, dialog_text_width, dialog_with, wrap_after};
use crate::tui::input::KeyCode as K;
use crate::tui::keymap::KeyPat::{AnyChar, Code};
use crate::tui::keymap::{Binding, Mode, Mode as M, Scope};
use crate::tui::screen::Scroll;
use crate::tui::text_field::{MAX_LEN, TextField};
use crate::tui::theme::Theme;

/// A window over the screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    /// The keys of the screen underneath, wrapped to the window.
    Help {
        under: Mode,
        text: Scroll,
    },
    /// A yes/no question.
    Confirm(Ask),
    /// A name to type.
    Input(NameInput),
    /// Something to read.
    Notice(String),
    /// The opened plan was made with older knowledge; `r` re-plans.
    Outdated(String),
    Error(String),
}

impl Overlay {
    /// The mode keys are read in while this window is open.
    pub fn mode(&self) -> Mode {
        match self {
            Overlay::Help { .. } => Mode::Help,
            Overlay::Confirm(_) => Mode::Confirm,
            Overlay::Input(_) => Mode::Input,
            Overlay::Notice(_) => Mode::Notice,
            Overlay::Outdated(_) => Mode::Outdated,
            Overlay::Error(_) => Mode::Error,
        }
    }
}

/// What a yes/no question is about.
#[derive(Debug, Clone, PartialEq)]
pub enum Ask {
    /// Quit with unsaved work.
    Quit(QuitQuestion),
    /// Start a new plan over unsaved work or an interview in progress; the text says what is
    /// dropped.
    StartOver(String),
    /// Replace the saved plan with this name.
    Replace(String),
    /// Delete the saved plan with this name.
    Delete(String),
    /// Replace the plan with a re-plan; the lines say what changes.
    Replan {
        plan: Box<Plan>,
        changes: Vec<String>,
    },
    /// Replace the evaluation named `name` in the person's catalog with the one on screen, which
    /// leaves facts it knows unknown (`lost`, for people).
    ReplaceEntry { name: String, lost: Vec<String> },
    /// Replace the evaluation draft (changed since it was filled in or saved; named `draft`)
    /// with the catalog entry `id`, named `name`.
    ReplaceDraft {
        draft: String,
        id: String,
        name: String,
    },
}

impl Ask {
    /// What the status line says when the answer is no, where keeping things deserves a word.
    pub fn declined(&self) -> Option<String> {
        match self {
            Ask::ReplaceEntry { name, .. } => {
                Some(format!("Not saved: your entry \"{name}\" is as it was."))
            }
            Ask::ReplaceDraft { draft, .. } => Some(format!(
                "Kept your draft for \"{}\".",
                if draft.is_empty() { "(no name)" } else { draft }
            )),
            _ => None,
        }
    }
}

/// The quit question: what is lost and what is kept, and whether there is a plan to save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuitQuestion {
    pub message: String,
    /// A plan is on screen, so "save and quit" is offered.
    pub can_save: bool,
}

/// A text field in a dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameInput {
    pub purpose: NamePurpose,
    pub text: TextField,
    pub error: Option<String>,
}

impl NameInput {
    /// The dialog for `purpose`, with `suggested` filled in and selected (typing replaces it).
    pub fn new(purpose: NamePurpose, suggested: &str) -> Self {
        NameInput {
            purpose,
            text: TextField::prefilled(suggested, MAX_LEN),
            error: None,
        }
    }
}

/// What the typed name is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NamePurpose {
    Save,
    Rename { from: String },
    Duplicate { from: String },
}

/// The open windows, the top one in front.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overlays {
    stack: Vec<Overlay>,
}

impl Overlays {
    /// The window in front, which takes the keys.
    pub fn top(&self) -> Option<&Overlay> {
        self.stack.last()
    }

    pub fn top_mut(&mut self) -> Option<&mut Overlay> {
        self.stack.last_mut()
    }

    pub fn is_open(&self) -> bool {
        !self.stack.is_empty()
    }

    /// Opens a window in front, in place of the dialog there: one dialog leads to the next (a
    /// name to type, then "replace?"). Queued notices stay.
    pub fn open(&mut self, overlay: Overlay) {
        self.dismiss();
        self.stack.push(overlay);
    }

    /// Closes the dialog in front, if it is not a notice (those wait to be read).
    pub fn dismiss(&mut self) {
        self.stack.pop_if(|top| !matches!(top, Overlay::Notice(_)));
    }

    /// Queues a notice: it shows once the windows open now, and earlier notices, are closed.
    pub fn notify(&mut self, text: String) {
        self.stack.insert(0, Overlay::Notice(text));
    }

    /// Closes the window in front, giving it back.
    pub fn close(&mut self) -> Option<Overlay> {
        self.stack.pop()
    }

    /// Takes the queued notices out (to say them together).
    pub fn take_notices(&mut self) -> Vec<String> {
        let mut notices = Vec::new();
        self.stack.retain(|o| match o {
            Overlay::Notice(text) => {
                notices.push(text.clone());
                false
            }
            _ => true,
        });
        notices.reverse();
        notices
    }
}

/// The overlays' key rows.
pub static KEYS: &[Binding] = &[
    Binding {
        scope: Scope::Only(&[M::Help, M::Error, M::Notice, M::Outdated]),
        keys: &[
            Code(K::Esc),
            Code(K::Enter),
            Code(K::Backspace),
            Code(K::Char('?')),
            Code(K::F(1)),
            Code(K::Char('q')),
        ],
        action: Action::CloseOverlay,
        help: "close this window",
        hint: Some("close"),
    },
    Binding {
        scope: Scope::Only(&[M::Outdated]),
        keys: &[Code(K::Char('r'))],
        action: Action::Replan,
        help: "re-plan with the current knowledge (shows the changes first)",
        hint: Some("re-plan"),
    },
    Binding {
        scope: Scope::Only(&[M::Confirm]),
        keys: &[Code(K::Char('y'))],
        action: Action::Confirm,
        help: "yes: do what the window asks (only y does it)",
        hint: Some("yes"),
    },
    Binding {
        scope: Scope::Only(&[M::Confirm]),
        keys: &[Code(K::Char('s'))],
        action: Action::SaveAndQuit,
        help: "in the quit question: save the plan, then quit",
        hint: None,
    },
    Binding {
        // Enter alone never deletes or discards: it takes the safe choice.
        scope: Scope::Only(&[M::Confirm]),
        keys: &[
            Code(K::Char('n')),
            Code(K::Esc),
            Code(K::Enter),
            Code(K::Backspace),
        ],
        action: Action::CloseOverlay,
        help: "no: keep things as they are (Enter does the same)",
        hint: Some("no"),
    },
    Binding {
        scope: Scope::Only(&[M::Input]),
        keys: &[Code(K::Enter)],
        action: Action::Select,
        help: "done",
        hint: Some("done"),
    },
    Binding {
        scope: Scope::Only(&[M::Input]),
        keys: &[Code(K::Esc)],
        action: Action::CloseOverlay,
        help: "cancel",
        hint: Some("cancel"),
    },
    Binding {
        scope: Scope::Only(&[M::Input]),
        keys: &[AnyChar],
        action: Action::TypeChar(' '),
        help: "type the name (typing over the suggested name replaces it; ← or → keeps it)",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Help]),
        keys: &[Code(K::Up), Code(K::Char('k'))],
        action: Action::Up,
        help: "move up",
        hint: Some("move"),
    },
    Binding {
        scope: Scope::Only(&[M::Help]),
        keys: &[Code(K::Down), Code(K::Char('j'))],
        action: Action::Down,
        help: "move down",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Help]),
        keys: &[Code(K::PageUp)],
        action: Action::PageUp,
        help: "scroll a page up",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Help]),
        keys: &[Code(K::PageDown)],
        action: Action::PageDown,
        help: "scroll a page down",
        hint: Some("scroll"),
    },
    Binding {
        scope: Scope::Only(&[M::Help]),
        keys: &[Code(K::Home), Code(K::Char('g'))],
        action: Action::Home,
        help: "go to the top",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Help]),
        keys: &[Code(K::End), Code(K::Char('G'))],
        action: Action::End,
        help: "go to the bottom",
        hint: None,
    },
];

/// Moves in the help window: a line, or a page at a time.
pub fn update_help(overlay: &mut Overlay, action: Action) {
    if let Overlay::Help { text, .. } = overlay {
        text.apply(action);
    }
}

/// The help window inside a terminal's area, as high as its `rows` of text where they fit.
fn help_area(area: Rect, rows: u16) -> Rect {
    let width = area.width.saturating_sub(4).min(78);
    let height = rows.saturating_add(2).min(area.height.saturating_sub(2));
    area.centered(Constraint::Length(width), Constraint::Length(height))
}

/// The inside of the help window for a terminal of `width` x `height` at its tallest.
pub fn help_inner(width: u16, height: u16) -> Rect {
    Block::bordered().inner(help_area(Rect::new(0, 0, width, height), u16::MAX))
}

/// The help rows, wrapped to `width` with continuation lines under the description; `detail`
/// adds what a row's words cannot hold (the values a filter key cycles through).
pub fn help_lines(
    theme: &Theme,
    rows: &[&Binding],
    under: Mode,
    width: u16,
    detail: &dyn Fn(Action) -> Option<String>,
) -> Vec<Line<'static>> {
    let key_width = rows
        .iter()
        .map(|b| b.keys_label_in(under).chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    rows.iter()
        .flat_map(|b| {
            let keys = Span::styled(
                format!(" {:<key_width$}", b.keys_label_in(under)),
                theme.key,
            );
            let help = match detail(b.action) {
                Some(more) => format!("{} {more}", b.help),
                None => b.help.to_owned(),
            };
            wrap_after(keys, &help, width, theme.text)
        })
        .collect()
}

fn help(theme: &Theme, under: Mode, text: &Scroll, area: Rect, buf: &mut Buffer) {
    let rows = u16::try_from(text.lines().len()).unwrap_or(u16::MAX);
    let area = help_area(area, rows);
    Clear.render(area, buf);
    let block = Block::bordered()
        .border_style(theme.focused_border)
        .title(Line::styled(
            format!(" Keys: {} ", under.title()),
            theme.title,
        ))
        .title_bottom(
            Line::styled(
                format!(
                    " {} closes ",
                    crate::tui::keymap::key_for(&[KEYS], Mode::Help, Action::CloseOverlay)
                ),
                theme.dim,
            )
            .right_aligned(),
        );
    let inner = block.inner(area);
    block.render(area, buf);
    text.render(inner, buf);
}

/// The keys of a question window and what each does, from the key table.
fn answer_line(ask: &Ask, key: &dyn Fn(Mode, Action) -> String) -> String {
    let (yes, no) = answer_words(ask);
    let save = if matches!(ask, Ask::Quit(q) if q.can_save) {
        format!(
            " · {} save and quit",
            key(Mode::Confirm, Action::SaveAndQuit)
        )
    } else {
        String::new()
    };
    format!(
        "{} {yes}{save} · {} {no}",
        key(Mode::Confirm, Action::Confirm),
        crate::tui::keymap::keys_for(&[KEYS], Mode::Confirm, Action::CloseOverlay, 3)
    )
}

/// What `y` and the safe keys do in a question window, in a word or two each.
fn answer_words(ask: &Ask) -> (&'static str, &'static str) {
    match ask {
        Ask::Quit(_) => ("quit", "stay"),
        Ask::StartOver(_) => ("start over", "keep my work"),
        Ask::Replace(_) => ("replace it", "keep it"),
        Ask::Delete(_) => ("delete", "keep"),
        Ask::Replan { .. } => ("re-plan", "keep the plan"),
        Ask::ReplaceEntry { .. } => ("replace it", "keep mine"),
        Ask::ReplaceDraft { .. } => ("replace the draft", "keep the draft"),
    }
}

/// A question window's title and text.
fn ask_text(ask: &Ask, area: Rect) -> (&'static str, Vec<String>) {
    match ask {
        Ask::Quit(q) => ("Quit certwise?", vec![q.message.clone()]),
        Ask::StartOver(message) => ("Start a new plan?", vec![message.clone()]),
        Ask::Replace(name) => (
            "Replace?",
            vec![format!("A plan named \"{name}\" exists. Replace it?")],
        ),
        Ask::Delete(name) => (
            "Delete?",
            vec![format!(
                "Delete the saved plan \"{name}\"? It goes to the trash: certwise \
                 plans restore \"{name}\" brings it back."
            )],
        ),
        Ask::Replan { changes, .. } => {
            let mut lines = vec!["Re-planning with the current knowledge changes:".to_owned()];
            let room = usize::from(area.height.saturating_sub(8)).max(1);
            lines.extend(changes.iter().take(room).map(|c| format!("• {c}")));
            if changes.len() > room {
                lines.push(format!("… and {} more", changes.len() - room));
            }
            lines.push("Replace the plan?".to_owned());
            ("Re-plan?", lines)
        }
        Ask::ReplaceEntry { name, lost } => (
            "Replace your entry?",
            vec![format!(
                "Your catalog has \"{name}\" with facts this evaluation leaves out: {}. \
                 Replacing it loses them. To keep them, answer no and fill them in \
                 (e on the entry in the catalog fills in its saved facts).",
                lost.join(", ")
            )],
        ),
        Ask::ReplaceDraft { draft, name, .. } => (
            "Replace your draft?",
            vec![format!(
                "The evaluation form holds your draft for \"{}\", changed since it was \
                 filled in or saved. Replace it with \"{name}\"? The draft is lost.",
                if draft.is_empty() { "(no name)" } else { draft }
            )],
        ),
    }
}

/// Draws a window over the whole frame. `key` names the key of an action in the window's mode.
pub fn render(
    theme: &Theme,
    overlay: &Overlay,
    key: &dyn Fn(Mode, Action) -> String,
    area: Rect,
    buf: &mut Buffer,
) {
    let choices = |mode: Mode, pairs: &[(Action, &str)]| {
        pairs
            .iter()
            .map(|(action, what)| format!("{}: {what}", key(mode, *action)))
            .collect::<Vec<_>>()
            .join("    ")
    };
    match overlay {
        Overlay::Help { under, text } => help(theme, *under, text, area, buf),
        Overlay::Confirm(ask) => {
            let (title, mut lines) = ask_text(ask, area);
            lines.push(String::new());
            lines.push(answer_line(ask, key));
            dialog(theme, title, &lines, area, buf);
        }
        Overlay::Input(input) => {
            let title = match &input.purpose {
                NamePurpose::Save => "Save plan as",
                NamePurpose::Rename { .. } => "Rename plan",
                NamePurpose::Duplicate { .. } => "Copy plan as",
            };
            let field = input
                .text
                .line(dialog_text_width(area), true, theme.text, theme.selected);
            let mut lines = Vec::new();
            if let Some(error) = &input.error {
                lines.push(format!("! {error}"));
            }
            lines.push(String::new());
            lines.push(choices(
                Mode::Input,
                &[(Action::Select, "done"), (Action::CloseOverlay, "cancel")],
            ));
            dialog_with(theme, title, vec![field], &lines, area, buf);
        }
        Overlay::Outdated(text) => dialog(
            theme,
            "Made with older knowledge",
            &[
                text.clone(),
                String::new(),
                choices(
                    Mode::Outdated,
                    &[
                        (Action::Replan, "re-plan"),
                        (Action::CloseOverlay, "keep it"),
                    ],
                ),
            ],
            area,
            buf,
        ),
        Overlay::Notice(text) => dialog(
            theme,
            "Note",
            &[
                text.clone(),
                String::new(),
                choices(Mode::Notice, &[(Action::CloseOverlay, "close")]),
            ],
            area,
            buf,
        ),
        Overlay::Error(message) => dialog(
            theme,
            "Something went wrong",
            std::slice::from_ref(message),
            area,
            buf,
        ),
    }
}
