//! `certwise catalog`, `certwise evaluate` and `certwise compare` end to end: the real binary with
//! a temporary data folder, each output format, the user's own catalog (saved, merged, warned
//! about, used by `certwise plan`), and every bad input (exit code 2 and one line on stderr that
//! says what was wrong and what is valid).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output};

use certwise::evaluate::{Facts, evaluate};
use certwise::knowledge::Entry;
use certwise::user_catalog::{FILE, entry_from};
use jiff::civil::Date;
use serde_json::Value;

use crate::support::kb;

fn today() -> Date {
    jiff::ZonedDateTime::now().date()
}

/// A temporary data folder, passed through `CERTWISE_DATA_DIR` (and HOME pointed inside it, so
/// the real home folder is never read).
struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Self {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn catalog_file(&self) -> PathBuf {
        self.data().join(FILE)
    }

    fn run(&self, args: &[&str]) -> Output {
        let out = Command::new(env!("CARGO_BIN_EXE_certwise"))
            .args(args)
            .env("CERTWISE_DATA_DIR", self.data())
            .env("HOME", self.dir.path())
            .env("XDG_DATA_HOME", self.dir.path().join("xdg"))
            .env("NO_COLOR", "1")
            .output()
            .expect("the binary runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?} panicked: {stderr}");
        out
    }

    /// Runs, expects success and nothing on stderr; returns stdout.
    fn ok(&self, args: &[&str]) -> String {
        let (stdout, stderr) = self.ok_with_warnings(args);
        assert!(stderr.is_empty(), "{args:?} wrote to stderr: {stderr}");
        stdout
    }

    /// Runs and expects success; returns stdout and stderr.
    fn ok_with_warnings(&self, args: &[&str]) -> (String, String) {
        let out = self.run(args);
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(out.status.success(), "{args:?} failed: {stderr}");
        (String::from_utf8(out.stdout).unwrap(), stderr)
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.extend(["--format", "json"]);
        serde_json::from_str(&self.ok(&all)).expect("--format json prints JSON")
    }

    /// Runs, expects exit code 2, nothing on stdout and one line on stderr; returns the line.
    fn usage_error(&self, args: &[&str]) -> String {
        self.fails(2, args, true)
    }

    fn fails(&self, code: i32, args: &[&str], stdout_empty: bool) -> String {
        let out = self.run(args);
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
        if stdout_empty {
            assert!(out.stdout.is_empty(), "{args:?} printed to stdout");
        }
        assert_eq!(
            stderr.lines().count(),
            1,
            "{args:?}: not one line: {stderr:?}"
        );
        assert!(stderr.starts_with("certwise: "), "{stderr}");
        stderr.trim_end().to_owned()
    }

    fn write_catalog(&self, text: &str) {
        fs::create_dir_all(self.data()).unwrap();
        fs::write(self.catalog_file(), text).unwrap();
    }
}

fn entry(name: &str, reviewed: Date) -> Entry {
    let facts = Facts {
        name: name.to_owned(),
        provider_known: Some(true),
        cost_usd: Some(120),
        prep_hours: Some(30),
        practical: Some(true),
        postings_percent: Some(2.0),
        ..Facts::default()
    };
    let mut e = entry_from(&facts, &evaluate(kb(), &facts), reviewed);
    e.reviewed = reviewed;
    e
}

fn ron_list(entries: &[Entry]) -> String {
    ron::ser::to_string_pretty(entries, ron::ser::PrettyConfig::new()).unwrap()
}

fn entry_json<'v>(v: &'v Value, id: &str) -> &'v Value {
    v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == id)
        .unwrap_or_else(|| panic!("{id} not in the catalog"))
}

const UNACCREDITED: [&str; 8] = [
    "evaluate",
    "--name",
    "Certified AI Professional",
    "--provider-known",
    "no",
    "--prep-hours",
    "12",
    "--claims=guaranteed-job,days-to-complete",
];

// ---------------------------------------------------------------------------------------------
// certwise catalog

