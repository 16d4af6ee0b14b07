//! End-to-end tests of the guided session: the real `certwise` binary in a pseudo-terminal,
//! driven by keys alone, its screen read back through `vt100` (see `tests/support/pty.rs` and
//! `tests/support/tui.rs`).
//!
//! Every session gets a fresh temporary HOME / data folder, so nothing touches the real home.
//! Each step waits for the next screen's own text before pressing the next key.

#![cfg(unix)]
#![allow(clippy::unwrap_used)]

use crate::support;

use std::process::Stdio;
use std::time::Duration;

use support::pty::{Key, Signal};
use support::tui::{
    Answer, BIN, CONTINUE, Home, QUIT_DIALOG, SUMMARY_LAST_ROW, Script, T, Tui, WELCOME,
    answer_interview, check_plan, inverse_text, kb, make_plan, plan_view, question, row_text,
    script_answers, strategy_name,
};

// ---------------------------------------------------------------------------
// Answering by keys
// ---------------------------------------------------------------------------

/// One way through the interview to a strategy, and what its plan should show.
struct Case {
    /// The strategy these answers lead to (assets/strategies.ron).
    strategy: &'static str,
    script: Script,
    /// Recommendations typical of the strategy, expected among the visible ranking rows.
    expect: &'static [&'static str],
}

use Answer::{Arrows, Digit, Keep, Type};

const STUDENT: Case = Case {
    strategy: "student",
    script: &[
        ("goal", Digit(1)),
        ("role", Arrows(4)),
        ("ai_experience", Digit(2)),
        ("projects_built", Arrows(1)),
        ("target_platform", Keep),
        ("industry", Digit(2)),
        ("market", Arrows(1)),
        ("learning_style", Keep),
        ("hours_per_week", Type("10")),
        ("budget_usd", Type("0")),
    ],
    expect: &["AI internship", "Open-source contributions"],
};

const CAREER_CHANGER: Case = Case {
    strategy: "career-changer",
    script: &[
        ("goal", Arrows(2)),
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
        ("hours_per_week", Keep),
        ("budget_usd", Type("500")),
    ],
    expect: &["Generative AI for Everyone", "Portfolio project"],
};

const PROFESSIONAL: Case = Case {
    strategy: "professional",
    script: &[
        ("goal", Digit(5)),
        ("role", Keep),
        ("field", Keep),
        ("ai_experience", Digit(3)),
        ("projects_built", Digit(1)),
        ("governance_focus", Keep),
        ("employer_platform", Keep),
        ("industry", Digit(3)),
        ("employer_values_certs", Digit(1)),
        ("learning_style", Digit(2)),
        ("uses_ai_at_work", Digit(1)),
        ("hours_per_week", Type("5")),
        ("budget_usd", Type("1000")),
    ],
    expect: &["AI applied to your own work"],
};

const ENTERPRISE: Case = Case {
    strategy: "enterprise",
    script: &[
        ("goal", Digit(1)),
        ("role", Digit(4)),
        ("field", Keep),
        ("ai_experience", Digit(3)),
        ("projects_built", Digit(2)),
        ("governance_focus", Keep),
        ("target_platform", Arrows(3)),
        ("target_employer", Digit(2)),
        ("industry", Keep),
        ("market", Keep),
        ("learning_style", Keep),
        ("uses_ai_at_work", Keep),
        ("hours_per_week", Type("20")),
        ("budget_usd", Type("2000")),
    ],
    expect: &["Microsoft Azure", "AI-200"],
};

const DEVELOPER: Case = Case {
    strategy: "developer",
    script: support::tui::DEVELOPER,
    expect: &["Portfolio project", "Open-source contributions"],
};

/// Checks the answers summary lists exactly the scripted answers, none as a default.
fn check_summary(tui: &Tui, script: &[(&str, Answer)]) {
    tui.check("the summary to list the scripted answers", |s| {
        let screen = s.contents();
        let answer_rows: Vec<&str> = screen
            .lines()
            .filter(|l| kb().questions.iter().any(|q| starts_with_id(l, &q.id)))
            .collect();
        if answer_rows.len() != script.len() {
            return Err(format!(
                "{} answer rows, expected {}",
                answer_rows.len(),
                script.len()
            ));
        }
        for (&(id, answer), row) in script.iter().zip(&answer_rows) {
            let q = question(id);
            let value = answer.value(q);
            let label: String = q.label_of(&value).chars().take(30).collect();
            if !(starts_with_id(row, id) && row.contains(&label)) {
                return Err(format!("the row for {id} should show {label:?}: {row:?}"));
            }
        }
        if screen.contains("(default)") {
            return Err("an answer shows as a default".into());
        }
        Ok(())
    });
}

