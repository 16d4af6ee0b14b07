//! Saved plans on disk: one RON file per plan under `plans/`, written atomically, owner-only,
//! versioned, and never silently overwritten or lost. Pure file handling: no terminal code.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::advisor::Plan;
use crate::interview::Answers;

/// The format version this build writes.
pub const VERSION: u32 = 2;
/// The environment variable that overrides the data folder.
pub const DATA_DIR_ENV: &str = "CERTWISE_DATA_DIR";
const SESSION_FILE: &str = "session.ron";

/// Something went wrong with the data folder or a saved file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no home folder to keep plans in: pass --data-dir DIR or set {DATA_DIR_ENV}")]
    NoDataDir,
    #[error("cannot {action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {reason}")]
    Unreadable { path: PathBuf, reason: String },
    #[error("{path} was written by a newer certwise (format {found}, this one reads up to {VERSION}); it is left untouched")]
    Newer { path: PathBuf, found: u32 },
    #[error("no saved plan named \"{0}\"")]
    NotFound(String),
    #[error("a plan named \"{0}\" already exists")]
    Exists(String),
    #[error("a plan needs a name")]
    EmptyName,
}

impl StoreError {
    fn io(action: &'static str, path: &Path, source: std::io::Error) -> Self {
        StoreError::Io {
            action,
            path: path.to_owned(),
            source,
        }
    }
}

/// Where a plan item stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Progress {
    #[default]
    Todo,
    Doing,
    Done,
}

impl Progress {
    pub fn next(self) -> Self {
        match self {
            Progress::Todo => Progress::Doing,
            Progress::Doing => Progress::Done,
            Progress::Done => Progress::Todo,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Progress::Todo => "todo",
            Progress::Doing => "doing",
            Progress::Done => "done",
        }
    }
}

/// A saved plan: the answers, the plan computed from them, the knowledge-base version used,
/// progress on its items, and when it was made and changed. Field order is the file's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "SavedPlan")]
pub struct SavedPlan {
    pub version: u32,
    pub name: String,
    pub created: Timestamp,
    pub modified: Timestamp,
    pub knowledge_version: String,
    pub answers: Answers,
    /// Progress by catalog id; items not listed are to do.
    pub progress: BTreeMap<String, Progress>,
    pub plan: Plan,
}

impl SavedPlan {
    pub fn new(name: &str, answers: Answers, plan: Plan, now: Timestamp) -> Self {
        SavedPlan {
            version: VERSION,
            name: name.trim().to_owned(),
            created: now,
            modified: now,
            knowledge_version: plan.knowledge_version.clone(),
            answers,
            progress: BTreeMap::new(),
            plan,
        }
    }

    pub fn progress_of(&self, id: &str) -> Progress {
        self.progress.get(id).copied().unwrap_or_default()
    }

    /// Done items out of the items in the timeline (what the plan asks you to do).
    pub fn done_count(&self) -> (usize, usize) {
        let mut ids: Vec<&str> = self.plan.timeline.iter().map(|s| s.id.as_str()).collect();
        ids.dedup();
        let done = ids.iter().filter(|id| self.progress_of(id) == Progress::Done).count();
        (done, ids.len())
    }
}

/// Version 1 had no progress tracking and no recorded knowledge version; it is read and migrated.
#[derive(Debug, Deserialize)]
#[serde(rename = "SavedPlan")]
struct SavedPlanV1 {
    name: String,
    created: Timestamp,
    modified: Timestamp,
    answers: Answers,
    plan: Plan,
}

impl From<SavedPlanV1> for SavedPlan {
    fn from(v1: SavedPlanV1) -> Self {
        SavedPlan {
            version: VERSION,
            name: v1.name,
            created: v1.created,
            modified: v1.modified,
            knowledge_version: v1.plan.knowledge_version.clone(),
            answers: v1.answers,
            progress: BTreeMap::new(),
            plan: v1.plan,
        }
    }
}

#[derive(Deserialize)]
#[serde(rename = "SavedPlan")]
struct VersionOnly {
    version: u32,
}

