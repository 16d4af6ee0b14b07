//! The knowledge base hangs together: every file parses, every id it refers to exists, every
//! question can be reached, every path through the interview ends in a strategy, and the facts the
//! issue pins down (ids, retirements, prices, ROI figures) are in the data.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};

use certwise::advisor::choose_strategy;
use certwise::interview::{Answers, Resolved};
use certwise::knowledge::{
    Audience, Brief, CATALOG_RON, Condition, EVALUATION_RON, Field, Kind, Knowledge,
    KnowledgeError, Level, MilestoneKind, PROJECTS_RON, Platform, QUESTIONS_RON, QuestionKind,
    Range, STRATEGIES_RON, Stage, Status,
};
use jiff::civil::date;

use crate::support::kb;

// ---------------------------------------------------------------------------------------------
// Every file parses, and the validator finds nothing.

#[test]
fn every_file_parses_and_validates() {
    let kb = kb();
    assert!(kb.problems().is_empty(), "problems: {:?}", kb.problems());
    assert!(!kb.questions.is_empty());
    assert_eq!(kb.strategies.strategies.len(), 5);
    assert!(!kb.catalog.entries.is_empty());
    assert_eq!(
        kb.evaluation.questions.len(),
        5,
        "the seeds ask five questions of any certification"
    );
}

#[test]
fn each_file_parses_on_its_own() {
    // A parse error names the file; a garbled file must say which one.
    for (file, which) in [
        ("questions.ron", 0),
        ("strategies.ron", 1),
        ("catalog.ron", 2),
        ("evaluation.ron", 3),
    ] {
        let mut texts =
            [QUESTIONS_RON, STRATEGIES_RON, CATALOG_RON, EVALUATION_RON].map(str::to_owned);
        texts[which].push_str("\n]]] this is not RON");
        let err = Knowledge::from_texts(&texts[0], &texts[1], &texts[2], &texts[3]).unwrap_err();
        assert!(matches!(err, KnowledgeError::Parse { .. }), "{file}: {err}");
        assert!(err.to_string().contains(file), "`{err}` should name {file}");
    }
}

// ---------------------------------------------------------------------------------------------
// Every id referenced exists (checked here independently of `Knowledge::problems`).

#[test]
fn every_referenced_catalog_id_exists() {
    let kb = kb();
    let ids: BTreeSet<&str> = kb.catalog.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids.len(),
        kb.catalog.entries.len(),
        "catalog ids are unique"
    );
    for s in &kb.strategies.strategies {
        for em in &s.emphasis {
            assert!(
                !em.ids.is_empty(),
                "strategy {} has an empty emphasis",
                s.id
            );
            for id in &em.ids {
                assert!(
                    ids.contains(id.as_str()),
                    "strategy {} emphasises unknown `{id}`",
                    s.id
                );
            }
        }
    }
    for r in &kb.evaluation.roi {
        assert!(
            ids.contains(r.id.as_str()),
            "ROI figure names unknown `{}`",
            r.id
        );
    }
    for e in &kb.catalog.entries {
        if let Status::Retired { successor, .. } = &e.status {
            assert!(
                ids.contains(successor.as_str()),
                "{} names unknown successor `{successor}`",
                e.id
            );
        }
        for flag in &e.red_flags {
            assert!(
                kb.evaluation.red_flags.iter().any(|i| i.flag == *flag),
                "{} has red flag {flag:?} that evaluation.ron does not explain",
                e.id
            );
        }
    }
}

/// Every `(question, value)` a condition mentions names a real question and a value it can take.
fn assert_condition_refers_to_real_answers(kb: &Knowledge, whose: &str, c: &Condition) {
    for (qid, value) in c.references() {
        let q = kb
            .question(qid)
            .unwrap_or_else(|| panic!("{whose} looks at unknown question `{qid}`"));
        match (&q.kind, value) {
            (QuestionKind::Choice(options), Some(v)) => assert!(
                options.iter().any(|o| o.value == v),
                "{whose} compares `{qid}` with `{v}`, which is not one of its values"
            ),
            (QuestionKind::Number { .. }, None) => {}
            (kind, v) => panic!("{whose} tests `{qid}` ({kind:?}) with {v:?}"),
        }
    }
}

#[test]
fn every_condition_refers_to_real_questions_and_values() {
    let kb = kb();
    for q in &kb.questions {
        assert_condition_refers_to_real_answers(kb, &format!("question {}", q.id), &q.ask_if);
    }
    for s in &kb.strategies.strategies {
        assert_condition_refers_to_real_answers(kb, &format!("strategy {}", s.id), &s.select_if);
    }
    for a in &kb.strategies.adjustments {
        assert_condition_refers_to_real_answers(kb, "split adjustment", &a.when);
    }
}

#[test]
fn conditions_only_look_at_earlier_questions() {
    let kb = kb();
    for (i, q) in kb.questions.iter().enumerate() {
        for qid in q.ask_if.questions() {
            let j = kb.questions.iter().position(|x| x.id == qid).unwrap();
            assert!(
                j < i,
                "question {} is asked depending on the later question {qid}",
                q.id
            );
        }
    }
}

/// A variant of the shipped texts with one replacement, which must apply.
fn with_replacement(original: &str, from: &str, to: &str) -> String {
    assert!(
        original.contains(from),
        "the asset no longer contains `{from}`: update this test"
    );
    original.replacen(from, to, 1)
}

fn invalid(questions: &str, strategies: &str, catalog: &str, evaluation: &str) -> String {
    match Knowledge::from_texts(questions, strategies, catalog, evaluation) {
        Ok(_) => panic!("a broken knowledge base was accepted"),
        Err(e @ KnowledgeError::Invalid(_)) => e.to_string(),
        Err(e) => panic!("expected a validation error, got: {e}"),
    }
}

#[test]
fn a_bad_successor_is_refused_and_named() {
    let catalog = with_replacement(
        CATALOG_RON,
        r#"successor: "aws-ml-engineer-associate""#,
        r#"successor: "aws-ml-nonexistent""#,
    );
    let msg = invalid(QUESTIONS_RON, STRATEGIES_RON, &catalog, EVALUATION_RON);
    assert!(msg.contains("aws-ml-specialty"), "{msg}");
    assert!(msg.contains("aws-ml-nonexistent"), "{msg}");
}

#[test]
fn a_retired_successor_is_refused_and_named() {
    // Point one retired certification at the other: successors must be active.
    let catalog = with_replacement(
        CATALOG_RON,
        r#"successor: "azure-ai-apps-agents""#,
        r#"successor: "aws-ml-specialty""#,
    );
    let msg = invalid(QUESTIONS_RON, STRATEGIES_RON, &catalog, EVALUATION_RON);
    assert!(msg.contains("azure-ai-engineer"), "{msg}");
    assert!(
        msg.contains("retired successor `aws-ml-specialty`"),
        "{msg}"
    );
}

