//! `certwise plan --save` and `certwise plans`, run as the real binary against temporary data
//! folders: round trips, exit codes and messages, kills in the middle of saves, several copies
//! at once, and the README's examples.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use certwise::store::{self, Listing, Progress, Store};

use crate::support::nobody;

/// A temporary home with a data folder; the real home is never touched.
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

    fn store(&self) -> Store {
        Store::open(self.data()).unwrap()
    }

    /// The binary with the data folder in the environment and a home that is not the real one.
    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_certwise"));
        c.args(args)
            .current_dir(self.dir.path())
            .env("CERTWISE_DATA_DIR", self.data())
            .env("HOME", self.dir.path().join("home"))
            .env("XDG_DATA_HOME", self.dir.path().join("xdg"))
            .env("TZ", "UTC")
            .stdin(Stdio::null());
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        let out = self.command(args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        out
    }

    /// Runs and expects success; returns stdout.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs and expects this exit code and a one-line error; returns the line.
    fn fails(&self, code: i32, args: &[&str]) -> String {
        let out = self.run(args);
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?} printed to stdout");
        assert_eq!(stderr.lines().count(), 1, "one line: {stderr:?}");
        assert!(stderr.starts_with("certwise: "), "{stderr}");
        stderr.trim_end().to_owned()
    }
}

const ANSWER_SETS: [&[&str]; 4] = [
    &[],
    &[
        "--answer",
        "role=developer",
        "--answer",
        "target_platform=aws",
    ],
    &[
        "--answer",
        "goal=change-role",
        "--answer",
        "role=non-technical",
        "--answer",
        "hours_per_week=6",
    ],
    &[
        "--answer",
        "goal=get-into-ai",
        "--answer",
        "role=student",
        "--answer",
        "budget_usd=0",
    ],
];

fn args<'a>(head: &[&'a str], answers: &[&'a str], tail: &[&'a str]) -> Vec<&'a str> {
    head.iter()
        .chain(answers)
        .chain(tail)
        .copied()
        .collect::<Vec<_>>()
}

// ---------------------------------------------------------------- round trips

#[test]
fn a_saved_plan_shows_exactly_as_certwise_plan_prints_it() {
    let env = Env::new();
    for (i, answers) in ANSWER_SETS.iter().enumerate() {
        let name = format!("plan {i}");
        let printed = env.ok(&args(&["plan"], answers, &["--format", "json"]));
        let saved_and_printed = env.ok(&args(
            &["plan"],
            answers,
            &["--format", "json", "--save", &name],
        ));
        assert_eq!(
            saved_and_printed, printed,
            "--save does not change the output"
        );
        let json = env.ok(&args(&["plan"], answers, &["--format", "json"]));
        assert_eq!(env.ok(&["plans", "show", &name, "--format", "json"]), json);
        // The Markdown is the plan's, with a progress checklist after the timeline.
        let markdown = env.ok(&args(&["plan"], answers, &["--format", "markdown"]));
        let shown = env.ok(&["plans", "show", &name, "--format", "markdown"]);
        let start = shown.find("\n## Progress\n").expect(&shown);
        let end = start + shown[start..].find("\n## Recommendations").expect(&shown);
        assert_eq!(format!("{}{}", &shown[..start], &shown[end..]), markdown);
        let saved = env.store().load(&name).unwrap();
        let steps = saved.plan.timeline.len();
        assert!(
            shown[start..end].contains(&format!("0 of {steps} steps done.\n\n- [ ] 1. ")),
            "{}",
            &shown[start..end]
        );
        let text = env.ok(&["plans", "show", &name]);
        let plain = env.ok(&args(&["plan"], answers, &[]));
        assert!(text.starts_with(&format!("Saved plan: {name}\n")), "{text}");
        assert!(text.contains(&plain), "the text plan is all there");
        assert!(
            text.contains(&format!("\nProgress: 0 of {steps} steps done\n  1    [ ] ")),
            "{text}"
        );
    }
}

