//! Loading and validating `data/`: the build-time half of chatcodes.
//!
//! `build.rs` uses this module to turn the TOML files into a [`Catalog`], and
//! `tests/validation.rs` includes the same file to check, on bad fixture
//! directories, that every kind of mistake is reported with the file, the line
//! and the code. Nothing here panics on bad data: every problem becomes a
//! [`Problem`], and all of them are collected in one pass.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// The snake_case names of `chatcodes::Retryability`, in declaration order.
/// `tests/validation.rs` checks that this list and the enum agree.
pub const RETRYABILITY: &[&str] = &[
    "transient",
    "throttled",
    "conflict",
    "reauthenticate",
    "after_remediation",
    "permanent",
    "not_a_failure",
    "unknown",
];

/// The retryability whose entries may carry `retry_after_ms`.
pub const THROTTLED: &str = "throttled";

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
}

/// A namespace declared in `data/namespaces.toml`; its position in
/// [`Catalog::namespaces`] is its precedence.
#[derive(Debug, Clone)]
pub struct NamespaceDef {
    pub vendor: String,
    pub domain: String,
    pub title: String,
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
}

/// An exact code or an inclusive range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Codes {
    Exact(i64),
    Range(i64, i64),
}

impl Codes {
    fn first(self) -> i64 {
        match self {
            Codes::Exact(c) | Codes::Range(c, _) => c,
        }
    }
    fn last(self) -> i64 {
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
    /// Index into [`Catalog::entries`] of the namespace entry it refines.
    pub base: usize,
}

/// A per-API table (`data/<vendor>/<domain>/api/<name>.toml`).
#[derive(Debug, Clone)]
pub struct Api {
    pub file: String,
    pub api: String,
    pub namespace: usize,
    pub source: Source,
    pub rows: Vec<ApiRow>,
}

/// Everything in `data/`, validated.
#[derive(Debug, Clone)]
pub struct Catalog {
    /// The documents of `data/sources.toml`, in file order.
    pub documents: Vec<DocumentDef>,
    pub vendors: Vec<VendorDef>,
    pub namespaces: Vec<NamespaceDef>,
    pub categories: Vec<CategoryDef>,
    pub entries: Vec<Entry>,
    pub apis: Vec<Api>,
}

/// Loads and validates the data directory. Returns every problem found, in
/// file order, when there is at least one.
pub fn load(data_dir: &Path) -> Result<Catalog, Vec<Problem>> {
    let mut ctx = Loader::new(data_dir);
    let documents = ctx.load_documents();
    let (vendors, namespaces) = ctx.load_namespaces();
    let mut categories: Vec<CategoryDef> = Vec::new();
    let mut entries = Vec::new();
    let mut api_files = Vec::new();
    for (ns_index, ns) in namespaces.iter().enumerate() {
        let dir = data_dir.join(&ns.vendor).join(&ns.domain);
        let files = ctx.toml_files(&dir);
        if files.is_empty() {
            let rel = ctx.rel(&dir);
            ctx.problem(
                &rel,
                None,
                None,
                format!("namespace {} has no category files", ns.id()),
            );
        }
        for path in files {
            ctx.load_category(&path, ns_index, &mut categories, &mut entries);
        }
        for path in ctx.toml_files(&dir.join("api")) {
            api_files.push((path, ns_index));
        }
    }
    ctx.check_stray_dirs(&namespaces);
    check_entries(&mut ctx, &namespaces, &entries);
    let mut apis = Vec::new();
    for (path, ns_index) in api_files {
        if let Some(api) = ctx.load_api(&path, ns_index, &entries) {
            apis.push(api);
        }
    }
    let mut seen_api: HashMap<String, String> = HashMap::new();
    for api in &apis {
        if let Some(first) = seen_api.insert(api.api.clone(), api.file.clone()) {
            ctx.problem(
                &api.file,
                None,
                None,
                format!("API {} already has a table in {first}", api.api),
            );
        }
    }
    check_sources(&mut ctx, &documents, &entries, &apis);
    ctx.finish(Catalog {
        documents,
        vendors,
        namespaces,
        categories,
        entries,
        apis,
    })
}

pub(crate) struct Loader {
    root: PathBuf,
    problems: Vec<Problem>,
}

/// A parsed TOML document with the text it came from, for line numbers.
pub(crate) struct Doc {
    pub(crate) rel: String,
    text: String,
}

impl Doc {
    pub(crate) fn line(&self, offset: usize) -> usize {
        self.text.as_bytes()[..offset.min(self.text.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    }
}

impl Loader {
    /// A loader for the data directory `root`, with no problems yet.
    pub(crate) fn new(root: &Path) -> Self {
        Loader {
            root: root.to_path_buf(),
            problems: Vec::new(),
        }
    }

    /// The problems found so far, or `Ok(value)` when there are none.
    pub(crate) fn finish<T>(self, value: T) -> Result<T, Vec<Problem>> {
        if self.problems.is_empty() {
            Ok(value)
        } else {
            Err(self.problems)
        }
    }

    fn rel(&self, path: &Path) -> String {
        let base = self.root.parent().unwrap_or(Path::new(""));
        path.strip_prefix(base)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/")
    }

    pub(crate) fn problem(
        &mut self,
        file: &str,
        line: Option<usize>,
        code: Option<String>,
        message: String,
    ) {
        self.problems.push(Problem {
            file: file.to_string(),
            line,
            code,
            message,
        });
    }

    /// The `.toml` files directly inside `dir`, sorted; none when it is absent.
    fn toml_files(&mut self, dir: &Path) -> Vec<PathBuf> {
        let Ok(read) = fs::read_dir(dir) else {
            return Vec::new();
        };
        let mut files: Vec<PathBuf> = read
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "toml"))
            .collect();
        files.sort();
        files
    }

