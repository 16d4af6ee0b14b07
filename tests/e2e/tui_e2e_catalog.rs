//! End-to-end tests of the catalog browser, the build-versus-certify comparison and "evaluate any
//! certification" (issue 5): the real `certwise` binary in a pseudo-terminal, driven by keys
//! alone, with its data folder in a temporary directory (see `tests/support/pty.rs` and
//! `tests/support/tui.rs`).
//!
//! What the screen should show is worked out from the library (the catalog, `rows`, `compare`,
//! `evaluate`), and checked against properties read off the screen itself (a sorted column, a
//! filtered column), so neither side only repeats the other.

#![cfg(unix)]
#![allow(clippy::unwrap_used)]

use crate::support;

use std::os::unix::fs::PermissionsExt as _;
use std::time::Duration;

use certwise::evaluate::{Claim, Facts, Verdict};
use certwise::knowledge::{Entry, Platform};
use certwise::tui::screen::catalog::{PlatformFilter, SortBy, StatusFilter};
use support::pty::Key;
use support::tui::{
    BIN, Home, T, Tui, WELCOME, WELCOME_FOOTER, inverse_text, kb, row_text, squash,
};

const CATALOG: &str = "Browse the certification catalog";
const EVALUATE: &str = "Evaluate any certification";
/// The table's header starts with this; at 120 columns every column is on screen.
const TABLE_HEADER: &str = "Name ";
/// The last line of an evaluation's result.
const RESULT_END: &str = "s saves it to your own catalog";

/// The certifications and courses of the built-in catalog (what the table lists).
fn study_entries() -> impl Iterator<Item = &'static Entry> {
    kb().catalog.entries.iter().filter(|e| e.kind.is_study())
}

/// The catalog's state as the test drives it, for the library's expected rows.
#[derive(Debug, Clone, Copy)]
struct View {
    sort: SortBy,
    descending: bool,
    platform: PlatformFilter,
    tier: Option<u8>,
    status: StatusFilter,
}

impl View {
    const START: View = View {
        sort: SortBy::Tier,
        descending: false,
        platform: PlatformFilter::All,
        tier: None,
        status: StatusFilter::All,
    };

    /// The header line the screen must show for this state.
    fn header(self) -> String {
        let platform = self.platform.label();
        let tier = self
            .tier
            .map_or_else(|| "all".to_owned(), |t| t.to_string());
        let status = self.status.label();
        format!(
            "sort {} {} · Cloud {platform} · Tier {tier} · Status {status}",
            self.sort.label(),
            if self.descending { "↓" } else { "↑" }
        )
    }

    /// The rows the library lists for this state, in order.
    fn expected(self) -> Vec<&'static Entry> {
        let state = certwise::tui::screen::catalog::State {
            sort: self.sort,
            descending: self.descending,
            platform: self.platform,
            tier: self.tier,
            status: self.status,
            ..Default::default()
        };
        certwise::tui::screen::catalog::rows(kb(), &state)
    }
}

// ---------------------------------------------------------------------------
// The catalog table, read off the screen
// ---------------------------------------------------------------------------

impl Tui {
    /// Presses `key` on the catalog and waits for the table to show `view`: its header, and its
    /// rows in the library's order. Returns the rows read off the screen.
    fn catalog_key(&mut self, key: Key, view: View) -> Vec<TableRow> {
        self.send_key(key);
        self.expect_table(view)
    }

    fn expect_table(&self, view: View) -> Vec<TableRow> {
        let header = view.header();
        let expected = view.expected();
        self.check(&format!("the table as {header:?}"), |s| {
            if !s.contents().contains(&header) {
                return Err(format!("no header {header:?}"));
            }
            let rows = table(s)?;
            if rows.is_empty() {
                return Err("no rows".into());
            }
            for (i, (row, entry)) in rows.iter().zip(&expected).enumerate() {
                if !shows(row, entry) {
                    return Err(format!(
                        "row {i} shows {:?} / {:?}, expected {:?} ({})",
                        row.name, row.provider, entry.name, entry.provider
                    ));
                }
            }
            if rows.len() > expected.len() {
                return Err(format!("{} rows, expected {}", rows.len(), expected.len()));
            }
            if !rows[0].selected || rows.iter().skip(1).any(|r| r.selected) {
                return Err("the first row should be the highlighted one".into());
            }
            Ok(rows)
        })
    }
}

