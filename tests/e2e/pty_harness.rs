//! Self-test of the PTY harness in `tests/support/pty.rs`, run against
//! standard programs (`sh`, `bash`, `sleep`, `less`) rather than certwise, so
//! it proves the harness independently of the app.

#![cfg(unix)]
#![allow(clippy::unwrap_used)]

use crate::support;

use std::io::Write as _;
use std::time::Duration;

use support::pty::{Key, Session, Signal};

const T: Duration = Duration::from_secs(10);

fn have(program: &str) -> bool {
    std::process::Command::new("sh")
        .args(["-c", &format!("command -v {program} >/dev/null 2>&1")])
        .status()
        .is_ok_and(|s| s.success())
}

/// Interactive bash with no rc files and a recognisable prompt.
fn bash() -> Session {
    Session::spawn(
        "bash",
        &["--norc", "--noprofile", "-i"],
        &[("PS1", "PROMPT$ "), ("HISTFILE", "/dev/null")],
        80,
        24,
    )
}

fn rows_equal(screen: &vt100::Screen, text: &str) -> usize {
    let (_, cols) = crate::support::pty::grid(screen);
    screen
        .rows(0, cols)
        .filter(|r| r.trim_end() == text)
        .count()
}

#[test]
fn key_encodings_match_xterm() {
    assert_eq!(Key::Up.to_bytes(false), b"\x1b[A");
    assert_eq!(Key::Up.to_bytes(true), b"\x1bOA");
    assert_eq!(Key::Home.to_bytes(false), b"\x1b[H");
    assert_eq!(Key::End.to_bytes(true), b"\x1bOF");
    assert_eq!(Key::Enter.to_bytes(false), b"\r");
    assert_eq!(Key::Esc.to_bytes(false), b"\x1b");
    assert_eq!(Key::Tab.to_bytes(false), b"\t");
    assert_eq!(Key::BackTab.to_bytes(false), b"\x1b[Z");
    assert_eq!(Key::Backspace.to_bytes(false), b"\x7f");
    assert_eq!(Key::PageUp.to_bytes(false), b"\x1b[5~");
    assert_eq!(Key::PageDown.to_bytes(false), b"\x1b[6~");
    assert_eq!(Key::F(1).to_bytes(false), b"\x1bOP");
    assert_eq!(Key::F(5).to_bytes(false), b"\x1b[15~");
    assert_eq!(Key::Char('é').to_bytes(false), "é".as_bytes());
    assert_eq!(Key::Ctrl('c').to_bytes(false), b"\x03");
    assert_eq!(Key::Ctrl('C').to_bytes(false), b"\x03");
    assert_eq!(Key::Ctrl('[').to_bytes(false), b"\x1b");
    assert_eq!(Key::Alt('x').to_bytes(false), b"\x1bx");
}

/// The bytes that actually reach the program through the tty, captured raw.
#[test]
fn keys_reach_the_program_as_xterm_bytes() {
    let keys = [
        Key::Up,
        Key::F(1),
        Key::BackTab,
        Key::Ctrl('c'),
        Key::Char('é'),
        Key::PageDown,
    ];
    let n: usize = keys.iter().map(|k| k.to_bytes(false).len()).sum();
    let script = format!(
        "stty raw -echo; printf 'READY\\r\\n'; \
         b=$(dd bs=1 count={n} 2>/dev/null | od -An -tx1); stty sane; \
         echo BYTES:$b:END"
    );
    let mut s = Session::spawn("sh", &["-c", &script], &[], 80, 24);
    s.expect("READY", T); // raw mode is on now, so ^C is a byte, not SIGINT
    s.send_keys(&keys);
    let screen = s.expect(":END", T);
    let got = screen
        .split("BYTES:")
        .nth(1)
        .unwrap()
        .split(":END")
        .next()
        .unwrap();
    assert_eq!(
        got.trim(),
        "1b 5b 41 1b 4f 50 1b 5b 5a 03 c3 a9 1b 5b 36 7e"
    );
    assert!(s.wait_exit(T).unwrap().success());
}

