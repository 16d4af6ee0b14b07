//! "Evaluate any certification": a form for the facts, the seeds' five questions and red flags as
//! the result, and saving the result into the person's own catalog.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode as K;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget};

use crate::evaluate::{Claim, Facts, Verdict, evaluate};
use crate::tui::action::Action;
use crate::tui::frame::{body_area, padded};
use crate::tui::keymap::KeyPat::{AnyChar, Code};
use crate::tui::keymap::{Binding, Mode, Mode as M, Scope};
use crate::tui::overlay::Overlay;
use crate::tui::screen::{Go, Screen, Scroll};
use crate::tui::shared::Shared;
use crate::{numbers, sanitize};

mod form;
mod result;

pub use form::{Field, Tri};

/// The form, its result and where Esc returns to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct State {
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
    /// The result's text.
    pub text: Scroll,
    /// Evaluations made, so a new result is wrapped again.
    pub evaluations: u64,
}

impl State {
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

    pub(super) fn value(&self, field: Field) -> String {
        match field {
            Field::Name => self.name.clone(),
            Field::ProviderKnown => self.provider_known.label().to_owned(),
            Field::Cost => self.cost.clone(),
            Field::Hours => self.hours.clone(),
            Field::Practical => self.practical.label().to_owned(),
            Field::Age => self.age.clone(),
            Field::Postings => self.postings.clone(),
            f => {
                let on = State::claim_of(f).is_some_and(|c| self.claims.contains(&c));
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

impl State {
    /// An empty form, coming back to `from` on Esc.
    pub fn open(&mut self, from: Screen) {
        *self = State {
            back_to: Some(from),
            ..State::default()
        };
    }

    /// The mode keys are read in: a typed field, a yes/no field, or the result.
    pub fn mode(&self) -> Mode {
        if self.result.is_some() {
            Mode::EvalResult
        } else if self.current().is_text() {
            Mode::EvalField
        } else {
            Mode::EvalToggle
        }
    }

    pub fn update(&mut self, shared: &mut Shared, action: Action) -> Option<Go> {
        if self.result.is_some() {
            match action {
                Action::Back => {
                    self.result = None;
                    self.text.top();
                }
                Action::SaveEvaluation => self.save(shared),
                _ => self.text.apply(action),
            }
            return None;
        }
        let n = Field::ALL.len();
        match action {
            Action::Down | Action::NextPane => self.field = (self.field + 1) % n,
            Action::Up | Action::PrevPane => self.field = (self.field + n - 1) % n,
            Action::TypeChar(c) if !self.accepts(c) => {
                self.error = Some(format!(
                    "{} takes a number: `{c}` is not part of one (leave it empty if not known).",
                    self.current().label()
                ));
            }
            Action::TypeChar(c) => {
                if let Some(text) = self.text_mut() {
                    crate::tui::input::type_char(text, c, crate::tui::input::MAX_LEN);
                }
                self.error = None;
            }
            Action::DeleteChar => {
                if let Some(text) = self.text_mut() {
                    crate::tui::input::delete_last(text);
                }
                self.error = None;
            }
            Action::ToggleMark | Action::Forward => match self.current() {
                Field::ProviderKnown => self.provider_known = self.provider_known.next(),
                Field::Practical => self.practical = self.practical.next(),
                f => {
                    if let Some(c) = State::claim_of(f) {
                        if let Some(i) = self.claims.iter().position(|x| *x == c) {
                            self.claims.remove(i);
                        } else {
                            self.claims.push(c);
                        }
                    }
                }
            },
            Action::Select => match self.checked() {
                Ok(facts) => {
                    self.result = Some(evaluate(shared.kb, &facts));
                    self.evaluations += 1;
                    self.text.top();
                }
                Err((field, e)) => {
                    self.field = Field::ALL.iter().position(|f| *f == field).unwrap_or(0);
                    self.error = Some(e);
                }
            },
            Action::Back => return Some(Go::To(self.back_to.unwrap_or(Screen::Welcome))),
            _ => {}
        }
        None
    }

    fn save(&mut self, shared: &mut Shared) {
        let (Some(verdict), Ok(facts)) = (self.result.clone(), self.facts()) else {
            return;
        };
        let Some(store) = shared.store_or_say_why() else {
            return;
        };
        let path = store.root().join(crate::user_catalog::FILE);
        let entry = crate::user_catalog::entry_from(&facts, &verdict, shared.today);
        let id = entry.id.clone();
        match crate::user_catalog::add(&path, entry) {
            Ok(()) => {
                shared.reload_user_catalog();
                shared.status = Some(format!("Saved to your catalog as {id}."));
            }
            Err(e) => shared.open(Overlay::Error(e.to_string())),
        }
    }

    /// Wraps the result again if it or the size changed.
    pub fn layout(&mut self, shared: &Shared) {
        if self.result.is_none() {
            return;
        }
        let key = (
            shared.generation,
            shared.width,
            shared.height,
            self.evaluations,
        );
        if !self.text.stale_for(key) {
            return;
        }
        let area = padded(body_area(shared.width, shared.height));
        let lines = result::lines(shared, self, area.width);
        self.text.set(lines, area.height);
    }

    pub fn render(&self, shared: &Shared, area: Rect, buf: &mut Buffer) {
        let area = padded(area);
        if self.result.is_some() {
            self.text.render(area, buf);
        } else {
            Paragraph::new(form::lines(shared, self, area.width)).render(area, buf);
        }
    }
}

/// The evaluation's key rows.
pub static KEYS: &[Binding] = &[
    Binding {
        scope: Scope::Only(&[M::EvalField, M::EvalToggle]),
        keys: &[Code(K::Down), Code(K::Tab)],
        action: Action::Down,
        help: "next field",
        hint: Some("field"),
    },
    Binding {
        scope: Scope::Only(&[M::EvalField, M::EvalToggle]),
        keys: &[Code(K::Up), Code(K::BackTab)],
        action: Action::Up,
        help: "previous field",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::EvalToggle]),
        keys: &[Code(K::Char('j'))],
        action: Action::Down,
        help: "next field",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::EvalToggle]),
        keys: &[Code(K::Char('k'))],
        action: Action::Up,
        help: "previous field",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::EvalToggle]),
        keys: &[
            Code(K::Char(' ')),
            Code(K::Left),
            Code(K::Right),
            Code(K::Char('h')),
            Code(K::Char('l')),
        ],
        action: Action::ToggleMark,
        help: "change the answer (yes, no, not known)",
        hint: Some("change"),
    },
    Binding {
        scope: Scope::Only(&[M::EvalField]),
        keys: &[Code(K::Backspace)],
        action: Action::DeleteChar,
        help: "delete the last character",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::EvalField]),
        keys: &[AnyChar],
        action: Action::TypeChar(' '),
        help: "type the value (empty means not known)",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::EvalField, M::EvalToggle]),
        keys: &[Code(K::Enter)],
        action: Action::Select,
        help: "evaluate",
        hint: Some("evaluate"),
    },
    Binding {
        scope: Scope::Only(&[M::EvalField]),
        keys: &[Code(K::Esc)],
        action: Action::Back,
        help: "go back",
        hint: Some("back"),
    },
    Binding {
        scope: Scope::Only(&[M::EvalToggle, M::EvalResult]),
        keys: &[Code(K::Esc), Code(K::Backspace)],
        action: Action::Back,
        help: "go back",
        hint: Some("back"),
    },
    Binding {
        scope: Scope::Only(&[M::EvalResult]),
        keys: &[Code(K::Char('s'))],
        action: Action::SaveEvaluation,
        help: "save it to your own catalog (plans then use it)",
        hint: Some("save"),
    },
    Binding {
        scope: Scope::Only(&[M::EvalResult]),
        keys: &[Code(K::Up), Code(K::Char('k'))],
        action: Action::Up,
        help: "scroll up",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::EvalResult]),
        keys: &[Code(K::Down), Code(K::Char('j'))],
        action: Action::Down,
        help: "scroll down",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::EvalResult]),
        keys: &[Code(K::PageUp)],
        action: Action::PageUp,
        help: "a page up",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::EvalResult]),
        keys: &[Code(K::PageDown)],
        action: Action::PageDown,
        help: "a page down",
        hint: None,
    },
];
