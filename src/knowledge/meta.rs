//! What the catalog says about each entry beyond its score: who it is for, how it is assessed,
//! how it is priced (and the route a person actually pays for), what it requires, how long it
//! stays valid, and where each fact comes from.
//!
//! Compiled into the build script too (see `build.rs`), so it uses nothing from the crate.

use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::types::Range;

/// Who a credential, course or project is made for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Audience {
    Developer,
    MlEngineer,
    DataScientist,
    DataEngineer,
    /// A non-technical professional (marketing, sales, operations, finance, HR, ...).
    Business,
    /// Executives and managers.
    Leader,
    /// Risk, audit, compliance, legal, privacy and security people.
    Governance,
    Beginner,
    Student,
}

impl Audience {
    pub const ALL: [Audience; 9] = [
        Audience::Developer,
        Audience::MlEngineer,
        Audience::DataScientist,
        Audience::DataEngineer,
        Audience::Business,
        Audience::Leader,
        Audience::Governance,
        Audience::Beginner,
        Audience::Student,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Developer => "developer",
            Audience::MlEngineer => "ml-engineer",
            Audience::DataScientist => "data-scientist",
            Audience::DataEngineer => "data-engineer",
            Audience::Business => "business",
            Audience::Leader => "leader",
            Audience::Governance => "governance",
            Audience::Beginner => "beginner",
            Audience::Student => "student",
        }
    }

    /// Engineering audiences: what they are made for assumes you build software or models.
    pub fn is_technical(self) -> bool {
        matches!(
            self,
            Audience::Developer
                | Audience::MlEngineer
                | Audience::DataScientist
                | Audience::DataEngineer
        )
    }
}

impl fmt::Display for Audience {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a credential or course is assessed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// A proctored exam of multiple-choice and similar questions.
    ProctoredMultipleChoice,
    /// A proctored exam that also has performance-based or interactive tasks.
    ExamWithTasks,
    /// Hands-on labs, or an assessment of working code.
    Labs,
    /// A course whose certificate needs graded projects or assignments.
    CourseWithProjects,
    /// A course with no assessment that proves a skill (a certificate of completion at most).
    CourseOnly,
    /// Not assessed at all: projects, community work and the like.
    #[default]
    None,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::ProctoredMultipleChoice => "proctored-multiple-choice",
            Format::ExamWithTasks => "exam-with-tasks",
            Format::Labs => "labs",
            Format::CourseWithProjects => "course-with-projects",
            Format::CourseOnly => "course-only",
            Format::None => "none",
        }
    }

    /// How a person would say it.
    pub fn label(self) -> &'static str {
        match self {
            Format::ProctoredMultipleChoice => "proctored multiple-choice exam",
            Format::ExamWithTasks => "proctored exam with performance-based tasks",
            Format::Labs => "hands-on labs or a graded working build",
            Format::CourseWithProjects => "course with graded projects",
            Format::CourseOnly => "course, no graded assessment",
            Format::None => "not assessed",
        }
    }

    /// A proctored exam, with or without tasks.
    pub fn is_exam(self) -> bool {
        matches!(
            self,
            Format::ProctoredMultipleChoice | Format::ExamWithTasks
        )
    }
}

/// What paying for something looks like.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Fee {
    /// Nothing to pay.
    Free,
    /// One payment (an exam fee), as a range where sources disagree.
    OneOff(Range),
    /// A subscription: so much a month, for about so many months at a typical pace.
    Subscription {
        per_month_usd: u32,
        typical_months: Range,
    },
    /// No source gives the price.
    Unknown,
}

/// How an entry is priced, and the free way through it where there is one.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Pricing {
    pub fee: Fee,
    /// A free route (auditing a course: the material without the graded work or certificate),
    /// in a sentence; `None` when there is none.
    #[serde(default)]
    pub free_route: Option<String>,
}

/// A credential the person may already hold, which some advanced credentials require.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Held {
    /// An audit credential: CISA, or CIA/CPA in an IT-audit role.
    Audit,
    /// A security-management credential: CISM or CISSP.
    Security,
    /// A risk credential: CRISC or similar.
    Risk,
}

impl Held {
    /// The interview's value for it (`governance_credential`).
    pub fn as_str(self) -> &'static str {
        match self {
            Held::Audit => "audit",
            Held::Security => "security",
            Held::Risk => "risk",
        }
    }
}

/// What must be true before an entry can be taken.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Prerequisite {
    /// The requirement in a sentence ("an active CISA, or CIA/CPA in an IT-audit role").
    pub text: String,
    /// A credential of this kind must be held.
    #[serde(default)]
    pub held: Option<Held>,
    /// Another catalog entry must be held first.
    #[serde(default)]
    pub entry: Option<String>,
}

/// Where one fact comes from.
#[allow(
    clippy::struct_field_names,
    reason = "`source` is the field's plain name, as in the fact sheet"
)]
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Source {
    /// What the source backs (`fee`, `status`, `prep-hours`, `audience`, ...).
    pub fact: String,
    /// The source: its id in the fact sheet and where it is ("A5 open-exam-prep.com, AIF-C01
    /// exam format [T]"), or what a certwise estimate is based on.
    pub source: String,
    /// When the fact was checked.
    pub checked: Date,
    /// certwise's own estimate, not a published figure.
    #[serde(default)]
    pub estimate: bool,
    /// The source's claim could not be verified (no source, date or method given).
    #[serde(default)]
    pub unverified: bool,
}
