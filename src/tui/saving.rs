//! Saving in the session: connecting to the data folder, the name dialog's outcome, progress,
//! re-planning when the knowledge changed, and keeping the interview in progress for the next
//! launch. Screens call these on [`Shared`]; the saved-plans list itself is `screen::saved`.

use std::fmt::Write as _;

use jiff::Timestamp;

use crate::advisor::Plan;
use crate::store::{SavedPlan, Session, Store, StoreError};
use crate::tui::action::Action;
use crate::tui::overlay::{Ask, NameInput, NamePurpose, Overlay};
use crate::tui::shared::Shared;
use crate::tui::text_field::{self, Change, Edit};

/// What submitting a name or answering yes did to the saved-plans list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[must_use]
pub enum ListChange {
    /// Nothing on disk changed in the list.
    None,
    /// A plan was renamed, copied or deleted: the list must be read again.
    Changed,
}

impl Shared {
    /// Connects the session to a data folder: offers to resume an interview left in progress, and
    /// keeps the interview as it goes unless another copy of certwise is doing so.
    pub(crate) fn connect(&mut self, store: Store, keep_session: bool) {
        let mut keep_session = keep_session;
        // Only the copy that owns the interview (`keep_session`) sets a bad file aside, as it is
        // about to write in its place; another copy leaves it as it is. If it cannot be set
        // aside, nothing is kept, so nothing writes over it.
        let mut set_aside = |store: &Store| {
            if !keep_session {
                return "It is left as it is.".to_owned();
            }
            match store.set_aside_session() {
                Ok(moved) => format!("It was set aside as {}.", moved.display()),
                Err(e) => {
                    keep_session = false;
                    format!(
                        "It is left as it is ({e}), and this session's answers are not kept for \
                         the next launch."
                    )
                }
            }
        };
        match store.load_session() {
            Ok(Some(session)) => {
                let (answers, refused) = session.answers.keep_valid(self.kb);
                if !refused.is_empty() {
                    let wrong: Vec<String> = refused.iter().map(ToString::to_string).collect();
                    let kept = match answers.len() {
                        0 => "none of its answers could be kept".to_owned(),
                        1 => "its 1 valid answer is kept".to_owned(),
                        n => format!("its {n} valid answers are kept"),
                    };
                    self.overlays.notify(format!(
                        "The interview kept from last time had {} that cannot be used ({}); \
                         {kept}. {}",
                        if refused.len() == 1 {
                            "an answer"
                        } else {
                            "answers"
                        },
                        wrong.join("; "),
                        set_aside(&store)
                    ));
                }
                if !answers.is_empty() {
                    self.work.answers = answers;
                    self.work.answers.prune(self.kb);
                    self.work.opened = session.editing;
                    // What the saved plan being edited had, so that saving it back after a
                    // resume keeps its creation date and progress exactly as saving without the
                    // interruption would.
                    self.work.created = session.created;
                    self.work.progress_base.clone_from(&session.progress);
                    self.work.progress = session.progress;
                    self.work.unsaved = true;
                }
            }
            Ok(None) => {}
            Err(StoreError::Unreadable { reason, .. }) => {
                let aside = set_aside(&store);
                self.overlays.notify(format!(
                    "The interview kept from last time does not load ({reason}). {aside} \
                     Nothing writes over it; you start afresh."
                ));
            }
            Err(e) => {
                // Still where it was: do not write over what could not be read.
                keep_session = false;
                self.overlays.notify(format!(
                    "The interview kept from last time cannot be read ({e}). It is left as it \
                     is, and this session's answers are not kept for the next launch."
                ));
            }
        }
        // The job-posting evidence saved from the command line or this screen weighs in plans.
        match crate::postings::Evidence::load(store.root()) {
            Ok(evidence) => self.data.evidence = evidence,
            Err(e) => self.overlays.notify(format!(
                "The saved job-posting evidence is not used: {e}. Scan your postings again \
                 (Job postings on the welcome screen) to replace it."
            )),
        }
        self.data.store = Some(store);
        self.data.keep_session = keep_session;
        self.touch();
    }

    /// Writes the interview in progress, so a crash or a closed terminal loses nothing.
    /// `session_kept` says whether it is on disk now.
    pub(crate) fn keep_interview(&mut self) {
        self.data.session_kept = false;
        if !self.data.keep_session || self.work.answers.is_empty() {
            return;
        }
        if let Some(store) = &self.data.store {
            let session = Session {
                answers: self.work.answers.clone(),
                question: self.work.question.clone(),
                editing: self.work.opened.clone(),
                created: self.work.opened.as_ref().and(self.work.created),
                progress: self.work.progress.clone(),
                ..Session::default()
            };
            // Best effort: failing to keep a resume point must not interrupt the interview.
            self.data.session_kept = store.save_session(&session).is_ok();
        }
    }

