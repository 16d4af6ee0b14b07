//! Pure tests of the key table and of `App::update`, plus a property test: random keys at random
//! sizes never panic and always leave a consistent state.
#![allow(clippy::unwrap_used)]

use std::mem::discriminant;

use certwise::knowledge::{Knowledge, QuestionKind};
use certwise::tui::action::Action;
use certwise::tui::app::{App, Overlay, Pane, Screen};
use certwise::tui::bindings::{self as keymap, keymap};
use certwise::tui::input::{KeyCode, KeyEvent, KeyModifiers};
use certwise::tui::keymap::Mode;
use certwise::tui::theme::Theme;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const MODES: [Mode; 24] = [
    Mode::PostingsPath,
    Mode::PostingsPaste,
    Mode::PostingsReport,
    Mode::Outdated,
    Mode::EvalField,
    Mode::EvalToggle,
    Mode::EvalResult,
    Mode::Catalog,
    Mode::CatalogDetail,
    Mode::CatalogSearch,
    Mode::Compare,
    Mode::Welcome,
    Mode::Choice,
    Mode::Number,
    Mode::Summary,
    Mode::Strategy,
    Mode::Plan,
    Mode::Saved,
    Mode::Help,
    Mode::Confirm,
    Mode::Input,
    Mode::Notice,
    Mode::Error,
    Mode::TooSmall,
];

/// Characters beyond ASCII: accented, combining marks, wide (CJK, emoji), a zero-width joiner,
/// right-to-left, a skin-tone modifier.
const UNUSUAL: &[char] = &[
    'é',
    '\u{301}',
    '\u{308}',
    '日',
    '本',
    '語',
    '한',
    '😀',
    '👍',
    '\u{1F3FD}',
    '\u{200D}',
    '❤',
    '\u{FE0F}',
    'ß',
    'א',
    'ﷺ',
    '\u{00A0}',
];

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn app() -> App {
    App::new(Knowledge::embedded().unwrap(), Theme::new(false), 80, 24)
}

fn all_keys() -> Vec<KeyEvent> {
    let mut keys: Vec<KeyEvent> = [
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::F(1),
    ]
    .into_iter()
    .map(key)
    .collect();
    keys.extend((' '..='~').map(|c| key(KeyCode::Char(c))));
    keys.extend(UNUSUAL.iter().map(|c| key(KeyCode::Char(*c))));
    keys.extend(['c', 'z', 'a'].map(ctrl));
    keys
}

#[test]
fn arrows_and_vim_keys_move_in_lists() {
    for mode in [Mode::Welcome, Mode::Choice, Mode::Summary, Mode::Plan] {
        assert_eq!(
            keymap(mode, &key(KeyCode::Up)),
            Some(Action::Up),
            "{mode:?}"
        );
        assert_eq!(
            keymap(mode, &key(KeyCode::Char('k'))),
            Some(Action::Up),
            "{mode:?}"
        );
        assert_eq!(
            keymap(mode, &key(KeyCode::Down)),
            Some(Action::Down),
            "{mode:?}"
        );
        assert_eq!(
            keymap(mode, &key(KeyCode::Char('j'))),
            Some(Action::Down),
            "{mode:?}"
        );
    }
}

