//! The key table machinery: rows of `(modes, keys, action, help, hint)`. Each screen owns the
//! rows of its modes (`KEYS` in its module); `tui::bindings` puts them together. The same rows
//! dispatch keys, write the footer hints and the help overlay, so the three cannot drift apart.

use crate::tui::input::{KeyCode, KeyEvent, KeyModifiers};

use crate::tui::action::Action;

/// What the keyboard is talking to right now. Overlays come first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    Welcome,
    /// A question with options.
    Choice,
    /// A question that takes a typed number.
    Number,
    Summary,
    Strategy,
    Plan,
    /// The saved-plans list.
    Saved,
    /// The catalog table.
    Catalog,
    /// The catalog table, typing into its search.
    CatalogSearch,
    /// One catalog entry in detail.
    CatalogDetail,
    /// Build versus certify.
    Compare,
    /// The evaluation form, on a typed field.
    EvalField,
    /// The evaluation form, on a yes/no field.
    EvalToggle,
    /// The evaluation's result.
    EvalResult,
    /// Job postings: typing a folder or file.
    PostingsPath,
    /// Job postings: typing or pasting into the postings box.
    PostingsPaste,
    /// Job postings: the report of a scan.
    PostingsReport,
    Help,
    /// A yes/no question.
    Confirm,
    /// A text field (plan names).
    Input,
    /// A message to read.
    Notice,
    /// The note that an opened plan was made with older knowledge.
    Outdated,
    Error,
    TooSmall,
}

impl Mode {
    /// Modes where typed characters are text, so single-letter global keys (`q`, `?`) are off.
    pub fn captures_text(self) -> bool {
        matches!(
            self,
            Mode::Input
                | Mode::EvalField
                | Mode::CatalogSearch
                | Mode::PostingsPath
                | Mode::PostingsPaste
        )
    }

    /// Overlays take every key before the screen below.
    pub fn is_overlay(self) -> bool {
        matches!(
            self,
            Mode::Help | Mode::Confirm | Mode::Input | Mode::Notice | Mode::Outdated | Mode::Error
        )
    }

    /// What the help overlay calls this screen.
    pub fn title(self) -> &'static str {
        match self {
            Mode::Welcome => "Welcome",
            Mode::Choice => "Interview",
            Mode::Number => "Interview: typed answer",
            Mode::Summary => "Answers",
            Mode::Strategy => "Strategy",
            Mode::Plan => "Plan",
            Mode::Saved => "Saved plans",
            Mode::Catalog => "Catalog",
            Mode::CatalogSearch => "Catalog: search",
            Mode::CatalogDetail => "Catalog entry",
            Mode::Compare => "Build versus certify",
            Mode::EvalField => "Evaluate: typed field",
            Mode::EvalToggle => "Evaluate: yes/no field",
            Mode::EvalResult => "Evaluation",
            Mode::PostingsPath => "Job postings: folder or file",
            Mode::PostingsPaste => "Job postings: pasted text",
            Mode::PostingsReport => "Job postings: report",
            Mode::Help => "Help",
            Mode::Confirm => "Confirm",
            Mode::Input => "Name",
            Mode::Notice => "Notice",
            Mode::Outdated => "Made with older knowledge",
            Mode::Error => "Error",
            Mode::TooSmall => "Terminal too small",
        }
    }
}

/// A key, or a family of keys, as the table writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyPat {
    Code(KeyCode),
    /// Ctrl plus a letter.
    Ctrl(char),
    /// Ctrl plus a key that is not a letter (Ctrl-←).
    CtrlCode(KeyCode),
    /// Any of 1-9 (picks an option).
    Digit1To9,
    /// Any of 0-9 (typed into a number).
    Digit0To9,
    /// Any printable character (typed into a text field).
    AnyChar,
}