#[test]
fn a_file_saved_by_the_cli_loads_and_saves_again_to_the_same_bytes() {
    let env = Env::new();
    env.ok(&args(&["plan"], ANSWER_SETS[1], &["--save", "Round trip"]));
    let store = env.store();
    let listing = store.list().unwrap();
    let [Listing::Plan { file, .. }] = listing.as_slice() else {
        panic!("{listing:?}")
    };
    let bytes = fs::read(file).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    let plan = store::parse(file, &text).unwrap();
    assert_eq!(store::to_text(&plan), text);
    store.save(&plan, true).unwrap();
    assert_eq!(fs::read(file).unwrap(), bytes);
}

// ---------------------------------------------------------------- saving

#[test]
fn a_taken_name_is_refused_and_replace_keeps_what_matters() {
    let env = Env::new();
    env.ok(&args(&["plan"], ANSWER_SETS[1], &["--save", "Mine"]));
    let store = env.store();
    let mut first = store.load("Mine").unwrap();
    let before_bytes = {
        // Tick off the first item, as the session would.
        let key = certwise::progress::step_key(&first.plan.timeline[0]).to_owned();
        first.progress.insert(key, Progress::Done);
        first
            .progress
            .insert("gone-from-the-plan".to_owned(), Progress::Doing);
        let file = store.save(&first, true).unwrap();
        fs::read(file).unwrap()
    };
    // A mark of nothing in the plan is not read back.
    let first = store.load("Mine").unwrap();
    assert_eq!(first.progress.len(), 1);

    let line = env.fails(2, &args(&["plan"], ANSWER_SETS[2], &["--save", "Mine"]));
    assert_eq!(
        line,
        "certwise: a plan named \"Mine\" already exists; use another name, or add --replace to replace it"
    );
    assert_eq!(store.load("Mine").unwrap(), first, "untouched");

    let out = env.run(&args(
        &["plan"],
        ANSWER_SETS[1],
        &["--save", "Mine", "--replace"],
    ));
    assert!(out.status.success());
    let replaced = store.load("Mine").unwrap();
    assert_eq!(replaced.created, first.created, "created is kept");
    assert!(replaced.modified > first.modified);
    assert_eq!(
        replaced.progress.keys().collect::<Vec<_>>(),
        [certwise::progress::step_key(&first.plan.timeline[0])],
        "progress of items still in the plan is kept, the rest dropped"
    );
    let listing = store.list().unwrap();
    let [Listing::Plan { file, .. }] = listing.as_slice() else {
        panic!("{listing:?}")
    };
    assert_eq!(
        fs::read(file.with_extension("ron.bak")).unwrap(),
        before_bytes
    );
}

