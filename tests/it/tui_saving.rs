//! Saving in the session, driven through `App::update` against a real data folder in a temporary
//! directory: save, replace, open, rename, copy, delete, progress, re-plan, resume.
#![allow(clippy::unwrap_used)]

use certwise::knowledge::Knowledge;
use certwise::store::{Listing, Progress, Store};
use certwise::tui::action::Action;
use certwise::tui::app::{App, Ask, Overlay, Screen, WelcomeItem};
use certwise::tui::theme::Theme;

fn app(store: &Store) -> App {
    App::new(Knowledge::embedded().unwrap(), Theme::new(false), 80, 24)
        .with_store(store.clone(), true)
}

fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("data")).unwrap();
    (dir, store)
}

fn type_text(a: &mut App, text: &str) {
    for c in text.chars() {
        a.update(Action::TypeChar(c));
    }
}

/// New plan with defaults, up to the plan screen.
/// Goes to the timeline pane and ticks its first step; its key.
fn tick_first_step(a: &mut App) -> String {
    while a.screens().plan.pane != certwise::tui::screen::plan::Pane::Timeline {
        a.update(Action::NextPane);
    }
    a.update(Action::Home);
    a.update(Action::ToggleProgress);
    certwise::progress::step_key(&a.plan().unwrap().timeline[0]).to_owned()
}

fn progress_of(saved: &certwise::store::SavedPlan, key: &str) -> Progress {
    saved.progress.get(key).copied().unwrap_or_default()
}

fn to_plan(a: &mut App) {
    a.update(Action::Select);
    while a.screen() == Screen::Interview {
        a.update(Action::Select);
    }
    a.update(Action::ShowPlan);
    a.update(Action::Select);
    assert_eq!(a.screen(), Screen::Plan);
}

/// Moves the welcome screen's highlight to `item` (from the top).
fn highlight(a: &mut App, item: WelcomeItem) {
    a.update(Action::Home);
    for _ in 0..a.welcome_items().iter().position(|i| *i == item).unwrap() {
        a.update(Action::Down);
    }
}

fn save_as(a: &mut App, name: &str) {
    a.update(Action::OpenSave);
    let Some(Overlay::Input(input)) = &a.overlay() else {
        panic!("no save dialog: {:?}", a.overlay())
    };
    let default = input.text.text().to_owned();
    for _ in default.chars() {
        a.update(Action::DeleteChar);
    }
    type_text(a, name);
    a.update(Action::Select);
}

fn names(store: &Store) -> Vec<String> {
    store
        .list()
        .unwrap()
        .into_iter()
        .filter_map(|l| match l {
            Listing::Plan { plan, .. } => Some(plan.name),
            Listing::Unreadable { .. } => None,
        })
        .collect()
}

#[test]
fn save_dialog_offers_a_default_name_and_saves() {
    let (_dir, store) = temp_store();
    let mut a = app(&store);
    to_plan(&mut a);
    a.update(Action::OpenSave);
    let Some(Overlay::Input(input)) = &a.overlay() else {
        panic!()
    };
    let strategy = a.plan().unwrap().strategy.name.clone();
    assert!(
        input.text.text().starts_with(&strategy),
        "default name {:?}",
        input.text
    );
    a.update(Action::Select);
    assert_eq!(a.overlay(), None);
    assert!(!a.unsaved());
    assert_eq!(names(&store).len(), 1);
    assert!(a.status().unwrap().starts_with("Saved"));
}

#[test]
fn names_in_any_language_and_empty_names() {
    let (_dir, store) = temp_store();
    let mut a = app(&store);
    to_plan(&mut a);
    save_as(&mut a, "");
    let Some(Overlay::Input(input)) = &a.overlay() else {
        panic!()
    };
    assert!(input.error.is_some(), "an empty name is refused");
    a.update(Action::CloseOverlay);
    save_as(&mut a, "Plan für 2027 — été");
    assert_eq!(names(&store), vec!["Plan für 2027 — été".to_owned()]);
}

