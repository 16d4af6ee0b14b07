//! The knowledge base's types, the parsing of `assets/*.ron` and its validation.
//!
//! This file is also compiled into the build script (see `build.rs`), which parses and validates
//! the RON files at build time, so it uses nothing from the crate but its sibling `condition`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::briefs::{Brief, PROJECTS_RON, brief_problems};
use super::condition::Condition;
use super::meta::{Audience, Format, Prerequisite, Pricing, Source};
use crate::numbers::{self, NumberError};

/// The interview questions, in the order they are asked.
pub const QUESTIONS_RON: &str = include_str!("../../assets/questions.ron");
/// The five strategies and the rules that select them.
pub const STRATEGIES_RON: &str = include_str!("../../assets/strategies.ron");
/// Every certification, course and action the seeds name.
pub const CATALOG_RON: &str = include_str!("../../assets/catalog.ron");
/// The five evaluation questions, red flags and ROI figures.
pub const EVALUATION_RON: &str = include_str!("../../assets/evaluation.ron");

/// A problem with the knowledge base, found while loading or validating it.
#[derive(Debug, thiserror::Error)]
pub enum KnowledgeError {
    /// A file did not parse.
    #[error("assets/{file}: {source}")]
    Parse {
        file: &'static str,
        #[source]
        source: ron::error::SpannedError,
    },
    /// The files parsed but contradict each other.
    #[error("knowledge base is inconsistent: {0}")]
    Invalid(String),
    /// The copy compiled into the binary does not decode (a build problem).
    #[error("the compiled-in knowledge base does not decode: {0}")]
    Embedded(String),
}

/// A question's id, as used on the command line and in saved files (`goal`, `hours_per_week`).
pub type QuestionId = String;

/// One interview question.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Question {
    pub id: QuestionId,
    /// The question as the person reads it.
    pub prompt: String,
    /// Why certwise asks: one or two sentences.
    pub why: String,
    pub kind: QuestionKind,
    /// The value used when the person does not answer (a choice value, or a number as text).
    pub default: String,
    /// What the answer is about, in a few words: the answers summary lists answers by it.
    pub topic: String,
    /// The question is asked only when this holds for the answers given so far.
    #[serde(default)]
    pub ask_if: Condition,
}

/// What kind of answer a question takes.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub enum QuestionKind {
    /// Pick one of a fixed list.
    Choice(Vec<Choice>),
    /// A whole number in `min..=max`.
    Number { min: u32, max: u32, unit: String },
}

/// One option of a choice question.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Choice {
    /// Stable value (`get-into-ai`).
    pub value: String,
    /// What the person reads.
    pub label: String,
}

/// A strategy from the seeds.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Strategy {
    pub id: String,
    pub name: String,
    /// One line: who this is for.
    pub summary: String,
    /// The steps, in order.
    pub steps: Vec<StrategyStep>,
    /// Strategies are tried in file order; the first whose rule holds is chosen.
    pub select_if: Condition,
    /// Share of effort spent building, before adjustments.
    pub build_percent: u8,
    /// Why this strategy moves away from the 80/20 default, if it does.
    #[serde(default)]
    pub split_reason: Option<String>,
    /// Catalog entries this strategy leans on or away from, with the reason.
    #[serde(default)]
    pub emphasis: Vec<Emphasis>,
    /// How many portfolio projects the timeline schedules.
    pub projects: u32,
}

/// One step of a strategy, and what part of the plan carries it out (`course`, `certification`,
/// `projects`, `open-source`, `communicate`, `internship`, `apply`, `guidance`), so the plan can
/// show where each step is in the timeline or say why it is not.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct StrategyStep {
    pub text: String,
    pub about: String,
}

/// A strategy's push towards (or away from) some catalog entries.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Emphasis {
    pub ids: Vec<String>,
    pub points: i32,
    pub reason: String,
}

/// A change to the build/study split that applies across strategies.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct SplitAdjustment {
    pub when: Condition,
    pub build_delta: i8,
    pub reason: String,
}

/// The strategies file.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Strategies {
    /// The default share of build time (80 in the seeds).
    pub default_build_percent: u8,
    pub min_build_percent: u8,
    pub max_build_percent: u8,
    pub strategies: Vec<Strategy>,
    pub adjustments: Vec<SplitAdjustment>,
}

/// What a catalog entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Certification,
    Course,
    Project,
    Community,
    Content,
    Networking,
    Experience,
}

