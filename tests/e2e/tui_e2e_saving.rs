//! End-to-end tests of saving (issue 4): the real `certwise` binary in a pseudo-terminal, driven
//! by keys alone, with its data folder in a temporary directory that outlives each launch, so a
//! test can quit, launch again and find its plans (see `tests/support/pty.rs` and
//! `tests/support/tui.rs`).
//!
//! Each step waits for the next screen's own text before pressing the next key.

#![cfg(unix)]
#![allow(clippy::unwrap_used)]

use crate::support;

use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};

use certwise::interview::Answers;
use certwise::store::{Listing, SavedPlan, Store};
use support::pty::{Key, Signal};
use support::tui::Answer::{Digit, Keep, Type};
use support::tui::{
    CONTINUE, DEVELOPER, Home, NEW_PLAN, PlanView, Script, T, Tui, WELCOME, WELCOME_FOOTER,
    answer_interview, body_row, engine_plan, kb, make_plan, option_label, plan_view, row_text,
    script_answers, strategy_name,
};

pub(crate) const OPEN_SAVED: &str = "Open a saved plan";
const ANOTHER_COPY: &str = "Another certwise is running with this data folder";

// ---------------------------------------------------------------------------
// The saved plans in the home's data folder, which outlives each launch
// ---------------------------------------------------------------------------

impl Home {
    fn plans(&self) -> PathBuf {
        self.data().join("plans")
    }

    pub(crate) fn store(&self) -> Store {
        Store::open(self.data()).unwrap()
    }

    /// The names of the plans on disk that load.
    pub(crate) fn saved_names(&self) -> Vec<String> {
        self.store()
            .list()
            .unwrap()
            .into_iter()
            .filter_map(|l| match l {
                Listing::Plan { plan, .. } => Some(plan.name),
                Listing::Unreadable { .. } => None,
            })
            .collect()
    }

    /// The file and contents of the saved plan called `name`.
    pub(crate) fn saved(&self, name: &str) -> (PathBuf, SavedPlan) {
        self.store()
            .list()
            .unwrap()
            .into_iter()
            .find_map(|l| match l {
                Listing::Plan { file, plan } if plan.name == name => Some((file, *plan)),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no saved plan {name:?} in {}", self.plans().display()))
    }

    /// Saves the default-answer plan under `name`, as another launch would have.
    fn seed_plan(&self, name: &str) {
        let answers = Answers::new();
        let plan = certwise::advisor::plan(kb(), &answers).unwrap();
        let saved = SavedPlan::new(name, answers, plan, jiff::Timestamp::now());
        self.store().save(&saved, false).unwrap();
    }

    /// Files in `plans/` whose name starts with `prefix`.
    fn plan_files(&self, prefix: &str) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(self.plans())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(prefix))
            })
            .collect();
        files.sort();
        files
    }
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

// ---------------------------------------------------------------------------
// Dialogs
// ---------------------------------------------------------------------------

impl Tui {
    /// Waits for a dialog titled `title` whose text holds each of `phrases` (however wrapped).
    pub(crate) fn expect_dialog(&self, title: &str, phrases: &[&str]) {
        self.check(&format!("a {title:?} dialog with {phrases:?}"), |s| {
            let text = dialog_text(s, title).ok_or(format!("no {title:?} dialog"))?;
            match phrases.iter().find(|p| !text.contains(&words(p))) {
                Some(p) => Err(format!("{p:?} is not in the dialog: {text:?}")),
                None => Ok(()),
            }
        });
    }

    /// Waits until no row below the title bar shows `text`.
    pub(crate) fn expect_gone_from_body(&self, text: &str) {
        self.wait(&format!("{text:?} to leave the body"), |s| {
            body_row(s, text).is_none()
        });
    }

    /// The text in the open name dialog (between its border and the `▏` cursor).
    fn name_field(&self) -> Option<String> {
        self.with_screen(name_field)
    }

    /// Waits for the name dialog titled `title` (drawn down to its key hints) and returns the
    /// text in its field.
    pub(crate) fn expect_name_dialog(&self, title: &str) -> String {
        self.check(&format!("the {title:?} dialog"), |s| {
            dialog_text(s, title)
                .filter(|t| t.ends_with("Enter: done Esc: cancel"))
                .and_then(|_| name_field(s))
                .ok_or(format!("no {title:?} dialog"))
        })
    }

