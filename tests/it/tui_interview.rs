//! The interview's choice lists and number fields, driven through `App::update`: a list longer
//! than the screen scrolls with "more above" / "more below" lines, two-digit option numbers can
//! be typed without ever choosing the wrong option, and a number out of range is said as it is
//! typed.
#![allow(clippy::unwrap_used)]

use certwise::knowledge::{Knowledge, QuestionKind};
use certwise::tui::action::Action;
use certwise::tui::app::{App, Screen};
use certwise::tui::bindings::keymap;
use certwise::tui::input::{KeyCode, KeyEvent, KeyModifiers};
use certwise::tui::keymap::Mode;
use certwise::tui::theme::Theme;

fn app(w: u16, h: u16) -> App {
    App::new(Knowledge::embedded().unwrap(), Theme::new(false), w, h)
}

/// The field question (14 options), reached by keys.
fn at_field(w: u16, h: u16) -> App {
    let mut a = app(w, h);
    a.update(Action::Select); // start a new plan
    a.update(Action::Pick(0)); // goal
    a.update(Action::Pick(0)); // role
    assert_eq!(a.screens().interview.question, "field");
    a
}

fn field_labels(a: &App) -> Vec<String> {
    match &a.kb().question("field").unwrap().kind {
        QuestionKind::Choice(options) => options.iter().map(|o| o.label.clone()).collect(),
        QuestionKind::Number { .. } => unreachable!(),
    }
}

fn digit(a: &mut App, c: char) {
    let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    let action = keymap(Mode::Choice, &key).unwrap();
    a.update(action);
}

#[test]
fn the_field_question_has_more_options_than_fit_at_80x24() {
    let a = at_field(80, 24);
    assert!(
        field_labels(&a).len() >= 10,
        "the tests below need a long list"
    );
}

#[test]
fn at_80x24_every_field_option_is_on_screen_from_1_to_14() {
    let a = at_field(80, 24);
    let text = crate::support::screen_lines(&a).join("\n");
    for (i, label) in field_labels(&a).iter().enumerate() {
        assert!(
            text.contains(&format!("{} {label}", i + 1)),
            "{label}:\n{text}"
        );
    }
    assert!(
        !text.contains("more above") && !text.contains("more below"),
        "{text}"
    );
}

#[test]
fn a_long_list_scrolls_with_the_highlight_and_says_what_is_above_and_below() {
    for (w, h) in [(60, 18), (70, 20)] {
        let mut a = at_field(w, h);
        let labels = field_labels(&a);
        // The default ("Something else") is last: the list opens scrolled to it.
        let text = crate::support::screen_lines(&a).join("\n");
        assert!(text.contains(labels.last().unwrap()), "{w}x{h}:\n{text}");
        assert!(text.contains("more above"), "{w}x{h}:\n{text}");
        a.update(Action::Home);
        let text = crate::support::screen_lines(&a).join("\n");
        assert!(
            text.contains(&labels[0]),
            "{w}x{h}: option 1 shown first\n{text}"
        );
        assert!(text.contains("more below"), "{w}x{h}:\n{text}");
        assert!(!text.contains("more above"), "{w}x{h}:\n{text}");
        a.update(Action::End);
        let text = crate::support::screen_lines(&a).join("\n");
        assert!(text.contains(labels.last().unwrap()), "{w}x{h}:\n{text}");
        assert!(text.contains("more above"), "{w}x{h}:\n{text}");
        assert!(!text.contains("more below"), "{w}x{h}:\n{text}");
        assert!(
            !text.contains(&labels[0]),
            "{w}x{h}: option 1 is scrolled away\n{text}"
        );
        // Up from the bottom: the window stays until the highlight reaches its top.
        a.update(Action::Up);
        let text = crate::support::screen_lines(&a).join("\n");
        assert!(text.contains(labels.last().unwrap()), "{w}x{h}:\n{text}");
        // Every option is reachable and shown when highlighted.
        a.update(Action::Home);
        for (i, label) in labels.iter().enumerate() {
            let lines = crate::support::screen_lines(&a);
            let row = lines.iter().find(|l| l.contains('▶')).unwrap();
            assert!(row.contains(label.as_str()), "{w}x{h}: option {i}: {row:?}");
            a.update(Action::Down);
        }
    }
}

#[test]
fn typing_one_then_zero_highlights_option_ten_and_enter_chooses_it() {
    let mut a = at_field(80, 24);
    let labels = field_labels(&a);
    digit(&mut a, '1');
    assert_eq!(
        a.screens().interview.question,
        "field",
        "1 alone never chooses in a long list"
    );
    assert_eq!(a.screens().interview.option, 0);
    let text = crate::support::screen_lines(&a).join("\n");
    assert!(text.contains("Enter chooses option 1"), "{text}");
    digit(&mut a, '0');
    assert_eq!(a.screens().interview.question, "field");
    assert_eq!(a.screens().interview.option, 9);
    let row = crate::support::screen_lines(&a)
        .into_iter()
        .find(|l| l.contains('▶'))
        .unwrap();
    assert!(row.contains(&labels[9]), "{row}");
    a.update(Action::Select);
    let q = a.kb().question("field").unwrap();
    let QuestionKind::Choice(options) = &q.kind else {
        unreachable!()
    };
    assert_eq!(a.answers().get("field"), Some(options[9].value.as_str()));
    assert_ne!(a.screens().interview.question, "field", "Enter went on");
}

