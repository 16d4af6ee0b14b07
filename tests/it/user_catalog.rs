//! The person's own catalog: evaluated certifications saved to `catalog.ron` in the data folder,
//! merged into the knowledge base and used by the advisor like built-in entries. A bad entry is
//! reported with the file and line:column and skipped; no file, however broken, stops certwise.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use certwise::advisor::{Plan, plan};
use certwise::evaluate::{Claim, Facts, evaluate};
use certwise::interview::Answers;
use certwise::knowledge::{Entry, Knowledge, RedFlag};
use certwise::user_catalog::{FILE, add, entry_from, load, merged};
use jiff::civil::{Date, date};
use proptest::prelude::*;

use crate::support::kb;

const TODAY: Date = date(2026, 11, 20);

fn facts(name: &str) -> Facts {
    Facts {
        name: name.to_owned(),
        ..Facts::default()
    }
}

/// A certification the person evaluated as tier 1.
fn good_facts() -> Facts {
    Facts {
        provider_known: Some(true),
        cost_usd: Some(150),
        prep_hours: Some(40),
        practical: Some(true),
        content_age_years: Some(1.0),
        postings_percent: Some(2.0),
        ..facts("Acme Applied ML Associate")
    }
}

/// A certification the person evaluated as tier 4.
fn bad_facts() -> Facts {
    Facts {
        provider_known: Some(false),
        cost_usd: Some(900),
        prep_hours: Some(8),
        practical: Some(false),
        claims: vec![Claim::GuaranteedJob, Claim::DaysToComplete],
        ..facts("Certified AI Wizard")
    }
}

fn entry(f: &Facts) -> Entry {
    entry_from(f, &evaluate(kb(), f), TODAY)
}

/// An entry as the person might write it, one field per line, in RON.
fn entry_text(e: &Entry) -> String {
    ron::ser::to_string_pretty(e, ron::ser::PrettyConfig::new()).unwrap()
}

struct Dir {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn file_with(text: &str) -> Dir {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE);
    std::fs::write(&path, text).unwrap();
    Dir { _dir: dir, path }
}

fn ids(entries: &[Entry]) -> Vec<&str> {
    entries.iter().map(|e| e.id.as_str()).collect()
}

fn default_plan(kb: &Knowledge) -> Plan {
    plan(kb, &Answers::new()).expect("the default answers have a strategy")
}

/// `(line, column)` of the first occurrence of `needle`, 1-based, columns in characters.
fn position_of(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).unwrap();
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap().chars().count() + 1;
    (line, col)
}

/// Expects exactly one problem, at `path:line:col:`, and returns it.
fn one_problem_at(path: &Path, problems: &[String], line: usize, col: usize) -> String {
    assert_eq!(problems.len(), 1, "{problems:?}");
    let prefix = format!("{}:{line}:{col}: ", path.display());
    assert!(
        problems[0].starts_with(&prefix),
        "expected {prefix:?}, got {:?}",
        problems[0]
    );
    assert!(!problems[0].contains('\n'), "{:?}", problems[0]);
    problems[0].clone()
}

// ----- Entries from evaluations -----

#[test]
fn an_evaluation_becomes_an_entry_with_its_tier_flags_and_verdict() {
    let f = bad_facts();
    let v = evaluate(kb(), &f);
    let e = entry_from(&f, &v, TODAY);
    assert!(e.id.starts_with("user-"), "{}", e.id);
    assert_eq!(e.name, "Certified AI Wizard");
    assert_eq!(e.tier, Some(4));
    assert_eq!(e.verdict, v.verdict);
    assert_eq!(e.reviewed, TODAY);
    assert!(e.red_flags.contains(&RedFlag::GuaranteedJob));
    assert!(e.red_flags.contains(&RedFlag::UnknownProvider));
}

#[test]
fn an_entry_says_which_facts_were_unknown() {
    let e = entry(&facts("Only a name"));
    assert!(e.summary.contains("Not known"), "{}", e.summary);
    assert!(e.summary.contains("cost-usd"), "{}", e.summary);
}

