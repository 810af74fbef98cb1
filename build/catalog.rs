//! Loading and validating `data/`: the build-time half of chatcodes.
//!
//! `build.rs` uses this module to turn the TOML files into a [`Catalog`], and
//! `tests/validation.rs` includes the same file to check, on bad fixture
//! directories, that every kind of mistake is reported with the file, the line
//! and the code. Nothing here panics on bad data: every problem becomes a
//! [`Problem`], and all of them are collected in one pass.
//!
//! One idea a file: [`model`] (the data types), [`fields`] (reading TOML with
//! line numbers), [`load`] (each kind of data file) and [`checks`] (rules
//! across entries); this file ties them together.

#[path = "checks.rs"]
mod checks;
#[path = "fields.rs"]
mod fields;
#[path = "load.rs"]
mod load;
#[path = "model.rs"]
mod model;

use std::collections::HashMap;
use std::path::Path;

use checks::{check_chinese, check_entries, check_sources};
pub(crate) use fields::{Doc, Fields, Loader, integer};
pub use model::*;

/// Loads and validates the data directory. Returns every problem found, in
/// file order, when there is at least one.
pub fn load(data_dir: &Path) -> Result<Catalog, Vec<Problem>> {
    let mut ctx = Loader::new(data_dir);
    let documents = ctx.load_documents();
    let (vendors, namespaces) = ctx.load_namespaces();
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
            ctx.load_category(&path, ns_index, &mut categories, &mut entries);
        }
        for path in ctx.toml_files(&dir.join("api")) {
            api_files.push((path, ns_index));
        }
    }
    ctx.check_stray_dirs(&namespaces);
    check_entries(&mut ctx, &namespaces, &entries);
    let mut apis = Vec::new();
    for (path, ns_index) in api_files {
        if let Some(api) = ctx.load_api(&path, ns_index, &entries) {
            apis.push(api);
        }
    }
    let mut seen_api: HashMap<String, String> = HashMap::new();
    for api in &apis {
        if let Some(first) = seen_api.insert(api.api.clone(), api.file.clone()) {
            ctx.problem(
                &api.file,
                None,
                None,
                format!("API {} already has a table in {first}", api.api),
            );
        }
    }
    check_sources(&mut ctx, &documents, &entries, &apis);
    check_chinese(&mut ctx, &categories, &entries, &apis);
    ctx.finish(Catalog {
        documents,
        vendors,
        namespaces,
        categories,
        entries,
        apis,
    })
}