    /// Directories under `data/` that no namespace declares are mistakes:
    /// their files would silently be left out.
    fn check_stray_dirs(&mut self, namespaces: &[NamespaceDef]) {
        let root = self.root.clone();
        for vendor_dir in sorted_dirs(&root) {
            let vendor = file_name(&vendor_dir);
            for domain_dir in sorted_dirs(&vendor_dir) {
                let domain = file_name(&domain_dir);
                if !namespaces
                    .iter()
                    .any(|n| n.vendor == vendor && n.domain == domain)
                {
                    let rel = self.rel(&domain_dir);
                    self.problem(
                        &rel,
                        None,
                        None,
                        format!("directory is not a namespace declared in data/namespaces.toml (vendor {vendor:?}, domain {domain:?})"),
                    );
                }
            }
        }
    }

    pub(crate) fn read(&mut self, path: &Path) -> Option<Doc> {
        let rel = self.rel(path);
        match fs::read_to_string(path) {
            Ok(text) => Some(Doc { rel, text }),
            Err(e) => {
                self.problem(&rel, None, None, format!("cannot read file: {e}"));
                None
            }
        }
    }

    pub(crate) fn parse<'a>(&mut self, doc: &'a Doc) -> Option<DeTable<'a>> {
        match DeTable::parse(&doc.text) {
            Ok(table) => Some(table.into_inner()),
            Err(e) => {
                let line = e.span().map(|s| doc.line(s.start));
                let message = format!("invalid TOML: {}", e.message().trim());
                self.problem(&doc.rel, line, None, message);
                None
            }
        }
    }

    fn load_documents(&mut self) -> Vec<DocumentDef> {
        let path = self.root.join("sources.toml");
        let mut documents: Vec<DocumentDef> = Vec::new();
        let Some(doc) = self.read(&path) else {
            return documents;
        };
        let Some(table) = self.parse(&doc) else {
            return documents;
        };
        let mut fields = Fields::new(self, &doc, &table, None, 0);
        let tables = fields.tables("document");
        fields.finish();
        for (span, t) in tables {
            let mut f = Fields::new(self, &doc, t, None, span);
            let id = f.text("id");
            let title = f.text("title");
            let url = f.optional_text("url");
            let repository = f.optional_text("repository");
            let path = f.optional_text("path");
            let commit = f.optional_text("commit");
            let read = f.text("read");
            let note = f.optional_text("note");
            f.finish();
            let (Some(id), Some(title), Some(read)) = (id, title, read) else {
                continue;
            };
            let line = doc.line(span);
            if documents.iter().any(|d| d.id == id) {
                self.problem(
                    &doc.rel,
                    Some(line),
                    None,
                    format!("document {id:?} declared twice"),
                );
            }
            if url.is_none() && repository.is_none() {
                self.problem(
                    &doc.rel,
                    Some(line),
                    None,
                    format!("document {id:?} needs a `url` or a `repository`"),
                );
            }
            if repository.is_some() && (path.is_none() || commit.is_none()) {
                self.problem(
                    &doc.rel,
                    Some(line),
                    None,
                    format!("document {id:?} names a repository: give its `path` and `commit`"),
                );
            }
            documents.push(DocumentDef {
                id,
                title,
                url,
                repository,
                path,
                commit,
                read,
                note,
            });
        }
        documents
    }

    fn load_namespaces(&mut self) -> (Vec<VendorDef>, Vec<NamespaceDef>) {
        let path = self.root.join("namespaces.toml");
        let mut vendors = Vec::new();
        let mut namespaces = Vec::new();
        let Some(doc) = self.read(&path) else {
            return (vendors, namespaces);
        };
        let Some(table) = self.parse(&doc) else {
            return (vendors, namespaces);
        };
        let mut fields = Fields::new(self, &doc, &table, None, 0);
        let vendor_tables = fields.tables("vendor");
        let namespace_tables = fields.tables("namespace");
        fields.finish();
        for (span, t) in vendor_tables {
            let mut f = Fields::new(self, &doc, t, None, span);
            let id = f.identifier("id");
            let name = f.text("name");
            f.finish();
            if let (Some(id), Some(name)) = (id, name) {
                if vendors.iter().any(|v: &VendorDef| v.id == id) {
                    let line = doc.line(span);
                    self.problem(
                        &doc.rel,
                        Some(line),
                        None,
                        format!("vendor {id:?} declared twice"),
                    );
                }
                vendors.push(VendorDef { id, name });
            }
        }
        for (span, t) in namespace_tables {
            let mut f = Fields::new(self, &doc, t, None, span);
            let vendor = f.identifier("vendor");
            let domain = f.identifier("domain");
            let title = f.text("title");
            f.finish();
            let (Some(vendor), Some(domain), Some(title)) = (vendor, domain, title) else {
                continue;
            };
            let line = doc.line(span);
            if !vendors.iter().any(|v| v.id == vendor) {
                self.problem(
                    &doc.rel,
                    Some(line),
                    None,
                    format!("namespace names unknown vendor {vendor:?}"),
                );
            }
            let def = NamespaceDef {
                vendor,
                domain,
                title,
            };
            if namespaces.iter().any(|n: &NamespaceDef| n.id() == def.id()) {
                self.problem(
                    &doc.rel,
                    Some(line),
                    None,
                    format!("namespace {} declared twice", def.id()),
                );
            }
            namespaces.push(def);
        }
        if namespaces.is_empty() && self.problems.is_empty() {
            self.problem(&doc.rel, None, None, "no [[namespace]] declared".into());
        }
        (vendors, namespaces)
    }

    fn load_category(
        &mut self,
        path: &Path,
        namespace: usize,
        categories: &mut Vec<CategoryDef>,
        entries: &mut Vec<Entry>,
    ) {
        let Some(doc) = self.read(path) else { return };
        let category_id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !is_identifier(&category_id) {
            self.problem(
                &doc.rel,
                None,
                None,
                "file name must be a snake_case category name (a-z, 0-9, _)".into(),
            );
            return;
        }
        let Some(table) = self.parse(&doc) else {
            return;
        };
        let mut f = Fields::new(self, &doc, &table, None, 0);
        let title = f.text("title");
        let source = f.source("source");
        let entry_tables = f.tables("entry");
        f.finish();
        let Some(title) = title else { return };
        let category = match categories.iter().position(|c| c.id == category_id) {
            Some(i) => {
                if categories[i].title != title {
                    let other = categories[i].title.clone();
                    self.problem(
                        &doc.rel,
                        None,
                        None,
                        format!(
                            "category {category_id} is titled {other:?} elsewhere, {title:?} here"
                        ),
                    );
                }
                i
            }
            None => {
                categories.push(CategoryDef {
                    id: category_id,
                    title,
                });
                categories.len() - 1
            }
        };
        if entry_tables.is_empty() {
            self.problem(&doc.rel, None, None, "no [[entry]] tables".into());
        }
        for (span, t) in entry_tables {
            let line = doc.line(span);
            let codes = entry_codes(self, &doc, t, span);
            let mut f = Fields::new(self, &doc, t, codes.map(|c| c.to_string()), span);
            f.allow(&["code", "range"]);
            let name = f.optional_text("name");
            let aliases = f.text_list("aliases");
            let retired = f.optional_bool("retired");
            let description = f.text("description");
            let retryability = f.one_of("retryability", RETRYABILITY);
            let retry_after_ms = f.optional_u32("retry_after_ms");
            let by_operation = f
                .get("retry_after_ms_by_operation")
                .map(|v| (v.span().start, v.get_ref()));
            let remedy = f.text("remedy");
            let causes = f.text_list("causes");
            let hint_tables = f.tables("cause_hints");
            let causes_source = f.optional_source("causes_source");
            let own_source = f.optional_source("source");
            f.finish();
            let cause_hints = cause_hints(self, &doc, hint_tables, codes, causes.len());
            let retry_after_by_operation = match by_operation {
                Some((at, value)) => operation_delays(self, &doc, at, value, codes, retry_after_ms),
                None => Vec::new(),
            };
            let (Some(codes), Some(description), Some(retryability), Some(remedy)) =
                (codes, description, retryability, remedy)
            else {
                continue;
            };
            let Some(source) = own_source.or_else(|| source.clone()) else {
                continue;
            };
            let code = Some(codes.to_string());
            if (retry_after_ms.is_some() || !retry_after_by_operation.is_empty())
                && retryability != THROTTLED
            {
                self.problem(
                    &doc.rel,
                    Some(line),
                    code.clone(),
                    format!(
                        "retry_after_ms is only for throttled entries, this one is {retryability}"
                    ),
                );
            }
            if !causes.is_empty() && causes_source.is_none() {
                self.problem(
                    &doc.rel,
                    Some(line),
                    code.clone(),
                    "causes need a causes_source".into(),
                );
            }
            if causes.is_empty() && causes_source.is_some() {
                self.problem(
                    &doc.rel,
                    Some(line),
                    code.clone(),
                    "causes_source without causes".into(),
                );
            }
            if normalize(&remedy) == normalize(&description) {
                self.problem(
                    &doc.rel,
                    Some(line),
                    code,
                    "remedy repeats the description; say what to do instead".into(),
                );
            }
            entries.push(Entry {
                file: doc.rel.clone(),
                line,
                namespace,
                category,
                codes,
                name,
                aliases,
                retired,
                description,
                retryability,
                retry_after_ms,
                retry_after_by_operation,
                remedy,
                causes,
                cause_hints,
                causes_source,
                source,
            });
        }
    }

    fn load_api(&mut self, path: &Path, namespace: usize, entries: &[Entry]) -> Option<Api> {
        let doc = self.read(path)?;
        let table = self.parse(&doc)?;
        let mut f = Fields::new(self, &doc, &table, None, 0);
        let api = f.text("api");
        let source = f.source("source");
        let row_tables = f.tables("entry");
        f.finish();
        let mut rows = Vec::new();
        let mut seen: HashMap<i64, usize> = HashMap::new();
        for (span, t) in row_tables {
            let line = doc.line(span);
            let code = match t.get("code").map(|v| (v.span().start, v.get_ref())) {
                Some((at, value)) => integer(self, &doc, at, "code", value, None),
                None => {
                    self.problem(&doc.rel, Some(line), None, "missing field `code`".into());
                    None
                }
            };
            let mut f = Fields::new(self, &doc, t, code.map(|c| c.to_string()), span);
            f.allow(&["code"]);
            let description = f.optional_text("description");
            f.finish();
            let Some(code) = code else {
                continue;
            };
            if let Some(first) = seen.insert(code, line) {
                self.problem(
                    &doc.rel,
                    Some(line),
                    Some(code.to_string()),
                    format!("duplicate code in this API table (first at line {first})"),
                );
                continue;
            }
            let base = entries
                .iter()
                .position(|e| e.namespace == namespace && e.codes == Codes::Exact(code));
            match base {
                Some(base) => rows.push(ApiRow {
                    code,
                    description,
                    base,
                }),
                None => self.problem(
                    &doc.rel,
                    Some(line),
                    Some(code.to_string()),
                    "API row for a code that its namespace does not have".into(),
                ),
            }
        }
        Some(Api {
            file: doc.rel,
            api: api?,
            namespace,
            source: source?,
            rows,
        })
    }
}