#[test]
fn interview_keys() {
    assert_eq!(
        keymap(Mode::Choice, &key(KeyCode::Enter)),
        Some(Action::Select)
    );
    assert_eq!(
        keymap(Mode::Choice, &key(KeyCode::Char('3'))),
        Some(Action::TypeDigit('3'))
    );
    // 0 too: it makes 10 after a 1 in a long list (see tui_interview).
    assert_eq!(
        keymap(Mode::Choice, &key(KeyCode::Char('0'))),
        Some(Action::TypeDigit('0'))
    );
    assert_eq!(
        keymap(Mode::Choice, &key(KeyCode::Left)),
        Some(Action::Back)
    );
    assert_eq!(
        keymap(Mode::Choice, &key(KeyCode::Char('h'))),
        Some(Action::Back)
    );
    assert_eq!(
        keymap(Mode::Choice, &key(KeyCode::Right)),
        Some(Action::Forward)
    );
    assert_eq!(
        keymap(Mode::Choice, &key(KeyCode::Char('l'))),
        Some(Action::Forward)
    );
    assert_eq!(keymap(Mode::Choice, &key(KeyCode::Esc)), Some(Action::Back));
    assert_eq!(
        keymap(Mode::Number, &key(KeyCode::Char('0'))),
        Some(Action::TypeDigit('0'))
    );
    assert_eq!(
        keymap(Mode::Number, &key(KeyCode::Char('7'))),
        Some(Action::TypeDigit('7'))
    );
    assert_eq!(
        keymap(Mode::Number, &key(KeyCode::Backspace)),
        Some(Action::DeleteChar)
    );
    assert_eq!(keymap(Mode::Number, &key(KeyCode::Esc)), Some(Action::Back));
}

#[test]
fn plan_keys() {
    assert_eq!(
        keymap(Mode::Plan, &key(KeyCode::Tab)),
        Some(Action::NextPane)
    );
    assert_eq!(
        keymap(Mode::Plan, &key(KeyCode::BackTab)),
        Some(Action::PrevPane)
    );
    assert_eq!(
        keymap(Mode::Plan, &key(KeyCode::PageDown)),
        Some(Action::PageDown)
    );
    assert_eq!(
        keymap(Mode::Plan, &key(KeyCode::PageUp)),
        Some(Action::PageUp)
    );
    assert_eq!(keymap(Mode::Plan, &key(KeyCode::Home)), Some(Action::Home));
    assert_eq!(
        keymap(Mode::Plan, &key(KeyCode::Char('g'))),
        Some(Action::Home)
    );
    assert_eq!(keymap(Mode::Plan, &key(KeyCode::End)), Some(Action::End));
    let shift_g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(keymap(Mode::Plan, &shift_g), Some(Action::End));
    assert_eq!(
        keymap(Mode::Plan, &key(KeyCode::Char('a'))),
        Some(Action::EditAnswers)
    );
    assert_eq!(
        keymap(Mode::Summary, &key(KeyCode::Char('p'))),
        Some(Action::ShowPlan)
    );
}

#[test]
fn global_keys_work_on_every_screen_and_overlays_take_keys_first() {
    for mode in [
        Mode::Welcome,
        Mode::Choice,
        Mode::Number,
        Mode::Summary,
        Mode::Strategy,
        Mode::Plan,
        Mode::TooSmall,
    ] {
        assert_eq!(
            keymap(mode, &key(KeyCode::Char('?'))),
            Some(Action::OpenHelp),
            "{mode:?}"
        );
        assert_eq!(
            keymap(mode, &key(KeyCode::F(1))),
            Some(Action::OpenHelp),
            "{mode:?}"
        );
        assert_eq!(
            keymap(mode, &key(KeyCode::Char('q'))),
            Some(Action::Quit),
            "{mode:?}"
        );
    }
    for mode in MODES {
        assert_eq!(
            keymap(mode, &ctrl('c')),
            Some(Action::ForceQuit),
            "{mode:?}"
        );
        assert_eq!(keymap(mode, &ctrl('z')), Some(Action::Suspend), "{mode:?}");
    }
    assert_eq!(
        keymap(Mode::Help, &key(KeyCode::Esc)),
        Some(Action::CloseOverlay)
    );
    assert_eq!(
        keymap(Mode::Help, &key(KeyCode::Char('?'))),
        Some(Action::CloseOverlay)
    );
    assert_eq!(
        keymap(Mode::Confirm, &key(KeyCode::Char('y'))),
        Some(Action::Confirm)
    );
    assert_eq!(
        keymap(Mode::Confirm, &key(KeyCode::Char('n'))),
        Some(Action::CloseOverlay)
    );
    assert_eq!(
        keymap(Mode::Confirm, &key(KeyCode::Esc)),
        Some(Action::CloseOverlay)
    );
    assert_eq!(keymap(Mode::Confirm, &key(KeyCode::Tab)), None);
}

