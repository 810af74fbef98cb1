//! `chatcodes.enrich_line` and `chatcodes.Enricher`: NDJSON log lines
//! explained in place, as `chatcodes enrich` writes them.

use std::io::{self, Read, Write};
use std::sync::{Mutex, OnceLock};

use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use chatcodes::Field;

/// Counts of one [`Enricher::stream`] run.
#[pyclass(frozen, module = "chatcodes", name = "Summary")]
pub struct Summary {
    /// Lines read (and written).
    #[pyo3(get)]
    lines: u64,
    /// Lines that got at least one explanation.
    #[pyo3(get)]
    enriched: u64,
    /// Codes explained as unknown to the catalogue.
    #[pyo3(get)]
    unknown_codes: u64,
    /// Lines passed through because they are not JSON objects.
    #[pyo3(get)]
    not_json: u64,
}

#[pymethods]
impl Summary {
    fn __repr__(&self) -> String {
        format!(
            "<Summary lines={} enriched={} unknown_codes={} not_json={}>",
            self.lines, self.enriched, self.unknown_codes, self.not_json
        )
    }
}

/// Explains the code fields of NDJSON log lines in place, as `chatcodes
/// enrich` does: every non-zero `ErrorCode` and `ResultCode` (and the other
/// code fields Tencent's item arrays use) gets a sibling
/// `<field>_explained` record; everything else on the line stays byte for
/// byte, and a line that is not a JSON object is passed through unchanged.
///
/// `namespace` says how a bare number is read (default "tencent_server");
/// `api` is the REST API of lines that do not name one in their `api_field`
/// member (default "api"; `None` reads none); `fields` picks the members of
/// each record (the names `chatcodes export --columns` takes, e.g.
/// `["name", "retryability"]`); `paths` adds code fields to explain, as
/// paths from the top of the record ("code", "data.code", "items[].status");
/// `lang` is "en" or "zh".
#[pyclass(module = "chatcodes", name = "Enricher")]
pub struct Enricher {
    // Boxed: the enricher holds memchr's AVX2 searchers, aligned to 32
    // bytes, and Python allocates objects 16-byte aligned; in the object
    // itself their aligned loads fault (a crash the stream tests caught).
    inner: Box<chatcodes::enrich::Enricher>,
}

#[pymethods]
impl Enricher {
    #[new]
    #[pyo3(signature = (namespace=None, api=None, api_field=Some("api".to_owned()), fields=None, paths=None, lang=None))]
    fn new(
        namespace: Option<&str>,
        api: Option<&str>,
        api_field: Option<String>,
        fields: Option<Vec<String>>,
        paths: Option<Vec<String>>,
        lang: Option<&str>,
    ) -> PyResult<Self> {
        let mut inner = chatcodes::enrich::Enricher::new()
            .lang(crate::lang(lang)?)
            .api_field(api_field.as_deref().filter(|f| !f.is_empty()));
        if let Some(ns) = namespace {
            inner = inner.namespace(crate::namespace(ns)?);
        }
        if let Some(api) = api {
            inner = inner.api(crate::rest_api(api)?);
        }
        if let Some(names) = fields {
            let fields = names
                .iter()
                .map(|name| {
                    Field::from_name(name).ok_or_else(|| {
                        PyValueError::new_err(format!(
                            "unknown field {name:?}; available: {}",
                            chatcodes::Record::FIELDS.join(", ")
                        ))
                    })
                })
                .collect::<PyResult<Vec<Field>>>()?;
            inner = inner.fields(&fields);
        }
        for path in paths.unwrap_or_default() {
            inner = inner
                .field(&path)
                .map_err(|e| PyValueError::new_err(e.to_string()))?;
        }
        Ok(Enricher {
            inner: Box::new(inner),
        })
    }

    /// The line (str or bytes, with or without its line ending) as `chatcodes
    /// enrich` writes it, of the same type. Several lines are each enriched.
    fn line<'py>(&mut self, line: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        enrich(&mut self.inner, line)
    }

    /// Copies `source` to `sink` line by line, explaining what it can, and
    /// returns the counts. `source` is a binary file object (`read(n)`
    /// returning bytes), `sink` one with `write(bytes)`; the sink is flushed
    /// whenever the source had no more input waiting, so a followed log is
    /// written as it grows.
    fn stream(&mut self, source: &Bound<'_, PyAny>, sink: &Bound<'_, PyAny>) -> PyResult<Summary> {
        let summary = self
            .inner
            .stream(PyReader(source), PyWriter(sink))
            .map_err(from_io)?;
        Ok(Summary {
            lines: summary.lines,
            enriched: summary.enriched,
            unknown_codes: summary.unknown_codes,
            not_json: summary.not_json,
        })
    }
}

