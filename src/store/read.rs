//! The one way certwise reads a file it keeps or is given (plans, the session, the person's
//! catalog, an answers file): regular files only, opened without blocking, inside the data folder
//! when it is one of ours, and never more than a size limit into memory.
//!
//! A FIFO would block a plain `open` until a writer came, and `/dev/zero` reports size 0 and never
//! ends, so neither the file's type nor its size is taken from metadata alone: the opened handle
//! is checked, and the limit is enforced while reading.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read as _};
use std::path::{Path, PathBuf};

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{0}")]
    Io(#[from] io::Error),
    /// A FIFO, device, socket or folder where a file was expected.
    #[error("it is {0}, not a regular file; certwise reads only regular files")]
    NotRegular(&'static str),
    /// A symbolic link (or a linked folder on the way) that leads out of the data folder.
    #[error("it leads to {}, outside the data folder {}; links out of the data folder are not followed", target.display(), folder.display())]
    Outside { target: PathBuf, folder: PathBuf },
    #[error("it is bigger than {limit} bytes, far too big to be one")]
    TooBig { limit: u64 },
}

impl ReadError {
    /// The file is not there (or a folder on its path is missing).
    pub fn is_not_found(&self) -> bool {
        matches!(self, ReadError::Io(e) if matches!(e.kind(), io::ErrorKind::NotFound | io::ErrorKind::NotADirectory))
    }
}

impl From<ReadError> for io::Error {
    fn from(e: ReadError) -> Self {
        match e {
            ReadError::Io(e) => e,
            other => io::Error::new(io::ErrorKind::InvalidData, other),
        }
    }
}

/// Reads at most `limit` bytes of the regular file at `path`.
///
/// With `folder`, the file must be inside it once symbolic links are followed: a link within the
/// folder is followed, one leading out of it is refused (the folder itself is resolved too, so a
/// data folder reached through a link is fine).
///
/// # Errors
/// The file is missing or cannot be opened, is not a regular file, leads out of `folder`, or holds
/// more than `limit` bytes.
pub fn read_limited(path: &Path, limit: u64, folder: Option<&Path>) -> Result<Vec<u8>, ReadError> {
    let path = match folder {
        Some(folder) => inside(path, folder)?,
        None => path.to_owned(),
    };
    // `stat` never blocks: refuse what is plainly not a file (a socket cannot even be opened)
    // before opening anything.
    check_type(&fs::metadata(&path)?)?;
    let file = open_nonblocking(&path)?;
    // The file may have been swapped between the two looks: the opened handle decides.
    let meta = file.metadata()?;
    check_type(&meta)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len().min(limit)).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooBig { limit });
    }
    Ok(bytes)
}

/// The path with links resolved, if it stays inside `folder` (also resolved).
fn inside(path: &Path, folder: &Path) -> Result<PathBuf, ReadError> {
    let folder = fs::canonicalize(folder)?;
    let target = fs::canonicalize(path)?;
    if target.starts_with(&folder) {
        Ok(target)
    } else {
        Err(ReadError::Outside { target, folder })
    }
}

fn check_type(meta: &fs::Metadata) -> Result<(), ReadError> {
    if meta.is_file() {
        return Ok(());
    }
    Err(ReadError::NotRegular(kind_of(meta.file_type())))
}

fn kind_of(t: fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
    }
    if t.is_dir() {
        "a folder"
    } else {
        "a special file"
    }
}

/// Opens for reading without waiting: a FIFO with no writer opens at once instead of hanging
/// (and is then refused by its type). Reads from a regular file are unaffected by the flag.
fn open_nonblocking(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(
        &mut options,
        libc::O_NONBLOCK | libc::O_NOCTTY,
    );
    options.open(path)
}