/// Reads `code` or `range` of an entry: exactly one of them must be there.
fn entry_codes(ctx: &mut Loader, doc: &Doc, t: &DeTable<'_>, span: usize) -> Option<Codes> {
    let line = doc.line(span);
    match (t.get("code"), t.get("range")) {
        (Some(v), None) => {
            integer(ctx, doc, v.span().start, "code", v.get_ref(), None).map(Codes::Exact)
        }
        (None, Some(v)) => {
            let at = doc.line(v.span().start);
            let bounds: Vec<Option<i64>> = match v.get_ref() {
                DeValue::Array(items) => items
                    .iter()
                    .map(|i| integer(ctx, doc, i.span().start, "range", i.get_ref(), None))
                    .collect(),
                _ => Vec::new(),
            };
            match bounds.as_slice() {
                [Some(a), Some(b)] if a < b => Some(Codes::Range(*a, *b)),
                [Some(a), Some(b)] => {
                    ctx.problem(
                        &doc.rel,
                        Some(at),
                        Some(format!("{a}-{b}")),
                        "range must be [first, last] with first < last".into(),
                    );
                    None
                }
                _ => {
                    ctx.problem(
                        &doc.rel,
                        Some(at),
                        None,
                        "range must be an array of two integers".into(),
                    );
                    None
                }
            }
        }
        (Some(_), Some(_)) => {
            ctx.problem(
                &doc.rel,
                Some(line),
                None,
                "entry has both `code` and `range`".into(),
            );
            None
        }
        (None, None) => {
            ctx.problem(
                &doc.rel,
                Some(line),
                None,
                "entry has neither `code` nor `range`".into(),
            );
            None
        }
    }
}

