//! [`Response`]: a chat service's REST response body, and every outcome in it
//! that is not a plain success, each explained and naming the item it
//! concerns.
//!
//! Two vendors' bodies are read, told apart by their shape:
//!
//! - **Tencent Cloud Chat** answers HTTP 200 and puts the outcome in the body:
//!   `ActionStatus` (`OK`, `FAIL`, `SomeError`), `ErrorCode`, `ErrorInfo`,
//!   `ErrorDisplay` and `RequestId` for the request, and, for batch APIs, one
//!   outcome per item in places that differ from API to API: arrays of
//!   results (`ResultItem[].ResultCode`, `RecallRetList[].RetCode`,
//!   `GroupInfo[].ErrorCode`, ...), statuses (`MemberList[].Result`), lists
//!   of failed items (`Fail_Account`, `FailAccounts`) and dropped messages
//!   (`MsgDropReason`). Where each API puts them is data, in
//!   `data/tencent/responses.toml`; with no API given, every documented
//!   place is read.
//! - **Nexconn** (formerly RongCloud) answers `{"code": 200, ...}` on success
//!   and `{"code": N, "errorMessage": "..."}` otherwise; `N` is a business
//!   code ([`Namespace::NexconnBusiness`]).
//!
//! The body is read in one pass without building a JSON tree: strings are
//! borrowed from the input, and only the items that did not succeed are
//! kept.

mod api;
mod error;
mod items;
mod outcome;
mod parse;
mod values;
mod walk;

use serde_json::Value;

use crate::api::Api;
use crate::api::Shape;
use crate::enums::Vendor;
use crate::error::ChatError;

pub use api::{UnknownApi, rest_api};
pub use error::ResponseError;
pub use outcome::{Item, Outcome, OutcomeKind};
pub use parse::Parser;

/// A parsed response body: which vendor's, its request-level fields, and
/// every outcome that is not a plain success.
///
/// ```
/// use chatcodes::{Response, Vendor};
/// let body = br#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"",
///   "ResultItem":[{"To_Account":"id1","ResultCode":0,"ResultInfo":""},
///                 {"To_Account":"id2","ResultCode":30010,"ResultInfo":"Err_SNS_FriendAdd_Friend_Num_Exceed"}],
///   "Fail_Account":["id2"]}"#;
/// let response = Response::parser().api("v4/sns/friend_add").unwrap().parse(body).unwrap();
/// assert_eq!(response.vendor(), Vendor::Tencent);
/// let failure = response.failures().next().unwrap();
/// assert_eq!(failure.item().unwrap().to_string(), "To_Account id2");
/// assert_eq!(failure.explanation().unwrap().description(), "Your friend list is full.");
/// assert_eq!(response.failures().count(), 1); // id2 in Fail_Account is the same failure
///
/// // Nexconn bodies are told apart by their shape.
/// let nexconn = Response::parse(br#"{"code":1008,"errorMessage":"..."}"#).unwrap();
/// assert_eq!(nexconn.vendor(), Vendor::Nexconn);
/// assert!(!nexconn.is_success());
///
/// // Anything else is an error, not a success.
/// assert!(Response::parse(b"{}").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    vendor: Vendor,
    api: Option<&'static Api>,
    action_status: Option<String>,
    code: i64,
    message: String,
    request_id: Option<String>,
    items: usize,
    outcomes: Vec<Outcome>,
}

/// Every per-item array's code field, as (the array's own key, the code
/// member): `("RecallRetList", "RetCode")`. Used by the enricher to explain
/// item codes wherever such an array occurs in a log record.
#[cfg(feature = "enrich")]
pub(crate) fn item_code_fields() -> impl Iterator<Item = (&'static str, &'static str)> {
    Shape::generic().items.iter().flat_map(|a| {
        let key = a.segments.last().copied().unwrap_or_default();
        a.codes.iter().map(move |&code| (key, code))
    })
}

impl Response {
    /// A parser to set the API or the vendor on, before parsing.
    pub fn parser() -> Parser {
        Parser::default()
    }

    /// Parses a body, telling the vendor by its shape and reading every
    /// documented place of per-item outcomes.
    pub fn parse(body: &[u8]) -> Result<Self, ResponseError> {
        Parser::default().parse(body)
    }

