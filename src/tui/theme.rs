//! Styles, in one place. Colours are the terminal's own palette (they follow dark and light
//! themes); with `NO_COLOR` they go, and selection still shows by reverse video and bold.

use ratatui::style::{Color, Modifier, Style};

/// The styles every screen uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub title: Style,
    pub heading: Style,
    pub text: Style,
    pub dim: Style,
    pub selected: Style,
    pub key: Style,
    pub error: Style,
    pub good: Style,
    pub bad: Style,
    pub accent: Style,
    pub border: Style,
    pub focused_border: Style,
}

impl Theme {
    /// The theme, in colour or not.
    pub fn new(color: bool) -> Self {
        let c = |color_style: Style| if color { color_style } else { Style::new() };
        Theme {
            title: Style::new().add_modifier(Modifier::BOLD),
            heading: Style::new()
                .add_modifier(Modifier::BOLD)
                .patch(c(Style::new().fg(Color::Cyan))),
            text: Style::new(),
            dim: Style::new().add_modifier(Modifier::DIM),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            key: Style::new()
                .add_modifier(Modifier::BOLD)
                .patch(c(Style::new().fg(Color::Cyan))),
            error: Style::new()
                .add_modifier(Modifier::BOLD)
                .patch(c(Style::new().fg(Color::Red))),
            good: c(Style::new().fg(Color::Green)),
            bad: c(Style::new().fg(Color::Red)),
            accent: c(Style::new().fg(Color::Cyan)),
            border: Style::new().add_modifier(Modifier::DIM),
            focused_border: Style::new()
                .add_modifier(Modifier::BOLD)
                .patch(c(Style::new().fg(Color::Cyan))),
        }
    }

    /// Colour unless `NO_COLOR` is set to anything non-empty (no-color.org).
    pub fn from_env() -> Self {
        Theme::new(std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()))
    }

    /// Points in a factor: green for gains, red for losses.
    pub fn points(&self, points: i32) -> Style {
        match points {
            p if p > 0 => self.good,
            p if p < 0 => self.bad,
            _ => self.dim,
        }
    }
}