#[test]
fn catalog_text_lists_every_entry_with_its_facts() {
    let env = Env::new();
    let text = env.ok(&["catalog"]);
    for e in &kb().catalog.entries {
        assert!(text.contains(&format!("{}: {}", e.id, e.name)), "{}", e.id);
        assert!(text.contains(&e.provider), "{}", e.provider);
    }
    assert!(text.contains("tier 1"), "{text}");
    assert!(text.contains("platform AWS"));
    assert!(text.contains("in about 5% of AI job postings"));
    assert!(
        text.contains("retired on 2026-03-31, successor aws-ml-engineer-associate"),
        "{text}"
    );
    assert!(text.contains("reviewed 2026-11-30"));
    assert!(text.ends_with('\n'));
}

#[test]
fn catalog_json_has_every_field() {
    let env = Env::new();
    let v = env.json(&["catalog"]);
    let entries = v["entries"].as_array().unwrap();
    assert_eq!(entries.len(), kb().catalog.entries.len());
    for key in [
        "id",
        "name",
        "provider",
        "kind",
        "tier",
        "cost_usd",
        "prep_hours",
        "platform",
        "postings_percent",
        "status",
        "retired_on",
        "successor",
        "reviewed",
        "possibly_out_of_date",
        "yours",
    ] {
        assert!(entries[0].get(key).is_some(), "missing {key}");
    }
    let aws = entry_json(&v, "aws-ml-specialty");
    assert_eq!(aws["tier"], 1);
    assert_eq!(aws["kind"], "certification");
    assert_eq!(aws["cost_usd"]["min"], 300);
    assert_eq!(aws["prep_hours"]["max"], 60);
    assert_eq!(aws["platform"], "aws");
    assert_eq!(aws["postings_percent"], 5.0);
    assert_eq!(aws["status"], "retired");
    assert_eq!(aws["retired_on"], "2026-03-31");
    assert_eq!(aws["successor"], "aws-ml-engineer-associate");
    assert_eq!(aws["yours"], false);
    let project = entry_json(&v, "portfolio-project");
    assert!(project["tier"].is_null() && project["platform"].is_null());
    assert_eq!(project["status"], "active");
}

#[test]
fn catalog_marks_entries_not_reviewed_in_12_months() {
    let env = Env::new();
    let old = entry(
        "Old Review",
        today().checked_sub(jiff::Span::new().months(13)).unwrap(),
    );
    let recent = entry(
        "Recent Review",
        today().checked_sub(jiff::Span::new().months(11)).unwrap(),
    );
    env.write_catalog(&ron_list(&[old.clone(), recent.clone()]));
    let v = env.json(&["catalog"]);
    assert_eq!(entry_json(&v, &old.id)["possibly_out_of_date"], true);
    assert_eq!(entry_json(&v, &recent.id)["possibly_out_of_date"], false);
    // The built-in entries are judged against the same day.
    let today: Date = v["today"].as_str().unwrap().parse().unwrap();
    for e in &kb().catalog.entries {
        let stale = certwise::knowledge::stale_reason(e, today).is_some();
        assert_eq!(
            entry_json(&v, &e.id)["possibly_out_of_date"],
            stale,
            "{}",
            e.id
        );
    }
    let text = env.ok(&["catalog"]);
    let block = |id: &str| {
        let start = text.find(&format!("{id}: ")).unwrap();
        text[start..].split("\n\n").next().unwrap().to_owned()
    };
    assert!(
        block(&old.id).contains("check again: facts last reviewed"),
        "{}",
        block(&old.id)
    );
    assert!(!block(&recent.id).contains("check again"));
}

#[test]
fn catalog_includes_your_entries_marked_as_yours() {
    let env = Env::new();
    let mine = entry("My Own Cert", today());
    env.write_catalog(&ron_list(std::slice::from_ref(&mine)));
    let v = env.json(&["catalog"]);
    assert_eq!(
        v["entries"].as_array().unwrap().len(),
        kb().catalog.entries.len() + 1
    );
    assert_eq!(entry_json(&v, &mine.id)["yours"], true);
    let text = env.ok(&["catalog"]);
    assert!(
        text.contains(&format!("{}: My Own Cert  [yours]", mine.id)),
        "{text}"
    );
}