    /// Empties the name dialog's field with Backspace.
    pub(crate) fn clear_name(&mut self) {
        let text = self
            .name_field()
            .unwrap_or_else(|| panic!("no name dialog\n{}", self.screen_dump()));
        for _ in text.chars() {
            self.send_key(Key::Backspace);
        }
        self.wait("the name field to be empty", |s| {
            name_field(s).is_some_and(|t| t.is_empty())
        });
    }

    /// Types `text` into the name dialog and waits until the field shows `expect`.
    pub(crate) fn type_name(&mut self, text: &str, expect: &str) {
        self.send_text(text);
        self.wait(&format!("the name field to show {expect:?}"), |s| {
            name_field(s).as_deref() == Some(expect)
        });
    }

    /// On the plan screen: `s`, the name dialog (with its default), a new name, Enter.
    pub(crate) fn save_as(&mut self, name: &str) {
        self.send_key(Key::Char('s'));
        self.expect_name_dialog("Save plan as");
        self.clear_name();
        self.type_name(name, name);
        self.send_key(Key::Enter);
    }
}

/// Words joined by single spaces.
pub(crate) fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text inside the bordered dialog titled `title`, its lines joined by spaces.
pub(crate) fn dialog_text(s: &vt100::Screen, title: &str) -> Option<String> {
    let rows = crate::support::pty::grid(s).0;
    let top_line = format!("┌ {title} ");
    let top = (0..rows).find(|&r| row_text(s, r).contains(&top_line))?;
    let line: Vec<char> = row_text(s, top).chars().collect();
    let left = line.iter().position(|c| *c == '┌')?;
    let right = left + line[left..].iter().position(|c| *c == '┐')?;
    let mut text = Vec::new();
    for r in top + 1..rows {
        let line: Vec<char> = row_text(s, r).chars().collect();
        if line.get(left) == Some(&'└') {
            return Some(words(&text.join(" ")));
        }
        let inner: String = line
            .get(left + 1..right.min(line.len()))
            .unwrap_or_default()
            .iter()
            .collect();
        text.push(inner);
    }
    None
}

fn name_field(s: &vt100::Screen) -> Option<String> {
    (0..crate::support::pty::grid(s).0).find_map(|r| {
        let line = row_text(s, r);
        let (before, _) = line.split_once('▏')?;
        let (_, text) = before.rsplit_once("│ ")?;
        Some(text.to_owned())
    })
}

// ---------------------------------------------------------------------------
// Scripts
// ---------------------------------------------------------------------------

/// Leads to the career-changer strategy.
const CAREER_CHANGER: Script = &[
    ("goal", Digit(3)),
    ("role", Digit(1)),
    ("field", Keep),
    ("ai_experience", Keep),
    ("governance_focus", Keep),
    ("target_platform", Digit(1)),
    ("target_employer", Digit(3)),
    ("industry", Keep),
    ("market", Digit(1)),
    ("learning_style", Digit(1)),
    ("uses_ai_at_work", Digit(3)),
    ("hours_per_week", Type("6")),
    ("budget_usd", Type("500")),
];

/// Waits until the plan screen shows the engine's plan for `script` (its split, its top
/// recommendation first and highlighted), and returns what it shows.
fn check_plan(tui: &Tui, script: Script, strategy: &str) -> PlanView {
    support::tui::check_plan(tui, &script_answers(script), strategy, &[])
}

// ---------------------------------------------------------------------------
// 1. Save, quit, launch again, open: the same plan; progress is kept
// ---------------------------------------------------------------------------

