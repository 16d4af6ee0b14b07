//! End-to-end tests of "never lose work" (issue 12): the real `certwise` in a pseudo-terminal,
//! driven by keys alone. Enter in every question window leaves the data folder byte for byte;
//! "Start a new plan" over unsaved work asks; a deleted plan comes back with
//! `certwise plans restore`.
//!
//! Each step waits for the next screen's own text before pressing the next key.

#![cfg(unix)]
#![allow(clippy::unwrap_used)]

use crate::support;
use crate::tui_e2e_saving::OPEN_SAVED;

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};

use certwise::interview::Answers;
use certwise::store::SavedPlan;
use support::pty::Key;
use support::tui::{
    CONTINUE, Home, NEW_PLAN, QUIT_DIALOG, T, Tui, WELCOME, WELCOME_FOOTER, engine_plan, kb,
    make_plan, plan_view, row_text,
};

const BACK_TO_PLAN: &str = "Back to my plan";
const START_OVER: &str = "Start a new plan?";

// ---------------------------------------------------------------------------
// The data folder, file by file
// ---------------------------------------------------------------------------

/// One entry of a folder: its permission bits, and a file's bytes or a link's target.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Entry {
    Dir { mode: u32 },
    File { mode: u32, bytes: Vec<u8> },
    Link(PathBuf),
}

/// Every file, folder and link under `root` (paths relative to it) with its mode and bytes.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Entry> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Entry>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            let mode = meta.permissions().mode() & 0o7777;
            let rel = path.strip_prefix(root).unwrap().to_path_buf();
            if meta.file_type().is_symlink() {
                out.insert(rel, Entry::Link(std::fs::read_link(&path).unwrap()));
            } else if meta.is_dir() {
                out.insert(rel, Entry::Dir { mode });
                walk(root, &path, out);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                out.insert(rel, Entry::File { mode, bytes });
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, root, &mut out);
    out
}

/// Panics naming every path added, removed or changed between two snapshots.
fn assert_same(before: &BTreeMap<PathBuf, Entry>, after: &BTreeMap<PathBuf, Entry>, what: &str) {
    let mut diffs = Vec::new();
    for (path, entry) in before {
        match after.get(path) {
            None => diffs.push(format!("removed {}", path.display())),
            Some(now) if now != entry => diffs.push(format!("changed {}", path.display())),
            Some(_) => {}
        }
    }
    for path in after.keys().filter(|p| !before.contains_key(*p)) {
        diffs.push(format!("added {}", path.display()));
    }
    assert!(
        diffs.is_empty(),
        "{what} changed the data folder: {}",
        diffs.join(", ")
    );
}

/// With the window titled `title` open: Enter closes it, changes no byte, mode or file of the
/// data folder, and the session goes on.
fn enter_keeps(home: &Home, tui: &mut Tui, title: &str) {
    tui.expect(title, T);
    let before = snapshot(&home.data());
    tui.send_key(Key::Enter);
    tui.expect_gone(title);
    assert!(tui.is_running(), "Enter in {title:?} ended the session");
    assert_same(
        &before,
        &snapshot(&home.data()),
        &format!("Enter in {title:?}"),
    );
}

/// Saves the plan the engine makes from `answers` under `name`, as another launch would have;
/// `older` dates it to an older catalog, so that opening it offers to re-plan.
fn seed(home: &Home, name: &str, answers: &[(&str, &str)], older: bool) -> PathBuf {
    let mut given = Answers::new();
    for (id, value) in answers {
        given.set(kb(), id, value).unwrap();
    }
    let plan = certwise::advisor::plan(kb(), &given).unwrap();
    let mut saved = SavedPlan::new(name, given, plan, jiff::Timestamp::now());
    if older {
        let older = "catalog-2020-01-01";
        older.clone_into(&mut saved.knowledge_version);
        older.clone_into(&mut saved.plan.knowledge_version);
    }
    home.store().save(&saved, false).unwrap()
}

impl Tui {
    /// On the welcome screen: highlight "Start a new plan" and press Enter (which asks first
    /// when there is work to lose, so the welcome screen may stay under the question).
    fn start_new_plan(&mut self) {
        self.expect_all(&[WELCOME, NEW_PLAN, WELCOME_FOOTER]);
        self.highlight(NEW_PLAN);
        self.send_key(Key::Enter);
    }
}

// ---------------------------------------------------------------------------
// 1. Enter in every question window keeps things as they are
// ---------------------------------------------------------------------------

