//! `chatcodes check`: judge one REST response body and explain what failed,
//! grouped by code, as text, JSON or NDJSON.

use std::fs;
use std::io::{self, Read, Write};
use std::path::PathBuf;

use chatcodes::{Response, Vendor};

pub use crate::check_report::RepeatRecord;
use crate::check_report::Report;
use crate::outcome::{CliError, Done};
use crate::text::Style;

/// The largest body read; anything longer is refused rather than buffered.
const MAX_RESPONSE: u64 = 256 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    /// A verdict line, then one block per distinct code.
    Text,
    /// One JSON document: the verdict, every outcome, each explanation once.
    Json,
    /// One JSON line per outcome, each with its explanation.
    Ndjson,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum VendorArg {
    /// Tencent Cloud Chat (ActionStatus, ErrorCode, per-item results).
    Tencent,
    /// Nexconn, formerly RongCloud ({"code": N, "errorMessage": ...}).
    Nexconn,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The response body: a file, or `-` (the default) for standard input.
    #[arg(default_value = "-")]
    file: PathBuf,
    /// The Tencent REST API that returned it, for where it reports per-item
    /// outcomes and its own wording: v4/sns/friend_add, sns/friend_add or the
    /// request URL. Without it every documented place is read.
    #[arg(long)]
    api: Option<String>,
    /// Read the body as this vendor's instead of telling by its shape.
    #[arg(long, value_enum)]
    vendor: Option<VendorArg>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = CheckFormat::Text)]
    format: CheckFormat,
    /// In text, name every item of each group, not only the first few.
    #[arg(long)]
    all_items: bool,
    /// Exit 0 when every failure means the operation's goal already holds on
    /// this API (destroy_group answering "group does not exist"), for scripts
    /// that repeat deletes and adds on purpose. Needs --api.
    #[arg(long, requires = "api")]
    already_done_ok: bool,
}

/// Reads the whole body, refusing one larger than [`MAX_RESPONSE`].
fn read(path: &PathBuf) -> io::Result<Vec<u8>> {
    let (reader, size): (Box<dyn Read>, u64) = if path.as_os_str() == "-" {
        (Box::new(io::stdin().lock()), 0)
    } else {
        let file = fs::File::open(path)?;
        let size = file.metadata().map(|m| m.len()).unwrap_or(0);
        (Box::new(file), size)
    };
    let mut body = Vec::with_capacity(usize::try_from(size.min(MAX_RESPONSE)).unwrap_or(0) + 1);
    reader.take(MAX_RESPONSE + 1).read_to_end(&mut body)?;
    if body.len() as u64 > MAX_RESPONSE {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("the body is larger than {MAX_RESPONSE} bytes"),
        ));
    }
    Ok(body)
}

pub fn run(args: &Args) -> Result<Done, CliError> {
    let mut parser = Response::parser();
    if let Some(api) = &args.api {
        parser = parser
            .api(api)
            .map_err(|e| CliError::Usage(e.to_string()))?;
    }
    match args.vendor {
        Some(VendorArg::Tencent) => parser = parser.vendor(Vendor::Tencent),
        Some(VendorArg::Nexconn) => parser = parser.vendor(Vendor::Nexconn),
        None => {}
    }
    let body = read(&args.file).map_err(|e| {
        let what = if args.file.as_os_str() == "-" {
            "standard input".to_string()
        } else {
            args.file.display().to_string()
        };
        CliError::Input(format!("cannot read {what}: {e}"))
    })?;
    let response = parser
        .parse(&body)
        .map_err(|e| CliError::Input(e.to_string()))?;
    drop(body);
    let mut out = crate::output::stdout()?;
    let style = Style::for_stdout();
    let options = ReportOptions {
        all_items: args.all_items,
        already_done_ok: args.already_done_ok,
    };
    let written =
        write_report(&response, args.format, &style, options, &mut out).and_then(|()| out.flush());
    match written {
        // The verdict stands even when the reader stopped early (`| head`).
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(verdict(&response, args.already_done_ok)),
    }
}

/// The exit status's verdict: success when nothing failed, or, with
/// `already_done_ok`, when every failure means the goal already holds.
pub fn verdict(response: &Response, already_done_ok: bool) -> Done {
    Done::from_ok(response.is_success() || (already_done_ok && response.is_done()))
}

/// Writes the report on `response` in `format`. Its verdict counts the same
/// failures [`verdict`] decides the exit status by.
pub fn write_report(
    response: &Response,
    format: CheckFormat,
    style: &Style,
    options: ReportOptions,
    out: &mut impl Write,
) -> io::Result<()> {
    let report = Report::new(response, options.already_done_ok);
    match format {
        CheckFormat::Text => report.text(out, style, options.all_items),
        CheckFormat::Json => report.json(out),
        CheckFormat::Ndjson => report.ndjson(out),
    }
}

/// How a report is written.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReportOptions {
    /// Name every item of each group in text, not only the first few.
    pub all_items: bool,
    /// Failures that mean the goal already holds make the verdict OK.
    pub already_done_ok: bool,
}
