//! The advisor: from answers to a scored, explained plan. Pure: no terminal, no files.

use serde::{Deserialize, Serialize};

use crate::interview::{Answers, Resolved};
use crate::knowledge::{Kind, Knowledge, Platform, Range, Strategy};

pub mod fit;
pub mod score;
pub mod signals;
pub mod split;
pub mod timeline;

/// One line of an explanation: points and a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Factor {
    pub points: i32,
    pub text: String,
}

impl Factor {
    pub fn new(points: i32, text: impl Into<String>) -> Self {
        Factor {
            points,
            text: text.into(),
        }
    }
}

/// Adds up factors and, if the sum leaves 0-100, appends the factor that brings it back, so the
/// factors always add up to the score.
pub fn settle(mut factors: Vec<Factor>) -> (u8, Vec<Factor>) {
    let sum: i32 = factors.iter().map(|f| f.points).sum();
    let clamped = sum.clamp(0, 100);
    if clamped != sum {
        let bound = if sum > 100 { "top" } else { "bottom" };
        factors.push(Factor::new(
            clamped - sum,
            format!("scores stop at {clamped}, the {bound} of the scale"),
        ));
    }
    (u8::try_from(clamped).unwrap_or(0), factors)
}

/// A question and the value that counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerRef {
    pub question: String,
    pub value: String,
}

/// The strategy chosen and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChosenStrategy {
    pub id: String,
    pub name: String,
    pub summary: String,
    /// The answers its rule looked at.
    pub decided_by: Vec<AnswerRef>,
    pub steps: Vec<String>,
    /// One sentence per step: where the timeline carries it out, or why it does not.
    #[serde(default)]
    pub step_notes: Vec<String>,
}

/// The build/study split.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Split {
    pub build_percent: u8,
    pub study_percent: u8,
    pub build_hours_per_week: u32,
    pub study_hours_per_week: u32,
    /// Why the split is what it is, starting from the 80/20 default.
    pub reasons: Vec<Factor>,
    /// The study share the strategy and answers call for, before whole hours (the course's
    /// time box uses it).
    #[serde(default)]
    pub planned_study_percent: u8,
    /// Hours the timeline schedules in all, on each track.
    #[serde(default)]
    pub build_hours_total: u32,
    #[serde(default)]
    pub study_hours_total: u32,
}

/// A scored catalog entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recommendation {
    pub id: String,
    pub name: String,
    pub kind: Kind,
    pub score: u8,
    /// `active` (retired entries are never recommended).
    pub status: String,
    pub cost_usd: Range,
    pub prep_hours: Range,
    /// The cost is not known (an entry you evaluated without it): `cost_usd` means nothing.
    #[serde(default)]
    pub cost_unknown: bool,
    /// The preparation hours are not known: `prep_hours` means nothing.
    #[serde(default)]
    pub hours_unknown: bool,
    pub reasons: Vec<Factor>,
    /// The cheapest route's lowest cost (a free audit counts as 0): the tie rule's first key.
    #[serde(default)]
    pub route_cost_min: u32,
}

/// Something to stay away from, with the reasons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Avoid {
    pub id: String,
    pub name: String,
    pub reasons: Vec<String>,
    /// What to take instead, for retired certifications.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instead: Option<String>,
    /// Not bad in itself, but not for this person now (another platform, needs experience, over
    /// budget...): the reason says why.
    #[serde(default)]
    pub not_for_you_now: bool,
}

/// One of the three things that get people hired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signal {
    pub score: u8,
    pub reasons: Vec<Factor>,
}

/// Where the plan leaves the person on the three hiring signals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signals {
    /// Understanding the basics.
    pub basics: Signal,
    /// Having built something real.
    pub built: Signal,
    /// Communicating it clearly.
    pub communication: Signal,
}

/// When in the plan a step falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    First,
    Next,
    Later,
}

impl Phase {
    pub fn label(self) -> &'static str {
        match self {
            Phase::First => "First",
            Phase::Next => "Next",
            Phase::Later => "Later",
        }
    }
}

/// Which share of the weekly hours a step uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Track {
    Build,
    Study,
}

impl Track {
    pub fn label(self) -> &'static str {
        match self {
            Track::Build => "build",
            Track::Study => "study",
        }
    }
}

/// A step of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub phase: Phase,
    /// The catalog entry.
    pub id: String,
    pub title: String,
    pub track: Track,
    /// 1-based, inclusive.
    pub start_week: u32,
    pub end_week: u32,
    pub hours: u32,
    /// Unique within the plan: the brief's id for a project, else the catalog id.
    #[serde(default)]
    pub key: String,
    /// The project brief, for project steps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brief: Option<String>,
    /// The problem the project solves.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
    /// The project's milestones, in order; the last is a write-up or demo.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<crate::knowledge::Milestone>,
    /// How it is paid for: "free audit: ...", "USD 49 a month for 3 months", "exam fee USD 150".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route: Option<String>,
    /// What this step costs by that route.
    #[serde(default)]
    pub cost_usd: Range,
    #[serde(default)]
    pub cost_unknown: bool,
}

