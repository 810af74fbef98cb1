//! `chatcodes list` and `chatcodes search`: browsing the catalogue.

use std::io::{self, Write};

use chatcodes::{Codes, Explanation, Record};

use crate::export::{ExportFormat, write_csv, write_json};

use crate::outcome::{CliError, Done};
use crate::output;
use crate::records::Filter;
use crate::text::Style;

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    #[command(flatten)]
    filter: Filter,
    /// Output format: a line per entry (text), records (json, csv), or the
    /// codes alone on one line (codes), for another system's config (a retry
    /// set); a range is written first-last.
    #[arg(long, short, value_enum, default_value_t = ListFormat::Text)]
    format: ListFormat,
    /// What separates the codes of `--format codes`.
    #[arg(long, default_value = ",")]
    separator: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    /// One entry per line: code, namespace, retry class, name, description.
    Text,
    /// A JSON array of records.
    Json,
    /// CSV with the export's default columns.
    Csv,
    /// The codes alone, on one line, sorted, each once.
    Codes,
}

/// One entry on one line: code, namespace, retry class, name, description.
pub fn write_line(out: &mut impl Write, style: &Style, e: &Explanation) -> io::Result<()> {
    let code = format!("{:>14}", e.codes().to_string());
    let name = e.name().map(|n| format!(" {n}")).unwrap_or_default();
    writeln!(
        out,
        "{} {:<17} {:<18}{}  {}",
        style.bold(&code),
        e.namespace().to_string(),
        e.retryability().to_string(),
        name,
        e.description_in(crate::lang())
    )
}

pub fn list(args: &ListArgs) -> Result<Done, CliError> {
    let style = Style::for_stdout();
    let mut out = output::stdout()?;
    let entries: Vec<&Explanation> = args.filter.entries().collect();
    let records: Vec<Record> = entries.iter().map(|e| e.record_in(crate::lang())).collect();
    match args.format {
        ListFormat::Text => {
            for e in &entries {
                write_line(&mut out, &style, e)?;
            }
        }
        ListFormat::Json => write_json(&mut out, ExportFormat::Json, Record::COLUMNS, &records)?,
        ListFormat::Csv => write_csv(&mut out, Record::COLUMNS, &records)?,
        ListFormat::Codes => {
            let mut codes: Vec<Codes> = entries.iter().map(|e| e.codes()).collect();
            codes.sort_by_key(|c| (c.first(), c.last()));
            codes.dedup();
            let codes: Vec<String> = codes.iter().map(Codes::to_string).collect();
            if !codes.is_empty() {
                writeln!(out, "{}", codes.join(&args.separator))?;
            }
        }
    }
    out.flush()?;
    Ok(matched(entries.len())?)
}

/// `Failure`, with a word on stderr, when nothing matched.
pub fn matched(n: usize) -> io::Result<Done> {
    if n == 0 {
        output::note(format_args!("chatcodes: nothing matched"))?;
    }
    Ok(Done::from_ok(n > 0))
}
