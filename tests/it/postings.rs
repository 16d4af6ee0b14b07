//! `certwise postings scan`: the corpus under `tests/data/postings` counted exactly, every bad
//! input (missing path, unreadable, binary, empty, invalid UTF-8, huge, symbolic link loops,
//! FIFOs, devices), escaping of file names, `--save`, the shipped skills file, and properties
//! over any bytes.

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use certwise::knowledge::{Knowledge, name_key};
use certwise::postings::{self, Evidence, Matcher, Scanner, SkillsFile, report::Report};
use proptest::prelude::*;

use crate::support::nobody;

fn kb() -> &'static Knowledge {
    Knowledge::embedded().unwrap()
}

fn skills() -> &'static SkillsFile {
    SkillsFile::embedded().unwrap()
}

fn matcher() -> &'static Matcher {
    static M: std::sync::OnceLock<Matcher> = std::sync::OnceLock::new();
    M.get_or_init(|| Matcher::new(kb(), skills()).unwrap())
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/postings")
}

fn scan(paths: &[PathBuf]) -> Report {
    postings::scan(kb(), paths).unwrap()
}

/// A report of text given directly (postings separated by `---` lines).
fn scan_text(text: &str) -> Report {
    let mut s = Scanner::new(matcher(), skills());
    s.scan_text(text);
    Report::new(
        kb(),
        matcher(),
        skills(),
        &s.finish(),
        jiff::civil::date(2026, 11, 30),
    )
}

fn credentials(r: &Report) -> BTreeMap<&str, (u32, u32, u32)> {
    r.certifications
        .iter()
        .map(|c| (c.id.as_str(), (c.postings, c.required, c.preferred)))
        .collect()
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_certwise"))
        .args(args)
        .env(
            "CERTWISE_DATA_DIR",
            "/nonexistent/certwise-test-never-written",
        )
        .output()
        .unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn skipped(r: &Report) -> BTreeMap<String, String> {
    r.skipped
        .iter()
        .map(|s| {
            let name = Path::new(&s.file)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (name, s.reason.clone())
        })
        .collect()
}

/// What the corpus names: credential id, then postings naming, requiring, preferring it.
fn corpus_credentials() -> BTreeMap<&'static str, (u32, u32, u32)> {
    [
        ("aws-ai-practitioner", (2, 2, 0)),
        ("aws-genai-developer-pro", (1, 1, 0)),
        ("aws-ml-engineer-associate", (1, 1, 0)),
        ("aws-ml-specialty", (1, 0, 1)),
        ("azure-ai-900", (2, 0, 2)),
        ("azure-ai-apps-agents", (1, 0, 1)),
        ("azure-ai-engineer", (1, 1, 0)),
        ("azure-ai-fundamentals", (1, 0, 0)),
        ("azure-data-scientist", (1, 1, 0)),
        ("azure-mlops-engineer", (1, 0, 1)),
        ("comptia-secai", (1, 1, 0)),
        ("databricks-genai-engineer", (1, 1, 0)),
        ("databricks-ml-associate", (1, 0, 1)),
        ("dlai-ml-specialization", (1, 0, 0)),
        ("fast-ai", (1, 0, 0)),
        ("gcp-data-practitioner", (1, 0, 1)),
        ("gcp-genai-leader", (1, 0, 1)),
        ("gcp-ml-engineer", (1, 1, 0)),
        ("genai-for-everyone", (1, 0, 1)),
        ("iapp-aigp", (1, 0, 1)),
        ("isaca-aaia", (1, 0, 1)),
        ("isaca-aair", (1, 1, 0)),
        ("isaca-aaism", (1, 0, 1)),
        ("iso42001-lead-auditor", (1, 1, 0)),
        ("nvidia-genai-llm-associate", (1, 0, 1)),
        ("nvidia-genai-llm-professional", (1, 0, 1)),
        ("oci-ai-foundations", (1, 0, 1)),
        ("oci-genai-professional", (1, 1, 0)),
        ("salesforce-agentforce-specialist", (1, 0, 1)),
        ("tensorflow-developer-certificate", (1, 0, 1)),
    ]
    .into_iter()
    .collect()
}