impl Kind {
    /// Certifications and courses are study; everything else is building.
    pub fn is_study(self) -> bool {
        matches!(self, Kind::Certification | Kind::Course)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Certification => "certification",
            Kind::Course => "course",
            Kind::Project => "project",
            Kind::Community => "community",
            Kind::Content => "content",
            Kind::Networking => "networking",
            Kind::Experience => "experience",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A cloud or AI platform whose vendor certifies people: its certifications count only where
/// the jobs (or the employer) run on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Platform {
    Aws,
    Gcp,
    Azure,
    Oracle,
    Databricks,
    Salesforce,
    Nvidia,
}

impl Platform {
    pub const ALL: [Platform; 7] = [
        Platform::Aws,
        Platform::Gcp,
        Platform::Azure,
        Platform::Oracle,
        Platform::Databricks,
        Platform::Salesforce,
        Platform::Nvidia,
    ];

    /// The matching value of the `target_platform` and `employer_platform` questions.
    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Aws => "aws",
            Platform::Gcp => "gcp",
            Platform::Azure => "azure",
            Platform::Oracle => "oracle",
            Platform::Databricks => "databricks",
            Platform::Salesforce => "salesforce",
            Platform::Nvidia => "nvidia",
        }
    }

    /// How people write it.
    pub fn label(self) -> &'static str {
        match self {
            Platform::Aws => "AWS",
            Platform::Gcp => "Google Cloud",
            Platform::Azure => "Azure",
            Platform::Oracle => "Oracle Cloud",
            Platform::Databricks => "Databricks",
            Platform::Salesforce => "Salesforce",
            Platform::Nvidia => "NVIDIA",
        }
    }

    /// A cloud provider (the others are platforms that run on or beside the clouds).
    pub fn is_cloud(self) -> bool {
        matches!(
            self,
            Platform::Aws | Platform::Gcp | Platform::Azure | Platform::Oracle
        )
    }

    pub fn parse(value: &str) -> Option<Self> {
        Platform::ALL.into_iter().find(|p| p.as_str() == value)
    }
}

/// The level a course or certification is pitched at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// For people new to the subject (`intro` in catalogs from before 2026-11).
    #[serde(alias = "intro")]
    Foundational,
    Associate,
    Professional,
    /// A specialty exam: deep in one area, assumes experience.
    Specialty,
    /// Expert level: builds on an associate or professional credential.
    Expert,
    /// Not a course: projects, community work and the like.
    Any,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Foundational => "foundational",
            Level::Associate => "associate",
            Level::Professional => "professional",
            Level::Specialty => "specialty",
            Level::Expert => "expert",
            Level::Any => "any",
        }
    }

    /// Professional, specialty and expert levels assume hands-on experience.
    pub fn needs_experience(self) -> bool {
        matches!(self, Level::Professional | Level::Specialty | Level::Expert)
    }
}

/// A rough rating used in the ROI comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rating {
    None,
    Low,
    Moderate,
    Good,
    High,
}

impl Rating {
    pub fn as_str(self) -> &'static str {
        match self {
            Rating::None => "none",
            Rating::Low => "low",
            Rating::Moderate => "moderate",
            Rating::Good => "good",
            Rating::High => "high",
        }
    }

    /// 0-100, for bars.
    pub fn percent(self) -> u8 {
        match self {
            Rating::None => 0,
            Rating::Low => 25,
            Rating::Moderate => 50,
            Rating::Good => 75,
            Rating::High => 100,
        }
    }
}

/// A whole-number range, `min..=max`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct Range {
    pub min: u32,
    pub max: u32,
}

impl Range {
    /// The middle of the range, rounded up.
    pub fn mid(self) -> u32 {
        self.min + (self.max - self.min).div_ceil(2)
    }
}

impl fmt::Display for Range {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.min == self.max {
            write!(f, "{}", self.min)
        } else {
            write!(f, "{}-{}", self.min, self.max)
        }
    }
}

/// Whether a certification can still be taken.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Active,
    /// Open, but still in beta: the exam and its fee may change.
    Beta,
    /// Announced to retire on that date; the successor is preferred.
    Retiring {
        on: Date,
        successor: String,
    },
    Retired {
        on: Date,
        successor: String,
    },
    /// Closed with no successor.
    Closed {
        on: Date,
    },
}

