//! "Evaluate any certification", rule by rule: each of the seeds' five questions and each red flag
//! gets a test named after it, unknown facts stay unknown, and the seeds' own examples come out in
//! the tiers the seeds give them.
//!
//! Expectations come from the seed article and issue 5, not from the engine's output.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use certwise::evaluate::{Claim, Facts, Finding, Outcome, Verdict, evaluate, fact_label};
use certwise::knowledge::RedFlag;

use crate::support::kb;

/// A certification with nothing wrong: known provider, named in postings, hands-on, current,
/// a fair price and weeks of preparation. Each test changes one fact.
fn sound() -> Facts {
    Facts {
        name: "Sound cloud certification".to_owned(),
        provider_known: Some(true),
        cost_usd: Some(200),
        prep_hours: Some(60),
        practical: Some(true),
        content_age_years: Some(1.0),
        claims: Vec::new(),
        postings_percent: Some(3.0),
        ..Facts::default()
    }
}

/// Only a name: every fact unknown.
fn nothing_known(name: &str) -> Facts {
    Facts {
        name: name.to_owned(),
        ..Facts::default()
    }
}

fn finding<'v>(v: &'v Verdict, id: &str) -> &'v Finding {
    v.findings
        .iter()
        .find(|f| f.id == id)
        .unwrap_or_else(|| panic!("no finding `{id}` in {:?}", v.findings))
}

fn flags(v: &Verdict) -> Vec<RedFlag> {
    v.red_flags.iter().map(|f| f.flag).collect()
}

/// Evaluates `sound()` changed by `change`, and expects exactly `flag` among the red flags.
fn only_flag(change: impl FnOnce(&mut Facts), flag: RedFlag) -> Verdict {
    let mut facts = sound();
    change(&mut facts);
    let v = evaluate(kb(), &facts);
    assert_eq!(flags(&v), vec![flag], "{facts:?}");
    let found = &v.red_flags[0];
    assert!(
        !found.label.is_empty() && !found.explanation.is_empty(),
        "{found:?}"
    );
    v
}

// ----- The baseline -----

#[test]
fn a_sound_certification_has_no_red_flags_and_is_tier_1() {
    let v = evaluate(kb(), &sound());
    assert!(v.red_flags.is_empty(), "{:?}", v.red_flags);
    assert_eq!(v.tier, Some(1));
    assert!(v.unknown.is_empty(), "{:?}", v.unknown);
}

#[test]
fn the_five_questions_are_answered_in_the_seeds_order_with_their_wording() {
    let v = evaluate(kb(), &sound());
    let ids: Vec<&str> = v.findings.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "recognised",
            "practical",
            "opportunity-cost",
            "total-cost",
            "current"
        ]
    );
    let questions: Vec<&str> = v.findings.iter().map(|f| f.question.as_str()).collect();
    assert_eq!(
        questions,
        [
            "Do employers recognise it?",
            "Does it teach or test practical skills?",
            "What is the opportunity cost?",
            "What is the total cost?",
            "Is it up to date?"
        ]
    );
    for f in &v.findings {
        assert!(!f.detail.is_empty(), "{f:?} explains nothing");
    }
}

#[test]
fn the_verdict_is_one_sentence() {
    for facts in [sound(), nothing_known("x"), unaccredited_ai_professional()] {
        let v = evaluate(kb(), &facts);
        let sentence = v.verdict.trim_end_matches('.');
        assert!(
            !sentence.contains(". ") && v.verdict.ends_with('.'),
            "{:?}",
            v.verdict
        );
    }
}

// ----- Question 1: do employers recognise it? -----

#[test]
fn question_recognised_good_when_named_in_postings() {
    let v = evaluate(kb(), &sound());
    let f = finding(&v, "recognised");
    assert_eq!(f.result, Outcome::Good);
    assert!(f.detail.contains('3'), "{}", f.detail);
}

#[test]
fn question_recognised_weak_when_rarely_named() {
    let mut facts = sound();
    facts.postings_percent = Some(0.5);
    let v = evaluate(kb(), &facts);
    assert_eq!(finding(&v, "recognised").result, Outcome::Weak);
    assert_ne!(v.tier, Some(1), "rarely named is not tier 1");
}

