//! The faults a black-box campaign found (issue 10), one test each, driving the real binary where
//! a person would: special files where a data file is expected, escapes in names, read-only
//! commands that must change nothing, two sessions on one folder, strict numbers, names Windows
//! reserves, one Unicode form for names, and the person's catalog file.
#![cfg(unix)]
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use certwise::knowledge::Knowledge;
use certwise::store::{Store, StoreError};
use certwise::tui::action::Action;
use certwise::tui::app::{App, Overlay};
use certwise::tui::theme::Theme;

const BIN: &str = env!("CARGO_BIN_EXE_certwise");
/// Address space a command may use, in KiB: a run needs under 20 MB, so this bounds its memory
/// under 50 MB (before the fix, a link to /dev/zero grew to gigabytes).
const MEMORY_KIB: u32 = 50 * 1024;
/// How long a command may take before it counts as hung.
const HUNG: Duration = Duration::from_secs(5);

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Self {
        let env = Env {
            dir: tempfile::tempdir().unwrap(),
        };
        fs::create_dir_all(env.plans()).unwrap();
        env
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn plans(&self) -> PathBuf {
        self.data().join("plans")
    }

    /// Runs certwise on this data folder with bounded memory; panics if it hangs.
    fn run(&self, args: &[&str]) -> (Output, Duration) {
        let data = self.data();
        let mut full = vec!["--data-dir", data.to_str().unwrap()];
        full.extend_from_slice(args);
        run_bounded(self.dir.path(), &full)
    }

    /// Runs a command that must succeed; its standard output.
    fn ok(&self, args: &[&str]) -> String {
        let (out, _) = self.run(args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }
}

fn run_bounded(home: &Path, args: &[&str]) -> (Output, Duration) {
    let started = Instant::now();
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {MEMORY_KIB}; exec \"$0\" \"$@\""))
        .arg(BIN)
        .args(args)
        .env("HOME", home)
        .env_remove("CERTWISE_DATA_DIR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read both pipes as the child writes: a long output must not block it.
    let drain = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                std::io::Read::read_to_end(&mut pipe, &mut bytes).unwrap();
            }
            bytes
        })
    };
    let stdout = drain(child.stdout.take().map(|p| Box::new(p) as _));
    let stderr = drain(child.stderr.take().map(|p| Box::new(p) as _));
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > HUNG {
            child.kill().unwrap();
            child.wait().unwrap();
            let shown: Vec<String> = args.iter().map(|a| a.chars().take(80).collect()).collect();
            panic!("{shown:?} hung for {HUNG:?}");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let status = child.wait().unwrap();
    let took = started.elapsed();
    let out = Output {
        status,
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    };
    (out, took)
}

/// Every kind of special file, made at `path`.
#[derive(Debug, Clone, Copy)]
enum Special {
    Fifo,
    DevZero,
    DevUrandom,
    Folder,
    Socket,
    /// A link to a regular file outside the data folder.
    LinkOut,
}

const SPECIALS: [Special; 6] = [
    Special::Fifo,
    Special::DevZero,
    Special::DevUrandom,
    Special::Folder,
    Special::Socket,
    Special::LinkOut,
];

fn make(special: Special, path: &Path, outside: &Path) -> Option<std::os::unix::net::UnixListener> {
    let _ = fs::remove_file(path);
    match special {
        Special::Fifo => {
            let status = Command::new("mkfifo").arg(path).status().unwrap();
            assert!(status.success());
        }
        Special::DevZero => symlink("/dev/zero", path).unwrap(),
        Special::DevUrandom => symlink("/dev/urandom", path).unwrap(),
        Special::Folder => fs::create_dir(path).unwrap(),
        Special::Socket => return Some(std::os::unix::net::UnixListener::bind(path).unwrap()),
        Special::LinkOut => {
            fs::write(outside, b"[]").unwrap();
            symlink(outside, path).unwrap();
        }
    }
    None
}

fn remove(path: &Path) {
    if path.is_dir() && !path.is_symlink() {
        fs::remove_dir(path).unwrap();
    } else {
        fs::remove_file(path).unwrap();
    }
}

