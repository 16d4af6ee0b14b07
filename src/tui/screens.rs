//! The welcome, interview, answers-summary and strategy screens.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, StatefulWidget, Widget};

use crate::knowledge::QuestionKind;
use crate::render::answer_text;
use crate::tui::app::App;
use crate::tui::view::{wrap, wrap_after};

/// The body with a one-column margin each side.
pub fn padded(area: Rect) -> Rect {
    Rect {
        x: area.x.saturating_add(1),
        width: area.width.saturating_sub(2),
        ..area
    }
}

/// A list with the highlight in reverse video (visible without colour).
fn list<'a>(app: &App, items: Vec<ListItem<'a>>) -> List<'a> {
    List::new(items)
        .highlight_style(app.theme.selected)
        .highlight_symbol("▶ ")
}

pub fn welcome(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let area = padded(area);
    let mut intro = vec![
        Line::default(),
        Line::styled("Is an AI certification worth it for you?", t.heading),
    ];
    intro.extend(wrap(
        "Answer a few questions and get a scored plan: what to build, study or skip.",
        area.width,
        t.text,
        "",
    ));
    intro.push(Line::default());
    let intro_height = u16::try_from(intro.len()).unwrap_or(u16::MAX);
    let [top, menu] =
        Layout::vertical([Constraint::Length(intro_height), Constraint::Fill(1)]).areas(area);
    Paragraph::new(intro).render(top, buf);
    let items: Vec<ListItem> = app
        .welcome_items()
        .iter()
        .map(|i| ListItem::new(Line::from(i.label())))
        .collect();
    let mut state = ListState::default().with_selected(Some(app.welcome_row));
    StatefulWidget::render(list(app, items), menu, buf, &mut state);
}

pub fn question(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let Some(q) = app.current_question() else {
        return;
    };
    let area = padded(area);
    let mut head = vec![Line::default()];
    head.extend(wrap(&q.prompt, area.width, t.heading, ""));
    head.push(Line::default());
    head.extend(wrap_after(
        Span::styled("Why it matters: ", t.dim),
        &q.why,
        area.width,
        t.dim,
    ));
    head.push(Line::default());
    let head_height = u16::try_from(head.len()).unwrap_or(u16::MAX);
    let [top, rest, message] = Layout::vertical([
        Constraint::Length(head_height),
        Constraint::Fill(1),
        Constraint::Length(2),
    ])
    .areas(area);
    Paragraph::new(head).render(top, buf);
    match &q.kind {
        QuestionKind::Choice(options) => {
            let answered = app.answers.get(&q.id);
            let items: Vec<ListItem> = options
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    let mark = if answered == Some(o.value.as_str()) {
                        " ✓"
                    } else {
                        ""
                    };
                    let prefix = Span::styled(format!("{} ", i + 1), t.key);
                    let lines = wrap_after(
                        prefix,
                        &format!("{}{mark}", o.label),
                        rest.width.saturating_sub(2),
                        t.text,
                    );
                    ListItem::new(lines)
                })
                .collect();
            let mut state = ListState::default().with_selected(Some(app.option));
            StatefulWidget::render(list(app, items), rest, buf, &mut state);
        }
        QuestionKind::Number { min, max, unit } => {
            let [input_area, _] =
                Layout::vertical([Constraint::Length(3), Constraint::Fill(1)]).areas(rest);
            let [field, label] =
                Layout::horizontal([Constraint::Length(14), Constraint::Fill(1)]).areas(input_area);
            let value_style = if app.input_fresh { t.selected } else { t.title };
            Paragraph::new(Line::from(vec![
                Span::styled(app.input.clone(), value_style),
                Span::styled("▏", t.accent),
            ]))
            .block(Block::bordered().border_style(t.focused_border))
            .render(field, buf);
            Paragraph::new(vec![
                Line::default(),
                Line::styled(format!(" {unit} ({min}-{max})"), t.dim),
            ])
            .render(label, buf);
        }
    }
    if let Some(error) = &app.input_error {
        Paragraph::new(wrap(&format!("! {error}"), message.width, t.error, ""))
            .render(message, buf);
    }
}

pub fn summary(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let area = padded(area);
    let resolved = app.resolved();
    let [head, rows] = Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
    Paragraph::new(wrap(
        "Every answer on one screen. Pick a line to change it; pick the last line to see your plan.",
        head.width,
        t.dim,
        "",
    ))
    .render(head, buf);
    let label_width = resolved
        .asked()
        .map(|(q, _)| textwrap::core::display_width(&q.topic))
        .max()
        .unwrap_or(0)
        .min(usize::from(rows.width / 3));
    let mut items: Vec<ListItem> = resolved
        .asked()
        .map(|(q, v)| {
            let assumed = app.answers.get(&q.id).is_none();
            let value = match &q.kind {
                QuestionKind::Number { unit, .. } => format!("{v} {unit}"),
                QuestionKind::Choice(_) => q.label_of(v).to_owned(),
            };
            let value_style = if assumed { t.dim } else { t.text };
            let suffix = if assumed { " (default)" } else { "" };
            ListItem::new(wrap_after(
                Span::styled(format!("{:<label_width$}  ", q.topic), t.key),
                &format!("{value}{suffix}"),
                rows.width.saturating_sub(2),
                value_style,
            ))
        })
        .collect();
    items.push(ListItem::new(Line::styled("→ Make my plan", t.heading)));
    let mut state = ListState::default().with_selected(Some(app.summary_row));
    StatefulWidget::render(list(app, items), rows, buf, &mut state);
}

/// The strategy screen's text, wrapped to `width`.
pub fn strategy_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let t = &app.theme;
    let Some(plan) = &app.plan else {
        return vec![Line::from("No plan yet.")];
    };
    let s = &plan.strategy;
    let mut lines = vec![Line::default(), Line::styled(s.name.clone(), t.heading)];
    lines.extend(wrap(&s.summary, width, t.text, ""));
    lines.push(Line::default());
    lines.push(Line::styled("Chosen because", t.title));
    for a in &s.decided_by {
        lines.extend(wrap_after(
            Span::raw("  • "),
            &answer_text(app.kb, a),
            width,
            t.text,
        ));
    }
    lines.push(Line::default());
    lines.push(Line::styled("Steps", t.title));
    for (i, step) in s.steps.iter().enumerate() {
        lines.extend(wrap_after(
            Span::styled(format!("  {}. ", i + 1), t.key),
            step,
            width,
            t.text,
        ));
    }
    lines.push(Line::default());
    lines.extend(wrap(
        "Press Enter to see the scored plan.",
        width,
        t.dim,
        "",
    ));
    lines
}

pub fn strategy(app: &App, area: Rect, buf: &mut Buffer) {
    let area = padded(area);
    Paragraph::new(strategy_lines(app, area.width))
        .scroll((app.scroll, 0))
        .render(area, buf);
}