#[test]
fn interactive_bash_line_editing_history_and_ctrl_c() {
    let mut s = bash();
    s.expect("PROMPT$", T);

    s.send_text("echo abc");
    s.send_keys(&[Key::Left, Key::Left, Key::Char('X'), Key::Enter]);
    s.wait_until("a row reading exactly aXbc", T, |sc| {
        rows_equal(sc, "aXbc") == 1
    })
    .unwrap();

    // History recall with Up.
    s.send_keys(&[Key::Up, Key::Enter]);
    s.wait_until("aXbc printed twice", T, |sc| rows_equal(sc, "aXbc") == 2)
        .unwrap();

    // ^C interrupts a foreground job (tty is cooked with ISIG while it runs).
    s.send_text("sleep 30; echo not-interrupted\r");
    std::thread::sleep(Duration::from_millis(300));
    s.send_key(Key::Ctrl('c'));
    s.send_text("echo after-$((40+2))\r");
    s.wait_until("after-42 output", T, |sc| rows_equal(sc, "after-42") == 1)
        .unwrap();
    assert!(!s.screen_text().contains("\nnot-interrupted"));

    s.send_text("exit 3\r");
    assert_eq!(s.wait_exit(T).unwrap().exit_code(), 3);
}

#[test]
fn wait_for_times_out_with_the_screen_in_the_message() {
    let s = Session::spawn("sh", &["-c", "echo visible-text; sleep 5"], &[], 40, 5);
    s.expect("visible-text", T);
    let err = s
        .wait_for("never-appears", Duration::from_millis(200))
        .unwrap_err();
    assert!(
        err.contains("never-appears") && err.contains("timed out"),
        "{err}"
    );
    assert!(err.contains("  0|visible-text"), "{err}");
}

#[test]
fn wait_for_fails_fast_when_the_program_exits() {
    let s = Session::spawn("sh", &["-c", "echo bye"], &[], 40, 5);
    let start = std::time::Instant::now();
    let err = s.wait_for("never-appears", T).unwrap_err();
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "took {:?}",
        start.elapsed()
    );
    assert!(err.contains("output ended") && err.contains("bye"), "{err}");
}

#[test]
fn resize_updates_pty_size_and_delivers_sigwinch() {
    let script = "trap 'echo WINCH $(stty size)' WINCH; stty size; echo ready; \
                  while :; do sleep 0.05; done";
    let mut s = Session::spawn("bash", &["-c", script], &[], 80, 24);
    s.expect("24 80", T);
    s.expect("ready", T);
    s.resize(100, 30);
    assert_eq!(s.size(), (100, 30));
    s.expect("WINCH 30 100", T);
    s.kill_with(Signal::Kill);
    assert!(s.wait_exit(T).is_some());
}

#[test]
fn cursor_position_and_device_attribute_queries_are_answered() {
    // Move to row 3, col 7 (1-based), ask ESC[6n, then DA1 ESC[c.
    let script = r#"stty raw -echo
printf '\033[3;7H\033[6n'; IFS= read -r -d R cpr
printf '\033[c'; IFS= read -r -d c da
stty sane
printf '\r\nCPR:%s DA:%s END\n' "${cpr#*[}" "${da#*[}""#;
    let s = Session::spawn("bash", &["-c", script], &[], 80, 24);
    s.expect("CPR:3;7 DA:?1;2 END", T);
    assert_eq!(s.queries_answered(), 2);
    assert!(s.wait_exit(T).unwrap().success());
}

#[test]
fn sigterm_runs_the_programs_handler() {
    let script = "trap 'echo got-TERM; exit 7' TERM; echo ready; while :; do sleep 0.05; done";
    let s = Session::spawn("sh", &["-c", script], &[], 80, 24);
    s.expect("ready", T);
    s.kill_with(Signal::Term);
    let status = s.wait_exit(T).expect("exit after SIGTERM");
    assert_eq!(status.exit_code(), 7);
    assert!(s.screen_text().contains("got-TERM"));
}

