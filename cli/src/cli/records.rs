//! Selecting entries and turning them into flat records for export, listing
//! and enrichment.

use chatcodes::{Category, Explanation, Namespace, Retryability, Vendor, entries, explain};

/// Filters shared by `list`, `search` and `export`.
#[derive(Debug, Default, clap::Args)]
pub struct Filter {
    /// Only this vendor: tencent, nexconn.
    #[arg(long)]
    pub vendor: Option<Vendor>,
    /// Only this namespace: tencent_server, tencent_sdk, nexconn_http, nexconn_business.
    #[arg(long, short)]
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

/// The columns of an exported record, in order.
pub const COLUMNS: &[&str] = &[
    "code",
    "vendor",
    "namespace",
    "category",
    "name",
    "description",
    "retryability",
    "retry_after_ms",
    "remedy",
    "source",
    "retired",
];

/// One column of an entry as text (empty where there is no value).
pub fn column(e: &Explanation, name: &str) -> String {
    match name {
        "code" => e.codes().to_string(),
        "vendor" => e.vendor().to_string(),
        "namespace" => e.namespace().to_string(),
        "category" => e.category().to_string(),
        "name" => e.name().unwrap_or_default().to_string(),
        "description" => e.description().to_string(),
        "retryability" => e.retryability().to_string(),
        "retry_after_ms" => e
            .retry_after_ms()
            .map(|ms| ms.to_string())
            .unwrap_or_default(),
        "remedy" => e.remedy().to_string(),
        "source" => e.source().to_string(),
        "retired" => e.is_retired().to_string(),
        _ => String::new(),
    }
}

/// Whether `e` is the entry [`explain`] gives for its code: used where a
/// lookup table keyed by code alone can hold only one meaning per number.
pub fn is_best_match(e: &Explanation) -> bool {
    explain(e.codes().first()).is_some_and(|best| std::ptr::eq(best, e))
}
