//! The frame around every screen (title row, footer of key hints, the "terminal too small"
//! message) and the text helpers screens and overlays share: wrapping, padding, lists, dialogs.
//! Nothing here knows the session: callers pass what to draw.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, List, ListItem, Paragraph, Widget};

use crate::tui::theme::Theme;

/// Smallest terminal certwise draws in (the design size is 80x24).
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 18;

/// Title row, body, footer row.
pub fn layout(area: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// The body of every screen, inside the frame, for a terminal of `width` x `height`.
pub fn body_area(width: u16, height: u16) -> Rect {
    layout(Rect::new(0, 0, width, height))[1]
}

/// The body with a one-column margin each side.
pub fn padded(area: Rect) -> Rect {
    Rect {
        x: area.x.saturating_add(1),
        width: area.width.saturating_sub(2),
        ..area
    }
}

/// What the title row says.
pub struct Title<'a> {
    /// The screen's name ("Your plan").
    pub screen: &'a str,
    /// The opened plan's name and whether it changed, on the screens that show it.
    pub plan: Option<(&'a str, bool)>,
    /// On the right: the last action's message, or the screen's progress.
    pub right: String,
}

pub fn title_bar(theme: &Theme, title: &Title, area: Rect, buf: &mut Buffer) {
    let t = theme;
    let screen = title.screen;
    let name = match title.plan {
        Some((name, changed)) => format!(" · {name}{}", if changed { " (changed)" } else { "" }),
        None => String::new(),
    };
    // At most half the row. A longer message keeps its start ("Saved ...", "Copied as ..."):
    // right-aligned, an overflowing line would lose its beginning instead.
    let room = usize::from(area.width / 2);
    let mut right = format!("{} ", title.right);
    if textwrap::core::display_width(&right) > room {
        let options = textwrap::Options::new(room.saturating_sub(2).max(1))
            .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
            .break_words(true);
        let first = textwrap::wrap(right.trim_end(), options)
            .into_iter()
            .next()
            .unwrap_or_default();
        right = format!("{first}… ");
    }
    let right_width = u16::try_from(textwrap::core::display_width(&right))
        .unwrap_or(0)
        .min(area.width / 2);
    let [left_area, right_area] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(right_width)]).areas(area);
    // The plan's name gives way to the message on the right, with a space between them.
    let fixed = format!(" certwise · {screen}");
    let room = usize::from(left_area.width.saturating_sub(1))
        .saturating_sub(textwrap::core::display_width(&fixed));
    let name = ellipsized(&name, room);
    Line::from(vec![
        Span::styled(" certwise", t.heading),
        Span::styled(format!(" · {screen}"), t.title),
        Span::styled(name, t.dim),
    ])
    .render(left_area, buf);
    Line::from(Span::styled(right, t.dim))
        .right_aligned()
        .render(right_area, buf);
}

/// Whether a status message fits the title row's right half on a terminal `width` wide (with
/// room for the screen's name on the left).
pub fn fits_title(message: &str, width: u16) -> bool {
    textwrap::core::display_width(message) < usize::from(width / 2)
}

/// A status message too long for the title row, in the footer's place until the next key: on
/// the footer row, and on the row above it too when it needs a second line.
pub fn status_line(theme: &Theme, message: &str, footer: Rect, buf: &mut Buffer) {
    let width = footer.width.saturating_sub(2);
    let mut lines = wrap(message, width, theme.title, " ");
    if lines.len() > 2 {
        let second: String = lines[1].spans.iter().map(|s| s.content.as_ref()).collect();
        let rest: String = lines[2..]
            .iter()
            .flat_map(|l| l.spans.iter().map(|s| s.content.to_string()))
            .collect::<Vec<_>>()
            .join(" ");
        lines.truncate(1);
        lines.push(Line::styled(
            ellipsized(&format!("{second} {}", rest.trim()), usize::from(width)),
            theme.title,
        ));
    }
    let rows = u16::try_from(lines.len()).unwrap_or(1).max(1);
    let area = Rect {
        y: footer.y.saturating_sub(rows - 1),
        height: rows,
        ..footer
    };
    Clear.render(area, buf);
    Paragraph::new(lines).render(area, buf);
}

