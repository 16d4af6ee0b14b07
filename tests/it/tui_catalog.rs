//! The catalog browser, the comparison and the evaluation form, driven through `App::update`.
#![allow(clippy::unwrap_used)]

use certwise::knowledge::{Knowledge, Platform};
use certwise::store::Store;
use certwise::tui::action::Action;
use certwise::tui::app::{App, Screen, WelcomeItem};
use certwise::tui::screen::catalog::{SortBy, rows, stale};
use certwise::tui::theme::Theme;

fn app() -> App {
    let mut a = App::new(Knowledge::embedded().unwrap(), Theme::new(false), 80, 24);
    a = a.on(jiff::civil::date(2026, 11, 21));
    a
}

fn open(a: &mut App, item: WelcomeItem) {
    a.update(Action::Home);
    for _ in 0..a.welcome_items().iter().position(|i| *i == item).unwrap() {
        a.update(Action::Down);
    }
    a.update(Action::Select);
}

#[test]
fn the_catalog_lists_every_certification_and_course() {
    let mut a = app();
    open(&mut a, WelcomeItem::Catalog);
    assert_eq!(a.screen(), Screen::Catalog);
    let kb = Knowledge::embedded().unwrap();
    let expected = kb
        .catalog
        .entries
        .iter()
        .filter(|e| e.kind.is_study())
        .count();
    assert_eq!(rows(a.kb(), &a.screens().catalog).len(), expected);
    assert!(
        rows(a.kb(), &a.screens().catalog)
            .iter()
            .all(|e| e.kind.is_study())
    );
}

#[test]
fn sorting_cycles_through_every_column_and_reverses() {
    // At 120 columns every column is on screen, so every one can be the sort key.
    let mut a = App::new(Knowledge::embedded().unwrap(), Theme::new(false), 120, 40);
    a = a.on(jiff::civil::date(2026, 11, 21));
    open(&mut a, WelcomeItem::Catalog);
    assert_eq!(a.screens().catalog.sort, SortBy::Tier);
    let tiers: Vec<_> = rows(a.kb(), &a.screens().catalog)
        .iter()
        .map(|e| e.tier)
        .collect();
    assert!(tiers.windows(2).all(|w| w[0] <= w[1]), "{tiers:?}");
    a.update(Action::SortNext); // provider
    a.update(Action::SortNext); // cost
    assert_eq!(a.screens().catalog.sort, SortBy::Cost);
    // Known costs in order (the unknown ones come after them, see the test below).
    let costs = |a: &App| -> Vec<_> {
        rows(a.kb(), &a.screens().catalog)
            .iter()
            .filter(|e| !e.cost_unknown)
            .map(|e| e.cost_usd.min)
            .collect()
    };
    let up = costs(&a);
    assert!(up.windows(2).all(|w| w[0] <= w[1]), "{up:?}");
    a.update(Action::SortReverse);
    let down = costs(&a);
    assert!(down.windows(2).all(|w| w[0] >= w[1]), "{down:?}");
    let mut seen = vec![a.screens().catalog.sort];
    for _ in 0..8 {
        a.update(Action::SortNext);
        seen.push(a.screens().catalog.sort);
    }
    seen.sort_by_key(|s| s.label());
    seen.dedup();
    assert_eq!(seen.len(), 9, "every column can be the sort key");
}

#[test]
fn filters_by_platform_tier_and_status() {
    let mut a = app();
    open(&mut a, WelcomeItem::Catalog);
    a.update(Action::FilterPlatform);
    assert!(
        rows(a.kb(), &a.screens().catalog)
            .iter()
            .all(|e| e.platform == Some(Platform::Aws))
    );
    assert!(!rows(a.kb(), &a.screens().catalog).is_empty());
    // Through every other platform and "no platform", back to all.
    for _ in 0..=Platform::ALL.len() {
        a.update(Action::FilterPlatform);
    }
    assert_eq!(
        rows(a.kb(), &a.screens().catalog).len(),
        app_rows_all(),
        "back to all platforms"
    );
    a.update(Action::FilterTier);
    a.update(Action::FilterTier);
    assert!(
        rows(a.kb(), &a.screens().catalog)
            .iter()
            .all(|e| e.tier == Some(2))
    );
    for _ in 0..3 {
        a.update(Action::FilterTier);
    }
    a.update(Action::FilterStatus);
    a.update(Action::FilterStatus);
    let retired: Vec<&str> = rows(a.kb(), &a.screens().catalog)
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    let in_catalog = a
        .kb()
        .catalog
        .entries
        .iter()
        .filter(|e| e.status.is_retired())
        .count();
    assert_eq!(retired.len(), in_catalog);
    assert!(retired.contains(&"aws-ml-specialty") && retired.contains(&"azure-ai-engineer"));
}

fn app_rows_all() -> usize {
    let mut a = app();
    open(&mut a, WelcomeItem::Catalog);
    rows(a.kb(), &a.screens().catalog).len()
}

#[test]
fn entries_not_reviewed_for_a_year_are_marked() {
    let _ = app();
    let kb = Knowledge::embedded().unwrap();
    let nvidia = kb.entry("nvidia-dli").unwrap();
    let fresh = kb.entry("gcp-ml-engineer").unwrap();
    assert!(
        stale(jiff::civil::date(2026, 11, 21), nvidia),
        "reviewed {}",
        nvidia.reviewed
    );
    assert!(!stale(jiff::civil::date(2026, 11, 21), fresh));
}