/// The whole timeline's cost against the budget (each recommendation also says when it alone is
/// over budget).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Budget {
    pub budget_usd: u32,
    /// The scheduled steps' costs added up (a portfolio project scheduled three times counts
    /// three times).
    pub timeline_cost_usd: Range,
    /// Whether even the highest total stays within the budget.
    pub within_budget: bool,
    /// Scheduled steps whose cost is not known, so not in the total.
    #[serde(default)]
    pub cost_unknown: Vec<String>,
    /// The same, in one plain sentence.
    pub note: String,
}

/// A complete plan. Serialized as the JSON of `certwise plan --format json` and inside saved plans.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// The knowledge-base version the plan was computed with.
    pub knowledge_version: String,
    pub strategy: ChosenStrategy,
    pub split: Split,
    /// Highest score first.
    pub recommendations: Vec<Recommendation>,
    pub avoid: Vec<Avoid>,
    pub signals: Signals,
    pub timeline: Vec<Step>,
    /// What the timeline leaves out or takes long for, said plainly (its length when it runs past
    /// half a year, steps beyond the first year, internships to apply for while building).
    #[serde(default)]
    pub timeline_notes: Vec<String>,
    /// What the whole timeline costs against the budget.
    #[serde(default)]
    pub budget: Budget,
    /// The person's own job postings, when the plan weighed them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postings_evidence: Option<EvidenceUsed>,
    /// Questions that were asked but not answered, with the default used.
    pub assumed: Vec<AnswerRef>,
    /// Every asked question's value, given or assumed.
    pub answers: Vec<AnswerRef>,
}

impl Plan {
    /// The answer given or assumed for a question.
    pub fn answer(&self, question: &str) -> Option<&str> {
        self.answers
            .iter()
            .find(|a| a.question == question)
            .map(|a| a.value.as_str())
    }

    /// Whether the person stays in their job (a promotion, productivity, understanding), so
    /// the three signals are about showing skill at work, not about being hired.
    pub fn stays_in_job(&self) -> bool {
        self.answer("role") != Some("student")
            && matches!(
                self.answer("goal"),
                Some("promotion" | "productivity" | "learn-concepts")
            )
    }

    /// What the three signals are called for this person: "Hiring signals" for someone looking
    /// for a job, "Skill signals" for someone staying in theirs.
    pub fn signals_heading(&self) -> &'static str {
        if self.stays_in_job() {
            "Skill signals"
        } else {
            "Hiring signals"
        }
    }
}

/// Why no plan could be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AdviceError {
    #[error("no strategy matches these answers; the knowledge base has a gap")]
    NoStrategy,
}

/// Picks the first strategy whose rule holds.
///
/// # Errors
/// No strategy matches (the knowledge-base tests rule this out for every path).
pub fn choose_strategy<'k>(resolved: &Resolved<'k>) -> Result<&'k Strategy, AdviceError> {
    let kb = resolved.knowledge();
    let lookup = resolved.lookup();
    kb.strategies
        .strategies
        .iter()
        .find(|s| s.select_if.holds(&lookup))
        .ok_or(AdviceError::NoStrategy)
}

/// Makes the plan for a set of answers. The same answers always give the same plan.
///
/// # Errors
/// No strategy matches the answers.
pub fn plan(kb: &Knowledge, answers: &Answers) -> Result<Plan, AdviceError> {
    plan_with(kb, answers, None)
}

/// The person's own job-posting evidence (`certwise postings scan --save`) as the advisor uses
/// it, with the day the plan is made (to call old evidence old).
#[derive(Debug, Clone, Copy)]
pub struct Postings<'e> {
    pub evidence: &'e crate::postings::report::Evidence,
    pub today: jiff::civil::Date,
}

impl Postings<'_> {
    /// The date the postings were scanned.
    pub fn scanned(&self) -> jiff::civil::Date {
        self.evidence
            .scanned
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .date()
    }

    /// More than six months old.
    pub fn is_old(&self) -> bool {
        self.today
            .checked_sub(jiff::Span::new().months(6))
            .is_ok_and(|limit| self.scanned() < limit)
    }

    /// "scanned 2026-11-30", or "scanned 2026-03-01, over six months ago: scan newer postings".
    pub fn when(&self) -> String {
        if self.is_old() {
            format!(
                "scanned {}, over six months ago: scan newer postings",
                self.scanned()
            )
        } else {
            format!("scanned {}", self.scanned())
        }
    }
}

/// What the plan drew from the person's postings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceUsed {
    pub postings: u32,
    pub with_any_certification: u32,
    pub scanned: jiff::civil::Date,
    /// More than six months old when the plan was made.
    pub old: bool,
}

