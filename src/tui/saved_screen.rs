//! The saved-plans list and the windows drawn over screens (help, questions, names, notices).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, StatefulWidget, Widget};

use crate::store::Listing;
use crate::tui::app::{App, Ask, NamePurpose, Overlay};
use crate::tui::screens::padded;
use crate::tui::view::{dialog, help, wrap};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let area = padded(area);
    let [head, rows] = Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
    let intro = if app.saved.is_empty() {
        "No saved plans yet. Make a plan and press s on the plan screen to save it."
    } else {
        "Enter opens a plan. Plans are saved in your data folder, one file each."
    };
    Paragraph::new(wrap(intro, head.width, t.dim, "")).render(head, buf);
    let width = rows.width.saturating_sub(4);
    let items: Vec<ListItem> = app
        .saved
        .iter()
        .map(|l| match l {
            Listing::Plan { plan, .. } => {
                let (done, total) = plan.done_count();
                let modified = plan
                    .modified
                    .to_zoned(jiff::tz::TimeZone::system())
                    .strftime("%Y-%m-%d %H:%M");
                let mut lines = wrap(&plan.name, width, t.title, "");
                let facts = format!(
                    "{} · modified {modified} · {done}/{total} done",
                    plan.plan.strategy.name
                );
                lines.extend(wrap(&facts, width, t.dim, "  "));
                ListItem::new(lines)
            }
            Listing::Unreadable { file, reason } => {
                let name = file
                    .file_name()
                    .map(|f| f.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let mut lines = wrap(&name, width, t.bad, "");
                lines.extend(wrap(&format!("unreadable: {reason}"), width, t.dim, "  "));
                ListItem::new(lines)
            }
        })
        .collect();
    let list = List::new(items)
        .highlight_style(t.selected)
        .highlight_symbol("▶ ");
    let mut state =
        ListState::default().with_selected((!app.saved.is_empty()).then_some(app.saved_row));
    StatefulWidget::render(list, rows, buf, &mut state);
}

/// Draws the open overlay, if any, over the whole frame.
pub fn overlay(app: &App, area: Rect, buf: &mut Buffer) {
    match &app.overlay {
        Some(Overlay::Help { under, scroll }) => help(app, *under, *scroll, area, buf),
        Some(Overlay::Confirm(ask)) => {
            let (title, mut lines) = match ask {
                Ask::Quit => ("Quit certwise?", vec![app.quit_message()]),
                Ask::Replace(name) => (
                    "Replace?",
                    vec![format!("A plan named \"{name}\" exists. Replace it?")],
                ),
                Ask::Delete(name) => (
                    "Delete?",
                    vec![format!(
                        "Delete the saved plan \"{name}\"? This cannot be undone."
                    )],
                ),
                Ask::Replan { changes, .. } => {
                    let mut lines =
                        vec!["Re-planning with the current knowledge changes:".to_owned()];
                    let room = usize::from(area.height.saturating_sub(8)).max(1);
                    lines.extend(changes.iter().take(room).map(|c| format!("• {c}")));
                    if changes.len() > room {
                        lines.push(format!("… and {} more", changes.len() - room));
                    }
                    lines.push("Replace the plan?".to_owned());
                    ("Re-plan?", lines)
                }
            };
            lines.push(String::new());
            lines.push("y: yes    n: no".to_owned());
            dialog(app, title, &lines, area, buf);
        }
        Some(Overlay::Input(input)) => {
            let title = match &input.purpose {
                NamePurpose::Save => "Save plan as",
                NamePurpose::Rename { .. } => "Rename plan",
                NamePurpose::Duplicate { .. } => "Copy plan as",
            };
            // The dialog's text column (see `view::dialog`), less its one-column indent.
            let width = usize::from(area.width.saturating_sub(4).min(60).saturating_sub(5));
            let mut lines = vec![crate::tui::input::window(&input.text, width)];
            if let Some(error) = &input.error {
                lines.push(format!("! {error}"));
            }
            lines.push(String::new());
            lines.push("Enter: done    Esc: cancel".to_owned());
            dialog(app, title, &lines, area, buf);
        }
        Some(Overlay::Outdated(text)) => dialog(
            app,
            "Made with older knowledge",
            &[
                text.clone(),
                String::new(),
                "r: re-plan    Esc: keep it".to_owned(),
            ],
            area,
            buf,
        ),
        Some(Overlay::Notice(text)) => dialog(
            app,
            "Note",
            &[text.clone(), String::new(), "Esc: close".to_owned()],
            area,
            buf,
        ),
        Some(Overlay::Error(message)) => dialog(
            app,
            "Something went wrong",
            std::slice::from_ref(message),
            area,
            buf,
        ),
        None => {}
    }
}

/// The line of the ranking that shows an item's progress.
pub fn progress_mark(app: &App, id: &str) -> &'static str {
    match app.progress.get(id).copied().unwrap_or_default() {
        crate::store::Progress::Todo => "[ ]",
        crate::store::Progress::Doing => "[~]",
        crate::store::Progress::Done => "[x]",
    }
}
