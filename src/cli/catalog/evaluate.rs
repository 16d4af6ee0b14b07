//! `certwise evaluate`: the facts from the command line, the five questions and red flags,
//! and `--save` into the person's own catalog.
//!
//! Every value is checked here rather than by clap, so that a bad one is a single line naming the
//! option, the value and what is valid.

use std::fmt::Write as _;
use std::path::Path;

use super::{OutFormat, to_json, user_catalog_file};
use crate::cli::{CliError, knowledge, print};
use crate::evaluate::{
    Claim, Facts, MAX_CONTENT_AGE, MAX_HOURS, MAX_PERCENT, MAX_USD, Verdict, evaluate,
};
use crate::knowledge::one_line;
use crate::numbers;
use crate::sanitize::value;
use crate::user_catalog;

/// The facts about a certification; anything left out is unknown.
#[derive(Debug, clap::Args)]
pub struct EvaluateArgs {
    /// The certification's name, e.g. --name "AWS ML Specialty".
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Is the provider known and verifiable?
    #[arg(long, value_name = "yes|no")]
    pub provider_known: Option<String>,
    /// The fee in US dollars, a whole number.
    #[arg(long, value_name = "USD", allow_negative_numbers = true)]
    pub cost_usd: Option<String>,
    /// Hours of preparation, a whole number.
    #[arg(long, value_name = "HOURS", allow_negative_numbers = true)]
    pub prep_hours: Option<String>,
    /// Is there hands-on work and a practical assessment?
    #[arg(long, value_name = "yes|no")]
    pub practical: Option<String>,
    /// How old the content is, in years (decimals allowed).
    #[arg(long, value_name = "YEARS", allow_negative_numbers = true)]
    pub content_age_years: Option<String>,
    /// What the provider claims, comma-separated: guaranteed-job, no-background-needed,
    /// days-to-complete.
    #[arg(long, value_name = "CLAIM,...", value_delimiter = ',')]
    pub claims: Vec<String>,
    /// Share of AI job postings that name it, 0-100 (decimals allowed).
    #[arg(long, value_name = "PERCENT", allow_negative_numbers = true)]
    pub postings_percent: Option<String>,
    /// `text` or `json`.
    #[arg(long, value_name = "text|json", default_value = "text")]
    pub format: String,
    /// Also add it to your own catalog in the data folder, where the advisor uses it like a
    /// built-in entry (an entry of the same name is replaced).
    #[arg(long)]
    pub save: bool,
}

/// Checks the arguments and turns them into facts.
///
/// # Errors
/// A missing name or a value that is not valid for its option (exit code 2).
pub fn facts(args: &EvaluateArgs) -> Result<Facts, CliError> {
    let name = args.name.as_deref().map(str::trim).unwrap_or_default();
    if name.is_empty() {
        return Err(CliError::usage(
            "evaluate needs --name NAME, the certification's name, e.g. --name \"AWS ML Specialty\"",
        ));
    }
    let mut claims = Vec::new();
    for raw in &args.claims {
        let raw = raw.trim();
        // An empty item (`--claims a,,b` or `--claims ""`) is a typing mistake, not "no claim".
        if raw.is_empty() {
            return Err(CliError::usage(
                "--claims has an empty item; valid: a comma-separated list of guaranteed-job, no-background-needed, days-to-complete (leave the option out if there are none)",
            ));
        }
        let claim = <Claim as clap::ValueEnum>::from_str(raw, true).map_err(|_| {
            CliError::usage(format!(
                "--claims `{}` is not a claim certwise knows; valid: guaranteed-job, no-background-needed, days-to-complete",
                value(raw)
            ))
        })?;
        if !claims.contains(&claim) {
            claims.push(claim);
        }
    }
    Ok(Facts {
        name: name.to_owned(),
        provider_known: yes_no("--provider-known", args.provider_known.as_deref())?,
        cost_usd: whole(
            "--cost-usd",
            args.cost_usd.as_deref(),
            MAX_USD,
            "US dollars",
        )?,
        prep_hours: whole(
            "--prep-hours",
            args.prep_hours.as_deref(),
            MAX_HOURS,
            "hours",
        )?,
        practical: yes_no("--practical", args.practical.as_deref())?,
        content_age_years: decimal(
            "--content-age-years",
            args.content_age_years.as_deref(),
            MAX_CONTENT_AGE,
            "years",
        )?,
        claims,
        postings_percent: decimal(
            "--postings-percent",
            // A percent sign is the unit, allowed once at the end.
            args.postings_percent
                .as_deref()
                .map(|p| p.strip_suffix('%').unwrap_or(p)),
            MAX_PERCENT,
            "percent",
        )?,
        ..Facts::default()
    })
}

fn yes_no(option: &str, raw: Option<&str>) -> Result<Option<bool>, CliError> {
    let Some(raw) = raw else { return Ok(None) };
    match raw.trim().to_ascii_lowercase().as_str() {
        "yes" | "y" | "true" => Ok(Some(true)),
        "no" | "n" | "false" => Ok(Some(false)),
        _ => Err(CliError::usage(format!(
            "{option} `{}` is not valid; valid: yes, no (leave it out if you do not know)",
            value(raw)
        ))),
    }
}

fn whole(option: &str, raw: Option<&str>, max: u32, unit: &str) -> Result<Option<u32>, CliError> {
    let Some(raw) = raw else { return Ok(None) };
    numbers::whole(raw, 0, max).map(Some).map_err(|e| {
        CliError::usage(format!(
            "{option} {}",
            numbers::whole_problem(raw, e, unit, max)
        ))
    })
}