/// The screen's rows between the title bar and the footer, squashed.
fn body_squashed(s: &vt100::Screen) -> String {
    (1..crate::support::pty::grid(s).0 - 1)
        .map(|r| squash(&row_text(s, r)))
        .collect()
}

/// One visible row of the catalog table (one line per entry).
#[derive(Debug, Clone)]
struct TableRow {
    /// The name column (with `+ ` when marked), perhaps shortened with "…".
    name: String,
    provider: String,
    tier: String,
    cost: String,
    cloud: String,
    status: String,
    reviewed: String,
    selected: bool,
}

/// Whether `shown`, perhaps shortened with "…" (keeping its end, an exam code), is `whole`.
fn cut_matches(shown: &str, whole: &str) -> bool {
    match shown.split_once('…') {
        Some((head, tail)) => {
            whole.starts_with(head.trim_end()) && whole.ends_with(tail.trim_start())
        }
        None => shown == whole,
    }
}

/// Whether a row shows this entry: its name and provider, either perhaps shortened.
fn shows(row: &TableRow, e: &Entry) -> bool {
    cut_matches(row.name.trim_start_matches("+ "), &e.name)
        && cut_matches(&row.provider, &e.provider)
}

/// The visible rows of the catalog table, one per line, up to the note below it (which starts
/// at the left margin).
fn table(s: &vt100::Screen) -> Result<Vec<TableRow>, String> {
    let lines: Vec<Vec<char>> = (0..crate::support::pty::grid(s).0)
        .map(|r| row_text(s, r).chars().collect())
        .collect();
    let find = |line: &[char], title: &str| {
        let text: String = line.iter().collect();
        text.find(title).map(|b| text[..b].chars().count())
    };
    let header = lines
        .iter()
        .position(|l| find(l, TABLE_HEADER).is_some() && find(l, "Reviewed").is_some())
        .ok_or("no table header")?;
    let col = |title: &str| find(&lines[header], title).ok_or(format!("no {title:?} column"));
    let name_col = col(TABLE_HEADER)?;
    let columns = [
        col("Provider")?,
        col("Tier")?,
        col("USD")?,
        col("Hours")?,
        col("Cloud")?,
        col("Jobs")?,
        col("Status")?,
        col("Reviewed")?,
    ];
    let mut rows: Vec<TableRow> = Vec::new();
    for (i, line) in lines.iter().enumerate().skip(header + 1) {
        let cut = |from: usize, to: usize| -> String {
            line[from.min(line.len())..to.min(line.len())]
                .iter()
                .collect::<String>()
                .trim()
                .to_owned()
        };
        let rest = cut(name_col, line.len());
        if cut(0, name_col).chars().any(|c| c != '▶')
            || rest.is_empty()
            || rest.starts_with(['↑', '↓'])
        {
            // The note under the table, the empty rows under the last entry, or the row saying
            // how many entries are above and below.
            break;
        }
        let cell = |n: usize| {
            cut(
                columns[n],
                columns.get(n + 1).copied().unwrap_or(usize::MAX),
            )
        };
        let selected = line.contains(&'▶');
        if selected && !inverse_text(s, u16::try_from(i).unwrap()).contains('▶') {
            return Err(format!("the ▶ row {i} is not in reverse video"));
        }
        rows.push(TableRow {
            name: cut(name_col, columns[0]),
            provider: cell(0),
            tier: cell(1),
            cost: cell(2),
            cloud: cell(4),
            status: cell(6),
            reviewed: cell(7),
            selected,
        });
    }
    Ok(rows)
}

