//! The person's own catalog: certifications they evaluated, kept in `catalog.ron` in the data
//! folder and used by the advisor like built-in entries. A bad entry is reported with its file,
//! line and column and skipped; it never stops certwise.
//!
//! The file is `(version: 2, entries: [...])` (format 1 was the bare list, and is still read).
//! It is read through the store's bounded reader, and rewritten with a `.bak` of the previous
//! file; entries and fields this build does not replace are written back exactly as they were,
//! so nothing a newer certwise or the person added is dropped.

use std::path::Path;

mod ron_text;

use ron_text::{position, split_list, split_struct};

use jiff::civil::Date;

use crate::evaluate::{Claim, Facts, Verdict};
use crate::knowledge::{Entry, Kind, Knowledge, Level, Range, Rating, RedFlag, Status};
use crate::store::{ReadError, StoreError, read_limited, replace_keeping_backup, slug};

/// The file name inside the data folder.
pub const FILE: &str = "catalog.ron";

/// The format version this build writes.
pub const VERSION: u32 = 2;
/// A catalog of evaluations is a few kilobytes an entry; anything far bigger is not one, and is
/// not read into memory.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// How an entry's summary lists the facts that were not known (read back by [`not_known`]).
const NOT_KNOWN: &str = "Not known when evaluated: ";

/// How the ids of your own entries start (`user-acme-applied-ai-7b7674`).
pub const ID_PREFIX: &str = "user-";

/// Whether an entry is one of your own evaluations (not the built-in catalog's).
pub fn is_yours(e: &Entry) -> bool {
    e.id.starts_with(ID_PREFIX)
}

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
        id: format!("{ID_PREFIX}{}", slug(&facts.name)),
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

/// The facts an entry of yours was saved with, to evaluate it again from: a fact it records as
/// not known stays unknown (never "no" or 0). An entry does not keep the content's age, so that
/// is unknown; "completion in days" is a claim only when the entry's short hours do not explain
/// the flag.
pub fn facts_of(e: &Entry) -> Facts {
    let unknown = not_known(e);
    let known = |fact: &str| !unknown.contains(&fact);
    let provider_known =
        known("provider-known").then(|| !e.red_flags.contains(&RedFlag::UnknownProvider));
    let prep_hours = (!e.hours_unknown && known("prep-hours")).then_some(e.prep_hours.min);
    // Short preparation from a provider not known to be sound raises the flag by itself.
    let short = prep_hours.is_some_and(|h| h <= crate::evaluate::DAYS_HOURS)
        && provider_known != Some(true);
    let claims = [
        (RedFlag::GuaranteedJob, Claim::GuaranteedJob),
        (RedFlag::NoBackgroundNeeded, Claim::NoBackgroundNeeded),
        (RedFlag::DaysToComplete, Claim::DaysToComplete),
    ]
    .into_iter()
    .filter(|(flag, claim)| {
        e.red_flags.contains(flag) && !(*claim == Claim::DaysToComplete && short)
    })
    .map(|(_, claim)| claim)
    .collect();
    Facts {
        name: e.name.clone(),
        provider_known,
        cost_usd: (!e.cost_unknown && known("cost-usd")).then_some(e.cost_usd.min),
        prep_hours,
        practical: known("practical").then_some(e.practical),
        content_age_years: None,
        claims,
        postings_percent: e.postings_percent,
        ..Facts::default()
    }
}

/// What saving `new` over `old`, an entry of yours of the same name, would lose, for people:
/// each fact `old` knows that `new` leaves unknown ("the fee"), each claim `old` records that
/// `new` does not make, and that the content is out of date when `new` leaves its age unknown.
/// Values `new` changes are not listed: changing them is what evaluating again is for.
pub fn facts_lost(old: &Entry, new: &Facts) -> Vec<String> {
    let before = facts_of(old);
    let unknown_before = crate::evaluate::unknown_facts(&before);
    let mut lost: Vec<String> = crate::evaluate::unknown_facts(new)
        .iter()
        .filter(|f| !unknown_before.contains(f))
        .map(|f| crate::evaluate::fact_label(f).to_owned())
        .collect();
    if old.red_flags.contains(&RedFlag::OutdatedContent) && new.content_age_years.is_none() {
        lost.push("that its content is out of date".to_owned());
    }
    lost.extend(
        before
            .claims
            .iter()
            .filter(|c| !new.claims.contains(c))
            .map(|c| format!("the claim \"{}\"", c.label())),
    );
    lost
}

/// Reads the user catalog. A missing file is an empty catalog; a file that cannot be read, is not
/// a catalog or comes from a newer certwise is one problem; each entry that does not parse is one
/// problem and is skipped.
pub fn load(path: &Path) -> Loaded {
    read(path).loaded
}

/// What reading the file found, with what writing it back needs.
#[derive(Debug, Default)]
struct FileText {
    loaded: Loaded,
    /// Each entry that loaded: its id, and its text as it stands in the file.
    items: Vec<(String, String)>,
    /// Top-level fields other than `version` and `entries` (`name: value`), as written.
    extra: Vec<String>,
}