#[test]
fn two_digit_numbers_that_make_no_option_start_again() {
    let mut a = at_field(80, 24);
    let n = field_labels(&a).len();
    // 1, 4 → 14 (the last); then 2 starts a new number (142 is no option), then 1 → 1 again
    // (21 is no option either).
    for (c, expected) in [('1', 0), ('4', 13), ('2', 1), ('1', 0), ('3', 12)] {
        digit(&mut a, c);
        assert_eq!(a.screens().interview.option, expected, "after {c}");
    }
    assert_eq!(n, 14, "the digits above are for 14 options");
    // 0 alone makes no option: the highlight stays.
    digit(&mut a, '5');
    digit(&mut a, '0');
    assert_eq!(a.screens().interview.option, 4);
    assert_eq!(
        a.screens().interview.question,
        "field",
        "digits never confirm"
    );
    // Moving drops the typed number: 1 then ↓ then 0 is not 10.
    digit(&mut a, '1');
    a.update(Action::Down);
    digit(&mut a, '0');
    assert_eq!(a.screens().interview.option, 1);
}

#[test]
fn in_a_short_list_a_digit_still_chooses_at_once() {
    let mut a = app(80, 24);
    a.update(Action::Select);
    assert_eq!(a.screens().interview.question, "goal");
    digit(&mut a, '2');
    assert_eq!(a.screens().interview.question, "role");
    let goal = a.answers().get("goal").unwrap().to_owned();
    let q = a.kb().question("goal").unwrap();
    let QuestionKind::Choice(options) = &q.kind else {
        unreachable!()
    };
    assert_eq!(goal, options[1].value);
    // 0 and digits past the last option do nothing.
    digit(&mut a, '0');
    digit(&mut a, '9');
    assert_eq!(a.screens().interview.question, "role");
}

/// The hours question, reached by keys.
fn at_hours(a: &mut App) {
    a.update(Action::Select);
    while a.screens().interview.question != "hours_per_week" {
        a.update(Action::Forward);
        assert_eq!(a.screen(), Screen::Interview);
    }
}

#[test]
fn a_number_out_of_range_is_said_beside_the_field_as_it_is_typed() {
    let mut a = app(80, 24);
    at_hours(&mut a);
    let QuestionKind::Number { max, .. } = a.kb().question("hours_per_week").unwrap().kind else {
        unreachable!()
    };
    let field_line = |a: &App| {
        crate::support::screen_lines(a)
            .into_iter()
            .find(|l| l.contains(&format!("-{max})")))
            .unwrap()
    };
    assert!(!field_line(&a).contains("out of range"));
    for c in (max + 1).to_string().chars() {
        a.update(Action::TypeDigit(c));
    }
    let line = field_line(&a);
    assert!(line.contains("out of range"), "{line}");
    assert!(
        a.screens().interview.input_error.is_none(),
        "not yet an error"
    );
    a.update(Action::DeleteChar);
    assert!(!field_line(&a).contains("out of range"));
    // 0 is below the range too (the hours start at 1).
    a.update(Action::DeleteChar);
    a.update(Action::DeleteChar);
    a.update(Action::TypeDigit('0'));
    assert!(field_line(&a).contains("out of range"));
}

/// Presses keys as the event loop does: the key table, then the update.
fn keys(a: &mut App, codes: &[KeyCode]) {
    for code in codes {
        let key = KeyEvent::new(*code, KeyModifiers::NONE);
        if let Some(action) = a.action_for(&key) {
            a.update(action);
        }
    }
}

fn typed(a: &mut App, text: &str) {
    for c in text.chars() {
        keys(a, &[KeyCode::Char(c)]);
    }
}

#[test]
fn a_typed_number_is_kept_when_moving_between_questions() {
    let mut a = app(80, 24);
    a.start_new();
    while a.screens().interview.question != "budget_usd" {
        keys(&mut a, &[KeyCode::Right]);
    }
    typed(&mut a, "250");
    // ← then →: the typed value is there, recorded as the answer as → would record it.
    keys(&mut a, &[KeyCode::Left]);
    assert_eq!(a.screens().interview.question, "hours_per_week");
    keys(&mut a, &[KeyCode::Right]);
    assert_eq!(a.screens().interview.question, "budget_usd");
    assert_eq!(a.screens().interview.input, "250");
    assert_eq!(a.answers().get("budget_usd"), Some("250"));
    // A value that cannot be an answer (out of range) is kept as a draft, with the range said.
    keys(
        &mut a,
        &[KeyCode::Backspace, KeyCode::Backspace, KeyCode::Backspace],
    );
    typed(&mut a, "999999");
    keys(&mut a, &[KeyCode::Left, KeyCode::Right]);
    assert_eq!(a.screens().interview.question, "budget_usd");
    assert_eq!(a.screens().interview.input, "999999");
    assert_eq!(a.answers().get("budget_usd"), Some("250"));
    let text = crate::support::screen_text(&a);
    assert!(text.contains("out of range"), "{text}");
    // Emptied, then left: nothing typed is kept, so the answer shows again.
    for _ in 0..6 {
        keys(&mut a, &[KeyCode::Backspace]);
    }
    keys(&mut a, &[KeyCode::Left, KeyCode::Right]);
    assert_eq!(a.screens().interview.input, "250");
    assert_eq!(a.answers().get("budget_usd"), Some("250"));
}

#[test]
fn enter_on_an_empty_number_says_why_under_the_field() {
    let mut a = app(80, 24);
    a.open_question("hours_per_week", false);
    keys(&mut a, &[KeyCode::Backspace, KeyCode::Enter]);
    assert_eq!(a.screens().interview.question, "hours_per_week");
    let lines = crate::support::screen_lines(&a);
    let bottom = lines.iter().position(|l| l.contains('└')).unwrap();
    let under = lines[bottom + 1..bottom + 3].join("\n");
    assert!(under.contains("Nothing typed"), "{}", lines.join("\n"));
    assert!(under.contains("1-80"), "{under}");
}
