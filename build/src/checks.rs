//! Checks across entries: duplicate codes, names and overlapping ranges
//! within a namespace, and sources that `data/sources.toml` must list.

use std::collections::{BTreeMap, HashMap};

use crate::fields::Loader;
use crate::model::{Api, CategoryDef, Codes, DocumentDef, Entry, NamespaceDef, Repeat, Source};

/// Every `source` and `causes_source` names a document of `data/sources.toml`.
pub(crate) fn check_sources(
    ctx: &mut Loader,
    documents: &[DocumentDef],
    entries: &[Entry],
    apis: &[Api],
) {
    let listed = |s: &Source| documents.iter().any(|d| d.id == s.document);
    for e in entries {
        for s in std::iter::once(&e.source).chain(&e.causes_source) {
            if !listed(s) {
                ctx.problem(
                    &e.file,
                    Some(e.line),
                    Some(e.codes.to_string()),
                    format!(
                        "source document {:?} is not listed in data/sources.toml",
                        s.document
                    ),
                );
            }
        }
    }
    for api in apis.iter().filter_map(|a| a.own.as_ref()) {
        if !listed(&api.source) {
            ctx.problem(
                &api.file,
                None,
                None,
                format!(
                    "source document {:?} is not listed in data/sources.toml",
                    api.source.document
                ),
            );
        }
    }
}

/// Cross-entry checks: duplicate codes and overlapping ranges within a
/// namespace, and duplicate official names anywhere.
pub(crate) fn check_entries(ctx: &mut Loader, namespaces: &[NamespaceDef], entries: &[Entry]) {
    let mut exact: HashMap<(usize, i64), &Entry> = HashMap::new();
    let mut names: HashMap<String, &Entry> = HashMap::new();
    let mut ranges: BTreeMap<usize, Vec<&Entry>> = BTreeMap::new();
    for e in entries {
        let code = Some(e.codes.to_string());
        match e.codes {
            Codes::Exact(c) => {
                if let Some(first) = exact.insert((e.namespace, c), e) {
                    ctx.problem(
                        &e.file,
                        Some(e.line),
                        code.clone(),
                        format!(
                            "duplicate code in namespace {} (first at {}:{})",
                            namespaces[e.namespace].id(),
                            first.file,
                            first.line
                        ),
                    );
                }
            }
            Codes::Range(..) => ranges.entry(e.namespace).or_default().push(e),
        }
        for name in e.name.iter().chain(&e.aliases) {
            if let Some(first) = names.insert(name.to_ascii_uppercase(), e) {
                ctx.problem(
                    &e.file,
                    Some(e.line),
                    code.clone(),
                    format!(
                        "duplicate name {name} (also code {} at {}:{})",
                        first.codes, first.file, first.line
                    ),
                );
            }
        }
    }
    for list in ranges.values_mut() {
        list.sort_by_key(|e| (e.codes.first(), e.codes.last()));
        for pair in list.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if b.codes.first() <= a.codes.last() {
                ctx.problem(
                    &b.file,
                    Some(b.line),
                    Some(b.codes.to_string()),
                    format!("range overlaps range {} ({}:{})", a.codes, a.file, a.line),
                );
            }
        }
    }
}

/// Chinese text is Chinese: each `*_zh` value holds Chinese characters, so
/// an English sentence pasted into the wrong field is caught.
pub(crate) fn check_chinese(
    ctx: &mut Loader,
    categories: &[CategoryDef],
    entries: &[Entry],
    apis: &[Api],
) {
    let chinese = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for c in categories {
        if let Some(title) = c.title_zh.as_deref().filter(|t| !chinese(t)) {
            let file = format!("category {}", c.id);
            ctx.problem(
                &file,
                None,
                None,
                format!("title_zh {title:?} has no Chinese"),
            );
        }
    }
    for e in entries {
        let zh = &e.zh;
        let texts = [
            ("description_zh", &zh.description),
            ("remedy_zh", &zh.remedy),
            ("note_zh", &zh.note),
        ];
        let lists = zh.causes.iter().map(|c| ("causes_zh", c));
        for (field, text) in texts
            .iter()
            .filter_map(|(f, t)| t.as_ref().map(|t| (*f, t)))
            .chain(lists)
        {
            if !chinese(text) {
                ctx.problem(
                    &e.file,
                    Some(e.line),
                    Some(e.codes.to_string()),
                    format!("{field} has no Chinese: {text:?}"),
                );
            }
        }
    }
    for api in apis.iter().filter_map(|a| a.own.as_ref()) {
        for row in &api.rows {
            let texts = [
                ("description_zh", &row.description_zh),
                ("already_done_zh", &row.already_done_zh),
            ];
            for (field, text) in texts {
                if let Some(text) = text.as_deref().filter(|t| !chinese(t)) {
                    ctx.problem(
                        &api.file,
                        None,
                        Some(row.code.to_string()),
                        format!("{field} has no Chinese: {text:?}"),
                    );
                }
            }
            if row.already_done.is_some() != row.already_done_zh.is_some() {
                ctx.problem(
                    &api.file,
                    None,
                    Some(row.code.to_string()),
                    "already_done and already_done_zh come together".into(),
                );
            }
        }
    }
    for api in apis {
        if let Repeat::Unsafe { how_zh, .. } | Repeat::UnsafeUnless { how_zh, .. } = &api.repeat
            && !chinese(how_zh)
        {
            ctx.problem(
                "data/tencent/responses.toml",
                None,
                None,
                format!("repeat {}: how_zh has no Chinese: {how_zh:?}", api.path),
            );
        }
    }
}