/// Nothing is bound to Alt: an Alt key (or Esc and a key read together) does nothing in any
/// mode, text fields included, instead of acting as the bare key.
#[test]
fn alt_keys_do_nothing_anywhere() {
    for mode in MODES {
        for c in ['q', 's', 'x', 'd', '?', '1'] {
            let alt = KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT);
            assert_eq!(keymap(mode, &alt), None, "Alt-{c} in {mode:?}");
        }
        let alt_enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT);
        assert_eq!(keymap(mode, &alt_enter), None, "Alt-Enter in {mode:?}");
    }
    // Ctrl-C still quits whatever else is held.
    let ctrl_alt_c = KeyEvent::new(
        KeyCode::Char('c'),
        KeyModifiers::CONTROL | KeyModifiers::ALT,
    );
    assert_eq!(keymap(Mode::Welcome, &ctrl_alt_c), Some(Action::ForceQuit));
}

/// Every key that does something on a screen is listed in that screen's help.
#[test]
fn every_dispatched_key_is_in_the_help() {
    for mode in MODES {
        let help = keymap::help_rows(mode);
        for k in all_keys() {
            let Some(action) = keymap(mode, &k) else {
                continue;
            };
            if matches!(action, Action::ForceQuit | Action::Suspend) {
                assert!(
                    help.iter()
                        .any(|b| discriminant(&b.action) == discriminant(&action))
                        || mode.is_overlay()
                );
                continue;
            }
            assert!(
                help.iter()
                    .any(|b| discriminant(&b.action) == discriminant(&action)),
                "{k:?} does {action:?} in {mode:?} but help does not say so"
            );
        }
    }
    // And every row of the table is reachable from at least one mode's help.
    for b in keymap::all() {
        assert!(
            MODES
                .iter()
                .any(|m| keymap::help_rows(*m).iter().any(|r| std::ptr::eq(*r, b))),
            "{}",
            b.help
        );
    }
}

#[test]
fn footer_hints_come_from_the_table() {
    let hints = keymap::footer_hints(Mode::Plan);
    assert!(hints.iter().any(|(k, h, _)| k == "Tab" && *h == "pane"));
    assert!(
        hints
            .iter()
            .any(|(k, h, global)| k == "?" && *h == "help" && *global)
    );
}

fn answer_all_defaults(a: &mut App) {
    a.update(Action::Select); // welcome: new plan
    while a.screen() == Screen::Interview {
        a.update(Action::Select);
    }
}

#[test]
fn select_walks_the_interview_to_the_summary_and_plan() {
    let mut a = app();
    answer_all_defaults(&mut a);
    assert_eq!(a.screen(), Screen::Summary);
    assert_eq!(a.answers().len(), a.resolved().asked_count());
    a.update(Action::ShowPlan);
    assert_eq!(a.screen(), Screen::Strategy);
    assert!(a.plan().is_some());
    a.update(Action::Select);
    assert_eq!(a.screen(), Screen::Plan);
    a.update(Action::Back);
    assert_eq!(a.screen(), Screen::Strategy);
    a.update(Action::Back);
    assert_eq!(a.screen(), Screen::Summary);
}

#[test]
fn pick_chooses_an_option_and_moves_on() {
    let mut a = app();
    a.update(Action::Select);
    a.update(Action::Pick(4)); // goal: productivity
    assert_eq!(a.answers().get("goal"), Some("productivity"));
    assert_eq!(a.screens().interview.question, "role");
    a.update(Action::Pick(99)); // no such option: nothing happens
    assert_eq!(a.screens().interview.question, "role");
}

