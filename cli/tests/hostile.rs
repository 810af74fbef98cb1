//! Hostile input for the command line: every case gets a faithful
//! pass-through or a clear error, never a crash or a lost line.

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
        assert!(stderr.contains("not a JSON document"), "{stderr}");
    }
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let o = run(&["check"], deep.as_bytes());
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("recursion limit exceeded"));
    // Deep nesting under a member nobody reads is still beyond serde_json's
    // limit: the body is refused, without deep recursion.
    let deep = format!(
        r#"{{"ActionStatus":"FAIL","ErrorCode":70001,"x":{}{}}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert!(serde_json::from_str::<Value>(&deep).is_err());
    let o = run(&["check"], deep.as_bytes());
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("recursion limit exceeded"), "{stderr}");
    let o = run(&["check"], b"\xff\xfe{}");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("UTF-16"));
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
    // By default: one group, the first items named, the rest counted.
    let o = run(&["check"], body.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    let report = String::from_utf8(o.stdout).unwrap();
    assert!(report.starts_with("FAILED: 200 item(s) failed (200,000 item result(s) read)"));
    assert!(
        report
            .contains("To_Account user0, user1000, user2000, user3000, user4000 ... and 195 more")
    );
    assert_eq!(report.matches("30010 ERR_").count(), 1, "{report}");
    // --all-items names every one, and JSON lists every one.
    let o = run(&["check", "--all-items"], body.as_bytes());
    let report = String::from_utf8(o.stdout).unwrap();
    for i in (0..200_000).step_by(1000) {
        assert!(
            report.contains(&format!("user{i},")) || report.contains(&format!("user{i}\n")),
            "user{i} missing"
        );
    }
    let o = run(&["check", "--format", "json"], body.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let ids: Vec<&str> = report["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["item"]["id"].as_str().unwrap())
        .collect();
    let expected: Vec<String> = (0..200_000)
        .step_by(1000)
        .map(|i| format!("user{i}"))
        .collect();
    assert_eq!(ids, expected);
    assert_eq!(report["items"], 200_000);
}

#[test]
fn check_refuses_a_response_over_256_mib_instead_of_buffering_it() {
    let mut body = vec![b' '; 256 << 20];
    body.extend_from_slice(br#"{"ActionStatus":"OK","ErrorCode":0}"#);
    let o = run(&["check"], &body);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("larger than 268435456 bytes"));
}

/// Runs `chatcodes ARGS` through `sh` with the redirections `redirect`
/// (`>&-`, `2>/dev/full`) and `stdin` as input; returns the exit status and
/// what reached stdout and stderr (where they are not redirected).
fn redirected(args: &str, redirect: &str, stdin: &[u8]) -> (Option<i32>, String, String) {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let script = format!("exec \"$0\" {args} {redirect}");
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_chatcodes"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let o = child.wait_with_output().unwrap();
    let text = |b: Vec<u8>| String::from_utf8_lossy(&b).into_owned();
    (o.status.code(), text(o.stdout), text(o.stderr))
}

const LOG: &[u8] = b"{\"ErrorCode\":70001}\nnot json\n{\"ErrorCode\":0}\n{\"ResultCode\":30010}\n";

#[test]
fn a_full_or_closed_stderr_is_an_error_not_a_panic() {
    for (args, stdin) in [
        ("enrich", LOG),
        ("explain 99999999", &b""[..]),
        ("check", &b"{}"[..]),
        (
            "list --retryability conflict --vendor nexconn --category nothing",
            &b""[..],
        ),
    ] {
        for redirect in ["2>/dev/full", "2>&-"] {
            let (code, _, _) = redirected(args, &format!(">/dev/null {redirect}"), stdin);
            assert!(
                matches!(code, Some(1 | 2)),
                "{args} {redirect}: exit {code:?} (101 is a panic)"
            );
        }
    }
    // Nothing to say on stderr: a full stderr does not matter.
    let (code, out, _) = redirected("explain 70001", "2>/dev/full", b"");
    assert_eq!(code, Some(0));
    assert!(out.starts_with("70001 "), "{out}");
}

#[test]
fn a_closed_or_full_stdout_is_an_error_and_the_summary_does_not_claim_success() {
    let body = br#"{"ActionStatus":"FAIL","ErrorCode":70001}"#;
    for (args, stdin) in [
        ("enrich", LOG),
        ("explain 70001", &b""[..]),
        ("check", body),
        ("export --format csv", b""),
        ("list", b""),
    ] {
        for redirect in [">&-", ">/dev/full"] {
            let (code, _, err) = redirected(args, redirect, stdin);
            assert_eq!(code, Some(2), "{args} {redirect}: {err}");
            assert!(!err.contains("enriched"), "{args} {redirect}: {err}");
            assert!(
                err.contains("standard output") || err.contains("No space"),
                "{args} {redirect}: {err}"
            );
        }
    }
}

#[test]
fn a_reader_that_leaves_early_is_a_quiet_success() {
    let (code, out, err) = redirected("export --format csv", "| head -1", b"");
    assert_eq!((code, err.as_str()), (Some(0), ""), "{out}");
    assert_eq!(out.lines().count(), 1);
}

#[test]
fn enrich_writes_each_line_while_its_input_stays_open() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::{Command, Stdio};
    use std::sync::mpsc;
    use std::time::Duration;
    let mut child = Command::new(env!("CARGO_BIN_EXE_chatcodes"))
        .env("LC_ALL", "C")
        .arg("enrich")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    // Like `tail -F`: a line, then a pause with the input still open.
    for (line, code) in [
        ("{\"ErrorCode\":70001}\n", "70001"),
        ("{\"ResultCode\":30010}\n", "30010"),
    ] {
        input.write_all(line.as_bytes()).unwrap();
        input.flush().unwrap();
        let out = rx
            .recv_timeout(Duration::from_secs(1))
            .unwrap_or_else(|_| panic!("{code}: no output within a second"));
        assert!(out.contains("_explained") && out.contains(code), "{out}");
    }
    drop(input);
    let status = child.wait().unwrap();
    assert!(status.success());
    reader.join().unwrap();
}

#[test]
fn an_escaped_key_is_the_same_key() {
    let (lines, _) = enrich(&[
        br#"{"\u0045rrorCode":70001}"#,
        br#"{"Result\u0043ode":"30010"}"#,
    ]);
    for line in &lines {
        let v: Value = serde_json::from_slice(line).unwrap();
        assert!(
            v["ErrorCode_explained"]["code"] == 70001 || v["ResultCode_explained"]["code"] == 30010,
            "{}",
            String::from_utf8_lossy(line)
        );
    }
}

#[test]
fn explain_reads_an_integral_decimal_as_enrich_does() {
    let o = run(&["explain", "70001.0", "--format", "json"], b"");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[0]["code"], 70001);
    let o = run(&["explain", "70001.5"], b"");
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn errors_about_standard_input_name_it() {
    let o = run(&["check"], b"");
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2));
    assert!(!err.contains("read -"), "{err}");
    let o = run(&["check", "/nonexistent/body.json"], b"");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("cannot read /nonexistent/body.json"), "{err}");
}

#[test]
fn a_read_write_dev_null_is_not_a_closed_descriptor() {
    // Stdio::null(), like Python's subprocess.DEVNULL, opens /dev/null read-write.
    use std::io::Write;
    use std::process::{Command, Stdio};
    for args in [&["enrich"][..], &["explain", "70001"]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_chatcodes"))
            .env("LC_ALL", "C")
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // explain reads no input and may exit before it is written.
        let _ = child.stdin.take().unwrap().write_all(LOG);
        assert!(child.wait().unwrap().success(), "{args:?}");
    }
}
