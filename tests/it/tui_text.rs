//! Text fields and the evaluation form (issues 10 and 12): the one editor every text field uses
//! (cursor, Home/End, Delete, Ctrl-U, Ctrl-W, pre-filled names replaced by typing, sideways
//! scrolling), a long paste cut at the limit with a message, and the evaluation form's keys,
//! draft, errors, ranges and result scrolling. Driven through keys or actions, with snapshots at
//! 60x18, 80x24 and 120x40.
#![allow(clippy::unwrap_used)]

use certwise::knowledge::Knowledge;
use certwise::tui::action::Action;
use certwise::tui::app::{App, Overlay, Screen, WelcomeItem};
use certwise::tui::bindings::keymap;
use certwise::tui::input::{KeyCode, KeyEvent, KeyModifiers};
use certwise::tui::keymap::Mode;
use certwise::tui::screen::evaluate::{Field, Tri};
use certwise::tui::text_field::{Change, Edit, MAX_LEN, TextField};
use certwise::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr as _;

const SIZES: [(u16, u16); 3] = [(60, 18), (80, 24), (120, 40)];

fn app(w: u16, h: u16) -> App {
    App::new(Knowledge::embedded().unwrap(), Theme::new(false), w, h)
}

fn screen(a: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(a.size().0, a.size().1)).unwrap();
    terminal.draw(|f| f.render_widget(a, f.area())).unwrap();
    terminal.backend().to_string()
}

