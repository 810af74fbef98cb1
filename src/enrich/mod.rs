//! Explaining the code fields of NDJSON log records, line by line.
//!
//! An [`Enricher`] reads one JSON object per line and, for every non-zero
//! code it finds (by default `ErrorCode` and `ResultCode`, wherever they occur
//! in the record), adds a sibling key `<field>_explained` to the same object:
//!
//! ```
//! use chatcodes::enrich::{Enricher, LineOutcome};
//!
//! let mut enricher = Enricher::new();
//! let mut out = Vec::new();
//! let line = br#"{"ActionStatus":"FAIL","ErrorCode":70001}"#;
//! assert_eq!(enricher.line(line, &mut out)?, LineOutcome::Enriched { unknown_codes: 0 });
//! let record: serde_json::Value = serde_json::from_slice(&out)?;
//! assert_eq!(record["ErrorCode_explained"]["retryability"], "reauthenticate");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The explanation is the code's [`crate::Record`], the same record every
//! output of chatcodes writes, without its reference material
//! ([`RECORD_FIELDS`]; `api` names the REST API when the wording is its own,
//! [`Enricher::api`]), or the fields [`Enricher::fields`] picks, in the
//! language [`Enricher::lang`] sets. A code the catalogue does not know gets
//! `{"code": N, "unknown": true}`; zero codes and values that are not codes
//! are left alone.
//!
//! The record is not re-serialized: the explanation is spliced into the
//! original bytes just after the object's last member, so everything else on
//! the line (key order, spacing, number spelling) stays as it was. A line that
//! is not a JSON object, or has nothing to explain, is written back byte for
//! byte. Validity is decided as `serde_json` decides it, including its nesting
//! limit of 127 levels.

use std::collections::HashMap;
use std::io::{self, Write};

mod cache;
mod handoff;
mod json;
mod parallel;
mod paths;
mod scan;
mod settings;
mod stops;
mod stream;
mod summary;

use cache::RecordCache;
use json::skip_ws;
pub use paths::FieldPathError;
use paths::Paths;
use scan::Scanner;
use settings::Settings;
pub use summary::{LineOutcome, Summary};

use crate::api::Api;
use crate::{Field, Lang, Namespace, Record};

/// The fields explained by default, in every object of a record: `ErrorCode`
/// (top level, nested envelopes, `ErrorList[]`, `GroupInfo[]`, ...) and
/// `ResultCode` (`ResultItem[]`, `InfoItem[]`, ...). The code fields of the
/// other per-item arrays Tencent documents (`RecallRetList[].RetCode`,
/// `GroupMsgReceiptList[].Code`, `ImportMsgResult[].Result`) are explained
/// too, in the elements of those arrays wherever they occur.
pub const DEFAULT_FIELDS: &[&str] = &["ErrorCode", "ResultCode"];

/// The top-level field a line names its REST API in, by default
/// ([`Enricher::api_field`]).
pub const DEFAULT_API_FIELD: &str = "api";

/// The suffix of the key that holds a field's explanation.
pub const EXPLAINED_SUFFIX: &str = "_explained";

/// The deepest nesting of arrays and objects a line may have (as in `serde_json`).
pub const MAX_DEPTH: usize = 127;

/// How many distinct API field values an enricher remembers.
const LINE_API_CACHE: usize = 4096;

/// Explains code fields in NDJSON lines; see the [module docs](self).
///
/// An enricher is made of its settings, its field paths, a scanner and a
/// record cache (each in its own module); it keeps their scratch buffers and
/// serialized records, so processing a line allocates nothing once it has
/// warmed up.
///
/// ```
/// use chatcodes::enrich::Enricher;
/// let mut enricher = Enricher::new().field("data.code")?;
/// let mut out = Vec::new();
/// enricher.line(br#"{"data":{"code":70001}}"#, &mut out)?;
/// assert!(String::from_utf8(out)?.contains(r#""code_explained":{"code":70001"#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Enricher {
    settings: Settings,
    paths: Paths,
    scanner: Scanner,
    cache: RecordCache,
    /// What each value seen in a line's API field resolved to (`None`: not
    /// a known REST API); emptied when it reaches [`LINE_API_CACHE`]
    /// values, so that a log of ever new values does not grow it.
    line_apis: HashMap<Box<[u8]>, Option<&'static Api>, foldhash::fast::RandomState>,
}

impl Default for Enricher {
    fn default() -> Self {
        Self::new()
    }
}

