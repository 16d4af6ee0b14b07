//! `certwise catalog`, `certwise compare` and the person's own catalog on the command line: the
//! sources' tier list and their build-versus-certify comparison, with the user's evaluated entries
//! merged in (see `evaluate.rs` for `certwise evaluate`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use clap::Subcommand;
use jiff::civil::Date;
use serde::Serialize;

use super::{CliError, knowledge, print};
use crate::advisor::cost_text;
use crate::compare::{CompareError, Compared, compare};
use crate::knowledge::{Entry, Knowledge, Range, RedFlag, one_line};
use crate::{store, user_catalog};

mod evaluate;

pub use evaluate::EvaluateArgs;

/// The catalog, evaluation and comparison subcommands (flattened into `certwise`'s own).
#[derive(Debug, Subcommand)]
pub enum CatalogCommand {
    /// Every certification, course and alternative: tier, provider, cost, preparation, platform,
    /// postings, status and last review; your own entries included and marked.
    Catalog {
        /// `text` or `json`.
        #[arg(long, value_name = "text|json", default_value = "text")]
        format: String,
        /// Only the entries to check again: facts not reviewed in 12 months, or retiring
        /// within 6 months.
        #[arg(long)]
        stale: bool,
    },
    /// Judge any certification by five questions (do employers recognise it, is it practical,
    /// opportunity cost, total cost, is it up to date) and red flags; facts not given are treated
    /// as unknown and said so.
    Evaluate(EvaluateArgs),
    /// Build versus certify: cost, time, skill building, hiring signal and ROI side by side, for
    /// two or more catalog ids (yours included).
    Compare {
        /// Catalog ids, as `certwise catalog` lists them (at least two).
        #[arg(value_name = "ID")]
        ids: Vec<String>,
        /// `text` or `json`.
        #[arg(long, value_name = "text|json", default_value = "text")]
        format: String,
    },
}

/// Output formats of these subcommands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutFormat {
    Text,
    Json,
}

impl OutFormat {
    /// Parses `--format`, with a one-line message naming the valid values.
    ///
    /// # Errors
    /// Anything but `text` or `json`.
    pub fn parse(raw: &str) -> Result<Self, CliError> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "text" => Ok(OutFormat::Text),
            "json" => Ok(OutFormat::Json),
            _ => Err(CliError::usage(format!(
                "--format `{}` is not a format; valid: text, json",
                one_line(raw)
            ))),
        }
    }
}

/// Runs one of these subcommands.
///
/// # Errors
/// Bad input (exit 2), or a file that cannot be written (exit 1).
pub fn run(command: &CatalogCommand, data_dir: Option<&Path>) -> Result<(), CliError> {
    match command {
        CatalogCommand::Catalog { format, stale } => {
            let format = OutFormat::parse(format)?;
            let mut mine = with_yours(data_dir)?;
            let today = jiff::ZonedDateTime::now().date();
            if *stale {
                mine.kb
                    .catalog
                    .entries
                    .retain(|e| crate::knowledge::stale_reason(e, today).is_some());
            }
            print(&render_catalog(&mine, today, format))
        }
        CatalogCommand::Evaluate(args) => evaluate::run(args, data_dir),
        CatalogCommand::Compare { ids, format } => {
            let format = OutFormat::parse(format)?;
            let mine = with_yours(data_dir)?;
            let rows = compare(&mine.kb, ids).map_err(|e| compare_error(&mine.kb, &e))?;
            print(&render_compare(&mine.kb, &rows, format))
        }
    }
}

/// The built-in knowledge base with the person's own catalog merged in.
pub struct WithYours {
    pub kb: Knowledge,
    /// The ids that came from the person's own catalog.
    pub yours: Vec<String>,
}

impl WithYours {
    pub fn is_yours(&self, id: &str) -> bool {
        self.yours.iter().any(|y| y == id)
    }
}

/// The user catalog's file, if there is a data folder.
pub fn user_catalog_file(data_dir: Option<&Path>) -> Option<PathBuf> {
    store::data_dir(data_dir)
        .ok()
        .map(|dir| dir.join(user_catalog::FILE))
}

/// The knowledge base the advisor, the catalog and the comparison use: built-in entries plus the
/// person's own, when there is a data folder. Entries that do not load or clash are skipped with
/// a warning on stderr; they never stop certwise.
///
/// # Errors
/// Only if the built-in knowledge base is broken.
pub fn with_yours(data_dir: Option<&Path>) -> Result<WithYours, CliError> {
    let built_in = knowledge()?;
    let Some(file) = user_catalog_file(data_dir) else {
        return Ok(WithYours {
            kb: built_in.clone(),
            yours: Vec::new(),
        });
    };
    let loaded = user_catalog::load(&file);
    let (kb, skipped) = user_catalog::merged(built_in, &loaded.entries);
    for problem in loaded.problems.iter().chain(&skipped) {
        super::say(&format!("warning: {problem}"));
    }
    let yours = kb
        .catalog
        .entries
        .iter()
        .filter(|e| built_in.entry(&e.id).is_none())
        .map(|e| e.id.clone())
        .collect();
    Ok(WithYours { kb, yours })
}

