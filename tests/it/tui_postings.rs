//! The job-postings screen driven by keys through `App::update`: reached from the welcome screen
//! and the plan, the corpus under `tests/data/postings` counted exactly on screen, a missing path
//! said in one line, pasted postings scanned (a paste never presses a key), and "use in my plan"
//! saving the counts and changing the plan's reasons.
#![allow(clippy::unwrap_used)]

use certwise::knowledge::Knowledge;
use certwise::postings::Evidence;
use certwise::tui::action::Action;
use certwise::tui::app::{App, Overlay, Screen, WelcomeItem};
use certwise::tui::bindings::keymap;
use certwise::tui::input::{KeyCode, KeyEvent, KeyModifiers};
use certwise::tui::keymap::Mode;
use certwise::tui::theme::Theme;

/// The corpus, as typed: tests run in the package's folder.
const CORPUS: &str = "tests/data/postings";

fn app() -> App {
    App::new(Knowledge::embedded().unwrap(), Theme::new(false), 80, 24)
}

fn press(app: &mut App, code: KeyCode) {
    press_with(app, code, KeyModifiers::NONE);
}

fn press_with(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    let action = keymap(app.mode(), &KeyEvent::new(code, modifiers))
        .unwrap_or_else(|| panic!("{code:?} does nothing in {:?}", app.mode()));
    app.update(action);
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn screen(app: &App) -> String {
    let (w, h) = app.size();
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    terminal.backend().to_string()
}

/// The whole report, scrolled through page by page.
fn whole_report(app: &mut App) -> String {
    let mut text = String::new();
    for _ in 0..40 {
        text.push_str(&screen(app));
        app.update(Action::PageDown);
    }
    text
}

fn at_plan() -> App {
    let mut app = app();
    app.update(Action::Select);
    while app.screen() == Screen::Interview {
        app.update(Action::Forward);
    }
    app.update(Action::ShowPlan);
    app.update(Action::Select);
    assert_eq!(app.screen(), Screen::Plan);
    app
}

/// From the welcome screen, by its menu.
fn open_from_welcome(app: &mut App) {
    let at = app
        .welcome_items()
        .iter()
        .position(|i| *i == WelcomeItem::Postings)
        .unwrap();
    for _ in 0..at {
        press(app, KeyCode::Down);
    }
    press(app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Postings);
}

fn scan_corpus(app: &mut App) {
    type_text(app, CORPUS);
    press(app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::PostingsReport, "{}", screen(app));
}

#[test]
fn the_welcome_menu_opens_the_screen_and_esc_comes_back() {
    let mut app = app();
    open_from_welcome(&mut app);
    assert_eq!(app.mode(), Mode::PostingsPath);
    assert!(screen(&app).contains("Folder or file · Enter scans"));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), Screen::Welcome);
}

#[test]
fn the_plan_opens_the_screen_by_its_key_and_esc_comes_back() {
    let mut app = at_plan();
    press(&mut app, KeyCode::Char('p'));
    assert_eq!(app.screen(), Screen::Postings);
    // q types itself here: it is a path.
    press(&mut app, KeyCode::Char('q'));
    assert!(app.is_running());
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), Screen::Plan);
}

#[test]
fn scanning_the_corpus_shows_its_exact_counts() {
    let mut app = app();
    open_from_welcome(&mut app);
    scan_corpus(&mut app);
    let report = app.screens().postings.report.as_ref().unwrap();
    assert_eq!(
        (report.postings, report.files, report.with_any_certification),
        (22, 17, 17)
    );
    let text = whole_report(&mut app);
    for needle in [
        "22 postings in 17 files (0 skipped) under tests/data/postings",
        "17 of 22 name a certification (77%)",
        "Certifications and courses named",
        "Clouds and platforms",
        "Top skills",
        "! retired: its successor is",
        "u uses these counts in your plan",
    ] {
        assert!(text.contains(needle), "{needle:?} missing from\n{text}");
    }
    // Esc: back to the fields, the path kept; Esc again: where the screen was opened from.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::PostingsPath);
    assert_eq!(app.screens().postings.path, CORPUS);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), Screen::Welcome);
}

