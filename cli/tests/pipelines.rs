//! The exports in the real log pipelines: syslog-ng (add-contextual-data)
//! and rsyslog (lookup_table) load `chatcodes export --format syslog-ng` and
//! `--format rsyslog` unchanged, with the configs in `pipelines/`, and explain
//! a log with every code the tables hold exactly as `chatcodes explain` and
//! `chatcodes enrich` do; an unknown code gets nothing.
//!
//! The test installs both engines with `.ci/install-pipelines.sh` when they
//! are missing (as root). Under `CI=true` an engine still missing fails the
//! test; elsewhere the test says so and stops. Every wait is
//! bounded, the daemons read and write files only (no sockets), and each is
//! stopped by its PID.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chatcodes::{Namespace, explain_in};
use common::Scratch;
use serde_json::Value;

const WAIT: Duration = Duration::from_secs(120);
const UNKNOWN: &[i64] = &[424_242, 5, -77];

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn syslog_ng_prefix() -> PathBuf {
    std::env::var_os("CHATCODES_SYSLOG_NG_PREFIX")
        .map_or_else(|| PathBuf::from("/opt/chatcodes-syslog-ng"), PathBuf::from)
}

/// Whether both engines are here, installed by `.ci/install-pipelines.sh`
/// if they were not; under CI their absence is a failure.
fn engines_present() -> bool {
    common::component(
        "the log pipeline engines (rsyslog, syslog-ng)",
        ".ci/install-pipelines.sh",
        || {
            let rsyslog = Command::new("rsyslogd")
                .arg("-v")
                .output()
                .is_ok_and(|o| o.status.success());
            rsyslog && syslog_ng_prefix().join("usr/sbin/syslog-ng").is_file()
        },
    )
}

/// A daemon that is killed (by PID) if the test ends before it does.
struct Daemon(Child);

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Every code the rsyslog table holds (ranges expanded), from the export.
fn table_codes(table: &str) -> Vec<i64> {
    let table: Value = serde_json::from_str(table).unwrap();
    assert_eq!(
        (&table["version"], &table["type"]),
        (&Value::from(1), &Value::from("string"))
    );
    table["table"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["index"].as_str().unwrap().parse().unwrap())
        .collect()
}

/// The log: one line per code, the unknown codes, and lines with no code.
fn log(codes: &[i64]) -> String {
    let mut log = String::new();
    for (n, code) in codes.iter().chain(UNKNOWN).enumerate() {
        log.push_str(&format!("{{\"n\":{n},\"ErrorCode\":{code}}}\n"));
    }
    log.push_str("{\"n\":-1,\"msg\":\"no code here\"}\n");
    log
}

