//! The `chatcodes` command's code, as a library for its binary and for the
//! fuzz targets that exercise whole command paths (`fuzz/`). Not a stable
//! API: programs use the `chatcodes` crate.

mod cli;

pub use cli::run;

/// `chatcodes check`'s report, for fuzzing the whole path from a body to
/// the text and JSON reports.
pub mod check {
    pub use crate::cli::check::{CheckFormat, write_report};
    pub use crate::cli::text::Style;
}