/// `certwise` at 120x40 (every catalog column on screen), on its welcome screen.
fn launch_wide(home: &Home) -> Tui {
    home.launch_sized(120, 40)
}

/// The lowest cost a table cell shows, in US dollars: `free`, `150`, `0-300`, `10K-20K`.
fn cost_min(cell: &str) -> u32 {
    if cell == "free" {
        return 0;
    }
    let first = cell
        .trim_start_matches('$')
        .split('-')
        .next()
        .unwrap_or_default();
    if first == "?" {
        // A fee no source gives: the catalog sorts it as its placeholder, 0.
        return 0;
    }
    match first.strip_suffix('K') {
        Some(k) => k.parse::<u32>().unwrap() * 1000,
        None => first
            .parse()
            .unwrap_or_else(|_| panic!("cost cell {cell:?}")),
    }
}

// ---------------------------------------------------------------------------
// 1. Sort, filter, details
// ---------------------------------------------------------------------------

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one walk through every key of the catalog"
)]
fn the_catalog_sorts_filters_and_opens_details_by_keys() {
    let home = Home::new();
    let mut tui = launch_wide(&home);
    tui.choose(CATALOG);
    tui.expect_title("Certification catalog");

    // Sorted by tier at first: the tier column never goes down.
    let mut view = View::START;
    let by_tier = tui.expect_table(view);
    let tiers: Vec<&str> = by_tier.iter().map(|r| r.tier.as_str()).collect();
    assert!(tiers.is_sorted(), "tiers {tiers:?}");

    // s: by provider; the order changes.
    view.sort = SortBy::Provider;
    let by_provider = tui.catalog_key(Key::Char('s'), view);
    let names = |rows: &[TableRow]| rows.iter().map(|r| r.name.clone()).collect::<Vec<_>>();
    // The tier order also starts with AWS's exams, so check the provider order itself: the
    // alphabetically first provider leads.
    assert!(
        by_provider[0].name.contains("Amazon Web Services") || by_provider[0].name.contains("AWS"),
        "{:?}",
        names(&by_provider)
    );

    // s: by cost; the cost column never goes down.
    view.sort = SortBy::Cost;
    let by_cost = tui.catalog_key(Key::Char('s'), view);
    let costs: Vec<u32> = by_cost.iter().map(|r| cost_min(&r.cost)).collect();
    assert!(costs.is_sorted(), "costs {costs:?}");
    assert_eq!(costs[0], 0, "the cheapest first");

    // r: reversed; the cost column never goes up.
    view.descending = true;
    let reversed = tui.catalog_key(Key::Char('r'), view);
    let costs: Vec<u32> = reversed.iter().map(|r| cost_min(&r.cost)).collect();
    assert!(costs.is_sorted_by(|a, b| a >= b), "costs {costs:?}");
    let most = study_entries().map(|e| e.cost_usd.min).max().unwrap();
    assert_eq!(costs[0], most, "the dearest first");

    // p: AWS only (as many AWS entries as fit on the screen).
    view.platform = PlatformFilter::Only(Platform::Aws);
    let aws = tui.catalog_key(Key::Char('p'), view);
    assert!(aws.iter().all(|r| r.cloud == "aws"), "{aws:?}");
    let aws_count = study_entries()
        .filter(|e| e.platform == Some(Platform::Aws))
        .count();
    assert!(!aws.is_empty() && aws.len() <= aws_count, "{aws:?}");
    // p through every other platform and none, back to all.
    let filters: Vec<PlatformFilter> = Platform::ALL[1..]
        .iter()
        .map(|p| PlatformFilter::Only(*p))
        .chain([PlatformFilter::NoPlatform, PlatformFilter::All])
        .collect();
    for platform in filters {
        view.platform = platform;
        let rows = tui.catalog_key(Key::Char('p'), view);
        let cloud = match platform {
            PlatformFilter::Only(p) => p.as_str(),
            PlatformFilter::NoPlatform => "",
            PlatformFilter::All => continue,
        };
        assert!(rows.iter().all(|r| r.cloud == cloud), "{cloud}: {rows:?}");
    }

    // t: tier 1, then 2, 3, 4 and all again.
    for tier in [Some(1), Some(2), Some(3), Some(4), None] {
        view.tier = tier;
        let rows = tui.catalog_key(Key::Char('t'), view);
        if let Some(t) = tier {
            assert!(
                rows.iter().all(|r| r.tier == t.to_string()),
                "{t}: {rows:?}"
            );
        }
    }

    // a: active, then retired: only retired or closed certifications, as many as fit.
    view.status = StatusFilter::Active;
    let active = tui.catalog_key(Key::Char('a'), view);
    // Active: anything that can still be taken (a beta exam too), never retired or closed.
    assert!(
        active
            .iter()
            .all(|r| !r.status.starts_with("retired") && r.status != "closed"),
        "{active:?}"
    );
    view.status = StatusFilter::Retired;
    let retired = tui.catalog_key(Key::Char('a'), view);
    let expected: Vec<&Entry> = study_entries().filter(|e| e.status.is_retired()).collect();
    assert!(expected.len() >= 2);
    assert!(
        !retired.is_empty() && retired.len() <= expected.len(),
        "{retired:?}"
    );
    for r in &retired {
        assert!(r.status == "retired" || r.status == "closed", "{r:?}");
    }
    // The first row is one of the retired entries.
    assert!(
        expected.iter().any(|e| shows(&retired[0], e)),
        "{} is not a retired entry",
        retired[0].name
    );

    // Enter: the highlighted entry in detail, with the verdict and its successor.
    let entry = view.expected()[0];
    tui.send_key(Key::Enter);
    tui.check("the detail view", |s| {
        let body = body_squashed(s);
        for text in [
            entry.name.as_str(),
            "Provider",
            entry.provider.as_str(),
            "Verdict:",
            "Retired on",
        ] {
            if !body.contains(&squash(text)) {
                return Err(format!("no {text:?}"));
            }
        }
        if body.contains(&squash(TABLE_HEADER)) {
            return Err("the table is still shown".into());
        }
        Ok(())
    });
    // Esc: back to the table as it was.
    tui.send_key(Key::Esc);
    tui.expect_gone("Verdict:");
    tui.expect_table(view);

    // Esc: back to the welcome screen.
    tui.send_key(Key::Esc);
    tui.expect_all(&[WELCOME, WELCOME_FOOTER]);
    tui.quit();
}

