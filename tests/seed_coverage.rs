//! Every code row of every seed table is in the catalogue, with the seed's
//! wording, in the right namespace and category.
//!
//! The seeds live in `../shared/seeds` beside the repository. Under `CI=true`
//! a missing `../shared` fails these tests; elsewhere they print a notice and
//! pass without checking.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use chatcodes::{
    Category, Codes, Namespace, Retryability, api_entries, entries, explain_all, explain_for_api,
    explain_in,
};

/// The `data/sources.toml` document each seed is a copy of.
fn seed_document(prefix: &str) -> &'static str {
    match prefix {
        "000" => "tencent-faq-profile-relationship",
        "001" => "nexconn-status-codes",
        "002" => "tencent-error-codes",
        "003" => "tencent-rest-friend-add",
        "004" => "tencent-rest-friend-update",
        other => panic!("no seed {other}"),
    }
}

fn shared() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if dir.join("seeds").is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var("CI").map_or(true, |v| v != "true"),
        "CI=true but {} is missing: the seed coverage tests cannot run",
        dir.display()
    );
    eprintln!(
        "notice: {} not found; seed coverage not checked",
        dir.display()
    );
    None
}

fn seed(shared: &Path, prefix: &str) -> String {
    let dir = shared.join("seeds");
    let path = fs::read_dir(&dir)
        .expect("seeds directory")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("no seed {prefix}_* in {}", dir.display()));
    fs::read_to_string(path).expect("readable seed")
}

/// A `code | description |` table row: the code (or `first-last`) and the text.
fn table_row(line: &str) -> Option<(String, String)> {
    let (code, rest) = line.split_once(" | ")?;
    let description = rest.strip_suffix('|')?.trim();
    let digits = code.strip_prefix('-').unwrap_or(code);
    let is_code = !digits.is_empty()
        && digits
            .split('-')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    is_code.then(|| (code.to_string(), description.to_string()))
}

fn parse_codes(code: &str) -> Codes {
    let digits = code.strip_prefix('-').unwrap_or(code);
    match digits.split_once('-') {
        Some((a, b)) if !code.starts_with('-') => Codes::Range {
            first: a.parse().unwrap(),
            last: b.parse().unwrap(),
        },
        _ => Codes::Exact(code.parse().unwrap()),
    }
}

/// One row of seed 002 with where it sits.
struct Row {
    namespace: Namespace,
    category: Category,
    codes: Codes,
    description: String,
}

/// The seed's section headings and the (namespace, category) they map to.
fn seed_002_section(part: u32, heading: &str) -> Option<(Namespace, Category)> {
    let ns = if part == 2 {
        Namespace::TencentServer
    } else {
        Namespace::TencentSdk
    };
    let category = match (part, heading) {
        (3, _) => Category::LegacyV3Sdk,
        (1, "Common error codes") => Category::Common,
        (1, "Network error codes") => Category::Network,
        (2, "Access layer error codes") => Category::AccessLayer,
        (2, "Resource file error codes") => Category::ResourceFile,
        (2, "Common backend error codes") => Category::CommonBackend,
        (2, "Profile error codes") => Category::Profile,
        (2, "Error codes for recent contacts") => Category::RecentContacts,
        (2, "Offline push error codes") => Category::OfflinePush,
        (2, "Operations data error codes") => Category::OperationsData,
        (_, "Account error codes") => Category::Account,
        (_, "Message error codes") => Category::Message,
        (_, "Group error codes") => Category::Group,
        (_, "Relationship chain error codes") => Category::RelationshipChain,
        _ => return None,
    };
    Some((ns, category))
}

fn seed_002_rows(text: &str) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut part = 0;
    let mut section: Option<(Namespace, Category)> = None;
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix(|c: char| c.is_ascii_digit()) {
            if rest.starts_with(". ") {
                part = line[..1].parse().unwrap();
                section = seed_002_section(part, "");
                continue;
            }
        }
        if !line.contains('|') {
            if let Some(s) = seed_002_section(part, line) {
                section = Some(s);
            }
            continue;
        }
        if let Some((code, description)) = table_row(line) {
            let (namespace, category) =
                section.unwrap_or_else(|| panic!("row {code} outside a known section"));
            rows.push(Row {
                namespace,
                category,
                codes: parse_codes(&code),
                description,
            });
        }
    }
    rows
}

fn find(namespace: Namespace, codes: Codes) -> &'static chatcodes::Explanation {
    explain_in(namespace, codes.first())
        .filter(|e| e.codes() == codes)
        .unwrap_or_else(|| panic!("{codes} missing from {namespace}"))
}

