//! Selecting entries and turning them into flat records for export, listing
//! and enrichment.

use chatcodes::{Category, Explanation, Namespace, Record, Retryability, Vendor, entries};

/// Filters shared by `list`, `search` and `export`. Each option may be
/// given several times (or with commas): an entry matches when it has one
/// of the values of every option given.
#[derive(Debug, Default, clap::Args)]
pub struct Filter {
    /// Only these vendors: tencent, nexconn.
    #[arg(long, value_delimiter = ',')]
    pub vendor: Vec<Vendor>,
    /// Only these namespaces.
    #[arg(long, short, value_delimiter = ',', value_parser = crate::namespace_parser())]
    pub namespace: Vec<Namespace>,
    /// Only these categories, e.g. relationship_chain, account, http_status.
    #[arg(long, short, value_delimiter = ',')]
    pub category: Vec<Category>,
    /// Only these retry classes, e.g. throttled, transient.
    #[arg(long, short, value_delimiter = ',')]
    pub retryability: Vec<Retryability>,
}

impl Filter {
    pub fn matches(&self, e: &Explanation) -> bool {
        one_of(&self.vendor, e.vendor())
            && one_of(&self.namespace, e.namespace())
            && one_of(&self.category, e.category())
            && one_of(&self.retryability, e.retryability())
    }

    /// The one namespace asked for, when exactly one was.
    pub fn one_namespace(&self) -> Option<Namespace> {
        match self.namespace.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    pub fn entries(&self) -> impl Iterator<Item = &'static Explanation> + '_ {
        entries().filter(|e| self.matches(e))
    }
}

/// Whether `value` is among `values`, or no value was asked for.
fn one_of<T: PartialEq>(values: &[T], value: T) -> bool {
    values.is_empty() || values.contains(&value)
}

/// The fields of a record, by name: what a column, a cell or a template
/// reads. Every output takes its values from [`Record`], never from a copy.
pub fn fields(record: &Record) -> serde_json::Map<String, serde_json::Value> {
    match serde_json::to_value(record) {
        Ok(serde_json::Value::Object(map)) => map,
        _ => serde_json::Map::new(),
    }
}

/// A field as the text of one table cell: empty for null, a list joined
/// with ` | `, a map as JSON.
pub fn cell(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(items) => items.iter().map(cell).collect::<Vec<_>>().join(" | "),
        other => other.to_string(),
    }
}
