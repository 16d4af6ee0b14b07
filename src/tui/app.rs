//! The session's state and `update`, the only place it changes.

use std::collections::BTreeMap;

use crate::advisor::{self, Plan};
use crate::interview::{Answers, Resolved};
use crate::knowledge::{Knowledge, Question, QuestionKind};
use crate::store::{Progress, Store};
use crate::tui::action::Action;
use crate::tui::keymap::Mode;
use crate::tui::theme::Theme;
use crate::tui::view;

/// Smallest terminal certwise draws in (the design size is 80x24).
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 18;

/// The screens of the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Welcome,
    Interview,
    Summary,
    Strategy,
    Plan,
    /// The list of saved plans.
    Saved,
    /// The certification catalog (table or detail view).
    Catalog,
    /// Build versus certify.
    Compare,
    /// Evaluate any certification.
    Evaluate,
}

/// Windows drawn over a screen; they take keys first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// The keys of the screen underneath.
    Help {
        under: Mode,
        scroll: u16,
    },
    /// A yes/no question.
    Confirm(Ask),
    /// A name to type.
    Input(NameInput),
    /// Something to read; `r` re-plans when it is about changed knowledge.
    Notice(String),
    /// The opened plan was made with older knowledge; `r` re-plans.
    Outdated(String),
    Error(String),
}

/// What a yes/no question is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    Quit,
    /// Replace the saved plan with this name.
    Replace(String),
    /// Delete the saved plan with this name.
    Delete(String),
    /// Replace the plan with a re-plan; the lines say what changes.
    Replan {
        plan: Box<Plan>,
        changes: Vec<String>,
    },
}

/// A text field in a dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameInput {
    pub purpose: NamePurpose,
    pub text: String,
    pub error: Option<String>,
}

/// What the typed name is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NamePurpose {
    Save,
    Rename { from: String },
    Duplicate { from: String },
}

/// The panes of the plan screen, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
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
}

/// What the event loop must do after an update, outside the pure state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    Suspend,
}

/// The whole state of a session.
#[derive(Debug, Clone)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent flags of one session"
)]
pub struct App {
    pub kb: &'static Knowledge,
    pub theme: Theme,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub answers: Answers,
    /// The question on screen (interview).
    pub question: String,
    /// The highlighted option of a choice question.
    pub option: usize,
    /// The typed entry of a number question.
    pub input: String,
    /// The entry still shows the prefilled value: the first digit replaces it.
    pub input_fresh: bool,
    pub input_error: Option<String>,
    /// The question was opened from the answers summary: Enter returns there.
    pub editing_from_summary: bool,
    /// The answers summary was opened from the plan (`a`): going back returns to the plan while
    /// no answer has changed.
    pub summary_from_plan: bool,
    pub welcome_row: usize,
    pub summary_row: usize,
    pub plan: Option<Plan>,
    pub pane: Pane,
    /// The highlighted row of the ranking.
    pub rank_row: usize,
    /// Scroll offset of the scrolling area of the current screen (or pane).
    pub scroll: u16,
    pub width: u16,
    pub height: u16,
    /// Answers changed since the last save.
    pub unsaved: bool,
    pub running: bool,
    pub effect: Option<Effect>,
    /// Where plans are saved; `None` when the data folder is unavailable (the reason is in
    /// `store_problem`).
    pub store: Option<Store>,
    pub store_problem: Option<String>,
    /// Keep the interview in progress for resuming (off when another copy runs).
    pub keep_session: bool,
    /// The session file holds the answers as they are now: the next launch offers them.
    pub session_kept: bool,
    /// The saved plan on screen, by name, if it has been saved or opened.
    pub opened: Option<String>,
    /// When the opened plan was first saved.
    pub created: Option<jiff::Timestamp>,
    /// Progress of the plan's items.
    pub progress: BTreeMap<String, Progress>,
    /// The saved-plans list, as last read.
    pub saved: Vec<crate::store::Listing>,
    pub saved_row: usize,
    /// A one-line message about the last action ("Saved ..."), cleared by the next key.
    pub status: Option<String>,
    /// Today, for marking catalog entries not reviewed in the last year.
    pub today: jiff::civil::Date,
    pub catalog: crate::tui::catalog_screen::CatalogView,
    pub eval: crate::tui::evaluate_screen::EvalForm,
}

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
            WelcomeItem::Quit => "Quit",
        }
    }
}

