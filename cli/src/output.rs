//! Standard output and standard error as files of their own, so that a
//! failed write is an error.
//!
//! `println!`/`eprintln!` panic when a write fails (`2>/dev/full`), and a
//! descriptor the shell closed (`>&-`) reaches a Rust program as `/dev/null`:
//! the standard library reopens closed standard descriptors on `/dev/null`
//! before `main`, so every write "succeeds". The command writes through a
//! duplicate of each descriptor instead, so that a failing write is an error,
//! and the binary notes which standard descriptors were closed before the
//! runtime reopened them ([`standard_descriptor_closed`], called from a
//! constructor in `main.rs`): writing to one of those is an error too.

use std::fmt;
use std::fs::File;
use std::io::{self, Write};
use std::os::fd::{AsFd, BorrowedFd};
use std::sync::atomic::{AtomicU8, Ordering};

/// Bit `fd` set: standard descriptor `fd` was closed when the process started.
static CLOSED: AtomicU8 = AtomicU8::new(0);

/// Notes that standard descriptor `fd` (0, 1 or 2) was closed when the
/// process started. The binary calls it before the runtime reopens closed
/// descriptors on `/dev/null`; nothing else needs to.
pub fn standard_descriptor_closed(fd: i32) {
    if let Ok(fd @ 0..=2) = u8::try_from(fd) {
        CLOSED.fetch_or(1 << fd, Ordering::Relaxed);
    }
}

fn duplicate(fd: BorrowedFd<'_>, number: u8, what: &str) -> io::Result<File> {
    let failed = |e: io::Error| io::Error::new(e.kind(), format!("cannot write to {what}: {e}"));
    if CLOSED.load(Ordering::Relaxed) & (1 << number) != 0 {
        return Err(failed(io::Error::from_raw_os_error(9))); // EBADF
    }
    fd.try_clone_to_owned().map(File::from).map_err(failed)
}

/// Standard output, unbuffered; an error if the descriptor is closed.
pub fn stdout_file() -> io::Result<File> {
    duplicate(io::stdout().as_fd(), 1, "standard output")
}

/// Standard output, buffered; an error if the descriptor is closed.
pub fn stdout() -> io::Result<io::BufWriter<File>> {
    Ok(io::BufWriter::with_capacity(1 << 16, stdout_file()?))
}

/// Writes one line to standard error; an error if it is closed or the write
/// fails.
pub fn note(line: fmt::Arguments<'_>) -> io::Result<()> {
    let stderr = io::stderr();
    let mut file = duplicate(stderr.as_fd(), 2, "standard error")?;
    let mut text = line.to_string();
    text.push('\n');
    file.write_all(text.as_bytes())
}
