//! [`Response`]: a Tencent Cloud Chat REST response and its explained failures.
//!
//! Tencent's REST API answers HTTP 200 and puts the outcome in the body:
//! `ActionStatus` (`OK`, `FAIL`, `SomeError`), `ErrorCode`, `ErrorInfo`,
//! `ErrorDisplay`, per-target results in `ResultItem[]` (`To_Account`,
//! `ResultCode`, `ResultInfo`) or `ErrorList[]` (`To_Account`, `ErrorCode`),
//! `Fail_Account[]` and `RequestId`. Unknown fields are ignored.

use serde_json::Value;

use crate::error::ChatError;
use crate::lookup::explain_for_api;

/// Why a text is not a REST response.
#[derive(Debug, thiserror::Error)]
pub enum ResponseError {
    /// Not JSON at all (or truncated).
    #[error("not a JSON document: {0}")]
    Json(#[from] serde_json::Error),
    /// JSON, but not an object.
    #[error("a REST response is a JSON object, found {0}")]
    NotAnObject(&'static str),
    /// A known field with a value of the wrong kind.
    #[error("field {field} must be {expected}")]
    Field {
        /// The field, e.g. `ErrorCode` or `ResultItem[2].ResultCode`.
        field: String,
        /// What it must be.
        expected: &'static str,
    },
}

/// One per-target result of a batch API (`ResultItem[]` or `ErrorList[]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetResult {
    /// The account the result is for (`To_Account`).
    pub account: Option<String>,
    /// `ResultCode` (or `ErrorCode` in `ErrorList[]`); 0 is success.
    pub code: i64,
    /// `ResultInfo`, when given.
    pub info: String,
}

/// A parsed Tencent REST response.
///
/// ```
/// use chatcodes::Response;
/// let body = r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"",
///   "ResultItem":[{"To_Account":"id1","ResultCode":0,"ResultInfo":""},
///                 {"To_Account":"id2","ResultCode":30010,"ResultInfo":"Err_SNS_FriendAdd_Friend_Num_Exceed"}],
///   "Fail_Account":["id2"]}"#;
/// let response = Response::from_json(body).unwrap();
/// let failures = response.failures_for_api("v4/sns/friend_add");
/// assert_eq!(failures.len(), 1);
/// assert_eq!(failures[0].account.as_deref(), Some("id2"));
/// assert_eq!(failures[0].error.explanation().unwrap().description(), "Your friend list is full.");
/// assert!(response.into_result().is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Response {
    /// `ActionStatus`: `OK`, `FAIL` or `SomeError`.
    pub action_status: Option<String>,
    /// `ErrorCode` of the whole request; 0 is success.
    pub error_code: i64,
    /// `ErrorInfo`.
    pub error_info: String,
    /// `ErrorDisplay`.
    pub error_display: String,
    /// `ResultItem[]` and `ErrorList[]`, in that order.
    pub results: Vec<TargetResult>,
    /// `Fail_Account[]`.
    pub fail_accounts: Vec<String>,
    /// `RequestId`, in newer responses.
    pub request_id: Option<String>,
}

/// One explained outcome that is not a plain success.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The target account, or `None` for the request as a whole.
    pub account: Option<String>,
    /// The code, its explanation and the service's message.
    pub error: ChatError,
}

