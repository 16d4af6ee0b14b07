//! "Evaluate any certification": the sources' five questions and red flags applied to facts the
//! person gives. Pure. A fact not given is unknown, and the result says so instead of guessing;
//! with too little known there is no tier at all. A name that is a retired catalog entry fails
//! "is it up to date" and sends the person to its successor.

use serde::{Deserialize, Serialize};

use crate::knowledge::{Entry, Knowledge, Rating, RedFlag, Status, name_key};

/// Postings share at or above which a certification counts as clearly recognised.
const RECOGNISED_PERCENT: f32 = 1.0;
/// With no red flag, fewer answered questions than this is too little to judge.
const MIN_KNOWN: usize = 3;
/// Content older than this is out of date (seed: more than two years).
const MAX_AGE_YEARS: f32 = 2.0;
/// Preparation this short means "completion in days".
pub(crate) const DAYS_HOURS: u32 = 16;
/// Red flags that alone mark limited value (tier 3) rather than low or no value (tier 4).
const CAUTIONARY: [RedFlag; 2] = [RedFlag::NoPracticalComponent, RedFlag::OutdatedContent];

/// The most a fee can be, in US dollars: more is a typing mistake. The command line and the
/// evaluate screen both refuse more.
pub const MAX_USD: u32 = 10_000_000;
/// The most preparation hours can be.
pub const MAX_HOURS: u32 = 100_000;
/// The oldest content can be, in years.
pub const MAX_CONTENT_AGE: f32 = 100.0;
/// The most a share of postings can be, in percent.
pub const MAX_PERCENT: f32 = 100.0;

/// Claims a provider makes that the seeds list as red flags.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "kebab-case")]
pub enum Claim {
    /// "Guaranteed job placement."
    GuaranteedJob,
    /// "No technical background needed" for a technical certificate.
    NoBackgroundNeeded,
    /// "Complete in days."
    DaysToComplete,
}

impl Claim {
    /// The claim, in the provider's words.
    pub fn label(self) -> &'static str {
        match self {
            Claim::GuaranteedJob => "guaranteed job placement",
            Claim::NoBackgroundNeeded => "no technical background needed",
            Claim::DaysToComplete => "completion in days",
        }
    }
}

/// What the person knows about a certification. `None` is unknown.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Facts {
    pub name: String,
    pub provider_known: Option<bool>,
    pub cost_usd: Option<u32>,
    pub prep_hours: Option<u32>,
    pub practical: Option<bool>,
    pub content_age_years: Option<f32>,
    pub claims: Vec<Claim>,
    pub postings_percent: Option<f32>,
    /// How the sources rate its hiring signal, where they do (filled from the catalog when the
    /// name matches an entry; a person evaluating something new leaves it unknown).
    #[serde(default)]
    pub hiring_signal: Option<Rating>,
    /// It is a proctored exam (which tests knowledge under supervision even without labs).
    #[serde(default)]
    pub proctored_exam: Option<bool>,
    /// The person's own job postings (`certwise postings scan --save`): how many name it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub own_postings: Option<OwnPostings>,
}

/// How many of the person's saved postings name a credential.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnPostings {
    pub named: u32,
    pub required: u32,
    pub total: u32,
    /// "scanned 2026-11-20" (with "over six months ago" when it is).
    pub when: String,
}

/// The answer to one of the five questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Good,
    Weak,
    Bad,
    Unknown,
}

impl Outcome {
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Good => "good",
            Outcome::Weak => "weak",
            Outcome::Bad => "bad",
            Outcome::Unknown => "unknown",
        }
    }
}

/// One of the five questions, answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// The question's id from evaluation.ron (`recognised`, `practical`, ...).
    pub id: String,
    pub question: String,
    pub result: Outcome,
    /// Why, in a sentence.
    pub detail: String,
}

/// A red flag found, with its explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlagFound {
    pub flag: RedFlag,
    pub label: String,
    pub explanation: String,
}