/// The operation kinds a delay may differ by, as `Operation`'s names.
pub const OPERATIONS: &[&str] = &["read", "write"];

/// `retry_after_ms_by_operation = { read = 250, write = 200 }`: known
/// operations, positive delays, and a `retry_after_ms` equal to the longest
/// (the delay for a caller that does not know the operation).
fn operation_delays(
    ctx: &mut Loader,
    doc: &Doc,
    at: usize,
    value: &DeValue<'_>,
    codes: Option<Codes>,
    overall: Option<u32>,
) -> Vec<(String, u32)> {
    let code = codes.map(|c| c.to_string());
    let line = Some(doc.line(at));
    let DeValue::Table(t) = value else {
        ctx.problem(
            &doc.rel,
            line,
            code,
            "`retry_after_ms_by_operation` must be a table { read = ms, write = ms }".into(),
        );
        return Vec::new();
    };
    let mut delays = Vec::new();
    for (key, v) in t.iter() {
        let name = key.get_ref().to_string();
        let ms = integer(ctx, doc, v.span().start, &name, v.get_ref(), code.clone());
        match (
            OPERATIONS.contains(&name.as_str()),
            ms.and_then(|ms| u32::try_from(ms).ok()),
        ) {
            (true, Some(ms)) if ms > 0 => delays.push((name, ms)),
            (false, _) => ctx.problem(
                &doc.rel,
                line,
                code.clone(),
                format!(
                    "unknown operation {name:?} in retry_after_ms_by_operation; expected one of {}",
                    OPERATIONS.join(", ")
                ),
            ),
            _ => ctx.problem(
                &doc.rel,
                line,
                code.clone(),
                format!("the {name} delay must be a positive number of milliseconds"),
            ),
        }
    }
    let longest = delays.iter().map(|&(_, ms)| ms).max();
    if longest.is_some() && overall != longest {
        ctx.problem(
            &doc.rel,
            line,
            code,
            format!(
                "retry_after_ms must be the longest per-operation delay ({} ms)",
                longest.unwrap_or_default()
            ),
        );
    }
    delays
}