#[test]
fn enter_opens_the_detail_and_esc_returns() {
    let mut a = app();
    open(&mut a, WelcomeItem::Catalog);
    a.update(Action::Select);
    assert!(a.screens().catalog.detail);
    a.update(Action::Back);
    assert!(!a.screens().catalog.detail);
    a.update(Action::Back);
    assert_eq!(a.screen(), Screen::Welcome);
}

#[test]
fn marked_entries_are_compared_with_a_portfolio_project() {
    let mut a = app();
    open(&mut a, WelcomeItem::Catalog);
    a.update(Action::ToggleMark);
    a.update(Action::Down);
    a.update(Action::ToggleMark);
    a.update(Action::Compare);
    assert_eq!(a.screen(), Screen::Compare);
    assert_eq!(a.screens().compare.ids.len(), 3);
    assert_eq!(
        a.screens().compare.ids.last().map(String::as_str),
        Some("portfolio-project")
    );
    a.update(Action::Back);
    assert_eq!(
        a.screen(),
        Screen::Catalog,
        "back to where compare was opened from"
    );
    a.update(Action::Back);
    assert_eq!(
        a.screen(),
        Screen::Welcome,
        "then back to where the catalog was opened from"
    );
}

fn type_text(a: &mut App, text: &str) {
    for c in text.chars() {
        a.update(Action::TypeChar(c));
    }
}

#[test]
fn the_evaluation_form_checks_numbers_and_gives_a_tier() {
    let mut a = app();
    open(&mut a, WelcomeItem::Evaluate);
    assert_eq!(a.screen(), Screen::Evaluate);
    a.update(Action::Select);
    assert!(
        a.screens()
            .evaluate
            .error
            .as_deref()
            .unwrap()
            .contains("name"),
        "a name is needed"
    );
    type_text(&mut a, "Some Cloud ML Certification");
    a.update(Action::Down); // provider known
    a.update(Action::ToggleMark); // yes
    a.update(Action::Down); // cost
    type_text(&mut a, "3x");
    assert!(
        a.screens()
            .evaluate
            .error
            .as_deref()
            .unwrap()
            .contains("takes a number"),
        "a letter in a number field is refused as typed"
    );
    assert_eq!(a.screens().evaluate.cost, "3");
    type_text(&mut a, "00");
    a.update(Action::Down); // hours
    type_text(&mut a, "60");
    a.update(Action::Down); // practical
    a.update(Action::ToggleMark);
    a.update(Action::Down); // age
    type_text(&mut a, "1");
    a.update(Action::Down); // postings
    type_text(&mut a, "5");
    a.update(Action::Select);
    let verdict = a.screens().evaluate.result.clone().unwrap();
    assert_eq!(verdict.tier, Some(1), "{verdict:?}");
    assert!(verdict.red_flags.is_empty());
    a.update(Action::Back);
    assert!(
        a.screens().evaluate.result.is_none(),
        "Esc returns to the facts, kept"
    );
    assert_eq!(a.screens().evaluate.cost, "300");
}

#[test]
fn a_saved_evaluation_joins_the_advisor() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("data")).unwrap();
    let mut a = app().with_store(store, false);
    open(&mut a, WelcomeItem::Evaluate);
    type_text(&mut a, "Weekend AI Pro");
    a.update(Action::Down);
    a.update(Action::ToggleMark);
    a.update(Action::ToggleMark); // provider: no
    a.update(Action::Select);
    assert_eq!(a.screens().evaluate.result.as_ref().unwrap().tier, Some(4));
    a.update(Action::SaveEvaluation);
    assert!(a.status().unwrap().contains("user-weekend-ai-pro"));
    let id = a.kb().catalog.entries.last().unwrap().id.clone();
    assert!(id.starts_with("user-weekend-ai-pro"));
    let plan = certwise::advisor::plan(a.kb(), &certwise::interview::Answers::new()).unwrap();
    assert!(
        plan.avoid.iter().any(|x| x.id == id),
        "a tier-4 evaluation goes to the avoid list"
    );
}

#[test]
fn the_sort_label_is_the_column_header_it_sorts_by() {
    let mut a = App::new(Knowledge::embedded().unwrap(), Theme::new(false), 120, 40);
    a = a.on(jiff::civil::date(2026, 11, 21));
    open(&mut a, WelcomeItem::Catalog);
    let lines = crate::support::screen_lines(&a);
    let header = lines
        .iter()
        .find(|l| l.contains("Name ") && l.contains("Tier"))
        .unwrap();
    for _ in 0..9 {
        let label = a.screens().catalog.sort.label();
        assert!(
            header.to_lowercase().contains(&label.to_lowercase()),
            "sort label {label} is not a column header: {header}"
        );
        a.update(Action::SortNext);
    }
}

#[test]
fn an_empty_filter_result_keeps_the_header_in_place() {
    let mut a = app();
    open(&mut a, WelcomeItem::Catalog);
    let before = crate::support::screen_lines(&a)
        .into_iter()
        .find(|l| l.contains("Name ") && l.contains("Tier"))
        .unwrap();
    // Tier 4 and retired together match nothing.
    for _ in 0..4 {
        a.update(Action::FilterTier);
    }
    a.update(Action::FilterStatus);
    a.update(Action::FilterStatus);
    assert!(rows(a.kb(), &a.screens().catalog).is_empty());
    let after = crate::support::screen_lines(&a)
        .into_iter()
        .find(|l| l.contains("Name ") && l.contains("Tier"))
        .unwrap();
    assert_eq!(before, after);
}

