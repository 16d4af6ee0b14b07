//! The command line: clap definitions and the subcommands that do not need the TUI.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::interview::{Answers, read_answers_file};
use crate::knowledge::Knowledge;
use crate::render::{self, Format};

mod catalog;

pub use catalog::{CatalogCommand, EvaluateArgs, WithYours, with_yours};

mod plans;

pub use plans::{ListFormat, PlansCommand};

mod postings;

pub use postings::PostingsCommand;

/// Decide whether an AI certification is worth it for you, and what to build instead or alongside.
///
/// Run without a subcommand for the guided interview in a full-screen terminal session.
#[derive(Debug, Parser)]
#[command(name = "certwise", version, about, long_about = None)]
pub struct Cli {
    // Not a doc comment: clippy would want the variable in backticks, which clap prints as is.
    #[arg(
        long,
        global = true,
        value_name = "DIR",
        help = "Where saved plans live (default: $CERTWISE_DATA_DIR, else the platform data folder)"
    )]
    pub data_dir: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print a plan for the given answers (unanswered questions take their defaults).
    Plan(PlanArgs),
    /// List the interview questions with their ids, values, defaults and when each is asked.
    Questions,
    #[command(flatten)]
    Catalog(CatalogCommand),
    /// Saved plans: list, show and delete them (save one with `certwise plan ... --save NAME`).
    #[command(subcommand)]
    Plans(PlansCommand),
    /// Job postings: what the jobs you want ask for (`certwise postings scan PATH...`).
    #[command(subcommand)]
    Postings(PostingsCommand),
}

#[derive(Debug, clap::Args)]
pub struct PlanArgs {
    /// An answer, as `ID=VALUE` (repeatable), e.g. `--answer goal=promotion --answer hours_per_week=6`.
    #[arg(long = "answer", value_name = "ID=VALUE")]
    pub answers: Vec<String>,
    /// A RON file of answers, e.g. `{"goal": "promotion", "hours_per_week": 6}`; `--answer` overrides it.
    #[arg(long = "answers", value_name = "FILE.ron")]
    pub answers_file: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Also save the plan under this name in the data folder; a name already taken is refused.
    #[arg(long, value_name = "NAME")]
    pub save: Option<String>,
    /// With --save: replace the saved plan of that name (the previous save is kept as a .bak).
    #[arg(long, requires = "save")]
    pub replace: bool,
}

/// An error to show as one line, with the exit code to use.
#[derive(Debug)]
pub struct CliError {
    pub message: String,
    pub code: u8,
}

impl CliError {
    /// Bad input from the user: exit code 2.
    pub fn usage(message: impl Into<String>) -> Self {
        CliError {
            message: message.into(),
            code: 2,
        }
    }

    /// Something went wrong that is not the user's input: exit code 1.
    pub fn failure(message: impl Into<String>) -> Self {
        CliError {
            message: message.into(),
            code: 1,
        }
    }
}

/// Parses `--answer` values and the answers file into validated answers.
///
/// # Errors
/// A malformed `ID=VALUE`, an unknown id or value, an unreadable or malformed file.
pub fn collect_answers(kb: &Knowledge, args: &PlanArgs) -> Result<Answers, CliError> {
    let mut answers = match &args.answers_file {
        Some(path) => read_answers_file(kb, path).map_err(|e| CliError::usage(e.to_string()))?,
        None => Answers::new(),
    };
    for pair in &args.answers {
        let Some((id, value)) = pair.split_once('=') else {
            return Err(CliError::usage(format!(
                "malformed --answer `{}`: expected ID=VALUE, for example goal=promotion",
                crate::sanitize::value(pair)
            )));
        };
        answers
            .set(kb, id.trim(), value)
            .map_err(|e| CliError::usage(e.to_string()))?;
    }
    Ok(answers)
}

fn knowledge() -> Result<&'static Knowledge, CliError> {
    Knowledge::embedded()
        .map_err(|e| CliError::failure(format!("the built-in knowledge base is broken: {e}")))
}

/// Writes a whole output to standard output. Everything printed passes through the one
/// sanitiser: data (a plan's name, an evaluated entry) cannot drive the terminal, whatever it
/// holds; JSON was made safe already, in the same way, by [`safe_json`].
fn print(text: &str) -> Result<(), CliError> {
    let text = crate::sanitize::terminal_lines(text);
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        // A closed pipe (`certwise plan | head`) is not an error worth reporting.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(CliError::failure(format!("cannot write output: {e}")))
        }
        _ => Ok(()),
    }
}

/// One line on standard error, `certwise: ` first, made safe for the terminal.
fn say(line: &str) {
    eprintln!("certwise: {}", crate::sanitize::terminal(line));
}

/// JSON text with anything that could drive a terminal written as `\uXXXX` escapes: the same
/// document to a parser.
fn safe_json(text: String) -> String {
    match crate::sanitize::json(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(safe) => safe,
    }
}

