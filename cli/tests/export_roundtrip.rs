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
        .env("LC_ALL", "C")
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

/// The entry a record names (by namespace and first code), field for field;
/// JSON, NDJSON and CSV also name the catalogue in every record.
fn assert_round_trip(format: &str, records: &[Row]) {
    let all: Vec<&Explanation> = entries().collect();
    assert_eq!(records.len(), all.len(), "{format}: one record per entry");
    for (record, &entry) in records.iter().zip(&all) {
        let mut record = record.clone();
        let version = record.remove("catalogue_version");
        assert_eq!(
            version.as_deref(),
            (format != "yaml").then_some(chatcodes::CATALOGUE_VERSION),
            "{format}"
        );
        let record = &record;
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
        .env("LC_ALL", "C")
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

/// A value against one property of the schema: its `type`s and `enum`.
fn conforms(value: &Value, property: &Value) -> bool {
    if let Some(values) = property["enum"].as_array() {
        return values.contains(value);
    }
    let kinds: Vec<&str> = match &property["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => return true,
    };
    kinds.iter().any(|kind| match *kind {
        "string" => value.is_string(),
        "integer" => value.is_i64(),
        "boolean" => value.is_boolean(),
        "null" => value.is_null(),
        "array" => value
            .as_array()
            .is_some_and(|a| a.iter().all(Value::is_string)),
        "object" => value
            .as_object()
            .is_some_and(|o| o.values().all(Value::is_i64)),
        _ => false,
    })
}

#[test]
fn every_exported_record_conforms_to_the_committed_schema() {
    let out = Command::new(env!("CARGO_BIN_EXE_chatcodes"))
        .env("LC_ALL", "C")
        .args(["export", "--schema"])
        .output()
        .unwrap();
    let printed = String::from_utf8(out.stdout).unwrap();
    let committed = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/record.schema.json"),
    )
    .unwrap();
    assert_eq!(
        printed, committed,
        "docs/record.schema.json is stale: run `chatcodes export --schema > docs/record.schema.json`"
    );
    let schema: Value = serde_json::from_str(&committed).unwrap();
    let properties = schema["properties"].as_object().unwrap();
    let columns = [chatcodes::Record::FIELDS, &["catalogue_version"]]
        .concat()
        .join(",");
    let out = Command::new(env!("CARGO_BIN_EXE_chatcodes"))
        .env("LC_ALL", "C")
        .args(["export", "--format", "ndjson", "--columns", &columns])
        .output()
        .unwrap();
    let mut seen = 0;
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let record: Value = serde_json::from_str(line).unwrap();
        for (key, value) in record.as_object().unwrap() {
            let property = properties
                .get(key)
                .unwrap_or_else(|| panic!("{key} is not in the schema"));
            // Fields a record leaves out are exported as null by --columns.
            assert!(
                value.is_null() || conforms(value, property),
                "{key}: {value} in {line}"
            );
        }
        seen += 1;
    }
    assert_eq!(seen, entries().len());
}

#[test]
fn diff_names_what_was_added_removed_and_changed() {
    let dir = std::env::temp_dir().join(format!("chatcodes-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let old: Value = serde_json::from_str(&export("json")).unwrap();
    let mut new = old.clone();
    let records = new.as_array_mut().unwrap();
    let gone = records.remove(0);
    records[0]["retryability"] = "unknown".into();
    let mut added = records[1].clone();
    added["code"] = 999_999_999.into();
    records.push(added);
    let (old_path, new_path) = (dir.join("old.json"), dir.join("new.json"));
    std::fs::write(&old_path, old.to_string()).unwrap();
    std::fs::write(&new_path, new.to_string()).unwrap();
    let diff = |a: &std::path::Path, b: &std::path::Path| {
        Command::new(env!("CARGO_BIN_EXE_chatcodes"))
            .env("LC_ALL", "C")
            .args(["diff", a.to_str().unwrap(), b.to_str().unwrap()])
            .output()
            .unwrap()
    };
    let out = diff(&old_path, &new_path);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains(&format!(
            "- {} {}",
            gone["namespace"].as_str().unwrap(),
            gone["code"]
        )),
        "{text}"
    );
    assert!(text.contains(" 999999999 "), "{text}");
    assert!(text.contains("    retryability: "), "{text}");
    assert!(text.ends_with("1 added, 1 removed, 1 changed\n"), "{text}");
    let same = diff(&old_path, &old_path);
    assert_eq!(same.status.code(), Some(0));
    std::fs::remove_dir_all(&dir).unwrap();
}
