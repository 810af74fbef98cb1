//! The data model of `data/`: what the loader produces and the build renders.

use std::fmt;

/// A retry class of `data/retryability.toml`: a variant of the generated
/// `chatcodes::Retryability`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryClass {
    /// The snake_case name entries use.
    pub id: String,
    /// Where its rule comes in the order the rules are applied (from 1).
    pub rule: usize,
    pub title: String,
    /// What a caller does: the variant's documentation.
    pub summary: String,
    /// The rule that puts a code in the class.
    pub definition: String,
    /// The title and the rule in Chinese.
    pub title_zh: Option<String>,
    pub definition_zh: Option<String>,
    /// Whether its entries may carry `retry_after_ms`.
    pub delays: bool,
    /// Whether a program resends the same request for it (transient,
    /// throttled): on an API that is not safe to repeat, its remedy says so.
    pub retries: bool,
}

/// One mistake in the data, located as precisely as the data allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file, relative to the data directory's parent (`data/...`).
    pub file: String,
    /// 1-based line, when the problem sits at a known place.
    pub line: Option<usize>,
    /// The code (or range) concerned, when there is one.
    pub code: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": ")?;
        if let Some(code) = &self.code {
            write!(f, "code {code}: ")?;
        }
        write!(f, "{}", self.message)
    }
}

/// Where a piece of knowledge came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub document: String,
    pub section: String,
}

/// A document declared in `data/sources.toml`.
#[derive(Debug, Clone, Default)]
pub struct DocumentDef {
    pub id: String,
    pub title: String,
    pub url: Option<String>,
    pub repository: Option<String>,
    pub path: Option<String>,
    pub commit: Option<String>,
    pub read: String,
    pub note: Option<String>,
}

/// A vendor declared in `data/namespaces.toml`.
#[derive(Debug, Clone)]
pub struct VendorDef {
    pub id: String,
    pub name: String,
    /// The name in Chinese, where `namespaces.toml` gives one.
    pub name_zh: Option<String>,
}

/// A namespace declared in `data/namespaces.toml`; its position in
/// [`Catalog::namespaces`] is its precedence.
#[derive(Debug, Clone)]
pub struct NamespaceDef {
    pub vendor: String,
    pub domain: String,
    pub title: String,
    /// The title in Chinese, where `namespaces.toml` gives one.
    pub title_zh: Option<String>,
    /// The namespace whose codes this one's SDKs pass on unchanged (a client
    /// SDK reporting the server's code): a code this namespace lacks is
    /// explained by that one's entry.
    pub passes_through: Option<String>,
}

impl NamespaceDef {
    /// `<vendor>_<domain>`, the namespace's snake_case id.
    pub fn id(&self) -> String {
        format!("{}_{}", self.vendor, self.domain)
    }
}

/// A category: one file name used in one or more namespaces.
#[derive(Debug, Clone)]
pub struct CategoryDef {
    pub id: String,
    pub title: String,
    /// The Chinese title, where a category file gives one.
    pub title_zh: Option<String>,
}

/// An entry's Chinese text, where the data gives it.
#[derive(Debug, Clone, Default)]
pub struct Chinese {
    pub description: Option<String>,
    pub remedy: Option<String>,
    pub causes: Vec<String>,
    pub note: Option<String>,
}

/// An exact code or an inclusive range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Codes {
    Exact(i64),
    Range(i64, i64),
}

impl Codes {
    pub(crate) fn first(self) -> i64 {
        match self {
            Codes::Exact(c) | Codes::Range(c, _) => c,
        }
    }
    pub(crate) fn last(self) -> i64 {
        match self {
            Codes::Exact(c) | Codes::Range(_, c) => c,
        }
    }
}

impl fmt::Display for Codes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Codes::Exact(c) => write!(f, "{c}"),
            Codes::Range(a, b) => write!(f, "{a}-{b}"),
        }
    }
}

/// One catalogue entry, as read from a category file.
#[derive(Debug, Clone)]
pub struct Entry {
    pub file: String,
    pub line: usize,
    /// Index into [`Catalog::namespaces`].
    pub namespace: usize,
    /// Index into [`Catalog::categories`].
    pub category: usize,
    pub codes: Codes,
    pub name: Option<String>,
    /// Other names that lead to this entry: strings real responses carry
    /// (`ErrorInfo` such as `Err_SNS_GroupAdd_ToTinyId_Not_Friend`) and
    /// other enum names of the same code.
    pub aliases: Vec<String>,
    /// Documented only in older material (an old page or header).
    pub retired: bool,
    pub description: String,
    pub retryability: String,
    pub retry_after_ms: Option<u32>,
    /// Delays that differ by operation kind: (`read` or `write`, ms).
    pub retry_after_by_operation: Vec<(String, u32)>,
    pub remedy: String,
    /// A fact beside the description: what the number meant in older SDKs,
    /// a limit another document states differently.
    pub note: Option<String>,
    pub zh: Chinese,
    pub causes: Vec<String>,
    /// Which cause a service message points to: (1-based cause, markers that
    /// must all occur in the message).
    pub cause_hints: Vec<(usize, Vec<String>)>,
    pub causes_source: Option<Source>,
    pub source: Source,
}

