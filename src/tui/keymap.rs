//! The one key table: it dispatches keys, writes the footer hints and the help overlay, so the
//! three cannot drift apart.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

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
        matches!(self, Mode::Input | Mode::EvalField)
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
            Mode::CatalogDetail => "Catalog entry",
            Mode::Compare => "Build versus certify",
            Mode::EvalField => "Evaluate: typed field",
            Mode::EvalToggle => "Evaluate: yes/no field",
            Mode::EvalResult => "Evaluation",
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
    /// Any of 1-9 (picks an option).
    Digit1To9,
    /// Any of 0-9 (typed into a number).
    Digit0To9,
    /// Any printable character (typed into a text field).
    AnyChar,
}

impl KeyPat {
    fn matches(self, key: &KeyEvent) -> Option<Action> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match (self, key.code) {
            (KeyPat::Ctrl(c), KeyCode::Char(k)) if ctrl && k.eq_ignore_ascii_case(&c) => {
                Some(Action::Noop)
            }
            (KeyPat::Code(code), k) if !ctrl && code == k => Some(Action::Noop),
            (KeyPat::Digit1To9, KeyCode::Char(c @ '1'..='9')) if !ctrl => {
                Some(Action::Pick(c.to_digit(10).map_or(0, |d| d as usize - 1)))
            }
            (KeyPat::Digit0To9, KeyCode::Char(c @ '0'..='9')) if !ctrl => {
                Some(Action::TypeDigit(c))
            }
            (KeyPat::AnyChar, KeyCode::Char(c)) if !ctrl && !c.is_control() => {
                Some(Action::TypeChar(c))
            }
            _ => None,
        }
    }

    /// How the key is written in the footer and in help.
    pub fn label(self) -> String {
        match self {
            KeyPat::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
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
use KeyPat::{Code, Ctrl, Digit0To9, Digit1To9};
use Mode as M;

const LISTS: &[Mode] = &[
    M::Welcome,
    M::Choice,
    M::Summary,
    M::Plan,
    M::Strategy,
    M::Help,
    M::Saved,
];
const SCREENS_WITH_BACK: &[Mode] = &[M::Choice, M::Summary, M::Strategy, M::Plan];

/// The key table. Order matters: the first match wins, and help lists rows in this order.
pub static BINDINGS: &[Binding] = &[
    // Overlays.
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
        keys: &[Code(K::Char('y')), Code(K::Enter)],
        action: Action::Confirm,
        help: "yes",
        hint: Some("yes"),
    },
    Binding {
        scope: Scope::Only(&[M::Confirm]),
        keys: &[Code(K::Char('n')), Code(K::Esc), Code(K::Backspace)],
        action: Action::CloseOverlay,
        help: "no",
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
        keys: &[Code(K::Backspace)],
        action: Action::DeleteChar,
        help: "delete the last character",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Input]),
        keys: &[KeyPat::AnyChar],
        action: Action::TypeChar(' '),
        help: "type the name",
        hint: None,
    },
    // Moving in lists.
    Binding {
        scope: Scope::Only(LISTS),
        keys: &[Code(K::Up), Code(K::Char('k'))],
        action: Action::Up,
        help: "move up",
        hint: Some("move"),
    },
    Binding {
        scope: Scope::Only(LISTS),
        keys: &[Code(K::Down), Code(K::Char('j'))],
        action: Action::Down,
        help: "move down",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Choice]),
        keys: &[Digit1To9],
        action: Action::Pick(0),
        help: "choose that option and go on",
        hint: Some("pick"),
    },
    Binding {
        scope: Scope::Only(&[M::Number]),
        keys: &[Digit0To9],
        action: Action::TypeDigit('0'),
        help: "type the number",
        hint: Some("type"),
    },
    Binding {
        scope: Scope::Only(&[M::Number]),
        keys: &[Code(K::Backspace), Code(K::Delete)],
        action: Action::DeleteChar,
        help: "delete the last digit (never goes back: holding it only empties the field)",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Welcome, M::Choice, M::Number, M::Summary, M::Strategy]),
        keys: &[Code(K::Enter)],
        action: Action::Select,
        help: "choose and go on",
        hint: Some("choose"),
    },
    Binding {
        scope: Scope::Only(&[M::Choice, M::Number]),
        keys: &[Code(K::Right), Code(K::Char('l'))],
        action: Action::Forward,
        help: "next question (keeps the highlighted answer)",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Choice, M::Number]),
        keys: &[Code(K::Left), Code(K::Char('h'))],
        action: Action::Back,
        help: "previous question",
        hint: None,
    },
    Binding {
        scope: Scope::Only(SCREENS_WITH_BACK),
        keys: &[Code(K::Esc), Code(K::Backspace)],
        action: Action::Back,
        help: "go back",
        hint: Some("back"),
    },
    Binding {
        scope: Scope::Only(&[M::Number]),
        keys: &[Code(K::Esc)],
        action: Action::Back,
        help: "go back (Backspace only edits the number)",
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
        scope: Scope::Only(&[M::Summary, M::Strategy, M::Plan]),
        keys: &[Code(K::Char('w'))],
        action: Action::GoHome,
        help: "go to the welcome screen (answers and plan are kept)",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Plan, M::Strategy, M::Help, M::Summary]),
        keys: &[Code(K::PageUp)],
        action: Action::PageUp,
        help: "scroll a page up",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Plan, M::Strategy, M::Help, M::Summary]),
        keys: &[Code(K::PageDown)],
        action: Action::PageDown,
        help: "scroll a page down",
        hint: Some("scroll"),
    },
    Binding {
        scope: Scope::Only(&[
            M::Plan,
            M::Strategy,
            M::Help,
            M::Summary,
            M::Welcome,
            M::Choice,
            M::Saved,
        ]),
        keys: &[Code(K::Home), Code(K::Char('g'))],
        action: Action::Home,
        help: "go to the top",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[
            M::Plan,
            M::Strategy,
            M::Help,
            M::Summary,
            M::Welcome,
            M::Choice,
            M::Saved,
        ]),
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
        help: "mark the highlighted item todo, doing or done",
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
        scope: Scope::Only(&[M::Saved]),
        keys: &[Code(K::Enter)],
        action: Action::Select,
        help: "open the plan",
        hint: Some("open"),
    },
    Binding {
        scope: Scope::Only(&[M::Saved]),
        keys: &[Code(K::Char('r'))],
        action: Action::RenamePlan,
        help: "rename",
        hint: Some("rename"),
    },
    Binding {
        scope: Scope::Only(&[M::Saved]),
        keys: &[Code(K::Char('c'))],
        action: Action::DuplicatePlan,
        help: "copy under a new name",
        hint: Some("copy"),
    },
    Binding {
        scope: Scope::Only(&[M::Saved]),
        keys: &[Code(K::Char('d')), Code(K::Delete)],
        action: Action::DeletePlan,
        help: "delete (asks first)",
        hint: Some("delete"),
    },
    Binding {
        scope: Scope::Only(&[M::Saved]),
        keys: &[Code(K::Esc), Code(K::Backspace)],
        action: Action::Back,
        help: "back to the welcome screen",
        hint: Some("back"),
    },
    Binding {
        scope: Scope::Only(&[M::Catalog]),
        keys: &[Code(K::Up), Code(K::Char('k'))],
        action: Action::Up,
        help: "move up",
        hint: Some("move"),
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
        scope: Scope::Only(&[M::Catalog, M::CatalogDetail, M::Compare]),
        keys: &[Code(K::Esc), Code(K::Backspace)],
        action: Action::Back,
        help: "go back",
        hint: Some("back"),
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
        help: "filter by platform (all, aws, gcp, azure, none)",
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
        help: "filter by status (all, active, retired)",
        hint: Some("status"),
    },
    Binding {
        scope: Scope::Only(&[M::Catalog]),
        keys: &[Code(K::Char(' ')), Code(K::Char('x')), Code(K::Char('m'))],
        action: Action::ToggleMark,
        help: "mark for comparison",
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
        help: "build versus certify: compare the plan's courses with a project",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::EvalField, M::EvalToggle]),
        keys: &[Code(K::Down), Code(K::Tab)],
        action: Action::Down,
        help: "next field",
        hint: Some("field"),
    },
    Binding {
        scope: Scope::Only(&[M::EvalField, M::EvalToggle]),
        keys: &[Code(K::Up), Code(K::BackTab)],
        action: Action::Up,
        help: "previous field",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::EvalToggle]),
        keys: &[Code(K::Char('j'))],
        action: Action::Down,
        help: "next field",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::EvalToggle]),
        keys: &[Code(K::Char('k'))],
        action: Action::Up,
        help: "previous field",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::EvalToggle]),
        keys: &[
            Code(K::Char(' ')),
            Code(K::Left),
            Code(K::Right),
            Code(K::Char('h')),
            Code(K::Char('l')),
        ],
        action: Action::ToggleMark,
        help: "change the answer (yes, no, not known)",
        hint: Some("change"),
    },
    Binding {
        scope: Scope::Only(&[M::EvalField]),
        keys: &[Code(K::Backspace)],
        action: Action::DeleteChar,
        help: "delete the last character",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::EvalField]),
        keys: &[KeyPat::AnyChar],
        action: Action::TypeChar(' '),
        help: "type the value (empty means not known)",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::EvalField, M::EvalToggle]),
        keys: &[Code(K::Enter)],
        action: Action::Select,
        help: "evaluate",
        hint: Some("evaluate"),
    },
    Binding {
        scope: Scope::Only(&[M::EvalField]),
        keys: &[Code(K::Esc)],
        action: Action::Back,
        help: "go back",
        hint: Some("back"),
    },
    Binding {
        scope: Scope::Only(&[M::EvalToggle, M::EvalResult]),
        keys: &[Code(K::Esc), Code(K::Backspace)],
        action: Action::Back,
        help: "go back",
        hint: Some("back"),
    },
    Binding {
        scope: Scope::Only(&[M::EvalResult]),
        keys: &[Code(K::Char('s'))],
        action: Action::SaveEvaluation,
        help: "save it to your own catalog (plans then use it)",
        hint: Some("save"),
    },
    Binding {
        scope: Scope::Only(&[M::EvalResult]),
        keys: &[Code(K::Up), Code(K::Char('k'))],
        action: Action::Up,
        help: "scroll up",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::EvalResult]),
        keys: &[Code(K::Down), Code(K::Char('j'))],
        action: Action::Down,
        help: "scroll down",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::EvalResult]),
        keys: &[Code(K::PageUp)],
        action: Action::PageUp,
        help: "a page up",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::EvalResult]),
        keys: &[Code(K::PageDown)],
        action: Action::PageDown,
        help: "a page down",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Catalog]),
        keys: &[Code(K::Char('e'))],
        action: Action::OpenEvaluate,
        help: "evaluate any certification",
        hint: Some("evaluate"),
    },
    Binding {
        scope: Scope::Only(&[M::Plan]),
        keys: &[Code(K::Char('e'))],
        action: Action::OpenEvaluate,
        help: "evaluate any certification",
        hint: None,
    },
    // Everywhere.
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

    /// The keys, written for people: "↑ k".
    pub fn keys_label(&self) -> String {
        self.keys
            .iter()
            .map(|k| k.label())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The action for a key in a mode, if any. Key releases and repeats of other kinds are ignored.
pub fn keymap(mode: Mode, key: &KeyEvent) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
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
    let key = normalise(key);
    BINDINGS.iter().filter(|b| b.applies(mode)).find_map(|b| {
        b.keys_in(mode)
            .find_map(|k| k.matches(&key))
            .map(|found| match found {
                Action::Noop => b.action,
                data => data,
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
pub fn help_rows(mode: Mode) -> Vec<&'static Binding> {
    BINDINGS.iter().filter(|b| b.applies(mode)).collect()
}

/// The footer hints for a mode: `(keys, hint, global)`.
pub fn footer_hints(mode: Mode) -> Vec<(String, &'static str, bool)> {
    BINDINGS
        .iter()
        .filter(|b| b.applies(mode))
        .filter_map(|b| {
            b.hint
                .map(|h| (hint_keys(b, mode), h, b.scope == Scope::Global))
        })
        .collect()
}

/// The footer shows the first key only, or `↑↓` for movement.
fn hint_keys(b: &Binding, mode: Mode) -> String {
    match b.action {
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