// ---------------------------------------------------------------------------
// 2. Build versus certify
// ---------------------------------------------------------------------------

#[test]
fn two_marked_rows_are_compared_with_a_portfolio_project() {
    let home = Home::new();
    let mut tui = launch_wide(&home);
    tui.choose(CATALOG);
    let view = View::START;
    tui.expect_table(view);
    let first_two: Vec<&Entry> = view.expected().into_iter().take(2).collect();

    // Space marks the first row and moves to the second, Space marks that: "+ " before each,
    // "2 marked".
    tui.send_key(Key::Char(' '));
    tui.expect("· 1 marked", T);
    tui.check("marking moved the highlight to the second row", |s| {
        let rows = table(s)?;
        if rows.get(1).is_some_and(|r| r.selected) {
            Ok(())
        } else {
            Err(format!("{rows:?}"))
        }
    });
    tui.send_key(Key::Char(' '));
    tui.expect("· 2 marked", T);
    // The highlight moved on to the third row (the table may have scrolled): Home, to see both.
    tui.send_key(Key::Home);
    tui.check("both rows marked", |s| {
        let rows = table(s)?;
        let marked = rows.iter().filter(|r| r.name.starts_with("+ ")).count();
        if marked == 2
            && rows[0].selected
            && rows[0].name.starts_with("+ ")
            && rows[1].name.starts_with("+ ")
        {
            Ok(())
        } else {
            Err(format!("{rows:?}"))
        }
    });

    // c: the comparison, with a portfolio project added.
    tui.send_key(Key::Char('c'));
    tui.expect_title("Build versus certify");
    let mut ids: Vec<String> = first_two.iter().map(|e| e.id.clone()).collect();
    ids.push("portfolio-project".to_owned());
    let compared = certwise::compare::compare(kb(), &ids).unwrap();
    tui.check("the comparison table and chart", |s| {
        let screen = s.contents();
        for text in [
            "Build versus certify, side by side",
            "USD",
            "Skills",
            "Signal",
            "ROI",
            "Ratings 0-4",
        ] {
            if !screen.contains(text) {
                return Err(format!("no {text:?}"));
            }
        }
        // One table row per item, in order, under the header (long names wrap onto more lines;
        // the figures are on the first).
        let lines: Vec<String> = (0..crate::support::pty::grid(s).0)
            .map(|r| row_text(s, r))
            .collect();
        let header = lines
            .iter()
            .position(|l| l.contains("Skills") && l.contains("ROI"))
            .ok_or("no header")?;
        let mut at = header + 1;
        let mut last_row = at;
        for (i, c) in compared.iter().enumerate() {
            let start: String = c.name.chars().take(12).collect();
            let offset = lines[at..]
                .iter()
                .position(|l| l.trim_start().starts_with(&start))
                .ok_or_else(|| format!("row {i}: no line starts with {start:?}"))?;
            at += offset;
            last_row = at;
            let line = &lines[at];
            at += 1;
            // Each rating as its bar with the value printed after it, on one 0-4 scale.
            let bar = |r: certwise::knowledge::Rating| {
                let n = usize::from(r.percent() / 25);
                format!("{}{} {n}", "█".repeat(n), "░".repeat(4 - n))
            };
            for rating in [c.skill_building, c.hiring_signal, c.roi] {
                if !line.contains(&bar(rating)) {
                    return Err(format!("row {i}: {line:?} lacks {:?}", bar(rating)));
                }
            }
        }
        if !lines[last_row].contains("Portfolio project") {
            return Err("the portfolio project is not the last row".into());
        }
        Ok(())
    });

    // Esc: back to the catalog it was opened from, the marks kept; Esc again: the welcome screen.
    tui.send_key(Key::Esc);
    tui.expect_all(&["· 2 marked", TABLE_HEADER]);
    tui.send_key(Key::Esc);
    tui.expect_all(&[WELCOME, WELCOME_FOOTER]);
    tui.quit();
}

