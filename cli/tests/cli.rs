//! The `chatcodes` command as a user runs it.

mod common;

use std::process::Output;

use common::{chatcodes, succeed};

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn explain_prints_every_meaning_and_fails_on_unknown_codes() {
    let o = chatcodes(&["explain", " 1001 "], b"");
    assert!(o.status.success());
    let text = stdout(&o);
    assert!(
        text.contains("1001 means different things in 2 namespaces"),
        "{text}"
    );
    assert!(text.contains("Incorrect App Secret.") && text.contains("Invalid request."));

    let o = chatcodes(
        &["explain", "-10106", "err_svr_account_usersig_expired"],
        b"",
    );
    assert!(o.status.success());
    assert!(stdout(&o).contains("ERR_SVR_SSO_D2KEY_WRONG") && stdout(&o).contains("70001"));

    let o = chatcodes(&["explain", "70001", "99999"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown code 99999"));

    let o = chatcodes(&["explain", "7000l"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("neither a code number"));
}

#[test]
fn explain_speaks_problem_json() {
    let o = chatcodes(
        &[
            "explain",
            "--format",
            "problem",
            "--namespace",
            "nexconn_http",
            "429",
        ],
        b"",
    );
    let p: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(p["status"], 429);
    assert_eq!(p["retryability"], "throttled");
    assert_eq!(p["type"], "urn:chatcodes:nexconn_http:429");
    let o = chatcodes(&["explain", "-f", "problem", "8512"], b"");
    let p: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(p["retry_after_ms"], 60000);
    assert!(p.get("status").is_none());
}

#[test]
fn export_csv_has_a_header_and_one_row_per_entry() {
    let csv = stdout(&chatcodes(&["export", "--format", "csv"], b""));
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some(
            "code,vendor,namespace,category,name,description,retryability,retry_after_ms,remedy,source,retired,catalogue_version"
        )
    );
    assert_eq!(lines.count(), chatcodes::entries().len());
    // Two columns keyed by code alone are of one namespace, named: that
    // namespace's meaning of each number.
    let refused = chatcodes(&["export", "--columns", "code,description"], b"");
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("needs one --namespace"));
    let two = stdout(&chatcodes(
        &[
            "export",
            "--columns",
            "code,description",
            "-n",
            "tencent_server",
        ],
        b"",
    ));
    assert_eq!(
        two.lines()
            .filter(|l| l.starts_with("1001,"))
            .collect::<Vec<_>>(),
        ["1001,Invalid request. Check whether the Request URL is correct."]
    );
    let ndjson = stdout(&chatcodes(&["export", "-f", "ndjson"], b""));
    assert!(
        ndjson
            .lines()
            .all(|l| serde_json::from_str::<serde_json::Value>(l).is_ok())
    );
    let dict: serde_json::Value = serde_json::from_slice(
        &chatcodes(
            &[
                "export",
                "-f",
                "json",
                "--dictionary",
                "-n",
                "tencent_server",
            ],
            b"",
        )
        .stdout,
    )
    .unwrap();
    assert_eq!(
        dict["70001"],
        chatcodes::explain(70001).unwrap().description()
    );
}

#[test]
fn search_ranks_names_and_descriptions() {
    let text = stdout(&chatcodes(&["search", "usersig", "expired"], b""));
    let first: Vec<&str> = text.lines().take(3).collect();
    assert!(first.iter().any(|l| l.contains("70001")), "{text}");
    assert_eq!(
        chatcodes(&["search", "zzzzqqq"], b"").status.code(),
        Some(1)
    );
}

#[test]
fn enrich_keeps_every_line_in_order_and_byte_for_byte_when_untouched() {
    let mut input = Vec::new();
    let untouched: Vec<&[u8]> = vec![
        br#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}"#,
        b"plain text",
        b"\xff\xfe not utf-8 {\"ErrorCode\":70001}",
        br#"{"ErrorCode": 70001, "broken""#,
        b"",
        br#"  {"ResultItem":[{"To_Account":"a","ResultCode":0}]}"#,
    ];
    for line in &untouched {
        input.extend_from_slice(line);
        input.push(b'\n');
    }
    input.extend_from_slice(
        br#"{"ErrorCode":70001,"ResultItem":[{"To_Account":"b","ResultCode":"30515"}]}"#,
    );
    input.extend_from_slice(b"\r\nlast line without newline");
    let o = chatcodes(&["enrich"], &input);
    assert!(o.status.success());
    let lines: Vec<&[u8]> = o.stdout.split(|&b| b == b'\n').collect();
    assert_eq!(lines.len(), untouched.len() + 2);
    for (got, want) in lines.iter().zip(&untouched) {
        assert_eq!(got, want);
    }
    let enriched = std::str::from_utf8(lines[untouched.len()]).unwrap();
    let enriched = enriched.strip_suffix('\r').expect("CRLF kept");
    let v: serde_json::Value = serde_json::from_str(enriched).unwrap();
    assert_eq!(
        v["ErrorCode_explained"]["name"],
        "ERR_SVR_ACCOUNT_USERSIG_EXPIRED"
    );
    assert_eq!(
        v["ResultItem"][0]["ResultCode_explained"]["retryability"],
        "after_remediation"
    );
    assert_eq!(lines.last().unwrap(), b"last line without newline");
    let summary = String::from_utf8_lossy(&o.stderr);
    assert!(
        summary.contains("8 lines, 1 enriched, 0 unknown codes, 5 passed through as not JSON"),
        "{summary}"
    );
}

#[test]
fn enrich_marks_unknown_codes_and_follows_field_paths() {
    let o = chatcodes(
        &[
            "enrich",
            "--field",
            "data.items[].code",
            "--namespace",
            "nexconn_business",
        ],
        br#"{"data":{"items":[{"code":1008},{"code":7}]}}"#,
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        v["data"]["items"][0]["code_explained"]["retryability"],
        "throttled"
    );
    assert_eq!(v["data"]["items"][1]["code_explained"]["unknown"], true);
    let bad = chatcodes(&["enrich", "--field", "a..b"], b"");
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn enrich_writes_the_fields_chosen_in_the_language_chosen() {
    let line = br#"{"ErrorCode":70001,"ResultItem":[{"ResultCode":30010}]}"#;
    let out = succeed(&["enrich", "--fields", "retryability, name"], line);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let explained = v["ErrorCode_explained"].as_object().unwrap();
    let keys: Vec<&str> = explained.keys().map(String::as_str).collect();
    assert_eq!(keys, ["code", "name", "retryability"], "{out}");
    assert_eq!(explained["name"], "ERR_SVR_ACCOUNT_USERSIG_EXPIRED");
    assert_eq!(
        v["ResultItem"][0]["ResultCode_explained"]["retryability"],
        chatcodes::explain_in(chatcodes::Namespace::TencentServer, 30010)
            .unwrap()
            .retryability()
            .to_string()
    );
    let full = succeed(&["enrich"], line);
    assert!(out.len() * 3 < full.len(), "{out}\n{full}");

    let zh = succeed(&["--lang", "zh", "enrich"], line);
    let v: serde_json::Value = serde_json::from_str(&zh).unwrap();
    assert_eq!(
        v["ErrorCode_explained"]["description"],
        chatcodes::explain(70001)
            .unwrap()
            .description_in(chatcodes::Lang::Zh)
    );

    let bad = chatcodes(&["enrich", "--fields", "name,retry"], b"");
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains(r#"unknown record field "retry""#), "{err}");
    assert!(err.contains("retryability"), "{err}");
}

#[test]
fn enrich_writes_the_same_bytes_on_one_two_or_eight_threads() {
    let mut log = Vec::new();
    for i in 0..60_000u32 {
        let line = match i % 4 {
            0 => format!(
                r#"{{"ErrorCode":{},"api":"v4/sns/friend_add"}}"#,
                30000 + i % 20
            ),
            1 => format!(r#"{{"n":{i},"pad":"{}"}}"#, "x".repeat((i % 300) as usize)),
            2 => format!("broken {{\"ErrorCode\":{i}\r"),
            _ => r#"{"ResultItem":[{"ResultCode":70001}]}"#.to_string(),
        };
        log.extend_from_slice(line.as_bytes());
        log.push(b'\n');
    }
    log.extend_from_slice(br#"{"ErrorCode":70001}"#);
    let run = |threads: &str| {
        let o = chatcodes(&["enrich", "--threads", threads], &log);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        (o.stdout, String::from_utf8(o.stderr).unwrap())
    };
    let (one, summary) = run("1");
    assert!(summary.contains("60001 lines, 30001 enriched"), "{summary}");
    let out: Vec<&[u8]> = one.split(|&b| b == b'\n').collect();
    let input: Vec<&[u8]> = log.split(|&b| b == b'\n').collect();
    assert_eq!(out.len(), input.len());
    for (i, (o, l)) in out.iter().zip(&input).enumerate() {
        if i % 4 == 1 || i % 4 == 2 {
            assert_eq!(o, l, "line {i}");
        } else {
            assert!(o.len() > l.len(), "line {i}");
        }
    }
    for threads in ["2", "8"] {
        let (out, other) = run(threads);
        assert!(out == one, "--threads {threads} wrote other bytes");
        assert_eq!(other, summary);
    }
    let bad = chatcodes(&["enrich", "--threads", "0"], b"");
    assert_eq!(bad.status.code(), Some(2));
}

/// The README's `$ echo '...' | chatcodes ...` examples print what it shows
/// on the line below.
#[test]
fn the_readmes_echo_examples_print_what_it_shows() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
    let lines: Vec<&str> = readme.lines().collect();
    let mut seen = 0;
    for (i, line) in lines.iter().enumerate() {
        let Some(rest) = line.strip_prefix("$ echo '") else {
            continue;
        };
        let (input, command) = rest.split_once("' | chatcodes ").unwrap();
        let args: Vec<&str> = command.split_whitespace().collect();
        let out = succeed(&args, format!("{input}\n").as_bytes());
        assert_eq!(out.trim_end(), lines[i + 1], "{line}");
        seen += 1;
    }
    assert!(seen > 0, "the README shows no echo example");
}

#[test]
fn enrich_explains_every_item_array_and_reads_the_api_of_each_line() {
    let input = [
        r#"{"api":"v4/group_open_http_svc/group_msg_recall","r":{"RecallRetList":[{"MsgSeq":1,"RetCode":10030},{"MsgSeq":2,"RetCode":0}]}}"#,
        r#"{"x":{"GroupMsgReceiptList":[{"Code":10062}]},"MemberList":[{"Member_Account":"a","Result":0}],"Result":5,"Code":7}"#,
        r#"{"ImportMsgResult":[{"MsgSeq":1,"Result":80002}]}"#,
        r#"{"response":{"ResultItem":[{"ResultCode":30010}]},"api":"sns/friend_add"}"#,
        r#"{"api":"v4/no/such_api","ResultItem":[{"ResultCode":30010}]}"#,
    ]
    .join("\n");
    let o = chatcodes(&["enrich"], input.as_bytes());
    assert!(o.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let recall = &lines[0]["r"]["RecallRetList"];
    assert_eq!(
        recall[0]["RetCode_explained"]["name"],
        "ERR_SVR_GROUP_REVOKE_MSG_NOT_FOUND"
    );
    assert!(recall[1].get("RetCode_explained").is_none(), "0 is success");
    assert_eq!(
        lines[1]["x"]["GroupMsgReceiptList"][0]["Code_explained"]["code"],
        10062
    );
    // A status (MemberList[].Result) and look-alike keys elsewhere are not codes.
    assert!(lines[1]["MemberList"][0].get("Result_explained").is_none());
    assert!(lines[1].get("Result_explained").is_none());
    assert!(lines[1].get("Code_explained").is_none());
    assert_eq!(
        lines[2]["ImportMsgResult"][0]["Result_explained"]["code"],
        80002
    );
    // The API named after the code still gives its own wording.
    let own = &lines[3]["response"]["ResultItem"][0]["ResultCode_explained"];
    assert_eq!(own["api"], "v4/sns/friend_add");
    assert_eq!(own["description"], "Your friend list is full.");
    // An unknown API falls back to the server entry.
    let server = &lines[4]["ResultItem"][0]["ResultCode_explained"];
    assert!(server["api"].is_null());
    assert_eq!(server["name"], "ERR_SVR_FRIENDSHIP_COUNT_LIMIT");
    // --api-field names another field, --api-field '' reads none.
    let line = br#"{"endpoint":"sns/friend_add","api":"x","ResultItem":[{"ResultCode":30010}]}"#;
    let o = chatcodes(&["enrich", "--api-field", "endpoint"], line);
    assert!(String::from_utf8_lossy(&o.stdout).contains(r#""api":"v4/sns/friend_add""#));
    let o = chatcodes(
        &["enrich", "--api-field", ""],
        br#"{"api":"sns/friend_add","ResultCode":30010}"#,
    );
    assert!(!String::from_utf8_lossy(&o.stdout).contains(r#""api":"v4/"#));
    // A wrong --api is an error with the closest names.
    let o = chatcodes(&["enrich", "--api", "sns/friend_ad"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("closest known: v4/sns/friend_add"));
}

#[test]
fn enrich_counts_every_broken_line_as_not_json_with_or_without_a_code() {
    let input = [
        r#"{"level":"info","msg":"#,
        r#"{"a":1} trailing"#,
        r#"{"ErrorCode":0,"#,
        r#"{"ErrorCode":0}"#,
        r#"{"level":"debug"}"#,
        r#"{"bad": tru}"#,
    ]
    .join("\n");
    let o = chatcodes(&["enrich"], input.as_bytes());
    assert_eq!(o.stdout, input.as_bytes());
    let summary = String::from_utf8_lossy(&o.stderr);
    assert!(
        summary.contains("6 lines, 0 enriched, 0 unknown codes, 4 passed through as not JSON"),
        "{summary}"
    );
}

#[test]
fn check_exits_zero_only_when_nothing_failed() {
    let ok = br#"{"ActionStatus":"OK","ErrorCode":0,"ResultItem":[{"To_Account":"a","ResultCode":30539}],"Unknown":1}"#;
    let o = chatcodes(&["check", "--api", "v4/sns/friend_add"], ok);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("not a failure"));
    let failed =
        br#"{"ActionStatus":"FAIL","ErrorCode":70001,"ErrorInfo":"sig expired","RequestId":"r-1"}"#;
    let o = chatcodes(&["check"], failed);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("RequestId r-1")
            && stdout(&o).contains("ERR_SVR_ACCOUNT_USERSIG_EXPIRED")
    );
    for truncated in [
        &br#"{"ActionStatus":"FAIL","ErrorCo"#[..],
        b"",
        b"[1,2]",
        br#"{"ErrorCode":{}}"#,
    ] {
        let o = chatcodes(&["check"], truncated);
        assert_eq!(
            o.status.code(),
            Some(2),
            "{:?}",
            String::from_utf8_lossy(truncated)
        );
    }
}

/// What the README's consumers need of the lookup tables, checked without
/// the tools themselves: Logstash's translate dictionary has quoted, unique
/// keys; Fluent Bit's two-column CSV has unique keys and two fields per row.
#[test]
fn dictionaries_have_quoted_unique_keys_and_two_columns() {
    let yaml = stdout(&chatcodes(
        &[
            "export",
            "-f",
            "yaml",
            "--dictionary",
            "-n",
            "tencent_server",
        ],
        b"",
    ));
    let mut keys = std::collections::HashSet::new();
    for line in yaml.lines() {
        let (key, value) = line.split_once(": ").expect("key: value");
        let key: String = serde_json::from_str(key).expect("a double-quoted key");
        let _: String = serde_json::from_str(value).expect("a double-quoted value");
        assert!(keys.insert(key), "duplicate key in {line}");
    }
    assert!(
        keys.contains("70001") && keys.contains("-10106"),
        "{} keys",
        keys.len()
    );

    let csv = stdout(&chatcodes(
        &[
            "export",
            "--columns",
            "code,description",
            "-n",
            "tencent_server",
        ],
        b"",
    ));
    let mut rows = csv.lines();
    assert_eq!(rows.next(), Some("code,description"));
    let mut codes = std::collections::HashSet::new();
    for row in rows {
        let (code, description) = row.split_once(',').expect("two columns");
        assert!(codes.insert(code.to_string()), "duplicate code {code}");
        let quoted = description.starts_with('"') && description.ends_with('"');
        assert!(
            quoted || !description.contains(','),
            "unquoted comma in {row}"
        );
    }
    assert_eq!(codes.len(), keys.len());
}

#[test]
fn list_gives_an_operator_the_retryable_codes_of_one_namespace_on_one_line() {
    let line = stdout(&chatcodes(
        &[
            "list",
            "--retryability",
            "throttled",
            "--retryability",
            "transient",
            "--namespace",
            "tencent_server",
            "--format",
            "codes",
        ],
        b"",
    ));
    assert_eq!(line.lines().count(), 1, "{line}");
    let codes: Vec<&str> = line.trim().split(',').collect();
    for code in &codes {
        let code: i64 = code.parse().unwrap_or_else(|_| panic!("{code}"));
        let e = chatcodes::explain_in(chatcodes::Namespace::TencentServer, code).unwrap();
        assert!(e.retryability().may_retry_unchanged(), "{code}");
    }
    // 30001 is permanent for the Tencent server (transient in nexconn_client).
    assert!(codes.contains(&"70500") && !codes.contains(&"30001"));
    let expected = chatcodes::entries()
        .filter(|e| {
            e.namespace() == chatcodes::Namespace::TencentServer
                && e.retryability().may_retry_unchanged()
        })
        .count();
    assert_eq!(codes.len(), expected);
    // Commas and another separator.
    let spaced = stdout(&chatcodes(
        &[
            "list",
            "-r",
            "throttled,transient",
            "-n",
            "tencent_server",
            "-f",
            "codes",
            "--separator",
            " ",
        ],
        b"",
    ));
    assert_eq!(spaced.trim().replace(' ', ","), line.trim());
    let json: serde_json::Value = serde_json::from_str(&stdout(&chatcodes(
        &["list", "-r", "throttled", "-f", "json"],
        b"",
    )))
    .unwrap();
    assert!(
        json.as_array()
            .unwrap()
            .iter()
            .all(|r| r["retryability"] == "throttled")
    );
}

#[test]
fn a_misspelled_name_gets_the_closest_known_names() {
    let o = chatcodes(&["explain", "err_svr_account_usersig_expird"], b"");
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("closest known: ERR_SVR_ACCOUNT_USERSIG_EXPIRED"),
        "{err}"
    );
}

#[test]
fn the_version_names_the_catalogue() {
    let version = stdout(&chatcodes(&["--version"], b""));
    assert!(version.contains(chatcodes::CATALOGUE_VERSION), "{version}");
}

#[test]
fn explain_export_and_search_speak_chinese() {
    let zh = stdout(&chatcodes(
        &["explain", "70001", "-n", "tencent_server", "--lang", "zh"],
        b"",
    ));
    let e = chatcodes::explain(70001).unwrap();
    assert!(zh.contains(e.description_in(chatcodes::Lang::Zh)), "{zh}");
    assert!(
        zh.contains(e.remedy_in(chatcodes::Lang::Zh)) && zh.contains("处理办法"),
        "{zh}"
    );
    assert!(!zh.contains(e.description()), "{zh}");
    // The locale decides when --lang is not given.
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_chatcodes"))
        .args(["explain", "70001", "-n", "tencent_server"])
        .env("LANG", "zh_CN.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(o.stdout).unwrap(), zh);
    let json: serde_json::Value = serde_json::from_str(&stdout(&chatcodes(
        &["export", "-f", "json", "--lang", "zh"],
        b"",
    )))
    .unwrap();
    let records = json.as_array().unwrap();
    assert_eq!(records.len(), chatcodes::entries().len());
    let chinese = |v: &serde_json::Value| {
        v.as_str()
            .unwrap()
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    };
    assert!(
        records
            .iter()
            .all(|r| chinese(&r["description"]) && chinese(&r["remedy"]))
    );
    let found = stdout(&chatcodes(&["search", "UserSig", "过期"], b""));
    let first: Vec<&str> = found.lines().take(3).collect();
    assert!(
        first
            .iter()
            .any(|l| l.trim_start().starts_with("70001 tencent_server")),
        "{found}"
    );
    for word in ["签名", "群组不存在"] {
        assert!(
            !stdout(&chatcodes(&["search", word], b"")).is_empty(),
            "{word}"
        );
    }
}

#[test]
fn check_reports_in_chinese_and_keeps_its_verdict_word() {
    let body = br#"{"ActionStatus":"OK","ErrorCode":0,"ResultItem":[{"To_Account":"id2","ResultCode":30010,"ResultInfo":"x"}]}"#;
    let o = chatcodes(
        &["check", "--lang", "zh", "--api", "v4/sns/friend_add"],
        body,
    );
    assert_eq!(o.status.code(), Some(1));
    let text = String::from_utf8(o.stdout).unwrap();
    let e = chatcodes::explain_for_api("v4/sns/friend_add", 30010).unwrap();
    assert!(text.starts_with("FAILED: 1 项失败"), "{text}");
    assert!(
        text.contains(e.description_in(chatcodes::Lang::Zh)),
        "{text}"
    );
}