#[test]
fn replace_needs_save_and_names_need_text() {
    let env = Env::new();
    let out = env.run(&["plan", "--replace"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--save"));
    let line = env.fails(2, &["plan", "--save", "  "]);
    assert_eq!(line, "certwise: a plan needs a name");
}

#[test]
fn the_flag_wins_over_the_environment() {
    let env = Env::new();
    let elsewhere = env.dir.path().join("elsewhere");
    env.ok(&[
        "--data-dir",
        elsewhere.to_str().unwrap(),
        "plan",
        "--save",
        "Flagged",
    ]);
    assert!(Store::open(elsewhere).unwrap().exists("Flagged").unwrap());
    assert!(!env.store().exists("Flagged").unwrap());
    assert!(
        !env.dir.path().join("home").exists() && !env.dir.path().join("xdg").exists(),
        "the default folder is not touched"
    );
    // Global: the flag also works after the subcommand.
    env.ok(&[
        "plans",
        "show",
        "Flagged",
        "--data-dir",
        env.dir.path().join("elsewhere").to_str().unwrap(),
    ]);
}

// ---------------------------------------------------------------- listing, showing, deleting

#[test]
fn list_shows_plans_and_unreadable_files() {
    let env = Env::new();
    assert_eq!(
        env.ok(&["plans", "list"]),
        format!(
            "No saved plans in {}. Save one with `certwise plan ... --save NAME`.\n",
            env.data().join("plans").display()
        )
    );
    env.ok(&args(&["plan"], ANSWER_SETS[1], &["--save", "Beta"]));
    env.ok(&args(&["plan"], ANSWER_SETS[2], &["--save", "alpha"]));
    let broken = env.data().join("plans").join("broken.ron");
    fs::write(&broken, b"(version: 2, name: \"Broken\"").unwrap();

    let text = env.ok(&["plans", "list"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0].split_whitespace().collect::<Vec<_>>(),
        ["modified", "progress", "strategy", "name"]
    );
    assert!(
        lines[1].ends_with("  Career changer                        alpha"),
        "{text}"
    );
    assert!(
        lines[1].contains("  0/") && lines[1].contains(" done  "),
        "{text}"
    );
    assert!(
        lines[2].ends_with("  Experienced developer moving into AI  Beta"),
        "{text}"
    );
    assert_eq!(lines[3], "");
    assert_eq!(
        lines[4],
        "Unreadable (left as they are; never overwritten):"
    );
    assert!(
        lines[5].contains("broken.ron: ") && lines[5].contains(": line 1, column "),
        "{text}"
    );
    assert!(broken.exists(), "listing renames nothing");

    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["plans", "list", "--format", "json"])).unwrap();
    assert_eq!(json["data_dir"], env.data().to_str().unwrap());
    let plans = json["plans"].as_array().unwrap();
    assert_eq!(plans.len(), 2);
    assert_eq!(plans[0]["name"], "alpha");
    assert_eq!(plans[1]["name"], "Beta");
    assert_eq!(plans[1]["strategy_id"], "developer");
    assert_eq!(plans[1]["progress"]["done"], 0);
    assert!(plans[1]["progress"]["total"].as_u64().unwrap() > 0);
    assert!(plans[1]["modified"].as_str().unwrap().ends_with('Z'));
    let unreadable = json["unreadable"].as_array().unwrap();
    assert_eq!(unreadable.len(), 1);
    assert!(
        unreadable[0]["reason"]
            .as_str()
            .unwrap()
            .starts_with("line 1, column ")
    );
}

#[test]
fn unknown_names_are_user_errors_with_a_hint() {
    let env = Env::new();
    assert_eq!(
        env.fails(2, &["plans", "show", "Nope"]),
        "certwise: no saved plan named \"Nope\"; `certwise plans list` shows the saved plans"
    );
    env.ok(&["plan", "--save", "Exact Case"]);
    assert_eq!(
        env.fails(2, &["plans", "show", "exact case"]),
        "certwise: no saved plan named \"exact case\"; did you mean \"Exact Case\"?"
    );
    assert_eq!(
        env.fails(2, &["plans", "delete", "exact case"]),
        "certwise: no saved plan named \"exact case\"; did you mean \"Exact Case\"?"
    );
    fs::write(env.data().join("plans").join("x.ron"), b"").unwrap();
    assert_eq!(
        env.fails(2, &["plans", "show", "Nope"]),
        "certwise: no saved plan named \"Nope\" among the plans that load (1 file does not; `certwise plans list` says why)"
    );
}

#[test]
fn delete_moves_the_plan_to_the_trash_and_removes_its_backup() {
    let env = Env::new();
    env.ok(&["plan", "--save", "Doomed"]);
    env.ok(&["plan", "--save", "Doomed", "--replace"]);
    env.ok(&["plan", "--save", "Kept"]);
    assert_eq!(
        env.ok(&["plans", "delete", "Doomed"]),
        "Deleted \"Doomed\"; `certwise plans restore \"Doomed\"` brings it back.\n"
    );
    assert_eq!(fs::read_dir(env.data().join("trash")).unwrap().count(), 1);
    let mut left: Vec<String> = fs::read_dir(env.data().join("plans"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    left.sort();
    assert_eq!(left, [format!("{}.ron", store::slug("Kept"))]);
    env.fails(2, &["plans", "delete", "Doomed"]);
}

#[test]
fn names_never_drive_the_terminal() {
    let env = Env::new();
    let name = "red\u{1b}[31m\nalert";
    env.ok(&["plan", "--save", name]);
    let text = env.ok(&["plans", "list"]);
    assert!(!text.contains('\u{1b}'), "{text:?}");
    assert!(text.contains("red\\u{1b}[31m\\nalert"), "{text}");
    let shown = env.ok(&["plans", "show", name]);
    assert!(!shown.contains('\u{1b}'));
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["plans", "list", "--format", "json"])).unwrap();
    assert_eq!(json["plans"][0]["name"], name, "exact in JSON");
    let line = env.fails(2, &["plan", "--save", name]);
    assert!(line.contains("\"red\\u{1b}[31m\\nalert\""), "{line}");
}

