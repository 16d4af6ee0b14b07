//! Pseudo-terminal end-to-end test harness.
//!
//! Spawns a program inside a real PTY (via `portable-pty`), feeds everything
//! it writes into an in-memory `vt100` terminal emulator on a background
//! thread, and lets tests type keys, resize, send signals, wait for screen
//! contents and check that the terminal was restored on exit.
//!
//! Include it from an integration test with either
//! `mod support;` (uses `tests/support/mod.rs`) or
//! `#[path = "support/pty.rs"] mod pty;`. The module is self-contained.
//!
//! ```ignore
//! let mut s = Session::spawn(env!("CARGO_BIN_EXE_certwise"), &[], &[], 80, 24);
//! s.wait_for("certwise", Duration::from_secs(5)).unwrap();
//! s.send_key(Key::Char('q'));
//! assert!(s.wait_exit(Duration::from_secs(5)).is_some());
//! s.assert_terminal_restored().unwrap();
//! ```
//!
//! Unix only: signals are delivered with the `kill(1)` utility and termios is
//! read from the PTY master, so no extra dependencies are needed.

#![allow(dead_code)] // every test crate uses a different subset of the API

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub use portable_pty::ExitStatus;

/// How often the `wait_*` helpers re-check the screen / child.
const POLL: Duration = Duration::from_millis(10);

/// After the child exits, how long to wait for the reader thread to drain the
/// remaining output (EOF on the master) before giving up. EOF only arrives
/// once every holder of the slave side (e.g. grandchildren) has closed it.
const DRAIN_AFTER_EXIT: Duration = Duration::from_secs(2);

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

// ---------------------------------------------------------------------------
// Keys
// ---------------------------------------------------------------------------

/// A key press, encoded the way xterm encodes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Up,
    Down,
    Left,
    Right,
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Insert,
    PageUp,
    PageDown,
    Home,
    End,
    /// Function key `F(1)` ..= `F(12)`.
    F(u8),
    /// A printable character (sent as UTF-8).
    Char(char),
    /// Control + key: `Ctrl('c')` is 0x03. Accepts letters (either case),
    /// `@ [ \ ] ^ _ ?` and space.
    Ctrl(char),
    /// Alt/Meta + key, sent as ESC followed by the character.
    Alt(char),
}

impl Key {
    /// The xterm byte sequence for this key.
    ///
    /// `application_cursor` selects DECCKM encodings (`ESC O A` instead of
    /// `ESC [ A`) for arrows/Home/End, as a real xterm does after the program
    /// sent `ESC[?1h`. [`Session::send_key`] picks this from the screen state.
    ///
    /// # Panics
    /// On an unsupported `F(n)` or `Ctrl(c)`.
    pub fn to_bytes(self, application_cursor: bool) -> Vec<u8> {
        let cursor = |c: u8| -> Vec<u8> {
            if application_cursor {
                vec![0x1b, b'O', c]
            } else {
                vec![0x1b, b'[', c]
            }
        };
        match self {
            Key::Up => cursor(b'A'),
            Key::Down => cursor(b'B'),
            Key::Right => cursor(b'C'),
            Key::Left => cursor(b'D'),
            Key::Home => cursor(b'H'),
            Key::End => cursor(b'F'),
            Key::Enter => b"\r".to_vec(),
            Key::Esc => b"\x1b".to_vec(),
            Key::Tab => b"\t".to_vec(),
            Key::BackTab => b"\x1b[Z".to_vec(),
            Key::Backspace => b"\x7f".to_vec(),
            Key::Insert => b"\x1b[2~".to_vec(),
            Key::Delete => b"\x1b[3~".to_vec(),
            Key::PageUp => b"\x1b[5~".to_vec(),
            Key::PageDown => b"\x1b[6~".to_vec(),
            Key::F(n) => match n {
                1 => b"\x1bOP".to_vec(),
                2 => b"\x1bOQ".to_vec(),
                3 => b"\x1bOR".to_vec(),
                4 => b"\x1bOS".to_vec(),
                5 => b"\x1b[15~".to_vec(),
                6 => b"\x1b[17~".to_vec(),
                7 => b"\x1b[18~".to_vec(),
                8 => b"\x1b[19~".to_vec(),
                9 => b"\x1b[20~".to_vec(),
                10 => b"\x1b[21~".to_vec(),
                11 => b"\x1b[23~".to_vec(),
                12 => b"\x1b[24~".to_vec(),
                _ => panic!("unsupported function key F{n}"),
            },
            Key::Char(c) => c.to_string().into_bytes(),
            Key::Ctrl(c) => vec![ctrl_byte(c)],
            Key::Alt(c) => {
                let mut v = vec![0x1b];
                v.extend_from_slice(c.to_string().as_bytes());
                v
            }
        }
    }
}

