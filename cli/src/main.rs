//! The `chatcodes` command: explain chat service error codes from a terminal.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
