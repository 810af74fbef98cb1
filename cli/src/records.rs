//! Selecting entries and turning them into flat records for export, listing
//! and enrichment.

use chatcodes::{Category, Explanation, Namespace, Record, Retryability, Vendor, entries};

/// Filters shared by `list`, `search` and `export`.
#[derive(Debug, Default, clap::Args)]
pub struct Filter {
    /// Only this vendor: tencent, nexconn.
    #[arg(long)]
    pub vendor: Option<Vendor>,
    /// Only this namespace.
    #[arg(long, short, value_parser = crate::namespace_parser())]
    pub namespace: Option<Namespace>,
    /// Only this category, e.g. relationship_chain, account, http_status.
    #[arg(long, short)]
    pub category: Option<Category>,
    /// Only this retryability, e.g. throttled, reauthenticate.
    #[arg(long, short)]
    pub retryability: Option<Retryability>,
}

impl Filter {
    pub fn matches(&self, e: &Explanation) -> bool {
        self.vendor.is_none_or(|v| e.vendor() == v)
            && self.namespace.is_none_or(|n| e.namespace() == n)
            && self.category.is_none_or(|c| e.category() == c)
            && self.retryability.is_none_or(|r| e.retryability() == r)
    }

    pub fn entries(&self) -> impl Iterator<Item = &'static Explanation> + '_ {
        entries().filter(|e| self.matches(e))
    }
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