// ---------------------------------------------------------------------------
// 3. Evaluate any certification, save it, and see the advisor use it
// ---------------------------------------------------------------------------

/// The facts the test types into the form.
fn weekend_facts() -> Facts {
    Facts {
        name: "Weekend AI Pro? (quick)".to_owned(),
        provider_known: Some(false),
        cost_usd: Some(4000),
        prep_hours: Some(10),
        practical: Some(false),
        content_age_years: Some(3.0),
        claims: vec![
            Claim::GuaranteedJob,
            Claim::NoBackgroundNeeded,
            Claim::DaysToComplete,
        ],
        postings_percent: None,
        ..Facts::default()
    }
}

impl Tui {
    /// Waits until the form's selected field (`▶`) is `label` showing `value`.
    fn expect_field(&self, label: &str, value: &str) {
        self.wait(&format!("the field {label:?} showing {value:?}"), |s| {
            (1..crate::support::pty::grid(s).0 - 1).any(|r| {
                let line = row_text(s, r);
                line.trim_start().starts_with('▶')
                    && line.contains(label)
                    && line.trim_end().ends_with(value)
            })
        });
    }

    /// On a text field: types `text` and waits for it (with the `▏` cursor).
    fn type_field(&mut self, label: &str, text: &str) {
        self.send_text(text);
        self.expect_field(label, &format!("{text}▏"));
    }

    /// Moves to the next field with `key` (↓ or Tab) and waits for it.
    fn next_field(&mut self, key: Key, label: &str, value: &str) {
        self.send_key(key);
        self.expect_field(label, value);
    }

