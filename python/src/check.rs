//! `chatcodes.check`: judging a REST response body, as `chatcodes check` does.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};

use chatcodes::{Lang, Response, Vendor};

use crate::{Explanation, NotAResponse};

/// One outcome of a response that is not a plain success: a failure, or a
/// state that is not one (30539, a friend request now pending).
#[pyclass(frozen, module = "chatcodes", name = "Outcome")]
pub struct Outcome {
    outcome: chatcodes::Outcome,
    lang: Lang,
}

#[pymethods]
impl Outcome {
    /// Where it was reported: "request" (the call as a whole), "item_code"
    /// (an item's code), "item_status" (an item's status, no code),
    /// "fail_list" (a name in a list of failed items) or "dropped" (a message
    /// dropped although the call succeeded).
    #[getter]
    fn kind(&self) -> String {
        // The names are the enum's serde names.
        serde_json::to_value(self.outcome.kind())
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    /// The code, or `None` for an outcome reported without one.
    #[getter]
    fn code(&self) -> Option<i64> {
        self.outcome.code()
    }

    /// The item it concerns (an account, a group, a message sequence), or
    /// `None` for the request as a whole.
    #[getter]
    fn item(&self) -> Option<&str> {
        self.outcome.item().map(|item| item.id.as_str())
    }

    /// The member that names the item, e.g. "To_Account", or `None`.
    #[getter]
    fn item_field(&self) -> Option<&'static str> {
        self.outcome.item().map(|item| item.field)
    }

    /// The item array it was found in, e.g. "ResultItem", or `None`.
    #[getter]
    fn array(&self) -> Option<&'static str> {
        self.outcome.array()
    }

    /// The item's status (`MemberList[].Result`), where that decided it.
    #[getter]
    fn status(&self) -> Option<i64> {
        self.outcome.status()
    }

    /// The service's own message (`ErrorInfo`, `ResultInfo`, ...), or "".
    #[getter]
    fn message(&self) -> &str {
        self.outcome.message()
    }

    /// The code explained (in this API's own wording where it has a table),
    /// or `None` for a code the catalogue does not have or no code.
    #[getter]
    fn explanation(&self, py: Python<'_>) -> PyResult<Option<Py<Explanation>>> {
        self.outcome
            .explanation()
            .map(|entry| crate::shared::explanation(py, entry, self.outcome.code(), self.lang))
            .transpose()
    }

    /// Whether this outcome is a failure.
    #[getter]
    fn is_failure(&self) -> bool {
        self.outcome.is_failure()
    }

    /// Whether the failure means the operation's goal already holds on
    /// this API (destroy_group answering "group does not exist").
    #[getter]
    fn already_done(&self) -> bool {
        self.outcome.is_already_done()
    }

    /// Whether and how to retry: the explanation's class, "unknown" for a
    /// code the catalogue does not have.
    #[getter]
    fn retryability(&self) -> &'static str {
        self.outcome.retryability().into()
    }

    /// The documented minimum wait before retrying, in milliseconds, or `None`.
    #[getter]
    fn retry_after_ms(&self) -> Option<u128> {
        self.outcome.retry_after().map(|d| d.as_millis())
    }

    fn __str__(&self) -> String {
        self.outcome.to_string()
    }

    fn __repr__(&self) -> String {
        format!("<Outcome {}>", self.outcome)
    }
}

/// The verdict on one response body and every outcome that is not a plain
/// success.
#[pyclass(frozen, module = "chatcodes", name = "Report")]
pub struct Report {
    response: Response,
    lang: Lang,
}

#[pymethods]
impl Report {
    /// Whether anything failed: the call as a whole, or any item. `False`
    /// for a full success and for states that are not failures.
    #[getter]
    fn failed(&self) -> bool {
        !self.response.is_success()
    }

    /// Whether every failure means the operation's goal already holds on
    /// the API given (so repeating a delete is done, not failed).
    #[getter]
    fn already_done(&self) -> bool {
        !self.response.is_success() && self.response.is_done()
    }

    /// Every outcome that is not a plain success, in the body's order.
    #[getter]
    fn outcomes(&self) -> Vec<Outcome> {
        self.response
            .outcomes()
            .iter()
            .map(|o| Outcome {
                outcome: o.clone(),
                lang: self.lang,
            })
            .collect()
    }

