//! Saved plans on disk: one RON file per plan under `plans/`, written atomically, owner-only,
//! versioned, and never silently overwritten or lost. Pure file handling: no terminal code.

use std::fmt::Write as _;
use std::fs::{self, File};
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::interview::Answers;

mod disk;
mod read;
mod saved;

pub(crate) use disk::replace_keeping_backup;
pub use disk::write_atomic;
pub use read::{ReadError, read_limited};
pub use saved::{Progress, SavedPlan, parse, to_text, try_to_text};

use disk::{create_private_dir, open_lock_file, remove_stale_temporaries, set_aside};
use saved::{newer_header, read_file};

/// The format version this build writes.
pub const VERSION: u32 = 2;
/// The environment variable that overrides the data folder.
pub const DATA_DIR_ENV: &str = "CERTWISE_DATA_DIR";
const SESSION_FILE: &str = "session.ron";
/// A saved plan is a few tens of kilobytes; anything far bigger is not one of ours, and is not
/// read into memory.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;
/// How long a save waits for another copy of certwise to finish its own.
const LOCK_WAIT_SECS: u64 = 10;
/// Nesting deeper than this is refused rather than risking the stack.
const RECURSION_LIMIT: usize = 64;

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
    #[error(
        "{path} was written by a newer certwise (format {found}, this one reads up to {VERSION}); it is left untouched"
    )]
    Newer { path: PathBuf, found: u32 },
    // Names are free text: `{:?}` quotes them and escapes control characters, so a message stays
    // on one line and cannot drive the terminal.
    #[error("no saved plan named {0:?}")]
    NotFound(String),
    #[error("a plan named {0:?} already exists")]
    Exists(String),
    /// Names that differ only in case are the same name: the plan is not saved under the other
    /// spelling, even to replace it (that takes the exact name).
    #[error(
        "a plan named {existing:?} already exists, and names that differ only in case are the same name"
    )]
    SameNameInOtherCase { existing: String },
    #[error("a plan needs a name")]
    EmptyName,
    #[error(
        "another copy of certwise has been saving in {0} for {LOCK_WAIT_SECS} seconds; nothing was written, try again in a moment"
    )]
    Busy(PathBuf),
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

/// A file name from a plan name: lower-case ASCII letters, digits and dashes only. Names that
/// lose characters on the way get a short hash of the full name, so different names rarely meet;
/// [`Store`] resolves the rare remaining clash by number. A slug that Windows reserves for a
/// device (`con`, `nul`, `com1`, ...) gets the hash too, so the file opens everywhere.
pub fn slug(name: &str) -> String {
    let name = canonical_name(name);
    let name = name.as_str();
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
    let mut out = out
        .trim_end_matches('-')
        .chars()
        .take(48)
        .collect::<String>();
    if out.is_empty() || lossy || reserved_on_windows(&out) {
        // FNV-1a: stable across runs and platforms.
        let hash = name.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        if !out.is_empty() {
            out.push('-');
        }
        let _ = write!(out, "{:06x}", hash & 0xff_ffff);
    }
    out
}

/// A name as it is compared and saved: surrounding spaces trimmed, in Unicode NFC, so that a
/// name typed with a combining accent and one typed with the accented letter are one name.
pub fn canonical_name(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    text.trim().nfc().collect()
}