/// The result of an evaluation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    pub name: String,
    /// 1 (worth most) to 4 (low or no value), as in the sources' tier list; `None` (JSON
    /// `null`) when too little is known to judge, and the verdict lists what to find out.
    pub tier: Option<u8>,
    /// One sentence.
    pub verdict: String,
    pub findings: Vec<Finding>,
    pub red_flags: Vec<FlagFound>,
    /// What the same hours would build instead.
    pub instead: String,
    /// Facts that were not given and were treated as unknown, by their command-line names
    /// (`fact_label` words them for people).
    pub unknown: Vec<String>,
    /// When the name is a retired catalog certification: its successor's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub successor: Option<String>,
    /// The catalog entry the name matched, whose facts filled in what was not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalog_id: Option<String>,
}

/// A question's answer: the outcome and why, in a sentence.
type Answer = (Outcome, String);

/// Evaluates a certification from the facts given.
#[allow(
    clippy::too_many_lines,
    reason = "the five questions and the verdict, read in order"
)]
pub fn evaluate(kb: &Knowledge, given: &Facts) -> Verdict {
    let matched = catalog_match(kb, &given.name);
    let filled = matched.map(|e| with_catalog_facts(given, e));
    let facts = filled.as_ref().unwrap_or(given);
    let ev = &kb.evaluation;
    let per_project = ev.project_hours.max(1);
    let mut flags: Vec<RedFlag> = Vec::new();
    let recognised = recognised(facts, ev.postings_mentioning_certs_percent, &mut flags);
    let practical = practical(facts, &mut flags);
    let opportunity = opportunity_cost(facts, per_project, &mut flags);
    let clearly_recognised = recognised.0 == Outcome::Good;
    let total = total_cost(kb, facts, clearly_recognised, &mut flags);
    let name_of = |id: &String| kb.entry(id).map_or_else(|| id.clone(), |s| s.name.clone());
    let retired = matched.and_then(|e| match &e.status {
        Status::Retired { on, successor } => {
            Some((*on, Some(successor.clone()), name_of(successor)))
        }
        Status::Closed { on } => Some((*on, None, String::new())),
        _ => None,
    });
    let current = match (&retired, matched.map(|e| &e.status)) {
        (Some((on, Some(_), name)), _) => (
            Outcome::Bad,
            format!("retired on {on}: it can no longer be taken; its successor is {name}"),
        ),
        (Some((on, None, _)), _) => (
            Outcome::Bad,
            format!("closed on {on}, with no successor: it can no longer be taken"),
        ),
        (None, Some(Status::Retiring { on, successor })) => (
            Outcome::Weak,
            format!(
                "retires on {on}: pass it before then, or take its successor, {}",
                name_of(successor)
            ),
        ),
        (None, Some(Status::Beta)) => (
            Outcome::Weak,
            "in beta: current, but its content and fee may still change".to_owned(),
        ),
        _ => current(facts, &mut flags),
    };
    if facts.claims.contains(&Claim::GuaranteedJob) {
        flags.push(RedFlag::GuaranteedJob);
    }
    if facts.claims.contains(&Claim::NoBackgroundNeeded) {
        flags.push(RedFlag::NoBackgroundNeeded);
    }
    flags.sort();
    flags.dedup();

    let known = [&recognised, &practical, &opportunity, &total, &current]
        .iter()
        .filter(|a| a.0 != Outcome::Unknown)
        .count();
    let unknown = unknown_facts(facts);
    // A retired or closed credential gets no tier: it is not a poor certification, it is one
    // that can no longer be taken, and the verdict says what to take instead.
    let tier = if retired.is_some() || (flags.is_empty() && known < MIN_KNOWN) {
        None
    } else {
        Some(tier(
            &flags,
            clearly_recognised,
            facts.provider_known == Some(true)
                && facts.hiring_signal.is_none_or(|h| h > Rating::None),
            practical.0 != Outcome::Bad && practical.0 != Outcome::Unknown,
            practical.0 == Outcome::Good,
        ))
    };
    let verdict = verdict_text(retired.as_ref(), tier, &unknown);
    let instead = instead_text(facts.prep_hours, per_project);
    let findings = [
        ("recognised", recognised),
        ("practical", practical),
        ("opportunity-cost", opportunity),
        ("total-cost", total),
        ("current", current),
    ]
    .into_iter()
    .map(|(id, (result, detail))| Finding {
        id: id.to_owned(),
        question: ev
            .questions
            .iter()
            .find(|q| q.id == id)
            .map_or_else(|| id.to_owned(), |q| q.question.clone()),
        result,
        detail,
    })
    .collect();
    let red_flags = flags
        .into_iter()
        .map(|flag| {
            let info = ev.red_flags.iter().find(|i| i.flag == flag);
            FlagFound {
                flag,
                label: info.map_or_else(|| format!("{flag:?}"), |i| i.label.clone()),
                explanation: info.map(|i| i.explanation.clone()).unwrap_or_default(),
            }
        })
        .collect();
    Verdict {
        name: facts.name.clone(),
        tier,
        verdict,
        findings,
        red_flags,
        instead,
        unknown,
        successor: retired.and_then(|(_, id, _)| id),
        catalog_id: matched.map(|e| e.id.clone()),
    }
}