impl Status {
    /// Can no longer be taken (retired or closed).
    pub fn is_retired(&self) -> bool {
        matches!(self, Status::Retired { .. } | Status::Closed { .. })
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Beta => "beta",
            Status::Retiring { .. } => "retiring",
            Status::Retired { .. } => "retired",
            Status::Closed { .. } => "closed",
        }
    }

    /// The status as of a date: "retiring" turns into "retired" once its day has passed.
    #[must_use]
    pub fn on_day(&self, today: Date) -> Status {
        match self {
            Status::Retiring { on, successor } if *on < today => Status::Retired {
                on: *on,
                successor: successor.clone(),
            },
            other => other.clone(),
        }
    }

    /// The successor's id, for retiring and retired entries.
    pub fn successor(&self) -> Option<&str> {
        match self {
            Status::Retiring { successor, .. } | Status::Retired { successor, .. } => {
                Some(successor)
            }
            _ => None,
        }
    }

    /// The date it retires, retired or closed.
    pub fn end_date(&self) -> Option<Date> {
        match self {
            Status::Retiring { on, .. } | Status::Retired { on, .. } | Status::Closed { on } => {
                Some(*on)
            }
            Status::Active | Status::Beta => None,
        }
    }
}

/// A red flag from the seeds' list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RedFlag {
    GuaranteedJob,
    NoBackgroundNeeded,
    UnknownProvider,
    OutdatedContent,
    NoPracticalComponent,
    ExcessivePrice,
    DaysToComplete,
}

/// One entry of the catalog: a certification, a course or something to do instead.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Entry {
    /// Stable id (`aws-ml-engineer-associate`).
    pub id: String,
    pub name: String,
    pub provider: String,
    pub kind: Kind,
    /// 1 (worth most) to 4 (low or no value); certifications and courses only.
    #[serde(default)]
    pub tier: Option<u8>,
    pub cost_usd: Range,
    pub prep_hours: Range,
    /// Share of AI job postings that mention it, where the seeds give it.
    #[serde(default)]
    pub postings_percent: Option<f32>,
    #[serde(default)]
    pub platform: Option<Platform>,
    pub practical: bool,
    pub level: Level,
    pub skill_building: Rating,
    pub hiring_signal: Rating,
    pub status: Status,
    pub reviewed: Date,
    /// Base score before personal factors, and why.
    pub base_score: u8,
    pub base_reason: String,
    /// One line: what it is.
    pub summary: String,
    /// The seeds' verdict, in certwise's words.
    pub verdict: String,
    #[serde(default)]
    pub red_flags: Vec<RedFlag>,
    /// A code-first course or certification assumes you already program; the sentence says why
    /// to a person who does not.
    #[serde(default)]
    pub needs_coding: Option<String>,
    /// The cost was not known when the entry was made (entries you evaluated yourself): `cost_usd`
    /// is then a placeholder, never shown or counted as a price. Built-in entries state it.
    #[serde(default)]
    pub cost_unknown: bool,
    /// The same for the preparation hours.
    #[serde(default)]
    pub hours_unknown: bool,
    /// Who it is made for (empty in entries from before 2026-11: then anyone).
    #[serde(default)]
    pub audience: Vec<Audience>,
    /// The official exam code (`AIF-C01`), where there is one.
    #[serde(default)]
    pub exam_code: Option<String>,
    /// Every other name people use for it: short names, old names, spellings.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// What must be held or true before it can be taken.
    #[serde(default)]
    pub prerequisites: Vec<Prerequisite>,
    /// How many years it stays valid; `None` when not known or when it does not expire (see
    /// `renewal`).
    #[serde(default)]
    pub validity_years: Option<u8>,
    /// How it is renewed, or that it does not expire, in a sentence.
    #[serde(default)]
    pub renewal: Option<String>,
    /// How it is assessed.
    #[serde(default)]
    pub format: Format,
    /// How it is priced and the free route, if any (entries from before 2026-11 have only
    /// `cost_usd`).
    #[serde(default)]
    pub pricing: Option<Pricing>,
    /// Where each fact comes from.
    #[serde(default)]
    pub sources: Vec<Source>,
}

impl Entry {
    /// The exam code when the name ends in one ("MLA-C01" for "... Associate (MLA-C01)"), else
    /// the name: enough to name a successor where room is short.
    pub fn short_name(&self) -> &str {
        self.name
            .rsplit_once('(')
            .and_then(|(_, code)| code.strip_suffix(')'))
            .unwrap_or(&self.name)
    }

