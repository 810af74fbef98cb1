//! Loading and validating `data/<vendor>/responses.toml`: where each REST API
//! reports per-item outcomes (see the comment at the top of that file).
//!
//! Like `catalog.rs`, nothing here panics on bad data: every mistake becomes a
//! [`Problem`] with the file and line, and all of them are reported at once.

use std::collections::BTreeMap;
use std::path::Path;

use toml::de::{DeTable, DeValue};

use crate::catalog::{Catalog, Doc, Fields, Loader, Problem, integer};

/// What tells that one element of an item array failed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// A member holding a code; 0 is success.
    Code(String),
    /// A member holding a status; the listed values mean the item failed.
    Status(String, Vec<i64>),
}

/// An array of per-item results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemArray {
    /// Where the array is: `A`, `A.B`, `A[].B`.
    pub array: String,
    pub outcome: Outcome,
    pub message: Option<String>,
    /// The member naming the item: `To_Account` or `ContactItem.To_Account`.
    pub item: String,
}

/// A list of strings naming failed items (`Fail_Account`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailList {
    pub array: String,
    pub item: String,
}

/// A top-level member saying the message was dropped (`MsgDropReason`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    pub field: String,
    pub item: String,
}

/// The per-item outcome places of one REST API.
#[derive(Debug, Clone, Default)]
pub struct ApiShape {
    pub path: String,
    pub page: String,
    pub items: Vec<ItemArray>,
    pub fail_lists: Vec<FailList>,
    pub dropped: Vec<Dropped>,
}

/// Everything in one vendor's `responses.toml`.
#[derive(Debug, Clone, Default)]
pub struct Responses {
    /// Every documented REST API, sorted: those with shapes and `apis`.
    pub known_apis: Vec<String>,
    /// The APIs with per-item outcomes, sorted by path.
    pub shapes: Vec<ApiShape>,
    /// Old names of documented APIs (`[renamed]`): (old path, current path),
    /// sorted by the old path.
    pub renamed: Vec<(String, String)>,
    /// Where the pages are: repository, folder and commit.
    pub repository: String,
    pub folder: String,
    pub commit: String,
}

/// Loads `data/tencent/responses.toml`. Every API of a per-API wording table
/// in `catalog` must be a known API.
pub fn load(data_dir: &Path, catalog: &Catalog) -> Result<Responses, Vec<Problem>> {
    let mut ctx = Loader::new(data_dir);
    let path = data_dir.join("tencent").join("responses.toml");
    let mut out = Responses::default();
    let Some(doc) = ctx.read(&path) else {
        return ctx.finish(out);
    };
    let Some(table) = ctx.parse(&doc) else {
        return ctx.finish(out);
    };
    let mut f = Fields::new(&mut ctx, &doc, &table, None, 0);
    let repository = f.text("repository");
    let folder = f.text("folder");
    let commit = f.text("commit");
    f.allow(&["read"]);
    let plain = f.get("apis").map(|v| (v.span().start, v.get_ref()));
    let renamed = f.get("renamed").map(|v| (v.span().start, v.get_ref()));
    let api_tables = f.tables("api");
    f.finish();
    let plain = plain.map_or_else(Vec::new, |(at, v)| spanned_strings(&mut ctx, &doc, at, v));
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut note = |ctx: &mut Loader, path: &str, line: usize| {
        if !is_api_path(path) {
            ctx.problem(
                &doc.rel,
                Some(line),
                None,
                format!("API {path:?} is not of the form v4/<service>/<command>"),
            );
        }
        if let Some(first) = seen.insert(path.to_string(), line) {
            ctx.problem(
                &doc.rel,
                Some(line),
                None,
                format!("API {path} is listed twice (first at line {first})"),
            );
        }
    };
    for (line, path) in &plain {
        note(&mut ctx, path, *line);
    }
    for (span, t) in api_tables {
        let line = doc.line(span);
        if let Some(shape) = load_api(&mut ctx, &doc, t, span) {
            note(&mut ctx, &shape.path, line);
            out.shapes.push(shape);
        }
    }
    for api in &catalog.apis {
        if !seen.contains_key(&api.api) {
            ctx.problem(
                &api.file,
                None,
                None,
                format!(
                    "API {} has a wording table but is not listed in {}",
                    api.api, doc.rel
                ),
            );
        }
    }
    out.shapes.sort_by(|a, b| a.path.cmp(&b.path));
    if let Some((at, value)) = renamed {
        let line = doc.line(at);
        let mut problem = |message: String| ctx.problem(&doc.rel, Some(line), None, message);
        let DeValue::Table(t) = value else {
            let found = value.type_str();
            problem(format!(
                "`renamed` must be a table of old = current API names, found {found}"
            ));
            return ctx.finish(out);
        };
        for (old, new) in t {
            let old = old.get_ref().to_string();
            let DeValue::String(new) = new.get_ref() else {
                problem(format!("renamed {old}: the current name must be a string"));
                continue;
            };
            if !is_api_path(&old) || seen.contains_key(&old) {
                problem(format!(
                    "renamed {old:?}: an old name must be a v4/<service>/<command> path that is not a current API"
                ));
            }
            if !seen.contains_key(&**new) {
                problem(format!("renamed {old}: {new:?} is not a listed API"));
            }
            out.renamed.push((old, new.to_string()));
        }
        out.renamed.sort();
    }
    out.known_apis = seen.into_keys().collect();
    out.repository = repository.unwrap_or_default();
    out.folder = folder.unwrap_or_default();
    out.commit = commit.unwrap_or_default();
    ctx.finish(out)
}