impl Enricher {
    /// An enricher for the default fields, reading codes as
    /// [`Namespace::TencentServer`] (the REST codes).
    pub fn new() -> Self {
        Enricher {
            settings: Settings::default(),
            paths: Paths::default(),
            scanner: Scanner::default(),
            cache: RecordCache::default(),
            line_apis: HashMap::default(),
        }
    }

    /// Reads bare codes in `namespace` instead of `tencent_server`.
    pub fn namespace(mut self, namespace: Namespace) -> Self {
        self.settings.namespace = namespace;
        self
    }

    /// Explains codes as this REST API returns them ([`Api::explain`]: its
    /// own wording where its page documents the code), for lines that do not
    /// name a known API themselves; takes precedence over the namespace.
    ///
    /// ```
    /// use chatcodes::{Api, enrich::Enricher};
    /// let api = Api::find("v4/sns/friend_add").unwrap();
    /// let mut enricher = Enricher::new().api(api);
    /// let mut out = Vec::new();
    /// enricher.line(br#"{"ResultItem":[{"ResultCode":30010}]}"#, &mut out)?;
    /// assert!(String::from_utf8(out)?.contains("Your friend list is full."));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn api(mut self, api: &'static Api) -> Self {
        self.settings.api = Some(api);
        self
    }

    /// The top-level field whose string names the line's REST API (default
    /// [`DEFAULT_API_FIELD`], `api`), in any form [`crate::rest_api`]
    /// accepts; `None` to read no API from lines. A line that names a known
    /// API gets that API's wording; one that names none, or an unknown one,
    /// gets [`api`](Self::api)'s, else the namespace's.
    ///
    /// ```
    /// use chatcodes::enrich::Enricher;
    /// let mut enricher = Enricher::new();
    /// let mut out = Vec::new();
    /// let line = br#"{"api":"sns/friend_add","response":{"ResultItem":[{"ResultCode":30010}]}}"#;
    /// enricher.line(line, &mut out)?;
    /// let record: serde_json::Value = serde_json::from_slice(&out)?;
    /// let explained = &record["response"]["ResultItem"][0]["ResultCode_explained"];
    /// assert_eq!(explained["api"], "v4/sns/friend_add");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn api_field(mut self, field: Option<&str>) -> Self {
        self.settings.api_field = field.map(|f| f.as_bytes().to_vec());
        self
    }

    /// Writes the records in `lang` (default [`Lang::En`]): description,
    /// remedy and note in Chinese with [`Lang::Zh`]; keys, names and classes
    /// stay as they are.
    ///
    /// ```
    /// use chatcodes::{Lang, enrich::Enricher};
    /// let mut enricher = Enricher::new().lang(Lang::Zh);
    /// let mut out = Vec::new();
    /// enricher.line(br#"{"ErrorCode":70001}"#, &mut out)?;
    /// let record: serde_json::Value = serde_json::from_slice(&out)?;
    /// let explained = &record["ErrorCode_explained"];
    /// assert!(explained["description"].as_str().unwrap().contains("过期"));
    /// assert_eq!(explained["retryability"], "reauthenticate");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lang(mut self, lang: Lang) -> Self {
        self.cache.set_lang(lang);
        self
    }

    /// Writes only `fields` of each record (in record order) after its
    /// `code`, which is always there, instead of [`RECORD_FIELDS`]: a log
    /// that needs the name and the retry class pays for those alone. Any
    /// field may be chosen, reference material included.
    ///
    /// ```
    /// use chatcodes::{Field, enrich::Enricher};
    /// let mut enricher = Enricher::new().fields(&[Field::Name, Field::Retryability]);
    /// let mut out = Vec::new();
    /// enricher.line(br#"{"ErrorCode":70001}"#, &mut out)?;
    /// assert_eq!(
    ///     String::from_utf8(out)?,
    ///     r#"{"ErrorCode":70001,"ErrorCode_explained":{"code":70001,"name":"ERR_SVR_ACCOUNT_USERSIG_EXPIRED","retryability":"reauthenticate"}}"#
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn fields(mut self, fields: &[Field]) -> Self {
        self.cache.set_fields(fields);
        self
    }

    /// Also explains the field at `path`: keys separated by dots, `[]` after a
    /// key that holds an array (`code`, `data.code`, `data.items[].status`).
    /// The path starts at the top of the record.
    pub fn field(mut self, path: &str) -> Result<Self, FieldPathError> {
        self.paths.add(path)?;
        Ok(self)
    }

    /// The known REST API the current line names in its API field; each
    /// distinct value is resolved once.
    fn line_api(&mut self, line: &[u8]) -> Option<&'static Api> {
        let (start, end, escaped) = self.scanner.line_api?;
        let token = &line[start..end];
        if let Some(&api) = self.line_apis.get(token) {
            return api;
        }
        let api = if escaped {
            serde_json::from_slice::<String>(token)
                .ok()
                .and_then(|s| Api::find(&s))
        } else {
            std::str::from_utf8(&token[1..token.len() - 1])
                .ok()
                .and_then(Api::find)
        };
        if self.line_apis.len() == LINE_API_CACHE {
            self.line_apis.clear();
        }
        self.line_apis.insert(token.into(), api);
        api
    }

    /// Processes one line (without its line ending) and writes the result,
    /// enriched or untouched, to `out`.
    pub fn line(&mut self, line: &[u8], out: &mut impl Write) -> io::Result<LineOutcome> {
        let outcome = self.classify(line);
        match outcome {
            LineOutcome::Enriched { .. } => self.write_enriched(line, out)?,
            LineOutcome::Unchanged | LineOutcome::NotJson => out.write_all(line)?,
        }
        Ok(outcome)
    }

    /// Decides what to do with a line; for an enriched line, leaves the
    /// insertions in the scanner.
    fn classify(&mut self, line: &[u8]) -> LineOutcome {
        self.scanner.inserts.clear();
        if line.get(skip_ws(line, 0)) != Some(&b'{') {
            return LineOutcome::NotJson;
        }
        let api_field = self.settings.api_field.as_deref();
        if simdutf8::basic::from_utf8(line).is_err()
            || self.scanner.scan(line, &self.paths, api_field).is_none()
        {
            self.scanner.inserts.clear();
            return LineOutcome::NotJson;
        }
        if self.scanner.inserts.is_empty() {
            return LineOutcome::Unchanged;
        }
        let line_api = self.line_api(line);
        for insert in &mut self.scanner.inserts {
            insert.explanation = self.settings.explain(line_api, insert.code);
        }
        let unknown_codes = self
            .scanner
            .inserts
            .iter()
            .filter(|i| i.explanation.is_none())
            .count() as u32;
        LineOutcome::Enriched { unknown_codes }
    }

    /// Writes `line` with the recorded insertions spliced in.
    fn write_enriched(&mut self, line: &[u8], out: &mut impl Write) -> io::Result<()> {
        let mut copied = 0;
        for insert in &self.scanner.inserts {
            out.write_all(&line[copied..insert.at])?;
            copied = insert.at;
            out.write_all(self.paths.prefix(insert.field))?;
            out.write_all(itoa::Buffer::new().format(insert.code).as_bytes())?;
            match insert.explanation {
                Some(e) => out.write_all(self.cache.tail(e))?,
                None => out.write_all(br#","unknown":true}"#)?,
            }
        }
        out.write_all(&line[copied..])
    }
}