fn ctrl_byte(c: char) -> u8 {
    match c {
        // ASCII letters: 'a' (0x61) and 'A' (0x41) both map to 0x01.
        'a'..='z' | 'A'..='Z' => u8::try_from(c).map_or(0, |b| b & 0x1f),
        '@' | ' ' | '2' => 0,
        '[' | '3' => 0x1b,
        '\\' | '4' => 0x1c,
        ']' | '5' => 0x1d,
        '^' | '6' => 0x1e,
        '_' | '7' => 0x1f,
        '?' | '8' => 0x7f,
        _ => panic!("unsupported Ctrl({c:?})"),
    }
}

// ---------------------------------------------------------------------------
// Signals
// ---------------------------------------------------------------------------

/// Signals that can be sent with [`Session::kill_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    Term,
    Hup,
    Int,
    Quit,
    Kill,
    Winch,
    Usr1,
    Usr2,
    Cont,
    Stop,
    Tstp,
}

impl Signal {
    /// Its number on Linux (for the exit status a shell reports: 128 + it).
    pub fn number(self) -> u32 {
        match self {
            Signal::Hup => 1,
            Signal::Int => 2,
            Signal::Quit => 3,
            Signal::Kill => 9,
            Signal::Usr1 => 10,
            Signal::Usr2 => 12,
            Signal::Term => 15,
            Signal::Cont => 18,
            Signal::Stop => 19,
            Signal::Tstp => 20,
            Signal::Winch => 28,
        }
    }

    /// The name understood by `kill -s`.
    pub fn name(self) -> &'static str {
        match self {
            Signal::Term => "TERM",
            Signal::Hup => "HUP",
            Signal::Int => "INT",
            Signal::Quit => "QUIT",
            Signal::Kill => "KILL",
            Signal::Winch => "WINCH",
            Signal::Usr1 => "USR1",
            Signal::Usr2 => "USR2",
            Signal::Cont => "CONT",
            Signal::Stop => "STOP",
            Signal::Tstp => "TSTP",
        }
    }
}

// ---------------------------------------------------------------------------
// Termios snapshot
// ---------------------------------------------------------------------------

/// The interesting bits of the PTY's line discipline settings, read from the
/// master side (on Linux/macOS that reports the slave's termios).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermiosState {
    /// Names of the set local (`c_lflag`) flags, e.g. `ECHO`, `ICANON`.
    pub local: Vec<&'static str>,
    /// Names of the set input (`c_iflag`) flags, e.g. `ICRNL`.
    pub input: Vec<&'static str>,
    /// Names of the set output (`c_oflag`) flags, e.g. `OPOST`.
    pub output: Vec<&'static str>,
}

impl TermiosState {
    pub fn echo(&self) -> bool {
        self.local.contains(&"ECHO")
    }
    pub fn canonical(&self) -> bool {
        self.local.contains(&"ICANON")
    }
    pub fn isig(&self) -> bool {
        self.local.contains(&"ISIG")
    }
    pub fn icrnl(&self) -> bool {
        self.input.contains(&"ICRNL")
    }
    pub fn opost(&self) -> bool {
        self.output.contains(&"OPOST")
    }
    /// True unless something left the tty in raw / cbreak mode.
    /// (`cfmakeraw`, which crossterm uses, clears all five.)
    pub fn is_cooked(&self) -> bool {
        self.problems().is_empty()
    }
    fn problems(&self) -> Vec<&'static str> {
        let mut p = Vec::new();
        for (ok, what) in [
            (self.echo(), "ECHO off"),
            (self.canonical(), "ICANON off (non-canonical/raw)"),
            (self.isig(), "ISIG off"),
            (self.icrnl(), "ICRNL off"),
            (self.opost(), "OPOST off"),
        ] {
            if !ok {
                p.push(what);
            }
        }
        p
    }
}

