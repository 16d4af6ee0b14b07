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

/// How an entry's summary lists the facts that were not known (read back by [`not_known`]).
const NOT_KNOWN: &str = "Not known when evaluated: ";

/// What loading the user catalog found.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub entries: Vec<Entry>,
    /// One line per skipped entry: `FILE:line:column: what is wrong`.
    pub problems: Vec<String>,
}

/// Turns an evaluation into a catalog entry. An unknown cost or preparation time is flagged
/// (`cost_unknown`, `hours_unknown`; its range is a placeholder at 0, never used as a fact) and the
/// summary says it was not known.
pub fn entry_from(facts: &Facts, verdict: &Verdict, today: Date) -> Entry {
    let tier = verdict.tier;
    let (base, hiring) = match tier {
        Some(1) => (40, Rating::Good),
        Some(2) => (30, Rating::Low),
        Some(3) | None => (15, Rating::Low),
        Some(_) => (5, Rating::None),
    };
    let cost = facts.cost_usd.unwrap_or(0);
    let hours = facts.prep_hours.unwrap_or(0);
    let unknown = if verdict.unknown.is_empty() {
        String::new()
    } else {
        format!(" {NOT_KNOWN}{}.", verdict.unknown.join(", "))
    };
    Entry {
        id: format!("user-{}", slug(&facts.name)),
        name: facts.name.trim().to_owned(),
        provider: "(your evaluation)".to_owned(),
        kind: Kind::Certification,
        // A catalog certification needs a tier; one too little is known about ranks as limited
        // value (tier 3) until evaluated again, and its reason says so.
        tier: Some(tier.unwrap_or(3)),
        cost_usd: Range {
            min: cost,
            max: cost,
        },
        prep_hours: Range {
            min: hours,
            max: hours,
        },
        postings_percent: facts.postings_percent,
        platform: None,
        practical: facts.practical.unwrap_or(false),
        level: Level::Associate,
        skill_building: if facts.practical == Some(true) {
            Rating::Moderate
        } else {
            Rating::Low
        },
        hiring_signal: hiring,
        status: Status::Active,
        reviewed: today,
        base_score: base,
        base_reason: tier.map_or_else(
            || "not yet judged by your own evaluation: too little known".to_owned(),
            |t| format!("tier {t} by your own evaluation"),
        ),
        summary: format!("Evaluated by you with certwise.{unknown}"),
        verdict: verdict.verdict.clone(),
        red_flags: verdict.red_flags.iter().map(|f| f.flag).collect(),
        needs_coding: None,
        cost_unknown: facts.cost_usd.is_none(),
        hours_unknown: facts.prep_hours.is_none(),
        audience: Vec::new(),
        exam_code: None,
        aliases: Vec::new(),
        prerequisites: Vec::new(),
        validity_years: None,
        renewal: None,
        format: crate::knowledge::Format::default(),
        pricing: None,
        sources: vec![crate::knowledge::Source {
            fact: "all".to_owned(),
            source: "your own evaluation with certwise".to_owned(),
            checked: today,
            estimate: false,
            unverified: false,
        }],
    }
}

/// The facts that were unknown when an entry was evaluated, as [`entry_from`] recorded them in its
/// summary (`cost-usd`, `prep-hours`, ...). An unknown cost or time is also flagged on the entry
/// (`cost_unknown`, `hours_unknown`), so a display says "not known" rather than "free". Empty for built-in and hand-written entries.
pub fn not_known(e: &Entry) -> Vec<&str> {
    e.summary
        .split_once(NOT_KNOWN)
        .map(|(_, rest)| {
            rest.trim_end_matches('.')
                .split(", ")
                .map(str::trim)
                .collect()
        })
        .unwrap_or_default()
}