fn decimal(option: &str, raw: Option<&str>, max: f32, unit: &str) -> Result<Option<f32>, CliError> {
    let Some(raw) = raw else { return Ok(None) };
    numbers::decimal(raw, max).map(Some).map_err(|e| {
        CliError::usage(format!(
            "{option} {}",
            numbers::decimal_problem(raw, e, unit, max)
        ))
    })
}

/// Runs `certwise evaluate`.
///
/// # Errors
/// Bad input (exit 2); with `--save`, no data folder or a catalog file that cannot be written
/// (exit 1, after the evaluation is printed).
pub fn run(args: &EvaluateArgs, data_dir: Option<&Path>) -> Result<(), CliError> {
    let format = OutFormat::parse(&args.format)?;
    let mut facts = facts(args)?;
    let kb = knowledge()?;
    facts.own_postings = own_postings(kb, &facts.name, data_dir);
    let verdict = evaluate(kb, &facts);
    let saved = if args.save {
        Some(save(&facts, &verdict, data_dir))
    } else {
        None
    };
    let ok = match &saved {
        Some(Ok(s)) => Some(s),
        _ => None,
    };
    let text = match format {
        OutFormat::Json => json(&facts, &verdict, ok),
        OutFormat::Text => text(&verdict, ok),
    };
    print(&text)?;
    match saved {
        Some(Err(e)) => Err(e),
        _ => Ok(()),
    }
}

/// Where an evaluation was saved.
#[derive(Debug, serde::Serialize)]
pub struct Saved {
    pub id: String,
    pub file: String,
    /// An entry with the same id was replaced.
    pub replaced: bool,
}

fn save(facts: &Facts, verdict: &Verdict, data_dir: Option<&Path>) -> Result<Saved, CliError> {
    let file = user_catalog_file(data_dir).ok_or_else(|| {
        CliError::failure(
            "not saved: no home folder for the data folder; pass --data-dir DIR or set CERTWISE_DATA_DIR",
        )
    })?;
    let entry = user_catalog::entry_from(facts, verdict, jiff::ZonedDateTime::now().date());
    let id = entry.id.clone();
    let replaced = user_catalog::load(&file).entries.iter().any(|e| e.id == id);
    user_catalog::add(&file, entry)
        .map_err(|e| CliError::failure(format!("not saved: {}", one_line(&e.to_string()))))?;
    Ok(Saved {
        id,
        file: file.display().to_string(),
        replaced,
    })
}

/// `certwise evaluate --format json`: the verdict's fields, then the facts it was given.
#[derive(Debug, serde::Serialize)]
struct EvaluateJson<'a> {
    #[serde(flatten)]
    verdict: &'a Verdict,
    facts: &'a Facts,
    #[serde(skip_serializing_if = "Option::is_none")]
    saved: Option<&'a Saved>,
}

fn json(facts: &Facts, verdict: &Verdict, saved: Option<&Saved>) -> String {
    to_json(&EvaluateJson {
        verdict,
        facts,
        saved,
    })
}

fn text(v: &Verdict, saved: Option<&Saved>) -> String {
    let tier = v.tier.map_or_else(
        || "no tier yet (too little known)".to_owned(),
        |t| format!("tier {t} of 4"),
    );
    let mut out = format!("{}: {tier}\n{}\n", one_line(&v.name), v.verdict);
    out.push_str("\nThe five questions:\n");
    let width = v
        .findings
        .iter()
        .map(|f| f.question.chars().count())
        .max()
        .unwrap_or(0);
    for f in &v.findings {
        let _ = writeln!(
            out,
            "  {:<width$}  {:<7}  {}",
            f.question,
            f.result.label(),
            f.detail
        );
    }
    if v.red_flags.is_empty() {
        out.push_str("\nRed flags: none found in the facts given.\n");
    } else {
        let _ = writeln!(out, "\nRed flags ({}):", v.red_flags.len());
        for flag in &v.red_flags {
            let _ = writeln!(out, "  ! {}: {}", flag.label, flag.explanation);
        }
    }
    let _ = writeln!(out, "\nInstead: {}", v.instead);
    if !v.unknown.is_empty() {
        let names: Vec<String> = v.unknown.iter().map(|u| format!("--{u}")).collect();
        let _ = writeln!(
            out,
            "\nUnknown, so not guessed: {}. Find them out and evaluate again for a firmer answer.",
            names.join(", ")
        );
    }
    if let Some(s) = saved {
        let verb = if s.replaced { "Replaced" } else { "Saved" };
        let _ = writeln!(
            out,
            "\n{verb} in your catalog as `{}` ({}); `certwise plan` and `certwise compare` now use it.",
            s.id, s.file
        );
    }
    out
}

/// What the person's saved job postings say about a catalog credential, if there are some.
fn own_postings(
    kb: &crate::knowledge::Knowledge,
    name: &str,
    data_dir: Option<&Path>,
) -> Option<crate::evaluate::OwnPostings> {
    let entry = crate::evaluate::catalog_match(kb, name)?;
    let dir = crate::store::data_dir(data_dir).ok()?;
    let evidence = crate::postings::report::Evidence::load(&dir).ok()??;
    let ev = crate::advisor::Postings {
        evidence: &evidence,
        today: jiff::ZonedDateTime::now().date(),
    };
    let count = evidence.certifications.iter().find(|c| c.id == entry.id);
    Some(crate::evaluate::OwnPostings {
        named: count.map_or(0, |c| c.postings),
        required: count.map_or(0, |c| c.required),
        total: evidence.postings,
        when: ev.when(),
    })
}
