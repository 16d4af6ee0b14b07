//! The timeline: what to do first, next and later, in weeks, given the hours.

use crate::advisor::score::worth;
use crate::advisor::{Budget, Phase, Recommendation, Split, Step, Track, cost_text, plural};
use crate::knowledge::{Kind, Knowledge, Range, Strategy};

/// Recommendations worth at least this (their score without the slow-pace factor, see
/// [`worth`]) make it into the timeline.
pub const TIMELINE_MIN_SCORE: u8 = 50;
const MAX_STUDY_STEPS: usize = 2;
const MAX_BUILD_STEPS: usize = 6;
/// Steps starting after this week are "later".
const NEXT_UNTIL_WEEK: u32 = 12;
/// A step that takes longer than this many weeks at its track's hours is flagged when scored
/// (see `score::fits_your_hours`), with the same arithmetic as [`weeks_for`].
pub const LONG_STEP_WEEKS: u32 = 26;
/// The timeline plans one year ahead; steps that would start later are named in a note instead.
pub const HORIZON_WEEKS: u32 = 52;

/// The track a catalog kind is done on: courses and certifications are study, everything else
/// is building.
pub fn track_of(kind: Kind) -> Track {
    if kind.is_study() {
        Track::Study
    } else {
        Track::Build
    }
}

/// Whether a kind is scheduled in the weekly hours at all. An internship is work you apply for
/// and do on its own schedule, not something you fit into your spare hours.
pub fn uses_weekly_hours(kind: Kind) -> bool {
    kind != Kind::Experience
}

/// The weekly hours of a track.
pub fn track_hours(split: &Split, track: Track) -> u32 {
    match track {
        Track::Build => split.build_hours_per_week,
        Track::Study => split.study_hours_per_week,
    }
}

/// Weeks a step of `hours` takes at `per_week` hours a week (`None` with no hours at all).
pub fn weeks_for(hours: u32, per_week: u32) -> Option<u32> {
    (per_week > 0).then(|| hours.div_ceil(per_week).max(1))
}

/// The hours the timeline counts for a recommendation: the middle of its range, at least one.
pub fn step_hours(r: &Recommendation) -> u32 {
    r.prep_hours.mid().max(1)
}

/// The timeline, the notes that go with it and what it costs.
pub struct Laid {
    pub steps: Vec<Step>,
    pub notes: Vec<String>,
    pub budget: Budget,
}

fn cost_of<'r>(recs: &'r [Recommendation], id: &str) -> Option<&'r Recommendation> {
    recs.iter().find(|r| r.id == id)
}

/// Leaves out the items whose lowest cost would take the timeline's lowest total over the
/// budget, in order of importance (the best project, then study, then the other building), and
/// names them.
fn keep_within_budget(
    recs: &[Recommendation],
    budget: u32,
    study: &mut Vec<Item>,
    build: &mut Vec<Item>,
) -> Vec<String> {
    let mut spent = 0u32;
    let mut dropped = Vec::new();
    let mut keep = |items: Vec<Item>| -> Vec<Item> {
        items
            .into_iter()
            .filter(|(id, title, _)| {
                let min = cost_of(recs, id)
                    .filter(|r| !r.cost_unknown)
                    .map_or(0, |r| r.cost_usd.min);
                if spent.saturating_add(min) > budget {
                    dropped.push(format!("{title} (USD {min} or more)"));
                    false
                } else {
                    spent += min;
                    true
                }
            })
            .collect()
    };
    let rest = build.split_off(build.len().min(1));
    let first = keep(std::mem::take(build));
    *study = keep(std::mem::take(study));
    let rest = keep(rest);
    *build = first.into_iter().chain(rest).collect();
    dropped
}

/// What the scheduled steps cost together, against the budget, said plainly.
fn budget_of(recs: &[Recommendation], steps: &[Step], budget: u32) -> Budget {
    let (mut min, mut max) = (0u32, 0u32);
    let mut unknown: Vec<String> = Vec::new();
    for s in steps {
        if let Some(r) = cost_of(recs, &s.id) {
            if r.cost_unknown {
                unknown.push(r.name.clone());
                continue;
            }
            min = min.saturating_add(r.cost_usd.min);
            max = max.saturating_add(r.cost_usd.max);
        }
    }
    let cost = Range { min, max };
    let mut note = if max == 0 {
        format!("The timeline costs nothing; your budget is USD {budget}.")
    } else if max <= budget {
        format!(
            "The timeline costs {} in all, within your budget of USD {budget}.",
            cost_text(cost)
        )
    } else {
        format!(
            "The timeline costs {} in all: it can go above your budget of USD {budget}, so check prices before you pay.",
            cost_text(cost)
        )
    };
    if !unknown.is_empty() {
        note = format!(
            "{note} The cost of {} is not known and not counted: check it before you pay.",
            unknown.join(", ")
        );
    }
    Budget {
        budget_usd: budget,
        timeline_cost_usd: cost,
        within_budget: max <= budget && unknown.is_empty(),
        cost_unknown: unknown,
        note,
    }
}

/// Catalog id, title, hours.
pub type Item = (String, String, u32);

/// What the timeline will schedule, best first, and what the budget left out.
pub struct Chosen {
    pub study: Vec<Item>,
    /// Starts with the best project.
    pub build: Vec<Item>,
    /// "Name (USD n or more)" of the items left out for the budget.
    pub over_budget: Vec<String>,
    /// Items worth scheduling whose preparation hours are not known.
    pub hours_unknown: Vec<String>,
}

