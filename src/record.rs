//! [`Record`]: one explanation as the flat record every output writes.

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::enums::Retryability;
use crate::enums::{Category, Namespace, Vendor};
use crate::explanation::{Codes, Explanation, Source};
use crate::lang::Lang;
use crate::retryability::Operation;

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
    /// On a REST API's row: the code means the goal already holds, and why.
    pub already_done: Option<&'static str>,
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

/// A field of a [`Record`], in the order records write them. Its
/// [`name`](Self::name) is the key every output uses; the lists of names
/// ([`Record::FIELDS`], [`Record::COLUMNS`], [`Record::LEAN`]) are all made
/// from these.
///
/// ```
/// use chatcodes::{Field, Record};
/// assert_eq!(Field::RetryAfterMs.name(), "retry_after_ms");
/// assert!(Field::Causes.is_reference() && !Field::Remedy.is_reference());
/// assert_eq!(Record::FIELDS.len(), Field::ALL.len());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Field {
    /// `code`: the code asked about, or the entry's code or range.
    Code,
    /// `range`: the range a range entry covers (written only for those).
    Range,
    /// `vendor`.
    Vendor,
    /// `namespace`.
    Namespace,
    /// `category`.
    Category,
    /// `name`: the official name.
    Name,
    /// `description`.
    Description,
    /// `retryability`: the retry class.
    Retryability,
    /// `retry_after_ms`: the documented delay.
    RetryAfterMs,
    /// `retry_after_ms_by_operation`: delays by operation (written only
    /// where there are some).
    RetryAfterMsByOperation,
    /// `remedy`.
    Remedy,
    /// `already_done`: on this API the code means the goal already holds,
    /// and why (written only where it does).
    AlreadyDone,
    /// `note`: a fact beside the description (written only where there is one).
    Note,
    /// `causes`.
    Causes,
    /// `source`.
    Source,
    /// `api`: the REST API whose own row this is.
    Api,
    /// `aliases`: other names that lead to the entry.
    Aliases,
    /// `retired`.
    Retired,
}

impl Field {
    /// Every field, in record order.
    pub const ALL: [Field; 18] = [
        Field::Code,
        Field::Range,
        Field::Vendor,
        Field::Namespace,
        Field::Category,
        Field::Name,
        Field::Description,
        Field::Retryability,
        Field::RetryAfterMs,
        Field::RetryAfterMsByOperation,
        Field::Remedy,
        Field::AlreadyDone,
        Field::Note,
        Field::Causes,
        Field::Source,
        Field::Api,
        Field::Aliases,
        Field::Retired,
    ];

    /// The key outputs write it under.
    pub const fn name(self) -> &'static str {
        match self {
            Field::Code => "code",
            Field::Range => "range",
            Field::Vendor => "vendor",
            Field::Namespace => "namespace",
            Field::Category => "category",
            Field::Name => "name",
            Field::Description => "description",
            Field::Retryability => "retryability",
            Field::RetryAfterMs => "retry_after_ms",
            Field::RetryAfterMsByOperation => "retry_after_ms_by_operation",
            Field::Remedy => "remedy",
            Field::AlreadyDone => "already_done",
            Field::Note => "note",
            Field::Causes => "causes",
            Field::Source => "source",
            Field::Api => "api",
            Field::Aliases => "aliases",
            Field::Retired => "retired",
        }
    }

    /// The field written under `name` ([`Field::name`]), if any.
    ///
    /// ```
    /// use chatcodes::Field;
    /// assert_eq!(Field::from_name("retry_after_ms"), Some(Field::RetryAfterMs));
    /// assert_eq!(Field::from_name("retry"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name() == name)
    }

    /// Whether it is reference material (`causes`, `source`, `aliases`):
    /// one `chatcodes explain` away, and left out of the records `enrich`
    /// splices into log lines, which it would make several times longer.
    pub const fn is_reference(self) -> bool {
        matches!(self, Field::Causes | Field::Source | Field::Aliases)
    }
}

/// The names of `fields`, in their order.
const fn names<const N: usize>(fields: [Field; N]) -> [&'static str; N] {
    let mut out = [""; N];
    let mut i = 0;
    while i < N {
        out[i] = fields[i].name();
        i += 1;
    }
    out
}

/// How many fields are not reference material.
const LEAN_COUNT: usize = {
    let mut n = 0;
    let mut i = 0;
    while i < Field::ALL.len() {
        if !Field::ALL[i].is_reference() {
            n += 1;
        }
        i += 1;
    }
    n
};

const LEAN: [Field; LEAN_COUNT] = {
    let mut out = [Field::Code; LEAN_COUNT];
    let (mut i, mut j) = (0, 0);
    while i < Field::ALL.len() {
        if !Field::ALL[i].is_reference() {
            out[j] = Field::ALL[i];
            j += 1;
        }
        i += 1;
    }
    out
};

const FIELD_NAMES: [&str; Field::ALL.len()] = names(Field::ALL);
const COLUMN_NAMES: [&str; 11] = names([
    Field::Code,
    Field::Vendor,
    Field::Namespace,
    Field::Category,
    Field::Name,
    Field::Description,
    Field::Retryability,
    Field::RetryAfterMs,
    Field::Remedy,
    Field::Source,
    Field::Retired,
]);
const LEAN_NAMES: [&str; LEAN_COUNT] = names(LEAN);

