//! Hostile input for the command line: every case gets a faithful
//! pass-through or a clear error, never a crash or a lost line.
#![cfg(feature = "cli")]

mod common;

use common::chatcodes as run;
use serde_json::Value;

/// Runs `enrich` on `lines` (joined with newlines) and checks that exactly
/// one line comes out per line in; returns the output lines and stderr.
fn enrich(lines: &[&[u8]]) -> (Vec<Vec<u8>>, String) {
    let input = lines.join(&b'\n');
    let o = run(&["enrich"], &input);
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(o.status.success(), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let out: Vec<Vec<u8>> = o
        .stdout
        .split(|&b| b == b'\n')
        .map(<[u8]>::to_vec)
        .collect();
    assert_eq!(out.len(), lines.len(), "one output line per input line");
    (out, stderr)
}

fn explained(line: &[u8]) -> Value {
    let v: Value = serde_json::from_slice(line).expect("enriched output is JSON");
    v["ErrorCode_explained"].clone()
}

#[test]
fn ten_megabyte_lines_are_enriched_or_copied_whole() {
    let padding = "x".repeat(10 << 20);
    let with_code = format!(r#"{{"pad":"{padding}","ErrorCode":70001}}"#);
    let without_code = format!(r#"{{"pad":"{padding}"}}"#);
    let not_json = padding.as_bytes();
    let (out, stderr) = enrich(&[with_code.as_bytes(), without_code.as_bytes(), not_json]);
    assert_eq!(explained(&out[0])["code"], 70001);
    assert!(out[0].starts_with(&with_code.as_bytes()[..with_code.len() - 1]));
    assert_eq!(out[1], without_code.as_bytes());
    assert_eq!(out[2], not_json);
    assert!(
        stderr.contains("3 lines, 1 enriched, 0 unknown codes, 1 passed through"),
        "{stderr}"
    );
}

#[test]
fn deep_nesting_passes_through_beyond_serde_jsons_limit() {
    let nested = |depth: usize| {
        format!(
            r#"{{"ErrorCode":70001,"x":{}{}}}"#,
            "[".repeat(depth),
            "]".repeat(depth)
        )
    };
    let (shallow, deep, absurd) = (nested(126), nested(127), nested(1_000_000));
    let unclosed = format!(r#"{{"ErrorCode":70001,"x":{}"#, "{\"a\":".repeat(100_000));
    let (out, stderr) = enrich(&[
        shallow.as_bytes(),
        deep.as_bytes(),
        absurd.as_bytes(),
        unclosed.as_bytes(),
    ]);
    assert_eq!(
        explained(&out[0])["code"],
        70001,
        "127 levels in all are allowed"
    );
    assert_eq!(out[1], deep.as_bytes());
    assert_eq!(out[2], absurd.as_bytes());
    assert_eq!(out[3], unclosed.as_bytes());
    assert!(stderr.contains("3 passed through as not JSON"), "{stderr}");
}

#[test]
fn invalid_utf8_passes_through_byte_for_byte() {
    let lines: &[&[u8]] = &[
        b"{\"ErrorCode\":70001,\"msg\":\"\xff\xfe\"}",
        b"{\"ErrorCode\":70001,\"msg\":\"\xc3\"}",
        b"\xef\xbb\xbf{\"ErrorCode\":70001}",
    ];
    let (out, stderr) = enrich(lines);
    for (got, want) in out.iter().zip(lines) {
        assert_eq!(got, want);
    }
    assert!(stderr.contains("3 passed through as not JSON"), "{stderr}");
}

#[test]
fn codes_too_large_or_not_integers_are_left_alone() {
    let lines: &[&[u8]] = &[
        br#"{"ErrorCode":99999999999999999999999}"#,
        br#"{"ErrorCode":-9223372036854775809}"#,
        br#"{"ErrorCode":70001.5}"#,
        br#"{"ErrorCode":"seventy"}"#,
        br#"{"ErrorCode":null}"#,
        br#"{"ErrorCode":{"code":70001}}"#,
    ];
    let (out, stderr) = enrich(lines);
    for (got, want) in out.iter().zip(lines) {
        assert_eq!(got, want, "not a code: copied");
    }
    assert!(
        stderr.contains("0 enriched, 0 unknown codes, 0 passed"),
        "{stderr}"
    );
    let (out, stderr) = enrich(&[br#"{"ErrorCode":1e400}"#]);
    assert_eq!(out[0], br#"{"ErrorCode":1e400}"#);
    assert!(
        stderr.contains("1 passed through as not JSON"),
        "serde_json rejects 1e400"
    );
}

#[test]
fn codes_as_strings_and_integral_floats_are_explained() {
    let (out, _) = enrich(&[
        br#"{"ErrorCode":"70001"}"#,
        br#"{"ErrorCode":" -10106 "}"#,
        br#"{"ErrorCode":70001.0}"#,
        br#"{"ErrorCode":7.0001e4}"#,
        br#"{"ErrorCode":"\u0037\u0030\u0030\u0030\u0031"}"#,
        br#"{"ErrorCode":9223372036854775807}"#,
    ]);
    for line in &out[..5] {
        let e = explained(line);
        assert!(e["code"] == 70001 || e["code"] == -10106, "{e}");
        assert!(e["description"].is_string(), "{e}");
    }
    assert_eq!(explained(&out[5])["unknown"], true);
}

#[test]
fn check_rejects_truncated_and_broken_responses_clearly() {
    let full = br#"{"ActionStatus":"FAIL","ErrorCode":70001,"ErrorInfo":"sig expired"}"#;
    for cut in [0, 1, full.len() / 2, full.len() - 1] {
        let o = run(&["check"], &full[..cut]);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "cut at {cut}: {stderr}");
        assert!(stderr.contains("not a REST response"), "{stderr}");
    }
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let o = run(&["check"], deep.as_bytes());
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("recursion limit"));
    let o = run(&["check"], b"\xff\xfe{}");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("UTF-8"));
}

#[test]
fn check_reports_every_failure_of_a_huge_response() {
    let items: Vec<String> = (0..200_000)
        .map(|i| {
            let code = if i % 1000 == 0 { 30010 } else { 0 };
            format!(r#"{{"To_Account":"user{i}","ResultCode":{code}}}"#)
        })
        .collect();
    let body = format!(
        r#"{{"ActionStatus":"OK","ErrorCode":0,"ResultItem":[{}]}}"#,
        items.join(",")
    );
    assert!(body.len() > 8 << 20);
    let o = run(&["check"], body.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    let report = String::from_utf8(o.stdout).unwrap();
    for i in (0..200_000).step_by(1000) {
        assert!(
            report.contains(&format!("target user{i} failed with 30010")),
            "user{i} missing"
        );
    }
    assert_eq!(report.matches("target user").count(), 200);
    assert!(report.contains("200 failure(s), 200000 target result(s)"));
}

#[test]
fn check_refuses_a_response_over_64_mib_instead_of_buffering_it() {
    let mut body = vec![b' '; 64 << 20];
    body.extend_from_slice(br#"{"ActionStatus":"OK","ErrorCode":0}"#);
    let o = run(&["check"], &body);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("response larger than"));
}
