//! The catalogue compiled by `build.rs` from `data/`: the documents, the
//! entry table, the perfect-hash tables and the REST APIs (the enums are in
//! `enums`).

pub(crate) use crate::enums::Namespace;
pub(crate) use generated::{
    CATALOGUE_VERSION, CODES, DEFAULT_SHAPE, DOCUMENTS, ENTRIES, LONGEST_NAME, NAMES, RANGES,
    RENAMED_APIS, REST_APIS,
};

/// The items `build.rs` writes from `data/`. Its lint allows cover the
/// generated code only: codes as written (`70001`, not `70_001`), long
/// tables.
#[allow(clippy::unreadable_literal, clippy::large_const_arrays)]
mod generated {
    use crate::api::{Api, Dropped, FailList, ItemArray, Repeat, Shape};
    use crate::enums::{Category, Namespace, Retryability};
    use crate::explanation::{Codes, Document, Explanation, Source, Zh};
    use crate::perfect::PerfectMap;
    use crate::retryability::Operation;

    include!(concat!(env!("OUT_DIR"), "/catalog.rs"));
}
