//! Lookups allocate nothing, and a warmed-up enricher allocates nothing per
//! line: counted with a global allocator that counts this thread's calls.
//!
//! One test function in its own binary, so no other test allocates on the
//! counting thread while it counts.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

use chatcodes::{
    Codes, Namespace, api_entries, apis, entries, explain, explain_all, explain_for_api,
    explain_in, explain_name,
};

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    static COUNTING: Cell<bool> = const { Cell::new(false) };
}

fn note() {
    if COUNTING.with(Cell::get) {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
    }
}

// SAFETY: every call is forwarded unchanged to the system allocator.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note();
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        note();
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note();
        unsafe { System.realloc(ptr, layout, new_size) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The number of allocations `f` makes on this thread.
fn allocations(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    COUNTING.with(|c| c.set(true));
    f();
    COUNTING.with(|c| c.set(false));
    ALLOCATIONS.load(Ordering::Relaxed) - before
}

#[test]
fn lookups_and_warm_enrichment_do_not_allocate() {
    // The counter works: a Vec allocates.
    assert_eq!(allocations(|| drop(std::hint::black_box(vec![1u8; 16]))), 1);

    let all: Vec<_> = entries().chain(api_entries()).collect();
    let codes: Vec<i64> = all
        .iter()
        .flat_map(|e| match e.codes() {
            Codes::Exact(c) => vec![c, c + 1, -c],
            Codes::Range { first, last } => vec![first, (first + last) / 2, last, last + 1],
        })
        .chain([0, i64::MIN, i64::MAX])
        .collect();
    let names: Vec<String> = all
        .iter()
        .filter_map(|e| e.name())
        .flat_map(|n| [n.to_string(), format!("  {}  ", n.to_ascii_lowercase())])
        .chain(["NO_SUCH_NAME".to_string(), "x".repeat(1000), String::new()])
        .collect();
    let api_names: Vec<&str> = apis()
        .iter()
        .map(chatcodes::Api::path)
        .chain([
            "v4/no/such_api",
            "v4/group_open_http_svc/get_group_shutted_uin",
        ])
        .collect();
    assert!(
        codes.len() > 1000 && names.len() > 600,
        "the catalogue is not empty"
    );

    let mut found = 0usize;
    let n = allocations(|| {
        for &code in &codes {
            found += usize::from(explain(code).is_some());
            found += explain_all(code).count();
            for ns in Namespace::ALL {
                found += usize::from(explain_in(*ns, code).is_some());
            }
            for api in &api_names {
                found += usize::from(explain_for_api(api, code).is_some());
            }
        }
        for name in &names {
            found += usize::from(explain_name(name).is_some());
        }
        // The text in either language borrows the catalogue's.
        for e in &all {
            for lang in chatcodes::Lang::ALL {
                found += e.description_in(*lang).len() + e.remedy_in(*lang).len();
                found += e.causes_in(*lang).len() + usize::from(e.note_in(*lang).is_some());
                found += e.namespace().title_in(*lang).len() + e.category().title_in(*lang).len();
                found += e.retryability().rule_in(*lang).len();
                found += e.record_in(*lang).description.len();
            }
        }
    });
    assert_eq!(n, 0, "lookups allocated {n} times");
    assert!(found > codes.len(), "the lookups found entries ({found})");

    #[cfg(feature = "enrich")]
    {
        use chatcodes::enrich::{Enricher, LineOutcome};
        let lines: &[&[u8]] = &[
            br#"{"ts":1,"response":{"ActionStatus":"FAIL","ErrorCode":70001,"ErrorInfo":"x"}}"#,
            br#"{"ResultItem":[{"To_Account":"a","ResultCode":30010},{"ResultCode":"30515"}],"ErrorCode":0}"#,
            br#"{"ErrorCode":424242}"#,
            br#"{"ErrorCode":0,"msg":"ok"}"#,
            br#"{"ErrorCode":70001,"broken"#,
            b"not json at all",
            br#"{"api":"sns/friend_add","r":{"RecallRetList":[{"MsgSeq":1,"RetCode":10030}]}}"#,
            br#"{"level":"debug","msg":"no code here","n":[1,2,{"a":null}]}"#,
        ];
        let mut enricher = Enricher::new();
        let mut out = Vec::with_capacity(1 << 16);
        // Warm up: the enricher caches each explanation's JSON on first use.
        for line in lines {
            enricher.line(line, &mut out).unwrap();
        }
        let mut outcomes = Vec::with_capacity(lines.len() * 100);
        let n = allocations(|| {
            for _ in 0..100 {
                out.clear();
                for line in lines {
                    outcomes.push(enricher.line(line, &mut out).unwrap());
                }
            }
        });
        assert_eq!(n, 0, "enriching warm lines allocated {n} times");
        assert!(outcomes.contains(&LineOutcome::Enriched { unknown_codes: 1 }));
        assert!(outcomes.contains(&LineOutcome::NotJson));
    }
}