#[test]
fn question_recognised_bad_when_never_named_and_says_only_8_percent_name_any() {
    let mut facts = sound();
    facts.postings_percent = Some(0.0);
    let v = evaluate(kb(), &facts);
    let f = finding(&v, "recognised");
    assert_eq!(f.result, Outcome::Bad);
    assert!(f.detail.contains("8%"), "{}", f.detail);
}

#[test]
fn question_recognised_weak_for_a_known_provider_when_postings_are_unknown() {
    let mut facts = sound();
    facts.postings_percent = None;
    let v = evaluate(kb(), &facts);
    let f = finding(&v, "recognised");
    assert_eq!(f.result, Outcome::Weak);
    assert!(f.detail.contains("search job postings"), "{}", f.detail);
    assert_eq!(v.unknown, ["postings-percent"]);
}

#[test]
fn question_recognised_bad_for_an_unknown_provider_even_when_named_in_postings() {
    let mut facts = sound();
    facts.provider_known = Some(false);
    let v = evaluate(kb(), &facts);
    assert_eq!(finding(&v, "recognised").result, Outcome::Bad);
}

// ----- Question 2: does it teach practical skills? -----

#[test]
fn question_practical_good_with_hands_on_work() {
    let v = evaluate(kb(), &sound());
    assert_eq!(finding(&v, "practical").result, Outcome::Good);
}

#[test]
fn question_practical_bad_without_a_practical_component() {
    let mut facts = sound();
    facts.practical = Some(false);
    let v = evaluate(kb(), &facts);
    assert_eq!(finding(&v, "practical").result, Outcome::Bad);
    assert_ne!(
        v.tier,
        Some(1),
        "tier 1 certifications validate practical knowledge"
    );
}

// ----- Question 3: what is the opportunity cost? -----

#[test]
fn question_opportunity_cost_counts_projects_of_40_hours() {
    let mut facts = sound();
    facts.prep_hours = Some(80);
    let v = evaluate(kb(), &facts);
    let f = finding(&v, "opportunity-cost");
    assert_eq!(f.result, Outcome::Weak);
    assert!(
        f.detail.contains("80 hours") && f.detail.contains("about 2"),
        "{}",
        f.detail
    );
    assert!(
        v.instead.contains("about 2 substantial portfolio project"),
        "{}",
        v.instead
    );
}

#[test]
fn question_opportunity_cost_is_small_below_one_project() {
    let mut facts = sound();
    facts.prep_hours = Some(30);
    let v = evaluate(kb(), &facts);
    let f = finding(&v, "opportunity-cost");
    assert_eq!(f.result, Outcome::Good);
    assert!(f.detail.contains("40 hours"), "{}", f.detail);
    assert!(v.instead.contains("40 hours"), "{}", v.instead);
}

#[test]
fn question_opportunity_cost_unknown_still_says_40_hours_is_a_project() {
    let mut facts = sound();
    facts.prep_hours = None;
    let v = evaluate(kb(), &facts);
    let f = finding(&v, "opportunity-cost");
    assert_eq!(f.result, Outcome::Unknown);
    assert!(f.detail.contains("40 hours"), "{}", f.detail);
    assert!(v.instead.contains("40 hours"), "{}", v.instead);
    assert!(
        v.unknown.contains(&"prep-hours".to_owned()),
        "{:?}",
        v.unknown
    );
}

// ----- Question 4: what is the total cost, time included? -----

#[test]
fn question_total_cost_counts_time_as_well_as_money() {
    let v = evaluate(kb(), &sound());
    let f = finding(&v, "total-cost");
    assert_eq!(f.result, Outcome::Good);
    assert!(
        f.detail.contains("USD 200") && f.detail.contains("60 hours"),
        "{}",
        f.detail
    );
}

#[test]
fn question_total_cost_with_the_fee_alone_says_the_hours_are_unknown() {
    let mut facts = sound();
    facts.prep_hours = None;
    let v = evaluate(kb(), &facts);
    let f = finding(&v, "total-cost");
    assert_eq!(f.result, Outcome::Weak);
    assert!(f.detail.contains("unknown"), "{}", f.detail);
}