impl Failure {
    /// Whether this outcome is a failure: every outcome but a `not_a_failure`
    /// code (30539); an unknown non-zero code counts as a failure.
    pub fn is_failure(&self) -> bool {
        self.error.explanation().is_none_or(|e| e.is_failure())
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

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl Response {
    /// Parses a response body.
    pub fn from_json(text: &str) -> Result<Self, ResponseError> {
        Self::from_value(&serde_json::from_str(text)?)
    }

    /// Reads a response from an already parsed JSON value.
    pub fn from_value(value: &Value) -> Result<Self, ResponseError> {
        let Value::Object(body) = value else {
            return Err(ResponseError::NotAnObject(type_name(value)));
        };
        let text = |key: &str| -> Result<Option<String>, ResponseError> {
            match body.get(key) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.clone())),
                Some(_) => Err(ResponseError::Field {
                    field: key.into(),
                    expected: "a string",
                }),
            }
        };
        let code = |v: Option<&Value>, field: String| -> Result<i64, ResponseError> {
            match v {
                None | Some(Value::Null) => Ok(0),
                Some(v) => code_from_json(v).ok_or(ResponseError::Field {
                    field,
                    expected: "an integer code",
                }),
            }
        };
        let mut results = Vec::new();
        for (list, code_key) in [("ResultItem", "ResultCode"), ("ErrorList", "ErrorCode")] {
            let items = match body.get(list) {
                None | Some(Value::Null) => continue,
                Some(Value::Array(items)) => items,
                Some(_) => {
                    return Err(ResponseError::Field {
                        field: list.into(),
                        expected: "an array",
                    });
                }
            };
            for (i, item) in items.iter().enumerate() {
                let Value::Object(item) = item else {
                    return Err(ResponseError::Field {
                        field: format!("{list}[{i}]"),
                        expected: "an object",
                    });
                };
                results.push(TargetResult {
                    account: item
                        .get("To_Account")
                        .and_then(Value::as_str)
                        .map(str::to_string),
                    code: code(item.get(code_key), format!("{list}[{i}].{code_key}"))?,
                    info: item
                        .get("ResultInfo")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_string(),
                });
            }
        }
        let fail_accounts = match body.get("Fail_Account") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(a)) => a
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect(),
            Some(_) => {
                return Err(ResponseError::Field {
                    field: "Fail_Account".into(),
                    expected: "an array",
                });
            }
        };
        Ok(Response {
            action_status: text("ActionStatus")?,
            error_code: code(body.get("ErrorCode"), "ErrorCode".into())?,
            error_info: text("ErrorInfo")?.unwrap_or_default(),
            error_display: text("ErrorDisplay")?.unwrap_or_default(),
            results,
            fail_accounts,
            request_id: text("RequestId")?,
        })
    }

    /// Every non-zero outcome (the request's `ErrorCode`, then each target's),
    /// explained in the server namespace, including states that are not
    /// failures (30539). A response that says `FAIL` without a code gives one
    /// outcome with code 0.
    pub fn outcomes(&self) -> Vec<Failure> {
        self.outcomes_for(None)
    }

    /// [`outcomes`](Self::outcomes) in the wording of one REST API.
    pub fn outcomes_for_api(&self, api: &str) -> Vec<Failure> {
        self.outcomes_for(Some(api))
    }

    fn outcomes_for(&self, api: Option<&str>) -> Vec<Failure> {
        let api = api.unwrap_or("");
        let mut out = Vec::new();
        let failed_status = matches!(self.action_status.as_deref(), Some("FAIL"));
        if self.error_code != 0 || (failed_status && self.results.iter().all(|r| r.code == 0)) {
            let message = if self.error_info.is_empty() {
                &self.error_display
            } else {
                &self.error_info
            };
            out.push(Failure {
                account: None,
                error: ChatError::with_explanation(
                    self.error_code,
                    explain_for_api(api, self.error_code),
                    message.clone(),
                ),
            });
        }
        for r in self.results.iter().filter(|r| r.code != 0) {
            out.push(Failure {
                account: r.account.clone(),
                error: ChatError::with_explanation(
                    r.code,
                    explain_for_api(api, r.code),
                    r.info.clone(),
                ),
            });
        }
        out
    }

    /// The outcomes that are failures: [`outcomes`](Self::outcomes) without the
    /// `not_a_failure` ones. An unknown non-zero code counts as a failure.
    pub fn failures(&self) -> Vec<Failure> {
        Self::only_failures(self.outcomes())
    }

    /// [`failures`](Self::failures) in the wording of one REST API.
    pub fn failures_for_api(&self, api: &str) -> Vec<Failure> {
        Self::only_failures(self.outcomes_for_api(api))
    }

    fn only_failures(outcomes: Vec<Failure>) -> Vec<Failure> {
        outcomes.into_iter().filter(Failure::is_failure).collect()
    }

    /// `Ok(self)` when nothing failed, else the first failure (the request's
    /// own error before any target's) as a [`ChatError`].
    pub fn into_result(self) -> Result<Self, ChatError> {
        match self.failures().into_iter().next() {
            Some(failure) => Err(failure.error),
            None => Ok(self),
        }
    }
}
