//! Loading the files of codes in `data/`: the category files and the
//! per-API tables, with the checks that belong to one entry.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use toml::de::{DeTable, DeValue};

use crate::fields::{Doc, Fields, Loader, integer};
use crate::model::{
    ApiRow, CategoryDef, Chinese, Codes, Entry, OwnRows, RetryClass, is_identifier,
};

impl Loader {
    pub(crate) fn load_category(
        &mut self,
        path: &Path,
        namespace: usize,
        classes: &[RetryClass],
        categories: &mut Vec<CategoryDef>,
        entries: &mut Vec<Entry>,
    ) {
        let class_ids: Vec<&str> = classes.iter().map(|c| c.id.as_str()).collect();
        let delayed: Vec<&str> = classes
            .iter()
            .filter(|c| c.delays)
            .map(|c| c.id.as_str())
            .collect();
        let Some(doc) = self.read(path) else { return };
        let category_id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !is_identifier(&category_id) {
            self.problem(
                &doc.rel,
                None,
                None,
                "file name must be a snake_case category name (a-z, 0-9, _)".into(),
            );
            return;
        }
        let Some(table) = self.parse(&doc) else {
            return;
        };
        let mut f = Fields::new(self, &doc, &table, None, 0);
        let title = f.text("title");
        let title_zh = f.optional_text("title_zh");
        let source = f.source("source");
        let entry_tables = f.tables("entry");
        f.finish();
        let Some(title) = title else { return };
        if title_zh.is_none() {
            self.problem(
                &doc.rel,
                None,
                None,
                "no Chinese title: add `title_zh`".into(),
            );
        }
        let category = match categories.iter().position(|c| c.id == category_id) {
            Some(i) => {
                if categories[i].title != title {
                    let other = categories[i].title.clone();
                    self.problem(
                        &doc.rel,
                        None,
                        None,
                        format!(
                            "category {category_id} is titled {other:?} elsewhere, {title:?} here"
                        ),
                    );
                }
                i
            }
            None => {
                categories.push(CategoryDef {
                    id: category_id,
                    title,
                    title_zh,
                });
                categories.len() - 1
            }
        };
        if entry_tables.is_empty() {
            self.problem(&doc.rel, None, None, "no [[entry]] tables".into());
        }
        for (span, t) in entry_tables {
            let line = doc.line(span);
            let codes = entry_codes(self, &doc, t, span);
            let mut f = Fields::new(self, &doc, t, codes.map(|c| c.to_string()), span);
            f.allow(&["code", "range"]);
            let name = f.optional_text("name");
            let aliases = f.text_list("aliases");
            let retired = f.optional_bool("retired");
            let description = f.text("description");
            let retryability = f.one_of("retryability", &class_ids);
            let retry_after_ms = f.optional_u32("retry_after_ms");
            let by_operation = f
                .get("retry_after_ms_by_operation")
                .map(|v| (v.span().start, v.get_ref()));
            let remedy = f.text("remedy");
            let note = f.optional_text("note");
            let zh = Chinese {
                description: f.optional_text("description_zh"),
                remedy: f.optional_text("remedy_zh"),
                causes: f.text_list("causes_zh"),
                note: f.optional_text("note_zh"),
            };
            let causes = f.text_list("causes");
            let hint_tables = f.tables("cause_hints");
            let causes_source = f.optional_source("causes_source");
            let own_source = f.optional_source("source");
            f.finish();
            let cause_hints = cause_hints(self, &doc, hint_tables, codes, causes.len());
            let retry_after_by_operation = match by_operation {
                Some((at, value)) => operation_delays(self, &doc, at, value, codes, retry_after_ms),
                None => Vec::new(),
            };
            let (Some(codes), Some(description), Some(retryability), Some(remedy)) =
                (codes, description, retryability, remedy)
            else {
                continue;
            };
            let Some(source) = own_source.or_else(|| source.clone()) else {
                continue;
            };
            let code = Some(codes.to_string());
            if (retry_after_ms.is_some() || !retry_after_by_operation.is_empty())
                && !delayed.contains(&retryability.as_str())
            {
                self.problem(
                    &doc.rel,
                    Some(line),
                    code.clone(),
                    format!(
                        "retry_after_ms is only for {} entries, this one is {retryability}",
                        delayed.join(" or ")
                    ),
                );
            }
            if !zh.causes.is_empty() && zh.causes.len() != causes.len() {
                self.problem(
                    &doc.rel,
                    Some(line),
                    code.clone(),
                    format!(
                        "causes_zh has {} causes, causes has {}",
                        zh.causes.len(),
                        causes.len()
                    ),
                );
            }
            if zh.note.is_some() && note.is_none() {
                self.problem(
                    &doc.rel,
                    Some(line),
                    code.clone(),
                    "note_zh without a note".into(),
                );
            }
            if !causes.is_empty() && causes_source.is_none() {
                self.problem(
                    &doc.rel,
                    Some(line),
                    code.clone(),
                    "causes need a causes_source".into(),
                );
            }
            if causes.is_empty() && causes_source.is_some() {
                self.problem(
                    &doc.rel,
                    Some(line),
                    code.clone(),
                    "causes_source without causes".into(),
                );
            }
            if normalize(&remedy) == normalize(&description) {
                self.problem(
                    &doc.rel,
                    Some(line),
                    code.clone(),
                    "remedy repeats the description; say what to do instead".into(),
                );
            }
            // Every entry in both languages.
            let missing = [
                ("description_zh", zh.description.is_none()),
                ("remedy_zh", zh.remedy.is_none()),
                ("causes_zh", !causes.is_empty() && zh.causes.is_empty()),
                ("note_zh", note.is_some() && zh.note.is_none()),
            ];
            for (field, _) in missing.iter().filter(|(_, m)| *m) {
                self.problem(
                    &doc.rel,
                    Some(line),
                    code.clone(),
                    format!("no Chinese text: add `{field}`"),
                );
            }
            entries.push(Entry {
                file: doc.rel.clone(),
                line,
                namespace,
                category,
                codes,
                name,
                aliases,
                retired,
                description,
                retryability,
                retry_after_ms,
                retry_after_by_operation,
                remedy,
                note,
                zh,
                causes,
                cause_hints,
                causes_source,
                source,
            });
        }
    }