/// The facts a catalog entry gives, where the person gave none: the catalog's cost and hours
/// (unless not known), whether its assessment is practical, its status and its rating.
pub fn with_catalog_facts(given: &Facts, e: &Entry) -> Facts {
    let unknown_provider = e.red_flags.contains(&RedFlag::UnknownProvider);
    let mut claims = given.claims.clone();
    for (flag, claim) in [
        (RedFlag::GuaranteedJob, Claim::GuaranteedJob),
        (RedFlag::NoBackgroundNeeded, Claim::NoBackgroundNeeded),
        (RedFlag::DaysToComplete, Claim::DaysToComplete),
    ] {
        if e.red_flags.contains(&flag) && !claims.contains(&claim) {
            claims.push(claim);
        }
    }
    // Content counts as current when the catalog checked it within the year and it is still
    // offered; an entry flagged as outdated is older than the sources' two years.
    let content_age = if e.red_flags.contains(&RedFlag::OutdatedContent) {
        Some(MAX_AGE_YEARS + 1.0)
    } else if e.status.is_retired() {
        None
    } else {
        Some(0.0)
    };
    Facts {
        name: given.name.clone(),
        provider_known: given.provider_known.or(Some(!unknown_provider)),
        cost_usd: given
            .cost_usd
            // The least it costs: where the range is wide (extension certificates), the person
            // can take the cheaper offer.
            .or((!e.cost_unknown).then_some(e.cost_usd.min)),
        prep_hours: given
            .prep_hours
            .or((!e.hours_unknown).then(|| e.prep_hours.mid())),
        practical: given.practical.or(Some(e.practical)),
        content_age_years: given.content_age_years.or(content_age),
        claims,
        postings_percent: given.postings_percent.or(e.postings_percent),
        hiring_signal: given.hiring_signal.or(Some(e.hiring_signal)),
        proctored_exam: given.proctored_exam.or(Some(e.format.is_exam())),
        own_postings: given.own_postings.clone(),
    }
}

