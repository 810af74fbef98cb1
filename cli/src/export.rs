//! `chatcodes export`: the catalogue as a lookup table for log pipelines.

use std::io::{self, Write};

use chatcodes::enrich::RECORD_FIELDS;
use chatcodes::{Codes, Namespace, Record, explain_in};
use clap::ValueEnum;

use crate::outcome::{CliError, Done};
use crate::records::{Filter, cell, fields};

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
    /// syslog-ng's add-contextual-data database: `code,field,value` rows, no
    /// header, `$` escaped as `$$` (values are templates).
    SyslogNg,
    /// An rsyslog lookup_table (version 1, type string): each code as a
    /// string index, each value the compact JSON record `enrich` writes.
    Rsyslog,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = ExportFormat::Csv)]
    format: ExportFormat,
    /// Comma-separated columns to keep, e.g. `code,description` for Fluent Bit's
    /// lookup filter: any field of the record (code, range, vendor, namespace,
    /// category, name, description, retryability, retry_after_ms,
    /// retry_after_ms_by_operation, remedy, already_done, note, causes, source,
    /// api, aliases, retired), and catalogue_version (the catalogue the
    /// export comes from). Default: code to source, retired, and, in JSON,
    /// NDJSON and CSV, catalogue_version.
    #[arg(long, value_delimiter = ',')]
    columns: Option<Vec<String>>,
    /// Write a dictionary `"code": "description"` (JSON or YAML, quoted keys),
    /// the form Logstash's translate filter loads.
    #[arg(long)]
    dictionary: bool,
    /// Print the JSON Schema of an exported record instead (also in the
    /// repository as docs/record.schema.json).
    #[arg(long)]
    schema: bool,
    #[command(flatten)]
    filter: Filter,
}

/// The column naming the catalogue an export comes from.
pub const CATALOGUE_VERSION: &str = "catalogue_version";

pub fn run(args: &Args) -> Result<Done, CliError> {
    if args.schema {
        let mut out = crate::output::stdout()?;
        writeln!(out, "{}", crate::schema::text())?;
        out.flush()?;
        return Ok(Done::Success);
    }
    let versioned = matches!(
        args.format,
        ExportFormat::Json | ExportFormat::Ndjson | ExportFormat::Csv
    );
    let columns: Vec<&str> = match &args.columns {
        Some(cols) => cols.iter().map(|c| c.trim()).collect(),
        None if versioned => [Record::COLUMNS, &[CATALOGUE_VERSION]].concat(),
        None => Record::COLUMNS.to_vec(),
    };
    if let Some(bad) = columns
        .iter()
        .find(|c| !Record::FIELDS.contains(c) && **c != CATALOGUE_VERSION)
    {
        return Err(CliError::Usage(format!(
            "unknown column {bad:?}; available: {}, {CATALOGUE_VERSION}",
            Record::FIELDS.join(", ")
        )));
    }
    let pipeline = matches!(args.format, ExportFormat::SyslogNg | ExportFormat::Rsyslog);
    let keyed_by_code_only = args.dictionary || pipeline || !columns.contains(&"namespace");
    // A number means different things in different namespaces (30001 is
    // permanent for the Tencent server, transient in nexconn_client): a
    // table keyed by code alone is of one namespace, named.
    let namespace = args.filter.one_namespace();
    if keyed_by_code_only && namespace.is_none() {
        return Err(CliError::Usage(
            "a table keyed by code alone needs one --namespace (e.g. --namespace tencent_server \
             for the codes of REST responses): a number means different things in different \
             namespaces; or export the namespace column as well"
                .into(),
        ));
    }
    let rows = records(&args.filter, namespace.filter(|_| keyed_by_code_only));
    let mut out = crate::output::stdout()?;
    match args.format {
        _ if args.dictionary => write_dictionary(&mut out, args.format, &rows)?,
        ExportFormat::Csv => write_csv(&mut out, &columns, &rows)?,
        ExportFormat::Json | ExportFormat::Ndjson => {
            write_json(&mut out, args.format, &columns, &rows)?
        }
        ExportFormat::Yaml => write_yaml(&mut out, &columns, &rows)?,
        ExportFormat::SyslogNg => write_syslog_ng(&mut out, &rows)?,
        ExportFormat::Rsyslog => write_rsyslog(&mut out, &rows)?,
    }
    out.flush()?;
    Ok(Done::Success)
}

/// The records to export. A table keyed by code alone (`keyed_by` its one
/// namespace) holds that namespace's meaning of each number, as `explain -n`
/// gives it, and lists every code of a range on its own row, so that a lookup
/// by code matches exactly what `explain -n` answers.
fn records(filter: &Filter, keyed_by: Option<Namespace>) -> Vec<Record> {
    let mut rows = Vec::new();
    for e in filter.entries() {
        let Some(namespace) = keyed_by else {
            rows.push(e.record_in(crate::lang()));
            continue;
        };
        let is_best = |code| explain_in(namespace, code).is_some_and(|b| std::ptr::eq(b, e));
        match e.codes() {
            Codes::Exact(code) if is_best(code) => rows.push(e.record()),
            Codes::Exact(_) => {}
            Codes::Range { first, last } => {
                rows.extend(
                    (first..=last)
                        .filter(|&c| is_best(c))
                        .map(|c| e.record_for_in(c, crate::lang())),
                );
            }
        }
    }
    rows
}