/// `cause_hints = [{ cause = 2, info = ["FriendAdd", "Exist"] }]`: the cause
/// must exist, and the markers must be non-empty.
fn cause_hints(
    ctx: &mut Loader,
    doc: &Doc,
    tables: Vec<(usize, &DeTable<'_>)>,
    codes: Option<Codes>,
    causes: usize,
) -> Vec<(usize, Vec<String>)> {
    let mut hints = Vec::new();
    for (at, t) in tables {
        let code = codes.map(|c| c.to_string());
        let mut f = Fields::new(ctx, doc, t, code.clone(), at);
        let cause = f.get("cause").map(|v| (v.span().start, v.get_ref()));
        let info = f.text_list("info");
        f.finish();
        let cause = cause.and_then(|(at, v)| integer(ctx, doc, at, "cause", v, code.clone()));
        match cause.and_then(|c| usize::try_from(c).ok()) {
            Some(c) if (1..=causes).contains(&c) && !info.is_empty() => hints.push((c, info)),
            _ => ctx.problem(
                &doc.rel,
                Some(doc.line(at)),
                code,
                format!("a cause hint needs `cause` (1 to {causes}, the number of causes) and a non-empty `info`"),
            ),
        }
    }
    hints
}

pub(crate) fn integer(
    ctx: &mut Loader,
    doc: &Doc,
    at: usize,
    key: &str,
    value: &DeValue<'_>,
    code: Option<String>,
) -> Option<i64> {
    let parsed = match value {
        DeValue::Integer(i) => {
            let digits = i.as_str().replace('_', "");
            let (negative, digits) = match digits.strip_prefix('-') {
                Some(rest) => (true, rest.to_string()),
                None => (false, digits.trim_start_matches('+').to_string()),
            };
            let digits = digits
                .strip_prefix("0x")
                .or_else(|| digits.strip_prefix("0o"))
                .or_else(|| digits.strip_prefix("0b"))
                .unwrap_or(&digits);
            i64::from_str_radix(digits, i.radix())
                .ok()
                .map(|v| if negative { -v } else { v })
        }
        _ => None,
    };
    if parsed.is_none() {
        ctx.problem(
            &doc.rel,
            Some(doc.line(at)),
            code,
            format!(
                "`{key}` must be an integer that fits in i64, found {}",
                value.type_str()
            ),
        );
    }
    parsed
}

/// Typed access to the fields of one table, remembering which were used so
/// that [`Fields::finish`] can report the unknown ones.
pub(crate) struct Fields<'c, 'd, 't> {
    ctx: &'c mut Loader,
    doc: &'d Doc,
    table: &'t DeTable<'d>,
    code: Option<String>,
    line: usize,
    used: Vec<&'static str>,
}

