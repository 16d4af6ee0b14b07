//! The session: what the screens share, each screen's own state, and the screen in front.
//! `App::update` is the only place state changes: global actions and open windows first, then
//! the screen in front, whose update may ask for another screen (`Go`), carried out here.

use std::collections::BTreeMap;

use crate::tui::input::{KeyCode, KeyEvent, KeyModifiers};
use jiff::Timestamp;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::advisor::Plan;
use crate::interview::{Answers, Resolved};
use crate::knowledge::{Knowledge, Question};
use crate::store::{Progress, SavedPlan, Store};
use crate::tui::action::Action;
use crate::tui::bindings;
use crate::tui::frame::{self, Title};
use crate::tui::keymap::Mode;
use crate::tui::overlay;
use crate::tui::saving::ListChange;
use crate::tui::screen::{
    AnswersAt, Go, answers, catalog, compare, evaluate, interview, plan, postings, saved, strategy,
    welcome,
};
use crate::tui::shared::{Effect, Shared};
use crate::tui::theme::Theme;

pub use crate::tui::overlay::{Ask, NameInput, NamePurpose, Overlay};
pub use crate::tui::screen::Screen;
pub use crate::tui::screen::plan::Pane;
pub use crate::tui::screen::welcome::WelcomeItem;

/// Each screen's own state; a screen keeps it while another is in front.
#[derive(Debug, Clone, Default)]
pub struct Screens {
    pub welcome: welcome::State,
    pub interview: interview::State,
    pub answers: answers::State,
    pub strategy: strategy::State,
    pub plan: plan::State,
    pub saved: saved::State,
    pub catalog: catalog::State,
    pub compare: compare::State,
    pub evaluate: evaluate::State,
    pub postings: postings::State,
}

/// The whole state of a session.
#[derive(Debug, Clone)]
pub struct App {
    pub(crate) shared: Shared,
    screen: Screen,
    screens: Screens,
    /// An event loop runs scans off it ([`App::take_effect`]); without one (tests driving
    /// `update`), a scan runs at once inside `update`.
    background: bool,
}

impl App {
    pub fn new(kb: &'static Knowledge, theme: Theme, width: u16, height: u16) -> Self {
        let shared = Shared::new(kb, theme, width, height);
        let mut screens = Screens::default();
        screens.interview.question.clone_from(&shared.work.question);
        screens.interview.input_fresh = true;
        App {
            shared,
            screen: Screen::Welcome,
            screens,
            background: false,
        }
    }

    /// The event loop takes long work ([`Effect::Scan`]) off `update` and runs it in the
    /// background, handing the result back with [`App::scanned`].
    #[must_use]
    pub fn in_background(mut self) -> Self {
        self.background = true;
        self
    }

    /// A scan run in the background finished.
    pub fn scanned(
        &mut self,
        id: u64,
        result: Result<crate::postings::report::Report, crate::postings::ScanError>,
    ) {
        self.screens.postings.scanned(id, result);
        self.layout();
    }

    /// The same session on another day (for the "not reviewed for a year" marks).
    #[must_use]
    pub fn on(mut self, today: jiff::civil::Date) -> Self {
        self.shared.today = today;
        self
    }

    /// The session without a data folder, saying why when something is to be saved.
    #[must_use]
    pub fn without_store(mut self, why: String) -> Self {
        self.shared.data.store = None;
        self.shared.data.problem = Some(why);
        self
    }

    // --- What tests and the event loop read -------------------------------------------------

    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// Each screen's own state, to read.
    pub fn screens(&self) -> &Screens {
        &self.screens
    }

    pub fn plan(&self) -> Option<&Plan> {
        self.shared.work.plan.as_ref()
    }

    pub fn answers(&self) -> &Answers {
        &self.shared.work.answers
    }

    pub fn progress(&self) -> &BTreeMap<String, Progress> {
        &self.shared.work.progress
    }

    /// The window in front, if any.
    pub fn overlay(&self) -> Option<&Overlay> {
        self.shared.overlays.top()
    }

    /// The one-line message about the last action.
    pub fn status(&self) -> Option<&str> {
        self.shared.status.as_deref()
    }

    /// The terminal's size as the session knows it.
    pub fn size(&self) -> (u16, u16) {
        (self.shared.width, self.shared.height)
    }

