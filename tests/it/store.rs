//! Saved plans on disk: round trips, every bad file of QUALITY.md item 5, names that try to leave
//! the folder, permissions, locking and the session file. Everything happens in temporary folders.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};

use certwise::advisor;
use certwise::interview::Answers;
use certwise::store::{self, Listing, Progress, SavedPlan, Session, Store, StoreError};
use jiff::Timestamp;

use crate::support::nobody;

use crate::support::kb;

fn answers(pairs: &[(&str, &str)]) -> Answers {
    let mut a = Answers::new();
    for (id, value) in pairs {
        a.set(kb(), id, value).unwrap();
    }
    a
}

fn at(second: i64) -> Timestamp {
    Timestamp::from_second(1_780_000_000 + second).unwrap()
}

fn saved(name: &str) -> SavedPlan {
    let a = answers(&[("role", "developer"), ("target_platform", "aws")]);
    let plan = advisor::plan(kb(), &a).unwrap();
    SavedPlan::new(name, a, plan, at(0))
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("data")).unwrap();
    (dir, store)
}

/// Every file in `plans/`, by file name.
fn files(store: &Store) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(store.plans_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

fn unreadable(store: &Store) -> Vec<(PathBuf, String)> {
    store
        .list()
        .unwrap()
        .into_iter()
        .filter_map(|l| match l {
            Listing::Unreadable { file, reason } => Some((file, reason)),
            Listing::Plan { .. } => None,
        })
        .collect()
}

fn names(store: &Store) -> Vec<String> {
    store
        .list()
        .unwrap()
        .into_iter()
        .filter_map(|l| match l {
            Listing::Plan { plan, .. } => Some(plan.name),
            Listing::Unreadable { .. } => None,
        })
        .collect()
}

fn good_text() -> String {
    store::to_text(&saved("Good"))
}

// ---------------------------------------------------------------- round trips

#[test]
fn save_load_save_gives_identical_bytes() {
    let (_dir, store) = store();
    let mut plan = saved("My plan");
    let key = |i: usize| certwise::progress::step_key(&plan.plan.timeline[i]).to_owned();
    let (first, second) = (key(0), key(1));
    plan.progress.insert(first, Progress::Done);
    plan.progress.insert(second, Progress::Doing);
    let file = store.save(&plan, false).unwrap();
    let first = fs::read(&file).unwrap();

    let loaded = store.load("My plan").unwrap();
    assert_eq!(loaded, plan, "every field survives the trip");
    assert_eq!(
        store.save(&loaded, true).unwrap(),
        file,
        "replaced in place"
    );
    assert_eq!(fs::read(&file).unwrap(), first);
    assert_eq!(store::to_text(&loaded).as_bytes(), first.as_slice());
    assert_eq!(
        fs::read(file.with_extension("ron.bak")).unwrap(),
        first,
        "the last good save is kept"
    );
}

#[test]
fn the_file_is_readable_ron_with_a_version_and_newline_endings() {
    let text = good_text();
    assert!(text.starts_with("(\n    version: 2,\n    name: \"Good\",\n"));
    assert!(!text.contains('\r'));
    assert!(text.ends_with(")\n"));
    let order: Vec<usize> = [
        "version:",
        "name:",
        "created:",
        "modified:",
        "knowledge_version:",
        "answers:",
        "progress:",
        "plan:",
    ]
    .iter()
    .map(|f| text.find(&format!("\n    {f}")).unwrap())
    .collect();
    assert!(order.is_sorted(), "stable field order: {order:?}");
}

#[test]
fn progress_counts_each_timeline_step_and_drops_marks_of_nothing() {
    let mut plan = saved("p");
    let steps = plan.plan.timeline.len();
    plan.progress.insert(
        certwise::progress::step_key(&plan.plan.timeline[0]).to_owned(),
        Progress::Done,
    );
    plan.progress
        .insert("not-in-the-plan".to_owned(), Progress::Done);
    let c = plan.counts();
    assert_eq!((c.done, c.doing, c.total), (1, 0, steps));
    // Loading keeps what applies and drops the rest.
    let (_dir, store) = store();
    store.save(&plan, false).unwrap();
    let loaded = store.load("p").unwrap();
    assert_eq!(loaded.progress.len(), 1);
    assert_eq!(loaded.counts(), c);
}

// ---------------------------------------------------------------- bad files (QUALITY.md item 5)

/// Writes `bytes` as `plans/broken.ron`, lists, and checks that the file is reported with a
/// reason containing `expect`, left where it is byte for byte (listing only reads), stays
/// reported, and is never written over by a save under its name.
fn assert_set_aside(bytes: &[u8], expect: &str) {
    let (_dir, store) = store();
    let original = store.plans_dir().join("broken.ron");
    fs::write(&original, bytes).unwrap();

    let bad = unreadable(&store);
    assert_eq!(bad.len(), 1, "{bad:?}");
    let (file, reason) = &bad[0];
    assert!(
        reason.contains(expect),
        "reason {reason:?} should say {expect:?}"
    );
    assert!(!reason.contains('\n'), "one line: {reason:?}");
    assert_eq!(file, &original, "left in place, not renamed");
    assert_eq!(
        fs::read(file).unwrap(),
        bytes,
        "the original bytes are kept"
    );

    // Still reported later, and nothing ever writes over it.
    let again = unreadable(&store);
    assert_eq!(again.len(), 1);
    assert_eq!(&again[0].0, file);
    let mut plan = saved("broken");
    store.save(&plan, false).unwrap();
    plan.modified = at(5);
    store.save(&plan, true).unwrap();
    assert_eq!(fs::read(file).unwrap(), bytes);
    assert!(matches!(store.load("Good"), Err(StoreError::NotFound(_))));
}

#[test]
fn an_empty_file_is_set_aside() {
    assert_set_aside(b"", "the file is empty");
    assert_set_aside(b"  \n\n", "the file is empty");
}

#[test]
fn a_truncated_file_is_set_aside_with_where_it_stops() {
    let text = good_text();
    for cut in [1, 10, text.len() / 3, text.len() / 2, text.len() - 3] {
        let part = &text.as_bytes()[..cut];
        assert_set_aside(part, "line ");
    }
}

#[test]
fn garbage_is_set_aside() {
    assert_set_aside(b"hello, world {{{ ]]", "line 1, column 1");
    assert_set_aside(b"[1, 2, 3]", "line 1, column 1");
    assert_set_aside(b"\x00\x01\x02\x7f", "line 1, column 1");
    let mut noisy = good_text().into_bytes();
    noisy.extend_from_slice(b"trailing garbage");
    assert_set_aside(&noisy, "line ");
}

#[test]
fn invalid_utf8_is_set_aside() {
    let mut bytes = good_text().into_bytes();
    bytes.insert(30, 0xff);
    assert_set_aside(&bytes, "not UTF-8 text (bad byte at offset 30)");
}

#[test]
fn a_byte_order_mark_loads() {
    let (_dir, store) = store();
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend_from_slice(good_text().as_bytes());
    let file = store.plans_dir().join("bom.ron");
    fs::write(&file, &bytes).unwrap();
    assert_eq!(store.load("Good").unwrap(), saved("Good"));
    assert_eq!(fs::read(&file).unwrap(), bytes, "loading changes nothing");
}

#[test]
fn crlf_line_endings_load_and_are_written_back_as_lf() {
    let (_dir, store) = store();
    let crlf = good_text().replace('\n', "\r\n");
    let file = store.plans_dir().join("crlf.ron");
    fs::write(&file, &crlf).unwrap();
    let plan = store.load("Good").unwrap();
    assert_eq!(plan, saved("Good"));
    store.save(&plan, true).unwrap();
    assert_eq!(fs::read_to_string(&file).unwrap(), good_text());
    assert_eq!(
        fs::read_to_string(file.with_extension("ron.bak")).unwrap(),
        crlf
    );
}

#[test]
fn duplicate_fields_are_set_aside() {
    let text = good_text().replacen(
        "    name: \"Good\",\n",
        "    name: \"Good\",\n    name: \"Other\",\n",
        1,
    );
    assert_set_aside(text.as_bytes(), "duplicate field named `name`");
    let text = good_text().replacen("    version: 2,\n", "    version: 2,\n    version: 2,\n", 1);
    assert_set_aside(text.as_bytes(), "duplicate field named `version`");
}

#[test]
fn wrong_types_are_set_aside() {
    let text = good_text();
    let cases = [
        text.replacen("version: 2,", "version: \"2\",", 1),
        text.replacen("version: 2,", "version: -2,", 1),
        text.replacen("name: \"Good\",", "name: 42,", 1),
        text.replacen("progress: {},", "progress: [1, 2],", 1),
        text.replacen("progress: {},", "progress: {\"x\": \"finished\"},", 1),
        text.replacen("created: \"2026", "created: \"not a time, 2026", 1),
    ];
    for case in cases {
        assert_ne!(case, text, "the case changes the file");
        assert_set_aside(case.as_bytes(), "line ");
    }
}

#[test]
fn a_missing_field_is_set_aside() {
    let text = good_text().replacen("    progress: {},\n", "", 1);
    assert_set_aside(text.as_bytes(), "missing field named `progress`");
}

#[test]
fn deep_nesting_hits_the_recursion_limit_not_the_stack() {
    let depth = 200_000;
    let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    // In a known field, in an unknown (ignored) field, and as the whole file.
    let in_answers = good_text().replacen(
        "    answers: {",
        &format!("    answers: {{\"deep\": {deep},"),
        1,
    );
    let in_unknown = good_text().replacen("    name:", &format!("    deep: {deep},\n    name:"), 1);
    let mut unclosed = "(version: 2, deep: ".to_owned();
    unclosed.push_str(&"(".repeat(depth));
    let too_deep = "nested more than 64 levels deep";
    for (case, expect) in [
        (in_answers, too_deep),
        (in_unknown, too_deep),
        (unclosed, too_deep),
        (deep, "line 1, column 1: Expected opening `(`"),
    ] {
        // A small stack, as a thread of a busy program might have: the limit must hold there.
        let bytes = case.into_bytes();
        std::thread::Builder::new()
            .stack_size(512 * 1024)
            .spawn(move || assert_set_aside(&bytes, expect))
            .unwrap()
            .join()
            .unwrap();
    }
}

#[test]
fn very_large_strings_load_and_oversized_files_are_set_aside() {
    let (_dir, store) = store();
    let big_name = "é".repeat(1_000_000);
    let plan = saved(&big_name);
    let file = store.save(&plan, false).unwrap();
    assert!(fs::metadata(&file).unwrap().len() > 2_000_000);
    assert_eq!(store.load(&big_name).unwrap(), plan);
    assert!(
        file.file_name().unwrap().len() < 80,
        "file names stay short: {file:?}"
    );

    let huge = format!(
        "(version: 2, name: \"{}\")",
        "x".repeat(usize::try_from(store::MAX_FILE_BYTES).unwrap())
    );
    assert_set_aside(huge.as_bytes(), "far too big for a saved plan");
}

#[test]
fn unknown_fields_are_ignored() {
    let (_dir, store) = store();
    let text = good_text()
        .replacen("    name:", "    colour: \"blue\",\n    name:", 1)
        .replacen(
            "        strategy: (",
            "        extra: [1, 2, (a: 3)],\n        strategy: (",
            1,
        );
    let file = store.plans_dir().join("extra.ron");
    fs::write(&file, &text).unwrap();
    assert_eq!(store.load("Good").unwrap(), saved("Good"));
    assert_eq!(fs::read_to_string(&file).unwrap(), text, "left as it was");
}

#[test]
fn a_newer_version_is_refused_and_left_untouched() {
    let (_dir, store) = store();
    let text = good_text()
        .replacen("version: 2,", "version: 3,", 1)
        .replacen("    name:", "    colour: \"blue\",\n    name:", 1);
    let file = store.plans_dir().join("good.ron");
    fs::write(&file, &text).unwrap();

    let bad = unreadable(&store);
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0].0, file, "not renamed");
    assert!(
        bad[0]
            .1
            .contains("plan \"Good\" written by a newer certwise (format 3")
            && bad[0].1.contains("left untouched"),
        "{}",
        bad[0].1
    );
    let err = store.load("Good").unwrap_err();
    assert!(matches!(err, StoreError::Newer { found: 3, .. }), "{err}");
    assert!(err.to_string().contains("newer certwise"), "{err}");

    // Neither saving nor replacing nor renaming onto that name touches it.
    assert!(store.exists("Good").unwrap());
    for replace in [false, true] {
        let err = store.save(&saved("Good"), replace).unwrap_err();
        assert!(matches!(err, StoreError::Newer { .. }), "{err}");
    }
    store.save(&saved("Other"), false).unwrap();
    assert!(store.rename("Other", "Good", at(1)).is_err());
    assert_eq!(fs::read_to_string(&file).unwrap(), text, "same bytes");
    assert_eq!(
        files(&store)
            .iter()
            .filter(|f| f.contains("corrupt"))
            .count(),
        0
    );
}

