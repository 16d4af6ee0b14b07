//! The timeline: what to do first, next and later, in weeks, given the hours.

use crate::advisor::{Phase, Recommendation, Split, Step, Track};
use crate::knowledge::{Kind, Knowledge, Strategy};

/// Recommendations scoring at least this make it into the timeline.
pub const TIMELINE_MIN_SCORE: u8 = 50;
const MAX_STUDY_STEPS: usize = 2;
const MAX_BUILD_STEPS: usize = 6;
/// Steps starting after this week are "later".
const NEXT_UNTIL_WEEK: u32 = 12;

/// Lays out the best recommendations on two tracks (build and study) that run side by side, each
/// using its share of the weekly hours. Steps on a track follow each other.
pub fn timeline(
    kb: &Knowledge,
    recs: &[Recommendation],
    split: &Split,
    strategy: &Strategy,
) -> Vec<Step> {
    let good = recs.iter().filter(|r| r.score >= TIMELINE_MIN_SCORE);
    let mut study: Vec<(String, String, u32)> = Vec::new();
    let mut build: Vec<(String, String, u32)> = Vec::new();
    let mut foundational = false;
    for r in good {
        let hours = r.prep_hours.mid().max(1);
        if r.kind.is_study() {
            // One foundational course is enough (seed rule); the scores already say so.
            let is_foundational = kb
                .entry(&r.id)
                .is_some_and(crate::knowledge::Entry::is_foundational_course);
            if study.len() < MAX_STUDY_STEPS && !(is_foundational && foundational) {
                foundational |= is_foundational;
                study.push((r.id.clone(), r.name.clone(), hours));
            }
        } else if r.id == "portfolio-project" {
            for n in 1..=strategy.projects.max(1) {
                build.push((r.id.clone(), format!("{} {n}", r.name), hours));
            }
        } else {
            build.push((r.id.clone(), r.name.clone(), hours));
        }
    }
    if build.is_empty() {
        // Few hours a week can push every project below the cut, but a plan always builds
        // something (the seeds' first rule): take the best of what is left.
        let best = recs
            .iter()
            .find(|r| r.kind == Kind::Project)
            .or_else(|| recs.iter().find(|r| !r.kind.is_study()));
        if let Some(r) = best {
            build.push((r.id.clone(), r.name.clone(), r.prep_hours.mid().max(1)));
        }
    }
    build.truncate(MAX_BUILD_STEPS);
    let (build_h, study_h) = (split.build_hours_per_week, split.study_hours_per_week);
    let mut steps = Vec::new();
    match (build_h, study_h) {
        (0, _) => lay(
            &mut steps,
            study.into_iter().chain(build),
            study_h,
            Track::Study,
        ),
        (_, 0) => lay(
            &mut steps,
            study.into_iter().chain(build),
            build_h,
            Track::Build,
        ),
        _ => {
            lay(&mut steps, study, study_h, Track::Study);
            lay(&mut steps, build, build_h, Track::Build);
        }
    }
    steps.sort_by_key(|s| (s.start_week, s.track == Track::Study, s.end_week));
    steps
}

fn lay(
    steps: &mut Vec<Step>,
    items: impl IntoIterator<Item = (String, String, u32)>,
    per_week: u32,
    track: Track,
) {
    let per_week = per_week.max(1);
    let mut week = 1;
    for (id, title, hours) in items {
        let weeks = hours.div_ceil(per_week).max(1);
        let phase = match week {
            1 => Phase::First,
            w if w <= NEXT_UNTIL_WEEK => Phase::Next,
            _ => Phase::Later,
        };
        steps.push(Step {
            phase,
            id,
            title,
            track,
            start_week: week,
            end_week: week + weeks - 1,
            hours,
        });
        week += weeks;
    }
}