    /// On a yes/no field: Space, and the field shows `value` (not known → yes → no → ...).
    fn toggle(&mut self, label: &str, value: &str) {
        self.send_key(Key::Char(' '));
        self.expect_field(label, &format!("‹ {value} ›"));
    }
}

/// From the welcome screen: the form filled in by keys with [`weekend_facts`], checking the
/// validation on the way, then Enter.
fn fill_the_form(tui: &mut Tui) {
    tui.choose(EVALUATE);
    tui.expect_title("Evaluate a certification");
    tui.expect_field("Certification name", "▏");

    // Enter with no name: said on the form.
    tui.send_key(Key::Enter);
    tui.expect("! Name: type the certification's name.", T);

    // Letters that are keys elsewhere (q, ?, s) are typed into the name, not obeyed.
    let facts = weekend_facts();
    tui.type_field("Certification name", &facts.name);
    tui.expect_gone("! Name: type");
    assert!(tui.is_running());

    tui.next_field(Key::Down, "Provider known and verified?", "‹ not known ›");
    tui.toggle("Provider known and verified?", "yes");
    tui.toggle("Provider known and verified?", "no");

    // A letter in the fee is refused as it is typed, with the reason; digits go on.
    tui.next_field(Key::Tab, "Total fee (USD)", "▏");
    tui.send_text("4x");
    tui.expect("takes a number: `x` is not part of one", T);
    tui.expect_field("Total fee (USD)", "4▏");
    tui.send_text("000");
    tui.expect_field("Total fee (USD)", "4000▏");
    tui.expect_gone("takes a number");

    tui.next_field(Key::Tab, "Preparation hours", "▏");
    tui.type_field("Preparation hours", "10");
    tui.next_field(Key::Down, "Hands-on, practical component?", "‹ not known ›");
    tui.toggle("Hands-on, practical component?", "yes");
    tui.toggle("Hands-on, practical component?", "no");
    tui.next_field(Key::Tab, "Content age (years)", "▏");
    tui.type_field("Content age (years)", "3");
    // Up and back down: the typed values stay.
    tui.next_field(Key::Up, "Hands-on, practical component?", "‹ no ›");
    tui.next_field(Key::Down, "Content age (years)", "3▏");
    // The share of postings is left empty: not known.
    tui.next_field(Key::Tab, "Share of AI job postings naming it (%)", "▏");
    for label in [
        "Claims guaranteed job placement",
        "Claims no technical background needed",
        "Claims completion in days",
    ] {
        tui.next_field(Key::Tab, label, "‹ no ›");
        tui.toggle(label, "yes");
    }
    tui.send_key(Key::Enter);
}

/// On the result: ↓ line by line to its end (it is longer than the screen), returning every
/// line seen, squashed.
fn read_the_whole_result(tui: &mut Tui) -> String {
    let mut seen = String::new();
    for _ in 0..60 {
        seen.push_str(&tui.with_screen(body_squashed));
        if tui.screen_text().contains(RESULT_END) {
            return seen;
        }
        let before = tui.screen_text();
        tui.send_key(Key::Down);
        // A frame can arrive in pieces: the end may show up only after the rest changed.
        tui.wait("the result to scroll", |s| {
            let now = s.contents();
            now != before || now.contains(RESULT_END)
        });
    }
    panic!("never reached the end of the result\n{}", tui.screen_dump());
}

/// From the welcome screen: a new plan with every default kept, on the plan screen.
fn plan_with_defaults(tui: &mut Tui) {
    tui.accept_defaults_to_summary();
    tui.send_key(Key::Char('p'));
    tui.expect("Chosen because", T);
    tui.send_key(Key::Enter);
    tui.expect_all(&["Your plan", "Ranking ("]);
}