/// A version 1 file: version 2 without `knowledge_version` and `progress`.
fn v1_text(plan: &SavedPlan) -> String {
    let text = store::to_text(plan)
        .replacen("    version: 2,\n", "    version: 1,\n", 1)
        .replacen(
            &format!("    knowledge_version: \"{}\",\n", plan.knowledge_version),
            "",
            1,
        )
        .replacen("    progress: {},\n", "", 1);
    assert!(!text.contains("    progress:") && text.matches("knowledge_version").count() == 1);
    text
}

#[test]
fn version_1_is_migrated() {
    let (_dir, store) = store();
    let plan = saved("Old plan");
    let old = v1_text(&plan);
    let file = store.plans_dir().join("old-plan.ron");
    fs::write(&file, &old).unwrap();

    let loaded = store.load("Old plan").unwrap();
    assert_eq!(
        loaded, plan,
        "migrated: version 2, knowledge version from the plan, no progress"
    );
    assert_eq!(loaded.version, store::VERSION);
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        old,
        "loading does not rewrite"
    );

    store.save(&loaded, true).unwrap();
    assert_eq!(fs::read_to_string(&file).unwrap(), store::to_text(&plan));
    assert_eq!(
        fs::read_to_string(file.with_extension("ron.bak")).unwrap(),
        old,
        "the version 1 file is kept as the backup"
    );
}

