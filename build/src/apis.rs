//! Every REST API as one [`Api`]: the list in `data/tencent/responses.toml`
//! (where each API reports per-item outcomes, and the names older pages give
//! it; see the comment at the top of that file), with the API's own rows from
//! `data/<vendor>/<domain>/api/*.toml` attached.
//!
//! Nothing here panics on bad data: every mistake becomes a [`Problem`] with
//! the file and line, and all of them are reported at once.

use std::collections::BTreeMap;
use std::path::Path;

use toml::de::{DeTable, DeValue};

use crate::fields::{Doc, Fields, Loader, integer};
use crate::model::{
    Api, ApiShape, Dropped, FailList, ItemArray, NamespaceDef, Outcome, OwnRows, Pages, Repeat,
};

/// The namespace of the REST APIs `responses.toml` lists.
const REST_NAMESPACE: &str = "tencent_server";

/// Reads `data/tencent/responses.toml` (when there is one) and joins it with
/// the APIs' own rows: one [`Api`] per REST API, sorted by path. Every API
/// with rows of its own must be listed there when the file exists.
pub(crate) fn load(
    ctx: &mut Loader,
    data_dir: &Path,
    namespaces: &[NamespaceDef],
    own: Vec<OwnRows>,
) -> (Vec<Api>, Pages) {
    let mut apis: BTreeMap<String, Api> = BTreeMap::new();
    let mut pages = Pages::default();
    let path = data_dir.join("tencent").join("responses.toml");
    let doc = if path.exists() { ctx.read(&path) } else { None };
    let listed = doc.is_some();
    if let Some(doc) = &doc
        && let Some(table) = ctx.parse(doc)
    {
        let rest = namespaces.iter().position(|n| n.id() == REST_NAMESPACE);
        if rest.is_none() {
            ctx.problem(
                &doc.rel,
                None,
                None,
                format!("the REST APIs need the namespace {REST_NAMESPACE}"),
            );
        }
        pages = read_listing(ctx, doc, &table, rest.unwrap_or(0), &mut apis);
    }
    for rows in own {
        match apis.get_mut(&rows.api) {
            Some(api) => {
                if let Some(first) = &api.own {
                    ctx.problem(
                        &rows.file,
                        None,
                        None,
                        format!("API {} already has a table in {}", rows.api, first.file),
                    );
                    continue;
                }
                api.namespace = rows.namespace;
                api.own = Some(rows);
            }
            None if listed => ctx.problem(
                &rows.file,
                None,
                None,
                format!(
                    "API {} has a wording table but is not listed in data/tencent/responses.toml",
                    rows.api
                ),
            ),
            None => {
                let api = Api {
                    path: rows.api.clone(),
                    namespace: rows.namespace,
                    listed: None,
                    own: Some(rows),
                    shape: None,
                    renamed_from: Vec::new(),
                    repeat: Repeat::Safe,
                };
                apis.insert(api.path.clone(), api);
            }
        }
    }
    (apis.into_values().collect(), pages)
}

/// The APIs of `responses.toml`, its `[renamed]` names and its `[[api]]`
/// shapes, into `apis`; returns where the pages are.
fn read_listing(
    ctx: &mut Loader,
    doc: &Doc,
    table: &DeTable<'_>,
    namespace: usize,
    apis: &mut BTreeMap<String, Api>,
) -> Pages {
    let mut f = Fields::new(ctx, doc, table, None, 0);
    let repository = f.text("repository");
    let folder = f.text("folder");
    let commit = f.text("commit");
    f.allow(&["read"]);
    let plain = f.get("apis").map(|v| (v.span().start, v.get_ref()));
    let renamed = f.get("renamed").map(|v| (v.span().start, v.get_ref()));
    let repeat = f.get("repeat").map(|v| (v.span().start, v.get_ref()));
    let shape_tables = f.tables("api");
    f.finish();
    let plain = plain.map_or_else(Vec::new, |(at, v)| spanned_strings(ctx, doc, at, v));
    let mut list = |ctx: &mut Loader, path: &str, line: usize, shape: Option<ApiShape>| {
        if !is_api_path(path) {
            ctx.problem(
                &doc.rel,
                Some(line),
                None,
                format!("API {path:?} is not of the form v4/<service>/<command>"),
            );
        }
        if let Some(first) = apis.get(path) {
            let first = first.listed.as_ref().map_or(0, |(_, l)| *l);
            ctx.problem(
                &doc.rel,
                Some(line),
                None,
                format!("API {path} is listed twice (first at line {first})"),
            );
            return;
        }
        let api = Api {
            path: path.to_string(),
            namespace,
            listed: Some((doc.rel.clone(), line)),
            own: None,
            shape,
            renamed_from: Vec::new(),
            repeat: Repeat::Safe,
        };
        apis.insert(api.path.clone(), api);
    };
    for (line, path) in &plain {
        list(ctx, path, *line, None);
    }
    for (span, t) in shape_tables {
        let line = doc.line(span);
        if let Some((path, shape)) = load_api(ctx, doc, t, span) {
            list(ctx, &path, line, Some(shape));
        }
    }
    if let Some((at, value)) = renamed {
        read_renamed(ctx, doc, at, value, apis);
    }
    if let Some((at, value)) = repeat {
        read_repeat(ctx, doc, at, value, apis);
    }
    Pages {
        repository: repository.unwrap_or_default(),
        folder: folder.unwrap_or_default(),
        commit: commit.unwrap_or_default(),
    }
}