// ---------------------------------------------------------------------------
// vt100 callbacks: answer terminal queries
// ---------------------------------------------------------------------------

/// `vt100` ignores queries; a real terminal answers them. Replies are queued
/// here while parsing and written back to the PTY by the reader thread, so a
/// program that asks (crossterm `cursor::position()`, ratatui inline
/// viewports, vim's `t_u7`, ...) does not hang.
#[derive(Default)]
struct Responder {
    pending: Vec<u8>,
    answered: usize,
}

fn first_param(params: &[&[u16]]) -> u16 {
    params.first().and_then(|p| p.first()).copied().unwrap_or(0)
}

impl vt100::Callbacks for Responder {
    fn unhandled_csi(
        &mut self,
        screen: &mut vt100::Screen,
        i1: Option<u8>,
        _i2: Option<u8>,
        params: &[&[u16]],
        c: char,
    ) {
        let reply = match (i1, c, first_param(params)) {
            // DSR 6: cursor position report (1-based).
            (None, 'n', 6) => {
                let (row, col) = screen.cursor_position();
                format!("\x1b[{};{}R", row + 1, col + 1)
            }
            // DECXCPR.
            (Some(b'?'), 'n', 6) => {
                let (row, col) = screen.cursor_position();
                format!("\x1b[?{};{}R", row + 1, col + 1)
            }
            // DSR 5: device status "OK".
            (None, 'n', 5) => "\x1b[0n".to_owned(),
            // DA1: primary device attributes (VT100 with AVO, like xterm -ti vt100).
            (None, 'c', 0) => "\x1b[?1;2c".to_owned(),
            // XTWINOPS 18: text area size in characters.
            (None, 't', 18) => {
                let (rows, cols) = crate::support::pty::grid(screen);
                format!("\x1b[8;{rows};{cols}t")
            }
            _ => return,
        };
        self.pending.extend_from_slice(reply.as_bytes());
        self.answered += 1;
    }
}

type Parser = vt100::Parser<Responder>;
type SharedWriter = Arc<Mutex<Box<dyn Write + Send>>>;

// ---------------------------------------------------------------------------
// Builder
// ---------------------------------------------------------------------------

/// Configures and spawns a [`Session`]. Defaults: 80x24, `TERM=xterm-256color`,
/// `COLUMNS`/`LINES` removed (so the PTY size is authoritative), working
/// directory = the test process's current directory (the package root under
/// `cargo test`), rest of the environment inherited.
pub struct SessionBuilder {
    cmd: CommandBuilder,
    program: String,
    cols: u16,
    rows: u16,
    cwd: Option<PathBuf>,
}

impl SessionBuilder {
    pub fn new(program: &str) -> Self {
        let mut cmd = CommandBuilder::new(program);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("COLUMNS");
        cmd.env_remove("LINES");
        Self {
            cmd,
            program: program.to_owned(),
            cols: 80,
            rows: 24,
            cwd: None,
        }
    }

    #[must_use]
    pub fn arg(mut self, arg: &str) -> Self {
        self.cmd.arg(arg);
        self
    }

    #[must_use]
    pub fn args(mut self, args: &[&str]) -> Self {
        self.cmd.args(args);
        self
    }

    #[must_use]
    pub fn env(mut self, key: &str, value: impl AsRef<std::ffi::OsStr>) -> Self {
        self.cmd.env(key, value);
        self
    }

    #[must_use]
    pub fn env_remove(mut self, key: &str) -> Self {
        self.cmd.env_remove(key);
        self
    }

    /// Start from an empty environment (TERM is re-added; add PATH yourself
    /// if the program needs it).
    #[must_use]
    pub fn env_clear(mut self) -> Self {
        self.cmd.env_clear();
        self.cmd.env("TERM", "xterm-256color");
        self
    }

    /// Working directory. Must exist (portable-pty would otherwise silently
    /// fall back to `$HOME`).
    #[must_use]
    pub fn cwd(mut self, dir: impl AsRef<Path>) -> Self {
        self.cwd = Some(dir.as_ref().to_path_buf());
        self
    }

