//! `certwise plans` (list, show, delete saved plans) and the saving half of `certwise plan --save`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use clap::Subcommand;
use jiff::Timestamp;
use serde::Serialize;

use super::{CliError, knowledge, print};
use crate::advisor::Plan;
use crate::interview::Answers;
use crate::render::{self, Format};
use crate::store::{self, Listing, SavedPlan, Store, StoreError};

/// The subcommands of `certwise plans`.
#[derive(Debug, Subcommand)]
pub enum PlansCommand {
    /// List the saved plans: name, strategy, last modified and progress; unreadable files with
    /// the reason.
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Print a saved plan as it was saved (json: the same schema as `certwise plan`).
    Show {
        /// The plan's name, as listed (quote names with spaces).
        name: String,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Restore a deleted plan from the trash (the most recently deleted of that name).
    Restore {
        /// The plan's name, as it was listed before it was deleted.
        name: String,
    },
    /// Delete a saved plan: it moves to the trash folder, and `certwise plans restore NAME`
    /// brings it back (the backup of its previous save is removed).
    Delete {
        /// The plan's name, as listed.
        name: String,
    },
}

/// Output formats of `certwise plans list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ListFormat {
    #[default]
    Text,
    Json,
}

/// Runs a `certwise plans` subcommand against the data folder.
///
/// # Errors
/// No data folder, an unknown name, or a file that cannot be read or removed.
pub fn run(command: &PlansCommand, data_dir: Option<&Path>) -> Result<(), CliError> {
    // Listing and showing only read: they create no folder and change no byte.
    let reader = || store::data_dir(data_dir).map(Store::at).map_err(from_store);
    match command {
        PlansCommand::List { format } => list(&reader()?, *format),
        PlansCommand::Show { name, format } => show(&reader()?, name, *format),
        PlansCommand::Delete { name } => {
            let store = open(data_dir)?;
            store.delete(name).map_err(|e| not_found_hint(&store, e))?;
            print(&format!(
                "Deleted {:?}; `certwise plans restore {:?}` brings it back.\n",
                name.trim(),
                name.trim()
            ))
        }
        PlansCommand::Restore { name } => {
            let store = open(data_dir)?;
            match store.restore(name) {
                Ok(_) => print(&format!("Restored {:?}.\n", name.trim())),
                Err(StoreError::NotFound(n)) => Err(CliError::usage(format!(
                    "no deleted plan named {n:?} in the trash"
                ))),
                Err(StoreError::Exists(n)) => Err(CliError::usage(format!(
                    "a plan named {n:?} exists; rename it first, then restore"
                ))),
                Err(e) => Err(from_store(e)),
            }
        }
    }
}

/// Saves a freshly computed plan for `certwise plan --save NAME`. Replacing keeps the plan's
/// creation time and the progress of items still in the timeline.
///
/// # Errors
/// No data folder, an empty or taken name (without `replace`), or the write fails.
pub fn save(
    data_dir: Option<&Path>,
    name: &str,
    replace: bool,
    answers: Answers,
    plan: Plan,
) -> Result<(), CliError> {
    let store = open(data_dir)?;
    let now = Timestamp::now();
    let mut saved = SavedPlan::new(name, answers, plan, now);
    if replace && let Ok(old) = store.load(name) {
        saved.created = old.created;
        saved.progress = old
            .progress
            .into_iter()
            .filter(|(id, _)| saved.plan.timeline.iter().any(|s| &s.id == id))
            .collect();
    }
    match store.save(&saved, replace) {
        Ok(file) => {
            super::say(&format!("saved {:?} in {}", saved.name, file.display()));
            Ok(())
        }
        Err(StoreError::Exists(name)) => Err(CliError::usage(format!(
            "a plan named {name:?} already exists; use another name, or add --replace to replace it"
        ))),
        Err(e @ StoreError::SameNameInOtherCase { .. }) => Err(CliError::usage(format!(
            "{e}; use another name, or that exact name with --replace to replace it"
        ))),
        Err(e @ (StoreError::Io { .. } | StoreError::Busy(_))) => Err(CliError::failure(format!(
            "{e}; nothing was saved: try again, or pass --data-dir DIR to save elsewhere"
        ))),
        Err(e) => Err(from_store(e)),
    }
}

