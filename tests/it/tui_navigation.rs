//! Getting around the session by keys: back from the answers to the plan they came from, straight
//! to the welcome screen and back to the plan, the answers summary landing on what to do next,
//! and help that follows a resize.
#![allow(clippy::unwrap_used)]

use certwise::knowledge::Knowledge;
use certwise::tui::action::Action;
use certwise::tui::app::{App, Overlay, Screen, WelcomeItem};
use certwise::tui::bindings::keymap;
use certwise::tui::input::{KeyCode, KeyEvent, KeyModifiers};
use certwise::tui::keymap::Mode;
use certwise::tui::theme::Theme;

fn app() -> App {
    App::new(Knowledge::embedded().unwrap(), Theme::new(false), 80, 24)
}

fn press(app: &mut App, code: KeyCode) {
    let action = keymap(app.mode(), &KeyEvent::new(code, KeyModifiers::NONE))
        .unwrap_or_else(|| panic!("{code:?} does nothing in {:?}", app.mode()));
    app.update(action);
}

/// Welcome, then the defaults to the end of the interview: the summary.
fn at_summary() -> App {
    let mut app = app();
    app.update(Action::Select);
    while app.screen() == Screen::Interview {
        app.update(Action::Forward);
    }
    assert_eq!(app.screen(), Screen::Summary);
    app
}

fn at_plan() -> App {
    let mut app = at_summary();
    app.update(Action::ShowPlan);
    app.update(Action::Select);
    assert_eq!(app.screen(), Screen::Plan);
    app
}

#[test]
fn finishing_the_interview_lands_on_make_my_plan() {
    let app = at_summary();
    assert_eq!(app.screens().answers.row, app.resolved().asked_count());
    let mut app = app;
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Strategy, "Enter there makes the plan");
}

#[test]
fn esc_on_answers_opened_from_the_plan_goes_back_to_the_plan() {
    let mut app = at_plan();
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(app.screen(), Screen::Summary);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), Screen::Plan);
}

#[test]
fn after_a_changed_answer_esc_on_answers_goes_to_the_questions() {
    let mut app = at_plan();
    press(&mut app, KeyCode::Char('a'));
    // The first line, a different option, Enter: back on the summary with no plan.
    press(&mut app, KeyCode::Home);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Interview);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    // A new goal may bring questions that were not asked before: answer them too.
    while app.screen() == Screen::Interview {
        press(&mut app, KeyCode::Enter);
    }
    assert_eq!(app.screen(), Screen::Summary);
    assert!(app.plan().is_none());
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), Screen::Interview);
}

#[test]
fn esc_from_the_strategy_then_esc_on_answers_does_not_loop_to_the_plan() {
    let mut app = at_plan();
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), Screen::Strategy);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), Screen::Summary);
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        app.screen(),
        Screen::Interview,
        "back walks back, never round"
    );
}

#[test]
fn w_goes_to_the_welcome_screen_and_back_to_my_plan_returns() {
    for from in [Screen::Summary, Screen::Strategy, Screen::Plan] {
        let mut app = at_plan();
        match from {
            Screen::Summary => press(&mut app, KeyCode::Char('a')),
            Screen::Strategy => press(&mut app, KeyCode::Esc),
            _ => {}
        }
        assert_eq!(app.screen(), from);
        press(&mut app, KeyCode::Char('w'));
        assert_eq!(app.screen(), Screen::Welcome, "w from {from:?}");
        assert_eq!(app.welcome_items()[0], WelcomeItem::BackToPlan);
        assert_eq!(app.screens().welcome.row, 0);
        let plan = app.plan().cloned();
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.screen(), Screen::Plan);
        assert_eq!(app.plan().cloned(), plan, "the plan is kept");
    }
}

#[test]
fn without_a_plan_welcome_offers_to_continue_the_answers() {
    let mut app = app();
    app.update(Action::Select);
    app.update(Action::Forward);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), Screen::Welcome);
    assert_eq!(app.welcome_items()[0], WelcomeItem::Continue);
}

#[test]
fn help_opened_while_too_small_shows_the_screen_keys_after_growing() {
    let mut app = at_plan();
    app.update(Action::Resize(40, 10));
    assert_eq!(app.mode(), Mode::TooSmall);
    press(&mut app, KeyCode::Char('?'));
    assert!(matches!(
        app.overlay(),
        Some(Overlay::Help {
            under: Mode::TooSmall,
            ..
        })
    ));
    app.update(Action::Resize(80, 24));
    assert!(matches!(
        app.overlay(),
        Some(Overlay::Help {
            under: Mode::Plan,
            ..
        })
    ));
}

#[test]
fn the_summary_lists_answers_by_topic_not_by_id() {
    let app = at_summary();
    let backend = ratatui::backend::TestBackend::new(80, 24);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
    let screen: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .collect();
    for (q, _) in app.resolved().asked() {
        assert!(screen.contains(&q.topic), "{} missing", q.topic);
        if q.id.contains('_') {
            assert!(!screen.contains(q.id.as_str()), "id {} shown", q.id);
        }
    }
}

