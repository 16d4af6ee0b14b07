//! "Job postings": scan a folder or file of saved postings, or postings pasted into a box, and
//! see what they ask for (certifications with required and preferred counts, clouds, skills,
//! files skipped and why); then use the counts in the plan. Scanning is the command line's
//! (`postings::scan_on`, `postings::scan_text`); saving is `Evidence::save`, counts and the date
//! only, never the postings' text.

use crate::tui::input::KeyCode as K;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_segmentation::UnicodeSegmentation as _;

use crate::postings::report::{Report, plural, terminal_safe};
use crate::postings::{Evidence, ScanError};
use crate::tui::action::Action;
use crate::tui::frame::{body_area, padded};
use crate::tui::keymap::KeyPat::{AnyChar, Code, Ctrl};
use crate::tui::keymap::{Binding, Mode, Mode as M, Scope};
use crate::tui::overlay::Overlay;
use crate::tui::screen::{Go, Screen, Scroll};
use crate::tui::shared::{Effect, ScanJob, ScanWhat, Shared};
use crate::tui::text_field::{Edit, TextField};

mod form;
mod report;

/// The key bound to `action` in one of this screen's modes, from its own rows and the global
/// ones (no trip through the table of every screen).
fn key_for(mode: Mode, action: Action) -> String {
    crate::tui::keymap::key_for(&[KEYS, crate::tui::keymap::GLOBAL], mode, action)
}

/// The most the postings box holds: dozens of postings; more belong in files.
pub const MAX_PASTE_BYTES: usize = 1024 * 1024;
/// The longest folder or file name typed.
const MAX_PATH_CHARS: usize = 4096;

/// Which field has the keyboard.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Focus {
    /// The folder or file to scan.
    #[default]
    Path,
    /// The box postings are pasted (or typed) into.
    Paste,
}

/// The fields, the last report and where Esc returns to.
#[derive(Debug, Clone)]
pub struct State {
    pub focus: Focus,
    /// The folder or file typed; it edits like every text field.
    pub path: TextField,
    /// The postings pasted or typed into the box.
    pub pasted: String,
    /// Why the last scan did not happen (shown under the fields).
    pub error: Option<String>,
    /// The last scan's report; shown instead of the fields.
    pub report: Option<Report>,
    /// What the report is of: the path as typed, or `None` for the pasted text.
    pub source: Option<String>,
    /// The report's text.
    pub text: Scroll,
    /// Scans made, so a new report is wrapped again.
    pub scans: u64,
    /// The scan running now (its id), while the screen waits for it.
    pub scanning: Option<u64>,
    /// Scans asked for, for telling results apart.
    jobs: u64,
    pub back_to: Option<Screen>,
}

impl Default for State {
    fn default() -> Self {
        State {
            focus: Focus::default(),
            // Paths can be long: the field takes more than a name does.
            path: TextField::new(MAX_PATH_CHARS),
            pasted: String::new(),
            error: None,
            report: None,
            source: None,
            text: Scroll::default(),
            scans: 0,
            scanning: None,
            jobs: 0,
            back_to: None,
        }
    }
}

impl State {
    /// The fields (as last typed), the folder field first, coming back to `from` on Esc.
    pub fn open(&mut self, from: Screen) {
        if from != Screen::Postings {
            self.back_to = Some(from);
        }
        self.focus = Focus::Path;
        self.report = None;
        self.error = None;
        self.text.top();
    }

    /// The mode keys are read in: a field, or the report.
    pub fn mode(&self) -> Mode {
        match (&self.report, self.focus) {
            (Some(_), _) => Mode::PostingsReport,
            (None, Focus::Path) => Mode::PostingsPath,
            (None, Focus::Paste) => Mode::PostingsPaste,
        }
    }

    pub fn update(&mut self, shared: &mut Shared, action: Action) -> Option<Go> {
        if self.scanning.is_some() {
            // Waiting for a scan: Esc stops waiting (its result is dropped when it comes).
            if action == Action::Back {
                self.scanning = None;
                shared.status = Some("Stopped waiting for the scan.".to_owned());
            }
            return None;
        }
        if self.report.is_some() {
            match action {
                Action::Back => {
                    self.report = None;
                    self.text.top();
                }
                Action::UsePostings => return self.use_in_plan(shared),
                _ => self.text.apply(action),
            }
            return None;
        }
        // The folder field edits like every text field.
        if self.focus == Focus::Path
            && let Some(edit) = Edit::from_action(action)
        {
            let _ = self.path.apply(edit);
            self.error = None;
            return None;
        }
        match action {
            Action::NextPane | Action::PrevPane => {
                self.focus = match self.focus {
                    Focus::Path => Focus::Paste,
                    Focus::Paste => Focus::Path,
                };
            }
            Action::TypeChar(c) => self.type_char(c),
            Action::NewLine if self.focus == Focus::Paste => self.type_char('\n'),
            Action::DeleteChar => {
                if let Some((at, _)) = self.pasted.grapheme_indices(true).next_back() {
                    self.pasted.truncate(at);
                }
                self.error = None;
            }
            Action::ClearField => {
                match self.focus {
                    Focus::Path => self.path.clear(),
                    Focus::Paste => self.pasted.clear(),
                }
                self.error = None;
            }
            Action::Scan => self.scan(shared),
            Action::Back => return Some(Go::To(self.back_to.unwrap_or(Screen::Welcome))),
            _ => {}
        }
        None
    }