/// A FIFO, a link to /dev/zero or /dev/urandom, a folder, a socket and a link out of the data
/// folder, in each place certwise reads: a saved plan, the catalog of evaluations, an answers
/// file. Every command ends, quickly, within the memory bound, and says what is wrong.
#[test]
fn special_files_never_hang_or_grow() {
    let env = Env::new();
    env.ok(&["plan", "--answer", "role=developer", "--save", "Good"]);
    let outside = env.dir.path().join("outside.ron");
    let answers = env.dir.path().join("answers.ron");
    let mut slowest = Duration::ZERO;
    let mut check = |args: &[&str], what: &str| {
        let (out, took) = env.run(args);
        slowest = slowest.max(took);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.code().is_some(),
            "{what}: {args:?} ended by a signal: {stderr}"
        );
        assert!(
            took < Duration::from_secs(1),
            "{what}: {args:?} took {took:?}"
        );
        stderr.into_owned()
    };
    for special in SPECIALS {
        let what = format!("{special:?} as plans/x.ron");
        let path = env.plans().join("x.ron");
        let _socket = make(special, &path, &outside);
        let listed = env.ok(&["plans", "list"]);
        assert!(listed.contains("Good"), "{what}: {listed}");
        assert!(
            listed.contains("x.ron"),
            "{what}: the file is reported: {listed}"
        );
        check(&["plans", "show", "Good"], &what);
        check(&["plans", "list", "--format", "json"], &what);
        check(&["plan", "--save", "Other", "--replace"], &what);
        check(&["plans", "delete", "Other"], &what);
        remove(&path);

        let what = format!("{special:?} as catalog.ron");
        let path = env.data().join("catalog.ron");
        let _socket = make(special, &path, &outside);
        let stderr = check(&["catalog"], &what);
        assert!(stderr.contains("catalog.ron"), "{what}: {stderr}");
        check(&["plan"], &what);
        let stderr = check(&["evaluate", "--name", "X", "--save"], &what);
        assert!(stderr.contains("not saved"), "{what}: {stderr}");
        remove(&path);

        let what = format!("{special:?} as --answers");
        let _socket = make(special, &answers, &outside);
        let stderr = check(&["plan", "--answers", answers.to_str().unwrap()], &what);
        if !matches!(special, Special::LinkOut) {
            assert!(stderr.contains("not a regular file"), "{what}: {stderr}");
        }
        remove(&answers);
    }
    eprintln!("slowest command over special files: {slowest:?}");
}

/// The interview in progress, read by the session at start: a FIFO or a device there neither
/// blocks nor fills memory, and is reported.
#[test]
fn a_special_session_file_is_reported_at_once() {
    for special in SPECIALS {
        let env = Env::new();
        let store = Store::open(env.data()).unwrap();
        let path = env.data().join("session.ron");
        let _socket = make(special, &path, &env.dir.path().join("outside.ron"));
        let (tx, rx) = std::sync::mpsc::channel();
        let reader = store.clone();
        std::thread::spawn(move || {
            let _ = tx.send(reader.load_session().map(|_| ()));
        });
        let result = rx
            .recv_timeout(Duration::from_secs(1))
            .unwrap_or_else(|_| panic!("{special:?}: reading the session hung"));
        let Err(StoreError::Unreadable { reason, .. }) = result else {
            panic!("{special:?}: {result:?}")
        };
        assert!(
            reason.contains("not a regular file") || reason.contains("outside the data folder"),
            "{special:?}: {reason}"
        );
    }
}