#[test]
fn at_the_minimum_size_catalog_names_stay_readable_and_every_key_is_shown() {
    let mut a = App::new(Knowledge::embedded().unwrap(), Theme::new(false), 60, 18);
    a = a.on(jiff::civil::date(2026, 11, 21));
    open(&mut a, WelcomeItem::Catalog);
    let text = crate::support::screen_lines(&a).join("\n");
    // A cut name keeps its start and its exam code, so similar names stay apart.
    assert!(text.contains("AWS Certified M… (MLS-C01)"), "{text}");
    assert!(text.contains("AWS Certified M… (MLA-C01)"), "{text}");
    assert!(text.contains("0 marked"), "{text}");
    for key in ["Space mark", "r reverse", "e evaluate", "c compare"] {
        assert!(text.contains(key), "{key} missing:\n{text}");
    }
}

#[test]
fn the_evaluation_form_sends_a_retired_certification_to_its_successor() {
    let mut a = app();
    open(&mut a, WelcomeItem::Evaluate);
    type_text(&mut a, "AWS ML Specialty");
    a.update(Action::Select);
    let verdict = a.screens().evaluate.result.clone().unwrap();
    assert!(verdict.verdict.contains("successor"), "{verdict:?}");
    assert_eq!(
        verdict.successor.as_deref(),
        Some("aws-ml-engineer-associate")
    );
    let text = crate::support::screen_lines(&a).join("\n");
    assert!(text.contains("Retired on 2026-03-31"), "{text}");
}

#[test]
fn space_x_and_m_mark_for_comparison_as_the_readme_says() {
    use certwise::tui::bindings::keymap;
    use certwise::tui::input::{KeyCode, KeyEvent, KeyModifiers};
    use certwise::tui::keymap::Mode;
    for c in [' ', 'x', 'm'] {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(
            keymap(Mode::Catalog, &key),
            Some(Action::ToggleMark),
            "{c:?}"
        );
    }
    let readme = include_str!("../../README.md");
    assert!(readme.contains("| Space, x |") && readme.contains("mark for comparison"));
}

#[test]
fn a_bad_number_moves_the_cursor_to_its_field() {
    use certwise::tui::screen::evaluate::Field;
    let mut a = app();
    open(&mut a, WelcomeItem::Evaluate);
    type_text(&mut a, "Some Cert");
    for _ in 0..5 {
        a.update(Action::Down); // to content age
    }
    assert_eq!(a.screens().evaluate.current(), Field::Age);
    type_text(&mut a, "1.2.3");
    a.update(Action::Down);
    a.update(Action::Down);
    a.update(Action::Select);
    assert!(
        a.screens()
            .evaluate
            .error
            .as_deref()
            .unwrap()
            .contains("Content age")
    );
    assert_eq!(
        a.screens().evaluate.current(),
        Field::Age,
        "the cursor is on the bad field"
    );
    assert!(a.screens().evaluate.result.is_none());
}

#[test]
fn help_in_a_typed_field_lists_f1_alone() {
    let mut a = App::new(Knowledge::embedded().unwrap(), Theme::new(false), 120, 40);
    open(&mut a, WelcomeItem::Evaluate);
    a.update(Action::OpenHelp);
    let text = crate::support::screen_lines(&a).join("\n");
    assert!(text.contains("F1"), "{text}");
    assert!(!text.contains("? F1"), "? types in a text field:\n{text}");
}

fn ids(a: &App) -> Vec<&'static str> {
    rows(a.kb(), &a.screens().catalog)
        .iter()
        .map(|e| e.id.as_str())
        .collect()
}

#[test]
fn slash_searches_exam_codes_aliases_and_providers_as_you_type() {
    use certwise::tui::keymap::Mode;
    let mut a = app();
    open(&mut a, WelcomeItem::Catalog);
    let all = ids(&a).len();
    a.update(Action::OpenSearch);
    assert_eq!(a.screens().catalog.mode(), Mode::CatalogSearch);
    // Letters are text here: `q` and `s` type instead of quitting or sorting.
    type_text(&mut a, "ai 102");
    assert_eq!(ids(&a), ["azure-ai-engineer"], "exam code with a space");
    for query in ["ai-102", "AI102", "Azure AI Engineer Associate"] {
        a.update(Action::Back);
        a.update(Action::OpenSearch);
        type_text(&mut a, query);
        assert_eq!(ids(&a), ["azure-ai-engineer"], "{query}");
    }
    // An alias that is not part of the name.
    a.update(Action::Back);
    a.update(Action::OpenSearch);
    type_text(&mut a, "implementing a microsoft azure ai");
    assert_eq!(ids(&a), ["azure-ai-engineer"]);
    // The provider.
    a.update(Action::Back);
    a.update(Action::OpenSearch);
    type_text(&mut a, "microsoft");
    let microsoft = ids(&a);
    assert!(
        microsoft.len() > 1 && microsoft.len() < all,
        "{microsoft:?}"
    );
    assert!(
        rows(a.kb(), &a.screens().catalog)
            .iter()
            .all(|e| e.provider.contains("Microsoft"))
    );
    // Backspace widens again.
    type_text(&mut a, " 9");
    let narrow = ids(&a).len();
    assert!(narrow < microsoft.len(), "{narrow}");
    a.update(Action::DeleteChar);
    a.update(Action::DeleteChar);
    assert_eq!(ids(&a), microsoft);
    assert_eq!(
        a.screen(),
        Screen::Catalog,
        "Backspace never leaves the screen"
    );
    // Enter keeps the results and gives the keys back to the table.
    a.update(Action::Select);
    assert_eq!(a.screens().catalog.mode(), Mode::Catalog);
    assert_eq!(ids(&a), microsoft);
    let text = crate::support::screen_lines(&a).join("\n");
    assert!(text.contains("search: microsoft"), "{text}");
    // Esc in the search drops it.
    a.update(Action::OpenSearch);
    a.update(Action::Back);
    assert_eq!(a.screens().catalog.mode(), Mode::Catalog);
    assert!(a.screens().catalog.query.is_empty());
    assert_eq!(ids(&a).len(), all);
    assert_eq!(
        a.screen(),
        Screen::Catalog,
        "Esc leaves the search, not the catalog"
    );
}