impl<'c, 'd, 't> Fields<'c, 'd, 't> {
    pub(crate) fn new(
        ctx: &'c mut Loader,
        doc: &'d Doc,
        table: &'t DeTable<'d>,
        code: Option<String>,
        span: usize,
    ) -> Self {
        let line = doc.line(span);
        Fields {
            ctx,
            doc,
            table,
            code,
            line,
            used: Vec::new(),
        }
    }

    pub(crate) fn allow(&mut self, keys: &[&'static str]) {
        self.used.extend_from_slice(keys);
    }

    pub(crate) fn report(&mut self, at: Option<usize>, message: String) {
        let line = at.map(|a| self.doc.line(a)).unwrap_or(self.line);
        let (file, code) = (self.doc.rel.clone(), self.code.clone());
        self.ctx.problem(&file, Some(line), code, message);
    }

    pub(crate) fn get(&mut self, key: &'static str) -> Option<&'t Spanned<DeValue<'d>>> {
        self.used.push(key);
        self.table.get(key)
    }

    pub(crate) fn optional_text(&mut self, key: &'static str) -> Option<String> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::String(s) if !s.trim().is_empty() => Some(s.to_string()),
            DeValue::String(_) => {
                self.report(Some(value.span().start), format!("empty {key}"));
                None
            }
            other => {
                let found = other.type_str();
                self.report(
                    Some(value.span().start),
                    format!("`{key}` must be a string, found {found}"),
                );
                None
            }
        }
    }

