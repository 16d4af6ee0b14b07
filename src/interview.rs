//! The interview as pure data: answers, which questions get asked, and what is assumed.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::knowledge::{Knowledge, Question, ValueError};

/// The answers a person gave, by question id, each in canonical form.
///
/// Only answers that were given are here; defaults are filled in by [`Resolved`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answers(BTreeMap<String, String>);

/// An answer that was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    #[error("unknown question `{id}`; valid ids: {valid}")]
    UnknownQuestion { id: String, valid: String },
    #[error("{id}: {source}")]
    BadValue {
        id: String,
        #[source]
        source: ValueError,
    },
}

impl Answers {
    pub fn new() -> Self {
        Self::default()
    }

    /// Records an answer after checking it against the question.
    ///
    /// # Errors
    /// The question does not exist or the value is not valid for it.
    pub fn set(&mut self, kb: &Knowledge, id: &str, raw: &str) -> Result<(), AnswerError> {
        let question = kb
            .question(id)
            .ok_or_else(|| AnswerError::UnknownQuestion {
                id: crate::knowledge::one_line(id),
                valid: kb
                    .questions
                    .iter()
                    .map(|q| q.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })?;
        let value = question
            .parse_value(raw)
            .map_err(|source| AnswerError::BadValue {
                id: id.to_owned(),
                source,
            })?;
        self.0.insert(id.to_owned(), value);
        Ok(())
    }

    pub fn get(&self, id: &str) -> Option<&str> {
        self.0.get(id).map(String::as_str)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Checks every answer against the knowledge base (after loading a file, say).
    ///
    /// # Errors
    /// The first answer that is not valid.
    pub fn validated(self, kb: &Knowledge) -> Result<Self, AnswerError> {
        let mut out = Answers::new();
        for (id, value) in self.0 {
            out.set(kb, &id, &value)?;
        }
        Ok(out)
    }

    /// Checks every answer, keeping the valid ones: for a kept interview, where one bad answer
    /// must not lose the others. Returns the valid answers and what was wrong with the rest.
    pub fn keep_valid(self, kb: &Knowledge) -> (Self, Vec<AnswerError>) {
        let mut out = Answers::new();
        let mut refused = Vec::new();
        for (id, value) in self.0 {
            if let Err(e) = out.set(kb, &id, &value) {
                refused.push(e);
            }
        }
        (out, refused)
    }

    /// Drops answers to questions that will no longer be asked (after an earlier answer changed).
    /// Returns the ids dropped.
    pub fn prune(&mut self, kb: &Knowledge) -> Vec<String> {
        let resolved = Resolved::new(kb, self);
        let dropped: Vec<String> = self
            .0
            .keys()
            .filter(|id| !resolved.is_asked(id))
            .cloned()
            .collect();
        for id in &dropped {
            self.0.remove(id);
        }
        dropped
    }
}

/// An answer dropped because its question is not asked, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ignored {
    pub question: String,
    pub value: String,
    /// For example "not asked when role=student".
    pub reason: String,
}

impl std::fmt::Display for Ignored {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "ignored {}={}: {}",
            self.question, self.value, self.reason
        )
    }
}

impl Answers {
    /// Like [`Answers::prune`], but says for each dropped answer which answers kept its question
    /// from being asked.
    pub fn prune_explained(&mut self, kb: &Knowledge) -> Vec<Ignored> {
        let before = self.clone();
        let resolved = Resolved::new(kb, &before);
        self.prune(kb)
            .into_iter()
            .map(|id| {
                let lookup = resolved.lookup();
                let mut parts: Vec<String> = Vec::new();
                if let Some(q) = kb.question(&id) {
                    explain(&q.ask_if, false, &lookup, &mut parts);
                }
                Ignored {
                    value: before.get(&id).unwrap_or_default().to_owned(),
                    reason: if parts.is_empty() {
                        "not asked".to_owned()
                    } else {
                        format!("not asked when {}", parts.join(", "))
                    },
                    question: id,
                }
            })
            .collect()
    }
}

