//! One definition of progress: steps of the timeline and milestones of projects, ticked in the
//! session or with `certwise plans progress`, counted the same by the ranking, Saved plans,
//! `plans list`, `plans show` and the Markdown.
#![allow(clippy::unwrap_used)]

use std::process::Command;

use certwise::advisor::Plan;
use certwise::progress::{self, Item, Marks, Progress};
use certwise::tui::action::Action;
use certwise::tui::app::{App, Screen, WelcomeItem};
use certwise::tui::screen::plan::Pane;
use certwise::tui::theme::Theme;

use crate::advisor_invariants::{persona, plan_of};
use crate::support::{kb, screen_text};

/// A plan whose first project has milestones: a career changer's.
fn with_milestones() -> (Plan, usize) {
    for i in 0..200 {
        let p = plan_of(&persona(i));
        if let Some(s) = p.timeline.iter().position(|s| s.milestones.len() >= 2) {
            return (p, s);
        }
    }
    panic!("no persona gets a project with milestones");
}

#[test]
fn ticking_milestones_carries_their_step_along() {
    let (plan, s) = with_milestones();
    let n = plan.timeline[s].milestones.len();
    let mut marks = Marks::new();
    // The first milestone started: the step is started too.
    progress::tick(&plan, &mut marks, Item::Milestone(s, 0));
    assert_eq!(
        progress::of(&plan, &marks, Item::Milestone(s, 0)),
        Progress::Doing
    );
    assert_eq!(progress::of(&plan, &marks, Item::Step(s)), Progress::Doing);
    // Every milestone done: the step is done.
    for m in 0..n {
        progress::set(&plan, &mut marks, Item::Milestone(s, m), Progress::Done);
    }
    assert_eq!(progress::of(&plan, &marks, Item::Step(s)), Progress::Done);
    let c = progress::counts(&plan, &marks);
    assert_eq!((c.done, c.milestones_done), (1, n));
    // One undone again: the step is reopened, not left done.
    progress::set(&plan, &mut marks, Item::Milestone(s, 1), Progress::Todo);
    assert_eq!(progress::of(&plan, &marks, Item::Step(s)), Progress::Doing);
    // Nothing else moved, and a mark back to todo leaves no key behind.
    assert!(
        marks
            .keys()
            .all(|k| k.starts_with(progress::step_key(&plan.timeline[s])))
    );
    assert!(!marks.contains_key(&progress::milestone_key(&plan.timeline[s], 1)));
}

#[test]
fn marks_by_catalog_id_move_to_the_steps_and_marks_of_nothing_go() {
    let (plan, s) = with_milestones();
    let step = &plan.timeline[s];
    assert_ne!(step.key, step.id, "a project step is keyed by its brief");
    let mut old = Marks::new();
    old.insert(step.id.clone(), Progress::Done);
    old.insert("gone-from-the-plan".to_owned(), Progress::Doing);
    let carried = progress::carried(&plan, &old);
    for (i, st) in plan.timeline.iter().enumerate() {
        let expected = if st.id == step.id {
            Progress::Done
        } else {
            Progress::Todo
        };
        assert_eq!(
            progress::of(&plan, &carried, Item::Step(i)),
            expected,
            "{}",
            st.key
        );
    }
    assert!(!carried.contains_key("gone-from-the-plan"));
    // A step's own mark wins over its entry's.
    let mut both = old.clone();
    both.insert(step.key.clone(), Progress::Doing);
    let carried = progress::carried(&plan, &both);
    assert_eq!(
        progress::of(&plan, &carried, Item::Step(s)),
        Progress::Doing
    );
}

#[test]
fn steps_are_read_by_number_milestone_or_key_strictly() {
    let (plan, s) = with_milestones();
    let n = plan.timeline.len();
    let key = progress::step_key(&plan.timeline[s]).to_owned();
    assert_eq!(progress::parse_item(&plan, "1"), Ok(Item::Step(0)));
    assert_eq!(
        progress::parse_item(&plan, &n.to_string()),
        Ok(Item::Step(n - 1))
    );
    assert_eq!(
        progress::parse_item(&plan, &format!("{}.2", s + 1)),
        Ok(Item::Milestone(s, 1))
    );
    assert_eq!(progress::parse_item(&plan, &key), Ok(Item::Step(s)));
    assert_eq!(
        progress::parse_item(&plan, &format!("{key}.1")),
        Ok(Item::Milestone(s, 0))
    );
    for bad in [
        "0",
        "01",
        "+1",
        "",
        &(n + 1).to_string(),
        &format!("{}.0", s + 1),
        "nope",
    ] {
        let e = progress::parse_item(&plan, bad).unwrap_err();
        assert!(!e.contains('\n'), "{e}");
    }
}