#[test]
fn saving_under_an_existing_name_asks_before_replacing() {
    let (_dir, store) = temp_store();
    let mut a = app(&store);
    to_plan(&mut a);
    save_as(&mut a, "mine");
    let mut b = app(&store);
    to_plan(&mut b);
    save_as(&mut b, "mine");
    assert_eq!(
        b.overlay().cloned(),
        Some(Overlay::Confirm(Ask::Replace("mine".to_owned())))
    );
    b.update(Action::CloseOverlay);
    assert!(b.unsaved(), "saying no saves nothing");
    save_as(&mut b, "mine");
    b.update(Action::Confirm);
    assert!(!b.unsaved());
    assert_eq!(names(&store), vec!["mine".to_owned()]);
}

#[test]
fn an_opened_plan_is_shown_exactly_as_saved_and_saves_back_without_asking() {
    let (_dir, store) = temp_store();
    let mut a = app(&store);
    to_plan(&mut a);
    save_as(&mut a, "mine");
    let saved_plan = a.plan().cloned();
    let mut b = app(&store);
    crate::support::choose_on_welcome(&mut b, WelcomeItem::OpenSaved);
    assert_eq!(b.screen(), Screen::Saved);
    b.update(Action::Select);
    assert_eq!(b.screen(), Screen::Plan);
    assert_eq!(b.plan().cloned(), saved_plan);
    assert_eq!(b.opened(), Some("mine"));
    assert_eq!(b.overlay(), None, "same knowledge: no notice");
    // Edit an answer and save back under the same name.
    b.update(Action::EditAnswers);
    b.update(Action::Home);
    for _ in 0..b.resolved().position("hours_per_week").unwrap() {
        b.update(Action::Down);
    }
    b.update(Action::Select);
    b.update(Action::TypeDigit('2'));
    b.update(Action::TypeDigit('0'));
    b.update(Action::Select);
    b.update(Action::ShowPlan);
    b.update(Action::Select);
    b.update(Action::OpenSave);
    b.update(Action::Select);
    assert_eq!(
        b.overlay(),
        None,
        "saving back to the opened plan does not ask"
    );
    assert_eq!(
        store.load("mine").unwrap().answers.get("hours_per_week"),
        Some("20")
    );
}

#[test]
fn progress_is_tracked_and_saved_at_once_for_a_saved_plan() {
    let (_dir, store) = temp_store();
    let mut a = app(&store);
    to_plan(&mut a);
    let first = tick_first_step(&mut a);
    assert_eq!(a.progress().get(&first), Some(&Progress::Doing));
    assert!(a.unsaved());
    save_as(&mut a, "tracked");
    assert_eq!(
        progress_of(&store.load("tracked").unwrap(), &first),
        Progress::Doing
    );
    a.update(Action::ToggleProgress);
    assert!(
        !a.unsaved(),
        "progress on a saved plan is saved straight away"
    );
    assert_eq!(
        progress_of(&store.load("tracked").unwrap(), &first),
        Progress::Done
    );
    a.update(Action::ToggleProgress);
    assert_eq!(
        progress_of(&store.load("tracked").unwrap(), &first),
        Progress::Todo
    );
}

#[test]
fn rename_copy_and_delete_from_the_list() {
    let (_dir, store) = temp_store();
    let mut a = app(&store);
    to_plan(&mut a);
    save_as(&mut a, "alpha");
    let mut b = app(&store);
    highlight(&mut b, WelcomeItem::OpenSaved);
    b.update(Action::Select);
    b.update(Action::RenamePlan);
    for _ in 0..10 {
        b.update(Action::DeleteChar);
    }
    type_text(&mut b, "beta");
    b.update(Action::Select);
    assert_eq!(names(&store), vec!["beta".to_owned()]);
    b.update(Action::DuplicatePlan);
    b.update(Action::Select); // default: "beta (copy)"
    assert_eq!(
        names(&store),
        vec!["beta".to_owned(), "beta (copy)".to_owned()]
    );
    b.update(Action::DuplicatePlan);
    b.update(Action::Select); // "beta (copy)" again: taken
    let Some(Overlay::Input(input)) = &b.overlay() else {
        panic!()
    };
    assert!(input.error.as_deref().unwrap().contains("taken"));
    b.update(Action::CloseOverlay);
    b.update(Action::Home);
    b.update(Action::DeletePlan);
    assert_eq!(
        b.overlay().cloned(),
        Some(Overlay::Confirm(Ask::Delete("beta".to_owned())))
    );
    b.update(Action::CloseOverlay);
    assert_eq!(names(&store).len(), 2, "no deletes without yes");
    b.update(Action::DeletePlan);
    b.update(Action::Confirm);
    assert_eq!(names(&store), vec!["beta (copy)".to_owned()]);
}