fn run_plan(args: &PlanArgs, data_dir: Option<&std::path::Path>) -> Result<(), CliError> {
    let mut answers = collect_answers(knowledge()?, args)?;
    // Answers to questions the other answers skip are dropped, but never silently.
    let ignored = answers.prune_explained(knowledge()?);
    for note in &ignored {
        say(&note.to_string());
    }
    // The advisor weighs the person's own evaluated certifications like built-in ones.
    let mine = with_yours(data_dir)?;
    let kb = &mine.kb;
    // The person's own postings, saved by `certwise postings scan --save`, weigh in when there.
    let evidence = crate::store::data_dir(data_dir).ok().and_then(|dir| {
        match crate::postings::report::Evidence::load(&dir) {
            Ok(evidence) => evidence,
            Err(e) => {
                say(&format!(
                    "warning: the saved job-posting evidence is not used: {e}"
                ));
                None
            }
        }
    });
    let postings = evidence.as_ref().map(|evidence| crate::advisor::Postings {
        evidence,
        today: jiff::ZonedDateTime::now().date(),
    });
    let plan = crate::advisor::plan_with(kb, &answers, postings)
        .map_err(|e| CliError::failure(e.to_string()))?;
    if let Some(name) = &args.save {
        plans::save(data_dir, name, args.replace, answers, plan.clone())?;
    }
    if args.format == Format::Json {
        return print(&plan_json(&plan, &ignored));
    }
    print(&render::plan(kb, &plan, args.format))
}

/// The plan as JSON (schema in README.md), with the answers that were ignored.
fn plan_json(plan: &crate::advisor::Plan, ignored: &[crate::interview::Ignored]) -> String {
    #[derive(serde::Serialize)]
    struct WithIgnored<'a> {
        #[serde(flatten)]
        plan: &'a crate::advisor::Plan,
        // Only when some were: a saved plan shown with `plans show` then prints the same.
        #[serde(skip_serializing_if = "<[_]>::is_empty")]
        ignored: &'a [crate::interview::Ignored],
    }
    let mut s = serde_json::to_string_pretty(&WithIgnored { plan, ignored })
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    safe_json(s)
}

fn run_questions() -> Result<(), CliError> {
    let kb = knowledge()?;
    let mut out = String::new();
    for q in &kb.questions {
        let _ = writeln!(
            out,
            "{}: {}
  values: {}
  default: {}
  asked: {}",
            q.id,
            q.prompt,
            q.valid_values(),
            q.default,
            asked_when(&q.ask_if)
        );
    }
    print(&out)
}

/// A question's condition in words: "always", or "when role is not student".
fn asked_when(c: &crate::knowledge::Condition) -> String {
    match c {
        crate::knowledge::Condition::Always => "always".to_owned(),
        c => format!("when {}", condition_text(c, false)),
    }
}

fn condition_text(c: &crate::knowledge::Condition, nested: bool) -> String {
    use crate::knowledge::Condition as C;
    let one_of = |values: &[String]| match values {
        [one] => one.clone(),
        many => format!("one of {}", many.join(", ")),
    };
    let group = |parts: Vec<String>, word: &str| {
        let text = parts.join(word);
        if nested { format!("({text})") } else { text }
    };
    match c {
        C::Always => "always".to_owned(),
        C::Is(q, values) => format!("{q} is {}", one_of(values)),
        C::Not(inner) => match inner.as_ref() {
            C::Is(q, values) => format!("{q} is not {}", one_of(values)),
            other => format!("not {}", condition_text(other, true)),
        },
        C::AtLeast(q, n) => format!("{q} is at least {n}"),
        C::Below(q, n) => format!("{q} is below {n}"),
        C::All(cs) => group(
            cs.iter().map(|c| condition_text(c, true)).collect(),
            " and ",
        ),
        C::Any(cs) => group(cs.iter().map(|c| condition_text(c, true)).collect(), " or "),
    }
}

/// Runs a parsed command line and gives its exit status. `None` means the interactive session,
/// whose status says whether a signal ended it (128 + its number).
///
/// # Errors
/// Whatever the subcommand reports.
pub fn run(cli: &Cli) -> Result<u8, CliError> {
    match &cli.command {
        Some(Command::Plan(args)) => run_plan(args, cli.data_dir.as_deref()).map(|()| 0),
        Some(Command::Questions) => run_questions().map(|()| 0),
        Some(Command::Catalog(command)) => {
            catalog::run(command, cli.data_dir.as_deref()).map(|()| 0)
        }
        Some(Command::Plans(command)) => plans::run(command, cli.data_dir.as_deref()).map(|()| 0),
        Some(Command::Postings(command)) => {
            postings::run(command, cli.data_dir.as_deref()).map(|()| 0)
        }
        None => crate::tui::start(cli.data_dir.as_deref())
            .map(crate::tui::Ended::exit_code)
            .map_err(|e| {
                if e.is_usage() {
                    CliError::usage(e.to_string())
                } else {
                    CliError::failure(e.to_string())
                }
            }),
    }
}

/// The whole program: parse, run, report. Errors are one line on stderr.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // Help and version print as clap writes them, as does the help for a missing subcommand.
        Err(e)
            if !e.use_stderr()
                || e.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand =>
        {
            e.exit()
        }
        Err(e) => {
            say(&clap_error_line(&e));
            return ExitCode::from(2);
        }
    };
    match run(&cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            say(&e.message);
            ExitCode::from(e.code)
        }
    }
}

/// A command-line parse error as one line (what is wrong, and the valid values or a tip when clap
/// gives them), without the usage block.
fn clap_error_line(e: &clap::Error) -> String {
    let rendered = e.render().to_string();
    let mut line = String::new();
    for part in rendered.lines().map(str::trim).filter(|l| {
        !l.is_empty() && !l.starts_with("Usage:") && !l.starts_with("For more information")
    }) {
        if !line.is_empty() {
            line.push_str(if line.ends_with(':') { " " } else { "; " });
        }
        line.push_str(part.strip_prefix("error: ").unwrap_or(part));
    }
    line.push_str("; try --help");
    line
}
