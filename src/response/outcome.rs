//! [`Outcome`]: one outcome of a response that is not a plain success, the
//! item it concerns and where it was reported.

use std::fmt;
use std::time::Duration;

use crate::enums::Retryability;
use crate::error::ChatError;
use crate::explanation::Explanation;

/// The item an outcome concerns: which member named it, and its name.
///
/// ```
/// let body = br#"{"ActionStatus":"OK","ErrorCode":0,"ResultItem":[{"To_Account":"id2","ResultCode":30010}]}"#;
/// let response = chatcodes::Response::parse(body).unwrap();
/// let item = response.outcomes()[0].item().unwrap();
/// assert_eq!((item.field, item.id.as_str()), ("To_Account", "id2"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Item {
    /// The member that names the item, e.g. `To_Account`, `GroupId`, `MsgSeq`.
    pub field: &'static str,
    /// The item's name, e.g. `id5`.
    pub id: String,
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.field, self.id)
    }
}

/// Where an outcome was reported.
///
/// ```
/// use chatcodes::{OutcomeKind, Response};
/// let response = Response::parse(br#"{"ActionStatus":"FAIL","ErrorCode":70001}"#).unwrap();
/// assert_eq!(response.outcomes()[0].kind(), OutcomeKind::Request);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeKind {
    /// The request as a whole (`ErrorCode`, `ActionStatus`, Nexconn's `code`).
    Request,
    /// An element of an item array with a non-zero code.
    ItemCode,
    /// An element of an item array whose status means it failed
    /// (`MemberList[].Result` 0); there is no code.
    ItemStatus,
    /// A name in a list of failed items (`Fail_Account`) that no item array
    /// explains; there is no code.
    FailList,
    /// A message the service dropped although the call succeeded
    /// (`MsgDropReason`).
    Dropped,
}

impl OutcomeKind {
    /// Every kind, in report order.
    pub const ALL: &'static [OutcomeKind] = &[
        OutcomeKind::Request,
        OutcomeKind::ItemCode,
        OutcomeKind::ItemStatus,
        OutcomeKind::FailList,
        OutcomeKind::Dropped,
    ];
}

/// One outcome that is not a plain success: a failure, or a state such as
/// 30539 (a friend request now pending) that is not one.
///
/// ```
/// let body = br#"{"ActionStatus":"OK","ErrorCode":0,"ResultItem":[{"To_Account":"id2","ResultCode":30010}]}"#;
/// let response = chatcodes::Response::parse(body).unwrap();
/// let outcome = &response.outcomes()[0];
/// assert_eq!(outcome.code(), Some(30010));
/// assert!(outcome.is_failure() && !outcome.retryability().may_retry_unchanged());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub(super) kind: OutcomeKind,
    pub(super) array: Option<&'static str>,
    pub(super) item: Option<Item>,
    pub(super) code: Option<i64>,
    pub(super) status: Option<i64>,
    pub(super) explanation: Option<&'static Explanation>,
    pub(super) message: String,
    pub(super) failure: bool,
}

impl Outcome {
    /// Where it was reported.
    pub fn kind(&self) -> OutcomeKind {
        self.kind
    }

    /// The array or list it was found in (`ResultItem`, `Fail_Account`);
    /// `None` for the request and dropped messages.
    pub fn array(&self) -> Option<&'static str> {
        self.array
    }

    /// The item it concerns; `None` for the request as a whole.
    pub fn item(&self) -> Option<&Item> {
        self.item.as_ref()
    }

    /// The code; `None` where the service gave none (failed-item lists,
    /// statuses, dropped messages, a `FAIL` without `ErrorCode`).
    pub fn code(&self) -> Option<i64> {
        self.code
    }

    /// The status value, for [`OutcomeKind::ItemStatus`].
    pub fn status(&self) -> Option<i64> {
        self.status
    }

    /// The catalogue's explanation of the code, in the API's own wording
    /// where it has one; `None` without a code or for an unknown code.
    pub fn explanation(&self) -> Option<&'static Explanation> {
        self.explanation
    }

    /// What the service said (`ResultInfo`, `ErrorInfo`, `errorMessage`,
    /// the `MsgDropReason`); may be empty.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Whether this is a failure: everything but a `not_a_failure` code
    /// (30539). An unknown code counts as a failure.
    pub fn is_failure(&self) -> bool {
        self.failure
    }

    /// Whether the service reported a failure that, on this API, means the
    /// operation's goal already holds (`destroy_group` answering 10010: the
    /// group is already gone); [`Explanation::already_done`] says why. It is
    /// still a [failure](Self::is_failure).
    pub fn is_already_done(&self) -> bool {
        self.failure && self.explanation.is_some_and(|e| e.already_done().is_some())
    }

    /// The outcome as a [`ChatError`]: its code (`None` where the service
    /// gave none, as in a `FAIL` without `ErrorCode`), explanation and message.
    pub fn to_error(&self) -> ChatError {
        ChatError::with_explanation(self.code, self.explanation, self.message.clone())
    }

    /// What to do about it: the code's retry class; [`Retryability::Unknown`]
    /// without a code or for a code the catalogue lacks, and
    /// [`Retryability::NotAFailure`] for a state that is not a failure.
    ///
    /// ```
    /// use chatcodes::{Response, Retryability};
    /// let body = br#"{"ActionStatus":"FAIL","ErrorCode":70001,"ErrorInfo":"sig expired"}"#;
    /// let response = Response::parse(body).unwrap();
    /// let outcome = &response.outcomes()[0];
    /// assert_eq!(outcome.retryability(), Retryability::Reauthenticate);
    /// assert_eq!(outcome.retry_after(), None);
    /// ```
    pub fn retryability(&self) -> Retryability {
        self.explanation
            .map_or(Retryability::Unknown, Explanation::retryability)
    }

    /// The documented minimum wait before retrying, when there is one.
    pub fn retry_after(&self) -> Option<Duration> {
        self.explanation.and_then(Explanation::retry_after)
    }
}

impl fmt::Display for Outcome {
    /// `To_Account id5: 30006 ...explanation... (service said: ...)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.item {
            Some(item) => write!(f, "{item}: ")?,
            None => write!(f, "the request: ")?,
        }
        match (self.kind, self.code, self.explanation) {
            (_, Some(_), Some(e)) => write!(f, "{e}")?,
            (_, Some(code), None) => write!(f, "{code} (code not in the chatcodes catalogue)")?,
            (OutcomeKind::ItemStatus, _, _) => write!(
                f,
                "failed ({} {})",
                self.array.unwrap_or("status"),
                self.status.unwrap_or_default()
            )?,
            (OutcomeKind::FailList, _, _) => write!(
                f,
                "listed in {} as failed, without a code",
                self.array.unwrap_or("a failed list")
            )?,
            (OutcomeKind::Dropped, _, _) => write!(f, "message dropped")?,
            _ => write!(f, "failed without an error code")?,
        }
        let message = self.message.trim();
        if !message.is_empty() {
            write!(f, " (service said: {message})")?;
        }
        Ok(())
    }
}

impl std::error::Error for Outcome {}
