//! The job-postings screen before a scan: a one-line field for a folder or file and a box for
//! pasted postings, the one with the keyboard outlined, and why the last scan did not happen.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget};

use super::key_for;
use super::{Focus, State};
use crate::tui::action::Action;
use crate::tui::frame::wrap;
use crate::tui::keymap::Mode;
use crate::tui::shared::Shared;
use crate::tui::text_field::CURSOR;

pub fn render(shared: &Shared, state: &State, area: Rect, buf: &mut Buffer) {
    let t = &shared.theme;
    let intro = wrap(
        "What do the jobs you want ask for? Scan the postings you saved (text, Markdown or HTML; \
         folders are read recursively), or paste postings into the box.",
        area.width,
        t.dim,
        "",
    );
    let error = message(shared, state, area.width);
    let rows = |l: &Vec<Line>| u16::try_from(l.len()).unwrap_or(u16::MAX);
    let [intro_area, path_area, paste_area, error_area] = Layout::vertical([
        Constraint::Length(rows(&intro)),
        Constraint::Length(3),
        Constraint::Min(3),
        Constraint::Length(rows(&error)),
    ])
    .areas(area);
    Paragraph::new(intro).render(intro_area, buf);

    let on_path = state.focus == Focus::Path;
    let block = |title: String, focused: bool| {
        let (border, style) = if focused {
            (t.focused_border, t.title)
        } else {
            (t.border, t.dim)
        };
        Block::bordered()
            .border_style(border)
            .title(Line::styled(title, style))
    };
    let path_block = block(
        format!(
            " Folder or file · {} scans ",
            key_for(Mode::PostingsPath, Action::Scan)
        ),
        on_path,
    );
    let inner = path_block.inner(path_area);
    path_block.render(path_area, buf);
    let path_line = if !on_path && state.path.is_empty() {
        Line::styled("e.g. ~/Documents/job-postings", t.dim)
    } else {
        state
            .path
            .line(usize::from(inner.width), on_path, t.text, t.selected)
    };
    Paragraph::new(path_line).render(inner, buf);

    let lines = state
        .pasted
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count();
    let paste_block = block(
        format!(
            " Or paste postings{} · {} scans ",
            match lines {
                0 => String::new(),
                1 => " (1 line)".to_owned(),
                n => format!(" ({n} lines)"),
            },
            key_for(Mode::PostingsPaste, Action::Scan)
        ),
        !on_path,
    );
    let inner = paste_block.inner(paste_area);
    paste_block.render(paste_area, buf);
    let text = if state.pasted.is_empty() && on_path {
        wrap(
            &format!(
                "{} comes here. Paste one posting or several, with a line of --- between two.",
                key_for(Mode::PostingsPath, Action::NextPane)
            ),
            inner.width,
            t.dim,
            "",
        )
    } else {
        tail(&state.pasted, !on_path, inner.width, inner.height)
            .into_iter()
            .map(|l| Line::styled(l, t.text))
            .collect()
    };
    Paragraph::new(text).render(inner, buf);
    Paragraph::new(error).render(error_area, buf);
}

/// The last `height` rows of `text` wrapped to `width`, the cursor at its end when `cursor`:
/// the box follows what is typed or pasted. Only the end of the text is wrapped, so a long
/// paste costs no more to draw than a short one.
fn tail(text: &str, cursor: bool, width: u16, height: u16) -> Vec<String> {
    let (w, h) = (usize::from(width.max(1)), usize::from(height));
    // Enough of a long last line to fill the box (four bytes a column at most).
    let room = w * h.max(1) * 4;
    let mut rows: Vec<String> = Vec::new();
    let mut lines = text.split('\n').rev().peekable();
    let mut last = true;
    while rows.len() < h {
        let Some(line) = lines.next() else { break };
        let mut start = line.len().saturating_sub(room);
        while !line.is_char_boundary(start) {
            start += 1;
        }
        let mut line = line[start..].replace('\t', " ");
        if last && cursor {
            line.push_str(CURSOR);
        }
        last = false;
        let options = textwrap::Options::new(w)
            .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
            .break_words(true);
        let mut wrapped: Vec<String> = textwrap::wrap(&line, options)
            .into_iter()
            .map(std::borrow::Cow::into_owned)
            .collect();
        if wrapped.is_empty() {
            wrapped.push(String::new());
        }
        rows.splice(0..0, wrapped);
    }
    let cut = rows.len().saturating_sub(h);
    rows.drain(..cut);
    rows
}

/// Under the fields: that a scan is running, or why the last one could not run.
fn message(shared: &Shared, state: &State, width: u16) -> Vec<Line<'static>> {
    let t = &shared.theme;
    if state.scanning.is_some() {
        let what = state.source.as_deref().map_or_else(
            || "the pasted postings".to_owned(),
            crate::postings::report::terminal_safe,
        );
        return wrap(
            &format!(
                "Scanning {what}… ({} stops waiting)",
                key_for(state.mode(), crate::tui::action::Action::Back)
            ),
            width,
            t.title,
            "",
        );
    }
    state
        .error
        .as_deref()
        .map(|e| wrap(e, width, t.error, ""))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::tail;

    #[test]
    fn the_box_shows_the_end_of_the_text_with_the_cursor() {
        assert_eq!(tail("a\nb\nc", true, 10, 2), ["b", "c▏"]);
        assert_eq!(tail("a\n", true, 10, 3), ["a", "▏"]);
        assert_eq!(tail("abcdef", false, 3, 5), ["abc", "def"]);
        assert!(tail("", false, 3, 0).is_empty());
    }
}