impl App {
    pub fn new(kb: &'static Knowledge, theme: Theme, width: u16, height: u16) -> Self {
        let first = kb
            .questions
            .first()
            .map(|q| q.id.clone())
            .unwrap_or_default();
        App {
            kb,
            theme,
            screen: Screen::Welcome,
            overlay: None,
            answers: Answers::new(),
            question: first,
            option: 0,
            input: String::new(),
            input_fresh: true,
            input_error: None,
            editing_from_summary: false,
            summary_from_plan: false,
            welcome_row: 0,
            summary_row: 0,
            plan: None,
            pane: Pane::Ranking,
            rank_row: 0,
            scroll: 0,
            width,
            height,
            unsaved: false,
            running: true,
            effect: None,
            store: None,
            store_problem: None,
            keep_session: false,
            session_kept: false,
            opened: None,
            created: None,
            progress: BTreeMap::new(),
            saved: Vec::new(),
            saved_row: 0,
            status: None,
            // UTC, not the local zone: finding the local zone's name scans the zoneinfo folders,
            // which costs milliseconds at start-up, and a day either way does not matter here.
            today: jiff::Timestamp::now()
                .to_zoned(jiff::tz::TimeZone::UTC)
                .date(),
            catalog: crate::tui::catalog_screen::CatalogView::default(),
            eval: crate::tui::evaluate_screen::EvalForm::default(),
        }
    }

    /// The welcome menu, in order.
    pub fn welcome_items(&self) -> Vec<WelcomeItem> {
        let mut items = Vec::new();
        if self.plan.is_some() {
            items.push(WelcomeItem::BackToPlan);
        } else if !self.answers.is_empty() {
            items.push(WelcomeItem::Continue);
        }
        items.push(WelcomeItem::NewPlan);
        if self.store.is_some() {
            items.push(WelcomeItem::OpenSaved);
        }
        items.extend([
            WelcomeItem::Catalog,
            WelcomeItem::Evaluate,
            WelcomeItem::Quit,
        ]);
        items
    }

    pub fn too_small(&self) -> bool {
        self.width < MIN_WIDTH || self.height < MIN_HEIGHT
    }

    /// The mode keys are read in.
    pub fn mode(&self) -> Mode {
        match &self.overlay {
            Some(Overlay::Help { .. }) => return Mode::Help,
            Some(Overlay::Confirm(_)) => return Mode::Confirm,
            Some(Overlay::Input(_)) => return Mode::Input,
            Some(Overlay::Notice(_)) => return Mode::Notice,
            Some(Overlay::Outdated(_)) => return Mode::Outdated,
            Some(Overlay::Error(_)) => return Mode::Error,
            None => {}
        }
        self.screen_mode()
    }

    /// The mode of the screen under any overlay.
    pub fn screen_mode(&self) -> Mode {
        if self.too_small() {
            return Mode::TooSmall;
        }
        match self.screen {
            Screen::Welcome => Mode::Welcome,
            Screen::Interview => match self.current_question().map(|q| &q.kind) {
                Some(QuestionKind::Number { .. }) => Mode::Number,
                _ => Mode::Choice,
            },
            Screen::Summary => Mode::Summary,
            Screen::Strategy => Mode::Strategy,
            Screen::Plan => Mode::Plan,
            Screen::Saved => Mode::Saved,
            Screen::Catalog if self.catalog.detail => Mode::CatalogDetail,
            Screen::Catalog => Mode::Catalog,
            Screen::Compare => Mode::Compare,
            Screen::Evaluate if self.eval.result.is_some() => Mode::EvalResult,
            Screen::Evaluate if self.eval.current().is_text() => Mode::EvalField,
            Screen::Evaluate => Mode::EvalToggle,
        }
    }