/// Waits, boundedly, until `path` has `lines` lines.
fn wait_for_lines(path: &Path, lines: usize, daemon: &mut Daemon) -> String {
    let start = Instant::now();
    loop {
        let text = fs::read_to_string(path).unwrap_or_default();
        if text.lines().count() >= lines {
            return text;
        }
        if let Ok(Some(status)) = daemon.0.try_wait() {
            panic!(
                "the daemon ended ({status}) after {} of {lines} lines",
                text.lines().count()
            );
        }
        assert!(
            start.elapsed() < WAIT,
            "{} of {lines} lines after {WAIT:?}",
            text.lines().count()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn run_syslog_ng(dir: &Path, db: &Path, log: &str) -> String {
    let prefix = syslog_ng_prefix();
    let out = dir.join("syslog-ng.out");
    let mut daemon = Daemon(
        Command::new(prefix.join("usr/sbin/syslog-ng"))
            .args(["-F", "--no-caps", "-f"])
            .arg(repo().join("pipelines/syslog-ng.conf"))
            .arg(format!(
                "--module-path={}",
                prefix.join("usr/lib/syslog-ng/3.38").display()
            ))
            .arg("-p")
            .arg(dir.join("syslog-ng.pid"))
            .arg("-R")
            .arg(dir.join("syslog-ng.persist"))
            .arg("-c")
            .arg(dir.join("syslog-ng.ctl"))
            .env("LD_LIBRARY_PATH", prefix.join("usr/lib/syslog-ng"))
            .env("CHATCODES_DB", db)
            .env("CHATCODES_OUT", &out)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    daemon
        .0
        .stdin
        .take()
        .unwrap()
        .write_all(log.as_bytes())
        .unwrap();
    // With stdin closed, syslog-ng ends by itself once the log is written.
    let text = wait_for_lines(&out, log.lines().count(), &mut daemon);
    let start = Instant::now();
    while daemon.0.try_wait().unwrap().is_none() {
        assert!(start.elapsed() < WAIT, "syslog-ng did not end");
        std::thread::sleep(Duration::from_millis(50));
    }
    text
}

fn run_rsyslog(dir: &Path, table: &Path, log: &str) -> String {
    let work = dir.join("rsyslog-work");
    fs::create_dir_all(&work).unwrap();
    let input = dir.join("in.log");
    fs::write(&input, log).unwrap();
    let out = dir.join("rsyslog.out");
    let conf = repo().join("pipelines/rsyslog.conf");
    let env = [
        ("CHATCODES_TABLE", table.to_path_buf()),
        ("CHATCODES_WORK", work.clone()),
        ("CHATCODES_IN", input),
        ("CHATCODES_OUT", out.clone()),
    ];
    let check = Command::new("rsyslogd")
        .args(["-N1", "-f"])
        .arg(&conf)
        .envs(env.clone())
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "rsyslogd -N1: {}",
        String::from_utf8_lossy(&check.stderr)
    );
    let mut daemon = Daemon(
        Command::new("rsyslogd")
            .args(["-n", "-f"])
            .arg(&conf)
            .arg("-i")
            .arg(dir.join("rsyslog.pid"))
            .envs(env)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    // imfile never ends: wait for every line, then stop the daemon (Drop).
    let text = wait_for_lines(&out, log.lines().count(), &mut daemon);
    drop(daemon);
    text
}

/// (code, description, retryability, remedy) of each explained line, and
/// the codes of the lines left unexplained.
type Explained = (Vec<(i64, String, String, String)>, BTreeSet<i64>);

fn explained(
    lines: &str,
    code_of: impl Fn(&Value) -> Option<i64>,
    record_of: impl Fn(&Value) -> &Value,
) -> Explained {
    let mut found = Vec::new();
    let mut bare = BTreeSet::new();
    for line in lines.lines() {
        let v: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        let Some(code) = code_of(&v) else { continue };
        let r = record_of(&v);
        if r.is_null() {
            bare.insert(code);
        } else {
            let text = |k: &str| r[k].as_str().unwrap_or_default().to_string();
            found.push((
                code,
                text("description"),
                text("retryability"),
                text("remedy"),
            ));
        }
    }
    found.sort();
    (found, bare)
}

#[test]
fn syslog_ng_and_rsyslog_explain_every_code_as_chatcodes_does() {
    if !engines_present() {
        return;
    }
    let scratch = Scratch::new("pipelines");
    let dir = &scratch.0;
    let db = dir.join("chatcodes-syslog-ng.csv");
    fs::write(
        &db,
        common::succeed(
            &[
                "export",
                "--format",
                "syslog-ng",
                "--namespace",
                "tencent_server",
            ],
            b"",
        ),
    )
    .unwrap();
    let table = dir.join("chatcodes-rsyslog.json");
    let table_json = common::succeed(
        &[
            "export",
            "--format",
            "rsyslog",
            "--namespace",
            "tencent_server",
        ],
        b"",
    );
    fs::write(&table, &table_json).unwrap();
    let codes = table_codes(&table_json);
    assert!(
        codes.len() > 10_000,
        "{} codes, ranges expanded",
        codes.len()
    );
    let log = log(&codes);

    // What chatcodes says of each code: `explain -n tencent_server`'s answer.
    let mut expected: Vec<(i64, String, String, String)> = codes
        .iter()
        .map(|&code| {
            let e = explain_in(Namespace::TencentServer, code).unwrap();
            let parts = (e.description(), e.retryability().to_string(), e.remedy());
            (code, parts.0.to_string(), parts.1, parts.2.to_string())
        })
        .collect();
    expected.sort();
    let unknown: BTreeSet<i64> = UNKNOWN.iter().copied().collect();

    let code_field = |v: &Value| match &v["ErrorCode"] {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    };
    let sng = run_syslog_ng(dir, &db, &log);
    let (found, bare) = explained(&sng, |v| code_field(&v["_json"]), |v| &v["chatcodes"]);
    assert_eq!(bare, unknown, "syslog-ng: unknown codes get nothing");
    assert!(
        found == expected,
        "syslog-ng explains {} codes, not as chatcodes does",
        found.len()
    );

    let rsy = run_rsyslog(dir, &table, &log);
    let (found, bare) = explained(&rsy, code_field, |v| &v["chatcodes"]);
    assert_eq!(bare, unknown, "rsyslog: unknown codes get nothing");
    assert!(
        found == expected,
        "rsyslog explains {} codes, not as chatcodes does",
        found.len()
    );

    // chatcodes enrich reads bare numbers as server codes: where that is
    // explain's meaning too, the three agree line for line. (Success, 0, is
    // in the tables but enrich leaves zero codes alone by design.)
    let enriched = common::succeed(&["enrich"], log.as_bytes());
    let (by_enrich, _) = explained(&enriched, code_field, |v| &v["ErrorCode_explained"]);
    let server: BTreeSet<i64> = codes.iter().copied().filter(|&c| c != 0).collect();
    let from_engines: Vec<_> = found
        .into_iter()
        .filter(|f| server.contains(&f.0))
        .collect();
    let by_enrich: Vec<_> = by_enrich
        .into_iter()
        .filter(|f| server.contains(&f.0))
        .collect();
    assert!(!by_enrich.is_empty());
    let only_engines: Vec<i64> = from_engines
        .iter()
        .filter(|f| !by_enrich.contains(f))
        .map(|f| f.0)
        .collect();
    assert!(
        by_enrich == from_engines,
        "enrich and the engines differ: only the engines explain {only_engines:?}"
    );
}

#[test]
fn the_readme_shows_the_configs_the_test_runs() {
    let readme = fs::read_to_string(repo().join("README.md")).unwrap();
    for name in ["syslog-ng.conf", "rsyslog.conf"] {
        let file = fs::read_to_string(repo().join("pipelines").join(name)).unwrap();
        let marker = format!("<!-- pipelines/{name} -->\n");
        let at = readme
            .find(&marker)
            .unwrap_or_else(|| panic!("README has no {marker:?}"));
        let block = &readme[at + marker.len()..];
        let body = block.split_once('\n').map(|(_, rest)| rest).unwrap();
        let body = &body[..body.find("```").unwrap()];
        assert_eq!(body, file, "README's copy of pipelines/{name} differs");
    }
}