#[test]
fn an_unknown_old_version_is_set_aside() {
    let text = good_text().replacen("version: 2,", "version: 0,", 1);
    assert_set_aside(text.as_bytes(), "unknown format version 0");
}

#[test]
fn a_damaged_plan_points_to_its_backup_and_the_backup_is_never_reused() {
    let (_dir, store) = store();
    let plan = saved("Kept");
    let file = store.save(&plan, false).unwrap();
    store.save(&plan, true).unwrap();
    let backup = file.with_extension("ron.bak");
    let good = fs::read(&backup).unwrap();
    fs::write(&file, b"(version: 2, nam").unwrap();

    let bad = unreadable(&store);
    assert!(
        bad[0]
            .1
            .contains(&format!("the last good save is in {}", backup.display())),
        "{}",
        bad[0].1
    );
    // A new plan of the same name gets another file, so the backup survives its replacements.
    let new_file = store.save(&plan, false).unwrap();
    assert_ne!(new_file, file);
    store.save(&plan, true).unwrap();
    assert_eq!(fs::read(&backup).unwrap(), good);
}

#[test]
fn a_plan_file_that_cannot_be_read_is_reported_not_moved() {
    let (_dir, store) = store();
    let odd = store.plans_dir().join("folder.ron");
    fs::create_dir(&odd).unwrap();
    let bad = unreadable(&store);
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0].0, odd);
    assert!(
        odd.is_dir(),
        "an I/O problem is not damage: nothing is renamed"
    );
}

