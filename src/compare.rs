//! Build versus certify: cost, time, skill building, hiring signal and return on investment side
//! by side, following the ROI analysis of the source articles. Pure. A retired certification's ROI
//! is none, whatever the sources once said: it can no longer be taken, so its successor is named.

use serde::{Deserialize, Serialize};

use crate::knowledge::{Entry, Knowledge, Range, Rating, Status};

/// One column of the comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Compared {
    pub id: String,
    pub name: String,
    pub kind: crate::knowledge::Kind,
    pub cost_usd: Range,
    pub hours: Range,
    /// Months, where the sources measure it in months.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub months: Option<Range>,
    pub in_job_requirements: String,
    pub skill_building: Rating,
    pub hiring_signal: Rating,
    pub roi: Rating,
    pub roi_note: String,
    /// Whether the ROI line is the sources' own figure or certwise's estimate from the ratings.
    pub from_seeds: bool,
    /// When a retired certification was retired; its ROI is then none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retired_on: Option<jiff::civil::Date>,
    /// A retired certification's successor, by id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub successor: Option<String>,
    /// The cost is not known (the range is a placeholder, not "free").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cost_unknown: bool,
    /// The hours are not known (the range is a placeholder).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hours_unknown: bool,
}

/// Why a comparison could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CompareError {
    #[error("unknown catalog id `{id}`; valid ids: {valid}")]
    UnknownId { id: String, valid: String },
    #[error("compare needs at least two ids")]
    TooFew,
    #[error("`{id}` is given twice; compare needs different ids")]
    Duplicate { id: String },
}

