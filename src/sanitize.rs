//! The one sanitiser for text that reaches a terminal from data (plan names, paths, entries the
//! person evaluated, values typed on the command line). No dependencies: the build script
//! compiles it too, for the knowledge types' messages.
//!
//! A name is free text, so it can carry escape sequences (`ESC ] 0 ; ... BEL` retitles the
//! window, `ESC [ 2 J` clears the screen), C1 controls, bidirectional overrides that make text
//! read backwards, and invisible characters that make two names look alike. Such characters are
//! shown as `\u{...}` escapes, so what is printed is inert and still says what was there.

use std::borrow::Cow;
use std::fmt::Write as _;

/// The longest value quoted in full in an error message; longer ones are shortened.
pub const MAX_SHOWN_CHARS: usize = 60;

/// Whether a character must not reach a terminal as it is: controls (C0, DEL, C1),
/// bidirectional controls, and invisible format characters (zero-width spaces and joiners,
/// word joiners, the byte-order mark, soft hyphen, tags, line and paragraph separators).
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
}

/// Whether a character is safe to draw inside a terminal cell but is escaped in plain text: the
/// zero-width joiners of emoji and of scripts, which a full-screen renderer keeps inside one cell.
fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}')
}

/// One line of text for a terminal: every unsafe character (newlines and tabs included) escaped.
pub fn terminal(text: &str) -> Cow<'_, str> {
    escape(text, is_unsafe)
}

/// Several lines for a terminal (a whole output): like [`terminal`], but newlines and tabs stay.
pub fn terminal_lines(text: &str) -> Cow<'_, str> {
    escape(text, |c| is_unsafe(c) && !matches!(c, '\n' | '\t'))
}

/// JSON text for a terminal: unsafe characters, which can only stand inside strings there, become
/// `\uXXXX` escapes, so the document parses to exactly the same values. Newlines and tabs between
/// tokens stay; inside strings the serializer has escaped them already.
pub fn json(text: &str) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| is_unsafe(c) && !matches!(c, '\n' | '\t'))
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_unsafe(c) && !matches!(c, '\n' | '\t') {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{unit:04x}");
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A value quoted in an error: one line, and shortened when long (a 100 MB answer must not make
/// a 100 MB message), saying how long it was.
pub fn value(text: &str) -> String {
    let count = text.chars().count();
    if count <= MAX_SHOWN_CHARS {
        return terminal(text).into_owned();
    }
    let head: String = text.chars().take(MAX_SHOWN_CHARS - 20).collect();
    format!("{}... ({count} characters)", terminal(&head))
}

/// Removes what must not reach the terminal from text drawn into a cell of a full-screen
/// session. Controls never get there (the renderer drops them); zero-width characters are
/// attached to the cell before them, so removing them changes no layout. Joiners stay: they are
/// part of an emoji or a word, and harmless.
pub fn cell_symbol(symbol: &str) -> Option<String> {
    if !symbol.chars().any(|c| is_unsafe(c) && !is_joiner(c)) {
        return None;
    }
    let kept: String = symbol
        .chars()
        .filter(|&c| !is_unsafe(c) || is_joiner(c))
        .collect();
    Some(if kept.is_empty() {
        " ".to_owned()
    } else {
        kept
    })
}

fn escape(text: &str, unsafe_here: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(&unsafe_here) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if unsafe_here(c) {
            match c {
                // As Rust and most languages write them, and as `{:?}` shows them.
                '\n' => out.push_str("\\n"),
                '\t' => out.push_str("\\t"),
                '\r' => out.push_str("\\r"),
                c => {
                    let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
                }
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_an_osc_title_and_a_screen_clear() {
        let evil = "Evil \u{1b}]0;pwned\u{7}\u{1b}[2J Cert";
        assert_eq!(terminal(evil), "Evil \\u{1b}]0;pwned\\u{7}\\u{1b}[2J Cert");
    }

    #[test]
    fn escapes_c1_bidi_and_zero_width() {
        for c in [
            '\u{9b}', '\u{202e}', '\u{2066}', '\u{200b}', '\u{feff}', '\u{200d}',
        ] {
            let shown = terminal(&format!("a{c}b")).into_owned();
            assert!(!shown.contains(c), "{c:?}: {shown}");
            assert!(shown.starts_with("a\\u{"), "{shown}");
        }
    }

    #[test]
    fn keeps_ordinary_text_of_any_script() {
        for s in ["café", "日本語の計画", "مرحبا", "❤\u{fe0f} ok"] {
            assert!(matches!(terminal(s), Cow::Borrowed(_)), "{s}");
        }
    }

    #[test]
    fn lines_keep_newlines_and_tabs() {
        assert_eq!(terminal_lines("a\n\tb\u{1b}"), "a\n\tb\\u{1b}");
    }

    #[test]
    fn json_escapes_parse_back_to_the_same_value() {
        let value = serde_json::json!({"name": "x\u{202e}y\u{9b}z\u{e0041}"});
        let text = serde_json::to_string_pretty(&value).unwrap_or_default();
        let safe = json(&text);
        assert!(!safe.chars().any(|c| is_unsafe(c) && c != '\n'), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap_or_default();
        assert_eq!(back, value);
    }

    #[test]
    fn long_values_are_shortened() {
        let long = "x".repeat(1_000_000);
        let shown = value(&long);
        assert!(shown.len() < 80, "{shown}");
        assert!(shown.ends_with("(1000000 characters)"), "{shown}");
        assert_eq!(value("short"), "short");
    }

    #[test]
    fn cells_lose_bidi_but_keep_emoji_joiners() {
        assert_eq!(cell_symbol("a\u{202e}").as_deref(), Some("a"));
        assert_eq!(cell_symbol("\u{200b}").as_deref(), Some(" "));
        assert_eq!(cell_symbol("👩\u{200d}💻"), None);
        assert_eq!(cell_symbol("a"), None);
    }
}
