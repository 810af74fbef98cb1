//! Every entry in both languages, with the vendors' terms: the Chinese text
//! is Chinese, differs from the English, and uses the glossary's renderings
//! (`data/glossary.toml`), never the ones it lists to avoid.

use std::path::Path;

use chatcodes::{Category, Lang, Namespace, Retryability, api_entries, entries, explain};

fn chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Every Chinese text of the catalogue, with what it belongs to.
fn texts() -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    for e in entries().chain(api_entries()) {
        let who = format!("{} {}", e.namespace(), e.codes());
        out.push((who.clone(), e.description_in(Lang::Zh)));
        out.push((who.clone(), e.remedy_in(Lang::Zh)));
        out.extend(e.causes_in(Lang::Zh).iter().map(|c| (who.clone(), *c)));
        out.extend(e.note_in(Lang::Zh).map(|n| (who.clone(), n)));
        out.extend(e.already_done_in(Lang::Zh).map(|a| (who.clone(), a)));
    }
    out.extend(
        Namespace::ALL
            .iter()
            .map(|n| (n.to_string(), n.title_in(Lang::Zh))),
    );
    out.extend(
        Category::ALL
            .iter()
            .map(|c| (c.to_string(), c.title_in(Lang::Zh))),
    );
    for r in Retryability::ALL {
        out.push((r.to_string(), r.title_in(Lang::Zh)));
        out.push((r.to_string(), r.rule_in(Lang::Zh)));
    }
    out
}

#[test]
fn every_entry_is_in_both_languages() {
    for e in entries().chain(api_entries()) {
        let who = format!("{} {}", e.namespace(), e.codes());
        assert!(chinese(e.description_in(Lang::Zh)), "{who}: description");
        assert!(chinese(e.remedy_in(Lang::Zh)), "{who}: remedy");
        assert_ne!(e.description_in(Lang::Zh), e.description(), "{who}");
        assert_eq!(
            e.causes_in(Lang::Zh).len(),
            e.causes().len(),
            "{who}: causes"
        );
        assert_eq!(
            e.note_in(Lang::Zh).is_some(),
            e.note().is_some(),
            "{who}: note"
        );
    }
    for n in Namespace::ALL {
        assert!(chinese(n.title_in(Lang::Zh)), "{n}");
    }
    for c in Category::ALL {
        assert!(chinese(c.title_in(Lang::Zh)), "{c}");
    }
    for r in Retryability::ALL {
        assert!(
            chinese(r.title_in(Lang::Zh)) && chinese(r.rule_in(Lang::Zh)),
            "{r}"
        );
    }
    let e = explain(70001).unwrap();
    assert!(
        e.description_in(Lang::Zh).contains("UserSig")
            && e.description_in(Lang::Zh).contains("过期")
    );
}

#[test]
fn each_term_is_translated_one_way() {
    let glossary: toml::Table =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/glossary.toml"))
            .unwrap()
            .parse()
            .unwrap();
    let terms = glossary["term"].as_array().unwrap();
    assert!(terms.len() >= 10);
    let texts = texts();
    for term in terms {
        let zh = term["zh"].as_str().unwrap();
        // The rendering itself is in use.
        assert!(
            texts.iter().any(|(_, t)| t.contains(zh)),
            "{zh} is never used"
        );
        for avoid in term["avoid"].as_array().unwrap() {
            let avoid = avoid.as_str().unwrap();
            let found: Vec<&String> = texts
                .iter()
                .filter(|(_, t)| t.contains(avoid))
                .map(|(who, _)| who)
                .collect();
            assert!(found.is_empty(), "{avoid} (use {zh}) in {found:?}");
        }
    }
}
