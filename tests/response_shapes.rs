//! `data/tencent/responses.toml` against what Tencent's REST API pages show:
//! the lists in `tests/fixtures/published/`, extracted from the pages by
//! `scripts/extract_rest_apis.py` and `scripts/extract_item_shapes.py`.
#![cfg(feature = "response")]

use std::fs;
use std::path::Path;

fn published(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/published")
        .join(name);
    fs::read_to_string(path).unwrap()
}

fn rows(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
}

#[test]
fn every_documented_rest_api_is_known_and_nothing_else() {
    // The English pages, and the Chinese ones (some APIs are documented in
    // Chinese only; a page still under an old name reads as the current API).
    let english = published("tencent_rest_apis.txt");
    let chinese = published("tencent_rest_apis_zh.txt");
    let mut documented: Vec<&str> = rows(&english).collect();
    assert!(documented.len() >= 100, "{} APIs", documented.len());
    let path = |name: &str| chatcodes::rest_api(name).map(chatcodes::Api::path);
    for api in &documented {
        assert_eq!(path(api), Ok(*api));
    }
    for api in rows(&chinese) {
        let current = path(api).unwrap_or_else(|e| panic!("{e}"));
        if current == api {
            documented.push(api);
        }
    }
    documented.sort();
    documented.dedup();
    let known: Vec<&str> = chatcodes::apis().iter().map(chatcodes::Api::path).collect();
    assert_eq!(known, documented);
    assert_eq!(
        path("group_open_http_svc/get_group_shutted_uin"),
        Ok("v4/group_open_http_svc/get_group_muted_account")
    );
}

#[test]
fn every_per_item_place_in_the_sample_responses_is_in_the_data() {
    let data: toml::Table = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/tencent/responses.toml"),
    )
    .unwrap()
    .parse()
    .unwrap();
    let apis = data["api"].as_array().unwrap();
    let text = published("tencent_rest_item_shapes.tsv");
    let mut checked = 0;
    for row in rows(&text) {
        let cols: Vec<&str> = row.split('\t').collect();
        let [api, array, code, _message, names, kind, page] = cols[..] else {
            panic!("bad row {row:?}");
        };
        let shape = apis
            .iter()
            .find(|a| a["path"].as_str() == Some(api))
            .unwrap_or_else(|| {
                panic!("{api} ({page}) reports per-item outcomes but has no [[api]]")
            });
        let list = |key: &str| {
            shape
                .get(key)
                .and_then(|v| v.as_array())
                .cloned()
                .unwrap_or_default()
        };
        let s = |v: &toml::Value, k: &str| v.get(k).and_then(|v| v.as_str()).map(String::from);
        match kind {
            "items" => {
                let found = list("items")
                    .into_iter()
                    .find(|i| s(i, "array").as_deref() == Some(array));
                let found = found.unwrap_or_else(|| panic!("{api}: {array} missing"));
                let field = s(&found, "code").or_else(|| s(&found, "status"));
                assert_eq!(field.as_deref(), Some(code), "{api}: {array}");
                let item = s(&found, "item").unwrap();
                if !item.contains('.') {
                    assert!(
                        names.split(',').any(|n| n == item),
                        "{api}: {item} not among {names}"
                    );
                }
            }
            "fail_list" => assert!(
                list("fail_list")
                    .iter()
                    .any(|f| s(f, "array").as_deref() == Some(array)),
                "{api}: fail list {array} missing"
            ),
            "dropped" => assert!(
                list("dropped")
                    .iter()
                    .any(|d| s(d, "field").as_deref() == Some(array)),
                "{api}: dropped field {array} missing"
            ),
            other => panic!("unknown kind {other}"),
        }
        checked += 1;
    }
    assert!(checked >= 40, "only {checked} rows");
}
