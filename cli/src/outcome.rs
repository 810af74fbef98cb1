//! How a subcommand ends, and the one place that turns that into an exit
//! status: 0 done, 1 done but something failed or matched nothing, 2 the
//! command could not do what was asked.

use std::fmt;
use std::io;
use std::process::ExitCode;

/// A subcommand that ran to its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Done {
    /// Everything asked about was found, nothing failed: exit 0.
    Success,
    /// An unknown code, a failed response, nothing matched: exit 1.
    Failure,
}

impl Done {
    /// `Success` when `ok`, else `Failure`.
    pub fn from_ok(ok: bool) -> Self {
        if ok { Done::Success } else { Done::Failure }
    }
}

/// Why a subcommand could not do what was asked: exit 2.
#[derive(Debug)]
pub enum CliError {
    /// The arguments ask for something impossible: an unknown API, column
    /// or field path.
    Usage(String),
    /// The input is not what the command reads (not a response, too large).
    Input(String),
    /// Reading or writing failed.
    Io(io::Error),
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Usage(m) | CliError::Input(m) => f.write_str(m),
            CliError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl From<io::Error> for CliError {
    fn from(e: io::Error) -> Self {
        CliError::Io(e)
    }
}

impl From<serde_json::Error> for CliError {
    fn from(e: serde_json::Error) -> Self {
        CliError::Io(e.into())
    }
}

/// The exit status of a subcommand's result; errors are reported on stderr
/// under `command` (`chatcodes check`). Output cut short by a closed pipe
/// (`| head`) is not an error; any other failed write is.
pub fn exit(command: &str, result: Result<Done, CliError>) -> ExitCode {
    match result {
        Ok(Done::Success) => ExitCode::SUCCESS,
        Ok(Done::Failure) => ExitCode::from(1),
        Err(CliError::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            // Best effort: when standard error itself fails, the status says it.
            let _ = crate::output::note(format_args!("{command}: {e}"));
            ExitCode::from(2)
        }
    }
}