fn snap(name: &str, a: &App) {
    insta::with_settings!({filters => vec![(r"\d{4}-\d{2}-\d{2}", "YYYY-MM-DD")]}, {
        insta::assert_snapshot!(format!("{name}_{}x{}", a.size().0, a.size().1), screen(a));
    });
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// Presses keys as the event loop does: the key table, then the update.
fn press(a: &mut App, keys: &[KeyEvent]) {
    for k in keys {
        if let Some(action) = a.action_for(k) {
            a.update(action);
        }
    }
}

fn type_text(a: &mut App, text: &str) {
    for c in text.chars() {
        press(a, &[key(KeyCode::Char(c))]);
    }
}

/// The evaluation form's error message (there must be one).
fn eval_error(a: &App) -> &str {
    a.screens()
        .evaluate
        .error
        .as_deref()
        .expect("an error under the form")
}

fn field(text: &str) -> TextField {
    TextField::with_text(text, MAX_LEN)
}

fn edit(f: &mut TextField, edits: &[Edit]) {
    for e in edits {
        let _ = f.apply(*e);
    }
}

// ---------------------------------------------------------------------------------------------
// The editor
// ---------------------------------------------------------------------------------------------

#[test]
fn the_cursor_moves_and_inserts_where_it_is() {
    let mut f = field("AWS Specialty");
    edit(
        &mut f,
        &[Edit::Start, Edit::Right, Edit::Right, Edit::Right],
    );
    edit(
        &mut f,
        &[Edit::Insert(' '), Edit::Insert('M'), Edit::Insert('L')],
    );
    assert_eq!(f.text(), "AWS ML Specialty");
    assert_eq!(f.cursor_chars(), 6);
    edit(&mut f, &[Edit::End, Edit::Insert('!')]);
    assert_eq!(f.text(), "AWS ML Specialty!");
    // At the edges, a movement does nothing.
    assert_eq!(f.apply(Edit::Right), Change::None);
    edit(&mut f, &[Edit::Start]);
    assert_eq!(f.apply(Edit::Left), Change::None);
    assert_eq!(f.apply(Edit::DeleteBack), Change::None);
}

#[test]
fn ctrl_arrows_move_by_word() {
    let mut f = field("Google Cloud  ML Engineer");
    edit(&mut f, &[Edit::End, Edit::WordLeft]);
    assert_eq!(f.cursor_chars(), 17, "before Engineer");
    edit(&mut f, &[Edit::WordLeft, Edit::WordLeft]);
    assert_eq!(f.cursor_chars(), 7, "before Cloud, over two spaces");
    edit(&mut f, &[Edit::WordRight]);
    assert_eq!(f.cursor_chars(), 12, "after Cloud");
    edit(&mut f, &[Edit::WordRight, Edit::Insert('s')]);
    assert_eq!(f.text(), "Google Cloud  MLs Engineer");
    // At the edges, nothing moves.
    edit(&mut f, &[Edit::Start]);
    assert_eq!(f.apply(Edit::WordLeft), Change::None);
    edit(&mut f, &[Edit::End]);
    assert_eq!(f.apply(Edit::WordRight), Change::None);
}

#[test]
fn delete_ctrl_u_and_ctrl_w_delete_around_the_cursor() {
    let mut f = field("Google Cloud ML Engineer");
    edit(&mut f, &[Edit::Start, Edit::DeleteForward]);
    assert_eq!(f.text(), "oogle Cloud ML Engineer");
    edit(&mut f, &[Edit::End, Edit::DeleteWordBack]);
    assert_eq!(f.text(), "oogle Cloud ML ");
    edit(&mut f, &[Edit::DeleteWordBack]);
    assert_eq!(f.text(), "oogle Cloud ");
    edit(&mut f, &[Edit::Left, Edit::Left, Edit::ClearToStart]);
    assert_eq!(f.text(), "d ");
    assert_eq!(f.cursor_chars(), 0);
}

#[test]
fn wide_and_combining_characters_move_and_delete_as_one() {
    // A wide CJK character, e with a combining accent, and an emoji made of five code points.
    let mut f = field("日e\u{301}🤦🏼\u{200d}♂\u{fe0f}x");
    assert_eq!(f.len(), 4);
    edit(&mut f, &[Edit::Left, Edit::Left]);
    assert_eq!(f.cursor_chars(), 2);
    edit(&mut f, &[Edit::DeleteBack]);
    assert_eq!(f.text(), "日🤦🏼\u{200d}♂\u{fe0f}x");
    edit(&mut f, &[Edit::DeleteForward]);
    assert_eq!(f.text(), "日x");
    // A combining mark typed after a letter joins it: the cursor stays after the pair.
    edit(
        &mut f,
        &[Edit::End, Edit::Insert('a'), Edit::Insert('\u{308}')],
    );
    assert_eq!(f.text(), "日xa\u{308}");
    assert_eq!(f.cursor_chars(), 3);
    edit(&mut f, &[Edit::Left]);
    assert_eq!(f.cursor_chars(), 2, "one step over a letter and its mark");
}

#[test]
fn a_prefilled_text_is_replaced_by_typing_and_kept_by_a_movement() {
    let mut f = TextField::prefilled("Career changer 2026-11-21", MAX_LEN);
    assert!(f.is_selected());
    assert_eq!(f.apply(Edit::Insert('M')), Change::Text);
    assert_eq!(f.text(), "M");
    assert!(!f.is_selected());

    let mut f = TextField::prefilled("Career changer", MAX_LEN);
    assert_eq!(f.apply(Edit::Left), Change::Cursor);
    assert!(!f.is_selected());
    edit(&mut f, &[Edit::Insert('s')]);
    assert_eq!(
        f.text(),
        "Career changesr",
        "kept, and edited where the cursor is"
    );

    let mut f = TextField::prefilled("Career changer", MAX_LEN);
    assert_eq!(
        f.apply(Edit::End),
        Change::Cursor,
        "deselecting is a change"
    );
    assert_eq!(f.text(), "Career changer");

    let mut f = TextField::prefilled("Career changer", MAX_LEN);
    edit(&mut f, &[Edit::DeleteBack]);
    assert_eq!(
        f.text(),
        "Career change",
        "Backspace trims a suggested name"
    );
    assert!(!f.is_selected());
    // A control character is not typing: the selection stays.
    let mut f = TextField::prefilled("Career changer", MAX_LEN);
    assert_eq!(f.apply(Edit::Insert('\u{7}')), Change::None);
    assert!(f.is_selected());
}

#[test]
fn the_limit_cuts_and_says_so() {
    let mut f = TextField::new(5);
    let changes: Vec<Change> = "abcdefg"
        .chars()
        .map(|c| f.apply(Edit::Insert(c)))
        .collect();
    assert_eq!(f.text(), "abcde");
    assert_eq!(changes[4], Change::Text);
    assert_eq!(changes[5], Change::Full);
    // Inserting in the middle of a full field is refused too.
    edit(&mut f, &[Edit::Start]);
    assert_eq!(f.apply(Edit::Insert('z')), Change::Full);
    assert_eq!(f.text(), "abcde");
}

#[test]
fn the_view_scrolls_to_keep_the_cursor_in_sight() {
    let text: String = ('a'..='z').cycle().take(60).collect();
    let mut f = field(&text);
    for width in [8, 20, 40] {
        // At the end: the start is cut, the end and the cursor show.
        let v = f.view(width, true);
        assert!(v.starts_with('…') && v.ends_with("h▏"), "{v}");
        assert!(v.width() <= width, "{v} in {width}");
    }
    edit(&mut f, &[Edit::Start]);
    let v = f.view(20, true);
    assert!(v.starts_with("▏abc") && v.ends_with('…'), "{v}");
    assert_eq!(v.width(), 20);
    // In the middle: both ends cut, the cursor in view.
    for _ in 0..30 {
        edit(&mut f, &[Edit::Right]);
    }
    let v = f.view(20, true);
    assert!(v.starts_with('…') && v.ends_with('…'), "{v}");
    assert!(v.contains("abcd▏efg"), "{v}");
    // Unfocused: the start shows, cut with an ellipsis, no cursor.
    let v = f.view(20, false);
    assert!(
        v.starts_with("abc") && v.ends_with('…') && !v.contains('▏'),
        "{v}"
    );
    // Wide characters are never cut in half.
    let wide = field(&"日本".repeat(20));
    for width in 3..30 {
        let v = wide.view(width, true);
        assert!(v.width() <= width, "{v:?} in {width}");
    }
}

#[test]
fn text_field_keys_map_to_editing_actions_in_every_text_field() {
    for mode in [Mode::Input, Mode::EvalField] {
        for (k, action) in [
            (key(KeyCode::Left), Action::CursorLeft),
            (key(KeyCode::Right), Action::CursorRight),
            (key(KeyCode::Home), Action::CursorStart),
            (key(KeyCode::End), Action::CursorEnd),
            (key(KeyCode::Backspace), Action::DeleteChar),
            (key(KeyCode::Delete), Action::DeleteNextChar),
            (ctrl('u'), Action::ClearToStart),
            (ctrl('w'), Action::DeleteWord),
            (
                KeyEvent::new(KeyCode::Left, KeyModifiers::CONTROL),
                Action::CursorWordLeft,
            ),
            (
                KeyEvent::new(KeyCode::Right, KeyModifiers::CONTROL),
                Action::CursorWordRight,
            ),
            (key(KeyCode::Char('q')), Action::TypeChar('q')),
        ] {
            assert_eq!(keymap(mode, &k), Some(action), "{mode:?} {k:?}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The name dialog
// ---------------------------------------------------------------------------------------------

/// A plan on screen with the save dialog open, its suggested name selected.
fn save_dialog(w: u16, h: u16) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let store = certwise::store::Store::open(dir.path().join("data")).unwrap();
    let mut a = app(w, h).with_store(store, false);
    a.update(Action::Select);
    while a.screen() == Screen::Interview {
        a.update(Action::Forward);
    }
    a.update(Action::ShowPlan);
    a.update(Action::Select);
    a.update(Action::OpenSave);
    (dir, a)
}

fn dialog_text(a: &App) -> String {
    let Some(Overlay::Input(input)) = a.overlay() else {
        panic!("no name dialog: {:?}", a.overlay())
    };
    input.text.text().to_owned()
}

#[test]
fn typing_over_the_suggested_name_replaces_it() {
    let (_dir, mut a) = save_dialog(80, 24);
    let suggested = dialog_text(&a);
    assert!(!suggested.is_empty());
    type_text(&mut a, "My plan");
    assert_eq!(dialog_text(&a), "My plan");
    press(&mut a, &[key(KeyCode::Enter)]);
    assert_eq!(a.overlay(), None);
    assert_eq!(a.opened(), Some("My plan"));
}

#[test]
fn an_arrow_keeps_the_suggested_name_to_edit_it() {
    let (_dir, mut a) = save_dialog(80, 24);
    let suggested = dialog_text(&a);
    press(&mut a, &[key(KeyCode::Home)]);
    type_text(&mut a, "My ");
    assert_eq!(dialog_text(&a), format!("My {suggested}"));
    // Ctrl-W after the first word deletes it; End then Ctrl-U clears everything.
    press(&mut a, &[ctrl('w')]);
    assert_eq!(dialog_text(&a), suggested);
    press(&mut a, &[key(KeyCode::End), ctrl('u')]);
    assert_eq!(dialog_text(&a), "");
}

#[test]
fn a_long_paste_into_a_name_is_cut_with_a_message_and_enter_still_saves() {
    let (_dir, mut a) = save_dialog(80, 24);
    press(&mut a, &[ctrl('u')]);
    type_text(&mut a, &"n".repeat(3_000));
    assert_eq!(dialog_text(&a), "n".repeat(MAX_LEN));
    let Some(Overlay::Input(input)) = a.overlay() else {
        panic!()
    };
    assert!(
        input
            .error
            .as_deref()
            .unwrap()
            .contains("only 80 characters"),
        "{input:?}"
    );
    assert!(screen(&a).contains("only 80 characters"));
    press(&mut a, &[key(KeyCode::Enter)]);
    assert_eq!(a.overlay(), None, "Enter after the paste saves");
    assert_eq!(a.opened(), Some("n".repeat(MAX_LEN).as_str()));
}

#[test]
fn name_dialog_snapshots() {
    for (w, h) in SIZES {
        let (_dir, mut a) = save_dialog(w, h);
        snap("name_dialog_suggested", &a);
        press(&mut a, &[key(KeyCode::End)]);
        type_text(&mut a, " for the long weekend of learning");
        for _ in 0..12 {
            press(&mut a, &[key(KeyCode::Left)]);
        }
        snap("name_dialog_cursor_inside", &a);
    }
}

// ---------------------------------------------------------------------------------------------
// The evaluation form
// ---------------------------------------------------------------------------------------------

fn evaluate_app(w: u16, h: u16) -> App {
    let mut a = app(w, h);
    crate::support::choose_on_welcome(&mut a, WelcomeItem::Evaluate);
    assert_eq!(a.screen(), Screen::Evaluate);
    a
}

fn current(a: &App) -> Field {
    a.screens().evaluate.current()
}

fn go_to(a: &mut App, field: Field) {
    press(a, &[key(KeyCode::PageUp)]);
    while current(a) != field {
        press(a, &[key(KeyCode::Down)]);
    }
}

#[test]
fn home_end_and_page_keys_go_to_the_first_and_last_field() {
    let mut a = evaluate_app(80, 24);
    type_text(&mut a, "Cert");
    // In a typed field Home and End only move in the text, however often pressed: typing after
    // them goes into the text, never to a yes/no answer.
    press(&mut a, &[key(KeyCode::Home), key(KeyCode::Home)]);
    assert_eq!(a.screens().evaluate.name.cursor_chars(), 0);
    assert_eq!(current(&a), Field::Name);
    press(&mut a, &[key(KeyCode::End), key(KeyCode::End)]);
    assert_eq!(current(&a), Field::Name);
    type_text(&mut a, " X");
    assert_eq!(a.screens().evaluate.name, "Cert X");
    assert!(a.screens().evaluate.claims.is_empty(), "no answer flipped");
    // PgUp and PgDn go to the first and last field.
    press(&mut a, &[key(KeyCode::PageDown)]);
    assert_eq!(current(&a), Field::DaysToComplete);
    // On a yes/no field, Home and End go at once.
    press(&mut a, &[key(KeyCode::Home)]);
    assert_eq!(current(&a), Field::Name);
    press(&mut a, &[key(KeyCode::Down), key(KeyCode::End)]);
    assert_eq!(current(&a), Field::DaysToComplete);
    press(&mut a, &[key(KeyCode::Up), key(KeyCode::PageUp)]);
    assert_eq!(current(&a), Field::Name);
    assert_eq!(a.screens().evaluate.name, "Cert X", "moving kept the text");
}

#[test]
fn a_line_break_pasted_into_a_one_line_field_is_one_space() {
    let mut a = evaluate_app(80, 24);
    a.paste("Trial\nplan");
    assert_eq!(a.screens().evaluate.name, "Trial plan");
    // A run of spaces and breaks is one space; breaks at the ends of the paste are dropped.
    press(&mut a, &[ctrl('u')]);
    a.paste("\r\nTrial  \r\n\r\n  plan\n\n");
    assert_eq!(a.screens().evaluate.name, "Trial plan");
    // The catalog search too.
    press(&mut a, &[key(KeyCode::Esc)]);
    crate::support::choose_on_welcome(&mut a, WelcomeItem::Catalog);
    a.update(Action::OpenSearch);
    a.paste("azure\nai");
    assert_eq!(a.screens().catalog.query.text(), "azure ai");
}

#[test]
fn left_goes_back_to_the_previous_choice() {
    let mut a = evaluate_app(80, 24);
    go_to(&mut a, Field::ProviderKnown);
    press(&mut a, &[key(KeyCode::Right)]);
    assert_eq!(a.screens().evaluate.provider_known, Tri::Yes);
    press(&mut a, &[key(KeyCode::Right)]);
    assert_eq!(a.screens().evaluate.provider_known, Tri::No);
    press(&mut a, &[key(KeyCode::Left)]);
    assert_eq!(a.screens().evaluate.provider_known, Tri::Yes);
    press(&mut a, &[key(KeyCode::Left), key(KeyCode::Left)]);
    assert_eq!(a.screens().evaluate.provider_known, Tri::No);
    go_to(&mut a, Field::GuaranteedJob);
    press(&mut a, &[key(KeyCode::Left)]);
    let claims = &a.screens().evaluate.claims;
    assert_eq!(claims.len(), 1, "a yes/no claim flips both ways");
}

#[test]
fn the_draft_is_kept_when_leaving_and_coming_back() {
    let mut a = evaluate_app(80, 24);
    type_text(&mut a, "Weekend AI Pro");
    go_to(&mut a, Field::Cost);
    type_text(&mut a, "499");
    press(&mut a, &[key(KeyCode::Esc)]);
    assert_eq!(a.screen(), Screen::Welcome);
    a.open_evaluate();
    let e = &a.screens().evaluate;
    assert_eq!(e.name, "Weekend AI Pro");
    assert_eq!(e.cost, "499");
    assert_eq!(e.current(), Field::Cost);
    // Also after an evaluation: back on the form, with the facts.
    press(&mut a, &[key(KeyCode::Enter)]);
    assert!(a.screens().evaluate.result.is_some());
    press(&mut a, &[key(KeyCode::Esc), key(KeyCode::Esc)]);
    a.open_evaluate();
    assert!(a.screens().evaluate.result.is_none());
    assert_eq!(a.screens().evaluate.name, "Weekend AI Pro");
}

#[test]
fn an_error_goes_when_its_field_changes_and_stays_while_others_do() {
    let mut a = evaluate_app(80, 24);
    go_to(&mut a, Field::Cost);
    type_text(&mut a, "12");
    press(&mut a, &[key(KeyCode::Enter)]);
    // No name: the cursor goes there, with the message.
    assert_eq!(current(&a), Field::Name);
    assert!(eval_error(&a).contains("Name"));
    assert_eq!(a.screens().evaluate.error_at, Some(Field::Name));
    // Another field changing leaves it.
    go_to(&mut a, Field::Cost);
    press(&mut a, &[key(KeyCode::Backspace)]);
    assert!(
        a.screens().evaluate.error.is_some(),
        "the name is still missing"
    );
    // Its own field changing takes it away.
    go_to(&mut a, Field::Name);
    type_text(&mut a, "C");
    assert_eq!(a.screens().evaluate.error, None);
    // A letter in a number field: said, and gone with the next change there.
    go_to(&mut a, Field::Hours);
    type_text(&mut a, "x");
    assert!(eval_error(&a).contains("takes a number"));
    type_text(&mut a, "4");
    assert_eq!(a.screens().evaluate.error, None);
}

/// The message `certwise evaluate` gives for an option, after the option's name.
fn cli_message(option: &str, value: &str) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_certwise"))
        .args(["evaluate", "--name", "X", option, value])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    let at = err.find(option).unwrap_or_else(|| panic!("{err}"));
    err[at + option.len()..].trim().to_owned()
}

#[test]
fn fee_and_hours_are_capped_as_the_cli_caps_them_with_the_same_words() {
    for (field, option, label, too_big, max) in [
        (
            Field::Cost,
            "--cost-usd",
            "Total fee",
            "10000001",
            "10000000",
        ),
        (
            Field::Hours,
            "--prep-hours",
            "Preparation hours",
            "100001",
            "100000",
        ),
    ] {
        let mut a = evaluate_app(80, 24);
        type_text(&mut a, "Cert");
        go_to(&mut a, field);
        type_text(&mut a, max);
        assert_eq!(a.screens().evaluate.error, None, "{max} is allowed");
        press(&mut a, &[key(KeyCode::Backspace)]);
        type_text(&mut a, &too_big[too_big.len() - 1..]);
        press(&mut a, &[key(KeyCode::Home)]);
        press(&mut a, &[key(KeyCode::Delete)]);
        type_text(&mut a, &too_big[..1]);
        let typed = a
            .screens()
            .evaluate
            .field_text(field)
            .unwrap()
            .text()
            .to_owned();
        assert_eq!(typed, too_big);
        // Said as it is typed, next to the field.
        let live = a.screens().evaluate.error.clone().unwrap();
        assert_eq!(a.screens().evaluate.error_at, Some(field));
        let cli = cli_message(option, too_big);
        assert!(cli.contains("is out of range"), "{cli}");
        assert_eq!(live, format!("{label}: {cli}."));
        // And refused on Enter, with the cursor on the field.
        press(&mut a, &[key(KeyCode::PageUp), key(KeyCode::Enter)]);
        assert!(a.screens().evaluate.result.is_none());
        assert_eq!(current(&a), field);
        assert!(eval_error(&a).contains(&cli));
        // Malformed numbers are refused on Enter with the CLI's words too.
        let mut a = evaluate_app(80, 24);
        type_text(&mut a, "Cert");
        go_to(&mut a, field);
        type_text(&mut a, "012");
        assert_eq!(a.screens().evaluate.error, None, "not said while typing");
        press(&mut a, &[key(KeyCode::Enter)]);
        let cli = cli_message(option, "012");
        assert!(eval_error(&a).contains(&cli));
    }
}

#[test]
fn a_long_paste_into_the_form_is_cut_with_a_message_and_enter_evaluates() {
    let mut a = evaluate_app(80, 24);
    type_text(&mut a, &"Certification".repeat(250));
    let name = a.screens().evaluate.name.text().to_owned();
    assert_eq!(name.chars().count(), MAX_LEN);
    assert!(eval_error(&a).contains("only 80 characters"));
    assert!(screen(&a).contains("only 80 characters"));
    press(&mut a, &[key(KeyCode::Enter)]);
    assert_eq!(a.screens().evaluate.result.as_ref().unwrap().name, name);
}

#[test]
fn the_result_scrolls_with_home_and_end_and_marks_what_is_below() {
    let mut a = evaluate_app(60, 18);
    type_text(&mut a, "Certified AI Wizard");
    press(&mut a, &[key(KeyCode::Enter)]);
    assert_eq!(a.mode(), Mode::EvalResult);
    let s = screen(&a);
    assert!(s.contains("more below"), "{s}");
    press(&mut a, &[key(KeyCode::End)]);
    let e = &a.screens().evaluate;
    assert_eq!(e.text.offset(), e.text.max());
    assert!(e.text.max() > 0);
    let s = screen(&a);
    assert!(!s.contains("more below"), "{s}");
    assert!(
        s.contains("s saves it to your own catalog"),
        "the last line shows: {s}"
    );
    press(&mut a, &[key(KeyCode::Home)]);
    assert_eq!(a.screens().evaluate.text.offset(), 0);
    assert!(screen(&a).contains("more below"));
    // At 120x40 it all fits: no marker.
    let mut a = evaluate_app(120, 40);
    type_text(&mut a, "Certified AI Wizard");
    press(&mut a, &[key(KeyCode::Enter)]);
    assert!(!screen(&a).contains("more below"));
}

#[test]
fn evaluate_snapshots() {
    for (w, h) in SIZES {
        let mut a = evaluate_app(w, h);
        type_text(
            &mut a,
            "Certified Generative AI Wizard, Professional Edition, 2026",
        );
        press(&mut a, &[key(KeyCode::Home)]);
        for _ in 0..10 {
            press(&mut a, &[key(KeyCode::Right)]);
        }
        snap("evaluate_name_scrolled", &a);
        go_to(&mut a, Field::Cost);
        type_text(&mut a, "20000000");
        snap("evaluate_out_of_range", &a);
        press(&mut a, &[ctrl('u')]);
        type_text(&mut a, "5000");
        press(&mut a, &[key(KeyCode::Enter)]);
        snap("evaluate_result_top", &a);
        press(&mut a, &[key(KeyCode::End)]);
        snap("evaluate_result_end", &a);
    }
}
