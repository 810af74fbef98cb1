//! The lookup tables of the generated source: the perfect-hash tables of
//! codes and names, the range table, and every REST API with its own rows,
//! where it reports per-item outcomes and its older names.

use std::fmt::Write;

use crate::model::{Api, Catalog, Codes, Dropped, FailList, ItemArray, Outcome, OwnRows, Repeat};
use crate::render::{Hashes, exact_codes, upper_names};

/// Writes a `PerfectMap` static: a PTRHash table built by phf's generator
/// with one of the library's hashes (see BENCHMARKS.md for why not
/// `phf::Map`'s layout and SipHash).
fn perfect_map<T>(
    out: &mut String,
    doc: &str,
    declaration: &str,
    keys: &[T],
    hash: impl Fn(&T, &u64) -> u64,
    slot: impl Fn(&T) -> String,
) {
    let state = phf_generator::ptrhash::generate_hash_with_hash_fn(keys, hash);
    let _ = writeln!(
        out,
        "/// {doc}\npub(crate) static {declaration} = PerfectMap {{\n    \
         seed: {},\n    pilots: &{:?},\n    remap: &{:?},\n    slots: &[",
        state.seed, state.pilots, state.remap
    );
    for &i in &state.map {
        let _ = writeln!(out, "        {},", slot(&keys[i]));
    }
    out.push_str("    ],\n};\n\n");
}

/// The APIs' own rows in the order the entry table holds them: by
/// namespace, then by file.
pub(crate) fn own_rows(catalog: &Catalog) -> Vec<&OwnRows> {
    let mut own: Vec<&OwnRows> = catalog.apis.iter().filter_map(|a| a.own.as_ref()).collect();
    own.sort_by(|a, b| (a.namespace, &a.file).cmp(&(b.namespace, &b.file)));
    own
}

/// `v4/sns/friend_add` -> `SNS__FRIEND_ADD`: an API's name in the names of
/// its generated statics.
fn api_ident(path: &str) -> String {
    let path = path.strip_prefix("v4/").unwrap_or(path);
    path.replace('/', "__")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect()
}

pub(crate) fn render_maps(catalog: &Catalog, hashes: &Hashes, out: &mut String) {
    let by_code = exact_codes(catalog);
    let mut ranges: Vec<(usize, i64, i64, usize)> = Vec::new();
    for (i, e) in catalog.entries.iter().enumerate() {
        if let Codes::Range(a, b) = e.codes {
            ranges.push((e.namespace, a, b, i));
        }
    }
    let keys: Vec<i64> = by_code.keys().copied().collect();
    perfect_map(
        out,
        "Exact codes: each code's entry indices, highest-precedence namespace first.",
        "CODES: PerfectMap<i64, &'static [u16]>",
        &keys,
        hashes.code,
        |code| format!("({code}, &{:?})", by_code[code]),
    );

    ranges.sort();
    out.push_str(
        "/// Inclusive ranges: (first, last, entry index), highest-precedence namespace first.\n",
    );
    out.push_str("pub(crate) static RANGES: &[(i64, i64, u16)] = &[\n");
    for (_, a, b, i) in &ranges {
        let _ = writeln!(out, "    ({a}, {b}, {i}),");
    }
    out.push_str("];\n\n");

    let names = upper_names(catalog);
    let longest = names.iter().map(|(n, _)| n.len()).max().unwrap_or(0);
    perfect_map(
        out,
        "Official names, upper-cased: name -> entry index.",
        "NAMES: PerfectMap<&'static str, u16>",
        &names,
        |(name, _), seed| (hashes.name)(name.as_bytes(), seed),
        |(name, i)| format!("({name:?}, {i})"),
    );
    let _ = writeln!(
        out,
        "/// The longest official name, in bytes.\npub(crate) const LONGEST_NAME: usize = {longest};\n"
    );

    let mut next = catalog.entries.len();
    for own in own_rows(catalog) {
        let rows: Vec<(i64, usize)> = own
            .rows
            .iter()
            .enumerate()
            .map(|(r, row)| (row.code, next + r))
            .collect();
        next += rows.len();
        perfect_map(
            out,
            &format!(
                "`{}`'s own rows ({}): code -> entry index.",
                own.api, own.file
            ),
            &format!("ROWS_{}: PerfectMap<i64, u16>", api_ident(&own.api)),
            &rows,
            |(code, _), seed| (hashes.code)(code, seed),
            |(code, i)| format!("({code}, {i})"),
        );
    }
}