fn compare_error(kb: &Knowledge, e: &CompareError) -> CliError {
    match e {
        CompareError::TooFew => CliError::usage(format!(
            "compare needs at least two ids, e.g. `certwise compare aws-ml-specialty portfolio-project`; valid ids: {}",
            kb.catalog
                .entries
                .iter()
                .map(|e| e.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )),
        CompareError::Duplicate { id } => CliError::usage(format!(
            "compare got `{}` twice; give each id once, e.g. `certwise compare {} portfolio-project`",
            one_line(id),
            one_line(id)
        )),
        CompareError::UnknownId { id, valid } => CliError::usage(format!(
            "unknown catalog id `{}`; valid ids: {valid}",
            one_line(id)
        )),
    }
}

// ---------------------------------------------------------------------------------------------
// certwise catalog

use crate::knowledge::REVIEW_MONTHS;

/// Whether an entry has gone more than 12 months without review, or retires within 6 months.
pub fn possibly_out_of_date(e: &Entry, today: Date) -> bool {
    crate::knowledge::stale_reason(e, today).is_some()
}

/// One entry of `certwise catalog --format json`.
#[allow(
    clippy::struct_excessive_bools,
    reason = "the JSON's documented flags, one field each"
)]
#[derive(Debug, Serialize)]
struct CatalogRow<'a> {
    id: &'a str,
    name: &'a str,
    provider: &'a str,
    kind: &'a str,
    tier: Option<u8>,
    cost_usd: Range,
    prep_hours: Range,
    platform: Option<&'a str>,
    postings_percent: Option<f32>,
    status: &'a str,
    retired_on: Option<Date>,
    successor: Option<&'a str>,
    reviewed: Date,
    possibly_out_of_date: bool,
    yours: bool,
    red_flags: &'a [RedFlag],
    summary: &'a str,
    verdict: &'a str,
    /// Why the entry should be checked again, if it should.
    stale_reason: Option<String>,
    audience: &'a [crate::knowledge::Audience],
    level: &'a str,
    exam_code: Option<&'a str>,
    aliases: &'a [String],
    prerequisites: &'a [crate::knowledge::Prerequisite],
    validity_years: Option<u8>,
    renewal: Option<&'a str>,
    format: &'a str,
    pricing: Option<&'a crate::knowledge::Pricing>,
    cost_unknown: bool,
    hours_unknown: bool,
    sources: &'a [crate::knowledge::Source],
}

#[derive(Debug, Serialize)]
struct CatalogJson<'a> {
    /// The date staleness was judged against.
    today: Date,
    entries: Vec<CatalogRow<'a>>,
}

fn row<'a>(mine: &WithYours, e: &'a Entry, today: Date) -> CatalogRow<'a> {
    let (retired_on, successor) = (e.status.end_date(), e.status.successor());
    CatalogRow {
        id: &e.id,
        name: &e.name,
        provider: &e.provider,
        kind: e.kind.as_str(),
        tier: e.tier,
        cost_usd: e.cost_usd,
        prep_hours: e.prep_hours,
        platform: e.platform.map(crate::knowledge::Platform::as_str),
        postings_percent: e.postings_percent,
        status: e.status.as_str(),
        retired_on,
        successor,
        reviewed: e.reviewed,
        possibly_out_of_date: possibly_out_of_date(e, today),
        yours: mine.is_yours(&e.id),
        red_flags: &e.red_flags,
        summary: &e.summary,
        verdict: &e.verdict,
        stale_reason: crate::knowledge::stale_reason(e, today),
        audience: &e.audience,
        level: e.level.as_str(),
        exam_code: e.exam_code.as_deref(),
        aliases: &e.aliases,
        prerequisites: &e.prerequisites,
        validity_years: e.validity_years,
        renewal: e.renewal.as_deref(),
        format: e.format.as_str(),
        pricing: e.pricing.as_ref(),
        cost_unknown: e.cost_unknown,
        hours_unknown: e.hours_unknown,
        sources: &e.sources,
    }
}