#[test]
fn moving_stays_in_bounds() {
    let mut a = app();
    a.update(Action::Select);
    for _ in 0..20 {
        a.update(Action::Down);
    }
    let QuestionKind::Choice(options) = &a.current_question().unwrap().kind else {
        panic!()
    };
    assert_eq!(a.screens().interview.option, options.len() - 1);
    a.update(Action::Home);
    assert_eq!(a.screens().interview.option, 0);
    a.update(Action::End);
    assert_eq!(a.screens().interview.option, options.len() - 1);
    a.update(Action::Up);
    assert_eq!(a.screens().interview.option, options.len() - 2);
}

#[test]
fn going_back_keeps_answers_and_changing_one_rebranches() {
    let mut a = app();
    a.update(Action::Select);
    a.update(Action::Pick(0)); // goal: get into AI
    a.update(Action::Pick(2)); // role: developer
    a.update(Action::Pick(11)); // field: software
    a.update(Action::Pick(2)); // experience: hands-on
    assert_eq!(a.screens().interview.question, "projects_built");
    a.update(Action::Pick(1));
    a.update(Action::Back);
    a.update(Action::Back);
    assert_eq!(a.screens().interview.question, "ai_experience");
    assert_eq!(
        a.answers().get("projects_built"),
        Some("one-or-two"),
        "going back keeps answers"
    );
    // Experience "none" means projects_built is no longer asked: its answer goes, the rest stay.
    a.update(Action::Pick(0));
    assert_eq!(a.answers().get("projects_built"), None);
    assert_eq!(a.answers().get("role"), Some("developer"));
    assert_eq!(a.screens().interview.question, "governance_focus");
}

#[test]
fn back_from_first_question_returns_to_welcome_and_continue_resumes() {
    let mut a = app();
    a.update(Action::Select);
    a.update(Action::Pick(1));
    a.update(Action::Back);
    a.update(Action::Back);
    assert_eq!(a.screen(), Screen::Welcome);
    assert_eq!(
        a.welcome_items()[0],
        certwise::tui::app::WelcomeItem::Continue
    );
    a.update(Action::Select);
    assert_eq!(a.screen(), Screen::Interview);
    assert_eq!(
        a.screens().interview.question,
        "role",
        "continue opens the first unanswered question"
    );
}

#[test]
fn typed_numbers_are_validated_inline() {
    let mut a = app();
    answer_all_defaults(&mut a);
    a.update(Action::Home);
    for _ in 0..a.resolved().position("hours_per_week").unwrap() {
        a.update(Action::Down);
    }
    a.update(Action::Select);
    assert_eq!(a.mode(), Mode::Number);
    a.update(Action::TypeDigit('0')); // replaces the prefilled value
    assert_eq!(a.screens().interview.input, "0");
    a.update(Action::Select);
    assert!(
        a.screens()
            .interview
            .input_error
            .as_deref()
            .unwrap()
            .contains("1-80"),
        "{:?}",
        a.screens().interview.input_error
    );
    assert_eq!(a.mode(), Mode::Number, "a bad value stays on the question");
    a.update(Action::DeleteChar);
    assert!(a.screens().interview.input.is_empty());
    assert_eq!(a.screens().interview.input_error, None);
    a.update(Action::Select);
    assert!(
        a.screens().interview.input_error.is_some(),
        "an empty entry is refused, not clamped"
    );
    a.update(Action::TypeDigit('1'));
    a.update(Action::TypeDigit('2'));
    a.update(Action::Select);
    assert_eq!(a.answers().get("hours_per_week"), Some("12"));
    assert_eq!(
        a.screen(),
        Screen::Summary,
        "editing from the summary returns there"
    );
}

