//! Walking the paths given to `postings scan` and reading each file safely: regular files only,
//! opened without blocking (a FIFO never hangs the scan), at most a size limit read into memory
//! (a device that never ends is cut off), folder links followed once (a loop is reported, not
//! walked forever). One file is in memory at a time.
//!
//! Files are read with the store's bounded reader (`store::read_limited`); this module adds the
//! walk and puts each refusal in words for the report.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The largest file read: a posting is a few kilobytes; a file of many is a few megabytes.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;
/// How deep folders are followed.
const MAX_DEPTH: usize = 64;

/// File names read when found in a folder; a file named on the command line is read whatever
/// its name.
const TEXT_EXTENSIONS: [&str; 9] = [
    "txt", "text", "md", "markdown", "mdown", "html", "htm", "xhtml", "log",
];

/// A file that was read, or why it was not.
pub enum Item {
    File { path: PathBuf, bytes: Vec<u8> },
    Skipped { path: PathBuf, reason: String },
}

/// Walks `roots` depth-first in name order and hands each file (or the reason it was skipped) to
/// `each`, one at a time.
pub fn walk(roots: &[PathBuf], mut each: impl FnMut(Item)) {
    let mut seen = Seen::default();
    for root in roots {
        visit(root, true, 0, &mut seen, &mut each);
    }
}

/// Folders and files already visited, by device and inode: a folder reached again through a
/// link is a loop (or a second link) and is not walked twice; a file named twice counts once.
#[derive(Default)]
struct Seen {
    dirs: HashSet<(u64, u64)>,
    files: HashSet<(u64, u64)>,
}

#[allow(clippy::unnecessary_wraps)] // `None` on systems without inode numbers
fn identity(meta: &fs::Metadata) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        Some((meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        None
    }
}

fn visit(path: &Path, named: bool, depth: usize, seen: &mut Seen, each: &mut impl FnMut(Item)) {
    let skip = |reason: String| Item::Skipped {
        path: path.to_owned(),
        reason,
    };
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) => return each(skip(stat_error(path, &e))),
    };
    if meta.is_dir() {
        if let Some(id) = identity(&meta)
            && !seen.dirs.insert(id)
        {
            return each(skip(
                "a folder already scanned (a symbolic link loop or a second link to it)".to_owned(),
            ));
        }
        if depth >= MAX_DEPTH {
            return each(skip(format!("folders nested more than {MAX_DEPTH} deep")));
        }
        let mut entries: Vec<PathBuf> = match fs::read_dir(path) {
            Ok(list) => list
                .filter_map(Result::ok)
                .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
                .map(|e| e.path())
                .collect(),
            Err(e) => return each(skip(format!("the folder cannot be read: {}", io_text(&e)))),
        };
        entries.sort();
        for entry in entries {
            visit(&entry, false, depth + 1, seen, each);
        }
        return;
    }
    if !named && !meta.is_file() {
        return each(skip(not_regular(meta.file_type())));
    }
    if !named {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        match ext.as_deref() {
            None => {}
            Some("pdf") => return each(skip(PDF_REASON.to_owned())),
            Some(e) if TEXT_EXTENSIONS.contains(&e) => {}
            Some(e) => {
                return each(skip(format!(
                    "not a text, Markdown or HTML file (.{e}); name it .txt to have it read"
                )));
            }
        }
    }
    if let Some(id) = identity(&meta)
        && meta.is_file()
        && !seen.files.insert(id)
    {
        return each(skip("the same file as one already scanned".to_owned()));
    }
    match read_limited(path, MAX_FILE_BYTES) {
        Ok(bytes) => each(Item::File {
            path: path.to_owned(),
            bytes,
        }),
        Err(reason) => each(skip(reason)),
    }
}

/// Why a PDF is skipped.
pub const PDF_REASON: &str =
    "PDF is not read; save the posting as text or HTML (or copy its text into a .txt file)";

fn stat_error(path: &Path, e: &io::Error) -> String {
    #[cfg(unix)]
    if e.raw_os_error() == Some(libc::ELOOP) {
        return "a symbolic link loop".to_owned();
    }
    if e.kind() == io::ErrorKind::NotFound && fs::symlink_metadata(path).is_ok() {
        return "a symbolic link to nothing".to_owned();
    }
    format!("cannot be read: {}", io_text(e))
}

/// An I/O error without Rust's "(os error N)".
fn io_text(e: &io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

fn not_regular(t: fs::FileType) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if t.is_fifo() {
            return "a FIFO (named pipe), not a regular file".to_owned();
        }
        if t.is_socket() {
            return "a socket, not a regular file".to_owned();
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device, not a regular file".to_owned();
        }
    }
    let _ = t;
    "not a regular file".to_owned()
}

/// Reads at most `limit` bytes of the regular file at `path` with the store's reader (opened
/// without blocking, the opened handle decides the type, the limit holds while reading).
///
/// # Errors
/// The reason, in words, for the report.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    use crate::store::ReadError;
    crate::store::read_limited(path, limit, None).map_err(|e| match e {
        ReadError::NotRegular(kind) => format!("{kind}, not a regular file"),
        ReadError::TooBig { limit } => too_big(limit),
        ReadError::Io(e) => format!("cannot be read: {}", io_text(&e)),
        other @ ReadError::Outside { .. } => other.to_string(),
    })
}

fn too_big(limit: u64) -> String {
    format!(
        "bigger than {} MiB, far bigger than job postings; split it",
        limit / (1024 * 1024)
    )
}
