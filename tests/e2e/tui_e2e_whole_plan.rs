//! End-to-end tests of "show the whole plan" (issue 12): the real `certwise` in a
//! pseudo-terminal at the three sizes people use (60x18, 80x24, 120x40). The budget line and the
//! timeline notes are on screen; a status message never runs into the title.
//!
//! Each step waits for the next screen's own text before pressing the next key.

#![cfg(unix)]
#![allow(clippy::unwrap_used)]

use crate::support;
use crate::tui_e2e_saving::{OPEN_SAVED, words};

use std::collections::BTreeMap;

use certwise::interview::Answers;
use certwise::store::SavedPlan;
use support::pty::Key;
use support::tui::{BIN, Home, Tui, kb, plan_view, row_text, squash};

/// Slow hours, no budget and no platform: the plan has five timeline notes ("runs 44 weeks",
/// "progress is slow", a course boxed at 12 weeks, ...) and a budget line.
const ANSWERS: &[(&str, &str)] = &[
    ("goal", "get-into-ai"),
    ("hours_per_week", "2"),
    ("budget_usd", "0"),
];

/// Saves the plan the engine makes from [`ANSWERS`] under `name`.
fn seed(home: &Home, name: &str) {
    let mut given = Answers::new();
    for (id, value) in ANSWERS {
        given.set(kb(), id, value).unwrap();
    }
    let plan = certwise::advisor::plan(kb(), &given).unwrap();
    let saved = SavedPlan::new(name, given, plan, jiff::Timestamp::now());
    home.store().save(&saved, false).unwrap();
}

/// What `certwise plan --format json` says under the timeline for [`ANSWERS`]: each note as
/// "Note: ...", then "Budget: ...".
fn cli_notes(home: &Home) -> Vec<String> {
    let mut cmd = home.command(BIN);
    cmd.args(["plan", "--format", "json"]);
    for (id, value) in ANSWERS {
        cmd.arg("--answer").arg(format!("{id}={value}"));
    }
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut notes: Vec<String> = json["timeline_notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| format!("Note: {}", n.as_str().unwrap()))
        .collect();
    assert!(notes.len() >= 3, "too few notes to test with: {notes:?}");
    notes.push(format!(
        "Budget: {}",
        json["budget"]["note"].as_str().unwrap()
    ));
    notes
}

/// The plan screen's detail pane: its text rows and, when it is cut off, how many lines are
/// above its first row (read from its "↑ N more above" / "↓ N more below" marker row).
struct Pane {
    rows: Vec<String>,
    above: usize,
    below: usize,
}

/// Reads the detail pane showing the timeline (its tab row names "Timeline"); `None` until the
/// whole frame is drawn.
fn timeline_pane(s: &vt100::Screen) -> Option<Pane> {
    let rows: Vec<Vec<char>> = (0..crate::support::pty::grid(s).0)
        .map(|r| row_text(s, r).chars().collect())
        .collect();
    if !rows.last()?.iter().collect::<String>().contains("Tab pane") {
        return None;
    }
    let top = rows.iter().rposition(|r| {
        let text: String = r.iter().collect();
        text.trim_start().starts_with("┌─") && text.contains("Timeline")
    })?;
    let left = rows[top].iter().position(|c| *c == '┌')?;
    let right = rows[top].iter().position(|c| *c == '┐')?;
    let mut inner = Vec::new();
    for row in &rows[top + 1..] {
        if row.get(left) == Some(&'└') {
            break;
        }
        inner.push(
            row.get(left + 1..right.min(row.len()))
                .unwrap_or_default()
                .iter()
                .collect::<String>(),
        );
    }
    let number = |text: &str, after: char| -> Option<usize> {
        let rest = &text[text.find(after)? + after.len_utf8()..];
        rest.split_whitespace().next()?.parse().ok()
    };
    let marker = inner
        .last()
        .filter(|r| r.contains("more above") || r.contains("more below"))
        .cloned();
    match marker {
        Some(m) => {
            inner.pop();
            Some(Pane {
                rows: inner,
                above: number(&m, '↑').unwrap_or(0),
                below: number(&m, '↓').unwrap_or(0),
            })
        }
        None => Some(Pane {
            rows: inner,
            above: 0,
            below: 0,
        }),
    }
}

/// On the plan screen: the Timeline pane, End, then a page up at a time until every one of
/// `notes` has been seen whole (however wrapped). Returns the lines read, by line number.
fn read_notes(tui: &mut Tui, notes: &[String]) -> BTreeMap<usize, String> {
    for _ in 0..3 {
        tui.send_key(Key::Tab);
    }
    tui.wait("the timeline pane", |s| {
        timeline_pane(s).is_some_and(|p| p.rows.iter().any(|r| r.starts_with("[ ]")))
    });
    tui.send_key(Key::End);
    let mut pane = tui.check("the end of the timeline", |s| {
        timeline_pane(s)
            .filter(|p| p.below == 0)
            .ok_or("not at the end".to_owned())
    });
    // At the end, the lines above and the rows shown are all the lines there are.
    let total = pane.above + pane.rows.len();
    let mut lines: BTreeMap<usize, String> = BTreeMap::new();
    loop {
        assert_eq!(
            pane.above + pane.rows.len() + pane.below,
            total,
            "the scroll marker miscounts:\n{}",
            tui.screen_dump()
        );
        for (i, row) in pane.rows.iter().enumerate() {
            let row = row.trim_end().to_owned();
            // Pages overlap by a line: where they do, the marker's numbers put it in one place.
            if let Some(seen) = lines.insert(pane.above + i, row.clone()) {
                assert_eq!(seen, row, "line {} read twice, differently", pane.above + i);
            }
        }
        let text = squash(&lines.values().cloned().collect::<Vec<_>>().join(" "));
        if notes.iter().all(|n| text.contains(&squash(n))) || pane.above == 0 {
            return lines;
        }
        let was = pane.above;
        tui.send_key(Key::PageUp);
        pane = tui.check("a page up in the timeline", |s| {
            timeline_pane(s)
                .filter(|p| p.above < was)
                .ok_or("not scrolled up yet".to_owned())
        });
    }
}

/// At each size: the plan opened from Saved plans, its Timeline pane scrolled to the end, shows
/// the budget line and every note the CLI prints for the same answers, whole and each on a line
/// of its own, and the pane's marker counts the lines it hides.
///
/// Catches a note or the budget line missing from the screen (issue 12: they existed only in
/// the CLI), a note cut short by the pane, and a scroll marker that miscounts (the lines read
/// page by page would not join up).
#[test]
fn the_budget_line_and_the_timeline_notes_are_on_screen_at_every_size() {
    let home = Home::new();
    seed(&home, "slow and steady");
    let notes = cli_notes(&home);
    for (cols, rows) in [(60, 18), (80, 24), (120, 40)] {
        let mut tui = home.launch_sized(cols, rows);
        tui.choose(OPEN_SAVED);
        tui.expect_highlight("slow and steady");
        tui.send_key(Key::Enter);
        tui.check("the plan screen", plan_view);
        let lines = read_notes(&mut tui, &notes);
        // The lines read join up: consecutive line numbers from the first read to the last.
        let first = *lines.keys().next().unwrap();
        assert_eq!(
            lines.keys().copied().collect::<Vec<_>>(),
            (first..first + lines.len()).collect::<Vec<_>>(),
            "at {cols}x{rows}: the pages read do not join up"
        );
        let text: Vec<String> = lines.values().cloned().collect();
        let joined = squash(&text.join(" "));
        for note in &notes {
            assert!(
                joined.contains(&squash(note)),
                "at {cols}x{rows}: {note:?} is not on screen whole:\n{}",
                text.join("\n")
            );
            let head: String = note
                .split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                text.iter().any(|l| words(l).starts_with(&head)),
                "at {cols}x{rows}: no line starts with {head:?}:\n{}",
                text.join("\n")
            );
        }
        // The budget line is the last line of the pane.
        assert!(
            squash(&text.join(" ")).ends_with(&squash(notes.last().unwrap())),
            "at {cols}x{rows}: the budget is not last:\n{}",
            text.join("\n")
        );
        tui.quit();
    }
}

