//! Property tests of the advisor: for any valid answers (any subset of the questions, any valid
//! value, numbers anywhere in their range) the plan is made, adds up, and is the same every time.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use certwise::advisor::timeline::{HORIZON_WEEKS, LONG_STEP_WEEKS, track_hours, track_of};
use certwise::advisor::{Factor, Plan, Track, plan};
use certwise::interview::{Answers, Resolved, parse_answers_file};
use certwise::knowledge::{Kind, QuestionKind};
use proptest::prelude::*;

use crate::support::kb;

/// For each question in turn: no answer, or one of its valid values. Numbers lean on the ends
/// of their range as well as anywhere inside it.
fn any_answers() -> impl Strategy<Value = Answers> {
    let per_question: Vec<BoxedStrategy<Option<(String, String)>>> = kb()
        .questions
        .iter()
        .map(|q| {
            let id = q.id.clone();
            let value: BoxedStrategy<String> = match &q.kind {
                QuestionKind::Choice(options) => {
                    let values: Vec<String> = options.iter().map(|o| o.value.clone()).collect();
                    proptest::sample::select(values).boxed()
                }
                QuestionKind::Number { min, max, .. } => {
                    prop_oneof![Just(*min), Just(*max), *min..=*max]
                        .prop_map(|n| n.to_string())
                        .boxed()
                }
            };
            proptest::option::of(value.prop_map(move |v| (id.clone(), v))).boxed()
        })
        .collect();
    per_question.prop_map(|pairs| {
        let mut a = Answers::new();
        for (id, value) in pairs.into_iter().flatten() {
            a.set(kb(), &id, &value)
                .expect("generated answers are valid");
        }
        a
    })
}

fn sum(factors: &[Factor]) -> i32 {
    factors.iter().map(|f| f.points).sum()
}

fn check_plan(answers: &Answers, p: &Plan) -> Result<(), TestCaseError> {
    let kb = kb();
    let resolved = Resolved::new(kb, answers);

    // Scores: 0-100, and the reasons add up to them.
    for r in &p.recommendations {
        prop_assert!(r.score <= 100, "{} scores {}", r.id, r.score);
        prop_assert_eq!(
            sum(&r.reasons),
            i32::from(r.score),
            "{}: {:?}",
            r.id,
            r.reasons
        );
        prop_assert!(r.reasons.iter().all(|f| !f.text.trim().is_empty()));
    }
    for (name, s) in [
        ("basics", &p.signals.basics),
        ("built", &p.signals.built),
        ("communication", &p.signals.communication),
    ] {
        prop_assert!(s.score <= 100, "{name}");
        prop_assert!(!s.reasons.is_empty(), "{name}");
        prop_assert_eq!(sum(&s.reasons), i32::from(s.score), "{}", name);
    }

    // The split: percentages add to 100, the reasons to the build share, the hours to the week.
    let sp = &p.split;
    prop_assert_eq!(
        u32::from(sp.build_percent) + u32::from(sp.study_percent),
        100
    );
    prop_assert_eq!(sum(&sp.reasons), i32::from(sp.build_percent));
    let hours: u32 = resolved.value("hours_per_week").parse().unwrap();
    prop_assert_eq!(sp.build_hours_per_week + sp.study_hours_per_week, hours);

    // Recommendations: highest first, never retired, never twice.
    prop_assert!(
        p.recommendations
            .windows(2)
            .all(|w| w[0].score >= w[1].score),
        "not sorted"
    );
    for r in &p.recommendations {
        let e = kb.entry(&r.id);
        prop_assert!(e.is_some(), "unknown id {}", r.id);
        prop_assert!(
            !e.unwrap().status.is_retired(),
            "retired {} recommended",
            r.id
        );
        prop_assert_eq!(&r.status, "active");
        prop_assert_eq!(r.kind, e.unwrap().kind);
    }
    // Every catalog entry exactly once across recommendations and avoid; avoid says why.
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for id in p
        .recommendations
        .iter()
        .map(|r| &r.id)
        .chain(p.avoid.iter().map(|a| &a.id))
    {
        prop_assert!(kb.entry(id).is_some(), "unknown id {}", id);
        *seen.entry(id.as_str()).or_default() += 1;
    }
    for e in &kb.catalog.entries {
        prop_assert_eq!(seen.get(e.id.as_str()).copied(), Some(1), "{}", e.id);
    }
    for a in &p.avoid {
        prop_assert!(!a.reasons.is_empty(), "{} avoided without a reason", a.id);
    }

    // Nothing over budget without saying so.
    let budget: u32 = resolved.value("budget_usd").parse().unwrap();
    for r in &p.recommendations {
        if r.cost_usd.max > budget {
            prop_assert!(
                r.reasons
                    .iter()
                    .any(|f| f.points < 0 && f.text.contains("budget")),
                "{} over budget silently",
                r.id
            );
        }
    }

    // The timeline only schedules recommendations, in whole weeks from week 1.
    prop_assert!(!p.timeline.is_empty());
    for s in &p.timeline {
        prop_assert!(
            p.recommendations.iter().any(|r| r.id == s.id),
            "{} not recommended",
            s.id
        );
        prop_assert!(
            s.start_week >= 1 && s.start_week <= s.end_week && s.hours > 0,
            "{:?}",
            s
        );
    }
    prop_assert!(p.timeline.iter().any(|s| s.start_week == 1));

    check_timeline(p)?;

    check_budget(p, budget)?;

    check_no_reason_points_to_the_avoid_list(p)?;

    // Assumed: the asked questions with no answer, nothing else.
    let expected: Vec<&str> = resolved
        .asked()
        .map(|(q, _)| q.id.as_str())
        .filter(|id| answers.get(id).is_none())
        .collect();
    let got: Vec<&str> = p.assumed.iter().map(|a| a.question.as_str()).collect();
    prop_assert_eq!(got, expected);
    Ok(())
}

