//! The enums generated from the data layout: `Vendor`, `Namespace`,
//! `Category` and `Retryability`, with their titles in both languages.

use std::fmt::Write;

use crate::model::{Catalog, pascal_case};

/// A generated enum: its variants with their snake_case names written out
/// (`api_2` stays `api_2`; strum's case conversion would make it `api2`), an
/// inherent `ALL`, and `const fn` accessors, one line per variant.
struct EnumDef<'a> {
    name: &'a str,
    /// The doc comment's text, or `#[doc = ...]` when it starts with `#`.
    doc: &'a str,
    all_doc: &'a str,
    /// Whether variants may be added without a breaking change.
    non_exhaustive: bool,
    /// The order of `ALL` (indices into `variants`); declaration order when empty.
    all_order: Vec<usize>,
    /// (snake_case id, doc comment)
    variants: Vec<(String, String)>,
    /// (doc, fn name, return type, one value expression per variant)
    accessors: Vec<(&'a str, &'a str, &'a str, Vec<String>)>,
}

fn write_enum(out: &mut String, e: &EnumDef<'_>) {
    let name = e.name;
    let doc = if e.doc.starts_with('#') {
        e.doc.to_string()
    } else {
        let lines: Vec<String> = e
            .doc
            .lines()
            .map(|l| format!("/// {l}").trim_end().to_string())
            .collect();
        lines.join("\n")
    };
    let _ = write!(
        out,
        r#"{doc}
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    strum::Display,
    strum::EnumString,
    strum::EnumIter,
    strum::IntoStaticStr,
    strum::EnumCount,
    serde::Serialize,
    serde::Deserialize,
)]
#[strum(ascii_case_insensitive)]
{non_exhaustive}pub enum {name} {{
"#,
        non_exhaustive = if e.non_exhaustive {
            "#[non_exhaustive]\n"
        } else {
            ""
        }
    );
    for (id, doc) in &e.variants {
        let _ = write!(
            out,
            "    /// {doc}\n    #[strum(serialize = {id:?})]\n    #[serde(rename = {id:?})]\n    {},\n",
            pascal_case(id)
        );
    }
    let _ = write!(
        out,
        "}}\n\nimpl {name} {{\n    /// {}\n    pub const ALL: &'static [{name}] = &[\n",
        e.all_doc
    );
    let order: Vec<usize> = if e.all_order.is_empty() {
        (0..e.variants.len()).collect()
    } else {
        e.all_order.clone()
    };
    for i in order {
        let _ = writeln!(out, "        {name}::{},", pascal_case(&e.variants[i].0));
    }
    out.push_str("    ];\n");
    for (doc, function, ty, values) in &e.accessors {
        let _ = write!(
            out,
            "\n    /// {doc}\n    pub const fn {function}(self) -> {ty} {{\n        match self {{\n"
        );
        for ((id, _), value) in e.variants.iter().zip(values) {
            let _ = writeln!(out, "            {name}::{} => {value},", pascal_case(id));
        }
        out.push_str("        }\n    }\n");
    }
    out.push_str("}\n\n");
}

pub(crate) fn render_vendor(catalog: &Catalog, out: &mut String) {
    write_enum(
        out,
        &EnumDef {
            name: "Vendor",
            doc: "The company whose service returns the code.\n\n```\nuse chatcodes::{Vendor, explain};\nassert_eq!(explain(70001).unwrap().vendor(), Vendor::Tencent);\nassert_eq!(Vendor::Nexconn.display_name(), \"Nexconn (formerly RongCloud)\");\nassert_eq!(\"tencent\".parse::<Vendor>(), Ok(Vendor::Tencent));\n```",
            all_doc: "Every vendor, in data order.",
            non_exhaustive: true,
            all_order: Vec::new(),
            variants: catalog
                .vendors
                .iter()
                .map(|v| (v.id.clone(), format!("{}.", v.name)))
                .collect(),
            accessors: vec![
                (
                    "The vendor's name for people, e.g. `Tencent Cloud Chat`.",
                    "display_name",
                    "&'static str",
                    catalog
                        .vendors
                        .iter()
                        .map(|v| format!("{:?}", v.name))
                        .collect(),
                ),
                (
                    "The vendor's name in Chinese, e.g. `腾讯云即时通信 IM`.",
                    "display_name_zh",
                    "&'static str",
                    catalog
                        .vendors
                        .iter()
                        .map(|v| format!("{:?}", v.name_zh.as_deref().unwrap_or(&v.name)))
                        .collect(),
                ),
            ],
        },
    );
}

