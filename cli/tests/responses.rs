//! Every response fixture under `tests/fixtures/responses/` judged by the
//! library and by `chatcodes check`, against the verdict written beside it
//! (`NAME.toml`): the exit status, the vendor, every failure with the item it
//! concerns, the outcomes that are not failures, or the error for a body
//! that is not a response.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use chatcodes::{Outcome, OutcomeKind, Response, Vendor};
use common::chatcodes;
use serde_json::Value;

struct Fixture {
    name: String,
    path: PathBuf,
    body: Vec<u8>,
    api: Option<String>,
    vendor_flag: Option<String>,
    exit: i32,
    vendor: Option<String>,
    failures: Vec<String>,
    not_failures: Vec<String>,
    error: Option<String>,
    /// The JSON report's verdict, when it is not the exit status's plain
    /// `ok`/`failed` (`already_done`).
    verdict: Option<String>,
    /// More arguments to `check` (`--already-done-ok`).
    flags: Vec<String>,
}

fn strings(v: Option<&toml::Value>) -> Vec<String> {
    v.and_then(toml::Value::as_array)
        .map(|a| {
            a.iter()
                .map(|s| s.as_str().expect("strings").to_string())
                .collect()
        })
        .unwrap_or_default()
}

fn fixtures() -> Vec<Fixture> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/responses");
    let mut out = Vec::new();
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let expect: toml::Table = fs::read_to_string(path.with_extension("toml"))
            .unwrap_or_else(|e| panic!("{}: no verdict beside it: {e}", path.display()))
            .parse()
            .unwrap();
        let text = |k: &str| expect.get(k).and_then(|v| v.as_str()).map(String::from);
        out.push(Fixture {
            name: path.file_stem().unwrap().to_string_lossy().into_owned(),
            body: fs::read(&path).unwrap(),
            api: text("api"),
            vendor_flag: text("vendor_flag"),
            exit: expect["exit"].as_integer().unwrap() as i32,
            vendor: text("vendor"),
            failures: strings(expect.get("failures")),
            not_failures: strings(expect.get("not_failures")),
            error: text("error"),
            verdict: text("verdict"),
            flags: strings(expect.get("flags")),
            path,
        });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// `To_Account id2: 30010`, `Member_Account tommy: status 0`,
/// `UserID u1: listed in FailAccounts`, `MsgSeq 1: dropped`, `request: 90001`.
fn summary(
    kind: &str,
    item: Option<(&str, &str)>,
    code: Option<i64>,
    status: Option<i64>,
    array: Option<&str>,
) -> String {
    let who = match item {
        Some((field, id)) => format!("{field} {id}"),
        None => "request".to_string(),
    };
    let what = match (kind, code) {
        (_, Some(code)) => code.to_string(),
        ("item_status", None) => format!("status {}", status.unwrap()),
        ("fail_list", None) => format!("listed in {}", array.unwrap()),
        ("dropped", None) => "dropped".to_string(),
        _ => "no code".to_string(),
    };
    format!("{who}: {what}")
}

fn kind_name(kind: OutcomeKind) -> &'static str {
    match kind {
        OutcomeKind::Request => "request",
        OutcomeKind::ItemCode => "item_code",
        OutcomeKind::ItemStatus => "item_status",
        OutcomeKind::FailList => "fail_list",
        OutcomeKind::Dropped => "dropped",
    }
}

fn summarize(o: &Outcome) -> String {
    summary(
        kind_name(o.kind()),
        o.item().map(|i| (i.field, i.id.as_str())),
        o.code(),
        o.status(),
        o.array(),
    )
}

fn summarize_json(o: &Value) -> String {
    let item = o["item"]
        .as_object()
        .map(|i| (i["field"].as_str().unwrap(), i["id"].as_str().unwrap()));
    summary(
        o["kind"].as_str().unwrap(),
        item,
        o["code"].as_i64(),
        o["status"].as_i64(),
        o["array"].as_str(),
    )
}

#[test]
fn there_are_at_least_sixty_fixtures_covering_every_verdict() {
    let all = fixtures();
    assert!(all.len() >= 60, "only {} fixtures", all.len());
    for exit in 0..=2 {
        assert!(
            all.iter().filter(|f| f.exit == exit).count() >= 5,
            "exit {exit}"
        );
    }
    assert!(
        all.iter()
            .any(|f| f.vendor.as_deref() == Some("nexconn") && f.exit == 1)
    );
    assert!(
        all.iter()
            .any(|f| f.vendor.as_deref() == Some("nexconn") && f.exit == 0)
    );
}

