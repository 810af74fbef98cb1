//! `explain`, `explain_name` and `explain_all` beside the structures a user
//! would otherwise build from the same entries, in the same run: a std
//! `HashMap`, a sorted array searched by binary search, a generated `match`;
//! and beside the other perfect-hash designs considered for the code table:
//! phf's default (CHD with SipHash-1-3, what `phf::Map` does) and PTRHash with
//! SipHash on `i64` and on `i32` keys. `explain` itself uses PTRHash with a
//! one-multiply hash (src/code_hash.rs).
//!
//! Every alternative answers the same question as `explain`: the best exact
//! entry, else the range that covers the code (the same scan for all).
//! Run: `cargo bench -p chatcodes-bench --bench lookup`; ratios: `python3 bench/lookup_ratios.py`.

use std::collections::HashMap;
use std::hint::black_box;
use std::time::Duration;

use chatcodes::{Codes, Explanation, entries, explain, explain_all, explain_name};
use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main};

mod generated {
    include!(concat!(env!("OUT_DIR"), "/bench_match.rs"));
}

type Entry = &'static Explanation;

/// A deterministic shuffle (xorshift), so every run sees the same order.
fn shuffle<T>(items: &mut [T], mut seed: u64) {
    for i in (1..items.len()).rev() {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        items.swap(i, (seed % (i as u64 + 1)) as usize);
    }
}

/// Everything the alternatives are built from.
struct Catalogue {
    all: Vec<Entry>,
    /// Each exact code with its best entry, in precedence order.
    exact: Vec<(i64, Entry)>,
    ranges: Vec<(i64, i64, Entry)>,
}

impl Catalogue {
    fn new() -> Self {
        let all: Vec<Entry> = entries().collect();
        let mut exact: Vec<(i64, Entry)> = Vec::new();
        let mut ranges = Vec::new();
        for &e in &all {
            match e.codes() {
                Codes::Exact(c) if !exact.iter().any(|&(k, _)| k == c) => exact.push((c, e)),
                Codes::Exact(_) => {}
                Codes::Range { first, last } => ranges.push((first, last, e)),
            }
        }
        Catalogue { all, exact, ranges }
    }

    fn range(&self, code: i64) -> Option<Entry> {
        self.ranges
            .iter()
            .find(|&&(a, b, _)| a <= code && code <= b)
            .map(|&(_, _, e)| e)
    }
}

struct StdHashMap(HashMap<i64, Entry>);
struct Sorted(Vec<(i64, Entry)>);
struct Match<'a>(&'a [Entry]);

/// PTRHash (phf_generator's alternative layout) over `K` keys with hash `H`.
struct PtrHash<K> {
    seed: u64,
    pilots: Vec<u8>,
    remap: Vec<u32>,
    entries: Vec<(K, Entry)>,
    hash: fn(&K, &u64) -> u64,
}

impl<K: Copy + PartialEq> PtrHash<K> {
    fn new(keys: Vec<(K, Entry)>, hash: fn(&K, &u64) -> u64) -> Self {
        let just_keys: Vec<K> = keys.iter().map(|&(k, _)| k).collect();
        let state = phf_generator::ptrhash::generate_hash_with_hash_fn(&just_keys, hash);
        let entries = state.map.iter().map(|&i| keys[i]).collect();
        PtrHash {
            seed: state.seed,
            pilots: state.pilots,
            remap: state.remap,
            entries,
            hash,
        }
    }

    #[inline]
    fn get(&self, key: K) -> Option<Entry> {
        let hash = (self.hash)(&key, &self.seed);
        let index = phf_shared::ptrhash::get_index(
            self.seed,
            hash,
            &self.pilots,
            &self.remap,
            self.entries.len(),
        );
        let (k, e) = self.entries[index as usize];
        (k == key).then_some(e)
    }
}

fn sip_i64(k: &i64, seed: &u64) -> u64 {
    phf_shared::ptrhash::hash(k, seed)
}

fn sip_i32(k: &i32, seed: &u64) -> u64 {
    phf_shared::ptrhash::hash(k, seed)
}

/// phf's default layout, as `phf::Map` reads it: CHD with SipHash-1-3.
struct Chd {
    key: u64,
    disps: Vec<(u32, u32)>,
    entries: Vec<(i64, Entry)>,
}

impl Chd {
    fn new(keys: Vec<(i64, Entry)>) -> Self {
        let just_keys: Vec<i64> = keys.iter().map(|&(k, _)| k).collect();
        let state = phf_generator::generate_hash(&just_keys);
        let entries = state.map.iter().map(|&i| keys[i]).collect();
        Chd {
            key: state.key,
            disps: state.disps,
            entries,
        }
    }

    #[inline]
    fn get(&self, key: i64) -> Option<Entry> {
        let hashes = phf_shared::hash(&key, &self.key);
        let index = phf_shared::get_index(&hashes, &self.disps, self.entries.len());
        let (k, e) = self.entries[index as usize];
        (k == key).then_some(e)
    }
}