#[test]
fn the_corpus_is_counted_exactly() {
    let r = scan(&[corpus()]);
    assert_eq!(r.postings, 22);
    assert_eq!(r.files, 17);
    assert_eq!(
        r.with_any_certification, 17,
        "courses are not certifications"
    );
    assert!(r.skipped.is_empty(), "{:?}", r.skipped);
    assert_eq!(credentials(&r), corpus_credentials());
    let platforms: BTreeMap<&str, u32> = r
        .platforms
        .iter()
        .map(|p| (p.platform.as_str(), p.postings))
        .collect();
    let expected: BTreeMap<&str, u32> = [
        ("aws", 4),
        ("azure", 5),
        ("databricks", 1),
        ("gcp", 2),
        ("nvidia", 1),
        ("oracle", 1),
        ("salesforce", 2),
    ]
    .into_iter()
    .collect();
    assert_eq!(platforms, expected);
    let skills: BTreeMap<&str, u32> = r
        .skills
        .iter()
        .map(|s| (s.skill.as_str(), s.postings))
        .collect();
    let mut expected: BTreeMap<&str, u32> = [
        "ai-agents",
        "airflow",
        "azure-ml",
        "azure-openai",
        "bi-tools",
        "bigquery",
        "ci-cd",
        "cuda",
        "dbt",
        "docker",
        "evaluation",
        "guardrails",
        "java",
        "javascript",
        "jax",
        "keras",
        "kubeflow",
        "kubernetes",
        "langchain",
        "langgraph",
        "mcp",
        "microsoft-foundry",
        "mlops",
        "pandas",
        "prompt-engineering",
        "sagemaker",
        "snowflake",
        "spark",
        "tensorflow",
        "terraform",
        "tool-calling",
        "typescript",
        "vertex-ai",
        "vllm",
        "weights-biases",
    ]
    .into_iter()
    .map(|s| (s, 1))
    .collect();
    expected.extend([
        ("bedrock", 2),
        ("llm", 4),
        ("mlflow", 3),
        ("python", 5),
        ("pytorch", 2),
        ("rag", 3),
        ("sql", 2),
    ]);
    assert_eq!(skills, expected);
    // Most named first.
    assert_eq!(r.certifications[0].id, "aws-ai-practitioner");
    assert_eq!(r.skills[0].skill, "python");
}

#[test]
fn retired_exams_are_flagged_with_their_successor() {
    let r = scan(&[corpus()]);
    let ai102 = r
        .certifications
        .iter()
        .find(|c| c.id == "azure-ai-engineer")
        .unwrap();
    assert_eq!(ai102.status, "retired");
    assert_eq!(ai102.successor.as_deref(), Some("azure-ai-apps-agents"));
    let text = r.to_text(15);
    assert!(
        text.contains("Microsoft Azure AI Engineer Associate (AI-102)  [retired: its successor is Microsoft Azure AI Apps and Agents Developer Associate (AI-103)]"),
        "{text}"
    );
    assert!(
        text.contains("17 of 22 name a certification (77%)."),
        "{text}"
    );
    let closed = r
        .certifications
        .iter()
        .find(|c| c.id == "tensorflow-developer-certificate")
        .unwrap();
    assert_eq!(closed.status, "closed");
    assert_eq!(closed.successor, None);
}