#[test]
fn catalog_warns_about_bad_user_entries_and_carries_on() {
    let env = Env::new();
    let good = entry("Good One", today());
    let text = format!(
        "[\n{},\n(id: \"user-broken\", kind: certificatoin),\n]\n",
        ron::ser::to_string_pretty(&good, ron::ser::PrettyConfig::new()).unwrap()
    );
    env.write_catalog(&text);
    let (stdout, stderr) = env.ok_with_warnings(&["catalog"]);
    assert!(stdout.contains("Good One"), "the good entry still loads");
    let line = text
        .lines()
        .position(|l| l.contains("certificatoin"))
        .unwrap()
        + 1;
    let expected = format!(
        "certwise: warning: {}:{line}:",
        env.catalog_file().display()
    );
    assert!(stderr.starts_with(&expected), "{stderr}");
    assert!(stderr.contains("skipped"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn catalog_with_a_garbage_user_file_still_prints_the_built_in_catalog() {
    let env = Env::new();
    fs::create_dir_all(env.data()).unwrap();
    fs::write(env.catalog_file(), [0xde, 0xad, 0xbe, 0xef, 0xff]).unwrap();
    let (stdout, stderr) = env.ok_with_warnings(&["catalog"]);
    assert!(stdout.contains("aws-ml-specialty"));
    assert!(stderr.starts_with("certwise: warning: "), "{stderr}");
}

#[test]
fn catalog_warns_about_an_id_clash_and_keeps_the_built_in_entry() {
    let env = Env::new();
    let mut clash = entry("Impostor", today());
    clash.id = "fast-ai".to_owned();
    env.write_catalog(&ron_list(&[clash]));
    let (stdout, stderr) = env.ok_with_warnings(&["catalog", "--format", "json"]);
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        entry_json(&v, "fast-ai")["name"],
        "fast.ai Practical Deep Learning"
    );
    assert!(
        stderr.contains("fast-ai") && stderr.contains("skipped"),
        "{stderr}"
    );
}

// ---------------------------------------------------------------------------------------------
// certwise evaluate

#[test]
fn evaluate_json_holds_tier_verdict_findings_and_red_flags() {
    let env = Env::new();
    let v = env.json(&UNACCREDITED);
    assert_eq!(v["tier"], 4);
    assert!(v["verdict"].as_str().unwrap().ends_with('.'));
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 5);
    for f in findings {
        assert!(f["question"].as_str().unwrap().ends_with('?'), "{f}");
        assert!(
            ["good", "weak", "bad", "unknown"].contains(&f["result"].as_str().unwrap()),
            "{f}"
        );
    }
    let flags: Vec<&str> = v["red_flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["flag"].as_str().unwrap())
        .collect();
    for flag in ["guaranteed_job", "unknown_provider", "days_to_complete"] {
        assert!(flags.contains(&flag), "{flags:?}");
    }
    assert_eq!(v["name"], "Certified AI Professional");
    assert!(v.get("saved").is_none());
}

#[test]
fn evaluate_lists_missing_facts_as_unknown() {
    let env = Env::new();
    let v = env.json(&["evaluate", "--name", "Mystery", "--cost-usd", "300"]);
    let unknown: Vec<&str> = v["unknown"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u.as_str().unwrap())
        .collect();
    for fact in [
        "provider-known",
        "postings-percent",
        "practical",
        "prep-hours",
        "content-age-years",
    ] {
        assert!(unknown.contains(&fact), "{fact} missing from {unknown:?}");
    }
    assert!(!unknown.contains(&"cost-usd"));
    assert!(
        v["red_flags"].as_array().unwrap().is_empty(),
        "nothing guessed"
    );
    let text = env.ok(&["evaluate", "--name", "Mystery", "--cost-usd", "300"]);
    assert!(
        text.contains("Unknown, so not guessed: --provider-known"),
        "{text}"
    );
    assert!(text.contains("unknown"), "{text}");
}

#[test]
fn evaluate_gives_the_seeds_tiers() {
    let env = Env::new();
    let aws = env.json(&[
        "evaluate",
        "--name",
        "AWS ML Specialty",
        "--provider-known",
        "yes",
        "--cost-usd",
        "300",
        "--prep-hours",
        "60",
        "--practical",
        "yes",
        "--postings-percent",
        "5",
    ]);
    // README's example: certwise knows MLS-C01 retired, so it says to take the successor.
    assert_ne!(aws["tier"], 1, "{aws}");
    assert_eq!(aws["successor"], "aws-ml-engineer-associate");
    assert!(
        aws["verdict"].as_str().unwrap().contains("successor"),
        "{aws}"
    );
    let current = aws["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["question"] == "Is it up to date?")
        .unwrap();
    assert_eq!(current["result"], "bad", "{current}");
    // The same facts for a certification certwise does not know: tier 1.
    let other = env.json(&[
        "evaluate",
        "--name",
        "Some Cloud ML Certification",
        "--provider-known",
        "yes",
        "--cost-usd",
        "300",
        "--prep-hours",
        "60",
        "--practical",
        "yes",
        "--postings-percent",
        "5",
    ]);
    assert_eq!(other["tier"], 1);
    let dlai = env.json(&[
        "evaluate",
        "--name",
        "DeepLearning.AI",
        "--provider-known",
        "yes",
        "--practical",
        "yes",
        "--cost-usd",
        "150",
    ]);
    assert_eq!(dlai["tier"], 2);
    let ibm = env.json(&[
        "evaluate",
        "--name",
        "IBM AI certificate",
        "--provider-known",
        "yes",
        "--practical",
        "no",
    ]);
    assert_eq!(ibm["tier"], 3);
    let expensive = env.json(&[
        "evaluate",
        "--name",
        "Executive AI",
        "--cost-usd",
        "6000",
        "--postings-percent",
        "0",
    ]);
    assert_eq!(expensive["tier"], 4);
}

#[test]
fn evaluate_text_explains_every_finding_and_flag() {
    let env = Env::new();
    let text = env.ok(&UNACCREDITED);
    assert!(
        text.starts_with("Certified AI Professional: tier 4 of 4\n"),
        "{text}"
    );
    for q in &kb().evaluation.questions {
        assert!(text.contains(&q.question), "{}", q.question);
    }
    assert!(text.contains("promises guaranteed job placement"), "{text}");
    assert!(text.contains("Instead: "), "{text}");
    assert!(text.contains("40 hours"), "{text}");
}

#[test]
fn evaluate_accepts_a_postings_percent_sign_and_repeated_claims() {
    let env = Env::new();
    let v = env.json(&[
        "evaluate",
        "--name",
        "X",
        "--postings-percent",
        "2.5%",
        "--claims",
        "guaranteed-job",
        "--claims",
        "no-background-needed,guaranteed-job",
    ]);
    assert_eq!(v["facts"]["postings_percent"], 2.5);
    assert_eq!(v["red_flags"].as_array().unwrap().len(), 2, "{v}");
}

#[test]
fn evaluate_save_adds_to_your_catalog_and_the_advisor_uses_it() {
    let env = Env::new();
    let mut args = UNACCREDITED.to_vec();
    args.push("--save");
    let text = env.ok(&args);
    assert!(text.contains("Saved in your catalog as `user-"), "{text}");
    let saved = fs::read_to_string(env.catalog_file()).unwrap();
    assert!(saved.contains("Certified AI Professional"), "{saved}");
    let id = env.json(&args)["saved"]["id"].as_str().unwrap().to_owned();
    // The catalog lists it as yours.
    let v = env.json(&["catalog"]);
    assert_eq!(entry_json(&v, &id)["yours"], true);
    assert_eq!(entry_json(&v, &id)["tier"], 4);
    // The advisor avoids it, with its red flags as reasons.
    let plan = env.json(&["plan"]);
    let avoid = plan["avoid"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id.as_str())
        .unwrap_or_else(|| panic!("{id} not avoided: {}", plan["avoid"]));
    assert!(avoid["reasons"].to_string().contains("red flag"), "{avoid}");
    // And it can be compared.
    let c = env.json(&["compare", &id, "portfolio-project"]);
    assert_eq!(c["compared"][0]["id"], id.as_str());
}

#[test]
fn evaluate_save_of_a_good_certification_is_recommended_by_plan() {
    let env = Env::new();
    let v = env.json(&[
        "evaluate",
        "--name",
        "Databricks ML Associate",
        "--provider-known",
        "yes",
        "--cost-usd",
        "200",
        "--prep-hours",
        "40",
        "--practical",
        "yes",
        "--content-age-years",
        "1",
        "--postings-percent",
        "2",
        "--save",
    ]);
    assert_eq!(v["tier"], 1);
    let id = v["saved"]["id"].as_str().unwrap();
    let plan = env.json(&["plan"]);
    assert!(
        plan["recommendations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == id),
        "{id} not recommended"
    );
}

#[test]
fn evaluate_save_again_replaces_the_entry_of_that_name() {
    let env = Env::new();
    env.ok(&[
        "evaluate",
        "--name",
        "Same Name",
        "--cost-usd",
        "100",
        "--save",
    ]);
    let again = env.json(&[
        "evaluate",
        "--name",
        "Same Name",
        "--cost-usd",
        "90",
        "--save",
    ]);
    assert_eq!(again["saved"]["replaced"], true);
    let v = env.json(&["catalog"]);
    let mine: Vec<&Value> = v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["yours"] == true)
        .collect();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0]["cost_usd"]["min"], 90);
}

#[test]
fn evaluate_save_honours_data_dir_over_the_environment() {
    let env = Env::new();
    let other = env.dir.path().join("other");
    env.ok(&[
        "--data-dir",
        other.to_str().unwrap(),
        "evaluate",
        "--name",
        "Elsewhere",
        "--save",
    ]);
    assert!(other.join(FILE).exists());
    assert!(!env.catalog_file().exists());
}

#[test]
fn evaluate_save_refuses_to_rewrite_a_catalog_with_bad_entries() {
    let env = Env::new();
    let broken = "[\n(id: \"user-broken\", kind: nonsense),\n]\n";
    env.write_catalog(broken);
    let line = env.fails(1, &["evaluate", "--name", "X", "--save"], false);
    assert!(line.contains("not saved"), "{line}");
    assert!(
        line.contains(&env.catalog_file().display().to_string()),
        "{line}"
    );
    assert_eq!(fs::read_to_string(env.catalog_file()).unwrap(), broken);
}

#[test]
fn evaluate_save_reports_a_data_folder_that_cannot_be_created() {
    let env = Env::new();
    let a_file = env.dir.path().join("a-file");
    fs::write(&a_file, b"x").unwrap();
    let inside = a_file.join("data");
    let line = env.fails(
        1,
        &[
            "--data-dir",
            inside.to_str().unwrap(),
            "evaluate",
            "--name",
            "X",
            "--save",
        ],
        false,
    );
    assert!(line.contains("not saved"), "{line}");
}

// ---------------------------------------------------------------------------------------------
// certwise compare

#[test]
fn compare_text_puts_cost_time_skill_hiring_and_roi_side_by_side() {
    let env = Env::new();
    let text = env.ok(&[
        "compare",
        "aws-ml-specialty",
        "portfolio-project",
        "bootcamp",
    ]);
    let header = text.lines().find(|l| l.contains("cost")).unwrap();
    for column in ["cost", "time", "skill", "hiring", "ROI"] {
        assert!(header.contains(column), "{header}");
    }
    let row = |name: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(name))
            .unwrap()
    };
    let aws = row("AWS ML Specialty");
    assert!(
        aws.contains("USD 300") && aws.contains("60 h") && aws.trim_end().ends_with("none"),
        "a retired certification has no ROI: {aws}"
    );
    assert!(
        text.contains("retired on 2026-03-31; take its successor"),
        "{text}"
    );
    let project = row("Portfolio project");
    assert!(
        project.contains("40-80 h") && project.trim_end().ends_with("high"),
        "{project}"
    );
    let bootcamp = row("Expensive bootcamp");
    assert!(
        bootcamp.contains("3-6 months") && bootcamp.trim_end().ends_with("low"),
        "{bootcamp}"
    );
    assert!(text.contains("excellent"), "{text}");
    assert!(text.contains("often poor"), "{text}");
}

