//! The data every documentation template sees: the catalogue as records,
//! and the namespaces, categories and retry classes with their titles and
//! rules. The built-in references and a user's `--template` get the same
//! context, so anything the built-ins show, a user's template can show too.

use std::collections::BTreeMap;

use chatcodes::{
    Category, Document, Explanation, Lang, Namespace, Record, Retryability, api_entries, entries,
    explain_all, explain_in,
};
use serde::Serialize;

/// The whole context: `entries`, `namespaces`, `categories`,
/// `retryabilities`, `shared_codes` and a few counts.
#[derive(Debug, Serialize)]
pub struct Context {
    /// The tool and version that generated the output, `chatcodes 0.1.0`.
    pub generator: String,
    /// The catalogue it describes: `chatcodes::CATALOGUE_VERSION`.
    pub catalogue_version: &'static str,
    /// The language of the records and titles (`en`, `zh`): `--lang`.
    pub lang: Lang,
    /// Every entry, in catalogue order.
    pub entries: Vec<Entry>,
    /// Every namespace, in `explain()`'s precedence order.
    pub namespaces: Vec<NamespaceInfo>,
    /// Every category, in catalogue order.
    pub categories: Vec<Named>,
    /// Every retry class, in rule order.
    pub retryabilities: Vec<RetryClass>,
    /// Every number with meanings in several namespaces.
    pub shared_codes: Vec<SharedCode>,
    /// How many rows the REST APIs' own tables hold.
    pub api_row_count: usize,
}

/// One entry: the full record `export --format json --columns ...` writes
/// (all fields), plus what a page about it needs.
#[derive(Debug, Serialize)]
pub struct Entry {
    #[serde(flatten)]
    pub record: Record,
    /// The anchor, `<namespace>-<code>`, e.g. `tencent_server-70001`.
    pub id: String,
    /// `Tencent Cloud Chat`.
    pub vendor_name: &'static str,
    /// `Server (REST API and backend)`.
    pub namespace_title: &'static str,
    /// `Account`.
    pub category_title: &'static str,
    /// `Reauthenticate`.
    pub retryability_title: &'static str,
    /// The document the description comes from.
    pub document: DocumentInfo,
    /// The section of that document.
    pub section: &'static str,
    /// Where the causes come from, when the entry has causes.
    pub causes_source: Option<String>,
    /// The REST APIs whose own tables list the code, with their wording.
    pub api_rows: Vec<ApiRow>,
    /// Its text in each language, whatever `lang` is: what a page that
    /// switches language in place shows.
    pub en: Texts,
    pub zh: Texts,
    /// The anchors of the code's meanings in other namespaces.
    pub other_meanings: Vec<String>,
}

/// An entry's text in one language.
#[derive(Debug, Serialize)]
pub struct Texts {
    pub description: &'static str,
    pub remedy: &'static str,
    pub causes: &'static [&'static str],
    pub note: Option<&'static str>,
    pub vendor_name: &'static str,
    pub namespace_title: &'static str,
    pub category_title: &'static str,
    pub retryability_title: &'static str,
}

impl Texts {
    fn of(e: &Explanation, lang: Lang) -> Self {
        Texts {
            description: e.description_in(lang),
            remedy: e.remedy_in(lang),
            causes: e.causes_in(lang),
            note: e.note_in(lang),
            vendor_name: e.vendor().name_in(lang),
            namespace_title: e.namespace().title_in(lang),
            category_title: e.category().title_in(lang),
            retryability_title: e.retryability().title_in(lang),
        }
    }
}

/// A [`Document`] with the one-line form the text outputs print.
#[derive(Debug, Serialize)]
pub struct DocumentInfo {
    #[serde(flatten)]
    pub document: &'static Document,
    /// `Title <url>`, or `Title (owner/repo: path)`.
    pub display: String,
}

/// A REST API's own row for a code.
#[derive(Debug, Serialize)]
pub struct ApiRow {
    /// The API, e.g. `v4/sns/friend_add`.
    pub api: &'static str,
    /// What the API's page says the code means there.
    pub description: &'static str,
    /// Whether that wording is the API's own (else it repeats the namespace's).
    pub own_wording: bool,
    pub retryability: Retryability,
    pub remedy: &'static str,
}

/// A namespace, its titles, and its non-empty categories in order.
#[derive(Debug, Serialize)]
pub struct NamespaceInfo {
    pub name: Namespace,
    pub vendor: chatcodes::Vendor,
    pub vendor_name: &'static str,
    pub title: &'static str,
    /// `Tencent Cloud Chat / Client SDK`.
    pub heading: String,
    /// The heading in each language.
    pub heading_en: String,
    pub heading_zh: String,
    /// The categories with entries in this namespace, in catalogue order.
    pub categories: Vec<Category>,
    pub entry_count: usize,
}

/// A category (or anything else with a machine name and a title).
#[derive(Debug, Serialize)]
pub struct Named {
    pub name: &'static str,
    pub title: &'static str,
    /// The title in each language.
    pub title_en: &'static str,
    pub title_zh: &'static str,
}

/// A retry class with its rule.
#[derive(Debug, Serialize)]
pub struct RetryClass {
    pub name: Retryability,
    pub title: &'static str,
    /// The rule that puts a code in the class.
    pub rule: &'static str,
    /// The title and the rule in each language.
    pub title_en: &'static str,
    pub title_zh: &'static str,
    pub rule_en: &'static str,
    pub rule_zh: &'static str,
    /// Whether the same request may be sent again unchanged after a backoff.
    pub may_retry_unchanged: bool,
    pub entry_count: usize,
}