#[test]
fn changed_knowledge_is_noticed_and_replanning_shows_changes_before_replacing() {
    let (_dir, store) = temp_store();
    let mut a = app(&store);
    to_plan(&mut a);
    save_as(&mut a, "old");
    // Pretend the plan was made with an older catalog and ranked things differently.
    let mut saved = store.load("old").unwrap();
    saved.knowledge_version = "catalog-2025-01-01".to_owned();
    saved.plan.recommendations.swap(0, 1);
    store.save(&saved, true).unwrap();
    let mut b = app(&store);
    b.open_saved(store.load("old").unwrap());
    let Some(Overlay::Outdated(text)) = &b.overlay() else {
        panic!("{:?}", b.overlay())
    };
    assert!(text.contains("the catalog of 2025-01-01"), "{text}");
    let before = b.plan().cloned();
    b.update(Action::Replan);
    let Some(Overlay::Confirm(Ask::Replan { changes, .. })) = &b.overlay() else {
        panic!("{:?}", b.overlay())
    };
    assert!(
        changes.iter().any(|c| c.contains("#2") && c.contains("#1")),
        "{changes:?}"
    );
    assert_eq!(b.plan().cloned(), before, "nothing replaced before yes");
    b.update(Action::Confirm);
    assert_ne!(b.plan().cloned(), before);
    assert!(b.unsaved());
}

#[test]
fn an_interview_in_progress_is_offered_for_resuming() {
    let (_dir, store) = temp_store();
    let mut a = app(&store);
    a.update(Action::Select);
    a.update(Action::Pick(4)); // goal: productivity
    a.update(Action::Pick(2)); // role: developer
    drop(a); // as if killed: nothing else happens
    let mut b = app(&store);
    assert_eq!(b.welcome_items()[0], WelcomeItem::Continue);
    b.update(Action::Select);
    assert_eq!(b.screen(), Screen::Interview);
    assert_eq!(b.answers().get("goal"), Some("productivity"));
    assert_eq!(b.answers().get("role"), Some("developer"));
    assert_eq!(b.screens().interview.question, "field");
    // Starting a new plan drops it.
    let mut c = app(&store);
    highlight(&mut c, WelcomeItem::NewPlan);
    c.update(Action::Select);
    // An interview in progress: starting over asks first, and only yes drops it.
    assert!(matches!(
        c.overlay(),
        Some(Overlay::Confirm(Ask::StartOver(_)))
    ));
    c.update(Action::CloseOverlay);
    assert!(!app(&store).answers().is_empty(), "no kept the interview");
    c.update(Action::Select);
    c.update(Action::Confirm);
    assert!(app(&store).answers().is_empty());
}

#[test]
fn without_a_data_folder_saving_says_why_and_keeps_the_plan() {
    let mut a = App::new(Knowledge::embedded().unwrap(), Theme::new(false), 80, 24)
        .without_store("no home folder to keep plans in".to_owned());
    to_plan(&mut a);
    let plan = a.plan().cloned();
    a.update(Action::OpenSave);
    let Some(Overlay::Error(message)) = &a.overlay() else {
        panic!()
    };
    assert!(message.contains("no home folder"));
    assert_eq!(a.plan().cloned(), plan);
}