#[test]
fn unknown_cost_and_hours_of_your_entries_are_not_shown_as_free() {
    let env = Env::new();
    let v = env.json(&["evaluate", "--name", "Vague Cert", "--save"]);
    let id = v["saved"]["id"].as_str().unwrap();
    let text = env.ok(&["catalog"]);
    let start = text.find(&format!("{id}: ")).unwrap();
    let block = text[start..].split("\n\n").next().unwrap();
    assert!(block.contains("cost not known · prep not known"), "{block}");
    let text = env.ok(&["compare", id, "portfolio-project"]);
    let row = text.lines().find(|l| l.contains("Vague Cert")).unwrap();
    assert!(!row.contains("free") && row.contains("not known"), "{row}");
}

#[test]
fn compare_json_has_one_line_per_id_in_order() {
    let env = Env::new();
    let v = env.json(&["compare", "deeplearning-ai", "portfolio-project"]);
    let rows = v["compared"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["id"], "deeplearning-ai");
    assert!(
        rows[0]["roi_note"]
            .as_str()
            .unwrap()
            .contains("good for learning")
    );
    assert_eq!(rows[1]["roi"], "high");
    for key in [
        "cost_usd",
        "hours",
        "skill_building",
        "hiring_signal",
        "roi",
        "from_seeds",
    ] {
        assert!(rows[0].get(key).is_some(), "missing {key}");
    }
}