/// At 60x18: a status message longer than half the title row ("Saved "<a long name>".") takes
/// the footer's place, whole, and leaves the title row as it was; a short one shows on the
/// title row's right, beside the screen's name.
///
/// Catches a message drawn over the title (issue 12: "status messages run into the title at 60
/// columns") and one cut short in the footer.
#[test]
fn a_long_status_message_at_60_columns_leaves_the_title_row_alone() {
    let home = Home::new();
    seed(&home, "ab");
    let mut tui = home.launch_sized(60, 18);
    tui.choose(OPEN_SAVED);
    tui.expect_highlight("ab");
    tui.send_key(Key::Enter);
    tui.expect_title("Your plan · ab");
    tui.check("the plan screen", plan_view);

    // Typing over the suggested name replaces it.
    let long = "A rather long plan name for the sixty column check";
    tui.send_key(Key::Char('s'));
    assert_eq!(tui.expect_name_dialog("Save plan as"), "ab");
    tui.type_name(long, long);
    tui.send_key(Key::Enter);
    let message = format!("Saved \"{long}\".");
    tui.check("the long message in the footer's place", |s| {
        let rows = crate::support::pty::grid(s).0;
        let bottom = words(&format!(
            "{} {}",
            row_text(s, rows - 2),
            row_text(s, rows - 1)
        ));
        let title = row_text(s, 0);
        if !bottom.contains(&message) {
            return Err(format!("the bottom rows read {bottom:?}"));
        }
        if !title.starts_with(" certwise · Your plan · A rather long") || title.contains("Saved")
        {
            return Err(format!("the title row reads {title:?}"));
        }
        Ok(())
    });
    assert_eq!(
        home.saved_names(),
        ["A rather long plan name for the sixty column check", "ab"]
    );

    // The next key puts the footer back; a short message shows on the title row.
    tui.send_key(Key::Char('s'));
    tui.expect_name_dialog("Save plan as");
    tui.type_name("cd", "cd");
    tui.send_key(Key::Enter);
    tui.check("the short message on the title row", |s| {
        let title = row_text(s, 0);
        let footer = row_text(s, crate::support::pty::grid(s).0 - 1);
        if !(title.starts_with(" certwise · Your plan · cd") && title.ends_with("Saved \"cd\"."))
        {
            return Err(format!("the title row reads {title:?}"));
        }
        if !footer.contains("Tab pane") {
            return Err(format!("the footer reads {footer:?}"));
        }
        Ok(())
    });
    tui.quit();
}
