//! One text field editor for every typed text in the session (plan names, the evaluation form):
//! a cursor that moves and deletes by grapheme cluster (a letter with its accents, a whole emoji,
//! a wide character go as one), a length limit that says when it cut something, a pre-filled
//! text that the first typed character replaces, and a one-line view that scrolls sideways to
//! keep the cursor in sight. Screens turn their actions into [`Edit`]s with [`Edit::from_action`]
//! and draw the field with [`TextField::line`].

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation as _;
use unicode_width::UnicodeWidthStr as _;

use crate::tui::input::KeyCode as K;

use crate::tui::action::Action;
/// The most characters (as people count them: grapheme clusters) a name or field takes.
pub const MAX_LEN: usize = 80;

/// What marks the cursor at the end of a field.
pub const CURSOR: &str = "▏";
use crate::tui::keymap::KeyPat::{Code, Ctrl, CtrlCode};
use crate::tui::keymap::{Binding, Mode as M, Scope};

/// The modes whose text field edits with [`KEYS`]: the name window, the evaluation form's
/// fields, the catalog's search and the job-postings folder field.
const MODES: &[M] = &[M::Input, M::EvalField, M::CatalogSearch, M::PostingsPath];

/// The editing keys every text field shares, read after the keys of the screen or window that
/// owns the field (which binds Enter, Esc and typing, and may take a key first).
pub static KEYS: &[Binding] = &[
    Binding {
        scope: Scope::Only(MODES),
        keys: &[Code(K::Left)],
        action: Action::CursorLeft,
        help: "move the cursor left",
        hint: None,
    },
    Binding {
        scope: Scope::Only(MODES),
        keys: &[Code(K::Right)],
        action: Action::CursorRight,
        help: "move the cursor right",
        hint: None,
    },
    Binding {
        scope: Scope::Only(MODES),
        keys: &[CtrlCode(K::Left)],
        action: Action::CursorWordLeft,
        help: "cursor to the start of the word before it",
        hint: None,
    },
    Binding {
        scope: Scope::Only(MODES),
        keys: &[CtrlCode(K::Right)],
        action: Action::CursorWordRight,
        help: "cursor past the end of the word after it",
        hint: None,
    },
    Binding {
        scope: Scope::Only(MODES),
        keys: &[Code(K::Home), Ctrl('a')],
        action: Action::CursorStart,
        help: "cursor to the start",
        hint: None,
    },
    Binding {
        scope: Scope::Only(MODES),
        keys: &[Code(K::End), Ctrl('e')],
        action: Action::CursorEnd,
        help: "cursor to the end",
        hint: None,
    },
    Binding {
        scope: Scope::Only(MODES),
        keys: &[Code(K::Backspace)],
        action: Action::DeleteChar,
        help: "delete the character before the cursor",
        hint: None,
    },
    Binding {
        scope: Scope::Only(MODES),
        keys: &[Code(K::Delete)],
        action: Action::DeleteNextChar,
        help: "delete the character under the cursor",
        hint: None,
    },
    Binding {
        scope: Scope::Only(MODES),
        keys: &[Ctrl('u')],
        action: Action::ClearToStart,
        help: "delete everything before the cursor",
        hint: None,
    },
    Binding {
        scope: Scope::Only(MODES),
        keys: &[Ctrl('w')],
        action: Action::DeleteWord,
        help: "delete the word before the cursor",
        hint: None,
    },
];

/// What a field says when it cut what was typed or pasted into it at its limit.
pub fn cut_message(max: usize) -> String {
    format!("This field takes only {max} characters; the rest was left out.")
}

/// A one-line text being edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextField {
    text: String,
    /// Where the cursor is, in bytes; always on a grapheme boundary.
    cursor: usize,
    /// The whole text is selected (a pre-filled default): the first character typed replaces
    /// it; any other key keeps it and does what it does.
    selected: bool,
    /// The most characters (grapheme clusters) it takes.
    max: usize,
}

impl Default for TextField {
    fn default() -> Self {
        TextField::new(MAX_LEN)
    }
}