#[test]
fn every_tencent_row_of_seed_002_is_in_the_catalogue_with_its_wording() {
    let Some(shared) = shared() else { return };
    let rows = seed_002_rows(&seed(&shared, "002"));
    assert_eq!(rows.len(), 429, "seed 002 has 109 + 251 + 69 code rows");
    let mut counts: BTreeMap<(Namespace, Category), HashSet<Codes>> = BTreeMap::new();
    for row in &rows {
        let e = find(row.namespace, row.codes);
        assert_eq!(e.category(), row.category, "category of {}", row.codes);
        if row.description.is_empty() {
            assert_eq!(
                e.source().document.id,
                "tencent-tim-error-code-h",
                "{} has no seed wording",
                row.codes
            );
            assert!(!e.description().is_empty());
        } else {
            assert_eq!(e.description(), row.description, "wording of {}", row.codes);
            assert!(
                e.source().document.id == seed_document("002"),
                "source of {}",
                row.codes
            );
        }
        counts
            .entry((row.namespace, row.category))
            .or_default()
            .insert(row.codes);
    }
    // The catalogue holds exactly the seed's entries in each category, no
    // more, among the entries that cite the error code page (other entries
    // cite the sources that added them).
    for ((ns, category), codes) in &counts {
        let in_catalogue = entries()
            .filter(|e| e.namespace() == *ns && e.category() == *category && from_seeds(e))
            .count();
        assert_eq!(in_catalogue, codes.len(), "{ns}/{category}");
    }
}

/// Whether an entry comes from the seed pages (or, for the six codes the
/// error code page leaves without wording, from the header that describes
/// them): the original catalogue.
fn from_seeds(e: &chatcodes::Explanation) -> bool {
    [
        "tencent-error-codes",
        "tencent-tim-error-code-h",
        "nexconn-status-codes",
        "tencent-faq-profile-relationship",
    ]
    .contains(&e.source().document.id)
}

#[test]
fn category_counts_match_the_issue() {
    let count = |ns: Namespace, c: Category| {
        entries()
            .filter(|e| e.namespace() == ns && e.category() == c && from_seeds(e))
            .count()
    };
    use Category::*;
    use Namespace::*;
    let expected = [
        (TencentSdk, Common, 30),
        (TencentSdk, Account, 12),
        (TencentSdk, Message, 21),
        (TencentSdk, Group, 15),
        (TencentSdk, RelationshipChain, 6),
        (TencentSdk, Network, 25),
        (TencentSdk, LegacyV3Sdk, 69),
        (TencentServer, AccessLayer, 18),
        (TencentServer, ResourceFile, 9),
        (TencentServer, CommonBackend, 29),
        (TencentServer, Account, 24),
        (TencentServer, Profile, 11),
        (TencentServer, RelationshipChain, 22),
        (TencentServer, RecentContacts, 12),
        (TencentServer, Message, 59),
        (TencentServer, Group, 52),
        (TencentServer, OfflinePush, 9),
        (TencentServer, OperationsData, 5),
        (NexconnHttp, HttpStatus, 10),
        (NexconnBusiness, ReturnCode, 121),
    ];
    for (ns, category, n) in expected {
        assert_eq!(count(ns, category), n, "{ns}/{category}");
    }
    assert_eq!(entries().filter(|e| from_seeds(e)).count(), 559);
    // Everything added since cites another listed document.
    assert!(entries().len() > 559);
    assert!(api_entries().len() >= 25);
}

#[test]
fn every_nexconn_row_of_seed_001_is_in_the_catalogue_with_its_wording() {
    let Some(shared) = shared() else { return };
    let text = seed(&shared, "001");
    let (http, business) = text
        .split_once("Business return codes\n")
        .expect("two tables");
    let mut http_rows = 0;
    for line in http.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if let [code, short, details, ""] = cells.as_slice() {
            let Ok(code) = code.parse::<i64>() else {
                continue;
            };
            let e = find(Namespace::NexconnHttp, Codes::Exact(code));
            assert_eq!(e.name(), Some(*short), "short name of HTTP {code}");
            assert_eq!(e.description(), *details, "details of HTTP {code}");
            http_rows += 1;
        }
    }
    assert_eq!(http_rows, 10);
    let lines: Vec<&str> = business
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(lines.len() % 2, 0, "code and description alternate");
    for pair in lines.chunks(2) {
        let code: i64 = pair[0].parse().expect("a code line");
        let e = find(Namespace::NexconnBusiness, Codes::Exact(code));
        assert_eq!(e.description(), pair[1], "wording of business code {code}");
        assert_eq!(e.source().document.id, seed_document("001"));
    }
    assert_eq!(lines.len() / 2, 121);
}

fn api_rows(text: &str) -> Vec<(i64, String)> {
    let (_, table) = text
        .split_once("specific to this API:")
        .expect("the API's own table");
    table
        .lines()
        .map(|l| l.trim_start_matches("Error Code | Description |"))
        .filter_map(table_row)
        .map(|(code, description)| (code.parse().unwrap(), description))
        .collect()
}