/// Enriches `line` (str or bytes) and returns the result as the same type.
fn enrich<'py>(
    enricher: &mut chatcodes::enrich::Enricher,
    line: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let py = line.py();
    let mut out = Vec::new();
    if let Ok(text) = line.cast::<PyString>() {
        // A str that is not UTF-8 (a lone surrogate) is no JSON: unchanged.
        let Ok(text) = text.to_cow() else {
            return Ok(line.clone());
        };
        enricher.block(text.as_bytes(), &mut out)?;
        let text = String::from_utf8(out)
            .map_err(|_| PyValueError::new_err("an enriched str line is not UTF-8"))?;
        Ok(PyString::new(py, &text).into_any())
    } else if let Ok(bytes) = line.cast::<PyBytes>() {
        enricher.block(bytes.as_bytes(), &mut out)?;
        Ok(PyBytes::new(py, &out).into_any())
    } else {
        Err(PyTypeError::new_err(format!(
            "a line is a str or bytes, not {}",
            line.get_type().name()?
        )))
    }
}

/// The line (str or bytes) as `chatcodes enrich` writes it with its
/// defaults, of the same type: a non-JSON line unchanged.
#[pyfunction]
fn enrich_line<'py>(line: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    static DEFAULT: OnceLock<Mutex<chatcodes::enrich::Enricher>> = OnceLock::new();
    let shared = DEFAULT.get_or_init(|| Mutex::new(chatcodes::enrich::Enricher::new()));
    // The lock is only contended under a free-threaded interpreter; a
    // poisoned one holds an enricher in a consistent state all the same.
    let mut enricher = shared.lock().unwrap_or_else(|p| p.into_inner());
    enrich(&mut enricher, line)
}

/// A Python exception raised inside a read or write, carried through `io`.
fn to_io(e: PyErr) -> io::Error {
    io::Error::other(e)
}

/// The Python exception behind an `io::Error`, or an `OSError` for it.
fn from_io(e: io::Error) -> PyErr {
    if !e.get_ref().is_some_and(|inner| inner.is::<PyErr>()) {
        return e.into();
    }
    match e.into_inner().map(|inner| inner.downcast::<PyErr>()) {
        Some(Ok(py_err)) => *py_err,
        _ => PyRuntimeError::new_err("an I/O error lost the Python exception it carried"),
    }
}

/// A binary file object read as `io::Read`.
struct PyReader<'a, 'py>(&'a Bound<'py, PyAny>);

impl Read for PyReader<'_, '_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let data = self.0.call_method1("read", (buf.len(),)).map_err(to_io)?;
        let bytes = data.cast::<PyBytes>().map_err(|_| {
            to_io(PyTypeError::new_err(
                "the source's read() must return bytes: open it in binary mode ('rb')",
            ))
        })?;
        let bytes = bytes.as_bytes();
        if bytes.len() > buf.len() {
            return Err(to_io(PyValueError::new_err(
                "the source's read(n) returned more than n bytes",
            )));
        }
        buf[..bytes.len()].copy_from_slice(bytes);
        Ok(bytes.len())
    }
}

/// A binary file object written as `io::Write`.
struct PyWriter<'a, 'py>(&'a Bound<'py, PyAny>);

impl Write for PyWriter<'_, '_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let bytes = PyBytes::new(self.0.py(), buf);
        let written = self.0.call_method1("write", (bytes,)).map_err(to_io)?;
        // Raw files may write less and say how much; buffered ones write all.
        if written.is_none() {
            return Ok(buf.len());
        }
        let n: usize = written.extract().map_err(to_io)?;
        Ok(n.min(buf.len()))
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.0.hasattr("flush").map_err(to_io)? {
            self.0.call_method0("flush").map_err(to_io)?;
        }
        Ok(())
    }
}

/// Adds enrich_line, Enricher and Summary to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Enricher>()?;
    m.add_class::<Summary>()?;
    m.add_function(wrap_pyfunction!(enrich_line, m)?)
}
