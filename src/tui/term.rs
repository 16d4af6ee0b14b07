//! The ratatui backend: cells to the terminal through crossterm's commands (without crossterm's
//! event reader, see [`super::input`]). It draws as ratatui's crossterm backend does: a cursor
//! move only where a run of cells breaks, a style change only where the style changes.

use std::io::{self, Write};

use crossterm::cursor::{Hide, MoveTo, Show};
use crossterm::style::{
    Attribute, Color as CColor, Print, SetAttribute, SetBackgroundColor, SetForegroundColor,
};
use crossterm::terminal::{self, Clear};
use crossterm::{execute, queue};
use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

/// A full-screen backend writing to `W` (standard output in the session).
#[derive(Debug)]
pub struct TermBackend<W: Write> {
    writer: W,
    /// Where the cursor is: the backend moves it itself, so it never has to ask the terminal
    /// (asking means reading its answer from the keyboard's input).
    cursor: Position,
}

impl<W: Write> TermBackend<W> {
    pub fn new(writer: W) -> TermBackend<W> {
        TermBackend {
            writer,
            cursor: Position::ORIGIN,
        }
    }
}

impl<W: Write> Write for TermBackend<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.writer.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

impl<W: Write> Backend for TermBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut fg = Color::Reset;
        let mut bg = Color::Reset;
        let mut modifier = Modifier::empty();
        let mut next: Option<Position> = None;
        for (x, y, cell) in content {
            if next != Some(Position { x, y }) {
                queue!(self.writer, MoveTo(x, y))?;
            }
            if cell.modifier != modifier {
                queue_modifiers(&mut self.writer, modifier, cell.modifier)?;
                modifier = cell.modifier;
            }
            if cell.fg != fg {
                queue!(self.writer, SetForegroundColor(color(cell.fg)))?;
                fg = cell.fg;
            }
            if cell.bg != bg {
                queue!(self.writer, SetBackgroundColor(color(cell.bg)))?;
                bg = cell.bg;
            }
            queue!(self.writer, Print(cell.symbol()))?;
            // ratatui skips the cells a wide symbol covers, so a break in x moves the cursor.
            next = Some(Position { x: x + 1, y });
            self.cursor = Position { x: x + 1, y };
        }
        queue!(
            self.writer,
            SetForegroundColor(CColor::Reset),
            SetBackgroundColor(CColor::Reset),
            SetAttribute(Attribute::Reset),
        )
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        execute!(self.writer, Hide)
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        execute!(self.writer, Show)
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(self.cursor)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let position = position.into();
        self.cursor = position;
        execute!(self.writer, MoveTo(position.x, position.y))
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        let kind = match clear_type {
            ClearType::All => terminal::ClearType::All,
            ClearType::AfterCursor => terminal::ClearType::FromCursorDown,
            ClearType::BeforeCursor => terminal::ClearType::FromCursorUp,
            ClearType::CurrentLine => terminal::ClearType::CurrentLine,
            ClearType::UntilNewLine => terminal::ClearType::UntilNewLine,
        };
        execute!(self.writer, Clear(kind))
    }

    fn size(&self) -> io::Result<Size> {
        let (width, height) = terminal::size()?;
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let size = terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size {
                width: size.columns,
                height: size.rows,
            },
            pixels: Size {
                width: size.width,
                height: size.height,
            },
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

/// The attribute changes from one cell's modifiers to the next's.
fn queue_modifiers(w: &mut impl Write, from: Modifier, to: Modifier) -> io::Result<()> {
    let removed = from - to;
    let added = to - from;
    if removed.contains(Modifier::REVERSED) {
        queue!(w, SetAttribute(Attribute::NoReverse))?;
    }
    // Bold and dim end together (normal intensity): put back the one that stays.
    let intensity_reset = removed.intersects(Modifier::BOLD | Modifier::DIM);
    if intensity_reset {
        queue!(w, SetAttribute(Attribute::NormalIntensity))?;
    }
    if removed.contains(Modifier::ITALIC) {
        queue!(w, SetAttribute(Attribute::NoItalic))?;
    }
    if removed.contains(Modifier::UNDERLINED) {
        queue!(w, SetAttribute(Attribute::NoUnderline))?;
    }
    if removed.contains(Modifier::CROSSED_OUT) {
        queue!(w, SetAttribute(Attribute::NotCrossedOut))?;
    }
    if removed.contains(Modifier::HIDDEN) {
        queue!(w, SetAttribute(Attribute::NoHidden))?;
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        queue!(w, SetAttribute(Attribute::NoBlink))?;
    }
    let bold = if intensity_reset { to } else { added };
    if bold.contains(Modifier::BOLD) {
        queue!(w, SetAttribute(Attribute::Bold))?;
    }
    if bold.contains(Modifier::DIM) {
        queue!(w, SetAttribute(Attribute::Dim))?;
    }
    for (modifier, attribute) in [
        (Modifier::REVERSED, Attribute::Reverse),
        (Modifier::ITALIC, Attribute::Italic),
        (Modifier::UNDERLINED, Attribute::Underlined),
        (Modifier::CROSSED_OUT, Attribute::CrossedOut),
        (Modifier::HIDDEN, Attribute::Hidden),
        (Modifier::SLOW_BLINK, Attribute::SlowBlink),
        (Modifier::RAPID_BLINK, Attribute::RapidBlink),
    ] {
        if added.contains(modifier) {
            queue!(w, SetAttribute(attribute))?;
        }
    }
    Ok(())
}

/// A ratatui colour as crossterm writes it.
fn color(c: Color) -> CColor {
    match c {
        Color::Reset => CColor::Reset,
        Color::Black => CColor::Black,
        Color::Red => CColor::DarkRed,
        Color::Green => CColor::DarkGreen,
        Color::Yellow => CColor::DarkYellow,
        Color::Blue => CColor::DarkBlue,
        Color::Magenta => CColor::DarkMagenta,
        Color::Cyan => CColor::DarkCyan,
        Color::Gray => CColor::Grey,
        Color::DarkGray => CColor::DarkGrey,
        Color::LightRed => CColor::Red,
        Color::LightGreen => CColor::Green,
        Color::LightBlue => CColor::Blue,
        Color::LightYellow => CColor::Yellow,
        Color::LightMagenta => CColor::Magenta,
        Color::LightCyan => CColor::Cyan,
        Color::White => CColor::White,
        Color::Indexed(i) => CColor::AnsiValue(i),
        Color::Rgb(r, g, b) => CColor::Rgb { r, g, b },
    }
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::style::{Style, Stylize};
    use ratatui::text::Line;

    use super::*;

    /// What a frame writes, drawn by the backend into bytes, read back by a terminal emulator
    /// stand-in: the visible text and the styles at chosen cells.
    fn drawn(width: u16, height: u16, draw: impl Fn(&mut ratatui::Frame)) -> Vec<u8> {
        let mut terminal = Terminal::with_options(
            TermBackend::new(Vec::new()),
            ratatui::TerminalOptions {
                viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, width, height)),
            },
        )
        .expect("a terminal");
        terminal.draw(draw).expect("drawn");
        terminal.backend().writer.clone()
    }

    #[test]
    fn a_frame_moves_only_where_a_run_breaks_and_resets_its_style() {
        let out = drawn(10, 2, |f| {
            f.render_widget(Line::from(vec!["ab".bold(), "c".into()]), f.area());
            let second = ratatui::layout::Rect::new(3, 1, 2, 1);
            f.render_widget(Line::from("de"), second);
        });
        let text = String::from_utf8(out).expect("utf-8");
        // One move to the start of each run of changed cells, none inside a run.
        assert!(text.starts_with("\x1b[1;1H"), "{text:?}");
        assert!(text.contains("\x1b[1mab\x1b[22mc\x1b[2;4Hde"), "{text:?}");
        assert_eq!(text.matches('H').count(), 2, "{text:?}");
        assert!(text.contains("\x1b[39m\x1b[49m\x1b[0m"), "{text:?}");
    }

    #[test]
    fn dim_stays_when_bold_ends() {
        let mut out = Vec::new();
        queue_modifiers(
            &mut out,
            Modifier::BOLD | Modifier::DIM,
            Modifier::DIM | Modifier::REVERSED,
        )
        .expect("queued");
        let text = String::from_utf8(out).expect("utf-8");
        assert_eq!(text, "\x1b[22m\x1b[2m\x1b[7m");
    }

    #[test]
    fn colours_are_the_terminal_colours_ratatui_means() {
        let out = drawn(3, 1, |f| {
            f.render_widget(
                Line::styled("x", Style::new().fg(Color::Cyan).bg(Color::Indexed(17))),
                f.area(),
            );
        });
        let text = String::from_utf8(out).expect("utf-8");
        assert!(text.contains("\x1b[38;5;6m"), "{text:?}");
        assert!(text.contains("\x1b[48;5;17m"), "{text:?}");
    }
}