/// Catches a question window that takes Enter as yes (issue 12: `d` then Enter deleted a plan
/// at once; Enter in the quit question quit without saving), and one that writes anything at
/// all (a plan replaced or re-planned, the interview kept, a file's mode) before `y`.
#[test]
fn enter_in_every_question_window_leaves_the_data_folder_byte_for_byte() {
    let home = Home::new();
    seed(&home, "alpha", &[], true);
    seed(&home, "beta", &[("goal", "promotion")], false);

    let mut tui = home.launch();
    tui.choose(OPEN_SAVED);
    tui.expect_all(&["alpha", "beta", "Enter opens a plan"]);

    // Delete a saved plan: the window names its keys; Enter keeps the plan.
    tui.highlight("beta");
    tui.send_key(Key::Char('d'));
    tui.expect_dialog("Delete?", &["\"beta\"", "y delete · n/Esc/Enter keep"]);
    enter_keeps(&home, &mut tui, "Delete?");
    tui.expect_all(&["alpha", "beta"]);
    assert_eq!(home.saved_names(), ["alpha", "beta"]);

    // A plan made with an older catalog: Enter in the notice keeps it as it is.
    tui.highlight("alpha");
    tui.send_key(Key::Enter);
    tui.expect_dialog("Made with older knowledge", &["This plan was made with"]);
    enter_keeps(&home, &mut tui, "Made with older knowledge");
    let opened = tui.check("the plan screen", plan_view);

    // Re-plan: Enter keeps the plan on screen, unchanged and not marked changed.
    tui.send_key(Key::Char('r'));
    tui.expect_dialog(
        "Re-plan?",
        &["Replace the plan?", "y re-plan · n/Esc/Enter"],
    );
    enter_keeps(&home, &mut tui, "Re-plan?");
    let title = tui.with_screen(|s| row_text(s, 0));
    assert!(
        title.contains("Your plan · alpha") && !title.contains("(changed)"),
        "{}",
        tui.screen_dump()
    );
    assert_eq!(tui.check("the plan screen", plan_view), opened);

    // Replace the plan under a taken name: Enter keeps the other plan.
    tui.send_key(Key::Char('s'));
    tui.expect_name_dialog("Save plan as");
    tui.clear_name();
    tui.type_name("beta", "beta");
    tui.send_key(Key::Enter);
    tui.expect_dialog(
        "Replace?",
        &[
            "A plan named \"beta\" exists.",
            "y replace it · n/Esc/Enter keep it",
        ],
    );
    enter_keeps(&home, &mut tui, "Replace?");
    tui.expect_all(&["Your plan", "Ranking ("]);

    // Unsaved work: the re-plan taken (y) but not saved.
    tui.send_key(Key::Char('r'));
    tui.expect("Re-plan?", T);
    tui.send_key(Key::Char('y'));
    tui.expect_gone("Re-plan?");
    tui.expect_title("alpha (changed)");

    // Start a new plan over it: Enter keeps the plan.
    tui.send_key(Key::Char('w'));
    tui.expect_all(&[WELCOME, BACK_TO_PLAN]);
    tui.start_new_plan();
    tui.expect_dialog(
        START_OVER,
        &[
            "Your unsaved changes to \"alpha\" will be dropped.",
            "y start over · n/Esc/Enter keep my work",
        ],
    );
    enter_keeps(&home, &mut tui, START_OVER);
    tui.expect_all(&[WELCOME, BACK_TO_PLAN]);

    // Quit with it unsaved: Enter stays.
    tui.send_key(Key::Char('q'));
    tui.expect_dialog(
        QUIT_DIALOG,
        &[
            "\"alpha\" have not been saved",
            "y quit · s save and quit · n/Esc/Enter stay",
        ],
    );
    enter_keeps(&home, &mut tui, QUIT_DIALOG);
    tui.expect_all(&[WELCOME, BACK_TO_PLAN]);

    // An interview in progress: y starts over; one answer later, both questions again.
    tui.start_new_plan();
    tui.expect(START_OVER, T);
    tui.send_key(Key::Char('y'));
    tui.expect_question("goal", 1);
    tui.send_key(Key::Char('2'));
    tui.expect_question("role", 2);
    tui.send_key(Key::Char('q'));
    tui.expect_dialog(
        QUIT_DIALOG,
        &["You have no plan yet.", "y quit · n/Esc/Enter stay"],
    );
    enter_keeps(&home, &mut tui, QUIT_DIALOG);
    tui.expect_question("role", 2);
    tui.send_key(Key::Esc);
    tui.expect_question("goal", 1);
    tui.send_key(Key::Esc);
    tui.expect_all(&[WELCOME, CONTINUE]);
    tui.start_new_plan();
    tui.expect_dialog(START_OVER, &["Your answers so far will be dropped."]);
    enter_keeps(&home, &mut tui, START_OVER);
    tui.expect_all(&[WELCOME, CONTINUE]);

    tui.quit_confirmed();
    assert_eq!(home.saved_names(), ["alpha", "beta"]);
}

