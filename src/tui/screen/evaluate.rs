//! "Evaluate any certification": a form for the facts, the seeds' five questions and red flags as
//! the result, and saving the result into the person's own catalog.

use crate::tui::input::KeyCode as K;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget};

use crate::evaluate::{Claim, Facts, Verdict, evaluate};
use crate::evaluate::{MAX_CONTENT_AGE, MAX_HOURS, MAX_PERCENT, MAX_USD};
use crate::numbers::{self, NumberError};
use crate::tui::action::Action;
use crate::tui::frame::{body_area, padded};
use crate::tui::keymap::KeyPat::{AnyChar, Code};
use crate::tui::keymap::{Binding, Mode, Mode as M, Scope};
use crate::tui::overlay::{Ask, Overlay};
use crate::tui::screen::{Go, Screen, Scroll};
use crate::tui::shared::Shared;
use crate::tui::text_field::{self, Change, Edit, TextField};

mod form;
mod result;

pub use form::{Field, Tri};

/// The form, its result and where Esc returns to. The form is a draft kept for the session:
/// leaving the screen and coming back finds it as it was left.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct State {
    pub field: usize,
    pub name: TextField,
    pub provider_known: Tri,
    pub cost: TextField,
    pub hours: TextField,
    pub practical: Tri,
    pub age: TextField,
    pub postings: TextField,
    pub claims: Vec<Claim>,
    /// What is wrong, shown under the field it is about ([`State::error_at`]).
    pub error: Option<String>,
    /// The field the error is about: the error goes when that field changes.
    pub error_at: Option<Field>,
    /// The evaluation, once made; shown instead of the form.
    pub result: Option<Verdict>,
    pub back_to: Option<Screen>,
    /// The result's text.
    pub text: Scroll,
    /// Evaluations made, so a new result is wrapped again.
    pub evaluations: u64,
    /// The form as `e` filled it in or as last saved: a draft still equal to it (or empty) has
    /// nothing of the person's own to lose, so `e` on another entry may replace it.
    pub clean: Option<Values>,
}

/// What the form holds, to tell whether it changed since it was filled in or saved.
#[derive(Debug, Clone, PartialEq)]
pub struct Values {
    name: String,
    provider_known: Tri,
    numbers: [String; 4],
    practical: Tri,
    claims: Vec<Claim>,
}