#[test]
fn a_saved_plan_reopens_as_it_was_and_keeps_its_progress() {
    let home = Home::new();
    let mut tui = home.launch();
    answer_interview(&mut tui, CAREER_CHANGER);
    make_plan(&mut tui, "career-changer");
    let before = check_plan(&tui, CAREER_CHANGER, "career-changer");

    // The dialog offers the strategy and the date; Backspace, typing and Enter edit it.
    tui.send_key(Key::Char('s'));
    let default = tui.expect_name_dialog("Save plan as");
    let strategy = strategy_name("career-changer");
    assert!(
        default.starts_with(&format!("{strategy} 20")),
        "default name {default:?}"
    );
    // Drop the date (" YYYY-MM-DD"), keep the strategy, add words in any language.
    for _ in 0..11 {
        tui.send_key(Key::Backspace);
    }
    tui.wait("the date deleted", |s| {
        name_field(s).as_deref() == Some(strategy)
    });
    let name = format!("{strategy} — my first plan, für 2027");
    tui.type_name(" — my first plan, für 2027", &name);
    tui.send_key(Key::Enter);
    tui.expect_gone("Save plan as");
    // The message keeps its start even when the name makes it longer than its half of the row.
    tui.expect_status(&format!("Saved \"{strategy}"));
    assert_eq!(home.saved_names(), std::slice::from_ref(&name));
    let (file, saved) = home.saved(&name);
    assert_eq!(file.extension().unwrap(), "ron");
    assert_eq!(mode(&file), 0o600, "{} is not owner-only", file.display());
    assert_eq!(saved.plan, engine_plan(&script_answers(CAREER_CHANGER)));
    let bytes = std::fs::read(&file).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.contains("version:"), "{text}");
    assert!(
        !home.data().join("session.ron").exists(),
        "a saved plan needs no resume point"
    );

    // Saved: q quits without asking.
    tui.quit();

    // Launched again (this time through CERTWISE_DATA_DIR): nothing to continue; open the plan.
    let mut tui = home.launch_with_env();
    assert!(
        !tui.screen_text().contains(CONTINUE),
        "{}",
        tui.screen_dump()
    );
    tui.choose(OPEN_SAVED);
    tui.expect_all(&[&name, &format!("{strategy} · modified "), " done"]);
    tui.expect_highlight(strategy);
    tui.send_key(Key::Enter);
    tui.expect_all(&["Your plan", "Ranking ("]);
    tui.expect_title(&format!("Your plan · {strategy}"));
    let after = check_plan(&tui, CAREER_CHANGER, "career-changer");
    assert_eq!(
        after, before,
        "the reopened plan differs from the saved one"
    );
    // Esc goes back to the list it was opened from; Enter opens it again, unchanged.
    tui.send_key(Key::Esc);
    tui.expect_all(&[&name, &format!("{strategy} · modified ")]);
    tui.send_key(Key::Enter);
    tui.expect_title(&format!("Your plan · {strategy}"));
    assert_eq!(check_plan(&tui, CAREER_CHANGER, "career-changer"), before);
    // Opening and quitting writes nothing.
    tui.quit();
    assert_eq!(
        std::fs::read(&file).unwrap(),
        bytes,
        "opening rewrote the file"
    );

    progress_is_ticked_and_kept(&home, &name, &saved, &before, &file);
}

/// Progress on the reopened plan: ticked on the timeline, saved at once, counted the same in the
/// ranking, Saved plans and `certwise plans list`, and still there after a restart.
fn progress_is_ticked_and_kept(
    home: &Home,
    name: &str,
    saved: &certwise::store::SavedPlan,
    before: &PlanView,
    file: &std::path::Path,
) {
    let strategy = strategy_name("career-changer");
    // Progress: Space on the top row (a project the timeline schedules more than once) opens
    // the timeline at its first step; Space there marks it "doing", saved at once.
    let steps = saved.plan.timeline.len();
    let mut tui = home.launch();
    tui.choose(OPEN_SAVED);
    tui.expect_highlight(strategy);
    tui.send_key(Key::Enter);
    check_plan(&tui, CAREER_CHANGER, "career-changer");
    tui.send_key(Key::Char(' '));
    tui.expect_status("mark each one here");
    tui.send_key(Key::Char(' '));
    let counts = format!("0 of {steps} steps done, 1 started");
    tui.expect_all(&["[~]", &counts]);
    tui.expect_status("Saved");
    let marked = home.saved(name).1;
    assert_eq!(marked.counts().doing, 1, "{:?}", marked.progress);
    assert_eq!(mode(file), 0o600, "saving progress changed the mode");
    // Back on the ranking, the project's row shows it started.
    tui.send_key(Key::BackTab);
    tui.send_key(Key::BackTab);
    tui.send_key(Key::BackTab);
    let top = &before.ranking[0];
    tui.check("the top row marked [~]", |s| {
        let v = plan_view(s)?;
        match v.ranking.first() {
            Some(r) if r.starts_with("[~]") => Ok(()),
            other => Err(format!("top row {other:?}, expected [~] {top}")),
        }
    });
    // Saved plans and `certwise plans list` count the same.
    tui.send_key(Key::Esc);
    let short = format!("0/{steps} done");
    tui.expect_all(&[name, &short]);
    tui.quit();
    let out = home
        .command(env!("CARGO_BIN_EXE_certwise"))
        .arg("--data-dir")
        .arg(home.data())
        .args(["plans", "list"])
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(listed.contains(&short), "{listed}");

    // Launched again: the mark is still there.
    let mut tui = home.launch();
    tui.choose(OPEN_SAVED);
    tui.expect_highlight(strategy);
    tui.send_key(Key::Enter);
    tui.expect_all(&["[~]", &counts]);
    let reopened = check_plan(&tui, CAREER_CHANGER, "career-changer");
    assert!(reopened.ranking[0].starts_with("[~]"), "{reopened:?}");
    assert_eq!(
        reopened.ranking[1..],
        before.ranking[1..],
        "only the marked row changed"
    );
    tui.quit();
}

