//! Ctrl-Z in a real job-control shell: certwise gives the terminal back and stops; `fg` brings
//! it back with the screen redrawn and the session as it was.

#![cfg(unix)]
#![allow(clippy::unwrap_used)]

use crate::support;

use support::pty::{Key, Session};
use support::tui::{BIN, T, WELCOME};

#[test]
fn ctrl_z_suspends_and_fg_brings_the_screen_back() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    // An interactive bash does job control, as a person's shell does: the stop is not ignored.
    let mut sh = Session::builder("bash")
        .args(&["--norc", "--noprofile", "-i"])
        .env("HOME", home.path())
        .env("PS1", "PROMPT$ ")
        .env("TERM", "xterm-256color")
        .env("NO_COLOR", "1")
        .size(80, 24)
        .spawn();
    sh.wait_for("PROMPT$", T).unwrap();
    sh.send_text(&format!("{BIN} --data-dir {}\r", data.display()));
    sh.wait_for(WELCOME, T).unwrap();
    // Move into the interview so there is state to keep.
    sh.send_key(Key::Enter);
    sh.wait_for("Question 1 of", T).unwrap();
    sh.send_key(Key::Down);
    sh.send_key(Key::Ctrl('z'));
    sh.wait_until("the shell's prompt after the stop", T, |s| {
        !s.alternate_screen() && s.contents().contains("Stopped")
    })
    .unwrap();
    // (The termios now is bash's own line editor's; certwise's restore is seen in the screen.)
    assert!(!sh.cursor_hidden(), "cursor shown while stopped");
    sh.send_text("fg\r");
    sh.wait_until("the interview redrawn after fg", T, |s| {
        s.alternate_screen() && s.contents().contains("Question 1 of")
    })
    .unwrap();
    // The highlight is where it was: the second option is the selected one (reverse video).
    let second_selected = sh.with_screen(|s| {
        (0..s.size().0).any(|row| {
            let text = s.contents_between(row, 0, row, s.size().1);
            text.contains("2 Get promoted") && s.cell(row, 3).is_some_and(vt100::Cell::inverse)
        })
    });
    assert!(second_selected, "{}", sh.screen_dump());
    let termios = sh.termios().unwrap();
    assert!(
        !termios.canonical() && !termios.echo(),
        "raw mode again after fg: {termios:?}"
    );
    sh.send_key(Key::Ctrl('c'));
    sh.wait_until("the prompt after quitting", T, |s| {
        !s.alternate_screen() && s.contents().matches("PROMPT$").count() >= 2
    })
    .unwrap();
}