#[test]
fn typed_letters_in_the_search_are_text_not_keys() {
    use certwise::tui::bindings::keymap;
    use certwise::tui::input::{KeyCode, KeyEvent, KeyModifiers};
    use certwise::tui::keymap::Mode;
    for c in ['q', 's', '?', '0', '/', 'j'] {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(
            keymap(Mode::CatalogSearch, &key),
            Some(Action::TypeChar(c)),
            "{c:?}"
        );
    }
    let bs = KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE);
    assert_eq!(keymap(Mode::CatalogSearch, &bs), Some(Action::DeleteChar));
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(keymap(Mode::CatalogSearch, &esc), Some(Action::Back));
    let slash = KeyEvent::new(KeyCode::Char('/'), KeyModifiers::NONE);
    assert_eq!(keymap(Mode::Catalog, &slash), Some(Action::OpenSearch));
}

#[test]
fn one_key_clears_the_search_every_filter_and_the_sort() {
    use certwise::tui::bindings::key_for;
    use certwise::tui::keymap::Mode;
    let mut a = app();
    open(&mut a, WelcomeItem::Catalog);
    let fresh = ids(&a);
    a.update(Action::ToggleMark);
    a.update(Action::SortNext);
    a.update(Action::SortReverse);
    a.update(Action::FilterPlatform);
    a.update(Action::FilterTier);
    a.update(Action::FilterStatus);
    a.update(Action::OpenSearch);
    type_text(&mut a, "zzzz nothing");
    a.update(Action::Select);
    assert!(ids(&a).is_empty());
    // The empty state names the key that clears everything, from the key table.
    let clear = key_for(Mode::Catalog, Action::ClearFilters);
    assert!(!clear.is_empty());
    let text = crate::support::screen_lines(&a).join("\n");
    assert!(
        text.contains(&format!("{clear} clears the search and every filter")),
        "{text}"
    );
    a.update(Action::ClearFilters);
    let c = &a.screens().catalog;
    assert_eq!(c.sort, SortBy::Tier);
    assert!(!c.descending && c.tier.is_none() && c.query.is_empty() && !c.searching);
    assert_eq!(ids(&a), fresh);
    assert_eq!(c.marked.len(), 1, "marks are kept");
}

#[test]
fn marking_moves_to_the_next_row() {
    let mut a = app();
    open(&mut a, WelcomeItem::Catalog);
    let all = ids(&a);
    a.update(Action::ToggleMark);
    a.update(Action::ToggleMark);
    assert_eq!(a.screens().catalog.row, 2);
    assert_eq!(a.screens().catalog.marked, [all[0], all[1]]);
    a.update(Action::End);
    a.update(Action::ToggleMark);
    assert_eq!(
        a.screens().catalog.row,
        all.len() - 1,
        "the last row stays put"
    );
    assert_eq!(a.screens().catalog.marked.len(), 3);
}

fn sized(w: u16, h: u16) -> App {
    let mut a = App::new(Knowledge::embedded().unwrap(), Theme::new(false), w, h);
    a = a.on(jiff::civil::date(2026, 11, 21));
    open(&mut a, WelcomeItem::Catalog);
    a
}

/// The table's header line.
fn table_header(a: &App) -> String {
    crate::support::screen_lines(a)
        .into_iter()
        .find(|l| l.contains("Name ") && l.contains("Tier"))
        .unwrap()
}

#[test]
fn every_entry_takes_one_line_at_80_and_120_columns() {
    for (w, h) in [(60, 18), (80, 24), (120, 40)] {
        let a = sized(w, h);
        let lines = crate::support::screen_lines(&a);
        let header = lines.iter().position(|l| l.contains("Name ")).unwrap();
        let entries = rows(a.kb(), &a.screens().catalog);
        // The first rows under the header are the first entries, one line each: each line
        // holds its tier, and the next line is the next entry (its own exam code or name).
        for (line, e) in lines[header + 1..].iter().zip(&entries).take(8) {
            let code = e.exam_code.as_deref().unwrap_or(&e.name[..10]);
            assert!(line.contains(code), "{w}x{h}: {line:?} is not {}", e.name);
        }
    }
}

#[test]
fn numbers_are_never_cut_at_any_width() {
    for (w, h) in [(60, 18), (80, 24), (120, 40)] {
        let mut a = sized(w, h);
        while a.screens().catalog.sort != SortBy::Hours {
            a.update(Action::SortNext);
        }
        a.update(Action::SortReverse);
        let first = rows(a.kb(), &a.screens().catalog)[0];
        assert_eq!(first.prep_hours.to_string(), "480-960");
        let text = crate::support::screen_lines(&a).join("\n");
        assert!(text.contains("480-960 "), "{w}x{h}:\n{text}");
        assert!(text.contains("10K-20K "), "{w}x{h}:\n{text}");
    }
}