    pub(crate) fn load_api(
        &mut self,
        path: &Path,
        namespace: usize,
        entries: &[Entry],
    ) -> Option<OwnRows> {
        let doc = self.read(path)?;
        let table = self.parse(&doc)?;
        let mut f = Fields::new(self, &doc, &table, None, 0);
        let api = f.text("api");
        let source = f.source("source");
        let row_tables = f.tables("entry");
        f.finish();
        let mut rows = Vec::new();
        let mut seen: HashMap<i64, usize> = HashMap::new();
        for (span, t) in row_tables {
            let line = doc.line(span);
            let code = match t.get("code").map(|v| (v.span().start, v.get_ref())) {
                Some((at, value)) => integer(self, &doc, at, "code", value, None),
                None => {
                    self.problem(&doc.rel, Some(line), None, "missing field `code`".into());
                    None
                }
            };
            let mut f = Fields::new(self, &doc, t, code.map(|c| c.to_string()), span);
            f.allow(&["code"]);
            let description = f.optional_text("description");
            let description_zh = f.optional_text("description_zh");
            let already_done = f.optional_text("already_done");
            let already_done_zh = f.optional_text("already_done_zh");
            f.finish();
            let Some(code) = code else {
                continue;
            };
            if let Some(first) = seen.insert(code, line) {
                self.problem(
                    &doc.rel,
                    Some(line),
                    Some(code.to_string()),
                    format!("duplicate code in this API table (first at line {first})"),
                );
                continue;
            }
            let base = entries
                .iter()
                .position(|e| e.namespace == namespace && e.codes == Codes::Exact(code));
            match base {
                Some(base) => rows.push(ApiRow {
                    code,
                    description,
                    description_zh,
                    already_done,
                    already_done_zh,
                    base,
                }),
                None => self.problem(
                    &doc.rel,
                    Some(line),
                    Some(code.to_string()),
                    "API row for a code that its namespace does not have".into(),
                ),
            }
        }
        Some(OwnRows {
            file: doc.rel,
            api: api?,
            namespace,
            source: source?,
            rows,
        })
    }
}

