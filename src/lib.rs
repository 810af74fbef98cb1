//! Explanations for the bare numbers chat services return.
//!
//! `chatcodes` turns codes such as `ErrorCode: 70001`, `ResultCode: 30515` or
//! `-10106` into what a person or a program needs to act on them: the vendor
//! and namespace, the category, the official name, the description in the
//! vendor's wording, whether and how to retry, the documented retry delay, a
//! specific remedy, known causes, and where the knowledge came from.
//!
//! ```
//! use chatcodes::{explain, Retryability};
//!
//! let e = explain(70001).expect("a known code");
//! assert_eq!(e.name(), Some("ERR_SVR_ACCOUNT_USERSIG_EXPIRED"));
//! assert_eq!(e.retryability(), Retryability::Reauthenticate);
//! println!("{}: {}", e.description(), e.remedy());
//!
//! // 30539 is not an error: a friend request is waiting for approval.
//! assert!(!explain(30539).unwrap().is_failure());
//!
//! // 1001 means one thing at Tencent and another at Nexconn: see both.
//! for e in chatcodes::explain_all(1001) {
//!     println!("{} {}: {}", e.vendor(), e.namespace(), e.description());
//! }
//! ```
//!
//! # What is in the catalogue
//!
//! | namespace | what |
//! |---|---|
//! | [`Namespace::TencentServer`] | Tencent Cloud Chat server (REST API and backend) codes, plus the codes each REST API documents, in its own wording where its page adds a fact ([`explain_for_api`]) |
//! | [`Namespace::TencentSdk`] | Tencent Cloud Chat client SDK codes, including the legacy V3 SDK ([`Category::LegacyV3Sdk`]) |
//! | [`Namespace::NexconnHttp`] | HTTP statuses of the Nexconn (formerly RongCloud) server API |
//! | [`Namespace::NexconnBusiness`] | Nexconn business return codes |
//! | [`Namespace::NexconnClient`] | Nexconn (RongCloud) client SDK codes |
//!
//! A code is unique within its namespace. The same number in two namespaces is
//! never resolved silently: [`explain`] picks by a documented precedence,
//! [`explain_all`] lists every meaning, [`explain_in`] reads one namespace.
//!
//! Everything is compiled from the TOML files under `data/` by the build
//! script into perfect-hash tables: nothing is parsed at run time and no
//! lookup allocates.
//!
//! # Features
//!
//! - `response`: [`Response`], which judges a Tencent or Nexconn REST
//!   response body and yields every outcome that is not a plain success,
//!   explained and naming its item, and [`rest_api`], which reads REST API
//!   names (adds `serde_json` and `strsim`).
//! - `enrich` (implies `response`): [`enrich`], which explains the code fields
//!   of NDJSON log lines in place, as `chatcodes enrich` does (adds `memchr`,
//!   `simdutf8`, `itoa`, `foldhash`, and `safe_arch` on x86-64).
//!
//! The `chatcodes` command is a crate of its own (`chatcodes-cli` in the
//! repository's `cli/`, `cargo install --path cli` from a clone), so no
//! feature of this library exists only for it.
//!
//! No feature is on by default: the library alone needs `phf_shared`, `serde`,
//! `strum` and `thiserror`. On docs.rs every feature is on, and each item that
//! needs one says which.
//!
#![cfg_attr(feature = "response", doc = "[`Response`]: crate::Response")]
#![cfg_attr(feature = "response", doc = "[`rest_api`]: crate::rest_api")]
#![cfg_attr(feature = "enrich", doc = "[`enrich`]: crate::enrich")]
#![cfg_attr(
    not(feature = "response"),
    doc = "[`Response`]: https://docs.rs/chatcodes/latest/chatcodes/struct.Response.html"
)]
#![cfg_attr(
    not(feature = "response"),
    doc = "[`rest_api`]: https://docs.rs/chatcodes/latest/chatcodes/fn.rest_api.html"
)]
#![cfg_attr(
    not(feature = "enrich"),
    doc = "[`enrich`]: https://docs.rs/chatcodes/latest/chatcodes/enrich/index.html"
)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod api;
#[cfg(feature = "enrich")]
#[cfg_attr(docsrs, doc(cfg(feature = "enrich")))]
pub mod enrich;
mod enums;
mod error;
mod explanation;
mod hashing;
mod lang;
mod lookup;
mod parse;
mod perfect;
mod record;
#[cfg(feature = "response")]
mod response;
mod retryability;
mod tables;

pub use api::{Api, Dropped, FailList, ItemArray, Repeat, Shape};
pub use enums::{Category, Namespace, Retryability, Vendor};
pub use error::ChatError;
pub use explanation::{Codes, Document, Explanation, Source};
pub use lang::Lang;
pub use lookup::{
    ExplainAll, api_entries, apis, documents, entries, explain, explain_all, explain_for_api,
    explain_in, explain_name,
};
pub use parse::{CodeQuery, ParseCodeError};
pub use record::{Field, Only, Problem, Record};
#[cfg(feature = "response")]
#[cfg_attr(docsrs, doc(cfg(feature = "response")))]
pub use response::{
    Item, Outcome, OutcomeKind, Parser, Response, ResponseError, UnknownApi, code_from_json,
    rest_api,
};
pub use retryability::Operation;

/// Which catalogue this build carries: the version of `data/` (the date of
/// its last change, `2026.12.1`; `CHANGELOG.md` says what each added,
/// changed or retired), `+`, a digest of every file under `data/`. Exports
/// and `chatcodes --version` name it.
///
/// ```
/// let (version, digest) = chatcodes::CATALOGUE_VERSION.split_once('+').unwrap();
/// assert_eq!(version.split('.').count(), 3);
/// assert_eq!(digest.len(), 16);
/// ```
pub const CATALOGUE_VERSION: &str = tables::CATALOGUE_VERSION;
