//! `certwise plan` end to end: the real binary, its output in each format, and every error path
//! (exit code 2 and one line on stderr that says what was wrong and what is valid).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::{Command, Output};

use certwise::knowledge::QuestionKind;
use serde_json::Value;

use crate::support::kb;

fn certwise(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_certwise"))
        .args(args)
        .env("NO_COLOR", "1")
        // `plan` reads the person's own catalog: point it at a folder that does not exist, never
        // at the real data folder.
        .env(
            "CERTWISE_DATA_DIR",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/cli_plan-no-data"),
        )
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{args:?} panicked: {stderr}");
    out
}

fn plan(args: &[&str]) -> Output {
    let mut all = vec!["plan"];
    all.extend_from_slice(args);
    certwise(&all)
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

/// Runs `plan` and expects success.
fn ok(args: &[&str]) -> String {
    let out = plan(args);
    assert!(
        out.status.success(),
        "{args:?}: {:?} {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty(), "{args:?} wrote to stderr");
    stdout(&out)
}

fn json(args: &[&str]) -> Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    serde_json::from_str(&ok(&all)).expect("--format json prints JSON")
}

/// Runs `plan`, expects exit code 2 and a one-line message, and returns the message.
fn usage_error(args: &[&str]) -> String {
    let out = plan(args);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{args:?}: {:?}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty(), "{args:?}: no plan on error");
    let stderr = String::from_utf8(out.stderr).unwrap();
    let line = stderr.strip_suffix('\n').unwrap_or(&stderr);
    assert!(
        !line.is_empty() && !line.contains('\n'),
        "{args:?}: not one line: {stderr:?}"
    );
    assert!(line.starts_with("certwise: "), "{line}");
    line.to_owned()
}

fn choice_values(id: &str) -> Vec<String> {
    match &kb().question(id).unwrap().kind {
        QuestionKind::Choice(options) => options.iter().map(|o| o.value.clone()).collect(),
        QuestionKind::Number { .. } => panic!("{id} is numeric"),
    }
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_owned()
}

// ---------------------------------------------------------------------------------------------
// Success paths.

#[test]
fn text_is_the_default_format() {
    let text = ok(&["--answer", "role=developer"]);
    assert_eq!(
        text,
        ok(&["--answer", "role=developer", "--format", "text"])
    );
    let strategy = kb().strategy("developer").unwrap();
    assert!(text.contains(&strategy.name), "{text}");
    for step in &strategy.steps {
        assert!(
            text.contains(step.text.as_str()),
            "missing step {}",
            step.text
        );
    }
    assert!(text.contains("Assumed"), "unanswered questions are listed");
    assert!(text.ends_with('\n'));
}

#[test]
fn markdown_is_a_plan_for_notes() {
    let md = ok(&["--answer", "role=student", "--format", "markdown"]);
    assert!(md.starts_with("# "), "{md}");
    assert!(md.contains(&kb().strategy("student").unwrap().name));
    assert!(md.lines().any(|l| l.starts_with("## ")), "has sections");
    assert!(md.lines().any(|l| l.starts_with("|---")), "has a table");
    // Every row of a table has as many cells as its header (names must not break the table).
    let mut header = None;
    for line in md.lines() {
        if line.starts_with('|') {
            let cells = line.matches('|').count();
            assert_eq!(cells, *header.get_or_insert(cells), "{line}");
        } else {
            header = None;
        }
    }
    assert!(
        md.contains(&certwise::render::knowledge_text(&kb().version())),
        "says which knowledge base made it"
    );
}

