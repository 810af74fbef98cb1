//! Command-line parsing and dispatch; each subcommand lives in its own file.

mod explain;
mod text;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Explain the error codes of chat services (Tencent Cloud Chat, Nexconn/RongCloud).
#[derive(Debug, Parser)]
#[command(name = "chatcodes", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Explain codes, given as numbers (70001, -10001) or official names
    /// (ERR_SVR_ACCOUNT_USERSIG_EXPIRED, any case).
    ///
    /// A number with meanings in several namespaces prints every meaning.
    /// Exits with status 1 when a code is unknown.
    Explain(explain::Args),
}

/// How to print explanations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Readable text (colour only on a terminal).
    Text,
    /// One JSON object per explanation, in a JSON array.
    Json,
}

/// Parses the command line and runs the subcommand.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Explain(args) => explain::run(&args),
    }
}