    pub(crate) fn text(&mut self, key: &'static str) -> Option<String> {
        if self.table.get(key).is_none() {
            self.used.push(key);
            self.report(None, format!("missing field `{key}`"));
            return None;
        }
        self.optional_text(key)
    }

    fn identifier(&mut self, key: &'static str) -> Option<String> {
        let value = self.text(key)?;
        if is_identifier(&value) {
            Some(value)
        } else {
            self.report(
                None,
                format!("`{key}` must be snake_case (a-z, 0-9, _), found {value:?}"),
            );
            None
        }
    }

    fn one_of(&mut self, key: &'static str, allowed: &[&str]) -> Option<String> {
        let value = self.text(key)?;
        if allowed.contains(&value.as_str()) {
            Some(value)
        } else {
            self.report(
                self.table.get(key).map(|v| v.span().start),
                format!(
                    "unknown {key} {value:?}; expected one of {}",
                    allowed.join(", ")
                ),
            );
            None
        }
    }

    fn optional_u32(&mut self, key: &'static str) -> Option<u32> {
        let value = self.get(key)?;
        let at = value.span().start;
        let (doc, code) = (self.doc, self.code.clone());
        let n = integer(self.ctx, doc, at, key, value.get_ref(), code)?;
        match u32::try_from(n) {
            Ok(n) if n > 0 => Some(n),
            _ => {
                self.report(
                    Some(at),
                    format!("`{key}` must be a positive number of milliseconds, found {n}"),
                );
                None
            }
        }
    }

    pub(crate) fn optional_bool(&mut self, key: &'static str) -> bool {
        let Some(value) = self.get(key) else {
            return false;
        };
        match value.get_ref() {
            DeValue::Boolean(b) => *b,
            other => {
                let found = other.type_str();
                self.report(
                    Some(value.span().start),
                    format!("`{key}` must be true or false, found {found}"),
                );
                false
            }
        }
    }

    pub(crate) fn text_list(&mut self, key: &'static str) -> Vec<String> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let items = match value.get_ref() {
            DeValue::Array(items) => items,
            _ => {
                self.report(
                    Some(value.span().start),
                    format!("`{key}` must be an array of strings"),
                );
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) if !s.trim().is_empty() => out.push(s.to_string()),
                _ => self.report(
                    Some(item.span().start),
                    format!("`{key}` must hold non-empty strings"),
                ),
            }
        }
        out
    }

    fn optional_source(&mut self, key: &'static str) -> Option<Source> {
        let value = self.get(key)?;
        let at = value.span().start;
        let DeValue::Table(t) = value.get_ref() else {
            self.report(
                Some(at),
                format!("`{key}` must be a table {{ document, section }}"),
            );
            return None;
        };
        let (doc, code) = (self.doc, self.code.clone());
        let mut f = Fields::new(self.ctx, doc, t, code, at);
        let document = f.text("document");
        let section = f.text("section");
        f.finish();
        Some(Source {
            document: document?,
            section: section?,
        })
    }

    fn source(&mut self, key: &'static str) -> Option<Source> {
        if self.table.get(key).is_none() {
            self.used.push(key);
            self.report(None, format!("missing field `{key}`"));
            return None;
        }
        self.optional_source(key)
    }

    /// The array of tables under `key`, each with the offset where it starts.
    pub(crate) fn tables(&mut self, key: &'static str) -> Vec<(usize, &'t DeTable<'d>)> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        match value.get_ref() {
            DeValue::Array(items) => items
                .iter()
                .filter_map(|i| match i.get_ref() {
                    DeValue::Table(t) => Some((i.span().start, t)),
                    _ => None,
                })
                .collect(),
            _ => {
                self.report(
                    Some(value.span().start),
                    format!("`{key}` must be an array of tables ([[{key}]])"),
                );
                Vec::new()
            }
        }
    }

    /// Reports every key of the table that no accessor asked for.
    pub(crate) fn finish(self) {
        let mut unknown: Vec<(usize, String)> = self
            .table
            .iter()
            .filter(|(k, _)| !self.used.contains(&k.get_ref().as_ref()))
            .map(|(k, _)| (k.span().start, k.get_ref().to_string()))
            .collect();
        unknown.sort();
        for (at, key) in unknown {
            let line = self.doc.line(at);
            self.ctx.problem(
                &self.doc.rel,
                Some(line),
                self.code.clone(),
                format!("unknown field `{key}`"),
            );
        }
    }
}