/// Whether a summary line is the row of question `id` (`  id   value` or `▶ id   value`).
/// The summary's row for question `id`: it starts with the question's topic.
fn starts_with_id(line: &str, id: &str) -> bool {
    let rest = line.trim_start().trim_start_matches('▶').trim_start();
    rest.strip_prefix(question(id).topic.as_str())
        .is_some_and(|r| r.starts_with("  "))
}

fn run_case(case: &Case) {
    let mut tui = Tui::start();
    answer_interview(&mut tui, case.script);
    check_summary(&tui, case.script);
    make_plan(&mut tui, case.strategy);
    check_plan(
        &tui,
        &script_answers(case.script),
        case.strategy,
        case.expect,
    );
    tui.quit_confirmed();
}

// ---------------------------------------------------------------------------
// 1. A whole interview by keys alone, for each strategy
// ---------------------------------------------------------------------------

#[test]
fn interview_to_plan_student() {
    run_case(&STUDENT);
}

#[test]
fn interview_to_plan_career_changer() {
    run_case(&CAREER_CHANGER);
}

#[test]
fn interview_to_plan_professional() {
    run_case(&PROFESSIONAL);
}

#[test]
fn interview_to_plan_enterprise() {
    run_case(&ENTERPRISE);
}

#[test]
fn interview_to_plan_developer() {
    run_case(&DEVELOPER);
}

// ---------------------------------------------------------------------------
// 2. Going back and changing answers
// ---------------------------------------------------------------------------

/// After a plan, `a` opens the answers; changing `role` re-branches (drops the questions that no
/// longer apply), and the new plan has another strategy. Changing `ai_experience` then asks only
/// the one question that now applies, and comes back to the summary.
#[test]
fn changing_an_answer_changes_the_plan() {
    let mut tui = Tui::start();
    answer_interview(&mut tui, CAREER_CHANGER.script);
    make_plan(&mut tui, CAREER_CHANGER.strategy);
    let mut answers = script_answers(CAREER_CHANGER.script);
    check_plan(&tui, &answers, "career-changer", CAREER_CHANGER.expect);

    tui.send_key(Key::Char('a'));
    tui.expect_all(&[SUMMARY_LAST_ROW, "Your answers"]);
    tui.expect_highlight(&question("goal").topic);
    tui.send_key(Key::Down);
    tui.expect_highlight(&question("role").topic);
    tui.send_key(Key::Enter);
    tui.expect_question("role", 2);
    // The current answer is marked and highlighted.
    tui.expect_highlight("Non-technical role (analyst, manager, marketer, consultant, ...) ✓");
    tui.send_key(Key::Char('5')); // student

    // Every question a student is asked is already answered: straight back to the summary,
    // without the questions students are not asked.
    tui.expect_all(&[SUMMARY_LAST_ROW, "Student or recent graduate"]);
    tui.check("the summary without the questions students skip", |s| {
        let screen = s.contents();
        match ["target_employer", "uses_ai_at_work"]
            .into_iter()
            .find(|id| screen.contains(id))
        {
            Some(id) => Err(format!("{id} is still listed")),
            None => Ok(()),
        }
    });
    tui.send_key(Key::Char('p'));
    tui.wait("the student strategy instead of the career changer", |s| {
        let screen = s.contents();
        screen.contains(strategy_name("student"))
            && screen.contains("Chosen because")
            && !screen.contains(strategy_name("career-changer"))
    });
    tui.send_key(Key::Enter);
    answers.retain(|(id, _)| !["target_employer", "uses_ai_at_work"].contains(id));
    set(&mut answers, "role", "student");
    check_plan(&tui, &answers, "student", &["AI internship"]);

    // Now ai_experience: none -> hands-on makes `projects_built` apply; only it is asked.
    tui.send_key(Key::Char('a'));
    tui.expect(SUMMARY_LAST_ROW, T);
    tui.send_keys(&[Key::Down, Key::Down]);
    tui.expect_highlight(&question("ai_experience").topic);
    tui.send_key(Key::Enter);
    tui.expect_question("ai_experience", 3);
    tui.send_key(Key::Char('3'));
    tui.expect_question("projects_built", 4);
    tui.send_key(Key::Char('3'));
    tui.expect(SUMMARY_LAST_ROW, T);
    tui.expect_highlight(&question("projects_built").topic);
    tui.send_key(Key::Char('p'));
    tui.expect(strategy_name("student"), T);
    tui.send_key(Key::Enter);
    set(&mut answers, "ai_experience", "hands-on");
    answers.push(("projects_built", "three-plus".to_owned()));
    check_plan(&tui, &answers, "student", &["AI internship"]);
    tui.quit_confirmed();
}