#[test]
fn counts_hold_over_many_people_and_any_ticks() {
    for i in (0..600).step_by(7) {
        let plan = plan_of(&persona(i));
        let items = progress::items(&plan);
        let mut marks = Marks::new();
        // A deterministic scatter of ticks.
        for (j, item) in items.iter().enumerate() {
            for _ in 0..((i + j * 3) % 4) {
                progress::tick(&plan, &mut marks, *item);
            }
        }
        let c = progress::counts(&plan, &marks);
        assert_eq!(c.total, plan.timeline.len(), "persona {i}");
        assert!(c.done + c.doing <= c.total, "persona {i}: {c:?}");
        assert!(
            c.milestones_done <= c.milestones_total,
            "persona {i}: {c:?}"
        );
        // Every key names an item of this plan.
        let keys: Vec<String> = items
            .iter()
            .filter_map(|it| progress::key(&plan, *it))
            .collect();
        assert!(
            marks.keys().all(|k| keys.contains(k)),
            "persona {i}: {marks:?}"
        );
        // Each project whose milestones are all done is done.
        for (s, st) in plan.timeline.iter().enumerate() {
            if !st.milestones.is_empty()
                && (0..st.milestones.len())
                    .all(|m| progress::of(&plan, &marks, Item::Milestone(s, m)) == Progress::Done)
            {
                assert_eq!(progress::of(&plan, &marks, Item::Step(s)), Progress::Done);
            }
        }
        // Keys are unique within a plan, so no two steps share a checkbox.
        let mut sorted = keys.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), keys.len(), "persona {i}: shared keys");
    }
}

fn app_at_timeline(store: certwise::store::Store) -> App {
    let mut a = App::new(kb(), Theme::new(false), 80, 24).with_store(store, false);
    a.update(Action::Select);
    while a.screen() == Screen::Interview {
        a.update(Action::Forward);
    }
    a.update(Action::ShowPlan);
    a.update(Action::Select);
    assert_eq!(a.screen(), Screen::Plan);
    while a.screens().plan.pane != Pane::Timeline {
        a.update(Action::NextPane);
    }
    a
}

