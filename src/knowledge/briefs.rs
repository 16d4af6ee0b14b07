//! Project briefs (`assets/projects.ron`): concrete things to build, each with the problem it
//! solves, who it suits, the skills it shows and milestones with hours. The advisor picks briefs
//! for a person instead of scheduling "a portfolio project".
//!
//! Compiled into the build script too (see `build.rs`), so it uses nothing from the crate.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::meta::Audience;
use super::types::Platform;

/// The project briefs, in the order they were written.
pub const PROJECTS_RON: &str = include_str!("../../assets/projects.ron");

/// The field a person works in (the interview's `field` question).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Field {
    Marketing,
    Sales,
    Operations,
    Finance,
    Hr,
    /// Product or project management.
    Product,
    Consulting,
    Healthcare,
    Education,
    Legal,
    /// Government or the public sector.
    Government,
    Software,
    Data,
    Other,
}

impl Field {
    pub const ALL: [Field; 14] = [
        Field::Marketing,
        Field::Sales,
        Field::Operations,
        Field::Finance,
        Field::Hr,
        Field::Product,
        Field::Consulting,
        Field::Healthcare,
        Field::Education,
        Field::Legal,
        Field::Government,
        Field::Software,
        Field::Data,
        Field::Other,
    ];

    /// The interview's value for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Marketing => "marketing",
            Field::Sales => "sales",
            Field::Operations => "operations",
            Field::Finance => "finance",
            Field::Hr => "hr",
            Field::Product => "product",
            Field::Consulting => "consulting",
            Field::Healthcare => "healthcare",
            Field::Education => "education",
            Field::Legal => "legal",
            Field::Government => "government",
            Field::Software => "software",
            Field::Data => "data",
            Field::Other => "other",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Field::ALL.into_iter().find(|f| f.as_str() == value)
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How far along a person should be for a brief.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// A first project: small, finished in a few weeks, no prior projects needed.
    First,
    /// A substantial portfolio project for someone with one or two behind them.
    Core,
    /// Depth for someone with three or more: deploy and monitor, evaluate properly, write up,
    /// contribute upstream.
    Depth,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::First => "first",
            Stage::Core => "core",
            Stage::Depth => "depth",
        }
    }
}

/// What a milestone delivers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MilestoneKind {
    /// Building the thing.
    Build,
    /// Deploying it, or handing it over to the people who use it.
    Deliver,
    /// A write-up, demo or talk: communication, one of the three things that get people hired.
    Communicate,
}

/// One milestone of a brief.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Milestone {
    pub title: String,
    pub hours: u32,
    pub kind: MilestoneKind,
}

/// A project brief.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Brief {
    /// Stable id (`clinic-message-triage`): saved progress refers to it.
    pub id: String,
    /// What gets built, in words an employer reads.
    pub title: String,
    /// The problem it solves, in a sentence or two.
    pub problem: String,
    pub audience: Vec<Audience>,
    /// The fields of work it suits; empty means any.
    #[serde(default)]
    pub fields: Vec<Field>,
    /// The cloud it is built on, if any.
    #[serde(default)]
    pub platform: Option<Platform>,
    pub stage: Stage,
    /// Done inside the person's current job (a workplace automation).
    #[serde(default)]
    pub workplace: bool,
    /// Needs programming.
    pub needs_coding: bool,
    /// About finding a job (the postings you aim at): not for someone staying in their job.
    #[serde(default)]
    pub job_search: bool,
    /// The skills it shows.
    pub skills: Vec<String>,
    /// In order; the last one is a write-up or demo.
    pub milestones: Vec<Milestone>,
    /// What makes it stand out to an employer.
    pub stands_out: String,
}

impl Brief {
    /// All milestone hours together.
    pub fn hours(&self) -> u32 {
        self.milestones.iter().map(|m| m.hours).sum()
    }

    /// Whether the brief suits a field (a brief for any field suits every field).
    pub fn suits_field(&self, field: Option<Field>) -> bool {
        self.fields.is_empty() || field.is_some_and(|f| self.fields.contains(&f))
    }
}

/// Every problem with the briefs: duplicate ids or titles, empty lists, milestones with no hours,
/// briefs that do not end in a write-up or demo.
pub fn brief_problems(briefs: &[Brief]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut ids = std::collections::BTreeSet::new();
    let mut titles = std::collections::BTreeSet::new();
    for b in briefs {
        if !ids.insert(b.id.as_str()) {
            problems.push(format!("project brief `{}` appears twice", b.id));
        }
        if !titles.insert(b.title.to_lowercase()) {
            problems.push(format!("project brief title `{}` is used twice", b.title));
        }
        if b.audience.is_empty() || b.skills.is_empty() || b.milestones.is_empty() {
            problems.push(format!(
                "project brief `{}` needs an audience, skills and milestones",
                b.id
            ));
        }
        if b.milestones.iter().any(|m| m.hours == 0) {
            problems.push(format!(
                "project brief `{}` has a milestone of 0 hours",
                b.id
            ));
        }
        if b.milestones.last().map(|m| m.kind) != Some(MilestoneKind::Communicate) {
            problems.push(format!(
                "project brief `{}` must end with a write-up or demo milestone",
                b.id
            ));
        }
    }
    problems
}
