//! The person's own catalog: certifications they evaluated, kept in `catalog.ron` in the data
//! folder and used by the advisor like built-in entries. A bad entry is reported with its file,
//! line and column and skipped; it never stops certwise.

use std::path::Path;

use jiff::civil::Date;

use crate::evaluate::{Facts, Verdict};
use crate::knowledge::{Entry, Kind, Knowledge, Level, Range, Rating, Status};
use crate::store::{StoreError, slug, write_atomic};

/// The file name inside the data folder.
pub const FILE: &str = "catalog.ron";

/// What loading the user catalog found.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub entries: Vec<Entry>,
    /// One line per skipped entry: `FILE:line:column: what is wrong`.
    pub problems: Vec<String>,
}

/// Turns an evaluation into a catalog entry. Unknown facts become zero-width ranges at 0 and the
/// summary says they were not known.
pub fn entry_from(facts: &Facts, verdict: &Verdict, today: Date) -> Entry {
    let tier = verdict.tier;
    let (base, hiring) = match tier {
        1 => (40, Rating::Good),
        2 => (30, Rating::Low),
        3 => (15, Rating::Low),
        _ => (5, Rating::None),
    };
    let cost = facts.cost_usd.unwrap_or(0);
    let hours = facts.prep_hours.unwrap_or(0);
    let unknown = if verdict.unknown.is_empty() {
        String::new()
    } else {
        format!(" Not known when evaluated: {}.", verdict.unknown.join(", "))
    };
    Entry {
        id: format!("user-{}", slug(&facts.name)),
        name: facts.name.trim().to_owned(),
        provider: "(your evaluation)".to_owned(),
        kind: Kind::Certification,
        tier: Some(tier),
        cost_usd: Range { min: cost, max: cost },
        prep_hours: Range { min: hours, max: hours },
        postings_percent: facts.postings_percent,
        platform: None,
        practical: facts.practical.unwrap_or(false),
        level: Level::Associate,
        skill_building: if facts.practical == Some(true) { Rating::Moderate } else { Rating::Low },
        hiring_signal: hiring,
        status: Status::Active,
        reviewed: today,
        base_score: base,
        base_reason: format!("tier {tier} by your own evaluation"),
        summary: format!("Evaluated by you with certwise.{unknown}"),
        verdict: verdict.verdict.clone(),
        red_flags: verdict.red_flags.iter().map(|f| f.flag).collect(),
    }
}

/// Reads the user catalog. A missing file is an empty catalog; a file that is not a list is one
/// problem; each entry that does not parse is one problem and is skipped.
pub fn load(path: &Path) -> Loaded {
    let shown = path.display().to_string();
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Loaded::default(),
        Err(e) => {
            return Loaded {
                entries: Vec::new(),
                problems: vec![format!("{shown}: cannot read: {e}")],
            };
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut loaded = Loaded::default();
    let Some(items) = split_list(text) else {
        loaded
            .problems
            .push(format!("{shown}:1:1: expected a list of entries: [ (...), (...) ]"));
        return loaded;
    };
    for (start, item) in items {
        match ron::from_str::<Entry>(item) {
            Ok(entry) => loaded.entries.push(entry),
            Err(e) => {
                let (line, col) = position(text, start, e.span.start.line, e.span.start.col);
                loaded
                    .problems
                    .push(format!("{shown}:{line}:{col}: {} (entry skipped)", e.code));
            }
        }
    }
    loaded
}

/// Adds (or replaces, by id) an entry and writes the file atomically. A file with entries that do
/// not load is never rewritten, so nothing the person wrote is lost.
///
/// # Errors
/// The file has entries that do not load (fix them first), or the write fails.
pub fn add(path: &Path, entry: Entry) -> Result<(), StoreError> {
    let mut loaded = load(path);
    if !loaded.problems.is_empty() {
        return Err(StoreError::Unreadable {
            path: path.to_owned(),
            reason: format!(
                "it has entries that do not load, so it is not rewritten: {}",
                loaded.problems.join("; ")
            ),
        });
    }
    loaded.entries.retain(|e| e.id != entry.id);
    loaded.entries.push(entry);
    let config = ron::ser::PrettyConfig::new().new_line("\n".to_owned());
    let mut text = ron::ser::to_string_pretty(&loaded.entries, config).unwrap_or_default();
    text.push('\n');
    write_atomic(path, text.as_bytes())
}

/// The knowledge base with the user's entries added. Entries whose id is taken, or which break
/// the knowledge base's rules, are skipped with a message.
pub fn merged(kb: &Knowledge, entries: &[Entry]) -> (Knowledge, Vec<String>) {
    let mut out = kb.clone();
    let mut problems = Vec::new();
    for e in entries {
        if out.entry(&e.id).is_some() {
            problems.push(format!("your entry `{}` has the id of another entry; skipped", e.id));
            continue;
        }
        out.catalog.entries.push(e.clone());
        let found = out.problems();
        if !found.is_empty() {
            out.catalog.entries.pop();
            problems.push(format!("your entry `{}` is inconsistent ({}); skipped", e.id, found.join("; ")));
        }
    }
    (out, problems)
}

/// Splits a RON list into its top-level items, each with its byte offset. Strings, characters,
/// comments and nesting are respected. `None` if the text is not a list.
fn split_list(text: &str) -> Option<Vec<(usize, &str)>> {
    let trimmed_start = text.len() - skip_blank(text).len();
    let body = &text[trimmed_start..];
    if !body.starts_with('[') {
        return None;
    }
    let mut items = Vec::new();
    let mut depth = 0usize;
    let mut item_start: Option<usize> = None;
    let bytes = text.as_bytes();
    let mut i = trimmed_start;
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'"' => i = skip_string(bytes, i),
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < bytes.len() && !(bytes[i] == b'*' && bytes[i + 1] == b'/') {
                    i += 1;
                }
                i += 1;
            }
            b'[' | b'(' | b'{' => {
                if depth == 1 && item_start.is_none() {
                    item_start = Some(i);
                }
                depth += 1;
            }
            b']' | b')' | b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    if let Some(s) = item_start.take() {
                        items.push((s, text[s..i].trim_end()));
                    }
                    return Some(items);
                }
            }
            b',' if depth == 1 => {
                if let Some(s) = item_start.take() {
                    items.push((s, text[s..i].trim_end()));
                }
            }
            c if depth == 1 && item_start.is_none() && !c.is_ascii_whitespace() => item_start = Some(i),
            _ => {}
        }
        i += 1;
    }
    None
}

fn skip_blank(text: &str) -> &str {
    let mut rest = text;
    loop {
        let trimmed = rest.trim_start();
        if let Some(after) = trimmed.strip_prefix("//") {
            rest = after.split_once('\n').map_or("", |(_, r)| r);
        } else {
            return trimmed;
        }
    }
}

/// The index of the closing quote of a string starting at `i`.
fn skip_string(bytes: &[u8], mut i: usize) -> usize {
    i += 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i,
            _ => i += 1,
        }
    }
    i
}

/// The file position of an error at `line:col` inside an item starting at byte `start`.
fn position(text: &str, start: usize, line: usize, col: usize) -> (usize, usize) {
    let before = &text[..start];
    let item_line = before.matches('\n').count() + 1;
    let item_col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    if line <= 1 {
        (item_line, item_col + col.saturating_sub(1))
    } else {
        (item_line + line - 1, col)
    }
}
