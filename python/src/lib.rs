//! `chatcodes._chatcodes`: the Python extension module over the `chatcodes`
//! crate. The catalogue is the crate's compiled tables; nothing is copied
//! into Python. `chatcodes/__init__.py` re-exports everything here.

use pyo3::exceptions::{PyOverflowError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyString};

use chatcodes::{Api, CodeQuery, Codes, Lang, Namespace, ParseCodeError, Record};

mod check;
mod enrich;
mod shared;

pyo3::create_exception!(
    chatcodes,
    NotAResponse,
    PyValueError,
    "The body given to `check` is not a response that can be judged: not JSON, not an \
     object, neither vendor's shape, or ambiguous. The message is the reason \
     `chatcodes check` gives."
);

/// The language text is written in: `None` or "en" for English, "zh" for Chinese.
pub(crate) fn lang(lang: Option<&str>) -> PyResult<Lang> {
    match lang {
        None => Ok(Lang::En),
        Some(text) => text.parse().map_err(|_| {
            PyValueError::new_err(format!("unknown language {text:?}: use \"en\" or \"zh\""))
        }),
    }
}

/// A namespace by its name (`tencent_server`, `nexconn_client`, ...).
pub(crate) fn namespace(name: &str) -> PyResult<Namespace> {
    name.parse().map_err(|_| {
        let known: Vec<&str> = Namespace::ALL.iter().map(|n| n.into()).collect();
        PyValueError::new_err(format!(
            "unknown namespace {name:?}; known: {}",
            known.join(", ")
        ))
    })
}

/// A Tencent REST API by any name `chatcodes --api` takes.
pub(crate) fn rest_api(name: &str) -> PyResult<&'static Api> {
    chatcodes::rest_api(name).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// What a code argument asks for: `None` when it cannot be a known code (an
/// unknown name, a number beyond 64 bits). Any integer works (`int`, and
/// whatever has `__index__`, such as numpy's integers), and text as the
/// command reads it.
fn query(code: &Bound<'_, PyAny>) -> PyResult<Option<CodeQuery>> {
    if code.is_instance_of::<PyBool>() {
        return Err(PyTypeError::new_err(
            "a code is an int or a str, not a bool",
        ));
    }
    if let Ok(text) = code.cast::<PyString>() {
        return match text.to_cow()?.parse::<CodeQuery>() {
            Ok(query) => Ok(Some(query)),
            Err(ParseCodeError::UnknownName(_) | ParseCodeError::OutOfRange(_)) => Ok(None),
            Err(e) => Err(PyValueError::new_err(e.to_string())),
        };
    }
    match code.extract::<i64>() {
        Ok(number) => Ok(Some(CodeQuery::Code(number))),
        // A number that does not fit in 64 bits is no code of any table.
        Err(e) if e.is_instance_of::<PyOverflowError>(code.py()) => Ok(None),
        Err(_) => Err(PyTypeError::new_err(format!(
            "a code is an int or a str (a number or an official name), not {}",
            code.get_type().name()?
        ))),
    }
}

/// Everything the catalogue knows about one code: what it means, whether and
/// how to retry, what to do, and where it is documented.
///
/// Compare with `==`; `str()` gives one line, `to_dict()` the record
/// `chatcodes explain --format json` writes.
#[pyclass(frozen, module = "chatcodes", name = "Explanation")]
pub struct Explanation {
    entry: &'static chatcodes::Explanation,
    record: Record,
    lang: Lang,
    /// The REST API it was explained for, which says whether a request may be repeated.
    api: Option<&'static Api>,
}

impl Explanation {
    /// The explanation of `entry` for the code asked about (a code inside a
    /// range entry keeps both), or of the entry itself.
    pub(crate) fn new(
        entry: &'static chatcodes::Explanation,
        code: Option<i64>,
        lang: Lang,
    ) -> Self {
        let record = match code {
            Some(code) => entry.record_for_in(code, lang),
            None => entry.record_in(lang),
        };
        Explanation {
            entry,
            record,
            lang,
            api: None,
        }
    }

    /// The explanation of a code as `api` documents it.
    fn for_api(
        entry: &'static chatcodes::Explanation,
        code: i64,
        lang: Lang,
        api: &'static Api,
    ) -> Self {
        Explanation {
            api: Some(api),
            ..Explanation::new(entry, Some(code), lang)
        }
    }
}