/// `REST_APIS`, every API sorted by path with its rows, shape and older
/// names; `RENAMED_APIS`, the older names sorted, each with the index of
/// its API; each API's `SHAPE_...`, and `DEFAULT_SHAPE`, every place of
/// every API merged by array.
pub(crate) fn render_apis(catalog: &Catalog, out: &mut String) {
    for api in &catalog.apis {
        let Some(shape) = &api.shape else { continue };
        let _ = writeln!(out, "// {}/{}", catalog.pages.folder, shape.page);
        let _ = write!(out, "static SHAPE_{}: Shape = ", api_ident(&api.path));
        let items: Vec<MergedItems> = shape.items.iter().map(MergedItems::from).collect();
        write_shape(out, &items, &shape.fail_lists, &shape.dropped);
        out.push_str(";\n\n");
    }
    out.push_str(
        "/// Where any API may report per-item outcomes: every API's places, merged by array.\n",
    );
    out.push_str("pub(crate) static DEFAULT_SHAPE: Shape = ");
    let (items, fail_lists, dropped) = merged(&catalog.apis);
    write_shape(out, &items, &fail_lists, &dropped);
    out.push_str(
        ";\n\n/// Every REST API, sorted by path.\npub(crate) static REST_APIS: &[Api] = &[\n",
    );
    for api in &catalog.apis {
        let ident = api_ident(&api.path);
        let mut from = Vec::new();
        if let Some((file, line)) = &api.listed {
            from.push(format!("{file}:{line}"));
        }
        if let Some(own) = &api.own {
            from.push(own.file.clone());
        }
        let _ = writeln!(
            out,
            "    // {}\n    Api {{\n        path: {:?},\n        namespace: Namespace::{},\n        \
             rows: {},\n        shape: {},\n        renamed_from: &{:?},\n        repeat: {},\n    }},",
            from.join(", "),
            api.path,
            crate::pascal_case(&catalog.namespaces[api.namespace].id()),
            if api.own.is_some() {
                format!("Some(&ROWS_{ident})")
            } else {
                "None".into()
            },
            if api.shape.is_some() {
                format!("Some(&SHAPE_{ident})")
            } else {
                "None".into()
            },
            api.renamed_from,
            match &api.repeat {
                Repeat::Safe => "Repeat::Safe".to_string(),
                Repeat::Unsafe { how, .. } => format!("Repeat::Unsafe({how:?})"),
                Repeat::UnsafeUnless { how, .. } => format!("Repeat::SafeWith({how:?})"),
            },
        );
    }
    out.push_str("];\n\n");
    let mut renamed: Vec<(&str, usize)> = catalog
        .apis
        .iter()
        .enumerate()
        .flat_map(|(i, a)| a.renamed_from.iter().map(move |old| (old.as_str(), i)))
        .collect();
    renamed.sort();
    out.push_str(
        "/// Older names of REST APIs, sorted: (old path, index into `REST_APIS`).\n\
         pub(crate) static RENAMED_APIS: &[(&str, u16)] = &[\n",
    );
    for (old, i) in renamed {
        let _ = writeln!(out, "    ({old:?}, {i}),");
    }
    out.push_str("];\n");
}

/// One array's places, merged over the APIs that use the same array path.
struct MergedItems {
    array: String,
    codes: Vec<String>,
    status: Option<(String, Vec<i64>)>,
    messages: Vec<String>,
    items: Vec<String>,
}

impl From<&ItemArray> for MergedItems {
    fn from(a: &ItemArray) -> Self {
        let (codes, status) = match &a.outcome {
            Outcome::Code(c) => (vec![c.clone()], None),
            Outcome::Status(s, failed) => (Vec::new(), Some((s.clone(), failed.clone()))),
        };
        MergedItems {
            array: a.array.clone(),
            codes,
            status,
            messages: a.message.iter().cloned().collect(),
            items: vec![a.item.clone()],
        }
    }
}

fn push_new(list: &mut Vec<String>, more: &[String]) {
    for m in more {
        if !list.contains(m) {
            list.push(m.clone());
        }
    }
}

/// Every API's places, one per array path (or field), in first-seen order.
fn merged(apis: &[Api]) -> (Vec<MergedItems>, Vec<FailList>, Vec<Dropped>) {
    let mut items: Vec<MergedItems> = Vec::new();
    let mut fail_lists: Vec<FailList> = Vec::new();
    let mut dropped: Vec<Dropped> = Vec::new();
    for shape in apis.iter().filter_map(|a| a.shape.as_ref()) {
        for a in &shape.items {
            let new = MergedItems::from(a);
            match items.iter_mut().find(|m| m.array == a.array) {
                Some(m) => {
                    push_new(&mut m.codes, &new.codes);
                    push_new(&mut m.messages, &new.messages);
                    push_new(&mut m.items, &new.items);
                    if m.status.is_none() {
                        m.status = new.status;
                    }
                }
                None => items.push(new),
            }
        }
        for f in &shape.fail_lists {
            if !fail_lists.iter().any(|g| g.array == f.array) {
                fail_lists.push(f.clone());
            }
        }
        for d in &shape.dropped {
            if !dropped.iter().any(|e| e.field == d.field) {
                dropped.push(d.clone());
            }
        }
    }
    (items, fail_lists, dropped)
}

fn str_list(list: &[String]) -> String {
    let quoted: Vec<String> = list.iter().map(|s| format!("{s:?}")).collect();
    format!("&[{}]", quoted.join(", "))
}

fn path_list(path: &str) -> String {
    str_list(
        &crate::apis::segments(path)
            .into_iter()
            .map(String::from)
            .collect::<Vec<_>>(),
    )
}

fn write_shape(
    out: &mut String,
    items: &[MergedItems],
    fail_lists: &[FailList],
    dropped: &[Dropped],
) {
    out.push_str("Shape {\n    items: &[\n");
    for m in items {
        let status = match &m.status {
            Some((field, failed)) => format!("Some(({field:?}, &{failed:?}))"),
            None => "None".into(),
        };
        let names: Vec<String> = m.items.iter().map(|i| path_list(i)).collect();
        let _ = writeln!(
            out,
            "        ItemArray {{\n            array: {:?},\n            segments: {},\n            \
             codes: {},\n            status: {status},\n            messages: {},\n            \
             items: &[{}],\n        }},",
            m.array,
            path_list(&m.array),
            str_list(&m.codes),
            str_list(&m.messages),
            names.join(", "),
        );
    }
    out.push_str("    ],\n    fail_lists: &[\n");
    for f in fail_lists {
        let _ = writeln!(
            out,
            "        FailList {{\n            array: {:?},\n            segments: {},\n            \
             item: {:?},\n        }},",
            f.array,
            path_list(&f.array),
            f.item,
        );
    }
    out.push_str("    ],\n    dropped: &[\n");
    for d in dropped {
        let _ = writeln!(
            out,
            "        Dropped {{\n            field: {:?},\n            item: {:?},\n        }},",
            d.field, d.item,
        );
    }
    out.push_str("    ],\n}");
}