#[test]
fn a_path_that_does_not_exist_is_said_in_one_line() {
    let mut app = app();
    app.open_postings();
    type_text(&mut app, "/nonexistent/certwise/postings");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::PostingsPath);
    assert_eq!(
        app.screens().postings.error.as_deref(),
        Some("No such file or folder: /nonexistent/certwise/postings")
    );
    assert!(screen(&app).contains("No such file or folder: /nonexistent/certwise/postings"));
    // Typing again clears it; an empty field says what to do.
    press_with(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert!(app.screens().postings.path.is_empty());
    press(&mut app, KeyCode::Enter);
    assert!(
        app.screens()
            .postings
            .error
            .as_deref()
            .unwrap()
            .starts_with("Type a folder or file")
    );
}

#[test]
fn pasted_postings_are_scanned_and_a_paste_ending_in_enter_keeps_everything() {
    let mut app = app();
    app.open_postings();
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.mode(), Mode::PostingsPaste);
    let text = "Senior AI engineer\nRequired: AI-102.\n---\nAnalyst\nAWS Certified AI Practitioner is a plus. Python.\n";
    app.paste(&text.replace('\n', "\r\n"));
    assert_eq!(
        app.mode(),
        Mode::PostingsPaste,
        "the paste's Enter scans nothing"
    );
    assert_eq!(app.screens().postings.pasted, text, "nothing lost");
    // Enter typed in the box is a new line too; Ctrl-S scans.
    press(&mut app, KeyCode::Enter);
    assert!(app.screens().postings.pasted.ends_with("\n\n"));
    press_with(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    let report = app.screens().postings.report.as_ref().unwrap();
    assert_eq!(report.postings, 2);
    let counts: Vec<(&str, u32, u32, u32)> = report
        .certifications
        .iter()
        .map(|c| (c.id.as_str(), c.postings, c.required, c.preferred))
        .collect();
    assert_eq!(
        counts,
        [
            ("azure-ai-engineer", 1, 1, 0),
            ("aws-ai-practitioner", 1, 0, 1)
        ]
    );
    assert!(screen(&app).contains("2 postings in the pasted text"));
}

#[test]
fn a_paste_never_presses_a_key() {
    let mut app = app();
    app.paste("q\n");
    assert!(app.is_running());
    assert_eq!(app.screen(), Screen::Welcome);
    // In the folder field, a pasted path with a line break is typed, not scanned.
    app.open_postings();
    app.paste(&format!("{CORPUS}\n"));
    assert_eq!(app.mode(), Mode::PostingsPath);
    assert_eq!(app.screens().postings.path, CORPUS);
}

#[test]
fn use_in_my_plan_saves_the_counts_and_the_plan_names_them() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let store = certwise::store::Store::open(data.clone()).unwrap();
    let mut app = at_plan().with_store(store, false);
    let reasons = |app: &App| -> Vec<String> {
        app.plan()
            .unwrap()
            .recommendations
            .iter()
            .flat_map(|r| r.reasons.iter().map(|f| f.text.clone()))
            .collect()
    };
    assert!(!reasons(&app).iter().any(|r| r.contains("your 22 postings")));
    press(&mut app, KeyCode::Char('p'));
    scan_corpus(&mut app);
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(app.screen(), Screen::Plan);
    assert_eq!(app.screens().plan.row, 0);
    assert!(app.unsaved(), "the re-made plan is not saved yet");
    assert_eq!(app.status(), Some("Re-planned with your 22 postings."));
    let after = reasons(&app);
    assert!(
        after
            .iter()
            .any(|r| r.starts_with("named in ") && r.contains(" of your 22 postings")),
        "{after:#?}"
    );
    // The evidence is the counts, as `postings scan --save` keeps them, never the text.
    let evidence = Evidence::load(&data).unwrap().unwrap();
    assert_eq!(evidence.postings, 22);
    assert_eq!(evidence.with_any_certification, 17);
    let saved = std::fs::read_to_string(Evidence::path(&data)).unwrap();
    assert!(!saved.contains("tests/data"), "no file names");
    assert!(!saved.to_lowercase().contains("we are"), "no posting text");
}

#[test]
fn use_in_my_plan_without_a_plan_says_the_counts_wait_for_one() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let store = certwise::store::Store::open(data.clone()).unwrap();
    let mut app = app().with_store(store, false);
    app.open_postings();
    scan_corpus(&mut app);
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(app.screen(), Screen::Postings);
    assert_eq!(
        app.status(),
        Some("Saved the counts of 22 postings: your plan will weigh them.")
    );
    assert!(Evidence::load(&data).unwrap().is_some());
    // The plan made next weighs them.
    app.start_new();
    while app.screen() == Screen::Interview {
        app.update(Action::Forward);
    }
    app.make_plan();
    assert!(app.plan().unwrap().postings_evidence.is_some());
}