/// A regular file bigger than the limit is refused while reading, not from its reported size.
#[test]
fn oversized_files_are_refused_while_reading() {
    let env = Env::new();
    let big = 9 * 1024 * 1024;
    for path in [env.plans().join("big.ron"), env.data().join("catalog.ron")] {
        fs::File::create(&path).unwrap().set_len(big).unwrap();
    }
    let listed = env.ok(&["plans", "list"]);
    assert!(listed.contains("far too big"), "{listed}");
    let (out, _) = env.run(&["catalog"]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("far too big"),
        "{out:?}"
    );
    let answers = env.dir.path().join("answers.ron");
    fs::File::create(&answers).unwrap().set_len(big).unwrap();
    let (out, _) = env.run(&["plan", "--answers", answers.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("far too big"));
}

// ---------------------------------------------------------------- escapes

/// Whether a byte string holds anything that can drive a terminal or hide text.
fn raw_escapes(bytes: &[u8]) -> Vec<char> {
    String::from_utf8_lossy(bytes)
        .chars()
        .filter(|&c| certwise::sanitize::is_unsafe(c) && c != '\n')
        .collect()
}

const EVIL: &str = "Evil \u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m \u{202e}tceC\u{200b} Cert";

#[test]
fn escapes_in_a_saved_name_never_reach_the_terminal_raw() {
    let env = Env::new();
    env.ok(&[
        "evaluate",
        "--name",
        EVIL,
        "--provider-known",
        "yes",
        "--cost-usd",
        "10",
        "--prep-hours",
        "10",
        "--practical",
        "yes",
        "--save",
    ]);
    env.ok(&["plan", "--save", EVIL]);
    let catalog: serde_json::Value =
        serde_json::from_str(&env.ok(&["catalog", "--format", "json"])).unwrap();
    let id = catalog["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["yours"] == true)
        .map(|e| e["id"].as_str().unwrap().to_owned())
        .unwrap();
    assert_eq!(
        catalog["entries"].as_array().unwrap().last().unwrap()["name"],
        EVIL,
        "JSON keeps the exact name"
    );
    let goal = format!("goal={EVIL}");
    let commands: Vec<Vec<&str>> = vec![
        vec![
            "plan",
            "--answer",
            "hours_per_week=80",
            "--answer",
            "budget_usd=100000",
        ],
        vec!["plan", "--format", "markdown"],
        vec!["plan", "--format", "json"],
        vec!["catalog"],
        vec!["catalog", "--format", "json"],
        vec!["compare", &id, "portfolio-project"],
        vec!["evaluate", "--name", EVIL],
        vec!["evaluate", "--name", EVIL, "--format", "json"],
        vec!["plans", "list"],
        vec!["plans", "list", "--format", "json"],
        vec!["plans", "show", EVIL],
        vec!["plans", "show", EVIL, "--format", "markdown"],
        vec!["plans", "show", EVIL, "--format", "json"],
        vec!["plans", "show", "nothing"],
        vec!["plan", "--save", EVIL],
        vec!["plan", "--answers", EVIL],
        vec!["plan", "--answer", EVIL],
        vec!["plan", "--answer", &goal],
    ];
    for args in &commands {
        let (out, _) = env.run(args);
        assert_eq!(raw_escapes(&out.stdout), [], "{args:?} stdout");
        assert_eq!(raw_escapes(&out.stderr), [], "{args:?} stderr");
    }
    let shown = env.ok(&["plans", "list"]);
    assert!(shown.contains("Evil \\u{1b}]0;pwned\\u{7}"), "{shown}");
    assert!(shown.contains("\\u{202e}"), "{shown}");
}

#[test]
fn the_session_scrubs_every_cell() {
    use ratatui::widgets::Widget as _;
    let mut buffer = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, 40, 1));
    // A line rendered as a widget attaches zero-width characters to the cell before them.
    ratatui::text::Line::from(EVIL).render(buffer.area, &mut buffer);
    let before: String = buffer
        .content
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .collect();
    assert!(
        !raw_escapes(before.as_bytes()).is_empty(),
        "the renderer keeps some"
    );
    certwise::tui::scrub(&mut buffer);
    let after: String = buffer
        .content
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .collect();
    assert_eq!(raw_escapes(after.as_bytes()), [], "{after:?}");
    assert!(after.starts_with("Evil ]0;pwned"), "{after:?}");
}

// ---------------------------------------------------------------- read-only commands

/// Every file under `root` (links not followed), with its bytes or link target and its mtime.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, (Vec<u8>, std::time::SystemTime)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            let meta = fs::symlink_metadata(&path).unwrap();
            let bytes = if meta.is_symlink() {
                fs::read_link(&path)
                    .unwrap()
                    .into_os_string()
                    .into_encoded_bytes()
            } else if meta.is_dir() {
                stack.push(path.clone());
                Vec::new()
            } else {
                fs::read(&path).unwrap()
            };
            out.insert(path, (bytes, meta.modified().unwrap()));
        }
    }
    out
}