/// Whether Windows reserves this file name (before any extension) for a device.
fn reserved_on_windows(stem: &str) -> bool {
    let stem = stem.split('.').next().unwrap_or(stem);
    matches!(stem, "con" | "prn" | "aux" | "nul" | "conin$" | "conout$")
        || ((stem.starts_with("com") || stem.starts_with("lpt"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit())
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
    Plan {
        file: PathBuf,
        plan: Box<SavedPlan>,
    },
    /// A file that does not load, with the reason. It is left where it is: listing never
    /// renames, moves or writes anything, and no save ever writes over such a file.
    Unreadable {
        file: PathBuf,
        reason: String,
    },
}

/// The data folder and the plans in it.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
    /// How long a save waits for another copy's write before giving up.
    lock_wait: std::time::Duration,
}

impl Store {
    /// Opens (creating if needed, owner-only) the data folder.
    ///
    /// # Errors
    /// The folder cannot be created.
    pub fn open(root: PathBuf) -> Result<Self, StoreError> {
        let plans = root.join("plans");
        create_private_dir(&plans)?;
        Ok(Store::at(root))
    }

    /// The data folder as it is, creating nothing: for commands that only read (a folder that
    /// does not exist has no plans).
    pub fn at(root: PathBuf) -> Self {
        Store {
            root,
            lock_wait: std::time::Duration::from_secs(LOCK_WAIT_SECS),
        }
    }

    /// The same folder, with saves waiting `wait` (not 10 s) for another copy's write: for
    /// tests of giving up.
    #[must_use]
    pub fn with_lock_wait(mut self, wait: std::time::Duration) -> Self {
        self.lock_wait = wait;
        self
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn plans_dir(&self) -> PathBuf {
        self.root.join("plans")
    }

    /// Holds the write lock (a separate lock file) until dropped. Waits a while for another
    /// copy's write, then gives up with [`StoreError::Busy`] rather than hang.
    ///
    /// The wait is a blocking lock on a second handle, in its own thread, so a waiter takes the
    /// lock the moment it is free. (Polling `try_lock` with sleeps let a waiter lose every race
    /// to writers that came later, and give up while the others saved.) A lock belongs to the
    /// open file, shared by both handles, so it stays held through `file` once the thread is
    /// done; a thread that gets it after we gave up drops it at once.
    pub(crate) fn write_lock(&self) -> Result<File, StoreError> {
        lock_folder_for(&self.root, self.lock_wait)
    }

    /// Every plan in `plans/`, loaded or with the reason it does not load: plans by name, then
    /// unreadable files. Read-only: nothing is renamed, moved or written, so a wrong data folder
    /// or a `plans/` linked elsewhere loses nothing. A damaged file stays where it is and is never
    /// written over (a new plan takes another file name); a link leading out of the data folder
    /// and anything that is not a regular file is listed as unreadable, not followed or opened.
    ///
    /// # Errors
    /// The plans folder cannot be read.
    pub fn list(&self) -> Result<Vec<Listing>, StoreError> {
        let dir = self.plans_dir();
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(StoreError::io("read", &dir, e)),
        };
        let files: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        let mut out = Vec::new();
        for file in files {
            let Some(file_name) = file.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if file_name.starts_with('.') {
                continue;
            }
            if file_name.contains(".ron.corrupt-") {
                let reason = match read_file(&file, &self.root) {
                    Err(StoreError::Unreadable { reason, .. }) => reason,
                    Err(e) => e.to_string(),
                    Ok(_) => "set aside earlier; it loads now: rename it back to .ron to use it"
                        .to_owned(),
                };
                out.push(Listing::Unreadable { file, reason });
                continue;
            }
            if file.extension().is_none_or(|e| e != "ron") {
                continue;
            }
            match read_file(&file, &self.root) {
                Ok(plan) => out.push(Listing::Plan {
                    file,
                    plan: Box::new(plan),
                }),
                Err(StoreError::Newer { found, .. }) => {
                    let whose = newer_header(&file, &self.root)
                        .map(|(_, name)| format!("plan {name:?} "))
                        .unwrap_or_default();
                    out.push(Listing::Unreadable {
                        file,
                        reason: format!(
                            "{whose}written by a newer certwise (format {found}, this one reads up to {VERSION}); left untouched"
                        ),
                    });
                }
                Err(StoreError::Unreadable { reason, .. }) => {
                    let backup = file.with_extension("ron.bak");
                    let reason = if backup.is_file() {
                        format!("{reason}; the last good save is in {}", backup.display())
                    } else {
                        reason
                    };
                    out.push(Listing::Unreadable { file, reason });
                }
                // Gone since the folder was read: another copy set it aside or deleted it.
                Err(StoreError::Io { source, .. })
                    if source.kind() == std::io::ErrorKind::NotFound => {}
                // Not readable right now (permissions, a folder named *.ron): say so, move nothing.
                Err(e) => out.push(Listing::Unreadable {
                    reason: e.to_string(),
                    file,
                }),
            }
        }
        out.sort_by_key(listing_key);
        Ok(out)
    }

    /// The file holding the plan with this name, if any.
    fn find(&self, name: &str) -> Result<Option<PathBuf>, StoreError> {
        match self.find_any(name)? {
            Found::Plan(file) => Ok(Some(file)),
            Found::Newer(..) | Found::OtherCase(_) | Found::Missing => Ok(None),
        }
    }

    /// Like [`Store::find`], but also finds a plan of that name written by a newer certwise,
    /// so that it is reported (and never shadowed or replaced) rather than said to be missing,
    /// and a plan whose name differs only in case.
    fn find_any(&self, name: &str) -> Result<Found, StoreError> {
        let name = canonical_name(name);
        let name = name.as_str();
        let listing = self.list()?;
        let mut other_case = None;
        for l in &listing {
            if let Listing::Plan { file, plan } = l {
                if canonical_name(&plan.name) == name {
                    return Ok(Found::Plan(file.clone()));
                }
                if same_name(&plan.name, name) {
                    other_case = Some(canonical_name(&plan.name));
                }
            }
        }
        for l in &listing {
            if let Listing::Unreadable { file, .. } = l
                && let Some((found, newer_name)) = newer_header(file, &self.root)
            {
                if canonical_name(&newer_name) == name {
                    return Ok(Found::Newer(file.clone(), found));
                }
                if same_name(&newer_name, name) {
                    other_case = Some(canonical_name(&newer_name));
                }
            }
        }
        Ok(other_case.map_or(Found::Missing, Found::OtherCase))
    }

    /// The name of the saved plan that takes this name, if any: the name itself, or the same
    /// name in other case.
    ///
    /// # Errors
    /// The plans folder cannot be read.
    pub fn taken_by(&self, name: &str) -> Result<Option<String>, StoreError> {
        Ok(match self.find_any(name)? {
            Found::Plan(_) | Found::Newer(..) => Some(name.trim().to_owned()),
            Found::OtherCase(existing) => Some(existing),
            Found::Missing => None,
        })
    }

    /// Loads a plan by name.
    ///
    /// # Errors
    /// No such plan, or it does not load.
    pub fn load(&self, name: &str) -> Result<SavedPlan, StoreError> {
        match self.find_any(name)? {
            Found::Plan(file) => read_file(&file, &self.root),
            Found::Newer(path, found) => Err(StoreError::Newer { path, found }),
            Found::OtherCase(_) | Found::Missing => {
                Err(StoreError::NotFound(name.trim().to_owned()))
            }
        }
    }

    /// Whether the name is taken: by a plan that loads, or by one from a newer certwise, under
    /// this name or the same name in other case.
    ///
    /// # Errors
    /// The plans folder cannot be read.
    pub fn exists(&self, name: &str) -> Result<bool, StoreError> {
        Ok(!matches!(self.find_any(name)?, Found::Missing))
    }

    /// Saves a plan under its name. An existing plan of that name is replaced only if `replace`;
    /// its last good save is then kept as `NAME.ron.bak`. Returns the file written.
    ///
    /// # Errors
    /// The name is empty or taken (without `replace`), another copy holds the lock too long, or
    /// the write fails; the old file is then left whole.
    pub fn save(&self, plan: &SavedPlan, replace: bool) -> Result<PathBuf, StoreError> {
        if plan.name.trim().is_empty() {
            return Err(StoreError::EmptyName);
        }
        // Whatever the caller built, the file says what this build writes, under the name that
        // lookups use.
        let mut plan = plan.clone();
        plan.version = VERSION;
        plan.name = canonical_name(&plan.name);
        let text = try_to_text(&plan).map_err(|e| StoreError::Unreadable {
            path: self.plans_dir(),
            reason: format!("the plan cannot be written as RON: {e}"),
        })?;
        // The folder may have been removed since it was opened: make it again rather than fail.
        create_private_dir(&self.plans_dir())?;
        let _lock = self.write_lock()?;
        remove_stale_temporaries(&self.plans_dir());
        let file = match self.find_any(&plan.name)? {
            // Never replaced, whatever `replace` says: this build would drop what it cannot read.
            Found::Newer(path, found) => return Err(StoreError::Newer { path, found }),
            Found::Plan(_) if !replace => {
                return Err(StoreError::Exists(plan.name.trim().to_owned()));
            }
            Found::Plan(file) => {
                replace_keeping_backup(&file, text.as_bytes(), &self.root)?;
                return Ok(file);
            }
            Found::OtherCase(existing) => {
                return Err(StoreError::SameNameInOtherCase { existing });
            }
            Found::Missing => self.free_file(&plan.name),
        };
        write_atomic(&file, text.as_bytes())?;
        Ok(file)
    }

    /// A file name for a new plan: its slug, numbered if another name took it.
    fn free_file(&self, name: &str) -> PathBuf {
        let base = slug(name);
        let dir = self.plans_dir();
        let mut file = dir.join(format!("{base}.ron"));
        let mut n = 2;
        // A `.bak` or a set-aside file of an old plan also keeps its slug from being reused.
        while file.exists() || file.with_extension("ron.bak").exists() {
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
        let file = self
            .find(name)?
            .ok_or_else(|| StoreError::NotFound(name.trim().to_owned()))?;
        // A deleted plan goes to the trash folder, from which `certwise plans restore` brings it
        // back; only its backup is removed.
        let trash = self.trash_dir();
        create_private_dir(&trash)?;
        let file_name = file
            .file_name()
            .map(std::ffi::OsStr::to_os_string)
            .unwrap_or_default();
        let mut target = trash.join(&file_name);
        let mut n = 1;
        while target.exists() {
            n += 1;
            target = trash.join(format!("{}.{n}", file_name.to_string_lossy()));
        }
        fs::rename(&file, &target).map_err(|e| StoreError::io("delete", &file, e))?;
        let _ = fs::remove_file(file.with_extension("ron.bak"));
        Ok(())
    }

    /// The folder deleted plans are moved to.
    pub fn trash_dir(&self) -> PathBuf {
        self.root.join("trash")
    }

    /// The names of the plans in the trash, newest deletion last.
    ///
    /// # Errors
    /// The trash folder cannot be read.
    pub fn trashed(&self) -> Result<Vec<(String, PathBuf)>, StoreError> {
        let trash = self.trash_dir();
        let Ok(entries) = fs::read_dir(&trash) else {
            return Ok(Vec::new());
        };
        let mut found: Vec<(std::time::SystemTime, String, PathBuf)> = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            if let Ok(plan) = read_file(&path, &self.root) {
                let when = entry
                    .metadata()
                    .and_then(|m| m.modified())
                    .unwrap_or(std::time::UNIX_EPOCH);
                found.push((when, plan.name, path));
            }
        }
        found.sort();
        Ok(found
            .into_iter()
            .map(|(_, name, path)| (name, path))
            .collect())
    }

    /// Brings the most recently deleted plan of that name back from the trash.
    ///
    /// # Errors
    /// No such plan in the trash, or a plan of that name exists again.
    pub fn restore(&self, name: &str) -> Result<PathBuf, StoreError> {
        let _lock = self.write_lock()?;
        let (_, from) = self
            .trashed()?
            .into_iter()
            .rev()
            .find(|(n, _)| same_name(n, name))
            .ok_or_else(|| StoreError::NotFound(name.trim().to_owned()))?;
        if self
            .find_any(name)
            .is_ok_and(|f| !matches!(f, Found::Missing))
        {
            return Err(StoreError::Exists(name.trim().to_owned()));
        }
        let plans = self.plans_dir();
        create_private_dir(&plans)?;
        let mut target = plans.join(format!("{}.ron", slug(name)));
        let mut n = 1;
        while target.exists() {
            n += 1;
            target = plans.join(format!("{}-{n}.ron", slug(name)));
        }
        fs::rename(&from, &target).map_err(|e| StoreError::io("restore", &from, e))?;
        Ok(target)
    }

    /// Renames a plan (the file keeps its name; the plan's name changes).
    ///
    /// # Errors
    /// No such plan, the new name is empty or taken.
    pub fn rename(&self, from: &str, to: &str, now: Timestamp) -> Result<(), StoreError> {
        if to.trim().is_empty() {
            return Err(StoreError::EmptyName);
        }
        let _lock = self.write_lock()?;
        let file = self
            .find(from)?
            .ok_or_else(|| StoreError::NotFound(from.trim().to_owned()))?;
        match self.find_any(to)? {
            Found::Missing => {}
            // The same plan under another spelling of its name.
            Found::Plan(_) if canonical_name(from) == canonical_name(to) => {}
            Found::OtherCase(existing) if existing == canonical_name(from) => {}
            Found::OtherCase(existing) => {
                return Err(StoreError::SameNameInOtherCase { existing });
            }
            Found::Plan(_) | Found::Newer(..) => {
                return Err(StoreError::Exists(to.trim().to_owned()));
            }
        }
        let mut plan = read_file(&file, &self.root)?;
        plan.name = canonical_name(to);
        plan.modified = now;
        let text = try_to_text(&plan).map_err(|e| StoreError::Unreadable {
            path: file.clone(),
            reason: format!("the plan cannot be written as RON: {e}"),
        })?;
        replace_keeping_backup(&file, text.as_bytes(), &self.root)
    }

    /// Copies a plan under a new name.
    ///
    /// # Errors
    /// No such plan, the new name is empty or taken.
    pub fn duplicate(&self, from: &str, to: &str, now: Timestamp) -> Result<PathBuf, StoreError> {
        let mut plan = self.load(from)?;
        plan.name = canonical_name(to);
        plan.created = now;
        plan.modified = now;
        self.save(&plan, false)
    }

    /// Keeps the interview in progress, so the next launch can resume it.
    ///
    /// # Errors
    /// The write fails.
    pub fn save_session(&self, session: &Session) -> Result<(), StoreError> {
        let path = self.root.join(SESSION_FILE);
        let session = Session {
            version: SESSION_VERSION,
            ..session.clone()
        };
        let config = ron::ser::PrettyConfig::new().new_line("\n".to_owned());
        let text =
            ron::ser::to_string_pretty(&session, config).map_err(|e| StoreError::Unreadable {
                path: path.clone(),
                reason: format!("the session cannot be written as RON: {e}"),
            })?;
        create_private_dir(&self.root)?;
        write_atomic(&path, text.as_bytes())
    }

    /// The interview left in progress, if there is one. Read-only: a file that does not load is
    /// reported and left where it is; the session that owns the file sets it aside with
    /// [`Store::set_aside_session`] before writing its own.
    ///
    /// # Errors
    /// The file cannot be read ([`StoreError::Io`]), or is not a session this build reads
    /// ([`StoreError::Unreadable`]: not a regular file, a link out of the data folder, too big,
    /// damaged, or from a newer certwise).
    pub fn load_session(&self) -> Result<Option<Session>, StoreError> {
        let path = self.root.join(SESSION_FILE);
        let bytes = match read_limited(&path, MAX_FILE_BYTES, Some(&self.root)) {
            Ok(bytes) => bytes,
            Err(e) if e.is_not_found() => return Ok(None),
            Err(ReadError::Io(e)) => return Err(StoreError::io("read", &path, e)),
            Err(ReadError::TooBig { limit }) => {
                return Err(StoreError::Unreadable {
                    path,
                    reason: format!(
                        "it is bigger than {limit} bytes, far too big for an interview in progress"
                    ),
                });
            }
            Err(e) => {
                return Err(StoreError::Unreadable {
                    path,
                    reason: e.to_string(),
                });
            }
        };
        parse_session(&bytes)
            .map(Some)
            .map_err(|reason| StoreError::Unreadable { path, reason })
    }

    /// Renames the session file to `session.ron.corrupt-<timestamp>` (the name itself, never
    /// what a link points to), so that the interview about to be kept cannot write over it.
    /// Only the session that owns the interview calls this.
    ///
    /// # Errors
    /// The rename fails; the file is then left as it is.
    pub fn set_aside_session(&self) -> Result<PathBuf, StoreError> {
        let path = self.root.join(SESSION_FILE);
        set_aside(&path).map_err(|e| StoreError::io("set aside", &path, e))
    }

    /// Deletes the interview kept for resuming. Only the session that owns it calls this.
    pub fn clear_session(&self) {
        let _ = fs::remove_file(self.root.join(SESSION_FILE));
    }
}

/// The session format this build writes. Files from before it had a version are format 1.
pub const SESSION_VERSION: u32 = 1;

/// An interview in progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// The file's format: files from before the field existed are format 1.
    #[serde(default = "first_session_version")]
    pub version: u32,
    pub answers: Answers,
    /// The question on screen when it was kept.
    pub question: String,
    /// The saved plan being edited, if any.
    #[serde(default)]
    pub editing: Option<String>,
    /// When the saved plan being edited was first saved, so saving it back keeps that date.
    #[serde(default)]
    pub created: Option<Timestamp>,
    /// Progress on the plan's items, so saving an edited plan back keeps it.
    #[serde(default)]
    pub progress: std::collections::BTreeMap<String, Progress>,
}

