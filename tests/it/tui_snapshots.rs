//! Snapshots of every screen on ratatui's `TestBackend`, at the design size (80x24), a large size
//! (120x40) and the minimum size, driven through the same actions the keys produce.
#![allow(clippy::unwrap_used)]

use certwise::knowledge::Knowledge;
use certwise::tui::action::Action;
use certwise::tui::app::App;
use certwise::tui::frame::{MIN_HEIGHT, MIN_WIDTH};
use certwise::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn app(w: u16, h: u16) -> App {
    App::new(Knowledge::embedded().unwrap(), Theme::new(false), w, h)
}

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.size().0, app.size().1)).unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    terminal.backend().to_string()
}

fn run(app: &mut App, actions: &[Action]) {
    for a in actions {
        app.update(*a);
    }
}

/// Answers that lead to the career-changer strategy, with a few typed numbers.
fn to_summary(app: &mut App) {
    use Action::{Pick, Select, TypeDigit};
    run(
        app,
        &[
            Select,  // welcome: start a new plan
            Pick(0), // goal: get into AI
            Pick(0), // role: non-technical
            Pick(0), // field: marketing
            Pick(1), // experience: basics
            Pick(0), // projects: none
            Pick(0), // governance: no
            Pick(1), // platform: AWS
            Pick(2), // employer: any
            Pick(0), // industry: general
            Pick(0), // market: little
            Pick(0), // learning: structured
            Pick(1), // uses AI: sometimes
            TypeDigit('1'),
            TypeDigit('0'),
            Select, // hours 10
            TypeDigit('5'),
            TypeDigit('0'),
            TypeDigit('0'),
            Select, // budget 500
        ],
    );
}

fn snap(name: &str, app: &App) {
    insta::assert_snapshot!(
        format!("{name}_{}x{}", app.size().0, app.size().1),
        screen(app)
    );
}

#[test]
fn welcome() {
    for (w, h) in SIZES {
        snap("welcome", &app(w, h));
    }
}

#[test]
fn choice_question() {
    for (w, h) in SIZES {
        let mut a = app(w, h);
        run(&mut a, &[Action::Select, Action::Down]);
        snap("question_goal", &a);
    }
    // The field question's 14 options: scrolled, with "more" lines, and a typed first digit.
    for (w, h) in SIZES.into_iter().chain([(MIN_WIDTH, MIN_HEIGHT)]) {
        let mut a = app(w, h);
        run(
            &mut a,
            &[
                Action::Select,
                Action::Pick(0),
                Action::Pick(0),
                Action::Home,
            ],
        );
        for _ in 0..6 {
            a.update(Action::Down);
        }
        snap("question_field_scrolled", &a);
        run(&mut a, &[Action::TypeDigit('1')]);
        snap("question_field_typed_1", &a);
    }
}

#[test]
fn number_question_with_error() {
    for (w, h) in SIZES {
        let mut a = app(w, h);
        to_summary(&mut a);
        let hours = a.resolved().position("hours_per_week").unwrap();
        a.update(Action::Home);
        for _ in 0..hours {
            a.update(Action::Down);
        }
        run(
            &mut a,
            &[
                Action::Select,
                Action::TypeDigit('9'),
                Action::TypeDigit('9'),
                Action::Select,
            ],
        );
        assert!(a.screens().interview.input_error.is_some());
        snap("question_hours_error", &a);
    }
}

#[test]
fn answers_summary() {
    for (w, h) in SIZES {
        let mut a = app(w, h);
        to_summary(&mut a);
        snap("summary", &a);
    }
}

#[test]
fn strategy() {
    for (w, h) in SIZES {
        let mut a = app(w, h);
        to_summary(&mut a);
        run(&mut a, &[Action::ShowPlan]);
        snap("strategy", &a);
    }
}

#[test]
fn plan_panes() {
    for (w, h) in SIZES {
        let mut a = app(w, h);
        to_summary(&mut a);
        run(&mut a, &[Action::ShowPlan, Action::Select]);
        snap("plan_why", &a);
        for pane in ["avoid", "timeline", "signals"] {
            run(&mut a, &[Action::NextPane]);
            if pane == "avoid" {
                // Tab from the ranking lands on "why"; one more to reach "avoid".
                run(&mut a, &[Action::NextPane]);
            }
            snap(&format!("plan_{pane}"), &a);
        }
    }
}

#[test]
fn compare_from_the_plan() {
    for (w, h) in SIZES.into_iter().chain([(MIN_WIDTH, MIN_HEIGHT)]) {
        let mut a = app(w, h);
        to_summary(&mut a);
        run(&mut a, &[Action::ShowPlan, Action::Select, Action::Compare]);
        snap("compare_plan", &a);
    }
}