#[test]
fn a_failed_save_keeps_the_plan_and_can_be_retried() {
    let (dir, store) = temp_store();
    let mut a = app(&store);
    to_plan(&mut a);
    // A fault even root cannot write past: the plans folder is a regular file.
    let plans = dir.path().join("data/plans");
    std::fs::remove_dir(&plans).unwrap();
    std::fs::write(&plans, b"not a folder").unwrap();
    let plan = a.plan().cloned();
    save_as(&mut a, "blocked");
    let Some(Overlay::Error(message)) = &a.overlay() else {
        panic!("{:?}", a.overlay())
    };
    assert!(message.contains(&plans.display().to_string()), "{message}");
    assert!(message.contains("Nothing was lost"), "{message}");
    assert!(a.unsaved() && a.plan().cloned() == plan);
    assert_eq!(std::fs::read(&plans).unwrap(), b"not a folder");
    a.update(Action::CloseOverlay);
    // Fixed: the same plan saves.
    std::fs::remove_file(&plans).unwrap();
    std::fs::create_dir(&plans).unwrap();
    save_as(&mut a, "blocked");
    assert_eq!(a.overlay(), None);
    assert!(!a.unsaved());
    assert_eq!(store.load("blocked").unwrap().plan, plan.unwrap());
}

#[test]
fn save_open_save_again_leaves_identical_bytes() {
    let (dir, store) = temp_store();
    let mut a = app(&store);
    to_plan(&mut a);
    tick_first_step(&mut a);
    save_as(&mut a, "same");
    // Made earlier, changed later: every field differs from what a fresh save would write.
    let mut made = store.load("same").unwrap();
    made.created = jiff::Timestamp::from_second(1_700_000_000).unwrap();
    made.modified = jiff::Timestamp::from_second(1_700_086_400).unwrap();
    assert!(!made.progress.is_empty());
    store.save(&made, true).unwrap();
    let file = std::fs::read_dir(dir.path().join("data/plans"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "ron"))
        .unwrap();
    let before = std::fs::read(&file).unwrap();
    let mut b = app(&store);
    b.open_saved(store.load("same").unwrap());
    // Nothing is lost on open: what the session would save back, at the same moment, is the
    // file byte for byte.
    let rebuilt = b.to_saved("same", b.plan().cloned().unwrap(), made.modified);
    assert_eq!(
        certwise::store::to_text(&rebuilt),
        String::from_utf8(before.clone()).unwrap()
    );
    // And saving an unchanged plan writes nothing at all.
    b.update(Action::OpenSave);
    b.update(Action::Select);
    assert!(
        b.status().unwrap().contains("no changes"),
        "{:?}",
        b.status()
    );
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

/// Opens the saved-plans list from the welcome screen and the plan named `name`.
fn open_from_list(a: &mut App, name: &str) {
    a.update(Action::GoHome);
    highlight(a, WelcomeItem::OpenSaved);
    a.update(Action::Select);
    assert_eq!(a.screen(), Screen::Saved);
    a.update(Action::Home);
    for _ in 0..a
        .screens()
        .saved
        .list
        .iter()
        .position(|l| matches!(l, Listing::Plan { plan, .. } if plan.name == name))
        .unwrap()
    {
        a.update(Action::Down);
    }
    a.update(Action::Select);
    assert_eq!(a.screen(), Screen::Plan);
}

/// Marks the first ranked item, edits an answer of the opened plan, and returns the item's id.
fn mark_and_edit(a: &mut App) -> String {
    let first = tick_first_step(a);
    assert_eq!(a.status(), Some("Saved \"Career changer\"."));
    a.update(Action::EditAnswers);
    a.update(Action::Home);
    for _ in 0..a.resolved().position("hours_per_week").unwrap() {
        a.update(Action::Down);
    }
    a.update(Action::Select);
    a.update(Action::TypeDigit('2'));
    a.update(Action::TypeDigit('0'));
    a.update(Action::Select);
    first
}

#[test]
fn resuming_an_edit_of_a_saved_plan_then_saving_keeps_its_progress_and_creation_date() {
    let (_dir, store) = temp_store();
    let mut a = app(&store);
    to_plan(&mut a);
    save_as(&mut a, "Career changer");
    let created = store.load("Career changer").unwrap().created;
    std::thread::sleep(std::time::Duration::from_millis(5));

    // Without an interruption: the edit saved back keeps progress and creation date.
    let mut b = app(&store);
    open_from_list(&mut b, "Career changer");
    let first = mark_and_edit(&mut b);
    b.update(Action::ShowPlan);
    b.update(Action::Select);
    b.update(Action::OpenSave);
    b.update(Action::Select);
    assert_eq!(b.overlay(), None, "saving back does not ask");
    let uninterrupted = store.load("Career changer").unwrap();
    assert_eq!(progress_of(&uninterrupted, &first), Progress::Doing);
    assert_eq!(uninterrupted.created, created);
    // Back to no progress for the second run.
    let mut reset = uninterrupted.clone();
    reset.progress.clear();
    store.save(&reset, true).unwrap();

    // The same edit, killed before saving, resumed and saved.
    let mut c = app(&store);
    open_from_list(&mut c, "Career changer");
    let first = mark_and_edit(&mut c);
    drop(c); // killed: nothing else happens
    let mut d = app(&store);
    assert_eq!(d.welcome_items()[0], WelcomeItem::Continue);
    d.update(Action::Home);
    d.update(Action::Select);
    while d.screen() == Screen::Interview {
        d.update(Action::Select);
    }
    d.update(Action::ShowPlan);
    d.update(Action::Select);
    assert_eq!(d.screen(), Screen::Plan);
    d.update(Action::OpenSave);
    let Some(Overlay::Input(input)) = d.overlay() else {
        panic!("{:?}", d.overlay())
    };
    assert_eq!(input.text, "Career changer");
    d.update(Action::Select);
    assert_eq!(d.overlay(), None, "saving back does not ask");
    let resumed = store.load("Career changer").unwrap();
    assert_eq!(resumed.answers.get("hours_per_week"), Some("20"));
    assert_eq!(progress_of(&resumed, &first), Progress::Doing);
    assert_eq!(resumed.created, created);
    assert_eq!(resumed.progress, uninterrupted.progress);
}

fn quit_text(a: &mut App) -> String {
    a.update(Action::Quit);
    assert!(matches!(a.overlay(), Some(Overlay::Confirm(Ask::Quit(_)))));
    a.quit_message()
}

#[test]
fn the_quit_question_says_what_is_unsaved_and_the_next_launch_offers_it() {
    let (_dir, store) = temp_store();
    // During the interview: no plan yet.
    let mut interview = app(&store);
    interview.update(Action::Select);
    interview.update(Action::Pick(4));
    let text = quit_text(&mut interview);
    assert!(text.starts_with("You have no plan yet."), "{text}");
    assert!(text.contains("next launch offers to continue"), "{text}");
    interview.update(Action::Confirm);
    assert!(!interview.is_running());
    let next = app(&store);
    assert_eq!(next.welcome_items()[0], WelcomeItem::Continue);
    assert_eq!(next.answers().get("goal"), interview.answers().get("goal"));

    // A new plan, never saved.
    let mut fresh = app(&store);
    highlight(&mut fresh, WelcomeItem::NewPlan);
    // The interview in progress is dropped only after asking.
    fresh.update(Action::Select);
    assert!(matches!(
        fresh.overlay(),
        Some(Overlay::Confirm(Ask::StartOver(_)))
    ));
    fresh.update(Action::Confirm);
    to_plan(&mut fresh);
    let text = quit_text(&mut fresh);
    assert!(text.starts_with("This plan has not been saved."), "{text}");
    assert!(text.contains("next launch offers to continue"), "{text}");
    assert_eq!(*app(&store).answers(), *fresh.answers());
    fresh.update(Action::CloseOverlay);

    // A saved plan re-planned and not saved again: the re-plan is what the next launch offers.
    save_as(&mut fresh, "Career changer");
    let mut saved = store.load("Career changer").unwrap();
    saved.knowledge_version = "catalog-2025-01-01".to_owned();
    saved.plan.recommendations.swap(0, 1);
    store.save(&saved, true).unwrap();
    let mut edited = app(&store);
    assert_ne!(
        edited.welcome_items()[0],
        WelcomeItem::Continue,
        "saved: nothing to resume"
    );
    open_from_list(&mut edited, "Career changer");
    edited.update(Action::Replan);
    edited.update(Action::Confirm);
    let replanned = edited.plan().cloned();
    let text = quit_text(&mut edited);
    assert!(
        text.starts_with("Your changes to \"Career changer\" have not been saved."),
        "{text}"
    );
    assert!(text.contains("next launch offers to continue"), "{text}");
    edited.update(Action::Confirm);
    let mut resumed = app(&store);
    assert_eq!(resumed.welcome_items()[0], WelcomeItem::Continue);
    assert_eq!(resumed.opened(), Some("Career changer"));
    resumed.update(Action::Home);
    resumed.update(Action::Select);
    resumed.make_plan();
    assert_eq!(resumed.plan().cloned(), replanned, "the re-plan comes back");
}

#[test]
fn the_quit_question_says_when_answers_cannot_be_kept() {
    let (_dir, store) = temp_store();
    // Another copy keeps its interview: this one cannot.
    let mut a = App::new(Knowledge::embedded().unwrap(), Theme::new(false), 80, 24)
        .with_store(store.clone(), false);
    to_plan(&mut a);
    let text = quit_text(&mut a);
    assert!(text.starts_with("This plan has not been saved."), "{text}");
    assert!(text.contains("quitting loses them"), "{text}");
    assert!(!text.contains("offers to continue"), "{text}");
    assert!(store.load_session().unwrap().is_none());
}

#[test]
fn a_data_folder_that_cannot_be_written_is_not_called_another_copy() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("data");
    Store::open(root.clone()).unwrap();
    // A fault even root cannot write past: the lock file's name is taken by a folder.
    std::fs::create_dir(root.join("session.lock")).unwrap();
    let fresh = App::new(Knowledge::embedded().unwrap(), Theme::new(false), 80, 24);
    let (mut a, lock) = certwise::tui::connect(fresh, Some(&root));
    assert!(lock.is_none());
    let Some(Overlay::Notice(text)) = &a.overlay() else {
        panic!("{:?}", a.overlay())
    };
    assert!(!text.contains("Another certwise"), "{text}");
    assert!(text.contains("cannot write in the data folder"), "{text}");
    assert!(text.contains(&root.display().to_string()), "{text}");
    assert!(text.contains("Saving there will fail"), "{text}");
    // The session goes on; a save that fails keeps the plan.
    a.update(Action::CloseOverlay);
    std::fs::remove_dir(root.join("session.lock")).unwrap();
    std::fs::remove_dir_all(root.join("plans")).unwrap();
    std::fs::write(root.join("plans"), b"not a folder").unwrap();
    to_plan(&mut a);
    let plan = a.plan().cloned();
    save_as(&mut a, "kept");
    assert!(
        matches!(a.overlay().cloned(), Some(Overlay::Error(_))),
        "{:?}",
        a.overlay()
    );
    assert_eq!(a.plan().cloned(), plan);

    // A lock held by another copy is what the other message is for.
    let root2 = dir.path().join("data2");
    let (_first, held) = certwise::tui::connect(
        App::new(Knowledge::embedded().unwrap(), Theme::new(false), 80, 24),
        Some(&root2),
    );
    assert!(held.is_some());
    let (second, lock) = certwise::tui::connect(
        App::new(Knowledge::embedded().unwrap(), Theme::new(false), 80, 24),
        Some(&root2),
    );
    assert!(lock.is_none());
    let Some(Overlay::Notice(text)) = second.overlay() else {
        panic!("{:?}", second.overlay())
    };
    assert!(text.contains("Another certwise"), "{text}");
}

