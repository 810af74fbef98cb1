//! Arbitrary text as a Tencent REST response: parsing either fails with a
//! `ResponseError` or yields a response whose failures can all be explained,
//! without panicking.
#![no_main]

use chatcodes::Response;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(response) = Response::from_json(text) else {
        return;
    };
    let failures = response.failures();
    let outcomes = response.outcomes_for_api("v4/sns/friend_add");
    assert!(failures.iter().all(|f| f.is_failure()));
    assert!(outcomes.len() >= response.failures_for_api("v4/sns/friend_add").len());
    for failure in &failures {
        let _ = failure.error.to_string();
    }
    match response.clone().into_result() {
        Ok(_) => assert!(failures.is_empty()),
        Err(error) => assert_eq!(error.code(), failures[0].error.code()),
    }
});