/// The one-sentence verdict: the successor for a retired certification, what to find out when
/// too little is known, else the tier's sentence.
fn verdict_text(
    retired: Option<&(jiff::civil::Date, Option<String>, String)>,
    tier: Option<u8>,
    unknown: &[String],
) -> String {
    match (retired, tier) {
        (Some((on, Some(_), name)), _) => {
            format!("Retired on {on}, so it can no longer be taken: take its successor, {name}, instead.")
        }
        (Some((on, None, _)), _) => format!(
            "Closed on {on} with no successor, so it can no longer be taken: show what you can build instead."
        ),
        (None, None) => format!(
            "Cannot be judged yet: too little is known; find out {}.",
            unknown
                .iter()
                .map(|u| fact_label(u))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        (None, Some(1)) => "Worth it when you target the roles and platform it belongs to; pair it with a project.".to_owned(),
        (None, Some(2)) => "Good for learning with a known name; expect little hiring signal, so build with what you learn.".to_owned(),
        (None, Some(3)) => "Limited direct value: fine for learning, but it will not set you apart.".to_owned(),
        (None, Some(_)) => "Avoid it: it shows the red flags of a low-value certification.".to_owned(),
    }
}

/// What the same hours would build instead.
fn instead_text(prep_hours: Option<u32>, per_project: u32) -> String {
    match prep_hours {
        Some(0) => format!(
            "It asks for no preparation, so it costs no project time, and proves little; one substantial portfolio project takes about {per_project} hours."
        ),
        Some(h) if h >= per_project => format!(
            "The same {h} hours would build about {}, which employers weigh more.",
            crate::advisor::plural(h / per_project, "substantial portfolio project")
        ),
        Some(h) => format!(
            "{h} hours is a good start on a portfolio project; one takes about {per_project} hours."
        ),
        None => format!("About {per_project} hours is one substantial portfolio project."),
    }
}

/// The catalog entry a typed name means: its id, its full name, or its exam code (`MLS-C01`),
/// ignoring case and punctuation ("AWS ML Specialty" is `aws-ml-specialty`).
///
/// A whole name matches first (id, official name, exam code or alias, ignoring case, spacing and
/// punctuation: "AI-102", "AI 102" and "ai102" are one); failing that, an exam code written as
/// a word of a longer name ("the MLS-C01 exam").
///
/// Your own evaluations are never matched: their facts are the ones you give (the session's `e`
/// fills them in on the form), so a fact left empty stays unknown instead of coming back from
/// the evaluation being redone.
pub fn catalog_match<'k>(kb: &'k Knowledge, name: &str) -> Option<&'k Entry> {
    let typed = name_key(name);
    if typed.is_empty() {
        return None;
    }
    let entries = || {
        kb.catalog
            .entries
            .iter()
            .filter(|e| !crate::user_catalog::is_yours(e))
    };
    entries()
        .find(|e| e.names().any(|n| name_key(n) == typed))
        .or_else(|| {
            let words = slug(name);
            entries().find(|e| {
                e.exam_code
                    .as_deref()
                    .or_else(|| (e.short_name() != e.name).then(|| e.short_name()))
                    .map(slug)
                    .filter(|c| c.len() >= 4)
                    .is_some_and(|c| format!("-{words}-").contains(&format!("-{c}-")))
            })
        })
}

/// Lower-case words joined by `-`.
fn slug(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// What an unknown fact is, for people: `prep-hours` is "the preparation hours".
pub fn fact_label(fact: &str) -> &str {
    match fact {
        "provider-known" => "whether the provider is known and verified",
        "postings-percent" => "how often AI job postings name it",
        "practical" => "whether it has a practical component",
        "prep-hours" => "the preparation hours",
        "cost-usd" => "the fee",
        "content-age-years" => "how old the content is",
        other => other,
    }
}

/// The tier from the red flags and the two questions that decide it.
///
/// The seeds' tier 4 is unaccredited, unknown, weekend or overpriced certificates; their tier 3
/// is known certificates with no practical assessment. So one cautionary flag (no practical
/// component, or old content) caps a certification at tier 3, while any other flag, or two flags
/// of any kind, make it tier 4.
///
/// `applied` is a practical component or a proctored exam of applied skills from a known
/// provider; `hands_on` only the former. Tier 1 is a credential employers name that tests
/// applied skills (the sources' cloud exams); tier 2 a known, respected name with hands-on work
/// or a proctored exam; tier 3 the rest.
#[allow(
    clippy::fn_params_excessive_bools,
    reason = "the four answers that decide the tier, named"
)]
fn tier(
    flags: &[RedFlag],
    clearly_recognised: bool,
    known_name: bool,
    applied: bool,
    hands_on: bool,
) -> u8 {
    let serious = flags.iter().any(|f| !CAUTIONARY.contains(f));
    if serious || flags.len() >= 2 {
        4
    } else if !flags.is_empty() {
        3
    } else if clearly_recognised && applied {
        1
    } else if known_name && (hands_on || applied) {
        2
    } else {
        3
    }
}

