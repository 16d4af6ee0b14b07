//! The build-versus-study split: 80/20 by default, moved by the strategy and a few answers.

use crate::advisor::{Factor, Split};
use crate::interview::Resolved;
use crate::knowledge::Strategy;

/// Computes the split. The reasons' points are percentage points of build time and add up to
/// `build_percent`; the hours add up to `hours_per_week`.
pub fn split(resolved: &Resolved<'_>, strategy: &Strategy) -> Split {
    let rules = &resolved.knowledge().strategies;
    let default = i32::from(rules.default_build_percent);
    let mut reasons = vec![Factor::new(
        default,
        format!(
            "{default}% building is the default: most effort should go into making things, {}% into study",
            100 - default
        ),
    )];
    let delta = i32::from(strategy.build_percent) - default;
    if delta != 0 {
        let why = strategy
            .split_reason
            .clone()
            .unwrap_or_else(|| format!("the {} strategy", strategy.name));
        reasons.push(Factor::new(delta, why));
    }
    let lookup = resolved.lookup();
    for adjustment in &rules.adjustments {
        if adjustment.when.holds(&lookup) {
            reasons.push(Factor::new(
                i32::from(adjustment.build_delta),
                adjustment.reason.clone(),
            ));
        }
    }
    let sum: i32 = reasons.iter().map(|f| f.points).sum();
    let (lo, hi) = (
        i32::from(rules.min_build_percent),
        i32::from(rules.max_build_percent),
    );
    let build = sum.clamp(lo, hi);
    if build != sum {
        reasons.push(Factor::new(
            build - sum,
            format!("kept between {lo}% and {hi}% building: neither side should vanish"),
        ));
    }
    let planned = u8::try_from(build).unwrap_or(80);
    let hours = resolved.number("hours_per_week");
    let mut build_hours = (hours * u32::from(planned) + 50) / 100;
    // Rounding must not leave study with no hour at all when there are two to share.
    if hours >= 2 && build_hours == hours {
        build_hours -= 1;
    }
    // The split shown is the hours scheduled: its percentages come from the whole hours, and
    // when whole hours move it from the planned share, a reason says so.
    let shown = (build_hours * 100 + hours / 2)
        .checked_div(hours)
        .and_then(|p| u8::try_from(p).ok())
        .unwrap_or(planned);
    if shown != planned {
        reasons.push(Factor::new(
            i32::from(shown) - i32::from(planned),
            format!(
                "in whole hours: {} of your {} a week is {shown}%",
                crate::advisor::plural(build_hours, "hour"),
                crate::advisor::plural(hours, "hour")
            ),
        ));
    }
    Split {
        build_percent: shown,
        study_percent: 100 - shown,
        build_hours_per_week: build_hours,
        study_hours_per_week: hours - build_hours,
        reasons,
        planned_study_percent: 100 - planned,
        build_hours_total: 0,
        study_hours_total: 0,
    }
}

/// Gives the study hours to building, saying why: used when nothing to study scores high enough
/// to be scheduled, so the hours do not sit idle on an empty track.
pub fn all_to_building(split: &mut Split) {
    if split.study_percent > 0 {
        split.reasons.push(Factor::new(
            i32::from(split.study_percent),
            format!(
                "nothing to study is in the plan (see the strategy's steps for why), so the study time ({} a week) goes to building",
                crate::advisor::plural(split.study_hours_per_week, "hour")
            ),
        ));
    }
    split.build_percent = 100;
    split.study_percent = 0;
    split.build_hours_per_week += split.study_hours_per_week;
    split.study_hours_per_week = 0;
}
