//! Build versus certify: cost, time, skill building, hiring signal and return on investment side
//! by side, following the seeds' ROI analysis. Pure.

use serde::{Deserialize, Serialize};

use crate::knowledge::{Entry, Knowledge, Range, Rating};

/// One column of the comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Compared {
    pub id: String,
    pub name: String,
    pub kind: crate::knowledge::Kind,
    pub cost_usd: Range,
    pub hours: Range,
    /// Months, where the seeds measure it in months.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub months: Option<Range>,
    pub in_job_requirements: String,
    pub skill_building: Rating,
    pub hiring_signal: Rating,
    pub roi: Rating,
    pub roi_note: String,
    /// Whether the ROI line is the seeds' own figure or certwise's estimate from the ratings.
    pub from_seeds: bool,
}

/// Why a comparison could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CompareError {
    #[error("unknown catalog id `{id}`; valid ids: {valid}")]
    UnknownId { id: String, valid: String },
    #[error("compare needs at least two ids")]
    TooFew,
}

/// Compares catalog entries, in the order given.
///
/// # Errors
/// An id that is not in the catalog, or fewer than two ids.
pub fn compare(kb: &Knowledge, ids: &[String]) -> Result<Vec<Compared>, CompareError> {
    if ids.len() < 2 {
        return Err(CompareError::TooFew);
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

/// One entry's comparison line: the seeds' figures where they give them, else derived.
pub fn compared(kb: &Knowledge, e: &Entry) -> Compared {
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
    }
}

/// ROI from the ratings, stepped down for price: what the seeds' own figures do by hand.
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
