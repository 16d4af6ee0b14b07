//! `assets/skills.ron`: the platforms, skills and required/preferred words that a job-posting scan
//! looks for beside the catalog's credentials. Embedded in the binary and checked by a test.

use serde::Deserialize;

use crate::knowledge::Platform;

/// The file as shipped.
pub const SKILLS_RON: &str = include_str!("../../assets/skills.ron");

/// What the scan looks for besides credentials.
#[derive(Debug, Clone, Deserialize)]
pub struct SkillsFile {
    pub version: u32,
    pub platforms: Vec<PlatformNames>,
    pub skills: Vec<Skill>,
    pub required_cues: Vec<String>,
    pub preferred_cues: Vec<String>,
}

/// The names a platform goes by on its own.
#[derive(Debug, Clone, Deserialize)]
pub struct PlatformNames {
    pub platform: Platform,
    pub names: Vec<String>,
}

/// A skill a posting may ask for.
#[derive(Debug, Clone, Deserialize)]
pub struct Skill {
    pub id: String,
    /// How the report writes it.
    pub name: String,
    pub category: Category,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The platform whose service it is (`SageMaker` is AWS): a posting naming it counts for the
    /// platform too.
    #[serde(default)]
    pub platform: Option<Platform>,
    /// Whether the name itself is looked for; `false` for names that are everyday words ("Go",
    /// "R"), which are then found only by their aliases.
    #[serde(default = "yes")]
    pub match_name: bool,
}

fn yes() -> bool {
    true
}

impl Skill {
    /// Every name it is looked for by.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.match_name
            .then_some(self.name.as_str())
            .into_iter()
            .chain(self.aliases.iter().map(String::as_str))
    }
}

/// What kind of skill it is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, serde::Serialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Language,
    Framework,
    CloudAi,
    Mlops,
    Llm,
    Rag,
    Agents,
    Evaluation,
    Data,
}

impl SkillsFile {
    /// Parses a skills file.
    ///
    /// # Errors
    /// The text is not a valid skills file.
    pub fn parse(text: &str) -> Result<Self, ron::error::SpannedError> {
        ron::from_str(text)
    }

    /// The file compiled into the binary.
    ///
    /// # Errors
    /// Only if the shipped file is broken, which the test suite rules out.
    pub fn embedded() -> Result<&'static SkillsFile, &'static ron::error::SpannedError> {
        static FILE: std::sync::OnceLock<Result<SkillsFile, ron::error::SpannedError>> =
            std::sync::OnceLock::new();
        FILE.get_or_init(|| SkillsFile::parse(SKILLS_RON)).as_ref()
    }
}