#[test]
fn compare_needs_two_known_ids() {
    let env = Env::new();
    for args in [&["compare"][..], &["compare", "portfolio-project"]] {
        let line = env.usage_error(args);
        assert!(line.contains("at least two ids"), "{line}");
        assert!(line.contains("valid ids: aws-ml-specialty"), "{line}");
    }
    let line = env.usage_error(&["compare", "portfolio-project", "aws-ml-speciality"]);
    assert!(line.contains("`aws-ml-speciality`"), "{line}");
    assert!(
        line.contains("valid ids:") && line.contains("aws-ml-specialty"),
        "{line}"
    );
}

#[test]
fn compare_refuses_an_id_given_twice() {
    let env = Env::new();
    let line = env.usage_error(&["compare", "fast-ai", "fast-ai"]);
    assert!(line.contains("`fast-ai` twice"), "{line}");
}

// ---------------------------------------------------------------------------------------------
// certwise plan with your catalog

#[test]
fn plan_warns_about_skipped_user_entries_and_still_plans() {
    let env = Env::new();
    env.write_catalog("[ (id: \"user-broken\", kind: nope) ]");
    let (stdout, stderr) = env.ok_with_warnings(&["plan", "--format", "json"]);
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert!(
        v["recommendations"]
            .as_array()
            .is_some_and(|r| !r.is_empty())
    );
    assert!(stderr.starts_with("certwise: warning: "), "{stderr}");
    assert!(
        stderr.contains(&format!("{}:1:", env.catalog_file().display())),
        "{stderr}"
    );
}

