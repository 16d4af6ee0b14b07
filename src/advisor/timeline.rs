//! The timeline: what to do first, next and later, in weeks, given the hours.

use crate::advisor::score::worth;
use crate::advisor::{Phase, Recommendation, Split, Step, Track, plural};
use crate::knowledge::{Kind, Knowledge, Strategy};

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

/// The timeline and the notes that go with it.
pub struct Laid {
    pub steps: Vec<Step>,
    pub notes: Vec<String>,
}

type Item = (String, String, u32);

/// The study and build items the timeline would like to schedule, best first; the build list
/// starts with the best project.
pub fn choose(
    kb: &Knowledge,
    recs: &[Recommendation],
    strategy: &Strategy,
) -> (Vec<Item>, Vec<Item>) {
    let good: Vec<&Recommendation> = recs
        .iter()
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
    (study, build)
}

/// Lays the chosen items out on two tracks (build and study) that run side by side, each at its
/// share of the weekly hours. Steps on a track follow each other; a step that would start after
/// the first year is named in a note instead.
pub fn lay_out(recs: &[Recommendation], study: Vec<Item>, build: Vec<Item>, split: &Split) -> Laid {
    let mut steps = Vec::new();
    let mut notes = Vec::new();
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
    Laid { steps, notes }
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