/// The fields of an add-contextual-data row, in order; empty ones are left out.
const SYSLOG_NG_FIELDS: &[&str] = &[
    "name",
    "category",
    "description",
    "retryability",
    "retry_after_ms",
    "remedy",
    "vendor",
    "namespace",
];

/// syslog-ng's add-contextual-data CSV: `selector,name,value`, the code as
/// the selector, no header. Values are templates there, so `$` is `$$`.
fn write_syslog_ng(out: &mut impl Write, rows: &[Record]) -> io::Result<()> {
    for r in rows {
        let record = fields(r);
        for field in SYSLOG_NG_FIELDS {
            let value = cell(&record[*field]);
            if !value.is_empty() {
                let value = value.replace('$', "$$");
                writeln!(out, "{},{field},{}", r.code, csv_field(&value))?;
            }
        }
    }
    Ok(())
}

/// An rsyslog lookup_table, version 1, type string: string indexes (negative
/// codes rule out the array types), each value the compact JSON record
/// `enrich` splices in, for `parse_json()`; `nomatch` is empty.
fn write_rsyslog(out: &mut impl Write, rows: &[Record]) -> Result<(), CliError> {
    let table: Vec<serde_json::Value> = rows
        .iter()
        .map(|r| {
            let value = serde_json::to_string(&r.only(RECORD_FIELDS))?;
            Ok(serde_json::json!({ "index": r.code.to_string(), "value": value }))
        })
        .collect::<Result<_, serde_json::Error>>()?;
    let document = serde_json::json!({
        "version": 1,
        "catalogue": chatcodes::CATALOGUE_VERSION,
        "nomatch": "",
        "type": "string",
        "table": table,
    });
    serde_json::to_writer(&mut *out, &document)?;
    writeln!(out)?;
    Ok(())
}

fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

/// CSV: a header of the columns, one row per record.
pub fn write_csv(out: &mut impl Write, columns: &[&str], rows: &[Record]) -> io::Result<()> {
    writeln!(out, "{}", columns.join(","))?;
    for r in rows {
        let record = json_record(columns, r);
        let cells: Vec<String> = columns
            .iter()
            .map(|c| csv_field(&cell(&record[*c])))
            .collect();
        writeln!(out, "{}", cells.join(","))?;
    }
    Ok(())
}

/// The record with only `columns`, in their order (null where the record
/// leaves a field out).
fn json_record(columns: &[&str], r: &Record) -> serde_json::Value {
    let mut full = fields(r);
    let mut record = serde_json::Map::new();
    for c in columns {
        let value = match *c {
            CATALOGUE_VERSION => chatcodes::CATALOGUE_VERSION.into(),
            c => full.remove(c).unwrap_or_default(),
        };
        record.insert((*c).to_string(), value);
    }
    serde_json::Value::Object(record)
}

/// JSON (one array) or NDJSON (a record per line) of the columns.
pub fn write_json(
    out: &mut impl Write,
    format: ExportFormat,
    columns: &[&str],
    rows: &[Record],
) -> io::Result<()> {
    if format == ExportFormat::Ndjson {
        for r in rows {
            serde_json::to_writer(&mut *out, &json_record(columns, r))?;
            writeln!(out)?;
        }
        return Ok(());
    }
    let records: Vec<serde_json::Value> = rows.iter().map(|r| json_record(columns, r)).collect();
    serde_json::to_writer_pretty(&mut *out, &records)?;
    writeln!(out)
}

/// A YAML scalar in double quotes; JSON string escaping is valid YAML.
fn yaml_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// YAML from the record's JSON values: JSON is YAML's flow syntax, so
/// numbers, booleans, null, quoted strings, lists and maps all carry over.
fn write_yaml(out: &mut impl Write, columns: &[&str], rows: &[Record]) -> io::Result<()> {
    writeln!(
        out,
        "# chatcodes catalogue {}",
        chatcodes::CATALOGUE_VERSION
    )?;
    for r in rows {
        let record = json_record(columns, r);
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
    rows: &[Record],
) -> Result<(), CliError> {
    match format {
        ExportFormat::Yaml => {
            for r in rows {
                writeln!(
                    out,
                    "{}: {}",
                    yaml_string(&r.code.to_string()),
                    yaml_string(r.description)
                )?;
            }
            Ok(())
        }
        ExportFormat::Json => {
            let map: serde_json::Map<String, serde_json::Value> = rows
                .iter()
                .map(|r| (r.code.to_string(), r.description.into()))
                .collect();
            serde_json::to_writer_pretty(&mut *out, &map)?;
            writeln!(out)?;
            Ok(())
        }
        _ => Err(CliError::Usage(
            "--dictionary writes JSON or YAML (use --format json or --format yaml)".into(),
        )),
    }
}