fn set(answers: &mut [(&str, String)], id: &str, value: &str) {
    let (_, v) = answers.iter_mut().find(|(i, _)| *i == id).unwrap();
    value.clone_into(v);
}

/// ← and Esc go back one question; the earlier answers are still there, highlighted and ticked.
#[test]
fn going_back_in_the_interview_keeps_answers() {
    let mut tui = Tui::start();
    tui.send_key(Key::Enter);
    tui.expect_question("goal", 1);
    tui.send_key(Key::Char('4')); // change-industry
    tui.expect_question("role", 2);
    tui.send_key(Key::Char('2')); // technical-non-developer
    tui.expect_question("field", 3);

    tui.send_key(Key::Left);
    tui.expect_question("role", 2);
    tui.expect_highlight("Technical, but not a software developer ✓");
    tui.send_key(Key::Esc);
    tui.expect_question("goal", 1);
    tui.expect_highlight("Move into a different industry ✓");

    // Forward again keeps them: → twice reaches the third question.
    tui.send_key(Key::Right);
    tui.expect_question("role", 2);
    tui.expect_highlight("Technical, but not a software developer ✓");
    tui.send_key(Key::Char('l'));
    tui.expect_question("field", 3);

    // Back out of the interview to the welcome screen, which now offers to continue.
    tui.send_key(Key::Char('h'));
    tui.expect_question("role", 2);
    tui.send_key(Key::Esc);
    tui.expect_question("goal", 1);
    tui.send_key(Key::Backspace);
    tui.expect_all(&[WELCOME, CONTINUE]);
    tui.send_key(Key::Enter);
    tui.expect_question("field", 3);
    tui.quit_confirmed();
}

// ---------------------------------------------------------------------------
// 3. Help overlay
// ---------------------------------------------------------------------------

#[test]
fn help_opens_with_question_mark_and_f1_and_closes_with_esc() {
    let mut tui = Tui::start();

    tui.send_key(Key::Char('?'));
    tui.expect_all(&[
        "Keys: Welcome",
        "move up",
        "choose and go on",
        "show the keys of this screen",
        "quit (asks first",
        "Esc closes",
    ]);
    tui.send_key(Key::Esc);
    tui.expect_gone("Keys:");
    tui.expect(WELCOME, T);

    tui.send_key(Key::F(1));
    tui.expect("Keys: Welcome", T);
    // `q` inside help closes help; it does not quit.
    tui.send_key(Key::Char('q'));
    tui.expect_gone("Keys:");
    assert!(tui.is_running());

    // A typed-number question lists its own keys.
    tui.send_key(Key::Enter);
    tui.expect_question("goal", 1);
    tui.send_key(Key::End);
    tui.expect_highlight("Understand how AI works");
    tui.send_key(Key::Char('6')); // learn-concepts: a short interview
    tui.expect_question("role", 2);
    tui.send_key(Key::Char('1'));
    for id in [
        "field",
        "ai_experience",
        "governance_focus",
        "employer_platform",
        "industry",
        "employer_values_certs",
        "learning_style",
        "uses_ai_at_work",
    ] {
        tui.expect(&question(id).prompt, T);
        tui.send_key(Key::Right);
    }
    tui.expect(&question("hours_per_week").prompt, T);
    tui.send_key(Key::F(1));
    tui.expect_all(&[
        "Keys: Interview: typed answer",
        "type the number",
        "delete the last digit",
        "previous question",
    ]);
    // Long descriptions wrap inside the window instead of being cut off at 80x24.
    tui.expect_all(&["the field)", "answer)"]);
    tui.send_key(Key::Esc);
    tui.expect_gone("Keys:");
    tui.expect(&question("hours_per_week").prompt, T);

    // The plan screen's help has the plan's keys.
    tui.send_key(Key::Right);
    tui.expect(&question("budget_usd").prompt, T);
    tui.send_key(Key::Right);
    tui.expect(SUMMARY_LAST_ROW, T);
    make_plan(&mut tui, "professional");
    tui.send_key(Key::Char('?'));
    tui.expect_all(&[
        "Keys: Plan",
        "next pane",
        "review and change the answers",
        "scroll a page down",
    ]);
    tui.send_key(Key::Esc);
    tui.expect_gone("Keys:");
    tui.expect("Ranking (", T);
    tui.quit_confirmed();
}