#[test]
fn listing_over_broken_files_and_a_linked_folder_changes_no_byte() {
    let env = Env::new();
    env.ok(&["plan", "--save", "Kept"]);
    fs::write(env.plans().join("broken.ron"), b"(version: 2, name: ").unwrap();
    fs::write(env.data().join("session.ron"), b"garbage").unwrap();
    // Another folder of unrelated .ron files, reached through a linked `plans/` and as a wrong
    // --data-dir.
    let other = env.dir.path().join("other");
    fs::create_dir_all(other.join("plans")).unwrap();
    for name in ["a.ron", "plans/b.ron", "plans/c.ron"] {
        fs::write(other.join(name), b"(not: \"a plan\")").unwrap();
    }
    let linked = env.dir.path().join("linked");
    fs::create_dir_all(&linked).unwrap();
    symlink(other.join("plans"), linked.join("plans")).unwrap();
    let before = snapshot(env.dir.path());
    for data in [env.data(), linked.clone(), other.clone()] {
        let data = data.to_str().unwrap();
        for args in [
            &["plans", "list"][..],
            &["plans", "list", "--format", "json"],
            &["plans", "show", "Kept"],
            &["plans", "show", "missing"],
            &["catalog"],
            &["plan"],
        ] {
            let mut full = vec!["--data-dir", data];
            full.extend_from_slice(args);
            run_bounded(env.dir.path(), &full);
        }
    }
    // A data folder that does not exist is not created by reading.
    let nowhere = env.dir.path().join("nowhere");
    run_bounded(
        env.dir.path(),
        &["--data-dir", nowhere.to_str().unwrap(), "plans", "list"],
    );
    assert!(!nowhere.exists());
    assert_eq!(snapshot(env.dir.path()), before, "no byte changed anywhere");
    let (out, _) = run_bounded(
        env.dir.path(),
        &["--data-dir", linked.to_str().unwrap(), "plans", "list"],
    );
    let listed = String::from_utf8(out.stdout).unwrap();
    assert!(listed.contains("outside the data folder"), "{listed}");
}

// ---------------------------------------------------------------- two sessions

fn kb() -> &'static Knowledge {
    Knowledge::embedded().unwrap()
}

fn session_app(root: &Path) -> (App, Option<fs::File>) {
    certwise::tui::connect(App::new(kb(), Theme::new(false), 80, 24), Some(root))
}

#[test]
fn two_sessions_on_one_folder_never_lose_an_interview() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("data");
    let (mut a, a_lock) = session_app(&root);
    assert!(a_lock.is_some());
    a.update(Action::Select);
    a.update(Action::Pick(2));
    a.update(Action::Pick(3));
    let kept = a.answers().clone();
    assert_eq!(kept.len(), 2);
    let session = root.join("session.ron");
    let bytes = fs::read(&session).unwrap();

    // B starts a new plan and answers: A's interview stays as it is.
    let (mut b, b_lock) = session_app(&root);
    assert!(b_lock.is_none());
    b.update(Action::CloseOverlay);
    b.start_new();
    assert_eq!(
        fs::read(&session).unwrap(),
        bytes,
        "B deleted A's interview"
    );
    b.update(Action::Pick(1));
    b.update(Action::Pick(1));
    assert_eq!(
        fs::read(&session).unwrap(),
        bytes,
        "B overwrote A's interview"
    );

    // A crashes (no clean-up at all); the next launch resumes A's answers.
    std::mem::forget(a);
    drop(a_lock);
    drop(b);
    drop(b_lock);
    let (c, _) = session_app(&root);
    assert_eq!(*c.answers(), kept);
}

