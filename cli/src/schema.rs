//! The JSON Schema of an exported record (`chatcodes export --schema`,
//! committed as `docs/record.schema.json`): one property per field of
//! [`chatcodes::Field`], with the names, enums and types the exports write.

use chatcodes::{Category, Field, Namespace, Retryability, Vendor};
use serde_json::{Value, json};

use crate::export::CATALOGUE_VERSION;

/// The names of an enum's values, as JSON.
fn names<T: ToString>(all: &[T]) -> Value {
    all.iter().map(|v| Value::from(v.to_string())).collect()
}

/// The schema of one field's value.
fn property(field: Field) -> Value {
    let text = |description: &str| json!({ "type": "string", "description": description });
    let nullable =
        |description: &str| json!({ "type": ["string", "null"], "description": description });
    match field {
        Field::Code => json!({
            "type": ["integer", "string"],
            "description": "the code asked about; in an export of a range entry, the range (\"120001-130000\")"
        }),
        Field::Range => json!({
            "type": "string",
            "pattern": "^-?[0-9]+--?[0-9]+$",
            "description": "the range a range entry covers, written only for those"
        }),
        Field::Vendor => json!({ "enum": names(Vendor::ALL) }),
        Field::Namespace => json!({ "enum": names(Namespace::ALL) }),
        Field::Category => json!({ "enum": names(Category::ALL) }),
        Field::Name => nullable("the vendor's official name"),
        Field::Description => text("what the code means"),
        Field::Retryability => json!({
            "enum": names(Retryability::ALL),
            "description": "whether and how to retry"
        }),
        Field::RetryAfterMs => json!({
            "type": ["integer", "null"],
            "minimum": 0,
            "description": "the documented minimum wait before retrying, in milliseconds"
        }),
        Field::RetryAfterMsByOperation => json!({
            "type": "object",
            "properties": { "read": { "type": "integer" }, "write": { "type": "integer" } },
            "additionalProperties": false,
            "description": "delays that differ by operation, written only where there are some"
        }),
        Field::Remedy => text("what to do"),
        Field::AlreadyDone => text(
            "on a REST API's own row: the code means the goal already holds, and why (written only where it does)",
        ),
        Field::Note => text(
            "a fact beside the description, such as an older meaning (written only where there is one)",
        ),
        Field::Causes => json!({ "type": "array", "items": { "type": "string" } }),
        Field::Source => text("the document the description comes from, and its section"),
        Field::Api => nullable("the REST API whose own row this is"),
        Field::Aliases => json!({ "type": "array", "items": { "type": "string" } }),
        Field::Retired => json!({
            "type": "boolean",
            "description": "only older material documents the code"
        }),
        _ => json!({}),
    }
}

/// The schema, as a JSON value.
pub fn schema() -> Value {
    let mut properties = serde_json::Map::new();
    for field in Field::ALL {
        properties.insert(field.name().into(), property(field));
    }
    properties.insert(
        "repeat".into(),
        json!({
            "type": "object",
            "properties": { "safe": { "type": "boolean" }, "how": { "type": "string" } },
            "required": ["safe"],
            "description": "explain --api only: whether repeating the API's request can do its work twice, and how to resend safely"
        }),
    );
    properties.insert(
        CATALOGUE_VERSION.into(),
        json!({
            "type": "string",
            "description": "the catalogue the export comes from: chatcodes::CATALOGUE_VERSION"
        }),
    );
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "chatcodes record",
        "description": "One catalogue entry as chatcodes exports it (export --format json or ndjson, explain --format json). An export with --columns keeps only those properties.",
        "type": "object",
        "properties": properties,
        "additionalProperties": false
    })
}

/// The schema as the committed file holds it: pretty JSON.
pub fn text() -> String {
    serde_json::to_string_pretty(&schema()).unwrap_or_default()
}