/// How a typed field is read: its words in messages, and the range the command line allows.
#[derive(Debug, Clone, Copy)]
enum Number {
    Whole { unit: &'static str, max: u32 },
    Decimal { unit: &'static str, max: f32 },
}

impl Number {
    fn of(field: Field) -> Option<Number> {
        Some(match field {
            Field::Cost => Number::Whole {
                unit: "US dollars",
                max: MAX_USD,
            },
            Field::Hours => Number::Whole {
                unit: "hours",
                max: MAX_HOURS,
            },
            Field::Age => Number::Decimal {
                unit: "years",
                max: MAX_CONTENT_AGE,
            },
            Field::Postings => Number::Decimal {
                unit: "percent",
                max: MAX_PERCENT,
            },
            _ => return None,
        })
    }

    /// What is wrong with `text`, if anything (empty is "not known", which is fine).
    fn problem(self, text: &str) -> Option<(NumberError, String)> {
        if text.is_empty() {
            return None;
        }
        match self {
            Number::Whole { unit, max } => numbers::whole(text, 0, max)
                .err()
                .map(|e| (e, numbers::whole_problem(text, e, unit, max))),
            Number::Decimal { unit, max } => numbers::decimal(text, max)
                .err()
                .map(|e| (e, numbers::decimal_problem(text, e, unit, max))),
        }
    }
}

impl State {
    pub fn current(&self) -> Field {
        Field::ALL[self.field.min(Field::ALL.len() - 1)]
    }

    /// The text of a typed field.
    pub fn field_text(&self, field: Field) -> Option<&TextField> {
        match field {
            Field::Name => Some(&self.name),
            Field::Cost => Some(&self.cost),
            Field::Hours => Some(&self.hours),
            Field::Age => Some(&self.age),
            Field::Postings => Some(&self.postings),
            _ => None,
        }
    }

    fn text_mut(&mut self) -> Option<&mut TextField> {
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

    /// A yes/no field's answer, in words.
    pub(super) fn choice(&self, field: Field) -> &'static str {
        match field {
            Field::ProviderKnown => self.provider_known.label(),
            Field::Practical => self.practical.label(),
            f => {
                let on = State::claim_of(f).is_some_and(|c| self.claims.contains(&c));
                if on { "yes" } else { "no" }
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

    fn set_error(&mut self, field: Field, message: String) {
        self.field = Field::ALL.iter().position(|f| *f == field).unwrap_or(0);
        self.error = Some(message);
        self.error_at = Some(field);
    }

    /// The field changed: its error goes; a number now out of range says so at once.
    fn changed(&mut self, field: Field) {
        if self.error_at.is_none_or(|at| at == field) {
            self.error = None;
            self.error_at = None;
        }
        let problem = Number::of(field)
            .zip(self.field_text(field))
            .and_then(|(n, t)| {
                n.problem(t.text())
                    .filter(|(e, _)| *e == NumberError::OutOfRange)
            });
        if let Some((_, message)) = problem {
            self.set_error(field, format!("{}: {message}.", short_label(field)));
        }
    }

    /// The facts, or the field that is wrong and why (so the cursor can go there).
    ///
    /// # Errors
    /// No name, or a typed number that is not a number in range.
    pub fn checked(&self) -> Result<Facts, (Field, String)> {
        if self.name.text().trim().is_empty() {
            return Err((
                Field::Name,
                format!(
                    "{}: type the certification's name.",
                    short_label(Field::Name)
                ),
            ));
        }
        for field in [Field::Cost, Field::Hours, Field::Age, Field::Postings] {
            let (Some(number), Some(text)) = (Number::of(field), self.field_text(field)) else {
                continue;
            };
            if let Some((_, message)) = number.problem(text.text()) {
                return Err((
                    field,
                    format!(
                        "{}: {message} (leave it empty if not known).",
                        short_label(field)
                    ),
                ));
            }
        }
        let whole = |t: &TextField| t.text().parse::<u32>().ok();
        let decimal = |t: &TextField| t.text().parse::<f32>().ok();
        Ok(Facts {
            name: self.name.text().trim().to_owned(),
            provider_known: self.provider_known.value(),
            cost_usd: whole(&self.cost),
            prep_hours: whole(&self.hours),
            practical: self.practical.value(),
            content_age_years: decimal(&self.age),
            claims: self.claims.clone(),
            postings_percent: decimal(&self.postings),
            ..Facts::default()
        })
    }

    /// The facts. Empty numbers are unknown.
    ///
    /// # Errors
    /// No name, or a typed number that is not a number in range; the message says which.
    pub fn facts(&self) -> Result<Facts, String> {
        self.checked().map_err(|(_, message)| message)
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
    /// The form, coming back to `from` on Esc. The draft typed before is kept; a result shown
    /// before is not (Enter makes it again).
    pub fn open(&mut self, from: Screen) {
        self.back_to = Some(from);
        self.result = None;
        self.text.top();
    }

    /// What the form holds now.
    fn values(&self) -> Values {
        let mut claims = self.claims.clone();
        claims.sort();
        Values {
            name: self.name.text().to_owned(),
            provider_known: self.provider_known,
            numbers: [&self.cost, &self.hours, &self.age, &self.postings]
                .map(|f| f.text().to_owned()),
            practical: self.practical,
            claims,
        }
    }

    /// Nothing typed or chosen since the form was empty, filled in by `e`, or saved.
    pub fn untouched(&self) -> bool {
        let now = self.values();
        let empty = State::default().values();
        now == empty || self.clean.as_ref() == Some(&now)
    }

    /// The form for a catalog entry: its name, suggested (the first letter typed replaces it),
    /// and for an entry of yours the facts it was saved with, so that saving it again keeps them.
    /// A built-in entry's facts are filled in by the evaluation itself, from the catalog.
    pub fn fill(&mut self, e: &crate::knowledge::Entry) {
        let facts = if crate::user_catalog::is_yours(e) {
            crate::user_catalog::facts_of(e)
        } else {
            Facts::default()
        };
        let text = |value: Option<String>, like: &TextField| {
            TextField::with_text(&value.unwrap_or_default(), like.max())
        };
        let tri = |value: Option<bool>| match value {
            None => Tri::Unknown,
            Some(true) => Tri::Yes,
            Some(false) => Tri::No,
        };
        *self = State {
            name: TextField::prefilled(&e.name, self.name.max()),
            provider_known: tri(facts.provider_known),
            cost: text(facts.cost_usd.map(|n| n.to_string()), &self.cost),
            hours: text(facts.prep_hours.map(|n| n.to_string()), &self.hours),
            practical: tri(facts.practical),
            age: text(facts.content_age_years.map(|n| n.to_string()), &self.age),
            postings: text(
                facts.postings_percent.map(|n| n.to_string()),
                &self.postings,
            ),
            claims: facts.claims,
            back_to: self.back_to,
            evaluations: self.evaluations,
            ..State::default()
        };
        self.clean = Some(self.values());
    }

    /// `e` on a catalog entry: the form for it, unless that would lose a draft the person changed
    /// (for another name); then the draft stays and the question to ask is returned. A draft of
    /// the same name is that entry's, and is kept as it is.
    pub fn open_entry(&mut self, e: &crate::knowledge::Entry) -> Option<Ask> {
        if self.untouched() {
            self.fill(e);
            return None;
        }
        let key = crate::knowledge::name_key;
        if key(self.name.text()) == key(&e.name) {
            return None;
        }
        Some(Ask::ReplaceDraft {
            draft: self.name.text().trim().to_owned(),
            id: e.id.clone(),
            name: e.name.clone(),
        })
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
                Action::SaveEvaluation => self.save(shared, false),
                _ => self.text.apply(action),
            }
            return None;
        }
        let n = Field::ALL.len();
        let field = self.current();
        match action {
            Action::Down | Action::NextPane => self.field = (self.field + 1) % n,
            Action::Up | Action::PrevPane => self.field = (self.field + n - 1) % n,
            Action::Home => self.field = 0,
            Action::End => self.field = n - 1,
            Action::TypeChar(c) if !self.accepts(c) => {
                self.set_error(
                    field,
                    format!(
                        "{} takes a number: `{}` is not part of one (leave it empty if not known).",
                        field.label(),
                        crate::sanitize::value(&c.to_string())
                    ),
                );
            }
            _ if field.is_text() && Edit::from_action(action).is_some() => {
                let edit = Edit::from_action(action);
                let (Some(text), Some(edit)) = (self.text_mut(), edit) else {
                    return None;
                };
                match text.apply(edit) {
                    Change::Text => self.changed(field),
                    Change::Full => {
                        let max = text.max();
                        self.set_error(field, text_field::cut_message(max));
                    }
                    // Home and End only move in the text, however often pressed: jumping to
                    // another field there sent the next letters to a yes/no answer.
                    Change::Cursor | Change::None => {}
                }
            }
            Action::ToggleMark | Action::Forward => self.toggle(field, true),
            Action::PreviousChoice => self.toggle(field, false),
            Action::Select => match self.checked() {
                Ok(facts) => {
                    self.result = Some(evaluate(shared.kb, &facts));
                    self.evaluations += 1;
                    self.text.top();
                }
                Err((field, e)) => self.set_error(field, e),
            },
            Action::Back => return Some(Go::To(self.back_to.unwrap_or(Screen::Welcome))),
            _ => {}
        }
        None
    }

    /// A yes/no field to its next answer (or its previous one), in the order not known, yes, no.
    fn toggle(&mut self, field: Field, forward: bool) {
        match field {
            Field::ProviderKnown => self.provider_known = self.provider_known.step(forward),
            Field::Practical => self.practical = self.practical.step(forward),
            f => {
                let Some(c) = State::claim_of(f) else { return };
                if let Some(i) = self.claims.iter().position(|x| *x == c) {
                    self.claims.remove(i);
                } else {
                    self.claims.push(c);
                }
            }
        }
        self.changed(field);
    }

    /// Saves the result to the person's catalog. Over an entry of theirs of the same name, it asks
    /// first (unless `confirmed`) when the form leaves unknown a fact that entry knows, or drops a
    /// claim it records: replacing never loses a fact silently. The status line says whether it
    /// replaced, and what is now not known.
    pub(crate) fn save(&mut self, shared: &mut Shared, confirmed: bool) {
        let (Some(verdict), Ok(facts)) = (self.result.clone(), self.facts()) else {
            return;
        };
        let Some(store) = shared.store_or_say_why() else {
            return;
        };
        let path = store.root().join(crate::user_catalog::FILE);
        let entry = crate::user_catalog::entry_from(&facts, &verdict, shared.today);
        let id = entry.id.clone();
        let old = crate::user_catalog::load(&path)
            .entries
            .into_iter()
            .find(|e| e.id == id);
        let lost = old
            .as_ref()
            .map(|old| crate::user_catalog::facts_lost(old, &facts))
            .unwrap_or_default();
        if !lost.is_empty() && !confirmed {
            shared.open(Overlay::Confirm(Ask::ReplaceEntry {
                name: entry.name,
                lost,
            }));
            return;
        }
        match crate::user_catalog::add(&path, entry) {
            Ok(()) => {
                shared.reload_user_catalog();
                self.clean = Some(self.values());
                shared.status = Some(match (old.is_some(), lost.as_slice()) {
                    (false, _) => format!("Saved to your catalog as {id}."),
                    (true, []) => format!("Replaced {id} in your catalog."),
                    (true, lost) => format!(
                        "Replaced {id} in your catalog; now not known: {}.",
                        lost.join(", ")
                    ),
                });
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
        // Cut off, the scroll keeps its last row for the "more above / below" marker.
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
        keys: &[Code(K::Char(' ')), Code(K::Right), Code(K::Char('l'))],
        action: Action::ToggleMark,
        help: "change the answer (not known, yes, no)",
        hint: Some("change"),
    },
    Binding {
        scope: Scope::Only(&[M::EvalToggle]),
        keys: &[Code(K::Left), Code(K::Char('h'))],
        action: Action::PreviousChoice,
        help: "back to the previous answer",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::EvalToggle]),
        keys: &[Code(K::Home), Code(K::PageUp), Code(K::Char('g'))],
        action: Action::Home,
        help: "the first field",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::EvalToggle]),
        keys: &[Code(K::End), Code(K::PageDown), Code(K::Char('G'))],
        action: Action::End,
        help: "the last field",
        hint: None,
    },
    Binding {
        // In a typed field Home and End move in the text only (see `text_field::KEYS`).
        scope: Scope::Only(&[M::EvalField]),
        keys: &[Code(K::PageUp)],
        action: Action::Home,
        help: "the first field",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::EvalField]),
        keys: &[Code(K::PageDown)],
        action: Action::End,
        help: "the last field",
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
    Binding {
        scope: Scope::Only(&[M::EvalResult]),
        keys: &[Code(K::Home), Code(K::Char('g'))],
        action: Action::Home,
        help: "to the top",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::EvalResult]),
        keys: &[Code(K::End), Code(K::Char('G'))],
        action: Action::End,
        help: "to the bottom",
        hint: None,
    },
];