pub(crate) fn render_namespace(catalog: &Catalog, out: &mut String) {
    let nss = &catalog.namespaces;
    write_enum(
        out,
        &EnumDef {
            name: "Namespace",
            doc: "Where a code number is defined: a vendor and a domain. A code is unique \
                  within its namespace; declaration order is the precedence of [`crate::explain`].\n\n\
                  ```\n\
                  use chatcodes::{Namespace, explain_in};\n\
                  let client = explain_in(Namespace::NexconnClient, 30001).unwrap();\n\
                  assert_eq!(client.namespace().to_string(), \"nexconn_client\");\n\
                  assert_eq!(Namespace::ALL[0], Namespace::TencentServer);\n\
                  // The client SDKs pass server codes on: 22202 is answered there too.\n\
                  assert_eq!(Namespace::NexconnClient.passes_through(), Some(Namespace::NexconnBusiness));\n\
                  ```",
            all_doc: "Every namespace, highest precedence first.",
            non_exhaustive: true,
            all_order: Vec::new(),
            variants: nss
                .iter()
                .map(|n| {
                    (
                        n.id(),
                        format!("{}: {}.", vendor_name(catalog, &n.vendor), n.title),
                    )
                })
                .collect(),
            accessors: vec![
                (
                    "The vendor that defines the namespace's codes.",
                    "vendor",
                    "Vendor",
                    nss.iter()
                        .map(|n| format!("Vendor::{}", pascal_case(&n.vendor)))
                        .collect(),
                ),
                (
                    "The domain within the vendor, e.g. `server` or `sdk`.",
                    "domain",
                    "&'static str",
                    nss.iter().map(|n| format!("{:?}", n.domain)).collect(),
                ),
                (
                    "The namespace's title for people, e.g. `Server (REST API and backend)`.",
                    "title",
                    "&'static str",
                    nss.iter().map(|n| format!("{:?}", n.title)).collect(),
                ),
                (
                    "The namespace's title in Chinese, e.g. `服务端（REST API 与后台）`.",
                    "title_zh",
                    "&'static str",
                    nss.iter()
                        .map(|n| format!("{:?}", n.title_zh.as_deref().unwrap_or(&n.title)))
                        .collect(),
                ),
                (
                    "The namespace whose codes this one's SDKs pass on unchanged (the \
                     Nexconn client SDKs report server codes): [`crate::explain_in`] \
                     answers a code this namespace lacks with that namespace's entry.",
                    "passes_through",
                    "Option<Namespace>",
                    nss.iter()
                        .map(|n| match &n.passes_through {
                            Some(id) => format!("Some(Namespace::{})", pascal_case(id)),
                            None => "None".to_string(),
                        })
                        .collect(),
                ),
            ],
        },
    );
}

pub(crate) fn render_category(catalog: &Catalog, out: &mut String) {
    let cats = &catalog.categories;
    write_enum(
        out,
        &EnumDef {
            name: "Category",
            doc: "The section of the vendor's documentation a code belongs to; one per data file name.\n\n```\nuse chatcodes::{Category, explain};\nassert_eq!(explain(70001).unwrap().category(), Category::Account);\nassert_eq!(Category::RelationshipChain.title(), \"Relationship chain\");\n```",
            all_doc: "Every category, in data order.",
            non_exhaustive: true,
            all_order: Vec::new(),
            variants: cats
                .iter()
                .map(|c| (c.id.clone(), format!("{}.", c.title)))
                .collect(),
            accessors: vec![
                (
                    "The category's title for people, e.g. `Relationship chain`.",
                    "title",
                    "&'static str",
                    cats.iter().map(|c| format!("{:?}", c.title)).collect(),
                ),
                (
                    "The category's title in Chinese, e.g. `关系链`.",
                    "title_zh",
                    "&'static str",
                    cats.iter()
                        .map(|c| format!("{:?}", c.title_zh.as_deref().unwrap_or(&c.title)))
                        .collect(),
                ),
            ],
        },
    );
}

/// `Retryability`, from `data/retryability.toml`; its documentation is
/// `src/retryability.md` of the library.
pub(crate) fn render_retryability(catalog: &Catalog, out: &mut String) {
    let classes = &catalog.retry_classes;
    let mut order: Vec<usize> = (0..classes.len()).collect();
    order.sort_by_key(|&i| classes[i].rule);
    write_enum(
        out,
        &EnumDef {
            name: "Retryability",
            doc: "#[doc = include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/src/retryability.md\"))]",
            all_doc: "Every class, in rule order.",
            non_exhaustive: false,
            all_order: order,
            variants: classes
                .iter()
                .map(|c| (c.id.clone(), c.summary.clone()))
                .collect(),
            accessors: vec![
                (
                    "The class's name for people, e.g. `After remediation`.",
                    "title",
                    "&'static str",
                    classes.iter().map(|c| format!("{:?}", c.title)).collect(),
                ),
                (
                    "The rule that puts a code in this class, as the README's table and the \
                     generated references state it. The rules apply in the order of `ALL`; \
                     where a code's wording allows two classes, the one that does not retry \
                     automatically wins.",
                    "rule",
                    "&'static str",
                    classes
                        .iter()
                        .map(|c| format!("{:?}", c.definition))
                        .collect(),
                ),
                (
                    "The class's name in Chinese, e.g. `处理后再试`.",
                    "title_zh",
                    "&'static str",
                    classes
                        .iter()
                        .map(|c| format!("{:?}", c.title_zh.as_deref().unwrap_or(&c.title)))
                        .collect(),
                ),
                (
                    "The rule that puts a code in this class, in Chinese.",
                    "rule_zh",
                    "&'static str",
                    classes
                        .iter()
                        .map(|c| {
                            format!("{:?}", c.definition_zh.as_deref().unwrap_or(&c.definition))
                        })
                        .collect(),
                ),
            ],
        },
    );
}

fn vendor_name<'a>(catalog: &'a Catalog, id: &'a str) -> &'a str {
    catalog
        .vendors
        .iter()
        .find(|v| v.id == id)
        .map_or(id, |v| v.name.as_str())
}