    /// [`parse`](Self::parse) on text.
    pub fn from_json(body: &str) -> Result<Self, ResponseError> {
        Self::parse(body.as_bytes())
    }

    /// Whose response this is.
    pub fn vendor(&self) -> Vendor {
        self.vendor
    }

    /// The REST API it was read as, when one was given.
    pub fn api(&self) -> Option<&'static Api> {
        self.api
    }

    /// Tencent's `ActionStatus`: `OK`, `FAIL` or `SomeError`.
    pub fn action_status(&self) -> Option<&str> {
        self.action_status.as_deref()
    }

    /// The request's code: Tencent's `ErrorCode` (0 is success) or Nexconn's
    /// `code` (200 is success).
    pub fn code(&self) -> i64 {
        self.code
    }

    /// The request's message: `ErrorInfo` (or `ErrorDisplay`), `errorMessage`.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// `RequestId`, in newer responses.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// How many per-item results the body held, successful ones included.
    pub fn item_count(&self) -> usize {
        self.items
    }

    /// Every outcome that is not a plain success, the request's first, then
    /// in body order: item results, then failed-item lists, then dropped
    /// messages. Includes states that are not failures (30539).
    pub fn outcomes(&self) -> &[Outcome] {
        &self.outcomes
    }

    /// The outcomes that are failures.
    pub fn failures(&self) -> impl Iterator<Item = &Outcome> {
        self.outcomes.iter().filter(|o| o.is_failure())
    }

    /// Whether nothing failed.
    pub fn is_success(&self) -> bool {
        self.failures().next().is_none()
    }

    /// Whether every failure means the goal already holds
    /// ([`Outcome::is_already_done`]): for programs that repeat deletes and
    /// adds on purpose. `true` when nothing failed.
    ///
    /// ```
    /// use chatcodes::Response;
    /// let body = br#"{"ActionStatus":"FAIL","ErrorCode":10010,"ErrorInfo":"group not found"}"#;
    /// let parser = Response::parser().api("v4/group_open_http_svc/destroy_group").unwrap();
    /// let response = parser.parse(body).unwrap();
    /// assert!(!response.is_success() && response.is_done());
    /// ```
    pub fn is_done(&self) -> bool {
        self.failures().all(Outcome::is_already_done)
    }

    /// The first failure as a [`ChatError`], with its code (`None` when the
    /// service gave none: a `FAIL` without `ErrorCode`), explanation and
    /// message; `None` when nothing failed. A failure without a code is
    /// never mistaken for a success.
    ///
    /// ```
    /// use chatcodes::{Response, Retryability};
    /// let body = br#"{"ActionStatus":"FAIL","ErrorInfo":"server busy"}"#;
    /// let err = Response::parse(body).unwrap().error().unwrap();
    /// assert_eq!(err.code(), None);
    /// assert_eq!(err.retryability(), Retryability::Unknown);
    /// let ok = br#"{"ActionStatus":"OK","ErrorCode":0}"#;
    /// assert!(Response::parse(ok).unwrap().error().is_none());
    /// ```
    pub fn error(&self) -> Option<ChatError> {
        self.failures().next().map(Outcome::to_error)
    }

    /// `Ok(self)` when nothing failed, else the first failure (boxed: an
    /// [`Outcome`] is large beside the `Ok` path).
    pub fn into_result(self) -> Result<Self, Box<Outcome>> {
        match self.outcomes.iter().position(Outcome::is_failure) {
            Some(i) => Err(Box::new(self.outcomes[i].clone())),
            None => Ok(self),
        }
    }
}

/// Reads a code from a JSON value: an integer, an integral float (`70001.0`)
/// or a string of digits (`"70001"`), as log pipelines sometimes rewrite them.
/// Anything else, or a number beyond `i64`, gives `None`.
///
/// ```
/// use chatcodes::code_from_json;
/// assert_eq!(code_from_json(&serde_json::json!("-10106")), Some(-10106));
/// assert_eq!(code_from_json(&serde_json::json!(70001.0)), Some(70001));
/// assert_eq!(code_from_json(&serde_json::json!(1.5)), None);
/// ```
pub fn code_from_json(value: &Value) -> Option<i64> {
    match value {
        Value::Number(n) => n.as_i64().or_else(|| {
            n.as_f64()
                .filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15)
                .map(|f| f as i64)
        }),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}