    /// Adds a character to the field with the keyboard; the box takes line breaks, and each
    /// field has a size limit (said once, when reached).
    fn type_char(&mut self, c: char) {
        if c.is_control() && !(c == '\n' && self.focus == Focus::Paste) {
            return;
        }
        match self.focus {
            Focus::Path => {
                let _ = self.path.apply(Edit::Insert(c));
                self.error = None;
            }
            Focus::Paste if self.pasted.len() + c.len_utf8() > MAX_PASTE_BYTES => {
                self.error = Some(format!(
                    "The box holds at most {} MiB of postings; save more in files and scan their folder.",
                    MAX_PASTE_BYTES / (1024 * 1024)
                ));
            }
            Focus::Paste => {
                self.pasted.push(c);
                self.error = None;
            }
        }
    }

    /// Asks for a scan of the field with the keyboard (the event loop runs it off the loop and
    /// hands the result to [`State::scanned`]); an empty field is said under the fields.
    fn scan(&mut self, shared: &mut Shared) {
        let what = match self.focus {
            Focus::Path => {
                let typed = unquoted(self.path.text());
                if typed.is_empty() {
                    self.error = Some(format!(
                        "Type a folder or file of job postings first, or paste postings into the box ({}).",
                        key_for(Mode::PostingsPath, Action::NextPane)
                    ));
                    return;
                }
                self.source = Some(typed.to_owned());
                ScanWhat::Paths(vec![expand_home(typed)])
            }
            Focus::Paste => {
                if self.pasted.trim().is_empty() {
                    self.error = Some("Paste or type a job posting into the box first.".to_owned());
                    return;
                }
                self.source = None;
                ScanWhat::Text(self.pasted.clone())
            }
        };
        self.jobs += 1;
        self.scanning = Some(self.jobs);
        self.error = None;
        shared.effect = Some(Effect::Scan(ScanJob {
            id: self.jobs,
            kb: shared.kb,
            what,
            today: shared.today,
        }));
    }

    /// A scan finished: its report, or why it could not run under the fields. A result for a
    /// scan no longer waited for is dropped.
    pub fn scanned(&mut self, id: u64, result: Result<Report, ScanError>) {
        if self.scanning != Some(id) {
            return;
        }
        self.scanning = None;
        match result {
            Ok(report) => {
                self.report = Some(report);
                self.error = None;
                self.scans += 1;
                self.text.top();
            }
            Err(ScanError::NotFound(path)) => {
                self.error = Some(format!("No such file or folder: {}", terminal_safe(&path)));
            }
            Err(ScanError::Setup(why)) => self.error = Some(why),
        }
    }

    /// Saves the report's counts as the evidence plans weigh (counts and the date, never the
    /// postings' text) and re-plans when there is a plan, showing it.
    fn use_in_plan(&mut self, shared: &mut Shared) -> Option<Go> {
        let report = self.report.as_ref()?;
        if report.postings == 0 {
            shared.status = Some("No postings were found: nothing to use.".to_owned());
            return None;
        }
        let store = shared.store_or_say_why()?;
        let evidence = Evidence::from_report(shared.kb, report, jiff::Timestamp::now());
        if let Err(e) = evidence.save(store.root()) {
            shared.open(Overlay::Error(format!(
                "The counts were not saved: {}",
                terminal_safe(&e.to_string())
            )));
            return None;
        }
        let n = plural(report.postings, "posting");
        shared.data.evidence = Some(evidence);
        shared.touch();
        if shared.work.plan.is_none() {
            shared.status = Some(format!(
                "Saved the counts of {n}: your plan will weigh them."
            ));
            return None;
        }
        match shared.advise() {
            Ok(plan) => {
                shared.work.plan = Some(plan);
                shared.work.unsaved = true;
                shared.touch();
                shared.status = Some(format!("Re-planned with your {n}."));
                Some(Go::Replanned)
            }
            Err(e) => {
                shared.open(Overlay::Error(e.to_string()));
                None
            }
        }
    }

    /// Wraps the report again if it or the size changed.
    pub fn layout(&mut self, shared: &Shared) {
        let Some(report) = &self.report else {
            return;
        };
        let key = (shared.generation, shared.width, shared.height, self.scans);
        if !self.text.stale_for(key) {
            return;
        }
        let area = padded(body_area(shared.width, shared.height));
        let lines = report::lines(shared, report, self.source.as_deref(), area.width);
        self.text.set(lines, area.height);
    }