#[test]
fn held_backspace_in_a_number_only_empties_it() {
    for from_summary in [false, true] {
        let mut a = app();
        answer_all_defaults(&mut a);
        if from_summary {
            a.update(Action::Home);
            for _ in 0..a.resolved().position("budget_usd").unwrap() {
                a.update(Action::Down);
            }
            a.update(Action::Select);
        } else {
            a.open_question("budget_usd", false);
        }
        assert_eq!(a.mode(), Mode::Number);
        for _ in 0..20 {
            let action = keymap(a.mode(), &key(KeyCode::Backspace)).unwrap();
            a.update(action);
        }
        assert_eq!(
            a.screen(),
            Screen::Interview,
            "Backspace never leaves the field"
        );
        assert_eq!(a.screens().interview.question, "budget_usd");
        assert!(a.screens().interview.input.is_empty());
        // Esc is the way back.
        let back = keymap(Mode::Number, &key(KeyCode::Esc)).unwrap();
        a.update(back);
        if from_summary {
            assert_eq!(a.screen(), Screen::Summary);
        } else {
            assert_ne!(a.screens().interview.question, "budget_usd");
        }
    }
    let help: Vec<_> = keymap::help_rows(Mode::Number)
        .iter()
        .filter(|b| b.action == Action::Back)
        .flat_map(|b| b.keys.iter().map(|k| k.label()))
        .collect();
    assert!(help.contains(&"Esc".to_owned()), "{help:?}");
    assert!(!help.contains(&"Backspace".to_owned()), "{help:?}");
}

#[test]
fn edit_from_summary_then_plan_changes() {
    let mut a = app();
    answer_all_defaults(&mut a);
    a.update(Action::ShowPlan);
    let before = a.plan().cloned().unwrap().strategy.id;
    a.update(Action::Select);
    a.update(Action::EditAnswers);
    assert_eq!(a.screen(), Screen::Summary);
    a.update(Action::Home);
    for _ in 0..a.resolved().position("role").unwrap() {
        a.update(Action::Down);
    }
    a.update(Action::Select);
    a.update(Action::Pick(4)); // student
    while a.screen() == Screen::Interview {
        a.update(Action::Select);
    }
    a.update(Action::ShowPlan);
    let after = a.plan().cloned().unwrap().strategy.id;
    assert_ne!(before, after);
    assert_eq!(after, "student");
}

#[test]
fn panes_cycle_both_ways_and_scroll_is_bounded() {
    let mut a = app();
    answer_all_defaults(&mut a);
    a.update(Action::ShowPlan);
    a.update(Action::Select);
    assert_eq!(a.screens().plan.pane, Pane::Ranking);
    a.update(Action::PrevPane);
    assert_eq!(a.screens().plan.pane, Pane::Signals);
    a.update(Action::NextPane);
    a.update(Action::NextPane);
    assert_eq!(a.screens().plan.pane, Pane::Why);
    for _ in 0..100 {
        a.update(Action::PageDown);
    }
    let text = &a.screens().plan.text;
    assert!(text.max() > 0);
    assert_eq!(text.offset(), text.max());
    a.update(Action::Home);
    assert_eq!(a.screens().plan.text.offset(), 0);
    a.update(Action::PrevPane);
    assert_eq!(a.screens().plan.pane, Pane::Ranking);
    a.update(Action::End);
    assert_eq!(a.screens().plan.row, a.ranking().len() - 1);
}

#[test]
fn quit_asks_when_there_is_unsaved_work() {
    let mut a = app();
    a.update(Action::Quit);
    assert!(!a.is_running(), "nothing to lose: quit at once");
    let mut a = app();
    a.update(Action::Select);
    a.update(Action::Pick(0));
    a.update(Action::Quit);
    assert!(a.is_running());
    assert!(matches!(
        a.overlay(),
        Some(Overlay::Confirm(certwise::tui::app::Ask::Quit(_)))
    ));
    a.update(Action::CloseOverlay);
    assert!(a.is_running() && a.overlay().is_none());
    a.update(Action::Quit);
    a.update(Action::Confirm);
    assert!(!a.is_running());
    let mut a = app();
    a.update(Action::Select);
    a.update(Action::Pick(0));
    a.update(Action::ForceQuit);
    assert!(!a.is_running(), "Ctrl-C does not ask");
}

