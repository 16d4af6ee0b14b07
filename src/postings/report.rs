//! The scan's report as text and JSON, and the evidence `--save` keeps (counts and the date,
//! never a posting's text or a file name).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::knowledge::{Knowledge, Platform};

use super::{Matcher, SkillsFile, Skipped, Tally};

/// The report (the JSON schema in README.md).
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub postings: u32,
    pub with_any_certification: u32,
    pub certifications: Vec<CredentialCount>,
    pub platforms: Vec<PlatformCount>,
    pub skills: Vec<SkillCount>,
    pub skipped: Vec<Skipped>,
    /// Files read.
    #[serde(skip)]
    pub files: u32,
}

/// One credential named in at least one posting.
#[derive(Debug, Clone, Serialize)]
pub struct CredentialCount {
    pub id: String,
    pub name: String,
    /// `certification` or `course`.
    pub kind: &'static str,
    /// As of the scan's day: `active`, `beta`, `retiring`, `retired`, `closed`.
    pub status: &'static str,
    /// For a retiring or retired exam, the id of what replaces it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub successor: Option<String>,
    #[serde(skip)]
    pub successor_name: Option<String>,
    pub postings: u32,
    pub required: u32,
    pub preferred: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlatformCount {
    /// The platform's id (`aws`, `gcp`, ...).
    pub platform: Platform,
    pub name: &'static str,
    pub postings: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct SkillCount {
    /// The skill's id in `assets/skills.ron`.
    pub skill: String,
    pub name: String,
    pub category: super::skills::Category,
    pub postings: u32,
}

impl Report {
    /// The report of a tally: credentials, platforms and skills named at least once, most named
    /// first (ties by name).
    pub fn new(
        kb: &Knowledge,
        matcher: &Matcher,
        skills: &SkillsFile,
        tally: &Tally,
        today: jiff::civil::Date,
    ) -> Report {
        let mut certifications: Vec<CredentialCount> = matcher
            .credentials
            .iter()
            .zip(&tally.credentials)
            .filter(|(_, counts)| counts[0] > 0)
            .map(|(c, counts)| {
                let e = &kb.catalog.entries[c.entry];
                let status = e.status.on_day(today);
                let successor = status.successor().map(str::to_owned);
                CredentialCount {
                    id: e.id.clone(),
                    name: e.name.clone(),
                    kind: e.kind.as_str(),
                    status: status.as_str(),
                    successor_name: successor
                        .as_deref()
                        .map(|s| kb.entry(s).map_or_else(|| s.to_owned(), |s| s.name.clone())),
                    successor,
                    postings: counts[0],
                    required: counts[1],
                    preferred: counts[2],
                }
            })
            .collect();
        certifications.sort_by(|a, b| {
            (b.postings, b.required)
                .cmp(&(a.postings, a.required))
                .then_with(|| a.name.cmp(&b.name))
        });
        let mut platforms: Vec<PlatformCount> = Platform::ALL
            .into_iter()
            .zip(tally.platforms)
            .filter(|&(_, n)| n > 0)
            .map(|(platform, postings)| PlatformCount {
                platform,
                name: platform.label(),
                postings,
            })
            .collect();
        platforms.sort_by_key(|p| std::cmp::Reverse(p.postings));
        let mut skill_counts: Vec<SkillCount> = skills
            .skills
            .iter()
            .zip(&tally.skills)
            .filter(|&(_, &n)| n > 0)
            .map(|(s, &postings)| SkillCount {
                skill: s.id.clone(),
                name: s.name.clone(),
                category: s.category,
                postings,
            })
            .collect();
        skill_counts.sort_by(|a, b| {
            b.postings
                .cmp(&a.postings)
                .then_with(|| a.name.cmp(&b.name))
        });
        Report {
            postings: tally.postings,
            with_any_certification: tally.with_any_certification,
            certifications,
            platforms,
            skills: skill_counts,
            skipped: tally.skipped.clone(),
            files: tally.files,
        }
    }

    /// The report as pretty JSON, safe to print to a terminal.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self)
            .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
        s.push('\n');
        json_safe(&s)
    }

    /// The report as text for a terminal; file names are escaped.
    pub fn to_text(&self, top_skills: usize) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} in {} (and {} skipped).",
            plural(self.postings, "posting"),
            plural(self.files, "file"),
            self.skipped.len()
        );
        if self.postings > 0 {
            let _ = writeln!(
                out,
                "{} of {} name a certification ({}%).",
                self.with_any_certification,
                self.postings,
                percent(self.with_any_certification, self.postings)
            );
        }
        if !self.certifications.is_empty() {
            out.push_str(
                "\nCertifications and courses named\n  postings  required  preferred  name\n",
            );
            for c in &self.certifications {
                let _ = writeln!(
                    out,
                    "  {:>8}  {:>8}  {:>9}  {}{}",
                    c.postings,
                    c.required,
                    c.preferred,
                    c.name,
                    status_flag(c)
                );
            }
        }
        if !self.platforms.is_empty() {
            out.push_str("\nClouds and platforms\n");
            for p in &self.platforms {
                let _ = writeln!(
                    out,
                    "  {:<13} {} ({}%)",
                    p.name,
                    plural(p.postings, "posting"),
                    percent(p.postings, self.postings)
                );
            }
        }
        if !self.skills.is_empty() {
            out.push_str("\nTop skills\n");
            for s in self.skills.iter().take(top_skills) {
                let _ = writeln!(
                    out,
                    "  {:<22} {} ({}%)",
                    s.name,
                    plural(s.postings, "posting"),
                    percent(s.postings, self.postings)
                );
            }
        }
        if !self.skipped.is_empty() {
            out.push_str("\nSkipped\n");
            for s in &self.skipped {
                let _ = writeln!(out, "  {}: {}", terminal_safe(&s.file), s.reason);
            }
        }
        out
    }
}

