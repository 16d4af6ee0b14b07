//! Answers to plan: how long the advisor takes for a few representative people, one per strategy
//! plus the all-defaults case. Issue 2 asks for well under a millisecond.
//!
//! Run with `cargo bench --bench plan` (add `-- --quick` for a fast estimate).

use std::hint::black_box;

use certwise::advisor::plan;
use certwise::interview::Answers;
use certwise::knowledge::Knowledge;
use certwise::render::{self, Format};
use criterion::{Criterion, criterion_group, criterion_main};

const PEOPLE: &[(&str, &[(&str, &str)])] = &[
    ("defaults", &[]),
    (
        "career-changer",
        &[
            ("goal", "change-role"),
            ("role", "non-technical"),
            ("hours_per_week", "6"),
            ("budget_usd", "100"),
        ],
    ),
    (
        "developer",
        &[
            ("role", "developer"),
            ("ai_experience", "hands-on"),
            ("projects_built", "one-or-two"),
            ("learning_style", "self-directed"),
        ],
    ),
    (
        "enterprise",
        &[
            ("role", "cloud-data-engineer"),
            ("target_platform", "aws"),
            ("target_employer", "enterprise"),
            ("industry", "finance"),
            ("budget_usd", "1000"),
        ],
    ),
    (
        "student",
        &[
            ("role", "student"),
            ("market", "certs-weigh-more"),
            ("hours_per_week", "20"),
        ],
    ),
    (
        "professional",
        &[
            ("role", "non-technical"),
            ("goal", "productivity"),
            ("uses_ai_at_work", "daily"),
            ("employer_values_certs", "yes"),
        ],
    ),
];

fn answers(kb: &Knowledge, pairs: &[(&str, &str)]) -> Answers {
    let mut a = Answers::new();
    for (id, value) in pairs {
        a.set(kb, id, value).expect("benchmark answers are valid");
    }
    a
}

fn answers_to_plan(c: &mut Criterion) {
    let kb = Knowledge::embedded().expect("the embedded knowledge base loads");
    let mut group = c.benchmark_group("answers to plan");
    for (name, pairs) in PEOPLE {
        let a = answers(kb, pairs);
        // Check once, outside the timing, that each person gets the strategy named.
        let p = plan(kb, &a).expect("a plan");
        assert!(
            *name == "defaults" || p.strategy.id == *name,
            "{name}: {}",
            p.strategy.id
        );
        group.bench_function(*name, |b| b.iter(|| plan(kb, black_box(&a))));
    }
    group.finish();

    // What `certwise plan --format json` does after parsing its arguments.
    let a = answers(kb, PEOPLE[2].1);
    c.bench_function("answers to JSON", |b| {
        b.iter(|| {
            let p = plan(kb, black_box(&a)).expect("a plan");
            render::plan(kb, &p, Format::Json)
        });
    });
}

criterion_group!(benches, answers_to_plan);
criterion_main!(benches);
