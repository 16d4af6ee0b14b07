//! Shared helpers for the integration tests (`tests/it`, `tests/e2e`).

use certwise::knowledge::Knowledge;

pub mod nobody;
pub mod pty;
pub mod tui;

/// The built-in knowledge base.
pub fn kb() -> &'static Knowledge {
    Knowledge::embedded().expect("the embedded knowledge base loads")
}

/// The session drawn at its size on a test backend, one string per row.
pub fn screen_lines(app: &certwise::tui::app::App) -> Vec<String> {
    let (width, height) = app.size();
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buffer[(x, y)].symbol().to_owned())
                .collect::<String>()
        })
        .collect()
}

/// [`screen_lines`] joined with newlines.
pub fn screen_text(app: &certwise::tui::app::App) -> String {
    screen_lines(app).join("\n")
}

/// Chooses an item of the welcome menu as a person does: to the top, down to it, then Enter.
///
/// # Panics
/// If the item is not on the menu now.
pub fn choose_on_welcome(app: &mut certwise::tui::app::App, item: certwise::tui::app::WelcomeItem) {
    let at = app
        .welcome_items()
        .iter()
        .position(|i| *i == item)
        .expect("the item is on the welcome menu");
    app.update(certwise::tui::action::Action::Home);
    for _ in 0..at {
        app.update(certwise::tui::action::Action::Down);
    }
    app.update(certwise::tui::action::Action::Select);
}
