//! The job-posting scan over a generated corpus of 10,000 postings (about 40 MB in 1,000 text,
//! Markdown and HTML files), timed against `rg -c -i -F -f PATTERNS` over the same files with the
//! same names and aliases when ripgrep is installed. Run with `cargo bench --bench postings`;
//! `POSTINGS_BENCH_DIR=DIR` keeps the corpus there, `POSTINGS_BENCH_ROUNDS=N` sets the rounds,
//! `CERTWISE_BENCH_BIN=PATH` compares another build of certwise.
//!
//! It prints the scan in process (best of three, with the process's peak memory), where the time
//! goes on one thread, and then the comparison: the `certwise postings scan DIR` binary and `rg`,
//! each a whole process, run alternately for several rounds on the same machine at the same
//! time, with the median and fastest of each, the ratio of the medians, the load average before
//! and after, and each program's peak memory (`/usr/bin/time -f %M`, when installed).

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use certwise::knowledge::Knowledge;
use certwise::postings::{self, SkillsFile};

const FILES: usize = 1_000;
const PER_FILE: usize = 10;

/// A small deterministic generator, so every run scans the same corpus.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        usize::try_from(self.0 >> 33).unwrap_or(0)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next() % items.len()]
    }
}

const FILLER: &[&str] = &[
    "we",
    "are",
    "looking",
    "for",
    "an",
    "engineer",
    "who",
    "will",
    "design",
    "build",
    "and",
    "ship",
    "production",
    "systems",
    "with",
    "our",
    "team",
    "customers",
    "data",
    "platform",
    "experience",
    "years",
    "strong",
    "communication",
    "skills",
    "collaborate",
    "across",
    "product",
    "you",
    "own",
    "features",
    "end",
    "to",
    "the",
    "of",
    "in",
    "a",
    "benefits",
    "remote",
    "hybrid",
    "office",
    "salary",
    "equity",
    "growth",
    "mentoring",
    "quality",
    "reliable",
    "scalable",
    "services",
    "models",
    "pipelines",
    "users",
    "impact",
    "mission",
];
const CREDENTIALS: &[&str] = &[
    "AWS Certified Machine Learning Engineer - Associate (MLA-C01)",
    "AI-102",
    "AI 103",
    "Google Cloud Professional Machine Learning Engineer",
    "AIF-C01",
    "DP-100",
    "Databricks Certified Generative AI Engineer Associate",
    "NCA-GENL",
    "IAPP AIGP",
    "Azure AI Fundamentals (AI-900)",
    "CompTIA SecAI+",
    "AWS ML Specialty",
];
const CUES: &[&str] = &[
    "is required",
    "preferred",
    "is a plus",
    "nice to have",
    "must have",
    "",
];
const SKILLS: &[&str] = &[
    "Python",
    "SQL",
    "PyTorch",
    "LangChain",
    "SageMaker",
    "Vertex AI",
    "Azure OpenAI",
    "RAG",
    "vector databases",
    "Kubernetes",
    "MLflow",
    "Spark",
    "LLMs",
    "AI agents",
    "evals",
];

fn sentence(rng: &mut Lcg, out: &mut String) {
    let n = 8 + rng.next() % 14;
    for i in 0..n {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(rng.pick(FILLER));
    }
    out.push_str(". ");
}

fn posting(rng: &mut Lcg, html: bool) -> String {
    let mut p = String::new();
    let (open, close, item, end_item) = if html {
        ("<p>", "</p>\n", "<li>", "</li>\n")
    } else {
        ("", "\n\n", "- ", "\n")
    };
    p.push_str(if html {
        "<h2>Machine learning engineer</h2>\n"
    } else {
        "# Machine learning engineer\n\n"
    });
    for _ in 0..8 {
        p.push_str(open);
        for _ in 0..5 {
            sentence(rng, &mut p);
        }
        p.push_str(close);
    }
    p.push_str(if html {
        "<h3>Requirements</h3><ul>\n"
    } else {
        "Requirements:\n"
    });
    for _ in 0..6 {
        p.push_str(item);
        let _ = write!(p, "{} and {}", rng.pick(SKILLS), rng.pick(SKILLS));
        p.push_str(end_item);
    }
    if rng.next().is_multiple_of(3) {
        p.push_str(item);
        let _ = write!(p, "{} {}", rng.pick(CREDENTIALS), rng.pick(CUES));
        p.push_str(end_item);
    }
    if html {
        p.push_str("</ul>\n");
    }
    p
}

