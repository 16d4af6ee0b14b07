//! The evaluation's result: the tier, the five questions, the red flags and what to do instead.

use ratatui::text::{Line, Span};

use crate::evaluate::{Outcome, fact_label};
use crate::tui::frame::{wrap, wrap_after};
use crate::tui::shared::Shared;

use super::State;
use crate::tui::action::Action;
use crate::tui::keymap::Mode;

/// The result's lines.
pub(super) fn lines(app: &Shared, form: &State, width: u16) -> Vec<Line<'static>> {
    let t = &app.theme;
    let Some(v) = &form.result else {
        return Vec::new();
    };
    let mut lines = wrap(&v.name, width, t.heading, "");
    lines.push(match v.tier {
        Some(tier) => Line::from(vec![
            Span::styled(format!("Tier {tier}"), t.title),
            Span::styled(" of 4 (1 is worth most)", t.dim),
        ]),
        None => Line::styled("No tier yet: too little is known", t.title),
    });
    lines.extend(wrap(&v.verdict, width, t.text, ""));
    lines.push(Line::default());
    lines.push(Line::styled("The five questions", t.title));
    for f in &v.findings {
        let style = match f.result {
            Outcome::Good => t.good,
            Outcome::Bad => t.bad,
            Outcome::Weak | Outcome::Unknown => t.dim,
        };
        lines.extend(wrap_after(
            Span::styled(format!("{:<8}", f.result.label()), style),
            &f.question,
            width,
            t.title,
        ));
        lines.extend(wrap(&f.detail, width, t.text, "        "));
    }
    lines.push(Line::default());
    if v.red_flags.is_empty() {
        lines.push(Line::styled("No red flags found.", t.good));
    } else {
        lines.push(Line::styled("Red flags", t.title));
        for f in &v.red_flags {
            lines.extend(wrap_after(
                Span::styled("  ! ", t.bad),
                &format!("{}: {}", f.label, f.explanation),
                width,
                t.text,
            ));
        }
    }
    lines.push(Line::default());
    lines.extend(wrap_after(
        Span::styled("Instead: ", t.title),
        &v.instead,
        width,
        t.text,
    ));
    if !v.unknown.is_empty() {
        let labels: Vec<&str> = v.unknown.iter().map(|u| fact_label(u)).collect();
        lines.extend(wrap(
            &format!("Not known: {}.", labels.join(", ")),
            width,
            t.dim,
            "",
        ));
    }
    lines.push(Line::default());
    let key = |action| crate::tui::keymap::key_for(&[super::KEYS], Mode::EvalResult, action);
    lines.extend(wrap(
        &format!(
            "{} saves it to your own catalog, where plans use it · {} edits the facts",
            key(Action::SaveEvaluation),
            key(Action::Back)
        ),
        width,
        t.dim,
        "",
    ));
    lines
}
