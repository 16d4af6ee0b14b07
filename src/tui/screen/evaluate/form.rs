//! The evaluation form: the facts to type or toggle, with what is wrong said next to it.

use ratatui::text::{Line, Span};

use crate::tui::frame::{wrap, wrap_after};
use crate::tui::shared::Shared;

use super::State;
use crate::tui::action::Action;
use crate::tui::keymap::{GLOBAL, Mode};

/// Yes, no, or not known.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Tri {
    #[default]
    Unknown,
    Yes,
    No,
}

impl Tri {
    /// The next answer (or the previous one), in the order not known, yes, no.
    pub(super) fn step(self, forward: bool) -> Self {
        match (self, forward) {
            (Tri::Unknown, true) | (Tri::No, false) => Tri::Yes,
            (Tri::Yes, true) | (Tri::Unknown, false) => Tri::No,
            (Tri::No, true) | (Tri::Yes, false) => Tri::Unknown,
        }
    }

    pub(super) fn label(self) -> &'static str {
        match self {
            Tri::Unknown => "not known",
            Tri::Yes => "yes",
            Tri::No => "no",
        }
    }

    pub(super) fn value(self) -> Option<bool> {
        match self {
            Tri::Unknown => None,
            Tri::Yes => Some(true),
            Tri::No => Some(false),
        }
    }
}

/// The fields of the form, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    ProviderKnown,
    Cost,
    Hours,
    Practical,
    Age,
    Postings,
    GuaranteedJob,
    NoBackground,
    DaysToComplete,
}

impl Field {
    pub const ALL: [Field; 10] = [
        Field::Name,
        Field::ProviderKnown,
        Field::Cost,
        Field::Hours,
        Field::Practical,
        Field::Age,
        Field::Postings,
        Field::GuaranteedJob,
        Field::NoBackground,
        Field::DaysToComplete,
    ];

    pub(super) fn label(self) -> &'static str {
        match self {
            Field::Name => "Certification name",
            Field::ProviderKnown => "Provider known and verified?",
            Field::Cost => "Total fee (USD)",
            Field::Hours => "Preparation hours",
            Field::Practical => "Hands-on, practical component?",
            Field::Age => "Content age (years)",
            Field::Postings => "Share of AI job postings naming it (%)",
            Field::GuaranteedJob => "Claims guaranteed job placement",
            Field::NoBackground => "Claims no technical background needed",
            Field::DaysToComplete => "Claims completion in days",
        }
    }

    /// Fields typed as text (the rest toggle).
    pub fn is_text(self) -> bool {
        matches!(
            self,
            Field::Name | Field::Cost | Field::Hours | Field::Age | Field::Postings
        )
    }
}

/// The form's lines. A typed field is one line that scrolls sideways; what is wrong shows under
/// the field it is about.
pub(super) fn lines(app: &Shared, form: &State, width: u16) -> Vec<Line<'static>> {
    let t = &app.theme;
    let mut lines = wrap(
        "Describe a certification you are considering. Leave what you do not know empty or \"not known\": \
         certwise says so instead of guessing.",
        width,
        t.dim,
        "",
    );
    lines.push(Line::default());
    let label_width = Field::ALL
        .iter()
        .map(|f| f.label().len())
        .max()
        .unwrap_or(0);
    for (i, f) in Field::ALL.iter().enumerate() {
        let selected = i == form.field;
        let style = if selected { t.selected } else { t.text };
        let marker = if selected {
            Span::styled("▶ ", t.accent)
        } else {
            Span::raw("  ")
        };
        let label = Span::styled(
            format!("{:<label_width$}  ", f.label()),
            if selected { t.title } else { t.dim },
        );
        let room = usize::from(width).saturating_sub(2 + label_width + 2);
        match form.field_text(*f) {
            // Too narrow for the label and the value side by side: the value goes under it.
            Some(text) if room < 12 => {
                lines.push(Line::from(vec![marker, label.clone()]));
                let room = usize::from(width).saturating_sub(4);
                let mut value = text.line(room, selected, style, t.selected);
                value.spans.insert(0, Span::raw("    "));
                lines.push(value);
            }
            Some(text) => {
                let mut value = text.line(room, selected, style, t.selected);
                value.spans.insert(0, label);
                value.spans.insert(0, marker);
                lines.push(value);
            }
            None => {
                let shown = format!("‹ {} ›", form.choice(*f));
                let mut field_lines = wrap_after(label, &shown, width, style);
                if let Some(first) = field_lines.first_mut() {
                    first.spans.insert(0, marker);
                }
                lines.extend(field_lines);
            }
        }
        if let Some(error) = form.error.as_ref().filter(|_| form.error_at == Some(*f)) {
            lines.extend(wrap(&format!("! {error}"), width, t.error, "    "));
        }
    }
    lines.push(Line::default());
    if let Some(error) = form.error.as_ref().filter(|_| form.error_at.is_none()) {
        lines.extend(wrap(&format!("! {error}"), width, t.error, ""));
    }
    let key = |mode, action| crate::tui::keymap::key_for(&[super::KEYS, GLOBAL], mode, action);
    lines.extend(wrap(
        &format!(
            "{} next field · {} or ← → change a yes/no field · {} evaluates · \
             {} help (in a typed field `?` is typed)",
            crate::tui::keymap::keys_for(&[super::KEYS], Mode::EvalToggle, Action::Down, 2),
            key(Mode::EvalToggle, Action::ToggleMark),
            key(Mode::EvalToggle, Action::Select),
            key(Mode::EvalField, Action::OpenHelp),
        ),
        width,
        t.dim,
        "",
    ));
    lines
}