#[test]
fn plan_scrolled_to_a_retired_certification() {
    let mut a = app(80, 24);
    to_summary(&mut a);
    run(&mut a, &[Action::ShowPlan, Action::Select, Action::End]);
    snap("plan_retired", &a);
}

#[test]
fn help_overlay() {
    for (w, h) in SIZES {
        let mut a = app(w, h);
        to_summary(&mut a);
        run(
            &mut a,
            &[Action::ShowPlan, Action::Select, Action::OpenHelp],
        );
        snap("help_plan", &a);
    }
}

#[test]
fn confirm_quit() {
    let mut a = app(80, 24);
    run(&mut a, &[Action::Select, Action::Pick(0), Action::Quit]);
    snap("confirm_quit", &a);
}

#[test]
fn minimum_size() {
    let mut a = app(MIN_WIDTH, MIN_HEIGHT);
    to_summary(&mut a);
    run(&mut a, &[Action::ShowPlan, Action::Select]);
    snap("plan_minimum", &a);
    run(&mut a, &[Action::Back]);
    snap("strategy_minimum", &a);
}

#[test]
fn too_small() {
    let mut a = app(80, 24);
    run(&mut a, &[Action::Resize(50, 12)]);
    snap("too_small", &a);
}

fn saved_store() -> (tempfile::TempDir, certwise::store::Store) {
    use certwise::store::{SavedPlan, Store};
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("data")).unwrap();
    let kb = Knowledge::embedded().unwrap();
    for (name, role) in [
        ("Move into AI", "non-technical"),
        ("Platform roles", "cloud-data-engineer"),
    ] {
        let mut answers = certwise::interview::Answers::new();
        answers.set(kb, "role", role).unwrap();
        let plan = certwise::advisor::plan(kb, &answers).unwrap();
        let at: jiff::Timestamp = "2026-11-01T12:00:00Z".parse().unwrap();
        let mut saved = SavedPlan::new(name, answers, plan.clone(), at);
        if let Some(step) = plan.timeline.first() {
            saved.progress.insert(
                certwise::progress::step_key(step).to_owned(),
                certwise::store::Progress::Done,
            );
        }
        store.save(&saved, false).unwrap();
    }
    std::fs::write(store.plans_dir().join("broken.ron"), "(version: 2, name: ").unwrap();
    (dir, store)
}