    pub fn is_foundational_course(&self) -> bool {
        // A foundational certification is a credential, not a course: "one foundational course
        // is enough" does not weigh it against courses.
        self.level == Level::Foundational
            && self.kind == Kind::Course
            && self.tier.is_some_and(|t| t <= 3)
    }

    /// Every name it is known by: id, name, exam code, aliases (and the code in its name).
    pub fn names(&self) -> impl Iterator<Item = &str> {
        [self.id.as_str(), self.name.as_str()]
            .into_iter()
            .chain(self.exam_code.as_deref())
            .chain((self.short_name() != self.name).then(|| self.short_name()))
            .chain(self.aliases.iter().map(String::as_str))
    }

    /// Whether it is made for engineers only (every audience it names is technical).
    pub fn is_engineering(&self) -> bool {
        !self.audience.is_empty() && self.audience.iter().all(|a| a.is_technical())
    }
}

/// The catalog file.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Catalog {
    /// The date the catalog as a whole was last reviewed; part of the knowledge-base version.
    pub reviewed: Date,
    pub entries: Vec<Entry>,
}

/// One of the seeds' five questions to ask of any certification.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct EvalQuestion {
    pub id: String,
    pub question: String,
    pub how_to_check: String,
}

/// A red flag and how to explain it.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct RedFlagInfo {
    pub flag: RedFlag,
    pub label: String,
    pub explanation: String,
}

/// A line of the seeds' ROI comparison.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct RoiFigure {
    /// The catalog entry it describes.
    pub id: String,
    pub label: String,
    pub cost_usd: Range,
    /// Preparation in hours, where the seeds give hours.
    #[serde(default)]
    pub hours: Option<Range>,
    /// Duration in months, where the seeds give months.
    #[serde(default)]
    pub months: Option<Range>,
    pub in_job_requirements: String,
    pub skill_building: Rating,
    pub hiring_signal: Rating,
    pub roi: Rating,
    pub roi_note: String,
}

/// The evaluation file.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Evaluation {
    pub questions: Vec<EvalQuestion>,
    pub red_flags: Vec<RedFlagInfo>,
    pub roi: Vec<RoiFigure>,
    /// Hours of one substantial portfolio project.
    pub project_hours: u32,
    /// Share of AI job postings that mention any certification.
    pub postings_mentioning_certs_percent: u8,
    /// The most a certification's fee usually is (the sources: USD 150-300); above it the total
    /// cost is weak.
    pub cost_fair_max_usd: u32,
    /// A fee at or above this is bootcamp money (the sources: USD 10K-20K); for a credential
    /// employers do not clearly recognise it is the "excessively expensive" red flag.
    pub cost_excessive_usd: u32,
}

/// The whole knowledge base.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Knowledge {
    pub questions: Vec<Question>,
    pub strategies: Strategies,
    pub catalog: Catalog,
    pub evaluation: Evaluation,
    /// The project briefs.
    #[serde(default)]
    pub projects: Vec<Brief>,
}

fn parse<T: serde::de::DeserializeOwned>(
    file: &'static str,
    text: &str,
) -> Result<T, KnowledgeError> {
    ron::from_str(text).map_err(|source| KnowledgeError::Parse { file, source })
}

impl Knowledge {
    /// Parses and validates the given texts.
    ///
    /// # Errors
    /// A file that does not parse, or ids that do not line up.
    pub fn from_texts(
        questions: &str,
        strategies: &str,
        catalog: &str,
        evaluation: &str,
    ) -> Result<Self, KnowledgeError> {
        Self::from_all_texts(questions, strategies, catalog, evaluation, PROJECTS_RON)
    }

    /// [`Knowledge::from_texts`] with the project briefs given too.
    ///
    /// # Errors
    /// A file that does not parse, or ids that do not line up.
    pub fn from_all_texts(
        questions: &str,
        strategies: &str,
        catalog: &str,
        evaluation: &str,
        projects: &str,
    ) -> Result<Self, KnowledgeError> {
        let kb = Knowledge {
            questions: parse("questions.ron", questions)?,
            strategies: parse("strategies.ron", strategies)?,
            catalog: parse("catalog.ron", catalog)?,
            evaluation: parse("evaluation.ron", evaluation)?,
            projects: parse("projects.ron", projects)?,
        };
        let problems = kb.problems();
        if problems.is_empty() {
            Ok(kb)
        } else {
            Err(KnowledgeError::Invalid(problems.join("; ")))
        }
    }