/// Resolves and opens the data folder: `--data-dir`, else `$CERTWISE_DATA_DIR`, else the
/// platform's data folder.
fn open(flag: Option<&Path>) -> Result<Store, CliError> {
    let dir = store::data_dir(flag).map_err(from_store)?;
    Store::open(dir).map_err(from_store)
}

/// The exit code follows whose problem it is: the user's input (2) or the system (1).
#[allow(clippy::needless_pass_by_value)] // used as `map_err(from_store)`
fn from_store(e: StoreError) -> CliError {
    match e {
        StoreError::NoDataDir
        | StoreError::NotFound(_)
        | StoreError::Exists(_)
        | StoreError::SameNameInOtherCase { .. }
        | StoreError::EmptyName => CliError::usage(e.to_string()),
        StoreError::Io { .. }
        | StoreError::Unreadable { .. }
        | StoreError::Newer { .. }
        | StoreError::Busy(_) => CliError::failure(e.to_string()),
    }
}

/// An unknown name, with what might have been meant and a pointer to the list.
fn not_found_hint(store: &Store, e: StoreError) -> CliError {
    let StoreError::NotFound(name) = &e else {
        return from_store(e);
    };
    let listing = store.list().unwrap_or_default();
    let wanted = name.to_lowercase();
    let close = listing.iter().find_map(|l| match l {
        Listing::Plan { plan, .. } if plan.name.to_lowercase() == wanted => Some(plan.name.clone()),
        _ => None,
    });
    let unreadable = listing
        .iter()
        .filter(|l| matches!(l, Listing::Unreadable { .. }))
        .count();
    let mut message = e.to_string();
    if let Some(close) = close {
        let _ = write!(message, "; did you mean {close:?}?");
    } else if unreadable > 0 {
        let _ = write!(
            message,
            " among the plans that load ({unreadable} {} not; `certwise plans list` says why)",
            if unreadable == 1 {
                "file does"
            } else {
                "files do"
            }
        );
    } else {
        message.push_str("; `certwise plans list` shows the saved plans");
    }
    CliError::usage(message)
}

/// A name as shown on a terminal (see [`crate::sanitize::terminal`]).
fn shown(name: &str) -> String {
    crate::sanitize::terminal(name).into_owned()
}

fn local_time(t: Timestamp) -> String {
    t.to_zoned(jiff::tz::TimeZone::system())
        .strftime("%Y-%m-%d %H:%M")
        .to_string()
}

/// One saved plan in `plans list --format json`.
#[derive(Serialize)]
struct JsonPlan<'a> {
    name: &'a str,
    strategy: &'a str,
    strategy_id: &'a str,
    created: Timestamp,
    modified: Timestamp,
    knowledge_version: &'a str,
    progress: JsonProgress,
    file: &'a Path,
}

#[derive(Serialize)]
struct JsonProgress {
    done: usize,
    total: usize,
}

#[derive(Serialize)]
struct JsonUnreadable<'a> {
    file: &'a Path,
    reason: &'a str,
}

#[derive(Serialize)]
struct JsonList<'a> {
    data_dir: &'a Path,
    plans: Vec<JsonPlan<'a>>,
    unreadable: Vec<JsonUnreadable<'a>>,
}

fn list(store: &Store, format: ListFormat) -> Result<(), CliError> {
    let listing = store.list().map_err(from_store)?;
    let plans: Vec<(&PathBuf, &SavedPlan)> = listing
        .iter()
        .filter_map(|l| match l {
            Listing::Plan { file, plan } => Some((file, &**plan)),
            Listing::Unreadable { .. } => None,
        })
        .collect();
    let unreadable: Vec<(&PathBuf, &str)> = listing
        .iter()
        .filter_map(|l| match l {
            Listing::Unreadable { file, reason } => Some((file, reason.as_str())),
            Listing::Plan { .. } => None,
        })
        .collect();
    let text = match format {
        ListFormat::Json => {
            let out = JsonList {
                data_dir: store.root(),
                plans: plans
                    .iter()
                    .map(|(file, p)| {
                        let (done, total) = p.done_count();
                        JsonPlan {
                            name: &p.name,
                            strategy: &p.plan.strategy.name,
                            strategy_id: &p.plan.strategy.id,
                            created: p.created,
                            modified: p.modified,
                            knowledge_version: &p.knowledge_version,
                            progress: JsonProgress { done, total },
                            file,
                        }
                    })
                    .collect(),
                unreadable: unreadable
                    .iter()
                    .map(|(file, reason)| JsonUnreadable { file, reason })
                    .collect(),
            };
            let mut s = serde_json::to_string_pretty(&out)
                .map_err(|e| CliError::failure(format!("cannot write the list as JSON: {e}")))?;
            s.push('\n');
            super::safe_json(s)
        }
        ListFormat::Text => list_text(store, &plans, &unreadable),
    };
    print(&text)
}

