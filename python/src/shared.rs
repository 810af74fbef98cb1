//! One Python object per catalogue entry and language, made on first use:
//! explaining a code again returns the same `Explanation`, so a lookup costs
//! no allocation, as a dict lookup does not.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

use chatcodes::{Codes, Lang};

use crate::Explanation;

/// The objects, by entry index (namespace entries, then per-API ones) and language.
type Objects = Box<[[PyOnceLock<Py<Explanation>>; 2]]>;

/// Every entry, and a place for each one's objects.
struct Table {
    entries: Vec<&'static chatcodes::Explanation>,
    objects: Objects,
}

fn table(py: Python<'_>) -> &'static Table {
    static TABLE: PyOnceLock<Table> = PyOnceLock::new();
    TABLE.get_or_init(py, || {
        let entries: Vec<_> = chatcodes::entries()
            .chain(chatcodes::api_entries())
            .collect();
        let objects = entries
            .iter()
            .map(|_| [PyOnceLock::new(), PyOnceLock::new()])
            .collect();
        Table { entries, objects }
    })
}

/// The index of `entry` in the table, if the entries are one array (as they
/// are); `None` sends the caller to a new object.
fn index(table: &Table, entry: &'static chatcodes::Explanation) -> Option<usize> {
    let first = *table.entries.first()? as *const chatcodes::Explanation as usize;
    let at = (entry as *const chatcodes::Explanation as usize).checked_sub(first)?;
    let index = at / std::mem::size_of::<chatcodes::Explanation>().max(1);
    table
        .entries
        .get(index)
        .filter(|e| std::ptr::eq(**e, entry))
        .map(|_| index)
}

/// The explanation of `entry` for `code` (or for the entry itself), in
/// `lang`: the shared object for an entry of one code, a new one for a code
/// inside a range (which carries the code asked about).
pub fn explanation(
    py: Python<'_>,
    entry: &'static chatcodes::Explanation,
    code: Option<i64>,
    lang: Lang,
) -> PyResult<Py<Explanation>> {
    let table = table(py);
    let slot = match (entry.codes(), index(table, entry)) {
        (Codes::Exact(_), Some(index)) => &table.objects[index][usize::from(lang == Lang::Zh)],
        _ => return Py::new(py, Explanation::new(entry, code, lang)),
    };
    if let Some(object) = slot.get(py) {
        return Ok(object.clone_ref(py));
    }
    let object = Py::new(py, Explanation::new(entry, code, lang))?;
    Ok(slot.get_or_init(py, || object).clone_ref(py))
}
