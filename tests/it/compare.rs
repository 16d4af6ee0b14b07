//! Build versus certify: the comparison follows the seeds' ROI analysis line by line, estimates
//! the entries the seeds do not rate, and refuses unknown ids or fewer than two.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use certwise::compare::{CompareError, Compared, compare, estimated_roi};
use certwise::evaluate::{Facts, evaluate};
use certwise::knowledge::{Range, Rating};
use certwise::user_catalog::{entry_from, merged};

use crate::support::kb;

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

fn one(id: &str) -> Compared {
    let other = if id == "bootcamp" {
        "fast-ai"
    } else {
        "bootcamp"
    };
    compare(kb(), &ids(&[id, other])).unwrap().remove(0)
}

#[test]
fn seed_portfolio_project_roi_is_high_and_beats_the_aws_certification() {
    let rows = compare(kb(), &ids(&["aws-ml-specialty", "portfolio-project"])).unwrap();
    let (aws, project) = (&rows[0], &rows[1]);
    assert_eq!(project.roi, Rating::High);
    assert!(
        project.roi_note.contains("excellent"),
        "{}",
        project.roi_note
    );
    assert!(project.roi > aws.roi);
    assert!(project.skill_building > aws.skill_building);
    assert!(project.hiring_signal > aws.hiring_signal);
    assert_eq!(project.cost_usd, Range { min: 0, max: 100 });
    assert_eq!(project.hours, Range { min: 40, max: 80 });
    assert!(project.in_job_requirements.contains("always"));
}

#[test]
fn retired_aws_ml_specialty_has_no_roi_and_names_its_successor() {
    // The sources rated it good for AWS-heavy targets, but it retired on 2026-03-31: it can no
    // longer be taken, so its ROI is none and the note sends you to the successor.
    let aws = one("aws-ml-specialty");
    assert!(!aws.from_seeds, "the ROI is no longer the sources' figure");
    assert_eq!(aws.roi, Rating::None);
    assert_eq!(aws.retired_on, Some(jiff::civil::date(2026, 3, 31)));
    assert_eq!(aws.successor.as_deref(), Some("aws-ml-engineer-associate"));
    assert!(aws.roi_note.contains("2026-03-31"), "{}", aws.roi_note);
    assert!(
        aws.roi_note
            .contains("Machine Learning Engineer - Associate"),
        "{}",
        aws.roi_note
    );
    // The other figures are still the sources'.
    assert_eq!(aws.cost_usd, Range { min: 300, max: 300 });
    assert_eq!(aws.hours, Range { min: 60, max: 60 });
    assert_eq!(aws.skill_building, Rating::Moderate);
    assert_eq!(aws.in_job_requirements, "sometimes");
}

#[test]
fn seed_bootcamp_roi_is_low_and_often_poor() {
    let bootcamp = one("bootcamp");
    assert!(bootcamp.from_seeds);
    assert_eq!(bootcamp.roi, Rating::Low);
    assert!(bootcamp.roi_note.contains("poor"), "{}", bootcamp.roi_note);
    assert_eq!(bootcamp.hiring_signal, Rating::Low);
    assert_eq!(
        bootcamp.cost_usd,
        Range {
            min: 10_000,
            max: 20_000
        }
    );
    assert_eq!(bootcamp.months, Some(Range { min: 3, max: 6 }));
    assert_eq!(bootcamp.in_job_requirements, "never");
}

#[test]
fn seed_coursera_specialization_is_good_for_learning_poor_as_a_credential() {
    let coursera = one("deeplearning-ai");
    assert!(coursera.from_seeds);
    assert!(
        coursera.roi_note.contains("good for learning"),
        "{}",
        coursera.roi_note
    );
    assert!(coursera.roi_note.contains("poor"), "{}", coursera.roi_note);
    assert!(coursera.skill_building >= Rating::Good);
    assert_eq!(coursera.hiring_signal, Rating::Low);
    assert_eq!(coursera.months, Some(Range { min: 3, max: 6 }));
    assert_eq!(coursera.in_job_requirements, "rarely");
}

#[test]
fn seed_roi_order_project_then_coursera_then_bootcamp() {
    let rows = compare(
        kb(),
        &ids(&["bootcamp", "deeplearning-ai", "portfolio-project"]),
    )
    .unwrap();
    let ratings: Vec<Rating> = rows.iter().map(|r| r.roi).collect();
    assert!(
        ratings.windows(2).all(|w| w[0] < w[1]),
        "bootcamp < coursera < project: {ratings:?}"
    );
}

