//! Bytes from the terminal to events, with crossterm's meanings (so a key means what it meant
//! before certwise read the keyboard itself): `\r` is Enter, `\n` Ctrl-J (raw mode), `0x7f`
//! Backspace (and `0x08`, which some terminals send for it: crossterm read it as Ctrl-H, which
//! certwise binds to nothing), `0x01..=0x1a` Ctrl and a letter, an upper-case letter carries SHIFT, Esc before a
//! key adds ALT, and the VT, xterm and Linux-console sequences for arrows, Home/End, Page
//! Up/Down, Insert/Delete, F1-F12 and Shift-Tab, with their modifiers. Bracketed paste becomes one
//! [`Event::Paste`]. Sequences certwise never asks for (mouse, focus, reports) are skipped whole.

use std::time::Duration;

use super::{Event, KeyCode, KeyEvent, KeyModifiers, PASTE_WAIT, SEQUENCE_WAIT};

const ESC: u8 = 0x1b;
const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";

/// Turns the terminal's bytes into events. Bytes of a sequence not yet complete are kept for
/// the next [`Parser::feed`], or taken as typed by [`Parser::flush`] when no more come.
#[derive(Debug, Default)]
pub struct Parser {
    pending: Vec<u8>,
    /// In a paste: how far the search for its end marker has got, so a long paste that arrives
    /// in many reads is searched once.
    paste_searched: usize,
}

/// One step of parsing the bytes at the front.
enum Step {
    /// An event, and how many bytes it took.
    Event(Event, usize),
    /// Bytes that mean nothing to certwise (an unknown or unwanted sequence, a stray byte).
    Skip(usize),
    /// The bytes so far start a sequence that is not complete.
    Incomplete,
}

impl Parser {
    /// Parses `bytes` after anything kept from before. `more` says more bytes are already
    /// waiting to be read: a lone Esc at the end is then kept (it may start a sequence);
    /// otherwise it is the Esc key, at once (as crossterm reads it).
    pub fn feed(&mut self, bytes: &[u8], more: bool) -> Vec<Event> {
        let mut pending = std::mem::take(&mut self.pending);
        pending.extend_from_slice(bytes);
        let mut events = Vec::new();
        let mut at = 0;
        while at < pending.len() {
            let rest = &pending[at..];
            if rest.starts_with(PASTE_START) {
                // Bytes before `at` were taken, so a search already made applies only at 0.
                let searched = if at == 0 { self.paste_searched } else { 0 };
                let from = searched.max(PASTE_START.len());
                if let Some(i) = find(&rest[from..], PASTE_END) {
                    let end = from + i;
                    let text = &rest[PASTE_START.len()..end];
                    events.push(Event::Paste(String::from_utf8_lossy(text).into_owned()));
                    at += end + PASTE_END.len();
                    self.paste_searched = 0;
                    continue;
                }
                // The end marker may be cut at the end: search again from just before it.
                self.paste_searched = rest.len().saturating_sub(PASTE_END.len() - 1);
                break;
            }
            match step(rest) {
                Step::Event(event, used) => {
                    events.push(event);
                    at += used;
                }
                Step::Skip(used) => at += used,
                Step::Incomplete if rest == [ESC] && !more => {
                    events.push(Event::Key(KeyCode::Esc.into()));
                    at += 1;
                }
                Step::Incomplete => break,
            }
        }
        pending.drain(..at);
        if !pending.starts_with(PASTE_START) {
            self.paste_searched = 0;
        }
        self.pending = pending;
        events
    }

    /// How long to wait for the rest of a sequence, if part of one is kept.
    pub fn waiting(&self) -> Option<Duration> {
        if self.pending.is_empty() {
            None
        } else if self.pending.starts_with(PASTE_START) {
            Some(PASTE_WAIT)
        } else {
            Some(SEQUENCE_WAIT)
        }
    }

    /// No more bytes came: what is kept is taken as typed. An unfinished paste is given as the
    /// paste it is so far; an unfinished sequence is an Esc and then its other keys.
    pub fn flush(&mut self) -> Vec<Event> {
        let pending = std::mem::take(&mut self.pending);
        self.paste_searched = 0;
        if let Some(text) = pending.strip_prefix(PASTE_START) {
            return vec![Event::Paste(String::from_utf8_lossy(text).into_owned())];
        }
        let mut events = Vec::new();
        let mut at = 0;
        while at < pending.len() {
            match step(&pending[at..]) {
                Step::Event(event, used) => {
                    events.push(event);
                    at += used;
                }
                Step::Skip(used) => at += used,
                // A terminal string never ended: dropped, not typed.
                Step::Incomplete if is_string_start(&pending[at..]) => break,
                Step::Incomplete if pending[at] == ESC => {
                    events.push(Event::Key(KeyCode::Esc.into()));
                    at += 1;
                }
                // A character cut short: nothing to type.
                Step::Incomplete => at += 1,
            }
        }
        events
    }
}