#[test]
fn sorting_skips_the_columns_the_width_hides() {
    for (w, h) in [(60, 18), (80, 24)] {
        let mut a = sized(w, h);
        let header = table_header(&a);
        let mut seen = Vec::new();
        for _ in 0..12 {
            a.update(Action::SortNext);
            let label = a.screens().catalog.sort.label();
            assert!(
                header.contains(label),
                "{w}x{h}: sorted by {label}, not a column of {header:?}"
            );
            seen.push(label);
        }
        // Some sorts are left out (Reviewed has no room below 120 columns), Hours is not.
        assert!(
            !seen.contains(&"Reviewed") && seen.contains(&"Hours"),
            "{seen:?}"
        );
    }
}

#[test]
fn a_sort_column_hidden_by_a_resize_falls_back_to_tier_keeping_the_highlighted_entry() {
    let mut a = sized(120, 40);
    while a.screens().catalog.sort != SortBy::Reviewed {
        a.update(Action::SortNext);
    }
    for _ in 0..5 {
        a.update(Action::Down);
    }
    let before = rows(a.kb(), &a.screens().catalog)[a.screens().catalog.row]
        .id
        .clone();
    a.update(Action::Resize(80, 24));
    let c = &a.screens().catalog;
    assert_eq!(c.sort, SortBy::Tier);
    assert!(!c.descending);
    assert_eq!(
        rows(a.kb(), c)[c.row].id,
        before,
        "the same entry stays highlighted"
    );
    assert!(table_header(&a).contains("Tier"));
}

#[test]
fn the_footer_keys_wrap_between_keys_never_inside_one_at_80_and_60_columns() {
    for (w, h) in [(60, 18), (80, 24)] {
        let a = sized(w, h);
        let lines = crate::support::screen_lines(&a);
        let keys: Vec<&String> = lines.iter().skip_while(|l| !l.contains("Keys: ")).collect();
        assert!(!keys.is_empty(), "{w}x{h}: no key list");
        let joined = keys.iter().map(|l| l.trim()).collect::<Vec<_>>().join("|");
        for hint in ["e evaluate", "c compare", "Space mark", "a status"] {
            assert!(joined.contains(hint), "{w}x{h}: {hint:?} cut in {joined:?}");
        }
    }
}

/// The defaults to the end of the interview, then the plan.
fn at_plan(w: u16, h: u16) -> App {
    let mut a = App::new(Knowledge::embedded().unwrap(), Theme::new(false), w, h);
    a = a.on(jiff::civil::date(2026, 11, 21));
    a.update(Action::Select);
    while a.screen() == Screen::Interview {
        a.update(Action::Forward);
    }
    a.update(Action::ShowPlan);
    a.update(Action::Select);
    assert_eq!(a.screen(), Screen::Plan);
    a
}

fn press_b(a: &mut App) {
    use certwise::tui::bindings::keymap;
    use certwise::tui::input::{KeyCode, KeyEvent, KeyModifiers};
    let key = KeyEvent::new(KeyCode::Char('b'), KeyModifiers::NONE);
    a.update(keymap(a.mode(), &key).unwrap());
}

#[test]
fn b_on_the_plan_compares_its_own_courses_with_its_first_project_at_the_plans_hours() {
    use certwise::advisor::Track;
    let mut a = at_plan(120, 40);
    let plan = a.plan().unwrap().clone();
    press_b(&mut a);
    assert_eq!(a.screen(), Screen::Compare);
    let c = &a.screens().compare;
    assert!(c.from_plan);
    let project = plan
        .timeline
        .iter()
        .find(|s| s.track == Track::Build && s.brief.is_some())
        .unwrap();
    let study: Vec<&str> = plan
        .timeline
        .iter()
        .filter(|s| s.track == Track::Study)
        .map(|s| s.id.as_str())
        .collect();
    let mut expected: Vec<&str> = study.clone();
    expected.push(project.id.as_str());
    assert_eq!(c.ids, expected);
    let text = crate::support::screen_lines(&a).join("\n");
    let line = crate::support::screen_lines(&a)
        .into_iter()
        .find(|l| l.contains(&project.title[..20]))
        .unwrap_or_else(|| panic!("no {:?} in\n{text}", project.title));
    assert!(
        line.contains(&format!(" {} h ", project.hours)),
        "the plan's hours: {line}"
    );
    assert!(text.contains("Ratings 0-4"), "{text}");
    a.update(Action::Back);
    assert_eq!(a.screen(), Screen::Plan);
}

#[test]
fn b_shows_a_cost_the_plan_does_not_know_as_a_question_mark_not_free() {
    use certwise::advisor::Track;
    let mut a = at_plan(80, 24);
    let mut plan = a.plan().unwrap().clone();
    let step = plan
        .timeline
        .iter_mut()
        .find(|s| s.track == Track::Study)
        .unwrap();
    step.cost_unknown = true;
    step.cost_usd = certwise::knowledge::Range { min: 0, max: 0 };
    let title = step.title.clone();
    let saved = a.to_saved("unknown cost", plan, jiff::Timestamp::UNIX_EPOCH);
    a.open_saved(saved);
    press_b(&mut a);
    assert_eq!(a.screen(), Screen::Compare);
    let lines = crate::support::screen_lines(&a);
    let row = lines
        .iter()
        .find(|l| l.contains(&title[..15]))
        .unwrap_or_else(|| panic!("no {title:?}:\n{}", lines.join("\n")));
    assert!(row.contains(" ? "), "{row}");
    assert!(!row.contains("free"), "{row}");
    assert!(lines.join("\n").contains("? not known"));
}