/// The title row of the screen as text.
fn title_row(app: &App) -> String {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(
        app.size().0,
        app.size().1,
    ))
    .unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    let buffer = terminal.backend().buffer();
    (0..buffer.area.width)
        .map(|x| buffer[(x, 0)].symbol().to_owned())
        .collect()
}

#[test]
fn a_long_plan_name_gives_way_to_the_message_with_a_space_between() {
    let dir = tempfile::tempdir().unwrap();
    let store = certwise::store::Store::open(dir.path().join("data")).unwrap();
    let mut app = at_plan().with_store(store, false);
    app.update(Action::Resize(120, 30));
    // Saved under a long name, then re-planned: the name, "(changed)" and the message.
    app.update(Action::OpenSave);
    for _ in 0..80 {
        app.update(Action::DeleteChar);
    }
    for c in "Experienced developer moving into ML platform work".chars() {
        app.update(Action::TypeChar(c));
    }
    app.update(Action::Select);
    app.update(Action::Replan);
    app.update(Action::Confirm);
    assert_eq!(
        app.status(),
        Some("Re-planned with the current knowledge; press s to save.")
    );
    let row = title_row(&app);
    let status_at = row.find("Re-planned").expect(&row);
    assert!(
        row.contains('…'),
        "the name is cut with an ellipsis: {row:?}"
    );
    assert!(
        row[..status_at].ends_with("  ") || row[..status_at].ends_with("… "),
        "a space before the message: {row:?}"
    );
    // At 80 columns the message is longer than the title's half: it takes the footer's row.
    app.update(Action::Resize(80, 24));
    let row = title_row(&app);
    assert!(!row.contains("Re-planned"), "{row:?}");
    let bottom = crate::support::screen_text(&app);
    assert!(
        bottom
            .lines()
            .last()
            .unwrap()
            .contains("Re-planned with the current knowledge"),
        "{bottom}"
    );
    // With room, the whole name shows (any key clears the message).
    app.update(Action::TypeDigit('0'));
    assert_eq!(app.status(), None);
    app.update(Action::Resize(160, 30));
    let row = title_row(&app);
    assert!(row.contains("ML platform work (changed)"), "{row:?}");
}

#[test]
fn the_timeline_pane_ends_with_the_notes_and_the_budget_the_text_plan_prints() {
    let mut app = at_plan();
    for _ in 0..3 {
        app.update(Action::NextPane);
    }
    assert_eq!(app.screens().plan.pane, certwise::tui::app::Pane::Timeline);
    app.update(Action::End);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
    let screen: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .collect();
    assert!(screen.contains("Budget:"), "{screen}");
    let text = certwise::render::plan(
        app.kb(),
        app.plan().unwrap(),
        certwise::render::Format::Text,
    );
    for line in certwise::render::timeline_notes(app.plan().unwrap()) {
        assert!(text.contains(&line), "the text plan says {line:?} too");
    }
}

#[test]
fn help_is_as_high_as_its_rows_and_pages_by_a_page() {
    // On the welcome screen the keys fit: the window is as high as them, no more.
    let mut app = app();
    app.update(Action::Resize(120, 40));
    press(&mut app, KeyCode::F(1));
    let Some(Overlay::Help { text, .. }) = app.overlay() else {
        panic!("{:?}", app.overlay())
    };
    let rows = text.lines().len();
    let screen = crate::support::screen_text(&app);
    let framed = screen.lines().filter(|l| l.contains('│')).count();
    assert_eq!(framed, rows, "{screen}");
    assert!(!screen.contains("more below"), "{screen}");
    // The plan's keys at 60x18 do not fit: PgDn moves a page, not a line.
    let mut app = at_plan();
    app.update(Action::Resize(60, 18));
    press(&mut app, KeyCode::F(1));
    assert!(
        crate::support::screen_text(&app).contains("more below"),
        "{}",
        crate::support::screen_text(&app)
    );
    press(&mut app, KeyCode::PageDown);
    let Some(Overlay::Help { text, .. }) = app.overlay() else {
        panic!("{:?}", app.overlay())
    };
    assert!(
        text.offset() >= text.view() - 1,
        "offset {} view {}",
        text.offset(),
        text.view()
    );
    assert!(text.view() > 3);
}

