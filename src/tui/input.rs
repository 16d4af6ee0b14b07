//! Text fields (plan names, the evaluation form): editing by grapheme cluster, so a letter and its
//! combining accent or a wide character go as one, and a one-line view that scrolls sideways to
//! keep the cursor in sight.

use tui_input::{Input, InputRequest};
use unicode_segmentation::UnicodeSegmentation as _;
use unicode_width::UnicodeWidthStr as _;

/// The most characters (as people count them: grapheme clusters) a name or field takes.
pub const MAX_LEN: usize = 80;

/// What marks the cursor at the end of a field.
pub const CURSOR: &str = "▏";

/// Appends a typed (or pasted) character, unless the field would then hold more than `max`
/// characters. A combining mark joins the character before it and does not count on its own;
/// code points are capped too (four per character), so marks cannot pile up without end.
pub fn type_char(text: &mut String, c: char, max: usize) {
    if c.is_control() || text.chars().count() >= max * 4 {
        return;
    }
    text.push(c);
    if text.graphemes(true).count() > max {
        text.pop();
    }
}

/// Deletes the last character as people see it: a letter with its accents, a whole emoji.
pub fn delete_last(text: &mut String) {
    let mut input = Input::new(std::mem::take(text));
    input.handle(InputRequest::DeletePrevChar);
    *text = input.into();
}

/// The field as one line of at most `width` columns, with the cursor at the end: when the text is
/// too long, its start gives way to `…` so the end and the cursor stay visible.
pub fn window(text: &str, width: usize) -> String {
    let cursor = CURSOR.width();
    if text.width() + cursor <= width {
        return format!("{text}{CURSOR}");
    }
    let ellipsis = "…".width();
    let room = width.saturating_sub(cursor + ellipsis);
    // The columns to skip, rounded up to a whole character so a wide one is never cut in half.
    let skip = Input::new(text.to_owned()).visual_scroll(room);
    let mut skipped = 0;
    let tail: String = text
        .graphemes(true)
        .skip_while(|g| {
            let before = skipped;
            skipped += g.width();
            before < skip
        })
        .collect();
    format!("…{tail}{CURSOR}")
}