// ---------------------------------------------------------------------------
// 2. A taken name: "Replace?", and n keeps the old plan
// ---------------------------------------------------------------------------

#[test]
fn saving_a_second_plan_under_a_taken_name_asks_first() {
    let home = Home::new();
    let mut tui = home.launch();
    answer_interview(&mut tui, CAREER_CHANGER);
    make_plan(&mut tui, "career-changer");
    // The default name, accepted as it is.
    tui.send_key(Key::Char('s'));
    let mine = tui.expect_name_dialog("Save plan as");
    tui.send_key(Key::Enter);
    tui.expect_status(&format!("Saved \"{mine}\"."));
    tui.quit();
    let mine = mine.as_str();
    let (file, first) = home.saved(mine);
    let bytes = std::fs::read(&file).unwrap();
    assert_eq!(first.plan.strategy.id, "career-changer");

    let mut tui = home.launch();
    answer_interview(&mut tui, DEVELOPER);
    make_plan(&mut tui, "developer");
    check_plan(&tui, DEVELOPER, "developer");
    tui.save_as(mine);
    tui.expect_dialog(
        "Replace?",
        &[&format!("A plan named \"{mine}\" exists. Replace it?")],
    );

    // n: nothing is written; the plan stays on screen, unsaved.
    tui.send_key(Key::Char('n'));
    tui.expect_gone("Replace?");
    tui.expect_all(&["Your plan", "Ranking ("]);
    assert!(!row_text_now(&tui, 0).contains("Saved"));
    assert_eq!(std::fs::read(&file).unwrap(), bytes, "n changed the file");
    assert_eq!(home.saved_names(), [mine]);

    // Esc in the dialog cancels too.
    tui.send_key(Key::Char('s'));
    tui.expect("Save plan as", T);
    tui.send_key(Key::Esc);
    tui.expect_gone("Save plan as");
    assert_eq!(std::fs::read(&file).unwrap(), bytes, "Esc changed the file");

    // y replaces it; the previous save is kept aside.
    tui.save_as(mine);
    tui.expect("Replace?", T);
    tui.send_key(Key::Char('y'));
    tui.expect_status(&format!("Saved \"{mine}\"."));
    let (file_after, second) = home.saved(mine);
    assert_eq!(file_after, file, "replaced in place");
    assert_eq!(second.plan.strategy.id, "developer");
    assert_eq!(home.saved_names(), [mine]);
    assert_eq!(mode(&file), 0o600);
    tui.quit();
}

fn row_text_now(tui: &Tui, row: u16) -> String {
    tui.with_screen(|s| row_text(s, row))
}

// ---------------------------------------------------------------------------
// 3. Rename, copy and delete from the saved list
// ---------------------------------------------------------------------------

