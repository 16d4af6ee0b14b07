//! Job-posting evidence: which certifications, clouds and skills the postings a person saved
//! actually ask for. `certwise postings scan` reads text, Markdown and HTML files (a file holds
//! one posting, or several separated by a line of `---`), finds every catalog credential by name,
//! exam code and alias with one automaton, and counts in how many postings each is named,
//! required or preferred. Nothing here touches the terminal; `report` renders, `cli` prints.

pub mod html;
pub mod matcher;
pub mod read;
pub mod report;
pub mod skills;

use std::path::PathBuf;

use serde::Serialize;

use crate::knowledge::{Knowledge, Platform};

pub use matcher::{Matcher, Mention};
pub use report::{Evidence, EvidenceError};
pub use skills::SkillsFile;

/// Counts over every posting scanned; indexes follow the matcher's credentials and the skills
/// file's skills.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    pub postings: u32,
    pub with_any_certification: u32,
    /// Per credential: postings naming it, requiring it, preferring it.
    pub credentials: Vec<[u32; 3]>,
    /// Per `Platform::ALL` index.
    pub platforms: [u32; 7],
    pub skills: Vec<u32>,
    pub files: u32,
    pub skipped: Vec<Skipped>,
}

/// A file that was not read, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    pub file: String,
    pub reason: String,
}

/// A scanner: the matcher and the counts so far. Feed it files (or text), then take the tally.
pub struct Scanner<'a> {
    matcher: &'a Matcher,
    tally: Tally,
    posting: matcher::Posting,
    found: matcher::Found,
}

impl<'a> Scanner<'a> {
    pub fn new(matcher: &'a Matcher, skills: &SkillsFile) -> Self {
        Scanner {
            matcher,
            tally: Tally {
                credentials: vec![[0; 3]; matcher.credentials.len()],
                skills: vec![0; skills.skills.len()],
                ..Tally::default()
            },
            posting: matcher::Posting::default(),
            found: matcher::Found::default(),
        }
    }

    /// Scans one file's bytes; a file that holds no posting is returned as the reason.
    ///
    /// # Errors
    /// Why the bytes are not postings (binary, PDF, empty).
    pub fn scan_bytes(&mut self, bytes: &[u8], html_by_name: bool) -> Result<u32, String> {
        let text = decode(bytes)?;
        let before = self.tally.postings;
        if html_by_name || html::looks_like_html(&text) {
            self.scan_text(&html::to_text(&text));
        } else {
            self.scan_text(&text);
        }
        match self.tally.postings - before {
            0 => Err("empty: no text in it".to_owned()),
            n => Ok(n),
        }
    }

    /// Scans text holding postings separated by lines of `---`.
    pub fn scan_text(&mut self, text: &str) {
        self.posting.clear();
        for line in text.lines() {
            if line.trim() == "---" {
                self.end_posting();
            } else {
                self.posting.push_line(line);
            }
        }
        self.end_posting();
    }

    fn end_posting(&mut self) {
        self.posting.finish();
        if self.posting.has_words() {
            self.matcher.find(&self.posting, &mut self.found);
            let t = &mut self.tally;
            t.postings += 1;
            t.with_any_certification += u32::from(self.found.certification);
            for &(c, how) in &self.found.credentials {
                let counts = &mut t.credentials[usize::from(c)];
                counts[0] += 1;
                match how {
                    Mention::Required => counts[1] += 1,
                    Mention::Preferred => counts[2] += 1,
                    Mention::Named => {}
                }
            }
            for p in self.found.platforms() {
                if let Some(i) = Platform::ALL.iter().position(|&q| q == p) {
                    t.platforms[i] += 1;
                }
            }
            for &s in &self.found.skills {
                t.skills[usize::from(s)] += 1;
            }
        }
        self.posting.clear();
    }

    /// Reads and scans every file under `paths` (folders recursively), one file in memory at a
    /// time; files that cannot be read are listed in the tally's `skipped`.
    pub fn scan_paths(&mut self, paths: &[PathBuf]) {
        read::walk(paths, |item| match item {
            read::Item::File { path, bytes } => {
                let html = path.extension().is_some_and(|e| {
                    ["html", "htm", "xhtml"]
                        .contains(&e.to_string_lossy().to_ascii_lowercase().as_str())
                });
                match self.scan_bytes(&bytes, html) {
                    Ok(_) => self.tally.files += 1,
                    Err(reason) => self.skip(&path, reason),
                }
            }
            read::Item::Skipped { path, reason } => self.skip(&path, reason),
        });
    }

    fn skip(&mut self, path: &std::path::Path, reason: String) {
        self.tally.skipped.push(Skipped {
            file: path.to_string_lossy().into_owned(),
            reason,
        });
    }

    pub fn finish(self) -> Tally {
        self.tally
    }
}

/// The text of a file: UTF-8 (a byte-order mark dropped; invalid bytes, as in a file saved as
/// Latin-1, replaced rather than refused), or UTF-16 with its byte-order mark. Binary files
/// (a NUL byte) and PDFs are refused.
///
/// # Errors
/// The reason the bytes are not text.
pub fn decode(bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>, String> {
    if bytes.starts_with(b"%PDF-") {
        return Err(read::PDF_REASON.to_owned());
    }
    if let Some(units) = utf16(bytes) {
        return Ok(std::borrow::Cow::Owned(
            char::decode_utf16(units)
                .map(|c| c.unwrap_or('\u{fffd}'))
                .collect(),
        ));
    }
    if bytes.contains(&0) {
        return Err("binary, not text".to_owned());
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    Ok(String::from_utf8_lossy(bytes))
}

fn utf16(bytes: &[u8]) -> Option<Vec<u16>> {
    let (body, little) = if let Some(b) = bytes.strip_prefix(b"\xff\xfe") {
        (b, true)
    } else if let Some(b) = bytes.strip_prefix(b"\xfe\xff") {
        (b, false)
    } else {
        return None;
    };
    Some(
        body.chunks(2)
            .map(|pair| {
                let pair = [pair[0], pair.get(1).copied().unwrap_or(0)];
                if little {
                    u16::from_le_bytes(pair)
                } else {
                    u16::from_be_bytes(pair)
                }
            })
            .collect(),
    )
}

/// Why a scan could not start.
#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    #[error("no such file or folder: {0}")]
    NotFound(String),
    #[error("{0}")]
    Setup(String),
}

/// Scans `paths` with the embedded skills file and returns the report.
///
/// # Errors
/// A path that does not exist (nothing is scanned then), or a broken skills file.
pub fn scan(kb: &Knowledge, paths: &[PathBuf]) -> Result<report::Report, ScanError> {
    for p in paths {
        if std::fs::symlink_metadata(p).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound) {
            return Err(ScanError::NotFound(p.to_string_lossy().into_owned()));
        }
    }
    let skills = SkillsFile::embedded()
        .map_err(|e| ScanError::Setup(format!("assets/skills.ron is broken: {e}")))?;
    let matcher = Matcher::new(kb, skills).map_err(|e| ScanError::Setup(e.to_string()))?;
    let mut scanner = Scanner::new(&matcher, skills);
    scanner.scan_paths(paths);
    Ok(report::Report::new(
        kb,
        &matcher,
        skills,
        &scanner.finish(),
        jiff::Zoned::now().date(),
    ))
}