#[test]
fn saved_entries_load_back_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE);
    let (good, bad) = (entry(&good_facts()), entry(&bad_facts()));
    add(&path, good.clone()).unwrap();
    add(&path, bad.clone()).unwrap();
    let loaded = load(&path);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(
        loaded.entries.iter().map(entry_text).collect::<Vec<_>>(),
        [entry_text(&good), entry_text(&bad)]
    );
}

#[test]
fn saving_twice_gives_identical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE);
    add(&path, entry(&good_facts())).unwrap();
    let first = std::fs::read(&path).unwrap();
    add(&path, entry(&good_facts())).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), first);
}

// ----- add -----

#[test]
fn add_creates_the_file_and_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("not-yet").join(FILE);
    add(&path, entry(&good_facts())).unwrap();
    assert_eq!(load(&path).entries.len(), 1);
}

#[test]
fn add_replaces_an_entry_with_the_same_id() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE);
    add(&path, entry(&bad_facts())).unwrap();
    add(&path, entry(&good_facts())).unwrap();
    let mut cheaper = good_facts();
    cheaper.cost_usd = Some(99);
    add(&path, entry(&cheaper)).unwrap();
    let loaded = load(&path);
    assert_eq!(loaded.entries.len(), 2, "{:?}", ids(&loaded.entries));
    let replaced = loaded
        .entries
        .iter()
        .find(|e| e.name == "Acme Applied ML Associate")
        .unwrap();
    assert_eq!(replaced.cost_usd.min, 99);
}

#[test]
fn add_refuses_to_rewrite_a_file_with_bad_entries() {
    let good = entry_text(&entry(&good_facts()));
    let text = format!("[\n{good},\n(id: \"broken\", kind: nonsense),\n]\n");
    let dir = file_with(&text);
    let err = add(&dir.path, entry(&bad_facts())).unwrap_err().to_string();
    assert!(err.contains("not rewritten"), "{err}");
    assert!(err.contains(&dir.path.display().to_string()), "{err}");
    assert_eq!(std::fs::read_to_string(&dir.path).unwrap(), text);
}

#[test]
fn add_refuses_to_rewrite_a_file_that_is_not_a_list() {
    let text = "(this is: \"not a list\")\n";
    let dir = file_with(text);
    assert!(add(&dir.path, entry(&good_facts())).is_err());
    assert_eq!(std::fs::read_to_string(&dir.path).unwrap(), text);
}

#[test]
fn add_into_an_empty_file_works() {
    let dir = file_with("");
    add(&dir.path, entry(&good_facts())).unwrap();
    assert_eq!(load(&dir.path).entries.len(), 1);
}

// ----- Merging, and the advisor using what was merged -----

#[test]
fn merged_entries_join_the_catalog() {
    let (kb2, problems) = merged(kb(), &[entry(&good_facts()), entry(&bad_facts())]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(kb2.catalog.entries.len(), kb().catalog.entries.len() + 2);
    assert!(kb2.problems().is_empty());
}

#[test]
fn a_merged_tier_4_evaluation_goes_on_the_advisors_avoid_list() {
    let e = entry(&bad_facts());
    let (kb2, problems) = merged(kb(), std::slice::from_ref(&e));
    assert!(problems.is_empty(), "{problems:?}");
    let p = default_plan(&kb2);
    let avoid = p
        .avoid
        .iter()
        .find(|a| a.id == e.id)
        .unwrap_or_else(|| panic!("{} not avoided: {:?}", e.id, p.avoid));
    assert!(
        avoid.reasons.iter().any(|r| r.contains("red flag")),
        "{:?}",
        avoid.reasons
    );
    assert!(!p.recommendations.iter().any(|r| r.id == e.id));
}

#[test]
fn a_merged_tier_1_evaluation_is_recommended_by_the_advisor() {
    let e = entry(&good_facts());
    let (kb2, _) = merged(kb(), std::slice::from_ref(&e));
    let p = default_plan(&kb2);
    let rec = p
        .recommendations
        .iter()
        .find(|r| r.id == e.id)
        .unwrap_or_else(|| panic!("{} not recommended; avoid: {:?}", e.id, p.avoid));
    assert!(
        rec.reasons
            .iter()
            .any(|r| r.text.contains("your own evaluation")),
        "{:?}",
        rec.reasons
    );
}

#[test]
fn without_user_entries_the_plan_is_the_built_in_one() {
    let (kb2, problems) = merged(kb(), &[]);
    assert!(problems.is_empty());
    assert_eq!(default_plan(&kb2), default_plan(kb()));
}

#[test]
fn an_id_clash_with_a_built_in_entry_is_skipped_with_a_message() {
    let mut e = entry(&good_facts());
    e.id = "aws-ml-engineer-associate".to_owned();
    e.name = "Impostor".to_owned();
    let (kb2, problems) = merged(kb(), &[e, entry(&bad_facts())]);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains("aws-ml-engineer-associate"),
        "{problems:?}"
    );
    assert!(problems[0].contains("skipped"), "{problems:?}");
    assert_ne!(
        kb2.entry("aws-ml-engineer-associate").unwrap().name,
        "Impostor"
    );
    assert_eq!(kb2.catalog.entries.len(), kb().catalog.entries.len() + 1);
}