/// What a cut-off view says of the items (or lines) out of sight: `↓ 3 more below`, `↑ 2 more
/// above`, or both; `None` when nothing is.
pub fn more_text(above: usize, below: usize) -> Option<String> {
    match (above, below) {
        (0, 0) => None,
        (0, b) => Some(format!("↓ {b} more below")),
        (a, 0) => Some(format!("↑ {a} more above")),
        (a, b) => Some(format!("↑ {a} more above · ↓ {b} below")),
    }
}

/// How many items, of the given heights, a view `room` rows high shows from item `offset` on.
pub fn items_shown(heights: &[u16], offset: usize, room: u16) -> usize {
    let mut used = 0u32;
    heights
        .iter()
        .skip(offset)
        .take_while(|h| {
            used += u32::from(**h);
            used <= u32::from(room)
        })
        .count()
}

/// Draws a list of items of the given heights in `area` with `selected` highlighted; when they do
/// not all fit, its last row says how many are above and below the ones shown.
pub fn marked_list(
    theme: &Theme,
    items: Vec<ListItem<'_>>,
    selected: Option<usize>,
    area: Rect,
    buf: &mut Buffer,
) {
    let heights: Vec<u16> = items
        .iter()
        .map(|i| u16::try_from(i.height()).unwrap_or(1))
        .collect();
    let cut = heights.iter().map(|h| u32::from(*h)).sum::<u32>() > u32::from(area.height);
    let [rows, marker] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(u16::from(cut))]).areas(area);
    let mut state = ratatui::widgets::ListState::default().with_selected(selected);
    ratatui::widgets::StatefulWidget::render(list(theme, items), rows, buf, &mut state);
    let shown = items_shown(&heights, state.offset(), rows.height);
    let below = heights.len().saturating_sub(state.offset() + shown);
    if let Some(text) = more_text(state.offset(), below).filter(|_| cut) {
        Line::styled(text, theme.dim)
            .right_aligned()
            .render(marker, buf);
    }
}

/// `text` cut to `width` columns, ending in "…" when cut.
fn ellipsized(text: &str, width: usize) -> String {
    if textwrap::core::display_width(text) <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = textwrap::core::display_width(c.encode_utf8(&mut [0; 4]));
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// One footer hint: the keys, what they do, and whether it is kept on a narrow footer (the
/// global rows, help and quit, and saving: see `keymap::footer_hints`).
pub type Hint = (String, &'static str, bool);

/// The hints a footer of `width` columns shows, in the table's order: every kept one, and the
/// others from the first while they fit; then the others, which had no room.
pub fn fit_hints(hints: Vec<Hint>, width: u16) -> (Vec<Hint>, Vec<Hint>) {
    let kept: usize = hints.iter().filter(|h| h.2).map(hint_cost).sum();
    let mut room = usize::from(width).saturating_sub(1 + kept);
    let mut shown = Vec::new();
    let mut left = Vec::new();
    for h in hints {
        if h.2 {
            shown.push(h);
        } else if left.is_empty() && hint_cost(&h) <= room {
            room -= hint_cost(&h);
            shown.push(h);
        } else {
            left.push(h);
        }
    }
    (shown, left)
}

/// The columns a hint takes in the footer.
fn hint_cost((key, hint, _): &Hint) -> usize {
    key.chars().count() + hint.len() + 3
}

/// The footer: the screen's own keys first; on a narrow terminal they give way, help and quit
/// stay.
pub fn footer(theme: &Theme, hints: Vec<Hint>, area: Rect, buf: &mut Buffer) {
    let (shown, _) = fit_hints(hints, area.width);
    let mut spans = vec![Span::raw(" ")];
    for (key, hint, _) in shown {
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::styled(format!(" {hint}  "), theme.dim));
    }
    Line::from(spans).render(area, buf);
}

/// Drawn instead of everything when the terminal is below the minimum size. How to quit comes
/// first: on a tiny terminal the end of the message is cut off.
pub fn too_small(theme: &Theme, quit_key: &str, area: Rect, buf: &mut Buffer) {
    let text = format!(
        "{quit_key} to quit · Terminal too small ({}x{}): enlarge it to at least \
         {MIN_WIDTH}x{MIN_HEIGHT} (certwise is designed for 80x24).",
        area.width, area.height
    );
    Paragraph::new(wrap(&text, area.width, theme.text, "")).render(area, buf);
}

/// Wraps text at word boundaries into lines of at most `width` columns.
pub fn wrap(text: &str, width: u16, style: Style, indent: &str) -> Vec<Line<'static>> {
    let width = usize::from(width.max(1));
    let options = textwrap::Options::new(width)
        .initial_indent(indent)
        .subsequent_indent(indent)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
        // Break at spaces only: "(AI-102)" or "MLA-C01" split at the hyphen reads badly.
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(true);
    textwrap::wrap(text, options)
        .into_iter()
        .map(|l| Line::styled(l.into_owned(), style))
        .collect()
}

