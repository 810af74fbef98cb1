//! Every entry survives `chatcodes export` in every format: parsing each
//! exported record back gives the entry's `chatcodes::Record`, field for
//! field.
//!
//! This checks all entries rather than a proptest sample of them: the
//! catalogue is small enough to be exhaustive.

use std::collections::BTreeMap;
use std::process::Command;

use chatcodes::{Explanation, Namespace, entries, explain_in};
use serde_json::Value;

/// An exported record as text, field by field.
type Row = BTreeMap<String, String>;

fn export(format: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_chatcodes"))
        .args(["export", "--format", format])
        .output()
        .expect("the chatcodes binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 export")
}

/// The entry's record (the library's own `Record`, serialized), its default
/// columns as text.
fn expected(e: &Explanation) -> Row {
    let record = serde_json::to_value(e.record()).expect("a record serializes");
    chatcodes::Record::COLUMNS
        .iter()
        .map(|c| (c.to_string(), scalar(&record[*c])))
        .collect()
}

fn scalar(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn from_json_object(v: &Value) -> Row {
    let object = v.as_object().expect("a record is an object");
    object.iter().map(|(k, v)| (k.clone(), scalar(v))).collect()
}

/// RFC 4180: quoted fields may hold commas, quotes (doubled) and newlines.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        !quoted && field.is_empty() && row.is_empty(),
        "CSV ends mid-record"
    );
    rows
}

/// The YAML the export writes: a comment naming the catalogue, then a list
/// of maps, one `key: scalar` per line, scalars as JSON (double-quoted
/// strings, numbers, null).
fn parse_yaml(text: &str) -> Vec<Row> {
    let mut records: Vec<Row> = Vec::new();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(format!("# chatcodes catalogue {}", chatcodes::CATALOGUE_VERSION).as_str())
    );
    for line in lines {
        let body = match line.strip_prefix("- ") {
            Some(body) => {
                records.push(Row::new());
                body
            }
            None => line.strip_prefix("  ").expect("a continuation line"),
        };
        let (key, value) = body.split_once(": ").expect("key: value");
        let value: Value = serde_json::from_str(value).expect("a JSON scalar");
        records
            .last_mut()
            .unwrap()
            .insert(key.to_string(), scalar(&value));
    }
    records
}

/// The entry a record names (by namespace and first code), field for field.
fn assert_round_trip(format: &str, records: &[Row]) {
    let all: Vec<&Explanation> = entries().collect();
    assert_eq!(records.len(), all.len(), "{format}: one record per entry");
    for (record, &entry) in records.iter().zip(&all) {
        let namespace: Namespace = record["namespace"].parse().expect("a namespace");
        let first = record["code"]
            .split_once('-')
            .map_or(record["code"].as_str(), |(a, _)| {
                if a.is_empty() {
                    record["code"].as_str()
                } else {
                    a
                }
            });
        let parsed = explain_in(namespace, first.parse::<i64>().expect("a code"))
            .unwrap_or_else(|| panic!("{format}: no entry for {record:?}"));
        assert!(
            std::ptr::eq(parsed, entry),
            "{format}: {record:?} names another entry"
        );
        assert_eq!(record, &expected(parsed), "{format}: fields differ");
    }
}

#[test]
fn every_entry_survives_export_and_parse_in_every_format() {
    let csv = parse_csv(&export("csv"));
    let (header, rows) = csv.split_first().expect("a header row");
    let records: Vec<Row> = rows
        .iter()
        .map(|row| header.iter().cloned().zip(row.iter().cloned()).collect())
        .collect();
    assert_round_trip("csv", &records);

    let json: Value = serde_json::from_str(&export("json")).expect("JSON");
    let records: Vec<Row> = json
        .as_array()
        .unwrap()
        .iter()
        .map(from_json_object)
        .collect();
    assert_round_trip("json", &records);

    let records: Vec<Row> = export("ndjson")
        .lines()
        .map(|l| from_json_object(&serde_json::from_str(l).expect("one JSON object per line")))
        .collect();
    assert_round_trip("ndjson", &records);

    assert_round_trip("yaml", &parse_yaml(&export("yaml")));
}

#[test]
fn an_export_of_every_field_is_the_record_itself() {
    let columns = chatcodes::Record::FIELDS.join(",");
    let out = Command::new(env!("CARGO_BIN_EXE_chatcodes"))
        .args(["export", "--format", "ndjson", "--columns", &columns])
        .output()
        .unwrap();
    assert!(out.status.success());
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let all: Vec<&Explanation> = entries().collect();
    assert_eq!(lines.len(), all.len());
    for (line, e) in lines.iter().zip(all) {
        let mut record = serde_json::to_value(e.record()).unwrap();
        // Fields a record leaves out are null in a table with every column.
        for field in chatcodes::Record::FIELDS {
            record
                .as_object_mut()
                .unwrap()
                .entry(*field)
                .or_insert(Value::Null);
        }
        assert_eq!(line, &record);
    }
}