/// A number that means different things in several namespaces.
#[derive(Debug, Serialize)]
pub struct SharedCode {
    pub code: i64,
    /// Every meaning, best first (the first is `explain()`'s answer).
    pub meanings: Vec<Meaning>,
}

/// One meaning of a shared code.
#[derive(Debug, Serialize)]
pub struct Meaning {
    pub namespace: Namespace,
    pub id: String,
    pub description: &'static str,
}

/// The anchor of an entry: `<namespace>-<code>`.
pub fn anchor(e: &Explanation) -> String {
    format!("{}-{}", e.namespace(), e.codes())
}

/// Every number with meanings in several namespaces, in the catalogue order
/// of its first entry, with every meaning best first.
type Shared = Vec<(i64, Vec<&'static Explanation>)>;

fn shared() -> Shared {
    let mut shared: Shared = Vec::new();
    for e in entries() {
        let code = e.codes().first();
        if shared.iter().any(|(c, _)| *c == code) {
            continue;
        }
        let all: Vec<&Explanation> = explain_all(code).collect();
        if all.len() > 1 {
            shared.push((code, all));
        }
    }
    shared
}

fn entry(e: &'static Explanation, api_rows: Vec<ApiRow>, shared: &Shared) -> Entry {
    let source = e.source();
    let lang = crate::lang();
    Entry {
        record: e.record_in(lang),
        id: anchor(e),
        vendor_name: e.vendor().name_in(lang),
        namespace_title: e.namespace().title_in(lang),
        category_title: e.category().title_in(lang),
        retryability_title: e.retryability().title_in(lang),
        en: Texts::of(e, Lang::En),
        zh: Texts::of(e, Lang::Zh),
        document: DocumentInfo {
            document: source.document,
            display: source.document.to_string(),
        },
        section: source.section,
        causes_source: e.causes_source().map(|s| s.to_string()),
        api_rows,
        other_meanings: shared
            .iter()
            .find(|(code, _)| *code == e.codes().first())
            .map(|(_, all)| {
                all.iter()
                    .filter(|m| m.namespace() != e.namespace() && m.codes() == e.codes())
                    .map(|m| anchor(m))
                    .collect()
            })
            .unwrap_or_default(),
    }
}

impl Context {
    /// The context of the whole catalogue.
    pub fn new() -> Self {
        // The API rows of each (namespace, code), in API order.
        let mut rows: BTreeMap<(Namespace, String), Vec<ApiRow>> = BTreeMap::new();
        for a in api_entries() {
            let Some(api) = a.api() else { continue };
            let general =
                explain_in(a.namespace(), a.codes().first()).filter(|g| g.codes() == a.codes());
            rows.entry((a.namespace(), a.codes().to_string()))
                .or_default()
                .push(ApiRow {
                    api,
                    description: a.description_in(crate::lang()),
                    own_wording: general.is_none_or(|g| g.description() != a.description()),
                    retryability: a.retryability(),
                    remedy: a.remedy_in(crate::lang()),
                });
        }
        let api_row_count = api_entries().len();
        let shared = shared();
        let entries: Vec<Entry> = entries()
            .map(|e| {
                let key = (e.namespace(), e.codes().to_string());
                entry(e, rows.remove(&key).unwrap_or_default(), &shared)
            })
            .collect();
        let lang = crate::lang();
        let heading =
            |ns: Namespace, lang| format!("{} / {}", ns.vendor().name_in(lang), ns.title_in(lang));
        let namespaces = Namespace::ALL
            .iter()
            .map(|&ns| NamespaceInfo {
                name: ns,
                vendor: ns.vendor(),
                vendor_name: ns.vendor().name_in(lang),
                title: ns.title_in(lang),
                heading: heading(ns, lang),
                heading_en: heading(ns, Lang::En),
                heading_zh: heading(ns, Lang::Zh),
                categories: Category::ALL
                    .iter()
                    .copied()
                    .filter(|&c| {
                        entries
                            .iter()
                            .any(|e| e.record.namespace == ns && e.record.category == c)
                    })
                    .collect(),
                entry_count: entries.iter().filter(|e| e.record.namespace == ns).count(),
            })
            .collect();
        let categories = Category::ALL
            .iter()
            .map(|c| Named {
                name: c.into(),
                title: c.title_in(lang),
                title_en: c.title(),
                title_zh: c.title_zh(),
            })
            .collect();
        let retryabilities = Retryability::ALL
            .iter()
            .map(|&r| RetryClass {
                name: r,
                title: r.title_in(lang),
                rule: r.rule_in(lang),
                title_en: r.title(),
                title_zh: r.title_zh(),
                rule_en: r.rule(),
                rule_zh: r.rule_zh(),
                may_retry_unchanged: r.may_retry_unchanged(),
                entry_count: entries
                    .iter()
                    .filter(|e| e.record.retryability == r)
                    .count(),
            })
            .collect();
        let shared_codes = shared
            .iter()
            .map(|(code, all)| SharedCode {
                code: *code,
                meanings: all
                    .iter()
                    .map(|m| Meaning {
                        namespace: m.namespace(),
                        id: anchor(m),
                        description: m.description_in(lang),
                    })
                    .collect(),
            })
            .collect();
        Context {
            generator: format!("chatcodes {}", env!("CARGO_PKG_VERSION")),
            catalogue_version: chatcodes::CATALOGUE_VERSION,
            lang,
            entries,
            namespaces,
            categories,
            retryabilities,
            shared_codes,
            api_row_count,
        }
    }
}