/// Reads a saved plan from text, migrating older versions.
///
/// # Errors
/// The text is not a saved plan (with the parser's line:column), or is from a newer certwise.
pub fn parse(path: &Path, text: &str) -> Result<SavedPlan, StoreError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let unreadable = |e: ron::error::SpannedError| StoreError::Unreadable {
        path: path.to_owned(),
        reason: format!("line {}, column {}: {}", e.span.start.line, e.span.start.col, e.code),
    };
    if text.trim().is_empty() {
        return Err(StoreError::Unreadable {
            path: path.to_owned(),
            reason: "the file is empty".to_owned(),
        });
    }
    let options = ron::Options::default().with_recursion_limit(64);
    let VersionOnly { version } = options.from_str(text).map_err(unreadable)?;
    match version {
        1 => options.from_str::<SavedPlanV1>(text).map(SavedPlan::from).map_err(unreadable),
        VERSION => options.from_str::<SavedPlan>(text).map_err(unreadable),
        v if v > VERSION => Err(StoreError::Newer {
            path: path.to_owned(),
            found: v,
        }),
        v => Err(StoreError::Unreadable {
            path: path.to_owned(),
            reason: format!("unknown format version {v}"),
        }),
    }
}

/// The text written for a saved plan: RON, `\n` line endings, fields in a fixed order.
pub fn to_text(plan: &SavedPlan) -> String {
    let config = ron::ser::PrettyConfig::new().new_line("\n".to_owned());
    let mut text = ron::ser::to_string_pretty(plan, config).unwrap_or_default();
    text.push('\n');
    text
}

/// A file name from a plan name: lower-case ASCII letters, digits and dashes only. Names that
/// lose characters on the way get a short hash of the full name, so different names rarely meet;
/// [`Store`] resolves the rare remaining clash by number.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    let mut lossy = false;
    for c in name.trim().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            lossy |= c.is_ascii_uppercase();
        } else {
            lossy |= !matches!(c, ' ' | '-');
            if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
        }
    }
    let mut out = out.trim_end_matches('-').chars().take(48).collect::<String>();
    if out.is_empty() || lossy {
        // FNV-1a: stable across runs and platforms.
        let hash = name.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&format!("{:06x}", hash & 0xff_ffff));
    }
    out
}

/// Resolves the data folder: the flag, else the environment variable, else the platform folder.
///
/// # Errors
/// None of the three is available (no home folder).
pub fn data_dir(flag: Option<&Path>) -> Result<PathBuf, StoreError> {
    if let Some(dir) = flag {
        return Ok(dir.to_owned());
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "certwise")
        .map(|d| d.data_dir().to_owned())
        .ok_or(StoreError::NoDataDir)
}

/// One line of the saved-plans list.
#[derive(Debug, Clone)]
pub enum Listing {
    Plan { file: PathBuf, plan: Box<SavedPlan> },
    /// A file that does not load, with the reason.
    Unreadable { file: PathBuf, reason: String },
}

/// The data folder and the plans in it.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