fn read(path: &Path) -> FileText {
    let shown = path.display().to_string();
    let mut file = FileText::default();
    let problem = |p: String| {
        let mut file = FileText::default();
        file.loaded.problems.push(format!("{shown}{p}"));
        file
    };
    let folder = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let bytes = match read_limited(path, MAX_FILE_BYTES, Some(folder)) {
        Ok(bytes) => bytes,
        // No file, or a data folder that cannot exist (a file in its path): no entries of yours.
        Err(e) if e.is_not_found() => return file,
        Err(ReadError::TooBig { limit }) => {
            return problem(format!(
                ": it is bigger than {limit} bytes, far too big for a catalog of your evaluations"
            ));
        }
        Err(e) => return problem(format!(": cannot read: {e}")),
    };
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return problem(": cannot read: stream did not contain valid UTF-8".to_owned());
    };
    // A byte-order mark is not part of the text; positions count from after it, as editors do.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (list_text, base) = match entries_list(text, &mut file) {
        Ok(found) => found,
        Err(p) => return problem(p),
    };
    let Some(list) = split_list(list_text) else {
        let (line, col) = position(text, base, 1, 1);
        return problem(format!(
            ":{line}:{col}: expected a list of entries: [ (...), (...) ]"
        ));
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
                file.items.push((entry.id.clone(), item.to_owned()));
                file.loaded.entries.push(entry);
                last_failed = false;
            }
            Err(e) => {
                let (line, col) = position(text, base + start, e.span.start.line, e.span.start.col);
                file.loaded
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
        let (line, col) = position(text, base + at, 1, 1);
        file.loaded.problems.push(format!(
            "{shown}:{line}:{col}: the list is not closed: expected `]` at the end"
        ));
    }
    if let Some(at) = list.trailing_at {
        let (line, col) = position(text, base + at, 1, 1);
        file.loaded.problems.push(format!(
            "{shown}:{line}:{col}: text after the list's closing `]` is ignored"
        ));
    }
    file
}

/// The list of entries in the file's text and where it starts: the whole text for format 1 (a
/// bare list), the `entries` field for format 2, whose other fields are kept in `file.extra`.
/// The error is what follows the file's name in the problem.
fn entries_list<'a>(text: &'a str, file: &mut FileText) -> Result<(&'a str, usize), String> {
    let first = ron_text::skip_blank(text.as_bytes(), 0);
    if matches!(text.as_bytes().get(first), None | Some(b'[')) {
        return Ok((text, 0));
    }
    let Some(fields) = split_struct(text) else {
        return Err(
            ":1:1: expected a list of entries: (version: 2, entries: [ (...), (...) ])".to_owned(),
        );
    };
    let mut version = None;
    let mut entries = ("[]", 0);
    for (name, at, value) in &fields.fields {
        match *name {
            "version" => version = Some(value.parse::<u32>().map_err(|_| *at)),
            "entries" => entries = (*value, *at),
            _ => file.extra.push(format!("{name}: {value}")),
        }
    }
    match version {
        None => {
            return Err(
                ":1:1: no `version` field; expected a list of entries: (version: 2, entries: [ (...), (...) ])"
                    .to_owned(),
            );
        }
        Some(Err(at)) => {
            let (line, col) = position(text, at, 1, 1);
            return Err(format!(":{line}:{col}: the version is not a whole number"));
        }
        Some(Ok(v)) if v > VERSION => {
            return Err(format!(
                ": written by a newer certwise (format {v}, this one reads up to {VERSION}); its entries are not used, and it is left untouched"
            ));
        }
        Some(Ok(_)) => {}
    }
    if fields.unclosed {
        let (line, col) = position(text, text.len(), 1, 1);
        return Err(format!(
            ":{line}:{col}: the file is not closed: expected `)` at the end"
        ));
    }
    Ok(entries)
}

/// Adds (or replaces, by id) an entry and writes the file atomically, keeping the previous file
/// as `catalog.ron.bak`. A file with entries that do not load, or from a newer certwise, is never
/// rewritten, so nothing the person wrote is lost; the other entries, and fields this build does
/// not know, are written back as they were.
///
/// # Errors
/// The file has entries that do not load (fix them first), or the write fails.
pub fn add(path: &Path, entry: Entry) -> Result<(), StoreError> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    if let Some(dir) = dir {
        create_private_dir(dir)?;
    }
    let folder = dir.unwrap_or(Path::new("."));
    // Read, change and write under the data folder's write lock: two copies adding at once must
    // not each write back what they read, losing the other's entry.
    let _lock = crate::store::lock_folder(folder)?;
    let mut file = read(path);
    if !file.loaded.problems.is_empty() {
        return Err(StoreError::Unreadable {
            path: path.to_owned(),
            reason: format!(
                "it has entries that do not load, so it is not rewritten: {}",
                file.loaded.problems.join("; ")
            ),
        });
    }
    let config = ron::ser::PrettyConfig::new().new_line("\n".to_owned());
    // Never write an empty file over the person's entries because serialising failed.
    let new = ron::ser::to_string_pretty(&entry, config).map_err(|e| StoreError::Unreadable {
        path: path.to_owned(),
        reason: format!("not written: the entry cannot be written as RON: {e}"),
    })?;
    file.items.retain(|(id, _)| *id != entry.id);
    file.items.push((entry.id, new.replace('\n', "\n    ")));
    let mut text = format!("(version: {VERSION}, ");
    for field in &file.extra {
        text.push_str(field);
        text.push_str(", ");
    }
    text.push_str("entries: [\n");
    for (_, item) in &file.items {
        text.push_str("    ");
        text.push_str(item);
        text.push_str(",\n");
    }
    text.push_str("])\n");
    replace_keeping_backup(path, text.as_bytes(), folder)
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
