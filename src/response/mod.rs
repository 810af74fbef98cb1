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
mod values;
mod walk;

use std::collections::HashSet;

use serde_json::Value;

use crate::api::Api;
use crate::api::Shape;
use crate::enums::{Namespace, Vendor};
use crate::error::ChatError;
use crate::explanation::Explanation;
use crate::lookup::explain_in;

pub use api::{UnknownApi, rest_api};
pub use error::ResponseError;
pub use outcome::{Item, Outcome, OutcomeKind};
use values::Text;
use walk::Walked;

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

/// How to read a body: which API returned it, and which vendor's it is.
/// Made by [`Response::parser`].
///
/// ```
/// use chatcodes::{Response, Vendor};
/// let parser = Response::parser().api("sns/friend_add")?.vendor(Vendor::Tencent);
/// let response = parser.parse(br#"{"ActionStatus":"OK","ErrorCode":0}"#)?;
/// assert_eq!(response.api().unwrap().path(), "v4/sns/friend_add");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Parser {
    api: Option<&'static Api>,
    vendor: Option<Vendor>,
}

impl Parser {
    /// The Tencent REST API that returned the body, in any form
    /// [`rest_api`] accepts: its places for per-item outcomes and its own
    /// wording are used. An unknown name is an error, with the closest names.
    pub fn api(self, name: &str) -> Result<Self, UnknownApi> {
        Ok(Parser {
            api: Some(rest_api(name)?),
            ..self
        })
    }

    /// The REST API that returned the body, already found ([`Api::find`],
    /// [`rest_api`]).
    pub fn for_api(self, api: &'static Api) -> Self {
        Parser {
            api: Some(api),
            ..self
        }
    }

    /// Reads the body as this vendor's, instead of telling by its shape.
    pub fn vendor(self, vendor: Vendor) -> Self {
        Parser {
            vendor: Some(vendor),
            ..self
        }
    }

    /// Parses one body: UTF-8 JSON, with or without a byte-order mark.
    pub fn parse(self, body: &[u8]) -> Result<Response, ResponseError> {
        let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
        if is_utf16(body) {
            return Err(ResponseError::Utf16);
        }
        let shape = self.api.and_then(Api::shape).unwrap_or(Shape::generic());
        let mut walked = walk::walk(body, shape).map_err(classify)?;
        if let Some(kind) = walked.not_an_object {
            return Err(ResponseError::NotAnObject(kind));
        }
        if let Some(why) = walked.ambiguous.take() {
            return Err(ResponseError::Ambiguous(why));
        }
        let tencent = walked.action_status.is_some() || walked.error_code.is_some();
        let nexconn = walked.code.is_some();
        let vendor = match self.vendor {
            Some(Vendor::Nexconn) if nexconn => Vendor::Nexconn,
            Some(Vendor::Tencent) if tencent => Vendor::Tencent,
            None if tencent => Vendor::Tencent,
            None if nexconn => Vendor::Nexconn,
            expected => return Err(ResponseError::NotAResponse { expected }),
        };
        if vendor == Vendor::Nexconn {
            return Ok(nexconn_response(&mut walked));
        }
        let status = walked
            .action_status
            .as_ref()
            .map(|s| ActionStatus::of(&s.0));
        if let Some(Err(())) = status {
            let text = walked
                .action_status
                .as_ref()
                .map(|s| &*s.0)
                .unwrap_or_default();
            return Err(ResponseError::Ambiguous(format!(
                "ActionStatus {text:?} is none of OK, FAIL and SomeError"
            )));
        }
        // Without the caller saying whose response it is, two shapes are
        // not Tencent REST responses although they have an ErrorCode.
        let told = self.api.is_some() || self.vendor.is_some();
        let ok = status == Some(Ok(ActionStatus::Ok));
        if let Some(code @ (1 | 2)) = walked.error_code.filter(|_| ok && !told) {
            return Err(ResponseError::CallbackReply { code });
        }
        if !told && let Some(code) = foreign_error(&walked) {
            return Err(ResponseError::ForeignError { code });
        }
        Ok(tencent_response(walked, self.api))
    }
}

/// The code of a body whose only Tencent member is a non-zero `ErrorCode`
/// that no Tencent table knows, beside members neither vendor uses.
fn foreign_error(w: &Walked<'_>) -> Option<i64> {
    let code = w.error_code.filter(|&c| c != 0)?;
    let only_error_code = w.action_status.is_none()
        && w.error_info.is_none()
        && w.error_display.is_none()
        && w.request_id.is_none()
        && w.items == 0
        && w.fail_lists.is_empty()
        && w.dropped.is_empty();
    let known = crate::lookup::explain_all(code).any(|e| e.vendor() == Vendor::Tencent);
    (only_error_code && w.foreign_keys > 0 && !known).then_some(code)
}

/// The values Tencent documents for `ActionStatus`, read in any case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ActionStatus {
    Ok,
    Fail,
    SomeError,
}