#[test]
fn json_has_the_documented_shape() {
    let v = json(&run(&[
        "postings",
        "scan",
        corpus().to_str().unwrap(),
        "--format",
        "json",
    ]));
    for key in [
        "postings",
        "with_any_certification",
        "certifications",
        "platforms",
        "skills",
        "skipped",
    ] {
        assert!(v.get(key).is_some(), "{key} missing");
    }
    assert_eq!(v["postings"], 22);
    let c = &v["certifications"][0];
    for key in ["id", "name", "status", "postings", "required", "preferred"] {
        assert!(c.get(key).is_some(), "certification {key} missing");
    }
    assert!(
        v["platforms"][0].get("platform").is_some() && v["platforms"][0].get("postings").is_some()
    );
    assert!(v["skills"][0].get("skill").is_some() && v["skills"][0].get("postings").is_some());
}

#[test]
fn names_codes_and_aliases_are_one_entry_and_aws_alone_is_a_platform() {
    for text in [
        "AI-102 required",
        "AI 102 required",
        "ai102 required",
        "Azure AI Engineer Associate required",
        "Microsoft Certified: AZURE-AI-ENGINEER associate required",
        "AI-102 (Azure AI Engineer Associate), AI 102 and the Azure AI Engineer are required",
    ] {
        let r = scan_text(text);
        assert_eq!(
            credentials(&r),
            [("azure-ai-engineer", (1, 1, 0))].into(),
            "{text}"
        );
    }
    let r = scan_text("AWS, AWS experience, AWS certified engineers. Amazon Web Services.");
    assert!(r.certifications.is_empty());
    assert_eq!(r.with_any_certification, 0);
    assert_eq!(r.platforms.len(), 1);
    assert_eq!(r.platforms[0].platform.as_str(), "aws");
    // Whole words only: "laws", "AI-1020" and "xAI-102" name nothing.
    let r = scan_text("Our laws. AI-1020 and xAI-102 and SAWS");
    assert!(
        r.certifications.is_empty() && r.platforms.is_empty(),
        "{:?}",
        r.certifications
    );
}

#[test]
fn services_count_for_their_platform() {
    for (text, platform) in [
        ("SageMaker pipelines", "aws"),
        ("Amazon Bedrock", "aws"),
        ("Vertex AI", "gcp"),
        ("Gemini Enterprise rollout", "gcp"),
        ("Azure OpenAI", "azure"),
        ("Microsoft Foundry", "azure"),
    ] {
        let r = scan_text(text);
        let got: Vec<&str> = r.platforms.iter().map(|p| p.platform.as_str()).collect();
        assert_eq!(got, [platform], "{text}");
    }
}

#[test]
fn required_and_preferred_follow_the_sentence_or_list_item() {
    let r = scan_text(
        "AWS Certified AI Practitioner is required, and the Azure AI Fundamentals (AI-901) would be a plus.\n\
         Requirements:\n- AI-300\n- Python\n\nNice to have:\n- DP-100\n- ISACA AAIA, ideally\n\n\
         We like the Generative AI Leader. Must be on site.",
    );
    assert_eq!(
        credentials(&r),
        [
            ("aws-ai-practitioner", (1, 1, 0)),
            ("azure-ai-fundamentals", (1, 0, 1)),
            ("azure-mlops-engineer", (1, 1, 0)),
            ("azure-data-scientist", (1, 0, 1)),
            ("isaca-aaia", (1, 0, 1)),
            ("gcp-genai-leader", (1, 0, 0)),
        ]
        .into()
    );
    // Required wins over preferred within one posting; each posting counts once.
    let r = scan_text(
        "AIF-C01 preferred.\nAIF-C01 required.\n---\nAIF-C01 nice to have. AIF-C01 a plus.",
    );
    assert_eq!(credentials(&r), [("aws-ai-practitioner", (2, 1, 1))].into());
}