    /// A short version string; a saved plan records it so that changes can be noticed.
    pub fn version(&self) -> String {
        format!("catalog-{}", self.catalog.reviewed)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.catalog.entries.iter().find(|e| e.id == id)
    }

    pub fn strategy(&self, id: &str) -> Option<&Strategy> {
        self.strategies.strategies.iter().find(|s| s.id == id)
    }

    /// Every inconsistency: duplicate ids, references to ids that do not exist, bad defaults,
    /// conditions that look at later questions, retired entries without an active successor, red
    /// flags without an explanation (the avoid list would silently drop them).
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut seen = BTreeSet::new();
        let mut earlier: BTreeMap<&str, &Question> = BTreeMap::new();
        for q in &self.questions {
            if !seen.insert(q.id.as_str()) {
                problems.push(format!("question `{}` appears twice", q.id));
            }
            if let Err(e) = q.parse_value(&q.default) {
                problems.push(format!("question `{}` has a bad default: {e}", q.id));
            }
            if let QuestionKind::Choice(options) = &q.kind {
                let mut values = BTreeSet::new();
                for o in options {
                    if !values.insert(o.value.as_str()) {
                        problems.push(format!("question `{}` lists `{}` twice", q.id, o.value));
                    }
                }
            }
            for (qid, value) in q.ask_if.references() {
                check_reference(
                    &earlier,
                    &format!("question `{}`", q.id),
                    qid,
                    value,
                    &mut problems,
                );
            }
            earlier.insert(q.id.as_str(), q);
        }
        let mut ids = BTreeSet::new();
        for e in &self.catalog.entries {
            if !ids.insert(e.id.as_str()) {
                problems.push(format!("catalog entry `{}` appears twice", e.id));
            }
            entry_problems(e, &mut problems);
        }
        for e in &self.catalog.entries {
            for flag in &e.red_flags {
                if !self.evaluation.red_flags.iter().any(|i| i.flag == *flag) {
                    problems.push(format!(
                        "`{}` has red flag `{flag:?}`, which evaluation.ron does not explain",
                        e.id
                    ));
                }
            }
            if let Some(successor) = e.status.successor() {
                match self.entry(successor) {
                    None => {
                        problems.push(format!("`{}` names unknown successor `{successor}`", e.id));
                    }
                    Some(s) if s.status.is_retired() => {
                        problems.push(format!("`{}` names retired successor `{successor}`", e.id));
                    }
                    Some(_) => {}
                }
            }
        }
        for s in &self.strategies.strategies {
            for (qid, value) in s.select_if.references() {
                check_reference(
                    &earlier,
                    &format!("strategy `{}`", s.id),
                    qid,
                    value,
                    &mut problems,
                );
            }
            for em in &s.emphasis {
                for id in &em.ids {
                    if self.entry(id).is_none() {
                        problems.push(format!(
                            "strategy `{}` emphasises unknown entry `{id}`",
                            s.id
                        ));
                    }
                }
            }
        }
        for a in &self.strategies.adjustments {
            for (qid, value) in a.when.references() {
                check_reference(&earlier, "split adjustment", qid, value, &mut problems);
            }
        }
        problems.extend(self.name_problems());
        for e in &self.catalog.entries {
            for p in &e.prerequisites {
                if let Some(id) = &p.entry
                    && self.entry(id).is_none()
                {
                    problems.push(format!("`{}` requires unknown entry `{id}`", e.id));
                }
            }
        }
        problems.extend(brief_problems(&self.projects));
        for r in &self.evaluation.roi {
            if self.entry(&r.id).is_none() {
                problems.push(format!("ROI figure `{}` names no catalog entry", r.id));
            }
        }
        problems
    }
}

impl Knowledge {
    /// Names that two entries share: a typed name must mean one entry.
    fn name_problems(&self) -> Vec<String> {
        let mut owner: BTreeMap<String, &str> = BTreeMap::new();
        let mut problems = Vec::new();
        // Your own evaluations (`user-...`) may share a name with a catalog entry: a typed name
        // finds the catalog's entry first.
        for e in self
            .catalog
            .entries
            .iter()
            .filter(|e| !e.id.starts_with("user-"))
        {
            let mut own = BTreeSet::new();
            for name in e.names() {
                let key = name_key(name);
                if key.is_empty() || !own.insert(key.clone()) {
                    continue;
                }
                if let Some(other) = owner.insert(key, &e.id)
                    && other != e.id
                {
                    problems.push(format!("`{}` and `{other}` share the name `{name}`", e.id));
                }
            }
        }
        problems
    }
}