fn generate(dir: &Path) -> u64 {
    std::fs::create_dir_all(dir).expect("corpus folder");
    let mut rng = Lcg(42);
    let mut bytes = 0;
    for f in 0..FILES {
        let ext = ["txt", "md", "html"][f % 3];
        let html = ext == "html";
        let mut text = String::new();
        for i in 0..PER_FILE {
            if i > 0 {
                text.push_str(if html { "<p>---</p>\n" } else { "\n---\n\n" });
            }
            text.push_str(&posting(&mut rng, html));
        }
        bytes += text.len() as u64;
        let mut file =
            std::fs::File::create(dir.join(format!("posting-{f:04}.{ext}"))).expect("write");
        file.write_all(text.as_bytes()).expect("write");
    }
    bytes
}

fn best_of_three(mut run: impl FnMut()) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Where the time goes, on one thread with every file already in memory: decoding, cutting
/// into normalised units, and the whole scan (with the automaton).
fn breakdown(kb: &Knowledge, dir: &Path) {
    let mut files: Vec<(bool, Vec<u8>)> = std::fs::read_dir(dir)
        .expect("corpus")
        .filter_map(Result::ok)
        .map(|e| {
            let html = e.path().extension().is_some_and(|x| x == "html");
            (html, std::fs::read(e.path()).expect("read"))
        })
        .collect();
    files.sort();
    let skills = SkillsFile::embedded().expect("skills");
    let start = Instant::now();
    let matcher = postings::Matcher::new(kb, skills).expect("matcher");
    let build = start.elapsed();
    let decode = best_of_three(|| {
        for (_, bytes) in &files {
            std::hint::black_box(postings::decode(bytes).expect("text"));
        }
    });
    let cut = best_of_three(|| {
        let mut p = postings::matcher::Posting::default();
        for (html, bytes) in &files {
            let text = postings::decode(bytes).expect("text");
            let text = if *html {
                postings::html::to_text(&text).into()
            } else {
                text
            };
            for line in text.lines() {
                p.push_line(line);
            }
            p.finish();
            std::hint::black_box(p.text().len());
            p.clear();
        }
    });
    let whole = best_of_three(|| {
        let mut s = postings::Scanner::new(&matcher, skills);
        for (html, bytes) in &files {
            let _ = s.scan_bytes(bytes, *html);
        }
        std::hint::black_box(s.finish());
    });
    println!(
        "one thread, in memory: building the automaton {:.1} ms; decode {:.0} ms; + HTML and units {:.0} ms; whole scan {:.0} ms",
        build.as_secs_f64() * 1e3,
        decode.as_secs_f64() * 1e3,
        cut.as_secs_f64() * 1e3,
        whole.as_secs_f64() * 1e3
    );
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing and only checks it runs.
    let quick = !std::env::args().any(|a| a == "--bench");
    let kept = std::env::var_os("POSTINGS_BENCH_DIR").map(PathBuf::from);
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = kept.unwrap_or_else(|| temp.path().join("corpus"));
    let bytes = generate(&dir);
    let start = Instant::now();
    let kb = Knowledge::embedded().expect("knowledge");
    let skills = SkillsFile::embedded().expect("skills");
    println!(
        "loading the knowledge and skills: {:.1} ms",
        start.elapsed().as_secs_f64() * 1e3
    );
    let before = peak_memory_kib();
    let mut report = None;
    let scan = best_of_three(|| {
        report = Some(postings::scan(kb, std::slice::from_ref(&dir)).expect("scan"));
    });
    let report = report.expect("a scan ran");
    let megabytes = f64::from(u32::try_from(bytes).unwrap_or(u32::MAX)) / 1e6;
    println!(
        "certwise postings scan: {} postings, {} files, {:.1} MB in {:.0} ms ({:.0} MB/s); peak memory {} KiB (before the scan {} KiB)",
        report.postings,
        report.files,
        megabytes,
        scan.as_secs_f64() * 1e3,
        megabytes / scan.as_secs_f64(),
        peak_memory_kib().unwrap_or(0),
        before.unwrap_or(0),
    );
    breakdown(kb, &dir);
    if quick {
        return;
    }
    // ripgrep with the same names: every catalog credential name, code and alias, platform name,
    // skill name and alias, and required/preferred word.
    let mut patterns = String::new();
    for e in kb.catalog.entries.iter().filter(|e| e.kind.is_study()) {
        for name in e.names().filter(|n| *n != e.id) {
            let _ = writeln!(patterns, "{name}");
        }
    }
    for p in &skills.platforms {
        for n in &p.names {
            let _ = writeln!(patterns, "{n}");
        }
    }
    for s in &skills.skills {
        for n in s.names() {
            let _ = writeln!(patterns, "{n}");
        }
    }
    for c in skills.required_cues.iter().chain(&skills.preferred_cues) {
        let _ = writeln!(patterns, "{c}");
    }
    let pattern_file = temp.path().join("patterns.txt");
    std::fs::write(&pattern_file, &patterns).expect("patterns");
    let count = patterns.lines().count();
    if Command::new("rg").arg("--version").output().is_err() {
        println!("rg is not installed: no comparison");
        return;
    }
    compare_with_rg(&dir, &pattern_file, count);
}