/// Wraps `text` after a fixed prefix span, indenting continuation lines to line up.
pub fn wrap_after(
    prefix: Span<'static>,
    text: &str,
    width: u16,
    style: Style,
) -> Vec<Line<'static>> {
    let indent = " ".repeat(prefix.width());
    let avail = usize::from(width).saturating_sub(indent.len()).max(1);
    let options = textwrap::Options::new(avail)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(true);
    textwrap::wrap(text, options)
        .into_iter()
        .scan(Some(prefix), |first, l| {
            let lead = first.take().unwrap_or_else(|| Span::raw(indent.clone()));
            Some(Line::from(vec![lead, Span::styled(l.into_owned(), style)]))
        })
        .collect()
}

/// A list with the highlight in reverse video (visible without colour).
pub fn list<'a>(theme: &Theme, items: Vec<ListItem<'a>>) -> List<'a> {
    List::new(items)
        .highlight_style(theme.selected)
        .highlight_symbol("▶ ")
}

/// The text column of a dialog drawn in `area` (see [`dialog`]), less its one-column indent.
pub fn dialog_text_width(area: Rect) -> usize {
    usize::from(area.width.saturating_sub(4).min(60).saturating_sub(5))
}

/// A bordered window in the middle of `area`, as high as its wrapped text.
pub fn dialog(theme: &Theme, title: &str, lines: &[String], area: Rect, buf: &mut Buffer) {
    dialog_with(theme, title, Vec::new(), lines, area, buf);
}

/// [`dialog`] with styled lines first, drawn as they are (a text field with its cursor, made to
/// fit [`dialog_text_width`]), then `lines` wrapped.
pub fn dialog_with(
    theme: &Theme,
    title: &str,
    styled: Vec<Line<'static>>,
    lines: &[String],
    area: Rect,
    buf: &mut Buffer,
) {
    let width = area.width.saturating_sub(4).min(60);
    let mut text: Vec<Line<'static>> = styled
        .into_iter()
        .map(|mut l| {
            l.spans.insert(0, Span::raw(" "));
            l
        })
        .collect();
    for l in lines {
        text.extend(wrap(l, width.saturating_sub(4), theme.text, " "));
    }
    let height = u16::try_from(text.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2)
        .min(area.height);
    let area = area.centered(Constraint::Length(width), Constraint::Length(height));
    Clear.render(area, buf);
    let block = Block::bordered()
        .border_style(theme.focused_border)
        .title(Line::styled(format!(" {title} "), theme.title));
    Paragraph::new(text).block(block).render(area, buf);
}
