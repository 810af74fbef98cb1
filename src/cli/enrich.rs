//! `chatcodes enrich`: a streaming NDJSON filter that explains code fields.
//!
//! One output line per input line, in order. A line is rewritten only when it
//! is a JSON object with a non-zero code to explain; every other line
//! (not JSON, not UTF-8, nothing to explain) is copied byte for byte. Memory
//! holds one line at a time.

use std::io::{self, BufRead, Write};

use chatcodes::{Explanation, Namespace, code_from_json, explain_for_api, explain_in};
use memchr::memmem::Finder;
use serde_json::{Map, Value};

/// The fields explained by default, wherever they occur in a record:
/// `ErrorCode` (top level, nested envelopes, `ErrorList[]`) and `ResultCode`
/// (`ResultItem[]`).
const DEFAULT_FIELDS: &[&str] = &["ErrorCode", "ResultCode"];

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Another field to explain, as a path: `code`, `data.code`, `items[].status`.
    /// Repeatable. The default fields (ErrorCode, ResultCode anywhere) stay on.
    #[arg(long = "field", value_name = "PATH")]
    fields: Vec<String>,
    /// How a bare number is read (default: tencent_server, the REST codes).
    #[arg(long, short)]
    namespace: Option<Namespace>,
    /// The REST API the log lines come from, for its own wording (e.g. v4/sns/friend_add).
    #[arg(long)]
    api: Option<String>,
}

#[derive(Debug, Default)]
pub struct Summary {
    pub lines: u64,
    pub enriched: u64,
    pub unknown_codes: u64,
    pub not_json: u64,
}

/// A compiled `--field` path: object keys, with `[]` for "each array element".
#[derive(Debug, Clone)]
struct FieldPath {
    steps: Vec<Step>,
    key: String,
}

#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Each,
}

impl FieldPath {
    fn parse(path: &str) -> Result<Self, String> {
        let mut steps = Vec::new();
        for part in path.split('.') {
            let (name, each) = match part.strip_suffix("[]") {
                Some(name) => (name, true),
                None => (part, false),
            };
            if name.is_empty() || name.contains(['[', ']']) {
                return Err(format!(
                    "invalid field path {path:?}: use keys separated by dots, `[]` after an array"
                ));
            }
            steps.push(Step::Key(name.to_string()));
            if each {
                steps.push(Step::Each);
            }
        }
        match steps.pop() {
            Some(Step::Key(key)) => Ok(FieldPath { steps, key }),
            _ => Err(format!(
                "invalid field path {path:?}: it must end with a key"
            )),
        }
    }
}

/// Everything needed to process lines, built once.
pub struct Enricher {
    paths: Vec<FieldPath>,
    finders: Vec<Finder<'static>>,
    namespace: Namespace,
    api: Option<String>,
}

impl Enricher {
    pub fn new(args: &Args) -> Result<Self, String> {
        let paths = args
            .fields
            .iter()
            .map(|p| FieldPath::parse(p))
            .collect::<Result<Vec<_>, _>>()?;
        let keys = DEFAULT_FIELDS
            .iter()
            .map(|k| k.to_string())
            .chain(paths.iter().map(|p| p.key.clone()));
        let finders = keys
            .map(|k| Finder::new(format!("\"{k}\"").as_bytes()).into_owned())
            .collect();
        Ok(Enricher {
            paths,
            finders,
            namespace: args.namespace.unwrap_or(Namespace::TencentServer),
            api: args.api.clone(),
        })
    }

