//! The `chatcodes` command's code, as a library for its binary and for the
//! fuzz targets that exercise whole command paths (`fuzz/`); not a stable API
//! (programs use the `chatcodes` crate). Command-line parsing and dispatch
//! are here; each subcommand lives in its own file.

pub mod check;
mod check_report;
mod diff;
mod docs;
mod docs_context;
mod enrich;
mod explain;
mod export;
mod list;
mod outcome;
mod output;
pub use output::standard_descriptor_closed;
mod records;
mod schema;
mod search;
pub mod text;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

/// The language of the output, set once from `--lang` or the locale.
static LANG: std::sync::OnceLock<chatcodes::Lang> = std::sync::OnceLock::new();

/// The language people read the output in: `--lang`, else the locale
/// (`LC_ALL`, `LC_MESSAGES`, `LANG` saying Chinese), else English.
pub fn lang() -> chatcodes::Lang {
    *LANG.get_or_init(chatcodes::Lang::from_env)
}

/// Explain the error codes of chat services (Tencent Cloud Chat, Nexconn/RongCloud).
#[derive(Debug, Parser)]
#[command(name = "chatcodes", version, about, long_about = None)]
pub struct Cli {
    /// The language of descriptions, remedies and titles: en or zh (default:
    /// Chinese when the locale, LC_ALL/LC_MESSAGES/LANG, says so, else English).
    #[arg(long, global = true, value_parser = ["en", "zh"])]
    lang: Option<String>,
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
    /// Search names, descriptions, remedies and causes, best match first
    /// (e.g. `search usersig expired`, `search blocklist`).
    Search(search::SearchArgs),
    /// List catalogue entries, filtered by vendor, namespace, category or retryability.
    List(list::ListArgs),
    /// Export the catalogue for log pipelines: CSV, JSON, NDJSON or YAML
    /// (Vector, Logstash, Fluent Bit, OpenTelemetry Collector), syslog-ng's
    /// add-contextual-data database or an rsyslog lookup_table.
    Export(export::Args),
    /// Generate references from the catalogue through templates: the
    /// Markdown reference (docs/REFERENCE.md), a searchable HTML page
    /// (--format html, docs/site/), one page per code (--split), or your own
    /// Jinja2 template (--template).
    Docs(docs::Args),
    /// Explain code fields in NDJSON log lines read from stdin (a streaming filter).
    ///
    /// Adds `<field>_explained` next to every non-zero ErrorCode and ResultCode,
    /// the code fields of Tencent's other per-item arrays, and each --field;
    /// a line's `api` field picks that API's wording. Writes exactly one line
    /// per input line, in order;
    /// lines that are not JSON or have nothing to explain pass through byte for
    /// byte. A summary goes to stderr at the end.
    Enrich(enrich::Args),
    /// Judge one REST response body (a file or stdin), Tencent or Nexconn,
    /// and explain what failed, grouped by code.
    ///
    /// Reads every place the API reports per-item outcomes (item arrays,
    /// statuses, failed-item lists, dropped messages) and names each failed
    /// item. Exits 0 only when nothing failed, 1 when something did, 2 when
    /// the input is not a response (not JSON, UTF-16, neither vendor's shape,
    /// a webhook reply).
    Check(check::Args),
    /// Compare two JSON exports of the catalogue (chatcodes export --format
    /// json): entries added, removed, and each changed field. Exits 0 when
    /// they are the same, 1 when they differ.
    Diff(diff::Args),
}

/// `--namespace`: every namespace of the catalogue, listed in `--help` with
/// its title, read in any case.
fn namespace_parser() -> impl clap::builder::TypedValueParser<Value = chatcodes::Namespace> {
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
    let values = chatcodes::Namespace::ALL.iter().map(|n| {
        let name: &'static str = n.into();
        PossibleValue::new(name).help(format!("{}: {}", n.vendor().display_name(), n.title()))
    });
    PossibleValuesParser::new(values).map(|s| {
        s.parse::<chatcodes::Namespace>()
            .expect("a listed namespace")
    })
}

/// How to print explanations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Readable text (colour only on a terminal).
    Text,
    /// One JSON object per explanation, in a JSON array.
    Json,
    /// RFC 9457 application/problem+json, one object per explanation.
    Problem,
}

/// Parses the command line, runs the subcommand and turns its result into
/// the exit status ([`outcome::exit`], the only place that does).
pub fn run() -> ExitCode {
    // `--version` names the catalogue the binary carries.
    let version: &'static str = String::leak(format!(
        "{} (catalogue {})",
        env!("CARGO_PKG_VERSION"),
        chatcodes::CATALOGUE_VERSION
    ));
    let matches = Cli::command().version(version).get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    if let Some(lang) = cli.lang.as_deref().and_then(|l| l.parse().ok()) {
        let _ = LANG.set(lang);
    }
    let (name, result) = match cli.command {
        Command::Explain(args) => ("chatcodes", explain::run(&args)),
        Command::Check(args) => ("chatcodes check", check::run(&args)),
        Command::Diff(args) => ("chatcodes diff", diff::run(&args)),
        Command::Search(args) => ("chatcodes", search::search(&args)),
        Command::List(args) => ("chatcodes", list::list(&args)),
        Command::Export(args) => ("chatcodes", export::run(&args)),
        Command::Enrich(args) => ("chatcodes enrich", enrich::run(&args)),
        Command::Docs(args) => ("chatcodes docs", docs::run(&args)),
    };
    outcome::exit(name, result)
}