#[test]
fn a_newer_file_is_refused_and_left_alone() {
    let env = Env::new();
    env.ok(&["plan", "--save", "Future"]);
    let file = env
        .data()
        .join("plans")
        .join(format!("{}.ron", store::slug("Future")));
    let text = fs::read_to_string(&file)
        .unwrap()
        .replacen("version: 2,", "version: 9,", 1);
    fs::write(&file, &text).unwrap();
    let line = env.fails(1, &["plans", "show", "Future"]);
    assert!(line.contains("newer certwise (format 9"), "{line}");
    let line = env.fails(1, &["plan", "--save", "Future", "--replace"]);
    assert!(line.contains("left untouched"), "{line}");
    let listed = env.ok(&["plans", "list"]);
    assert!(
        listed.contains("plan \"Future\" written by a newer certwise"),
        "{listed}"
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), text);
}

// ---------------------------------------------------------------- the folder

#[test]
fn a_folder_that_cannot_be_used_is_a_system_error() {
    let env = Env::new();
    let a_file = env.dir.path().join("a-file");
    fs::write(&a_file, b"x").unwrap();
    let inside = a_file.join("data");
    // Listing only reads (it creates nothing); saving creates the folder.
    for (command, verb) in [
        (&["plans", "list"][..], "read"),
        (&["plan", "--save", "x"], "create"),
    ] {
        let mut full = vec!["--data-dir", inside.to_str().unwrap()];
        full.extend_from_slice(command);
        let line = env.fails(1, &full);
        assert!(
            line.contains(&format!("cannot {verb} {}", inside.join("plans").display())),
            "{line}"
        );
    }
}

#[test]
fn a_read_only_folder_fails_clearly_and_keeps_the_old_plan() {
    // Root writes in read-only folders: as root, this runs again as an unprivileged user.
    if nobody::ran_unprivileged("a_read_only_folder_fails_clearly_and_keeps_the_old_plan") {
        return;
    }
    let env = Env::new();
    env.ok(&["plan", "--save", "Before"]);
    let plans = env.data().join("plans");
    let file = saved_file(&env.store(), "Before");
    let before = fs::read(&file).unwrap();
    let set = |mode| {
        for dir in [&plans, &env.data()] {
            fs::set_permissions(dir, fs::Permissions::from_mode(mode)).unwrap();
        }
    };
    set(0o500);
    let probe = fs::write(plans.join(".probe"), b"x");
    let out = env.run(&args(&["plan"], ANSWER_SETS[1], &["--save", "After"]));
    let replace = env.run(&["plan", "--save", "Before", "--replace"]);
    let listed = env.ok(&["plans", "list"]);
    set(0o700);
    assert!(probe.is_err(), "the folder is really read-only");
    for out in [out, replace] {
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert_eq!(stderr.lines().count(), 1);
        assert!(
            stderr.contains("ermission denied") && stderr.contains("nothing was saved"),
            "{stderr}"
        );
        assert!(
            stderr.contains("--data-dir DIR to save elsewhere"),
            "{stderr}"
        );
    }
    assert!(listed.contains("Before"));
    assert_eq!(fs::read(&file).unwrap(), before);
    assert_eq!(plan_files(&plans), [file_name(&file)]);
}

/// The file that holds the plan with this name.
fn saved_file(store: &Store, name: &str) -> PathBuf {
    store
        .list()
        .unwrap()
        .into_iter()
        .find_map(|l| match l {
            Listing::Plan { file, plan } if plan.name == name => Some(file),
            _ => None,
        })
        .unwrap()
}