#[test]
fn question_total_cost_bad_when_expensive_and_unrecognised() {
    let mut facts = sound();
    facts.cost_usd = Some(6000);
    facts.postings_percent = Some(0.0);
    let v = evaluate(kb(), &facts);
    assert_eq!(finding(&v, "total-cost").result, Outcome::Bad);
}

// ----- Question 5: is it up to date? -----

#[test]
fn question_current_good_for_recent_content() {
    let v = evaluate(kb(), &sound());
    assert_eq!(finding(&v, "current").result, Outcome::Good);
}

#[test]
fn question_current_two_years_is_still_current() {
    let mut facts = sound();
    facts.content_age_years = Some(2.0);
    let v = evaluate(kb(), &facts);
    assert_eq!(finding(&v, "current").result, Outcome::Good);
    assert!(v.red_flags.is_empty());
}

#[test]
fn question_current_bad_for_content_over_two_years_old() {
    let mut facts = sound();
    facts.content_age_years = Some(2.5);
    let v = evaluate(kb(), &facts);
    assert_eq!(finding(&v, "current").result, Outcome::Bad);
}

// ----- The red flags, one by one -----

#[test]
fn red_flag_guaranteed_job_placement() {
    let v = only_flag(
        |f| f.claims = vec![Claim::GuaranteedJob],
        RedFlag::GuaranteedJob,
    );
    assert_eq!(v.tier, Some(4));
}

#[test]
fn red_flag_no_technical_background_needed() {
    let v = only_flag(
        |f| f.claims = vec![Claim::NoBackgroundNeeded],
        RedFlag::NoBackgroundNeeded,
    );
    assert_eq!(v.tier, Some(4));
}

#[test]
fn red_flag_unknown_or_unverified_provider() {
    let v = only_flag(|f| f.provider_known = Some(false), RedFlag::UnknownProvider);
    assert_eq!(v.tier, Some(4));
}

#[test]
fn red_flag_content_more_than_two_years_old() {
    let v = only_flag(
        |f| f.content_age_years = Some(3.0),
        RedFlag::OutdatedContent,
    );
    // Alone, old content limits a certification (tier 3); it is not in the seeds' tier 4 list.
    assert_eq!(v.tier, Some(3));
}

#[test]
fn red_flag_no_practical_component() {
    let v = only_flag(|f| f.practical = Some(false), RedFlag::NoPracticalComponent);
    // The seeds' tier 3 is exactly this: known certificates with no practical assessment.
    assert_eq!(v.tier, Some(3));
}

#[test]
fn red_flag_excessively_expensive_without_recognition() {
    let v = only_flag(
        |f| {
            f.cost_usd = Some(5000);
            f.postings_percent = None;
        },
        RedFlag::ExcessivePrice,
    );
    assert_eq!(v.tier, Some(4));
}

#[test]
fn red_flag_excessive_price_not_raised_when_employers_clearly_recognise_it() {
    let mut facts = sound();
    facts.cost_usd = Some(6000);
    let v = evaluate(kb(), &facts);
    assert!(
        !flags(&v).contains(&RedFlag::ExcessivePrice),
        "{:?}",
        flags(&v)
    );
}

#[test]
fn red_flag_excessive_price_starts_at_5000() {
    let mut facts = sound();
    facts.postings_percent = None;
    facts.cost_usd = Some(4999);
    let v = evaluate(kb(), &facts);
    assert!(
        !flags(&v).contains(&RedFlag::ExcessivePrice),
        "{:?}",
        flags(&v)
    );
}

#[test]
fn red_flag_completion_in_days_when_claimed() {
    let v = only_flag(
        |f| f.claims = vec![Claim::DaysToComplete],
        RedFlag::DaysToComplete,
    );
    assert_eq!(v.tier, Some(4));
}

#[test]
fn red_flag_completion_in_days_from_a_weekend_of_preparation() {
    // From a provider not known to be real; a known provider's short workshop is fine (below).
    let v = only_flag(
        |f| {
            f.prep_hours = Some(12);
            f.provider_known = None;
        },
        RedFlag::DaysToComplete,
    );
    assert_eq!(v.tier, Some(4));
}