#[test]
fn help_opens_for_the_screen_underneath_and_closes() {
    let mut a = app();
    a.update(Action::Select);
    a.update(Action::OpenHelp);
    assert!(matches!(
        a.overlay(),
        Some(Overlay::Help {
            under: Mode::Choice,
            text
        }) if text.offset() == 0
    ));
    assert_eq!(a.mode(), Mode::Help);
    a.update(Action::Down);
    a.update(Action::CloseOverlay);
    assert_eq!(a.overlay(), None);
    assert_eq!(
        a.screens().interview.question,
        "goal",
        "keys in help do not reach the screen below"
    );
    assert_eq!(a.screens().interview.option, 0);
}

#[test]
fn resize_below_the_minimum_and_back_keeps_state() {
    let mut a = app();
    a.update(Action::Select);
    a.update(Action::Down);
    a.update(Action::Resize(10, 5));
    assert_eq!(a.mode(), Mode::TooSmall);
    a.update(Action::Down); // ignored by keymap in TooSmall, but update must cope too
    a.update(Action::Resize(80, 24));
    assert_eq!(a.mode(), Mode::Choice);
    assert_eq!(a.screens().interview.question, "goal");
}

#[test]
fn suspend_is_an_effect_for_the_event_loop() {
    let mut a = app();
    a.update(Action::Suspend);
    assert!(matches!(
        a.take_effect(),
        Some(certwise::tui::shared::Effect::Suspend)
    ));
    assert!(a.is_running());
}

fn render(a: &App, w: u16, h: u16) {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| f.render_widget(a, f.area())).unwrap();
}

fn consistent(a: &App) -> Result<(), String> {
    let check = |ok: bool, what: &str| if ok { Ok(()) } else { Err(what.to_owned()) };
    check(
        a.screens().welcome.row < a.welcome_items().len(),
        "welcome row",
    )?;
    check(
        a.screens().answers.row <= a.resolved().asked_count(),
        "summary row",
    )?;
    check(
        !matches!(a.screen(), Screen::Strategy | Screen::Plan) || a.plan().is_some(),
        "plan screens need a plan",
    )?;
    if a.screen() == Screen::Interview {
        check(
            a.resolved().is_asked(&a.screens().interview.question),
            "the question on screen is asked",
        )?;
        if let QuestionKind::Choice(options) = &a.current_question().unwrap().kind {
            check(a.screens().interview.option < options.len(), "option index")?;
        }
    }
    if a.screen() == Screen::Plan {
        check(a.screens().plan.row < a.ranking().len().max(1), "rank row")?;
    }
    let s = a.screens();
    for text in [
        &s.strategy.text,
        &s.plan.text,
        &s.catalog.text,
        &s.evaluate.text,
    ] {
        check(text.offset() <= text.max(), "scroll")?;
    }
    // Answers only for asked questions, all valid.
    let r = a.resolved();
    for (id, v) in a.answers().iter() {
        check(r.is_asked(id), "answer to an unasked question")?;
        check(
            a.kb().question(id).unwrap().parse_value(v).is_ok(),
            "invalid answer",
        )?;
    }
    Ok(())
}