fn file_name(file: &Path) -> String {
    file.file_name().unwrap().to_str().unwrap().to_owned()
}

/// The file names in a plans folder, sorted.
fn plan_files(plans: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(plans)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

#[test]
fn a_full_disk_fails_clearly_and_keeps_the_old_plan() {
    let env = Env::new();
    env.ok(&["plan", "--save", "Before"]);
    let plans = env.data().join("plans");
    let file = saved_file(&env.store(), "Before");
    let before = fs::read(&file).unwrap();
    // No byte may be written to any file, root or not (RLIMIT_FSIZE); writes fail with EFBIG
    // instead of killing the process, since SIGXFSZ is ignored, through exec.
    let full = |args: &[&str]| {
        // The environment of the usual command; the program and arguments go to sh.
        let c = env.command(&[]);
        let mut sh = Command::new("sh");
        sh.arg("-c")
            .arg("trap '' XFSZ; ulimit -f 0; exec \"$0\" \"$@\"")
            .arg(env!("CARGO_BIN_EXE_certwise"))
            .args(args);
        for (k, v) in c.get_envs() {
            if let Some(v) = v {
                sh.env(k, v);
            }
        }
        sh.current_dir(env.dir.path()).stdin(Stdio::null());
        sh.output().unwrap()
    };
    let new = full(&args(&["plan"], ANSWER_SETS[1], &["--save", "After"]));
    let replace = full(&args(
        &["plan"],
        ANSWER_SETS[2],
        &["--save", "Before", "--replace"],
    ));
    for out in [new, replace] {
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(
            out.stdout.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.starts_with("certwise: cannot write ")
                && stderr.contains("File too large")
                && stderr.contains("nothing was saved")
                && stderr.contains("--data-dir DIR to save elsewhere"),
            "{stderr}"
        );
    }
    assert_eq!(
        fs::read(&file).unwrap(),
        before,
        "the old plan is untouched"
    );
    assert_eq!(
        plan_files(&plans),
        [file_name(&file)],
        "no new plan, no temporary file, no half backup left behind"
    );
    assert_eq!(env.store().load("Before").unwrap().name, "Before");
}

// ---------------------------------------------------------------- faults

/// A few random bits without a dependency: std's hasher is seeded randomly per process.
fn random_below(n: u64) -> u64 {
    use std::hash::{BuildHasher as _, Hasher as _};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(Instant::now().elapsed().as_nanos());
    h.finish() % n.max(1)
}

#[test]
fn killing_a_save_with_sigkill_leaves_a_whole_file() {
    let env = Env::new();
    let save = |answers: &[&str]| {
        let mut c = env.command(&args(
            &["plan"],
            answers,
            &["--save", "Killed", "--replace"],
        ));
        c.stdout(Stdio::null()).stderr(Stdio::null());
        c
    };
    // A few whole saves first, timed, so kills can land anywhere in a save's life.
    let mut lifetime = 0;
    for answers in ANSWER_SETS {
        let started = Instant::now();
        assert!(save(answers).status().unwrap().success());
        lifetime = lifetime.max(u64::try_from(started.elapsed().as_micros()).unwrap());
    }
    let store = env.store();
    let expected: Vec<_> = ANSWER_SETS
        .iter()
        .map(|a| {
            let json = env.ok(&args(&["plan"], a, &["--format", "json"]));
            serde_json::from_str::<certwise::advisor::Plan>(&json).unwrap()
        })
        .collect();
    let temporaries = || -> std::collections::BTreeSet<String> {
        fs::read_dir(store.plans_dir())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|f| f.starts_with('.'))
            .collect()
    };
    // At least 80 rounds, and on until 10 saves were really interrupted: on a loaded machine
    // the first timings can be off, and kills then land after the save (up to 400 rounds).
    let (rounds, mut killed, mut mid_write) = (80, 0, 0);
    let mut seen = temporaries();
    let mut round = 0;
    while (round < rounds || killed < 10) && round < 400 {
        round += 1;
        let mut child = save(ANSWER_SETS[round % ANSWER_SETS.len()])
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(random_below(lifetime * 6 / 5)));
        // `Child::kill` is SIGKILL on Unix.
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap();
            killed += 1;
        }
        child.wait().unwrap();
        let now = temporaries();
        mid_write += now.difference(&seen).count();
        seen = now;

        let listing = store.list().unwrap();
        assert_eq!(listing.len(), 1, "round {round}: {listing:?}");
        let plan = store.load("Killed").unwrap();
        assert!(
            expected.contains(&plan.plan),
            "round {round}: the plan is one that was saved"
        );
        let backup = store
            .plans_dir()
            .join(format!("{}.ron.bak", store::slug("Killed")));
        let text = fs::read_to_string(&backup).unwrap();
        store::parse(&backup, &text).unwrap_or_else(|e| panic!("round {round}: backup {e}"));
    }
    eprintln!(
        "{killed} of {round} saves killed, {mid_write} of them in the middle of writing a file"
    );
    assert!(killed >= 10, "most saves were interrupted ({killed})");
    // Temporaries from killed writes are cleared by the next save.
    env.ok(&["plan", "--save", "Killed", "--replace"]);
    assert!(temporaries().is_empty(), "{:?}", temporaries());
}