    /// What the quit question says: what is not saved, and what happens to it.
    pub fn quit_message(&self) -> String {
        let what = match (&self.work.plan, &self.work.opened) {
            (None, _) => "You have no plan yet.".to_owned(),
            (Some(_), Some(name)) => format!("Your changes to \"{name}\" have not been saved."),
            (Some(_), None) => "This plan has not been saved.".to_owned(),
        };
        let then = if self.data.session_kept {
            "Your answers are kept, and the next launch offers to continue with them."
        } else {
            "Your answers cannot be kept for the next launch: quitting loses them."
        };
        format!("{what} {then}")
    }

    /// The data folder, or `None` after telling the person why nothing can be saved.
    pub(crate) fn store_or_say_why(&mut self) -> Option<Store> {
        if self.data.store.is_none() {
            let why = self
                .data
                .problem
                .clone()
                .unwrap_or_else(|| "there is no data folder".to_owned());
            self.open(Overlay::Error(format!("Cannot save: {why}")));
        }
        self.data.store.clone()
    }

    fn now() -> Timestamp {
        Timestamp::now()
    }

    /// Opens the name dialog for saving, with a sensible default name.
    pub(crate) fn open_save(&mut self) {
        if self.work.plan.is_none() || self.store_or_say_why().is_none() {
            return;
        }
        let Some(plan) = &self.work.plan else { return };
        let default = self.work.opened.clone().unwrap_or_else(|| {
            let today = Self::now()
                .to_zoned_datetime(jiff::tz::TimeZone::system())
                .date();
            format!("{} {today}", plan.strategy.name)
        });
        self.open(Overlay::Input(NameInput::new(NamePurpose::Save, &default)));
    }

    /// Edits or submits the name in the name dialog.
    pub(crate) fn update_input(&mut self, action: Action) -> ListChange {
        let Some(Overlay::Input(input)) = self.overlays.top_mut() else {
            return ListChange::None;
        };
        if let Some(edit) = Edit::from_action(action) {
            match input.text.apply(edit) {
                Change::Text => input.error = None,
                Change::Full => input.error = Some(text_field::cut_message(input.text.max())),
                Change::Cursor | Change::None => {}
            }
            return ListChange::None;
        }
        if action != Action::Select {
            return ListChange::None;
        }
        let name = input.text.text().trim().to_owned();
        let purpose = input.purpose.clone();
        if name.is_empty() {
            input.error = Some("Type a name.".to_owned());
            return ListChange::None;
        }
        self.submit_name(purpose, &name)
    }

    fn submit_name(&mut self, purpose: NamePurpose, name: &str) -> ListChange {
        let Some(store) = self.data.store.clone() else {
            return ListChange::None;
        };
        let taken_by = match store.taken_by(name) {
            Ok(taken_by) => taken_by,
            Err(e) => {
                self.fail(&e);
                return ListChange::None;
            }
        };
        let taken = taken_by.is_some();
        // Names that differ only in case are the same name: never a second plan, and replacing
        // takes the exact name.
        let other_case = taken_by.filter(|existing| existing != name);
        // Renaming a plan to its own name (in any case) changes nothing else; a copy needs a
        // name of its own.
        let clash = match &purpose {
            NamePurpose::Save => other_case.is_some(),
            NamePurpose::Rename { from } => taken && !crate::store::same_name(from, name),
            NamePurpose::Duplicate { .. } => taken,
        };
        if clash {
            let error = match other_case {
                Some(existing) if matches!(purpose, NamePurpose::Save) => format!(
                    "\"{existing}\" exists: names differing only in case are the same name. \
                     Choose another, or type it exactly to replace it."
                ),
                _ => format!("\"{name}\" is taken; choose another name."),
            };
            if let Some(Overlay::Input(input)) = self.overlays.top_mut() {
                input.error = Some(error);
            }
            return ListChange::None;
        }
        match purpose {
            NamePurpose::Save if taken && self.work.opened.as_deref() != Some(name) => {
                self.open(Overlay::Confirm(Ask::Replace(name.to_owned())));
                ListChange::None
            }
            NamePurpose::Save => {
                self.save_as(name, true);
                ListChange::None
            }
            NamePurpose::Rename { from } => {
                let result = store.rename(&from, name, Self::now());
                let change =
                    self.after_list_change(result.map(|()| format!("Renamed to \"{name}\".")));
                if self.work.opened.as_deref() == Some(from.as_str()) {
                    self.work.opened = Some(name.to_owned());
                }
                change
            }
            NamePurpose::Duplicate { from } => {
                let result = store.duplicate(&from, name, Self::now());
                self.after_list_change(result.map(|_| format!("Copied as \"{name}\".")))
            }
        }
    }