/// Whether repeating a request to `api` can do its work twice, as the
/// command's JSON writes it: `{"safe": true}`, or `{"safe": false, "how": ...}`.
pub(crate) fn repeat<'py>(py: Python<'py>, api: &Api) -> PyResult<Bound<'py, PyDict>> {
    let repeat = api.repeat();
    let dict = PyDict::new(py);
    dict.set_item("safe", repeat.is_safe())?;
    if let Some(how) = repeat.how() {
        dict.set_item("how", how)?;
    }
    Ok(dict)
}

#[pymethods]
impl Explanation {
    /// The code asked about (the first code of a range entry found by name).
    #[getter]
    fn code(&self) -> i64 {
        self.record.code.first()
    }

    /// `(first, last)` for an entry that covers a range of codes, else `None`.
    #[getter]
    fn range(&self) -> Option<(i64, i64)> {
        match self.entry.codes() {
            Codes::Range { first, last } => Some((first, last)),
            Codes::Exact(_) => None,
        }
    }

    /// The vendor: "tencent" or "nexconn".
    #[getter]
    fn vendor(&self) -> &'static str {
        self.record.vendor.into()
    }

    /// The namespace the code is defined in, e.g. "tencent_server".
    #[getter]
    fn namespace(&self) -> &'static str {
        self.record.namespace.into()
    }

    /// The documentation section, e.g. "account".
    #[getter]
    fn category(&self) -> &'static str {
        self.record.category.into()
    }

    /// The official name, e.g. "ERR_SVR_ACCOUNT_USERSIG_EXPIRED", where the vendor publishes one.
    #[getter]
    fn name(&self) -> Option<&'static str> {
        self.record.name
    }

    /// What the code means.
    #[getter]
    fn description(&self) -> &'static str {
        self.record.description
    }

    /// Whether and how to retry, e.g. "reauthenticate", "transient", "permanent".
    #[getter]
    fn retryability(&self) -> &'static str {
        self.record.retryability.into()
    }

    /// The documented minimum wait before retrying, in milliseconds, or `None`.
    #[getter]
    fn retry_after_ms(&self) -> Option<u32> {
        self.record.retry_after_ms
    }

    /// What to do about it.
    #[getter]
    fn remedy(&self) -> &'static str {
        self.record.remedy
    }

    /// Where the description comes from: the document and its section.
    #[getter]
    fn source(&self) -> String {
        self.record.source.to_string()
    }

    /// Known causes (may be empty).
    #[getter]
    fn causes(&self) -> Vec<&'static str> {
        self.record.causes.to_vec()
    }

    /// A fact beside the description (an older meaning of the number), or `None`.
    #[getter]
    fn note(&self) -> Option<&'static str> {
        self.record.note
    }

    /// On a REST API's own row: why the code means the call's goal already holds.
    #[getter]
    fn already_done(&self) -> Option<&'static str> {
        self.record.already_done
    }

    /// The REST API whose own table this row is, or `None`.
    #[getter]
    fn api(&self) -> Option<&'static str> {
        self.record.api
    }

    /// Other names that lead to this entry.
    #[getter]
    fn aliases(&self) -> Vec<&'static str> {
        self.record.aliases.to_vec()
    }

    /// Whether only older material documents the code.
    #[getter]
    fn retired(&self) -> bool {
        self.record.retired
    }

    /// Whether the code reports a failure (30539, a friend request now
    /// pending, is a code that does not).
    #[getter]
    fn is_failure(&self) -> bool {
        self.entry.is_failure()
    }

    /// For a code explained for a REST API (`explain(code, api=...)`):
    /// whether the same request can be sent again without doing its work
    /// twice, `{"safe": True}` or `{"safe": False, "how": "..."}`; else `None`.
    #[getter]
    fn repeat<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        self.api.map(|api| self::repeat(py, api)).transpose()
    }

    /// The record as a dict, with the keys and values of
    /// `chatcodes explain --format json` (with `repeat` for a code explained
    /// for an API).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = pythonize::pythonize(py, &self.record)?.cast_into::<PyDict>()?;
        if let Some(repeat) = self.repeat(py)? {
            dict.set_item("repeat", repeat)?;
        }
        Ok(dict)
    }

    fn __str__(&self) -> String {
        self.entry.display_in(self.lang).to_string()
    }

    fn __repr__(&self) -> String {
        format!(
            "<Explanation {} {} {} {}>",
            self.namespace(),
            self.record.code,
            self.record.name.unwrap_or("-"),
            self.retryability()
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Explanation>()
            .is_ok_and(|o| self.identity() == o.get().identity())
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        self.identity().hash(&mut hasher);
        hasher.finish()
    }
}