#[test]
fn the_comparison_prints_values_on_its_bars_and_scrolls_at_60x18() {
    let mut a = sized(60, 18);
    a.update(Action::ToggleMark);
    a.update(Action::ToggleMark);
    a.update(Action::Compare);
    assert_eq!(a.screen(), Screen::Compare);
    let text = crate::support::screen_lines(&a).join("\n");
    assert!(text.contains("Ratings 0-4"), "the scale, once:\n{text}");
    assert_eq!(text.matches("Ratings 0-4").count(), 1);
    // The portfolio project is high on every rating: a full bar with 4 on it.
    assert!(text.contains("████ 4"), "{text}");
    assert!(text.contains("more below"), "{text}");
    assert!(!text.contains("more above"), "{text}");
    a.update(Action::End);
    let text = crate::support::screen_lines(&a).join("\n");
    assert!(text.contains("more above"), "{text}");
    assert!(text.contains("From the sources' ROI analysis"), "{text}");
    assert!(!text.contains("below"), "{text}");
}

/// The search field edits like every text field, through the real keys: ← → Home End, Delete,
/// Ctrl-W and Ctrl-U.
#[test]
fn the_search_field_edits_with_the_cursor_keys() {
    use certwise::tui::bindings::keymap;
    use certwise::tui::input::{KeyCode, KeyEvent, KeyModifiers};
    let press = |a: &mut App, code: KeyCode, m: KeyModifiers| {
        let action = keymap(a.mode(), &KeyEvent::new(code, m))
            .unwrap_or_else(|| panic!("{code:?} does nothing in {:?}", a.mode()));
        a.update(action);
    };
    let none = KeyModifiers::NONE;
    let mut a = app();
    open(&mut a, WelcomeItem::Catalog);
    press(&mut a, KeyCode::Char('/'), none);
    // "A102", then the missing "I-" typed after the first letter.
    type_text(&mut a, "A102");
    press(&mut a, KeyCode::Home, none);
    press(&mut a, KeyCode::Right, none);
    type_text(&mut a, "I-");
    assert_eq!(a.screens().catalog.query.text(), "AI-102");
    assert_eq!(ids(&a), ["azure-ai-engineer"]);
    // Delete under the cursor, End, Backspace.
    press(&mut a, KeyCode::Home, none);
    press(&mut a, KeyCode::Delete, none);
    assert_eq!(a.screens().catalog.query.text(), "I-102");
    press(&mut a, KeyCode::End, none);
    press(&mut a, KeyCode::Backspace, none);
    assert_eq!(a.screens().catalog.query.text(), "I-10");
    // Ctrl-W drops the word before the cursor; Ctrl-U all before it.
    type_text(&mut a, " azure");
    press(&mut a, KeyCode::Char('w'), KeyModifiers::CONTROL);
    assert_eq!(a.screens().catalog.query.text(), "I-10 ");
    press(&mut a, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(a.screens().catalog.query.text(), "");
    assert_eq!(ids(&a).len(), rows(a.kb(), &a.screens().catalog).len());
}

/// `e` on a catalog entry opens the evaluation with that entry's name filled in (a draft in
/// progress is kept instead).
#[test]
fn evaluate_from_the_catalog_starts_from_the_highlighted_entry() {
    let mut a = app();
    open(&mut a, WelcomeItem::Catalog);
    a.update(Action::OpenSearch);
    type_text(&mut a, "AI-102");
    a.update(Action::Select);
    assert_eq!(ids(&a), ["azure-ai-engineer"]);
    a.update(Action::OpenEvaluate);
    assert_eq!(a.screen(), Screen::Evaluate);
    let name = a.kb().entry("azure-ai-engineer").unwrap().name.clone();
    assert_eq!(a.screens().evaluate.name.text(), name);
    // Enter evaluates it with the catalog's facts: a retired exam, sent to its successor.
    a.update(Action::Select);
    let text = crate::support::screen_text(&a);
    assert!(text.contains("AI-103"), "{text}");
    // A draft typed by hand is kept when the catalog opens the form again.
    let mut b = app();
    open(&mut b, WelcomeItem::Evaluate);
    type_text(&mut b, "My own cert");
    b.update(Action::Back);
    b.update(Action::GoHome);
    open(&mut b, WelcomeItem::Catalog);
    b.update(Action::OpenEvaluate);
    assert_eq!(b.screens().evaluate.name.text(), "My own cert");
}

/// A session on the data folder `data`, with its own catalog merged in (as the event loop does
/// at start).
fn session_on(data: &std::path::Path) -> App {
    let store = Store::open(data.to_owned()).unwrap();
    let mut a = app().with_store(store, false);
    a.reload_user_catalog();
    a
}

/// Evaluates "Acme Applied AI" (fee 2500, 12 hours, hands-on yes) and saves it to the catalog.
fn save_acme(data: &std::path::Path) {
    let mut a = session_on(data);
    open(&mut a, WelcomeItem::Evaluate);
    type_text(&mut a, "Acme Applied AI");
    a.update(Action::Down); // provider known
    a.update(Action::Down); // cost
    type_text(&mut a, "2500");
    a.update(Action::Down); // hours
    type_text(&mut a, "12");
    a.update(Action::Down); // practical
    a.update(Action::ToggleMark); // yes
    a.update(Action::Select);
    a.update(Action::SaveEvaluation);
    assert!(a.status().unwrap().contains("user-acme-applied-ai"));
    let file = std::fs::read_to_string(data.join("catalog.ron")).unwrap();
    assert!(file.contains("min: 2500"), "{file}");
}

/// The catalog, with the search narrowed to `query` and kept.
fn catalog_at(a: &mut App, query: &str) {
    if a.screen() != Screen::Catalog {
        open(a, WelcomeItem::Catalog);
    }
    a.update(Action::ClearFilters);
    a.update(Action::OpenSearch);
    type_text(a, query);
    a.update(Action::Select);
}

#[test]
fn e_on_your_own_entry_fills_in_its_saved_facts_and_saving_it_keeps_them() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    save_acme(&data);
    let mut a = session_on(&data);
    catalog_at(&mut a, "Acme");
    assert_eq!(ids(&a).len(), 1);
    assert!(
        ids(&a)[0].starts_with("user-acme-applied-ai"),
        "{:?}",
        ids(&a)
    );
    a.update(Action::OpenEvaluate);
    let e = &a.screens().evaluate;
    assert_eq!(e.name.text(), "Acme Applied AI");
    assert_eq!(e.cost.text(), "2500");
    assert_eq!(e.hours.text(), "12");
    assert_eq!(e.practical, certwise::tui::screen::evaluate::Tri::Yes);
    // Not known when saved, so not known now (never "no" or "0").
    assert_eq!(
        e.provider_known,
        certwise::tui::screen::evaluate::Tri::Unknown
    );
    assert!(e.age.is_empty() && e.postings.is_empty());
    a.update(Action::Select);
    a.update(Action::SaveEvaluation);
    assert!(a.overlay().is_none(), "nothing is lost, so nothing to ask");
    let status = a.status().unwrap();
    assert!(
        status.contains("Replaced") && status.contains("user-acme-applied-ai"),
        "{status}"
    );
    let file = std::fs::read_to_string(data.join("catalog.ron")).unwrap();
    assert!(
        file.contains("min: 2500") && file.contains("min: 12"),
        "{file}"
    );
    assert!(!file.contains("cost_unknown: true"), "{file}");
}

