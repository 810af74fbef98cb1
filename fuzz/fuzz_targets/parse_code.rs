//! Arbitrary text as a code or an official name, and arbitrary numbers
//! through every lookup: nothing panics and the lookups agree.
#![no_main]

use chatcodes::{CodeQuery, explain, explain_all, explain_in, explain_name};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        match text.parse::<CodeQuery>() {
            Ok(CodeQuery::Code(code)) => {
                // The number, or an integral decimal (`70001.0`) read as it.
                let t = text.trim();
                let whole = match t.split_once('.') {
                    Some((w, f)) if !f.is_empty() && f.bytes().all(|b| b == b'0') => w,
                    _ => t,
                };
                assert_eq!(whole.parse::<i64>().ok(), Some(code), "{text:?}");
            }
            Ok(CodeQuery::Name(entry)) => assert_eq!(explain_name(text.trim()), Some(entry)),
            Err(error) => assert!(!error.to_string().is_empty()),
        }
        let _ = explain_name(text);
    }
    if let Some(bytes) = data.get(..8) {
        let code = i64::from_le_bytes(bytes.try_into().expect("eight bytes"));
        let all: Vec<_> = explain_all(code).collect();
        assert_eq!(explain(code), all.first().copied());
        for entry in all {
            assert_eq!(explain_in(entry.namespace(), code), Some(entry));
        }
    }
});