impl Record {
    /// Every field's name, in the order the record writes them. `range`,
    /// `retry_after_ms_by_operation` and `note` are left out of a record
    /// that has no value for them.
    pub const FIELDS: &'static [&'static str] = &FIELD_NAMES;

    /// The fields an export writes when no columns are asked for: one value
    /// each, readable in a table.
    pub const COLUMNS: &'static [&'static str] = &COLUMN_NAMES;

    /// The fields that are not reference material ([`Field::is_reference`]):
    /// the record `enrich` writes.
    pub const LEAN: &'static [&'static str] = &LEAN_NAMES;
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
        for field in Field::ALL {
            let key = field.name();
            if !keep(key) {
                continue;
            }
            match field {
                Field::Code => m.serialize_entry(key, &self.code)?,
                Field::Range => {
                    if let Some(range) = &self.range {
                        m.serialize_entry(key, range)?;
                    }
                }
                Field::Vendor => m.serialize_entry(key, &self.vendor)?,
                Field::Namespace => m.serialize_entry(key, &self.namespace)?,
                Field::Category => m.serialize_entry(key, &self.category)?,
                Field::Name => m.serialize_entry(key, &self.name)?,
                Field::Description => m.serialize_entry(key, self.description)?,
                Field::Retryability => m.serialize_entry(key, &self.retryability)?,
                Field::RetryAfterMs => m.serialize_entry(key, &self.retry_after_ms)?,
                Field::RetryAfterMsByOperation if !self.retry_after_ms_by_operation.is_empty() => {
                    m.serialize_entry(key, &OperationDelays(self.retry_after_ms_by_operation))?;
                }
                Field::RetryAfterMsByOperation => {}
                Field::Remedy => m.serialize_entry(key, self.remedy)?,
                Field::AlreadyDone => {
                    if let Some(why) = self.already_done {
                        m.serialize_entry(key, why)?;
                    }
                }
                Field::Note => {
                    if let Some(note) = self.note {
                        m.serialize_entry(key, note)?;
                    }
                }
                Field::Causes => m.serialize_entry(key, self.causes)?,
                Field::Source => m.serialize_entry(key, &self.source)?,
                Field::Api => m.serialize_entry(key, &self.api)?,
                Field::Aliases => m.serialize_entry(key, self.aliases)?,
                Field::Retired => m.serialize_entry(key, &self.retired)?,
            }
        }
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

/// A record as an RFC 9457 `application/problem+json` object, made by
/// [`Record::problem`]: `type` (`urn:chatcodes:<namespace>:<code or range>`),
/// `title` (the official name, else the category's title), `detail` (the
/// description), `status` for an HTTP status, then the record's fields as
/// extension members.
///
/// ```
/// let record = chatcodes::explain(70001).unwrap().record();
/// let problem = serde_json::to_value(record.problem()).unwrap();
/// assert_eq!(problem["type"], "urn:chatcodes:tencent_server:70001");
/// assert_eq!(problem["title"], "ERR_SVR_ACCOUNT_USERSIG_EXPIRED");
/// assert_eq!(problem["retryability"], "reauthenticate");
/// let http = chatcodes::explain_in(chatcodes::Namespace::NexconnHttp, 429).unwrap();
/// assert_eq!(serde_json::to_value(http.record().problem()).unwrap()["status"], 429);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Problem<'a> {
    record: &'a Record,
}

impl Record {
    /// The record as an RFC 9457 problem object.
    pub fn problem(&self) -> Problem<'_> {
        Problem { record: self }
    }
}

impl Serialize for Problem<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.record;
        let mut m = s.serialize_map(None)?;
        let kind = r.range.unwrap_or(r.code);
        m.serialize_entry("type", &format!("urn:chatcodes:{}:{kind}", r.namespace))?;
        m.serialize_entry("title", r.name.unwrap_or(r.category.title()))?;
        m.serialize_entry("detail", r.description)?;
        if r.namespace == Namespace::NexconnHttp {
            m.serialize_entry("status", &r.code.first())?;
        }
        r.write(&mut m, |_| true)?;
        m.end()
    }
}

/// Some fields of a [`Record`], made by [`Record::only`].
///
/// ```
/// let record = chatcodes::explain(70001).unwrap().record();
/// let json = serde_json::to_string(&record.only(&["code", "name"])).unwrap();
/// assert_eq!(json, r#"{"code":70001,"name":"ERR_SVR_ACCOUNT_USERSIG_EXPIRED"}"#);
/// ```
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

    /// [`record`](Self::record) with its text in `lang`.
    ///
    /// ```
    /// use chatcodes::{Lang, explain};
    /// let record = explain(70001).unwrap().record_in(Lang::Zh);
    /// assert!(record.description.contains("UserSig"));
    /// assert_ne!(record.description, explain(70001).unwrap().description());
    /// ```
    pub const fn record_in(&self, lang: Lang) -> Record {
        self.record_with(self.codes).in_lang(self, lang)
    }

    /// [`record_for`](Self::record_for) with its text in `lang`.
    pub const fn record_for_in(&self, code: i64, lang: Lang) -> Record {
        self.record_with(Codes::Exact(code)).in_lang(self, lang)
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
            already_done: self.already_done,
            note: self.note,
            causes: self.causes,
            source: self.source,
            api: self.api,
            aliases: self.aliases,
            retired: self.retired,
        }
    }
}

impl Record {
    /// The record with the text of `e` in `lang`.
    const fn in_lang(mut self, e: &Explanation, lang: Lang) -> Record {
        if let Lang::Zh = lang {
            self.description = e.zh.description;
            self.remedy = e.zh.remedy;
            self.causes = e.zh.causes;
            self.note = e.zh.note;
            self.already_done = e.zh.already_done;
        }
        self
    }
}

impl Serialize for Explanation {
    /// The entry's [`Record`].
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.record().serialize(s)
    }
}