// ---------------------------------------------------------------- names

#[test]
fn names_that_try_to_leave_the_folder_stay_inside_and_load_back() {
    let (dir, store) = store();
    let tricky = [
        "../x",
        "../../etc/passwd",
        "/etc/passwd",
        "a/b",
        "a\\b",
        "..",
        ".",
        ".hidden",
        "x.ron",
        "nul\0byte",
        "tab\there",
        "new\nline",
        "bell\u{7}",
        "esc\u{1b}[31mred",
        "\u{202e}gnp.exe",
        "計画 été",
        "план",
        "🚀 launch",
        "CON",
        "it's \"quoted\"",
        "a b",
        "a-b",
        "a  b",
        "A_B", // slugs like "a b", and is another name (unlike "A B": the same name in other case)
        "résumé",
        "resume",
        &"long ".repeat(100),
    ];
    for name in tricky {
        let plan = saved(name);
        let file = store.save(&plan, false).unwrap();
        assert_eq!(
            file.parent().unwrap(),
            store.plans_dir(),
            "{name:?} -> {file:?}"
        );
        let file_name = file.file_name().unwrap().to_str().unwrap();
        let stem = file_name.strip_suffix(".ron").unwrap();
        assert!(
            !stem.is_empty()
                && stem
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{name:?} -> {file_name:?}"
        );
        assert!(file_name.len() <= 64, "{file_name}");
        assert_eq!(store.load(name).unwrap().name, name.trim());
    }
    let expected: std::collections::BTreeSet<String> =
        tricky.iter().map(|n| n.trim().to_owned()).collect();
    let listed: std::collections::BTreeSet<String> = names(&store).into_iter().collect();
    assert_eq!(listed, expected, "every name is its own plan");
    assert_eq!(files(&store).len(), tricky.len());
    // Nothing was written anywhere but plans/.
    let outside: Vec<_> = fs::read_dir(dir.path().join("data"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        outside.iter().all(|f| f == "plans" || f == "write.lock"),
        "{outside:?}"
    );
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn slugs_are_safe_and_names_that_slug_the_same_do_not_clash() {
    for name in ["", "..", "/", "\0", "計画", "a/../b"] {
        let s = store::slug(name);
        assert!(
            !s.is_empty() && !s.contains(['/', '\\', '.', '\0']),
            "{name:?} -> {s:?}"
        );
    }
    assert_eq!(store::slug("my plan 2"), "my-plan-2");
    assert_ne!(store::slug("My plan"), store::slug("my plan"));
    let (_dir, store) = store();
    let a = store.save(&saved("a b"), false).unwrap();
    let b = store.save(&saved("a-b"), false).unwrap();
    assert_eq!(
        store::slug("a b"),
        store::slug("a-b"),
        "the case this test is about"
    );
    assert_ne!(a, b);
    assert_eq!(store.load("a b").unwrap().name, "a b");
    assert_eq!(store.load("a-b").unwrap().name, "a-b");
}

#[test]
fn empty_names_are_refused() {
    let (_dir, store) = store();
    for name in ["", "   ", "\t\n"] {
        let mut plan = saved("x");
        plan.name = name.to_owned();
        assert!(matches!(
            store.save(&plan, false),
            Err(StoreError::EmptyName)
        ));
    }
    assert!(files(&store).is_empty());
}

#[test]
fn a_taken_name_is_refused_without_replace() {
    let (_dir, store) = store();
    let file = store.save(&saved("Mine"), false).unwrap();
    let before = fs::read(&file).unwrap();
    let mut other = saved("Mine");
    other.modified = at(60);
    let err = store.save(&other, false).unwrap_err();
    assert!(
        matches!(err, StoreError::Exists(ref n) if n == "Mine"),
        "{err}"
    );
    assert_eq!(err.to_string(), "a plan named \"Mine\" already exists");
    assert_eq!(fs::read(&file).unwrap(), before);
}

#[test]
fn rename_duplicate_and_delete() {
    let (_dir, store) = store();
    let file = store.save(&saved("One"), false).unwrap();
    store.save(&saved("Two"), false).unwrap();

    assert!(matches!(
        store.rename("One", "Two", at(1)),
        Err(StoreError::Exists(_))
    ));
    assert!(matches!(
        store.rename("One", " ", at(1)),
        Err(StoreError::EmptyName)
    ));
    assert!(matches!(
        store.rename("Nope", "Three", at(1)),
        Err(StoreError::NotFound(_))
    ));
    store.rename("One", "Uno", at(1)).unwrap();
    assert!(file.exists(), "the file keeps its name");
    let uno = store.load("Uno").unwrap();
    assert_eq!((uno.created, uno.modified), (at(0), at(1)));
    assert!(!store.exists("One").unwrap());

    store.duplicate("Uno", "Copy", at(2)).unwrap();
    let copy = store.load("Copy").unwrap();
    assert_eq!((copy.created, copy.modified), (at(2), at(2)));
    assert_eq!(copy.plan, uno.plan);
    assert!(matches!(
        store.duplicate("Uno", "Two", at(2)),
        Err(StoreError::Exists(_))
    ));

    store.delete("Uno").unwrap();
    assert!(!file.exists() && !file.with_extension("ron.bak").exists());
    assert!(matches!(store.delete("Uno"), Err(StoreError::NotFound(_))));
    assert_eq!(names(&store), ["Copy", "Two"]);
}

#[test]
fn error_messages_keep_names_on_one_line() {
    let err = StoreError::NotFound("two\nlines\u{1b}[2J".to_owned());
    assert_eq!(
        err.to_string(),
        "no saved plan named \"two\\nlines\\u{1b}[2J\""
    );
}

// ---------------------------------------------------------------- the folder

#[test]
fn files_are_owner_only() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("fresh").join("data");
    let store = Store::open(root.clone()).unwrap();
    let plan = saved("Private");
    let file = store.save(&plan, false).unwrap();
    store.save(&plan, true).unwrap();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&store.plans_dir()), 0o700);
    assert_eq!(mode(&root), 0o700);
    assert_eq!(mode(&file), 0o600);
    assert_eq!(mode(&file.with_extension("ron.bak")), 0o600);
    assert_eq!(mode(&root.join("write.lock")), 0o600);
    store
        .save_session(&Session {
            answers: Answers::new(),
            question: "goal".to_owned(),
            ..Session::default()
        })
        .unwrap();
    assert_eq!(mode(&root.join("session.ron")), 0o600);

    // A file someone made world-readable becomes owner-only again when it is saved.
    fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).unwrap();
    store.save(&plan, true).unwrap();
    assert_eq!(mode(&file), 0o600);
}