/// Reads the user catalog. A missing file is an empty catalog; a file that is not a list is one
/// problem; each entry that does not parse is one problem and is skipped.
pub fn load(path: &Path) -> Loaded {
    let shown = path.display().to_string();
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        // No file, or a data folder that cannot exist (a file in its path): no entries of yours.
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
            ) =>
        {
            return Loaded::default();
        }
        Err(e) => {
            return Loaded {
                entries: Vec::new(),
                problems: vec![format!("{shown}: cannot read: {e}")],
            };
        }
    };
    // A byte-order mark is not part of the text; positions count from after it, as editors do.
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut loaded = Loaded::default();
    let Some(list) = split_list(text) else {
        loaded.problems.push(format!(
            "{shown}:1:1: expected a list of entries: [ (...), (...) ]"
        ));
        return loaded;
    };
    let mut last_failed = false;
    for (start, item) in list.items {
        match ron::from_str::<Entry>(item) {
            Ok(mut entry) => {
                // Files written before the flags existed record unknown facts in the summary.
                let unknown = not_known(&entry);
                let (cost, hours) = (
                    unknown.contains(&"cost-usd"),
                    unknown.contains(&"prep-hours"),
                );
                entry.cost_unknown |= cost;
                entry.hours_unknown |= hours;
                loaded.entries.push(entry);
                last_failed = false;
            }
            Err(e) => {
                let (line, col) = position(text, start, e.span.start.line, e.span.start.col);
                loaded
                    .problems
                    .push(format!("{shown}:{line}:{col}: {} (entry skipped)", e.code));
                last_failed = true;
            }
        }
    }
    // An unfinished last entry already says where the file stops; otherwise say it here.
    if let Some(at) = list.unclosed_at
        && !last_failed
    {
        let (line, col) = position(text, at, 1, 1);
        loaded.problems.push(format!(
            "{shown}:{line}:{col}: the list is not closed: expected `]` at the end"
        ));
    }
    if let Some(at) = list.trailing_at {
        let (line, col) = position(text, at, 1, 1);
        loaded.problems.push(format!(
            "{shown}:{line}:{col}: text after the list's closing `]` is ignored"
        ));
    }
    loaded
}

/// Adds (or replaces, by id) an entry and writes the file atomically. A file with entries that do
/// not load is never rewritten, so nothing the person wrote is lost.
///
/// # Errors
/// The file has entries that do not load (fix them first), or the write fails.
pub fn add(path: &Path, entry: Entry) -> Result<(), StoreError> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    if let Some(dir) = dir {
        create_private_dir(dir)?;
    }
    // Read, change and write under the data folder's write lock: two copies adding at once must
    // not each write back what they read, losing the other's entry.
    let _lock = crate::store::lock_folder(dir.unwrap_or(Path::new(".")))?;
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
    // Never write an empty file over the person's entries because serialising failed.
    let mut text = ron::ser::to_string_pretty(&loaded.entries, config).map_err(|e| {
        StoreError::Unreadable {
            path: path.to_owned(),
            reason: format!("not written: the entries cannot be written as RON: {e}"),
        }
    })?;
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
            let whose = if kb.entry(&e.id).is_some() {
                "a built-in entry"
            } else {
                "an earlier entry of yours"
            };
            problems.push(format!(
                "your entry `{}` has the id of {whose}; skipped",
                e.id
            ));
            continue;
        }
        out.catalog.entries.push(e.clone());
        let found = out.problems();
        if !found.is_empty() {
            out.catalog.entries.pop();
            problems.push(format!(
                "your entry `{}` is inconsistent ({}); skipped",
                e.id,
                found.join("; ")
            ));
        }
    }
    (out, problems)
}

/// A RON list's top-level items, as found by [`split_list`].
#[derive(Debug, Default)]
struct List<'a> {
    /// Each item's byte offset and text.
    items: Vec<(usize, &'a str)>,
    /// The end of the text, when the list is never closed.
    unclosed_at: Option<usize>,
    /// Where text after the closing `]` starts, if there is any.
    trailing_at: Option<usize>,
}