#[test]
fn saving_over_your_entry_with_facts_left_empty_asks_first() {
    use certwise::tui::app::{Ask, Overlay};
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    save_acme(&data);
    let mut a = session_on(&data);
    open(&mut a, WelcomeItem::Evaluate);
    type_text(&mut a, "Acme Applied AI");
    a.update(Action::Select);
    a.update(Action::SaveEvaluation);
    let Some(Overlay::Confirm(ask @ Ask::ReplaceEntry { .. })) = a.overlay().cloned() else {
        panic!("{:?}", a.overlay());
    };
    let Ask::ReplaceEntry { lost, .. } = &ask else {
        unreachable!()
    };
    for fact in [
        "the fee",
        "the preparation hours",
        "whether it has a practical component",
    ] {
        assert!(lost.iter().any(|l| l == fact), "{lost:?}");
    }
    assert!(crate::support::screen_text(&a).contains("Replace your entry?"));
    // No (the safe answer): the entry is as it was, and the status line says so.
    a.update(Action::CloseOverlay);
    assert!(
        a.status().unwrap().contains("Not saved"),
        "{:?}",
        a.status()
    );
    let file = std::fs::read_to_string(data.join("catalog.ron")).unwrap();
    assert!(file.contains("min: 2500"), "{file}");
    // Yes: replaced, and the status line says which facts are now not known.
    a.update(Action::SaveEvaluation);
    assert!(matches!(a.overlay(), Some(Overlay::Confirm(x)) if *x == ask));
    a.update(Action::Confirm);
    let status = a.status().unwrap();
    assert!(
        status.contains("Replaced") && status.contains("the fee"),
        "{status}"
    );
    let file = std::fs::read_to_string(data.join("catalog.ron")).unwrap();
    assert!(file.contains("cost_unknown: true"), "{file}");
}

#[test]
fn e_on_another_entry_opens_it_unless_a_changed_draft_would_be_lost() {
    use certwise::tui::app::{Ask, Overlay};
    let mut a = app();
    catalog_at(&mut a, "AI-102");
    a.update(Action::OpenEvaluate);
    let azure = a.kb().entry("azure-ai-engineer").unwrap().name.clone();
    assert_eq!(a.screens().evaluate.name.text(), azure);
    // Untouched since `e` filled it: another entry replaces it.
    a.update(Action::Back);
    catalog_at(&mut a, "MLS-C01");
    a.update(Action::OpenEvaluate);
    let mls = a.kb().entry(ids(&a)[0]).unwrap().name.clone();
    assert_ne!(mls, azure);
    assert_eq!(a.screens().evaluate.name.text(), mls);
    // Changed by hand: kept unless the person says otherwise.
    type_text(&mut a, "My own cert");
    a.update(Action::Back);
    catalog_at(&mut a, "AI-102");
    a.update(Action::OpenEvaluate);
    assert_eq!(a.screen(), Screen::Evaluate);
    assert!(matches!(
        a.overlay(),
        Some(Overlay::Confirm(Ask::ReplaceDraft { .. }))
    ));
    assert_eq!(a.screens().evaluate.name.text(), "My own cert");
    a.update(Action::CloseOverlay);
    assert_eq!(a.screens().evaluate.name.text(), "My own cert");
    let status = a.status().unwrap();
    assert!(
        status.contains("Kept your draft") && status.contains("My own cert"),
        "{status}"
    );
    a.update(Action::Back);
    a.update(Action::OpenEvaluate);
    a.update(Action::Confirm);
    assert_eq!(a.screens().evaluate.name.text(), azure);
}