#[test]
fn use_in_my_plan_without_a_data_folder_says_why() {
    let mut app = app().without_store("no home folder".to_owned());
    app.open_postings();
    scan_corpus(&mut app);
    press(&mut app, KeyCode::Char('u'));
    assert!(
        matches!(app.overlay(), Some(Overlay::Error(e)) if e.contains("no home folder")),
        "{:?}",
        app.overlay()
    );
}

#[test]
fn saved_evidence_is_weighed_by_plans_made_in_a_later_session() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let kb = Knowledge::embedded().unwrap();
    let report = certwise::postings::scan(kb, &[CORPUS.into()]).unwrap();
    Evidence::from_report(kb, &report, jiff::Timestamp::now())
        .save(&data)
        .unwrap();
    let store = certwise::store::Store::open(data).unwrap();
    let mut app = app().with_store(store, false);
    app.start_new();
    while app.screen() == Screen::Interview {
        app.update(Action::Forward);
    }
    app.make_plan();
    let used = app.plan().unwrap().postings_evidence.as_ref().unwrap();
    assert_eq!(used.postings, 22);
}

/// Under the event loop a scan runs off it: the screen says it is scanning, keys still work (Esc
/// stops waiting and a late result is dropped), and the result, when it comes, is the report.
#[test]
fn a_scan_runs_off_the_event_loop_and_esc_stops_waiting() {
    use certwise::tui::shared::Effect;
    let mut app =
        App::new(Knowledge::embedded().unwrap(), Theme::new(false), 80, 24).in_background();
    open_from_welcome(&mut app);
    type_text(&mut app, CORPUS);
    press(&mut app, KeyCode::Enter);
    let Some(Effect::Scan(job)) = app.take_effect() else {
        panic!("the scan was not handed to the event loop")
    };
    assert!(
        screen(&app).contains("Scanning tests/data/postings"),
        "{}",
        screen(&app)
    );
    // Esc stops waiting: the fields again, and the late result is dropped.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), Screen::Postings);
    app.scanned(job.id, job.run());
    assert!(!screen(&app).contains("Scanning"), "{}", screen(&app));
    assert_ne!(
        app.mode(),
        Mode::PostingsReport,
        "a dropped result shows no report"
    );
    // Scanning again: the result that comes is shown.
    press(&mut app, KeyCode::Enter);
    let Some(Effect::Scan(again)) = app.take_effect() else {
        panic!("no second scan")
    };
    assert_ne!(again.id, job.id);
    app.scanned(again.id, again.run());
    assert_eq!(app.mode(), Mode::PostingsReport);
}

/// The folder field edits like every text field: Delete under the cursor, and a letter typed at
/// Home goes first.
#[test]
fn the_folder_field_edits_with_the_cursor_keys() {
    let mut app = app();
    open_from_welcome(&mut app);
    type_text(&mut app, "ests/data/postingsX");
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Delete);
    press(&mut app, KeyCode::Home);
    type_text(&mut app, "t");
    assert_eq!(app.screens().postings.path.text(), CORPUS);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::PostingsReport, "{}", screen(&app));
}

/// A folder path is not a name: it may be far longer than the 80 characters a name takes.
#[test]
fn the_folder_field_takes_long_paths() {
    let mut app = app();
    open_from_welcome(&mut app);
    let long = format!("/{}", "deep-folder/".repeat(20));
    type_text(&mut app, &long);
    assert_eq!(app.screens().postings.path.text(), long);
}

/// Ctrl-U in the folder field deletes what is before the cursor, as in every other text field;
/// in the paste box (which has no cursor) it empties the box.
#[test]
fn ctrl_u_deletes_before_the_cursor_in_the_folder_field_and_empties_the_box() {
    let mut app = app();
    open_from_welcome(&mut app);
    type_text(&mut app, "/wrong/tests/data/postings");
    for _ in 0.."tests/data/postings".len() {
        press(&mut app, KeyCode::Left);
    }
    press_with(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(app.screens().postings.path.text(), CORPUS);

    press(&mut app, KeyCode::Tab);
    assert_eq!(app.mode(), Mode::PostingsPaste);
    type_text(&mut app, "Senior ML engineer");
    press_with(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(app.screens().postings.pasted, "");
}
