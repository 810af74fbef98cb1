//! Arbitrary bytes through `chatcodes check`'s whole path: parsing (with no
//! API and with `v4/sns/friend_add`), then the text, JSON and NDJSON reports.
//!
//! - Nothing panics, and whatever serde_json rejects is refused.
//! - The text report's headline says "OK: nothing failed" exactly when the
//!   response is a success (the exit status 0), and "FAILED" otherwise.
//! - The JSON report is JSON whose `verdict` and `failed` agree with it, and
//!   the NDJSON report has one JSON line per outcome.
#![no_main]

use chatcodes::Response;
use chatcodes_cli::check::{CheckFormat, ReportOptions, write_report};
use chatcodes_cli::text::Style;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let body = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    let rejected = serde_json::from_slice::<Value>(body).is_err();
    let parsers = [
        Response::parser(),
        Response::parser().api("v4/sns/friend_add").unwrap(),
    ];
    for parser in parsers {
        let Ok(response) = parser.parse(data) else {
            continue;
        };
        assert!(!rejected, "serde_json rejects what check judged");
        let success = response.is_success();
        let report = |format| {
            let mut out = Vec::new();
            write_report(&response, format, &Style::plain(), ReportOptions::default(), &mut out).unwrap();
            String::from_utf8(out).expect("reports are UTF-8")
        };
        let text = report(CheckFormat::Text);
        let headline = text.lines().next().unwrap();
        assert_eq!(headline.starts_with("OK: nothing failed"), success, "{headline}");
        assert_eq!(headline.starts_with("FAILED: "), !success, "{headline}");
        assert!(!headline.contains("nothing failed") || success, "{headline}");
        let json: Value = serde_json::from_str(&report(CheckFormat::Json)).unwrap();
        assert_eq!(json["verdict"], if success { "ok" } else { "failed" });
        assert_eq!(json["failed"], response.failures().count());
        let ndjson = report(CheckFormat::Ndjson);
        assert_eq!(ndjson.lines().count(), response.outcomes().len());
        for line in ndjson.lines() {
            serde_json::from_str::<Value>(line).unwrap();
        }
    }
});