    #[must_use]
    pub fn size(mut self, cols: u16, rows: u16) -> Self {
        self.cols = cols;
        self.rows = rows;
        self
    }

    /// Spawn the program.
    ///
    /// # Panics
    /// If the PTY cannot be opened or the program cannot be started.
    pub fn spawn(mut self) -> Session {
        let cwd = match self.cwd {
            Some(dir) => dir,
            None => std::env::current_dir().expect("current dir"),
        };
        assert!(
            cwd.is_dir(),
            "pty: cwd {} is not a directory",
            cwd.display()
        );
        self.cmd.cwd(&cwd);

        let size = PtySize {
            rows: self.rows,
            cols: self.cols,
            pixel_width: 0,
            pixel_height: 0,
        };
        let pair = native_pty_system()
            .openpty(size)
            .unwrap_or_else(|e| panic!("pty: openpty failed: {e:#}"));
        let child = pair
            .slave
            .spawn_command(self.cmd)
            .unwrap_or_else(|e| panic!("pty: cannot spawn {:?}: {e:#}", self.program));
        // Close our copy of the slave so the reader sees EOF once the child
        // (and anything it forked) is gone. The termios survives this.
        drop(pair.slave);

        let master = pair.master;
        let reader = master.try_clone_reader().expect("pty: clone reader");
        let writer: SharedWriter = Arc::new(Mutex::new(master.take_writer().expect("pty: writer")));
        let parser = Arc::new(Mutex::new(vt100::Parser::new_with_callbacks(
            nonzero(self.rows),
            nonzero(self.cols),
            0,
            Responder::default(),
        )));
        let transcript = Arc::new(Mutex::new(Vec::new()));
        let eof = Arc::new(AtomicBool::new(false));

        let reader_thread = std::thread::Builder::new()
            .name(format!("pty-reader:{}", self.program))
            .spawn({
                let parser = Arc::clone(&parser);
                let writer = Arc::clone(&writer);
                let transcript = Arc::clone(&transcript);
                let eof = Arc::clone(&eof);
                move || reader_loop(reader, &parser, &writer, &transcript, &eof)
            })
            .expect("pty: spawn reader thread");

        Session {
            program: self.program,
            master,
            child: Mutex::new(child),
            exit: Mutex::new(None),
            writer,
            parser,
            transcript,
            eof,
            _reader: reader_thread,
        }
    }
}

fn reader_loop(
    mut reader: Box<dyn Read + Send>,
    parser: &Mutex<Parser>,
    writer: &SharedWriter,
    transcript: &Mutex<Vec<u8>>,
    eof: &AtomicBool,
) {
    let mut buf = [0u8; 8192];
    loop {
        match reader.read(&mut buf) {
            Ok(0) | Err(_) => break, // EOF, or EIO once the slave is closed
            Ok(n) => {
                let replies = {
                    let mut p = lock(parser);
                    p.process(&buf[..n]);
                    lock(transcript).extend_from_slice(&buf[..n]);
                    std::mem::take(&mut p.callbacks_mut().pending)
                };
                if !replies.is_empty() {
                    let mut w = lock(writer);
                    // The child may already be gone; nothing to do then.
                    let _ = w.write_all(&replies).and_then(|()| w.flush());
                }
            }
        }
    }
    eof.store(true, Ordering::SeqCst);
}

// ---------------------------------------------------------------------------
// Session
// ---------------------------------------------------------------------------

/// A program running in a PTY, with a `vt100` model of its screen.
///
/// Dropping a session that is still running kills the child (SIGHUP, then
/// SIGKILL after a short grace period).
pub struct Session {
    program: String,
    master: Box<dyn MasterPty + Send>,
    child: Mutex<Box<dyn Child + Send + Sync>>,
    exit: Mutex<Option<ExitStatus>>,
    writer: SharedWriter,
    parser: Arc<Mutex<Parser>>,
    transcript: Arc<Mutex<Vec<u8>>>,
    eof: Arc<AtomicBool>,
    _reader: JoinHandle<()>,
}