// ---------------------------------------------------------------------------
// 4. The terminal is given back
// ---------------------------------------------------------------------------

#[test]
fn q_asks_when_there_are_answers_then_quits_and_restores_the_terminal() {
    let mut tui = Tui::start();
    tui.send_key(Key::Enter);
    tui.expect_question("goal", 1);
    tui.send_key(Key::Char('1'));
    tui.expect_question("role", 2);

    tui.send_key(Key::Char('q'));
    tui.expect_all(&[
        QUIT_DIALOG,
        "You have no plan yet",
        "next launch offers to continue",
    ]);
    tui.send_key(Key::Char('n'));
    tui.expect_gone(QUIT_DIALOG);
    tui.expect_question("role", 2);
    assert!(tui.is_running());

    tui.quit_confirmed();
}

#[test]
fn q_on_the_welcome_screen_quits_at_once() {
    let mut tui = Tui::start();
    tui.send_key(Key::Char('q'));
    tui.assert_clean_exit("q on the welcome screen");
}

#[test]
fn ctrl_c_quits_and_restores_the_terminal() {
    let mut tui = Tui::start();
    tui.send_key(Key::Enter);
    tui.expect_question("goal", 1);
    tui.send_key(Key::Char('2'));
    tui.expect_question("role", 2);
    tui.send_key(Key::Ctrl('c'));
    tui.assert_clean_exit("Ctrl-C");
}

#[test]
fn ctrl_c_in_the_help_overlay_quits() {
    let mut tui = Tui::start();
    tui.send_key(Key::Char('?'));
    tui.expect("Keys: Welcome", T);
    tui.send_key(Key::Ctrl('c'));
    tui.assert_clean_exit("Ctrl-C in help");
}

fn signal_mid_interview(signal: Signal) {
    let mut tui = Tui::start();
    tui.send_key(Key::Enter);
    tui.expect_question("goal", 1);
    tui.send_key(Key::Char('3'));
    tui.expect_question("role", 2);
    tui.kill_with(signal);
    tui.assert_signal_exit(signal);
}

#[test]
fn sigterm_restores_the_terminal() {
    signal_mid_interview(Signal::Term);
}

#[test]
fn sighup_restores_the_terminal() {
    signal_mid_interview(Signal::Hup);
}

#[test]
fn sigint_restores_the_terminal() {
    signal_mid_interview(Signal::Int);
}

#[test]
fn sigquit_restores_the_terminal() {
    signal_mid_interview(Signal::Quit);
}

#[test]
fn sigterm_on_the_plan_screen_restores_the_terminal() {
    let mut tui = Tui::start();
    tui.accept_defaults_to_summary();
    make_plan(&mut tui, "career-changer");
    tui.kill_with(Signal::Term);
    tui.assert_signal_exit(Signal::Term);
}

/// `CERTWISE_TEST_FAULT` makes certwise fail right after its first frame; the terminal must still
/// be given back (main screen, cursor shown, cooked mode) and the reason shown.
fn fault_after_first_frame(fault: &str) -> (u32, String) {
    let home = Home::new();
    let s = home
        .certwise_with_env()
        .env("CERTWISE_TEST_FAULT", fault)
        // A backtrace would push the message off the 24 rows.
        .env("RUST_BACKTRACE", "0")
        .spawn();
    let status = s
        .wait_exit(T)
        .unwrap_or_else(|| panic!("no exit with fault {fault}\n{}", s.screen_dump()));
    let out = String::from_utf8_lossy(&s.output_bytes()).into_owned();
    assert!(
        out.contains(WELCOME),
        "the fault comes after the first frame: {out:?}"
    );
    s.assert_terminal_restored()
        .unwrap_or_else(|e| panic!("after fault {fault}: {e}"));
    (status.exit_code(), s.screen_text())
}

