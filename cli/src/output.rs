//! Standard output and standard error as files of their own, so that a
//! failed write is an error.
//!
//! `println!`/`eprintln!` panic when a write fails (`2>/dev/full`), and a
//! descriptor the shell closed (`>&-`) reaches a Rust program as `/dev/null`:
//! the standard library reopens closed standard descriptors on `/dev/null`,
//! read-write, before `main`, so every write "succeeds". The command writes
//! through a duplicate of each descriptor instead, and takes a read-write
//! `/dev/null` on standard output or standard error for what it almost always
//! is, a closed descriptor (a shell's `>/dev/null` opens it write-only): an
//! error when it is opened, and a failing write an error when it happens.

use std::fmt;
use std::fs::File;
use std::io::{self, Read, Write};
use std::os::fd::{AsFd, BorrowedFd};
use std::os::unix::fs::{FileTypeExt, MetadataExt};

fn duplicate(fd: BorrowedFd<'_>, what: &str) -> io::Result<File> {
    let failed = |e: io::Error| io::Error::new(e.kind(), format!("cannot write to {what}: {e}"));
    let file = fd.try_clone_to_owned().map(File::from).map_err(failed)?;
    if is_reopened_closed(&file) {
        return Err(failed(io::Error::from_raw_os_error(9))); // EBADF
    }
    Ok(file)
}

/// Whether `file` is `/dev/null` opened for reading too: the standard
/// library's stand-in for a standard descriptor that was closed.
fn is_reopened_closed(file: &File) -> bool {
    let (Ok(ours), Ok(null)) = (file.metadata(), std::fs::metadata("/dev/null")) else {
        return false;
    };
    // A zero-length read fails on a descriptor opened write-only.
    ours.file_type().is_char_device() && ours.rdev() == null.rdev() && { file }
        .read(&mut [])
        .is_ok()
}

/// Standard output, unbuffered; an error if the descriptor is closed.
pub fn stdout_file() -> io::Result<File> {
    duplicate(io::stdout().as_fd(), "standard output")
}

/// Standard output, buffered; an error if the descriptor is closed.
pub fn stdout() -> io::Result<io::BufWriter<File>> {
    Ok(io::BufWriter::with_capacity(1 << 16, stdout_file()?))
}

/// Writes one line to standard error; an error if it is closed or the write
/// fails.
pub fn note(line: fmt::Arguments<'_>) -> io::Result<()> {
    let stderr = io::stderr();
    let mut file = duplicate(stderr.as_fd(), "standard error")?;
    let mut text = line.to_string();
    text.push('\n');
    file.write_all(text.as_bytes())
}