#[test]
fn red_flag_not_raised_for_weeks_of_preparation() {
    let mut facts = sound();
    facts.prep_hours = Some(40);
    assert!(evaluate(kb(), &facts).red_flags.is_empty());
}

#[test]
fn two_red_flags_of_any_kind_are_tier_4() {
    let mut facts = sound();
    facts.practical = Some(false);
    facts.content_age_years = Some(4.0);
    let v = evaluate(kb(), &facts);
    assert_eq!(
        flags(&v),
        [RedFlag::OutdatedContent, RedFlag::NoPracticalComponent]
    );
    assert_eq!(v.tier, Some(4));
}

#[test]
fn every_red_flag_found_is_explained_from_evaluation_ron() {
    let facts = Facts {
        name: "everything wrong".to_owned(),
        provider_known: Some(false),
        cost_usd: Some(9000),
        prep_hours: Some(6),
        practical: Some(false),
        content_age_years: Some(5.0),
        claims: vec![
            Claim::GuaranteedJob,
            Claim::NoBackgroundNeeded,
            Claim::DaysToComplete,
        ],
        postings_percent: Some(0.0),
        ..Facts::default()
    };
    let v = evaluate(kb(), &facts);
    assert_eq!(v.red_flags.len(), 7, "{:?}", flags(&v));
    for found in &v.red_flags {
        let info = kb()
            .evaluation
            .red_flags
            .iter()
            .find(|i| i.flag == found.flag)
            .unwrap();
        assert_eq!(found.label, info.label);
        assert_eq!(found.explanation, info.explanation);
    }
    assert_eq!(v.tier, Some(4));
}

#[test]
fn a_claim_given_twice_is_one_red_flag() {
    let mut facts = sound();
    facts.claims = vec![Claim::GuaranteedJob, Claim::GuaranteedJob];
    assert_eq!(flags(&evaluate(kb(), &facts)), [RedFlag::GuaranteedJob]);
}

// ----- Unknown facts -----

#[test]
fn unknown_facts_are_reported_as_unknown_not_guessed() {
    let v = evaluate(kb(), &nothing_known("Mystery AI Cert"));
    assert_eq!(v.name, "Mystery AI Cert");
    for f in &v.findings {
        assert_eq!(f.result, Outcome::Unknown, "{f:?} was guessed");
        assert!(f.detail.starts_with("unknown"), "{f:?}");
    }
    assert!(
        v.red_flags.is_empty(),
        "no fact, no flag: {:?}",
        v.red_flags
    );
    let mut unknown = v.unknown.clone();
    unknown.sort();
    assert_eq!(
        unknown,
        [
            "content-age-years",
            "cost-usd",
            "postings-percent",
            "practical",
            "prep-hours",
            "provider-known"
        ]
    );
    assert_ne!(v.tier, Some(1), "nothing known is never tier 1");
}