    pub fn current_question(&self) -> Option<&'static Question> {
        self.kb.question(&self.question)
    }

    /// The answers with branching applied.
    pub fn resolved(&self) -> Resolved<'static> {
        Resolved::new(self.kb, &self.answers)
    }

    /// Applies one action. The only place state changes.
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Resize(..) | Action::Noop) {
            self.status = None;
        }
        match action {
            Action::Noop => {}
            Action::Resize(w, h) => {
                self.width = w;
                self.height = h;
                // Help lists the keys of what is under it, which a resize can change (from
                // "terminal too small" back to the screen, or the other way).
                let now = self.screen_mode();
                if let Some(Overlay::Help { under, .. }) = &mut self.overlay {
                    *under = now;
                }
                self.clamp_scroll();
            }
            Action::ForceQuit => {
                self.keep_typed_number();
                if self.unsaved {
                    self.keep_interview();
                }
                self.running = false;
            }
            Action::Suspend => self.effect = Some(Effect::Suspend),
            Action::OpenHelp => {
                self.overlay = Some(Overlay::Help {
                    under: self.mode(),
                    scroll: 0,
                });
            }
            Action::CloseOverlay => self.overlay = None,
            Action::Quit => {
                if self.unsaved {
                    // What the dialog promises about the next launch must be on disk first.
                    self.keep_interview();
                    self.overlay = Some(Overlay::Confirm(Ask::Quit));
                } else {
                    self.running = false;
                }
            }
            Action::Confirm => self.confirm(),
            Action::GoHome if self.overlay.is_none() => {
                self.screen = Screen::Welcome;
                self.welcome_row = 0;
                self.scroll = 0;
            }
            Action::Replan => self.replan(),
            _ if matches!(self.overlay, Some(Overlay::Input(_))) => self.update_input(action),
            _ if self.overlay.is_some() => self.update_overlay(action),
            _ => match self.screen {
                Screen::Welcome => self.update_welcome(action),
                Screen::Interview => self.update_interview(action),
                Screen::Summary => self.update_summary(action),
                Screen::Strategy => self.update_strategy(action),
                Screen::Plan => self.update_plan(action),
                Screen::Saved => self.update_saved(action),
                Screen::Catalog => self.update_catalog(action),
                Screen::Compare => self.update_compare(action),
                Screen::Evaluate => self.update_evaluate(action),
            },
        }
    }

    fn update_overlay(&mut self, action: Action) {
        let max = view::help_max_scroll(self);
        if let Some(Overlay::Help { scroll, .. }) = &mut self.overlay {
            *scroll = scrolled(*scroll, action, max, 1);
        }
    }

    fn update_welcome(&mut self, action: Action) {
        let items = self.welcome_items();
        match action {
            Action::Up | Action::Down | Action::Home | Action::End => {
                self.welcome_row = moved(self.welcome_row, action, items.len(), 1);
            }
            Action::Select => match items.get(self.welcome_row) {
                Some(WelcomeItem::BackToPlan) => {
                    self.screen = Screen::Plan;
                    self.scroll = 0;
                }
                Some(WelcomeItem::Continue) => self.open_question(&self.first_unanswered(), false),
                Some(WelcomeItem::NewPlan) => self.start_new(),
                Some(WelcomeItem::OpenSaved) => self.open_saved_list(),
                Some(WelcomeItem::Catalog) => self.open_catalog(),
                Some(WelcomeItem::Evaluate) => self.open_evaluate(),
                Some(WelcomeItem::Quit) => self.update(Action::Quit),
                None => {}
            },
            _ => {}
        }
    }

    /// Starts over with no answers (the interview kept for resuming is dropped too, if it is
    /// this session's: another copy's interview is never touched).
    pub fn start_new(&mut self) {
        if let Some(store) = &self.store
            && self.keep_session
        {
            store.clear_session();
        }
        self.answers = Answers::new();
        self.plan = None;
        self.unsaved = false;
        self.opened = None;
        self.created = None;
        self.progress.clear();
        let first = self
            .kb
            .questions
            .first()
            .map(|q| q.id.clone())
            .unwrap_or_default();
        self.open_question(&first, false);
    }

    /// The first asked question without an answer, or the last asked question.
    fn first_unanswered(&self) -> String {
        let resolved = self.resolved();
        let mut last = String::new();
        for (q, _) in resolved.asked() {
            if self.answers.get(&q.id).is_none() {
                return q.id.clone();
            }
            last.clone_from(&q.id);
        }
        last
    }

    /// Shows a question, highlighting its answer or default.
    pub fn open_question(&mut self, id: &str, from_summary: bool) {
        let Some(q) = self.kb.question(id) else {
            return;
        };
        let value = self.answers.get(id).unwrap_or(&q.default).to_owned();
        id.clone_into(&mut self.question);
        self.option = match &q.kind {
            QuestionKind::Choice(options) => {
                options.iter().position(|o| o.value == value).unwrap_or(0)
            }
            QuestionKind::Number { .. } => 0,
        };
        self.input = value;
        self.input_fresh = true;
        self.input_error = None;
        self.editing_from_summary = from_summary;
        self.screen = Screen::Interview;
    }

    fn update_interview(&mut self, action: Action) {
        let Some(q) = self.current_question() else {
            return;
        };
        match (&q.kind, action) {
            (
                QuestionKind::Choice(options),
                Action::Up | Action::Down | Action::Home | Action::End,
            ) => {
                self.option = moved(self.option, action, options.len(), 1);
            }
            (QuestionKind::Choice(options), Action::Pick(n)) if n < options.len() => {
                self.option = n;
                self.answer_and_advance();
            }
            (QuestionKind::Number { .. }, Action::TypeDigit(c)) => {
                if self.input_fresh {
                    self.input.clear();
                    self.input_fresh = false;
                }
                if self.input.len() < 9 {
                    self.input.push(c);
                }
                self.input_error = None;
            }
            (QuestionKind::Number { .. }, Action::DeleteChar) => {
                self.input_fresh = false;
                self.input_error = None;
                // Only edits: a held Backspace must not run back through earlier questions.
                self.input.pop();
            }
            (_, Action::Select | Action::Forward) => self.answer_and_advance(),
            (_, Action::Back) => self.go_back(),
            _ => {}
        }
    }

    /// Records the highlighted or typed answer, re-branches, and moves on.
    fn answer_and_advance(&mut self) {
        let Some(q) = self.current_question() else {
            return;
        };
        let raw = match &q.kind {
            QuestionKind::Choice(options) => options
                .get(self.option)
                .map(|o| o.value.clone())
                .unwrap_or_default(),
            QuestionKind::Number { .. } => self.input.clone(),
        };
        if raw.trim().is_empty() {
            self.input_error = Some(format!("Type {}.", q.valid_values()));
            return;
        }
        if let Err(e) = self.answers.set(self.kb, &q.id, &raw) {
            self.input_error = Some(match &e {
                crate::interview::AnswerError::BadValue { source, .. } => format!("{source}."),
                crate::interview::AnswerError::UnknownQuestion { .. } => e.to_string(),
            });
            return;
        }
        self.answers.prune(self.kb);
        self.unsaved = true;
        self.plan = None;
        self.keep_interview();
        let resolved = self.resolved();
        let asked: Vec<&str> = resolved.asked().map(|(q, _)| q.id.as_str()).collect();
        let here = asked.iter().position(|id| *id == q.id).unwrap_or(0);
        let next = asked[here + 1..]
            .iter()
            .find(|id| !self.editing_from_summary || self.answers.get(id).is_none());
        match next {
            Some(id) => {
                let from_summary = self.editing_from_summary;
                self.open_question(id, from_summary);
            }
            // Changed from the summary: back there, on that answer. At the end of the
            // interview: on "Make my plan", the next thing to do.
            None if self.editing_from_summary => self.open_summary(Some(&q.id)),
            None => {
                self.open_summary(None);
                self.summary_row = self.resolved().asked_count();
            }
        }
    }

    fn go_back(&mut self) {
        if self.editing_from_summary {
            self.open_summary(Some(&self.question.clone()));
            return;
        }
        let resolved = self.resolved();
        match resolved.position(&self.question) {
            Some(i) if i > 0 => {
                let prev = resolved
                    .asked()
                    .nth(i - 1)
                    .map(|(q, _)| q.id.clone())
                    .unwrap_or_default();
                self.open_question(&prev, false);
            }
            _ => {
                self.screen = Screen::Welcome;
                self.welcome_row = 0;
            }
        }
    }

    /// Shows every answer, highlighting `at` if given.
    pub fn open_summary(&mut self, at: Option<&str>) {
        let resolved = self.resolved();
        self.summary_row = at.and_then(|id| resolved.position(id)).unwrap_or(0);
        self.editing_from_summary = false;
        self.screen = Screen::Summary;
        self.scroll = 0;
    }

    fn update_summary(&mut self, action: Action) {
        let asked = self.resolved().asked_count();
        let rows = asked + 1;
        match action {
            Action::Up
            | Action::Down
            | Action::Home
            | Action::End
            | Action::PageUp
            | Action::PageDown => {
                self.summary_row = moved(self.summary_row, action, rows, view::page_rows(self));
            }
            Action::Select if self.summary_row < asked => {
                let id = self
                    .resolved()
                    .asked()
                    .nth(self.summary_row)
                    .map(|(q, _)| q.id.clone());
                if let Some(id) = id {
                    self.open_question(&id, true);
                }
            }
            Action::Select | Action::ShowPlan => self.make_plan(),
            Action::Back if self.summary_from_plan && self.plan.is_some() => {
                self.screen = Screen::Plan;
                self.scroll = 0;
            }
            Action::Back => {
                let last = self
                    .resolved()
                    .asked()
                    .last()
                    .map(|(q, _)| q.id.clone())
                    .unwrap_or_default();
                self.open_question(&last, false);
            }
            _ => {}
        }
    }

    /// Computes the plan and shows the strategy.
    pub fn make_plan(&mut self) {
        match advisor::plan(self.kb, &self.answers) {
            Ok(plan) => {
                self.plan = Some(plan);
                self.summary_from_plan = false;
                self.screen = Screen::Strategy;
                self.scroll = 0;
                self.rank_row = 0;
                self.pane = Pane::Ranking;
            }
            Err(e) => self.overlay = Some(Overlay::Error(e.to_string())),
        }
    }

    fn update_strategy(&mut self, action: Action) {
        match action {
            Action::Select => {
                self.screen = Screen::Plan;
                self.scroll = 0;
            }
            Action::Back => {
                self.open_summary(None);
                self.summary_from_plan = false;
            }
            _ => {
                self.scroll = scrolled(
                    self.scroll,
                    action,
                    view::max_scroll(self),
                    view::page_rows(self),
                );
            }
        }
    }

    fn update_plan(&mut self, action: Action) {
        match action {
            Action::NextPane | Action::PrevPane => {
                self.pane = self
                    .pane
                    .step(if action == Action::NextPane { 1 } else { -1 });
                self.scroll = 0;
            }
            Action::Back => {
                self.screen = Screen::Strategy;
                self.scroll = 0;
            }
            Action::EditAnswers => {
                self.open_summary(None);
                self.summary_from_plan = true;
            }
            Action::OpenSave => self.open_save(),
            Action::ToggleProgress => self.toggle_progress(),
            Action::OpenCatalog => self.open_catalog(),
            Action::OpenEvaluate => self.open_evaluate(),
            Action::Compare => self.open_compare(self.plan_compare_ids()),
            _ if self.pane == Pane::Ranking => {
                let rows = view::ranking_rows(self).len();
                let before = self.rank_row;
                self.rank_row = moved(self.rank_row, action, rows, view::page_rows(self));
                if before != self.rank_row {
                    self.scroll = 0;
                }
            }
            _ => {
                self.scroll = scrolled(
                    self.scroll,
                    action,
                    view::max_scroll(self),
                    view::page_rows(self),
                );
            }
        }
    }

    fn clamp_scroll(&mut self) {
        self.scroll = self.scroll.min(view::max_scroll(self));
        let help_max = view::help_max_scroll(self);
        if let Some(Overlay::Help { scroll, .. }) = &mut self.overlay {
            *scroll = (*scroll).min(help_max);
        }
    }
}

/// A list highlight after a movement, kept inside `0..len`.
pub(crate) fn moved(row: usize, action: Action, len: usize, page: usize) -> usize {
    let last = len.saturating_sub(1);
    match action {
        Action::Up => row.saturating_sub(1),
        Action::Down => (row + 1).min(last),
        Action::PageUp => row.saturating_sub(page.max(1)),
        Action::PageDown => (row + page.max(1)).min(last),
        Action::Home => 0,
        Action::End => last,
        _ => row,
    }
    .min(last)
}

/// A scroll offset after a movement, kept inside `0..=max`.
pub(crate) fn scrolled(scroll: u16, action: Action, max: u16, page: usize) -> u16 {
    let page = u16::try_from(page.max(1)).unwrap_or(u16::MAX);
    match action {
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll.saturating_add(1),
        Action::PageUp => scroll.saturating_sub(page),
        Action::PageDown => scroll.saturating_add(page),
        Action::Home => 0,
        Action::End => max,
        _ => scroll,
    }
    .min(max)
}
