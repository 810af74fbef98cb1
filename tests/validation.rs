//! The build script's validation, run on fixture data directories: every kind
//! of mistake is reported, all in one pass, naming the file, line and code.

use std::path::PathBuf;

use chatcodes_build::{Codes, Hashes, load, render, segments};

/// Any hashes that spread the keys do for rendering a fixture.
const HASHES: Hashes = Hashes {
    code: |code, seed| {
        (*code as u64 ^ seed)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .rotate_left(29)
    },
    name: |name, seed| {
        name.iter().fold(*seed, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01B3)
        })
    },
};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .join("data")
}

fn problems() -> Vec<String> {
    match load(&fixture("bad")) {
        Ok(_) => panic!("the bad fixture loaded without problems"),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    }
}

fn assert_reported(expected: &str) {
    let problems = problems();
    assert!(
        problems.iter().any(|p| p == expected),
        "expected {expected:?} among:\n{}",
        problems.join("\n")
    );
}

const ERRORS: &str = "data/acme/api/errors.toml";

#[test]
fn duplicate_code_names_the_file_line_and_code() {
    assert_reported(&format!(
        "{ERRORS}:14: code 100: duplicate code in namespace acme_api (first at {ERRORS}:5)"
    ));
}

#[test]
fn duplicate_name_is_reported_whatever_its_case() {
    assert_reported(&format!(
        "{ERRORS}:80: code 106: duplicate name err_one (also code 100 at {ERRORS}:5)"
    ));
}

#[test]
fn unknown_field_is_reported() {
    assert_reported(&format!("{ERRORS}:29: code 101: unknown field `retry`"));
}

#[test]
fn unknown_retryability_lists_the_allowed_values() {
    let classes = load(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data"))
        .unwrap()
        .retry_classes;
    let names: Vec<&str> = classes.iter().map(|c| c.id.as_str()).collect();
    assert_reported(&format!(
        "{ERRORS}:34: code 102: unknown retryability \"sometimes\"; expected one of {}",
        names.join(", ")
    ));
}

#[test]
fn empty_description_and_remedy_are_reported() {
    assert_reported(&format!("{ERRORS}:41: code 103: empty description"));
    assert_reported(&format!("{ERRORS}:51: code 104: empty remedy"));
}

#[test]
fn delay_on_an_entry_that_is_not_throttled_is_reported() {
    assert_reported(&format!(
        "{ERRORS}:55: code 105: retry_after_ms is only for throttled entries, this one is permanent"
    ));
}

#[test]
fn overlapping_ranges_are_reported() {
    assert_reported(&format!(
        "{ERRORS}:72: code 550-650: range overlaps range 500-600 ({ERRORS}:64)"
    ));
}

#[test]
fn remedy_that_repeats_the_description_is_reported() {
    assert_reported(&format!(
        "{ERRORS}:89: code 107: remedy repeats the description; say what to do instead"
    ));
}

#[test]
fn api_row_for_a_code_the_namespace_lacks_is_reported() {
    assert_reported(
        "data/acme/api/api/thing.toml:8: code 999: API row for a code that its namespace does not have",
    );
}

#[test]
fn toml_syntax_errors_are_reported_with_their_line() {
    let problems = problems();
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("data/acme/sdk/broken.toml:2: invalid TOML")),
        "{problems:#?}"
    );
}

#[test]
fn undeclared_directories_are_reported_rather_than_ignored() {
    assert_reported(
        "data/acme/stray: directory is not a namespace declared in data/namespaces.toml (vendor \"acme\", domain \"stray\")",
    );
}

#[test]
fn cause_hints_must_point_at_a_cause_and_name_markers() {
    assert_reported(&format!(
        "{ERRORS}:107: code 108: a cause hint needs `cause` (1 to 2, the number of causes) and a non-empty `info`"
    ));
    let hint_problems = problems()
        .iter()
        .filter(|p| p.contains("cause hint"))
        .count();
    assert_eq!(hint_problems, 2);
}