#[test]
fn sorting_by_usd_puts_free_first_and_unknown_prices_last_both_ways() {
    let mut a = app();
    open(&mut a, WelcomeItem::Catalog);
    while a.screens().catalog.sort != SortBy::Cost {
        a.update(Action::SortNext);
    }
    let order = |a: &App| -> Vec<(bool, (u32, u32))> {
        rows(a.kb(), &a.screens().catalog)
            .iter()
            .map(|e| (e.cost_unknown, (e.cost_usd.min, e.cost_usd.max)))
            .collect()
    };
    let up = order(&a);
    assert!(
        up.iter().any(|(unknown, _)| *unknown),
        "the test needs unknown prices"
    );
    let known = up.iter().take_while(|(unknown, _)| !unknown).count();
    assert!(up[known..].iter().all(|(unknown, _)| *unknown), "{up:?}");
    assert_eq!(up[0], (false, (0, 0)), "free first: {up:?}");
    a.update(Action::SortReverse);
    let down = order(&a);
    assert!(
        down[known..].iter().all(|(unknown, _)| *unknown),
        "{down:?}"
    );
    assert!(
        down[..known].windows(2).all(|w| w[0].1 >= w[1].1),
        "{down:?}"
    );
    // On screen: the last rows of the list say "?".
    a.update(Action::End);
    let line = crate::support::screen_lines(&a)
        .into_iter()
        .find(|l| l.contains('▶'))
        .unwrap();
    assert!(line.contains(" ? "), "{line}");
}

/// The help overlay's text for the catalog, every row, with wrapped lines joined again.
fn catalog_help(a: &mut App) -> String {
    use certwise::tui::app::Overlay;
    a.update(Action::OpenHelp);
    let Some(Overlay::Help { text, .. }) = a.overlay() else {
        panic!("{:?}", a.overlay());
    };
    let all: Vec<String> = text
        .lines()
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect();
    a.update(Action::CloseOverlay);
    all.join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_platform_and_status_filters_offer_what_they_cycle_through_and_help_says_so() {
    let mut a = App::new(Knowledge::embedded().unwrap(), Theme::new(false), 120, 40);
    a = a.on(jiff::civil::date(2026, 11, 21));
    open(&mut a, WelcomeItem::Catalog);
    let status_part = |a: &App, word: &str| -> String {
        let text = crate::support::screen_text(a);
        let at = text.find(&format!("{word} ")).unwrap() + word.len() + 1;
        text[at..].split(' ').next().unwrap().to_owned()
    };
    let mut platforms = vec![status_part(&a, "Cloud")];
    loop {
        a.update(Action::FilterPlatform);
        let now = status_part(&a, "Cloud");
        if now == platforms[0] {
            break;
        }
        platforms.push(now);
    }
    for p in Platform::ALL {
        assert!(platforms.contains(&p.as_str().to_owned()), "{platforms:?}");
    }
    let mut statuses = vec![status_part(&a, "Status")];
    loop {
        a.update(Action::FilterStatus);
        let now = status_part(&a, "Status");
        if now == statuses[0] {
            break;
        }
        // Each status filter shows entries (a filter that matches nothing is not offered).
        assert!(!ids(&a).is_empty(), "{now}");
        statuses.push(now);
    }
    for s in ["beta", "closed"] {
        assert!(statuses.contains(&s.to_owned()), "{statuses:?}");
    }
    let only = |status: &str| {
        let mut b = app();
        open(&mut b, WelcomeItem::Catalog);
        while status_part(&b, "Status") != status {
            b.update(Action::FilterStatus);
        }
        rows(b.kb(), &b.screens().catalog)
            .iter()
            .map(|e| e.status.as_str())
            .collect::<Vec<_>>()
    };
    assert!(only("beta").iter().all(|s| *s == "beta"));
    assert!(only("closed").iter().all(|s| *s == "closed"));
    // Help lists the values in the order the keys cycle through them.
    let help = catalog_help(&mut a);
    assert!(
        help.contains(&platforms.join(", ")),
        "{platforms:?}\n{help}"
    );
    assert!(help.contains(&statuses.join(", ")), "{statuses:?}\n{help}");
}

#[test]
fn a_filter_that_matches_nothing_says_so_where_the_rows_would_be() {
    let mut a = app();
    open(&mut a, WelcomeItem::Catalog);
    // Tier 4 and retired together match nothing.
    for _ in 0..4 {
        a.update(Action::FilterTier);
    }
    while a.screens().catalog.status != certwise::tui::screen::catalog::StatusFilter::Retired {
        a.update(Action::FilterStatus);
    }
    assert!(ids(&a).is_empty());
    let lines = crate::support::screen_lines(&a);
    let header = lines
        .iter()
        .position(|l| l.contains("Name ") && l.contains("Tier"))
        .unwrap();
    assert!(
        lines[header + 1].contains("Nothing matches"),
        "{}",
        lines.join("\n")
    );
}
