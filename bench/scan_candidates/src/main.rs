//! Throughput of JSON validators over the lines of a log, beside the
//! enricher: is there a crate that validates every line exactly as
//! `serde_json` would, fast enough to be worth its weight? Best of 5 runs
//! each, one thread, the log read into memory first.

use std::time::Instant;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

/// Any JSON value, checked as a value one keeps is checked (lone
/// surrogates, `1e400`, nesting), then dropped: what the enricher must
/// decide. `IgnoredAny` skips without those checks.
struct Skip;

impl<'de> de::Deserialize<'de> for Skip {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(Skip)
    }
}

impl<'de> Visitor<'de> for Skip {
    type Value = Skip;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_str<E>(self, _: &str) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_unit<E>(self) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Skip, A::Error> {
        while seq.next_element::<Skip>()?.is_some() {}
        Ok(Skip)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Skip, A::Error> {
        while map.next_key::<Skip>()?.is_some() {
            map.next_value::<Skip>()?;
        }
        Ok(Skip)
    }
}

/// The best of 5 runs of `f`, in seconds, and what it counted.
fn best(mut f: impl FnMut() -> u64) -> (f64, u64) {
    let mut time = f64::MAX;
    let mut count = 0;
    for _ in 0..5 {
        let start = Instant::now();
        count = f();
        time = time.min(start.elapsed().as_secs_f64());
    }
    (time, count)
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: scan-candidates LOG.ndjson");
    let data = std::fs::read(&path).expect("the log reads");
    let mb = data.len() as f64 / 1e6;
    let lines: Vec<&[u8]> = data
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    let lines = &lines;
    let valid = |ok: fn(&[u8]) -> bool| move || lines.iter().filter(|l| ok(l)).count() as u64;
    let rows: [(&str, (f64, u64)); 6] = [
        (
            "simdutf8 (UTF-8 only)",
            best(valid(|l| simdutf8::basic::from_utf8(l).is_ok())),
        ),
        (
            "serde_json, IgnoredAny (skips checks)",
            best(valid(|l| {
                serde_json::from_slice::<de::IgnoredAny>(l).is_ok()
            })),
        ),
        (
            "serde_json, every value checked",
            best(valid(|l| serde_json::from_slice::<Skip>(l).is_ok())),
        ),
        (
            "serde_json to a Value",
            best(valid(|l| {
                serde_json::from_slice::<serde_json::Value>(l).is_ok()
            })),
        ),
        (
            "sonic-rs, every value checked",
            best(valid(|l| sonic_rs::from_slice::<Skip>(l).is_ok())),
        ),
        (
            "chatcodes Enricher::block (all of enrich)",
            best(|| {
                let mut out = Vec::with_capacity(data.len() * 4);
                chatcodes::enrich::Enricher::new()
                    .block(&data, &mut out)
                    .expect("a Vec")
                    .enriched
            }),
        ),
    ];
    println!("{path}: {} lines, {:.1} MB", lines.len(), mb);
    for (name, (time, count)) in rows {
        println!("{name:<45} {:>8.1} MB/s  ({count})", mb / time);
    }
}
