//! `chatcodes check`: explain the failures in one Tencent REST response.

use std::fs;
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chatcodes::{Failure, Response};

use super::text::{Style, write_explanation};

/// The largest response read; anything longer is refused rather than buffered.
const MAX_RESPONSE: u64 = 64 * 1024 * 1024;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The response body: a file, or `-` (the default) for standard input.
    #[arg(default_value = "-")]
    file: PathBuf,
    /// The REST API that returned the response (e.g. v4/sns/friend_add), for its own wording.
    #[arg(long)]
    api: Option<String>,
}

fn read(path: &PathBuf) -> io::Result<String> {
    let mut text = String::new();
    let reader: Box<dyn Read> = if path.as_os_str() == "-" {
        Box::new(io::stdin().lock())
    } else {
        Box::new(fs::File::open(path)?)
    };
    let n = reader.take(MAX_RESPONSE + 1).read_to_string(&mut text)?;
    if n as u64 > MAX_RESPONSE {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("response larger than {MAX_RESPONSE} bytes"),
        ));
    }
    Ok(text)
}

pub fn run(args: &Args) -> ExitCode {
    let text = match read(&args.file) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("chatcodes check: cannot read {}: {e}", args.file.display());
            return ExitCode::from(2);
        }
    };
    let response = match Response::from_json(&text) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("chatcodes check: not a REST response: {e}");
            return ExitCode::from(2);
        }
    };
    let outcomes = match &args.api {
        Some(api) => response.outcomes_for_api(api),
        None => response.outcomes(),
    };
    let failed = outcomes.iter().filter(|o| o.is_failure()).count();
    match report(&response, &outcomes, failed) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("chatcodes check: cannot write output: {e}");
            ExitCode::from(2)
        }
        _ if failed > 0 => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    }
}

fn report(response: &Response, outcomes: &[Failure], failed: usize) -> io::Result<()> {
    let style = Style::for_stdout();
    let mut out = io::stdout().lock();
    let status = response
        .action_status
        .as_deref()
        .unwrap_or("(no ActionStatus)");
    let verdict = if failed == 0 {
        "nothing failed"
    } else {
        "FAILED"
    };
    write!(
        out,
        "{}: ActionStatus {status}, ErrorCode {}",
        style.bold(verdict),
        response.error_code
    )?;
    if let Some(id) = &response.request_id {
        write!(out, ", RequestId {id}")?;
    }
    writeln!(
        out,
        "; {failed} failure(s), {} target result(s)",
        response.results.len()
    )?;
    for o in outcomes {
        writeln!(out)?;
        let target = o
            .account
            .as_deref()
            .map_or("the request".to_string(), |a| format!("target {a}"));
        let kind = if o.is_failure() {
            "failed"
        } else {
            "not a failure"
        };
        write!(
            out,
            "{} {kind} with {}",
            style.bold(&target),
            o.error.code()
        )?;
        if !o.error.message().is_empty() {
            write!(out, " ({})", o.error.message())?;
        }
        writeln!(out)?;
        match o.error.explanation() {
            Some(e) => write_explanation(&mut out, &style, e)?,
            None => writeln!(
                out,
                "  code {} is not in the chatcodes catalogue",
                o.error.code()
            )?,
        }
    }
    out.flush()
}