#[test]
fn a_read_only_folder_gives_a_clear_error_and_loses_nothing() {
    // Root writes in read-only folders: as root, this runs again as an unprivileged user.
    if nobody::ran_unprivileged("a_read_only_folder_gives_a_clear_error_and_loses_nothing") {
        return;
    }
    let (_dir, store) = store();
    let file = store.save(&saved("Before"), false).unwrap();
    let before = fs::read(&file).unwrap();
    for dir in [store.plans_dir(), store.root().to_owned()] {
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o500)).unwrap();
    }
    let probe = fs::write(store.plans_dir().join(".probe"), b"x");
    let result = store.save(&saved("After"), false);
    let replace = store.save(&saved("Before"), true);
    let listed = names(&store);
    for dir in [store.plans_dir(), store.root().to_owned()] {
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o700)).unwrap();
    }
    assert!(probe.is_err(), "the folder is really read-only");
    assert_eq!(listed, ["Before"], "reading still works");
    for err in [result.unwrap_err(), replace.unwrap_err()] {
        let message = err.to_string();
        assert!(matches!(err, StoreError::Io { .. }), "{message}");
        assert!(
            message.contains(&store.root().display().to_string())
                && message.contains("ermission denied"),
            "{message}"
        );
    }
    assert_eq!(fs::read(&file).unwrap(), before);
    assert_eq!(
        files(&store),
        [file.file_name().unwrap().to_str().unwrap()],
        "nothing else was written"
    );
}

