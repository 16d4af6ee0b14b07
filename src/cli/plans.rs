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
    /// Mark a step of a saved plan's timeline (or a milestone of a project) todo, doing or
    /// done, as the session's timeline does.
    Progress {
        /// The plan's name, as listed.
        name: String,
        /// The step's number as `certwise plans show` lists it (`3`), a milestone of it (`3.2`),
        /// or its key.
        step: String,
        /// todo, doing or done.
        state: String,
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
        PlansCommand::Progress { name, step, state } => mark(data_dir, name, step, state),
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
        saved.progress = crate::progress::carried(&saved.plan, &old.progress);
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

/// `certwise plans progress NAME STEP STATE`: marks one item and saves the plan back.
fn mark(data_dir: Option<&Path>, name: &str, step: &str, state: &str) -> Result<(), CliError> {
    let to = crate::progress::Progress::parse(state).ok_or_else(|| {
        CliError::usage(format!(
            "unknown state \"{}\": use todo, doing or done",
            crate::sanitize::value(state)
        ))
    })?;
    let store = open(data_dir)?;
    let mut saved = store.load(name).map_err(|e| not_found_hint(&store, e))?;
    let item = crate::progress::parse_item(&saved.plan, step).map_err(|e| {
        CliError::usage(format!(
            "{}: {}",
            crate::sanitize::value(&saved.name),
            crate::sanitize::terminal(&e)
        ))
    })?;
    crate::progress::set(&saved.plan, &mut saved.progress, item, to);
    saved.modified = Timestamp::now();
    store.save(&saved, true).map_err(from_store)?;
    let title = match item {
        crate::progress::Item::Step(s) => saved.plan.timeline[s].title.clone(),
        crate::progress::Item::Milestone(s, m) => {
            saved.plan.timeline[s].milestones[m].title.clone()
        }
    };
    let what = match item {
        crate::progress::Item::Step(_) => "step",
        crate::progress::Item::Milestone(..) => "milestone",
    };
    print(&format!(
        "{:?}: {what} {} ({}) is {}; {}.\n",
        shown(&saved.name),
        crate::progress::label(item),
        shown(&title),
        to.label(),
        saved.counts().text()
    ))
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
    t.to_zoned_datetime(jiff::tz::TimeZone::system())
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
    progress: crate::progress::Counts,
    file: &'a Path,
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
                    .map(|(file, p)| JsonPlan {
                        name: &p.name,
                        strategy: &p.plan.strategy.name,
                        strategy_id: &p.plan.strategy.id,
                        created: p.created,
                        modified: p.modified,
                        knowledge_version: &p.knowledge_version,
                        progress: p.counts(),
                        file,
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
                [
                    local_time(p.modified),
                    p.counts().short(),
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
    let body = render::with_progress(kb, &saved.plan, format, Some(&saved.progress));
    let text = match format {
        Format::Json | Format::Markdown => body,
        Format::Text => show_text(&saved, &body),
    };
    print(&text)
}

/// The plain-text plan with who and when on top (the body ends with the progress).
fn show_text(saved: &SavedPlan, body: &str) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "Saved plan: {}", shown(&saved.name));
    let _ = writeln!(
        o,
        "Created {}, modified {}; {}\n",
        local_time(saved.created),
        local_time(saved.modified),
        saved.counts().text()
    );
    o.push_str(body);
    o
}