#[test]
fn rename_copy_and_delete_from_the_saved_list_by_keys() {
    let home = Home::new();
    home.seed_plan("alpha");
    home.seed_plan("zeta");
    let (alpha_file, _) = home.saved("alpha");

    let mut tui = home.launch();
    tui.choose(OPEN_SAVED);
    tui.expect_all(&["alpha", "zeta", "Enter opens a plan"]);
    tui.expect_highlight("alpha");

    // Rename: the dialog starts with the current name.
    tui.send_key(Key::Char('r'));
    assert_eq!(tui.expect_name_dialog("Rename plan"), "alpha");
    tui.clear_name();
    // Taken by another plan: said in the dialog, nothing changes.
    tui.type_name("zeta", "zeta");
    tui.send_key(Key::Enter);
    tui.expect("\"zeta\" is taken; choose another name.", T);
    tui.clear_name();
    tui.type_name("beta", "beta");
    tui.send_key(Key::Enter);
    tui.expect_gone("Rename plan");
    tui.expect_status("Renamed to \"beta\".");
    tui.expect_all(&["beta", "zeta"]);
    tui.expect_highlight("beta");
    assert_eq!(home.saved_names(), ["beta", "zeta"]);
    assert_eq!(home.saved("beta").0, alpha_file, "renaming keeps the file");

    // Copy: "NAME (copy)" is offered; a copy under its own name is refused in the dialog.
    tui.send_key(Key::Char('c'));
    assert_eq!(tui.expect_name_dialog("Copy plan as"), "beta (copy)");
    for _ in 0.." (copy)".len() {
        tui.send_key(Key::Backspace);
    }
    tui.wait("the field to read beta", |s| {
        name_field(s).as_deref() == Some("beta")
    });
    tui.send_key(Key::Enter);
    tui.expect_all(&["Copy plan as", "\"beta\" is taken; choose another name."]);
    tui.type_name(" 2", "beta 2");
    tui.expect_gone("is taken");
    tui.send_key(Key::Enter);
    tui.expect_gone("Copy plan as");
    tui.expect_status("Copied as \"beta 2\".");
    tui.expect_all(&["beta 2", "zeta"]);
    assert_eq!(home.saved_names(), ["beta", "beta 2", "zeta"]);
    let copy_file = home.saved("beta 2").0;
    assert_eq!(mode(&copy_file), 0o600);
    assert_eq!(home.saved("beta 2").1.plan, home.saved("beta").1.plan);

    // Delete asks first; n keeps the plan.
    tui.highlight("beta 2");
    tui.send_key(Key::Char('d'));
    tui.expect_dialog(
        "Delete?",
        &["Delete the saved plan \"beta 2\"? It goes to the trash: certwise plans restore \"beta 2\" brings it back."],
    );
    tui.send_key(Key::Char('n'));
    tui.expect_gone("Delete?");
    assert_eq!(home.saved_names(), ["beta", "beta 2", "zeta"]);

    // d, y deletes it.
    tui.send_key(Key::Char('d'));
    tui.expect("Delete?", T);
    tui.send_key(Key::Char('y'));
    tui.expect_gone("Delete?");
    tui.expect_status("Deleted \"beta 2\" (kept in the trash).");
    tui.expect_gone_from_body("beta 2");
    assert_eq!(home.saved_names(), ["beta", "zeta"]);
    assert!(!copy_file.exists());

    // Esc: back to the welcome screen; nothing unsaved, q quits.
    tui.send_key(Key::Esc);
    tui.expect_all(&[WELCOME, WELCOME_FOOTER]);
    tui.quit();
}

// ---------------------------------------------------------------------------
// 4. Killed mid-interview: the next launch resumes
// ---------------------------------------------------------------------------

#[test]
fn after_sigkill_mid_interview_the_next_launch_resumes() {
    let home = Home::new();
    let mut tui = home.launch();
    tui.choose(NEW_PLAN);
    tui.expect_question("goal", 1);
    tui.send_key(Key::Char('1')); // get-into-ai
    tui.expect_question("role", 2);
    tui.send_key(Key::Char('5')); // student
    tui.expect_question("ai_experience", 3);
    tui.send_key(Key::Char('3')); // hands-on
    tui.expect_question("projects_built", 4);

    tui.kill_with(Signal::Kill);
    let status = tui.wait_exit(T).expect("no exit after SIGKILL");
    assert!(!status.success(), "{status:?}");
    drop(tui);
    assert!(home.data().join("session.ron").exists());

    let mut tui = home.launch();
    tui.expect_all(&[CONTINUE, NEW_PLAN]);
    tui.expect_highlight(CONTINUE);
    tui.send_key(Key::Enter);
    tui.expect_question("projects_built", 4);

    // The earlier answers are kept: each is highlighted and ticked on the way back.
    tui.send_key(Key::Left);
    tui.expect_question("ai_experience", 3);
    tui.expect_highlight(&format!("{} ✓", option_label("ai_experience", 3)));
    tui.send_key(Key::Left);
    tui.expect_question("role", 2);
    tui.expect_highlight(&format!("{} ✓", option_label("role", 5)));
    tui.send_key(Key::Left);
    tui.expect_question("goal", 1);
    tui.expect_highlight(&format!("{} ✓", option_label("goal", 1)));

    // Forward again to where it stopped, and on.
    tui.send_key(Key::Right);
    tui.expect_question("role", 2);
    tui.send_key(Key::Right);
    tui.expect_question("ai_experience", 3);
    tui.send_key(Key::Right);
    tui.expect_question("projects_built", 4);
    tui.send_key(Key::Char('2')); // one-or-two
    let mut answers = Answers::new();
    for (id, value) in [
        ("goal", "get-into-ai"),
        ("role", "student"),
        ("ai_experience", "hands-on"),
        ("projects_built", "one-or-two"),
    ] {
        answers.set(kb(), id, value).unwrap();
    }
    let fifth = certwise::interview::Resolved::new(kb(), &answers)
        .asked()
        .nth(4)
        .map(|(q, _)| q.id.clone())
        .unwrap();
    tui.expect_question(&fifth, 5);
    tui.quit_confirmed();
}

