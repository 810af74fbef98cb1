//! Properties over all inputs: no `i64` and no string makes a lookup panic,
//! and the lookup functions agree with each other.

use chatcodes::{CodeQuery, entries, explain, explain_all, explain_in, explain_name};
use proptest::prelude::*;

/// Codes near the catalogue's entries, so that hits are common, not just misses.
fn near_known_code() -> impl Strategy<Value = i64> {
    let codes: Vec<i64> = entries().map(|e| e.codes().first()).collect();
    (proptest::sample::select(codes), -2i64..=2).prop_map(|(c, d)| c.saturating_add(d))
}

fn any_code() -> impl Strategy<Value = i64> {
    prop_oneof![
        any::<i64>(),
        near_known_code(),
        Just(i64::MIN),
        Just(i64::MAX)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn explain_agrees_with_the_first_of_explain_all(code in any_code()) {
        let best = explain(code);
        let all: Vec<_> = explain_all(code).collect();
        prop_assert_eq!(best.map(|e| e as *const _), all.first().map(|e| *e as *const _));
        // At most one entry per namespace, each covering the code and agreeing with explain_in.
        for (i, e) in all.iter().enumerate() {
            prop_assert!(e.codes().contains(code));
            prop_assert!(all[..i].iter().all(|o| o.namespace() != e.namespace()));
            prop_assert!(std::ptr::eq(explain_in(e.namespace(), code).unwrap(), *e));
        }
    }

    #[test]
    fn parsing_any_string_never_panics(text in any::<String>()) {
        let _ = text.parse::<CodeQuery>();
        let _ = explain_name(&text);
    }

    #[test]
    fn parsing_a_formatted_code_gives_it_back(code in any::<i64>(), pad in "[ \t]{0,3}") {
        let text = format!("{pad}{code}{pad}");
        prop_assert_eq!(text.parse::<CodeQuery>(), Ok(CodeQuery::Code(code)));
    }
}
