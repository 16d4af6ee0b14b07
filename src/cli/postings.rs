//! `certwise postings scan`: what the job postings a person saved ask for.

use std::path::{Path, PathBuf};

use super::{CliError, ListFormat, knowledge, print};
use crate::postings::{self, Evidence, ScanError};
use crate::store;

#[derive(Debug, clap::Subcommand)]
pub enum PostingsCommand {
    /// Count the certifications, clouds and skills named in job postings (text, Markdown or HTML
    /// files; folders are read recursively; `---` on its own line separates postings in a file).
    Scan {
        /// Files and folders of job postings.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        /// Keep the counts and today's date (never the postings' text) in the data folder.
        #[arg(long)]
        save: bool,
    },
}

/// How many skills the text report lists.
const TOP_SKILLS: usize = 15;

/// Runs a `certwise postings` subcommand.
///
/// # Errors
/// A path that does not exist (exit 2), a data folder that cannot be written (exit 1).
pub fn run(command: &PostingsCommand, data_dir: Option<&Path>) -> Result<(), CliError> {
    let PostingsCommand::Scan {
        paths,
        format,
        save,
    } = command;
    let kb = knowledge()?;
    // Resolve the data folder before the scan, so a missing one stops it early.
    let dir = if *save {
        Some(store::data_dir(data_dir).map_err(|e| CliError::usage(e.to_string()))?)
    } else {
        None
    };
    let report = postings::scan(kb, paths).map_err(|e| match e {
        ScanError::NotFound(path) => CliError::usage(format!(
            "no such file or folder: {}",
            postings::report::terminal_safe(&path)
        )),
        ScanError::Setup(message) => CliError::failure(message),
    })?;
    if let Some(dir) = dir {
        let evidence = Evidence::from_report(kb, &report, jiff::Timestamp::now());
        let file = evidence
            .save(&dir)
            .map_err(|e| CliError::failure(postings::report::terminal_safe(&e.to_string())))?;
        eprintln!(
            "certwise: saved the evidence of {} postings (counts and date only) in {}",
            report.postings,
            postings::report::terminal_safe(&file.to_string_lossy())
        );
    }
    match format {
        ListFormat::Json => print(&report.to_json()),
        ListFormat::Text => print(&report.to_text(TOP_SKILLS)),
    }
}