fn any_key() -> impl Strategy<Value = KeyEvent> {
    let keys = all_keys();
    (0..keys.len()).prop_map(move |i| keys[i])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]
    #[test]
    fn random_keys_at_random_sizes_never_panic(
        steps in proptest::collection::vec(
            prop_oneof![
                8 => any_key().prop_map(Some),
                1 => (0u16..300, 0u16..100).prop_map(|_| None),
            ],
            1..120,
        ),
        sizes in proptest::collection::vec(prop_oneof![Just((0u16, 0u16)), Just((1, 1)), (0u16..300, 0u16..100)], 1..8),
    ) {
        let mut a = app();
        let mut size_at = sizes.iter().cycle();
        for step in steps {
            let action = match step {
                Some(k) => keymap(a.mode(), &k),
                None => size_at.next().map(|(w, h)| Action::Resize(*w, *h)),
            };
            if let Some(action) = action {
                if action == Action::ForceQuit || action == Action::Suspend {
                    continue;
                }
                a.update(action);
                a.take_effect();
                if !a.is_running() {
                    break;
                }
            }
            prop_assert_eq!(consistent(&a), Ok(()));
            render(&a, a.size().0, a.size().1);
        }
    }
}

#[test]
fn text_fields_take_letters_and_f1_still_helps() {
    assert_eq!(
        keymap(Mode::EvalField, &key(KeyCode::Char('a'))),
        Some(Action::TypeChar('a'))
    );
    assert_eq!(
        keymap(Mode::EvalField, &key(KeyCode::Char('q'))),
        Some(Action::TypeChar('q'))
    );
    assert_eq!(
        keymap(Mode::EvalField, &key(KeyCode::Char('?'))),
        Some(Action::TypeChar('?'))
    );
    assert_eq!(
        keymap(Mode::EvalField, &key(KeyCode::F(1))),
        Some(Action::OpenHelp)
    );
    assert_eq!(
        keymap(Mode::Input, &key(KeyCode::Char('s'))),
        Some(Action::TypeChar('s'))
    );
    let shift_w = KeyEvent::new(KeyCode::Char('W'), KeyModifiers::SHIFT);
    assert_eq!(
        keymap(Mode::EvalField, &shift_w),
        Some(Action::TypeChar('W'))
    );
}

// ---------------------------------------------------------------------------
// Text fields: grapheme editing, sideways scrolling, non-ASCII and pasted text
// ---------------------------------------------------------------------------

/// The plan's name dialog, emptied. The data folder lives as long as the test process.
fn name_dialog() -> App {
    let dir = Box::leak(Box::new(tempfile::tempdir().unwrap()));
    let store = certwise::store::Store::open(dir.path().join("data")).unwrap();
    let mut a = app().with_store(store, false);
    a.update(Action::Select);
    while a.screen() == Screen::Interview {
        a.update(Action::Forward);
    }
    a.update(Action::ShowPlan);
    a.update(Action::Select);
    a.update(Action::OpenSave);
    while !dialog_text(&a).is_empty() {
        a.update(Action::DeleteChar);
    }
    a
}

fn dialog_text(a: &App) -> String {
    let Some(Overlay::Input(input)) = a.overlay() else {
        panic!("no name dialog")
    };
    input.text.text().to_owned()
}

fn screen(a: &App, w: u16, h: u16) -> Vec<String> {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| f.render_widget(a, f.area())).unwrap();
    let buf = term.backend().buffer().clone();
    // A wide character fills two cells; the second one is skipped.
    (0..h)
        .map(|y| {
            let mut row = String::new();
            let mut x = 0;
            while x < w {
                let symbol = buf[(x, y)].symbol();
                row.push_str(symbol);
                x += u16::try_from(unicode_width::UnicodeWidthStr::width(symbol).max(1)).unwrap();
            }
            row
        })
        .collect()
}

fn type_text(a: &mut App, text: &str) {
    for c in text.chars() {
        let action = keymap(a.mode(), &key(KeyCode::Char(c))).unwrap();
        a.update(action);
    }
}

#[test]
fn backspace_removes_a_whole_character_with_its_accent_or_width() {
    // "e" + combining acute, a CJK character, a thumbs-up with a skin tone, a ZWJ family.
    let mut a = name_dialog();
    type_text(&mut a, "Cafe\u{301} 日👍\u{1F3FD}👨\u{200D}👩");
    let expect_after = [
        "Cafe\u{301} 日👍\u{1F3FD}",
        "Cafe\u{301} 日",
        "Cafe\u{301} ",
        "Cafe\u{301}",
        "Caf",
    ];
    for want in expect_after {
        a.update(keymap(Mode::Input, &key(KeyCode::Backspace)).unwrap());
        assert_eq!(dialog_text(&a), want);
    }
}