#[test]
fn sources_must_be_listed_documents_with_an_address() {
    for expected in [
        "data/sources.toml:7: document \"x\" declared twice",
        "data/sources.toml:13: document \"nowhere\" needs a `url` or a `repository`",
        "data/sources.toml:18: document \"half\" names a repository: give its `path` and `commit`",
        "data/acme/api/errors.toml:97: code 108: source document \"faq\" is not listed in data/sources.toml",
        "data/acme/api/api/thing.toml: source document \"y\" is not listed in data/sources.toml",
    ] {
        assert_reported(expected);
    }
}

#[test]
fn per_operation_delays_name_known_operations_and_match_the_overall_delay() {
    assert_reported(&format!(
        "{ERRORS}:117: code 109: unknown operation \"delete\" in retry_after_ms_by_operation; expected one of read, write"
    ));
    assert_reported(&format!(
        "{ERRORS}:117: code 109: retry_after_ms must be the longest per-operation delay (250 ms)"
    ));
}

#[test]
fn all_problems_come_in_one_pass() {
    assert_eq!(problems().len(), 23, "{:#?}", problems());
}

#[test]
fn a_good_fixture_loads_with_negative_codes_ranges_causes_and_own_rows() {
    let catalog = load(&fixture("good")).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(catalog.entries.len(), 3);
    let find = |codes| {
        let i = catalog.entries.iter().position(|e| e.codes == codes);
        (i, i.map(|i| &catalog.entries[i]))
    };
    let (negative, e) = find(Codes::Exact(-1));
    assert_eq!(e.unwrap().retry_after_ms, Some(250));
    let (_, e) = find(Codes::Range(500, 600));
    assert_eq!(e.unwrap().causes, ["Somebody said so."]);
    assert_eq!(catalog.apis[0].path, "v1/thing");
    let own = catalog.apis[0].own.as_ref().unwrap();
    assert_eq!(Some(own.rows[0].base), negative);
}

#[test]
fn the_real_data_directory_is_valid() {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    let catalog = load(&data).unwrap_or_else(|p| panic!("{p:#?}"));
    // Every [[entry]] table in the files is loaded, counted independently.
    let (mut tables, mut api_rows) = (0, 0);
    let mut dirs = vec![data.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "toml") {
                let n = std::fs::read_to_string(&path)
                    .unwrap()
                    .matches("\n[[entry]]")
                    .count();
                if path.parent().is_some_and(|p| p.ends_with("api")) {
                    api_rows += n;
                } else {
                    tables += n;
                }
            }
        }
    }
    assert!(tables > 600);
    assert_eq!(catalog.entries.len(), tables);
    let rows = catalog.apis.iter().filter_map(|a| a.own.as_ref());
    assert_eq!(rows.map(|o| o.rows.len()).sum::<usize>(), api_rows);
}

#[test]
fn the_retry_classes_of_the_data_are_the_enum_and_its_rules() {
    use strum::IntoEnumIterator;
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    let classes = load(&data).unwrap().retry_classes;
    let names: Vec<String> = chatcodes::Retryability::iter()
        .map(|r| r.to_string())
        .collect();
    let ids: Vec<&str> = classes.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(names, ids);
    // ALL is in rule order, and each class has its data's title and rule.
    for (rule, r) in chatcodes::Retryability::ALL.iter().enumerate() {
        let class = classes.iter().find(|c| c.id == r.to_string()).unwrap();
        assert_eq!(class.rule, rule + 1, "{r}");
        assert_eq!((r.title(), r.rule()), (&*class.title, &*class.definition));
    }
}