impl KeyPat {
    fn matches(self, key: &KeyEvent) -> Option<Hit> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match (self, key.code) {
            (KeyPat::Ctrl(c), KeyCode::Char(k)) if ctrl && k.eq_ignore_ascii_case(&c) => {
                Some(Hit::Row)
            }
            (KeyPat::Code(code), k) if !ctrl && code == k => Some(Hit::Row),
            (KeyPat::CtrlCode(code), k) if ctrl && code == k => Some(Hit::Row),
            (KeyPat::Digit1To9, KeyCode::Char(c @ '1'..='9')) if !ctrl => Some(Hit::With(
                Action::Pick(c.to_digit(10).map_or(0, |d| d as usize - 1)),
            )),
            (KeyPat::Digit0To9, KeyCode::Char(c @ '0'..='9')) if !ctrl => {
                Some(Hit::With(Action::TypeDigit(c)))
            }
            (KeyPat::AnyChar, KeyCode::Char(c)) if !ctrl && !c.is_control() => {
                Some(Hit::With(Action::TypeChar(c)))
            }
            _ => None,
        }
    }

    /// How the key is written in the footer and in help.
    pub fn label(self) -> String {
        match self {
            KeyPat::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            KeyPat::CtrlCode(code) => format!("Ctrl-{}", KeyPat::Code(code).label()),
            KeyPat::Digit1To9 => "1-9".to_owned(),
            KeyPat::Digit0To9 => "0-9".to_owned(),
            KeyPat::AnyChar => "letters".to_owned(),
            KeyPat::Code(code) => match code {
                KeyCode::Up => "↑".to_owned(),
                KeyCode::Down => "↓".to_owned(),
                KeyCode::Left => "←".to_owned(),
                KeyCode::Right => "→".to_owned(),
                KeyCode::Enter => "Enter".to_owned(),
                KeyCode::Esc => "Esc".to_owned(),
                KeyCode::Backspace => "Backspace".to_owned(),
                KeyCode::Tab => "Tab".to_owned(),
                KeyCode::BackTab => "Shift-Tab".to_owned(),
                KeyCode::PageUp => "PgUp".to_owned(),
                KeyCode::PageDown => "PgDn".to_owned(),
                KeyCode::Home => "Home".to_owned(),
                KeyCode::End => "End".to_owned(),
                KeyCode::F(n) => format!("F{n}"),
                KeyCode::Char(' ') => "Space".to_owned(),
                KeyCode::Char(c) => c.to_string(),
                other => format!("{other:?}"),
            },
        }
    }
}

/// A key that matched a pattern.
enum Hit {
    /// The row's own action.
    Row,
    /// A digit or character family: the key fills in the action's data.
    With(Action),
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every screen (not overlays, not text entry for single letters).
    Global,
    Only(&'static [Mode]),
}

/// One row of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [KeyPat],
    /// The action; for digit families, the digit fills in the action's data.
    pub action: Action,
    /// What the key does, in the help overlay.
    pub help: &'static str,
    /// Shown in the footer (short form).
    pub hint: Option<&'static str>,
}

use KeyCode as K;
use KeyPat::{Code, Ctrl};

/// The rows that work on every screen; each screen's own rows come first (see `tui::bindings`).
pub static GLOBAL: &[Binding] = &[
    Binding {
        scope: Scope::Global,
        keys: &[Code(K::Char('?')), Code(K::F(1))],
        action: Action::OpenHelp,
        help: "show the keys of this screen",
        hint: Some("help"),
    },
    Binding {
        scope: Scope::Global,
        keys: &[Code(K::Char('q'))],
        action: Action::Quit,
        help: "quit (asks first if there is unsaved work)",
        hint: Some("quit"),
    },
    Binding {
        scope: Scope::Global,
        keys: &[Ctrl('c')],
        action: Action::ForceQuit,
        help: "quit now",
        hint: None,
    },
    Binding {
        scope: Scope::Global,
        keys: &[Ctrl('z')],
        action: Action::Suspend,
        help: "suspend (fg brings certwise back)",
        hint: None,
    },
];

impl Binding {
    /// Whether this row applies in a mode.
    pub fn applies(&self, mode: Mode) -> bool {
        match self.scope {
            Scope::Only(modes) => modes.contains(&mode),
            Scope::Global => !mode.is_overlay() && self.keys_in(mode).next().is_some(),
        }
    }