/// A fact's command-line name and how to forget it.
type Clear = (&'static str, fn(&mut Facts));

#[test]
fn each_missing_fact_is_listed_whatever_else_is_known() {
    let fields: [Clear; 6] = [
        ("provider-known", |f| f.provider_known = None),
        ("cost-usd", |f| f.cost_usd = None),
        ("prep-hours", |f| f.prep_hours = None),
        ("practical", |f| f.practical = None),
        ("content-age-years", |f| f.content_age_years = None),
        ("postings-percent", |f| f.postings_percent = None),
    ];
    for (name, clear) in fields {
        for start in [sound(), unaccredited_ai_professional()] {
            let mut facts = start;
            clear(&mut facts);
            let v = evaluate(kb(), &facts);
            assert!(
                v.unknown.iter().any(|u| u == name),
                "{name} missing but not listed as unknown: {:?} for {facts:?}",
                v.unknown
            );
            let mut seen = v.unknown.clone();
            seen.sort();
            seen.dedup();
            assert_eq!(seen.len(), v.unknown.len(), "listed twice: {:?}", v.unknown);
        }
    }
}

#[test]
fn a_known_fact_is_never_listed_as_unknown() {
    let v = evaluate(kb(), &unaccredited_ai_professional());
    for known in ["provider-known", "prep-hours", "practical"] {
        assert!(!v.unknown.iter().any(|u| u == known), "{:?}", v.unknown);
    }
}

#[test]
fn evaluation_is_deterministic() {
    let facts = unaccredited_ai_professional();
    assert_eq!(evaluate(kb(), &facts), evaluate(kb(), &facts));
}

// ----- The seeds' own examples -----

fn seed(name: &str) -> Facts {
    Facts {
        name: name.to_owned(),
        ..Facts::default()
    }
}

#[test]
fn seed_aws_ml_specialty_is_tier_1() {
    // ~USD 300, ~60 hours of preparation, cloud ML deployment skills, ~5% of postings.
    let v = evaluate(
        kb(),
        &Facts {
            provider_known: Some(true),
            cost_usd: Some(300),
            prep_hours: Some(60),
            practical: Some(true),
            postings_percent: Some(5.0),
            ..seed("A cloud ML specialty exam with the seed figures")
        },
    );
    assert_eq!(v.tier, Some(1), "{v:?}");
    assert!(v.red_flags.is_empty());
    assert!(v.instead.contains("60 hours"), "{}", v.instead);
}

#[test]
fn seed_google_cloud_ml_engineer_is_tier_1_when_it_appears_in_postings() {
    let gcp = Facts {
        provider_known: Some(true),
        cost_usd: Some(200),
        practical: Some(true),
        postings_percent: Some(2.0),
        ..seed("Google Cloud Professional ML Engineer")
    };
    assert_eq!(evaluate(kb(), &gcp).tier, Some(1));
    // Without knowing whether postings name it, it is not yet shown to be tier 1.
    let unknown_postings = Facts {
        postings_percent: None,
        ..gcp
    };
    let v = evaluate(kb(), &unknown_postings);
    assert_eq!(v.tier, Some(2));
    assert!(v.unknown.contains(&"postings-percent".to_owned()));
}

#[test]
fn seed_azure_ai_engineer_is_tier_1() {
    let v = evaluate(
        kb(),
        &Facts {
            provider_known: Some(true),
            cost_usd: Some(165),
            practical: Some(true),
            postings_percent: Some(1.5),
            ..seed("A cloud AI engineer exam with the seed figures")
        },
    );
    assert_eq!(v.tier, Some(1), "{v:?}");
}

#[test]
fn seed_deeplearning_ai_is_tier_2() {
    // Known provider, practical, about USD 50 a month for 3-6 months.
    for cost in [150, 300] {
        let v = evaluate(
            kb(),
            &Facts {
                provider_known: Some(true),
                cost_usd: Some(cost),
                practical: Some(true),
                ..seed("DeepLearning.AI specialization")
            },
        );
        assert_eq!(v.tier, Some(2), "USD {cost}: {v:?}");
        assert!(v.red_flags.is_empty());
    }
}

#[test]
fn seed_deeplearning_ai_stays_tier_2_with_its_limited_hiring_signal() {
    // "Good for learning, limited hiring signal": rarely named in postings.
    let v = evaluate(
        kb(),
        &Facts {
            provider_known: Some(true),
            cost_usd: Some(200),
            practical: Some(true),
            postings_percent: Some(0.3),
            ..seed("DeepLearning.AI specialization")
        },
    );
    assert_eq!(v.tier, Some(2));
}

#[test]
fn seed_nvidia_dli_is_tier_2_across_its_price_range() {
    for cost in [50, 500] {
        let v = evaluate(
            kb(),
            &Facts {
                provider_known: Some(true),
                cost_usd: Some(cost),
                practical: Some(true),
                ..seed("NVIDIA Deep Learning Institute")
            },
        );
        assert_eq!(v.tier, Some(2), "USD {cost}: {v:?}");
    }
}

#[test]
fn seed_general_certificates_without_practical_assessment_are_tier_3() {
    for name in [
        "A general AI engineering certificate",
        "A MOOC-style AI certificate",
        "An extension-school AI certificate",
    ] {
        let v = evaluate(
            kb(),
            &Facts {
                provider_known: Some(true),
                practical: Some(false),
                ..seed(name)
            },
        );
        assert_eq!(v.tier, Some(3), "{name}: {v:?}");
        assert_eq!(flags(&v), [RedFlag::NoPracticalComponent], "{name}");
    }
}

#[test]
fn seed_ibm_certificate_with_its_figures_is_tier_3() {
    let v = evaluate(
        kb(),
        &Facts {
            provider_known: Some(true),
            cost_usd: Some(300),
            prep_hours: Some(120),
            practical: Some(false),
            content_age_years: Some(1.0),
            postings_percent: Some(0.2),
            ..seed("IBM AI Engineering Professional Certificate")
        },
    );
    assert_eq!(v.tier, Some(3), "{v:?}");
}

fn unaccredited_ai_professional() -> Facts {
    Facts {
        provider_known: Some(false),
        prep_hours: Some(12),
        practical: Some(false),
        claims: vec![Claim::GuaranteedJob, Claim::DaysToComplete],
        ..seed("Weekend AI Pro badge from an unknown site")
    }
}

#[test]
fn seed_unaccredited_ai_professional_is_tier_4() {
    let v = evaluate(kb(), &unaccredited_ai_professional());
    assert_eq!(v.tier, Some(4));
    let f = flags(&v);
    for flag in [
        RedFlag::UnknownProvider,
        RedFlag::GuaranteedJob,
        RedFlag::DaysToComplete,
    ] {
        assert!(f.contains(&flag), "{flag:?} missing from {f:?}");
    }
    assert!(v.verdict.starts_with("Avoid"), "{}", v.verdict);
}

#[test]
fn seed_unaccredited_cert_from_an_unknown_provider_alone_is_tier_4() {
    let v = evaluate(
        kb(),
        &Facts {
            provider_known: Some(false),
            ..seed("AI Professional (unaccredited)")
        },
    );
    assert_eq!(v.tier, Some(4));
}

#[test]
fn seed_expensive_unrecognised_cert_is_tier_4() {
    let v = evaluate(
        kb(),
        &Facts {
            provider_known: Some(true),
            cost_usd: Some(7500),
            postings_percent: Some(0.0),
            ..seed("Executive AI Leadership Certificate")
        },
    );
    assert_eq!(v.tier, Some(4));
    assert!(flags(&v).contains(&RedFlag::ExcessivePrice));
}

#[test]
fn seed_weekend_certificate_is_tier_4() {
    let v = evaluate(
        kb(),
        &Facts {
            provider_known: Some(true),
            practical: Some(true),
            claims: vec![Claim::DaysToComplete],
            ..seed("Complete AI in one weekend")
        },
    );
    assert_eq!(v.tier, Some(4));
}

#[test]
fn a_short_workshop_from_a_known_provider_is_not_a_weekend_badge() {
    let kb = certwise::knowledge::Knowledge::embedded().unwrap();
    let facts = certwise::evaluate::Facts {
        name: "NVIDIA DLI workshop".to_owned(),
        provider_known: Some(true),
        cost_usd: Some(90),
        prep_hours: Some(8),
        practical: Some(true),
        ..certwise::evaluate::Facts::default()
    };
    let v = certwise::evaluate::evaluate(kb, &facts);
    assert!(v.red_flags.is_empty(), "{:?}", v.red_flags);
    assert_eq!(v.tier, Some(2));
}

// ---------------------------------------------------------------------------------------------
// Retired certifications, fee bands, too little known, zero hours

#[test]
fn a_retired_catalog_certification_fails_up_to_date_and_names_its_successor() {
    // README's own example: MLS-C01 retired on 2026-03-31.
    for name in ["AWS ML Specialty", "aws-ml-specialty", "MLS-C01"] {
        let facts = Facts {
            name: name.to_owned(),
            provider_known: Some(true),
            cost_usd: Some(300),
            prep_hours: Some(60),
            practical: Some(true),
            postings_percent: Some(5.0),
            ..Facts::default()
        };
        let v = evaluate(kb(), &facts);
        let current = finding(&v, "current");
        assert_eq!(current.result, Outcome::Bad, "{name}: {current:?}");
        assert!(current.detail.contains("2026-03-31"), "{current:?}");
        assert!(v.verdict.contains("successor"), "{name}: {}", v.verdict);
        assert!(v.verdict.contains("MLA-C01"), "{}", v.verdict);
        assert!(!v.verdict.starts_with("Worth it"), "{}", v.verdict);
        assert_eq!(v.successor.as_deref(), Some("aws-ml-engineer-associate"));
        assert_ne!(v.tier, Some(1));
    }
}

#[test]
fn an_active_catalog_certification_is_not_treated_as_retired() {
    let mut facts = sound();
    facts.name = "aws-ml-engineer-associate".to_owned();
    let v = evaluate(kb(), &facts);
    assert_eq!(v.successor, None);
    assert_eq!(finding(&v, "current").result, Outcome::Good);
    assert_eq!(v.tier, Some(1));
}

#[test]
fn fees_are_judged_by_the_sources_bands_from_evaluation_ron() {
    let ev = &kb().evaluation;
    // The sources: certifications USD 150-300, a specialization USD 150-300 in all, bootcamps
    // USD 10K-20K.
    assert!((150..=1000).contains(&ev.cost_fair_max_usd));
    assert!(ev.cost_excessive_usd <= 10_000);
    let total = |cost: u32, postings: f32| {
        let mut facts = sound();
        facts.cost_usd = Some(cost);
        facts.prep_hours = Some(40);
        facts.postings_percent = Some(postings);
        let v = evaluate(kb(), &facts);
        (finding(&v, "total-cost").result, flags(&v))
    };
    assert_eq!(total(ev.cost_fair_max_usd, 3.0).0, Outcome::Good);
    assert_eq!(total(ev.cost_fair_max_usd + 1, 3.0).0, Outcome::Weak);
    assert_eq!(total(3000, 3.0).0, Outcome::Weak, "USD 3000 is not good");
    assert_eq!(total(ev.cost_excessive_usd, 3.0).0, Outcome::Weak);
    let (result, found) = total(ev.cost_excessive_usd, 0.0);
    assert_eq!(result, Outcome::Bad);
    assert!(found.contains(&RedFlag::ExcessivePrice));
}

#[test]
fn with_too_little_known_there_is_no_tier_and_the_verdict_says_what_to_find_out() {
    let v = evaluate(kb(), &nothing_known("Mystery AI Cert"));
    assert_eq!(v.tier, None);
    assert!(
        v.verdict.starts_with("Cannot be judged yet"),
        "{}",
        v.verdict
    );
    for fact in &v.unknown {
        assert!(
            v.verdict.contains(fact_label(fact)),
            "{fact}: {}",
            v.verdict
        );
    }
    let json = serde_json::to_value(&v).unwrap();
    assert!(json["tier"].is_null(), "{json}");
    // Two facts are still too little; a red flag alone is enough to judge.
    let mut two = nothing_known("Y");
    two.cost_usd = Some(3000);
    two.prep_hours = Some(40);
    assert_eq!(evaluate(kb(), &two).tier, None);
    let mut flagged = nothing_known("Z");
    flagged.claims = vec![Claim::GuaranteedJob];
    assert_eq!(evaluate(kb(), &flagged).tier, Some(4));
}

#[test]
fn zero_preparation_hours_is_not_called_a_start_on_a_project() {
    let mut facts = sound();
    facts.prep_hours = Some(0);
    let v = evaluate(kb(), &facts);
    assert!(!v.instead.contains("good start"), "{}", v.instead);
    assert!(v.instead.contains("no preparation"), "{}", v.instead);
    let opportunity = finding(&v, "opportunity-cost");
    assert!(
        !opportunity.detail.starts_with("0 hours"),
        "{opportunity:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// Catalog names and facts (2026 knowledge base)

#[test]
fn every_alias_of_every_entry_finds_that_entry() {
    for e in &kb().catalog.entries {
        for name in e.names() {
            let found = certwise::evaluate::catalog_match(kb(), name).map(|x| x.id.as_str());
            assert_eq!(found, Some(e.id.as_str()), "{name}");
            // Case, spacing and punctuation do not matter.
            let squashed: String = name
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
                .to_uppercase();
            let found = certwise::evaluate::catalog_match(kb(), &squashed).map(|x| x.id.as_str());
            assert_eq!(found, Some(e.id.as_str()), "{squashed}");
        }
    }
}

#[test]
fn the_sources_own_wording_of_a_retired_exam_gets_a_retired_verdict_not_tier_1() {
    let v = evaluate(kb(), &seed("Azure AI Engineer Associate"));
    assert_eq!(v.tier, None, "{v:?}");
    assert_eq!(v.catalog_id.as_deref(), Some("azure-ai-engineer"));
    assert_eq!(v.successor.as_deref(), Some("azure-ai-apps-agents"));
    assert!(
        v.verdict.starts_with("Retired on 2026-06-30"),
        "{}",
        v.verdict
    );
    for code in ["AI-102", "AI 102", "ai102"] {
        assert_eq!(
            evaluate(kb(), &seed(code)).catalog_id.as_deref(),
            Some("azure-ai-engineer")
        );
    }
}

#[test]
fn a_closed_credential_says_so_with_no_successor() {
    let v = evaluate(kb(), &seed("TensorFlow Developer Certificate"));
    assert_eq!(v.tier, None);
    assert_eq!(v.successor, None);
    assert!(
        v.verdict.starts_with("Closed on 2024-05-01"),
        "{}",
        v.verdict
    );
}

#[test]
fn the_catalog_fills_in_what_the_person_does_not_give() {
    let v = evaluate(kb(), &seed("DeepLearning.AI specialization"));
    assert!(v.tier.is_some(), "{v:?}");
    assert!(
        !v.unknown
            .iter()
            .any(|u| u == "cost-usd" || u == "practical"),
        "{:?}",
        v.unknown
    );
}

#[test]
fn a_proctored_exam_from_a_known_provider_is_not_marked_as_having_no_practical_component() {
    let v = evaluate(kb(), &seed("AIF-C01"));
    assert!(
        !v.red_flags
            .iter()
            .any(|f| f.flag == RedFlag::NoPracticalComponent),
        "{v:?}"
    );
}

#[test]
fn every_active_catalog_certification_or_course_lands_in_its_catalog_tier() {
    let mut off = Vec::new();
    // Bootcamps are the one place the sources disagree with themselves: tier 3 in their list,
    // but at USD 10K or more with no recognition they meet tier 4's "expensive, not recognised";
    // the evaluator follows the red flag, so entries that always cost that much are left out.
    let excessive = kb().evaluation.cost_excessive_usd;
    for e in kb()
        .catalog
        .entries
        .iter()
        .filter(|e| e.kind.is_study() && !e.status.is_retired() && e.cost_usd.min < excessive)
    {
        let v = evaluate(kb(), &seed(&e.id));
        if v.tier != e.tier {
            off.push(format!(
                "{}: catalog {:?}, evaluated {:?}",
                e.id, e.tier, v.tier
            ));
        }
    }
    assert!(off.is_empty(), "{}", off.join("\n"));
}

#[test]
fn counts_in_the_findings_are_singular_or_plural_as_english_needs() {
    let per_project = kb().evaluation.project_hours;
    let text = |age: f32, hours: u32| {
        let mut facts = sound();
        facts.content_age_years = Some(age);
        facts.prep_hours = Some(hours);
        let v = evaluate(kb(), &facts);
        let mut all: Vec<String> = v.findings.iter().map(|f| f.detail.clone()).collect();
        all.push(v.instead.clone());
        all.join("\n")
    };
    let one = text(1.0, per_project);
    assert!(one.contains("the content is 1 year old"), "{one}");
    assert!(
        one.contains("about 1 substantial portfolio project "),
        "{one}"
    );
    let more = text(0.0, per_project * 2);
    assert!(more.contains("the content is 0 years old"), "{more}");
    assert!(
        more.contains("about 2 substantial portfolio projects"),
        "{more}"
    );
    assert!(text(1.5, 10).contains("1.5 years old"));
    for t in [one, more] {
        assert!(!t.contains("(s)"), "{t}");
    }
}