/// Splits a RON list into its top-level items, each with its byte offset, so that one bad entry
/// can be reported and skipped while the others load. Strings, raw strings, characters and
/// (nested) comments are respected. Blank text, or comments alone, is an empty list; `None` if the
/// text is something other than a list.
fn split_list(text: &str) -> Option<List<'_>> {
    let bytes = text.as_bytes();
    let open = skip_blank(bytes, 0);
    if open == bytes.len() {
        return Some(List::default());
    }
    if bytes[open] != b'[' {
        return None;
    }
    let mut out = List::default();
    // The closers expected, innermost last; the first is the list's own `]`.
    let mut closers = vec![b']'];
    let mut item_start: Option<usize> = None;
    let mut push = |start: &mut Option<usize>, end: usize| {
        if let Some(s) = start.take() {
            out.items.push((s, text[s..end].trim_end()));
        }
    };
    let mut i = open + 1;
    while i < bytes.len() {
        if let Some(end) = skip_literal(bytes, i) {
            if closers.len() == 1 && item_start.is_none() && bytes[i] != b'/' {
                item_start = Some(i);
            }
            i = end;
            continue;
        }
        let c = bytes[i];
        match c {
            b'[' | b'(' | b'{' => {
                if closers.len() == 1 && item_start.is_none() {
                    item_start = Some(i);
                }
                closers.push(match c {
                    b'[' => b']',
                    b'(' => b')',
                    _ => b'}',
                });
            }
            b']' if closers.len() == 1 => {
                push(&mut item_start, i);
                let after = skip_blank(bytes, i + 1);
                out.trailing_at = (after < bytes.len()).then_some(after);
                return Some(out);
            }
            // A stray `)` or `}` between entries belongs to a bad entry, not to the list.
            b')' | b'}' if closers.len() == 1 => {
                item_start.get_or_insert(i);
            }
            b']' | b')' | b'}' => {
                // A mismatched closer still closes: the entry's parser reports the mismatch.
                closers.pop();
            }
            b',' if closers.len() == 1 => push(&mut item_start, i),
            c if closers.len() == 1 && item_start.is_none() && !c.is_ascii_whitespace() => {
                item_start = Some(i);
            }
            _ => {}
        }
        i += 1;
    }
    push(&mut item_start, bytes.len());
    out.unclosed_at = Some(bytes.len());
    Some(out)
}

/// The index after the whitespace and comments starting at `i`.
fn skip_blank(bytes: &[u8], mut i: usize) -> usize {
    loop {
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        match (bytes.get(i), bytes.get(i + 1)) {
            (Some(b'/'), Some(b'/' | b'*')) => i = skip_literal(bytes, i).unwrap_or(bytes.len()),
            _ => return i,
        }
    }
}

/// If a string, raw string, character or comment starts at `i`, the index just after it (the
/// end of the text if it is never closed).
fn skip_literal(bytes: &[u8], i: usize) -> Option<usize> {
    let len = bytes.len();
    match (bytes[i], bytes.get(i + 1)) {
        (b'"', _) => {
            let mut j = i + 1;
            while j < len {
                match bytes[j] {
                    b'\\' => j += 2,
                    b'"' => return Some(j + 1),
                    _ => j += 1,
                }
            }
            Some(len)
        }
        // A character literal is short; a lone quote is left to the parser to report.
        (b'\'', _) => {
            let mut j = i + 1;
            while j < len && j <= i + 12 {
                match bytes[j] {
                    b'\\' => j += 2,
                    b'\'' if j > i + 1 => return Some(j + 1),
                    b'\n' => return None,
                    _ => j += 1,
                }
            }
            None
        }
        (b'r', Some(b'"' | b'#'))
            if i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_') =>
        {
            let hashes = bytes[i + 1..].iter().take_while(|&&b| b == b'#').count();
            let quote = i + 1 + hashes;
            if bytes.get(quote) != Some(&b'"') {
                return None;
            }
            let mut j = quote + 1;
            while j < len {
                if bytes[j] == b'"'
                    && bytes[j + 1..].iter().take_while(|&&b| b == b'#').count() >= hashes
                {
                    return Some(j + 1 + hashes);
                }
                j += 1;
            }
            Some(len)
        }
        (b'/', Some(b'/')) => Some(
            bytes[i..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(len, |p| i + p),
        ),
        (b'/', Some(b'*')) => {
            // Block comments nest in RON.
            let mut depth = 0usize;
            let mut j = i;
            while j + 1 < len {
                match (bytes[j], bytes[j + 1]) {
                    (b'/', b'*') => {
                        depth += 1;
                        j += 2;
                    }
                    (b'*', b'/') => {
                        depth -= 1;
                        j += 2;
                        if depth == 0 {
                            return Some(j);
                        }
                    }
                    _ => j += 1,
                }
            }
            Some(len)
        }
        _ => None,
    }
}

/// Creates the data folder if needed, readable by its owner only, as the store does.
fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(|source| StoreError::Io {
        action: "create",
        path: dir.to_owned(),
        source,
    })
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
