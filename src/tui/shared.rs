//! What the screens share: the knowledge, the answers and the plan with its progress, where they
//! are saved, the terminal size, the open windows and the one-line status. `App` owns it next to
//! the screens' own state and hands it to the screen in front.

use std::collections::BTreeMap;

use crate::advisor::Plan;
use crate::interview::{Answers, Resolved};
use crate::knowledge::Knowledge;
use crate::store::{Progress, Store};
use crate::tui::frame::{MIN_HEIGHT, MIN_WIDTH};
use crate::tui::overlay::{Ask, Overlay, Overlays};
use crate::tui::theme::Theme;

/// What the event loop must do after an update, outside the pure state.
#[derive(Debug, Clone)]
pub enum Effect {
    Suspend,
    /// Scan job postings away from the event loop, which stays responsive (a scan of a big
    /// folder takes a while); the result comes back through `App::scanned`.
    Scan(ScanJob),
}

/// A scan of job postings to run off the event loop.
#[derive(Debug, Clone)]
pub struct ScanJob {
    /// Which scan this is: a result for an older one is dropped.
    pub id: u64,
    pub kb: &'static Knowledge,
    pub what: ScanWhat,
    pub today: jiff::civil::Date,
}

/// What a scan reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScanWhat {
    Paths(Vec<std::path::PathBuf>),
    Text(String),
}

impl ScanJob {
    /// Runs the scan, as `certwise postings scan` does.
    ///
    /// # Errors
    /// A path that does not exist, or a broken skills file.
    pub fn run(&self) -> Result<crate::postings::report::Report, crate::postings::ScanError> {
        match &self.what {
            ScanWhat::Paths(paths) => crate::postings::scan_on(self.kb, paths, self.today),
            ScanWhat::Text(text) => crate::postings::scan_text(self.kb, text, self.today),
        }
    }
}

/// The work of a session: what saving keeps.
#[derive(Debug, Clone, Default)]
pub struct Work {
    pub(crate) answers: Answers,
    /// The question last shown, kept with the interview for resuming.
    pub(crate) question: String,
    pub(crate) plan: Option<Plan>,
    /// Progress of the plan's timeline (see [`crate::progress`]).
    pub(crate) progress: BTreeMap<String, Progress>,
    /// The opened plan's progress as last read from or written to its file: saving back merges
    /// what changed in the file since (`certwise plans progress`, another copy) with what
    /// changed here, so neither is lost.
    pub(crate) progress_base: BTreeMap<String, Progress>,
    /// The saved plan on screen, by name, if it has been saved or opened.
    pub(crate) opened: Option<String>,
    /// When the opened plan was first saved.
    pub(crate) created: Option<jiff::Timestamp>,
    /// Answers changed since the last save.
    pub(crate) unsaved: bool,
}

/// The data folder as the session uses it.
#[derive(Debug, Clone, Default)]
pub struct DataFolder {
    /// Where plans are saved; `None` when the data folder is unavailable (the reason is in
    /// `problem`).
    pub(crate) store: Option<Store>,
    pub(crate) problem: Option<String>,
    /// Keep the interview in progress for resuming (off when another copy runs).
    pub(crate) keep_session: bool,
    /// The session file holds the answers as they are now: the next launch offers them.
    pub(crate) session_kept: bool,
    /// The person's job-posting evidence saved in the data folder, which plans weigh.
    pub(crate) evidence: Option<crate::postings::Evidence>,
}

/// The session's shared state.
#[derive(Debug, Clone)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent flags of one session"
)]
pub struct Shared {
    pub(crate) kb: &'static Knowledge,
    pub(crate) theme: Theme,
    pub(crate) width: u16,
    pub(crate) height: u16,
    /// Today, for marking catalog entries not reviewed in the last year.
    pub(crate) today: jiff::civil::Date,
    /// The work of the session: answers, plan, progress, and which saved plan it is.
    pub(crate) work: Work,
    /// The data folder and what the session keeps there.
    pub(crate) data: DataFolder,
    /// Quit once the save in progress succeeds (the quit question's "save and quit").
    pub(crate) quit_after_save: bool,
    pub(crate) overlays: Overlays,
    /// A one-line message about the last action ("Saved ..."), cleared by the next key.
    pub(crate) status: Option<String>,
    pub(crate) running: bool,
    pub(crate) effect: Option<Effect>,
    /// Counts changes to what screens draw from (the plan, its progress, the knowledge), so a
    /// screen re-wraps its text only when something changed.
    pub(crate) generation: u64,
}