#[test]
fn the_timeline_ticks_steps_and_milestones_and_every_view_counts_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let store = certwise::store::Store::open(data.clone()).unwrap();
    let mut a = app_at_timeline(store);
    let plan = a.plan().unwrap().clone();
    let items = progress::items(&plan);
    let Some(first_milestone) = items.iter().position(|i| matches!(i, Item::Milestone(..))) else {
        panic!(
            "the default plan has a project with milestones: {:?}",
            plan.timeline
        )
    };
    // Down to the first milestone, tick it done (two presses), and the first step done too.
    a.update(Action::Home);
    a.update(Action::ToggleProgress);
    a.update(Action::ToggleProgress);
    for _ in 0..first_milestone {
        a.update(Action::Down);
    }
    assert_eq!(a.screens().plan.item, first_milestone);
    a.update(Action::ToggleProgress);
    a.update(Action::ToggleProgress);
    let Item::Milestone(s, 0) = items[first_milestone] else {
        unreachable!()
    };
    let marks = a.progress().clone();
    assert_eq!(progress::of(&plan, &marks, Item::Step(0)), Progress::Done);
    assert_eq!(
        progress::of(&plan, &marks, Item::Milestone(s, 0)),
        Progress::Done
    );
    assert_eq!(
        progress::of(&plan, &marks, Item::Step(s)),
        Progress::Doing,
        "the step started"
    );
    let counts = progress::counts(&plan, &marks);
    // On screen: the marks on the timeline and the same counts on the ranking's title.
    let shown = screen_text(&a);
    assert!(shown.contains("[x]"), "{shown}");
    assert!(shown.contains(&counts.text()), "{shown}");

    // Saved: the Saved plans list, `plans list` and `plans show` say the same.
    a.update(Action::OpenSave);
    a.update(Action::Select);
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_certwise"))
            .arg("--data-dir")
            .arg(&data)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let listed = run(&["plans", "list"]);
    assert!(listed.contains(&counts.short()), "{listed}");
    let name: Vec<String> = certwise::store::Store::at(data.clone())
        .list()
        .unwrap()
        .into_iter()
        .filter_map(|l| match l {
            certwise::store::Listing::Plan { plan, .. } => Some(plan.name),
            certwise::store::Listing::Unreadable { .. } => None,
        })
        .collect();
    let shown = run(&["plans", "show", &name[0]]);
    assert!(shown.contains(&counts.text()), "{shown}");
    let markdown = run(&["plans", "show", &name[0], "--format", "markdown"]);
    assert!(
        markdown.contains(&format!("{}.\n", counts.text())),
        "{markdown}"
    );
    assert!(
        markdown.contains(&format!("- [x] {}.1. ", s + 1)),
        "{markdown}"
    );
    // The Saved plans screen.
    a.update(Action::GoHome);
    crate::support::choose_on_welcome(&mut a, WelcomeItem::OpenSaved);
    assert_eq!(a.screen(), Screen::Saved);
    assert!(
        screen_text(&a).contains(&counts.short()),
        "{}",
        screen_text(&a)
    );

    // From the command line, the next step; the session reopening it sees it.
    let out = run(&["plans", "progress", &name[0], "2", "done"]);
    assert!(out.contains(&format!("{} of", counts.done + 1)), "{out}");
}

#[test]
fn plans_progress_refuses_bad_input_with_exit_2_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_certwise"))
            .arg("--data-dir")
            .arg(&data)
            .args(args)
            .output()
            .unwrap()
    };
    assert!(
        run(&["plan", "--answer", "role=student", "--save", "mine"])
            .status
            .success()
    );
    let file = std::fs::read_dir(data.join("plans"))
        .unwrap()
        .flatten()
        .next()
        .unwrap()
        .path();
    let before = std::fs::read(&file).unwrap();
    for (args, says) in [
        (
            vec!["plans", "progress", "mine", "1", "finished"],
            "unknown state",
        ),
        (
            vec!["plans", "progress", "mine", "99", "done"],
            "no step \"99\"",
        ),
        (vec!["plans", "progress", "mine", "1.99", "done"], "step 1"),
        (vec!["plans", "progress", "mine", "+1", "done"], "no step"),
        (
            vec!["plans", "progress", "other", "1", "done"],
            "no saved plan named",
        ),
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert_eq!(
            std::fs::read(&file).unwrap(),
            before,
            "{args:?} changed the file"
        );
    }
}

#[test]
fn a_step_and_its_milestones_always_agree() {
    let (plan, s) = with_milestones();
    let n = plan.timeline[s].milestones.len();
    let mut marks = Marks::new();
    // A step marked done has every milestone done.
    progress::set(&plan, &mut marks, Item::Step(s), Progress::Done);
    for m in 0..n {
        assert_eq!(
            progress::of(&plan, &marks, Item::Milestone(s, m)),
            Progress::Done
        );
    }
    let c = progress::counts(&plan, &marks);
    assert_eq!((c.done, c.milestones_done), (1, n));
    // Taking one milestone back reopens the step, and only that milestone changes.
    progress::set(&plan, &mut marks, Item::Milestone(s, 0), Progress::Todo);
    assert_eq!(progress::of(&plan, &marks, Item::Step(s)), Progress::Doing);
    assert_eq!(progress::counts(&plan, &marks).milestones_done, n - 1);
    // A step marked to do clears its milestones; "doing" leaves them as they are.
    progress::set(&plan, &mut marks, Item::Step(s), Progress::Doing);
    assert_eq!(progress::counts(&plan, &marks).milestones_done, n - 1);
    progress::set(&plan, &mut marks, Item::Step(s), Progress::Todo);
    assert_eq!(progress::counts(&plan, &marks).milestones_done, 0);
    assert!(marks.is_empty(), "{marks:?}");
}