fn load_api(ctx: &mut Loader, doc: &Doc, t: &DeTable<'_>, span: usize) -> Option<ApiShape> {
    let mut f = Fields::new(ctx, doc, t, None, span);
    let path = f.text("path");
    let page = f.text("page");
    let items = f.tables("items");
    let fail_lists = f.tables("fail_list");
    let dropped = f.tables("dropped");
    f.finish();
    let mut shape = ApiShape {
        path: path?,
        page: page?,
        ..ApiShape::default()
    };
    for (at, t) in items {
        let mut f = Fields::new(ctx, doc, t, None, at);
        let array = f.text("array");
        let code = f.optional_text("code");
        let status = f.optional_text("status");
        let failed = f.get("failed").map(|v| (v.span().start, v.get_ref()));
        let message = f.optional_text("message");
        let item = f.text("item");
        f.finish();
        let failed = failed.map(|(at, v)| integers(ctx, doc, at, v));
        let outcome = match (code, status, failed) {
            (Some(code), None, None) => Outcome::Code(code),
            (None, Some(status), Some(failed)) if !failed.is_empty() => {
                Outcome::Status(status, failed)
            }
            _ => {
                ctx.problem(
                    &doc.rel,
                    Some(doc.line(at)),
                    None,
                    "an item array needs either `code`, or `status` with a non-empty `failed`"
                        .into(),
                );
                continue;
            }
        };
        let (Some(array), Some(item)) = (array, item) else {
            continue;
        };
        check_path(ctx, doc, at, "array", &array, true);
        check_path(ctx, doc, at, "item", &item, false);
        shape.items.push(ItemArray {
            array,
            outcome,
            message,
            item,
        });
    }
    for (at, t) in fail_lists {
        if let Some((array, item)) = pair(ctx, doc, t, at, "array", "item") {
            check_path(ctx, doc, at, "array", &array, true);
            shape.fail_lists.push(FailList { array, item });
        }
    }
    for (at, t) in dropped {
        if let Some((field, item)) = pair(ctx, doc, t, at, "field", "item") {
            check_path(ctx, doc, at, "field", &field, false);
            shape.dropped.push(Dropped { field, item });
        }
    }
    if shape.items.is_empty() && shape.fail_lists.is_empty() && shape.dropped.is_empty() {
        ctx.problem(
            &doc.rel,
            Some(doc.line(span)),
            None,
            format!(
                "API {} has no items, fail_list or dropped; list it in `apis` instead",
                shape.path
            ),
        );
    }
    Some(shape)
}

/// The strings of an array, each with its line.
fn spanned_strings(
    ctx: &mut Loader,
    doc: &Doc,
    at: usize,
    value: &DeValue<'_>,
) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    match value {
        DeValue::Array(items) => {
            for item in items.iter() {
                let line = doc.line(item.span().start);
                match item.get_ref() {
                    DeValue::String(s) => out.push((line, s.to_string())),
                    other => ctx.problem(
                        &doc.rel,
                        Some(line),
                        None,
                        format!("`apis` must hold strings, found {}", other.type_str()),
                    ),
                }
            }
        }
        other => ctx.problem(
            &doc.rel,
            Some(doc.line(at)),
            None,
            format!(
                "`apis` must be an array of strings, found {}",
                other.type_str()
            ),
        ),
    }
    out
}

/// A table of exactly two required strings, `first` and `second`.
fn pair(
    ctx: &mut Loader,
    doc: &Doc,
    t: &DeTable<'_>,
    at: usize,
    first: &'static str,
    second: &'static str,
) -> Option<(String, String)> {
    let mut f = Fields::new(ctx, doc, t, None, at);
    let a = f.text(first);
    let b = f.text(second);
    f.finish();
    Some((a?, b?))
}

fn integers(ctx: &mut Loader, doc: &Doc, at: usize, value: &DeValue<'_>) -> Vec<i64> {
    match value {
        DeValue::Array(items) => items
            .iter()
            .filter_map(|i| integer(ctx, doc, i.span().start, "failed", i.get_ref(), None))
            .collect(),
        other => {
            let found = other.type_str();
            ctx.problem(
                &doc.rel,
                Some(doc.line(at)),
                None,
                format!("`failed` must be an array of integers, found {found}"),
            );
            Vec::new()
        }
    }
}

/// `v4/<service>/<command>`, each part of ASCII letters, digits and `_`.
pub fn is_api_path(path: &str) -> bool {
    let parts: Vec<&str> = path.split('/').collect();
    parts.len() == 3
        && parts[0] == "v4"
        && parts[1..]
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
}

/// The segments of a member path: `A[].B` is `["A", "[]", "B"]`. An item
/// path (`arrays` false) may not go through arrays.
pub fn segments(path: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for part in path.split('.') {
        match part.strip_suffix("[]") {
            Some(name) => {
                out.push(name);
                out.push("[]");
            }
            None => out.push(part),
        }
    }
    out
}

fn check_path(ctx: &mut Loader, doc: &Doc, at: usize, key: &str, path: &str, arrays: bool) {
    let segments = segments(path);
    let bad_name = |s: &&str| {
        *s != "[]" && (s.is_empty() || !s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
    };
    let problem = if segments.iter().any(bad_name) {
        Some("names of ASCII letters, digits and `_`, joined by `.`")
    } else if segments.last() == Some(&"[]") {
        Some("a path that ends in a member, not in `[]`")
    } else if !arrays && segments.contains(&"[]") {
        Some("a path through objects only, without `[]`")
    } else {
        None
    };
    if let Some(expected) = problem {
        ctx.problem(
            &doc.rel,
            Some(doc.line(at)),
            None,
            format!("`{key}` {path:?} must be {expected}"),
        );
    }
}