    fn explain(&self, code: i64) -> Option<&'static Explanation> {
        match &self.api {
            Some(api) => explain_for_api(api, code),
            None => explain_in(self.namespace, code),
        }
    }

    /// Whether some code field in the raw line may hold a non-zero value. A
    /// `"Key": 0` is skipped without parsing; anything else needs a parse.
    fn may_need_work(&self, line: &[u8]) -> bool {
        self.finders.iter().any(|finder| {
            finder.find_iter(line).any(|at| {
                let rest = &line[at + finder.needle().len()..];
                let rest = trim_start(rest);
                let Some(rest) = rest.strip_prefix(b":") else {
                    return true;
                };
                !is_literal_zero(trim_start(rest))
            })
        })
    }

    fn explained(&self, code: &Value, summary: &mut Summary) -> Option<Value> {
        let code = code_from_json(code)?;
        if code == 0 {
            return None;
        }
        let mut record = Map::new();
        record.insert("code".into(), code.into());
        match self.explain(code) {
            Some(e) => {
                record.insert("namespace".into(), e.namespace().to_string().into());
                record.insert("category".into(), e.category().to_string().into());
                record.insert("name".into(), e.name().into());
                record.insert("description".into(), e.description().into());
                record.insert("retryability".into(), e.retryability().to_string().into());
                if let Some(ms) = e.retry_after_ms() {
                    record.insert("retry_after_ms".into(), ms.into());
                }
                record.insert("remedy".into(), e.remedy().into());
            }
            None => {
                summary.unknown_codes += 1;
                record.insert("unknown".into(), true.into());
            }
        }
        Some(Value::Object(record))
    }

    /// Explains `key` in `object` if it holds a non-zero code; true when it did.
    fn explain_field(
        &self,
        object: &mut Map<String, Value>,
        key: &str,
        summary: &mut Summary,
    ) -> bool {
        let Some(explained) = object.get(key).and_then(|v| self.explained(v, summary)) else {
            return false;
        };
        object.insert(format!("{key}_explained"), explained);
        true
    }

    /// The default fields, in every object of the record.
    fn walk(&self, value: &mut Value, summary: &mut Summary) -> bool {
        let mut changed = false;
        match value {
            Value::Object(object) => {
                for key in DEFAULT_FIELDS {
                    changed |= self.explain_field(object, key, summary);
                }
                for (key, child) in object.iter_mut() {
                    if !key.ends_with("_explained") {
                        changed |= self.walk(child, summary);
                    }
                }
            }
            Value::Array(items) => {
                for item in items {
                    changed |= self.walk(item, summary);
                }
            }
            _ => {}
        }
        changed
    }

    fn follow(&self, value: &mut Value, steps: &[Step], key: &str, summary: &mut Summary) -> bool {
        match (steps.first(), value) {
            (None, Value::Object(object)) => self.explain_field(object, key, summary),
            (Some(Step::Key(k)), Value::Object(object)) => match object.get_mut(k) {
                Some(child) => self.follow(child, &steps[1..], key, summary),
                None => false,
            },
            (Some(Step::Each), Value::Array(items)) => {
                let mut changed = false;
                for item in items {
                    changed |= self.follow(item, &steps[1..], key, summary);
                }
                changed
            }
            _ => false,
        }
    }

    /// Processes one line (without its line ending) into `out`.
    pub fn line(&self, line: &[u8], out: &mut impl Write, summary: &mut Summary) -> io::Result<()> {
        summary.lines += 1;
        let start = trim_start(line);
        if !start.starts_with(b"{") {
            summary.not_json += 1;
            return out.write_all(line);
        }
        if !self.may_need_work(line) {
            return out.write_all(line);
        }
        let Ok(mut value) = serde_json::from_slice::<Value>(line) else {
            summary.not_json += 1;
            return out.write_all(line);
        };
        let mut changed = self.walk(&mut value, summary);
        for path in &self.paths {
            changed |= self.follow(&mut value, &path.steps, &path.key, summary);
        }
        if changed {
            summary.enriched += 1;
            serde_json::to_writer(&mut *out, &value).map_err(io::Error::from)
        } else {
            out.write_all(line)
        }
    }
}

/// Whether a JSON value starts with the number 0 and nothing more (not `0.5`, `05`).
fn is_literal_zero(value: &[u8]) -> bool {
    match value {
        [b'0', next, ..] => {
            !(next.is_ascii_digit() || *next == b'.' || *next == b'e' || *next == b'E')
        }
        [b'0'] => true,
        _ => false,
    }
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let skip = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &bytes[skip..]
}

/// Streams `input` to `output`, one line at a time.
pub fn stream(enricher: &Enricher, input: impl BufRead, output: impl Write) -> io::Result<Summary> {
    let mut input = input;
    let mut out = io::BufWriter::with_capacity(1 << 16, output);
    let mut summary = Summary::default();
    let mut buffer = Vec::with_capacity(1 << 16);
    loop {
        buffer.clear();
        if input.read_until(b'\n', &mut buffer)? == 0 {
            break;
        }
        let (body, ending): (&[u8], &[u8]) = match buffer.strip_suffix(b"\r\n") {
            Some(body) => (body, b"\r\n"),
            None => match buffer.strip_suffix(b"\n") {
                Some(body) => (body, b"\n"),
                None => (&buffer, b""),
            },
        };
        enricher.line(body, &mut out, &mut summary)?;
        out.write_all(ending)?;
    }
    out.flush()?;
    Ok(summary)
}

pub fn run(args: &Args) -> io::Result<()> {
    let enricher =
        Enricher::new(args).map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
    let summary = stream(&enricher, io::stdin().lock(), io::stdout().lock())?;
    eprintln!(
        "chatcodes enrich: {} lines, {} enriched, {} unknown codes, {} passed through as not JSON",
        summary.lines, summary.enriched, summary.unknown_codes, summary.not_json
    );
    Ok(())
}
