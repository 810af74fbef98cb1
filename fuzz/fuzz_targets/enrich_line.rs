//! One NDJSON line through the enricher, checked against serde_json.
//!
//! - Nothing panics; a line that is not enriched comes back byte for byte.
//! - A line that starts like an object is rejected as "not JSON" exactly
//!   when serde_json rejects it (the summary's count is exact): a line left
//!   unchanged or enriched was valid JSON, and an enriched line's output is
//!   valid JSON holding the input's members plus `*_explained` keys.
//! - Streaming the whole input keeps its line count, and two threads fed a
//!   few bytes a read write the same bytes as one.
#![no_main]

use chatcodes::enrich::{Enricher, LineOutcome};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

/// Whether `output` is `input` with only `*_explained` members added to objects.
fn same_but_explained(input: &Value, output: &Value) -> bool {
    match (input, output) {
        (Value::Object(i), Value::Object(o)) => {
            i.iter().all(|(k, v)| o.get(k).is_some_and(|ov| same_but_explained(v, ov)))
                && o.keys().all(|k| i.contains_key(k) || k.ends_with("_explained"))
        }
        (Value::Array(i), Value::Array(o)) => {
            i.len() == o.len() && i.iter().zip(o).all(|(i, o)| same_but_explained(i, o))
        }
        _ => input == output,
    }
}

fn check(enricher: &mut Enricher, line: &[u8]) {
    let mut out = Vec::new();
    let outcome = enricher.line(line, &mut out).expect("writing to a Vec");
    let parsed = serde_json::from_slice::<Value>(line);
    match outcome {
        LineOutcome::Unchanged => {
            assert_eq!(out, line);
            assert!(parsed.is_ok(), "a line serde_json rejects was judged JSON");
        }
        LineOutcome::NotJson => {
            assert_eq!(out, line);
            if line.trim_ascii_start().starts_with(b"{") {
                assert!(parsed.is_err(), "serde_json accepts a line rejected as not JSON");
            }
        }
        LineOutcome::Enriched { .. } => {
            let input = parsed.expect("an enriched line is valid JSON");
            let output: Value = serde_json::from_slice(&out).expect("enriched output is JSON");
            assert!(same_but_explained(&input, &output), "members changed");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let line = data.split(|&b| b == b'\n').next().unwrap_or_default();
    check(&mut Enricher::new(), line);
    let mut paths = Enricher::new()
        .field("code")
        .and_then(|e| e.field("data.items[].status"))
        .expect("valid paths");
    check(&mut paths, line);

    let mut out = Vec::new();
    Enricher::new().stream(data, &mut out).expect("writing to a Vec");
    let newlines = |b: &[u8]| b.iter().filter(|&&c| c == b'\n').count();
    assert_eq!(newlines(data), newlines(&out), "a line was lost or added");

    // Two threads, fed a few bytes a read, write what one thread writes.
    struct Trickle<'a>(&'a [u8]);
    impl std::io::Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = buf.len().min(self.0.len()).min(61);
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }
    let mut parallel = Vec::new();
    let two = std::num::NonZeroUsize::new(2).unwrap();
    Enricher::new()
        .stream_parallel(two, Trickle(data), &mut parallel)
        .expect("writing to a Vec");
    assert!(parallel == out, "two threads wrote other bytes");
});