/// Every `source` and `causes_source` names a document of `data/sources.toml`.
fn check_sources(ctx: &mut Loader, documents: &[DocumentDef], entries: &[Entry], apis: &[Api]) {
    let listed = |s: &Source| documents.iter().any(|d| d.id == s.document);
    for e in entries {
        for s in std::iter::once(&e.source).chain(&e.causes_source) {
            if !listed(s) {
                ctx.problem(
                    &e.file,
                    Some(e.line),
                    Some(e.codes.to_string()),
                    format!(
                        "source document {:?} is not listed in data/sources.toml",
                        s.document
                    ),
                );
            }
        }
    }
    for api in apis {
        if !listed(&api.source) {
            ctx.problem(
                &api.file,
                None,
                None,
                format!(
                    "source document {:?} is not listed in data/sources.toml",
                    api.source.document
                ),
            );
        }
    }
}

/// Cross-entry checks: duplicate codes and overlapping ranges within a
/// namespace, and duplicate official names anywhere.
fn check_entries(ctx: &mut Loader, namespaces: &[NamespaceDef], entries: &[Entry]) {
    let mut exact: HashMap<(usize, i64), &Entry> = HashMap::new();
    let mut names: HashMap<String, &Entry> = HashMap::new();
    let mut ranges: BTreeMap<usize, Vec<&Entry>> = BTreeMap::new();
    for e in entries {
        let code = Some(e.codes.to_string());
        match e.codes {
            Codes::Exact(c) => {
                if let Some(first) = exact.insert((e.namespace, c), e) {
                    ctx.problem(
                        &e.file,
                        Some(e.line),
                        code.clone(),
                        format!(
                            "duplicate code in namespace {} (first at {}:{})",
                            namespaces[e.namespace].id(),
                            first.file,
                            first.line
                        ),
                    );
                }
            }
            Codes::Range(..) => ranges.entry(e.namespace).or_default().push(e),
        }
        for name in e.name.iter().chain(&e.aliases) {
            if let Some(first) = names.insert(name.to_ascii_uppercase(), e) {
                ctx.problem(
                    &e.file,
                    Some(e.line),
                    code.clone(),
                    format!(
                        "duplicate name {name} (also code {} at {}:{})",
                        first.codes, first.file, first.line
                    ),
                );
            }
        }
    }
    for list in ranges.values_mut() {
        list.sort_by_key(|e| (e.codes.first(), e.codes.last()));
        for pair in list.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if b.codes.first() <= a.codes.last() {
                ctx.problem(
                    &b.file,
                    Some(b.line),
                    Some(b.codes.to_string()),
                    format!("range overlaps range {} ({}:{})", a.codes, a.file, a.line),
                );
            }
        }
    }
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

fn normalize(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn sorted_dirs(dir: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(dir)
        .map(|r| {
            r.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    dirs
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}