#[test]
fn a_broken_session_is_set_aside_and_the_person_is_told() {
    let (dir, store) = temp_store();
    let session = dir.path().join("data/session.ron");
    std::fs::write(&session, b"(answers: {\"goal\": ").unwrap();
    let mut a = app(&store);
    let Some(Overlay::Notice(text)) = &a.overlay() else {
        panic!("{:?}", a.overlay())
    };
    assert!(text.contains("does not load"), "{text}");
    assert!(text.contains("session.ron.corrupt-"), "{text}");
    assert!(!session.exists());
    let aside: Vec<_> = std::fs::read_dir(dir.path().join("data"))
        .unwrap()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("session.ron.corrupt-")
        })
        .collect();
    assert_eq!(aside.len(), 1);
    // Answering keeps a new session; the broken one is still there, untouched.
    a.update(Action::CloseOverlay);
    a.update(Action::Select);
    a.update(Action::Pick(4));
    assert!(session.exists());
    assert_eq!(
        std::fs::read(aside[0].path()).unwrap(),
        b"(answers: {\"goal\": "
    );
}

#[test]
fn a_name_in_other_case_is_not_a_second_plan() {
    let (_dir, store) = temp_store();
    let mut a = app(&store);
    to_plan(&mut a);
    save_as(&mut a, "Career changer");
    let mut b = app(&store);
    to_plan(&mut b);
    save_as(&mut b, "career changer");
    let Some(Overlay::Input(input)) = &b.overlay() else {
        panic!("{:?}", b.overlay())
    };
    let error = input.error.as_deref().unwrap();
    assert!(error.contains("\"Career changer\" exists"), "{error}");
    assert!(error.contains("differing only in case"), "{error}");
    assert_eq!(names(&store), ["Career changer"]);
    // The exact name asks before replacing.
    b.update(Action::CloseOverlay);
    save_as(&mut b, "Career changer");
    assert_eq!(
        b.overlay().cloned(),
        Some(Overlay::Confirm(Ask::Replace("Career changer".to_owned())))
    );
}