#[test]
fn json_has_the_documented_fields() {
    let v = json(&[
        "--answer",
        "role=developer",
        "--answer",
        "hours_per_week=10",
    ]);
    assert_eq!(v["strategy"]["id"], "developer");

    let split = &v["split"];
    let field = |name: &str| {
        split[name]
            .as_u64()
            .unwrap_or_else(|| panic!("split.{name}: {split}"))
    };
    assert_eq!(field("build_percent") + field("study_percent"), 100);
    assert_eq!(
        field("build_hours_per_week") + field("study_hours_per_week"),
        10
    );

    let kinds = [
        "certification",
        "course",
        "project",
        "community",
        "content",
        "networking",
        "experience",
    ];
    let recs = v["recommendations"].as_array().unwrap();
    assert!(!recs.is_empty());
    let mut last = u64::MAX;
    for r in recs {
        let id = r["id"].as_str().unwrap();
        assert!(kb().entry(id).is_some(), "{id}");
        assert!(kinds.contains(&r["kind"].as_str().unwrap()), "{r}");
        assert_eq!(r["status"], "active");
        let score = r["score"].as_u64().unwrap();
        assert!(
            score <= 100 && score <= last,
            "sorted by score, highest first"
        );
        last = score;
        let reasons = r["reasons"].as_array().unwrap();
        let mut sum = 0;
        for f in reasons {
            sum += f["points"].as_i64().unwrap();
            assert!(!f["text"].as_str().unwrap().is_empty());
        }
        assert_eq!(
            sum,
            i64::try_from(score).unwrap(),
            "{id}: reasons add up to the score"
        );
    }
    let avoid = v["avoid"].as_array().unwrap();
    assert!(
        avoid.iter().any(|a| a["id"] == "aws-ml-specialty"),
        "retired entries are avoided"
    );
    for a in avoid {
        assert!(kb().entry(a["id"].as_str().unwrap()).is_some());
        let reasons = a["reasons"].as_array().unwrap();
        assert!(
            !reasons.is_empty() && reasons.iter().all(Value::is_string),
            "{a}"
        );
    }
    for name in ["basics", "built", "communication"] {
        let s = &v["signals"][name];
        assert!(s["score"].as_u64().unwrap() <= 100, "{name}");
        assert!(!s["reasons"].as_array().unwrap().is_empty(), "{name}");
    }
    let assumed: Vec<&str> = v["assumed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["question"].as_str().unwrap())
        .collect();
    assert!(
        assumed.contains(&"goal")
            && !assumed.contains(&"role")
            && !assumed.contains(&"hours_per_week")
    );
    for a in v["assumed"].as_array().unwrap() {
        let q = kb().question(a["question"].as_str().unwrap()).unwrap();
        assert_eq!(
            a["value"],
            q.default.as_str(),
            "assumed values are the defaults"
        );
    }
}

#[test]
fn the_same_answers_print_the_same_plan() {
    let args = [
        "--answer",
        "role=student",
        "--answer",
        "budget_usd=50",
        "--format",
        "json",
    ];
    assert_eq!(ok(&args), ok(&args));
}

#[test]
fn an_answers_file_is_read_and_answer_overrides_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "answers.ron",
        br#"// my answers
{
    "role": "student",
    "hours_per_week": 12,
    "budget_usd": "40",
}
"#,
    );
    let v = json(&["--answers", &file]);
    assert_eq!(v["strategy"]["id"], "student");
    let hours = v["split"]["build_hours_per_week"].as_u64().unwrap()
        + v["split"]["study_hours_per_week"].as_u64().unwrap();
    assert_eq!(hours, 12);
    // --answer wins over the file, whichever comes first on the command line.
    let v = json(&["--answer", "role=developer", "--answers", &file]);
    assert_eq!(v["strategy"]["id"], "developer");
    let v = json(&["--answers", &file, "--answer", "hours_per_week=20"]);
    let hours = v["split"]["build_hours_per_week"].as_u64().unwrap()
        + v["split"]["study_hours_per_week"].as_u64().unwrap();
    assert_eq!(hours, 20);
    assert_eq!(
        v["strategy"]["id"], "student",
        "the rest of the file still counts"
    );
}

#[test]
fn a_bom_prefixed_answers_file_works() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "bom.ron",
        "\u{feff}{\"role\": \"developer\"}\n".as_bytes(),
    );
    assert_eq!(json(&["--answers", &file])["strategy"]["id"], "developer");
}

// ---------------------------------------------------------------------------------------------
// Error paths: exit code 2, one line, what was wrong and what is valid.

#[test]
fn an_unknown_id_lists_the_valid_ids() {
    let msg = usage_error(&["--answer", "colour=blue"]);
    assert!(msg.contains("colour"), "{msg}");
    for q in &kb().questions {
        assert!(msg.contains(q.id.as_str()), "{msg} should list {}", q.id);
    }
}

#[test]
fn an_unknown_value_lists_the_valid_values() {
    let msg = usage_error(&["--answer", "role=wizard"]);
    assert!(msg.contains("role") && msg.contains("wizard"), "{msg}");
    for v in choice_values("role") {
        assert!(msg.contains(&v), "{msg} should list {v}");
    }
    // Values are exact: no case folding.
    let msg = usage_error(&["--answer", "role=Developer"]);
    assert!(msg.contains("Developer"), "{msg}");
    let msg = usage_error(&["--answer", "goal="]);
    assert!(msg.contains("goal") && msg.contains("get-into-ai"), "{msg}");
}

#[test]
fn a_malformed_answer_says_id_equals_value() {
    for bad in ["role", "role:developer", ""] {
        let msg = usage_error(&["--answer", bad]);
        assert!(msg.contains("ID=VALUE"), "{msg}");
        assert!(
            msg.contains(&format!("`{bad}`")),
            "{msg} should quote the argument"
        );
    }
}