/// No reason points to something the same plan tells you to avoid.
fn check_no_reason_points_to_the_avoid_list(p: &Plan) -> Result<(), TestCaseError> {
    // No reason points to something the same plan tells you to avoid (a retired exam's successor
    // saying what it replaces is the one exception: that is the point of it).
    let texts = p
        .recommendations
        .iter()
        .flat_map(|r| r.reasons.iter().map(move |f| (&r.id, f.text.as_str())))
        .chain(
            p.avoid
                .iter()
                .flat_map(|a| a.reasons.iter().map(move |t| (&a.id, t.as_str()))),
        );
    for (id, text) in
        texts.filter(|(_, t)| !t.starts_with("replaces ") && !t.starts_with("retired on"))
    {
        for a in &p.avoid {
            prop_assert!(
                !text.contains(&a.name),
                "{}: \"{}\" refers to {}, which the plan avoids",
                id,
                text,
                a.id
            );
        }
    }

    Ok(())
}

/// The whole timeline's cost against the budget.
fn check_budget(p: &Plan, budget: u32) -> Result<(), TestCaseError> {
    // The whole timeline's cost: the scheduled steps added up, their lowest total within the
    // budget, and the plan says plainly when the highest is not.
    let (mut min, mut max) = (0, 0);
    for s in &p.timeline {
        let r = p.recommendations.iter().find(|r| r.id == s.id).unwrap();
        min += r.cost_usd.min;
        max += r.cost_usd.max;
    }
    let b = &p.budget;
    prop_assert_eq!(
        (b.timeline_cost_usd.min, b.timeline_cost_usd.max),
        (min, max)
    );
    prop_assert_eq!(b.budget_usd, budget);
    prop_assert!(
        min <= budget,
        "the timeline's lowest cost {} is over the budget {}",
        min,
        budget
    );
    prop_assert_eq!(b.within_budget, max <= budget);
    prop_assert!(
        b.within_budget || b.note.contains("above your budget"),
        "{}",
        &b.note
    );

    Ok(())
}

