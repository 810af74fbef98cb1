//! Reading TOML with line numbers: the [`Loader`] that collects problems,
//! the [`Doc`] a file is read into, and [`Fields`], typed access to one
//! table that reports missing, mistyped and unknown keys.

use std::fs;
use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::model::{Problem, Source, is_identifier};

pub(crate) struct Loader {
    pub(crate) root: PathBuf,
    pub(crate) problems: Vec<Problem>,
}

/// A parsed TOML document with the text it came from, for line numbers.
pub(crate) struct Doc {
    pub(crate) rel: String,
    pub(crate) text: String,
}

impl Doc {
    pub(crate) fn line(&self, offset: usize) -> usize {
        self.text.as_bytes()[..offset.min(self.text.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    }
}

impl Loader {
    /// A loader for the data directory `root`, with no problems yet.
    pub(crate) fn new(root: &Path) -> Self {
        Loader {
            root: root.to_path_buf(),
            problems: Vec::new(),
        }
    }

    /// The problems found so far, or `Ok(value)` when there are none.
    pub(crate) fn finish<T>(self, value: T) -> Result<T, Vec<Problem>> {
        if self.problems.is_empty() {
            Ok(value)
        } else {
            Err(self.problems)
        }
    }

    pub(crate) fn rel(&self, path: &Path) -> String {
        let base = self.root.parent().unwrap_or(Path::new(""));
        path.strip_prefix(base)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/")
    }

    pub(crate) fn problem(
        &mut self,
        file: &str,
        line: Option<usize>,
        code: Option<String>,
        message: String,
    ) {
        self.problems.push(Problem {
            file: file.to_string(),
            line,
            code,
            message,
        });
    }

    /// The `.toml` files directly inside `dir`, sorted; none when it is absent.
    pub(crate) fn toml_files(&mut self, dir: &Path) -> Vec<PathBuf> {
        let Ok(read) = fs::read_dir(dir) else {
            return Vec::new();
        };
        let mut files: Vec<PathBuf> = read
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "toml"))
            .collect();
        files.sort();
        files
    }

    /// Directories under `data/` that no namespace declares are mistakes:
    /// their files would silently be left out.
    pub(crate) fn read(&mut self, path: &Path) -> Option<Doc> {
        let rel = self.rel(path);
        match fs::read_to_string(path) {
            Ok(text) => Some(Doc { rel, text }),
            Err(e) => {
                self.problem(&rel, None, None, format!("cannot read file: {e}"));
                None
            }
        }
    }

    pub(crate) fn parse<'a>(&mut self, doc: &'a Doc) -> Option<DeTable<'a>> {
        match DeTable::parse(&doc.text) {
            Ok(table) => Some(table.into_inner()),
            Err(e) => {
                let line = e.span().map(|s| doc.line(s.start));
                let message = format!("invalid TOML: {}", e.message().trim());
                self.problem(&doc.rel, line, None, message);
                None
            }
        }
    }
}

pub(crate) fn integer(
    ctx: &mut Loader,
    doc: &Doc,
    at: usize,
    key: &str,
    value: &DeValue<'_>,
    code: Option<String>,
) -> Option<i64> {
    let parsed = match value {
        DeValue::Integer(i) => {
            let digits = i.as_str().replace('_', "");
            let (negative, digits) = match digits.strip_prefix('-') {
                Some(rest) => (true, rest.to_string()),
                None => (false, digits.trim_start_matches('+').to_string()),
            };
            let digits = digits
                .strip_prefix("0x")
                .or_else(|| digits.strip_prefix("0o"))
                .or_else(|| digits.strip_prefix("0b"))
                .unwrap_or(&digits);
            i64::from_str_radix(digits, i.radix())
                .ok()
                .map(|v| if negative { -v } else { v })
        }
        _ => None,
    };
    if parsed.is_none() {
        ctx.problem(
            &doc.rel,
            Some(doc.line(at)),
            code,
            format!(
                "`{key}` must be an integer that fits in i64, found {}",
                value.type_str()
            ),
        );
    }
    parsed
}

/// Typed access to the fields of one table, remembering which were used so
/// that [`Fields::finish`] can report the unknown ones.
pub(crate) struct Fields<'c, 'd, 't> {
    ctx: &'c mut Loader,
    doc: &'d Doc,
    table: &'t DeTable<'d>,
    code: Option<String>,
    line: usize,
    used: Vec<&'static str>,
}

impl<'c, 'd, 't> Fields<'c, 'd, 't> {
    pub(crate) fn new(
        ctx: &'c mut Loader,
        doc: &'d Doc,
        table: &'t DeTable<'d>,
        code: Option<String>,
        span: usize,
    ) -> Self {
        let line = doc.line(span);
        Fields {
            ctx,
            doc,
            table,
            code,
            line,
            used: Vec::new(),
        }
    }