/// Compares catalog entries, in the order given.
///
/// # Errors
/// An id that is not in the catalog, an id given twice, or fewer than two ids.
pub fn compare(kb: &Knowledge, ids: &[String]) -> Result<Vec<Compared>, CompareError> {
    if ids.len() < 2 {
        return Err(CompareError::TooFew);
    }
    if let Some((_, id)) = ids
        .iter()
        .enumerate()
        .find(|(i, id)| ids[..*i].contains(id))
    {
        return Err(CompareError::Duplicate { id: id.clone() });
    }
    ids.iter()
        .map(|id| {
            kb.entry(id)
                .map(|e| compared(kb, e))
                .ok_or_else(|| CompareError::UnknownId {
                    id: id.clone(),
                    valid: kb
                        .catalog
                        .entries
                        .iter()
                        .map(|e| e.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                })
        })
        .collect()
}

/// One entry's comparison line: the sources' figures where they give them, else derived; a
/// retired certification's ROI is none, with its successor named.
pub fn compared(kb: &Knowledge, e: &Entry) -> Compared {
    let line = figures(kb, e);
    match &e.status {
        Status::Retired { on, successor } => {
            let name = kb
                .entry(successor)
                .map_or(successor.as_str(), |s| s.name.as_str());
            Compared {
                roi: Rating::None,
                roi_note: format!("retired on {on}; take its successor, {name}, instead"),
                from_seeds: false,
                retired_on: Some(*on),
                successor: Some(successor.clone()),
                ..line
            }
        }
        Status::Closed { on } => Compared {
            roi: Rating::None,
            roi_note: format!("closed on {on}, with no successor"),
            from_seeds: false,
            retired_on: Some(*on),
            successor: None,
            ..line
        },
        _ => line,
    }
}

fn figures(kb: &Knowledge, e: &Entry) -> Compared {
    if let Some(r) = kb.evaluation.roi.iter().find(|r| r.id == e.id) {
        return Compared {
            id: e.id.clone(),
            name: r.label.clone(),
            kind: e.kind,
            cost_usd: r.cost_usd,
            hours: r.hours.unwrap_or(e.prep_hours),
            months: r.months,
            in_job_requirements: r.in_job_requirements.clone(),
            skill_building: r.skill_building,
            hiring_signal: r.hiring_signal,
            roi: r.roi,
            roi_note: r.roi_note.clone(),
            from_seeds: true,
            retired_on: None,
            successor: None,
            cost_unknown: false,
            hours_unknown: r.hours.is_none() && e.hours_unknown,
        };
    }
    let roi = estimated_roi(e);
    Compared {
        id: e.id.clone(),
        name: e.name.clone(),
        kind: e.kind,
        cost_usd: e.cost_usd,
        hours: e.prep_hours,
        months: None,
        in_job_requirements: match (e.postings_percent, e.hiring_signal) {
            (Some(p), _) => format!("about {p}% of postings"),
            (None, Rating::High | Rating::Good) => "valued by employers".to_owned(),
            (None, Rating::Moderate) => "sometimes".to_owned(),
            (None, _) => "rarely".to_owned(),
        },
        skill_building: e.skill_building,
        hiring_signal: e.hiring_signal,
        roi,
        roi_note: format!(
            "certwise's estimate from skill building, hiring signal and cost: {}",
            roi.as_str()
        ),
        from_seeds: false,
        retired_on: None,
        successor: None,
        cost_unknown: e.cost_unknown,
        hours_unknown: e.hours_unknown,
    }
}

/// A plan's own build versus certify: the certifications and courses its timeline schedules
/// (or, when it schedules none, its best-ranked one) beside its first project, each with the
/// hours and cost the plan gives it (a free audit costs 0, a cost not known stays not known).
/// The ratings are the catalog's. Without a scheduled project, a portfolio project's usual
/// figures stand in; empty when the plan has no certification or course at all.
pub fn plan_comparison(kb: &Knowledge, plan: &crate::advisor::Plan) -> Vec<Compared> {
    use crate::advisor::Track;
    let step = |s: &crate::advisor::Step| {
        kb.entry(&s.id).map(|e| Compared {
            name: s.title.clone(),
            cost_usd: s.cost_usd,
            cost_unknown: s.cost_unknown,
            hours: Range {
                min: s.hours,
                max: s.hours,
            },
            hours_unknown: false,
            months: None,
            ..compared(kb, e)
        })
    };
    let mut study: Vec<Compared> = plan
        .timeline
        .iter()
        .filter(|s| s.track == Track::Study && kb.entry(&s.id).is_some_and(|e| e.kind.is_study()))
        .filter_map(step)
        .collect();
    if study.is_empty() {
        study.extend(
            plan.recommendations
                .iter()
                .find(|r| r.kind.is_study())
                .and_then(|r| {
                    kb.entry(&r.id).map(|e| Compared {
                        cost_usd: r.cost_usd,
                        cost_unknown: r.cost_unknown,
                        hours: r.prep_hours,
                        hours_unknown: r.hours_unknown,
                        months: None,
                        ..compared(kb, e)
                    })
                }),
        );
    }
    let project = plan
        .timeline
        .iter()
        .find(|s| s.track == Track::Build && s.brief.is_some())
        .and_then(step)
        // No project scheduled: a portfolio project's usual figures.
        .or_else(|| kb.entry("portfolio-project").map(|e| compared(kb, e)));
    match project {
        Some(p) if !study.is_empty() => study.into_iter().chain([p]).collect(),
        _ => Vec::new(),
    }
}

/// ROI from the ratings, stepped down for price: what the sources' own figures do by hand.
pub fn estimated_roi(e: &Entry) -> Rating {
    let value = u16::from(e.skill_building.percent()) + u16::from(e.hiring_signal.percent());
    let mut steps: u8 = match value {
        175.. => 4,
        125.. => 3,
        75.. => 2,
        25.. => 1,
        _ => 0,
    };
    if e.cost_usd.min >= 5000 {
        steps = steps.saturating_sub(2);
    } else if e.cost_usd.min >= 1000 {
        steps = steps.saturating_sub(1);
    }
    [
        Rating::None,
        Rating::Low,
        Rating::Moderate,
        Rating::Good,
        Rating::High,
    ][usize::from(steps.min(4))]
}
