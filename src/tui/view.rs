//! Drawing: the frame around every screen (title, footer), overlays, and helpers the screens
//! share. Rendering reads `&App` and never changes it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use crate::tui::app::{App, MIN_HEIGHT, MIN_WIDTH, Overlay, Screen};
use crate::tui::keymap::{self, Mode};
use crate::tui::{catalog_screen, evaluate_screen, plan_screen, saved_screen, screens};

pub use plan_screen::ranking_rows;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        if self.too_small() {
            too_small(self, area, buf);
            return;
        }
        let [title, body, footer_area] = frame_layout(area);
        title_bar(self, title, buf);
        match self.screen {
            Screen::Welcome => screens::welcome(self, body, buf),
            Screen::Interview => screens::question(self, body, buf),
            Screen::Summary => screens::summary(self, body, buf),
            Screen::Strategy => screens::strategy(self, body, buf),
            Screen::Plan => plan_screen::render(self, body, buf),
            Screen::Saved => saved_screen::render(self, body, buf),
            Screen::Catalog => catalog_screen::render(self, body, buf),
            Screen::Compare => catalog_screen::render_compare(self, body, buf),
            Screen::Evaluate => evaluate_screen::render(self, body, buf),
        }
        footer(self, footer_area, buf);
        saved_screen::overlay(self, area, buf);
    }
}