impl Shared {
    pub fn new(kb: &'static Knowledge, theme: Theme, width: u16, height: u16) -> Self {
        let first = kb
            .questions
            .first()
            .map(|q| q.id.clone())
            .unwrap_or_default();
        Shared {
            kb,
            theme,
            width,
            height,
            // UTC, not the local zone: finding the local zone's name scans the zoneinfo folders,
            // which costs milliseconds at start-up, and a day either way does not matter here.
            today: jiff::Timestamp::now()
                .to_zoned_datetime(jiff::tz::TimeZone::UTC)
                .date(),
            work: Work {
                question: first,
                ..Work::default()
            },
            data: DataFolder::default(),
            quit_after_save: false,
            overlays: Overlays::default(),
            status: None,
            running: true,
            effect: None,
            generation: 0,
        }
    }

    /// A plan from the answers, weighing the saved job-posting evidence when there is some.
    ///
    /// # Errors
    /// No strategy matches the answers.
    pub(crate) fn advise(&self) -> Result<Plan, crate::advisor::AdviceError> {
        let postings = self
            .data
            .evidence
            .as_ref()
            .map(|evidence| crate::advisor::Postings {
                evidence,
                today: self.today,
            });
        crate::advisor::plan_with(self.kb, &self.work.answers, postings)
    }

    /// Something screens draw from changed.
    pub(crate) fn touch(&mut self) {
        self.generation = self.generation.wrapping_add(1);
    }

    pub fn too_small(&self) -> bool {
        self.width < MIN_WIDTH || self.height < MIN_HEIGHT
    }

    /// The answers with branching applied.
    pub fn resolved(&self) -> Resolved<'static> {
        Resolved::new(self.kb, &self.work.answers)
    }

    /// Opens a window in front (see [`Overlays::open`]).
    pub(crate) fn open(&mut self, overlay: Overlay) {
        self.overlays.open(overlay);
    }

    /// Quits, asking first if there is unsaved work.
    pub(crate) fn quit(&mut self) {
        if self.work.unsaved {
            // What the dialog promises about the next launch must be on disk first.
            self.keep_interview();
            let message = self.quit_message();
            let can_save = self.work.plan.is_some();
            self.open(Overlay::Confirm(Ask::Quit(
                crate::tui::overlay::QuitQuestion { message, can_save },
            )));
        } else {
            self.running = false;
        }
    }

    /// Starts over with no answers (the interview kept for resuming is dropped too, if it is
    /// this session's: another copy's interview is never touched).
    pub(crate) fn clear_work(&mut self) {
        if let Some(store) = &self.data.store
            && self.data.keep_session
        {
            store.clear_session();
        }
        self.work.answers = Answers::new();
        self.work.plan = None;
        self.work.unsaved = false;
        self.work.opened = None;
        self.work.created = None;
        self.work.progress.clear();
        self.work.progress_base.clear();
        self.touch();
    }

    /// Merges the user catalog into the knowledge base the session uses. Problems are shown once.
    pub fn reload_user_catalog(&mut self) {
        let (Some(store), Ok(embedded)) =
            (&self.data.store, crate::knowledge::Knowledge::embedded())
        else {
            return;
        };
        let loaded = crate::user_catalog::load(&store.root().join(crate::user_catalog::FILE));
        let (merged, mut problems) = crate::user_catalog::merged(embedded, &loaded.entries);
        problems.splice(0..0, loaded.problems);
        // The session borrows the knowledge base for its whole life; a merged one is made only
        // at start-up and after saving an evaluation, so leaking it is bounded and simple.
        self.kb = Box::leak(Box::new(merged));
        self.touch();
        if !problems.is_empty() {
            self.overlays.notify(format!(
                "Some entries of your catalog were skipped: {}",
                problems.join("; ")
            ));
        }
    }
}