/// [`plan`], weighing the person's own job postings when there is saved evidence.
///
/// # Errors
/// No strategy matches the answers.
pub fn plan_with(
    kb: &Knowledge,
    answers: &Answers,
    postings: Option<Postings<'_>>,
) -> Result<Plan, AdviceError> {
    let resolved = Resolved::new(kb, answers);
    let strategy = choose_strategy(&resolved)?;
    let decided_by = strategy
        .select_if
        .questions()
        .into_iter()
        .filter_map(|q| {
            resolved.answer(q).map(|v| AnswerRef {
                question: q.to_owned(),
                value: v.to_owned(),
            })
        })
        .collect();
    let person = fit::Person::from(&resolved);
    let mut split = split::split(&resolved, strategy);
    let (recommendations, avoid) = score::score_all(&resolved, strategy, &split, &person, postings);
    let over_budget: Vec<(String, String)> = avoid
        .iter()
        .filter(|a| {
            a.not_for_you_now
                && a.reasons
                    .iter()
                    .any(|r| r.contains("more than your budget"))
        })
        .map(|a| (a.id.clone(), a.reasons.join("; ")))
        .collect();
    let inputs = timeline::Inputs {
        kb,
        person: &person,
        strategy,
        recs: &recommendations,
        structured: resolved.is("learning_style", "structured"),
        employer_rewards: match resolved.answer("employer_values_certs") {
            Some("yes") => Some(true),
            Some("no") => Some(false),
            _ => None,
        },
        certs_weigh_more: resolved.is("market", "certs-weigh-more"),
        over_budget,
    };
    let mut laid = timeline::plan(&inputs, &split);
    if laid.totals.1 == 0 && split.study_hours_per_week > 0 {
        // Nothing to study is scheduled: the study hours go to building rather than sit idle.
        split::all_to_building(&mut split);
        laid = timeline::plan(&inputs, &split);
    }
    if let Some(ev) = postings
        && person.platform.is_none()
        && let Some(note) = platform_hint(ev)
    {
        laid.notes.insert(0, note);
    }
    split.build_hours_total = laid.totals.0;
    split.study_hours_total = laid.totals.1;
    let timeline = laid.steps;
    let signals = signals::signals(&resolved, &timeline, kb);
    let to_ref = |q: &str, v: &str| AnswerRef {
        question: q.to_owned(),
        value: v.to_owned(),
    };
    Ok(Plan {
        knowledge_version: kb.version(),
        strategy: ChosenStrategy {
            id: strategy.id.clone(),
            name: strategy.name.clone(),
            summary: strategy.summary.clone(),
            decided_by,
            steps: strategy.steps.iter().map(|s| s.text.clone()).collect(),
            step_notes: laid.step_notes,
        },
        split,
        recommendations,
        avoid,
        signals,
        timeline,
        timeline_notes: laid.notes,
        postings_evidence: postings.map(|ev| EvidenceUsed {
            postings: ev.evidence.postings,
            with_any_certification: ev.evidence.with_any_certification,
            scanned: ev.scanned(),
            old: ev.is_old(),
        }),
        budget: laid.budget,
        assumed: resolved
            .assumed()
            .iter()
            .map(|q| to_ref(q, resolved.value(q)))
            .collect(),
        answers: resolved.asked().map(|(q, v)| to_ref(&q.id, v)).collect(),
    })
}

/// "1 hour", "3 hours": a count with its noun, singular or plural (regular nouns only).
pub fn plural(n: u32, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// "USD 150" or "USD 50-500"; "free" for zero.
pub fn cost_text(cost: Range) -> String {
    if cost.max == 0 {
        "free".to_owned()
    } else {
        format!("USD {cost}")
    }
}

/// The cost of a recommendation as shown: "cost not known" when it is not.
pub fn rec_cost_text(r: &Recommendation) -> String {
    if r.cost_unknown {
        "cost not known".to_owned()
    } else {
        cost_text(r.cost_usd)
    }
}

/// The preparation hours as shown: "40-80 h", or "hours not known".
pub fn rec_hours_text(r: &Recommendation) -> String {
    if r.hours_unknown {
        "hours not known".to_owned()
    } else {
        format!("{} h", r.prep_hours)
    }
}

/// When no platform was given and the person's postings point to one, the plan says so (it does
/// not answer for the person).
fn platform_hint(ev: Postings<'_>) -> Option<String> {
    let total = ev.evidence.postings;
    let mut counts: Vec<(Platform, u32)> = ev.evidence.platforms.clone();
    counts.sort_by_key(|(p, n)| (std::cmp::Reverse(*n), *p));
    let (platform, count) = *counts.first()?;
    let clear_lead = counts.get(1).is_none_or(|(_, next)| *next < count);
    (total > 0 && count * 5 >= total && clear_lead).then(|| {
        format!(
            "Your postings point to {}: {count} of {total} name it ({}). If your target jobs run on it, answer `target_platform={}` and plan again.",
            platform.label(),
            ev.when(),
            platform.as_str()
        )
    })
}