/// `[repeat]`: the APIs that a repeated request can do twice, each with
/// `repeat` (`unsafe` or `unsafe_unless`), `how` and `how_zh`.
fn read_repeat(
    ctx: &mut Loader,
    doc: &Doc,
    at: usize,
    value: &DeValue<'_>,
    apis: &mut BTreeMap<String, Api>,
) {
    let DeValue::Table(t) = value else {
        let found = value.type_str();
        ctx.problem(
            &doc.rel,
            Some(doc.line(at)),
            None,
            format!("`repeat` must be a table of APIs, found {found}"),
        );
        return;
    };
    for (path, entry) in t {
        let path = path.get_ref().to_string();
        let span = entry.span().start;
        let DeValue::Table(entry) = entry.get_ref() else {
            ctx.problem(
                &doc.rel,
                Some(doc.line(span)),
                None,
                format!("repeat {path}: must be a table with `repeat`, `how` and `how_zh`"),
            );
            continue;
        };
        let mut f = Fields::new(ctx, doc, entry, None, span);
        let kind = f.one_of("repeat", &["unsafe", "unsafe_unless"]);
        let how = f.text("how");
        let how_zh = f.text("how_zh");
        f.finish();
        let (Some(kind), Some(how), Some(how_zh)) = (kind, how, how_zh) else {
            continue;
        };
        let Some(api) = apis.get_mut(&path) else {
            ctx.problem(
                &doc.rel,
                Some(doc.line(span)),
                None,
                format!("repeat {path}: not a listed API"),
            );
            continue;
        };
        api.repeat = if kind == "unsafe" {
            Repeat::Unsafe { how, how_zh }
        } else {
            Repeat::UnsafeUnless { how, how_zh }
        };
    }
}

/// `[renamed]`: old name = current name, each current name a listed API.
fn read_renamed(
    ctx: &mut Loader,
    doc: &Doc,
    at: usize,
    value: &DeValue<'_>,
    apis: &mut BTreeMap<String, Api>,
) {
    let line = doc.line(at);
    let problem = |ctx: &mut Loader, message: String| {
        ctx.problem(&doc.rel, Some(line), None, message);
    };
    let DeValue::Table(t) = value else {
        let found = value.type_str();
        problem(
            ctx,
            format!("`renamed` must be a table of old = current API names, found {found}"),
        );
        return;
    };
    for (old, new) in t {
        let old = old.get_ref().to_string();
        let DeValue::String(new) = new.get_ref() else {
            problem(
                ctx,
                format!("renamed {old}: the current name must be a string"),
            );
            continue;
        };
        if !is_api_path(&old) || apis.contains_key(&old) {
            problem(
                ctx,
                format!(
                    "renamed {old:?}: an old name must be a v4/<service>/<command> path that is not a current API"
                ),
            );
        }
        match apis.get_mut(&**new) {
            Some(api) => {
                api.renamed_from.push(old);
                api.renamed_from.sort();
            }
            None => problem(ctx, format!("renamed {old}: {new:?} is not a listed API")),
        }
    }
}

fn load_api(
    ctx: &mut Loader,
    doc: &Doc,
    t: &DeTable<'_>,
    span: usize,
) -> Option<(String, ApiShape)> {
    let mut f = Fields::new(ctx, doc, t, None, span);
    let path = f.text("path");
    let page = f.text("page");
    let items = f.tables("items");
    let fail_lists = f.tables("fail_list");
    let dropped = f.tables("dropped");
    f.finish();
    let path = path?;
    let mut shape = ApiShape {
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
                path
            ),
        );
    }
    Some((path, shape))
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