#[test]
fn a_folder_that_cannot_be_made_gives_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let a_file = dir.path().join("not-a-folder");
    fs::write(&a_file, b"x").unwrap();
    let err = Store::open(a_file.join("data")).unwrap_err();
    let message = err.to_string();
    assert!(
        message.starts_with(&format!(
            "cannot create {}",
            a_file.join("data").join("plans").display()
        )),
        "{message}"
    );
    // Not writable even by root.
    let err = Store::open(PathBuf::from("/proc/certwise-test-data")).unwrap_err();
    assert!(
        err.to_string().contains("/proc/certwise-test-data"),
        "{err}"
    );
}

#[test]
fn the_data_folder_comes_from_the_flag_first() {
    let flag = Path::new("/tmp/flag-dir");
    assert_eq!(store::data_dir(Some(flag)).unwrap(), flag);
    let message = StoreError::NoDataDir.to_string();
    assert!(
        message.contains("--data-dir") && message.contains("CERTWISE_DATA_DIR"),
        "{message}"
    );
}

#[test]
fn temporaries_left_by_a_killed_write_are_cleaned_up_under_the_lock() {
    let (_dir, store) = store();
    let stale = store.plans_dir().join(".mine.ron.Ab3dE9");
    let stale_bak = store.plans_dir().join(".mine.ron.bak.Zz0011");
    let other = store.plans_dir().join(".notes.txt");
    for f in [&stale, &stale_bak, &other] {
        fs::write(f, b"partial").unwrap();
    }
    store.save(&saved("Mine"), false).unwrap();
    assert!(!stale.exists() && !stale_bak.exists());
    assert!(other.exists(), "only certwise's own temporaries go");
}

// ---------------------------------------------------------------- two writers