/// A name as compared: lower case, letters and digits only ("AI-102", "AI 102" and "ai102" are
/// one name).
pub fn name_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn entry_problems(e: &Entry, problems: &mut Vec<String>) {
    if e.cost_usd.min > e.cost_usd.max || e.prep_hours.min > e.prep_hours.max {
        problems.push(format!("`{}` has a range with min above max", e.id));
    }
    match (e.kind.is_study(), e.tier) {
        (true, None) => problems.push(format!("`{}` is a {} without a tier", e.id, e.kind)),
        (false, Some(_)) => problems.push(format!("`{}` is a {} with a tier", e.id, e.kind)),
        (_, Some(t)) if !(1..=4).contains(&t) => problems.push(format!("`{}` has tier {t}", e.id)),
        _ => {}
    }
    if e.base_score > 100 {
        problems.push(format!("`{}` has a base score above 100", e.id));
    }
}

fn check_reference(
    earlier: &BTreeMap<&str, &Question>,
    whose: &str,
    qid: &str,
    value: Option<&str>,
    problems: &mut Vec<String>,
) {
    let Some(q) = earlier.get(qid) else {
        problems.push(format!(
            "{whose} looks at `{qid}`, which is not an earlier question"
        ));
        return;
    };
    if let Some(value) = value
        && q.parse_value(value).is_err()
    {
        problems.push(format!(
            "{whose} compares `{qid}` with `{value}`, which it cannot be"
        ));
    }
}

/// Why an answer was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValueError {
    #[error("`{value}` is not one of {valid}")]
    NotAnOption { value: String, valid: String },
    #[error(
        "`{value}` is not a whole number ({min}-{max}; {})",
        numbers::WHOLE_FORM
    )]
    NotANumber { value: String, min: u32, max: u32 },
    /// A whole number outside `min..=max`, kept as written (it may not fit any integer type).
    #[error("{value} is out of range ({min}-{max})")]
    OutOfRange { value: String, min: u32, max: u32 },
}

/// A value as shown in a message: one line, and nothing in it can drive the terminal (see
/// [`crate::sanitize::terminal`]).
pub fn one_line(raw: &str) -> String {
    crate::sanitize::terminal(raw).into_owned()
}

impl Question {
    /// Checks an answer and returns it in canonical form.
    ///
    /// # Errors
    /// The value is not one of the options, or not a whole number in range.
    pub fn parse_value(&self, raw: &str) -> Result<String, ValueError> {
        match &self.kind {
            QuestionKind::Choice(options) => {
                let raw = raw.trim();
                options
                    .iter()
                    .find(|o| o.value == raw)
                    .map(|o| o.value.clone())
                    .ok_or_else(|| ValueError::NotAnOption {
                        value: crate::sanitize::value(raw),
                        valid: self.valid_values(),
                    })
            }
            // Strictly, as everywhere (see `numbers`): `+12`, ` 12 ` and `012` are refused.
            QuestionKind::Number { min, max, .. } => match numbers::whole(raw, *min, *max) {
                Ok(n) => Ok(n.to_string()),
                Err(NumberError::Malformed) => Err(ValueError::NotANumber {
                    value: crate::sanitize::value(raw),
                    min: *min,
                    max: *max,
                }),
                Err(NumberError::OutOfRange) => Err(ValueError::OutOfRange {
                    value: crate::sanitize::value(raw),
                    min: *min,
                    max: *max,
                }),
            },
        }
    }

    /// The valid values, for messages: `a, b, c` or `a whole number 1-80`.
    pub fn valid_values(&self) -> String {
        match &self.kind {
            QuestionKind::Choice(options) => options
                .iter()
                .map(|o| o.value.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            QuestionKind::Number { min, max, .. } => format!("a whole number {min}-{max}"),
        }
    }

    /// The label of a value, for display.
    pub fn label_of<'a>(&'a self, value: &'a str) -> &'a str {
        match &self.kind {
            QuestionKind::Choice(options) => options
                .iter()
                .find(|o| o.value == value)
                .map_or(value, |o| o.label.as_str()),
            QuestionKind::Number { .. } => value,
        }
    }
}