// ---------------------------------------------------------------------------
// 5. Two copies with one data folder
// ---------------------------------------------------------------------------

#[test]
fn a_second_copy_is_told_that_another_certwise_is_running() {
    let home = Home::new();
    let mut first = home.launch();

    let mut second = home.spawn();
    second.expect_dialog(
        "Note",
        &[
            ANOTHER_COPY,
            "only the other one keeps its interview for resuming",
        ],
    );
    second.send_key(Key::Esc);
    second.expect_gone(ANOTHER_COPY);
    second.expect_all(&[WELCOME, WELCOME_FOOTER]);

    // The second copy does not keep its interview (the first one does).
    second.choose(NEW_PLAN);
    second.expect_question("goal", 1);
    second.send_key(Key::Char('2'));
    second.expect_question("role", 2);
    let session = home.data().join("session.ron");
    assert!(!session.exists(), "the second copy kept its interview");

    first.choose(NEW_PLAN);
    first.expect_question("goal", 1);
    first.send_key(Key::Char('4'));
    first.expect_question("role", 2);
    assert!(
        session.exists(),
        "the first copy did not keep its interview"
    );

    second.quit_confirmed();
    first.quit_confirmed();

    // Alone again: no notice, and the first copy's answers are offered.
    let mut third = home.launch();
    third.expect(CONTINUE, T);
    assert!(
        !third.screen_text().contains(ANOTHER_COPY),
        "{}",
        third.screen_dump()
    );
    third.send_key(Key::Enter);
    third.expect_question("role", 2);
    third.send_key(Key::Left);
    third.expect_highlight(&format!("{} ✓", option_label("goal", 4)));
    third.quit_confirmed();
}

// ---------------------------------------------------------------------------
// 6. A corrupt file: listed as unreadable, left where it is, never overwritten
// ---------------------------------------------------------------------------

#[test]
fn a_corrupt_plan_file_is_listed_as_unreadable_and_left_alone() {
    let home = Home::new();
    home.seed_plan("keeper");
    let garbage: &[u8] = b"\xff\xfe(SavedPlan: garbage, \x00 not RON at all (((";
    let broken = home.plans().join("broken.ron");
    std::fs::write(&broken, garbage).unwrap();

    let mut tui = home.launch();
    tui.choose(OPEN_SAVED);
    tui.expect_all(&["keeper", "broken.ron", "unreadable: "]);

    // Listing only reads: the file is where it was, byte for byte.
    assert_eq!(std::fs::read(&broken).unwrap(), garbage);
    assert!(home.plan_files("broken.ron.corrupt-").is_empty());

    // Enter on it explains; it does not open.
    tui.highlight("broken.ron");
    tui.send_key(Key::Enter);
    tui.expect_dialog("Note", &["does not load:", "never overwrites it"]);
    tui.send_key(Key::Esc);
    tui.expect_gone("does not load");
    tui.expect_all(&["keeper", "unreadable: "]);

    // A new plan saved under the broken file's name takes another file name.
    tui.send_key(Key::Esc);
    tui.expect_all(&[WELCOME, WELCOME_FOOTER]);
    tui.accept_defaults_to_summary();
    make_plan(&mut tui, engine_plan(&[]).strategy.id.as_str());
    tui.save_as("broken");
    tui.expect_status("Saved \"broken\".");
    assert_eq!(home.saved_names(), ["broken", "keeper"]);
    assert_eq!(std::fs::read(&broken).unwrap(), garbage, "overwritten");
    tui.quit();

    // Listed again on the next launch, still unreadable, still the same file.
    let mut tui = home.launch();
    tui.choose(OPEN_SAVED);
    tui.expect_all(&["broken", "keeper", "broken.ron", "unreadable: "]);
    assert_eq!(std::fs::read(&broken).unwrap(), garbage);
    tui.send_key(Key::Esc);
    tui.expect_all(&[WELCOME, WELCOME_FOOTER]);
    tui.quit();
}