#[test]
fn a_second_copy_tells_of_a_broken_session_and_leaves_it_to_its_owner() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("data");
    let (_first, held) = certwise::tui::connect(
        App::new(Knowledge::embedded().unwrap(), Theme::new(false), 80, 24),
        Some(&root),
    );
    assert!(held.is_some());
    std::fs::write(root.join("session.ron"), b"garbage").unwrap();
    let (second, _) = certwise::tui::connect(
        App::new(Knowledge::embedded().unwrap(), Theme::new(false), 80, 24),
        Some(&root),
    );
    let Some(Overlay::Notice(text)) = second.overlay() else {
        panic!("{:?}", second.overlay())
    };
    assert!(text.contains("Another certwise"), "{text}");
    assert!(text.contains("does not load"), "{text}");
    assert!(text.contains("left as it is"), "{text}");
    assert_eq!(std::fs::read(root.join("session.ron")).unwrap(), b"garbage");
}

/// Enter alone never deletes, replaces, re-plans or quits: in every confirm dialog it keeps
/// things as they are, and only `y` does what the dialog asks.
#[test]
fn enter_in_a_confirm_dialog_takes_the_safe_choice() {
    use certwise::tui::bindings::keymap;
    use certwise::tui::input::{KeyCode, KeyEvent, KeyModifiers};
    use certwise::tui::keymap::Mode;
    let press = |code| KeyEvent::new(code, KeyModifiers::NONE);
    for code in [KeyCode::Enter, KeyCode::Esc, KeyCode::Char('n')] {
        assert_eq!(
            keymap(Mode::Confirm, &press(code)),
            Some(Action::CloseOverlay),
            "{code:?}"
        );
    }
    assert_eq!(
        keymap(Mode::Confirm, &press(KeyCode::Char('y'))),
        Some(Action::Confirm)
    );
    // And in the session: Enter on the delete question keeps the plan.
    let (_dir, store) = temp_store();
    let mut a = app(&store);
    to_plan(&mut a);
    save_as(&mut a, "keep me");
    let before = names(&store);
    let mut b = app(&store);
    highlight(&mut b, WelcomeItem::OpenSaved);
    b.update(Action::Select);
    let mut a = b;
    a.update(Action::DeletePlan);
    assert!(matches!(
        a.overlay(),
        Some(Overlay::Confirm(Ask::Delete(_)))
    ));
    let enter = keymap(Mode::Confirm, &press(KeyCode::Enter)).unwrap();
    a.update(enter);
    assert!(a.overlay().is_none());
    assert_eq!(names(&store), before, "Enter deleted a plan");
}