#[test]
fn a_kept_interview_with_a_bad_answer_keeps_the_valid_ones_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("data");
    fs::create_dir_all(&root).unwrap();
    let text = "(version: 1, answers: {\"goal\": \"promotion\", \"role\": \"wizard\", \
                \"hours_per_week\": \"999\", \"nonsense\": \"x\", \"budget_usd\": \"200\"}, \
                question: \"role\")\n";
    fs::write(root.join("session.ron"), text).unwrap();
    let (a, _lock) = session_app(&root);
    assert_eq!(a.answers().get("goal"), Some("promotion"));
    assert_eq!(a.answers().get("budget_usd"), Some("200"));
    assert_eq!(a.answers().len(), 2, "{:?}", a.answers());
    let Some(Overlay::Notice(notice)) = a.overlay() else {
        panic!("{:?}", a.overlay())
    };
    assert!(notice.contains("wizard"), "{notice}");
    assert!(notice.contains("2 valid answers are kept"), "{notice}");
    assert!(notice.contains("session.ron.corrupt-"), "{notice}");
    let aside: Vec<_> = fs::read_dir(&root)
        .unwrap()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("session.ron.corrupt-")
        })
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(fs::read_to_string(aside[0].path()).unwrap(), text);
}

// ---------------------------------------------------------------- numbers and values