/// The answers that make `c` come out as `holds`, as `id=value` (or `id is not asked`), each once.
fn explain<'a>(
    c: &crate::knowledge::Condition,
    holds: bool,
    lookup: &impl Fn(&str) -> Option<&'a str>,
    out: &mut Vec<String>,
) {
    use crate::knowledge::Condition as C;
    let mut say = |q: &str| {
        let part = match lookup(q) {
            Some(v) => format!("{q}={v}"),
            None => format!("{q} is not asked"),
        };
        if !out.contains(&part) {
            out.push(part);
        }
    };
    match c {
        C::Always => {}
        C::Is(q, _) | C::AtLeast(q, _) | C::Below(q, _) => say(q),
        C::Not(inner) => explain(inner, !holds, lookup, out),
        // All fails by its failing parts, Any holds by its holding parts; otherwise every part
        // counts.
        C::All(cs) | C::Any(cs) => {
            let deciding = matches!(c, C::All(_)) != holds;
            for part in cs {
                if !deciding || part.holds(lookup) == holds {
                    explain(part, holds, lookup, out);
                }
            }
        }
    }
}

/// The answers with the interview's branching applied: which questions are asked, and the value
/// of every question (given, assumed from the default, or not asked).
#[derive(Debug, Clone)]
pub struct Resolved<'k> {
    kb: &'k Knowledge,
    /// Asked questions, in order, with their values.
    asked: Vec<(&'k Question, String)>,
    assumed: Vec<String>,
}

impl<'k> Resolved<'k> {
    /// Walks the questions in order; each is asked if its condition holds on the values so far.
    pub fn new(kb: &'k Knowledge, answers: &Answers) -> Self {
        let mut asked: Vec<(&Question, String)> = Vec::new();
        let mut assumed = Vec::new();
        for q in &kb.questions {
            let lookup = |id: &str| {
                asked
                    .iter()
                    .find(|(a, _)| a.id == id)
                    .map(|(_, v)| v.as_str())
            };
            if !q.ask_if.holds(&lookup) {
                continue;
            }
            let value = if let Some(v) = answers.get(&q.id) {
                v.to_owned()
            } else {
                assumed.push(q.id.clone());
                q.default.clone()
            };
            asked.push((q, value));
        }
        Resolved { kb, asked, assumed }
    }

    /// The questions that are asked, in order.
    pub fn asked(&self) -> impl Iterator<Item = (&'k Question, &str)> {
        self.asked.iter().map(|(q, v)| (*q, v.as_str()))
    }

    pub fn asked_count(&self) -> usize {
        self.asked.len()
    }

    pub fn is_asked(&self, id: &str) -> bool {
        self.asked.iter().any(|(q, _)| q.id == id)
    }

    /// Position (0-based) of a question among those asked.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.asked.iter().position(|(q, _)| q.id == id)
    }

    /// Asked questions that had no answer and took their default.
    pub fn assumed(&self) -> &[String] {
        &self.assumed
    }

    /// The value of an asked question; `None` if it was not asked.
    pub fn answer(&self, id: &str) -> Option<&str> {
        self.asked
            .iter()
            .find(|(q, _)| q.id == id)
            .map(|(_, v)| v.as_str())
    }

    /// The value the advisor works with: the answer if asked, else the question's default.
    pub fn value(&self, id: &str) -> &str {
        self.answer(id)
            .or_else(|| self.kb.question(id).map(|q| q.default.as_str()))
            .unwrap_or("")
    }

    /// A numeric value; 0 if the question is not numeric.
    pub fn number(&self, id: &str) -> u32 {
        self.value(id).parse().unwrap_or(0)
    }

    pub fn is(&self, id: &str, value: &str) -> bool {
        self.value(id) == value
    }

    pub fn knowledge(&self) -> &'k Knowledge {
        self.kb
    }

    /// The lookup conditions use: asked questions only.
    pub fn lookup<'s>(&'s self) -> impl Fn(&str) -> Option<&'s str> + 's {
        move |id| self.answer(id)
    }
}

/// A value in an answers file: text, or a bare number for the numeric questions.
///
/// Anything else (a negative or fractional number, `true`, a list) is read too, so that the
/// question can refuse it with its own message ("`-5` is not a whole number (1-80)") instead of
/// a parse error that names no question.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
enum RawValue {
    Number(u64),
    Negative(i64),
    Float(f64),
    Bool(bool),
    Text(String),
    Other(ron::Value),
}

impl RawValue {
    fn into_text(self) -> String {
        match self {
            RawValue::Number(n) => n.to_string(),
            RawValue::Negative(n) => n.to_string(),
            RawValue::Float(x) => x.to_string(),
            RawValue::Bool(b) => b.to_string(),
            RawValue::Text(s) => s,
            RawValue::Other(v) => ron::to_string(&v).unwrap_or_else(|_| "?".to_owned()),
        }
    }
}

/// What an answers file looks like, for syntax errors.
pub const ANSWERS_FILE_EXAMPLE: &str = r#"{"goal": "promotion", "hours_per_week": 6}"#;