/// Question 1: do employers recognise it?
fn recognised(facts: &Facts, any_cert_percent: u8, flags: &mut Vec<RedFlag>) -> Answer {
    // The person's own postings answer the question better than any article.
    if let Some(own) = &facts.own_postings
        && facts.provider_known != Some(false)
        && own.total > 0
    {
        return if own.named > 0 {
            (
                Outcome::Good,
                format!(
                    "named in {} of your {} postings, required in {} ({})",
                    own.named, own.total, own.required, own.when
                ),
            )
        } else {
            (
                Outcome::Weak,
                format!(
                    "named in none of your {} postings ({})",
                    own.total, own.when
                ),
            )
        };
    }
    if facts.provider_known != Some(false)
        && facts.postings_percent.is_none()
        && facts.hiring_signal.is_some_and(|h| h >= Rating::Good)
    {
        return (
            Outcome::Good,
            "the sources count it among the certifications employers name (cloud platform exams); search postings for it to confirm for your roles"
                .to_owned(),
        );
    }
    match (facts.postings_percent, facts.provider_known) {
        (_, Some(false)) => {
            flags.push(RedFlag::UnknownProvider);
            (
                Outcome::Bad,
                "the provider is unknown or unverified, so employers cannot weigh it".to_owned(),
            )
        }
        (Some(p), _) if p >= RECOGNISED_PERCENT => (
            Outcome::Good,
            format!("named in about {p}% of AI job postings"),
        ),
        (Some(p), _) if p > 0.0 => (
            Outcome::Weak,
            format!("named in only {p}% of AI job postings"),
        ),
        (Some(_), _) => (
            Outcome::Bad,
            format!(
                "not named in job postings; only {any_cert_percent}% of AI postings name any certification"
            ),
        ),
        (None, Some(true)) => (
            Outcome::Weak,
            "a known provider, but how often postings name it is unknown: search job postings for it"
                .to_owned(),
        ),
        (None, None) => (
            Outcome::Unknown,
            "unknown: check the provider and search job postings for the exact name".to_owned(),
        ),
    }
}

/// Question 2: does it teach practical skills?
fn practical(facts: &Facts, flags: &mut Vec<RedFlag>) -> Answer {
    match facts.practical {
        Some(true) => (
            Outcome::Good,
            "it has hands-on work and a practical component".to_owned(),
        ),
        // A proctored exam from a known provider tests whether you can apply a platform or a
        // body of knowledge, even without labs: not the "no practical component" of a weekend
        // certificate, but it proves less than something you built.
        Some(false) if facts.proctored_exam == Some(true) && facts.provider_known == Some(true) => (
            Outcome::Weak,
            "a proctored exam of applied knowledge, with no hands-on tasks: pair it with a project that shows you can build"
                .to_owned(),
        ),
        Some(false) => {
            flags.push(RedFlag::NoPracticalComponent);
            (
                Outcome::Bad,
                "no practical component: it proves you can pass a test, not that you can build"
                    .to_owned(),
            )
        }
        None => (
            Outcome::Unknown,
            "unknown: read the curriculum for hands-on work".to_owned(),
        ),
    }
}