#[test]
fn an_id_given_twice_in_the_users_file_keeps_the_first() {
    let first = entry(&good_facts());
    let mut second = first.clone();
    second.name = "Second".to_owned();
    let (kb2, problems) = merged(kb(), &[first.clone(), second]);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(kb2.entry(&first.id).unwrap().name, first.name);
}

#[test]
fn an_inconsistent_entry_is_skipped_with_a_message() {
    let mut bad_range = entry(&good_facts());
    bad_range.id = "user-bad-range".to_owned();
    bad_range.cost_usd.min = 500;
    bad_range.cost_usd.max = 100;
    let mut no_tier = entry(&good_facts());
    no_tier.id = "user-no-tier".to_owned();
    no_tier.tier = None;
    let mut missing_successor = entry(&good_facts());
    missing_successor.id = "user-retired".to_owned();
    missing_successor.status = certwise::knowledge::Status::Retired {
        on: TODAY,
        successor: "nowhere".to_owned(),
    };
    let good = entry(&bad_facts());
    let (kb2, problems) = merged(kb(), &[bad_range, no_tier, missing_successor, good.clone()]);
    assert_eq!(problems.len(), 3, "{problems:?}");
    for (p, id) in problems
        .iter()
        .zip(["user-bad-range", "user-no-tier", "user-retired"])
    {
        assert!(p.contains(id) && p.contains("skipped"), "{p}");
    }
    assert!(kb2.entry(&good.id).is_some());
    assert!(kb2.problems().is_empty(), "{:?}", kb2.problems());
}

// ----- Loading: errors with position, never a crash -----

#[test]
fn a_missing_file_is_an_empty_catalog() {
    let dir = tempfile::tempdir().unwrap();
    let loaded = load(&dir.path().join(FILE));
    assert!(loaded.entries.is_empty() && loaded.problems.is_empty());
}

#[test]
fn a_bad_entry_is_reported_with_file_line_and_column_and_the_good_ones_load() {
    let (a, b) = (entry(&good_facts()), entry(&bad_facts()));
    let broken = entry_text(&a)
        .replace("kind: certification", "kind: certificatoin")
        .replace(&a.id, "user-broken");
    let text = format!(
        "// my certifications\n[\n{},\n{broken},\n{},\n]\n",
        entry_text(&a),
        entry_text(&b)
    );
    let dir = file_with(&text);
    let loaded = load(&dir.path);
    assert_eq!(ids(&loaded.entries), [a.id.as_str(), b.id.as_str()]);
    let (line, col) = position_of(&text, "certificatoin");
    let problem = one_problem_at(&dir.path, &loaded.problems, line, col);
    assert!(problem.contains("certificatoin"), "{problem}");
    assert!(problem.contains("skipped"), "{problem}");
}

#[test]
fn an_error_on_the_first_line_of_an_entry_has_the_right_column() {
    let text = "[(id: \"ok\", kind: certificatoin)]";
    let dir = file_with(text);
    let loaded = load(&dir.path);
    let (line, col) = position_of(text, "certificatoin");
    one_problem_at(&dir.path, &loaded.problems, line, col);
}