#[test]
fn a_panic_restores_the_terminal_and_shows_the_message() {
    let (code, screen) = fault_after_first_frame("panic");
    assert_eq!(code, 101, "{screen}");
    assert!(screen.contains("panicked"), "{screen}");
    assert!(screen.contains("a deliberate panic"), "{screen}");
}

#[test]
fn an_error_restores_the_terminal_and_shows_the_message() {
    let (code, screen) = fault_after_first_frame("error");
    assert_ne!(code, 0, "{screen}");
    assert!(
        screen.contains("certwise: terminal error: CERTWISE_TEST_FAULT=error"),
        "{screen}"
    );
}

/// A panic in the thread that reads the keyboard ends the session (before, the main loop kept
/// waiting for input that never came), with the terminal given back and the reason shown.
#[test]
fn a_panic_in_the_input_thread_ends_the_session_and_says_why() {
    let home = Home::new();
    let mut s = home
        .certwise_with_env()
        .env("CERTWISE_TEST_FAULT", "input-panic")
        .env("RUST_BACKTRACE", "0")
        .spawn();
    s.expect(WELCOME, T);
    s.send_key(Key::Down);
    let status = s.wait_exit(T).unwrap_or_else(|| {
        panic!(
            "still running after the input thread panicked\n{}",
            s.screen_dump()
        )
    });
    assert_ne!(status.exit_code(), 0);
    s.assert_terminal_restored()
        .unwrap_or_else(|e| panic!("after the input thread panicked: {e}"));
    let screen = s.screen_text();
    assert!(screen.contains("reading the keyboard failed"), "{screen}");
}

/// Terminal queries (cursor position, device attributes) hang for seconds in terminals that do not
/// answer; certwise must not send any, from start to plan to quit.
#[test]
fn no_terminal_queries_from_start_to_plan_to_quit() {
    let mut tui = Tui::start();
    tui.accept_defaults_to_summary();
    make_plan(&mut tui, "career-changer");
    tui.quit_confirmed();
    assert_eq!(
        tui.queries_answered(),
        0,
        "certwise asked the terminal something"
    );
}

// ---------------------------------------------------------------------------
// 5. Typed numbers are validated inline
// ---------------------------------------------------------------------------

#[test]
fn typed_numbers_out_of_range_show_an_inline_message() {
    let mut tui = Tui::start();
    tui.accept_defaults_to_summary();
    // Back from the summary to the last question, then back once more to hours.
    tui.send_key(Key::Esc);
    tui.expect(&question("budget_usd").prompt, T);
    tui.send_key(Key::Left);
    let hours = &question("hours_per_week").prompt;
    tui.expect_all(&[hours, "8▏", "hours a week (1-80)"]);

    // 0: the prefilled 8 is replaced by the first digit.
    tui.send_text("0");
    tui.expect("0▏", T);
    tui.send_key(Key::Enter);
    tui.expect_all(&["! 0 is out of range (1-80).", hours]);

    // Typing clears the message; 999 is out of range too, said beside the field as it is
    // typed.
    tui.send_key(Key::Backspace);
    tui.send_text("999");
    tui.expect_gone("! 0 is out of range");
    tui.expect("999▏", T);
    tui.expect("hours a week (1-80) · out of range", T);
    tui.send_key(Key::Enter);
    tui.expect("! 999 is out of range (1-80).", T);

    // An empty entry says what to type.
    tui.send_keys(&[Key::Backspace, Key::Backspace, Key::Backspace]);
    tui.expect_gone("out of range");
    tui.send_key(Key::Enter);
    tui.expect_all(&["! Nothing typed: type a whole number 1-80.", hours]);

    // Fixed: on to the budget, where a value over the maximum is refused too.
    tui.send_text("12");
    tui.expect("12▏", T);
    tui.send_key(Key::Enter);
    tui.expect(&question("budget_usd").prompt, T);
    tui.send_text("100001");
    tui.expect("100001▏", T);
    tui.send_key(Key::Enter);
    tui.expect("! 100001 is out of range (0-100000).", T);
    for _ in 0..6 {
        tui.send_key(Key::Backspace);
    }
    tui.send_text("250");
    tui.expect("250▏", T);
    tui.send_key(Key::Enter);
    tui.expect(SUMMARY_LAST_ROW, T);
    tui.check("the typed numbers in the summary", |s| {
        let screen = s.contents();
        for (id, value) in [
            ("hours_per_week", " 12 hours a week"),
            ("budget_usd", " 250 USD"),
        ] {
            let row = screen.lines().find(|l| starts_with_id(l, id));
            if !row.is_some_and(|r| r.trim_end().ends_with(value)) {
                return Err(format!("{id} should be{value}: {row:?}"));
            }
        }
        Ok(())
    });
    tui.quit_confirmed();
}

