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
    /// A fact beside the description (an older meaning of the number);
    /// written only where there is one.
    pub note: Option<&'static str>,
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
        "note",
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

impl Record {
    /// A view of the record that serializes only `fields` (names from
    /// [`FIELDS`](Self::FIELDS)), in the record's own order: the columns of a
    /// table, or the lean record `enrich` writes.
    ///
    /// ```
    /// let record = chatcodes::explain(70001).unwrap().record();
    /// let json = serde_json::to_string(&record.only(&["code", "retryability"])).unwrap();
    /// assert_eq!(json, r#"{"code":70001,"retryability":"reauthenticate"}"#);
    /// ```
    pub fn only<'a>(&'a self, fields: &'a [&'a str]) -> Only<'a> {
        Only {
            record: self,
            fields,
        }
    }

    /// Writes the fields that `keep` keeps, in record order.
    fn write<M: SerializeMap>(
        &self,
        m: &mut M,
        keep: impl Fn(&str) -> bool,
    ) -> Result<(), M::Error> {
        macro_rules! field {
            ($key:literal, $value:expr) => {
                if keep($key) {
                    m.serialize_entry($key, $value)?;
                }
            };
        }
        field!("code", &self.code);
        if let Some(range) = &self.range {
            field!("range", range);
        }
        field!("vendor", &self.vendor);
        field!("namespace", &self.namespace);
        field!("category", &self.category);
        field!("name", &self.name);
        field!("description", self.description);
        field!("retryability", &self.retryability);
        field!("retry_after_ms", &self.retry_after_ms);
        if !self.retry_after_ms_by_operation.is_empty() {
            field!(
                "retry_after_ms_by_operation",
                &OperationDelays(self.retry_after_ms_by_operation)
            );
        }
        field!("remedy", self.remedy);
        if let Some(note) = self.note {
            field!("note", note);
        }
        field!("causes", self.causes);
        field!("source", &self.source);
        field!("api", &self.api);
        field!("aliases", self.aliases);
        field!("retired", &self.retired);
        Ok(())
    }
}

impl Serialize for Record {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        self.write(&mut m, |_| true)?;
        m.end()
    }
}

/// Some fields of a [`Record`], made by [`Record::only`].
#[derive(Debug, Clone, Copy)]
pub struct Only<'a> {
    record: &'a Record,
    fields: &'a [&'a str],
}

impl Serialize for Only<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        self.record.write(&mut m, |k| self.fields.contains(&k))?;
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
            note: self.note,
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
