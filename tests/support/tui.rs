//! What the end-to-end tests of `certwise` in a pseudo-terminal (`tests/tui_e2e*.rs`) share: a
//! temporary home to launch it in, the [`Tui`] wrapper around the PTY [`Session`] with its waits,
//! the screen read back (rows, the highlight, the plan), and the interview answered by keys.
//!
//! Each step waits for the next screen's own text before pressing the next key.

// Every test crate compiles all of `support` but uses only part of this module.
#![allow(dead_code)]

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use certwise::advisor::Plan;
use certwise::interview::Answers;
use certwise::knowledge::{Choice, Question, QuestionKind};
use tempfile::TempDir;

use super::pty::{Key, Session, SessionBuilder};

pub const BIN: &str = env!("CARGO_BIN_EXE_certwise");

/// Generous: a debug build on a busy 2-core machine, test binaries running in parallel.
pub const T: Duration = Duration::from_secs(10);

pub const WELCOME: &str = "Is an AI certification worth it for you?";
/// The welcome footer: drawn last, so the whole first frame is on screen once it shows.
pub const WELCOME_FOOTER: &str = "Enter choose";
pub const NEW_PLAN: &str = "Start a new plan";
pub const CONTINUE: &str = "Continue with my answers";
pub const SUMMARY_LAST_ROW: &str = "→ Make my plan";
pub const QUIT_DIALOG: &str = "Quit certwise?";

pub use super::kb;

pub fn question(id: &str) -> &'static Question {
    kb().question(id)
        .unwrap_or_else(|| panic!("no question {id:?} in assets/questions.ron"))
}

pub fn options(q: &Question) -> &[Choice] {
    match &q.kind {
        QuestionKind::Choice(options) => options,
        QuestionKind::Number { .. } => panic!("{} is a number question", q.id),
    }
}

/// The label of option `n` (1-based) of question `id`.
pub fn option_label(id: &str, n: usize) -> &'static str {
    &options(question(id))[n - 1].label
}

pub fn strategy_name(id: &str) -> &'static str {
    &kb()
        .strategy(id)
        .unwrap_or_else(|| panic!("no strategy {id:?} in assets/strategies.ron"))
        .name
}

// ---------------------------------------------------------------------------
// A temporary home
// ---------------------------------------------------------------------------

/// A temporary HOME with the data folder `HOME/data`; removed when it is dropped. A test that
/// quits and launches again keeps its `Home`, so the next launch finds the same data folder.
pub struct Home {
    dir: TempDir,
}