// ---------------------------------------------------------------------------
// 6. Too small, and back
// ---------------------------------------------------------------------------

#[test]
fn too_small_shows_a_message_and_growing_back_keeps_the_state() {
    let mut tui = Tui::start();
    tui.send_key(Key::Enter);
    tui.expect_question("goal", 1);
    tui.send_key(Key::Char('1'));
    tui.expect_question("role", 2);
    tui.send_key(Key::Char('1'));
    tui.expect_question("field", 3);
    tui.send_key(Key::Enter);
    tui.expect_question("ai_experience", 4);
    // Highlight "hands-on" without choosing it.
    tui.send_keys(&[Key::Down, Key::Down]);
    tui.expect_highlight("Hands-on");

    tui.resize(40, 10);
    tui.expect_all(&["Terminal too small (40x10)", "60x18"]);
    // Keys that do not apply while too small change nothing. They draw nothing either, so give
    // the app a moment to read them before the resize that follows.
    tui.send_keys(&[Key::Up, Key::Char('1'), Key::Enter]);
    std::thread::sleep(Duration::from_millis(200));
    tui.resize(59, 24);
    tui.expect("Terminal too small (59x24)", T);

    // Extremes: nothing panics.
    tui.resize(1, 1);
    tui.resize(300, 100);
    tui.expect_question("ai_experience", 4);
    tui.expect_highlight("Hands-on");

    tui.resize(80, 24);
    tui.wait("redrawn at 80x24", |s| {
        let c = s.contents();
        !c.contains("too small") && c.contains("How much AI do you know?")
    });
    tui.expect_question("ai_experience", 4);
    tui.expect_highlight("Hands-on");
    assert!(tui.is_running());

    // The kept highlight is the answer Enter gives: projects_built now applies.
    tui.send_key(Key::Enter);
    tui.expect_question("projects_built", 5);
    tui.quit_confirmed();
}

/// A key and a resize that reach the app in the same wake-up: both are handled. (Input and
/// SIGWINCH come on different threads; the app also checks the size on input, so the key applies
/// at the new size whichever is read first.) Stopping the app while both arrive makes them land
/// together.
#[test]
fn a_resize_that_arrives_with_a_key_is_not_lost() {
    let mut tui = Tui::start();
    tui.send_key(Key::Enter);
    tui.expect_question("goal", 1);

    // Shrinking below the minimum: the message shows, and the key does not apply there.
    tui.kill_with(Signal::Stop);
    tui.send_key(Key::Down);
    tui.resize(40, 10);
    tui.kill_with(Signal::Cont);
    tui.expect("Terminal too small (40x10)", T);

    // Growing back: the screen returns, and this key applies.
    tui.kill_with(Signal::Stop);
    tui.send_key(Key::Down);
    tui.resize(80, 24);
    tui.kill_with(Signal::Cont);
    tui.expect_question("goal", 1);
    tui.expect_highlight("Get promoted where I work");

    // Nothing answered yet: q quits without asking.
    tui.send_key(Key::Char('q'));
    tui.assert_clean_exit("q");
}