#[test]
fn saved_plans_list_and_dialogs() {
    let (_dir, store) = saved_store();
    let filters = vec![
        (r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", "[modified]      "),
        (r"broken\.ron\.corrupt-\d+", "broken.ron.corrupt-[time]"),
    ];
    insta::with_settings!({filters => filters}, {
        for (w, h) in SIZES {
            let mut a = app(w, h).with_store(store.clone(), false);
            let row = a
                .welcome_items()
                .iter()
                .position(|i| *i == certwise::tui::app::WelcomeItem::OpenSaved)
                .unwrap();
            a.update(Action::Home);
    for _ in 0..row {
        a.update(Action::Down);
    }
            a.update(Action::Select);
            snap("saved_list", &a);
            a.update(Action::DeletePlan);
            snap("saved_delete", &a);
            a.update(Action::CloseOverlay);
            a.update(Action::RenamePlan);
            snap("saved_rename", &a);
        }
    });
}

#[test]
fn save_dialog() {
    let (_dir, store) = saved_store();
    let mut a = app(80, 24).with_store(store, false);
    to_summary(&mut a);
    run(
        &mut a,
        &[Action::ShowPlan, Action::Select, Action::OpenSave],
    );
    insta::with_settings!({filters => vec![(r"\d{4}-\d{2}-\d{2}", "[today]   ")]}, {
        snap("save_dialog", &a);
    });
}

fn catalog_app(w: u16, h: u16) -> App {
    let mut a = app(w, h);
    a = a.on(jiff::civil::date(2026, 11, 21));
    let row = a
        .welcome_items()
        .iter()
        .position(|i| *i == certwise::tui::app::WelcomeItem::Catalog)
        .unwrap();
    a.update(Action::Home);
    for _ in 0..row {
        a.update(Action::Down);
    }
    a.update(Action::Select);
    a
}

#[test]
fn catalog_screens() {
    for (w, h) in SIZES.into_iter().chain([(MIN_WIDTH, MIN_HEIGHT)]) {
        let mut a = catalog_app(w, h);
        snap("catalog", &a);
        // By hours, longest first: "480-960" whole at every width.
        while a.screens().catalog.sort != certwise::tui::screen::catalog::SortBy::Hours {
            a.update(Action::SortNext);
        }
        run(&mut a, &[Action::SortReverse]);
        snap("catalog_by_hours_longest_first", &a);
        run(
            &mut a,
            &[
                Action::ClearFilters,
                Action::FilterTier,
                Action::FilterTier,
                Action::End,
                Action::Select,
            ],
        );
        snap("catalog_detail_stale", &a);
        run(
            &mut a,
            &[
                Action::Back,
                Action::FilterTier,
                Action::FilterTier,
                Action::FilterTier,
                Action::FilterStatus,
                Action::FilterStatus,
            ],
        );
        snap("catalog_retired", &a);
        run(&mut a, &[Action::Select]);
        snap("catalog_detail_retired", &a);
        // Back to the whole catalog, then a search typed after `/`.
        run(
            &mut a,
            &[Action::Back, Action::ClearFilters, Action::OpenSearch],
        );
        for c in "azure ai".chars() {
            a.update(Action::TypeChar(c));
        }
        snap("catalog_search", &a);
        for c in " nothing".chars() {
            a.update(Action::TypeChar(c));
        }
        run(&mut a, &[Action::Select]);
        snap("catalog_search_empty", &a);
    }
}

#[test]
fn compare_screen() {
    for (w, h) in SIZES.into_iter().chain([(MIN_WIDTH, MIN_HEIGHT)]) {
        let mut a = catalog_app(w, h);
        // Mark the first two tier-1 certifications and compare them with a portfolio project.
        run(
            &mut a,
            &[
                Action::Down,
                // Marking moves to the next row.
                Action::ToggleMark,
                Action::ToggleMark,
                Action::Compare,
            ],
        );
        snap("compare", &a);
    }
}

#[test]
fn evaluate_screens() {
    for (w, h) in SIZES {
        let mut a = catalog_app(w, h);
        run(&mut a, &[Action::Back]);
        let row = a
            .welcome_items()
            .iter()
            .position(|i| *i == certwise::tui::app::WelcomeItem::Evaluate)
            .unwrap();
        a.update(Action::Home);
        for _ in 0..row {
            a.update(Action::Down);
        }
        a.update(Action::Select);
        for c in "Certified AI Wizard".chars() {
            a.update(Action::TypeChar(c));
        }
        run(
            &mut a,
            &[
                Action::Down,
                Action::ToggleMark,
                Action::ToggleMark,
                Action::Down,
            ],
        );
        for c in "5000".chars() {
            a.update(Action::TypeChar(c));
        }
        run(
            &mut a,
            &[
                Action::Down,
                Action::TypeChar('1'),
                Action::TypeChar('2'),
                Action::Down,
                Action::Down,
                Action::Down,
                Action::Down,
                Action::ToggleMark,
            ],
        );
        snap("evaluate_form", &a);
        run(&mut a, &[Action::Select]);
        snap("evaluate_result", &a);
    }
}

#[test]
fn outdated_plan_notice_and_replan_question() {
    let (_dir, store) = saved_store();
    let mut saved = store.load("Move into AI").unwrap();
    saved.knowledge_version = "catalog-2025-01-01".to_owned();
    saved.plan.recommendations.swap(0, 1);
    for (w, h) in SIZES {
        let mut a = app(w, h).with_store(store.clone(), false);
        a.open_saved(saved.clone());
        snap("outdated_notice", &a);
        a.update(Action::Replan);
        snap("replan_question", &a);
    }
}

/// The job-postings screen at every size: the empty fields, a missing path, pasted text, and the
/// report of the corpus (top and bottom), on a fixed day so statuses (retired) do not move.
#[test]
fn postings() {
    for (w, h) in [(MIN_WIDTH, MIN_HEIGHT), (80, 24), (120, 40)] {
        let mut a = app(w, h).on(jiff::civil::date(2026, 11, 30));
        a.open_postings();
        snap("postings_form", &a);
        a.paste("/nonexistent/postings");
        a.update(Action::Scan);
        snap("postings_missing_path", &a);
        a.update(Action::ClearField);
        a.update(Action::NextPane);
        a.paste("Senior ML engineer\nRequired: AWS Certified Machine Learning Engineer - Associate.\nNice to have: Terraform, Python\n");
        snap("postings_pasted", &a);
        a.update(Action::NextPane);
        a.paste("tests/data/postings");
        a.update(Action::Scan);
        snap("postings_report", &a);
        a.update(Action::End);
        snap("postings_report_end", &a);
    }
}
