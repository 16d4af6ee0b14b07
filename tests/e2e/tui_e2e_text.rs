//! End-to-end tests of typing and pasting into text fields (issues 10 and 12): the real binary
//! in a pseudo-terminal, with the bytes arriving as a terminal sends them.

#![cfg(unix)]
#![allow(clippy::unwrap_used)]

use crate::support;

use support::pty::Key;
use support::tui::{T, Tui};

const EVALUATE: &str = "Evaluate any certification";

/// A paste of 3,000 characters, with Enter in the same burst of bytes, into the evaluation's
/// name: the name keeps its first 80 characters, says so, and the Enter evaluates. With
/// crossterm's edge-triggered reader (before certwise read the keyboard itself), the first 1 KiB
/// was read and the rest (the Enter with it) waited in the terminal until another key came.
#[test]
fn a_long_paste_then_enter_evaluates_with_the_name_cut_to_its_limit() {
    let mut tui = Tui::start();
    tui.choose(EVALUATE);
    tui.expect_title("Evaluate a certification");
    let pasted: String = "Certification".chars().cycle().take(3_000).collect();
    tui.send_text(&format!("{pasted}\r"));
    // The result shows the name as kept: its first 80 characters.
    let kept: String = pasted.chars().take(80).collect();
    tui.expect_all(&["The five questions", &kept[..60]]);
    assert!(
        !tui.screen_text().contains(&pasted[..81]),
        "{}",
        tui.screen_dump()
    );
    tui.send_key(Key::Esc);
    tui.expect("Provider known and verified?", T);
    tui.send_key(Key::Esc);
    tui.expect_welcome();
    tui.quit();
}

/// The same paste without an Enter, then a key typed after it: the message about the cut shows,
/// and every key after the paste is taken at once.
#[test]
fn a_long_paste_says_it_was_cut_and_the_next_keys_work() {
    let mut tui = Tui::start();
    tui.choose(EVALUATE);
    tui.expect_title("Evaluate a certification");
    let pasted = "x".repeat(5_000);
    tui.send_text(&pasted);
    tui.expect("only 80 characters", T);
    // Ctrl-U clears the field; the form is then as before the paste.
    tui.send_key(Key::Ctrl('u'));
    tui.expect_gone("xxxxxxxxxx");
    tui.send_key(Key::Enter);
    tui.expect("! Name: type the certification's name.", T);
    tui.send_key(Key::Esc);
    tui.expect_welcome();
    tui.quit();
}

/// The keyboard as certwise reads it (`tui::input`): a key sequence cut between two writes is one
/// key, a lone Esc is Esc at once, and Esc then `[` typed together with nothing after is an Esc
/// and a `[`, not a sequence left waiting for ever.
#[test]
fn cut_sequences_are_whole_keys_and_a_lone_esc_is_not_kept_waiting() {
    let mut tui = Tui::start();
    tui.expect_highlight("Start a new plan");
    // Down, as ESC [ then B 20 ms later (a slow link cutting the sequence).
    tui.send(b"\x1b[");
    std::thread::sleep(std::time::Duration::from_millis(20));
    tui.send(b"B");
    tui.expect_highlight("Open a saved plan");

    // Into the catalog's search, where Esc ends the search: a lone Esc acts at once.
    tui.send_keys(&[Key::Down, Key::Enter]);
    tui.expect_title("Certification catalog");
    tui.send_text("/");
    tui.expect("search:", T);
    tui.send(b"\x1b");
    tui.wait("the search ended by a lone Esc", |s| {
        !s.contents().contains("search:")
    });

    // Esc and `[` in one write, nothing after: after the short wait, Esc leaves the catalog
    // (and `[` alone does nothing on the welcome screen).
    tui.send(b"\x1b[");
    tui.expect_highlight("Browse the certification catalog");
    assert!(tui.is_running());
    tui.quit();
}