#[test]
fn a_question_that_looks_at_a_later_question_is_refused_and_named() {
    let questions = with_replacement(
        QUESTIONS_RON,
        r#"ask_if: Not(Is("ai_experience", ["none"])),"#,
        r#"ask_if: Is("learning_style", ["structured"]),"#,
    );
    let msg = invalid(&questions, STRATEGIES_RON, CATALOG_RON, EVALUATION_RON);
    assert!(msg.contains("projects_built"), "{msg}");
    assert!(msg.contains("learning_style"), "{msg}");
}

#[test]
fn an_unknown_emphasis_roi_or_value_is_refused_and_named() {
    let strategies = with_replacement(
        STRATEGIES_RON,
        r#"ids: ["internship"]"#,
        r#"ids: ["intern-ship"]"#,
    );
    let msg = invalid(QUESTIONS_RON, &strategies, CATALOG_RON, EVALUATION_RON);
    assert!(msg.contains("intern-ship"), "{msg}");

    let evaluation = with_replacement(EVALUATION_RON, r#"id: "bootcamp","#, r#"id: "boot-camp","#);
    let msg = invalid(QUESTIONS_RON, STRATEGIES_RON, CATALOG_RON, &evaluation);
    assert!(msg.contains("boot-camp"), "{msg}");

    let strategies = with_replacement(
        STRATEGIES_RON,
        r#"select_if: Is("role", ["student"])"#,
        r#"select_if: Is("role", ["pupil"])"#,
    );
    let msg = invalid(QUESTIONS_RON, &strategies, CATALOG_RON, EVALUATION_RON);
    assert!(msg.contains("pupil") && msg.contains("role"), "{msg}");
}

#[test]
fn a_red_flag_without_an_explanation_is_refused_and_named() {
    // Otherwise the avoid list would silently lose the reason.
    let evaluation = with_replacement(
        EVALUATION_RON,
        "(flag: days_to_complete, label:",
        "(flag: outdated_content, label:",
    );
    let msg = invalid(QUESTIONS_RON, STRATEGIES_RON, CATALOG_RON, &evaluation);
    assert!(
        msg.contains("unaccredited-ai-cert") && msg.contains("DaysToComplete"),
        "{msg}"
    );
}

// ---------------------------------------------------------------------------------------------
// Walking the interview: every question reachable, every value selectable, every path ends in a
// strategy and every strategy is reached.

/// One complete path through the interview: the asked questions in order, with their values.
type Path = Vec<(String, String)>;

/// Depth-first over the interview. A question is asked iff its `ask_if` holds on the values so
/// far; asked choice questions branch over every value, numeric ones take their default.
fn walk(kb: &Knowledge, i: usize, so_far: &mut Path, out: &mut Vec<Path>) {
    let Some(q) = kb.questions.get(i) else {
        out.push(so_far.clone());
        return;
    };
    let lookup = |id: &str| {
        so_far
            .iter()
            .find(|(k, _)| k == id)
            .map(|(_, v)| v.as_str())
    };
    if !q.ask_if.holds(&lookup) {
        walk(kb, i + 1, so_far, out);
        return;
    }
    // A question no condition looks at cannot change which questions follow or which strategy
    // is chosen, so the walk takes its first value only (every value is still selectable: it is
    // a plain choice); branching over it would multiply the paths for nothing.
    let referenced = kb
        .questions
        .iter()
        .flat_map(|x| x.ask_if.references())
        .chain(
            kb.strategies
                .strategies
                .iter()
                .flat_map(|s| s.select_if.references()),
        )
        .chain(
            kb.strategies
                .adjustments
                .iter()
                .flat_map(|a| a.when.references()),
        )
        .any(|(id, _)| id == q.id);
    let values: Vec<String> = match &q.kind {
        QuestionKind::Choice(options) if !referenced => vec![options[0].value.clone()],
        QuestionKind::Choice(options) => options.iter().map(|o| o.value.clone()).collect(),
        QuestionKind::Number { .. } => {
            assert_eq!(
                q.ask_if,
                Condition::Always,
                "numeric question {} is conditional",
                q.id
            );
            vec![q.default.clone()]
        }
    };
    for v in values {
        so_far.push((q.id.clone(), v));
        walk(kb, i + 1, so_far, out);
        so_far.pop();
    }
}

fn all_paths(kb: &Knowledge) -> Vec<Path> {
    let mut out = Vec::new();
    walk(kb, 0, &mut Vec::new(), &mut out);
    out
}

fn answers_of(kb: &Knowledge, path: &Path) -> Answers {
    let mut a = Answers::new();
    for (id, value) in path {
        a.set(kb, id, value).unwrap();
    }
    a
}

#[test]
fn every_question_is_asked_and_every_value_selectable_on_some_path() {
    let kb = kb();
    let paths = all_paths(kb);
    let mut seen: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for p in &paths {
        for (id, value) in p {
            seen.entry(id.as_str()).or_default().insert(value.as_str());
        }
    }
    for q in &kb.questions {
        let values = seen
            .get(q.id.as_str())
            .unwrap_or_else(|| panic!("question {} is never asked", q.id));
        let referenced = kb
            .questions
            .iter()
            .flat_map(|x| x.ask_if.references())
            .chain(
                kb.strategies
                    .strategies
                    .iter()
                    .flat_map(|s| s.select_if.references()),
            )
            .any(|(id, _)| id == q.id);
        if let QuestionKind::Choice(options) = &q.kind
            && referenced
        {
            for o in options {
                assert!(
                    values.contains(o.value.as_str()),
                    "{} = {} can never be chosen",
                    q.id,
                    o.value
                );
            }
        }
    }
}

#[test]
fn the_interview_module_asks_what_the_walk_asks() {
    // `Resolved` must apply the same branching: same questions, same order, same values.
    let kb = kb();
    for p in all_paths(kb).iter().step_by(97) {
        let answers = answers_of(kb, p);
        let resolved = Resolved::new(kb, &answers);
        let asked: Vec<(String, String)> = resolved
            .asked()
            .map(|(q, v)| (q.id.clone(), v.to_owned()))
            .collect();
        assert_eq!(&asked, p);
    }
}

#[test]
fn every_path_ends_in_a_strategy_and_every_strategy_is_reached() {
    let kb = kb();
    let mut reached: BTreeMap<&str, usize> = BTreeMap::new();
    let paths = all_paths(kb);
    assert!(
        paths.len() > 1000,
        "the interview branches ({} paths)",
        paths.len()
    );
    for p in &paths {
        let answers = answers_of(kb, p);
        let resolved = Resolved::new(kb, &answers);
        let s = choose_strategy(&resolved).unwrap_or_else(|e| panic!("{p:?}: {e}"));
        *reached.entry(s.id.as_str()).or_default() += 1;
    }
    for s in &kb.strategies.strategies {
        assert!(
            reached.contains_key(s.id.as_str()),
            "strategy {} is never chosen",
            s.id
        );
    }
}

fn contains_always(c: &Condition) -> bool {
    match c {
        Condition::Always => true,
        Condition::Is(..) | Condition::AtLeast(..) | Condition::Below(..) => false,
        Condition::Not(c) => contains_always(c),
        Condition::All(cs) | Condition::Any(cs) => cs.iter().any(contains_always),
    }
}

#[test]
fn no_strategy_is_a_catch_all() {
    for s in &kb().strategies.strategies {
        assert!(
            !contains_always(&s.select_if),
            "strategy {} uses Always",
            s.id
        );
    }
}

#[test]
fn the_five_strategies_of_the_issue_exist_with_steps() {
    let kb = kb();
    for id in [
        "career-changer",
        "developer",
        "enterprise",
        "student",
        "professional",
    ] {
        let s = kb
            .strategy(id)
            .unwrap_or_else(|| panic!("strategy {id} is missing"));
        assert!(s.steps.len() >= 3, "{id} has steps");
        assert!(s.projects >= 1, "{id} schedules a project");
    }
    let cc = kb.strategy("career-changer").unwrap();
    assert!(
        (2..=3).contains(&cc.projects),
        "career changers build 2-3 projects"
    );
    assert_eq!(
        kb.strategies.default_build_percent, 80,
        "the seeds' 80% building"
    );
    let (lo, hi) = (
        kb.strategies.min_build_percent,
        kb.strategies.max_build_percent,
    );
    assert!((lo..=hi).contains(&80) && hi <= 100);
    for s in &kb.strategies.strategies {
        assert!(
            (lo..=hi).contains(&s.build_percent),
            "{} build {}",
            s.id,
            s.build_percent
        );
        if s.build_percent != kb.strategies.default_build_percent {
            assert!(
                s.split_reason.is_some(),
                "{} changes the split without a reason",
                s.id
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The catalog: retirements, required ids and facts.

#[test]
fn every_retired_entry_names_an_active_successor() {
    let kb = kb();
    let retired: Vec<_> = kb
        .catalog
        .entries
        .iter()
        .filter(|e| e.status.is_retired())
        .collect();
    assert!(retired.len() >= 2);
    for e in retired {
        // A closed credential (the TensorFlow Developer Certificate) has no successor.
        let Status::Retired { successor, .. } = &e.status else {
            assert!(matches!(e.status, Status::Closed { .. }), "{}", e.id);
            continue;
        };
        let s = kb.entry(successor).unwrap();
        // Open to take: active, or (AI-103, AI-102's successor) still in beta.
        assert!(
            matches!(s.status, Status::Active | Status::Beta),
            "{} -> {successor} is {:?}",
            e.id,
            s.status
        );
        assert_eq!(
            s.kind, e.kind,
            "{} is replaced by something of another kind",
            e.id
        );
        assert_eq!(
            s.platform, e.platform,
            "{} is replaced on another platform",
            e.id
        );
    }
}

#[test]
fn the_ids_the_issue_relies_on_exist() {
    let kb = kb();
    for (id, kind) in [
        ("aws-ml-specialty", Kind::Certification),
        ("aws-ml-engineer-associate", Kind::Certification),
        ("aws-genai-developer-pro", Kind::Certification),
        ("gcp-ml-engineer", Kind::Certification),
        ("azure-ai-engineer", Kind::Certification),
        ("azure-ai-apps-agents", Kind::Certification),
        ("deeplearning-ai", Kind::Course),
        ("fast-ai", Kind::Course),
        ("nvidia-dli", Kind::Course),
        ("ibm-ai-certificate", Kind::Certification),
        ("mooc-certificate", Kind::Certification),
        ("university-extension", Kind::Certification),
        ("bootcamp", Kind::Course),
        ("unaccredited-ai-cert", Kind::Certification),
        ("portfolio-project", Kind::Project),
        ("cloud-project", Kind::Project),
        ("open-source", Kind::Community),
        ("technical-content", Kind::Content),
        ("networking", Kind::Networking),
        ("internship", Kind::Experience),
    ] {
        let e = kb
            .entry(id)
            .unwrap_or_else(|| panic!("catalog entry {id} is missing"));
        assert_eq!(e.kind, kind, "{id}");
    }
}

#[test]
fn retirements_are_kept_current() {
    let kb = kb();
    let mls = kb.entry("aws-ml-specialty").unwrap();
    assert_eq!(
        mls.status,
        Status::Retired {
            on: date(2026, 3, 31),
            successor: "aws-ml-engineer-associate".into()
        }
    );
    assert_eq!(mls.cost_usd, Range { min: 300, max: 300 });
    assert_eq!(mls.platform, Some(Platform::Aws));
    assert_eq!(
        mls.postings_percent,
        Some(5.0),
        "the seeds: ~5% of relevant postings"
    );

    let mla = kb.entry("aws-ml-engineer-associate").unwrap();
    assert_eq!(mla.status, Status::Active);
    assert_eq!(mla.cost_usd, Range { min: 150, max: 150 });
    assert_eq!(mla.platform, Some(Platform::Aws));
    assert!(mla.name.contains("MLA-C01"), "{}", mla.name);

    let pro = kb.entry("aws-genai-developer-pro").unwrap();
    assert_eq!(pro.status, Status::Active);
    assert_eq!(pro.platform, Some(Platform::Aws));
    assert_eq!(pro.level, Level::Professional);

    let ai102 = kb.entry("azure-ai-engineer").unwrap();
    assert_eq!(
        ai102.status,
        Status::Retired {
            on: date(2026, 6, 30),
            successor: "azure-ai-apps-agents".into()
        }
    );
    assert_eq!(ai102.cost_usd, Range { min: 165, max: 165 });
    assert!(ai102.name.contains("AI-102"), "{}", ai102.name);

    let ai103 = kb.entry("azure-ai-apps-agents").unwrap();
    // Sourced 2026-11-30: in beta since 2026-04-21, no confirmed GA date; its own fee is not
    // published (the USD 165 catalogued before was AI-102's).
    assert_eq!(ai103.status, Status::Beta);
    assert!(ai103.cost_unknown);
    assert_eq!(ai103.platform, Some(Platform::Azure));
    assert!(ai103.name.contains("AI-103"), "{}", ai103.name);

    let gcp = kb.entry("gcp-ml-engineer").unwrap();
    assert_eq!(gcp.status, Status::Active);
    assert_eq!(gcp.cost_usd, Range { min: 200, max: 200 });
    assert_eq!(gcp.platform, Some(Platform::Gcp));
}

#[test]
fn tiers_follow_the_seeds() {
    let kb = kb();
    for (id, tier) in [
        ("aws-ml-specialty", 1),
        ("aws-ml-engineer-associate", 1),
        ("gcp-ml-engineer", 1),
        ("azure-ai-engineer", 1),
        ("azure-ai-apps-agents", 1),
        ("deeplearning-ai", 2),
        ("nvidia-dli", 2),
        ("ibm-ai-certificate", 3),
        ("mooc-certificate", 3),
        ("university-extension", 3),
        ("unaccredited-ai-cert", 4),
    ] {
        assert_eq!(kb.entry(id).unwrap().tier, Some(tier), "{id}");
    }
    for e in &kb.catalog.entries {
        if e.kind.is_study() {
            assert!(
                e.tier.is_some_and(|t| (1..=4).contains(&t)),
                "{} needs a tier 1-4",
                e.id
            );
        } else {
            assert_eq!(e.tier, None, "{} is not a certification or course", e.id);
        }
        assert!(e.cost_usd.min <= e.cost_usd.max, "{}", e.id);
        assert!(
            e.prep_hours.min <= e.prep_hours.max && e.prep_hours.max > 0,
            "{}",
            e.id
        );
        assert!(e.base_score <= 100, "{}", e.id);
        assert!(
            e.reviewed <= kb.catalog.reviewed,
            "{} reviewed after the catalog",
            e.id
        );
        if e.kind == Kind::Certification && e.tier == Some(1) {
            assert!(
                e.platform.is_some(),
                "tier 1 certifications are the cloud ones: {}",
                e.id
            );
        }
    }
    let nvidia = kb.entry("nvidia-dli").unwrap();
    assert_eq!(
        nvidia.cost_usd,
        Range { min: 50, max: 500 },
        "the seeds: varies, USD 50-500"
    );
    let unaccredited = kb.entry("unaccredited-ai-cert").unwrap();
    assert!(
        !unaccredited.red_flags.is_empty(),
        "tier 4 carries the seeds' red flags"
    );
}

#[test]
fn roi_figures_are_the_seeds() {
    let kb = kb();
    let roi = |id: &str| {
        kb.evaluation
            .roi
            .iter()
            .find(|r| r.id == id)
            .unwrap_or_else(|| panic!("no ROI figure for {id}"))
    };
    let aws = roi("aws-ml-specialty");
    assert_eq!(aws.cost_usd, Range { min: 300, max: 300 });
    assert_eq!(aws.hours, Some(Range { min: 60, max: 60 }));

    // Coursera: ~USD 50 a month for 3-6 months.
    let coursera = roi("deeplearning-ai");
    assert_eq!(coursera.months, Some(Range { min: 3, max: 6 }));
    assert_eq!(
        coursera.cost_usd,
        Range {
            min: 50 * 3,
            max: 50 * 6
        }
    );

    let bootcamp = roi("bootcamp");
    assert_eq!(
        bootcamp.cost_usd,
        Range {
            min: 10_000,
            max: 20_000
        }
    );
    assert_eq!(bootcamp.months, Some(Range { min: 3, max: 6 }));
    assert_eq!(kb.entry("bootcamp").unwrap().cost_usd, bootcamp.cost_usd);

    let project = roi("portfolio-project");
    assert_eq!(project.cost_usd, Range { min: 0, max: 100 });
    assert_eq!(project.hours, Some(Range { min: 40, max: 80 }));
    assert_eq!(
        kb.entry("portfolio-project").unwrap().prep_hours,
        Range { min: 40, max: 80 }
    );

    // The seeds rank the portfolio's ROI above the certificate's, and the bootcamp's last.
    assert!(project.roi > aws.roi && aws.roi > bootcamp.roi);
    assert!(project.hiring_signal > coursera.hiring_signal);

    assert_eq!(kb.evaluation.postings_mentioning_certs_percent, 8);
    assert_eq!(kb.evaluation.project_hours, 40);
    assert_eq!(
        kb.evaluation.red_flags.len(),
        7,
        "the seeds list seven red flags"
    );
}

// ---------------------------------------------------------------------------------------------
// The interview table of the issue: ids and values are stable.

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "the issue's whole table, value by value"
)]
fn the_interview_has_the_issue_ids_and_values() {
    let kb = kb();
    let choices: &[(&str, &[&str])] = &[
        (
            "goal",
            &[
                "get-into-ai",
                "promotion",
                "change-role",
                "change-industry",
                "productivity",
                "learn-concepts",
            ],
        ),
        (
            "role",
            &[
                "non-technical",
                "technical-non-developer",
                "developer",
                "cloud-data-engineer",
                "student",
            ],
        ),
        (
            "field",
            &[
                "marketing",
                "sales",
                "operations",
                "finance",
                "hr",
                "product",
                "consulting",
                "healthcare",
                "education",
                "legal",
                "government",
                "software",
                "data",
                "other",
            ],
        ),
        ("ai_experience", &["none", "basics", "hands-on"]),
        ("projects_built", &["none", "one-or-two", "three-plus"]),
        (
            "governance_focus",
            &["no", "governance", "audit", "security", "risk"],
        ),
        (
            "governance_credential",
            &["none", "audit", "security", "risk"],
        ),
        (
            "target_platform",
            &[
                "none",
                "aws",
                "gcp",
                "azure",
                "oracle",
                "databricks",
                "salesforce",
                "nvidia",
            ],
        ),
        (
            "employer_platform",
            &[
                "none",
                "aws",
                "gcp",
                "azure",
                "oracle",
                "databricks",
                "salesforce",
                "nvidia",
            ],
        ),
        (
            "target_employer",
            &["startup-or-product", "enterprise", "any"],
        ),
        (
            "industry",
            &["general", "healthcare", "finance", "government"],
        ),
        ("market", &["certs-weigh-little", "certs-weigh-more"]),
        ("employer_values_certs", &["yes", "no", "unsure"]),
        ("learning_style", &["structured", "self-directed"]),
        ("uses_ai_at_work", &["daily", "sometimes", "rarely"]),
    ];
    let numbers = [("hours_per_week", 1, 80), ("budget_usd", 0, 100_000)];
    assert_eq!(kb.questions.len(), choices.len() + numbers.len());
    for (id, values) in choices {
        let q = kb
            .question(id)
            .unwrap_or_else(|| panic!("question {id} is missing"));
        let QuestionKind::Choice(options) = &q.kind else {
            panic!("{id} is not a choice")
        };
        let got: BTreeSet<&str> = options.iter().map(|o| o.value.as_str()).collect();
        let want: BTreeSet<&str> = values.iter().copied().collect();
        assert_eq!(got, want, "{id}");
        assert!(
            values.contains(&q.default.as_str()),
            "{id} default {}",
            q.default
        );
    }
    for (id, lo, hi) in numbers {
        let q = kb.question(id).unwrap();
        let QuestionKind::Number { min, max, .. } = &q.kind else {
            panic!("{id} is not a number")
        };
        assert_eq!((*min, *max), (lo, hi), "{id}");
        assert!(q.parse_value(&q.default).is_ok(), "{id} default");
    }
    for q in &kb.questions {
        assert!(
            !q.prompt.trim().is_empty() && !q.why.trim().is_empty(),
            "{} explains itself",
            q.id
        );
    }
}

#[test]
fn branching_follows_the_issue() {
    let kb = kb();
    let asked = |pairs: &[(&str, &str)], id: &str| {
        let mut a = Answers::new();
        for (k, v) in pairs {
            a.set(kb, k, v).unwrap();
        }
        Resolved::new(kb, &a).is_asked(id)
    };
    // A student is not asked about an employer.
    assert!(!asked(&[("role", "student")], "employer_values_certs"));
    assert!(!asked(&[("role", "student")], "target_employer"));
    assert!(asked(
        &[("role", "developer"), ("goal", "get-into-ai")],
        "target_employer"
    ));
    assert!(asked(
        &[("role", "non-technical"), ("goal", "promotion")],
        "employer_values_certs"
    ));
}

#[test]
fn the_compiled_in_copy_is_the_assets_as_parsed() {
    let embedded = certwise::knowledge::Knowledge::embedded().unwrap();
    let parsed = certwise::knowledge::Knowledge::from_texts(
        certwise::knowledge::QUESTIONS_RON,
        certwise::knowledge::STRATEGIES_RON,
        certwise::knowledge::CATALOG_RON,
        certwise::knowledge::EVALUATION_RON,
    )
    .unwrap();
    assert_eq!(
        serde_json::to_value(embedded).unwrap(),
        serde_json::to_value(&parsed).unwrap()
    );
}

// ---------------------------------------------------------------------------------------------
// "Seeds" is our internal word for the source articles; people never read it.

#[test]
fn no_user_facing_text_in_the_assets_says_seeds() {
    for (file, text) in [
        ("questions.ron", QUESTIONS_RON),
        ("strategies.ron", STRATEGIES_RON),
        ("catalog.ron", CATALOG_RON),
        ("evaluation.ron", EVALUATION_RON),
        ("projects.ron", PROJECTS_RON),
    ] {
        for (n, line) in text.lines().enumerate() {
            // Comments are for us; everything else can reach the screen.
            let code = line.split("//").next().unwrap_or("");
            assert!(
                !code.to_lowercase().contains("seed"),
                "assets/{file}:{}: user-facing text says \"seeds\": {line}",
                n + 1
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Project briefs: concrete things to build, covering every cloud, field, stage and audience the
// advisor may need to pick for.

fn briefs() -> &'static [Brief] {
    &kb().projects
}

fn stage_hours(stage: Stage) -> (u32, u32) {
    match stage {
        Stage::First => (12, 30),
        Stage::Core => (30, 60),
        Stage::Depth => (20, 60),
    }
}

#[test]
fn there_are_at_least_thirty_briefs_and_the_validator_is_happy() {
    assert!(briefs().len() >= 30, "only {} briefs", briefs().len());
    let problems = certwise::knowledge::brief_problems(briefs());
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn brief_ids_and_titles_are_unique_and_ids_are_kebab_case() {
    let mut ids = BTreeSet::new();
    let mut titles = BTreeSet::new();
    for b in briefs() {
        assert!(ids.insert(b.id.as_str()), "id `{}` twice", b.id);
        assert!(
            titles.insert(b.title.to_lowercase()),
            "title `{}` twice",
            b.title
        );
        assert!(
            !b.id.is_empty()
                && b.id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && !b.id.starts_with('-')
                && !b.id.ends_with('-'),
            "id `{}` is not kebab-case",
            b.id
        );
        assert!(
            !b.title.to_lowercase().contains("portfolio project"),
            "title `{}` must say what gets built",
            b.title
        );
    }
}

#[test]
fn every_brief_is_filled_in() {
    for b in briefs() {
        assert!(!b.audience.is_empty(), "`{}` has no audience", b.id);
        assert!(!b.skills.is_empty(), "`{}` has no skills", b.id);
        assert!(!b.problem.trim().is_empty(), "`{}` has no problem", b.id);
        assert!(
            !b.stands_out.trim().is_empty(),
            "`{}` has no stands_out",
            b.id
        );
        let mut seen = BTreeSet::new();
        for a in &b.audience {
            assert!(Audience::ALL.contains(a));
            assert!(seen.insert(*a), "`{}` lists {a} twice", b.id);
        }
    }
    // Every audience has something to build.
    for a in Audience::ALL {
        assert!(
            briefs().iter().any(|b| b.audience.contains(&a)),
            "no brief for audience {a}"
        );
    }
}

#[test]
fn milestone_hours_add_up_and_fit_the_stage() {
    for b in briefs() {
        let n = b.milestones.len();
        assert!((3..=6).contains(&n), "`{}` has {n} milestones", b.id);
        let sum: u32 = b.milestones.iter().map(|m| m.hours).sum();
        assert_eq!(sum, b.hours(), "`{}`", b.id);
        assert!(b.milestones.iter().all(|m| m.hours > 0), "`{}`", b.id);
        let (lo, hi) = stage_hours(b.stage);
        assert!(
            (lo..=hi).contains(&b.hours()),
            "`{}` is {} h, outside {lo}-{hi} h for stage {}",
            b.id,
            b.hours(),
            b.stage.as_str()
        );
    }
}

#[test]
fn every_brief_builds_delivers_and_ends_by_communicating() {
    for b in briefs() {
        let kinds: Vec<MilestoneKind> = b.milestones.iter().map(|m| m.kind).collect();
        assert!(
            kinds.contains(&MilestoneKind::Build),
            "`{}` builds nothing",
            b.id
        );
        assert!(
            kinds.contains(&MilestoneKind::Deliver),
            "`{}` is never deployed or handed over",
            b.id
        );
        assert_eq!(
            kinds.last(),
            Some(&MilestoneKind::Communicate),
            "`{}` must end with a write-up, demo or talk",
            b.id
        );
    }
}

#[test]
fn every_field_has_at_least_two_briefs() {
    for f in Field::ALL {
        let n = briefs().iter().filter(|b| b.suits_field(Some(f))).count();
        assert!(n >= 2, "field {f} has {n} briefs");
    }
    // The fields people come from have briefs of their own, not only the ones for any field.
    for f in [
        Field::Healthcare,
        Field::Finance,
        Field::Government,
        Field::Marketing,
        Field::Sales,
        Field::Operations,
        Field::Hr,
        Field::Education,
        Field::Legal,
    ] {
        let n = briefs().iter().filter(|b| b.fields.contains(&f)).count();
        assert!(n >= 2, "field {f} has only {n} briefs made for it");
    }
}

#[test]
fn every_platform_used_has_at_least_two_technical_briefs() {
    let mut by_platform: BTreeMap<&str, Vec<&Brief>> = BTreeMap::new();
    for b in briefs() {
        if let Some(p) = b.platform {
            by_platform.entry(p.as_str()).or_default().push(b);
        }
    }
    for (p, list) in &by_platform {
        assert!(list.len() >= 2, "platform {p} has {} briefs", list.len());
    }
    for p in [Platform::Aws, Platform::Gcp, Platform::Azure] {
        let builds = by_platform.get(p.as_str()).map_or(0, |list| {
            list.iter()
                .filter(|b| b.needs_coding && b.audience.iter().any(|a| a.is_technical()))
                .count()
        });
        assert!(builds >= 2, "{p:?} has {builds} technical builds");
    }
    for p in Platform::ALL {
        assert!(
            by_platform.contains_key(p.as_str()),
            "no brief on {}",
            p.label()
        );
    }
}

#[test]
fn briefs_cover_workplace_first_governance_depth_and_leaders() {
    let count = |f: &dyn Fn(&Brief) -> bool| briefs().iter().filter(|b| f(b)).count();
    let workplace = count(&|b| b.workplace && b.audience.contains(&Audience::Business));
    assert!(workplace >= 6, "{workplace} workplace automations");
    let first = count(&|b| b.stage == Stage::First);
    assert!(first >= 8, "{first} first projects");
    let first_no_code = count(&|b| b.stage == Stage::First && !b.needs_coding);
    assert!(
        first_no_code >= 3,
        "{first_no_code} first projects without code"
    );
    let first_students =
        count(&|b| b.stage == Stage::First && b.audience.contains(&Audience::Student));
    assert!(
        first_students >= 3,
        "{first_students} first projects for students"
    );
    let governance = count(&|b| b.audience.contains(&Audience::Governance));
    assert!(governance >= 3, "{governance} governance briefs");
    let depth = count(&|b| b.stage == Stage::Depth);
    assert!(depth >= 5, "{depth} depth briefs");
    let leaders = count(&|b| b.audience.contains(&Audience::Leader));
    assert!(leaders >= 2, "{leaders} briefs for leaders");
}

#[test]
fn no_brief_asks_non_technical_people_to_code() {
    for b in briefs() {
        let only_non_technical = b.audience.iter().all(|a| {
            matches!(
                a,
                Audience::Business | Audience::Leader | Audience::Governance
            )
        });
        assert!(
            !(b.needs_coding && only_non_technical),
            "`{}` needs coding but is only for business, leader or governance people",
            b.id
        );
    }
}

#[test]
fn workplace_briefs_are_for_people_in_a_job() {
    for b in briefs().iter().filter(|b| b.workplace) {
        assert!(
            b.audience.iter().any(|a| matches!(
                a,
                Audience::Business | Audience::Leader | Audience::Governance
            )),
            "workplace brief `{}` has no business, leader or governance audience",
            b.id
        );
        assert!(
            !b.audience.contains(&Audience::Student),
            "workplace brief `{}` is for students",
            b.id
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The 2026 catalog (issue 8): breadth, names, sources, and the seeds' figures labelled.

/// The fact sheet's date: no fact can have been checked after it.
const REVIEWED: jiff::civil::Date = date(2026, 11, 30);

#[test]
fn the_catalog_holds_the_2026_landscape() {
    let kb = kb();
    assert!(
        kb.catalog.entries.len() >= 45,
        "{} entries",
        kb.catalog.entries.len()
    );
    assert_eq!(kb.catalog.reviewed, REVIEWED);
    for (id, code) in [
        // AWS
        ("aws-ai-practitioner", Some("AIF-C01")),
        ("aws-ml-engineer-associate", Some("MLA-C01")),
        ("aws-genai-developer-pro", Some("AIP-C01")),
        ("aws-data-engineer-associate", Some("DEA-C01")),
        // Microsoft
        ("azure-ai-fundamentals", Some("AI-901")),
        ("azure-ai-apps-agents", Some("AI-103")),
        ("azure-mlops-engineer", Some("AI-300")),
        ("azure-ai-cloud-developer", Some("AI-200")),
        ("microsoft-ai-business-professional", Some("AB-730")),
        ("microsoft-ai-transformation-leader", Some("AB-731")),
        ("microsoft-agentic-ai-architect", Some("AB-100")),
        // Google Cloud
        ("gcp-ml-engineer", None),
        ("gcp-genai-leader", None),
        ("gcp-data-practitioner", None),
        // Databricks
        ("databricks-ml-associate", None),
        ("databricks-ml-professional", None),
        ("databricks-genai-engineer", None),
        // NVIDIA
        ("nvidia-genai-llm-associate", Some("NCA-GENL")),
        ("nvidia-ai-infrastructure-associate", Some("NCA-AIIO")),
        ("nvidia-genai-multimodal-associate", Some("NCA-GENM")),
        ("nvidia-genai-llm-professional", Some("NCP-GENL")),
        // Oracle, Salesforce, CompTIA
        ("oci-ai-foundations", Some("1Z0-1122-25")),
        ("oci-genai-professional", Some("1Z0-1127-25")),
        ("salesforce-agentforce-specialist", Some("AI-201")),
        ("comptia-secai", Some("CY0-001")),
        // Governance
        ("iapp-aigp", Some("AIGP")),
        ("isaca-aaia", Some("AAIA")),
        ("isaca-aaism", Some("AAISM")),
        ("isaca-aair", Some("AAIR")),
        ("iso42001-lead-auditor", None),
        ("iso42001-lead-implementer", None),
    ] {
        let e = kb
            .entry(id)
            .unwrap_or_else(|| panic!("catalog entry {id} is missing"));
        assert_eq!(e.kind, Kind::Certification, "{id}");
        assert_eq!(e.exam_code.as_deref(), code, "{id}");
        assert!(!e.status.is_retired(), "{id} is {:?}", e.status);
    }
    for id in [
        "google-ai-essentials",
        "genai-for-everyone",
        "career-essentials-genai",
        "deeplearning-ai",
        "dlai-ml-specialization",
        "dlai-deep-learning-specialization",
        "fast-ai",
        "hf-agents-course",
        "hf-llm-course",
        "kaggle-learn",
    ] {
        let e = kb
            .entry(id)
            .unwrap_or_else(|| panic!("course {id} is missing"));
        assert_eq!(e.kind, Kind::Course, "{id}");
        assert_eq!(e.platform, None, "{id} is vendor-neutral");
    }
    // Not yet: only dump-vendor sources, or conflicting fee and status.
    for e in &kb.catalog.entries {
        for name in e.names() {
            let key = certwise::knowledge::name_key(name);
            assert!(
                !key.contains("comptiaai") || key.contains("secai"),
                "{}: CompTIA AI+ is not confirmed",
                e.id
            );
            assert_ne!(key, "salesforceaiassociate", "{}", e.id);
        }
    }
}

#[test]
fn retired_and_closed_credentials_carry_date_and_successor() {
    let kb = kb();
    for (id, on, successor) in [
        (
            "aws-ml-specialty",
            date(2026, 3, 31),
            "aws-ml-engineer-associate",
        ),
        (
            "azure-ai-engineer",
            date(2026, 6, 30),
            "azure-ai-apps-agents",
        ),
        ("azure-ai-900", date(2026, 6, 30), "azure-ai-fundamentals"),
        (
            "azure-data-scientist",
            date(2026, 6, 1),
            "azure-mlops-engineer",
        ),
        (
            "azure-developer",
            date(2026, 7, 31),
            "azure-ai-cloud-developer",
        ),
    ] {
        let e = kb.entry(id).unwrap();
        assert_eq!(
            e.status,
            Status::Retired {
                on,
                successor: successor.into()
            },
            "{id}"
        );
        assert!(e.exam_code.is_some(), "{id} is asked about by its code");
    }
    let tf = kb.entry("tensorflow-developer-certificate").unwrap();
    assert_eq!(
        tf.status,
        Status::Closed {
            on: date(2024, 5, 1)
        }
    );
    assert_eq!(tf.status.successor(), None);
}

#[test]
fn every_successor_is_open_to_take() {
    let kb = kb();
    for e in &kb.catalog.entries {
        if let Some(successor) = e.status.successor() {
            let s = kb
                .entry(successor)
                .unwrap_or_else(|| panic!("{} names unknown `{successor}`", e.id));
            assert!(
                matches!(s.status, Status::Active | Status::Beta),
                "{} -> {successor} is {:?}",
                e.id,
                s.status
            );
        }
    }
}

#[test]
fn names_are_unique_and_the_sources_wording_is_known() {
    let kb = kb();
    // The validator refuses shared names; the embedded copy loaded, so none are shared.
    let mut owner: BTreeMap<String, &str> = BTreeMap::new();
    for e in &kb.catalog.entries {
        let own: BTreeSet<String> = e.names().map(certwise::knowledge::name_key).collect();
        for key in own {
            if let Some(other) = owner.insert(key.clone(), e.id.as_str()) {
                panic!("`{}` and `{other}` share the name `{key}`", e.id);
            }
        }
    }
    let find = |name: &str| {
        owner
            .get(&certwise::knowledge::name_key(name))
            .copied()
            .unwrap_or_else(|| panic!("no entry is called `{name}`"))
    };
    for (name, id) in [
        ("Azure AI Engineer Associate", "azure-ai-engineer"),
        (
            "Microsoft Certified: Azure AI Engineer Associate",
            "azure-ai-engineer",
        ),
        ("AI 102", "azure-ai-engineer"),
        ("ai102", "azure-ai-engineer"),
        ("AWS ML Specialty", "aws-ml-specialty"),
        ("MLS-C01", "aws-ml-specialty"),
        ("Azure AI Fundamentals", "azure-ai-fundamentals"),
        ("AI-900", "azure-ai-900"),
        ("DeepLearning.AI specialization", "deeplearning-ai"),
        (
            "Deep Learning Specialization",
            "dlai-deep-learning-specialization",
        ),
        ("Machine Learning Specialization", "dlai-ml-specialization"),
        ("AIF-C01", "aws-ai-practitioner"),
        ("AIGP", "iapp-aigp"),
        ("AAIA", "isaca-aaia"),
        (
            "Salesforce AI Specialist",
            "salesforce-agentforce-specialist",
        ),
        ("PMLE", "gcp-ml-engineer"),
        ("fast.ai", "fast-ai"),
        (
            "TensorFlow Developer Certificate",
            "tensorflow-developer-certificate",
        ),
    ] {
        assert_eq!(find(name), id, "{name}");
    }
}

#[test]
fn every_study_entry_has_new_fields_and_sources_for_fee_hours_and_status() {
    let kb = kb();
    for e in &kb.catalog.entries {
        assert!(!e.audience.is_empty(), "{} names no audience", e.id);
        assert!(e.pricing.is_some(), "{} has no pricing", e.id);
        if !e.kind.is_study() {
            assert_eq!(e.level, Level::Any, "{}", e.id);
            continue;
        }
        assert_ne!(e.level, Level::Any, "{} is study: it has a level", e.id);
        assert_ne!(
            e.format,
            certwise::knowledge::Format::None,
            "{} is study: it has a format",
            e.id
        );
        for fact in ["fee", "hours", "status"] {
            assert!(
                e.sources.iter().any(|s| s.fact == fact),
                "{} has no source for its {fact}",
                e.id
            );
        }
    }
}

#[test]
fn every_source_is_dated_no_later_than_the_review() {
    let kb = kb();
    for e in &kb.catalog.entries {
        assert!(e.reviewed <= REVIEWED, "{}", e.id);
        for s in &e.sources {
            assert!(
                s.checked <= REVIEWED,
                "{}: `{}` checked {}",
                e.id,
                s.fact,
                s.checked
            );
            assert!(!s.source.trim().is_empty(), "{}: `{}`", e.id, s.fact);
        }
    }
}

#[test]
fn pricing_and_cost_agree() {
    use certwise::knowledge::Fee;
    let kb = kb();
    for e in &kb.catalog.entries {
        let Some(p) = &e.pricing else { continue };
        match &p.fee {
            Fee::Unknown => {
                assert!(
                    e.cost_unknown,
                    "{}: an unknown fee must say cost_unknown",
                    e.id
                );
                assert_eq!(e.cost_usd, Range { min: 0, max: 0 }, "{}", e.id);
            }
            Fee::Free => {
                assert!(!e.cost_unknown, "{}", e.id);
                assert_eq!(e.cost_usd, Range { min: 0, max: 0 }, "{}", e.id);
            }
            Fee::OneOff(r) => {
                assert!(!e.cost_unknown, "{}", e.id);
                assert_eq!(e.cost_usd, *r, "{}", e.id);
            }
            Fee::Subscription {
                per_month_usd,
                typical_months,
            } => {
                assert!(!e.cost_unknown, "{}", e.id);
                assert_eq!(
                    e.cost_usd,
                    Range {
                        min: per_month_usd * typical_months.min,
                        max: per_month_usd * typical_months.max
                    },
                    "{}",
                    e.id
                );
            }
        }
        if e.cost_unknown {
            assert_eq!(p.fee, Fee::Unknown, "{}", e.id);
        }
    }
}

#[test]
fn unknown_and_conflicting_facts_stay_unknown_or_ranged() {
    use certwise::knowledge::Fee;
    let kb = kb();
    // Not found in any source: never a number.
    for id in [
        "azure-ai-apps-agents",
        "azure-ai-fundamentals",
        "azure-mlops-engineer",
        "azure-ai-cloud-developer",
        "microsoft-ai-business-professional",
        "microsoft-ai-transformation-leader",
        "nvidia-genai-llm-associate",
        "isaca-aair",
        "iso42001-lead-implementer",
    ] {
        let e = kb.entry(id).unwrap();
        assert!(e.cost_unknown, "{id}");
        assert_eq!(e.pricing.as_ref().unwrap().fee, Fee::Unknown, "{id}");
    }
    // Conflicting sources: the range holds both.
    for (id, min, max) in [
        ("isaca-aaia", 459, 760),
        ("isaca-aaism", 459, 760),
        ("comptia-secai", 369, 425),
        // The member price needs a USD 295 membership: 799 without, 649 + 295 with.
        ("iapp-aigp", 799, 944),
    ] {
        let e = kb.entry(id).unwrap();
        assert_eq!(e.cost_usd, Range { min, max }, "{id}");
        assert!(
            e.sources
                .iter()
                .any(|s| s.fact == "fee" && s.source.contains("CONFLICT"))
                || id == "iapp-aigp",
            "{id} names both sources"
        );
    }
    // Sourced facts of the 2026 review.
    let pro = kb.entry("aws-genai-developer-pro").unwrap();
    assert_eq!(pro.exam_code.as_deref(), Some("AIP-C01"));
    assert_eq!(pro.cost_usd, Range { min: 300, max: 300 });
    assert!(
        pro.sources
            .iter()
            .any(|s| s.fact == "fee" && !s.estimate && !s.unverified)
    );
    let pmle = kb.entry("gcp-ml-engineer").unwrap();
    assert_eq!(pmle.validity_years, Some(2));
    assert!(
        pmle.summary.contains("2026-06-01"),
        "the new version: {}",
        pmle.summary
    );
    // The governance credentials that need another credential first.
    for (id, held) in [
        ("isaca-aaia", certwise::knowledge::Held::Audit),
        ("isaca-aaism", certwise::knowledge::Held::Security),
        ("isaca-aair", certwise::knowledge::Held::Risk),
    ] {
        let e = kb.entry(id).unwrap();
        assert!(e.prerequisites.iter().any(|p| p.held == Some(held)), "{id}");
    }
    // Not re-checked in the 2026 review: stays marked for review.
    assert!(kb.entry("nvidia-dli").unwrap().reviewed < date(2025, 11, 30));
}

#[test]
fn the_seed_figures_are_unchanged_and_labelled_unverified() {
    let kb = kb();
    assert_eq!(kb.evaluation.postings_mentioning_certs_percent, 8);
    let mls = kb.entry("aws-ml-specialty").unwrap();
    assert_eq!(mls.postings_percent, Some(5.0));
    let postings = mls
        .sources
        .iter()
        .find(|s| s.fact == "postings")
        .expect("MLS-C01's postings figure names its source");
    assert!(postings.unverified, "{postings:?}");
    assert!(
        postings.source.contains("no source, date or method"),
        "{postings:?}"
    );
    for e in &kb.catalog.entries {
        if e.id != "aws-ml-specialty" {
            assert_eq!(
                e.postings_percent, None,
                "{}: no independent figure exists",
                e.id
            );
        }
    }
}

#[test]
fn audiences_follow_who_each_credential_is_made_for() {
    use certwise::knowledge::Audience;
    let kb = kb();
    for id in [
        "aws-ml-engineer-associate",
        "aws-genai-developer-pro",
        "aws-data-engineer-associate",
        "gcp-ml-engineer",
        "azure-ai-apps-agents",
        "azure-mlops-engineer",
        "azure-ai-cloud-developer",
        "databricks-ml-associate",
        "databricks-ml-professional",
        "databricks-genai-engineer",
        "nvidia-genai-llm-associate",
        "nvidia-genai-multimodal-associate",
        "nvidia-genai-llm-professional",
        "oci-genai-professional",
    ] {
        assert!(
            kb.entry(id).unwrap().is_engineering(),
            "{id} is for engineers"
        );
    }
    for id in [
        "aws-ai-practitioner",
        "azure-ai-fundamentals",
        "gcp-genai-leader",
        "microsoft-ai-business-professional",
        "microsoft-ai-transformation-leader",
        "oci-ai-foundations",
        "google-ai-essentials",
        "genai-for-everyone",
        "career-essentials-genai",
    ] {
        let e = kb.entry(id).unwrap();
        assert!(
            e.audience.iter().all(|a| matches!(
                a,
                Audience::Business | Audience::Leader | Audience::Beginner | Audience::Student
            )),
            "{id}: {:?}",
            e.audience
        );
    }
    for id in [
        "iapp-aigp",
        "isaca-aaia",
        "isaca-aaism",
        "isaca-aair",
        "iso42001-lead-auditor",
        "iso42001-lead-implementer",
        "comptia-secai",
    ] {
        assert!(
            kb.entry(id)
                .unwrap()
                .audience
                .contains(&Audience::Governance),
            "{id}"
        );
    }
}