#[test]
fn response_shape_mistakes_are_all_reported_with_their_lines() {
    // The good fixture's data with a responses.toml full of mistakes.
    let problems: Vec<String> = match load(&fixture("bad_responses")) {
        Ok(_) => panic!("the bad responses fixture loaded without problems"),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    };
    const FILE: &str = "data/tencent/responses.toml";
    let expected = [
        format!("{FILE}: the REST APIs need the namespace tencent_server"),
        format!("{FILE}:7: API \"v4/not a path\" is not of the form v4/<service>/<command>"),
        format!("{FILE}:8: API v4/sns/friend_get is listed twice (first at line 6)"),
        format!("{FILE}:15: an item array needs either `code`, or `status` with a non-empty `failed`"),
        format!("{FILE}:19: `array` \"MemberList[]\" must be a path that ends in a member, not in `[]`"),
        format!("{FILE}:19: `item` \"Outer[].Name\" must be a path through objects only, without `[]`"),
        format!("{FILE}:28: unknown field `colour`"),
        format!("{FILE}:30: `array` \"Fail Account\" must be names of ASCII letters, digits and `_`, joined by `.`"),
        "data/acme/api/api/thing.toml: API v1/thing has a wording table but is not listed in data/tencent/responses.toml".to_string(),
    ];
    for e in &expected {
        assert!(
            problems.contains(e),
            "expected {e:?} among:\n{}",
            problems.join("\n")
        );
    }
    assert_eq!(problems.len(), expected.len(), "{}", problems.join("\n"));
}

#[test]
fn a_good_item_array_with_paths_loads() {
    let real = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    let catalog = load(&real).unwrap_or_else(|p| panic!("{p:#?}"));
    assert!(catalog.apis.len() >= 100);
    let contacts = catalog
        .apis
        .iter()
        .find(|a| a.path == "v4/recentcontact/create_contact_group")
        .and_then(|a| a.shape.as_ref())
        .unwrap();
    assert_eq!(
        segments(&contacts.items[0].array),
        ["GroupResultItem", "[]", "ResultItem"]
    );
    assert_eq!(contacts.items[0].item, "ContactItem.To_Account");
}

#[test]
fn a_category_file_named_api_2_stays_api_2_in_the_generated_enum() {
    let catalog = load(&fixture("good")).unwrap_or_else(|p| panic!("{p:#?}"));
    assert!(catalog.categories.iter().any(|c| c.id == "api_2"));
    let generated = render(&catalog, &HASHES);
    let code = generated.catalog;
    assert!(
        generated.enums.contains(
            "    #[strum(serialize = \"api_2\")]\n    #[serde(rename = \"api_2\")]\n    Api2,"
        ),
        "{}",
        generated.enums
    );
    // Generated code reads like code: one field of an entry per line, each
    // entry named after where it is in data/.
    assert!(code.contains("    // data/acme/"), "{code}");
    let fields = [
        "codes:",
        "namespace:",
        "category:",
        "description:",
        "retryability:",
        "remedy:",
        "source:",
        "api:",
    ];
    for line in code.lines() {
        let n = fields
            .iter()
            .filter(|f| line.contains(&format!(" {f} ")) || line.trim_start().starts_with(*f))
            .count();
        assert!(n <= 1, "several fields on one line: {line}");
    }
    assert!(code.contains("        retryability: Retryability::Permanent,\n"));
}

#[test]
fn the_catalogue_version_is_the_datas_version_and_digest_and_the_changelog_names_it() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let catalogue: toml::Table = std::fs::read_to_string(root.join("data/catalogue.toml"))
        .unwrap()
        .parse()
        .unwrap();
    let version = catalogue["version"].as_str().unwrap();
    let digest = chatcodes_build::data_digest(&root.join("data"));
    assert_eq!(
        chatcodes::CATALOGUE_VERSION,
        format!("{version}+{digest:016x}")
    );
    let changelog = std::fs::read_to_string(root.join("CHANGELOG.md")).unwrap();
    let newest = changelog
        .lines()
        .find_map(|l| l.strip_prefix("## "))
        .unwrap();
    assert_eq!(newest, version, "CHANGELOG.md's newest version");
}

#[test]
fn an_entry_without_chinese_text_is_reported() {
    assert_reported(&format!(
        "{ERRORS}:119: code 113: no Chinese text: add `description_zh`"
    ));
    assert_reported(&format!(
        "{ERRORS}:119: code 113: no Chinese text: add `remedy_zh`"
    ));
}