impl Store {
    /// Opens (creating if needed, owner-only) the data folder.
    ///
    /// # Errors
    /// The folder cannot be created.
    pub fn open(root: PathBuf) -> Result<Self, StoreError> {
        let plans = root.join("plans");
        create_private_dir(&plans)?;
        Ok(Store { root })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn plans_dir(&self) -> PathBuf {
        self.root.join("plans")
    }

    /// Holds the write lock (a separate lock file) until dropped; waits for another copy's write.
    fn write_lock(&self) -> Result<File, StoreError> {
        let path = self.root.join("write.lock");
        let file = open_lock_file(&path)?;
        file.lock().map_err(|e| StoreError::io("lock", &path, e))?;
        Ok(file)
    }

    /// Every `.ron` file in `plans/`, loaded or with the reason it does not load, by name.
    /// Files that do not load are set aside (renamed) so that they are never overwritten.
    pub fn list(&self) -> Result<Vec<Listing>, StoreError> {
        let dir = self.plans_dir();
        let entries = fs::read_dir(&dir).map_err(|e| StoreError::io("read", &dir, e))?;
        let mut out = Vec::new();
        for entry in entries.flatten() {
            let file = entry.path();
            if file.extension().is_none_or(|e| e != "ron") {
                continue;
            }
            match self.read(&file) {
                Ok(plan) => out.push(Listing::Plan { file, plan: Box::new(plan) }),
                Err(StoreError::Newer { path, found }) => out.push(Listing::Unreadable {
                    file: path,
                    reason: format!("written by a newer certwise (format {found}); left untouched"),
                }),
                Err(e) => {
                    let reason = e.to_string();
                    let moved = set_aside(&file).unwrap_or_else(|_| file.clone());
                    out.push(Listing::Unreadable {
                        file: moved,
                        reason: reason.replace(&file.display().to_string(), "").trim_start_matches(": ").to_owned(),
                    });
                }
            }
        }
        out.sort_by(|a, b| listing_key(a).cmp(&listing_key(b)));
        Ok(out)
    }

    fn read(&self, file: &Path) -> Result<SavedPlan, StoreError> {
        let bytes = fs::read(file).map_err(|e| StoreError::io("read", file, e))?;
        let text = String::from_utf8(bytes).map_err(|e| StoreError::Unreadable {
            path: file.to_owned(),
            reason: format!("not UTF-8 text (bad byte at offset {})", e.utf8_error().valid_up_to()),
        })?;
        parse(file, &text)
    }

    /// The file holding the plan with this name, if any.
    fn find(&self, name: &str) -> Result<Option<PathBuf>, StoreError> {
        let name = name.trim();
        Ok(self.list()?.into_iter().find_map(|l| match l {
            Listing::Plan { file, plan } if plan.name == name => Some(file),
            _ => None,
        }))
    }

    /// Loads a plan by name.
    ///
    /// # Errors
    /// No such plan, or it does not load.
    pub fn load(&self, name: &str) -> Result<SavedPlan, StoreError> {
        let file = self.find(name)?.ok_or_else(|| StoreError::NotFound(name.trim().to_owned()))?;
        self.read(&file)
    }

    pub fn exists(&self, name: &str) -> Result<bool, StoreError> {
        Ok(self.find(name)?.is_some())
    }

    /// Saves a plan under its name. An existing plan of that name is replaced only if `replace`.
    /// Returns the file written.
    ///
    /// # Errors
    /// The name is empty or taken (without `replace`), or the write fails; the old file is then
    /// left whole.
    pub fn save(&self, plan: &SavedPlan, replace: bool) -> Result<PathBuf, StoreError> {
        if plan.name.trim().is_empty() {
            return Err(StoreError::EmptyName);
        }
        let _lock = self.write_lock()?;
        let file = match self.find(&plan.name)? {
            Some(_) if !replace => return Err(StoreError::Exists(plan.name.clone())),
            Some(file) => file,
            None => self.free_file(&plan.name),
        };
        if file.exists() {
            // Keep the last good save.
            let _ = fs::copy(&file, file.with_extension("ron.bak"));
        }
        write_atomic(&file, to_text(plan).as_bytes())?;
        Ok(file)
    }

    /// A file name for a new plan: its slug, numbered if another name took it.
    fn free_file(&self, name: &str) -> PathBuf {
        let base = slug(name);
        let dir = self.plans_dir();
        let mut file = dir.join(format!("{base}.ron"));
        let mut n = 2;
        while file.exists() {
            file = dir.join(format!("{base}-{n}.ron"));
            n += 1;
        }
        file
    }

    /// Deletes a plan by name (its `.bak` goes too).
    ///
    /// # Errors
    /// No such plan, or the file cannot be removed.
    pub fn delete(&self, name: &str) -> Result<(), StoreError> {
        let _lock = self.write_lock()?;
        let file = self.find(name)?.ok_or_else(|| StoreError::NotFound(name.trim().to_owned()))?;
        fs::remove_file(&file).map_err(|e| StoreError::io("delete", &file, e))?;
        let _ = fs::remove_file(file.with_extension("ron.bak"));
        Ok(())
    }

    /// Renames a plan (the file keeps its name; the plan's name changes).
    ///
    /// # Errors
    /// No such plan, the new name is empty or taken.
    pub fn rename(&self, from: &str, to: &str, now: Timestamp) -> Result<(), StoreError> {
        let mut plan = self.load(from)?;
        if to.trim().is_empty() {
            return Err(StoreError::EmptyName);
        }
        if from.trim() != to.trim() && self.exists(to)? {
            return Err(StoreError::Exists(to.trim().to_owned()));
        }
        let file = self.find(from)?.ok_or_else(|| StoreError::NotFound(from.trim().to_owned()))?;
        let _lock = self.write_lock()?;
        plan.name = to.trim().to_owned();
        plan.modified = now;
        write_atomic(&file, to_text(&plan).as_bytes())
    }

    /// Copies a plan under a new name.
    ///
    /// # Errors
    /// No such plan, the new name is empty or taken.
    pub fn duplicate(&self, from: &str, to: &str, now: Timestamp) -> Result<PathBuf, StoreError> {
        let mut plan = self.load(from)?;
        plan.name = to.trim().to_owned();
        plan.created = now;
        plan.modified = now;
        self.save(&plan, false)
    }

    /// Keeps the interview in progress, so the next launch can resume it.
    ///
    /// # Errors
    /// The write fails.
    pub fn save_session(&self, session: &Session) -> Result<(), StoreError> {
        let config = ron::ser::PrettyConfig::new().new_line("\n".to_owned());
        let text = ron::ser::to_string_pretty(session, config).unwrap_or_default();
        write_atomic(&self.root.join(SESSION_FILE), text.as_bytes())
    }

    /// The interview left in progress, if there is one that loads.
    pub fn load_session(&self) -> Option<Session> {
        let text = fs::read_to_string(self.root.join(SESSION_FILE)).ok()?;
        ron::from_str(&text).ok()
    }

    pub fn clear_session(&self) {
        let _ = fs::remove_file(self.root.join(SESSION_FILE));
    }
}

/// An interview in progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub answers: Answers,
    /// The question on screen when it was kept.
    pub question: String,
    /// The saved plan being edited, if any.
    #[serde(default)]
    pub editing: Option<String>,
}

