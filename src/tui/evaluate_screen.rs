//! "Evaluate any certification": a form for the facts, the seeds' five questions and red flags as
//! the result, and saving the result into the person's own catalog.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::evaluate::{Claim, Facts, Outcome, Verdict, evaluate, fact_label};
use crate::tui::action::Action;
use crate::tui::app::{App, Screen};
use crate::tui::screens::padded;
use crate::tui::view::{wrap, wrap_after};
use crate::{numbers, sanitize};

/// Yes, no, or not known.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Tri {
    #[default]
    Unknown,
    Yes,
    No,
}

impl Tri {
    fn next(self) -> Self {
        match self {
            Tri::Unknown => Tri::Yes,
            Tri::Yes => Tri::No,
            Tri::No => Tri::Unknown,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Tri::Unknown => "not known",
            Tri::Yes => "yes",
            Tri::No => "no",
        }
    }

    fn value(self) -> Option<bool> {
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

    fn label(self) -> &'static str {
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

/// The form and its result.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EvalForm {
    pub field: usize,
    pub name: String,
    pub provider_known: Tri,
    pub cost: String,
    pub hours: String,
    pub practical: Tri,
    pub age: String,
    pub postings: String,
    pub claims: Vec<Claim>,
    pub error: Option<String>,
    /// The evaluation, once made; shown instead of the form.
    pub result: Option<Verdict>,
    pub back_to: Option<Screen>,
}

impl EvalForm {
    pub fn current(&self) -> Field {
        Field::ALL[self.field.min(Field::ALL.len() - 1)]
    }

    fn text_mut(&mut self) -> Option<&mut String> {
        match self.current() {
            Field::Name => Some(&mut self.name),
            Field::Cost => Some(&mut self.cost),
            Field::Hours => Some(&mut self.hours),
            Field::Age => Some(&mut self.age),
            Field::Postings => Some(&mut self.postings),
            _ => None,
        }
    }

    fn claim_of(field: Field) -> Option<Claim> {
        match field {
            Field::GuaranteedJob => Some(Claim::GuaranteedJob),
            Field::NoBackground => Some(Claim::NoBackgroundNeeded),
            Field::DaysToComplete => Some(Claim::DaysToComplete),
            _ => None,
        }
    }

    fn value(&self, field: Field) -> String {
        match field {
            Field::Name => self.name.clone(),
            Field::ProviderKnown => self.provider_known.label().to_owned(),
            Field::Cost => self.cost.clone(),
            Field::Hours => self.hours.clone(),
            Field::Practical => self.practical.label().to_owned(),
            Field::Age => self.age.clone(),
            Field::Postings => self.postings.clone(),
            f => {
                let on = EvalForm::claim_of(f).is_some_and(|c| self.claims.contains(&c));
                if on { "yes" } else { "no" }.to_owned()
            }
        }
    }

    /// Whether a character can go into the current field: numbers take digits (and a decimal
    /// point where decimals make sense), as the interview's number questions do.
    fn accepts(&self, c: char) -> bool {
        match self.current() {
            Field::Name => true,
            Field::Cost | Field::Hours => c.is_ascii_digit(),
            Field::Age | Field::Postings => c.is_ascii_digit() || c == '.',
            _ => false,
        }
    }

    /// The facts, or the field that is wrong and why (so the cursor can go there).
    ///
    /// # Errors
    /// No name, or a typed number that is not a number in range.
    pub fn checked(&self) -> Result<Facts, (Field, String)> {
        self.facts().map_err(|message| {
            let field = [
                Field::Name,
                Field::Cost,
                Field::Hours,
                Field::Age,
                Field::Postings,
            ]
            .into_iter()
            .find(|f| message.starts_with(short_label(*f)))
            .unwrap_or(Field::Name);
            (field, message)
        })
    }

    /// The facts. Empty numbers are unknown.
    ///
    /// # Errors
    /// No name, or a typed number that is not a number in range; the message says which.
    pub fn facts(&self) -> Result<Facts, String> {
        // Read as everywhere (see `numbers`); a field of spaces only is left empty.
        fn whole(label: &str, text: &str) -> Result<Option<u32>, String> {
            if text.trim().is_empty() {
                return Ok(None);
            }
            numbers::whole(text, 0, u32::MAX).map(Some).map_err(|_| {
                format!(
                    "{label}: `{}` is not a whole number ({}; leave it empty if not known)",
                    sanitize::value(text),
                    numbers::WHOLE_FORM
                )
            })
        }
        fn decimal(label: &str, text: &str, max: f32) -> Result<Option<f32>, String> {
            if text.trim().is_empty() {
                return Ok(None);
            }
            numbers::decimal(text, max).map(Some).map_err(|_| {
                format!(
                    "{label}: `{}` is not a number from 0 to {max} ({}; leave it empty if not known)",
                    sanitize::value(text),
                    numbers::DECIMAL_FORM
                )
            })
        }
        if self.name.trim().is_empty() {
            return Err(format!(
                "{}: type the certification's name.",
                short_label(Field::Name)
            ));
        }
        Ok(Facts {
            name: self.name.trim().to_owned(),
            provider_known: self.provider_known.value(),
            cost_usd: whole(short_label(Field::Cost), &self.cost)?,
            prep_hours: whole(short_label(Field::Hours), &self.hours)?,
            practical: self.practical.value(),
            content_age_years: decimal(short_label(Field::Age), &self.age, 100.0)?,
            claims: self.claims.clone(),
            postings_percent: decimal(short_label(Field::Postings), &self.postings, 100.0)?,
            ..Facts::default()
        })
    }
}

/// How an error message names a typed field (its first word or two).
fn short_label(field: Field) -> &'static str {
    match field {
        Field::Name => "Name",
        Field::Cost => "Total fee",
        Field::Hours => "Preparation hours",
        Field::Age => "Content age",
        Field::Postings => "Share of postings",
        _ => "",
    }
}