struct Sets {
    known: Vec<i64>,
    unknown: Vec<i64>,
    range: Vec<i64>,
    names: Vec<String>,
    ambiguous: Vec<i64>,
}

fn sets(c: &Catalogue) -> Sets {
    let mut known: Vec<i64> = c.exact.iter().map(|&(k, _)| k).collect();
    shuffle(&mut known, 0x9E37_79B9);
    let mut unknown = Vec::new();
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    while unknown.len() < 1000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        // Mostly near real codes (-20000..200000), some anywhere in i64.
        let code = if x.is_multiple_of(4) {
            x as i64
        } else {
            (x % 220_000) as i64 - 20_000
        };
        if explain(code).is_none() {
            unknown.push(code);
        }
    }
    let mut range = Vec::new();
    for &(a, b, _) in &c.ranges {
        let step = ((b - a) / 500).max(1);
        range.extend(
            (a..=b)
                .step_by(step as usize)
                .filter(|&k| explain(k).is_some_and(|e| matches!(e.codes(), Codes::Range { .. }))),
        );
    }
    shuffle(&mut range, 7);
    let mut names: Vec<String> = c
        .all
        .iter()
        .filter_map(|e| e.name())
        .filter(|n| explain_name(n).is_some())
        .map(|n| n.to_ascii_lowercase())
        .collect();
    shuffle(&mut names, 11);
    let ambiguous: Vec<i64> = c
        .exact
        .iter()
        .map(|&(k, _)| k)
        .filter(|&k| explain_all(k).count() > 1)
        .collect();
    Sets {
        known,
        unknown,
        range,
        names,
        ambiguous,
    }
}

fn config(group: &mut BenchmarkGroup<'_, WallTime>, n: usize) {
    group.throughput(Throughput::Elements(n as u64));
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(2));
    group.sample_size(40);
}

/// Benchmarks `lookup` over `codes`, counting answers so nothing is optimized away.
macro_rules! over {
    ($group:expr, $name:expr, $items:expr, |$code:ident| $lookup:expr) => {
        $group.bench_function($name, |b| {
            b.iter(|| {
                let mut found = 0usize;
                for item in $items {
                    let $code = black_box(item);
                    found += usize::from(black_box($lookup).is_some());
                }
                found
            })
        });
    };
}

fn codes(criterion: &mut Criterion) {
    let c = Catalogue::new();
    let s = sets(&c);
    let hash_map = StdHashMap(c.exact.iter().copied().collect());
    let mut sorted = c.exact.clone();
    sorted.sort_by_key(|&(k, _)| k);
    let sorted = Sorted(sorted);
    let matched = Match(&c.all);
    let ptr_sip = PtrHash::new(c.exact.clone(), sip_i64);
    let ptr_sip32 = PtrHash::new(
        c.exact.iter().map(|&(k, e)| (k as i32, e)).collect(),
        sip_i32,
    );
    let chd = Chd::new(c.exact.clone());
    // Each alternative is checked against explain before it is timed.
    for &code in s.known.iter().chain(&s.unknown).chain(&s.range) {
        let want = explain(code);
        let narrow = i32::try_from(code).ok();
        assert_eq!(
            hash_map.0.get(&code).copied().or_else(|| c.range(code)),
            want
        );
        let by_search = sorted.0.binary_search_by_key(&code, |&(k, _)| k);
        assert_eq!(
            by_search
                .ok()
                .map(|i| sorted.0[i].1)
                .or_else(|| c.range(code)),
            want
        );
        let by_match = generated::match_code(code).map(|i| matched.0[usize::from(i)]);
        assert_eq!(by_match.or_else(|| c.range(code)), want);
        assert_eq!(ptr_sip.get(code).or_else(|| c.range(code)), want);
        assert_eq!(
            narrow
                .and_then(|k| ptr_sip32.get(k))
                .or_else(|| c.range(code)),
            want
        );
        assert_eq!(chd.get(code).or_else(|| c.range(code)), want);
    }
    for (label, set) in [
        ("known codes", &s.known),
        ("unknown codes", &s.unknown),
        ("range codes", &s.range),
    ] {
        let mut group = criterion.benchmark_group(label);
        config(&mut group, set.len());
        over!(group, "chatcodes::explain", set.iter().copied(), |code| {
            explain(code)
        });
        over!(group, "std HashMap", set.iter().copied(), |code| hash_map
            .0
            .get(&code)
            .copied()
            .or_else(|| c.range(code)));
        over!(group, "sorted array", set.iter().copied(), |code| sorted
            .0
            .binary_search_by_key(&code, |&(k, _)| k)
            .ok()
            .map(|i| sorted.0[i].1)
            .or_else(|| c.range(code)));
        over!(group, "generated match", set.iter().copied(), |code| {
            generated::match_code(code)
                .map(|i| matched.0[usize::from(i)])
                .or_else(|| c.range(code))
        });
        over!(group, "ptrhash siphash i64", set.iter().copied(), |code| {
            ptr_sip.get(code).or_else(|| c.range(code))
        });
        over!(group, "ptrhash siphash i32", set.iter().copied(), |code| {
            i32::try_from(code)
                .ok()
                .and_then(|k| ptr_sip32.get(k))
                .or_else(|| c.range(code))
        });
        over!(group, "phf CHD siphash i64", set.iter().copied(), |code| {
            chd.get(code).or_else(|| c.range(code))
        });
        group.finish();
    }

    // explain_all on the codes with several meanings: count every meaning,
    // exact entries plus ranges of namespaces without an exact entry.
    let mut lists: HashMap<i64, Vec<Entry>> = HashMap::new();
    for &e in &c.all {
        if let Codes::Exact(k) = e.codes() {
            lists.entry(k).or_default().push(e);
        }
    }
    let mut sorted_lists: Vec<(i64, Vec<Entry>)> = lists.clone().into_iter().collect();
    sorted_lists.sort_by_key(|(k, _)| *k);
    let mut group = criterion.benchmark_group("explain_all on ambiguous codes");
    config(&mut group, s.ambiguous.len());
    let with_ranges = |code: i64, exact: &[Entry]| {
        let ranges = c.ranges.iter().filter(|&&(a, b, e)| {
            a <= code && code <= b && !exact.iter().any(|x| x.namespace() == e.namespace())
        });
        exact.len() + ranges.count()
    };
    for &code in &s.ambiguous {
        assert_eq!(explain_all(code).count(), with_ranges(code, &lists[&code]));
    }
    group.bench_function("chatcodes::explain_all", |b| {
        b.iter(|| {
            s.ambiguous
                .iter()
                .map(|&k| explain_all(black_box(k)).count())
                .sum::<usize>()
        })
    });
    group.bench_function("std HashMap", |b| {
        b.iter(|| {
            s.ambiguous
                .iter()
                .map(|&k| {
                    let k = black_box(k);
                    with_ranges(k, lists.get(&k).map_or(&[], Vec::as_slice))
                })
                .sum::<usize>()
        })
    });
    group.bench_function("sorted array", |b| {
        b.iter(|| {
            s.ambiguous
                .iter()
                .map(|&k| {
                    let k = black_box(k);
                    let exact = sorted_lists
                        .binary_search_by_key(&k, |(key, _)| *key)
                        .map_or(&[][..], |i| sorted_lists[i].1.as_slice());
                    with_ranges(k, exact)
                })
                .sum::<usize>()
        })
    });
    group.finish();
}

