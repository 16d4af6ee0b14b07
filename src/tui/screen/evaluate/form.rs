//! The evaluation form: the facts to type or toggle, with what is wrong said next to it.

use ratatui::text::{Line, Span};

use crate::tui::frame::{wrap, wrap_after};
use crate::tui::shared::Shared;

use super::State;

/// Yes, no, or not known.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Tri {
    #[default]
    Unknown,
    Yes,
    No,
}

impl Tri {
    pub(super) fn next(self) -> Self {
        match self {
            Tri::Unknown => Tri::Yes,
            Tri::Yes => Tri::No,
            Tri::No => Tri::Unknown,
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

/// The form's lines.
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
        let value = form.value(*f);
        let shown = if f.is_text() {
            if selected {
                format!("{value}▏")
            } else {
                value
            }
        } else {
            format!("‹ {value} ›")
        };
        let style = if selected { t.selected } else { t.text };
        let prefix = Span::styled(
            format!("{:<label_width$}  ", f.label()),
            if selected { t.title } else { t.dim },
        );
        let mut field_lines = wrap_after(prefix, &shown, width, style);
        if selected && let Some(first) = field_lines.first_mut() {
            first.spans.insert(0, Span::styled("▶ ", t.accent));
        } else if let Some(first) = field_lines.first_mut() {
            first.spans.insert(0, Span::raw("  "));
        }
        lines.extend(field_lines);
    }
    lines.push(Line::default());
    if let Some(error) = &form.error {
        lines.extend(wrap(&format!("! {error}"), width, t.error, ""));
    }
    lines.extend(wrap(
        "↑↓ or Tab move between fields · Space changes a yes/no field · Enter evaluates · F1 help (in a typed field `?` is typed)",
        width,
        t.dim,
        "",
    ));
    lines
}