/// From the welcome screen: the catalog filtered to tier 4 lists the saved evaluation, and its
/// detail has the evaluation's verdict.
fn the_catalog_lists_the_evaluation(tui: &mut Tui, facts: &Facts, verdict: &Verdict) {
    tui.choose(CATALOG);
    tui.expect_table(View::START);
    for _ in 0..4 {
        tui.send_key(Key::Char('t'));
    }
    let rows = tui.check("the tier-4 rows with the evaluation", |s| {
        let rows = table(s)?;
        if s.contents().contains("Tier 4") && rows.iter().any(|r| r.name.contains("Weekend AI")) {
            Ok(rows)
        } else {
            Err(format!("{rows:?}"))
        }
    });
    let position = rows
        .iter()
        .position(|r| r.name.contains("Weekend AI"))
        .unwrap();
    let ours = &rows[position];
    assert!(
        squash(&ours.name).starts_with(&squash(&facts.name)),
        "{ours:?}"
    );
    assert_eq!(ours.provider, "(your evaluation)", "{ours:?}");
    assert_eq!((ours.tier.as_str(), ours.cost.as_str()), ("4", "4K"));
    assert!(!ours.reviewed.is_empty());
    // Its detail has the verdict the evaluation gave.
    for _ in 0..position {
        tui.send_key(Key::Down);
    }
    tui.expect_highlight("Weekend AI");
    tui.send_key(Key::Enter);
    let verdict_line = squash(&format!("Verdict: {}", verdict.verdict));
    tui.check("the detail with the evaluation's verdict", |s| {
        if body_squashed(s).contains(&verdict_line) {
            Ok(())
        } else {
            Err(format!("no {verdict_line:?}"))
        }
    });
}