    /// Saves the plan on screen under `name`.
    pub(crate) fn save_as(&mut self, name: &str, replace: bool) {
        let (Some(store), Some(plan)) = (self.data.store.clone(), self.work.plan.clone()) else {
            return;
        };
        // Saving an opened plan that has not changed writes nothing: the file stays byte for
        // byte as it was, modification time included.
        if self.work.opened.as_deref() == Some(name)
            && !self.work.unsaved
            && store.exists(name).unwrap_or(false)
        {
            self.overlays.dismiss();
            self.status = Some(format!("\"{name}\" has no changes to save."));
            return;
        }
        let mut saved = self.to_saved(name, plan, Self::now());
        // Saving back over the opened plan: marks changed in its file since it was read (from
        // the command line, or another copy) are kept, unless they were changed here too.
        let mut merged_elsewhere = false;
        if self.work.opened.as_deref() == Some(name.trim())
            && let Ok(on_disk) = store.load(name)
            && on_disk.progress != self.work.progress_base
        {
            saved.progress = merge_progress(
                &saved.plan,
                &self.work.progress_base,
                &self.work.progress,
                &on_disk.progress,
            );
            merged_elsewhere = true;
        }
        match store.save(&saved, replace) {
            Ok(_) => {
                self.overlays.dismiss();
                self.work.opened = Some(saved.name.clone());
                self.work.created = Some(saved.created);
                self.work.unsaved = false;
                if merged_elsewhere {
                    self.work.progress.clone_from(&saved.progress);
                    self.touch();
                }
                self.work.progress_base.clone_from(&saved.progress);
                self.status = Some(if merged_elsewhere {
                    format!(
                        "Saved \"{}\", keeping the progress marked in its file since it was opened.",
                        saved.name
                    )
                } else {
                    format!("Saved \"{}\".", saved.name)
                });
                if self.data.keep_session {
                    store.clear_session();
                }
                self.data.session_kept = false;
                if self.quit_after_save {
                    self.running = false;
                }
            }
            Err(e) => self.fail(&e),
        }
    }

    /// What saving `plan` under `name` at `now` writes: the answers, progress, and (saving back
    /// to the opened plan) its creation date.
    pub fn to_saved(&self, name: &str, plan: Plan, now: Timestamp) -> SavedPlan {
        let mut saved = SavedPlan::new(name, self.work.answers.clone(), plan, now);
        if self.work.opened.as_deref() == Some(name.trim()) {
            saved.created = self.work.created.unwrap_or(now);
        }
        saved.progress.clone_from(&self.work.progress);
        saved
    }

    pub(crate) fn fail(&mut self, e: &StoreError) {
        self.open(Overlay::Error(format!(
            "{e}. Nothing was lost: your plan is still here. Fix the folder and try again, \
             or restart certwise with --data-dir DIR to save elsewhere."
        )));
    }

    /// Deletes a saved plan (the question was answered yes).
    pub(crate) fn delete(&mut self, name: &str) -> ListChange {
        let result = self.data.store.as_ref().map(|s| s.delete(name));
        if self.work.opened.as_deref() == Some(name) {
            self.work.opened = None;
            self.work.unsaved = self.work.plan.is_some();
        }
        match result {
            Some(result) => self.after_list_change(
                result.map(|()| format!("Deleted \"{name}\" (kept in the trash).")),
            ),
            None => ListChange::None,
        }
    }

    /// Takes a re-plan in place of the plan (the question was answered yes).
    pub(crate) fn take_replan(&mut self, plan: Plan) {
        // Steps still in the new timeline keep their marks.
        self.work.progress = crate::progress::carried(&plan, &self.work.progress);
        self.work.plan = Some(plan);
        self.work.unsaved = true;
        self.touch();
        // The message, with the key to save, is the caller's: it knows the key table.
    }

    fn after_list_change(&mut self, result: Result<String, StoreError>) -> ListChange {
        match result {
            Ok(message) => {
                self.overlays.dismiss();
                self.status = Some(message);
                ListChange::Changed
            }
            Err(e) => {
                self.fail(&e);
                ListChange::None
            }
        }
    }