/// The study and build items the timeline will schedule, best first, within the budget.
pub fn choose(kb: &Knowledge, recs: &[Recommendation], strategy: &Strategy, budget: u32) -> Chosen {
    let hours_unknown: Vec<String> = recs
        .iter()
        .filter(|r| r.hours_unknown && worth(r) >= i32::from(TIMELINE_MIN_SCORE))
        .map(|r| r.name.clone())
        .collect();
    let good: Vec<&Recommendation> = recs
        .iter()
        .filter(|r| !r.hours_unknown)
        .filter(|r| worth(r) >= i32::from(TIMELINE_MIN_SCORE) && uses_weekly_hours(r.kind))
        .collect();
    let mut study: Vec<Item> = Vec::new();
    let mut build: Vec<Item> = Vec::new();
    let mut foundational = false;
    let push_build = |build: &mut Vec<Item>, r: &Recommendation| {
        if r.id == "portfolio-project" {
            for n in 1..=strategy.projects.max(1) {
                build.push((r.id.clone(), format!("{} {n}", r.name), step_hours(r)));
            }
        } else {
            build.push((r.id.clone(), r.name.clone(), step_hours(r)));
        }
    };
    // Your best project comes first, whatever else scores well; a plan always builds something
    // (the first rule of the sources), even when few hours push every project below the cut.
    let best_project = recs.iter().find(|r| r.kind == Kind::Project).or_else(|| {
        recs.iter()
            .find(|r| track_of(r.kind) == Track::Build && uses_weekly_hours(r.kind))
    });
    if let Some(r) = best_project {
        push_build(&mut build, r);
    }
    for r in good {
        if r.kind.is_study() {
            // One foundational course is enough; the scores already say so.
            let is_foundational = kb
                .entry(&r.id)
                .is_some_and(crate::knowledge::Entry::is_foundational_course);
            if study.len() < MAX_STUDY_STEPS && !(is_foundational && foundational) {
                foundational |= is_foundational;
                study.push((r.id.clone(), r.name.clone(), step_hours(r)));
            }
        } else if best_project.is_none_or(|b| b.id != r.id) {
            push_build(&mut build, r);
        }
    }
    build.truncate(MAX_BUILD_STEPS);
    let over_budget = keep_within_budget(recs, budget, &mut study, &mut build);
    Chosen {
        study,
        build,
        over_budget,
        hours_unknown,
    }
}

/// Lays the chosen items out on two tracks (build and study) that run side by side, each at its
/// share of the weekly hours. Steps on a track follow each other; a step that would start after
/// the first year is named in a note instead.
pub fn lay_out(recs: &[Recommendation], chosen: Chosen, split: &Split, budget: u32) -> Laid {
    let Chosen {
        study,
        build,
        over_budget: over,
        hours_unknown,
    } = chosen;
    let mut steps = Vec::new();
    let mut notes = Vec::new();
    if !hours_unknown.is_empty() {
        notes.push(format!(
            "Not scheduled: {}. Its preparation hours are not known, so the timeline cannot place it; find them out and plan again.",
            hours_unknown.join(", ")
        ));
    }
    if !over.is_empty() {
        notes.push(format!(
            "Left out for your budget of USD {budget}: {}. Together with the steps above it would cost more than you can spend.",
            over.join(", ")
        ));
    }
    let mut waiting = Vec::new();
    for (items, track) in [(study, Track::Study), (build, Track::Build)] {
        let per_week = track_hours(split, track);
        if per_week == 0 {
            waiting.extend(items.into_iter().map(|(_, title, _)| title));
            continue;
        }
        lay(&mut steps, &mut waiting, items, per_week, track);
    }
    steps.sort_by_key(|s| (s.start_week, s.track == Track::Study, s.end_week));
    let last = steps.iter().map(|s| s.end_week).max().unwrap_or(0);
    if last > LONG_STEP_WEEKS {
        notes.push(format!(
            "At your hours this timeline runs {}, {}: fine if you know it, but more hours a week bring it closer.",
            plural(last, "week"),
            duration_text(last)
        ));
    }
    if !waiting.is_empty() {
        notes.push(format!(
            "Not scheduled yet: {}. At your hours they would start after the first year (or have no hours on their track); take them up once the steps above are done.",
            waiting.join(", ")
        ));
    }
    let apply: Vec<&str> = recs
        .iter()
        .filter(|r| worth(r) >= i32::from(TIMELINE_MIN_SCORE) && !uses_weekly_hours(r.kind))
        .map(|r| r.name.as_str())
        .collect();
    if !apply.is_empty() {
        notes.push(format!(
            "Apply while you build: {}. It is work with its own schedule, so it is not counted in your weekly hours; your first project is what you show when you apply.",
            apply.join(", ")
        ));
    }
    let budget = budget_of(recs, &steps, budget);
    Laid {
        steps,
        notes,
        budget,
    }
}

/// "about 7 months" or "about 2.5 years".
fn duration_text(weeks: u32) -> String {
    if weeks < 78 {
        let months = (weeks * 12).div_ceil(52);
        format!("about {}", plural(months, "month"))
    } else {
        let tenths = (weeks * 10 + 26) / 52;
        format!("about {}.{} years", tenths / 10, tenths % 10)
    }
}

fn lay(
    steps: &mut Vec<Step>,
    waiting: &mut Vec<String>,
    items: Vec<Item>,
    per_week: u32,
    track: Track,
) {
    let mut week = 1;
    for (id, title, hours) in items {
        if week > HORIZON_WEEKS {
            waiting.push(title);
            continue;
        }
        let weeks = weeks_for(hours, per_week).unwrap_or(1);
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