#[test]
fn threads_saving_at_once_never_corrupt_a_file() {
    let (_dir, store) = store();
    let plan = saved("shared");
    std::thread::scope(|s| {
        for t in 0..6 {
            let store = store.clone();
            let plan = plan.clone();
            s.spawn(move || {
                for i in 0..6 {
                    let mut own = plan.clone();
                    own.name = format!("thread {t} plan {i}");
                    store.save(&own, false).unwrap();
                    let mut shared = plan.clone();
                    shared.modified = at(t * 100 + i);
                    store.save(&shared, true).unwrap();
                }
            });
        }
    });
    assert!(unreadable(&store).is_empty());
    assert_eq!(names(&store).len(), 37);
    assert_eq!(store.load("shared").unwrap().plan, plan.plan);
}

/// Another copy holding the write lock: a save waits for it and goes ahead the moment it is let
/// go, and nothing is written meanwhile.
#[test]
fn a_save_waits_for_another_writer_and_then_goes_ahead() {
    let (_dir, store) = store();
    let other = fs::File::create(store.root().join("write.lock")).unwrap();
    other.lock().unwrap();
    std::thread::scope(|s| {
        let saving = s.spawn(|| store.save(&saved("Waited"), false));
        std::thread::sleep(std::time::Duration::from_millis(300));
        assert!(!saving.is_finished(), "the save did not wait for the lock");
        assert!(
            names(&store).is_empty(),
            "written while another copy held the lock"
        );
        other.unlock().unwrap();
        saving.join().unwrap().unwrap();
    });
    assert_eq!(names(&store), ["Waited"]);
}

/// A writer that never lets go: the save gives up with a message saying so, and writes nothing.
#[test]
fn a_save_gives_up_on_a_lock_held_too_long() {
    let (_dir, store) = store();
    // The same giving up as after 10 s, sooner.
    let store = store.with_lock_wait(std::time::Duration::from_millis(300));
    let other = fs::File::create(store.root().join("write.lock")).unwrap();
    other.lock().unwrap();
    let err = store.save(&saved("Never"), false).unwrap_err();
    assert!(matches!(err, StoreError::Busy(_)), "{err:?}");
    assert!(err.to_string().contains("try again"), "{err}");
    assert!(names(&store).is_empty());
    // Let go: the next save works, so the waiter that gave up did not keep the lock.
    other.unlock().unwrap();
    store.save(&saved("Later"), false).unwrap();
    assert_eq!(names(&store), ["Later"]);
}

#[test]
fn only_one_of_many_saves_under_a_new_name_wins() {
    let (_dir, store) = store();
    let wins = std::thread::scope(|s| {
        let handles: Vec<_> = (0..8)
            .map(|_| {
                let store = store.clone();
                s.spawn(move || store.save(&saved("Race"), false).is_ok())
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap())
            .filter(|won| *won)
            .count()
    });
    assert_eq!(wins, 1);
    assert_eq!(files(&store).len(), 1);
}

#[test]
fn a_save_waits_for_another_copy_holding_the_lock() {
    let (_dir, store) = store();
    let lock = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(store.root().join("write.lock"))
        .unwrap();
    lock.lock().unwrap();
    let started = std::time::Instant::now();
    let release = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(300));
        drop(lock);
    });
    store.save(&saved("Patient"), false).unwrap();
    assert!(started.elapsed() >= std::time::Duration::from_millis(250));
    release.join().unwrap();
    assert_eq!(names(&store), ["Patient"]);
}

// ---------------------------------------------------------------- session

#[test]
fn the_session_round_trips_and_clears() {
    let (_dir, store) = store();
    assert_eq!(store.load_session().unwrap(), None);
    let session = Session {
        answers: answers(&[("goal", "promotion")]),
        question: "role".to_owned(),
        editing: Some("計画".to_owned()),
        created: Some(at(1_700_000_000)),
        progress: [("aws-ai-practitioner".to_owned(), Progress::Doing)].into(),
        ..Session::default()
    };
    store.save_session(&session).unwrap();
    let text = fs::read_to_string(store.root().join("session.ron")).unwrap();
    assert!(
        text.starts_with(&format!("(\n    version: {},", store::SESSION_VERSION)),
        "{text}"
    );
    assert_eq!(store.load_session().unwrap(), Some(session));
    store.clear_session();
    assert_eq!(store.load_session().unwrap(), None);
}