#[test]
fn a_missing_path_is_exit_2_naming_it_and_nothing_is_scanned() {
    let out = run(&[
        "postings",
        "scan",
        corpus().to_str().unwrap(),
        "/no/such/postings-dir",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "certwise: no such file or folder: /no/such/postings-dir\n"
    );
    let out = run(&["postings", "scan"]);
    assert_eq!(out.status.code(), Some(2));
}

/// A folder with one good posting beside `bad`, made by `make`.
fn with_good(make: impl FnOnce(&Path)) -> (tempfile::TempDir, Report) {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.txt"), "AIF-C01 required").unwrap();
    make(dir.path());
    let r = scan(&[dir.path().to_owned()]);
    assert_eq!(r.postings, 1, "the good file is still counted");
    assert_eq!(credentials(&r), [("aws-ai-practitioner", (1, 1, 0))].into());
    (dir, r)
}

#[test]
fn binary_empty_pdf_and_other_files_are_skipped_with_the_reason() {
    let (_dir, r) = with_good(|d| {
        fs::write(d.join("binary.txt"), b"AIF-C01\0\x01\x02").unwrap();
        fs::write(d.join("empty.md"), b"").unwrap();
        fs::write(d.join("blank.txt"), b" \n---\n\t\n---\n").unwrap();
        fs::write(d.join("posting.pdf"), b"%PDF-1.7 AIF-C01").unwrap();
        fs::write(d.join("photo.png"), b"\x89PNG").unwrap();
        fs::write(d.join(".hidden.txt"), b"AIF-C01").unwrap();
    });
    let s = skipped(&r);
    assert_eq!(s.len(), 5, "{s:?}");
    assert_eq!(s["binary.txt"], "binary, not text");
    assert_eq!(s["empty.md"], "empty: no text in it");
    assert_eq!(s["blank.txt"], "empty: no text in it");
    assert!(s["posting.pdf"].starts_with("PDF is not read"));
    assert!(s["photo.png"].starts_with("not a text, Markdown or HTML file (.png)"));
}

#[test]
fn invalid_utf8_is_read_lossily_and_utf16_is_decoded() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("latin1.txt"),
        b"Ing\xe9nieur\xff: DP-100 \xc3 required",
    )
    .unwrap();
    let utf16: Vec<u8> = [0xFEFF_u16]
        .into_iter()
        .chain("GCP, PMLE preferred".encode_utf16())
        .flat_map(u16::to_le_bytes)
        .collect();
    fs::write(dir.path().join("utf16.txt"), utf16).unwrap();
    let r = scan(&[dir.path().to_owned()]);
    assert!(r.skipped.is_empty(), "{:?}", r.skipped);
    assert_eq!(
        credentials(&r),
        [
            ("azure-data-scientist", (1, 1, 0)),
            ("gcp-ml-engineer", (1, 0, 1))
        ]
        .into()
    );
}

#[test]
fn a_huge_file_is_skipped_by_its_size() {
    let (_dir, r) = with_good(|d| {
        let f = fs::File::create(d.join("huge.txt")).unwrap();
        f.set_len(postings::read::MAX_FILE_BYTES + 1).unwrap();
    });
    assert!(
        skipped(&r)["huge.txt"].starts_with("bigger than 8 MiB"),
        "{:?}",
        r.skipped
    );
}

#[test]
fn symlink_loops_broken_links_fifos_and_devices_never_stop_the_scan() {
    let (_dir, r) = with_good(|d| {
        std::os::unix::fs::symlink("self", d.join("self")).unwrap();
        std::os::unix::fs::symlink("nowhere", d.join("broken.txt")).unwrap();
        fs::create_dir(d.join("sub")).unwrap();
        std::os::unix::fs::symlink("..", d.join("sub/up")).unwrap();
        std::os::unix::fs::symlink("/dev/zero", d.join("zero.txt")).unwrap();
        assert!(
            Command::new("mkfifo")
                .arg(d.join("pipe.txt"))
                .status()
                .unwrap()
                .success()
        );
    });
    let s = skipped(&r);
    assert_eq!(s["self"], "a symbolic link loop");
    assert_eq!(s["broken.txt"], "a symbolic link to nothing");
    assert!(s["up"].starts_with("a folder already scanned"), "{s:?}");
    assert_eq!(s["zero.txt"], "a device, not a regular file");
    assert_eq!(s["pipe.txt"], "a FIFO (named pipe), not a regular file");
    // Named on the command line, a FIFO is opened without blocking and refused by its type.
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let r = scan(&[fifo, PathBuf::from("/dev/zero")]);
    assert_eq!(r.postings, 0);
    let reasons: Vec<&str> = r.skipped.iter().map(|s| s.reason.as_str()).collect();
    assert_eq!(
        reasons,
        [
            "a FIFO (named pipe), not a regular file",
            "a device, not a regular file"
        ]
    );
}

