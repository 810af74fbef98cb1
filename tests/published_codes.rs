//! Every code the vendors publish is in the catalogue, under the right vendor
//! and namespace. The lists in `tests/fixtures/published/` were extracted
//! from the public repositories by `scripts/extract_published_codes.py`
//! (codes and names only); each file's first line names its source.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use chatcodes::{Namespace, entries, explain_all, explain_in, explain_name};

/// (code, name, namespace, section) rows of one published list.
fn rows(file: &str) -> Vec<(i64, String, Namespace, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/published")
        .join(file);
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            let code = cols[0].split('-').find(|s| !s.is_empty()).unwrap();
            let code: i64 = if cols[0].starts_with('-') {
                -code.parse::<i64>().unwrap()
            } else {
                code.parse().unwrap()
            };
            let namespace = cols[2]
                .parse()
                .unwrap_or_else(|_| panic!("{file}: {}", cols[2]));
            (code, cols[1].to_string(), namespace, cols[3].to_string())
        })
        .collect()
}

/// The current documents and SDKs (scripts/extract_*.py wrote each list).
const CURRENT: &[&str] = &[
    "tencent_error_codes.tsv",
    "tencent_error_codes_zh.tsv",
    "tencent_rest_api_codes.tsv",
    "tencent_rest_api_codes_zh.tsv",
    "tencent_tim_error_code_h.tsv",
    "tencent_web_sdk_error_codes.tsv",
    "rongcloud_server_api_json.tsv",
    "rongcloud_client_ios_rcerrorcode_h.tsv",
    "nexconn_client_flutter_error_codes.tsv",
];
/// Older pages, headers and SDKs: a code only these list is retired.
const OLDER: &[&str] = &[
    "tencent_error_codes_old.tsv",
    "tencent_v2tim_error_code_h.tsv",
    "tencent_web_sdk_2_error_codes.tsv",
    "rongcloud_server_errorcode.tsv",
    "rongcloud_client_rn_imlib.tsv",
    "rongcloud_client_android_errorcode.tsv",
    "rongcloud_client_android_errorcode_v2.tsv",
    "rongcloud_client_ios_rcstatusdefine.tsv",
    "rongcloud_client_ios_rcstatusdefine_v2.tsv",
    "rongcloud_client_web_imlib.tsv",
    "rongcloud_client_flutter_rcerrorcode.tsv",
    "rongcloud_client_uniapp_imlib.tsv",
];

#[test]
fn every_published_code_is_known_in_its_namespace() {
    let mut missing = Vec::new();
    let mut total = 0;
    for file in CURRENT.iter().chain(OLDER) {
        let rows = rows(file);
        assert!(rows.len() >= 10, "{file}: only {} rows", rows.len());
        for (code, _, namespace, section) in rows {
            total += 1;
            let found = explain_in(namespace, code);
            if found.is_none() {
                missing.push(format!("{file}: {namespace} {code} ({section})"));
            }
            // explain_all lists that meaning too, beside the others.
            if let Some(e) = found {
                assert!(explain_all(code).any(|x| std::ptr::eq(x, e)), "{code}");
            }
        }
    }
    assert!(
        missing.is_empty(),
        "{} unknown:\n{}",
        missing.len(),
        missing.join("\n")
    );
    assert!(total > 2000, "{total} rows checked");
}

#[test]
fn official_names_from_the_newest_header_lead_to_their_codes() {
    for (code, name, namespace, _) in rows("tencent_tim_error_code_h.tsv") {
        let e = explain_name(&name).unwrap_or_else(|| panic!("{name} ({code})"));
        // The header's ERR_SUCC is the SDK's success; every other name is its code's.
        assert_eq!(
            (e.codes().first(), e.namespace()),
            (code, namespace),
            "{name}"
        );
    }
}

#[test]
fn client_sdk_codes_have_their_own_meaning_beside_tencents() {
    let nexconn = explain_in(Namespace::NexconnClient, 30001).unwrap();
    let tencent = explain_in(Namespace::TencentServer, 30001).unwrap();
    assert_ne!(nexconn.description(), tencent.description());
    assert_eq!(nexconn.name(), Some("RC_CHANNEL_INVALID"));
    // Every name of the current header leads to its code; the older React
    // Native name is an alias of the same entry.
    for (code, name, _, _) in rows("rongcloud_client_ios_rcerrorcode_h.tsv") {
        let e = explain_name(&name).unwrap_or_else(|| panic!("{name}"));
        assert_eq!(e.codes().first(), code, "{name}");
        let client = [Namespace::NexconnClient, Namespace::NexconnBusiness];
        assert!(client.contains(&e.namespace()), "{name}");
    }
    assert_eq!(explain_name("RC_NET_CHANNEL_INVALID"), Some(nexconn));
}