#[test]
fn starting_too_small_then_growing_shows_the_welcome_screen() {
    let home = Home::new();
    let mut s = home.certwise_with_env().size(50, 12).spawn();
    s.expect("Terminal too small (50x12)", T);
    s.resize(80, 24);
    s.expect(WELCOME, T);
    s.send_key(Key::Char('q'));
    assert!(s.wait_exit(T).unwrap().success());
    s.assert_terminal_restored().unwrap();
}

// ---------------------------------------------------------------------------
// 7. Not a terminal
// ---------------------------------------------------------------------------

#[test]
fn without_a_terminal_it_exits_2_and_points_to_certwise_plan() {
    let home = Home::new();
    let out = home
        .command(BIN)
        .env("CERTWISE_DATA_DIR", home.data())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    assert!(stderr.contains("certwise plan"), "stderr: {stderr}");
    assert!(stderr.contains("terminal"), "stderr: {stderr}");
    assert!(out.stdout.is_empty(), "stdout: {:?}", out.stdout);
}

/// stdin a terminal but stdout a file, and the other way round: still refused, nothing drawn.
#[test]
fn half_a_terminal_is_refused_too() {
    let home = Home::new();
    let file = home.path().join("out.txt");
    let file = file.to_str().unwrap();
    for script in [r#"exec "$0" > "$1""#, r#"exec "$0" < /dev/null"#] {
        let s = home
            .builder("sh")
            .env("CERTWISE_DATA_DIR", home.data())
            .args(&["-c", script, BIN, file])
            .spawn();
        let status = s.wait_exit(T).unwrap();
        assert_eq!(status.exit_code(), 2, "{script}\n{}", s.screen_dump());
        s.expect("certwise plan", T);
        assert!(!s.alternate_screen());
        s.assert_terminal_restored().unwrap();
    }
    assert_eq!(std::fs::read(file).unwrap(), b"");
}

#[test]
fn term_dumb_is_refused_with_a_message() {
    let home = Home::new();
    let s = home.certwise_with_env().env("TERM", "dumb").spawn();
    let status = s.wait_exit(T).unwrap();
    assert_eq!(status.exit_code(), 2, "{}", s.screen_dump());
    s.expect("certwise plan", T);
    s.assert_terminal_restored().unwrap();
}

// ---------------------------------------------------------------------------
// 8. NO_COLOR
// ---------------------------------------------------------------------------

/// The colour codes among the SGR sequences (`ESC [ ... m`) of `bytes`: foreground/background
/// 30-38, 40-48, 90-97, 100-107 (38/48 take 5;N or 2;R;G;B). 39/49 (default colour) are not
/// colours; other CSI sequences (cursor moves, modes) are skipped.
fn colour_sgr(bytes: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] != 0x1b || bytes[i + 1] != b'[' {
            i += 1;
            continue;
        }
        let start = i + 2;
        let mut end = start;
        // Parameter and intermediate bytes, then one final byte in 0x40..=0x7e.
        while end < bytes.len() && (0x20..=0x3f).contains(&bytes[end]) {
            end += 1;
        }
        if end < bytes.len() && bytes[end] == b'm' {
            let params = String::from_utf8_lossy(&bytes[start..end]);
            if !params.starts_with(['?', '>', '<', '=']) {
                let mut codes = params
                    .split([';', ':'])
                    .map(|p| p.parse::<u16>().unwrap_or(0));
                while let Some(code) = codes.next() {
                    match code {
                        38 | 48 | 58 => {
                            // Extended colour: skip its arguments.
                            match codes.next() {
                                Some(5) => {
                                    codes.next();
                                }
                                Some(2) => {
                                    codes.nth(2);
                                }
                                _ => {}
                            }
                            found.push(format!("ESC[{params}m"));
                        }
                        30..=37 | 40..=47 | 90..=97 | 100..=107 => {
                            found.push(format!("ESC[{params}m"));
                        }
                        _ => {}
                    }
                }
            }
        }
        i = end.max(start);
    }
    found
}

#[test]
fn colour_detector_finds_colours_and_ignores_other_sequences() {
    assert_eq!(
        colour_sgr(b"\x1b[36mx\x1b[1;38;5;3my\x1b[48;2;1;2;3m"),
        ["ESC[36m", "ESC[1;38;5;3m", "ESC[48;2;1;2;3m"]
    );
    assert!(
        colour_sgr(
            b"\x1b[3;7H\x1b[0m\x1b[1m\x1b[7m\x1b[39m\x1b[49m\x1b[2m\x1b[?25l\x1b[31;1H\x1b[22;4m"
        )
        .is_empty()
    );
}