/// One editing step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// Type a character at the cursor (control characters are ignored).
    Insert(char),
    /// The cursor one character left.
    Left,
    /// The cursor one character right.
    Right,
    /// The cursor to the start of the word before it.
    WordLeft,
    /// The cursor past the end of the word after it.
    WordRight,
    /// The cursor to the start.
    Start,
    /// The cursor to the end.
    End,
    /// Delete the character before the cursor (Backspace).
    DeleteBack,
    /// Delete the character under the cursor (Delete).
    DeleteForward,
    /// Delete from the start to the cursor (Ctrl-U).
    ClearToStart,
    /// Delete the word before the cursor, and the spaces after it (Ctrl-W).
    DeleteWordBack,
}

impl Edit {
    /// The edit a text field makes of an action, if it is one.
    pub fn from_action(action: Action) -> Option<Edit> {
        Some(match action {
            Action::TypeChar(c) => Edit::Insert(c),
            Action::CursorLeft => Edit::Left,
            Action::CursorRight => Edit::Right,
            Action::CursorStart => Edit::Start,
            Action::CursorWordLeft => Edit::WordLeft,
            Action::CursorWordRight => Edit::WordRight,
            Action::CursorEnd => Edit::End,
            Action::DeleteChar => Edit::DeleteBack,
            Action::DeleteNextChar => Edit::DeleteForward,
            Action::ClearToStart => Edit::ClearToStart,
            Action::DeleteWord => Edit::DeleteWordBack,
            _ => return None,
        })
    }
}

/// What an edit did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[must_use]
pub enum Change {
    /// The text changed.
    Text,
    /// Only the cursor moved (or the selection went).
    Cursor,
    /// Nothing: already at the edge, nothing to delete, or a control character.
    None,
    /// A character was refused: the field holds its most characters already.
    Full,
}

impl TextField {
    /// An empty field taking at most `max` characters.
    pub fn new(max: usize) -> Self {
        TextField {
            text: String::new(),
            cursor: 0,
            selected: false,
            max: max.max(1),
        }
    }

    /// A field pre-filled with `text` (a suggested name), all of it selected: typing replaces
    /// it, a movement key keeps it. Cut to the limit if longer.
    pub fn prefilled(text: &str, max: usize) -> Self {
        let mut field = TextField::with_text(text, max);
        field.selected = !field.text.is_empty();
        field
    }