impl ActionStatus {
    fn of(text: &str) -> Result<Self, ()> {
        [
            ("OK", ActionStatus::Ok),
            ("FAIL", ActionStatus::Fail),
            ("SomeError", ActionStatus::SomeError),
        ]
        .into_iter()
        .find(|(name, _)| text.trim().eq_ignore_ascii_case(name))
        .map(|(_, status)| status)
        .ok_or(())
    }
}

/// A walk's error, named after the member being read when it is about a
/// value of the wrong kind; syntax errors and truncation as they are.
fn classify(e: walk::WalkError) -> ResponseError {
    match e.field {
        Some((field, expected)) if e.error.classify() == serde_json::error::Category::Data => {
            ResponseError::Field {
                field,
                expected,
                source: e.error,
            }
        }
        _ => ResponseError::Json(e.error),
    }
}

fn is_utf16(body: &[u8]) -> bool {
    body.starts_with(b"\xFF\xFE")
        || body.starts_with(b"\xFE\xFF")
        || (body.len() >= 2 && (body[0] == 0) != (body[1] == 0))
}

fn text(t: Option<Text<'_>>) -> String {
    t.map(|t| t.0.into_owned()).unwrap_or_default()
}

fn nexconn_response(w: &mut Walked<'_>) -> Response {
    let code = w.code.unwrap_or_default();
    let message = text(w.error_message.take());
    let mut outcomes = Vec::new();
    if code != 200 {
        let explanation = explain_in(Namespace::NexconnBusiness, code);
        outcomes.push(Outcome {
            kind: OutcomeKind::Request,
            array: None,
            item: None,
            code: Some(code),
            status: None,
            explanation,
            message: message.clone(),
            failure: explanation.is_none_or(Explanation::is_failure),
        });
    }
    Response {
        vendor: Vendor::Nexconn,
        api: None,
        action_status: None,
        code,
        message,
        request_id: w.request_id.take().map(|t| t.0.into_owned()),
        items: 0,
        outcomes,
    }
}

fn tencent_response(w: Walked<'_>, api: Option<&'static Api>) -> Response {
    let explain = |code: i64| match api {
        Some(api) => api.explain(code),
        None => explain_in(Namespace::TencentServer, code),
    };
    let action_status = w.action_status.map(|t| t.0.into_owned());
    let error_code = w.error_code.unwrap_or(0);
    let info = text(w.error_info);
    let message = if info.is_empty() {
        text(w.error_display)
    } else {
        info
    };
    let mut outcomes = Vec::with_capacity(w.failed_items.len() + 1);
    let mut failed_names: HashSet<&str> = HashSet::new();
    for raw in &w.failed_items {
        let explanation = raw.code.and_then(explain);
        let item = raw.name.as_ref().map(|(path, name)| Item {
            field: path.last().copied().unwrap_or_default(),
            id: name.0.to_string(),
        });
        if let Some((_, name)) = &raw.name {
            failed_names.insert(&name.0);
        }
        outcomes.push(Outcome {
            kind: if raw.code.is_some() {
                OutcomeKind::ItemCode
            } else {
                OutcomeKind::ItemStatus
            },
            array: Some(raw.array.array),
            item,
            code: raw.code,
            status: raw.status,
            explanation,
            message: raw
                .message
                .as_ref()
                .map(|m| m.0.to_string())
                .unwrap_or_default(),
            failure: explanation.is_none_or(Explanation::is_failure),
        });
    }
    for (list, name) in &w.fail_lists {
        if failed_names.insert(&name.0) {
            outcomes.push(Outcome {
                kind: OutcomeKind::FailList,
                array: Some(list.array),
                item: Some(Item {
                    field: list.item,
                    id: name.0.to_string(),
                }),
                code: None,
                status: None,
                explanation: None,
                message: String::new(),
                failure: true,
            });
        }
    }
    for (dropped, reason) in &w.dropped {
        if reason.0.trim().is_empty() {
            continue;
        }
        let item = w
            .top_names
            .iter()
            .find(|(field, _)| *field == dropped.item)
            .map(|(field, name)| Item {
                field,
                id: name.0.to_string(),
            });
        outcomes.push(Outcome {
            kind: OutcomeKind::Dropped,
            array: None,
            item,
            code: None,
            status: None,
            explanation: None,
            message: reason.0.to_string(),
            failure: true,
        });
    }
    let any_item_failed = outcomes.iter().any(Outcome::is_failure);
    let status = action_status.as_deref().map(ActionStatus::of);
    let failed_status = matches!(
        status,
        Some(Ok(ActionStatus::Fail | ActionStatus::SomeError))
    );
    if error_code != 0 || (failed_status && !any_item_failed) {
        let explanation = (error_code != 0).then(|| explain(error_code)).flatten();
        outcomes.insert(
            0,
            Outcome {
                kind: OutcomeKind::Request,
                array: None,
                item: None,
                code: (error_code != 0).then_some(error_code),
                status: None,
                explanation,
                message: message.clone(),
                failure: explanation.is_none_or(Explanation::is_failure),
            },
        );
    }
    Response {
        vendor: Vendor::Tencent,
        api,
        action_status,
        code: error_code,
        message,
        request_id: w.request_id.map(|t| t.0.into_owned()),
        items: w.items,
        outcomes,
    }
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
