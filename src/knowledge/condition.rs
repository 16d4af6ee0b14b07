//! Conditions written in the RON files: when a question is asked, when a strategy applies.

use serde::{Deserialize, Serialize};

/// A test on the answers given so far.
///
/// A question that was not asked has no value: `Is` on it is false, and `Not(Is(..))` is true.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub enum Condition {
    /// Always holds.
    #[default]
    Always,
    /// The answer to the question is one of the values.
    Is(String, Vec<String>),
    /// The numeric answer is at least this much.
    AtLeast(String, u32),
    /// The numeric answer is below this.
    Below(String, u32),
    Not(Box<Condition>),
    All(Vec<Condition>),
    Any(Vec<Condition>),
}

impl Condition {
    /// Evaluates the condition; `answer` gives the value of a question, or `None` if it has none.
    pub fn holds<'a>(&self, answer: &impl Fn(&str) -> Option<&'a str>) -> bool {
        match self {
            Condition::Always => true,
            Condition::Is(q, values) => answer(q).is_some_and(|v| values.iter().any(|x| x == v)),
            Condition::AtLeast(q, n) => number(answer(q)).is_some_and(|v| v >= *n),
            Condition::Below(q, n) => number(answer(q)).is_some_and(|v| v < *n),
            Condition::Not(c) => !c.holds(answer),
            Condition::All(cs) => cs.iter().all(|c| c.holds(answer)),
            Condition::Any(cs) => cs.iter().any(|c| c.holds(answer)),
        }
    }

    /// Every `(question, value)` the condition looks at; the value is `None` for numeric tests.
    pub fn references(&self) -> Vec<(&str, Option<&str>)> {
        let mut out = Vec::new();
        self.collect(&mut out);
        out
    }

    fn collect<'a>(&'a self, out: &mut Vec<(&'a str, Option<&'a str>)>) {
        match self {
            Condition::Always => {}
            Condition::Is(q, values) => {
                out.extend(values.iter().map(|v| (q.as_str(), Some(v.as_str()))));
            }
            Condition::AtLeast(q, _) | Condition::Below(q, _) => out.push((q.as_str(), None)),
            Condition::Not(c) => c.collect(out),
            Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| c.collect(out)),
        }
    }

    /// The question ids the condition looks at, each once, in order of first mention.
    pub fn questions(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        for (q, _) in self.references() {
            if !ids.contains(&q) {
                ids.push(q);
            }
        }
        ids
    }
}

fn number(value: Option<&str>) -> Option<u32> {
    value.and_then(|v| v.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(
        pairs: &'static [(&'static str, &'static str)],
    ) -> impl Fn(&str) -> Option<&'static str> {
        move |q| pairs.iter().find(|(k, _)| *k == q).map(|(_, v)| *v)
    }

    #[test]
    fn is_on_a_missing_answer_is_false_and_its_negation_true() {
        let c = Condition::Is("role".into(), vec!["student".into()]);
        let none = lookup(&[]);
        assert!(!c.holds(&none));
        assert!(Condition::Not(Box::new(c)).holds(&none));
    }

    #[test]
    fn numeric_tests_compare_whole_numbers() {
        let answers = lookup(&[("budget_usd", "500")]);
        assert!(Condition::AtLeast("budget_usd".into(), 500).holds(&answers));
        assert!(!Condition::Below("budget_usd".into(), 500).holds(&answers));
        assert!(Condition::Below("budget_usd".into(), 501).holds(&answers));
    }

    #[test]
    fn all_and_any_combine() {
        let answers = lookup(&[("role", "developer"), ("goal", "promotion")]);
        let dev = Condition::Is("role".into(), vec!["developer".into()]);
        let student = Condition::Is("role".into(), vec!["student".into()]);
        assert!(Condition::Any(vec![dev.clone(), student.clone()]).holds(&answers));
        assert!(!Condition::All(vec![dev, student]).holds(&answers));
        assert_eq!(
            Condition::All(vec![
                Condition::Is("role".into(), vec!["a".into()]),
                Condition::AtLeast("goal".into(), 1),
                Condition::Is("role".into(), vec!["b".into()]),
            ])
            .questions(),
            vec!["role", "goal"]
        );
    }
}