    pub(crate) fn allow(&mut self, keys: &[&'static str]) {
        self.used.extend_from_slice(keys);
    }

    pub(crate) fn report(&mut self, at: Option<usize>, message: String) {
        let line = at.map(|a| self.doc.line(a)).unwrap_or(self.line);
        let (file, code) = (self.doc.rel.clone(), self.code.clone());
        self.ctx.problem(&file, Some(line), code, message);
    }

    pub(crate) fn get(&mut self, key: &'static str) -> Option<&'t Spanned<DeValue<'d>>> {
        self.used.push(key);
        self.table.get(key)
    }

    pub(crate) fn optional_text(&mut self, key: &'static str) -> Option<String> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::String(s) if !s.trim().is_empty() => Some(s.to_string()),
            DeValue::String(_) => {
                self.report(Some(value.span().start), format!("empty {key}"));
                None
            }
            other => {
                let found = other.type_str();
                self.report(
                    Some(value.span().start),
                    format!("`{key}` must be a string, found {found}"),
                );
                None
            }
        }
    }

    pub(crate) fn text(&mut self, key: &'static str) -> Option<String> {
        if self.table.get(key).is_none() {
            self.used.push(key);
            self.report(None, format!("missing field `{key}`"));
            return None;
        }
        self.optional_text(key)
    }

    pub(crate) fn identifier(&mut self, key: &'static str) -> Option<String> {
        let value = self.text(key)?;
        if is_identifier(&value) {
            Some(value)
        } else {
            self.report(
                None,
                format!("`{key}` must be snake_case (a-z, 0-9, _), found {value:?}"),
            );
            None
        }
    }

    pub(crate) fn one_of(&mut self, key: &'static str, allowed: &[&str]) -> Option<String> {
        let value = self.text(key)?;
        if allowed.contains(&value.as_str()) {
            Some(value)
        } else {
            self.report(
                self.table.get(key).map(|v| v.span().start),
                format!(
                    "unknown {key} {value:?}; expected one of {}",
                    allowed.join(", ")
                ),
            );
            None
        }
    }

    pub(crate) fn optional_u32(&mut self, key: &'static str) -> Option<u32> {
        let value = self.get(key)?;
        let at = value.span().start;
        let (doc, code) = (self.doc, self.code.clone());
        let n = integer(self.ctx, doc, at, key, value.get_ref(), code)?;
        match u32::try_from(n) {
            Ok(n) if n > 0 => Some(n),
            _ => {
                self.report(
                    Some(at),
                    format!("`{key}` must be a positive number of milliseconds, found {n}"),
                );
                None
            }
        }
    }

    pub(crate) fn optional_bool(&mut self, key: &'static str) -> bool {
        let Some(value) = self.get(key) else {
            return false;
        };
        match value.get_ref() {
            DeValue::Boolean(b) => *b,
            other => {
                let found = other.type_str();
                self.report(
                    Some(value.span().start),
                    format!("`{key}` must be true or false, found {found}"),
                );
                false
            }
        }
    }

    pub(crate) fn text_list(&mut self, key: &'static str) -> Vec<String> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let items = match value.get_ref() {
            DeValue::Array(items) => items,
            _ => {
                self.report(
                    Some(value.span().start),
                    format!("`{key}` must be an array of strings"),
                );
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) if !s.trim().is_empty() => out.push(s.to_string()),
                _ => self.report(
                    Some(item.span().start),
                    format!("`{key}` must hold non-empty strings"),
                ),
            }
        }
        out
    }

    pub(crate) fn optional_source(&mut self, key: &'static str) -> Option<Source> {
        let value = self.get(key)?;
        let at = value.span().start;
        let DeValue::Table(t) = value.get_ref() else {
            self.report(
                Some(at),
                format!("`{key}` must be a table {{ document, section }}"),
            );
            return None;
        };
        let (doc, code) = (self.doc, self.code.clone());
        let mut f = Fields::new(self.ctx, doc, t, code, at);
        let document = f.text("document");
        let section = f.text("section");
        f.finish();
        Some(Source {
            document: document?,
            section: section?,
        })
    }

    pub(crate) fn source(&mut self, key: &'static str) -> Option<Source> {
        if self.table.get(key).is_none() {
            self.used.push(key);
            self.report(None, format!("missing field `{key}`"));
            return None;
        }
        self.optional_source(key)
    }

    /// The array of tables under `key`, each with the offset where it starts.
    pub(crate) fn tables(&mut self, key: &'static str) -> Vec<(usize, &'t DeTable<'d>)> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        match value.get_ref() {
            DeValue::Array(items) => items
                .iter()
                .filter_map(|i| match i.get_ref() {
                    DeValue::Table(t) => Some((i.span().start, t)),
                    _ => None,
                })
                .collect(),
            _ => {
                self.report(
                    Some(value.span().start),
                    format!("`{key}` must be an array of tables ([[{key}]])"),
                );
                Vec::new()
            }
        }
    }

    /// Reports every key of the table that no accessor asked for.
    pub(crate) fn finish(self) {
        let mut unknown: Vec<(usize, String)> = self
            .table
            .iter()
            .filter(|(k, _)| !self.used.contains(&k.get_ref().as_ref()))
            .map(|(k, _)| (k.span().start, k.get_ref().to_string()))
            .collect();
        unknown.sort();
        for (at, key) in unknown {
            let line = self.doc.line(at);
            self.ctx.problem(
                &self.doc.rel,
                Some(line),
                self.code.clone(),
                format!("unknown field `{key}`"),
            );
        }
    }
}