#[test]
fn a_duplicate_id_is_an_error_naming_it() {
    let err = compare(kb(), &ids(&["fast-ai", "fast-ai"])).unwrap_err();
    assert_eq!(
        err,
        CompareError::Duplicate {
            id: "fast-ai".to_owned()
        }
    );
    assert!(err.to_string().contains("fast-ai"));
}

#[test]
fn every_roi_line_of_the_seeds_is_used_for_its_entry() {
    for figure in &kb().evaluation.roi {
        let row = one(&figure.id);
        assert_eq!(row.name, figure.label, "{}", figure.id);
        if row.retired_on.is_some() {
            assert_eq!(row.roi, Rating::None, "{}", figure.id);
            continue;
        }
        assert!(row.from_seeds, "{}", figure.id);
        assert_eq!(row.roi, figure.roi, "{}", figure.id);
        assert_eq!(row.name, figure.label, "{}", figure.id);
    }
}

#[test]
fn the_comparison_keeps_the_order_given() {
    let order = ["portfolio-project", "gcp-ml-engineer", "fast-ai"];
    let rows = compare(kb(), &ids(&order)).unwrap();
    let got: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(got, order);
}

#[test]
fn entries_without_a_seed_line_are_estimated_and_say_so() {
    let gcp = one("gcp-ml-engineer");
    assert!(!gcp.from_seeds);
    assert!(gcp.roi_note.contains("estimate"), "{}", gcp.roi_note);
    let entry = kb().entry("gcp-ml-engineer").unwrap();
    assert_eq!(gcp.roi, estimated_roi(entry));
    assert_eq!(gcp.cost_usd, entry.cost_usd);
    assert_eq!(gcp.hours, entry.prep_hours);
}

#[test]
fn estimates_follow_the_seeds_direction() {
    // A tier-4 certificate never estimates above a hands-on project or a cloud certification.
    let unaccredited = one("unaccredited-ai-cert");
    let expensive = one("expensive-unrecognized-cert");
    let cloud_project = one("cloud-project");
    let gcp = one("gcp-ml-engineer");
    for low in [&unaccredited, &expensive] {
        assert!(low.roi <= Rating::Low, "{}: {:?}", low.id, low.roi);
        assert!(low.roi < gcp.roi && low.roi < cloud_project.roi);
    }
    assert!(cloud_project.roi >= gcp.roi);
}

#[test]
fn every_catalog_entry_can_be_compared() {
    let all: Vec<String> = kb().catalog.entries.iter().map(|e| e.id.clone()).collect();
    let rows = compare(kb(), &all).unwrap();
    assert_eq!(rows.len(), all.len());
    for r in &rows {
        assert!(r.cost_usd.min <= r.cost_usd.max, "{}", r.id);
        assert!(!r.roi_note.is_empty() && !r.in_job_requirements.is_empty());
    }
}

#[test]
fn a_users_own_entry_can_be_compared_once_merged() {
    let facts = Facts {
        name: "My Evaluated Cert".to_owned(),
        provider_known: Some(true),
        cost_usd: Some(400),
        prep_hours: Some(50),
        practical: Some(true),
        ..Facts::default()
    };
    let e = entry_from(
        &facts,
        &evaluate(kb(), &facts),
        jiff::civil::date(2026, 11, 1),
    );
    let (kb2, problems) = merged(kb(), std::slice::from_ref(&e));
    assert!(problems.is_empty(), "{problems:?}");
    let rows = compare(&kb2, &[e.id.clone(), "portfolio-project".to_owned()]).unwrap();
    assert_eq!(rows[0].name, "My Evaluated Cert");
    assert!(!rows[0].from_seeds);
    assert_eq!(rows[0].cost_usd, Range { min: 400, max: 400 });
    assert!(rows[1].roi > rows[0].roi);
    // Before merging, the same id is unknown.
    assert!(compare(kb(), &[e.id, "portfolio-project".to_owned()]).is_err());
}

