//! End-to-end tests of saving (issue 4): the real `certwise` binary in a pseudo-terminal, driven
//! by keys alone, with its data folder in a temporary directory that outlives each launch, so a
//! test can quit, launch again and find its plans (see `tests/support/pty.rs`).
//!
//! Each step waits for the next screen's own text before pressing the next key.

#![cfg(unix)]
#![allow(clippy::unwrap_used)]

mod support;

use std::ops::{Deref, DerefMut};
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use certwise::advisor::Plan;
use certwise::interview::Answers;
use certwise::knowledge::{Choice, Knowledge, Question, QuestionKind};
use certwise::store::{Listing, SavedPlan, Store};
use support::pty::{Key, Session, SessionBuilder, Signal};
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_certwise");

/// Generous: a debug build on a busy 2-core machine, test binaries running in parallel.
const T: Duration = Duration::from_secs(10);

const WELCOME: &str = "Is an AI certification worth it for you?";
/// The welcome footer: drawn last, so the whole first frame is on screen once it shows.
const WELCOME_FOOTER: &str = "Enter choose";
const SUMMARY_LAST_ROW: &str = "→ Make my plan";
const QUIT_DIALOG: &str = "Quit certwise?";
const CONTINUE: &str = "Continue with my answers";
const NEW_PLAN: &str = "Start a new plan";
const OPEN_SAVED: &str = "Open a saved plan";
const ANOTHER_COPY: &str = "Another certwise is running with this data folder";

fn kb() -> &'static Knowledge {
    Knowledge::embedded().unwrap()
}

fn question(id: &str) -> &'static Question {
    kb().question(id)
        .unwrap_or_else(|| panic!("no question {id:?} in assets/questions.ron"))
}

fn options(q: &Question) -> &[Choice] {
    match &q.kind {
        QuestionKind::Choice(options) => options,
        QuestionKind::Number { .. } => panic!("{} is a number question", q.id),
    }
}

/// The label of option `n` (1-based) of question `id`.
fn option_label(id: &str, n: usize) -> &'static str {
    &options(question(id))[n - 1].label
}

fn strategy_name(id: &str) -> &'static str {
    &kb()
        .strategy(id)
        .unwrap_or_else(|| panic!("no strategy {id:?} in assets/strategies.ron"))
        .name
}

// ---------------------------------------------------------------------------
// A home with a data folder that outlives each launch
// ---------------------------------------------------------------------------

/// A temporary HOME with the data folder `HOME/data`; removed when the test ends.
struct Home {
    dir: TempDir,
}