/// Reads `code` or `range` of an entry: exactly one of them must be there.
pub(crate) fn entry_codes(
    ctx: &mut Loader,
    doc: &Doc,
    t: &DeTable<'_>,
    span: usize,
) -> Option<Codes> {
    let line = doc.line(span);
    match (t.get("code"), t.get("range")) {
        (Some(v), None) => {
            integer(ctx, doc, v.span().start, "code", v.get_ref(), None).map(Codes::Exact)
        }
        (None, Some(v)) => {
            let at = doc.line(v.span().start);
            let bounds: Vec<Option<i64>> = match v.get_ref() {
                DeValue::Array(items) => items
                    .iter()
                    .map(|i| integer(ctx, doc, i.span().start, "range", i.get_ref(), None))
                    .collect(),
                _ => Vec::new(),
            };
            match bounds.as_slice() {
                [Some(a), Some(b)] if a < b => Some(Codes::Range(*a, *b)),
                [Some(a), Some(b)] => {
                    ctx.problem(
                        &doc.rel,
                        Some(at),
                        Some(format!("{a}-{b}")),
                        "range must be [first, last] with first < last".into(),
                    );
                    None
                }
                _ => {
                    ctx.problem(
                        &doc.rel,
                        Some(at),
                        None,
                        "range must be an array of two integers".into(),
                    );
                    None
                }
            }
        }
        (Some(_), Some(_)) => {
            ctx.problem(
                &doc.rel,
                Some(line),
                None,
                "entry has both `code` and `range`".into(),
            );
            None
        }
        (None, None) => {
            ctx.problem(
                &doc.rel,
                Some(line),
                None,
                "entry has neither `code` nor `range`".into(),
            );
            None
        }
    }
}

/// The operation kinds a delay may differ by, as `Operation`'s names.
pub const OPERATIONS: &[&str] = &["read", "write"];

/// `retry_after_ms_by_operation = { read = 250, write = 200 }`: known
/// operations, positive delays, and a `retry_after_ms` equal to the longest
/// (the delay for a caller that does not know the operation).
pub(crate) fn operation_delays(
    ctx: &mut Loader,
    doc: &Doc,
    at: usize,
    value: &DeValue<'_>,
    codes: Option<Codes>,
    overall: Option<u32>,
) -> Vec<(String, u32)> {
    let code = codes.map(|c| c.to_string());
    let line = Some(doc.line(at));
    let DeValue::Table(t) = value else {
        ctx.problem(
            &doc.rel,
            line,
            code,
            "`retry_after_ms_by_operation` must be a table { read = ms, write = ms }".into(),
        );
        return Vec::new();
    };
    let mut delays = Vec::new();
    for (key, v) in t.iter() {
        let name = key.get_ref().to_string();
        let ms = integer(ctx, doc, v.span().start, &name, v.get_ref(), code.clone());
        match (
            OPERATIONS.contains(&name.as_str()),
            ms.and_then(|ms| u32::try_from(ms).ok()),
        ) {
            (true, Some(ms)) if ms > 0 => delays.push((name, ms)),
            (false, _) => ctx.problem(
                &doc.rel,
                line,
                code.clone(),
                format!(
                    "unknown operation {name:?} in retry_after_ms_by_operation; expected one of {}",
                    OPERATIONS.join(", ")
                ),
            ),
            _ => ctx.problem(
                &doc.rel,
                line,
                code.clone(),
                format!("the {name} delay must be a positive number of milliseconds"),
            ),
        }
    }
    let longest = delays.iter().map(|&(_, ms)| ms).max();
    if longest.is_some() && overall != longest {
        ctx.problem(
            &doc.rel,
            line,
            code,
            format!(
                "retry_after_ms must be the longest per-operation delay ({} ms)",
                longest.unwrap_or_default()
            ),
        );
    }
    delays
}

/// `cause_hints = [{ cause = 2, info = ["FriendAdd", "Exist"] }]`: the cause
/// must exist, and the markers must be non-empty.
pub(crate) fn cause_hints(
    ctx: &mut Loader,
    doc: &Doc,
    tables: Vec<(usize, &DeTable<'_>)>,
    codes: Option<Codes>,
    causes: usize,
) -> Vec<(usize, Vec<String>)> {
    let mut hints = Vec::new();
    for (at, t) in tables {
        let code = codes.map(|c| c.to_string());
        let mut f = Fields::new(ctx, doc, t, code.clone(), at);
        let cause = f.get("cause").map(|v| (v.span().start, v.get_ref()));
        let info = f.text_list("info");
        f.finish();
        let cause = cause.and_then(|(at, v)| integer(ctx, doc, at, "cause", v, code.clone()));
        match cause.and_then(|c| usize::try_from(c).ok()) {
            Some(c) if (1..=causes).contains(&c) && !info.is_empty() => hints.push((c, info)),
            _ => ctx.problem(
                &doc.rel,
                Some(doc.line(at)),
                code,
                format!("a cause hint needs `cause` (1 to {causes}, the number of causes) and a non-empty `info`"),
            ),
        }
    }
    hints
}

pub(crate) fn normalize(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

pub(crate) fn sorted_dirs(dir: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(dir)
        .map(|r| {
            r.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    dirs
}

pub(crate) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}
