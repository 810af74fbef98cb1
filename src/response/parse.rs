//! Reading a body: the [`Parser`], which tells the vendors apart, refuses
//! what cannot be judged, and turns what the walk found into a
//! [`Response`].

use std::collections::HashSet;

use super::values::Text;
use super::walk::{self, Walked};
use super::{Item, Outcome, OutcomeKind, Response, ResponseError, rest_api};
use crate::api::{Api, Shape};
use crate::enums::{Namespace, Vendor};
use crate::explanation::Explanation;
use crate::lookup::explain_in;
use crate::response::UnknownApi;

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