#[test]
fn a_missing_field_is_reported_at_its_entry() {
    let a = entry(&good_facts());
    let without_verdict: String = entry_text(&a)
        .lines()
        .filter(|l| !l.trim_start().starts_with("verdict:"))
        .collect::<Vec<_>>()
        .join("\n");
    let text = format!("[\n{without_verdict},\n]\n");
    let dir = file_with(&text);
    let loaded = load(&dir.path);
    assert!(loaded.entries.is_empty());
    assert_eq!(loaded.problems.len(), 1, "{:?}", loaded.problems);
    assert!(
        loaded.problems[0].contains("verdict"),
        "{:?}",
        loaded.problems
    );
    let rest = loaded.problems[0]
        .strip_prefix(&format!("{}:", dir.path.display()))
        .unwrap();
    let mut parts = rest.splitn(3, ':');
    let line: usize = parts.next().unwrap().parse().unwrap();
    let col: usize = parts.next().unwrap().parse().unwrap();
    assert!((2..=text.lines().count()).contains(&line), "{line}");
    assert!(col >= 1);
}

#[test]
fn a_position_counts_characters_not_bytes() {
    let text = "[(name: \"Zürich — ünïcödé\", kind: certificatoin)]";
    let dir = file_with(text);
    let (line, col) = position_of(text, "certificatoin");
    one_problem_at(&dir.path, &load(&dir.path).problems, line, col);
}

#[test]
fn a_file_that_is_not_a_list_is_one_problem() {
    let e = entry_text(&entry(&good_facts()));
    for text in [e.as_str(), "{\"a\": 1}", "42", "hello"] {
        let dir = file_with(text);
        let loaded = load(&dir.path);
        assert!(loaded.entries.is_empty(), "{text}");
        assert_eq!(loaded.problems.len(), 1, "{text}: {:?}", loaded.problems);
        assert!(
            loaded.problems[0].contains("expected a list"),
            "{:?}",
            loaded.problems
        );
    }
}

#[test]
fn an_empty_file_or_only_comments_is_an_empty_catalog() {
    for text in [
        "",
        "   \n\n",
        "// nothing yet\n",
        "/* nothing */\n",
        "[]",
        "[\n]\n",
        "\u{feff}",
    ] {
        let dir = file_with(text);
        let loaded = load(&dir.path);
        assert!(loaded.entries.is_empty(), "{text:?}");
        assert!(
            loaded.problems.is_empty(),
            "{text:?}: {:?}",
            loaded.problems
        );
    }
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let text = format!("\u{feff}[\n{},\n]\n", entry_text(&entry(&good_facts())));
    let dir = file_with(&text);
    let loaded = load(&dir.path);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.entries.len(), 1);
}

#[test]
fn a_byte_order_mark_does_not_shift_positions() {
    let text = "\u{feff}[(id: \"x\", kind: certificatoin)]";
    let dir = file_with(text);
    let (line, col) = position_of(text.trim_start_matches('\u{feff}'), "certificatoin");
    one_problem_at(&dir.path, &load(&dir.path).problems, line, col);
}

#[test]
fn a_file_that_is_not_text_is_one_problem() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE);
    std::fs::write(&path, [0xff, 0xfe, 0x00, 0x9f, b'[', 0x80]).unwrap();
    let loaded = load(&path);
    assert!(loaded.entries.is_empty());
    assert_eq!(loaded.problems.len(), 1, "{:?}", loaded.problems);
    assert!(loaded.problems[0].starts_with(&path.display().to_string()));
}

#[test]
fn a_folder_in_place_of_the_file_is_one_problem() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE);
    std::fs::create_dir(&path).unwrap();
    let loaded = load(&path);
    assert_eq!(loaded.problems.len(), 1, "{:?}", loaded.problems);
}