#[test]
fn numbers_are_parsed_strictly_everywhere() {
    let env = Env::new();
    for bad in [" 12 ", "+12", "012", "12.0", "1e1", ""] {
        let (out, _) = env.run(&["plan", "--answer", &format!("hours_per_week={bad}")]);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        let answers = env.dir.path().join("a.ron");
        fs::write(&answers, format!("{{\"budget_usd\": \"{bad}\"}}")).unwrap();
        let (out, _) = env.run(&["plan", "--answers", answers.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{bad:?} in a file");
        for option in ["--cost-usd", "--prep-hours"] {
            let (out, _) = env.run(&["evaluate", "--name", "X", option, bad]);
            assert_eq!(out.status.code(), Some(2), "{option} {bad:?}");
        }
    }
    for bad in [
        " 2", "2 ", "+2", "02.5", ".5", "5.", "1e1", "inf", "NaN", "",
    ] {
        for option in ["--content-age-years", "--postings-percent"] {
            let (out, _) = env.run(&["evaluate", "--name", "X", option, bad]);
            assert_eq!(out.status.code(), Some(2), "{option} {bad:?}");
        }
    }
    env.ok(&["plan", "--answer", "hours_per_week=12"]);
    env.ok(&[
        "evaluate",
        "--name",
        "X",
        "--content-age-years",
        "2.5",
        "--postings-percent",
        "5%",
    ]);
    for claims in ["guaranteed-job,,days-to-complete", "", ","] {
        let (out, _) = env.run(&["evaluate", "--name", "X", "--claims", claims]);
        assert_eq!(out.status.code(), Some(2), "--claims {claims:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("empty item"));
    }
}

#[test]
fn a_long_bad_value_is_shortened_in_the_error() {
    let env = Env::new();
    let long = "x".repeat(100_000);
    let answers = env.dir.path().join("a.ron");
    fs::write(&answers, format!("{{\"goal\": \"{long}\"}}")).unwrap();
    for args in [
        vec![
            "plan".to_owned(),
            "--answer".to_owned(),
            format!("goal={long}"),
        ],
        vec![
            "plan".to_owned(),
            "--answers".to_owned(),
            answers.display().to_string(),
        ],
        vec![
            "plan".to_owned(),
            "--answer".to_owned(),
            format!("hours_per_week={long}"),
        ],
        vec![
            "evaluate".to_owned(),
            "--name".to_owned(),
            "X".to_owned(),
            "--cost-usd".to_owned(),
            long.clone(),
        ],
    ] {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (out, _) = env.run(&args);
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(
            stderr.len() < 600,
            "{} bytes: {}",
            stderr.len(),
            &stderr[..200]
        );
        assert!(stderr.contains("(100000 characters)"), "{stderr}");
    }
}

// ---------------------------------------------------------------- names

#[test]
fn names_windows_reserves_get_a_safe_file_name() {
    for name in ["con", "CON", "nul", "Aux", "prn", "com1", "LPT9", "con.txt"] {
        let slug = certwise::store::slug(name);
        let stem = slug.split('.').next().unwrap();
        assert!(
            !matches!(stem, "con" | "nul" | "aux" | "prn" | "com1" | "lpt9"),
            "{name} -> {slug}"
        );
    }
    let env = Env::new();
    env.ok(&["plan", "--save", "nul"]);
    let files: Vec<String> = fs::read_dir(env.plans())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(files.iter().all(|f| !f.starts_with("nul.")), "{files:?}");
    assert!(env.ok(&["plans", "list"]).contains("nul"));
}

#[test]
fn names_in_nfc_and_nfd_are_one_name() {
    let env = Env::new();
    let nfc = "caf\u{e9}";
    let nfd = "cafe\u{301}";
    env.ok(&["plan", "--save", nfd]);
    let (out, _) = env.run(&["plan", "--save", nfc]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a second plan under the other form"
    );
    env.ok(&["plans", "show", nfc]);
    let list: serde_json::Value =
        serde_json::from_str(&env.ok(&["plans", "list", "--format", "json"])).unwrap();
    assert_eq!(list["plans"][0]["name"], nfc, "saved in NFC");
    env.ok(&["plan", "--save", nfc, "--replace"]);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&env.ok(&["plans", "list", "--format", "json"]))
            .unwrap()["plans"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

// ---------------------------------------------------------------- the catalog file

#[test]
fn the_catalog_file_has_a_version_a_backup_and_keeps_what_it_does_not_know() {
    let env = Env::new();
    let file = env.data().join("catalog.ron");
    env.ok(&["evaluate", "--name", "First", "--cost-usd", "10", "--save"]);
    let first = fs::read_to_string(&file).unwrap();
    assert!(first.starts_with("(version: 2, entries: [\n"), "{first}");
    // A newer certwise's fields, in an entry and at the top, survive a rewrite by this one.
    let extended = first
        .replacen("(version: 2, ", "(version: 2, colour: \"blue\", ", 1)
        .replacen(
            "name: \"First\",",
            "name: \"First\",\n        future_field: [1, 2],",
            1,
        );
    fs::write(&file, &extended).unwrap();
    env.ok(&["evaluate", "--name", "Second", "--save"]);
    let second = fs::read_to_string(&file).unwrap();
    assert!(second.contains("colour: \"blue\""), "{second}");
    assert!(second.contains("future_field: [1, 2]"), "{second}");
    assert!(second.contains("\"Second\""), "{second}");
    assert_eq!(
        fs::read_to_string(env.data().join("catalog.ron.bak")).unwrap(),
        extended,
        "the previous file is the .bak"
    );
    let listed = env.ok(&["catalog"]);
    assert!(listed.contains("First") && listed.contains("Second"));

    // A bare list (format 1) still loads; a newer format is neither used nor rewritten.
    let newer = second.replacen("(version: 2,", "(version: 3,", 1);
    fs::write(&file, &newer).unwrap();
    let (out, _) = env.run(&["catalog"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("newer certwise (format 3"));
    let (out, _) = env.run(&["evaluate", "--name", "Third", "--save"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(fs::read_to_string(&file).unwrap(), newer, "left untouched");
}

// ---------------------------------------------------------------- the backup

/// Replacing a plan over and over, killed at random moments: the plan is always whole, and once a
/// backup exists it is always there and whole, holding a save that was made.
#[test]
fn the_backup_survives_repeated_sigkill_mid_replace() {
    let env = Env::new();
    let save = |n: usize| {
        let mut c = Command::new(BIN);
        c.args([
            "--data-dir",
            env.data().to_str().unwrap(),
            "plan",
            "--answer",
            &format!("hours_per_week={}", 1 + n % 40),
            "--save",
            "Killed",
            "--replace",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null());
        c
    };
    // Whole saves first, timed, so that kills land anywhere in a save's life.
    let mut lifetime = 0u64;
    for n in 0..3 {
        let started = Instant::now();
        assert!(save(n).status().unwrap().success());
        lifetime = lifetime.max(u64::try_from(started.elapsed().as_micros()).unwrap());
    }
    let store = Store::at(env.data());
    let plan_file = env
        .plans()
        .join(format!("{}.ron", certwise::store::slug("Killed")));
    let backup = plan_file.with_extension("ron.bak");
    let mut killed = 0;
    for round in 0..150 {
        let mut child = save(round).spawn().unwrap();
        let spread = (round as u64 * 7919) % 1000;
        std::thread::sleep(Duration::from_micros(lifetime * 6 / 5 * spread / 1000));
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap();
            killed += 1;
        }
        child.wait().unwrap();
        store
            .load("Killed")
            .unwrap_or_else(|e| panic!("round {round}: {e}"));
        let text = fs::read_to_string(&backup)
            .unwrap_or_else(|e| panic!("round {round}: the .bak is gone: {e}"));
        certwise::store::parse(&backup, &text)
            .unwrap_or_else(|e| panic!("round {round}: the .bak is damaged: {e}"));
    }
    eprintln!("{killed} of 150 replaces killed");
}

#[test]
fn a_number_typed_but_not_confirmed_is_kept_on_a_signal() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("data");
    let (mut a, _lock) = session_app(&root);
    a.update(Action::Select);
    for _ in 0..20 {
        if a.screens().interview.question == "hours_per_week" {
            break;
        }
        a.update(Action::Select);
    }
    assert_eq!(a.screens().interview.question, "hours_per_week");
    a.update(Action::TypeDigit('1'));
    a.update(Action::TypeDigit('2'));
    // What SIGTERM, SIGHUP, SIGINT, SIGQUIT and Ctrl-C do.
    a.update(Action::ForceQuit);
    let kept = Store::at(root).load_session().unwrap().unwrap();
    assert_eq!(kept.answers.get("hours_per_week"), Some("12"));
}

/// A replace stopped dead at each of its steps (the debug build's `CERTWISE_CRASH_AT` hook, as
/// `kill -9` would, but exactly there): the plan is whole (old or new) and so is its `.bak`,
/// never neither; the next save clears what the crash left and keeps going.
#[test]
fn a_replace_killed_at_every_step_leaves_the_plan_and_its_bak_whole() {
    let env = Env::new();
    let save = |hours: u32, crash: Option<&str>| {
        let mut c = Command::new(BIN);
        c.args([
            "--data-dir",
            env.data().to_str().unwrap(),
            "plan",
            "--answer",
            &format!("hours_per_week={hours}"),
            "--save",
            "Killed",
            "--replace",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null());
        if let Some(step) = crash {
            c.env("CERTWISE_CRASH_AT", step);
        }
        c.status().unwrap()
    };
    let store = Store::at(env.data());
    let plan_file = env
        .plans()
        .join(format!("{}.ron", certwise::store::slug("Killed")));
    let backup = plan_file.with_extension("ron.bak");
    assert!(save(5, None).success());
    assert!(
        save(6, None).success(),
        "a second save makes the first .bak"
    );
    for (round, step) in ["written", "linked", "renamed", "backed-up", "committed"]
        .iter()
        .enumerate()
    {
        let before = fs::read(&plan_file).unwrap();
        let hours = 7 + u32::try_from(round).unwrap();
        assert!(
            !save(hours, Some(step)).success(),
            "{step}: the crash hook fired"
        );
        let after = fs::read(&plan_file).unwrap();
        let plan = store
            .load("Killed")
            .unwrap_or_else(|e| panic!("{step}: {e}"));
        let got = plan.answers.get("hours_per_week").unwrap().to_owned();
        if *step == "committed" {
            assert_eq!(got, hours.to_string(), "{step}: the new plan is in place");
        } else {
            assert_eq!(after, before, "{step}: the old plan is untouched");
        }
        let text =
            fs::read_to_string(&backup).unwrap_or_else(|e| panic!("{step}: the .bak is gone: {e}"));
        certwise::store::parse(&backup, &text)
            .unwrap_or_else(|e| panic!("{step}: the .bak is damaged: {e}"));
        // The next save works and leaves no temporary behind.
        assert!(save(20, None).success(), "{step}: the next save");
        let leftovers: Vec<_> = fs::read_dir(env.plans())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with('.'))
            .collect();
        assert!(leftovers.is_empty(), "{step}: left {leftovers:?}");
    }
}
