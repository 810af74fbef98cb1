//! The build-time half of [chatcodes](https://crates.io/crates/chatcodes):
//! loads and validates its `data/` directory and writes the Rust tables the
//! library compiles in. The library's `build.rs` calls [`generate`]; the
//! validation tests and the benchmark's build script call [`load`].
//!
//! Nothing here panics on bad data: every problem becomes a [`Problem`]
//! naming the file, the line and the code, and all of them are collected in
//! one pass.
//!
//! One idea a module: `model` (the data types), `fields` (reading TOML with
//! line numbers), `load` (each kind of data file), `apis` (every REST API as
//! one [`Api`]), `checks` (rules across entries) and `render` with
//! `render_tables` (the generated Rust source).

mod apis;
mod checks;
mod fields;
mod load;
mod meta;
mod model;
mod render;
mod render_enums;
mod render_tables;

use std::path::Path;

pub use apis::{is_api_path, segments};
use checks::{check_chinese, check_entries, check_sources};
use fields::Loader;
pub use meta::data_digest;
pub use model::*;
pub use render::{Generated, Hashes, exact_codes, render, upper_names};

/// Loads and validates the data directory. Returns every problem found, in
/// file order, when there is at least one.
pub fn load(data_dir: &Path) -> Result<Catalog, Vec<Problem>> {
    let mut ctx = Loader::new(data_dir);
    let documents = ctx.load_documents();
    let (vendors, namespaces) = ctx.load_namespaces();
    let retry_classes = ctx.load_retry_classes();
    let version = ctx.load_version();
    let mut categories: Vec<CategoryDef> = Vec::new();
    let mut entries = Vec::new();
    let mut api_files = Vec::new();
    for (ns_index, ns) in namespaces.iter().enumerate() {
        let dir = data_dir.join(&ns.vendor).join(&ns.domain);
        let files = ctx.toml_files(&dir);
        if files.is_empty() {
            let rel = ctx.rel(&dir);
            ctx.problem(
                &rel,
                None,
                None,
                format!("namespace {} has no category files", ns.id()),
            );
        }
        for path in files {
            ctx.load_category(
                &path,
                ns_index,
                &retry_classes,
                &mut categories,
                &mut entries,
            );
        }
        for path in ctx.toml_files(&dir.join("api")) {
            api_files.push((path, ns_index));
        }
    }
    ctx.check_stray_dirs(&namespaces);
    check_entries(&mut ctx, &namespaces, &entries);
    let own: Vec<OwnRows> = api_files
        .iter()
        .filter_map(|(path, ns_index)| ctx.load_api(path, *ns_index, &entries))
        .collect();
    let (apis, pages) = apis::load(&mut ctx, data_dir, &namespaces, own);
    check_sources(&mut ctx, &documents, &entries, &apis);
    check_chinese(&mut ctx, &categories, &entries, &apis);
    ctx.finish(Catalog {
        documents,
        vendors,
        namespaces,
        categories,
        retry_classes,
        entries,
        apis,
        pages,
        version,
    })
}

/// What `build.rs` does: loads `data_dir` and writes `catalog.rs` into
/// `out_dir`, printing a `cargo::error=` line per problem (so the build
/// fails, naming every file, line and code) instead of writing anything when
/// the data is not valid.
pub fn generate(data_dir: &Path, out_dir: &Path, hashes: &Hashes) {
    let catalog = match load(data_dir) {
        Ok(catalog) => catalog,
        Err(problems) => {
            for problem in &problems {
                println!("cargo::error={problem}");
            }
            println!(
                "cargo::error={} problem(s) in data/; nothing was generated",
                problems.len()
            );
            return;
        }
    };
    let rows: usize = catalog
        .apis
        .iter()
        .filter_map(|a| a.own.as_ref())
        .map(|o| o.rows.len())
        .sum();
    let total = catalog.entries.len() + rows;
    if total > usize::from(u16::MAX) {
        println!(
            "cargo::error=data/: {total} entries; the generated tables index entries with u16"
        );
        return;
    }
    let generated = render(&catalog, hashes);
    for (file, text) in [
        ("enums.rs", generated.enums),
        ("catalog.rs", generated.catalog),
    ] {
        let path = out_dir.join(file);
        if let Err(e) = std::fs::write(&path, text) {
            println!("cargo::error=cannot write {}: {e}", path.display());
        }
    }
}