#[test]
fn a_session_without_a_version_or_with_a_byte_order_mark_loads() {
    let (_dir, store) = store();
    let path = store.root().join("session.ron");
    // As written before sessions had a version.
    fs::write(
        &path,
        "(\n    answers: {\"goal\": \"promotion\"},\n    question: \"role\",\n    editing: None,\n)\n",
    )
    .unwrap();
    let old = store.load_session().unwrap().unwrap();
    assert_eq!(old.version, 1);
    assert_eq!(old.answers, answers(&[("goal", "promotion")]));
    assert_eq!(old.question, "role");
    let mut bom = "\u{feff}".as_bytes().to_vec();
    bom.extend(fs::read(&path).unwrap());
    fs::write(&path, &bom).unwrap();
    assert_eq!(store.load_session().unwrap(), Some(old));
}

#[test]
fn a_broken_or_newer_session_is_set_aside_never_overwritten() {
    let cases: [(&[u8], &str); 5] = [
        (b"garbage", "line 1"),
        (b"", "empty"),
        (b"(answers: {\"goal\": 7}, question: \"role\")", "line 1"),
        (b"\xff\xfe(", "not UTF-8"),
        (
            b"(version: 99, answers: {}, question: \"role\")",
            "newer certwise (format 99",
        ),
    ];
    for (bytes, expect) in cases {
        let (_dir, store) = store();
        let path = store.root().join("session.ron");
        fs::write(&path, bytes).unwrap();
        let err = store.load_session().unwrap_err();
        let StoreError::Unreadable { path: at, reason } = &err else {
            panic!("{err}")
        };
        assert!(reason.contains(expect), "{expect}: {reason}");
        // Reading changes nothing; the owner sets it aside before writing its own.
        assert_eq!(at, &path);
        assert_eq!(fs::read(&path).unwrap(), bytes, "loading moves nothing");
        let moved = &store.set_aside_session().unwrap();
        assert!(!path.exists(), "moved away");
        assert!(
            moved
                .file_name()
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with("session.ron.corrupt-"),
            "{}",
            moved.display()
        );
        assert_eq!(fs::read(moved).unwrap(), bytes, "kept as it was");
        // The next answer writes a new session; the old one stays.
        store.save_session(&Session::default()).unwrap();
        assert_eq!(fs::read(moved).unwrap(), bytes);
        assert_eq!(store.load_session().unwrap(), Some(Session::default()));
    }
}

#[test]
fn a_folder_removed_while_open_is_made_again_on_save() {
    let (_dir, store) = store();
    fs::remove_dir_all(store.root()).unwrap();
    assert!(
        store.list().unwrap().is_empty(),
        "a missing folder has no plans (and listing creates nothing)"
    );
    assert!(!store.root().exists());
    let mut plan = saved("Back");
    "  Back  ".clone_into(&mut plan.name);
    plan.version = 1;
    store.save(&plan, false).unwrap();
    let loaded = store.load("Back").unwrap();
    assert_eq!(
        (loaded.version, loaded.name.as_str()),
        (store::VERSION, "Back")
    );
    let mode = fs::metadata(store.plans_dir())
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o700);
}

#[test]
fn names_that_differ_only_in_case_are_the_same_name() {
    let (_dir, store) = store();
    let file = store.save(&saved("Career changer"), false).unwrap();
    let before = fs::read(&file).unwrap();
    for replace in [false, true] {
        let err = store.save(&saved("career CHANGER"), replace).unwrap_err();
        assert!(
            matches!(&err, StoreError::SameNameInOtherCase { existing } if existing == "Career changer"),
            "{err}"
        );
        assert!(err.to_string().contains("differ only in case"), "{err}");
    }
    assert!(store.exists("career changer").unwrap());
    assert_eq!(
        store.taken_by("career changer").unwrap().as_deref(),
        Some("Career changer")
    );
    // Opening and deleting take the exact name.
    assert!(matches!(
        store.load("career changer"),
        Err(StoreError::NotFound(_))
    ));
    assert!(matches!(
        store.delete("career changer"),
        Err(StoreError::NotFound(_))
    ));
    assert!(matches!(
        store.duplicate("Career changer", "CAREER changer", at(5)),
        Err(StoreError::SameNameInOtherCase { .. })
    ));
    assert_eq!(names(&store), ["Career changer"]);
    assert_eq!(fs::read(&file).unwrap(), before);
    // A plan can change the case of its own name; not take another plan's name in other case.
    store.save(&saved("Other"), false).unwrap();
    assert!(matches!(
        store.rename("Other", "career changer", at(6)),
        Err(StoreError::SameNameInOtherCase { .. })
    ));
    store
        .rename("Career changer", "career changer", at(7))
        .unwrap();
    assert_eq!(names(&store), ["career changer", "Other"]);
}