#[test]
fn the_ranking_says_how_many_rows_are_above_and_below_when_cut_off() {
    let mut app = at_plan();
    let screen = crate::support::screen_text(&app);
    // "Ranking (18, 3 retired)": recommendations and retired rows.
    let rows: usize = screen
        .split("Ranking (")
        .nth(1)
        .and_then(|s| s.split(')').next())
        .unwrap()
        .split(", ")
        .map(|part| part.trim_end_matches(" retired").parse::<usize>().unwrap())
        .sum();
    let border = |app: &App| {
        crate::support::screen_text(app)
            .lines()
            .find(|l| l.starts_with('└'))
            .unwrap()
            .to_owned()
    };
    let bottom = border(&app);
    assert!(bottom.contains("more below"), "{bottom}");
    assert!(!bottom.contains("above"), "{bottom}");
    app.update(Action::End);
    let bottom = border(&app);
    assert!(bottom.contains("more above"), "{bottom}");
    assert!(!bottom.contains("below"), "{bottom}");
    // The counts add up to the rows not shown.
    let above: usize = bottom
        .split("↑ ")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert!(above > 0 && above < rows, "{above} of {rows}");
    // Tall enough for every row: no marker.
    app.update(Action::Resize(120, 120));
    assert!(!border(&app).contains("more"), "{}", border(&app));
}

#[test]
fn the_timeline_pane_starts_with_the_split_and_its_reasons() {
    let mut app = at_plan();
    app.update(Action::Resize(120, 60));
    while app.screens().plan.pane != certwise::tui::app::Pane::Timeline {
        app.update(Action::NextPane);
    }
    app.update(Action::Home);
    let screen = crate::support::screen_text(&app);
    let split = &app.plan().unwrap().split;
    assert!(
        screen.contains(&format!(
            "Your week: {}% building ({} h), {}% study ({} h)",
            split.build_percent,
            split.build_hours_per_week,
            split.study_percent,
            split.study_hours_per_week
        )),
        "{screen}"
    );
    assert!(!split.reasons.is_empty());
    for reason in &split.reasons {
        let start: String = reason.text.chars().take(40).collect();
        assert!(screen.contains(&start), "{start:?} missing:\n{screen}");
    }
}

#[test]
fn long_lists_say_how_many_items_are_above_and_below() {
    // The catalog: 60-odd entries, one line each, at 80x24.
    let mut app = app();
    crate::support::choose_on_welcome(&mut app, WelcomeItem::Catalog);
    assert_eq!(app.screen(), Screen::Catalog);
    let screen = crate::support::screen_text(&app);
    assert!(screen.contains("more below"), "{screen}");
    assert!(!screen.contains("more above"), "{screen}");
    app.update(Action::End);
    let screen = crate::support::screen_text(&app);
    assert!(screen.contains("more above"), "{screen}");
    assert!(!screen.contains("below"), "{screen}");
    // The answers at the 60x18 minimum: more answers than rows.
    let mut app = at_summary();
    app.update(Action::Resize(60, 18));
    app.update(Action::Home);
    let screen = crate::support::screen_text(&app);
    assert!(screen.contains("more below"), "{screen}");
    app.update(Action::End);
    assert!(
        crate::support::screen_text(&app).contains("more above"),
        "{}",
        crate::support::screen_text(&app)
    );
    // Tall enough: no marker.
    app.update(Action::Resize(120, 60));
    assert!(
        !crate::support::screen_text(&app).contains("more"),
        "{}",
        crate::support::screen_text(&app)
    );
}

#[test]
fn too_small_says_how_to_quit_even_at_20x5() {
    let mut app = app();
    app.update(Action::Resize(20, 5));
    let text = crate::support::screen_text(&app);
    let squashed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(squashed.contains("q to quit"), "{text}");
}

#[test]
fn at_60x18_the_answers_line_up_in_one_column() {
    let mut app = at_summary();
    app.update(Action::Resize(60, 18));
    let lines = crate::support::screen_lines(&app);
    let resolved = app.resolved();
    let mut columns = Vec::new();
    for (q, v) in resolved.asked() {
        let value = match &q.kind {
            certwise::knowledge::QuestionKind::Number { unit, .. } => format!("{v} {unit}"),
            certwise::knowledge::QuestionKind::Choice(_) => q.label_of(v).to_owned(),
        };
        let value: String = value.chars().take(8).collect();
        let first_word = q.topic.split(' ').next().unwrap();
        for line in &lines {
            let chars: Vec<char> = line.chars().collect();
            let text: String = chars[3..].iter().collect();
            if let (true, Some(at)) = (text.starts_with(first_word), text.find(&value)) {
                columns.push((q.topic.clone(), text[..at].chars().count()));
            }
        }
    }
    assert!(columns.len() >= 8, "{columns:?}\n{}", lines.join("\n"));
    assert!(
        columns.iter().all(|(_, c)| *c == columns[0].1),
        "{columns:?}\n{}",
        lines.join("\n")
    );
}

#[test]
fn at_60x18_the_plan_footer_keeps_the_save_key() {
    let mut app = at_plan();
    app.update(Action::Resize(60, 18));
    let lines = crate::support::screen_lines(&app);
    let footer = lines.last().unwrap();
    assert!(footer.contains("s save"), "{footer}");
    assert!(
        footer.contains("? help") && footer.contains("q quit"),
        "{footer}"
    );
}