// ---------------------------------------------------------------------------
// 2. "Start a new plan" over an unsaved plan asks first
// ---------------------------------------------------------------------------

/// Catches "Start a new plan" dropping an unsaved plan without asking (issue 12), `n` dropping
/// it anyway, and `y` not starting over.
#[test]
fn starting_a_new_plan_over_an_unsaved_plan_asks_first() {
    let mut tui = Tui::start();
    tui.accept_defaults_to_summary();
    make_plan(&mut tui, engine_plan(&[]).strategy.id.as_str());
    let made = tui.check("the plan screen", plan_view);

    // To the welcome screen, the plan kept but not saved.
    tui.send_key(Key::Char('w'));
    tui.expect_all(&[WELCOME, BACK_TO_PLAN]);
    tui.start_new_plan();
    tui.expect_dialog(
        START_OVER,
        &[
            "Your unsaved plan will be dropped.",
            "y start over · n/Esc/Enter keep my work",
        ],
    );

    // n keeps it: back to the same plan.
    tui.send_key(Key::Char('n'));
    tui.expect_gone(START_OVER);
    tui.expect_all(&[WELCOME, BACK_TO_PLAN]);
    tui.highlight(BACK_TO_PLAN);
    tui.send_key(Key::Enter);
    assert_eq!(tui.check("the plan kept", plan_view), made);

    // y starts over: the first question, and nothing left to go back to.
    tui.send_key(Key::Char('w'));
    tui.expect_all(&[WELCOME, BACK_TO_PLAN]);
    tui.start_new_plan();
    tui.expect(START_OVER, T);
    tui.send_key(Key::Char('y'));
    tui.expect_question("goal", 1);
    tui.send_key(Key::Esc);
    tui.expect_all(&[WELCOME, NEW_PLAN, WELCOME_FOOTER]);
    let screen = tui.screen_text();
    assert!(
        !screen.contains(BACK_TO_PLAN) && !screen.contains(CONTINUE),
        "{}",
        tui.screen_dump()
    );
    // Nothing unsaved any more: q quits at once.
    tui.quit();
}

// ---------------------------------------------------------------------------
// 3. A deleted plan is restored
// ---------------------------------------------------------------------------

/// Catches a delete that loses the plan (no trash), a restore that brings back other bytes or
/// puts the plan where Saved plans does not list it, and a delete question that says it cannot
/// be undone. The session has no undo key (src/tui/screen/saved.rs, README): the restore is
/// `certwise plans restore NAME`, run here while the session is still open.
#[test]
fn a_deleted_plan_is_restored_with_plans_restore() {
    let home = Home::new();
    let file = seed(&home, "Keep me", &[("goal", "promotion")], false);
    seed(&home, "other", &[], false);
    let bytes = std::fs::read(&file).unwrap();

    let mut tui = home.launch();
    tui.choose(OPEN_SAVED);
    tui.expect_all(&["Keep me", "other"]);
    tui.highlight("Keep me");
    tui.send_key(Key::Char('d'));
    tui.expect_dialog(
        "Delete?",
        &[
            "\"Keep me\"",
            "certwise plans restore",
            "y delete · n/Esc/Enter keep",
        ],
    );
    tui.send_key(Key::Char('y'));
    tui.expect_gone("Delete?");
    tui.expect_status("Deleted \"Keep me\" (kept in the trash).");
    tui.expect_gone_from_body("Keep me");
    assert!(!file.exists());
    assert_eq!(home.saved_names(), ["other"]);

    let out = home
        .command(support::tui::BIN)
        .arg("--data-dir")
        .arg(home.data())
        .args(["plans", "restore", "Keep me"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "Restored \"Keep me\".\n"
    );

    // Listed again (the list is read when it is opened), byte for byte as before.
    tui.send_key(Key::Esc);
    tui.expect_all(&[WELCOME, WELCOME_FOOTER]);
    tui.choose(OPEN_SAVED);
    tui.expect_all(&["Keep me", "other"]);
    let (restored, _) = home.saved("Keep me");
    assert_eq!(
        std::fs::read(&restored).unwrap(),
        bytes,
        "restored other bytes"
    );
    assert_eq!(
        std::fs::metadata(&restored).unwrap().permissions().mode() & 0o777,
        0o600
    );
    tui.highlight("Keep me");
    tui.send_key(Key::Enter);
    tui.expect_title("Your plan · Keep me");
    tui.quit();
}