#[test]
fn garbage_between_entries_is_skipped_and_the_entries_around_it_load() {
    let (a, b) = (entry(&good_facts()), entry(&bad_facts()));
    let text = format!("[\n{},\n@@@ ###,\n{},\n]\n", entry_text(&a), entry_text(&b));
    let dir = file_with(&text);
    let loaded = load(&dir.path);
    assert_eq!(ids(&loaded.entries), [a.id.as_str(), b.id.as_str()]);
    let (line, col) = position_of(&text, "@@@");
    one_problem_at(&dir.path, &loaded.problems, line, col);
}

#[test]
fn comments_and_strings_with_brackets_and_commas_do_not_split_entries() {
    let mut a = entry(&good_facts());
    a.summary =
        "Tricky: [a, b], (c, d), {e}, \"quoted ]\" and // not a comment /* nor this */".to_owned();
    a.verdict = "Ends with a bracket ] and a comma ,".to_owned();
    let b = entry(&bad_facts());
    let text = format!(
        "// a comment with ] and , and [\n[\n  /* block ( ] , */\n{}, // trailing ) comment, with ]\n/* between, ) */ {},\n]\n",
        entry_text(&a),
        entry_text(&b)
    );
    let dir = file_with(&text);
    let loaded = load(&dir.path);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(ids(&loaded.entries), [a.id.as_str(), b.id.as_str()]);
    assert_eq!(loaded.entries[0].summary, a.summary);
    assert_eq!(loaded.entries[0].verdict, a.verdict);
}

#[test]
fn a_block_comment_before_the_list_is_allowed() {
    let text = format!(
        "/* my catalog,\n   kept by hand */\n[\n{},\n]\n",
        entry_text(&entry(&good_facts()))
    );
    let dir = file_with(&text);
    let loaded = load(&dir.path);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.entries.len(), 1);
}

#[test]
fn a_character_literal_with_a_bracket_does_not_swallow_the_next_entry() {
    let b = entry(&bad_facts());
    let text = format!("[\n(id: ']', kind: course),\n{},\n]\n", entry_text(&b));
    let dir = file_with(&text);
    let loaded = load(&dir.path);
    assert_eq!(
        ids(&loaded.entries),
        [b.id.as_str()],
        "{:?}",
        loaded.problems
    );
    assert_eq!(loaded.problems.len(), 1, "{:?}", loaded.problems);
}

#[test]
fn an_unclosed_list_keeps_the_complete_entries_and_reports_the_rest() {
    let (a, b) = (entry(&good_facts()), entry(&bad_facts()));
    let b_text = entry_text(&b);
    let cut = &b_text[..b_text.len() / 2];
    let text = format!("[\n{},\n{cut}", entry_text(&a));
    let dir = file_with(&text);
    let loaded = load(&dir.path);
    assert_eq!(ids(&loaded.entries), [a.id.as_str()]);
    assert_eq!(loaded.problems.len(), 1, "{:?}", loaded.problems);
    assert!(
        loaded.problems[0].starts_with(&format!("{}:", dir.path.display())),
        "{:?}",
        loaded.problems
    );
}

#[test]
fn text_after_the_list_is_reported() {
    let a = entry(&good_facts());
    let text = format!("[\n{},\n]\n(stray: 1)\n", entry_text(&a));
    let dir = file_with(&text);
    let loaded = load(&dir.path);
    assert_eq!(ids(&loaded.entries), [a.id.as_str()]);
    let (line, col) = position_of(&text, "(stray");
    one_problem_at(&dir.path, &loaded.problems, line, col);
}

#[test]
fn a_file_of_deep_nesting_is_a_problem_not_a_crash() {
    let text = format!("[{}{}]", "(".repeat(100_000), ")".repeat(100_000));
    let dir = file_with(&text);
    let loaded = load(&dir.path);
    assert!(loaded.entries.is_empty());
    assert_eq!(loaded.problems.len(), 1, "{:?}", loaded.problems);
}