#[test]
fn an_unreadable_file_is_skipped() {
    if nobody::ran_unprivileged("an_unreadable_file_is_skipped") {
        return;
    }
    let (_dir, r) = with_good(|d| {
        let f = d.join("locked.txt");
        fs::write(&f, "AIF-C01").unwrap();
        fs::set_permissions(&f, fs::Permissions::from_mode(0o000)).unwrap();
        let sub = d.join("locked-dir");
        fs::create_dir(&sub).unwrap();
        fs::write(sub.join("x.txt"), "AIF-C01").unwrap();
        fs::set_permissions(&sub, fs::Permissions::from_mode(0o000)).unwrap();
    });
    let s = skipped(&r);
    assert_eq!(s["locked.txt"], "cannot be read: Permission denied");
    assert_eq!(
        s["locked-dir"],
        "the folder cannot be read: Permission denied"
    );
}

#[test]
fn the_same_file_named_twice_counts_once() {
    let f = corpus().join("gcp.txt");
    let r = scan(&[f.clone(), f, corpus().join("gcp.txt")]);
    assert_eq!(r.postings, 2);
    assert_eq!(r.skipped.len(), 2);
}

#[test]
fn file_names_reaching_the_terminal_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("evil\u{1b}]0;pwned\u{7}\u{202e}txt.pdf"),
        "x",
    )
    .unwrap();
    let out = run(&["postings", "scan", dir.path().to_str().unwrap()]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\u{202e}'),
        "{text:?}"
    );
    assert!(
        text.contains("evil\\u{1b}]0;pwned\\u{7}\\u{202e}txt.pdf: PDF is not read"),
        "{text}"
    );
    let out = run(&[
        "postings",
        "scan",
        dir.path().to_str().unwrap(),
        "--format",
        "json",
    ]);
    let raw = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(
        !raw.contains('\u{1b}') && !raw.contains('\u{202e}'),
        "{raw:?}"
    );
    let v = json(&out);
    assert!(
        v["skipped"][0]["file"]
            .as_str()
            .unwrap()
            .ends_with("evil\u{1b}]0;pwned\u{7}\u{202e}txt.pdf")
    );
}

