//! Validates `data/` and compiles it into `phf` tables in `$OUT_DIR/catalog.rs`
//! (plus `bench_match.rs`, the `match` the lookup benchmark compares against,
//! and `responses.rs`, where each REST API reports per-item outcomes).
//!
//! The work lives in plain functions shared with the tests: `build/catalog.rs`
//! loads and validates, `build/render.rs` writes the Rust source. A data
//! mistake fails the build with one `cargo::error=` line per problem, naming
//! the file, the line and the code; it never panics.

#[path = "build/catalog.rs"]
mod catalog;
#[path = "src/hashing.rs"]
mod hashing;
#[path = "build/render.rs"]
mod render;
#[path = "build/responses.rs"]
mod responses;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    println!("cargo::rerun-if-changed=data");
    println!("cargo::rerun-if-changed=build");
    println!("cargo::rerun-if-changed=src/hashing.rs");
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let data = manifest.join("data");
    let loaded = catalog::load(&data).and_then(|catalog| {
        let responses = responses::load(&data, &catalog)?;
        Ok((catalog, responses))
    });
    let (catalog, responses) = match loaded {
        Ok(loaded) => loaded,
        Err(problems) => {
            for problem in &problems {
                println!("cargo::error={problem}");
            }
            println!(
                "cargo::error={} problem(s) in data/; nothing was generated",
                problems.len()
            );
            return ExitCode::SUCCESS;
        }
    };
    let total = catalog.entries.len() + catalog.apis.iter().map(|a| a.rows.len()).sum::<usize>();
    if total > usize::from(u16::MAX) {
        println!(
            "cargo::error=data/: {total} entries; the generated tables index entries with u16"
        );
        return ExitCode::SUCCESS;
    }
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    for (file, text) in [
        ("catalog.rs", render::render(&catalog)),
        ("bench_match.rs", render::render_bench_match(&catalog)),
        ("responses.rs", render::render_responses(&responses)),
    ] {
        let path = out_dir.join(file);
        if let Err(e) = std::fs::write(&path, text) {
            println!("cargo::error=cannot write {}: {e}", path.display());
        }
    }
    ExitCode::SUCCESS
}