    /// A field holding `text` (cut to the limit), the cursor at its end, nothing selected.
    pub fn with_text(text: &str, max: usize) -> Self {
        let mut field = TextField::new(max);
        field.text = text
            .graphemes(true)
            .filter(|g| !g.chars().any(char::is_control))
            .take(field.max)
            .collect();
        field.cursor = field.text.len();
        field
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor, in bytes from the start.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The cursor, in characters (grapheme clusters) from the start.
    pub fn cursor_chars(&self) -> usize {
        self.text[..self.cursor].graphemes(true).count()
    }

    pub fn is_selected(&self) -> bool {
        self.selected
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The most characters it takes.
    pub fn max(&self) -> usize {
        self.max
    }

    /// Characters, as people count them.
    pub fn len(&self) -> usize {
        self.text.graphemes(true).count()
    }

    /// Empties the field.
    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
        self.selected = false;
    }

    /// Applies one edit.
    pub fn apply(&mut self, edit: Edit) -> Change {
        let was_selected = std::mem::take(&mut self.selected);
        if was_selected {
            match edit {
                Edit::Insert(c) if c.is_control() => {
                    self.selected = true;
                    return Change::None;
                }
                // Typing replaces the selection.
                Edit::Insert(_) => self.clear(),
                // Any other key keeps the text, unselected, and does what it does (Backspace
                // trims the end of a suggested name, as people expect in a terminal).
                _ => {}
            }
        }
        let moved = |field: &mut Self, to: usize| {
            if to == field.cursor {
                if was_selected {
                    Change::Cursor
                } else {
                    Change::None
                }
            } else {
                field.cursor = to;
                Change::Cursor
            }
        };
        match edit {
            Edit::Insert(c) => self.insert(c),
            Edit::Left => moved(self, self.prev(self.cursor)),
            Edit::Right => moved(self, self.next(self.cursor)),
            Edit::WordLeft => moved(self, self.word_start()),
            Edit::WordRight => moved(self, self.word_end()),
            Edit::Start => moved(self, 0),
            Edit::End => moved(self, self.text.len()),
            Edit::DeleteBack => self.delete(self.prev(self.cursor), self.cursor),
            Edit::DeleteForward => self.delete(self.cursor, self.next(self.cursor)),
            Edit::ClearToStart => self.delete(0, self.cursor),
            Edit::DeleteWordBack => self.delete(self.word_start(), self.cursor),
        }
    }

    fn insert(&mut self, c: char) -> Change {
        if c.is_control() {
            return Change::None;
        }
        // Code points are capped too (four per character), so combining marks cannot pile up
        // without end on one character.
        if self.text.chars().count() >= self.max * 4 {
            return Change::Full;
        }
        let mut text = self.text.clone();
        text.insert(self.cursor, c);
        if text.graphemes(true).count() > self.max {
            return Change::Full;
        }
        self.text = text;
        // A combining mark joins the character before it: the cursor goes after the whole
        // cluster it is part of.
        self.cursor = self.boundary_at_or_after(self.cursor + c.len_utf8());
        Change::Text
    }

    fn delete(&mut self, from: usize, to: usize) -> Change {
        if from >= to {
            return Change::None;
        }
        self.text.replace_range(from..to, "");
        self.cursor = from;
        Change::Text
    }

    /// The grapheme boundary before `at` (0 at the start).
    fn prev(&self, at: usize) -> usize {
        self.text[..at]
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    /// The grapheme boundary after `at` (the end at the end).
    fn next(&self, at: usize) -> usize {
        self.text[at..]
            .graphemes(true)
            .next()
            .map_or(at, |g| at + g.len())
    }

    fn boundary_at_or_after(&self, at: usize) -> usize {
        self.text
            .grapheme_indices(true)
            .map(|(i, _)| i)
            .find(|&i| i >= at)
            .unwrap_or(self.text.len())
    }

    /// Where the word before the cursor starts: back over spaces, then over the word (as
    /// Ctrl-W does in a shell).
    /// Past the end of the word after the cursor (skipping blanks first), as Ctrl-→ goes.
    fn word_end(&self) -> usize {
        let blank = |g: &str| g.chars().all(char::is_whitespace);
        let mut at = self.cursor;
        let mut after = self.text[self.cursor..].graphemes(true).peekable();
        while let Some(g) = after.next_if(|g| blank(g)) {
            at += g.len();
        }
        while let Some(g) = after.next_if(|g| !blank(g)) {
            at += g.len();
        }
        at
    }

    fn word_start(&self) -> usize {
        let before: Vec<(usize, &str)> = self.text[..self.cursor].grapheme_indices(true).collect();
        let blank = |g: &str| g.chars().all(char::is_whitespace);
        let mut i = before.len();
        while i > 0 && blank(before[i - 1].1) {
            i -= 1;
        }
        while i > 0 && !blank(before[i - 1].1) {
            i -= 1;
        }
        before.get(i).map_or(self.cursor, |(at, _)| *at)
    }

    /// The field as one line of at most `width` columns. Focused, the cursor shows as `▏`
    /// where it is (a selected text in `selected` style, the cursor after it), and the view
    /// scrolls sideways to keep the cursor in sight, with `…` where text is out of view.
    /// Unfocused, the text is cut at the end with `…` if it is too wide.
    pub fn line(
        &self,
        width: usize,
        focused: bool,
        style: Style,
        selected: Style,
    ) -> Line<'static> {
        let graphemes: Vec<&str> = self.text.graphemes(true).collect();
        if !focused {
            let (shown, cut) = fit_from_start(&graphemes, width);
            let mut spans = vec![Span::styled(shown, style)];
            if cut {
                spans.push(Span::styled("…", style));
            }
            return Line::from(spans);
        }
        let at = self.cursor_chars();
        let (before, after) = graphemes.split_at(at);
        let view = View::of(before, after, width);
        let mut spans = Vec::new();
        if view.cut_left {
            spans.push(Span::styled("…", style));
        }
        let text_style = if self.selected { selected } else { style };
        spans.push(Span::styled(view.before, text_style));
        spans.push(Span::styled(CURSOR, style));
        spans.push(Span::styled(view.after, style));
        if view.cut_right {
            spans.push(Span::styled("…", style));
        }
        Line::from(spans)
    }

    /// [`TextField::line`] as plain text (for windows that take strings).
    pub fn view(&self, width: usize, focused: bool) -> String {
        self.line(width, focused, Style::new(), Style::new())
            .spans
            .iter()
            .map(|s| s.content.as_ref())
            .collect()
    }
}

impl PartialEq<str> for TextField {
    fn eq(&self, other: &str) -> bool {
        self.text == other
    }
}

impl PartialEq<&str> for TextField {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

impl std::fmt::Display for TextField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// What of a focused field is in view.
struct View {
    before: String,
    after: String,
    cut_left: bool,
    cut_right: bool,
}

impl View {
    /// The text around the cursor that fits `width` columns, the cursor taking one.
    fn of(before: &[&str], after: &[&str], width: usize) -> View {
        let columns = |gs: &[&str]| gs.iter().map(|g| g.width()).sum::<usize>();
        let (wb, wa) = (columns(before), columns(after));
        let cursor = CURSOR.width();
        if wb + cursor + wa <= width {
            return View {
                before: before.concat(),
                after: after.concat(),
                cut_left: false,
                cut_right: false,
            };
        }
        // The cursor is near enough the start: the start shows, the end is cut.
        if wb + cursor < width {
            let after = take_columns(after, width - wb - cursor - 1);
            return View {
                before: before.concat(),
                after,
                cut_left: false,
                cut_right: true,
            };
        }
        // Otherwise the start is cut, and a quarter of the width (at most) shows what follows
        // the cursor.
        let (after, cut_right, reserve) = if wa == 0 {
            (String::new(), false, 0)
        } else if wa <= width / 4 {
            (after.concat(), false, wa)
        } else {
            let room = (width / 4).max(1);
            let shown = take_columns(after, room.saturating_sub(1));
            let used = shown.width() + 1;
            (shown, true, used)
        };
        let room = width.saturating_sub(1 + cursor + reserve);
        let mut used = 0;
        let kept = before
            .iter()
            .rev()
            .take_while(|g| {
                used += g.width();
                used <= room
            })
            .count();
        View {
            before: before[before.len() - kept..].concat(),
            after,
            cut_left: true,
            cut_right,
        }
    }
}

/// The first characters that fit `width` columns, and whether some were left out (then one
/// column is kept for `…`).
fn fit_from_start(graphemes: &[&str], width: usize) -> (String, bool) {
    let total: usize = graphemes.iter().map(|g| g.width()).sum();
    if total <= width {
        return (graphemes.concat(), false);
    }
    (take_columns(graphemes, width.saturating_sub(1)), true)
}

/// The first characters that fit `width` columns.
fn take_columns(graphemes: &[&str], width: usize) -> String {
    let mut used = 0;
    graphemes
        .iter()
        .take_while(|g| {
            used += g.width();
            used <= width
        })
        .copied()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> TextField {
        let mut f = TextField::new(MAX_LEN);
        for c in text.chars() {
            let _ = f.apply(Edit::Insert(c));
        }
        f
    }

    #[test]
    fn moves_and_deletes_by_grapheme() {
        // e + combining acute is one character; so is a family emoji.
        let mut f = typed("ae\u{301}👨‍👩‍👧z");
        assert_eq!(f.len(), 4);
        let _ = f.apply(Edit::Left);
        let _ = f.apply(Edit::Left);
        assert_eq!(f.cursor_chars(), 2);
        assert_eq!(f.apply(Edit::DeleteBack), Change::Text);
        assert_eq!(f.text(), "a👨‍👩‍👧z");
        assert_eq!(f.apply(Edit::DeleteForward), Change::Text);
        assert_eq!(f.text(), "az");
        assert_eq!(f.cursor_chars(), 1);
    }

    #[test]
    fn ctrl_w_deletes_the_word_before_the_cursor_and_its_spaces() {
        let mut f = typed("AWS ML  Specialty");
        let _ = f.apply(Edit::DeleteWordBack);
        assert_eq!(f.text(), "AWS ML  ");
        let _ = f.apply(Edit::DeleteWordBack);
        assert_eq!(f.text(), "AWS ");
        let _ = f.apply(Edit::Start);
        assert_eq!(f.apply(Edit::DeleteWordBack), Change::None);
    }

    #[test]
    fn the_view_keeps_the_cursor_in_sight() {
        let f = typed(&"abcdefghij".repeat(3));
        let v = f.view(12, true);
        assert!(v.starts_with('…') && v.ends_with("hij▏"), "{v}");
        assert_eq!(v.width(), 12);
    }
}