#[test]
fn save_keeps_counts_and_the_date_never_the_text() {
    let data = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_certwise"))
        .args([
            "--data-dir",
            data.path().to_str().unwrap(),
            "postings",
            "scan",
        ])
        .arg(corpus())
        .args(["--save", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .starts_with("certwise: saved the evidence of 22 postings")
    );
    let file = Evidence::path(data.path());
    let text = fs::read_to_string(&file).unwrap();
    assert!(
        !text.contains("Payments")
            && !text.contains("gcp.txt")
            && !text.contains("Machine Learning Engineer"),
        "{text}"
    );
    assert_eq!(
        fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let evidence = Evidence::load(data.path()).unwrap().unwrap();
    assert_eq!(evidence.postings, 22);
    assert_eq!(evidence.with_any_certification, 17);
    assert!(
        evidence
            .certifications
            .iter()
            .any(|c| c.id == "azure-ai-900" && c.postings == 2 && c.preferred == 2)
    );
    // Save, reload, save: the same bytes.
    evidence.save(data.path()).unwrap();
    assert_eq!(fs::read_to_string(&file).unwrap(), text);
    // A newer version is refused, not misread.
    fs::write(&file, text.replace("version: 1", "version: 9")).unwrap();
    assert!(
        Evidence::load(data.path())
            .unwrap_err()
            .to_string()
            .contains("newer certwise")
    );
}

#[test]
fn the_shipped_skills_file_hangs_together() {
    let s = skills();
    assert_eq!(s.version, 1);
    let mut ids = std::collections::HashSet::new();
    for skill in &s.skills {
        assert!(
            ids.insert(skill.id.as_str()),
            "duplicate skill id {}",
            skill.id
        );
        assert!(
            skill.names().next().is_some(),
            "{} has no name to look for",
            skill.id
        );
    }
    // "AWS" alone (or any platform name) is never a credential's name.
    let platform_keys: Vec<String> = s
        .platforms
        .iter()
        .flat_map(|p| p.names.iter().map(|n| name_key(n)))
        .collect();
    for e in kb().catalog.entries.iter().filter(|e| e.kind.is_study()) {
        for name in e.names().filter(|n| *n != e.id) {
            assert!(
                !platform_keys.contains(&name_key(name)),
                "{}: `{name}` is a platform name",
                e.id
            );
        }
    }
    for p in knowledge_platforms() {
        assert!(
            s.platforms.iter().any(|n| n.platform == p),
            "{p:?} has no names"
        );
    }
}

fn knowledge_platforms() -> [certwise::knowledge::Platform; 7] {
    certwise::knowledge::Platform::ALL
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_bytes_never_panic_and_counts_stay_within_postings(bytes in proptest::collection::vec(any::<u8>(), 0..2000), html in any::<bool>()) {
        let mut s = Scanner::new(matcher(), skills());
        let _ = s.scan_bytes(&bytes, html);
        let t = s.finish();
        prop_assert!(t.with_any_certification <= t.postings);
        for c in &t.credentials {
            prop_assert!(c[0] <= t.postings && c[1] + c[2] <= c[0]);
        }
        prop_assert!(t.platforms.iter().all(|&n| n <= t.postings));
        prop_assert!(t.skills.iter().all(|&n| n <= t.postings));
    }

    #[test]
    fn text_made_of_names_and_noise_never_overcounts(
        parts in proptest::collection::vec(prop_oneof![
            Just("AI-102".to_owned()), Just("AWS".to_owned()), Just("required".to_owned()),
            Just("a plus".to_owned()), Just("\n---\n".to_owned()), Just("\n- ".to_owned()),
            Just("Nice to have:\n".to_owned()), Just(". ".to_owned()), Just("<li>".to_owned()),
            Just("&amp;".to_owned()), Just("SageMaker".to_owned()), "[ -~]{0,12}",
            "\\PC{0,6}",
        ], 0..60),
        html in any::<bool>(),
    ) {
        let text = parts.concat();
        let mut s = Scanner::new(matcher(), skills());
        let _ = s.scan_bytes(text.as_bytes(), html);
        let t = s.finish();
        for c in &t.credentials {
            prop_assert!(c[0] <= t.postings && c[1] + c[2] <= c[0]);
        }
        prop_assert!(t.with_any_certification <= t.postings);
    }

    #[test]
    fn a_credential_named_twice_counts_once(
        names in proptest::collection::vec(prop_oneof![
            Just("AI-102"), Just("AI 102"), Just("ai102"), Just("Azure AI Engineer Associate"),
            Just("Microsoft Azure AI Engineer Associate (AI-102)"), Just("azure ai engineer"),
        ], 2..8),
        filler in "[a-z ]{0,20}",
        postings in 1u32..5,
    ) {
        let one = names.join(&format!(" {filler}, "));
        let text = vec![one; postings as usize].join("\n---\n");
        let r = scan_text(&text);
        prop_assert_eq!(r.postings, postings);
        let c = credentials(&r);
        prop_assert_eq!(c.get("azure-ai-engineer").map(|c| c.0), Some(postings));
    }
}