#[test]
fn plan_without_a_user_catalog_is_the_built_in_plan() {
    let env = Env::new();
    let plain = env.ok(&["plan", "--format", "json"]);
    env.write_catalog("[]\n");
    assert_eq!(env.ok(&["plan", "--format", "json"]), plain);
}

// ---------------------------------------------------------------------------------------------
// Bad input: exit 2, one line naming the option, the value and what is valid.

#[test]
fn bad_evaluate_values_name_the_option_and_what_is_valid() {
    let env = Env::new();
    let cases: &[(&[&str], &str, &str)] = &[
        (&["--cost-usd", "abc"], "--cost-usd `abc`", "whole number"),
        (&["--cost-usd", "-5"], "--cost-usd `-5`", "whole number"),
        (&["--cost-usd", "1.5"], "--cost-usd `1.5`", "whole number"),
        (
            &["--prep-hours", "lots"],
            "--prep-hours `lots`",
            "whole number",
        ),
        (
            &["--provider-known", "maybe"],
            "--provider-known `maybe`",
            "yes, no",
        ),
        (
            &["--practical", "sometimes"],
            "--practical `sometimes`",
            "yes, no",
        ),
        (
            &["--content-age-years", "NaN"],
            "--content-age-years `NaN`",
            "0-100",
        ),
        (
            &["--content-age-years", "-1"],
            "--content-age-years `-1`",
            "0-100",
        ),
        (
            &["--postings-percent", "120"],
            "--postings-percent `120`",
            "0-100",
        ),
        (
            &["--postings-percent", "inf"],
            "--postings-percent `inf`",
            "0-100",
        ),
        (
            &["--claims", "free-lunch"],
            "--claims `free-lunch`",
            "guaranteed-job, no-background-needed, days-to-complete",
        ),
        (&["--format", "xml"], "--format `xml`", "text, json"),
    ];
    for (extra, what, valid) in cases {
        let mut args = vec!["evaluate", "--name", "X"];
        args.extend_from_slice(extra);
        let line = env.usage_error(&args);
        assert!(line.contains(what), "{args:?}: {line}");
        assert!(line.contains(valid), "{args:?}: {line}");
    }
}

#[test]
fn evaluate_without_a_name_says_so() {
    let env = Env::new();
    for args in [&["evaluate"][..], &["evaluate", "--name", "   "]] {
        let line = env.usage_error(args);
        assert!(line.contains("--name"), "{line}");
    }
}