fn list_text(
    store: &Store,
    plans: &[(&PathBuf, &SavedPlan)],
    unreadable: &[(&PathBuf, &str)],
) -> String {
    let mut o = String::new();
    if plans.is_empty() && unreadable.is_empty() {
        let _ = writeln!(
            o,
            "No saved plans in {}. Save one with `certwise plan ... --save NAME`.",
            store.plans_dir().display()
        );
        return o;
    }
    if !plans.is_empty() {
        let rows: Vec<[String; 4]> = plans
            .iter()
            .map(|(_, p)| {
                let (done, total) = p.done_count();
                [
                    local_time(p.modified),
                    format!("{done}/{total} done"),
                    p.plan.strategy.name.clone(),
                    shown(&p.name),
                ]
            })
            .collect();
        let header = [
            "modified".to_owned(),
            "progress".to_owned(),
            "strategy".to_owned(),
            "name".to_owned(),
        ];
        let width = |i: usize| {
            rows.iter()
                .chain(std::iter::once(&header))
                .map(|r| r[i].chars().count())
                .max()
                .unwrap_or(0)
        };
        let (w0, w1, w2) = (width(0), width(1), width(2));
        // The name comes last: it is free text in any script, and would break the columns.
        for r in std::iter::once(&header).chain(&rows) {
            let _ = writeln!(o, "{:<w0$}  {:<w1$}  {:<w2$}  {}", r[0], r[1], r[2], r[3]);
        }
    }
    if !unreadable.is_empty() {
        if !plans.is_empty() {
            o.push('\n');
        }
        o.push_str("Unreadable (left as they are; never overwritten):\n");
        for (file, reason) in unreadable {
            let _ = writeln!(o, "  {}: {}", file.display(), shown(reason));
        }
    }
    o
}

fn show(store: &Store, name: &str, format: Format) -> Result<(), CliError> {
    let kb = knowledge()?;
    let saved = store.load(name).map_err(|e| not_found_hint(store, e))?;
    let now = kb.version();
    if saved.knowledge_version != now {
        let answers: Vec<String> = saved
            .answers
            .iter()
            .map(|(id, value)| format!("--answer {id}={value}"))
            .collect();
        super::say(&format!(
            "note: this plan was made with {}; certwise now knows {}. To re-plan: certwise plan {} --save {:?} --replace",
            render::knowledge_text(&saved.knowledge_version),
            render::knowledge_text(&now),
            answers.join(" "),
            saved.name
        ));
    }
    let body = render::plan(kb, &saved.plan, format);
    let text = match format {
        Format::Json | Format::Markdown => body,
        Format::Text => show_text(&saved, &body),
    };
    print(&text)
}

/// The plain-text plan with who and when on top and the progress of each item at the end.
fn show_text(saved: &SavedPlan, body: &str) -> String {
    let (done, total) = saved.done_count();
    let mut o = String::new();
    let _ = writeln!(o, "Saved plan: {}", shown(&saved.name));
    let _ = writeln!(
        o,
        "Created {}, modified {}; {done} of {total} items done\n",
        local_time(saved.created),
        local_time(saved.modified)
    );
    o.push_str(body);
    o.push_str("\nProgress\n");
    let mut seen = std::collections::BTreeSet::new();
    for step in &saved.plan.timeline {
        if seen.insert(step.id.as_str()) {
            let _ = writeln!(
                o,
                "  [{:<5}] {}",
                saved.progress_of(&step.id).label(),
                step.title
            );
        }
    }
    o
}