    /// The saved plan on screen, by name.
    pub fn opened(&self) -> Option<&str> {
        self.shared.work.opened.as_deref()
    }

    /// Whether there are changes since the last save.
    pub fn unsaved(&self) -> bool {
        self.shared.work.unsaved
    }

    /// False once the session has quit.
    pub fn is_running(&self) -> bool {
        self.shared.running
    }

    /// What the event loop must do now (suspend), once.
    pub fn take_effect(&mut self) -> Option<Effect> {
        self.shared.effect.take()
    }

    /// The knowledge the session uses (the built-in one merged with the person's own catalog).
    pub fn kb(&self) -> &'static Knowledge {
        self.shared.kb
    }

    /// The rows of the plan's ranking.
    pub fn ranking(&self) -> Vec<plan::RankRow<'_>> {
        plan::ranking_rows(&self.shared)
    }

    /// The welcome menu, in order.
    pub fn welcome_items(&self) -> Vec<WelcomeItem> {
        welcome::items(&self.shared)
    }

    pub fn too_small(&self) -> bool {
        self.shared.too_small()
    }

    /// The answers with branching applied.
    pub fn resolved(&self) -> Resolved<'static> {
        self.shared.resolved()
    }

    /// The question on the interview screen.
    pub fn current_question(&self) -> Option<&'static Question> {
        self.screens.interview.current(&self.shared)
    }

    /// What the quit question says: what is not saved, and what happens to it.
    pub fn quit_message(&self) -> String {
        self.shared.quit_message()
    }

    /// The mode keys are read in: the window in front, or the screen.
    pub fn mode(&self) -> Mode {
        self.shared
            .overlays
            .top()
            .map_or_else(|| self.screen_mode(), Overlay::mode)
    }

    /// The mode of the screen under any window.
    pub fn screen_mode(&self) -> Mode {
        if self.shared.too_small() {
            return Mode::TooSmall;
        }
        match self.screen {
            Screen::Welcome => Mode::Welcome,
            Screen::Interview => self.screens.interview.mode(&self.shared),
            Screen::Summary => Mode::Summary,
            Screen::Strategy => Mode::Strategy,
            Screen::Plan => Mode::Plan,
            Screen::Saved => Mode::Saved,
            Screen::Catalog => self.screens.catalog.mode(),
            Screen::Compare => Mode::Compare,
            Screen::Evaluate => self.screens.evaluate.mode(),
            Screen::Postings => self.screens.postings.mode(),
        }
    }

    /// The action for a key in the current mode.
    pub fn action_for(&self, key: &KeyEvent) -> Option<Action> {
        bindings::keymap(self.mode(), key)
    }

    // --- Entering the session from outside ---------------------------------------------------

    /// Connects the session to a data folder: offers to resume an interview left in progress, and
    /// keeps the interview as it goes unless another copy of certwise is doing so.
    #[must_use]
    pub fn with_store(mut self, store: Store, keep_session: bool) -> Self {
        self.shared.connect(store, keep_session);
        self
    }

    /// What saving `plan` under `name` at `now` writes.
    pub fn to_saved(&self, name: &str, plan: Plan, now: Timestamp) -> SavedPlan {
        self.shared.to_saved(name, plan, now)
    }

    /// Shows a saved plan exactly as it was saved; says so if the knowledge has changed since.
    pub fn open_saved(&mut self, saved: SavedPlan) {
        self.go(Go::OpenSaved(Box::new(saved)));
        self.layout();
    }

    /// Merges the person's own catalog into the knowledge the session uses.
    pub fn reload_user_catalog(&mut self) {
        self.shared.reload_user_catalog();
        self.layout();
    }

    // --- Update ------------------------------------------------------------------------------

    /// Applies one action. The only place state changes.
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Resize(..)) {
            self.shared.status = None;
        }
        let shared = &mut self.shared;
        match action {
            Action::Resize(w, h) => {
                shared.width = w;
                shared.height = h;
                // Help lists the keys of what is under it, which a resize can change (from
                // "terminal too small" back to the screen, or the other way).
                if let Some(Overlay::Help { text, .. }) = shared.overlays.top() {
                    let offset = text.offset();
                    self.open_help(offset);
                }
            }
            Action::ForceQuit => {
                if self.screen == Screen::Interview {
                    self.screens.interview.keep_typed_number(shared);
                }
                if shared.work.unsaved {
                    shared.keep_interview();
                }
                shared.running = false;
            }
            Action::Suspend => shared.effect = Some(Effect::Suspend),
            Action::OpenHelp => self.open_help(0),
            Action::CloseOverlay => {
                // Cancelling the name of a save-and-quit cancels the quitting too.
                shared.quit_after_save = false;
                if let Some(Overlay::Confirm(ask)) = shared.overlays.close() {
                    shared.status = ask.declined();
                }
            }
            Action::SaveAndQuit if matches!(shared.overlays.top(), Some(Overlay::Confirm(Ask::Quit(q))) if q.can_save) =>
            {
                shared.overlays.close();
                shared.open_save();
                shared.quit_after_save = shared.overlays.is_open();
            }
            Action::Quit => shared.quit(),
            Action::Confirm => self.confirm(),
            Action::GoHome if !shared.overlays.is_open() => self.go(Go::Home),
            Action::Replan => shared.replan(),
            _ if matches!(shared.overlays.top(), Some(Overlay::Input(_))) => {
                if shared.update_input(action) == ListChange::Changed {
                    self.screens.saved.refresh(&mut self.shared);
                }
            }
            _ if shared.overlays.is_open() => {
                if let Some(top) = shared.overlays.top_mut() {
                    overlay::update_help(top, action);
                }
            }
            _ => {
                let s = &mut self.screens;
                let go = match self.screen {
                    Screen::Welcome => s.welcome.update(shared, action),
                    Screen::Interview => s.interview.update(shared, action),
                    Screen::Summary => s.answers.update(shared, action),
                    Screen::Strategy => s.strategy.update(action),
                    Screen::Plan => s.plan.update(shared, action),
                    Screen::Saved => s.saved.update(shared, action),
                    Screen::Catalog => s.catalog.update(shared, action),
                    Screen::Compare => s.compare.update(action),
                    Screen::Evaluate => s.evaluate.update(shared, action),
                    Screen::Postings => s.postings.update(shared, action),
                };
                if let Some(go) = go {
                    self.go(go);
                }
            }
        }
        if !self.background
            && let Some(Effect::Scan(job)) = &self.shared.effect
        {
            let (id, result) = (job.id, job.run());
            self.shared.effect = None;
            self.screens.postings.scanned(id, result);
        }
        self.layout();
    }

    /// Opens help on the keys of the screen, at `offset` (kept across a resize).
    fn open_help(&mut self, offset: u16) {
        let under = self.screen_mode();
        let inner = overlay::help_inner(self.shared.width, self.shared.height);
        let rows = bindings::help_rows(under);
        let mut text = crate::tui::screen::Scroll::default();
        text.set(
            overlay::help_lines(&self.shared.theme, &rows, under, inner.width, &|action| {
                catalog::help_detail(self.shared.kb, action)
            }),
            inner.height,
        );
        text.scroll_to(offset);
        let help = Overlay::Help { under, text };
        match self.shared.overlays.top_mut() {
            Some(top @ Overlay::Help { .. }) => *top = help,
            _ => self.shared.open(help),
        }
    }

    /// Yes to the open question.
    fn confirm(&mut self) {
        let Some(Overlay::Confirm(ask)) = self.shared.overlays.top().cloned() else {
            return;
        };
        self.shared.overlays.close();
        match ask {
            Ask::Quit(_) => self.shared.running = false,
            Ask::StartOver(_) => self.start_new(),
            Ask::Replace(name) => self.shared.save_as(&name, true),
            Ask::Delete(name) => {
                if self.shared.delete(&name) == ListChange::Changed {
                    self.screens.saved.refresh(&mut self.shared);
                }
            }
            Ask::Replan { plan, .. } => {
                self.shared.take_replan(*plan);
                self.shared.status = Some(format!(
                    "Re-planned with the current knowledge; press {} to save.",
                    bindings::key_for(Mode::Plan, Action::OpenSave)
                ));
                self.screens.plan.row = 0;
                self.screens.plan.text.top();
            }
            Ask::ReplaceEntry { .. } => self.screens.evaluate.save(&mut self.shared, true),
            Ask::ReplaceDraft { id, .. } => {
                if let Some(e) = self.shared.kb.entry(&id) {
                    self.screens.evaluate.fill(e);
                }
            }
        }
    }

    /// Carries out a change of screen, preparing the screen entered. A screen entered is shown
    /// from the top of its scrolling text.
    fn go(&mut self, go: Go) {
        let from = self.screen;
        let (shared, s) = (&mut self.shared, &mut self.screens);
        let to = match go {
            Go::Home => {
                s.welcome.row = 0;
                Screen::Welcome
            }
            Go::To(screen) => screen,
            Go::Question { id, from_summary } => {
                if !s.interview.open(shared, &id, from_summary) {
                    return;
                }
                Screen::Interview
            }
            Go::Answers { at, from_plan } => {
                s.answers.open(shared, &at);
                if let Some(from_plan) = from_plan {
                    s.answers.from_plan = from_plan;
                }
                Screen::Summary
            }
            Go::NewPlan => {
                s.plan.reset();
                Screen::Strategy
            }
            Go::Saved => {
                s.saved.refresh(shared);
                Screen::Saved
            }
            Go::OpenSaved(saved) => {
                shared.load_saved(*saved);
                s.interview.drafts.clear();
                s.plan.reset();
                s.plan.from_saved = true;
                Screen::Plan
            }
            Go::Catalog => {
                s.catalog.open(from);
                Screen::Catalog
            }
            Go::Compare(ids) => {
                if !s.compare.open(shared, ids, from) {
                    return;
                }
                Screen::Compare
            }
            Go::ComparePlan => {
                if !s.compare.open_plan(shared, from) {
                    return;
                }
                Screen::Compare
            }
            Go::Evaluate => {
                s.evaluate.open(from);
                Screen::Evaluate
            }
            Go::EvaluateEntry(id) => {
                s.evaluate.open(from);
                if let Some(ask) = shared.kb.entry(&id).and_then(|e| s.evaluate.open_entry(e)) {
                    shared.open(Overlay::Confirm(ask));
                }
                Screen::Evaluate
            }
            Go::Postings => {
                s.postings.open(from);
                Screen::Postings
            }
            Go::Replanned => {
                s.plan.row = 0;
                Screen::Plan
            }
        };
        match to {
            Screen::Strategy => s.strategy.text.top(),
            Screen::Plan => s.plan.text.top(),
            Screen::Catalog => s.catalog.text.top(),
            Screen::Evaluate => s.evaluate.text.top(),
            Screen::Postings => s.postings.text.top(),
            _ => {}
        }
        self.screen = to;
    }

    /// The screen in front wraps its text again if what it shows or the size changed.
    fn layout(&mut self) {
        let (shared, s) = (&self.shared, &mut self.screens);
        match self.screen {
            Screen::Strategy => s.strategy.layout(shared),
            Screen::Plan => s.plan.layout(shared),
            Screen::Catalog => s.catalog.layout(shared),
            Screen::Interview => s.interview.layout(shared),
            Screen::Compare => s.compare.layout(shared),
            Screen::Evaluate => s.evaluate.layout(shared),
            Screen::Postings => s.postings.layout(shared),
            _ => {}
        }
    }

    /// Starts a new plan, as the welcome screen's "Start a new plan" does.
    pub fn start_new(&mut self) {
        self.shared.clear_work();
        self.screens.interview.drafts.clear();
        if let Some(first) = self.shared.kb.questions.first() {
            let id = first.id.clone();
            self.go(Go::Question {
                id,
                from_summary: false,
            });
        }
        self.layout();
    }

    /// Shows a question (for tests that start mid-interview).
    pub fn open_question(&mut self, id: &str, from_summary: bool) {
        self.go(Go::Question {
            id: id.to_owned(),
            from_summary,
        });
        self.layout();
    }

    /// Shows every answer (for tests that start there).
    pub fn open_summary(&mut self) {
        self.go(Go::Answers {
            at: AnswersAt::Top,
            from_plan: None,
        });
        self.layout();
    }

    /// Makes the plan from the answers, as "Make my plan" does.
    pub fn make_plan(&mut self) {
        if let Some(go) = self.screens.answers.make_plan(&mut self.shared) {
            self.go(go);
        }
        self.layout();
    }

    /// Pasted text (a bracketed paste): typed into the field that has the keyboard, each line
    /// break a new line where the field takes several (the postings box). In a one-line field
    /// a line break, with the spaces around it, is one space ("Trial\nplan" is "Trial plan"),
    /// and breaks at the ends of the paste are dropped. A paste never presses a key; characters
    /// the mode does not take as text are dropped.
    pub fn paste(&mut self, text: &str) {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let text = if self.typed(KeyCode::Enter).is_some() {
            text
        } else {
            one_line(&text)
        };
        for c in text.chars() {
            let action = match c {
                '\n' => self.typed(KeyCode::Enter),
                '\t' => self.typed(KeyCode::Char(' ')),
                c => self.typed(KeyCode::Char(c)),
            };
            if let Some(action) = action {
                self.update(action);
            }
        }
    }

    /// What a key typed in the current mode does, if it enters text (never a command).
    fn typed(&self, code: KeyCode) -> Option<Action> {
        self.action_for(&KeyEvent::new(code, KeyModifiers::NONE))
            .filter(|a| {
                matches!(
                    a,
                    Action::TypeChar(_) | Action::TypeDigit(_) | Action::NewLine
                )
            })
    }

    /// Opens the job-postings screen (for tests that start there).
    pub fn open_postings(&mut self) {
        self.go(Go::Postings);
        self.layout();
    }

    /// Opens an empty evaluation form.
    pub fn open_evaluate(&mut self) {
        self.go(Go::Evaluate);
        self.layout();
    }

    /// The status message when it fits the title row's right half; a longer one takes the
    /// footer's place (see [`frame::status_line`]).
    fn status_in_title(&self) -> Option<&str> {
        self.shared
            .status
            .as_deref()
            .filter(|m| frame::fits_title(m, self.shared.width))
    }

    fn title(&self) -> Title<'_> {
        let s = &self.shared;
        let right = if let Some(status) = self.status_in_title() {
            status.to_owned()
        } else if self.screen == Screen::Interview {
            self.screens.interview.progress(s)
        } else {
            String::new()
        };
        Title {
            screen: self.screen.title(),
            plan: s
                .work
                .opened
                .as_deref()
                .filter(|_| self.screen.shows_plan_name())
                .map(|name| (name, s.work.unsaved)),
            right,
        }
    }
}

