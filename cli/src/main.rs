//! The `chatcodes` command: explain chat service error codes from a terminal.

use std::process::ExitCode;

fn main() -> ExitCode {
    chatcodes_cli::run()
}

/// Runs before the Rust runtime starts, which reopens closed standard
/// descriptors on `/dev/null`: notes which were closed (`>&-`), so that
/// writing to them is reported as the error it is.
#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array")]
static NOTE_CLOSED_DESCRIPTORS: extern "C" fn() = note_closed_descriptors;

#[cfg(target_os = "linux")]
extern "C" fn note_closed_descriptors() {
    for fd in 0..3 {
        // SAFETY: F_GETFD only reads the descriptor's flags; on a closed
        // descriptor it fails with EBADF and changes nothing.
        if unsafe { libc::fcntl(fd, libc::F_GETFD) } == -1 {
            chatcodes_cli::standard_descriptor_closed(fd);
        }
    }
}