    /// The keys that work in a mode: in text fields, global single-character keys type text
    /// instead (F1 still opens help).
    pub fn keys_in(&self, mode: Mode) -> impl Iterator<Item = KeyPat> + '_ {
        let typing = self.scope == Scope::Global && mode.captures_text();
        self.keys
            .iter()
            .copied()
            .filter(move |k| !(typing && matches!(k, Code(K::Char(_)))))
    }

    /// The keys that work in a mode, written for people: in a text field help is "F1" alone,
    /// since `?` types itself there.
    pub fn keys_label_in(&self, mode: Mode) -> String {
        self.keys_in(mode)
            .map(KeyPat::label)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The tables that apply in a mode, in the order dispatch and help read them: a screen's own
/// rows first, then [`GLOBAL`].
pub type Tables<'a> = &'a [&'static [Binding]];

fn rows_in(tables: Tables<'_>, mode: Mode) -> impl Iterator<Item = &'static Binding> + '_ {
    tables
        .iter()
        .flat_map(|t| t.iter())
        .filter(move |b| b.applies(mode))
}

/// The action for a key in a mode, if any.
pub fn keymap(tables: Tables<'_>, mode: Mode, key: &KeyEvent) -> Option<Action> {
    // Ctrl-C and Ctrl-Z work in every mode, overlays and text entry included.
    if key.modifiers.contains(KeyModifiers::CONTROL)
        && let KeyCode::Char(c) = key.code
    {
        match c.to_ascii_lowercase() {
            'c' => return Some(Action::ForceQuit),
            'z' => return Some(Action::Suspend),
            _ => {}
        }
    }
    // certwise binds nothing to Alt. An Alt key (or Esc and a key read together, which
    // terminals send the same way) does nothing, rather than acting as the bare key or typing it.
    if key.modifiers.contains(KeyModifiers::ALT) {
        return None;
    }
    let key = normalise(key);
    rows_in(tables, mode).find_map(|b| {
        b.keys_in(mode)
            .find_map(|k| k.matches(&key))
            .map(|hit| match hit {
                Hit::Row => b.action,
                Hit::With(action) => action,
            })
    })
}

/// Shift on a letter arrives as the upper-case letter; drop SHIFT so `G` matches `G`.
fn normalise(key: &KeyEvent) -> KeyEvent {
    let mut key = *key;
    if matches!(key.code, KeyCode::Char(_)) {
        key.modifiers.remove(KeyModifiers::SHIFT);
    }
    key
}

/// The rows the help overlay lists for a mode (the mode's own rows, then the global ones).
pub fn help_rows(tables: Tables<'_>, mode: Mode) -> Vec<&'static Binding> {
    rows_in(tables, mode).collect()
}

/// Actions whose footer hint stays on a narrow terminal, as help and quit do: saving is what a
/// person must always be able to find; moving and going back are the keys everyone knows.
const FOOTER_KEEPS: [Action; 2] = [Action::OpenSave, Action::SaveEvaluation];

/// The footer hints for a mode: `(keys, hint, kept)`, `kept` for the global rows and
/// [`FOOTER_KEEPS`], which a narrow footer never drops.
pub fn footer_hints(tables: Tables<'_>, mode: Mode) -> Vec<(String, &'static str, bool)> {
    rows_in(tables, mode)
        .filter_map(|b| {
            b.hint.map(|h| {
                let kept = b.scope == Scope::Global || FOOTER_KEEPS.contains(&b.action);
                (hint_keys(b, mode), h, kept)
            })
        })
        .collect()
}

/// The first key of the first row bound to `action` in a mode, written for people: UI text asks
/// here instead of typing a key name by hand.
pub fn key_for(tables: Tables<'_>, mode: Mode, action: Action) -> String {
    rows_in(tables, mode)
        .find(|b| b.action == action)
        .and_then(|b| b.keys_in(mode).next())
        .map(KeyPat::label)
        .unwrap_or_default()
}

/// The first `max` keys bound to `action` in a mode, joined with `/` ("n/Esc/Enter").
pub fn keys_for(tables: Tables<'_>, mode: Mode, action: Action, max: usize) -> String {
    rows_in(tables, mode)
        .find(|b| b.action == action)
        .map(|b| {
            b.keys_in(mode)
                .take(max)
                .map(KeyPat::label)
                .collect::<Vec<_>>()
                .join("/")
        })
        .unwrap_or_default()
}

/// The footer shows the first key only, or `↑↓` for movement; in a question window, the safe
/// answer's first three keys, as the window itself names them.
fn hint_keys(b: &Binding, mode: Mode) -> String {
    match b.action {
        Action::CloseOverlay if mode == Mode::Confirm => b
            .keys_in(mode)
            .take(3)
            .map(KeyPat::label)
            .collect::<Vec<_>>()
            .join("/"),
        Action::Up | Action::Down
            if b.keys.contains(&Code(K::Up)) || b.keys.contains(&Code(K::Down)) =>
        {
            "↑↓".to_owned()
        }
        _ => b
            .keys_in(mode)
            .next()
            .map(KeyPat::label)
            .unwrap_or_default(),
    }
}
