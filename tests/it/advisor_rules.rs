//! The advisor rule by rule: one test per fit, rank and plan rule, named after it.
//!
//! Expectations come from the source articles and the advisor issue, not from the engine's
//! output: the tests compare orderings and look for the factor or reason that carries a rule,
//! rather than pinning numbers. Rules that must hold for everyone are checked over many people
//! in `advisor_invariants.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use certwise::advisor::{Avoid, Plan, Recommendation, Track, plan};
use certwise::interview::Answers;
use certwise::knowledge::{Kind, Level, Status};

use crate::support::kb;

fn answers(pairs: &[(&str, &str)]) -> Answers {
    let kb = kb();
    let mut a = Answers::new();
    for (id, value) in pairs {
        a.set(kb, id, value)
            .unwrap_or_else(|e| panic!("{id}={value}: {e}"));
    }
    a
}

fn plan_for(pairs: &[(&str, &str)]) -> Plan {
    plan(kb(), &answers(pairs)).expect("every answer set has a strategy")
}

fn p_rec<'p>(p: &'p Plan, id: &str) -> Option<&'p Recommendation> {
    p.recommendations.iter().find(|r| r.id == id)
}

fn avoided<'p>(p: &'p Plan, id: &str) -> Option<&'p Avoid> {
    p.avoid.iter().find(|a| a.id == id)
}

fn entry_ids(pred: impl Fn(&certwise::knowledge::Entry) -> bool) -> Vec<&'static str> {
    kb().catalog
        .entries
        .iter()
        .filter(|e| pred(e))
        .map(|e| e.id.as_str())
        .collect()
}

fn cloud_certifications() -> Vec<&'static str> {
    entry_ids(|e| e.kind == Kind::Certification && e.platform.is_some() && !e.status.is_retired())
}

#[test]
fn strategy_student_is_chosen_for_students_whatever_their_goal() {
    for goal in ["get-into-ai", "promotion", "learn-concepts", "productivity"] {
        let p = plan_for(&[("role", "student"), ("goal", goal)]);
        assert_eq!(p.strategy.id, "student", "goal {goal}");
        assert!(
            p.strategy
                .decided_by
                .iter()
                .any(|a| a.question == "role" && a.value == "student")
        );
    }
}

#[test]
fn strategy_career_changer_is_chosen_for_non_developers_moving_into_ai() {
    for role in ["non-technical", "technical-non-developer"] {
        for goal in ["get-into-ai", "change-role", "change-industry"] {
            let p = plan_for(&[("role", role), ("goal", goal)]);
            assert_eq!(p.strategy.id, "career-changer", "{role} {goal}");
            let decided: Vec<&str> = p
                .strategy
                .decided_by
                .iter()
                .map(|a| a.question.as_str())
                .collect();
            assert!(
                decided.contains(&"role") && decided.contains(&"goal"),
                "{decided:?}"
            );
        }
    }
    // With no answers at all, the person is assumed new and non-technical: a career changer.
    assert_eq!(plan_for(&[]).strategy.id, "career-changer");
}

#[test]
fn strategy_professional_is_chosen_for_ai_in_the_current_job() {
    for goal in ["promotion", "productivity", "learn-concepts"] {
        let p = plan_for(&[("role", "non-technical"), ("goal", goal)]);
        assert_eq!(p.strategy.id, "professional", "goal {goal}");
    }
}

#[test]
fn strategy_enterprise_is_chosen_for_cloud_and_enterprise_targets() {
    let cases: &[&[(&str, &str)]] = &[
        &[
            ("role", "developer"),
            ("target_platform", "aws"),
            ("target_employer", "enterprise"),
        ],
        &[("role", "cloud-data-engineer"), ("target_platform", "gcp")],
        &[
            ("role", "cloud-data-engineer"),
            ("target_employer", "enterprise"),
        ],
    ];
    for pairs in cases {
        let p = plan_for(pairs);
        assert_eq!(p.strategy.id, "enterprise", "{pairs:?}");
        assert!(p.strategy.decided_by.iter().any(|a| a.question == "role"));
    }
}