/// "  [retired: its successor is X]" and the like, for a status that is not plainly active.
fn status_flag(c: &CredentialCount) -> String {
    status_note(c).map_or_else(String::new, |note| format!("  [{note}]"))
}

/// "retired: its successor is X" and the like, for a status that is not plainly active (the
/// text report and the TUI's say the same).
pub fn status_note(c: &CredentialCount) -> Option<String> {
    match (c.status, &c.successor_name) {
        ("retired", Some(s)) => Some(format!("retired: its successor is {s}")),
        ("retiring", Some(s)) => Some(format!("retiring: its successor is {s}")),
        ("retired", None) => Some("retired".to_owned()),
        ("closed", _) => Some("closed: can no longer be taken".to_owned()),
        ("beta", _) => Some("beta".to_owned()),
        _ => None,
    }
}

/// "1 posting", "2 postings".
pub fn plural(n: u32, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// `part` as a whole percentage of `whole` (0 when `whole` is 0).
pub fn percent(part: u32, whole: u32) -> u32 {
    if whole == 0 {
        0
    } else {
        u32::try_from((u64::from(part) * 100 + u64::from(whole) / 2) / u64::from(whole))
            .unwrap_or(100)
    }
}

/// One line of text for a terminal (a file name): the shared sanitiser's escapes.
pub fn terminal_safe(text: &str) -> String {
    crate::sanitize::terminal(text).into_owned()
}

fn json_safe(text: &str) -> String {
    crate::sanitize::json(text).into_owned()
}

/// The evidence kept by `--save`: counts and the date, never a posting's text or a file name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Evidence")]
pub struct Evidence {
    pub version: u32,
    pub scanned: jiff::Timestamp,
    /// The knowledge the credentials were matched with (`catalog-2026-11-01`).
    pub knowledge_version: String,
    pub postings: u32,
    pub with_any_certification: u32,
    pub certifications: Vec<EvidenceCount>,
    pub platforms: Vec<(Platform, u32)>,
    pub skills: Vec<(String, u32)>,
}

/// Only the version of a saved file.
#[derive(Deserialize)]
struct Version {
    version: u32,
}

/// One credential's counts in the evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "Count")]
pub struct EvidenceCount {
    pub id: String,
    pub postings: u32,
    pub required: u32,
    pub preferred: u32,
}

/// Why the evidence could not be saved or loaded.
#[derive(Debug, thiserror::Error)]
pub enum EvidenceError {
    #[error("{0}")]
    Store(#[from] crate::store::StoreError),
    #[error("{}: {reason}", file.display())]
    Unreadable { file: PathBuf, reason: String },
    #[error("{} was written by a newer certwise (version {found}); update certwise to use it", file.display())]
    Newer { file: PathBuf, found: u32 },
}

impl Evidence {
    pub const VERSION: u32 = 1;
    pub const FILE: &'static str = "postings-evidence.ron";

    pub fn from_report(kb: &Knowledge, report: &Report, scanned: jiff::Timestamp) -> Evidence {
        Evidence {
            version: Self::VERSION,
            scanned,
            knowledge_version: kb.version(),
            postings: report.postings,
            with_any_certification: report.with_any_certification,
            certifications: report
                .certifications
                .iter()
                .map(|c| EvidenceCount {
                    id: c.id.clone(),
                    postings: c.postings,
                    required: c.required,
                    preferred: c.preferred,
                })
                .collect(),
            platforms: report
                .platforms
                .iter()
                .map(|p| (p.platform, p.postings))
                .collect(),
            skills: report
                .skills
                .iter()
                .map(|s| (s.skill.clone(), s.postings))
                .collect(),
        }
    }

    /// Where the evidence lives in a data folder.
    pub fn path(data_dir: &Path) -> PathBuf {
        data_dir.join(Self::FILE)
    }

    /// Writes the evidence atomically (owner-only) into the data folder, replacing the last one.
    ///
    /// # Errors
    /// The folder cannot be created or the file written.
    pub fn save(&self, data_dir: &Path) -> Result<PathBuf, EvidenceError> {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder
            .create(data_dir)
            .map_err(|e| EvidenceError::Unreadable {
                file: data_dir.to_owned(),
                reason: format!("cannot create the data folder: {e}"),
            })?;
        let path = Self::path(data_dir);
        let mut text = ron::ser::to_string_pretty(
            self,
            ron::ser::PrettyConfig::new().new_line("\n".to_owned()),
        )
        .map_err(|e| EvidenceError::Unreadable {
            file: path.clone(),
            reason: e.to_string(),
        })?;
        text.push('\n');
        crate::store::write_atomic(&path, text.as_bytes())?;
        Ok(path)
    }

    /// The saved evidence, if there is some (the version is read first: a newer file is refused,
    /// never misread).
    ///
    /// # Errors
    /// The file is there but cannot be read, does not parse, or is from a newer certwise.
    pub fn load(data_dir: &Path) -> Result<Option<Evidence>, EvidenceError> {
        let path = Self::path(data_dir);
        if std::fs::symlink_metadata(&path).is_err() {
            return Ok(None);
        }
        let unreadable = |reason: String| EvidenceError::Unreadable {
            file: path.clone(),
            reason,
        };
        let bytes = crate::store::read_limited(&path, 1024 * 1024, Some(data_dir))
            .map_err(|e| unreadable(e.to_string()))?;
        let text = String::from_utf8_lossy(&bytes);
        let text = text.trim_start_matches('\u{feff}');
        let v: Version = ron::from_str(text).map_err(|e| unreadable(e.to_string()))?;
        if v.version > Self::VERSION {
            return Err(EvidenceError::Newer {
                file: path,
                found: v.version,
            });
        }
        ron::from_str(text)
            .map(Some)
            .map_err(|e| unreadable(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_round_and_never_divide_by_zero() {
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(2, 3), 67);
        assert_eq!(percent(0, 0), 0);
    }
}