/// Esc from a plan opened from Saved plans goes back to the list, not through the interview.
#[test]
fn esc_from_an_opened_plan_returns_to_the_saved_list() {
    let (_dir, store) = temp_store();
    let mut a = app(&store);
    to_plan(&mut a);
    save_as(&mut a, "listed");
    let mut b = app(&store);
    open_from_list(&mut b, "listed");
    assert_eq!(b.screen(), Screen::Plan);
    b.update(Action::Back);
    assert_eq!(b.screen(), Screen::Saved);
    // A plan made in this session still goes back to its strategy.
    a.update(Action::Back);
    assert_eq!(a.screen(), Screen::Strategy);
}

/// The quit question offers "save and quit": it asks for a name, saves, then quits; cancelling
/// the name cancels the quitting too.
#[test]
fn the_quit_question_offers_save_and_quit() {
    let (_dir, store) = temp_store();
    let mut a = app(&store);
    to_plan(&mut a);
    a.update(Action::Quit);
    a.update(Action::SaveAndQuit);
    assert!(matches!(a.overlay(), Some(Overlay::Input(_))));
    a.update(Action::CloseOverlay);
    assert!(a.is_running(), "cancelling the name keeps certwise open");
    assert!(names(&store).is_empty());
    a.update(Action::Quit);
    a.update(Action::SaveAndQuit);
    a.update(Action::Select);
    assert_eq!(names(&store).len(), 1);
    assert!(!a.is_running());
}