/// The fields of the [`crate::Record`] an enricher writes by default: all
/// but the reference material (`causes`, `source`, `aliases`), which would
/// make every explained line several times longer and stays one `chatcodes
/// explain` away. [`Enricher::fields`] chooses others.
pub const RECORD_FIELDS: &[&str] = Record::LEAN;

#[cfg(test)]
mod tests {
    use super::*;

    fn enrich(enricher: &mut Enricher, line: &str) -> (LineOutcome, String) {
        let mut out = Vec::new();
        let outcome = enricher.line(line.as_bytes(), &mut out).unwrap();
        (outcome, String::from_utf8(out).unwrap())
    }

    #[test]
    fn splices_after_the_last_member_and_keeps_the_rest() {
        let mut e = Enricher::new();
        let (outcome, out) = enrich(&mut e, r#"{ "a" : 1.50 , "ErrorCode" : 70001 }"#);
        assert_eq!(outcome, LineOutcome::Enriched { unknown_codes: 0 });
        assert!(
            out.starts_with(r#"{ "a" : 1.50 , "ErrorCode" : 70001,"ErrorCode_explained":{"code":70001,"vendor":"tencent","namespace":"tencent_server""#),
            "{out}"
        );
        assert!(out.ends_with("} }"), "{out}");
    }

    #[test]
    fn an_apis_own_wording_names_the_api() {
        let mut e = Enricher::new().api(Api::find("v4/sns/friend_add").unwrap());
        let (_, out) = enrich(&mut e, r#"{"ResultItem":[{"ResultCode":30010}]}"#);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let explained = &v["ResultItem"][0]["ResultCode_explained"];
        assert_eq!(explained["api"], "v4/sns/friend_add");
        assert_eq!(explained["description"], "Your friend list is full.");
        let (_, out) = enrich(&mut Enricher::new(), r#"{"ErrorCode":70001}"#);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert!(v["ErrorCode_explained"]["api"].is_null(), "{out}");
    }

    #[test]
    fn the_explanation_is_the_librarys_record_of_the_code() {
        for (line, code) in [
            (r#"{"ErrorCode":70001}"#, 70001),
            (r#"{"ErrorCode":125000}"#, 125_000),
            (r#"{"ErrorCode":0.0,"ResultCode":"30539"}"#, 30539),
        ] {
            let (_, out) = enrich(&mut Enricher::new(), line);
            let v: serde_json::Value = serde_json::from_str(&out).unwrap();
            let field = if code == 30539 {
                "ResultCode_explained"
            } else {
                "ErrorCode_explained"
            };
            let record = crate::explain_in(Namespace::TencentServer, code)
                .unwrap()
                .record_for(code);
            let lean = serde_json::to_value(record.only(RECORD_FIELDS)).unwrap();
            assert_eq!(v[field], lean, "{line}");
            assert!(v[field].get("causes").is_none() && v[field]["description"].is_string());
        }
    }

    #[test]
    fn the_api_cache_stays_bounded_and_still_resolves() {
        let mut e = Enricher::new();
        for i in 0..LINE_API_CACHE + 10 {
            let line = format!(r#"{{"api":"v4/none/{i}","ErrorCode":70001}}"#);
            enrich(&mut e, &line);
            assert!(e.line_apis.len() <= LINE_API_CACHE);
        }
        let line = r#"{"api":"v4/sns/friend_add","ResultItem":[{"ResultCode":30010}]}"#;
        let (_, out) = enrich(&mut e, line);
        assert!(out.contains("Your friend list is full."), "{out}");
    }

    #[test]
    fn is_idempotent() {
        let mut e = Enricher::new();
        let (_, once) = enrich(
            &mut e,
            r#"{"ErrorCode":70001,"ResultItem":[{"ResultCode":30010}]}"#,
        );
        let (outcome, twice) = enrich(&mut e, &once);
        assert_eq!(outcome, LineOutcome::Unchanged);
        assert_eq!(once, twice);
    }

    #[test]
    fn the_last_duplicate_key_wins_as_in_serde_json() {
        let mut e = Enricher::new();
        let (outcome, _) = enrich(&mut e, r#"{"ErrorCode":70001,"ErrorCode":0}"#);
        assert_eq!(outcome, LineOutcome::Unchanged);
        let (_, out) = enrich(&mut e, r#"{"ErrorCode":0,"ErrorCode":"70001"}"#);
        assert!(out.contains(r#""code":70001"#), "{out}");
    }

    #[test]
    fn rejects_what_serde_json_rejects() {
        let mut e = Enricher::new();
        for line in [
            r#"{"ErrorCode":1,}"#,
            r#"{"ErrorCode":01}"#,
            r#"{"ErrorCode":1e999}"#,
            r#"{"ErrorCode":1} x"#,
            r#"{"ErrorCode":"\ud800"}"#,
            "{\"ErrorCode\":\"\t\"}",
            r#"{"ErrorCode":1,"a":[1,]}"#,
            r#"{"ErrorCode":tru}"#,
        ] {
            assert!(
                serde_json::from_str::<serde_json::Value>(line).is_err(),
                "{line}"
            );
            assert_eq!(enrich(&mut e, line).0, LineOutcome::NotJson, "{line}");
        }
    }

    #[test]
    fn nesting_limit_matches_serde_json() {
        let mut e = Enricher::new();
        for depth in [MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1] {
            let line = format!(
                "{{\"ErrorCode\":70001,\"x\":{}{}}}",
                "[".repeat(depth - 1),
                "]".repeat(depth - 1)
            );
            let serde_ok = serde_json::from_str::<serde_json::Value>(&line).is_ok();
            let ours = enrich(&mut e, &line).0 != LineOutcome::NotJson;
            assert_eq!(ours, serde_ok, "depth {depth}");
        }
    }
}
