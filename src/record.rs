//! [`Record`]: one explanation as the flat record every output writes.

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::explanation::{Codes, Explanation, Source};
use crate::retryability::{Operation, Retryability};
use crate::tables::{Category, Namespace, Vendor};

/// One explanation as a flat record: the fields, names and order that every
/// output of chatcodes writes (JSON, NDJSON, YAML, CSV columns,
/// problem+json, the records `enrich` splices into log lines, the data of
/// documentation templates). It borrows the catalogue's static data, so
/// making one allocates nothing.
///
/// `code` is the code asked about. For an entry that covers a range, `range`
/// gives the range too; listed without a code (an export), a range entry's
/// `code` is the range itself.
///
/// ```
/// let record = chatcodes::explain(125000).unwrap().record_for(125000);
/// let json = serde_json::to_value(record).unwrap();
/// assert_eq!(json["code"], 125000);
/// assert_eq!(json["range"], "120001-130000");
/// assert_eq!(chatcodes::Record::FIELDS[0], "code");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Record {
    /// The code asked about, or the entry's code (or range) when none was.
    pub code: Codes,
    /// The range the entry covers, for range entries.
    pub range: Option<Codes>,
    /// The vendor whose service returns the code.
    pub vendor: Vendor,
    /// The namespace the code is defined in.
    pub namespace: Namespace,
    /// The documentation section.
    pub category: Category,
    /// The official name, where the vendor publishes one.
    pub name: Option<&'static str>,
    /// What the code means.
    pub description: &'static str,
    /// Whether and how to retry.
    pub retryability: Retryability,
    /// The documented minimum wait before retrying, in milliseconds.
    pub retry_after_ms: Option<u32>,
    /// Delays that differ by operation, where documented.
    pub retry_after_ms_by_operation: &'static [(Operation, u32)],
    /// What to do.
    pub remedy: &'static str,
    /// Known causes.
    pub causes: &'static [&'static str],
    /// Where the description came from.
    pub source: Source,
    /// The REST API whose table this row is, for per-API entries.
    pub api: Option<&'static str>,
    /// Other names that lead to the entry.
    pub aliases: &'static [&'static str],
    /// Whether only older material documents the code.
    pub retired: bool,
}

impl Record {
    /// Every field, in the order the record writes them. `range` and
    /// `retry_after_ms_by_operation` are left out of a record that has no
    /// value for them.
    pub const FIELDS: &'static [&'static str] = &[
        "code",
        "range",
        "vendor",
        "namespace",
        "category",
        "name",
        "description",
        "retryability",
        "retry_after_ms",
        "retry_after_ms_by_operation",
        "remedy",
        "causes",
        "source",
        "api",
        "aliases",
        "retired",
    ];

    /// The fields an export writes when no columns are asked for: one value
    /// each, readable in a table.
    pub const COLUMNS: &'static [&'static str] = &[
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
}

impl Serialize for Record {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("code", &self.code)?;
        if let Some(range) = &self.range {
            m.serialize_entry("range", range)?;
        }
        m.serialize_entry("vendor", &self.vendor)?;
        m.serialize_entry("namespace", &self.namespace)?;
        m.serialize_entry("category", &self.category)?;
        m.serialize_entry("name", &self.name)?;
        m.serialize_entry("description", self.description)?;
        m.serialize_entry("retryability", &self.retryability)?;
        m.serialize_entry("retry_after_ms", &self.retry_after_ms)?;
        if !self.retry_after_ms_by_operation.is_empty() {
            m.serialize_entry(
                "retry_after_ms_by_operation",
                &OperationDelays(self.retry_after_ms_by_operation),
            )?;
        }
        m.serialize_entry("remedy", self.remedy)?;
        m.serialize_entry("causes", self.causes)?;
        m.serialize_entry("source", &self.source)?;
        m.serialize_entry("api", &self.api)?;
        m.serialize_entry("aliases", self.aliases)?;
        m.serialize_entry("retired", &self.retired)?;
        m.end()
    }
}

/// Per-operation delays as a map, `{"read": 250, "write": 200}`.
struct OperationDelays(&'static [(Operation, u32)]);

impl Serialize for OperationDelays {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(op, ms)| (op, ms)))
    }
}

impl Explanation {
    /// The entry as a [`Record`], its `code` the entry's own (a range entry's
    /// is its range).
    pub const fn record(&self) -> Record {
        self.record_with(self.codes)
    }

    /// The record of this entry explaining `code`: for a range entry, the
    /// code asked about with the range beside it.
    pub const fn record_for(&self, code: i64) -> Record {
        self.record_with(Codes::Exact(code))
    }

    const fn record_with(&self, code: Codes) -> Record {
        Record {
            code,
            range: match self.codes {
                Codes::Range { .. } => Some(self.codes),
                Codes::Exact(_) => None,
            },
            vendor: self.namespace.vendor(),
            namespace: self.namespace,
            category: self.category,
            name: self.name,
            description: self.description,
            retryability: self.retryability,
            retry_after_ms: self.retry_after_ms,
            retry_after_ms_by_operation: self.retry_after_by_operation,
            remedy: self.remedy,
            causes: self.causes,
            source: self.source,
            api: self.api,
            aliases: self.aliases,
            retired: self.retired,
        }
    }
}

impl Serialize for Explanation {
    /// The entry's [`Record`].
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.record().serialize(s)
    }
}
