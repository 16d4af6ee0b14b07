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
    #[serde(skip)]
    pub order: u64,
    pub file: String,
    pub reason: String,
}

/// A scanner: the matcher and the counts so far. Feed it files (or text), then take the tally.
pub struct Scanner<'a> {
    matcher: &'a Matcher,
    tally: Tally,
    posting: matcher::Posting,
    found: matcher::Found,
    /// The walk's number of the item being scanned, to list skipped files in walk order.
    order: u64,
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
            order: 0,
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

    /// Scans one item of the walk: a file's bytes, or the reason it was skipped.
    fn scan_item(&mut self, item: read::Item) {
        match item {
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
        }
    }

    fn skip(&mut self, path: &std::path::Path, reason: String) {
        self.tally.skipped.push(Skipped {
            order: self.order,
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
    // Validating first is much faster than the lossy decoder on the common, valid case.
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(std::borrow::Cow::Borrowed(text)),
        Err(_) => Ok(String::from_utf8_lossy(bytes)),
    }
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

/// How many files are scanned at once: the machine's cores, at most 4.
fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
}

/// Reads and scans every file under `paths` (folders recursively). One thread walks and reads;
/// `threads` scan, each with its own counts, merged at the end. At most about `2 * threads`
/// files are in memory at once, each under the size limit; files that cannot be read are listed
/// in the tally's `skipped`, in walk order.
pub fn scan_paths(
    matcher: &Matcher,
    skills: &SkillsFile,
    paths: &[PathBuf],
    threads: usize,
) -> Tally {
    let threads = threads.max(1);
    let (send, receive) = std::sync::mpsc::sync_channel::<(u64, read::Item)>(threads);
    let receive = std::sync::Mutex::new(receive);
    let mut total = Scanner::new(matcher, skills).finish();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                let receive = &receive;
                scope.spawn(move || {
                    let mut scanner = Scanner::new(matcher, skills);
                    loop {
                        // A poisoned lock only means another worker panicked; the data is a queue.
                        let next = receive
                            .lock()
                            .unwrap_or_else(std::sync::PoisonError::into_inner)
                            .recv();
                        let Ok((order, item)) = next else { break };
                        scanner.order = order;
                        scanner.scan_item(item);
                    }
                    scanner.finish()
                })
            })
            .collect();
        let mut order = 0;
        read::walk(paths, |item| {
            order += 1;
            let _ = send.send((order, item));
        });
        drop(send);
        for worker in workers {
            if let Ok(tally) = worker.join() {
                total.merge(tally);
            }
        }
    });
    total.skipped.sort_by_key(|s| s.order);
    total
}

impl Tally {
    /// Adds another scanner's counts to these.
    pub fn merge(&mut self, other: Tally) {
        self.postings += other.postings;
        self.with_any_certification += other.with_any_certification;
        self.files += other.files;
        for (mine, theirs) in self.credentials.iter_mut().zip(other.credentials) {
            for (m, t) in mine.iter_mut().zip(theirs) {
                *m += t;
            }
        }
        for (m, t) in self.platforms.iter_mut().zip(other.platforms) {
            *m += t;
        }
        for (m, t) in self.skills.iter_mut().zip(other.skills) {
            *m += t;
        }
        self.skipped.extend(other.skipped);
    }
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
    scan_on(kb, paths, jiff::ZonedDateTime::now().date())
}

/// [`scan`], with statuses (retired, retiring) as of `today`.
///
/// # Errors
/// A path that does not exist (nothing is scanned then), or a broken skills file.
pub fn scan_on(
    kb: &Knowledge,
    paths: &[PathBuf],
    today: jiff::civil::Date,
) -> Result<report::Report, ScanError> {
    for p in paths {
        if std::fs::symlink_metadata(p).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound) {
            return Err(ScanError::NotFound(p.to_string_lossy().into_owned()));
        }
    }
    let skills = SkillsFile::embedded()
        .map_err(|e| ScanError::Setup(format!("assets/skills.ron is broken: {e}")))?;
    let matcher = Matcher::new(kb, skills).map_err(|e| ScanError::Setup(e.to_string()))?;
    let tally = scan_paths(&matcher, skills, paths, threads());
    Ok(report::Report::new(kb, &matcher, skills, &tally, today))
}

/// Scans postings given as text (several separated by lines of `---`), as a file holding them
/// would be: HTML is read as HTML.
///
/// # Errors
/// A broken skills file.
pub fn scan_text(
    kb: &Knowledge,
    text: &str,
    today: jiff::civil::Date,
) -> Result<report::Report, ScanError> {
    let skills = SkillsFile::embedded()
        .map_err(|e| ScanError::Setup(format!("assets/skills.ron is broken: {e}")))?;
    let matcher = Matcher::new(kb, skills).map_err(|e| ScanError::Setup(e.to_string()))?;
    let mut scanner = Scanner::new(&matcher, skills);
    // Empty text is simply no posting: the report says so.
    let _ = scanner.scan_bytes(text.as_bytes(), false);
    Ok(report::Report::new(
        kb,
        &matcher,
        skills,
        &scanner.finish(),
        today,
    ))
}