#[test]
fn no_color_keeps_the_selection_visible_and_sends_no_colour() {
    let mut tui = Tui::start_with(80, 24, &[("NO_COLOR", "1")]);
    // The welcome menu highlight is reverse video.
    tui.expect_highlight("Start a new plan");

    tui.send_key(Key::Enter);
    tui.expect_question("goal", 1);
    tui.send_key(Key::Down);
    tui.expect_highlight("Get promoted where I work");
    tui.send_key(Key::Enter);
    tui.expect_question("role", 2);
    tui.send_key(Key::Char('1'));
    for id in [
        "field",
        "ai_experience",
        "governance_focus",
        "employer_platform",
        "industry",
        "employer_values_certs",
    ] {
        tui.expect(&question(id).prompt, T);
        tui.send_key(Key::Right);
    }
    for id in [
        "learning_style",
        "uses_ai_at_work",
        "hours_per_week",
        "budget_usd",
    ] {
        tui.expect(&question(id).prompt, T);
        tui.send_key(Key::Enter);
    }
    tui.expect(SUMMARY_LAST_ROW, T);
    tui.expect_highlight("→ Make my plan");
    make_plan(&mut tui, "professional");

    let answers = [
        ("goal", "promotion".to_owned()),
        ("role", "non-technical".to_owned()),
    ];
    check_plan(&tui, &answers, "professional", &[]);
    // Moving the selection moves the reverse video off the first row.
    tui.send_key(Key::Down);
    tui.check("the second ranking row selected", |s| {
        let selected = plan_view(s)?.selected;
        if selected.is_none_or(|i| i == 0) {
            return Err(format!(
                "ranking row {selected:?} selected, expected a later one"
            ));
        }
        let header = (0..crate::support::pty::grid(s).0)
            .find(|&r| row_text(s, r).contains("Recommendation"))
            .ok_or("no ranking header")?;
        let left = inverse_text(s, header + 1);
        if left.contains(char::is_alphanumeric) {
            return Err(format!("the first row is still in reverse video: {left:?}"));
        }
        Ok(())
    });

    tui.quit_confirmed();
    let colours = colour_sgr(&tui.output_bytes());
    assert!(
        colours.is_empty(),
        "NO_COLOR=1 but the output has colour codes: {colours:?}"
    );

    // Without NO_COLOR the same detector does see colour (so the check above is not vacuous).
    let mut tui = Tui::start();
    tui.send_key(Key::Char('q'));
    tui.assert_clean_exit("q");
    let colours = colour_sgr(&tui.output_bytes());
    assert!(
        !colours.is_empty(),
        "no colour codes found without NO_COLOR"
    );
}

/// A panic in a job-posting scan's thread (`CERTWISE_TEST_FAULT=scan-panic`) is a failed scan
/// said on the screen: the panic hook gave the terminal back, the session takes it again and
/// goes on, and quitting leaves it restored.
#[test]
fn a_panic_in_a_scan_is_said_and_the_session_goes_on() {
    let home = Home::new();
    let mut s = home
        .certwise_with_env()
        .env("CERTWISE_TEST_FAULT", "scan-panic")
        .env("RUST_BACKTRACE", "0")
        .spawn();
    s.expect(WELCOME, T);
    // Start, Open, Catalog, Evaluate, then Scan job postings.
    for _ in 0..4 {
        s.send_key(Key::Down);
    }
    s.send_key(Key::Enter);
    s.expect("Folder or file", T);
    s.send_text(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/postings"));
    s.send_key(Key::Enter);
    s.expect("The scan stopped on an internal error", T);
    assert!(s.alternate_screen(), "the session took the screen back");
    // Still answering keys: Esc back to the welcome screen, then q quits cleanly.
    s.send_key(Key::Esc);
    s.expect(WELCOME, T);
    s.send_key(Key::Char('q'));
    let status = s
        .wait_exit(T)
        .unwrap_or_else(|| panic!("no exit\n{}", s.screen_dump()));
    assert!(status.success(), "{status:?}");
    s.assert_terminal_restored()
        .unwrap_or_else(|e| panic!("after quitting: {e}"));
}