/// Every problem names the file and a position inside it (or just the file, for read errors).
fn check_problems(path: &Path, text: &str, problems: &[String]) {
    let shown = format!("{}:", path.display());
    let lines = text.lines().count().max(1) + 1;
    for p in problems {
        let rest = p.strip_prefix(&shown).unwrap_or_else(|| panic!("{p:?}"));
        assert!(!p.contains('\n'), "{p:?}");
        let mut parts = rest.splitn(3, ':');
        let (Some(line), Some(col)) = (parts.next(), parts.next()) else {
            continue;
        };
        if let (Ok(line), Ok(col)) = (line.parse::<usize>(), col.parse::<usize>()) {
            assert!((1..=lines).contains(&line), "{p:?} in {lines} lines");
            assert!(col >= 1, "{p:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC*") {
        let dir = file_with(&text);
        let loaded = load(&dir.path);
        check_problems(&dir.path, &text, &loaded.problems);
    }

    #[test]
    fn arbitrary_ron_like_text_never_panics(
        text in "[\\[\\](){}\",:/*'\\\\a-z0-9 \n]{0,200}"
    ) {
        let dir = file_with(&text);
        let loaded = load(&dir.path);
        check_problems(&dir.path, &text, &loaded.problems);
    }

    #[test]
    fn a_damaged_valid_file_never_panics(
        cut in 0usize..4000,
        insert in "[\\[\\](){}\",:/*'\\\\ a-z]{0,3}",
    ) {
        let text = format!(
            "[\n{},\n{},\n]\n",
            entry_text(&entry(&good_facts())),
            entry_text(&entry(&bad_facts()))
        );
        let mut at = cut.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let damaged = format!("{}{insert}{}", &text[..at], &text[at..]);
        let dir = file_with(&damaged);
        let loaded = load(&dir.path);
        check_problems(&dir.path, &damaged, &loaded.problems);
        // Whatever the damage, at most the two entries load, and each is either loaded or reported.
        prop_assert!(loaded.entries.len() <= 2);
        prop_assert!(loaded.entries.len() + loaded.problems.len() >= 1);
    }
}

// ----- Unknown facts stay unknown -----

/// The tier-1 certification, evaluated without knowing its cost or its preparation hours.
fn unknown_cost_and_hours() -> Facts {
    Facts {
        cost_usd: None,
        prep_hours: None,
        ..good_facts()
    }
}

#[test]
fn unknown_cost_and_hours_are_flagged_not_guessed() {
    let e = entry(&unknown_cost_and_hours());
    assert!(e.cost_unknown && e.hours_unknown, "{e:?}");
    let known = entry(&good_facts());
    assert!(!known.cost_unknown && !known.hours_unknown);
    // A built-in entry whose fee no source gives says so in its pricing too.
    for e in &kb().catalog.entries {
        if e.cost_unknown {
            assert!(
                e.pricing
                    .as_ref()
                    .is_some_and(|p| p.fee == certwise::knowledge::Fee::Unknown),
                "{}",
                e.id
            );
        }
    }
}

#[test]
fn the_advisor_says_an_unknown_cost_is_unknown_and_does_not_schedule_unknown_hours() {
    let e = entry(&unknown_cost_and_hours());
    let (kb2, problems) = merged(kb(), std::slice::from_ref(&e));
    assert!(problems.is_empty(), "{problems:?}");
    let p = default_plan(&kb2);
    let reasons: Vec<String> = match p.recommendations.iter().find(|r| r.id == e.id) {
        Some(r) => {
            assert!(r.cost_unknown && r.hours_unknown);
            r.reasons.iter().map(|f| f.text.clone()).collect()
        }
        None => panic!("{} not recommended: {:?}", e.id, p.avoid),
    };
    assert!(
        reasons
            .iter()
            .any(|t| t == "cost not known: check before you pay"),
        "{reasons:?}"
    );
    assert!(
        reasons.iter().any(|t| t.contains("hours not known")),
        "{reasons:?}"
    );
    assert!(p.timeline.iter().all(|s| s.id != e.id), "{:#?}", p.timeline);
    let text = certwise::render::plan(&kb2, &p, certwise::render::Format::Text);
    let line = text
        .lines()
        .find(|l| l.contains(&e.name) && l.contains("/100"))
        .unwrap();
    assert!(
        line.contains("cost not known") && line.contains("hours not known"),
        "{line}"
    );
    assert!(!line.contains("free") && !line.contains(" 0 h"), "{line}");
}

#[test]
fn an_older_file_with_unknown_facts_in_the_summary_loads_them_as_unknown() {
    let mut e = entry(&unknown_cost_and_hours());
    e.cost_unknown = false;
    e.hours_unknown = false;
    let text = ron::ser::to_string(&vec![e.clone()]).unwrap();
    // Written before the flags existed: drop them from the text.
    let text = text
        .replace(",cost_unknown:false", "")
        .replace(",hours_unknown:false", "");
    assert!(!text.contains("unknown:"), "{text}");
    let dir = file_with(&text);
    let loaded = load(&dir.path);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let back = &loaded.entries[0];
    assert!(back.cost_unknown && back.hours_unknown, "{back:?}");
}

#[test]
fn the_plan_screen_shows_an_unknown_cost_as_not_known_not_free() {
    use certwise::tui::action::Action;
    use certwise::tui::app::Screen;
    let e = entry(&unknown_cost_and_hours());
    let (kb2, _) = merged(kb(), std::slice::from_ref(&e));
    let kb2: &'static Knowledge = Box::leak(Box::new(kb2));
    let mut app =
        certwise::tui::app::App::new(kb2, certwise::tui::theme::Theme::new(false), 120, 40);
    // The default answers, then the plan.
    app.update(Action::Select);
    while app.screen() == Screen::Interview {
        app.update(Action::Forward);
    }
    app.update(Action::ShowPlan);
    app.update(Action::Select);
    assert_eq!(app.screen(), Screen::Plan);
    assert_eq!(
        app.plan().map(|p| &p.recommendations),
        Some(&default_plan(kb2).recommendations)
    );
    let rows = app.ranking();
    let at = rows.iter().position(|r| r.id == e.id).unwrap();
    assert!(rows[at].cost_unknown && rows[at].hours_unknown);
    for _ in 0..at {
        app.update(Action::Down);
    }
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
    let buffer = terminal.backend().buffer();
    let lines: Vec<String> = (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect()
        })
        .collect();
    let row = lines
        .iter()
        .find(|l| l.contains('▶'))
        .expect("a highlighted row");
    assert!(row.contains("not known"), "{row}");
    assert!(!row.contains("free"), "{row}");
}

/// Evaluating an entry of yours again starts from the facts it was saved with, and only from
/// them: it is never a source of facts the way a built-in entry is, so a fact left empty stays
/// unknown, and what a save would lose is named.
#[test]
fn an_entry_of_yours_gives_back_its_facts_and_fills_in_nothing() {
    use certwise::user_catalog::{facts_lost, facts_of};
    let partial = Facts {
        cost_usd: Some(2500),
        prep_hours: Some(12),
        practical: Some(true),
        ..facts("Acme Applied AI")
    };
    for f in [good_facts(), bad_facts(), partial.clone()] {
        let back = facts_of(&entry(&f));
        let expected = Facts {
            // An entry does not keep the content's age.
            content_age_years: None,
            claims: f
                .claims
                .iter()
                .copied()
                .filter(|c| *c != Claim::DaysToComplete || f.prep_hours > Some(16))
                .collect(),
            ..f.clone()
        };
        assert_eq!(back, expected, "{f:?}");
        assert!(facts_lost(&entry(&f), &back).is_empty(), "{f:?}");
    }
    let e = entry(&partial);
    let (kb, problems) = merged(kb(), std::slice::from_ref(&e));
    assert!(problems.is_empty(), "{problems:?}");
    let name_only = facts("Acme Applied AI");
    let v = evaluate(&kb, &name_only);
    assert_eq!(v.catalog_id, None);
    assert!(
        v.unknown.contains(&"cost-usd".to_owned()),
        "{:?}",
        v.unknown
    );
    assert_eq!(
        facts_lost(&e, &name_only),
        [
            "whether it has a practical component",
            "the preparation hours",
            "the fee"
        ]
    );
    let bad = entry(&bad_facts());
    let lost = facts_lost(&bad, &facts("Certified AI Wizard"));
    assert!(
        lost.contains(&"the claim \"guaranteed job placement\"".to_owned()),
        "{lost:?}"
    );
}