fn is_string_start(bytes: &[u8]) -> bool {
    bytes.len() >= 2 && bytes[0] == ESC && matches!(bytes[1], b']' | b'P' | b'_' | b'^' | b'X')
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

fn plain(code: KeyCode, used: usize) -> Step {
    Step::Event(key(code, KeyModifiers::NONE), used)
}

/// One event from the front of `bytes` (never a paste: [`Parser`] handles those).
fn step(bytes: &[u8]) -> Step {
    let Some(&first) = bytes.first() else {
        return Step::Incomplete;
    };
    match first {
        ESC => escape(bytes),
        b'\r' => plain(KeyCode::Enter, 1),
        b'\t' => plain(KeyCode::Tab, 1),
        0x7f | 0x08 => plain(KeyCode::Backspace, 1),
        c @ 0x01..=0x1a => Step::Event(
            key(
                KeyCode::Char(char::from(c - 1 + b'a')),
                KeyModifiers::CONTROL,
            ),
            1,
        ),
        c @ 0x1c..=0x1f => Step::Event(
            key(
                KeyCode::Char(char::from(c - 0x1c + b'4')),
                KeyModifiers::CONTROL,
            ),
            1,
        ),
        0 => Step::Event(key(KeyCode::Char(' '), KeyModifiers::CONTROL), 1),
        _ => utf8(bytes),
    }
}

/// A character: its UTF-8 bytes (an upper-case letter carries SHIFT, as crossterm reports it).
fn utf8(bytes: &[u8]) -> Step {
    let len = match bytes[0] {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return Step::Skip(1),
    };
    if bytes.len() < len {
        // Only if what has come so far can still become a character.
        return if std::str::from_utf8(bytes).is_err_and(|e| e.error_len().is_none()) {
            Step::Incomplete
        } else {
            Step::Skip(1)
        };
    }
    let Some(c) = std::str::from_utf8(&bytes[..len])
        .ok()
        .and_then(|s| s.chars().next())
    else {
        return Step::Skip(1);
    };
    let modifiers = if c.is_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    Step::Event(key(KeyCode::Char(c), modifiers), len)
}

/// What follows an Esc: a CSI or SS3 sequence, a second Esc, or a key pressed with Alt.
fn escape(bytes: &[u8]) -> Step {
    let Some(&second) = bytes.get(1) else {
        return Step::Incomplete;
    };
    match second {
        b'[' => csi(bytes),
        b'O' => ss3(bytes),
        // Two Esc presses that arrive together are two: the first is taken here, the second
        // read on its own.
        ESC => plain(KeyCode::Esc, 1),
        // A string a terminal sends (OSC, DCS, APC, PM, SOS: a reply to a query, a title), up
        // to its terminator. certwise asks for none, so it is skipped whole, never typed.
        b']' | b'P' | b'_' | b'^' | b'X' => string(bytes),
        _ => match step(&bytes[1..]) {
            Step::Event(Event::Key(mut k), used) => {
                k.modifiers |= KeyModifiers::ALT;
                Step::Event(Event::Key(k), used + 1)
            }
            Step::Event(other, used) => Step::Event(other, used + 1),
            Step::Skip(used) => Step::Skip(used + 1),
            Step::Incomplete => Step::Incomplete,
        },
    }
}

/// The longest terminal string kept while waiting for its terminator; a longer one is dropped.
const STRING_LIMIT: usize = 64 * 1024;

/// `Esc ] ... BEL`, `Esc P ... Esc \\` and the like: skipped up to and with the terminator.
fn string(bytes: &[u8]) -> Step {
    let body = &bytes[2..];
    for (i, &b) in body.iter().enumerate() {
        match (b, body.get(i + 1)) {
            (0x07, _) => return Step::Skip(2 + i + 1),
            (ESC, Some(b'\\')) => return Step::Skip(2 + i + 2),
            (ESC, None) => return Step::Incomplete,
            // An Esc that does not end the string ends it anyway and starts what follows.
            (ESC, Some(_)) => return Step::Skip(2 + i),
            _ => {}
        }
    }
    if bytes.len() > STRING_LIMIT {
        Step::Skip(bytes.len())
    } else {
        Step::Incomplete
    }
}

/// `Esc O x`: arrows, Home/End, keypad Enter and F1-F4 in application mode.
fn ss3(bytes: &[u8]) -> Step {
    let Some(&last) = bytes.get(2) else {
        return Step::Incomplete;
    };
    if last == b'M' {
        return plain(KeyCode::Enter, 3);
    }
    match cursor_key(last) {
        Some(code) => plain(code, 3),
        None => Step::Skip(3),
    }
}

/// The keys a final byte names in `Esc [ x`, `Esc [ 1 ; m x` and `Esc O x`.
fn cursor_key(last: u8) -> Option<KeyCode> {
    Some(match last {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P' => KeyCode::F(1),
        b'Q' => KeyCode::F(2),
        b'S' => KeyCode::F(4),
        _ => return None,
    })
}

/// `Esc [ params final`.
fn csi(bytes: &[u8]) -> Step {
    // The Linux console's F1-F5: `Esc [ [ A` to `Esc [ [ E`.
    if bytes.get(2) == Some(&b'[') {
        return match bytes.get(3) {
            None => Step::Incomplete,
            Some(&c @ b'A'..=b'E') => plain(KeyCode::F(1 + c - b'A'), 4),
            Some(_) => Step::Skip(4),
        };
    }
    // The old mouse report: `Esc [ M` and three raw bytes. certwise never turns the mouse on.
    if bytes.get(2) == Some(&b'M') {
        return if bytes.len() < 6 {
            Step::Incomplete
        } else {
            Step::Skip(6)
        };
    }
    let mut end = 2;
    loop {
        match bytes.get(end) {
            None => return Step::Incomplete,
            // Parameter and intermediate bytes.
            Some(0x20..=0x3f) => end += 1,
            Some(0x40..=0x7e) => break,
            // Not a sequence after all: drop the Esc and the `[`, and read on from here.
            Some(_) => return Step::Skip(end),
        }
    }
    let used = end + 1;
    let last = bytes[end];
    let Ok(params) = std::str::from_utf8(&bytes[2..end]) else {
        return Step::Skip(used);
    };
    let mut fields = params.split(';');
    let first = fields.next().unwrap_or("");
    let modifiers = fields
        .next()
        .and_then(|m| m.split(':').next())
        .and_then(|m| m.parse::<u8>().ok())
        .map_or(KeyModifiers::NONE, modifiers_from);
    let code = match last {
        b'Z' if params.is_empty() => {
            return Step::Event(key(KeyCode::BackTab, KeyModifiers::SHIFT), used);
        }
        b'~' => match first.parse::<u16>() {
            Ok(1 | 7) => KeyCode::Home,
            Ok(2) => KeyCode::Insert,
            Ok(3) => KeyCode::Delete,
            Ok(4 | 8) => KeyCode::End,
            Ok(5) => KeyCode::PageUp,
            Ok(6) => KeyCode::PageDown,
            Ok(n @ 11..=15) => KeyCode::F(u8::try_from(n - 10).unwrap_or(1)),
            Ok(n @ 17..=21) => KeyCode::F(u8::try_from(n - 11).unwrap_or(6)),
            Ok(n @ 23..=24) => KeyCode::F(u8::try_from(n - 12).unwrap_or(11)),
            _ => return Step::Skip(used),
        },
        // `Esc [ x` or `Esc [ 1 ; m x`; with other parameters, a report (a cursor position
        // ends in `R`, which is also why F3 with modifiers is not read).
        _ if matches!(first, "" | "1") => match cursor_key(last) {
            Some(code) => code,
            None => return Step::Skip(used),
        },
        _ => return Step::Skip(used),
    };
    Step::Event(key(code, modifiers), used)
}

/// xterm's modifier parameter: one more than a bit set of Shift (1), Alt (2) and Ctrl (4).
fn modifiers_from(param: u8) -> KeyModifiers {
    let bits = param.saturating_sub(1);
    let mut modifiers = KeyModifiers::NONE;
    if bits & 1 != 0 {
        modifiers |= KeyModifiers::SHIFT;
    }
    if bits & 2 != 0 {
        modifiers |= KeyModifiers::ALT;
    }
    if bits & 4 != 0 {
        modifiers |= KeyModifiers::CONTROL;
    }
    modifiers
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(bytes: &[u8]) -> Vec<Event> {
        Parser::default().feed(bytes, false)
    }

    fn k(code: KeyCode) -> Event {
        key(code, KeyModifiers::NONE)
    }

    #[test]
    fn plain_keys_mean_what_crossterm_says() {
        assert_eq!(
            keys(b"a\rG\t\x7f\x08\x03\n"),
            vec![
                k(KeyCode::Char('a')),
                k(KeyCode::Enter),
                key(KeyCode::Char('G'), KeyModifiers::SHIFT),
                k(KeyCode::Tab),
                k(KeyCode::Backspace),
                k(KeyCode::Backspace),
                key(KeyCode::Char('c'), KeyModifiers::CONTROL),
                key(KeyCode::Char('j'), KeyModifiers::CONTROL),
            ]
        );
        assert_eq!(keys("é€😀".as_bytes()).len(), 3);
    }

    #[test]
    fn sequences_become_their_keys() {
        let cases: &[(&[u8], Event)] = &[
            (b"\x1b[A", k(KeyCode::Up)),
            (b"\x1bOB", k(KeyCode::Down)),
            (b"\x1b[H", k(KeyCode::Home)),
            (b"\x1b[4~", k(KeyCode::End)),
            (b"\x1b[3~", k(KeyCode::Delete)),
            (b"\x1b[5~", k(KeyCode::PageUp)),
            (b"\x1b[6~", k(KeyCode::PageDown)),
            (b"\x1b[Z", key(KeyCode::BackTab, KeyModifiers::SHIFT)),
            (b"\x1bOP", k(KeyCode::F(1))),
            (b"\x1b[[A", k(KeyCode::F(1))),
            (b"\x1b[15~", k(KeyCode::F(5))),
            (b"\x1b[24~", k(KeyCode::F(12))),
            (b"\x1b[1;5C", key(KeyCode::Right, KeyModifiers::CONTROL)),
            (b"\x1b[3;2~", key(KeyCode::Delete, KeyModifiers::SHIFT)),
            (b"\x1bx", key(KeyCode::Char('x'), KeyModifiers::ALT)),
            (b"\x1bOM", k(KeyCode::Enter)),
        ];
        for (bytes, want) in cases {
            assert_eq!(keys(bytes), vec![want.clone()], "{bytes:?}");
        }
    }

    #[test]
    fn a_lone_esc_is_the_esc_key_at_once_unless_more_is_waiting() {
        assert_eq!(keys(b"\x1b"), vec![k(KeyCode::Esc)]);
        let mut p = Parser::default();
        assert!(p.feed(b"\x1b", true).is_empty());
        assert_eq!(p.waiting(), Some(SEQUENCE_WAIT));
        assert_eq!(p.feed(b"[B", false), vec![k(KeyCode::Down)]);
        assert_eq!(p.waiting(), None);
    }

    #[test]
    fn a_sequence_cut_in_two_waits_and_a_stalled_one_is_typed() {
        let mut p = Parser::default();
        assert!(p.feed(b"\x1b[1;", false).is_empty());
        assert_eq!(
            p.feed(b"5A", false),
            vec![key(KeyCode::Up, KeyModifiers::CONTROL)]
        );
        assert!(p.feed(b"\x1b[", false).is_empty());
        assert_eq!(
            p.flush(),
            vec![k(KeyCode::Esc), k(KeyCode::Char('['))],
            "Esc then [ typed quickly"
        );
        assert_eq!(p.waiting(), None);
    }

    #[test]
    fn esc_presses_that_arrive_together_are_each_counted() {
        assert_eq!(keys(b"\x1b\x1b"), vec![k(KeyCode::Esc), k(KeyCode::Esc)]);
        assert_eq!(keys(b"\x1b\x1b\x1b").len(), 3);
        assert_eq!(keys(b"\x1b\x1b[A"), vec![k(KeyCode::Esc), k(KeyCode::Up)]);
    }

    #[test]
    fn terminal_strings_are_skipped_never_typed() {
        assert_eq!(
            keys(b"a\x1b]11;rgb:0000/0000/0000\x1b\\b\x1b]0;hi\x07c\x1b_Gi=1;OK\x1b\\d\x1bP1$r0m\x1b\\e"),
            vec![
                k(KeyCode::Char('a')),
                k(KeyCode::Char('b')),
                k(KeyCode::Char('c')),
                k(KeyCode::Char('d')),
                k(KeyCode::Char('e')),
            ]
        );
        // One that never ends is dropped when the wait is over, and typing goes on.
        let mut p = Parser::default();
        assert!(p.feed(b"\x1b]11;rgb:00", false).is_empty());
        assert!(p.flush().is_empty());
        assert_eq!(p.feed(b"z", false), vec![k(KeyCode::Char('z'))]);
    }

    #[test]
    fn unwanted_sequences_are_skipped_whole() {
        assert_eq!(
            keys(b"\x1b[<0;3;4Mq\x1b[I\x1b[12;40Rx\x1b[MabcY"),
            vec![
                k(KeyCode::Char('q')),
                k(KeyCode::Char('x')),
                key(KeyCode::Char('Y'), KeyModifiers::SHIFT)
            ]
        );
    }

    #[test]
    fn a_paste_is_one_event_however_it_arrives() {
        let text = "line one\r\nline \x1b two é".repeat(500);
        let mut bytes = PASTE_START.to_vec();
        bytes.extend_from_slice(text.as_bytes());
        bytes.extend_from_slice(PASTE_END);
        bytes.push(b'\r');
        // Whole, and in pieces of every size that cut the markers.
        for size in [bytes.len(), 1000, 7, 3, 1] {
            let mut p = Parser::default();
            let mut events = Vec::new();
            let chunks = bytes.chunks(size).collect::<Vec<_>>();
            for (i, chunk) in chunks.iter().enumerate() {
                events.extend(p.feed(chunk, i + 1 < chunks.len()));
            }
            assert_eq!(
                events,
                vec![Event::Paste(text.clone()), k(KeyCode::Enter)],
                "pieces of {size}"
            );
            assert_eq!(p.waiting(), None);
        }
    }

    #[test]
    fn a_paste_never_ended_is_given_when_the_wait_is_over() {
        let mut p = Parser::default();
        assert!(p.feed(b"\x1b[200~half a paste", false).is_empty());
        assert_eq!(p.waiting(), Some(PASTE_WAIT));
        assert_eq!(p.flush(), vec![Event::Paste("half a paste".into())]);
        assert_eq!(p.feed(b"a", false), vec![k(KeyCode::Char('a'))]);
    }

    #[test]
    fn a_character_cut_between_reads_is_whole() {
        let mut p = Parser::default();
        let bytes = "é".as_bytes();
        assert!(p.feed(&bytes[..1], false).is_empty());
        assert_eq!(p.feed(&bytes[1..], false), vec![k(KeyCode::Char('é'))]);
        assert_eq!(keys(&[0xff, b'a']), vec![k(KeyCode::Char('a'))]);
    }

    /// Bytes a terminal sends, in pieces that cut anything anywhere: never a panic, and the same
    /// events as the bytes read whole (pieces followed by more are fed as such).
    mod properties {
        use proptest::prelude::*;

        use super::*;

        fn pieces() -> impl Strategy<Value = Vec<u8>> {
            let piece = prop_oneof![
                Just(b"\x1b".to_vec()),
                Just(b"\x1b[".to_vec()),
                Just(b"\x1b[1;5A".to_vec()),
                Just(b"\x1b[3~".to_vec()),
                Just(b"\x1bOP".to_vec()),
                Just(PASTE_START.to_vec()),
                Just(PASTE_END.to_vec()),
                Just("é€".as_bytes().to_vec()),
                Just(b"\r\t\x7f".to_vec()),
                Just(b"\x1b]0;title".to_vec()),
                Just(b"\x07".to_vec()),
                Just(b"\x1b\\".to_vec()),
                proptest::collection::vec(any::<u8>(), 0..8),
            ];
            proptest::collection::vec(piece, 0..24).prop_map(|p| p.concat())
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]
            #[test]
            fn any_cut_gives_the_events_of_the_whole(
                bytes in pieces(),
                cuts in proptest::collection::vec(1usize..16, 1..8),
            ) {
                let mut whole = Parser::default();
                let mut want = whole.feed(&bytes, false);
                want.extend(whole.flush());

                let mut cut = Parser::default();
                let mut got = Vec::new();
                let mut at = 0;
                for size in cuts.iter().cycle() {
                    if at >= bytes.len() {
                        break;
                    }
                    let end = (at + size).min(bytes.len());
                    got.extend(cut.feed(&bytes[at..end], end < bytes.len()));
                    at = end;
                }
                got.extend(cut.flush());
                prop_assert_eq!(got, want);
                prop_assert_eq!(cut.waiting(), None);
            }
        }
    }
}