#[test]
fn success_codes_are_entries_that_are_not_failures() {
    for (namespace, code) in [
        (Namespace::TencentServer, 0),
        (Namespace::TencentSdk, 0),
        (Namespace::NexconnHttp, 200),
        (Namespace::NexconnBusiness, 200),
    ] {
        let e = explain_in(namespace, code).unwrap_or_else(|| panic!("{namespace} {code}"));
        assert!(!e.is_failure(), "{namespace} {code}");
    }
    assert_eq!(
        explain_name("ERR_SUCC").unwrap().namespace(),
        Namespace::TencentSdk
    );
}

#[test]
fn exactly_the_codes_only_older_material_lists_are_retired() {
    // Codes in an older list and in no current list, except those the seed
    // pages (newer than any repository copy) document.
    let key = |r: &(i64, String, Namespace, String)| (r.2.to_string(), r.0);
    let current: BTreeSet<(String, i64)> = CURRENT
        .iter()
        .flat_map(|f| rows(f))
        .map(|r| key(&r))
        .collect();
    let from_seed_pages = |ns: &str, code: i64| {
        let e = explain_in(ns.parse().unwrap(), code).unwrap();
        ["tencent-error-codes", "nexconn-status-codes"].contains(&e.source().document.id)
    };
    let expected: BTreeSet<(String, i64)> = OLDER
        .iter()
        .flat_map(|f| rows(f))
        .map(|r| key(&r))
        .filter(|k| !current.contains(k) && !from_seed_pages(&k.0, k.1))
        .collect();
    let retired: BTreeSet<(String, i64)> = entries()
        .filter(|e| e.is_retired())
        .map(|e| (e.namespace().to_string(), e.codes().first()))
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(retired, expected);
}

#[test]
fn every_error_info_string_of_the_samples_leads_to_its_code() {
    let text = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/published/tencent_rest_error_infos.tsv"),
    )
    .unwrap();
    let mut codes: BTreeMap<&str, BTreeSet<i64>> = BTreeMap::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        codes
            .entry(cols[1])
            .or_default()
            .insert(cols[0].parse().unwrap());
    }
    assert!(codes.len() >= 15);
    for (info, set) in codes {
        let found = explain_name(info).map(|e| e.codes().first());
        if set.len() == 1 {
            assert_eq!(found, set.first().copied(), "{info}");
        } else {
            // One string, several codes: no single alias would be honest.
            assert_eq!(found, None, "{info} is shown with {set:?}");
        }
    }
}

#[test]
fn every_rest_api_answers_every_code_its_page_documents_in_its_own_table() {
    let mut by_api: BTreeMap<String, BTreeSet<i64>> = BTreeMap::new();
    for (code, _, _, api) in rows("tencent_rest_api_codes.tsv") {
        by_api.entry(api).or_default().insert(code);
    }
    assert!(by_api.len() >= 100, "{} APIs", by_api.len());
    let mut own = 0;
    for (api, codes) in &by_api {
        for &code in codes {
            let e = chatcodes::explain_for_api(api, code).unwrap_or_else(|| panic!("{api} {code}"));
            assert_eq!(e.api(), Some(api.as_str()), "{api} {code}");
            let general = explain_in(Namespace::TencentServer, code).unwrap();
            assert_eq!(e.retryability(), general.retryability(), "{api} {code}");
            if e.description() != general.description() {
                own += 1;
                assert!(
                    e.source().document.id.starts_with("tencent-rest"),
                    "{api} {code}"
                );
            }
        }
    }
    // Rows whose page adds a fact have wording of their own.
    assert!(own >= 90, "{own} rows with their own wording");
}

#[test]
fn client_codes_have_the_current_sdks_meaning_and_say_the_older_one() {
    use chatcodes::{Retryability, explain_for_api};
    // 31023: refused because a client of the same type is online (current),
    // not "signed out by a login elsewhere" (older SDKs, said in the note).
    let e = explain_in(Namespace::NexconnClient, 31023).unwrap();
    assert!(
        e.description().contains("already online"),
        "{}",
        e.description()
    );
    assert!(e.note().unwrap().contains("signed out"));
    // A server code the client SDK passes on is answered in the client namespace.
    let passed = explain_in(Namespace::NexconnClient, 22202).unwrap();
    assert_eq!(passed.namespace(), Namespace::NexconnBusiness);
    // The Web SDK's numbers are its own: 1002 is no server parameter error there.
    let web = explain_in(Namespace::TencentWeb, 1002).unwrap();
    assert_ne!(
        web.description(),
        explain_in(Namespace::TencentServer, 1002)
            .unwrap()
            .description()
    );
    // 60004: the Chinese page says the UserID or UserSig is wrong: not "try later".
    let e = explain_in(Namespace::TencentServer, 60004).unwrap();
    assert_eq!(e.retryability(), Retryability::AfterRemediation);
    // Old and Chinese-only API names answer with those APIs' rows.
    let old = explain_for_api("v4/group_open_http_svc/get_group_shutted_uin", 10004).unwrap();
    assert_eq!(
        old.api(),
        Some("v4/group_open_http_svc/get_group_muted_account")
    );
    let dirty = explain_for_api("v4/openim_dirty_words/add", 10007).unwrap();
    assert_eq!(dirty.api(), Some("v4/openim_dirty_words/add"));
}
