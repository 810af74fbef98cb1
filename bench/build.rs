//! Generates `bench_match.rs`: the `match` statements over the catalogue's
//! codes and names that `benches/lookup.rs` compares `explain` against. It
//! loads `data/` with the library's own build modules, so the entry indices
//! are the library's; only this crate builds it, never a library user.

use std::fmt::Write;
use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-changed=../data");
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let catalog = match chatcodes_build::load(&manifest.join("../data")) {
        Ok(catalog) => catalog,
        Err(problems) => {
            for p in problems {
                println!("cargo::error={p}");
            }
            return;
        }
    };
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    if let Err(e) = std::fs::write(out.join("bench_match.rs"), render_bench_match(&catalog)) {
        println!("cargo::error=cannot write bench_match.rs: {e}");
    }
}

/// `match` statements over the exact codes and the names, for the lookup
/// benchmark's "generated match" alternative (`$OUT_DIR/bench_match.rs`).
fn render_bench_match(catalog: &chatcodes_build::Catalog) -> String {
    let mut out = String::from(
        "/// The highest-precedence entry index of an exact code.\n\
         pub fn match_code(code: i64) -> Option<u16> {\n    match code {\n",
    );
    for (code, indices) in &chatcodes_build::exact_codes(catalog) {
        let _ = writeln!(out, "        {code} => Some({}),", indices[0]);
    }
    out.push_str("        _ => None,\n    }\n}\n\n");
    out.push_str(
        "/// The entry index of an upper-case official name.\n\
         pub fn match_name(name: &str) -> Option<u16> {\n    match name {\n",
    );
    for (name, i) in chatcodes_build::upper_names(catalog) {
        let _ = writeln!(out, "        {name:?} => Some({i}),");
    }
    out.push_str("        _ => None,\n    }\n}\n");
    out
}