#[test]
fn strategy_developer_is_chosen_for_developers_without_an_enterprise_cloud_target() {
    let cases: &[&[(&str, &str)]] = &[
        &[("role", "developer")],
        &[
            ("role", "developer"),
            ("target_platform", "aws"),
            ("target_employer", "startup-or-product"),
        ],
        &[("role", "developer"), ("goal", "productivity")],
        &[
            ("role", "cloud-data-engineer"),
            ("target_employer", "startup-or-product"),
        ],
    ];
    for pairs in cases {
        assert_eq!(plan_for(pairs).strategy.id, "developer", "{pairs:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// The seeds' rules.

fn not_now<'p>(p: &'p Plan, id: &str) -> Option<&'p Avoid> {
    p.avoid.iter().find(|a| a.id == id && a.not_for_you_now)
}

#[test]
fn vendor_certification_needs_your_platform() {
    let none = plan_for(&[
        ("role", "developer"),
        ("goal", "get-into-ai"),
        ("target_employer", "enterprise"),
    ]);
    for id in cloud_certifications() {
        assert!(
            p_rec(&none, id).is_none(),
            "{id} recommended with no platform"
        );
    }
    let gcp = plan_for(&[
        ("role", "developer"),
        ("goal", "get-into-ai"),
        ("target_platform", "gcp"),
    ]);
    let a = not_now(&gcp, "aws-ml-engineer-associate").expect("AWS exam listed as not for you now");
    assert!(a.reasons[0].contains("Google Cloud"), "{:?}", a.reasons);
}

#[test]
fn engineering_needs_a_technical_background() {
    let p = plan_for(&[
        ("role", "non-technical"),
        ("goal", "productivity"),
        ("employer_platform", "aws"),
        ("employer_values_certs", "yes"),
    ]);
    let a = not_now(&p, "aws-ml-engineer-associate").expect("listed");
    assert!(a.reasons[0].contains("engineers"), "{:?}", a.reasons);
    let dev = plan_for(&[
        ("role", "developer"),
        ("goal", "get-into-ai"),
        ("target_platform", "aws"),
        ("ai_experience", "hands-on"),
    ]);
    assert!(p_rec(&dev, "aws-ml-engineer-associate").is_some());
}

#[test]
fn advanced_levels_need_hands_on_experience() {
    let p = plan_for(&[
        ("role", "developer"),
        ("goal", "get-into-ai"),
        ("target_platform", "gcp"),
        ("ai_experience", "basics"),
    ]);
    assert!(not_now(&p, "gcp-ml-engineer").is_some_and(|a| a.reasons[0].contains("hands-on")));
    let q = plan_for(&[
        ("role", "developer"),
        ("goal", "get-into-ai"),
        ("target_platform", "gcp"),
        ("ai_experience", "hands-on"),
    ]);
    assert!(p_rec(&q, "gcp-ml-engineer").is_some());
}

#[test]
fn prerequisites_are_respected() {
    let base = [
        ("role", "non-technical"),
        ("goal", "change-role"),
        ("governance_focus", "audit"),
        ("budget_usd", "5000"),
    ];
    let mut without = base.to_vec();
    without.push(("governance_credential", "none"));
    let p = plan_for(&without);
    assert!(not_now(&p, "isaca-aaia").is_some_and(|a| a.reasons[0].contains("requires")));
    let mut with = base.to_vec();
    with.push(("governance_credential", "audit"));
    assert!(p_rec(&plan_for(&with), "isaca-aaia").is_some());
}

#[test]
fn code_first_needs_coding() {
    let p = plan_for(&[("role", "non-technical"), ("goal", "learn-concepts")]);
    assert!(
        not_now(&p, "fast-ai").is_some(),
        "fast.ai for a non-technical person"
    );
}

#[test]
fn governance_credentials_for_governance_roles() {
    let p = plan_for(&[
        ("role", "non-technical"),
        ("goal", "change-role"),
        ("budget_usd", "5000"),
    ]);
    assert!(not_now(&p, "iapp-aigp").is_some_and(|a| a.reasons[0].contains("governance")));
}

#[test]
fn cheapest_route_within_budget() {
    let p = plan_for(&[
        ("role", "developer"),
        ("goal", "get-into-ai"),
        ("target_platform", "aws"),
        ("ai_experience", "hands-on"),
        ("budget_usd", "50"),
    ]);
    assert!(
        not_now(&p, "aws-ml-engineer-associate").is_some_and(|a| a.reasons[0].contains("budget"))
    );
    assert!(p.budget.timeline_cost_usd.max <= 50);
}

#[test]
fn cloud_project_needs_a_platform() {
    let p = plan_for(&[("role", "developer"), ("goal", "get-into-ai")]);
    assert!(not_now(&p, "cloud-project").is_some());
}

#[test]
fn work_experience_fits_your_situation() {
    let student = plan_for(&[("role", "student"), ("goal", "get-into-ai")]);
    assert!(not_now(&student, "workplace-project").is_some());
    let staying = plan_for(&[("role", "non-technical"), ("goal", "productivity")]);
    assert!(not_now(&staying, "internship").is_some());
}

#[test]
fn retired_and_closed_are_avoided_with_their_successor() {
    let p = plan_for(&[
        ("role", "developer"),
        ("goal", "get-into-ai"),
        ("target_platform", "aws"),
    ]);
    for e in &kb().catalog.entries {
        if e.status.is_retired() {
            let a = avoided(&p, &e.id).unwrap_or_else(|| panic!("{} not avoided", e.id));
            assert!(!a.not_for_you_now);
            if let Status::Retired { successor, .. } = &e.status {
                assert_eq!(a.instead.as_deref(), Some(successor.as_str()));
            }
        }
    }
}

#[test]
fn ties_break_known_price_then_free_before_paid_then_shorter_then_id() {
    for (answers, p) in [
        (
            "a",
            plan_for(&[("role", "student"), ("goal", "get-into-ai")]),
        ),
        (
            "b",
            plan_for(&[("role", "non-technical"), ("goal", "productivity")]),
        ),
    ] {
        let capped = |r: &Recommendation| {
            r.reasons
                .iter()
                .any(|f| f.text.starts_with("scores stop at"))
        };
        for w in p.recommendations.windows(2) {
            // Two scores at the cap keep the order of their sums before it (a test below).
            if w[0].score == w[1].score && !capped(&w[0]) && !capped(&w[1]) {
                assert!(
                    (
                        w[0].cost_unknown,
                        w[0].route_cost_min,
                        w[0].prep_hours.mid(),
                        &w[0].id
                    ) <= (
                        w[1].cost_unknown,
                        w[1].route_cost_min,
                        w[1].prep_hours.mid(),
                        &w[1].id
                    ),
                    "{answers}: {} before {}",
                    w[0].id,
                    w[1].id
                );
            }
        }
    }
}

#[test]
fn factor_signs_match_their_meaning() {
    let p = plan_for(&[("role", "student"), ("goal", "get-into-ai")]);
    for r in &p.recommendations {
        for f in &r.reasons {
            if f.points > 0 {
                for bad in [
                    "never named",
                    "quality varies",
                    "no practical",
                    "low or no value",
                ] {
                    assert!(!f.text.contains(bad), "{}: +{} {}", r.id, f.points, f.text);
                }
            }
        }
    }
}

#[test]
fn the_goal_shapes_the_ranking_staying_in_the_job_starts_with_the_workplace_project() {
    for goal in ["promotion", "productivity", "learn-concepts"] {
        let p = plan_for(&[("role", "non-technical"), ("goal", goal)]);
        let first = p
            .timeline
            .iter()
            .find(|s| s.brief.is_some())
            .expect("a project");
        assert_eq!(first.id, "workplace-project", "{goal}: {}", first.title);
        assert!(
            !p.strategy
                .steps
                .iter()
                .any(|s| s.starts_with("Apply to jobs")),
            "{goal}"
        );
    }
}

#[test]
fn hands_on_people_skip_the_beginner_course() {
    let p = plan_for(&[
        ("role", "developer"),
        ("goal", "get-into-ai"),
        ("ai_experience", "hands-on"),
        ("projects_built", "one-or-two"),
    ]);
    for s in &p.timeline {
        let e = kb().entry(&s.id);
        assert!(
            !e.is_some_and(|e| e.kind == Kind::Course && e.level == Level::Foundational),
            "{}",
            s.id
        );
    }
}

#[test]
fn whoever_needs_the_basics_gets_a_foundational_course() {
    for role in [
        "non-technical",
        "developer",
        "student",
        "cloud-data-engineer",
    ] {
        let p = plan_for(&[
            ("role", role),
            ("goal", "learn-concepts"),
            ("ai_experience", "none"),
        ]);
        assert!(
            p.timeline.iter().any(|s| kb()
                .entry(&s.id)
                .is_some_and(|e| e.kind == Kind::Course && e.level == Level::Foundational)),
            "{role}: no foundational course"
        );
    }
}

#[test]
fn one_certification_at_a_time_later_ones_are_a_note() {
    let p = plan_for(&[
        ("role", "cloud-data-engineer"),
        ("goal", "get-into-ai"),
        ("target_platform", "aws"),
        ("ai_experience", "hands-on"),
        ("target_employer", "enterprise"),
        ("budget_usd", "5000"),
    ]);
    let certs = p
        .timeline
        .iter()
        .filter(|s| {
            kb().entry(&s.id)
                .is_some_and(|e| e.kind == Kind::Certification)
        })
        .count();
    assert_eq!(certs, 1);
    assert!(
        p.timeline_notes
            .iter()
            .any(|n| n.starts_with("One certification at a time")),
        "{:?}",
        p.timeline_notes
    );
}

#[test]
fn a_certification_is_paired_with_a_project_on_its_platform() {
    let p = plan_for(&[
        ("role", "developer"),
        ("goal", "get-into-ai"),
        ("target_platform", "aws"),
        ("ai_experience", "hands-on"),
        ("target_employer", "enterprise"),
        ("budget_usd", "1000"),
    ]);
    assert!(p.timeline.iter().any(|s| {
        kb().entry(&s.id)
            .is_some_and(|e| e.kind == Kind::Certification)
    }));
    let on_aws = p.timeline.iter().filter_map(|s| s.brief.as_ref()).any(|b| {
        kb().projects
            .iter()
            .any(|x| &x.id == b && x.platform == Some(certwise::knowledge::Platform::Aws))
    });
    assert!(on_aws, "no AWS project beside the AWS exam");
}

#[test]
fn a_course_is_time_boxed_at_twelve_weeks() {
    let p = plan_for(&[
        ("role", "developer"),
        ("goal", "learn-concepts"),
        ("ai_experience", "basics"),
        ("hours_per_week", "2"),
    ]);
    let course = p
        .timeline
        .iter()
        .find(|s| s.track == Track::Study)
        .expect("a course");
    assert!(course.end_week - course.start_week < 13 + 12, "{course:?}");
    assert!(
        p.timeline_notes
            .iter()
            .any(|n| n.contains("more than 12 weeks") && n.contains("boxes it at about")),
        "{:?}",
        p.timeline_notes
    );
}

#[test]
fn project_steps_are_briefs_with_milestones() {
    let p = plan_for(&[
        ("role", "non-technical"),
        ("goal", "change-industry"),
        ("field", "healthcare"),
    ]);
    let projects: Vec<_> = p.timeline.iter().filter(|s| s.brief.is_some()).collect();
    assert!(projects.len() >= 2);
    for s in projects {
        assert!(!s.milestones.is_empty() && s.problem.is_some());
        assert!(!s.title.starts_with("Portfolio project"));
    }
}

#[test]
fn the_strategy_steps_and_the_plan_agree() {
    let p = plan_for(&[
        ("role", "developer"),
        ("goal", "get-into-ai"),
        ("ai_experience", "hands-on"),
    ]);
    assert_eq!(p.strategy.steps.len(), p.strategy.step_notes.len());
    assert!(
        p.strategy.step_notes[0].contains("no course"),
        "{:?}",
        p.strategy.step_notes
    );
}

#[test]
fn internships_interviews_and_authorities_are_noted_where_they_apply() {
    let student = plan_for(&[
        ("role", "student"),
        ("goal", "get-into-ai"),
        ("market", "certs-weigh-more"),
    ]);
    assert!(
        student
            .timeline_notes
            .iter()
            .any(|n| n.contains("internship"))
    );
    assert!(
        student
            .timeline_notes
            .iter()
            .any(|n| n.contains("technical interviews"))
    );
    assert!(
        student
            .timeline_notes
            .iter()
            .any(|n| n.contains("authority"))
    );
    let staying = plan_for(&[("role", "non-technical"), ("goal", "productivity")]);
    assert!(
        !staying
            .timeline_notes
            .iter()
            .any(|n| n.contains("interview"))
    );
}

#[test]
fn both_tracks_stay_busy() {
    let p = plan_for(&[
        ("role", "non-technical"),
        ("goal", "get-into-ai"),
        ("hours_per_week", "6"),
    ]);
    let total: u32 = p.timeline.iter().map(|s| s.hours).sum();
    let last = p.timeline.iter().map(|s| s.end_week).max().unwrap_or(0);
    assert!(last <= total.div_ceil(6) + 1, "{last} weeks for {total} h");
}

fn evidence(
    counts: &[(&str, u32, u32)],
    platforms: &[(certwise::knowledge::Platform, u32)],
    total: u32,
    scanned: &str,
) -> certwise::postings::report::Evidence {
    certwise::postings::report::Evidence {
        version: 1,
        scanned: scanned.parse().unwrap(),
        knowledge_version: kb().version(),
        postings: total,
        with_any_certification: counts.iter().map(|c| c.1).max().unwrap_or(0),
        certifications: counts
            .iter()
            .map(|(id, n, req)| certwise::postings::report::EvidenceCount {
                id: (*id).to_owned(),
                postings: *n,
                required: *req,
                preferred: 0,
            })
            .collect(),
        platforms: platforms.to_vec(),
        skills: Vec::new(),
    }
}

#[test]
fn your_postings_name_it() {
    use certwise::knowledge::Platform;
    let ev = evidence(
        &[("aws-ml-engineer-associate", 4, 2)],
        &[(Platform::Aws, 9)],
        12,
        "2026-11-20T00:00:00Z",
    );
    let a = answers(&[
        ("role", "developer"),
        ("goal", "get-into-ai"),
        ("ai_experience", "hands-on"),
        ("target_platform", "aws"),
    ]);
    let today = jiff::civil::date(2026, 11, 30);
    let p = certwise::advisor::plan_with(
        kb(),
        &a,
        Some(certwise::advisor::Postings {
            evidence: &ev,
            today,
        }),
    )
    .unwrap();
    let r = p
        .recommendations
        .iter()
        .find(|r| r.id == "aws-ml-engineer-associate")
        .unwrap();
    assert!(
        r.reasons.iter().any(|f| f.points > 0
            && f.text
                .starts_with("named in 4 of your 12 postings, required in 2")),
        "{:?}",
        r.reasons
    );
    let other = p
        .recommendations
        .iter()
        .find(|r| r.id == "aws-genai-developer-pro")
        .unwrap();
    assert!(
        other
            .reasons
            .iter()
            .any(|f| f.points < 0 && f.text.starts_with("named in none of your 12 postings")),
        "{:?}",
        other.reasons
    );
    assert_eq!(p.postings_evidence.as_ref().map(|e| e.postings), Some(12));
    // Without evidence, no such factor.
    let plain = plan(kb(), &a).unwrap();
    assert!(plain.recommendations.iter().all(|r| {
        r.reasons
            .iter()
            .all(|f| !f.text.contains("your 12 postings"))
    }));
}

#[test]
fn postings_suggest_a_platform_without_answering_for_you() {
    use certwise::knowledge::Platform;
    let ev = evidence(
        &[],
        &[(Platform::Gcp, 6), (Platform::Aws, 2)],
        10,
        "2026-01-10T00:00:00Z",
    );
    let a = answers(&[("role", "developer"), ("goal", "get-into-ai")]);
    let today = jiff::civil::date(2026, 11, 30);
    let p = certwise::advisor::plan_with(
        kb(),
        &a,
        Some(certwise::advisor::Postings {
            evidence: &ev,
            today,
        }),
    )
    .unwrap();
    let note = p
        .timeline_notes
        .iter()
        .find(|n| n.starts_with("Your postings point to Google Cloud"))
        .expect("a platform note");
    assert!(
        note.contains("6 of 10") && note.contains("over six months ago"),
        "{note}"
    );
    assert!(p.postings_evidence.as_ref().is_some_and(|e| e.old));
    // It does not answer for the person: no vendor certification is scheduled.
    assert!(p.timeline.iter().all(|s| {
        kb().entry(&s.id)
            .is_none_or(|e| e.platform.is_none() || e.kind != Kind::Certification)
    }));
}

#[test]
fn people_staying_in_their_job_read_skill_signals_not_hiring_signals() {
    use certwise::render::{Format, plan as render};
    for (role, goal, staying) in [
        ("non-technical", "productivity", true),
        ("developer", "promotion", true),
        ("technical-non-developer", "learn-concepts", true),
        ("student", "learn-concepts", false),
        ("non-technical", "get-into-ai", false),
        ("developer", "change-role", false),
    ] {
        let mut answers = certwise::interview::Answers::new();
        answers.set(kb(), "role", role).unwrap();
        answers.set(kb(), "goal", goal).unwrap();
        let p = certwise::advisor::plan(kb(), &answers).unwrap();
        assert_eq!(p.stays_in_job(), staying, "{role} {goal}");
        for format in [Format::Text, Format::Markdown] {
            let out = render(kb(), &p, format);
            assert_eq!(
                out.contains("Hiring signals"),
                !staying,
                "{role} {goal}: {out}"
            );
            assert_eq!(out.contains("Skill signals"), staying, "{role} {goal}");
        }
    }
}

#[test]
fn not_knowing_whether_the_employer_rewards_certifications_is_not_a_no() {
    let note = |value: &str| {
        let mut answers = Answers::new();
        answers.set(kb(), "role", "non-technical").unwrap();
        answers.set(kb(), "goal", "productivity").unwrap();
        answers.set(kb(), "employer_values_certs", value).unwrap();
        plan(kb(), &answers)
            .unwrap()
            .strategy
            .step_notes
            .join(" | ")
    };
    let unsure = note("unsure");
    assert!(
        unsure.contains("not sure your employer rewards one"),
        "{unsure}"
    );
    assert!(!unsure.contains("does not reward"), "{unsure}");
    let no = note("no");
    assert!(no.contains("your employer does not reward one"), "{no}");
}

/// Rule `beta_exams_may_still_change`: a beta exam says so and gives way to an active one that
/// fits as well (the Azure `MLOps` exam AI-300 above the AI-103 beta for an Azure data engineer).
#[test]
fn beta_exams_may_still_change() {
    let p = plan_for(&[
        ("role", "cloud-data-engineer"),
        ("goal", "change-role"),
        ("ai_experience", "hands-on"),
        ("projects_built", "one-or-two"),
        ("target_platform", "azure"),
        ("budget_usd", "1000"),
    ]);
    let beta = p
        .recommendations
        .iter()
        .filter(|r| r.status == "beta")
        .collect::<Vec<_>>();
    assert!(!beta.is_empty(), "no beta exam ranked for this person");
    for r in &beta {
        assert!(
            r.reasons
                .iter()
                .any(|f| f.points < 0 && f.text.contains("still in beta")),
            "{} does not say it is in beta",
            r.id
        );
    }
    let pos = |id: &str| p.recommendations.iter().position(|r| r.id == id);
    if let (Some(active), Some(beta)) = (pos("azure-mlops-engineer"), pos("azure-ai-apps-agents")) {
        assert!(active < beta, "AI-300 below the AI-103 beta");
    }
}

/// Two entries both capped at 100 keep the order of their sums before the cap: the credential
/// built for a CISA holder (AAIA) above a general one whose price is not even known.
#[test]
fn scores_at_the_cap_keep_the_order_of_their_reasons() {
    let p = plan_for(&[
        ("goal", "promotion"),
        ("role", "technical-non-developer"),
        ("field", "finance"),
        ("governance_focus", "audit"),
        ("governance_credential", "audit"),
        ("industry", "finance"),
        ("employer_values_certs", "yes"),
        ("hours_per_week", "5"),
        ("budget_usd", "1500"),
    ]);
    let top = &p.recommendations[0];
    assert_eq!(top.score, 100);
    assert!(top.id.contains("aaia"), "first: {}", top.id);
}

/// Rule `costs_within_budget`, and the timeline: with a budget of USD 0, a certification whose
/// fee is not published is not scheduled (the plan says why), and its ranking says so too.
#[test]
fn an_unknown_fee_is_never_scheduled_on_a_budget_of_zero() {
    for budget in ["0", "300"] {
        let p = plan_for(&[
            ("goal", "productivity"),
            ("field", "government"),
            ("employer_platform", "azure"),
            ("industry", "government"),
            ("employer_values_certs", "yes"),
            ("hours_per_week", "4"),
            ("budget_usd", budget),
        ]);
        let unknown_scheduled = p.timeline.iter().any(|s| {
            s.cost_unknown
                && kb()
                    .entry(&s.id)
                    .is_some_and(|e| e.kind == Kind::Certification)
        });
        if budget == "0" {
            assert!(!unknown_scheduled, "an exam of unknown fee on USD 0");
            assert!(
                p.timeline_notes
                    .iter()
                    .any(|n| n.contains("fee is not published"))
            );
            let r = p_rec(&p, "azure-ai-fundamentals-901").or_else(|| {
                p.recommendations
                    .iter()
                    .find(|r| r.cost_unknown && r.kind == Kind::Certification)
            });
            assert!(r.is_some_and(|r| {
                r.reasons
                    .iter()
                    .any(|f| f.points < 0 && f.text.contains("fee is not known"))
            }));
        } else {
            assert!(
                unknown_scheduled,
                "with a budget, the exam stays (its fee to check)"
            );
        }
    }
}

/// A student where certificates weigh more (a visa, a country's hiring) and who knows the
/// platform the jobs use gets one credential on it, after the experience; where they weigh
/// little, none; and without a platform, the step says to take one once it is known.
#[test]
fn students_where_certificates_weigh_more_get_one_credential_on_their_platform() {
    let base = [
        ("role", "student"),
        ("ai_experience", "basics"),
        ("projects_built", "one-or-two"),
        // Enough hours for the whole foundational course (a certification waits for it).
        ("hours_per_week", "30"),
        ("budget_usd", "150"),
    ];
    let cert_in = |p: &Plan| {
        p.timeline.iter().find_map(|s| {
            kb().entry(&s.id)
                .filter(|e| e.kind == Kind::Certification)
                .map(|e| e.platform)
        })
    };
    let with = |extra: &[(&'static str, &'static str)]| {
        let mut a = base.to_vec();
        a.extend_from_slice(extra);
        plan_for(&a)
    };
    let more = with(&[("market", "certs-weigh-more"), ("target_platform", "aws")]);
    assert_eq!(
        cert_in(&more),
        Some(Some(certwise::knowledge::Platform::Aws)),
        "an AWS credential"
    );
    let little = with(&[("market", "certs-weigh-little"), ("target_platform", "aws")]);
    assert_eq!(cert_in(&little), None);
    let unknown = with(&[("market", "certs-weigh-more")]);
    assert_eq!(cert_in(&unknown), None);
    assert!(
        unknown
            .strategy
            .step_notes
            .iter()
            .any(|n| n.contains("once you know it")),
        "{:?}",
        unknown.strategy.step_notes
    );
}

/// Rule `code_first_needs_coding`, for technical people: an IT auditor or administrator new to
/// AI does not get a code-first course; one who works with AI hands-on may.
#[test]
fn code_first_courses_need_a_developer_a_student_or_hands_on_work() {
    let base = [
        ("role", "technical-non-developer"),
        ("goal", "learn-concepts"),
        ("field", "finance"),
    ];
    let mut new_to_ai = base.to_vec();
    new_to_ai.push(("ai_experience", "basics"));
    let p = plan_for(&new_to_ai);
    assert!(
        not_now(&p, "fast-ai").is_some(),
        "fast.ai for a technical newcomer"
    );
    let mut hands_on = base.to_vec();
    hands_on.push(("ai_experience", "hands-on"));
    let p = plan_for(&hands_on);
    assert!(
        not_now(&p, "fast-ai").is_none(),
        "fast.ai for someone hands-on"
    );
}

/// Rule `governance_credentials_for_governance_roles`: a credential made for governance work
/// (ISO/IEC 42001's implementer names leaders too) is not for a product leader who did not say
/// they aim at governance, and is for one who did.
#[test]
fn governance_credentials_naming_leaders_are_still_for_governance_roles() {
    let base = [
        ("role", "non-technical"),
        ("goal", "promotion"),
        ("field", "product"),
        ("ai_experience", "hands-on"),
        ("projects_built", "one-or-two"),
        ("employer_values_certs", "yes"),
        ("budget_usd", "5000"),
    ];
    let mut not_gov = base.to_vec();
    not_gov.push(("governance_focus", "no"));
    let p = plan_for(&not_gov);
    assert!(
        not_now(&p, "iso42001-lead-implementer").is_some(),
        "ISO/IEC 42001 implementer for a product leader outside governance"
    );
    let mut gov = base.to_vec();
    gov.push(("governance_focus", "governance"));
    let p = plan_for(&gov);
    assert!(not_now(&p, "iso42001-lead-implementer").is_none());
}

/// Rule `staying_needs_an_employer_that_rewards_it`: for someone staying in their job, a
/// certification ranks first only when the employer rewards it; unsure costs it points, no costs
/// more, each with its reason, and the plan and the ranking agree.
#[test]
fn staying_needs_an_employer_that_rewards_it() {
    let score = |v: &str| {
        let p = plan_for(&[
            ("goal", "productivity"),
            ("field", "operations"),
            ("employer_platform", "aws"),
            ("employer_values_certs", v),
            ("hours_per_week", "4"),
            ("budget_usd", "100"),
        ]);
        let r = p_rec(&p, "aws-ai-practitioner").expect("ranked").clone();
        let first = p.recommendations[0].id.clone();
        (r, first)
    };
    let (yes, first_yes) = score("yes");
    let (unsure, first_unsure) = score("unsure");
    let (no, first_no) = score("no");
    assert_eq!(first_yes, "aws-ai-practitioner");
    assert_ne!(first_unsure, "aws-ai-practitioner");
    assert_ne!(first_no, "aws-ai-practitioner");
    assert!(yes.score > unsure.score && unsure.score > no.score);
    assert!(
        unsure
            .reasons
            .iter()
            .any(|f| f.points < 0 && f.text.contains("not sure"))
    );
    assert!(
        no.reasons
            .iter()
            .any(|f| f.points < 0 && f.text.contains("does not reward"))
    );
}

/// A short course is done whole at any hours a week: boxing a 5-hour course to 3 saves nothing.
#[test]
fn a_short_course_is_never_cut() {
    for hours in ["1", "2", "3"] {
        let p = plan_for(&[("hours_per_week", hours), ("budget_usd", "0")]);
        let course = p
            .timeline
            .iter()
            .find(|s| kb().entry(&s.id).is_some_and(|e| e.kind == Kind::Course))
            .expect("a course");
        let e = kb().entry(&course.id).expect("entry");
        assert!(e.prep_hours.mid() <= 10, "{} is not short", e.id);
        assert!(
            !course.title.contains("the first"),
            "{hours} h: {}",
            course.title
        );
        assert_eq!(course.hours, e.prep_hours.mid(), "{hours} h a week");
    }
}

/// When the plan has room for the foundational course's first part only, the certification
/// that follows it comes with a note to finish the course before the exam, and the plan never
/// says the study is done without saying the course is not. (The certification stays: taking it
/// out would make fewer hours a week give a shorter plan.)
#[test]
fn a_certification_after_a_course_cut_short_says_to_finish_the_course_first() {
    let p = plan_for(&[
        ("role", "student"),
        ("ai_experience", "basics"),
        ("projects_built", "one-or-two"),
        ("market", "certs-weigh-more"),
        ("target_platform", "aws"),
        ("hours_per_week", "15"),
        ("budget_usd", "150"),
    ]);
    let course = p
        .timeline
        .iter()
        .find(|s| kb().entry(&s.id).is_some_and(|e| e.kind == Kind::Course))
        .expect("a course");
    assert!(course.title.contains("the first"), "{}", course.title);
    let cert = p
        .timeline
        .iter()
        .find(|s| {
            kb().entry(&s.id)
                .is_some_and(|e| e.kind == Kind::Certification)
        })
        .expect("a certification");
    assert!(cert.start_week >= course.start_week);
    assert!(
        p.timeline_notes
            .iter()
            .any(|n| n.contains("finish the course before you sit the exam")),
        "{:?}",
        p.timeline_notes
    );
    for n in &p.timeline_notes {
        assert!(
            !n.contains("the study is done"),
            "said the study is done with the course cut: {n}"
        );
    }
}

/// Someone in governance, risk, audit or security gets a credential made for that work in the
/// timeline, not a cloud fundamentals exam that happens to rank as high (a CRISC holder whose
/// employer runs Azure gets AAIR, not AI-901).
#[test]
fn governance_people_get_a_governance_credential_before_a_cloud_one() {
    let p = plan_for(&[
        ("goal", "promotion"),
        ("role", "non-technical"),
        ("field", "finance"),
        ("ai_experience", "basics"),
        ("projects_built", "none"),
        ("governance_focus", "risk"),
        ("governance_credential", "risk"),
        ("employer_platform", "azure"),
        ("industry", "finance"),
        ("employer_values_certs", "yes"),
        ("hours_per_week", "5"),
        ("budget_usd", "1500"),
    ]);
    let cert = p
        .timeline
        .iter()
        .find_map(|s| kb().entry(&s.id).filter(|e| e.kind == Kind::Certification))
        .expect("a certification");
    assert!(
        cert.audience
            .contains(&certwise::knowledge::Audience::Governance),
        "{}",
        cert.id
    );
}

/// Rule `staying_needs_an_employer_that_rewards_it` holds in a regulated industry too: the plan
/// schedules no certification there when the employer does not reward one, so the ranking does
/// not put one first.
#[test]
fn a_regulated_industry_does_not_override_an_employer_that_does_not_reward() {
    let p = plan_for(&[
        ("goal", "productivity"),
        ("field", "operations"),
        ("employer_platform", "aws"),
        ("industry", "finance"),
        ("employer_values_certs", "no"),
        ("hours_per_week", "5"),
        ("budget_usd", "500"),
    ]);
    assert_ne!(p.recommendations[0].kind, Kind::Certification);
    assert!(!p.timeline.iter().any(|s| {
        kb().entry(&s.id)
            .is_some_and(|e| e.kind == Kind::Certification)
    }));
}

/// Where the credential is the point of the strategy (a platform role), it stays in the plan
/// even when the course is cut to its first part: a developer new to AI aiming at an enterprise
/// Google Cloud role keeps the certification.
#[test]
fn a_platform_role_keeps_its_certification_beside_a_course_cut_short() {
    let p = plan_for(&[
        ("goal", "change-role"),
        ("role", "developer"),
        ("ai_experience", "none"),
        ("target_platform", "gcp"),
        ("target_employer", "enterprise"),
        ("hours_per_week", "5"),
        ("budget_usd", "500"),
    ]);
    assert_eq!(p.strategy.id, "enterprise");
    assert!(
        p.timeline.iter().any(|s| s.title.contains("the first")),
        "the course is cut in this case"
    );
    assert!(p.timeline.iter().any(|s| {
        kb().entry(&s.id)
            .is_some_and(|e| e.kind == Kind::Certification)
    }));
}

/// The budget line never calls a plan free without a word on its cloud projects: their usage is
/// not a fee the plan spends, so it is not counted, but it is said with the catalog's estimate.
#[test]
fn cloud_usage_is_said_in_the_budget_line() {
    let cloud = plan_for(&[
        ("role", "developer"),
        ("goal", "get-into-ai"),
        ("target_platform", "aws"),
        ("budget_usd", "0"),
    ]);
    assert!(cloud.budget.within_budget);
    assert!(
        cloud.budget.note.contains("Cloud usage is not counted")
            && cloud.budget.note.contains("SageMaker"),
        "{}",
        cloud.budget.note
    );
    let none = plan_for(&[("role", "non-technical"), ("goal", "productivity")]);
    assert!(
        !none.budget.note.contains("Cloud usage"),
        "{}",
        none.budget.note
    );
}

/// Rule `developers_take_the_builders_exam`: a developer new to AI aiming at an AWS role gets the
/// ML engineer exam, not AWS AI Practitioner (made for people who use AI without building it),
/// which says why it ranks lower.
#[test]
fn developers_take_the_builders_exam() {
    let p = plan_for(&[
        ("goal", "change-role"),
        ("role", "developer"),
        ("ai_experience", "none"),
        ("target_platform", "aws"),
        ("target_employer", "enterprise"),
        ("hours_per_week", "40"),
        ("budget_usd", "1000"),
    ]);
    let pos = |id: &str| p.recommendations.iter().position(|r| r.id == id);
    assert!(pos("aws-ml-engineer-associate") < pos("aws-ai-practitioner"));
    let aif = p_rec(&p, "aws-ai-practitioner").expect("ranked");
    assert!(
        aif.reasons
            .iter()
            .any(|f| f.points < 0 && f.text.contains("without building it"))
    );
}

/// Rule `estimated_hours_are_said`: a recommendation whose preparation hours are certwise's
/// estimate says so among its reasons; one whose hours come from a source does not.
#[test]
fn estimated_hours_are_said() {
    let p = plan_for(&[
        ("role", "developer"),
        ("goal", "get-into-ai"),
        ("target_platform", "aws"),
    ]);
    let mut seen = (0, 0);
    for r in &p.recommendations {
        let e = kb().entry(&r.id).expect("entry");
        let estimated =
            !e.hours_unknown && e.sources.iter().any(|s| s.fact == "hours" && s.estimate);
        let says = r
            .reasons
            .iter()
            .any(|f| f.text.contains("certwise's estimate"));
        assert_eq!(says, estimated, "{}", r.id);
        if estimated {
            seen.0 += 1;
        } else {
            seen.1 += 1;
        }
    }
    assert!(seen.0 > 0 && seen.1 > 0, "both kinds ranked: {seen:?}");
}

/// Rule `governance_credentials_match_your_focus`: a credential for security practitioners
/// (`CompTIA SecAI+`) loses points for someone whose focus is risk, and ranks below the
/// governance credential (AIGP); for someone in security it does not.
#[test]
fn security_credentials_are_for_a_security_focus() {
    let plan = |focus: &str| {
        plan_for(&[
            ("goal", "change-role"),
            ("field", "finance"),
            ("governance_focus", focus),
            ("industry", "finance"),
            ("hours_per_week", "5"),
            ("budget_usd", "2000"),
        ])
    };
    let risk = plan("risk");
    let secai = p_rec(&risk, "comptia-secai").expect("ranked");
    assert!(
        secai
            .reasons
            .iter()
            .any(|f| f.points < 0 && f.text.contains("security practitioners"))
    );
    let pos = |p: &Plan, id: &str| p.recommendations.iter().position(|r| r.id == id);
    assert!(pos(&risk, "iapp-aigp") < pos(&risk, "comptia-secai"));
    let security = plan("security");
    if let Some(r) = p_rec(&security, "comptia-secai") {
        assert!(
            !r.reasons
                .iter()
                .any(|f| f.text.contains("security practitioners"))
        );
    }
}