impl Explanation {
    /// What makes two explanations equal: the entry, the code asked about,
    /// the language and the API it was explained for.
    fn identity(&self) -> (usize, Codes, Lang, Option<&'static str>) {
        let entry = self.entry as *const chatcodes::Explanation as usize;
        (entry, self.record.code, self.lang, self.api.map(Api::path))
    }
}

/// Explains `code`: a number (an int, any integer with `__index__`, or its
/// text) or an official name.
///
/// Without `namespace` or `api`, a number found in several namespaces gets
/// the meaning `chatcodes explain` puts first (`explain_all` lists every
/// one). `namespace` reads one namespace ("tencent_server", "tencent_sdk",
/// "tencent_web", "nexconn_http", "nexconn_business", "nexconn_client");
/// `api` the code as that Tencent REST API documents it (e.g.
/// "v4/group_open_http_svc/destroy_group"). `lang` is "en" or "zh".
///
/// Returns `None` for a code or name the catalogue does not have. Raises
/// `ValueError` for text that is neither, an unknown namespace, API or
/// language, and `TypeError` for anything but an integer or a str.
#[pyfunction]
#[pyo3(signature = (code, namespace=None, api=None, lang=None))]
fn explain(
    code: &Bound<'_, PyAny>,
    namespace: Option<&str>,
    api: Option<&str>,
    lang: Option<&str>,
) -> PyResult<Option<Py<Explanation>>> {
    let py = code.py();
    let lang = self::lang(lang)?;
    let namespace = namespace.map(self::namespace).transpose()?;
    let api = api.map(rest_api).transpose()?;
    if let (Some(ns), Some(api)) = (namespace, api)
        && api.namespace() != ns
    {
        return Err(PyValueError::new_err(format!(
            "API {} answers with {} codes, not {ns}",
            api.path(),
            api.namespace()
        )));
    }
    Ok(match query(code)? {
        None => None,
        Some(CodeQuery::Name(entry)) => Some(shared::explanation(py, entry, None, lang)?),
        Some(CodeQuery::Code(code)) => {
            let entry = match (api, namespace) {
                (Some(api), _) => {
                    let found = api
                        .explain(code)
                        .map(|e| Explanation::for_api(e, code, lang, api));
                    return found.map(|e| Py::new(py, e)).transpose();
                }
                (None, Some(ns)) => chatcodes::explain_in(ns, code),
                (None, None) => chatcodes::explain(code),
            };
            entry
                .map(|e| shared::explanation(py, e, Some(code), lang))
                .transpose()?
        }
    })
}

/// Every meaning of `code` (a number or an official name), one per
/// namespace that has it, best first; an empty list when none has it.
#[pyfunction]
#[pyo3(signature = (code, lang=None))]
fn explain_all(code: &Bound<'_, PyAny>, lang: Option<&str>) -> PyResult<Vec<Py<Explanation>>> {
    let py = code.py();
    let lang = self::lang(lang)?;
    match query(code)? {
        None => Ok(Vec::new()),
        Some(CodeQuery::Name(entry)) => Ok(vec![shared::explanation(py, entry, None, lang)?]),
        Some(CodeQuery::Code(code)) => chatcodes::explain_all(code)
            .map(|e| shared::explanation(py, e, Some(code), lang))
            .collect(),
    }
}

/// Every entry of the catalogue, or of one namespace, in data order: one
/// `Explanation` per code or range of codes (a REST API's own wording of a
/// code is not an entry of its own; `explain(code, api=...)` gives it).
#[pyfunction]
#[pyo3(signature = (namespace=None, lang=None))]
fn entries(
    py: Python<'_>,
    namespace: Option<&str>,
    lang: Option<&str>,
) -> PyResult<Vec<Py<Explanation>>> {
    let lang = self::lang(lang)?;
    let namespace = namespace.map(self::namespace).transpose()?;
    chatcodes::entries()
        .filter(|e| namespace.is_none_or(|ns| e.namespace() == ns))
        .map(|e| shared::explanation(py, e, None, lang))
        .collect()
}

/// The extension module.
#[pymodule]
fn _chatcodes(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("CATALOGUE_VERSION", chatcodes::CATALOGUE_VERSION)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("NotAResponse", m.py().get_type::<NotAResponse>())?;
    m.add_class::<Explanation>()?;
    m.add_function(wrap_pyfunction!(explain, m)?)?;
    m.add_function(wrap_pyfunction!(explain_all, m)?)?;
    m.add_function(wrap_pyfunction!(entries, m)?)?;
    check::register(m)?;
    enrich::register(m)?;
    Ok(())
}
