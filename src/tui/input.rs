//! The keyboard: certwise reads standard input itself and turns its bytes into [`Event`]s.
//!
//! Why not crossterm's reader: it brings signal-hook 0.3 and mio, and its default reader is
//! edge-triggered, so bytes left after its first 1 KiB read waited for the next key (a long
//! paste lost the Enter after it, crossterm-rs/crossterm#1057). Here a thread blocks in `read`
//! on the terminal, which returns everything waiting (level-triggered by nature), and
//! [`Parser`] turns the bytes into keys with crossterm's meanings, so the key table and the
//! tests read the same as before.

use std::time::Duration;

use bitflags::bitflags;

pub mod parse;

pub use parse::Parser;

/// A key, as the key table sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyCode {
    Char(char),
    Enter,
    Esc,
    Backspace,
    Tab,
    /// Shift-Tab.
    BackTab,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    Insert,
    Delete,
    /// A function key, F1 to F24.
    F(u8),
}

bitflags! {
    /// The modifier keys held with a key.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub struct KeyModifiers: u8 {
        const SHIFT = 1;
        const CONTROL = 1 << 1;
        const ALT = 1 << 2;
        const NONE = 0;
    }
}

/// A key press. (Terminals without the kitty keyboard protocol, which certwise does not ask
/// for, report presses only.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyEvent {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl KeyEvent {
    pub const fn new(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent { code, modifiers }
    }
}

impl From<KeyCode> for KeyEvent {
    fn from(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }
}

/// What the terminal sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Key(KeyEvent),
    /// Text pasted with bracketed paste on: it never presses a key.
    Paste(String),
}

/// How long an unfinished escape sequence may wait for the rest of its bytes before what has
/// arrived is taken as typed (an Esc, then the other keys). A sequence from the terminal comes
/// in one write; only a terminal or link that cuts one in two makes the parser wait at all.
pub const SEQUENCE_WAIT: Duration = Duration::from_millis(50);

/// How long an unfinished paste may wait for its end marker before the text so far is given as
/// the paste (a terminal that never sends the marker must not swallow every key after it).
pub const PASTE_WAIT: Duration = Duration::from_secs(1);

/// Why reading stopped.
#[derive(Debug)]
pub enum Stop {
    /// The terminal is gone (end of input, or an error reading it).
    Closed,
    /// `deliver` returned false: nobody listens any more.
    Unwanted,
}

/// Reads standard input until it closes or `deliver` returns false, giving every event to
/// `deliver` as soon as its bytes are in. Blocks: run it on its own thread.
pub fn read_events(mut deliver: impl FnMut(Event) -> bool) -> Stop {
    let stdin = rustix::stdio::stdin();
    let mut parser = Parser::default();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        if let Some(wait) = parser.waiting() {
            // Part of a sequence is in: give the rest a moment, then take what is there.
            if !readable(stdin, Some(wait)) {
                for event in parser.flush() {
                    if !deliver(event) {
                        return Stop::Unwanted;
                    }
                }
                continue;
            }
        }
        let n = match rustix::io::read(stdin, &mut buf) {
            Ok(0) => return Stop::Closed,
            Ok(n) => n,
            Err(rustix::io::Errno::INTR | rustix::io::Errno::AGAIN) => continue,
            Err(_) => return Stop::Closed,
        };
        // More bytes already waiting: an Esc at the end may begin a sequence cut by the read.
        let more = n == buf.len() || readable(stdin, Some(Duration::ZERO));
        for event in parser.feed(&buf[..n], more) {
            if !deliver(event) {
                return Stop::Unwanted;
            }
        }
    }
}

/// Whether input can be read within `wait` (an error counts as readable: the read says what).
fn readable(fd: rustix::fd::BorrowedFd<'_>, wait: Option<Duration>) -> bool {
    let mut fds = [rustix::event::PollFd::new(
        &fd,
        rustix::event::PollFlags::IN,
    )];
    let timeout = wait.and_then(|w| rustix::event::Timespec::try_from(w).ok());
    loop {
        match rustix::event::poll(&mut fds, timeout.as_ref()) {
            Ok(n) => return n > 0,
            Err(rustix::io::Errno::INTR) => {}
            Err(_) => return true,
        }
    }
}
