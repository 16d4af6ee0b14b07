//! The file-system side of the store: owner-only folders and files, the lock file, atomic
//! writes, backups, setting damaged files aside and clearing temporaries of killed writes.

use std::fs::{self, File};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::StoreError;

pub(super) fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(dir)
        .map_err(|e| StoreError::io("create", dir, e))
}

pub(super) fn open_lock_file(path: &Path) -> Result<File, StoreError> {
    let mut options = fs::OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
        .open(path)
        .map_err(|e| StoreError::io("create the lock file", path, e))
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
    let mut file = options
        .open(path)
        .map_err(|e| StoreError::io("write", path, e))?;
    file.write_all(bytes)
        .map_err(|e| StoreError::io("write", path, e))?;
    file.commit().map_err(|e| StoreError::io("write", path, e))
}

/// Renames a file that does not load to `NAME.corrupt-<timestamp>` so nothing overwrites it.
pub(super) fn set_aside(file: &Path) -> std::io::Result<PathBuf> {
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

/// Copies the plan about to be replaced to `NAME.ron.bak`, atomically, so a kill during the copy
/// cannot leave a half backup behind.
pub(super) fn keep_backup(file: &Path) -> Result<(), StoreError> {
    match fs::read(file) {
        Ok(bytes) => write_atomic(&file.with_extension("ron.bak"), &bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(StoreError::io("read", file, e)),
    }
}

/// Removes temporary files left by a write that was killed before its rename
/// (`.NAME.ron.XXXXXX`). Only called under the write lock, when no write can be in flight.
pub(super) fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if is_temporary_name(name) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// `.NAME.ron.XXXXXX` or `.NAME.ron.bak.XXXXXX`, as `atomic-write-file` names its temporaries.
fn is_temporary_name(name: &str) -> bool {
    let Some(rest) = name.strip_prefix('.') else {
        return false;
    };
    let Some((base, suffix)) = rest.rsplit_once('.') else {
        return false;
    };
    suffix.len() == 6
        && suffix.bytes().all(|b| b.is_ascii_alphanumeric())
        // Exact case: these are names certwise itself made.
        && [".ron", ".ron.bak"].iter().any(|end| base.ends_with(end))
}