/// One row of a per-API table: a code the API documents, with the API's own
/// wording where its page adds a fact to the code's general meaning.
#[derive(Debug, Clone)]
pub struct ApiRow {
    pub code: i64,
    /// `None`: the page says what the general entry says.
    pub description: Option<String>,
    /// The API's own wording in Chinese, where the data gives it.
    pub description_zh: Option<String>,
    /// On this API the code means the operation's goal already holds (the
    /// group to destroy is gone): why, in English and Chinese.
    pub already_done: Option<String>,
    pub already_done_zh: Option<String>,
    /// Index into [`Catalog::entries`] of the namespace entry it refines.
    pub base: usize,
}

/// An API's own rows (`data/<vendor>/<domain>/api/<name>.toml`): the codes
/// its page documents, with its own wording where the page adds a fact.
#[derive(Debug, Clone)]
pub struct OwnRows {
    pub file: String,
    pub api: String,
    pub namespace: usize,
    pub source: Source,
    pub rows: Vec<ApiRow>,
}

/// What tells that one element of an item array failed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// A member holding a code; 0 is success.
    Code(String),
    /// A member holding a status; the listed values mean the item failed.
    Status(String, Vec<i64>),
}

/// An array of per-item results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemArray {
    /// Where the array is: `A`, `A.B`, `A[].B`.
    pub array: String,
    pub outcome: Outcome,
    pub message: Option<String>,
    /// The member naming the item: `To_Account` or `ContactItem.To_Account`.
    pub item: String,
}

/// A list of strings naming failed items (`Fail_Account`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailList {
    pub array: String,
    pub item: String,
}

/// A top-level member saying the message was dropped (`MsgDropReason`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    pub field: String,
    pub item: String,
}

/// Where one REST API reports per-item outcomes (`[[api]]` in
/// `data/tencent/responses.toml`).
#[derive(Debug, Clone, Default)]
pub struct ApiShape {
    /// Its documentation page, under [`Pages::folder`].
    pub page: String,
    pub items: Vec<ItemArray>,
    pub fail_lists: Vec<FailList>,
    pub dropped: Vec<Dropped>,
}

/// One REST API, from everything `data/` says of it: the list of APIs
/// (`data/tencent/responses.toml`), its own rows, where it reports per-item
/// outcomes, and the names older pages give it.
#[derive(Debug, Clone)]
pub struct Api {
    /// The path, as in the request URL: `v4/sns/friend_add`.
    pub path: String,
    /// Index into [`Catalog::namespaces`]: where its codes are explained.
    pub namespace: usize,
    /// Where it is listed: the file and line.
    pub listed: Option<(String, usize)>,
    pub own: Option<OwnRows>,
    pub shape: Option<ApiShape>,
    /// Older names of the API, sorted.
    pub renamed_from: Vec<String>,
    pub repeat: Repeat,
}

/// Whether repeating the same request can do its work twice (`[repeat]` in
/// `responses.toml`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Repeat {
    /// It cannot: queries, deletes, sets, imports keyed by an ID.
    #[default]
    Safe,
    /// It can, and the API has no way to make a resend safe: what happens.
    Unsafe { how: String, how_zh: String },
    /// It can, unless the request carries a field the service de-duplicates
    /// on: how to resend safely.
    UnsafeUnless { how: String, how_zh: String },
}

/// Where the REST API pages that `responses.toml` was read from are.
#[derive(Debug, Clone, Default)]
pub struct Pages {
    pub repository: String,
    pub folder: String,
    pub commit: String,
}

/// Everything in `data/`, validated.
#[derive(Debug, Clone)]
pub struct Catalog {
    /// The documents of `data/sources.toml`, in file order.
    pub documents: Vec<DocumentDef>,
    pub vendors: Vec<VendorDef>,
    pub namespaces: Vec<NamespaceDef>,
    pub categories: Vec<CategoryDef>,
    /// The retry classes, in declaration order.
    pub retry_classes: Vec<RetryClass>,
    pub entries: Vec<Entry>,
    /// Every REST API, sorted by path.
    pub apis: Vec<Api>,
    pub pages: Pages,
    /// `data/catalogue.toml`'s version, `+`, the digest of `data/`.
    pub version: String,
}

/// `a-z`, `0-9` and `_`, starting with a letter.
pub fn is_identifier(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// `relationship_chain` -> `RelationshipChain`.
pub fn pascal_case(id: &str) -> String {
    id.split('_')
        .map(|part| {
            let mut chars = part.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect()
}