/// Question 3: what is the opportunity cost? Also where "completion in days" shows.
fn opportunity_cost(facts: &Facts, per_project: u32, flags: &mut Vec<RedFlag>) -> Answer {
    // A short workshop from a known provider (NVIDIA's, say) is not a weekend badge; the hours
    // alone count as a red flag only when the provider is not known to be real.
    let short =
        facts.prep_hours.is_some_and(|h| h <= DAYS_HOURS) && facts.provider_known != Some(true);
    if short || facts.claims.contains(&Claim::DaysToComplete) {
        flags.push(RedFlag::DaysToComplete);
    }
    match facts.prep_hours {
        Some(0) => (
            Outcome::Good,
            "no preparation time, so nothing else is given up (and little is learned)".to_owned(),
        ),
        Some(h) if h >= per_project => (
            Outcome::Weak,
            format!(
                "{h} hours would build about {} instead",
                crate::advisor::plural(h / per_project, "substantial portfolio project")
            ),
        ),
        Some(h) => (
            Outcome::Good,
            format!("{h} hours is less than one substantial project ({per_project} hours)"),
        ),
        None => (
            Outcome::Unknown,
            format!(
                "unknown: every {per_project} hours is one substantial project you could build instead"
            ),
        ),
    }
}

/// Question 4: what is the total cost, time included? The fee bands come from the sources' ROI
/// figures in evaluation.ron.
fn total_cost(
    kb: &Knowledge,
    facts: &Facts,
    clearly_recognised: bool,
    flags: &mut Vec<RedFlag>,
) -> Answer {
    let (fair, excessive) = (
        kb.evaluation.cost_fair_max_usd,
        kb.evaluation.cost_excessive_usd,
    );
    match (facts.cost_usd, facts.prep_hours) {
        (Some(c), _) if c >= excessive && !clearly_recognised => {
            flags.push(RedFlag::ExcessivePrice);
            (
                Outcome::Bad,
                format!("USD {c} for a credential employers do not clearly recognise"),
            )
        }
        (Some(c), _) if c >= excessive => (
            Outcome::Weak,
            format!("USD {c} is bootcamp money, even for a recognised credential"),
        ),
        (Some(c), _) if c > fair => (
            Outcome::Weak,
            format!("USD {c} is more than a certification usually costs (up to USD {fair})"),
        ),
        (Some(c), Some(h)) => (
            Outcome::Good,
            format!("USD {c} plus {h} hours of your time"),
        ),
        (Some(c), None) => (
            Outcome::Weak,
            format!("USD {c} plus an unknown number of hours"),
        ),
        (None, Some(h)) => (
            Outcome::Weak,
            format!("an unknown fee plus {h} hours of your time"),
        ),
        (None, None) => (
            Outcome::Unknown,
            "unknown: count the fee and your hours".to_owned(),
        ),
    }
}

/// Question 5: is it up to date?
fn current(facts: &Facts, flags: &mut Vec<RedFlag>) -> Answer {
    match facts.content_age_years {
        Some(y) if y > MAX_AGE_YEARS => {
            flags.push(RedFlag::OutdatedContent);
            (
                Outcome::Bad,
                format!("the content is {y} years old; AI approaches that old may be superseded"),
            )
        }
        Some(y) => (
            Outcome::Good,
            format!(
                "the content is {y} {} old",
                if (y - 1.0).abs() < f32::EPSILON {
                    "year"
                } else {
                    "years"
                }
            ),
        ),
        None => (
            Outcome::Unknown,
            "unknown: check when the content was last updated".to_owned(),
        ),
    }
}

/// The facts not given, by their command-line names, in the order the questions use them.
pub fn unknown_facts(facts: &Facts) -> Vec<String> {
    [
        ("provider-known", facts.provider_known.is_none()),
        ("postings-percent", facts.postings_percent.is_none()),
        ("practical", facts.practical.is_none()),
        ("prep-hours", facts.prep_hours.is_none()),
        ("cost-usd", facts.cost_usd.is_none()),
        ("content-age-years", facts.content_age_years.is_none()),
    ]
    .into_iter()
    .filter(|(_, missing)| *missing)
    .map(|(name, _)| name.to_owned())
    .collect()
}
