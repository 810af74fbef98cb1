//! Loading the files that describe the catalogue rather than its codes:
//! `sources.toml` (the documents), `namespaces.toml` (vendors and
//! namespaces), `retryability.toml` (the retry classes), and the check that
//! every directory belongs to a namespace.

use crate::fields::{Fields, Loader};
use crate::load::{file_name, sorted_dirs};
use crate::model::{DocumentDef, NamespaceDef, RetryClass, VendorDef};

impl Loader {
    pub(crate) fn check_stray_dirs(&mut self, namespaces: &[NamespaceDef]) {
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

    pub(crate) fn load_documents(&mut self) -> Vec<DocumentDef> {
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

    pub(crate) fn load_namespaces(&mut self) -> (Vec<VendorDef>, Vec<NamespaceDef>) {
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
            let name_zh = f.optional_text("name_zh");
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
                vendors.push(VendorDef { id, name, name_zh });
            }
        }
        for (span, t) in namespace_tables {
            let mut f = Fields::new(self, &doc, t, None, span);
            let vendor = f.identifier("vendor");
            let domain = f.identifier("domain");
            let title = f.text("title");
            let passes_through = f.optional_text("passes_through");
            let title_zh = f.optional_text("title_zh");
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
                title_zh,
                passes_through,
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
        for n in &namespaces {
            let Some(other) = &n.passes_through else {
                continue;
            };
            if *other == n.id() || !namespaces.iter().any(|m| m.id() == *other) {
                self.problem(
                    &doc.rel,
                    None,
                    None,
                    format!(
                        "namespace {} passes_through {other:?}, which is not another declared namespace",
                        n.id()
                    ),
                );
            }
        }
        if namespaces.is_empty() && self.problems.is_empty() {
            self.problem(&doc.rel, None, None, "no [[namespace]] declared".into());
        }
        (vendors, namespaces)
    }

    /// `retryability.toml`: the retry classes, each with a distinct rule
    /// number from 1 on.
    pub(crate) fn load_retry_classes(&mut self) -> Vec<RetryClass> {
        let path = self.root.join("retryability.toml");
        let mut classes: Vec<RetryClass> = Vec::new();
        let Some(doc) = self.read(&path) else {
            return classes;
        };
        let Some(table) = self.parse(&doc) else {
            return classes;
        };
        let mut fields = Fields::new(self, &doc, &table, None, 0);
        let tables = fields.tables("class");
        fields.finish();
        for (span, t) in tables {
            let mut f = Fields::new(self, &doc, t, None, span);
            let id = f.identifier("id");
            let rule = f.optional_u32("rule");
            let title = f.text("title");
            let summary = f.text("summary");
            let definition = f.text("definition");
            let title_zh = f.optional_text("title_zh");
            let definition_zh = f.optional_text("definition_zh");
            f.allow(&["summary_zh"]);
            let delays = f.optional_bool("delays");
            let retries = f.optional_bool("retries");
            f.finish();
            let line = doc.line(span);
            let (Some(id), Some(title), Some(summary), Some(definition)) =
                (id, title, summary, definition)
            else {
                continue;
            };
            let Some(rule) = rule.and_then(|r| usize::try_from(r).ok()) else {
                self.problem(
                    &doc.rel,
                    Some(line),
                    None,
                    format!("class {id} needs a `rule` number"),
                );
                continue;
            };
            if classes.iter().any(|c| c.id == id || c.rule == rule) {
                self.problem(
                    &doc.rel,
                    Some(line),
                    None,
                    format!("class {id}: its id or rule {rule} is used twice"),
                );
            }
            classes.push(RetryClass {
                id,
                rule,
                title,
                summary,
                definition,
                title_zh,
                definition_zh,
                delays,
                retries,
            });
        }
        let mut rules: Vec<usize> = classes.iter().map(|c| c.rule).collect();
        rules.sort_unstable();
        if rules.iter().enumerate().any(|(i, &r)| r != i + 1) {
            self.problem(
                &doc.rel,
                None,
                None,
                "the classes' rules must be numbered 1, 2, 3, ... without gaps".into(),
            );
        }
        classes
    }

    /// `catalogue.toml`'s version (`2026.12.1`: year, month, day), `+`, a
    /// 64-bit FNV-1a digest of every file under `data/` (paths and bytes,
    /// sorted by path).
    pub(crate) fn load_version(&mut self) -> String {
        let path = self.root.join("catalogue.toml");
        let Some(doc) = self.read(&path) else {
            return String::new();
        };
        let Some(table) = self.parse(&doc) else {
            return String::new();
        };
        let mut f = Fields::new(self, &doc, &table, None, 0);
        let version = f.text("version");
        f.finish();
        let Some(version) = version else {
            return String::new();
        };
        let parts: Vec<&str> = version.split('.').collect();
        if parts.len() != 3
            || parts
                .iter()
                .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
        {
            self.problem(
                &doc.rel,
                Some(1),
                None,
                format!("version {version:?} must be year.month.day, e.g. 2026.12.1"),
            );
        }
        format!("{version}+{:016x}", data_digest(&self.root))
    }
}

/// FNV-1a over every file under `root`: its path relative to `root`, a
/// zero byte, its bytes, a zero byte; files in path order.
pub fn data_digest(root: &std::path::Path) -> u64 {
    let mut files = Vec::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes.iter().chain(&[0]) {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    };
    for path in files {
        let rel = path.strip_prefix(root).unwrap_or(&path);
        feed(rel.to_string_lossy().replace('\\', "/").as_bytes());
        feed(&std::fs::read(&path).unwrap_or_default());
    }
    hash
}