    /// The vendor whose response it is: "tencent" or "nexconn".
    #[getter]
    fn vendor(&self) -> &'static str {
        self.response.vendor().into()
    }

    /// The REST API it was read as, e.g. "v4/sns/friend_add", or `None`.
    #[getter]
    fn api(&self) -> Option<&'static str> {
        self.response.api().map(|api| api.path())
    }

    /// For a response read as a REST API's: whether the same request can be
    /// sent again without doing its work twice, `{"safe": True}` or
    /// `{"safe": False, "how": "..."}`; else `None`.
    #[getter]
    fn repeat<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        self.response
            .api()
            .map(|api| crate::repeat(py, api))
            .transpose()
    }

    /// The top-level code (`ErrorCode`, or Nexconn's `code`).
    #[getter]
    fn code(&self) -> i64 {
        self.response.code()
    }

    /// The top-level message (`ErrorInfo`, `errorMessage`), or "".
    #[getter]
    fn message(&self) -> &str {
        self.response.message()
    }

    /// `ActionStatus` ("OK", "FAIL"), for a Tencent response that has it.
    #[getter]
    fn action_status(&self) -> Option<&str> {
        self.response.action_status()
    }

    /// The request ID the service returned, if any.
    #[getter]
    fn request_id(&self) -> Option<&str> {
        self.response.request_id()
    }

    fn __repr__(&self) -> String {
        format!(
            "<Report {} failed={} outcomes={}>",
            self.vendor(),
            if self.failed() { "True" } else { "False" },
            self.response.outcomes().len()
        )
    }
}

/// Judges a REST response body (str or bytes, UTF-8 JSON) as `chatcodes
/// check` does: the call as a whole and every item the body reports.
///
/// `api` names the Tencent REST API that returned it (e.g.
/// "v4/sns/friend_add", or the request URL), for its own wording and where it
/// reports items; `vendor` ("tencent" or "nexconn") reads the body as that
/// vendor's instead of telling by its shape; `lang` is "en" or "zh".
///
/// Raises `NotAResponse` (a `ValueError`) with the command's reason for a
/// body that is not a response that can be judged, and `ValueError` for an
/// unknown API, vendor or language.
#[pyfunction]
#[pyo3(signature = (body, api=None, vendor=None, lang=None))]
fn check(
    body: &Bound<'_, PyAny>,
    api: Option<&str>,
    vendor: Option<&str>,
    lang: Option<&str>,
) -> PyResult<Report> {
    let lang = crate::lang(lang)?;
    let mut parser = Response::parser();
    if let Some(api) = api {
        parser = parser.for_api(crate::rest_api(api)?);
    }
    match vendor {
        None => {}
        Some("tencent") => parser = parser.vendor(Vendor::Tencent),
        Some("nexconn") => parser = parser.vendor(Vendor::Nexconn),
        Some(other) => {
            return Err(PyValueError::new_err(format!(
                "unknown vendor {other:?}: use \"tencent\" or \"nexconn\""
            )));
        }
    }
    let parsed = if let Ok(text) = body.cast::<PyString>() {
        // A str with a lone surrogate has no UTF-8 form: its bytes as
        // Python would write them with surrogatepass are what the command
        // would read, and get its reason.
        match text.to_cow() {
            Ok(text) => parser.parse(text.as_bytes()),
            Err(_) => {
                let bytes = text.call_method1("encode", ("utf-8", "surrogatepass"))?;
                parser.parse(bytes.cast::<PyBytes>()?.as_bytes())
            }
        }
    } else if let Ok(bytes) = body.cast::<PyBytes>() {
        parser.parse(bytes.as_bytes())
    } else {
        return Err(PyTypeError::new_err(format!(
            "a body is a str or bytes, not {}",
            body.get_type().name()?
        )));
    };
    match parsed {
        Ok(response) => Ok(Report { response, lang }),
        Err(e) => Err(NotAResponse::new_err(e.to_string())),
    }
}

/// Adds check, Report and Outcome to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Report>()?;
    m.add_class::<Outcome>()?;
    m.add_function(wrap_pyfunction!(check, m)?)
}
