//! Arbitrary bytes as a REST response body, read with the generic shape and
//! with one API's: parsing either fails with a `ResponseError` or yields a
//! response whose outcomes are consistent, without panicking. Whatever
//! serde_json rejects must be rejected too.
#![no_main]

use chatcodes::Response;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let generic = Response::parse(data);
    let parser = Response::parser().api("v4/sns/friend_add").unwrap();
    let friend_add = parser.parse(data);
    let body = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    if serde_json::from_slice::<serde_json::Value>(body).is_err() {
        assert!(generic.is_err() && friend_add.is_err());
    }
    for response in [generic, friend_add].into_iter().flatten() {
        let failures: Vec<_> = response.failures().collect();
        assert!(failures.iter().all(|f| f.is_failure()));
        assert!(response.outcomes().len() >= failures.len());
        for outcome in response.outcomes() {
            let _ = outcome.to_string();
            assert_eq!(outcome.to_error().code(), outcome.code());
        }
        let first = failures.first().map(|f| (*f).clone());
        match response.clone().into_result() {
            Ok(_) => assert!(first.is_none()),
            Err(outcome) => assert_eq!(Some(*outcome), first),
        }
    }
});