#[test]
fn every_row_of_the_friend_add_and_friend_update_tables_has_the_apis_wording() {
    let Some(shared) = shared() else { return };
    for (prefix, api, n) in [
        ("003", "v4/sns/friend_add", 17),
        ("004", "v4/sns/friend_update", 8),
    ] {
        let rows = api_rows(&seed(&shared, prefix));
        assert_eq!(rows.len(), n, "{api}");
        for (code, description) in rows {
            let e = explain_for_api(api, code).unwrap_or_else(|| panic!("{api} {code}"));
            assert_eq!(e.description(), description, "{api} {code}");
            assert_eq!(e.api(), Some(api));
            assert_eq!(e.source().document.id, seed_document(prefix));
            // Everything but the wording comes from the server entry.
            let base = explain_in(Namespace::TencentServer, code).unwrap();
            assert_eq!(
                (e.retryability(), e.remedy(), e.name()),
                (base.retryability(), base.remedy(), base.name())
            );
        }
    }
}

#[test]
fn the_faq_causes_are_attached_to_their_codes() {
    let Some(shared) = shared() else { return };
    let faq = seed(&shared, "000");
    let numbered: Vec<&str> = faq
        .lines()
        .filter_map(|l| {
            l.split_once(". ")
                .filter(|(n, _)| n.parse::<u8>().is_ok())
                .map(|(_, t)| t)
        })
        .collect();
    assert_eq!(numbered.len(), 7);
    let e = explain_in(Namespace::TencentServer, 30001).unwrap();
    assert_eq!(e.causes(), numbered.as_slice());
    assert_eq!(e.causes_source().unwrap().document.id, seed_document("000"));
    for code in [30004, 40004] {
        let causes = explain_in(Namespace::TencentServer, code).unwrap().causes();
        assert!(
            causes.len() == 1 && causes[0].contains("From_Account"),
            "{code}"
        );
    }
    for code in [20009, 20010, 20011] {
        let e = explain_in(Namespace::TencentServer, code).unwrap();
        assert!(e.causes()[0].contains("5 minutes"), "{code}");
        assert!(e.remedy().contains("Chat console"), "{code}");
    }
}

#[test]
fn tencent_entries_carry_the_official_names_of_tim_error_codes() {
    let Some(shared) = shared() else { return };
    let tsv = fs::read_to_string(shared.join("reference/tim_error_names.tsv")).unwrap();
    let mut named = 0;
    let mut by_code: HashMap<(Namespace, i64), &str> = HashMap::new();
    for line in tsv.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let ns = if cols[2] == "server" {
            Namespace::TencentServer
        } else {
            Namespace::TencentSdk
        };
        by_code.insert((ns, cols[1].parse().unwrap()), cols[0]);
    }
    for e in entries().filter(|e| e.vendor() == chatcodes::Vendor::Tencent) {
        let Codes::Exact(code) = e.codes() else {
            continue;
        };
        // The reference's names (the 2021 header) are kept; a code the newer
        // header renamed keeps the old name as an alias, and codes the
        // reference does not name may carry the newer header's name.
        if let Some(&name) = by_code.get(&(e.namespace(), code)) {
            assert!(
                e.name() == Some(name) || e.aliases().contains(&name),
                "name of {code}: {:?}, reference {name}",
                e.name()
            );
            named += 1;
        }
    }
    // Every name of the reference: the 12 whose codes the seeds lacked are in now.
    assert_eq!(named, tsv.lines().count() - 1);
}

#[test]
fn codes_without_seed_wording_use_the_reference_and_say_so() {
    for code in [60020, 70003, 70005, 40007, 40008, 40605] {
        let e = explain_in(Namespace::TencentServer, code).unwrap();
        assert_eq!(e.source().document.id, "tencent-tim-error-code-h", "{code}");
        assert!(e.name().is_some(), "{code} has an official name");
    }
}

#[test]
fn only_success_and_pending_states_are_not_failures() {
    let mut not_failures: Vec<(Namespace, i64)> = entries()
        .filter(|e| e.retryability() == Retryability::NotAFailure)
        .map(|e| (e.namespace(), e.codes().first()))
        .collect();
    not_failures.sort();
    assert_eq!(
        not_failures,
        [
            (Namespace::TencentServer, 0),
            (Namespace::TencentServer, 30539),
            (Namespace::TencentSdk, 0),
            (Namespace::TencentSdk, 90101), // ERR_SDK_HAD_INITIALIZED: already initialised
            (Namespace::NexconnHttp, 200),
            (Namespace::NexconnBusiness, 200),
            (Namespace::NexconnBusiness, 25424),
            (Namespace::NexconnBusiness, 25427),
            (Namespace::NexconnBusiness, 25461),
            // The RongCloud client SDKs' successes and "already so" answers:
            (Namespace::NexconnClient, 0),     // RC_SUCCESS
            (Namespace::NexconnClient, 21502), // sent, with sensitive words replaced
            (Namespace::NexconnClient, 26200), // translation succeeded
            (Namespace::NexconnClient, 29103), // public account already followed
            (Namespace::NexconnClient, 29105), // ... already unfollowed
            (Namespace::NexconnClient, 29203),
            (Namespace::NexconnClient, 29205),
            (Namespace::NexconnClient, 33005), // reconnected
            (Namespace::NexconnClient, 34001), // RC_CONNECTION_EXIST: already connected
            (Namespace::NexconnClient, 39007), // stream already fully synchronised
        ]
    );
    assert!(explain_all(30539).all(|e| !e.is_failure()));
}