impl Default for Session {
    fn default() -> Self {
        Session {
            version: SESSION_VERSION,
            answers: Answers::default(),
            question: String::new(),
            editing: None,
            created: None,
            progress: std::collections::BTreeMap::new(),
        }
    }
}

fn first_session_version() -> u32 {
    1
}

/// Reads a session file: UTF-8, an optional byte-order mark, RON, a version this build reads.
fn parse_session(bytes: &[u8]) -> Result<Session, String> {
    let text = std::str::from_utf8(bytes)
        .map_err(|e| format!("not UTF-8 text (bad byte at offset {})", e.valid_up_to()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err("the file is empty".to_owned());
    }
    let session: Session = ron::Options::default()
        .with_recursion_limit(RECURSION_LIMIT)
        .from_str(text)
        .map_err(|e| {
            format!(
                "line {}, column {}: {}",
                e.span.start.line, e.span.start.col, e.code
            )
        })?;
    match session.version {
        v if v > SESSION_VERSION => Err(format!(
            "written by a newer certwise (format {v}, this one reads up to {SESSION_VERSION})"
        )),
        0 => Err("unknown format version 0".to_owned()),
        _ => Ok(session),
    }
}

/// The write lock of a data folder (see [`Store::write_lock`]), for files kept beside the plans
/// (the person's own catalog): every writer in the folder takes the same lock.
///
/// # Errors
/// The lock file cannot be made, or another copy holds the lock too long.
pub(crate) fn lock_folder(root: &Path) -> Result<File, StoreError> {
    lock_folder_for(root, std::time::Duration::from_secs(LOCK_WAIT_SECS))
}

/// [`lock_folder`], waiting `wait` at most.
fn lock_folder_for(root: &Path, wait: std::time::Duration) -> Result<File, StoreError> {
    let path = root.join("write.lock");
    let file = open_lock_file(&path)?;
    match file.try_lock() {
        Ok(()) => return Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => {}
        Err(std::fs::TryLockError::Error(e)) => {
            return Err(StoreError::io("lock", &path, e));
        }
    }
    let waiter = file
        .try_clone()
        .map_err(|e| StoreError::io("lock", &path, e))?;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let locked = waiter.lock();
        // Gave up already: dropping `waiter` (the last handle) lets the lock go.
        let _ = tx.send(locked);
    });
    match rx.recv_timeout(wait) {
        Ok(Ok(())) => Ok(file),
        Ok(Err(e)) => Err(StoreError::io("lock", &path, e)),
        Err(_) => Err(StoreError::Busy(root.to_owned())),
    }
}

fn listing_key(l: &Listing) -> (u8, String) {
    match l {
        Listing::Plan { plan, .. } => (0, plan.name.to_lowercase()),
        Listing::Unreadable { file, .. } => (1, file.display().to_string()),
    }
}

/// What [`Store::find_any`] found for a name.
enum Found {
    Plan(PathBuf),
    Newer(PathBuf, u32),
    /// No plan has this exact name, but one has it in other case (its name).
    OtherCase(String),
    Missing,
}

/// Whether two plan names are the same name: equal but for case, surrounding spaces and Unicode
/// form (NFC).
pub fn same_name(a: &str, b: &str) -> bool {
    canonical_name(a).to_lowercase() == canonical_name(b).to_lowercase()
}