impl Session {
    /// Spawn `bin args...` in a `cols` x `rows` PTY with extra `env` vars
    /// (`TERM=xterm-256color` unless `env` overrides it). See
    /// [`SessionBuilder`] for cwd, env removal, etc.
    pub fn spawn(bin: &str, args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Session {
        let mut b = SessionBuilder::new(bin).args(args).size(cols, rows);
        for (k, v) in env {
            b = b.env(k, v);
        }
        b.spawn()
    }

    pub fn builder(bin: &str) -> SessionBuilder {
        SessionBuilder::new(bin)
    }

    // -- input -------------------------------------------------------------

    /// Write raw bytes to the program's terminal input.
    ///
    /// # Panics
    /// If the write fails (e.g. the PTY is gone).
    pub fn send(&mut self, bytes: &[u8]) {
        let mut w = lock(&self.writer);
        w.write_all(bytes)
            .and_then(|()| w.flush())
            .unwrap_or_else(|e| panic!("pty: write to {} failed: {e}", self.program));
    }

    /// Type text (UTF-8, no key translation; `\r` is Enter).
    pub fn send_text(&mut self, text: &str) {
        self.send(text.as_bytes());
    }

    /// Press a key. Arrow/Home/End encodings follow the program's current
    /// cursor-key mode (DECCKM), like a real xterm.
    pub fn send_key(&mut self, key: Key) {
        let app = self.with_screen(vt100::Screen::application_cursor);
        self.send(&key.to_bytes(app));
    }

    pub fn send_keys(&mut self, keys: &[Key]) {
        for &k in keys {
            self.send_key(k);
        }
    }

    // -- screen ------------------------------------------------------------

    /// Run `f` against the current emulated screen.
    pub fn with_screen<R>(&self, f: impl FnOnce(&vt100::Screen) -> R) -> R {
        f(lock(&self.parser).screen())
    }

    /// Current screen text (rows joined by `\n`, trailing blanks trimmed).
    pub fn screen_text(&self) -> String {
        self.with_screen(vt100::Screen::contents)
    }

    /// Screen as a framed, line-numbered block, for failure messages.
    pub fn screen_dump(&self) -> String {
        self.with_screen(render_screen)
    }

    /// Everything the program has written so far, raw (escape sequences
    /// included). Handy for asserting a sequence was emitted.
    pub fn output_bytes(&self) -> Vec<u8> {
        lock(&self.transcript).clone()
    }

    /// Number of terminal queries (cursor position, DA1, ...) answered.
    pub fn queries_answered(&self) -> usize {
        lock(&self.parser).callbacks().answered
    }

    /// Poll until the screen contains `text`. Returns the screen text on
    /// success; on timeout (or if the program exits first) an error that
    /// includes the full current screen.
    ///
    /// # Errors
    /// See above.
    pub fn wait_for(&self, text: &str, timeout: Duration) -> Result<String, String> {
        self.wait_until(&format!("screen to contain {text:?}"), timeout, |s| {
            s.contents().contains(text)
        })
    }

    /// Poll until `pred(screen)` holds. `what` describes the condition for
    /// the error message.
    ///
    /// # Errors
    /// On timeout, or when the program's output has ended (EOF) without the
    /// condition becoming true; the message includes the screen.
    pub fn wait_until(
        &self,
        what: &str,
        timeout: Duration,
        mut pred: impl FnMut(&vt100::Screen) -> bool,
    ) -> Result<String, String> {
        let start = Instant::now();
        loop {
            // Read `eof` before checking, so a final chunk processed just
            // before EOF is always seen by one last check.
            let ended = self.eof.load(Ordering::SeqCst);
            {
                let p = lock(&self.parser);
                if pred(p.screen()) {
                    return Ok(p.screen().contents());
                }
            }
            let why = if ended {
                "the program's output ended (exited?)"
            } else if start.elapsed() >= timeout {
                "timed out"
            } else {
                std::thread::sleep(POLL);
                continue;
            };
            let status = match self.try_exit_status() {
                Some(st) => format!("exited: {st}"),
                None => "still running".to_owned(),
            };
            return Err(format!(
                "pty: waiting for {what}: {why} after {:.2?} ({} {status})\n{}",
                start.elapsed(),
                self.program,
                self.screen_dump()
            ));
        }
    }

    /// Like [`wait_for`](Self::wait_for) but panics with the message.
    pub fn expect(&self, text: &str, timeout: Duration) -> String {
        self.wait_for(text, timeout)
            .unwrap_or_else(|e| panic!("{e}"))
    }

    // -- size --------------------------------------------------------------

    /// Resize the PTY (the kernel sends SIGWINCH to the foreground process
    /// group) and the emulated screen.
    ///
    /// # Panics
    /// If the resize ioctl fails.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        lock(&self.parser)
            .screen_mut()
            .set_size(nonzero(rows), nonzero(cols));
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap_or_else(|e| panic!("pty: resize failed: {e:#}"));
    }