#[test]
fn the_library_judges_every_fixture_right() {
    for f in fixtures() {
        let mut parser = Response::parser();
        if let Some(api) = &f.api {
            parser = parser
                .api(api)
                .unwrap_or_else(|e| panic!("{}: {e}", f.name));
        }
        match f.vendor_flag.as_deref() {
            Some("tencent") => parser = parser.vendor(Vendor::Tencent),
            Some("nexconn") => parser = parser.vendor(Vendor::Nexconn),
            _ => {}
        }
        match parser.parse(&f.body) {
            Ok(r) => {
                assert_ne!(f.exit, 2, "{}: parsed, but is not a response", f.name);
                assert_eq!(Some(r.vendor().to_string()), f.vendor, "{}", f.name);
                let failures: Vec<String> = r.failures().map(summarize).collect();
                assert_eq!(failures, f.failures, "{}: failures", f.name);
                let others: Vec<String> = r
                    .outcomes()
                    .iter()
                    .filter(|o| !o.is_failure())
                    .map(summarize)
                    .collect();
                assert_eq!(others, f.not_failures, "{}: not failures", f.name);
                let ok = f.flags.iter().any(|a| a == "--already-done-ok") && r.is_done();
                assert_eq!(r.is_success() || ok, f.exit == 0, "{}", f.name);
                assert_eq!(
                    r.failures().any(|o| !o.is_already_done()),
                    f.verdict.as_deref() != Some("already_done") && !r.is_success(),
                    "{}",
                    f.name
                );
                assert_eq!(
                    r.clone().into_result().is_ok(),
                    r.is_success(),
                    "{}",
                    f.name
                );
            }
            Err(e) => {
                assert_eq!(f.exit, 2, "{}: unexpected error {e}", f.name);
                let expected = f.error.as_deref().unwrap();
                assert!(
                    e.to_string().contains(expected),
                    "{}: {e:?} does not say {expected:?}",
                    f.name
                );
            }
        }
    }
}

fn check_args<'a>(f: &'a Fixture, format: &'a str) -> Vec<&'a str> {
    let mut args = vec!["check", f.path.to_str().unwrap(), "--format", format];
    if let Some(api) = &f.api {
        args.extend(["--api", api]);
    }
    if let Some(vendor) = &f.vendor_flag {
        args.extend(["--vendor", vendor]);
    }
    args.extend(f.flags.iter().map(String::as_str));
    args
}

#[test]
fn check_judges_every_fixture_right_in_json_and_names_the_items_in_text() {
    for f in fixtures() {
        let o = chatcodes(&check_args(&f, "json"), b"");
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(f.exit), "{}: {stderr}", f.name);
        if f.exit == 2 {
            assert!(o.stdout.is_empty(), "{}", f.name);
            assert!(
                stderr.contains(f.error.as_deref().unwrap()),
                "{}: {stderr}",
                f.name
            );
            continue;
        }
        let report: Value = serde_json::from_slice(&o.stdout).unwrap();
        let verdict = f
            .verdict
            .as_deref()
            .unwrap_or(if f.exit == 0 { "ok" } else { "failed" });
        assert_eq!(report["verdict"], verdict, "{}", f.name);
        assert_eq!(report["vendor"].as_str(), f.vendor.as_deref(), "{}", f.name);
        let outcomes = report["outcomes"].as_array().unwrap();
        let failures: Vec<String> = outcomes
            .iter()
            .filter(|o| o["failure"] == true)
            .map(summarize_json)
            .collect();
        assert_eq!(failures, f.failures, "{}: json failures", f.name);
        assert_eq!(report["failed"], f.failures.len(), "{}", f.name);
        // Each known code's explanation is given once, under the code, and
        // not in the outcomes.
        for o in outcomes {
            assert!(o.get("explanation").is_none(), "{}", f.name);
            if let Some(code) = o["code"].as_i64() {
                let known = chatcodes::explain_all(code).next().is_some();
                let given = report["explanations"][code.to_string()].is_object();
                assert_eq!(given, known, "{}: explanation of {code}", f.name);
            }
        }

        let text = chatcodes(&check_args(&f, "text"), b"");
        assert_eq!(text.status.code(), Some(f.exit), "{}", f.name);
        let text = String::from_utf8(text.stdout).unwrap();
        let verdict = text.lines().next().unwrap();
        assert!(
            verdict.starts_with(if f.exit == 0 { "OK:" } else { "FAILED:" }),
            "{}: {verdict}",
            f.name
        );
        // One judgment: the headline says "nothing failed" exactly when
        // nothing did, "already done" exactly when the verdict is that, and
        // starts OK exactly when the exit status is 0.
        assert_eq!(
            verdict.contains("nothing failed"),
            f.failures.is_empty(),
            "{}: {verdict}",
            f.name
        );
        if f.verdict.as_deref() == Some("already_done") {
            assert!(verdict.contains("already done"), "{}: {verdict}", f.name);
        }
        for failure in &f.failures {
            let (who, _) = failure.split_once(": ").unwrap();
            if let Some((field, id)) = who.split_once(' ') {
                assert!(
                    text.contains(field) && text.contains(id),
                    "{}: {id} not named:\n{text}",
                    f.name
                );
            }
        }

        let lines = chatcodes(&check_args(&f, "ndjson"), b"");
        assert_eq!(lines.status.code(), Some(f.exit), "{}", f.name);
        let records: Vec<Value> = String::from_utf8(lines.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(
            records.len(),
            outcomes.len(),
            "{}: one line per outcome",
            f.name
        );
        for (line, o) in records.iter().zip(outcomes) {
            assert_eq!(summarize_json(line), summarize_json(o), "{}", f.name);
            let by_code = o["code"]
                .as_i64()
                .map(|c| &report["explanations"][c.to_string()]);
            match by_code {
                Some(e) if e.is_object() => assert_eq!(&line["explanation"], e, "{}", f.name),
                _ => assert!(line.get("explanation").is_none(), "{}", f.name),
            }
        }
    }
}
