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
    let file = write_temporary(path, bytes)?;
    file.commit().map_err(|e| StoreError::io("write", path, e))
}

/// Replaces a file atomically and keeps the one replaced as `NAME.bak`: the new file is written
/// in full first (a full disk fails here, leaving nothing behind), then the old one becomes the
/// backup ([`keep_backup`]), then the new one is renamed into place. Killed at any point, the
/// file is whole (old or new) and so is the backup.
///
/// # Errors
/// Any step fails; the old file is then untouched.
pub(crate) fn replace_keeping_backup(
    path: &Path,
    bytes: &[u8],
    folder: &Path,
) -> Result<(), StoreError> {
    let file = write_temporary(path, bytes)?;
    crash_point("written");
    keep_backup(path, folder)?;
    crash_point("backed-up");
    file.commit()
        .map_err(|e| StoreError::io("write", path, e))?;
    crash_point("committed");
    Ok(())
}

/// In debug builds, dies on the spot (as `kill -9` would) at the step named by
/// `CERTWISE_CRASH_AT`, so the tests can stop a replace at every step, not only where a random
/// kill happens to land. Release builds have no such hook.
#[inline]
fn crash_point(step: &str) {
    #[cfg(debug_assertions)]
    if std::env::var_os("CERTWISE_CRASH_AT").is_some_and(|s| s == step) {
        std::process::abort();
    }
    #[cfg(not(debug_assertions))]
    let _ = step;
}

/// The new contents of `path` in a temporary file beside it, owner-only, not yet in place.
fn write_temporary(
    path: &Path,
    bytes: &[u8],
) -> Result<atomic_write_file::AtomicWriteFile, StoreError> {
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
        .and_then(|()| file.flush())
        .map_err(|e| StoreError::io("write", path, e))?;
    Ok(file)
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

/// Makes the plan about to be replaced its own `NAME.ron.bak`, without copying a byte: a hard
/// link to it under a temporary name, renamed over the previous backup, then the folder synced.
/// Killed at any point, this leaves the plan whole and a whole `.bak` (the previous one or this
/// one) beside it: never neither. Where the file system has no hard links, the bytes are copied
/// with an atomic write instead.
fn keep_backup(file: &Path, folder: &Path) -> Result<(), StoreError> {
    let backup = file.with_extension("ron.bak");
    let temp = temporary_beside(&backup);
    match fs::hard_link(file, &temp) {
        Ok(()) => crash_point("linked"),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(_) => {
            let bytes = super::read_limited(file, super::MAX_FILE_BYTES, Some(folder))
                .map_err(|e| StoreError::io("back up", file, e.into()))?;
            return write_atomic(&backup, &bytes);
        }
    }
    let renamed = fs::rename(&temp, &backup);
    crash_point("renamed");
    // Gone after a rename, except when the backup already was this very file (a kill after the
    // last backup, before the write): then rename does nothing and the extra link stays.
    let _ = fs::remove_file(&temp);
    renamed.map_err(|e| StoreError::io("back up", file, e))?;
    sync_folder(&backup)
}

/// `.NAME.EXT.XXXXXX` beside `path`: a name [`remove_stale_temporaries`] clears if a kill leaves
/// it behind.
fn temporary_beside(path: &Path) -> PathBuf {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::from(d.subsec_nanos()));
    let mut n = nanos
        ^ (u64::from(std::process::id()) << 20)
        ^ COUNTER
            .fetch_add(1, Ordering::Relaxed)
            .wrapping_mul(0x9e37_79b9);
    let mut suffix = String::new();
    for _ in 0..6 {
        let digit = u8::try_from(n % 36).unwrap_or(0);
        suffix.push(char::from(if digit < 10 {
            b'0' + digit
        } else {
            b'a' + digit - 10
        }));
        n /= 36;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{suffix}"))
}

/// Syncs the folder holding `path`, so a rename in it survives a power cut.
fn sync_folder(path: &Path) -> Result<(), StoreError> {
    let Some(dir) = path.parent() else {
        return Ok(());
    };
    #[cfg(unix)]
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| StoreError::io("sync", dir, e))?;
    Ok(())
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