    /// `(cols, rows)` of the emulated screen.
    pub fn size(&self) -> (u16, u16) {
        let (rows, cols) = self.with_screen(grid);
        (cols, rows)
    }

    // -- process -----------------------------------------------------------

    pub fn pid(&self) -> Option<u32> {
        lock(&self.child).process_id()
    }

    /// Send `signal` to the child process with `kill(1)`.
    ///
    /// For [`Signal::Stop`] this also waits until every thread of the child has stopped: the
    /// kernel stops the other threads only when the one that took the signal gets to run, so
    /// without the wait a thread can still read input after `kill` returns.
    ///
    /// # Panics
    /// If the child has no pid, `kill` fails, or a stopped child does not stop within 5 s.
    pub fn kill_with(&self, signal: Signal) {
        let pid = self.pid().expect("pty: child has no pid");
        send_signal(signal, &pid.to_string());
        if signal == Signal::Stop {
            self.wait_all_threads_stopped(pid);
        }
    }

    /// Polls `/proc/PID/task/*/stat` until every thread is in state `T` (stopped).
    fn wait_all_threads_stopped(&self, pid: u32) {
        let start = Instant::now();
        let tasks = PathBuf::from(format!("/proc/{pid}/task"));
        loop {
            let states: Vec<char> = std::fs::read_dir(&tasks)
                .map(|dir| {
                    dir.flatten()
                        .filter_map(|t| std::fs::read_to_string(t.path().join("stat")).ok())
                        .filter_map(|stat| thread_state(&stat))
                        .collect()
                })
                .unwrap_or_default();
            if !states.is_empty() && states.iter().all(|&s| s == 'T') {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(5),
                "pty: child {pid} did not stop within 5 s (thread states {states:?})\n{}",
                self.screen_dump()
            );
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    /// Send `signal` to the child's whole process group (the child is a
    /// session and process-group leader), as the kernel does for ^C / hangup.
    ///
    /// # Panics
    /// If the child has no pid or `kill` fails.
    pub fn kill_group_with(&self, signal: Signal) {
        let pid = self.pid().expect("pty: child has no pid");
        send_signal(signal, &format!("-{pid}"));
    }

    /// Non-blocking: the exit status if the child has exited.
    pub fn try_exit_status(&self) -> Option<ExitStatus> {
        let mut exit = lock(&self.exit);
        if exit.is_none()
            && let Ok(Some(st)) = lock(&self.child).try_wait()
        {
            *exit = Some(st);
        }
        exit.clone()
    }

    pub fn is_running(&self) -> bool {
        self.try_exit_status().is_none()
    }

    /// Wait up to `timeout` for the child to exit. On exit, also waits
    /// (bounded) for its remaining output to be parsed, so screen/mode
    /// assertions afterwards see the final state. `None` on timeout.
    pub fn wait_exit(&self, timeout: Duration) -> Option<ExitStatus> {
        let start = Instant::now();
        let status = loop {
            if let Some(st) = self.try_exit_status() {
                break st;
            }
            if start.elapsed() >= timeout {
                return None;
            }
            std::thread::sleep(POLL);
        };
        let drain_start = Instant::now();
        while !self.eof.load(Ordering::SeqCst) && drain_start.elapsed() < DRAIN_AFTER_EXIT {
            std::thread::sleep(POLL);
        }
        Some(status)
    }

    /// Whether the reader has seen EOF (all slave handles closed).
    pub fn output_ended(&self) -> bool {
        self.eof.load(Ordering::SeqCst)
    }

    // -- terminal state ----------------------------------------------------

    pub fn alternate_screen(&self) -> bool {
        self.with_screen(vt100::Screen::alternate_screen)
    }

    pub fn cursor_hidden(&self) -> bool {
        self.with_screen(vt100::Screen::hide_cursor)
    }

    /// `(row, col)`, 0-based.
    pub fn cursor_position(&self) -> (u16, u16) {
        self.with_screen(vt100::Screen::cursor_position)
    }

    pub fn mouse_capture(&self) -> bool {
        self.with_screen(|s| s.mouse_protocol_mode() != vt100::MouseProtocolMode::None)
    }

    pub fn bracketed_paste(&self) -> bool {
        self.with_screen(vt100::Screen::bracketed_paste)
    }

    /// Current line-discipline flags of the PTY. Works after the child has
    /// exited too: termios belongs to the tty, not the process, so a program
    /// that dies in raw mode leaves it raw.
    pub fn termios(&self) -> Option<TermiosState> {
        let t = self.master.get_termios()?;
        Some(TermiosState {
            local: t.local_flags.iter_names().map(|(n, _)| n).collect(),
            input: t.input_flags.iter_names().map(|(n, _)| n).collect(),
            output: t.output_flags.iter_names().map(|(n, _)| n).collect(),
        })
    }

    /// `/dev/pts/N` of this session.
    pub fn tty_name(&self) -> Option<PathBuf> {
        self.master.tty_name()
    }

    /// Check that the program left the terminal as it found it: main screen,
    /// cursor visible, mouse capture and bracketed paste off, termios cooked
    /// (ECHO, ICANON, ISIG, ICRNL, OPOST). Call after [`wait_exit`](Self::wait_exit).
    ///
    /// # Errors
    /// Lists every problem found, plus the screen.
    pub fn assert_terminal_restored(&self) -> Result<(), String> {
        let mut problems: Vec<String> = Vec::new();
        if self.alternate_screen() {
            problems.push("still in the alternate screen".into());
        }
        if self.cursor_hidden() {
            problems.push("cursor still hidden".into());
        }
        if self.mouse_capture() {
            problems.push("mouse capture still enabled".into());
        }
        if self.bracketed_paste() {
            problems.push("bracketed paste still enabled".into());
        }
        match self.termios() {
            Some(t) => problems.extend(t.problems().into_iter().map(|p| format!("termios: {p}"))),
            None => problems.push("termios unavailable".into()),
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "pty: terminal not restored by {}: {}\n{}",
                self.program,
                problems.join("; "),
                self.screen_dump()
            ))
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let mut child = lock(&self.child);
        if matches!(child.try_wait(), Ok(None)) {
            let _ = child.kill(); // SIGHUP, then SIGKILL after ~200ms
            let _ = child.wait();
        }
        // The reader thread ends by itself on EOF; never join it here, a
        // grandchild holding the slave open would hang the test.
    }
}

/// The state letter of a `/proc/.../stat` line: the field after the parenthesised name, which
/// may itself contain spaces and parentheses.
fn thread_state(stat: &str) -> Option<char> {
    let after_name = &stat[stat.rfind(')')? + 1..];
    after_name.trim_start().chars().next()
}

fn send_signal(signal: Signal, target: &str) {
    let out = std::process::Command::new("kill")
        .args(["-s", signal.name(), "--", target])
        .output()
        .expect("pty: cannot run kill(1)");
    assert!(
        out.status.success(),
        "pty: kill -s {} {target} failed: {}",
        signal.name(),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn render_screen(screen: &vt100::Screen) -> String {
    let (rows, cols) = crate::support::pty::grid(screen);
    let (crow, ccol) = screen.cursor_position();
    let mut out = format!(
        "--- screen {cols}x{rows}, cursor ({crow},{ccol}){}{} ---\n",
        if screen.alternate_screen() {
            ", alt screen"
        } else {
            ""
        },
        if screen.hide_cursor() {
            ", cursor hidden"
        } else {
            ""
        },
    );
    for (i, line) in screen.rows(0, cols).enumerate() {
        let _ = writeln!(out, "{i:>3}|{line}");
    }
    out.push_str("--- end screen ---");
    out
}

/// `(rows, cols)` of an emulated screen.
pub fn grid(screen: &vt100::Screen) -> (u16, u16) {
    let (rows, cols) = screen.size();
    (rows.get(), cols.get())
}

/// A screen dimension for vt100, which has no empty screens: 0 is taken as 1.
fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap_or(std::num::NonZeroU16::MIN)
}
