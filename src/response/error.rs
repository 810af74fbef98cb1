//! [`ResponseError`]: why a body is not a response that can be judged.

use crate::enums::Vendor;

/// Why a body is not a response that can be judged.
///
/// ```
/// use chatcodes::{Response, ResponseError};
/// assert!(matches!(Response::parse(b"[1]"), Err(ResponseError::NotAnObject("an array"))));
/// assert!(matches!(Response::parse(b"{}"), Err(ResponseError::NotAResponse { .. })));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ResponseError {
    /// The body is UTF-16 (it starts with a UTF-16 byte-order mark, or has
    /// the zero bytes of UTF-16 text); responses are UTF-8.
    #[error(
        "the body is UTF-16 text; responses are UTF-8 JSON (convert it, e.g. with iconv -f UTF-16 -t UTF-8)"
    )]
    Utf16,
    /// Not JSON, or truncated.
    #[error("not a JSON document: {0}")]
    Json(serde_json::Error),
    /// JSON, but a known member holds a value of the wrong kind.
    #[error("{field} must be {expected}: {source}")]
    Field {
        /// The member, e.g. `ErrorCode` or `ResultItem[2].ResultCode`.
        field: String,
        /// What it must be.
        expected: &'static str,
        /// serde_json's report, with the line and column.
        source: serde_json::Error,
    },
    /// JSON, but not an object.
    #[error("a response is a JSON object, found {0}")]
    NotAnObject(&'static str),
    /// An object with neither vendor's fields (or without the fields of the
    /// vendor asked for).
    #[error(
        "not a response: {}",
        match .expected {
            Some(Vendor::Nexconn) => "a Nexconn response has a numeric `code`",
            Some(_) => "a Tencent response has `ActionStatus` or `ErrorCode`",
            None => "expected a Tencent response (`ActionStatus`, `ErrorCode`) or a Nexconn one (`code`)",
        }
    )]
    NotAResponse {
        /// The vendor whose shape was required, if one was.
        expected: Option<Vendor>,
    },
    /// An object whose only Tencent-looking member is `ErrorCode`, beside
    /// members neither vendor uses, with a code no Tencent table has: most
    /// likely another service's error. `--vendor tencent` (or an API) reads it
    /// as Tencent's anyway.
    #[error(
        "not a Tencent or Nexconn response: its only Tencent member is ErrorCode {code}, a code no Tencent table has, beside members neither vendor uses (say --vendor tencent or --api to read it as Tencent's)"
    )]
    ForeignError {
        /// The `ErrorCode`.
        code: i64,
    },
    /// JSON with a response's fields that cannot be judged safely: a member
    /// that decides the outcome (`ErrorCode`, `ActionStatus`, `code`, an
    /// item's code) appears twice with different values, or `ActionStatus` is
    /// none of `OK`, `FAIL` and `SomeError`.
    #[error("cannot judge this response: {0}")]
    Ambiguous(String),
    /// A business server's reply to a Tencent webhook (callback), not a REST
    /// response: `ErrorCode` 1 refuses the event, 2 discards it silently.
    #[error(
        "this is a reply to a Tencent webhook (callback), not a REST response: ErrorCode {code} {}",
        if *.code == 1 { "refuses the event" } else { "discards the event silently" }
    )]
    CallbackReply {
        /// The reply's `ErrorCode`: 1 or 2.
        code: i64,
    },
}