fn listing_key(l: &Listing) -> (u8, String) {
    match l {
        Listing::Plan { plan, .. } => (0, plan.name.to_lowercase()),
        Listing::Unreadable { file, .. } => (1, file.display().to_string()),
    }
}

fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(|e| StoreError::io("create", dir, e))
}

fn open_lock_file(path: &Path) -> Result<File, StoreError> {
    let mut options = fs::OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path).map_err(|e| StoreError::io("open", path, e))
}

/// Writes a file atomically: a temporary file in the same folder, fsync, rename, fsync the folder.
/// The file is readable by its owner only.
///
/// # Errors
/// Any step fails; the old file, if any, is then untouched.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let mut options = atomic_write_file::AtomicWriteFile::options();
    #[cfg(unix)]
    {
        use atomic_write_file::unix::OpenOptionsExt as _;
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        options.preserve_mode(false);
    }
    let mut file = options.open(path).map_err(|e| StoreError::io("write", path, e))?;
    file.write_all(bytes).map_err(|e| StoreError::io("write", path, e))?;
    file.commit().map_err(|e| StoreError::io("write", path, e))
}

/// Renames a file that does not load to `NAME.corrupt-<timestamp>` so nothing overwrites it.
fn set_aside(file: &Path) -> std::io::Result<PathBuf> {
    let stamp = Timestamp::now().as_second();
    let mut target = file.with_extension(format!("ron.corrupt-{stamp}"));
    let mut n = 2;
    while target.exists() {
        target = file.with_extension(format!("ron.corrupt-{stamp}-{n}"));
        n += 1;
    }
    fs::rename(file, &target)?;
    Ok(target)
}