/// Runs the `certwise` binary and `rg` alternately over the corpus and prints the comparison.
fn compare_with_rg(dir: &Path, pattern_file: &Path, count: usize) {
    let program = std::env::var_os("CERTWISE_BENCH_BIN")
        .unwrap_or_else(|| env!("CARGO_BIN_EXE_certwise").into());
    let mut certwise = Command::new(program);
    certwise.args(["postings", "scan"]).arg(dir);
    let mut rg = Command::new("rg");
    rg.args(["-c", "-i", "-F", "-f"]).arg(pattern_file).arg(dir);
    let rounds: usize = std::env::var("POSTINGS_BENCH_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(11);
    let load_before = load_average();
    let (mut mine, mut theirs) = (Vec::new(), Vec::new());
    for round in 0..rounds {
        // Alternate which goes first, so neither always runs on a warmer machine.
        if round % 2 == 0 {
            mine.push(time_process(&mut certwise));
            theirs.push(time_process(&mut rg));
        } else {
            theirs.push(time_process(&mut rg));
            mine.push(time_process(&mut certwise));
        }
    }
    let load_after = load_average();
    let (mine_median, theirs_median) = (median(&mut mine), median(&mut theirs));
    println!(
        "{rounds} rounds, load average {load_before} before, {load_after} after (1, 5, 15 minutes)"
    );
    println!(
        "certwise postings scan DIR: median {:.0} ms, fastest {:.0} ms; peak memory {}",
        mine_median.as_secs_f64() * 1e3,
        mine[0].as_secs_f64() * 1e3,
        peak_memory_of(&certwise).unwrap_or_else(|| "not measured".to_owned()),
    );
    println!(
        "rg -c -i -F -f PATTERNS DIR ({count} patterns): median {:.0} ms, fastest {:.0} ms; peak memory {}",
        theirs_median.as_secs_f64() * 1e3,
        theirs[0].as_secs_f64() * 1e3,
        peak_memory_of(&rg).unwrap_or_else(|| "not measured".to_owned()),
    );
    println!(
        "certwise / rg = {:.2} (medians), {:.2} (fastest)",
        mine_median.as_secs_f64() / theirs_median.as_secs_f64(),
        mine[0].as_secs_f64() / theirs[0].as_secs_f64(),
    );
}

/// Runs a command to the end with its output captured, and how long that took.
fn time_process(command: &mut Command) -> Duration {
    let start = Instant::now();
    let out = command.output().expect("the program runs");
    let took = start.elapsed();
    assert!(out.status.success(), "{command:?} failed");
    took
}

/// Sorts the times and returns the middle one.
fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

/// The first three fields of `/proc/loadavg`.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg").map_or_else(
        |_| "unknown".to_owned(),
        |l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "),
    )
}

/// The peak resident memory of one run of the command, in MB, measured by GNU time.
fn peak_memory_of(command: &Command) -> Option<String> {
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(command.get_program())
        .args(command.get_args())
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stderr);
    let kib: f64 = text.lines().last()?.trim().parse().ok()?;
    Some(format!("{:.1} MB", kib * 1024.0 / 1e6))
}