#[test]
fn a_number_out_of_range_shows_the_range() {
    for (arg, value, range) in [
        ("hours_per_week=0", "0", "1-80"),
        ("hours_per_week=81", "81", "1-80"),
        ("budget_usd=100001", "100001", "0-100000"),
        (
            "budget_usd=99999999999999999999",
            "99999999999999999999",
            "0-100000",
        ),
    ] {
        let msg = usage_error(&["--answer", arg]);
        assert!(msg.contains(value) && msg.contains(range), "{msg}");
        assert!(msg.contains("out of range"), "{msg}");
    }
    // The ends of the ranges are valid.
    for arg in [
        "hours_per_week=1",
        "hours_per_week=80",
        "budget_usd=0",
        "budget_usd=100000",
    ] {
        ok(&["--answer", arg]);
    }
}

#[test]
fn a_non_number_shows_the_range() {
    for (arg, value, range) in [
        ("hours_per_week=ten", "ten", "1-80"),
        ("hours_per_week=-5", "-5", "1-80"),
        ("budget_usd=1.5", "1.5", "0-100000"),
        ("budget_usd=", "", "0-100000"),
    ] {
        let msg = usage_error(&["--answer", arg]);
        assert!(
            msg.contains(&format!("`{value}`")) && msg.contains(range),
            "{msg}"
        );
        assert!(msg.contains("whole number"), "{msg}");
    }
}

#[test]
fn an_unreadable_answers_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-answers.ron");
    let missing = missing.to_str().unwrap();
    let msg = usage_error(&["--answers", missing]);
    assert!(msg.contains(missing), "{msg}");
    // A directory is not a file either.
    let here = dir.path().to_str().unwrap();
    let msg = usage_error(&["--answers", here]);
    assert!(msg.contains(here), "{msg}");
}

#[test]
fn a_malformed_answers_file_gives_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    // Line 3 is missing its colon, after `"role"` (which ends at column 11).
    let file = write(
        dir.path(),
        "broken.ron",
        b"{\n    \"goal\": \"promotion\",\n    \"role\" \"developer\",\n}\n",
    );
    let msg = usage_error(&["--answers", &file]);
    let location = msg
        .strip_prefix(&format!("certwise: {file}:"))
        .unwrap_or_else(|| panic!("{msg} should start with the file"));
    let mut parts = location.splitn(3, ':');
    let line: usize = parts.next().unwrap().parse().unwrap();
    let column: usize = parts.next().unwrap().parse().unwrap();
    assert_eq!(line, 3, "{msg}");
    assert!((11..=13).contains(&column), "{msg}");
    assert!(
        msg.contains('{'),
        "{msg} should show what a valid file looks like"
    );

    // Not a map at all.
    let file = write(dir.path(), "list.ron", b"[\"goal\", \"promotion\"]\n");
    let msg = usage_error(&["--answers", &file]);
    assert!(msg.contains(&format!("{file}:1:1")), "{msg}");
    // Empty.
    let file = write(dir.path(), "empty.ron", b"");
    let msg = usage_error(&["--answers", &file]);
    assert!(msg.contains(&format!("{file}:1:")), "{msg}");
}

#[test]
fn an_answers_file_with_a_bad_value_names_file_question_and_valid_values() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&str, &str, &[&str])] = &[
        (
            r#"{"role": "wizard"}"#,
            "role",
            &["wizard", "developer", "student"],
        ),
        (r#"{"colour": "blue"}"#, "colour", &["goal", "budget_usd"]),
        (
            r#"{"hours_per_week": 99}"#,
            "hours_per_week",
            &["99", "1-80"],
        ),
        (
            r#"{"hours_per_week": -5}"#,
            "hours_per_week",
            &["-5", "1-80"],
        ),
        (
            r#"{"hours_per_week": 7.5}"#,
            "hours_per_week",
            &["7.5", "1-80"],
        ),
        (r#"{"goal": true}"#, "goal", &["true", "get-into-ai"]),
        (
            r#"{"goal": ["promotion"]}"#,
            "goal",
            &["promotion", "learn-concepts"],
        ),
        (
            "{\"goal\": \"two\\nlines\"}",
            "goal",
            &["two", "lines", "get-into-ai"],
        ),
    ];
    for (i, (text, id, words)) in cases.iter().enumerate() {
        let file = write(dir.path(), &format!("bad{i}.ron"), text.as_bytes());
        let msg = usage_error(&["--answers", &file]);
        assert!(msg.contains(&file), "{msg} should name the file");
        assert!(msg.contains(id), "{msg} should name {id}");
        for w in *words {
            assert!(msg.contains(w), "{msg} should mention {w}");
        }
    }
}

#[test]
fn an_answers_file_that_is_not_utf8_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "latin1.ron",
        b"{\"role\": \"d\xe9veloppeur\"}\n",
    );
    let msg = usage_error(&["--answers", &file]);
    assert!(msg.contains(&file), "{msg}");
    assert!(msg.contains("UTF-8"), "{msg}");
}

