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
        (0..crate::support::pty::grid(s).0).any(|row| {
            let text = s.contents_between(row, 0, row, crate::support::pty::grid(s).1);
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

/// The pid of the certwise started with this data folder (a child of the test's shell).
fn certwise_pid(data: &std::path::Path) -> String {
    let wanted = data.to_str().unwrap();
    for _ in 0..200 {
        for entry in std::fs::read_dir("/proc").unwrap().flatten() {
            let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else {
                continue;
            };
            let args: Vec<&[u8]> = cmdline.split(|&b| b == 0).collect();
            if args.contains(&wanted.as_bytes())
                && args.first().is_some_and(|a| a.ends_with(b"certwise"))
            {
                return entry.file_name().into_string().unwrap();
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("no certwise running with {wanted}");
}

#[test]
fn an_outside_sigtstp_suspends_like_ctrl_z_and_sigcont_redraws() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
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
    sh.send_key(Key::Enter);
    sh.wait_for("Question 1 of", T).unwrap();
    sh.send_key(Key::Down);
    let pid = certwise_pid(&data);
    // `kill -TSTP` from another terminal, as a person or a tool would.
    let sent = std::process::Command::new("kill")
        .args(["-s", "TSTP", &pid])
        .status()
        .unwrap();
    assert!(sent.success());
    sh.wait_until("the shell's prompt after the stop", T, |s| {
        !s.alternate_screen() && s.contents().contains("Stopped")
    })
    .unwrap();
    assert!(!sh.cursor_hidden(), "cursor shown while stopped");
    sh.send_text("fg\r");
    sh.wait_until("the interview redrawn after fg", T, |s| {
        s.alternate_screen() && s.contents().contains("Question 1 of")
    })
    .unwrap();
    let termios = sh.termios().unwrap();
    assert!(
        !termios.canonical() && !termios.echo(),
        "raw mode again after fg: {termios:?}"
    );
    // Keys work again: the interview goes on.
    sh.send_key(Key::Enter);
    sh.wait_for("Question 2 of", T).unwrap();

    // A SIGSTOP (which cannot be caught), then `fg` (SIGCONT): the screen is redrawn.
    let sent = std::process::Command::new("kill")
        .args(["-s", "STOP", &pid])
        .status()
        .unwrap();
    assert!(sent.success());
    // Nothing restores the terminal on a SIGSTOP: the shell writes over the session's screen.
    sh.wait_until("the prompt after SIGSTOP", T, |s| {
        s.contents().contains("Stopped") && s.contents().contains("PROMPT$")
    })
    .unwrap();
    sh.send_text("fg\r");
    sh.wait_until("the interview redrawn after SIGCONT", T, |s| {
        s.alternate_screen()
            && s.contents().contains("Question 2 of")
            && !s.contents().contains("Stopped")
    })
    .unwrap();
    sh.send_key(Key::Ctrl('c'));
    sh.wait_until("the prompt after quitting", T, |s| {
        !s.alternate_screen() && s.contents().matches("PROMPT$").count() >= 2
    })
    .unwrap();
}
