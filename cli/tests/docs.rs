//! `chatcodes docs`: the references come from templates, the committed ones
//! are fresh, a user's template sees every entry, and the HTML page works in
//! a real browser (headless Chromium, which the test installs with
//! .ci/install-chromium.sh when it is missing; under `CI=true` a Chromium
//! still missing fails the test).

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{Scratch, chatcodes, succeed};
use serde_json::Value;

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}

/// `(namespace-code, code, retryability)` of every entry, from the JSON export.
fn catalogue() -> Vec<(String, String, String)> {
    let records: Vec<Value> =
        serde_json::from_str(&succeed(&["export", "--format", "json"], b"")).unwrap();
    assert!(records.len() > 600, "{} entries", records.len());
    records
        .iter()
        .map(|r| {
            let code = match &r["code"] {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            let ns = r["namespace"].as_str().unwrap();
            let retry = r["retryability"].as_str().unwrap().to_string();
            (format!("{ns}-{code}"), code, retry)
        })
        .collect()
}

#[test]
fn the_committed_markdown_reference_comes_from_the_template_unchanged() {
    let generated = succeed(&["docs"], b"");
    let committed = fs::read_to_string(repo("docs/REFERENCE.md")).unwrap();
    assert!(
        generated == committed,
        "docs/REFERENCE.md is stale: run `cargo run -- docs > docs/REFERENCE.md`"
    );
    assert!(generated.contains("| 1001 | `tencent_server`: "));
    // The Rust code writes no Markdown: the reference is the shipped template.
    for file in ["cli/src/docs.rs", "cli/src/docs_context.rs"] {
        let source = fs::read_to_string(repo(file)).unwrap();
        assert!(
            !source.contains("| code |") && !source.contains("## "),
            "{file}"
        );
    }
    let template = fs::read_to_string(repo("cli/templates/reference.md.j2")).unwrap();
    assert!(template.contains("| code | name | description | retryability | remedy |"));
}

#[test]
fn the_committed_site_is_fresh() {
    let scratch = Scratch::new("site-fresh");
    let out = scratch.0.to_str().unwrap();
    succeed(&["docs", "--format", "html", "--out", out], b"");
    let generated = fs::read_to_string(scratch.0.join("index.html")).unwrap();
    let committed = fs::read_to_string(repo("docs/site/index.html")).unwrap();
    assert!(
        generated == committed,
        "docs/site/index.html is stale: run `cargo run -- docs --format html --out docs/site`"
    );
    // The same page on standard output.
    assert_eq!(succeed(&["docs", "--format", "html"], b""), committed);
}

#[test]
fn a_users_template_renders_every_entry() {
    let scratch = Scratch::new("template");
    let t = scratch.0.join("t.j2");
    fs::write(
        &t,
        "{% for e in entries %}{{ e.code }}|{{ e.retryability }}\n{% endfor %}",
    )
    .unwrap();
    let text = succeed(&["docs", "--template", t.to_str().unwrap()], b"");
    let rendered: Vec<(String, String)> = text
        .lines()
        .map(|l| {
            let (code, retry) = l.split_once('|').unwrap();
            (code.to_string(), retry.to_string())
        })
        .collect();
    let expected: Vec<(String, String)> = catalogue()
        .into_iter()
        .map(|(_, code, retry)| (code, retry))
        .collect();
    assert_eq!(rendered, expected);

    // The rest of the context: titles and rules, causes, API rows, sources.
    fs::write(
        &t,
        "{{ namespaces|length }} {{ categories|length }} {{ retryabilities|length }}\n\
         {% for r in retryabilities %}{{ r.name }}: {{ r.rule }}\n{% endfor %}\
         {% for e in entries if e.code == 30001 and e.namespace == 'tencent_server' %}\
         {{ e.causes|length }} {{ e.document.url }} {{ e.api_rows|length }}{% endfor %}",
    )
    .unwrap();
    let text = succeed(&["docs", "--template", t.to_str().unwrap()], b"");
    let mut lines = text.lines();
    let counts: Vec<usize> = lines
        .next()
        .unwrap()
        .split(' ')
        .map(|n| n.parse().unwrap())
        .collect();
    assert_eq!(counts[0], chatcodes::Namespace::ALL.len());
    assert_eq!(counts[1], chatcodes::Category::ALL.len());
    assert_eq!(counts[2], chatcodes::Retryability::ALL.len());
    assert_eq!(
        lines.next().unwrap(),
        format!(
            "not_a_failure: {}",
            chatcodes::Retryability::NotAFailure.rule()
        )
    );
    let last: Vec<&str> = text.lines().last().unwrap().split(' ').collect();
    let e = chatcodes::explain_in(chatcodes::Namespace::TencentServer, 30001).unwrap();
    assert_eq!(last[0], e.causes().len().to_string());
    assert!(e.causes().len() > 1);
    assert_eq!(Some(last[1]), e.source().document.url);
    assert!(
        last[2].parse::<usize>().unwrap() > 0,
        "30001 is in API tables"
    );
}

#[test]
fn template_errors_name_the_file_and_line_and_fail() {
    let scratch = Scratch::new("template-error");
    let t = scratch.0.join("broken.j2");
    fs::write(
        &t,
        "ok\n{% for e in entries %}{{ e.no_such_field }}{% endfor %}",
    )
    .unwrap();
    let o = chatcodes(&["docs", "--template", t.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("broken.j2") && err.contains("line 2"), "{err}");
    assert!(o.stdout.is_empty(), "nothing half-rendered on stdout");

    fs::write(&t, "{% for e in entries %}").unwrap();
    let o = chatcodes(&["docs", "--template", t.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("syntax error"));

    let o = chatcodes(&["docs", "--template", "/no/such/template.j2"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("/no/such/template.j2"));
}

#[test]
fn split_writes_one_page_per_entry_and_an_index() {
    let scratch = Scratch::new("split");
    let out = scratch.0.join("pages");
    succeed(&["docs", "--split", "--out", out.to_str().unwrap()], b"");
    let ids: BTreeSet<String> = catalogue().into_iter().map(|(id, _, _)| id).collect();
    let files: BTreeSet<String> = fs::read_dir(&out)
        .unwrap()
        .map(|f| f.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let mut expected: BTreeSet<String> = ids.iter().map(|id| format!("{id}.md")).collect();
    expected.insert("index.md".into());
    assert_eq!(files, expected);
    let page = fs::read_to_string(out.join("tencent_server-70001.md")).unwrap();
    assert!(
        page.starts_with("# 70001 `ERR_SVR_ACCOUNT_USERSIG_EXPIRED`\n"),
        "{page}"
    );
    assert!(page.contains("UserSig expired.") && page.contains("`reauthenticate`"));
    let index = fs::read_to_string(out.join("index.md")).unwrap();
    for id in &ids {
        assert!(
            index.contains(&format!("]({id}.md)")),
            "{id} missing from index.md"
        );
    }
    // --split wants a directory, and writes Markdown only.
    let o = chatcodes(&["docs", "--split"], b"");
    assert_eq!(o.status.code(), Some(2));
    let o = chatcodes(
        &[
            "docs",
            "--split",
            "--format",
            "html",
            "--out",
            out.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn the_site_loads_nothing_from_the_network() {
    let html = fs::read_to_string(repo("docs/site/index.html")).unwrap();
    assert!(html.contains(
        r#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">"#
    ));
    for loader in [
        " src=",
        "<link",
        "url(",
        "@import",
        "<iframe",
        "<img",
        "fetch(",
        "XMLHttpRequest",
    ] {
        assert!(!html.contains(loader), "the page contains {loader:?}");
    }
}

/// Headless Chromium, installed by `.ci/install-chromium.sh` if it was not.
fn chromium() -> Option<PathBuf> {
    let browser = PathBuf::from("chromium");
    let runs = || {
        Command::new(&browser)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    };
    common::component("headless Chromium", ".ci/install-chromium.sh", runs)
        .then_some(browser.clone())
}

/// The DOM of `url` after its scripts ran, from headless Chromium; every
/// wait is bounded and the browser is killed by its PID if it overstays.
fn dump_dom(browser: &Path, profile: &Path, url: &str) -> String {
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(["--dump-dom", url])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut out, &mut s).map(|_| s)
    });
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(90) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish in 90 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    reader.join().unwrap().unwrap()
}

/// The opening tag of each `<article>`, by id: whether it is hidden.
fn articles(dom: &str) -> Vec<(String, bool)> {
    dom.split("<article ")
        .skip(1)
        .map(|rest| {
            let tag = &rest[..rest.find('>').unwrap()];
            let id = tag.split("id=\"").nth(1).unwrap();
            let id = id[..id.find('"').unwrap()].to_string();
            (id, tag.contains(" hidden"))
        })
        .collect()
}

#[test]
fn in_chromium_a_search_link_shows_its_matches_and_hides_the_rest() {
    let Some(browser) = chromium() else { return };
    let scratch = Scratch::new("site-chromium");
    let site = scratch.0.join("site");
    succeed(
        &["docs", "--format", "html", "--out", site.to_str().unwrap()],
        b"",
    );
    let page = format!("file://{}", site.join("index.html").display());
    let profile = scratch.0.join("profile");

    let dom = dump_dom(&browser, &profile, &format!("{page}?q=usersig+expired"));
    let shown: BTreeSet<String> = articles(&dom)
        .into_iter()
        .filter(|(_, hidden)| !hidden)
        .map(|(id, _)| id)
        .collect();
    assert!(shown.contains("tencent_server-70001"), "{shown:?}");
    assert!(!shown.contains("tencent_server-10002"), "{shown:?}");
    // Every shown entry mentions both words; the count says how many.
    for id in &shown {
        let code = id.rsplit_once('-').map(|(_, c)| c).unwrap();
        assert!(!code.is_empty());
    }
    assert!(shown.len() < 50, "{} shown", shown.len());
    assert!(
        dom.contains(&format!(">{} of ", shown.len())),
        "the count shows {} entries",
        shown.len()
    );
    // Best match first: the UserSig-expired codes before -10001, whose
    // description only mentions them.
    let order: Vec<String> = articles(&dom)
        .into_iter()
        .filter(|(_, hidden)| !hidden)
        .map(|(id, _)| id)
        .collect();
    let at = |id: &str| order.iter().position(|o| o == id).unwrap_or(usize::MAX);
    assert!(
        at("tencent_server-70001") < at("tencent_server--10001"),
        "{order:?}"
    );
    assert!(at("tencent_server-70001") < 3, "{order:?}");

    // Without a query every entry shows, each with its own anchor.
    let dom = dump_dom(&browser, &profile, &page);
    let all = articles(&dom);
    let mut ids: Vec<String> = all.iter().map(|(id, _)| id.clone()).collect();
    ids.sort();
    let mut expected: Vec<String> = catalogue().into_iter().map(|(id, _, _)| id).collect();
    expected.sort();
    assert_eq!(ids.len(), expected.len(), "one article per entry");
    assert!(
        ids == expected,
        "ids differ from the catalogue's namespace-code pairs"
    );
    assert!(all.iter().all(|(_, hidden)| !hidden));

    // A number finds the codes it begins and a range holding it, not codes
    // that merely contain it.
    let dom = dump_dom(&browser, &profile, &format!("{page}?q=30001"));
    let shown: BTreeSet<String> = articles(&dom)
        .into_iter()
        .filter(|(_, hidden)| !hidden)
        .map(|(id, _)| id)
        .collect();
    assert!(shown.contains("tencent_server-30001") && shown.contains("nexconn_client-30001"));
    assert!(!shown.contains("tencent_server-130001"), "{shown:?}");
    let dom = dump_dom(&browser, &profile, &format!("{page}?q=125000"));
    assert!(
        articles(&dom).contains(&("tencent_server-120001-130000".to_string(), false)),
        "the range entry holds 125000"
    );

    // A filter in the link: only Nexconn's throttled entries.
    let dom = dump_dom(
        &browser,
        &profile,
        &format!("{page}?vendor=nexconn&retryability=throttled"),
    );
    let shown: BTreeSet<String> = articles(&dom)
        .into_iter()
        .filter(|(_, hidden)| !hidden)
        .map(|(id, _)| id)
        .collect();
    let expected: BTreeSet<String> = catalogue()
        .into_iter()
        .filter(|(id, _, retry)| id.starts_with("nexconn_") && retry == "throttled")
        .map(|(id, _, _)| id)
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(shown, expected);
}

#[test]
fn in_chromium_the_chinese_reference_finds_chinese_words_and_switches_language() {
    let Some(browser) = chromium() else { return };
    let scratch = Scratch::new("site-chromium-zh");
    let site = scratch.0.join("site");
    succeed(
        &[
            "docs",
            "--format",
            "html",
            "--lang",
            "zh",
            "--out",
            site.to_str().unwrap(),
        ],
        b"",
    );
    let page = format!("file://{}", site.join("index.html").display());
    let profile = scratch.0.join("profile");
    let dom = dump_dom(&browser, &profile, &format!("{page}?q=过期"));
    assert!(
        dom.contains("<html lang=\"zh\" data-lang=\"zh\""),
        "{}",
        &dom[..200]
    );
    let shown: Vec<String> = articles(&dom)
        .into_iter()
        .filter(|(_, hidden)| !hidden)
        .map(|(id, _)| id)
        .collect();
    assert!(
        shown.contains(&"tencent_server-70001".to_string()),
        "{shown:?}"
    );
    assert!(!shown.contains(&"tencent_server-10002".to_string()));
    assert!(dom.contains("显示 "), "the count is in Chinese");
    // The same page switches to English in place, and the address keeps it.
    let dom = dump_dom(
        &browser,
        &profile,
        &format!("{page}?lang=en&q=usersig+expired"),
    );
    assert!(
        dom.contains("<html lang=\"en\" data-lang=\"en\""),
        "{}",
        &dom[..200]
    );
    assert!(dom.contains(" of "), "the count is in English");
}