/// Title row, body, footer row.
pub fn frame_layout(area: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// The body of the current screen, inside the frame, for the given terminal size.
pub fn body_area(app: &App) -> Rect {
    frame_layout(Rect::new(0, 0, app.width, app.height))[1]
}

fn title_bar(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let screen = match app.screen {
        Screen::Welcome => "Welcome",
        Screen::Interview => "Interview",
        Screen::Summary => "Your answers",
        Screen::Strategy => "Your strategy",
        Screen::Plan => "Your plan",
        Screen::Saved => "Saved plans",
        Screen::Catalog => "Certification catalog",
        Screen::Compare => "Build versus certify",
        Screen::Evaluate => "Evaluate a certification",
    };
    let name = match (&app.opened, app.screen) {
        (Some(name), Screen::Plan | Screen::Strategy | Screen::Summary) => {
            format!(" · {name}{}", if app.unsaved { " (changed)" } else { "" })
        }
        _ => String::new(),
    };
    let right = if let Some(status) = &app.status {
        status.clone()
    } else if app.screen == Screen::Interview {
        let resolved = app.resolved();
        let n = resolved.position(&app.question).map_or(0, |i| i + 1);
        format!("Question {n} of {}", resolved.asked_count())
    } else {
        String::new()
    };
    // At most half the row. A longer message keeps its start ("Saved ...", "Copied as ..."):
    // right-aligned, an overflowing line would lose its beginning instead.
    let room = usize::from(area.width / 2);
    let mut right = format!("{right} ");
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

fn footer(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    // The screen's own keys first; on a narrow terminal they give way, help and quit stay.
    let (global, own): (Vec<_>, Vec<_>) = keymap::footer_hints(app.mode())
        .into_iter()
        .partition(|h| h.2);
    let cost = |(key, hint, _): &(String, &str, bool)| key.chars().count() + hint.len() + 3;
    let mut room =
        usize::from(area.width).saturating_sub(1 + global.iter().map(cost).sum::<usize>());
    let mut shown = Vec::new();
    for h in own {
        if cost(&h) > room {
            break;
        }
        room -= cost(&h);
        shown.push(h);
    }
    shown.extend(global);
    let mut spans = vec![Span::raw(" ")];
    for (key, hint, _) in shown {
        spans.push(Span::styled(key, t.key));
        spans.push(Span::styled(format!(" {hint}  "), t.dim));
    }
    Line::from(spans).render(area, buf);
}

fn too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let text = format!(
        "Terminal too small ({}x{}). certwise needs at least {MIN_WIDTH}x{MIN_HEIGHT} (designed for 80x24). \
         Enlarge the window to continue, or press q to quit.",
        area.width, area.height
    );
    Paragraph::new(wrap(&text, area.width, app.theme.text, "")).render(area, buf);
}

/// Wraps text at word boundaries into lines of at most `width` columns.
pub fn wrap(
    text: &str,
    width: u16,
    style: ratatui::style::Style,
    indent: &str,
) -> Vec<Line<'static>> {
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
    style: ratatui::style::Style,
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

/// Rows a page-key moves on the current screen.
pub fn page_rows(app: &App) -> usize {
    usize::from(scroll_area(app).height.saturating_sub(1)).max(1)
}

/// The area that scrolls on the current screen (or pane).
fn scroll_area(app: &App) -> Rect {
    let body = body_area(app);
    match app.screen {
        Screen::Plan => plan_screen::scroll_area(app, body),
        _ => screens::padded(body),
    }
}

/// The highest useful scroll offset for the current screen or pane.
pub fn max_scroll(app: &App) -> u16 {
    let area = scroll_area(app);
    let lines = match app.screen {
        Screen::Strategy => screens::strategy_lines(app, area.width).len(),
        Screen::Plan => plan_screen::pane_lines(app, area.width).len(),
        Screen::Catalog if app.catalog.detail => {
            catalog_screen::detail_lines(app, area.width).len()
        }
        Screen::Evaluate if app.eval.result.is_some() => {
            evaluate_screen::lines(app, area.width).len()
        }
        _ => 0,
    };
    u16::try_from(lines.saturating_sub(usize::from(area.height))).unwrap_or(u16::MAX)
}

fn help_area(area: Rect) -> Rect {
    area.centered(Constraint::Percentage(80), Constraint::Percentage(80))
}

/// The help rows, wrapped to `width` with continuation lines under the description.
fn help_lines(app: &App, under: Mode, width: u16) -> Vec<Line<'static>> {
    let t = &app.theme;
    let rows = keymap::help_rows(under);
    let key_width = rows
        .iter()
        .map(|b| b.keys_label_in(under).chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    rows.into_iter()
        .flat_map(|b| {
            let keys = Span::styled(format!(" {:<key_width$}", b.keys_label_in(under)), t.key);
            wrap_after(keys, b.help, width, t.text)
        })
        .collect()
}

/// The highest scroll offset of the help overlay.
pub fn help_max_scroll(app: &App) -> u16 {
    let Some(Overlay::Help { under, .. }) = app.overlay else {
        return 0;
    };
    let inner = Block::bordered().inner(help_area(Rect::new(0, 0, app.width, app.height)));
    let lines = help_lines(app, under, inner.width).len();
    u16::try_from(lines.saturating_sub(usize::from(inner.height))).unwrap_or(u16::MAX)
}

pub fn help(app: &App, under: Mode, scroll: u16, area: Rect, buf: &mut Buffer) {
    let area = help_area(area);
    Clear.render(area, buf);
    let block = Block::bordered()
        .border_style(app.theme.focused_border)
        .title(Line::styled(
            format!(" Keys: {} ", under.title()),
            app.theme.title,
        ))
        .title_bottom(Line::styled(" Esc closes ", app.theme.dim).right_aligned());
    let width = block.inner(area).width;
    Paragraph::new(help_lines(app, under, width))
        .scroll((scroll, 0))
        .block(block)
        .render(area, buf);
}

pub fn dialog(app: &App, title: &str, lines: &[String], area: Rect, buf: &mut Buffer) {
    let width = area.width.saturating_sub(4).min(60);
    let mut text = Vec::new();
    for l in lines {
        text.extend(wrap(l, width.saturating_sub(4), app.theme.text, " "));
    }
    let height = u16::try_from(text.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2)
        .min(area.height);
    let area = area.centered(Constraint::Length(width), Constraint::Length(height));
    Clear.render(area, buf);
    let block = Block::bordered()
        .border_style(app.theme.focused_border)
        .title(Line::styled(format!(" {title} "), app.theme.title));
    Paragraph::new(text).block(block).render(area, buf);
}
