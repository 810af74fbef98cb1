//! `chatcodes export`: the catalogue as a lookup table for log pipelines.

use std::io::{self, Write};

use chatcodes::{Explanation, Record};
use clap::ValueEnum;

use super::outcome::{CliError, Done};
use super::records::{Filter, cell, fields, is_best_match};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// A JSON array of records.
    Json,
    /// One JSON record per line.
    Ndjson,
    /// CSV with a header row.
    Csv,
    /// A YAML list of records.
    Yaml,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = ExportFormat::Csv)]
    format: ExportFormat,
    /// Comma-separated columns to keep, e.g. `code,description` for Fluent Bit's
    /// lookup filter: any field of the record (code, range, vendor, namespace,
    /// category, name, description, retryability, retry_after_ms,
    /// retry_after_ms_by_operation, remedy, causes, source, api, aliases,
    /// retired). Default: code to source, and retired.
    #[arg(long, value_delimiter = ',')]
    columns: Option<Vec<String>>,
    /// Write a dictionary `"code": "description"` (JSON or YAML, quoted keys),
    /// the form Logstash's translate filter loads.
    #[arg(long)]
    dictionary: bool,
    #[command(flatten)]
    filter: Filter,
}

pub fn run(args: &Args) -> Result<Done, CliError> {
    let columns: Vec<&str> = match &args.columns {
        Some(cols) => cols.iter().map(|c| c.trim()).collect(),
        None => Record::COLUMNS.to_vec(),
    };
    if let Some(bad) = columns.iter().find(|c| !Record::FIELDS.contains(c)) {
        return Err(CliError::Usage(format!(
            "unknown column {bad:?}; available: {}",
            Record::FIELDS.join(", ")
        )));
    }
    // A table keyed by code alone holds one meaning per number: the best match.
    let keyed_by_code_only = args.dictionary || !columns.contains(&"namespace");
    let rows: Vec<&Explanation> = args
        .filter
        .entries()
        .filter(|e| !keyed_by_code_only || args.filter.namespace.is_some() || is_best_match(e))
        .collect();
    let mut out = io::BufWriter::new(io::stdout().lock());
    if args.dictionary {
        write_dictionary(&mut out, args.format, &rows)?;
    } else {
        match args.format {
            ExportFormat::Csv => write_csv(&mut out, &columns, &rows)?,
            ExportFormat::Json | ExportFormat::Ndjson => {
                write_json(&mut out, args.format, &columns, &rows)?
            }
            ExportFormat::Yaml => write_yaml(&mut out, &columns, &rows)?,
        }
    }
    out.flush()?;
    Ok(Done::Success)
}

fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

fn write_csv(out: &mut impl Write, columns: &[&str], rows: &[&Explanation]) -> io::Result<()> {
    writeln!(out, "{}", columns.join(","))?;
    for e in rows {
        let record = json_record(columns, e);
        let cells: Vec<String> = columns
            .iter()
            .map(|c| csv_field(&cell(&record[*c])))
            .collect();
        writeln!(out, "{}", cells.join(","))?;
    }
    Ok(())
}

/// The entry's record with only `columns`, in their order (null where the
/// record leaves a field out).
fn json_record(columns: &[&str], e: &Explanation) -> serde_json::Value {
    let mut full = fields(&e.record());
    let mut record = serde_json::Map::new();
    for c in columns {
        record.insert((*c).to_string(), full.remove(*c).unwrap_or_default());
    }
    serde_json::Value::Object(record)
}

fn write_json(
    out: &mut impl Write,
    format: ExportFormat,
    columns: &[&str],
    rows: &[&Explanation],
) -> io::Result<()> {
    if format == ExportFormat::Ndjson {
        for e in rows {
            serde_json::to_writer(&mut *out, &json_record(columns, e))?;
            writeln!(out)?;
        }
        return Ok(());
    }
    let records: Vec<serde_json::Value> = rows.iter().map(|e| json_record(columns, e)).collect();
    serde_json::to_writer_pretty(&mut *out, &records)?;
    writeln!(out)
}

/// A YAML scalar in double quotes; JSON string escaping is valid YAML.
fn yaml_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// YAML from the record's JSON values: JSON is YAML's flow syntax, so
/// numbers, booleans, null, quoted strings, lists and maps all carry over.
fn write_yaml(out: &mut impl Write, columns: &[&str], rows: &[&Explanation]) -> io::Result<()> {
    for e in rows {
        let record = json_record(columns, e);
        for (i, c) in columns.iter().enumerate() {
            let lead = if i == 0 { "- " } else { "  " };
            writeln!(out, "{lead}{c}: {}", record[*c])?;
        }
    }
    Ok(())
}

fn write_dictionary(
    out: &mut impl Write,
    format: ExportFormat,
    rows: &[&Explanation],
) -> Result<(), CliError> {
    match format {
        ExportFormat::Yaml => {
            for e in rows {
                writeln!(
                    out,
                    "{}: {}",
                    yaml_string(&e.codes().to_string()),
                    yaml_string(e.description())
                )?;
            }
            Ok(())
        }
        ExportFormat::Json => {
            let map: serde_json::Map<String, serde_json::Value> = rows
                .iter()
                .map(|e| (e.codes().to_string(), e.description().into()))
                .collect();
            serde_json::to_writer_pretty(&mut *out, &map)?;
            writeln!(out)?;
            Ok(())
        }
        ExportFormat::Csv | ExportFormat::Ndjson => Err(CliError::Usage(
            "--dictionary writes JSON or YAML (use --format json or --format yaml)".into(),
        )),
    }
}