impl App {
    /// Opens an empty evaluation form.
    pub fn open_evaluate(&mut self) {
        self.eval = EvalForm {
            back_to: Some(self.screen),
            ..EvalForm::default()
        };
        self.screen = Screen::Evaluate;
        self.scroll = 0;
    }

    pub(crate) fn update_evaluate(&mut self, action: Action) {
        let max = crate::tui::view::max_scroll(self);
        let page = crate::tui::view::page_rows(self);
        let form = &mut self.eval;
        if form.result.is_some() {
            match action {
                Action::Back => {
                    form.result = None;
                    self.scroll = 0;
                }
                Action::SaveEvaluation => self.save_evaluation(),
                _ => self.scroll = crate::tui::app::scrolled(self.scroll, action, max, page),
            }
            return;
        }
        let n = Field::ALL.len();
        match action {
            Action::Down | Action::NextPane => form.field = (form.field + 1) % n,
            Action::Up | Action::PrevPane => form.field = (form.field + n - 1) % n,
            Action::TypeChar(c) if !form.accepts(c) => {
                form.error = Some(format!(
                    "{} takes a number: `{c}` is not part of one (leave it empty if not known).",
                    form.current().label()
                ));
            }
            Action::TypeChar(c) => {
                if let Some(text) = form.text_mut() {
                    crate::tui::input::type_char(text, c, crate::tui::input::MAX_LEN);
                }
                form.error = None;
            }
            Action::DeleteChar => {
                if let Some(text) = form.text_mut() {
                    crate::tui::input::delete_last(text);
                }
                form.error = None;
            }
            Action::ToggleMark | Action::Forward => match form.current() {
                Field::ProviderKnown => form.provider_known = form.provider_known.next(),
                Field::Practical => form.practical = form.practical.next(),
                f => {
                    if let Some(c) = EvalForm::claim_of(f) {
                        if let Some(i) = form.claims.iter().position(|x| *x == c) {
                            form.claims.remove(i);
                        } else {
                            form.claims.push(c);
                        }
                    }
                }
            },
            Action::Select => match form.checked() {
                Ok(facts) => {
                    form.result = Some(evaluate(self.kb, &facts));
                    self.scroll = 0;
                }
                Err((field, e)) => {
                    form.field = Field::ALL.iter().position(|f| *f == field).unwrap_or(0);
                    form.error = Some(e);
                }
            },
            Action::Back => self.screen = form.back_to.unwrap_or(Screen::Welcome),
            _ => {}
        }
    }

    fn save_evaluation(&mut self) {
        let (Some(verdict), Ok(facts)) = (self.eval.result.clone(), self.eval.facts()) else {
            return;
        };
        let Some(store) = self.store_or_say_why() else {
            return;
        };
        let path = store.root().join(crate::user_catalog::FILE);
        let entry = crate::user_catalog::entry_from(&facts, &verdict, self.today);
        let id = entry.id.clone();
        match crate::user_catalog::add(&path, entry) {
            Ok(()) => {
                self.reload_user_catalog();
                self.status = Some(format!("Saved to your catalog as {id}."));
            }
            Err(e) => self.overlay = Some(crate::tui::app::Overlay::Error(e.to_string())),
        }
    }

    /// Merges the user catalog into the knowledge base the session uses. Problems are shown once.
    pub fn reload_user_catalog(&mut self) {
        let (Some(store), Ok(embedded)) = (&self.store, crate::knowledge::Knowledge::embedded())
        else {
            return;
        };
        let loaded = crate::user_catalog::load(&store.root().join(crate::user_catalog::FILE));
        let (merged, mut problems) = crate::user_catalog::merged(embedded, &loaded.entries);
        problems.splice(0..0, loaded.problems);
        // The session borrows the knowledge base for its whole life; a merged one is made only
        // at start-up and after saving an evaluation, so leaking it is bounded and simple.
        self.kb = Box::leak(Box::new(merged));
        if !problems.is_empty() {
            self.overlay = Some(crate::tui::app::Overlay::Notice(format!(
                "Some entries of your catalog were skipped: {}",
                problems.join("; ")
            )));
        }
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let area = padded(area);
    Paragraph::new(lines(app, area.width))
        .scroll((app.scroll, 0))
        .render(area, buf);
}

/// The screen's lines: the form, or the result once evaluated.
pub fn lines(app: &App, width: u16) -> Vec<Line<'static>> {
    if app.eval.result.is_some() {
        result_lines(app, width)
    } else {
        form_lines(app, width)
    }
}

fn form_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let t = &app.theme;
    let form = &app.eval;
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

/// The result's lines.
pub fn result_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let t = &app.theme;
    let Some(v) = &app.eval.result else {
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
    lines.extend(wrap(
        "s saves it to your own catalog, where plans use it · Esc edits the facts",
        width,
        t.dim,
        "",
    ));
    lines
}