#[test]
fn an_unknown_id_is_an_error_naming_it_and_the_valid_ids() {
    let err = compare(kb(), &ids(&["portfolio-project", "aws-ml-speciality"])).unwrap_err();
    match &err {
        CompareError::UnknownId { id, valid } => {
            assert_eq!(id, "aws-ml-speciality");
            assert!(valid.contains("aws-ml-specialty"), "{valid}");
        }
        CompareError::TooFew | CompareError::Duplicate { .. } => panic!("{err:?}"),
    }
    let message = err.to_string();
    assert!(message.contains("aws-ml-speciality") && message.contains("valid ids"));
    assert!(!message.contains('\n'));
}

#[test]
fn fewer_than_two_ids_is_an_error() {
    assert_eq!(compare(kb(), &[]), Err(CompareError::TooFew));
    assert_eq!(
        compare(kb(), &ids(&["portfolio-project"])),
        Err(CompareError::TooFew)
    );
    assert!(CompareError::TooFew.to_string().contains("two"));
}

#[test]
fn fewer_than_two_is_reported_before_unknown_ids() {
    assert_eq!(compare(kb(), &ids(&["nope"])), Err(CompareError::TooFew));
}

#[test]
fn comparison_serialises_to_json_with_every_column() {
    let rows = compare(kb(), &ids(&["aws-ml-specialty", "portfolio-project"])).unwrap();
    let v = serde_json::to_value(&rows).unwrap();
    for key in [
        "id",
        "name",
        "cost_usd",
        "hours",
        "skill_building",
        "hiring_signal",
        "roi",
        "roi_note",
    ] {
        assert!(v[0].get(key).is_some(), "missing {key}: {v}");
    }
    assert_eq!(v[1]["roi"], "high");
}

// ---------------------------------------------------------------------------
// A plan's own comparison (`b` on the plan screen)
// ---------------------------------------------------------------------------

fn default_plan() -> certwise::advisor::Plan {
    certwise::advisor::plan(kb(), &certwise::interview::Answers::new()).unwrap()
}

#[test]
fn a_plan_compares_its_scheduled_study_items_with_its_first_project_at_its_own_figures() {
    use certwise::advisor::Track;
    use certwise::compare::plan_comparison;
    let plan = default_plan();
    let rows = plan_comparison(kb(), &plan);
    let study: Vec<_> = plan
        .timeline
        .iter()
        .filter(|s| s.track == Track::Study)
        .collect();
    let project = plan
        .timeline
        .iter()
        .find(|s| s.track == Track::Build && s.brief.is_some())
        .unwrap();
    assert!(!study.is_empty(), "the default plan schedules a course");
    assert_eq!(rows.len(), study.len() + 1);
    for (row, step) in rows.iter().zip(study.iter().copied().chain([project])) {
        assert_eq!(row.id, step.id);
        assert_eq!(row.name, step.title);
        assert_eq!(
            row.hours,
            Range {
                min: step.hours,
                max: step.hours
            }
        );
        assert_eq!(row.cost_usd, step.cost_usd);
        assert_eq!(row.cost_unknown, step.cost_unknown);
        assert!(row.months.is_none());
    }
    // The plan's hours differ from the catalog's (a plan gives a course the hours it needs).
    let catalog = compare(kb(), &ids(&[&project.id, &study[0].id])).unwrap();
    assert_ne!(
        (rows.last().unwrap().hours, &rows.last().unwrap().name),
        (catalog[0].hours, &catalog[0].name)
    );
}

#[test]
fn a_plan_step_whose_cost_is_not_known_stays_not_known() {
    use certwise::advisor::Track;
    let mut plan = default_plan();
    let step = plan
        .timeline
        .iter_mut()
        .find(|s| s.track == Track::Study)
        .unwrap();
    step.cost_unknown = true;
    let id = step.id.clone();
    let rows = certwise::compare::plan_comparison(kb(), &plan);
    let row = rows.iter().find(|r| r.id == id).unwrap();
    assert!(row.cost_unknown);
}

#[test]
fn a_plan_without_a_scheduled_course_compares_its_best_ranked_one() {
    use certwise::advisor::Track;
    let mut plan = default_plan();
    plan.timeline.retain(|s| s.track == Track::Build);
    let rows = certwise::compare::plan_comparison(kb(), &plan);
    let best = plan
        .recommendations
        .iter()
        .find(|r| r.kind.is_study())
        .unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].id, best.id);
    assert_eq!(rows[0].hours, best.prep_hours);
    assert_eq!(rows[0].cost_unknown, best.cost_unknown);
}
