//! `chatcodes diff OLD NEW`: what changed between two JSON exports of the
//! catalogue (`chatcodes export --format json`): entries added and removed,
//! and each changed field of the entries in both, keyed by namespace and
//! code.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::PathBuf;

use serde_json::Value;

use crate::export::CATALOGUE_VERSION;
use crate::outcome::{CliError, Done};
use crate::output;
use crate::records::cell;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The older export (`chatcodes export --format json > old.json`).
    old: PathBuf,
    /// The newer export.
    new: PathBuf,
}

/// An export's entries by (namespace, code), and its catalogue version.
type Entries = (
    BTreeMap<(String, String), serde_json::Map<String, Value>>,
    Option<String>,
);

fn read(path: &PathBuf) -> Result<Entries, CliError> {
    let what = path.display();
    let text = fs::read(path).map_err(|e| CliError::Input(format!("cannot read {what}: {e}")))?;
    let value: Value = serde_json::from_slice(&text)
        .map_err(|e| CliError::Input(format!("{what} is not JSON: {e}")))?;
    let Value::Array(records) = value else {
        return Err(CliError::Input(format!(
            "{what} is not an export: expected the JSON array `chatcodes export --format json` writes"
        )));
    };
    let mut entries = BTreeMap::new();
    let mut version = None;
    for record in records {
        let Value::Object(mut record) = record else {
            return Err(CliError::Input(format!(
                "{what}: a record is not an object"
            )));
        };
        if let Some(Value::String(v)) = record.remove(CATALOGUE_VERSION) {
            version = Some(v);
        }
        let key = |field: &str| record.get(field).map(cell);
        let (Some(namespace), Some(code)) = (key("namespace"), key("code")) else {
            return Err(CliError::Input(format!(
                "{what}: every record needs its namespace and code (export with both columns)"
            )));
        };
        entries.insert((namespace, code), record);
    }
    Ok((entries, version))
}

pub fn run(args: &Args) -> Result<Done, CliError> {
    let (old, old_version) = read(&args.old)?;
    let (new, new_version) = read(&args.new)?;
    let mut out = output::stdout()?;
    let unknown = || "(not named)".to_string();
    writeln!(
        out,
        "catalogue {} -> {}",
        old_version.unwrap_or_else(unknown),
        new_version.unwrap_or_else(unknown)
    )?;
    let title = |r: &serde_json::Map<String, Value>| r.get("name").map(cell).unwrap_or_default();
    let (mut added, mut removed, mut changed) = (0, 0, 0);
    for (key, record) in &new {
        if !old.contains_key(key) {
            added += 1;
            writeln!(out, "+ {} {} {}", key.0, key.1, title(record))?;
        }
    }
    for (key, record) in &old {
        if !new.contains_key(key) {
            removed += 1;
            writeln!(out, "- {} {} {}", key.0, key.1, title(record))?;
        }
    }
    for (key, before) in &old {
        let Some(after) = new.get(key) else { continue };
        // Every field of either, once, in the newer record's order.
        let fields: Vec<&String> = after
            .keys()
            .chain(before.keys().filter(|f| !after.contains_key(*f)))
            .filter(|f| before.get(*f) != after.get(*f))
            .collect();
        if fields.is_empty() {
            continue;
        }
        changed += 1;
        writeln!(out, "~ {} {}", key.0, key.1)?;
        for field in fields {
            let show =
                |r: &serde_json::Map<String, Value>| r.get(field).map(cell).unwrap_or_default();
            writeln!(out, "    {field}: {:?} -> {:?}", show(before), show(after))?;
        }
    }
    writeln!(out, "{added} added, {removed} removed, {changed} changed")?;
    out.flush()?;
    Ok(Done::from_ok(added + removed + changed == 0))
}