impl Home {
    pub fn new() -> Home {
        Home {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn data(&self) -> PathBuf {
        self.path().join("data")
    }

    /// `program` in a PTY, run in this home with HOME and the XDG folders there (so nothing
    /// touches the real home), no data folder from the environment, colour on, an xterm, 80x24.
    pub fn builder(&self, program: &str) -> SessionBuilder {
        let home = self.path();
        Session::builder(program)
            .cwd(home)
            .env("HOME", home)
            .env("XDG_DATA_HOME", home.join("xdg-data"))
            .env("XDG_CONFIG_HOME", home.join("xdg-config"))
            .env_remove("CERTWISE_DATA_DIR")
            .env_remove("NO_COLOR")
            .env("TERM", "xterm-256color")
            .size(80, 24)
    }

    /// `program` without a terminal, in the same environment as [`Home::builder`].
    pub fn command(&self, program: &str) -> Command {
        let home = self.path();
        let mut cmd = Command::new(program);
        cmd.current_dir(home)
            .env("HOME", home)
            .env("XDG_DATA_HOME", home.join("xdg-data"))
            .env("XDG_CONFIG_HOME", home.join("xdg-config"))
            .env_remove("CERTWISE_DATA_DIR")
            .env_remove("NO_COLOR")
            .env("TERM", "xterm-256color");
        cmd
    }

    /// `certwise --data-dir HOME/data`.
    pub fn certwise(&self) -> SessionBuilder {
        let data = self.data();
        self.builder(BIN)
            .args(&["--data-dir", data.to_str().unwrap()])
    }

    /// `certwise` with `CERTWISE_DATA_DIR=HOME/data`.
    pub fn certwise_with_env(&self) -> SessionBuilder {
        self.builder(BIN).env("CERTWISE_DATA_DIR", self.data())
    }

    /// `certwise --data-dir HOME/data`, without waiting for anything.
    pub fn spawn(&self) -> Tui {
        Tui::new(self.certwise().spawn(), None)
    }

    /// `certwise --data-dir HOME/data`, on its welcome screen.
    pub fn launch(&self) -> Tui {
        let tui = self.spawn();
        tui.expect_welcome();
        tui
    }

    /// `certwise --data-dir HOME/data` at `cols` x `rows`, on its welcome screen.
    pub fn launch_sized(&self, cols: u16, rows: u16) -> Tui {
        let tui = Tui::new(self.certwise().size(cols, rows).spawn(), None);
        tui.expect_welcome();
        tui
    }

    /// `certwise` with `CERTWISE_DATA_DIR=HOME/data`, on its welcome screen.
    pub fn launch_with_env(&self) -> Tui {
        let tui = Tui::new(self.certwise_with_env().spawn(), None);
        tui.expect_welcome();
        tui
    }
}

// ---------------------------------------------------------------------------
// A certwise session in a PTY
// ---------------------------------------------------------------------------

/// A running `certwise`. Derefs to the PTY [`Session`].
pub struct Tui {
    session: Session,
    /// The home of a session started on its own ([`Tui::start`]), removed when the test ends
    /// (after the session, which is dropped first); `None` when the test keeps the [`Home`].
    _home: Option<Home>,
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
    fn new(session: Session, home: Option<Home>) -> Tui {
        Tui {
            session,
            _home: home,
        }
    }

    /// `certwise` at 80x24 with colour and a home of its own, on the welcome screen.
    pub fn start() -> Tui {
        Tui::start_with(80, 24, &[])
    }

    /// `certwise` at `cols` x `rows` with extra environment variables, a home of its own and
    /// `CERTWISE_DATA_DIR` in it. Waits for the welcome screen, so raw mode is on before any key
    /// is sent.
    pub fn start_with(cols: u16, rows: u16, env: &[(&str, &str)]) -> Tui {
        let home = Home::new();
        let mut builder = home.certwise_with_env().size(cols, rows);
        for (k, v) in env {
            builder = builder.env(k, v);
        }
        let tui = Tui::new(builder.spawn(), Some(home));
        tui.expect_welcome();
        tui
    }

    /// Waits for the welcome screen, down to its footer.
    pub fn expect_welcome(&self) {
        self.expect_all(&[WELCOME, WELCOME_FOOTER]);
    }

    /// Waits until `pred` holds for the screen; panics with the screen otherwise.
    pub fn wait(&self, what: &str, pred: impl FnMut(&vt100::Screen) -> bool) {
        self.wait_until(what, T, pred)
            .unwrap_or_else(|e| panic!("{e}"));
    }

    /// Waits until `check` passes for the screen and returns what it found; panics with its last
    /// complaint and the screen. Checks are polled rather than made once because a frame may
    /// arrive in several reads.
    pub fn check<R>(
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

    /// Waits until the screen shows every one of `texts`.
    pub fn expect_all(&self, texts: &[&str]) {
        self.wait(&format!("screen to contain all of {texts:?}"), |s| {
            let c = s.contents();
            texts.iter().all(|t| c.contains(t))
        });
    }

    /// Waits until the screen no longer shows `text`.
    pub fn expect_gone(&self, text: &str) {
        self.wait(&format!("{text:?} to disappear"), |s| {
            !s.contents().contains(text)
        });
    }

    /// Waits for the title bar (the top row) to contain `text`.
    pub fn expect_title(&self, text: &str) {
        self.wait(&format!("the title bar to contain {text:?}"), |s| {
            row_text(s, 0).contains(text)
        });
    }

    /// Waits for a status message: on the title row when it fits there, else on the bottom two
    /// rows, where a longer message takes the footer's place.
    pub fn expect_status(&self, text: &str) {
        self.wait(&format!("a status message containing {text:?}"), |s| {
            let rows = crate::support::pty::grid(s).0;
            let bottom = format!(
                "{} {}",
                row_text(s, rows.saturating_sub(2)).trim(),
                row_text(s, rows.saturating_sub(1)).trim()
            );
            row_text(s, 0).contains(text) || bottom.contains(text)
        });
    }

    /// Waits for a question, checking the progress line says it is question `n` (1-based).
    pub fn expect_question(&self, id: &str, n: usize) {
        let prompt = &question(id).prompt;
        let progress = format!("Question {n} of ");
        self.wait(&format!("question {id} as {progress:?}"), |s| {
            let c = s.contents();
            c.contains(prompt.as_str()) && c.contains(&progress)
        });
    }

    /// Waits until the list highlight (`▶` in reverse video) is on a row containing `text`.
    pub fn expect_highlight(&self, text: &str) {
        self.wait(&format!("highlight on {text:?}"), |s| {
            (0..crate::support::pty::grid(s).0)
                .any(|r| row_text(s, r).contains('▶') && inverse_text(s, r).contains(text))
        });
    }

    /// Moves the highlight of a list (welcome menu, saved plans) onto the item showing `text`,
    /// one key at a time (an item can take several rows).
    pub fn highlight(&mut self, text: &str) {
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

    /// From the welcome screen: highlight the menu item and choose it.
    pub fn choose(&mut self, item: &str) {
        self.expect_all(&[WELCOME, item, WELCOME_FOOTER]);
        self.highlight(item);
        self.send_key(Key::Enter);
        self.expect_gone(WELCOME);
    }

    /// The program exits with status 0 and gives the terminal back.
    pub fn assert_clean_exit(&self, how: &str) {
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

    /// A signal ended the session: the terminal is given back and the exit status is the shell's
    /// 128 + the signal's number.
    pub fn assert_signal_exit(&self, signal: crate::support::pty::Signal) {
        let status = self.wait_exit(T).unwrap_or_else(|| {
            panic!("no exit after SIG{}\n{}", signal.name(), self.screen_dump())
        });
        assert_eq!(
            status.exit_code(),
            128 + signal.number(),
            "exit status after SIG{}",
            signal.name()
        );
        self.assert_terminal_restored()
            .unwrap_or_else(|e| panic!("after SIG{}: {e}", signal.name()));
    }

    /// `q` quits at once: nothing unsaved.
    pub fn quit(&mut self) {
        self.send_key(Key::Char('q'));
        self.assert_clean_exit("q with nothing unsaved");
    }

    /// Presses `q`, expects the "unsaved work" dialog, presses `y`, and checks a clean exit.
    pub fn quit_confirmed(&mut self) {
        self.send_key(Key::Char('q'));
        self.expect(QUIT_DIALOG, T);
        self.send_key(Key::Char('y'));
        self.assert_clean_exit("q, y");
    }

    /// From the welcome screen: a new plan with every default kept (→ on every question), up to
    /// the answers summary.
    pub fn accept_defaults_to_summary(&mut self) {
        self.choose(NEW_PLAN);
        for n in 1.. {
            self.expect(&format!("Question {n} of "), T);
            self.send_key(Key::Right);
            let next = format!("Question {} of ", n + 1);
            self.wait(&format!("{next:?} or the summary"), |s| {
                let c = s.contents();
                c.contains(&next) || c.contains(SUMMARY_LAST_ROW)
            });
            if self.screen_text().contains(SUMMARY_LAST_ROW) {
                return;
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The screen, read back
// ---------------------------------------------------------------------------

/// The text of one screen row (wide characters once), trailing blanks trimmed.
pub fn row_text(s: &vt100::Screen, row: u16) -> String {
    let cols = crate::support::pty::grid(s).1;
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
pub fn inverse_text(s: &vt100::Screen, row: u16) -> String {
    let cols = crate::support::pty::grid(s).1;
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
pub fn body_row(s: &vt100::Screen, text: &str) -> Option<u16> {
    (1..crate::support::pty::grid(s).0.saturating_sub(1)).find(|&r| row_text(s, r).contains(text))
}

/// The row of the list highlight: `▶` in reverse video.
pub fn highlighted_row(s: &vt100::Screen) -> Option<u16> {
    (0..crate::support::pty::grid(s).0)
        .find(|&r| row_text(s, r).contains('▶') && inverse_text(s, r).contains('▶'))
}

/// Text without any whitespace: names compare equal however they wrapped.
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect()
}

/// Whether a ranking row shows `name`, wherever it wrapped (a hyphen can end a line, so spaces
/// are ignored).
pub fn shows(row: &str, name: &str) -> bool {
    squash(row).contains(&squash(name))
}

// ---------------------------------------------------------------------------
// Answering by keys
// ---------------------------------------------------------------------------

/// How a test answers one question.
#[derive(Debug, Clone, Copy)]
pub enum Answer {
    /// Press the option's digit (1-based): picks it and goes on.
    Digit(usize),
    /// Home, then down (alternating ↓ and j) to the 0-based option, check the highlight, Enter.
    Arrows(usize),
    /// → keeps the highlighted option or the prefilled number.
    Keep,
    /// Type the number and press Enter.
    Type(&'static str),
}

impl Answer {
    /// The value this answer gives question `q`.
    pub fn value(self, q: &Question) -> String {
        match self {
            Answer::Digit(n) => options(q)[n - 1].value.clone(),
            Answer::Arrows(i) => options(q)[i].value.clone(),
            Answer::Keep => q.default.clone(),
            Answer::Type(text) => text.to_owned(),
        }
    }

    pub fn give(self, tui: &mut Tui, q: &Question) {
        match self {
            Answer::Digit(n) => {
                let digit = char::from_digit(u32::try_from(n).unwrap(), 10).unwrap();
                tui.send_key(Key::Char(digit));
            }
            Answer::Arrows(i) => {
                tui.send_key(Key::Home);
                for step in 0..i {
                    tui.send_key(if step % 2 == 0 {
                        Key::Down
                    } else {
                        Key::Char('j')
                    });
                }
                tui.expect_highlight(&options(q)[i].label);
                tui.send_key(Key::Enter);
            }
            Answer::Keep => tui.send_key(Key::Right),
            Answer::Type(text) => {
                tui.send_text(text);
                tui.wait(&format!("{text:?} typed"), |s| {
                    s.contents().contains(&format!("{text}▏"))
                });
                tui.send_key(Key::Enter);
            }
        }
    }
}

/// Every question an interview asks, in order, and how it is answered.
pub type Script = &'static [(&'static str, Answer)];

/// Leads to the developer strategy.
pub const DEVELOPER: Script = &[
    ("goal", Answer::Digit(6)),
    ("role", Answer::Digit(3)),
    ("field", Answer::Keep),
    ("ai_experience", Answer::Digit(2)),
    ("projects_built", Answer::Keep),
    ("governance_focus", Answer::Keep),
    ("employer_platform", Answer::Keep),
    ("industry", Answer::Keep),
    ("employer_values_certs", Answer::Digit(2)),
    ("learning_style", Answer::Digit(2)),
    ("uses_ai_at_work", Answer::Keep),
    ("hours_per_week", Answer::Type("15")),
    ("budget_usd", Answer::Type("0")),
];

/// From the welcome screen: a new plan, every question of `script` answered in order (checking
/// each one is the question asked, with the right progress line), ending on the answers summary.
pub fn answer_interview(tui: &mut Tui, script: &[(&str, Answer)]) {
    tui.choose(NEW_PLAN);
    let total = script.len();
    for (i, &(id, answer)) in script.iter().enumerate() {
        tui.expect_question(id, i + 1);
        if i + 1 == total {
            // Every question the branching asks has been asked: the count matches the script.
            tui.expect(&format!("Question {total} of {total} "), T);
        }
        answer.give(tui, question(id));
    }
    tui.expect_all(&[SUMMARY_LAST_ROW, "Your answers"]);
}

/// The answers `script` gives, by question.
pub fn script_answers(script: &[(&'static str, Answer)]) -> Vec<(&'static str, String)> {
    script
        .iter()
        .map(|&(id, answer)| (id, answer.value(question(id))))
        .collect()
}

// ---------------------------------------------------------------------------
// The plan on screen
// ---------------------------------------------------------------------------

/// From the answers summary: `p`, the strategy screen, Enter, the plan screen.
pub fn make_plan(tui: &mut Tui, strategy: &str) {
    tui.send_key(Key::Char('p'));
    let name = strategy_name(strategy);
    tui.expect_all(&[name, "Chosen because", "Steps", "Your strategy"]);
    tui.send_key(Key::Enter);
    tui.expect_all(&["Your plan", "Ranking (", "Build ", " signals: basics"]);
}

/// The plan the engine makes from these answers: the screen must show the same.
pub fn engine_plan(answers: &[(&str, String)]) -> Plan {
    let mut given = Answers::new();
    for (id, value) in answers {
        given.set(kb(), id, value).unwrap();
    }
    certwise::advisor::plan(kb(), &given).unwrap()
}

/// What the plan screen shows: the split line, the hiring-signals line, and the visible ranking
/// (each row's name column, wrapped names joined) with the highlighted row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanView {
    pub split: String,
    pub signals: String,
    pub ranking: Vec<String>,
    pub selected: Option<usize>,
}

/// Reads the plan screen; an error until the whole frame is drawn.
pub fn plan_view(s: &vt100::Screen) -> Result<PlanView, String> {
    let rows: Vec<String> = (0..crate::support::pty::grid(s).0)
        .map(|r| row_text(s, r))
        .collect();
    let find = |what: &str| {
        rows.iter()
            .find(|r| r.contains(what))
            .map(|r| r.trim().to_owned())
            .ok_or(format!("no {what:?} row"))
    };
    let split = find("h/week")?;
    let signals = find(" signals:")?;
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
        // Stop at the ranking's bottom border.
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
        // A row starts with its score; a line without one continues a wrapped name.
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
            if !(inverse.contains('▶') && inverse.trim().len() > 20) {
                return Err(format!(
                    "the selected ranking row is not in reverse video: {inverse:?}"
                ));
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

/// Waits until the plan screen shows what the engine makes of `answers`: the strategy's split
/// with hours, the engine's top recommendation first and highlighted, the reasons for it, and
/// `expect` among the visible rows. Returns what it shows.
pub fn check_plan(
    tui: &Tui,
    answers: &[(&str, String)],
    strategy: &str,
    expect: &[&str],
) -> PlanView {
    let plan = engine_plan(answers);
    assert_eq!(
        plan.strategy.id, strategy,
        "the answers lead elsewhere: {answers:?}"
    );
    let split = format!(
        "Build {}% · {} h/week",
        plan.split.build_percent, plan.split.build_hours_per_week
    );
    let top = &plan.recommendations[0].name;
    tui.check(
        &format!("the plan with {split:?} and {top:?} on top"),
        |s| {
            if !s.contents().contains("for you:") {
                return Err("no \"for you:\"".into());
            }
            let v = plan_view(s)?;
            if !v.split.starts_with(&split) {
                return Err(format!("split {:?}, expected {split:?}", v.split));
            }
            if v.selected != Some(0) {
                return Err(format!(
                    "ranking row {:?} selected, expected the first",
                    v.selected
                ));
            }
            if !v.ranking.first().is_some_and(|r| shows(r, top)) {
                return Err(format!(
                    "expected {top:?} at the top of the ranking: {:?}",
                    v.ranking
                ));
            }
            match expect
                .iter()
                .find(|name| !v.ranking.iter().any(|r| shows(r, name)))
            {
                Some(name) => Err(format!(
                    "expected {name:?} in the visible ranking: {:?}",
                    v.ranking
                )),
                None => Ok(v),
            }
        },
    )
}