/// The same normalization explain_name does (trim, upper-case into a stack
/// buffer), so the alternatives differ only in the table.
fn with_upper<R>(name: &str, f: impl FnOnce(&str) -> Option<R>) -> Option<R> {
    let name = name.trim().as_bytes();
    let mut buffer = [0u8; 64];
    let upper = buffer.get_mut(..name.len())?;
    upper.copy_from_slice(name);
    upper.make_ascii_uppercase();
    f(std::str::from_utf8(upper).ok()?)
}

fn names(criterion: &mut Criterion) {
    let c = Catalogue::new();
    let s = sets(&c);
    let mut by_name: HashMap<String, Entry> = HashMap::new();
    for &e in &c.all {
        if let Some(n) = e.name() {
            by_name.entry(n.to_ascii_uppercase()).or_insert(e);
        }
    }
    let mut sorted: Vec<(String, Entry)> = by_name.iter().map(|(k, &e)| (k.clone(), e)).collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    for name in &s.names {
        let want = explain_name(name);
        assert_eq!(
            with_upper(name, |u| by_name.get(u).copied()),
            want,
            "{name}"
        );
        let by_match = with_upper(name, generated::match_name).map(|i| c.all[usize::from(i)]);
        assert_eq!(by_match, want, "{name}");
    }
    let mut group = criterion.benchmark_group("names");
    config(&mut group, s.names.len());
    over!(
        group,
        "chatcodes::explain_name",
        s.names.iter().map(String::as_str),
        |name| explain_name(name)
    );
    let names = &s.names;
    group.bench_function("std HashMap", |b| {
        b.iter(|| {
            names
                .iter()
                .filter(|n| with_upper(black_box(n), |u| by_name.get(u)).is_some())
                .count()
        })
    });
    group.bench_function("sorted array", |b| {
        b.iter(|| {
            names
                .iter()
                .filter(|n| {
                    with_upper(black_box(n), |u| {
                        sorted.binary_search_by(|(k, _)| k.as_str().cmp(u)).ok()
                    })
                    .is_some()
                })
                .count()
        })
    });
    group.bench_function("generated match", |b| {
        b.iter(|| {
            names
                .iter()
                .filter(|n| with_upper(black_box(n), generated::match_name).is_some())
                .count()
        })
    });
    group.finish();
}

criterion_group!(benches, codes, names);
criterion_main!(benches);