#[test]
fn a_long_name_scrolls_to_keep_its_end_and_the_cursor_visible() {
    let long = format!("{}END", "word ".repeat(15)); // 78 characters
    let wide = format!("{}末尾", "日本語".repeat(10)); // 32 characters, 64 columns
    for name in [long.as_str(), wide.as_str()] {
        let mut a = name_dialog();
        type_text(&mut a, name);
        assert_eq!(dialog_text(&a), name);
        for (w, h) in [(80, 24), (120, 40), (60, 18)] {
            let rows = screen(&a, w, h);
            let tail: String = name
                .chars()
                .rev()
                .take(3)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let row = rows
                .iter()
                .find(|r| r.contains('▏'))
                .unwrap_or_else(|| panic!("no cursor at {w}x{h}:\n{}", rows.join("\n")));
            assert!(
                row.contains(&format!("{tail}▏")),
                "end of {name:?} hidden at {w}x{h}:\n{}",
                rows.join("\n")
            );
            assert!(row.contains('…'), "the cut start is marked: {row}");
        }
    }
}

#[test]
fn names_stop_at_80_characters_counting_accents_with_their_letter() {
    let mut a = name_dialog();
    type_text(&mut a, &"e\u{301}".repeat(79));
    type_text(&mut a, "日xyz");
    assert_eq!(dialog_text(&a), format!("{}日", "e\u{301}".repeat(79)));
}

fn text_of(a: &App) -> Option<String> {
    match &a.overlay() {
        Some(Overlay::Input(input)) => Some(input.text.text().to_owned()),
        _ if a.mode() == Mode::EvalField => Some(a.screens().evaluate.name.text().to_owned()),
        _ => None,
    }
}

fn any_text_key() -> impl Strategy<Value = Vec<KeyEvent>> {
    let typed = prop_oneof![
        any::<char>(),
        proptest::sample::select(UNUSUAL.to_vec()),
        proptest::sample::select(vec!['a', 'Z', ' ', '-', '1']),
    ]
    .prop_map(|c| key(KeyCode::Char(c)));
    let one = prop_oneof![
        6 => typed.prop_map(|k| vec![k]),
        2 => Just(vec![key(KeyCode::Backspace)]),
        // Pasted text: without bracketed paste it arrives as a fast run of typed characters.
        1 => proptest::collection::vec(proptest::sample::select(UNUSUAL.to_vec()), 1..40)
            .prop_map(|cs| cs.into_iter().map(|c| key(KeyCode::Char(c))).collect()),
    ];
    one
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
    #[test]
    fn text_fields_take_any_characters_and_backspace_removes_one_grapheme(
        evaluate in any::<bool>(),
        steps in proptest::collection::vec(any_text_key(), 1..80),
        (w, h) in (0u16..200, 0u16..60),
    ) {
        use unicode_segmentation::UnicodeSegmentation as _;
        let mut a = if evaluate {
            let mut a = app();
            a.open_evaluate();
            a
        } else {
            name_dialog()
        };
        for keys in steps {
            for k in keys {
                let Some(before) = text_of(&a) else { break };
                let action = keymap(a.mode(), &k);
                let Some(action) = action else { continue };
                a.update(action);
                let after = text_of(&a).unwrap();
                let count = |s: &str| s.graphemes(true).count();
                prop_assert!(count(&after) <= 80, "{after:?}");
                if k.code == KeyCode::Backspace {
                    prop_assert!(before.starts_with(&after), "{before:?} -> {after:?}");
                    prop_assert_eq!(count(&after), count(&before).saturating_sub(1));
                }
            }
        }
        render(&a, w, h);
    }
}