#[test]
fn copies_saving_the_same_new_name_at_once_let_exactly_one_win() {
    let env = Env::new();
    let children: Vec<_> = (0..6)
        .map(|_| {
            env.command(&["plan", "--save", "Race"])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let outputs: Vec<Output> = children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect();
    let won = outputs.iter().filter(|o| o.status.success()).count();
    assert_eq!(won, 1);
    for o in outputs.iter().filter(|o| !o.status.success()) {
        assert_eq!(o.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&o.stderr).contains("already exists"));
    }
    assert_eq!(fs::read_dir(env.data().join("plans")).unwrap().count(), 1);
}

#[test]
fn copies_saving_at_once_never_corrupt_a_file() {
    let env = Env::new();
    for round in 0..4 {
        let children: Vec<_> = (0..4)
            .flat_map(|c| {
                let own = format!("copy {c} round {round}");
                let answers = ANSWER_SETS[c % ANSWER_SETS.len()];
                [
                    env.command(&args(
                        &["plan"],
                        answers,
                        &["--save", "Shared", "--replace"],
                    )),
                    env.command(&args(&["plan"], answers, &["--save", &own])),
                ]
            })
            .map(|mut c| {
                c.stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    let listing = env.store().list().unwrap();
    assert_eq!(listing.len(), 17);
    assert!(
        listing.iter().all(|l| matches!(l, Listing::Plan { .. })),
        "{listing:?}"
    );
}

// ---------------------------------------------------------------- the README

/// The README's section on the command line.
fn readme_section() -> String {
    let readme = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme.find("\n## Command line\n").unwrap();
    let end = readme[start + 1..]
        .find("\n## ")
        .map_or(readme.len(), |e| start + 1 + e);
    readme[start..end].to_owned()
}

/// The first fenced block of this kind after `after`.
fn fenced<'a>(text: &'a str, after: &str, kind: &str) -> &'a str {
    let from = text.find(after).unwrap();
    let open = format!("```{kind}\n");
    let start = from + text[from..].find(&open).unwrap() + open.len();
    let end = start + text[start..].find("```").unwrap();
    &text[start..end]
}

/// Shell words: spaces split, double quotes group; `#` starts a comment.
fn words(line: &str) -> (Vec<String>, &str) {
    let (command, comment) = line.split_once("  #").unwrap_or((line, ""));
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in command.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            ' ' if !quoted => {
                if any {
                    out.push(std::mem::take(&mut word));
                    any = false;
                }
            }
            c => {
                word.push(c);
                any = true;
            }
        }
    }
    if any {
        out.push(word);
    }
    (out, comment)
}