    pub fn render(&self, shared: &Shared, area: Rect, buf: &mut Buffer) {
        let area = padded(area);
        if self.report.is_none() {
            form::render(shared, self, area, buf);
            return;
        }
        // Cut off, the last row says how much is above and below.
        self.text.render(area, buf);
    }
}

/// The typed path without surrounding spaces or the quotes a file manager adds when a file is
/// dragged into the terminal.
fn unquoted(typed: &str) -> &str {
    let t = typed.trim();
    for q in ['\'', '"'] {
        if let Some(inner) = t.strip_prefix(q).and_then(|s| s.strip_suffix(q)) {
            return inner;
        }
    }
    t
}

/// `~` and `~/…` as the home folder, as a shell would.
fn expand_home(path: &str) -> std::path::PathBuf {
    let home = std::env::var_os("HOME").filter(|h| !h.is_empty());
    match (path, home) {
        ("~", Some(home)) => home.into(),
        (p, Some(home)) if p.starts_with("~/") => std::path::Path::new(&home).join(&p[2..]),
        (p, _) => p.into(),
    }
}

const FIELDS: &[Mode] = &[M::PostingsPath, M::PostingsPaste];

/// The job-postings screen's key rows.
pub static KEYS: &[Binding] = &[
    Binding {
        scope: Scope::Only(&[M::PostingsPath]),
        keys: &[Code(K::Enter), Ctrl('s')],
        action: Action::Scan,
        help: "scan the folder or file",
        hint: Some("scan"),
    },
    Binding {
        scope: Scope::Only(&[M::PostingsPaste]),
        keys: &[Ctrl('s'), Code(K::F(5))],
        action: Action::Scan,
        help: "scan the postings in the box",
        hint: Some("scan"),
    },
    Binding {
        scope: Scope::Only(&[M::PostingsPath]),
        keys: &[Code(K::Tab), Code(K::Down)],
        action: Action::NextPane,
        help: "go to the box to paste postings into",
        hint: Some("paste box"),
    },
    Binding {
        scope: Scope::Only(&[M::PostingsPaste]),
        keys: &[Code(K::Tab)],
        action: Action::NextPane,
        help: "go to the folder or file field",
        hint: Some("folder"),
    },
    Binding {
        scope: Scope::Only(FIELDS),
        keys: &[Code(K::BackTab)],
        action: Action::PrevPane,
        help: "go to the other field",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::PostingsPaste]),
        keys: &[Code(K::Enter)],
        action: Action::NewLine,
        help: "start a new line (--- on a line of its own separates two postings)",
        hint: None,
    },
    Binding {
        scope: Scope::Only(FIELDS),
        keys: &[Code(K::Backspace)],
        action: Action::DeleteChar,
        help: "delete the last character",
        hint: None,
    },
    Binding {
        // The folder field takes Ctrl-U as every text field does (delete before the cursor).
        scope: Scope::Only(&[M::PostingsPaste]),
        keys: &[Ctrl('u')],
        action: Action::ClearField,
        help: "empty the box",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::PostingsPath]),
        keys: &[AnyChar],
        action: Action::TypeChar(' '),
        help: "type a folder or file (~ is your home folder)",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::PostingsPaste]),
        keys: &[AnyChar],
        action: Action::TypeChar(' '),
        help: "type or paste postings",
        hint: None,
    },
    Binding {
        scope: Scope::Only(FIELDS),
        keys: &[Code(K::Esc)],
        action: Action::Back,
        help: "go back",
        hint: Some("back"),
    },
    Binding {
        scope: Scope::Only(&[M::PostingsReport]),
        keys: &[Code(K::Char('u'))],
        action: Action::UsePostings,
        help: "use these counts in my plan (saves counts and the date, never the text)",
        hint: Some("use in my plan"),
    },
    Binding {
        scope: Scope::Only(&[M::PostingsReport]),
        keys: &[Code(K::Up), Code(K::Char('k'))],
        action: Action::Up,
        help: "scroll up",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::PostingsReport]),
        keys: &[Code(K::Down), Code(K::Char('j'))],
        action: Action::Down,
        help: "scroll down",
        hint: Some("scroll"),
    },
    Binding {
        scope: Scope::Only(&[M::PostingsReport]),
        keys: &[Code(K::PageUp)],
        action: Action::PageUp,
        help: "scroll a page up",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::PostingsReport]),
        keys: &[Code(K::PageDown), Code(K::Char(' '))],
        action: Action::PageDown,
        help: "scroll a page down",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::PostingsReport]),
        keys: &[Code(K::Home), Code(K::Char('g'))],
        action: Action::Home,
        help: "go to the top",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::PostingsReport]),
        keys: &[Code(K::End), Code(K::Char('G'))],
        action: Action::End,
        help: "go to the bottom",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::PostingsReport]),
        keys: &[Code(K::Esc), Code(K::Backspace)],
        action: Action::Back,
        help: "back to the fields, to scan other postings",
        hint: Some("back"),
    },
];
