//! The `chatcodes` command: explain chat service error codes from a terminal.

use std::process::ExitCode;

fn main() -> ExitCode {
    chatcodes_cli::run()
}