/// The whole catalog, in catalog order with your entries last. Ends with a newline.
pub fn render_catalog(mine: &WithYours, today: Date, format: OutFormat) -> String {
    let entries = &mine.kb.catalog.entries;
    if format == OutFormat::Json {
        let json = CatalogJson {
            today,
            entries: entries.iter().map(|e| row(mine, e, today)).collect(),
        };
        return to_json(&json);
    }
    let stale = entries
        .iter()
        .filter(|e| possibly_out_of_date(e, today))
        .count();
    let mut out = format!(
        "{} certifications, courses and alternatives ({} yours); {stale} to check again (facts not reviewed in the last {REVIEW_MONTHS} months, or retiring within 6 months).\n",
        entries.len(),
        mine.yours.len()
    );
    for e in entries {
        let r = row(mine, e, today);
        let yours = if r.yours { "  [yours]" } else { "" };
        let _ = writeln!(out, "\n{}: {}{yours}", r.id, one_line(r.name));
        let tier = r
            .tier
            .map_or_else(|| "no tier".to_owned(), |t| format!("tier {t}"));
        let platform = e
            .platform
            .map_or(String::new(), |p| format!(" · platform {}", p.label()));
        let _ = writeln!(
            out,
            "  {} · {} · {tier}{platform}",
            one_line(r.provider),
            r.kind
        );
        let postings = r.postings_percent.map_or_else(
            || "postings: not known".to_owned(),
            |p| format!("in about {p}% of AI job postings"),
        );
        // Your evaluations store unknown cost and hours as 0: say "not known", not "free".
        let not_known = user_catalog::not_known(e);
        let cost = if not_known.contains(&"cost-usd") || r.cost_unknown {
            "not known".to_owned()
        } else {
            cost_text(r.cost_usd)
        };
        let prep = if not_known.contains(&"prep-hours") {
            "not known".to_owned()
        } else {
            format!("{} h", r.prep_hours)
        };
        let _ = writeln!(out, "  cost {cost} · prep {prep} · {postings}");
        let status = match (r.retired_on, r.successor) {
            (Some(on), Some(successor)) => {
                format!("{} on {on}, successor {successor}", r.status)
            }
            (Some(on), None) => format!("{} on {on}, no successor", r.status),
            _ => r.status.to_owned(),
        };
        let stale = r
            .stale_reason
            .as_ref()
            .map_or_else(String::new, |why| format!(" (check again: {why})"));
        let _ = writeln!(out, "  {status} · reviewed {}{stale}", r.reviewed);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// certwise compare

/// Names longer than this are cut in the comparison table (the notes below give them whole).
const NAME_WIDTH: usize = 36;

#[derive(Debug, Serialize)]
struct CompareJson<'a> {
    compared: &'a [Compared],
}

/// The time a line takes: months where the sources give months, else hours.
fn time_text(c: &Compared) -> String {
    c.months
        .map_or_else(|| format!("{} h", c.hours), |m| format!("{m} months"))
}

/// The comparison, one row per entry and the notes below. Ends with a newline.
pub fn render_compare(kb: &Knowledge, rows: &[Compared], format: OutFormat) -> String {
    if format == OutFormat::Json {
        return to_json(&CompareJson { compared: rows });
    }
    let header = ["", "cost", "time", "skill", "hiring", "ROI"];
    let cells: Vec<[String; 6]> = rows
        .iter()
        .map(|c| {
            // Your evaluations store unknown cost and hours as 0: say so rather than "free".
            let not_known = kb
                .entry(&c.id)
                .map(user_catalog::not_known)
                .unwrap_or_default();
            let unknown_or = |fact: &str, text: String| {
                if not_known.contains(&fact) {
                    "not known".to_owned()
                } else {
                    text
                }
            };
            [
                truncate(&one_line(&c.name), NAME_WIDTH),
                unknown_or("cost-usd", cost_text(c.cost_usd)),
                unknown_or("prep-hours", time_text(c)),
                c.skill_building.as_str().to_owned(),
                c.hiring_signal.as_str().to_owned(),
                c.roi.as_str().to_owned(),
            ]
        })
        .collect();
    let mut widths = header.map(str::len);
    for row in &cells {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::from("Build versus certify\n\n");
    let mut line = |cols: &[String]| {
        let mut text = String::new();
        for (cell, w) in cols.iter().zip(widths) {
            let pad = w.saturating_sub(cell.chars().count());
            let _ = write!(text, "  {cell}{}", " ".repeat(pad));
        }
        let _ = writeln!(out, "{}", text.trim_end());
    };
    line(&header.map(str::to_owned));
    for row in &cells {
        line(row);
    }
    out.push('\n');
    for c in rows {
        // An estimate's note says it is one; a figure from the sources is marked as such.
        let source = if c.from_seeds {
            " (the sources' figure)"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  {} ({}): in job requirements: {}; ROI {}: {}{source}.",
            one_line(&c.name),
            c.id,
            c.in_job_requirements,
            c.roi.as_str(),
            c.roi_note
        );
    }
    out
}

/// At most `width` characters, with an ellipsis when cut.
fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

/// Pretty JSON with a final newline, safe for a terminal (see [`crate::sanitize::json`]).
pub fn to_json(value: &impl Serialize) -> String {
    let mut s = serde_json::to_string_pretty(value)
        .unwrap_or_else(|e| format!("{{\"error\": {:?}}}", e.to_string()));
    s.push('\n');
    super::safe_json(s)
}