    /// Moves a timeline item's progress on (todo, doing, done); an opened plan is saved at once.
    pub(crate) fn tick(&mut self, item: crate::progress::Item) {
        let Some(plan) = &self.work.plan else { return };
        crate::progress::tick(plan, &mut self.work.progress, item);
        self.touch();
        // A saved plan with no other changes keeps its progress at once; otherwise the mark
        // waits for the next save with the rest.
        let autosave = !self.work.unsaved;
        self.work.unsaved = true;
        if let (true, Some(name)) = (autosave, self.work.opened.clone()) {
            self.save_as(&name, true);
        } else {
            self.keep_interview();
        }
    }

    /// Recomputes the plan with the current knowledge and asks before replacing, listing what
    /// changes in the ranking.
    pub(crate) fn replan(&mut self) {
        let Some(old) = &self.work.plan else { return };
        match self.advise() {
            Ok(new) => {
                let changes = ranking_changes(old, &new);
                self.open(Overlay::Confirm(Ask::Replan {
                    plan: Box::new(new),
                    changes,
                }));
            }
            Err(e) => self.open(Overlay::Error(e.to_string())),
        }
    }

    /// Takes a saved plan as the work of the session, exactly as it was saved; says so if the
    /// knowledge has changed since.
    pub(crate) fn load_saved(&mut self, saved: SavedPlan) {
        let notice = knowledge_notice(self, &saved);
        self.work.answers = saved.answers;
        self.work.progress_base.clone_from(&saved.progress);
        self.work.progress = saved.progress;
        self.work.opened = Some(saved.name);
        self.work.created = Some(saved.created);
        self.work.plan = Some(saved.plan);
        self.work.unsaved = false;
        self.touch();
        self.overlays.dismiss();
        if let Some(notice) = notice {
            self.open(Overlay::Outdated(notice));
        }
    }
}

/// Why a saved plan may be out of date with the current knowledge, if it is.
fn knowledge_notice(app: &Shared, saved: &SavedPlan) -> Option<String> {
    let now = app.kb.version();
    let retired: Vec<&str> = saved
        .plan
        .recommendations
        .iter()
        .filter_map(|r| {
            app.kb
                .entry(&r.id)
                .filter(|e| e.status.is_retired())
                .map(|e| e.name.as_str())
        })
        .collect();
    if saved.knowledge_version == now && retired.is_empty() {
        return None;
    }
    let mut text = format!(
        "This plan was made with {}; certwise now knows {}.",
        crate::render::knowledge_text(&saved.knowledge_version),
        crate::render::knowledge_text(&now)
    );
    if !retired.is_empty() {
        let _ = write!(text, " Retired since: {}.", retired.join(", "));
    }
    // The window adds its keys (re-plan, keep it) from the key table.
    Some(text)
}

/// Progress after a save back: each mark as changed here, or, where it was not changed here
/// since `base` (the file as read), as the file has it now.
fn merge_progress(
    plan: &Plan,
    base: &std::collections::BTreeMap<String, crate::progress::Progress>,
    here: &std::collections::BTreeMap<String, crate::progress::Progress>,
    on_disk: &std::collections::BTreeMap<String, crate::progress::Progress>,
) -> std::collections::BTreeMap<String, crate::progress::Progress> {
    let keys: std::collections::BTreeSet<&String> = base
        .keys()
        .chain(here.keys())
        .chain(on_disk.keys())
        .collect();
    let merged = keys
        .into_iter()
        .filter_map(|k| {
            let changed_here = here.get(k) != base.get(k);
            let mark = if changed_here {
                here.get(k)
            } else {
                on_disk.get(k)
            };
            mark.map(|m| (k.clone(), *m))
        })
        .collect();
    crate::progress::carried(plan, &merged)
}

/// What a re-plan changes in the ranking, one line each.
pub fn ranking_changes(old: &Plan, new: &Plan) -> Vec<String> {
    let mut lines = Vec::new();
    if old.strategy.id != new.strategy.id {
        lines.push(format!(
            "Strategy: {} → {}",
            old.strategy.name, new.strategy.name
        ));
    }
    let rank = |p: &Plan, id: &str| p.recommendations.iter().position(|r| r.id == id);
    for (i, r) in new.recommendations.iter().enumerate() {
        match rank(old, &r.id) {
            None => lines.push(format!("New: {} (#{}, {})", r.name, i + 1, r.score)),
            Some(j) => {
                let before = &old.recommendations[j];
                if j != i || before.score != r.score {
                    lines.push(format!(
                        "{}: #{} ({}) → #{} ({})",
                        r.name,
                        j + 1,
                        before.score,
                        i + 1,
                        r.score
                    ));
                }
            }
        }
    }
    for r in &old.recommendations {
        if rank(new, &r.id).is_none() {
            lines.push(format!("No longer recommended: {}", r.name));
        }
    }
    if lines.is_empty() {
        lines.push("Nothing changes in the ranking.".to_owned());
    }
    lines
}