#[test]
fn a_bad_format_is_a_usage_error() {
    let out = plan(&["--format", "yaml"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("yaml") && stderr.contains("json"),
        "{stderr}"
    );
}

#[test]
fn no_input_makes_it_panic() {
    // A few odd inputs all end with an answer or an error, never a panic (checked in `certwise`).
    let dir = tempfile::tempdir().unwrap();
    let big = write(
        dir.path(),
        "big.ron",
        format!("{{\"goal\": \"{}\"}}", "x".repeat(100_000)).as_bytes(),
    );
    for args in [
        vec!["--answer", "=="],
        vec!["--answer", "role==developer"],
        vec!["--answer", "\u{1F600}=\u{1F600}"],
        vec!["--answer", " role = developer "],
        vec!["--answers", &big],
        vec!["--answers", "/dev/null"],
    ] {
        let out = plan(&args);
        assert!(
            matches!(out.status.code(), Some(0 | 2)),
            "{args:?}: {:?}",
            out.status
        );
    }
}

// ---------------------------------------------------------------------------
// Answers that do not apply, and answers files: duplicates and positions
// ---------------------------------------------------------------------------

#[test]
fn answers_that_do_not_apply_are_noted_on_stderr_and_listed_in_json() {
    let args = [
        "--answer",
        "role=student",
        "--answer",
        "target_employer=enterprise",
        "--answer",
        "employer_values_certs=yes",
    ];
    let out = plan(&args);
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    for id in ["target_employer=enterprise", "employer_values_certs=yes"] {
        let line = lines
            .iter()
            .find(|l| l.contains(&format!("ignored {id}:")))
            .unwrap_or_else(|| panic!("no note for {id}: {stderr}"));
        assert!(
            line.contains("not asked when") && line.contains("role=student"),
            "{line}"
        );
    }
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(&args);
    let out = plan(&all);
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ignored: Vec<(&str, &str)> = v["ignored"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["question"].as_str().unwrap(),
                i["value"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        ignored,
        [
            ("employer_values_certs", "yes"),
            ("target_employer", "enterprise")
        ]
    );
    assert!(
        v["ignored"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("role=student")
    );
    // Only the answers that kept the question from being asked are named.
    assert!(
        stderr.contains(
            "certwise: ignored target_employer=enterprise: not asked when role=student\n"
        ),
        "{stderr}"
    );
    // Nothing ignored: no field (so `plans show` prints the same JSON), nothing on stderr.
    assert_eq!(
        json(&["--answer", "role=developer"])["ignored"],
        Value::Null
    );
}

#[test]
fn a_duplicate_answer_in_a_file_is_an_error_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "dup.ron",
        b"{\n  \"goal\": \"promotion\",\n  \"goal\": \"change-role\",\n}\n",
    );
    let msg = usage_error(&["--answers", &file]);
    assert!(msg.contains(&format!("{file}:3:")), "{msg}");
    assert!(msg.contains("goal") && msg.contains("twice"), "{msg}");
}

#[test]
fn a_bad_value_in_a_valid_file_names_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "bad.ron",
        b"{\n  \"goal\": \"promotion\",\n  \"role\": \"developer\",\n  \"hours_per_week\": 500,\n}\n",
    );
    let msg = usage_error(&["--answers", &file]);
    assert!(msg.contains(&format!("{file}:4:")), "{msg}");
    assert!(
        msg.contains("hours_per_week") && msg.contains("1-80"),
        "{msg}"
    );
}

#[test]
fn questions_lists_each_default_and_when_it_is_asked() {
    let out = certwise(&["questions"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    let heads = text.lines().filter(|l| !l.starts_with("  ")).count();
    assert_eq!(heads, kb().questions.len(), "{text}");
    for q in &kb().questions {
        let start = text.find(&format!("{}: ", q.id)).unwrap();
        let block: Vec<&str> = text[start..].lines().take(4).collect();
        assert_eq!(block[2], format!("  default: {}", q.default), "{block:?}");
        let always = q.ask_if == certwise::knowledge::Condition::Always;
        assert_eq!(block[3] == "  asked: always", always, "{block:?}");
        assert!(block[3].starts_with("  asked: "), "{block:?}");
    }
    assert!(
        text.contains("employer_values_certs: ") && text.contains("role is not student"),
        "{text}"
    );
}