/// `text` for a one-line field: each line break, with the spaces around it, one space; the
/// breaks (and the spaces next to them) at the start and end dropped.
fn one_line(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let last = lines.len().saturating_sub(1);
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let line = if i > 0 { line.trim_start() } else { line };
            if i < last { line.trim_end() } else { line }
        })
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        let shared = &self.shared;
        let theme = &shared.theme;
        if shared.too_small() {
            let quit = bindings::key_for(Mode::TooSmall, Action::Quit);
            frame::too_small(theme, &quit, area, buf);
            return;
        }
        let [title, body, footer] = frame::layout(area);
        frame::title_bar(theme, &self.title(), title, buf);
        let s = &self.screens;
        match self.screen {
            Screen::Welcome => s.welcome.render(shared, body, buf),
            Screen::Interview => s.interview.render(shared, body, buf),
            Screen::Summary => s.answers.render(shared, body, buf),
            Screen::Strategy => s.strategy.render(body, buf),
            Screen::Plan => s.plan.render(shared, body, buf),
            Screen::Saved => s.saved.render(shared, body, buf),
            Screen::Catalog => s.catalog.render(shared, body, buf),
            Screen::Compare => s.compare.render(body, buf),
            Screen::Evaluate => s.evaluate.render(shared, body, buf),
            Screen::Postings => s.postings.render(shared, body, buf),
        }
        match shared.status.as_deref() {
            Some(message) if self.status_in_title().is_none() => {
                frame::status_line(theme, message, footer, buf);
            }
            _ => frame::footer(theme, bindings::footer_hints(self.mode()), footer, buf),
        }
        if let Some(top) = shared.overlays.top() {
            overlay::render(theme, top, &bindings::key_for, area, buf);
        }
    }
}