impl Home {
    fn new() -> Home {
        Home {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn plans(&self) -> PathBuf {
        self.data().join("plans")
    }

    fn store(&self) -> Store {
        Store::open(self.data()).unwrap()
    }

    /// HOME and the XDG folders in the temporary home, so nothing touches the real one.
    fn builder(&self) -> SessionBuilder {
        let home = self.dir.path();
        Session::builder(BIN)
            .cwd(home)
            .env("HOME", home)
            .env("XDG_DATA_HOME", home.join("xdg-data"))
            .env("XDG_CONFIG_HOME", home.join("xdg-config"))
            .env_remove("CERTWISE_DATA_DIR")
            .env_remove("NO_COLOR")
            .size(80, 24)
    }

    /// `certwise --data-dir HOME/data`, without waiting for anything.
    fn spawn(&self) -> Tui {
        let data = self.data();
        Tui {
            session: self
                .builder()
                .args(&["--data-dir", data.to_str().unwrap()])
                .spawn(),
        }
    }

    /// `certwise --data-dir HOME/data`, on its welcome screen.
    fn launch(&self) -> Tui {
        let tui = self.spawn();
        tui.expect_all(&[WELCOME, WELCOME_FOOTER]);
        tui
    }

    /// `certwise` with `CERTWISE_DATA_DIR=HOME/data`, on its welcome screen.
    fn launch_with_env(&self) -> Tui {
        let tui = Tui {
            session: self.builder().env("CERTWISE_DATA_DIR", self.data()).spawn(),
        };
        tui.expect_all(&[WELCOME, WELCOME_FOOTER]);
        tui
    }

    /// The names of the plans on disk that load.
    fn saved_names(&self) -> Vec<String> {
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
    fn saved(&self, name: &str) -> (PathBuf, SavedPlan) {
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
// A certwise session in a PTY
// ---------------------------------------------------------------------------

/// A running `certwise`. Derefs to the PTY [`Session`].
struct Tui {
    session: Session,
}

impl Deref for Tui {
    type Target = Session;
    fn deref(&self) -> &Session {
        &self.session
    }
}

impl DerefMut for Tui {
    fn deref_mut(&mut self) -> &mut Session {
        &mut self.session
    }
}

impl Tui {
    /// Waits until `pred` holds for the screen; panics with the screen otherwise.
    fn wait(&self, what: &str, pred: impl FnMut(&vt100::Screen) -> bool) {
        self.wait_until(what, T, pred)
            .unwrap_or_else(|e| panic!("{e}"));
    }

    /// Waits until `check` passes for the screen and returns what it found; panics with its last
    /// complaint and the screen. Polled, because a frame may arrive in several reads.
    fn check<R>(
        &self,
        what: &str,
        mut check: impl FnMut(&vt100::Screen) -> Result<R, String>,
    ) -> R {
        let mut last = String::new();
        let mut found = None;
        let result = self.wait_until(what, T, |s| match check(s) {
            Ok(r) => {
                found = Some(r);
                true
            }
            Err(e) => {
                last = e;
                false
            }
        });
        if let Err(e) = result {
            panic!("{last}\n{e}");
        }
        found.unwrap()
    }

    fn expect_all(&self, texts: &[&str]) {
        self.wait(&format!("screen to contain all of {texts:?}"), |s| {
            let c = s.contents();
            texts.iter().all(|t| c.contains(t))
        });
    }

    fn expect_gone(&self, text: &str) {
        self.wait(&format!("{text:?} to disappear"), |s| {
            !s.contents().contains(text)
        });
    }

    /// Waits for the title bar (the top row) to contain `text`.
    fn expect_title(&self, text: &str) {
        self.wait(&format!("the title bar to contain {text:?}"), |s| {
            row_text(s, 0).contains(text)
        });
    }

    /// Waits for a question, checking the progress line says it is question `n` (1-based).
    fn expect_question(&self, id: &str, n: usize) {
        let prompt = &question(id).prompt;
        let progress = format!("Question {n} of ");
        self.wait(&format!("question {id} as {progress:?}"), |s| {
            let c = s.contents();
            c.contains(prompt.as_str()) && c.contains(&progress)
        });
    }

    /// Waits until the list highlight (`▶` in reverse video) is on a row containing `text`.
    fn expect_highlight(&self, text: &str) {
        self.wait(&format!("highlight on {text:?}"), |s| {
            (0..s.size().0)
                .any(|r| row_text(s, r).contains('▶') && inverse_text(s, r).contains(text))
        });
    }

    /// Moves the highlight of a list (welcome menu, saved plans) onto the item showing `text`,
    /// one key at a time (an item can take several rows).
    fn highlight(&mut self, text: &str) {
        for _ in 0..30 {
            let (target, now) = self.with_screen(|s| (body_row(s, text), highlighted_row(s)));
            let (Some(target), Some(now)) = (target, now) else {
                panic!("no {text:?} or no highlight\n{}", self.screen_dump());
            };
            if self.with_screen(|s| inverse_text(s, now).contains(text)) {
                return;
            }
            self.send_key(if target > now { Key::Down } else { Key::Up });
            self.wait("the highlight to move", |s| highlighted_row(s) != Some(now));
        }
        panic!(
            "cannot move the highlight to {text:?}\n{}",
            self.screen_dump()
        );
    }

    /// Waits for a dialog titled `title` whose text holds each of `phrases` (however wrapped).
    fn expect_dialog(&self, title: &str, phrases: &[&str]) {
        self.check(&format!("a {title:?} dialog with {phrases:?}"), |s| {
            let text = dialog_text(s, title).ok_or(format!("no {title:?} dialog"))?;
            match phrases.iter().find(|p| !text.contains(&words(p))) {
                Some(p) => Err(format!("{p:?} is not in the dialog: {text:?}")),
                None => Ok(()),
            }
        });
    }

    /// Waits until no row below the title bar shows `text`.
    fn expect_gone_from_body(&self, text: &str) {
        self.wait(&format!("{text:?} to leave the body"), |s| {
            body_row(s, text).is_none()
        });
    }

    /// From the welcome screen: highlight the menu item and choose it.
    fn choose(&mut self, item: &str) {
        self.expect_all(&[WELCOME, item]);
        self.highlight(item);
        self.send_key(Key::Enter);
        self.expect_gone(WELCOME);
    }

    /// The program exits with status 0 and gives the terminal back.
    fn assert_clean_exit(&self, how: &str) {
        let status = self
            .wait_exit(T)
            .unwrap_or_else(|| panic!("no exit after {how}\n{}", self.screen_dump()));
        assert!(
            status.success(),
            "exit after {how}: {status:?}\n{}",
            self.screen_dump()
        );
        self.assert_terminal_restored()
            .unwrap_or_else(|e| panic!("after {how}: {e}"));
    }

    /// `q` quits at once: nothing unsaved.
    fn quit(&mut self) {
        self.send_key(Key::Char('q'));
        self.assert_clean_exit("q with nothing unsaved");
    }

    /// `q` asks first (unsaved work); `y` quits.
    fn quit_confirmed(&mut self) {
        self.send_key(Key::Char('q'));
        self.expect(QUIT_DIALOG, T);
        self.send_key(Key::Char('y'));
        self.assert_clean_exit("q, y");
    }

    /// The text in the open name dialog (between its border and the `▏` cursor).
    fn name_field(&self) -> Option<String> {
        self.with_screen(name_field)
    }

    /// Waits for the name dialog titled `title` (drawn down to its key hints) and returns the
    /// text in its field.
    fn expect_name_dialog(&self, title: &str) -> String {
        self.check(&format!("the {title:?} dialog"), |s| {
            dialog_text(s, title)
                .filter(|t| t.ends_with("Enter: done Esc: cancel"))
                .and_then(|_| name_field(s))
                .ok_or(format!("no {title:?} dialog"))
        })
    }

    /// Empties the name dialog's field with Backspace.
    fn clear_name(&mut self) {
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
    fn type_name(&mut self, text: &str, expect: &str) {
        self.send_text(text);
        self.wait(&format!("the name field to show {expect:?}"), |s| {
            name_field(s).as_deref() == Some(expect)
        });
    }

    /// On the plan screen: `s`, the name dialog (with its default), a new name, Enter.
    fn save_as(&mut self, name: &str) {
        self.send_key(Key::Char('s'));
        self.expect_name_dialog("Save plan as");
        self.clear_name();
        self.type_name(name, name);
        self.send_key(Key::Enter);
    }
}

/// The text of one screen row (wide characters once), trailing blanks trimmed.
fn row_text(s: &vt100::Screen, row: u16) -> String {
    let cols = s.size().1;
    (0..cols)
        .filter_map(|c| s.cell(row, c))
        .map(|cell| {
            if cell.has_contents() {
                cell.contents()
            } else if cell.is_wide_continuation() {
                ""
            } else {
                " "
            }
        })
        .collect::<String>()
        .trim_end()
        .to_owned()
}

/// The text of the reverse-video cells of one row.
fn inverse_text(s: &vt100::Screen, row: u16) -> String {
    let cols = s.size().1;
    (0..cols)
        .filter_map(|c| s.cell(row, c))
        .filter(|cell| cell.inverse() && !cell.is_wide_continuation())
        .map(|cell| {
            if cell.has_contents() {
                cell.contents()
            } else {
                " "
            }
        })
        .collect()
}

/// The first row between the title bar and the footer that shows `text`.
fn body_row(s: &vt100::Screen, text: &str) -> Option<u16> {
    (1..s.size().0.saturating_sub(1)).find(|&r| row_text(s, r).contains(text))
}

/// The row of the list highlight: `▶` in reverse video.
fn highlighted_row(s: &vt100::Screen) -> Option<u16> {
    (0..s.size().0).find(|&r| row_text(s, r).contains('▶') && inverse_text(s, r).contains('▶'))
}

/// Words joined by single spaces.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text inside the bordered dialog titled `title`, its lines joined by spaces.
fn dialog_text(s: &vt100::Screen, title: &str) -> Option<String> {
    let rows = s.size().0;
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
    (0..s.size().0).find_map(|r| {
        let line = row_text(s, r);
        let (before, _) = line.split_once('▏')?;
        let (_, text) = before.rsplit_once("│ ")?;
        Some(text.to_owned())
    })
}

// ---------------------------------------------------------------------------
// Answering by keys, and the plan on screen
// ---------------------------------------------------------------------------

/// How a test answers one question.
#[derive(Debug, Clone, Copy)]
enum Answer {
    /// Press the option's digit (1-based): picks it and goes on.
    Digit(usize),
    /// → keeps the highlighted option or the prefilled number.
    Keep,
    /// Type the number and press Enter.
    Type(&'static str),
}

use Answer::{Digit, Keep, Type};

impl Answer {
    fn value(self, q: &Question) -> String {
        match self {
            Digit(n) => options(q)[n - 1].value.clone(),
            Keep => q.default.clone(),
            Type(text) => text.to_owned(),
        }
    }

    fn give(self, tui: &mut Tui) {
        match self {
            Digit(n) => {
                let digit = char::from_digit(u32::try_from(n).unwrap(), 10).unwrap();
                tui.send_key(Key::Char(digit));
            }
            Keep => tui.send_key(Key::Right),
            Type(text) => {
                tui.send_text(text);
                tui.expect(&format!("{text}▏"), T);
                tui.send_key(Key::Enter);
            }
        }
    }
}

type Script = &'static [(&'static str, Answer)];

/// Leads to the career-changer strategy.
const CAREER_CHANGER: Script = &[
    ("goal", Digit(3)),
    ("role", Digit(1)),
    ("ai_experience", Keep),
    ("target_platform", Digit(1)),
    ("target_employer", Digit(3)),
    ("industry", Keep),
    ("market", Digit(1)),
    ("learning_style", Digit(1)),
    ("uses_ai_at_work", Digit(3)),
    ("hours_per_week", Type("6")),
    ("budget_usd", Type("500")),
];

/// Leads to the developer strategy.
const DEVELOPER: Script = &[
    ("goal", Digit(6)),
    ("role", Digit(3)),
    ("ai_experience", Digit(2)),
    ("projects_built", Keep),
    ("industry", Keep),
    ("employer_values_certs", Digit(2)),
    ("learning_style", Digit(2)),
    ("uses_ai_at_work", Keep),
    ("hours_per_week", Type("15")),
    ("budget_usd", Type("0")),
];

/// From the welcome screen: a new plan, every question of `script` answered in order (each
/// checked to be the one asked), ending on the answers summary.
fn answer_interview(tui: &mut Tui, script: Script) {
    tui.choose(NEW_PLAN);
    for (i, &(id, answer)) in script.iter().enumerate() {
        tui.expect_question(id, i + 1);
        answer.give(tui);
    }
    tui.expect_all(&[SUMMARY_LAST_ROW, "Your answers"]);
}

/// From the welcome screen: a new plan with every default kept (→), up to the summary.
fn accept_defaults(tui: &mut Tui) {
    tui.choose(NEW_PLAN);
    for n in 1.. {
        tui.expect(&format!("Question {n} of "), T);
        tui.send_key(Key::Right);
        let next = format!("Question {} of ", n + 1);
        tui.wait(&format!("{next:?} or the summary"), |s| {
            let c = s.contents();
            c.contains(&next) || c.contains(SUMMARY_LAST_ROW)
        });
        if tui.screen_text().contains(SUMMARY_LAST_ROW) {
            return;
        }
    }
}

/// From the answers summary: `p`, the strategy screen, Enter, the plan screen.
fn make_plan(tui: &mut Tui, strategy: &str) {
    tui.send_key(Key::Char('p'));
    tui.expect_all(&[strategy_name(strategy), "Chosen because", "Your strategy"]);
    tui.send_key(Key::Enter);
    tui.expect_all(&["Your plan", "Ranking (", "Build ", "Hiring signals:"]);
}

fn engine_plan(script: Script) -> Plan {
    let mut given = Answers::new();
    for &(id, answer) in script {
        given.set(kb(), id, &answer.value(question(id))).unwrap();
    }
    certwise::advisor::plan(kb(), &given).unwrap()
}

/// What the plan screen shows: the split line, the hiring-signals line, and the visible ranking
/// (each row's name column, wrapped names joined) with the highlighted row.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PlanView {
    split: String,
    signals: String,
    ranking: Vec<String>,
    selected: Option<usize>,
}

fn plan_view(s: &vt100::Screen) -> Result<PlanView, String> {
    let rows: Vec<String> = (0..s.size().0).map(|r| row_text(s, r)).collect();
    let find = |what: &str| {
        rows.iter()
            .find(|r| r.contains(what))
            .map(|r| r.trim().to_owned())
            .ok_or(format!("no {what:?} row"))
    };
    let split = find("h/week")?;
    let signals = find("Hiring signals:")?;
    let column = |line: &str, title: &str| line.find(title).map(|b| line[..b].chars().count());
    let (header, name_col, end_col) = rows
        .iter()
        .enumerate()
        .find_map(|(i, l)| Some((i, column(l, "Recommendation")?, column(l, "Cost")?)))
        .ok_or("no ranking header")?;
    // The footer is drawn last: with the plan's keys there, the frame is whole.
    if !rows.last().is_some_and(|f| f.contains("Tab pane")) {
        return Err("the plan screen is not drawn yet".into());
    }
    let mut ranking: Vec<String> = Vec::new();
    let mut selected = None;
    let mut closed = false;
    for (i, line) in rows.iter().enumerate().skip(header + 1) {
        let line: Vec<char> = line.chars().collect();
        if line.iter().find(|c| **c != ' ') == Some(&'└') {
            closed = true;
            break;
        }
        let cut = |from: usize, to: usize| -> String {
            line[from.min(line.len())..to.min(line.len())]
                .iter()
                .collect()
        };
        let name = cut(name_col, end_col).trim().to_owned();
        let starts_row = cut(0, name_col).contains(|c: char| c.is_ascii_digit() || c == '—');
        match ranking.last_mut() {
            Some(last) if !starts_row => {
                if !name.is_empty() {
                    last.push(' ');
                    last.push_str(&name);
                }
            }
            _ => ranking.push(name),
        }
        if line.contains(&'▶') {
            let inverse = inverse_text(s, u16::try_from(i).unwrap());
            if !inverse.contains('▶') {
                return Err(format!("the ▶ row is not in reverse video: {inverse:?}"));
            }
            selected = Some(ranking.len() - 1);
        }
    }
    if !closed {
        return Err("no bottom border under the ranking".into());
    }
    Ok(PlanView {
        split,
        signals,
        ranking,
        selected,
    })
}

/// Whether a ranking row shows `name`, wherever it wrapped.
fn shows(row: &str, name: &str) -> bool {
    let squash = |s: &str| s.split_whitespace().collect::<String>();
    squash(row).contains(&squash(name))
}

/// Waits until the plan screen shows the engine's plan for `script` (its split, its top
/// recommendation first and highlighted), and returns what it shows.
fn check_plan(tui: &Tui, script: Script, strategy: &str) -> PlanView {
    let plan = engine_plan(script);
    assert_eq!(plan.strategy.id, strategy, "the script leads elsewhere");
    let split = format!(
        "Build {}% · {} h/week",
        plan.split.build_percent, plan.split.build_hours_per_week
    );
    let top = plan.recommendations[0].name.clone();
    tui.check(&format!("the plan with {split:?}, {top:?} on top"), |s| {
        let v = plan_view(s)?;
        if !v.split.starts_with(&split) {
            return Err(format!("split {:?}, expected {split:?}", v.split));
        }
        if v.selected != Some(0) {
            return Err(format!("row {:?} selected, expected the first", v.selected));
        }
        if !v.ranking.first().is_some_and(|r| shows(r, &top)) {
            return Err(format!("expected {top:?} on top: {:?}", v.ranking));
        }
        Ok(v)
    })
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
    tui.expect_title(&format!("Saved \"{strategy}"));
    assert_eq!(home.saved_names(), std::slice::from_ref(&name));
    let (file, saved) = home.saved(&name);
    assert_eq!(file.extension().unwrap(), "ron");
    assert_eq!(mode(&file), 0o600, "{} is not owner-only", file.display());
    assert_eq!(saved.plan, engine_plan(CAREER_CHANGER));
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
    // The same strategy behind it: Esc shows it, Enter comes back.
    tui.send_key(Key::Esc);
    tui.expect_all(&["Your strategy", strategy, "Chosen because"]);
    tui.send_key(Key::Enter);
    assert_eq!(check_plan(&tui, CAREER_CHANGER, "career-changer"), before);
    // Opening and quitting writes nothing.
    tui.quit();
    assert_eq!(
        std::fs::read(&file).unwrap(),
        bytes,
        "opening rewrote the file"
    );

    // Progress: Space marks the top item "doing", saved at once (the plan is opened).
    let mut tui = home.launch();
    tui.choose(OPEN_SAVED);
    tui.expect_highlight(strategy);
    tui.send_key(Key::Enter);
    check_plan(&tui, CAREER_CHANGER, "career-changer");
    tui.send_key(Key::Char(' '));
    tui.expect_all(&["[~]", "0 done, 1 doing"]);
    tui.expect_title("Saved");
    let top = &before.ranking[0];
    tui.check("the top row marked [~]", |s| {
        let v = plan_view(s)?;
        match v.ranking.first() {
            Some(r) if r.starts_with("[~]") => Ok(()),
            other => Err(format!("top row {other:?}, expected [~] {top}")),
        }
    });
    assert_eq!(mode(&file), 0o600, "saving progress changed the mode");
    tui.quit();

    // Launched again: the mark is still there.
    let mut tui = home.launch();
    tui.choose(OPEN_SAVED);
    tui.expect_highlight(strategy);
    tui.send_key(Key::Enter);
    tui.expect_all(&["[~]", "0 done, 1 doing"]);
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
    tui.expect_title(&format!("Saved \"{mine}\"."));
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
    tui.expect_title(&format!("Saved \"{mine}\"."));
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
    tui.expect_title("Renamed to \"beta\".");
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
    tui.expect_title("Copied as \"beta 2\".");
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
        &["Delete the saved plan \"beta 2\"? This cannot be undone."],
    );
    tui.send_key(Key::Char('n'));
    tui.expect_gone("Delete?");
    assert_eq!(home.saved_names(), ["beta", "beta 2", "zeta"]);

    // d, y deletes it.
    tui.send_key(Key::Char('d'));
    tui.expect("Delete?", T);
    tui.send_key(Key::Char('y'));
    tui.expect_gone("Delete?");
    tui.expect_title("Deleted \"beta 2\".");
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
// 6. A corrupt file: listed as unreadable, set aside, never overwritten
// ---------------------------------------------------------------------------

#[test]
fn a_corrupt_plan_file_is_listed_as_unreadable_and_set_aside() {
    let home = Home::new();
    home.seed_plan("keeper");
    let garbage: &[u8] = b"\xff\xfe(SavedPlan: garbage, \x00 not RON at all (((";
    std::fs::write(home.plans().join("broken.ron"), garbage).unwrap();

    let mut tui = home.launch();
    tui.choose(OPEN_SAVED);
    tui.expect_all(&["keeper", "broken.ron.corrupt-", "unreadable: "]);

    // Set aside under a new name, byte for byte.
    assert!(!home.plans().join("broken.ron").exists());
    let aside = home.plan_files("broken.ron.corrupt-");
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(std::fs::read(&aside[0]).unwrap(), garbage);

    // Enter on it explains; it does not open.
    tui.highlight("broken.ron.corrupt-");
    tui.send_key(Key::Enter);
    tui.expect_dialog("Note", &["does not load:", "never overwrites it"]);
    tui.send_key(Key::Esc);
    tui.expect_gone("does not load");
    tui.expect_all(&["keeper", "unreadable: "]);

    // A new plan saved under the old file's name does not touch the set-aside file.
    tui.send_key(Key::Esc);
    tui.expect_all(&[WELCOME, WELCOME_FOOTER]);
    accept_defaults(&mut tui);
    make_plan(&mut tui, engine_plan(&[]).strategy.id.as_str());
    tui.save_as("broken");
    tui.expect_title("Saved \"broken\".");
    assert_eq!(home.saved_names(), ["broken", "keeper"]);
    assert_eq!(home.plan_files("broken.ron.corrupt-"), aside);
    assert_eq!(std::fs::read(&aside[0]).unwrap(), garbage, "overwritten");
    tui.quit();

    // Listed again on the next launch, still unreadable, still the same file.
    let mut tui = home.launch();
    tui.choose(OPEN_SAVED);
    tui.expect_all(&["broken", "keeper", "broken.ron.corrupt-", "unreadable: "]);
    assert_eq!(home.plan_files("broken.ron.corrupt-"), aside);
    tui.send_key(Key::Esc);
    tui.expect_all(&[WELCOME, WELCOME_FOOTER]);
    tui.quit();
}