/// The timeline and the hours warning agree, and the timeline is sensible.
fn check_timeline(p: &Plan) -> Result<(), TestCaseError> {
    // The timeline and the hours warning agree: a step is on its kind's track, takes its hours at
    // that track's weekly hours, and runs past half a year exactly when its score says so.
    for s in &p.timeline {
        let r = p.recommendations.iter().find(|r| r.id == s.id).unwrap();
        prop_assert_eq!(s.track, track_of(r.kind), "{} on the wrong track", &s.id);
        let per_week = track_hours(&p.split, s.track);
        prop_assert!(per_week > 0, "{} scheduled on a track with no hours", &s.id);
        let weeks = s.end_week - s.start_week + 1;
        prop_assert_eq!(weeks, s.hours.div_ceil(per_week).max(1), "{:?}", s);
        let warned = r
            .reasons
            .iter()
            .any(|f| f.points < 0 && f.text.starts_with("needs about"));
        prop_assert_eq!(
            weeks > LONG_STEP_WEEKS,
            warned,
            "{:?} vs {:?}",
            s,
            r.reasons
        );
        prop_assert!(
            s.start_week <= HORIZON_WEEKS,
            "{:?} starts after the first year",
            s
        );
    }
    // The first build step is the best project; internships are never scheduled in the hours.
    if let Some(first) = p
        .timeline
        .iter()
        .find(|s| s.track == Track::Build && s.start_week == 1)
    {
        let best = p
            .recommendations
            .iter()
            .find(|r| r.kind == Kind::Project)
            .unwrap();
        prop_assert_eq!(&first.id, &best.id);
    }
    prop_assert!(p.timeline.iter().all(|s| s.id != "internship"));
    // Study hours never sit on an empty study track.
    if p.split.study_hours_per_week > 0 {
        prop_assert!(
            p.timeline.iter().any(|s| s.track == Track::Study),
            "idle study hours"
        );
    }

    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_valid_answers_give_a_plan_that_adds_up(answers in any_answers()) {
        let p = plan(kb(), &answers);
        prop_assert!(p.is_ok(), "{:?}: {:?}", answers, p.err());
        check_plan(&answers, &p.unwrap())?;
    }

    #[test]
    fn the_same_answers_always_give_the_same_plan(answers in any_answers()) {
        let first = plan(kb(), &answers).unwrap();
        // Rebuilt from scratch, in reverse order: the order answers arrive in does not matter.
        let mut again = Answers::new();
        let pairs: Vec<(String, String)> = answers.iter().map(|(k, v)| (k.to_owned(), v.to_owned())).collect();
        for (k, v) in pairs.iter().rev() {
            again.set(kb(), k, v).unwrap();
        }
        let second = plan(kb(), &again).unwrap();
        prop_assert_eq!(&first, &second);
        // And the JSON form, which saved plans use, reads back as the same plan.
        let json = serde_json::to_string(&first).unwrap();
        let back: Plan = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&first, &back);
        prop_assert_eq!(json, serde_json::to_string(&second).unwrap());
    }

    #[test]
    fn answering_more_never_breaks_the_plan(answers in any_answers(), extra in any_answers()) {
        // Answers to questions that end up not asked are ignored, not fatal.
        let mut merged = answers.clone();
        for (k, v) in extra.iter() {
            merged.set(kb(), k, v).unwrap();
        }
        let p = plan(kb(), &merged).unwrap();
        check_plan(&merged, &p)?;
        // Pruning the unasked answers changes nothing in the plan.
        let mut pruned = merged.clone();
        pruned.prune(kb());
        prop_assert_eq!(plan(kb(), &pruned).unwrap(), p);
    }

    #[test]
    fn any_text_as_an_answers_file_never_panics(text in ".{0,200}") {
        let _ = parse_answers_file(kb(), "answers.ron", &text);
    }

    #[test]
    fn any_answer_value_is_checked_without_panicking(
        id in proptest::sample::select(kb().questions.iter().map(|q| q.id.clone()).collect::<Vec<_>>()),
        raw in ".{0,20}|[0-9]{1,25}|-[0-9]{1,5}",
    ) {
        let mut a = Answers::new();
        match a.set(kb(), &id, &raw) {
            Ok(()) => prop_assert!(kb().question(&id).unwrap().parse_value(a.get(&id).unwrap()).is_ok()),
            Err(e) => prop_assert!(e.to_string().starts_with(&id), "{}", e),
        }
    }

    #[test]
    fn answers_files_with_any_valid_answers_read_back(answers in any_answers()) {
        // Written as a RON map with numbers bare, as a person would write it.
        let body: Vec<String> = answers
            .iter()
            .map(|(k, v)| {
                if v.parse::<u32>().is_ok() { format!("{k:?}: {v}") } else { format!("{k:?}: {v:?}") }
            })
            .collect();
        let text = format!("{{\n    {}\n}}\n", body.join(",\n    "));
        let read = parse_answers_file(kb(), "answers.ron", &text);
        prop_assert!(read.is_ok(), "{}: {:?}", text, read.err());
        prop_assert_eq!(read.unwrap(), answers);
    }
}