/// Times and the data folder differ from run to run.
fn normalize(text: &str, data: &Path) -> String {
    let text = text.replace(&data.display().to_string(), "~/.local/share/certwise");
    let shape = "dddd-dd-dd dd:dd";
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let window = chars.get(i..i + shape.len());
        let is_time = window.is_some_and(|w| {
            w.iter().zip(shape.chars()).all(|(c, s)| {
                if s == 'd' {
                    c.is_ascii_digit()
                } else {
                    *c == s
                }
            })
        });
        if is_time {
            out.push_str("<time>");
            i += shape.len();
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

#[test]
fn the_readme_session_is_what_certwise_does() {
    let env = Env::new();
    let section = readme_section();
    let transcript = fenced(&section, "### `certwise plans`", "console");
    let mut steps: Vec<(&str, String)> = Vec::new();
    for line in transcript.lines() {
        if let Some(command) = line.strip_prefix("$ ") {
            steps.push((command, String::new()));
        } else {
            let (_, expected) = steps.last_mut().unwrap();
            expected.push_str(line);
            expected.push('\n');
        }
    }
    assert!(steps.len() >= 6, "{transcript}");
    for (command, expected) in steps {
        let (mut words, comment) = words(command);
        assert_eq!(words.remove(0), "certwise", "{command}");
        let redirect = words.iter().position(|w| w == ">").map(|at| {
            let target = words.remove(at + 1);
            words.remove(at);
            target
        });
        let argv: Vec<&str> = words.iter().map(String::as_str).collect();
        let out = env.run(&argv);
        let code = comment
            .trim()
            .strip_prefix("exit code ")
            .map_or(0, |c| c.parse().unwrap());
        assert_eq!(out.status.code(), Some(code), "{command}");
        let stdout = String::from_utf8(out.stdout).unwrap();
        let mut shown = String::from_utf8(out.stderr).unwrap();
        match redirect.as_deref() {
            Some("/dev/null") => {}
            Some(file) => fs::write(env.dir.path().join(file), &stdout).unwrap(),
            None => shown.push_str(&stdout),
        }
        assert_eq!(
            normalize(&shown, &env.data()),
            normalize(&expected, &env.data()),
            "README: $ {command}"
        );
    }
    let note = fs::read_to_string(env.dir.path().join("aws-route.md")).unwrap();
    assert!(note.starts_with("# My AI learning plan: Experienced developer moving into AI"));
}

/// The keys of a JSON value, recursively, with array items merged.
fn shape(v: &serde_json::Value) -> serde_json::Value {
    match v {
        serde_json::Value::Object(map) => map.iter().map(|(k, v)| (k.clone(), shape(v))).collect(),
        serde_json::Value::Array(items) => {
            serde_json::Value::Array(items.first().map(shape).into_iter().collect())
        }
        _ => serde_json::Value::Null,
    }
}

#[test]
fn the_readme_json_of_plans_list_has_the_real_fields() {
    let env = Env::new();
    env.ok(&args(&["plan"], ANSWER_SETS[1], &["--save", "AWS route"]));
    fs::write(env.data().join("plans").join("old.ron"), b"(version: 2,").unwrap();
    let real: serde_json::Value =
        serde_json::from_str(&env.ok(&["plans", "list", "--format", "json"])).unwrap();
    let section = readme_section();
    let documented: serde_json::Value = serde_json::from_str(fenced(
        &section,
        "`certwise plans list --format json`",
        "json",
    ))
    .unwrap();
    assert_eq!(shape(&documented), shape(&real));
    assert_eq!(documented["plans"][0]["name"], real["plans"][0]["name"]);
    assert_eq!(
        documented["plans"][0]["strategy"],
        real["plans"][0]["strategy"]
    );
    assert_eq!(
        documented["plans"][0]["progress"],
        real["plans"][0]["progress"]
    );
}

#[test]
fn the_readme_usage_lines_match_the_help() {
    let env = Env::new();
    let section = readme_section();
    let usage = fenced(&section, "### `certwise plans`", "sh");
    for line in usage.lines() {
        let (words, _) = words(line);
        let sub = &words[2];
        let help = env.ok(&["plans", sub, "--help"]);
        for flag in words.iter().filter(|w| w.starts_with("[--")) {
            let flag = flag.trim_start_matches('[').split(' ').next().unwrap();
            assert!(help.contains(flag), "{sub}: {flag}\n{help}");
        }
        if let Some(values) = line.split("--format ").nth(1) {
            let values = values.trim_end_matches(']');
            for v in values.split('|') {
                assert!(help.contains(v), "{sub}: {v}\n{help}");
            }
        }
    }
    let plan_help = env.ok(&["plan", "--help"]);
    assert!(plan_help.contains("--save <NAME>") && plan_help.contains("--replace"));
}

#[test]
fn no_home_and_no_override_names_both() {
    // Needs a user with no home: possible only where `setpriv` can switch to an unknown uid (root).
    let out = Command::new("setpriv")
        .args(["--reuid=54321", "--regid=54321", "--clear-groups", "env"])
        .args([
            "-u",
            "HOME",
            "-u",
            "CERTWISE_DATA_DIR",
            "-u",
            "XDG_DATA_HOME",
        ])
        .args([env!("CARGO_BIN_EXE_certwise"), "plans", "list"])
        .current_dir("/")
        .output();
    let Ok(out) = out else {
        eprintln!("skipped: no setpriv");
        return;
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !stderr.contains("no home folder") {
        eprintln!("skipped: cannot run as a user without a home ({stderr})");
        return;
    }
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr,
        "certwise: no home folder to keep plans in: pass --data-dir DIR or set CERTWISE_DATA_DIR\n"
    );
}

#[test]
fn copies_saving_evaluations_at_once_keep_every_entry() {
    let env = Env::new();
    let names: Vec<String> = (0..20).map(|i| format!("Parallel Cert {i}")).collect();
    let children: Vec<_> = names
        .iter()
        .map(|name| {
            env.command(&["evaluate", "--name", name, "--save"])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let loaded = certwise::user_catalog::load(&env.data().join(certwise::user_catalog::FILE));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let mut saved: Vec<&str> = loaded.entries.iter().map(|e| e.name.as_str()).collect();
    saved.sort_unstable();
    let mut expected: Vec<&str> = names.iter().map(String::as_str).collect();
    expected.sort_unstable();
    assert_eq!(saved, expected, "every copy's entry is kept");
}

#[test]
fn a_name_in_other_case_is_the_same_name() {
    let env = Env::new();
    env.ok(&["plan", "--save", "Career changer"]);
    for extra in [&[][..], &["--replace"]] {
        let mut full = vec!["plan", "--save", "career changer"];
        full.extend_from_slice(extra);
        assert_eq!(
            env.fails(2, &full),
            "certwise: a plan named \"Career changer\" already exists, and names that differ only \
             in case are the same name; use another name, or that exact name with --replace to \
             replace it"
        );
    }
    let listed = env.ok(&["plans", "list"]);
    assert!(listed.contains("Career changer") && !listed.contains("career changer"));
    env.ok(&["plan", "--save", "Career changer", "--replace"]);
}

#[test]
fn a_deleted_plan_is_restored_from_the_trash() {
    let env = Env::new();
    env.ok(&["plan", "--answer", "role=developer", "--save", "Keep me"]);
    let saved = fs::read(
        env.data()
            .join("plans")
            .read_dir()
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path(),
    )
    .unwrap();
    env.ok(&["plans", "delete", "Keep me"]);
    assert!(!env.ok(&["plans", "list"]).contains("Keep me"));
    let out = env.ok(&["plans", "restore", "Keep me"]);
    assert!(out.contains("Restored"), "{out}");
    let list = env.ok(&["plans", "list"]);
    assert!(list.contains("Keep me"), "{list}");
    let back = fs::read(
        env.data()
            .join("plans")
            .read_dir()
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path(),
    )
    .unwrap();
    assert_eq!(back, saved, "restored byte for byte");
    // A plan of that name exists again: restoring is refused, nothing changes.
    let line = env.fails(2, &["plans", "restore", "Keep me"]);
    assert!(
        line.contains("no deleted plan") || line.contains("exists"),
        "{line}"
    );
}