#[test]
fn sighup_and_ctrl_c_with_default_disposition_kill_the_program() {
    let s = Session::spawn("sleep", &["30"], &[], 80, 24);
    assert!(s.is_running());
    s.kill_with(Signal::Hup);
    let status = s.wait_exit(T).expect("exit after SIGHUP");
    assert!(!status.success());
    assert!(status.signal().is_some(), "{status:?}");

    // ^C through the line discipline: SIGINT to the foreground group.
    let mut s = Session::spawn("sleep", &["30"], &[], 80, 24);
    std::thread::sleep(Duration::from_millis(200));
    s.send_key(Key::Ctrl('c'));
    let status = s.wait_exit(T).expect("exit after ^C");
    assert!(status.signal().is_some(), "{status:?}");
}

#[test]
fn fresh_pty_is_cooked() {
    let mut s = Session::spawn("sh", &["-c", "echo ready; read x"], &[], 80, 24);
    s.expect("ready", T);
    let t = s.termios().unwrap();
    assert!(
        t.echo() && t.canonical() && t.isig() && t.icrnl() && t.opost(),
        "{t:?}"
    );
    assert!(s.tty_name().unwrap().starts_with("/dev"));
    s.send_text("x\r");
    assert!(s.wait_exit(T).unwrap().success());
    s.assert_terminal_restored().unwrap();
}

/// A program that dies in raw mode in the alternate screen with the cursor
/// hidden: every check must notice, including termios after exit.
#[test]
fn restore_check_catches_a_program_that_leaves_the_terminal_broken() {
    let script =
        r"printf '\033[?1049h\033[?25l\033[?1000h\033[?2004h'; stty raw -echo; echo left-broken";
    let s = Session::spawn("sh", &["-c", script], &[], 80, 24);
    assert!(s.wait_exit(T).unwrap().success());
    assert!(s.alternate_screen());
    assert!(s.cursor_hidden());
    let t = s.termios().unwrap();
    assert!(!t.echo() && !t.canonical() && !t.is_cooked(), "{t:?}");
    let err = s.assert_terminal_restored().unwrap_err();
    for needle in [
        "alternate screen",
        "cursor still hidden",
        "mouse capture",
        "bracketed paste",
        "ECHO off",
        "ICANON off",
        "left-broken",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
    }
}

/// `less` is a real full-screen program: alternate screen, keypad
/// (application cursor) mode, raw-ish termios, and it restores all of it on
/// `q`.
#[test]
fn less_full_screen_session_round_trip() {
    if !have("less") {
        eprintln!("skipping: less not installed");
        return;
    }
    let mut file = tempfile::NamedTempFile::new().unwrap();
    for i in 1..=200 {
        writeln!(file, "line {i}").unwrap();
    }
    file.flush().unwrap();
    let path = file.path().to_str().unwrap();

    let mut s = Session::builder("less")
        .arg(path)
        .env("LESS", "")
        .env("LESSHISTFILE", "-")
        .env_remove("LESSOPEN")
        .size(60, 20)
        .spawn();
    s.expect("line 19", T);
    assert!(s.alternate_screen());
    assert!(s.with_screen(vt100::Screen::application_cursor));
    assert!(!s.termios().unwrap().is_cooked());

    s.send_key(Key::PageDown);
    s.expect("line 38", T);
    s.send_key(Key::End); // sent as ESC O F because less enabled DECCKM
    s.expect("line 200", T);
    s.send_key(Key::Home);
    s.wait_until("back at the top", T, |sc| {
        sc.contents().starts_with("line 1\n")
    })
    .unwrap();
    s.send_key(Key::Down);
    s.wait_until("scrolled by one", T, |sc| {
        sc.contents().starts_with("line 2\n")
    })
    .unwrap();

    // resize() truncates the emulated screen at once, so wait for something
    // only less's own redraw produces: 9 text rows and its prompt on row 10.
    s.resize(60, 10);
    s.wait_until("less redrawn at 10 rows", T, |sc| {
        let rows: Vec<String> = sc.rows(0, 60).collect();
        rows.len() == 10 && rows[8] == "line 10" && rows[9].starts_with(':')
    })
    .unwrap();

    s.send_key(Key::Char('q'));
    let status = s
        .wait_exit(T)
        .unwrap_or_else(|| panic!("less did not quit\n{}", s.screen_dump()));
    assert!(status.success());
    s.assert_terminal_restored().unwrap();
}