#[test]
fn bad_formats_are_refused_for_catalog_and_compare() {
    let env = Env::new();
    let line = env.usage_error(&["catalog", "--format", "yaml"]);
    assert!(
        line.contains("`yaml`") && line.contains("text, json"),
        "{line}"
    );
    let line = env.usage_error(&["compare", "bootcamp", "fast-ai", "--format", "csv"]);
    assert!(
        line.contains("`csv`") && line.contains("text, json"),
        "{line}"
    );
}

#[test]
fn parse_errors_are_one_line_too() {
    let env = Env::new();
    let line = env.usage_error(&["evaluate", "--name", "X", "--cost-usd"]);
    assert!(line.contains("--cost-usd"), "{line}");
    let line = env.usage_error(&["evaluate", "--name", "X", "--bogus"]);
    assert!(line.contains("--bogus"), "{line}");
    let line = env.usage_error(&["plan", "--format", "xml"]);
    assert!(
        line.contains("xml") && line.contains("text, markdown, json"),
        "{line}"
    );
}

#[test]
fn help_still_prints_the_subcommands() {
    let env = Env::new();
    let help = env.ok(&["--help"]);
    for sub in ["catalog", "evaluate", "compare", "plan"] {
        assert!(help.contains(sub), "{help}");
    }
    let help = env.ok(&["evaluate", "--help"]);
    for option in [
        "--name",
        "--provider-known",
        "--cost-usd",
        "--prep-hours",
        "--practical",
        "--content-age-years",
        "--claims",
        "--postings-percent",
        "--format",
        "--save",
    ] {
        assert!(help.contains(option), "{option}: {help}");
    }
}

#[test]
fn catalog_stale_lists_only_the_entries_to_check_again() {
    let env = Env::new();
    let v = env.json(&["catalog", "--stale"]);
    let today: Date = v["today"].as_str().unwrap().parse().unwrap();
    let listed: Vec<&str> = v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    let expected: Vec<&str> = kb()
        .catalog
        .entries
        .iter()
        .filter(|e| certwise::knowledge::stale_reason(e, today).is_some())
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(listed, expected);
    for e in v["entries"].as_array().unwrap() {
        assert!(
            e["stale_reason"].as_str().is_some_and(|r| !r.is_empty()),
            "{e}"
        );
    }
    // The full catalog carries the 2026 fields on every entry.
    let all = env.json(&["catalog"]);
    for e in all["entries"].as_array().unwrap() {
        for field in [
            "audience",
            "level",
            "aliases",
            "format",
            "sources",
            "prerequisites",
        ] {
            assert!(!e[field].is_null(), "{} has no {field}", e["id"]);
        }
    }
}

#[test]
fn a_retiring_entry_is_stale_within_six_months_of_its_date() {
    let mut e = kb().entry("aws-ai-practitioner").unwrap().clone();
    let today = jiff::civil::date(2026, 11, 30);
    e.status = certwise::knowledge::Status::Retiring {
        on: jiff::civil::date(2027, 3, 1),
        successor: "aws-ml-engineer-associate".to_owned(),
    };
    assert!(
        certwise::knowledge::stale_reason(&e, today)
            .is_some_and(|r| r.contains("retires on 2027-03-01"))
    );
    e.status = certwise::knowledge::Status::Retiring {
        on: jiff::civil::date(2027, 9, 1),
        successor: "aws-ml-engineer-associate".to_owned(),
    };
    assert!(certwise::knowledge::stale_reason(&e, today).is_none());
}

#[test]
fn evaluate_answers_recognition_from_your_saved_postings() {
    let env = Env::new();
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/postings");
    env.run(&["postings", "scan", corpus, "--save"]);
    let v = env.json(&["evaluate", "--name", "AIF C01"]);
    let recognised = &v["findings"][0];
    assert_eq!(recognised["result"], "good", "{v}");
    let detail = recognised["detail"].as_str().unwrap();
    assert!(
        detail.starts_with("named in 2 of your 22 postings"),
        "{detail}"
    );
    // Without evidence, the sources answer instead.
    let fresh = Env::new();
    let v = fresh.json(&["evaluate", "--name", "AIF C01"]);
    assert!(
        !v["findings"][0]["detail"]
            .as_str()
            .unwrap()
            .contains("your"),
        "{v}"
    );
}