#[test]
fn an_evaluation_by_keys_is_saved_and_used_by_the_next_plan() {
    let home = Home::new();
    let mut tui = home.launch();
    fill_the_form(&mut tui);

    // The result, as the library evaluates the same facts.
    let facts = weekend_facts();
    let verdict: Verdict = certwise::evaluate::evaluate(kb(), &facts);
    assert_eq!(verdict.tier, Some(4), "{verdict:?}");
    assert!(verdict.red_flags.len() >= 5, "{verdict:?}");
    tui.expect_all(&[
        &facts.name,
        &format!("Tier {} of 4", verdict.tier.unwrap()),
        "The five questions",
    ]);
    // Every finding and red flag, the alternative and the unknown facts, scrolled through.
    let seen = read_the_whole_result(&mut tui);
    let mut expected: Vec<String> = vec![
        verdict.verdict.clone(),
        "Red flags".to_owned(),
        format!("Instead: {}", verdict.instead),
    ];
    for f in &verdict.findings {
        expected.push(format!("{:<8}{}", f.result.label(), f.question));
    }
    for f in &verdict.red_flags {
        expected.push(format!("! {}: {}", f.label, f.explanation));
    }
    if !verdict.unknown.is_empty() {
        let labels: Vec<&str> = verdict
            .unknown
            .iter()
            .map(|u| certwise::evaluate::fact_label(u))
            .collect();
        expected.push(format!("Not known: {}.", labels.join(", ")));
    }
    for text in &expected {
        assert!(
            seen.contains(&squash(text)),
            "{text:?} never shown\n{}",
            tui.screen_dump()
        );
    }

    // s: saved to the user catalog in the data folder, owner-only.
    tui.send_key(Key::Char('s'));
    tui.expect_status("Saved to your catalog as");
    let file = home.data().join("catalog.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains(&format!("{:?}", facts.name)), "{text}");
    let id = text
        .split('"')
        .find(|s| s.starts_with("user-"))
        .unwrap_or_else(|| panic!("no user- id in {text}"))
        .to_owned();
    assert!(id.starts_with("user-weekend-ai-pro"), "id {id:?}");
    assert_eq!(
        std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );

    // Esc: the form with the facts kept; Esc again: the welcome screen.
    tui.send_key(Key::Esc);
    tui.expect_field("Claims completion in days", "‹ yes ›");
    tui.expect_all(&["4000", &facts.name]);
    tui.send_key(Key::Esc);
    tui.expect_all(&[WELCOME, WELCOME_FOOTER]);

    // A new plan avoids it: a tier-4 certification is in the Avoid pane (Tab, Tab), PgDn
    // through it until it shows (a short wait on each page lets a frame finish).
    plan_with_defaults(&mut tui);
    tui.send_key(Key::Tab);
    tui.send_key(Key::Tab);
    tui.wait("the Avoid pane", |s| {
        (0..crate::support::pty::grid(s).0).any(|r| inverse_text(s, r).contains("Avoid"))
    });
    for _ in 0..20 {
        let shown = tui.wait_until("the evaluation", Duration::from_millis(300), |s| {
            s.contents().contains(&facts.name)
        });
        if shown.is_ok() {
            break;
        }
        tui.send_key(Key::PageDown);
    }
    tui.expect(&facts.name, T);
    tui.quit_confirmed();

    // `certwise plan` with the same data folder avoids it too.
    let out = std::process::Command::new(BIN)
        .args(["plan", "--format", "json", "--data-dir"])
        .arg(home.data())
        .env_remove("CERTWISE_DATA_DIR")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let plan: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let avoided: Vec<&str> = plan["avoid"]
        .as_array()
        .unwrap_or_else(|| panic!("no avoid list: {plan}"))
        .iter()
        .filter_map(|a| a["id"].as_str())
        .collect();
    assert!(avoided.contains(&id.as_str()), "{id} not in {avoided:?}");

    // Launched again: the evaluation is in the catalog like a built-in entry, in tier 4.
    let mut tui = launch_wide(&home);
    the_catalog_lists_the_evaluation(&mut tui, &facts, &verdict);
    // The plan made above was not saved: its answers are kept, so q asks.
    tui.quit_confirmed();
}

// ---------------------------------------------------------------------------
// 4. Search by exam code
// ---------------------------------------------------------------------------

#[test]
fn slash_finds_an_entry_by_its_exam_code_at_80x24() {
    let entry = study_entries()
        .find(|e| e.exam_code.as_deref() == Some("AI-102"))
        .expect("an entry with the exam code AI-102 in assets/catalog.ron");
    let matching: Vec<&Entry> = study_entries()
        .filter(|e| certwise::tui::screen::catalog::matches(e, "AI-102"))
        .collect();
    assert_eq!(matching.len(), 1, "{matching:?}");
    let home = Home::new();
    let mut tui = home.launch();
    tui.choose(CATALOG);
    tui.expect_title("Certification catalog");
    tui.expect("0 marked", T);
    tui.send_key(Key::Char('/'));
    tui.send_text("AI-102");
    tui.expect("search: AI-102", T);
    // One row, the entry, highlighted; its exam code on screen although the name is shortened.
    tui.check("one row: the AI-102 entry", |s| {
        let lines: Vec<String> = (0..crate::support::pty::grid(s).0)
            .map(|r| row_text(s, r))
            .collect();
        let rows: Vec<&String> = lines
            .iter()
            .filter(|l| l.contains('▶') || l.starts_with("   ") && l.contains("(AI-"))
            .collect();
        let hit = rows
            .iter()
            .position(|l| l.contains('▶') && l.contains("(AI-102)"))
            .ok_or_else(|| format!("no highlighted (AI-102) row in {rows:?}"))?;
        if rows.len() != 1 || hit != 0 {
            return Err(format!("expected one row, got {rows:?}"));
        }
        Ok(())
    });
    // Enter keeps the results; Enter again opens the entry, its whole name.
    tui.send_key(Key::Enter);
    tui.expect("Enter details", T);
    tui.send_key(Key::Enter);
    tui.check("the detail of the AI-102 entry", |s| {
        let body = body_squashed(s);
        if body.contains(&squash(&entry.name)) && body.contains(&squash("Verdict:")) {
            Ok(())
        } else {
            Err(format!("no {:?}", entry.name))
        }
    });
    tui.quit();
}