/// Progress marked in the file while the plan is open in the session (`certwise plans
/// progress`, another copy) survives the session saving the plan back; what the session changed
/// itself wins where both changed.
#[test]
fn progress_marked_elsewhere_while_open_survives_saving_back() {
    let (_dir, store) = temp_store();
    let mut a = app(&store);
    to_plan(&mut a);
    save_as(&mut a, "shared");
    open_from_list(&mut a, "shared");
    // Elsewhere: step 2 done, written to the file.
    let mut elsewhere = store.load("shared").unwrap();
    let plan = elsewhere.plan.clone();
    assert!(plan.timeline.len() >= 2, "{:?}", plan.timeline);
    certwise::progress::set(
        &plan,
        &mut elsewhere.progress,
        certwise::progress::Item::Step(1),
        Progress::Done,
    );
    store.save(&elsewhere, true).unwrap();
    // Here: step 1 ticked on the timeline, which saves the opened plan at once.
    let first = tick_first_step(&mut a);
    let saved = store.load("shared").unwrap();
    assert_eq!(
        progress_of(&saved, &first),
        Progress::Doing,
        "the session's mark"
    );
    let second = certwise::progress::step_key(&plan.timeline[1]).to_owned();
    assert_eq!(
        progress_of(&saved, &second),
        Progress::Done,
        "the mark made elsewhere"
    );
    assert_eq!(
        a.progress().get(&second),
        Some(&Progress::Done),
        "shown here too"
    );
    assert!(
        a.status().unwrap().contains("keeping the progress"),
        "{:?}",
        a.status()
    );
}

#[test]
fn the_saved_list_counts_steps_started_as_well_as_done() {
    let (_dir, store) = temp_store();
    let mut a = app(&store);
    to_plan(&mut a);
    tick_first_step(&mut a);
    save_as(&mut a, "started");
    let counts = store.load("started").unwrap().counts();
    assert_eq!((counts.done, counts.doing), (0, 1));
    let mut b = app(&store);
    highlight(&mut b, WelcomeItem::OpenSaved);
    b.update(Action::Select);
    assert_eq!(b.screen(), Screen::Saved);
    let text = crate::support::screen_text(&b);
    assert!(
        text.contains(&format!("0/{} done, 1 doing", counts.total)),
        "{text}"
    );
}