/// Errors reading an answers file.
#[derive(Debug, thiserror::Error)]
pub enum AnswersFileError {
    #[error("{path}: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Syntax {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}:{line}:{column}: {source}")]
    Answer {
        path: String,
        line: usize,
        column: usize,
        #[source]
        source: AnswerError,
    },
    #[error("{path}:{line}:{column}: `{id}` is answered twice; keep one answer per question")]
    Duplicate {
        path: String,
        line: usize,
        column: usize,
        id: String,
    },
}

/// Parses an answers file: a RON map such as `{"goal": "promotion", "hours_per_week": 10}`.
///
/// # Errors
/// Syntax errors, a duplicate answer, or the first invalid answer, each with line and column.
pub fn parse_answers_file(
    kb: &Knowledge,
    path: &str,
    text: &str,
) -> Result<Answers, AnswersFileError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let refused = std::cell::RefCell::new(None);
    let seed = AnswersSeed {
        kb,
        refused: &refused,
    };
    ron::Options::default()
        .from_str_seed(text, seed)
        .map_err(|e| {
            let (line, column) = (e.span.start.line, e.span.start.col);
            match refused.into_inner() {
                Some(Refused::Duplicate(id)) => AnswersFileError::Duplicate {
                    path: path.to_owned(),
                    line,
                    column,
                    id,
                },
                Some(Refused::Answer(source)) => AnswersFileError::Answer {
                    path: path.to_owned(),
                    line,
                    column,
                    source,
                },
                None => AnswersFileError::Syntax {
                    path: path.to_owned(),
                    line,
                    column,
                    message: format!(
                        "{}; an answers file is a RON map such as {ANSWERS_FILE_EXAMPLE}",
                        e.code
                    ),
                },
            }
        })
}

/// Why the seed stopped: kept beside ron's error, which only carries the position.
enum Refused {
    Duplicate(String),
    Answer(AnswerError),
}

/// Reads the answers map and checks each answer as it is read, so that ron's error for a
/// duplicate or invalid answer carries the line and column where it stands.
struct AnswersSeed<'a> {
    kb: &'a Knowledge,
    refused: &'a std::cell::RefCell<Option<Refused>>,
}

impl<'de> serde::de::DeserializeSeed<'de> for AnswersSeed<'_> {
    type Value = Answers;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Answers, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> serde::de::Visitor<'de> for AnswersSeed<'_> {
    type Value = Answers;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "a map of answers such as {ANSWERS_FILE_EXAMPLE}")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Answers, A::Error> {
        use serde::de::Error as _;
        let mut answers = Answers::new();
        let mut seen = std::collections::BTreeSet::new();
        while let Some(id) = map.next_key::<String>()? {
            if !seen.insert(id.clone()) {
                let message = format!("`{}` is answered twice", crate::knowledge::one_line(&id));
                *self.refused.borrow_mut() =
                    Some(Refused::Duplicate(crate::knowledge::one_line(&id)));
                return Err(A::Error::custom(message));
            }
            let value = map.next_value::<RawValue>()?.into_text();
            if let Err(e) = answers.set(self.kb, &id, &value) {
                let message = e.to_string();
                *self.refused.borrow_mut() = Some(Refused::Answer(e));
                return Err(A::Error::custom(message));
            }
        }
        Ok(answers)
    }
}

/// The largest answers file read: a dozen answers take a few hundred bytes.
pub const MAX_ANSWERS_FILE_BYTES: u64 = 1024 * 1024;

/// Reads and parses an answers file: a regular file (a FIFO or a device is refused without
/// waiting on it), at most [`MAX_ANSWERS_FILE_BYTES`], UTF-8.
///
/// # Errors
/// See [`parse_answers_file`]; also the file cannot be read, is not a regular file, is too big,
/// or is not UTF-8.
pub fn read_answers_file(
    kb: &Knowledge,
    path: &std::path::Path,
) -> Result<Answers, AnswersFileError> {
    let shown = path.display().to_string();
    let read_error = |source: std::io::Error| AnswersFileError::Read {
        path: shown.clone(),
        source,
    };
    let bytes = crate::store::read_limited(path, MAX_ANSWERS_FILE_BYTES, None).map_err(|e| {
        read_error(match e {
            crate::store::ReadError::TooBig { limit } => std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("it is bigger than {limit} bytes, far too big for an answers file"),
            ),
            other => other.into(),
        })
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        read_error(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "stream did not contain valid UTF-8 (bad byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        ))
    })?;
    parse_answers_file(kb, &shown, &text)
}
