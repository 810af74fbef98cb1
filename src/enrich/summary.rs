//! What an enricher reports: the outcome of a line and the counts of a
//! stream.

/// What [`Enricher::line`](super::Enricher::line) did with a line.
///
/// ```
/// use chatcodes::enrich::{Enricher, LineOutcome};
/// let mut out = Vec::new();
/// let mut e = Enricher::new();
/// assert_eq!(e.line(b"not json", &mut out)?, LineOutcome::NotJson);
/// assert_eq!(e.line(br#"{"ErrorCode":0}"#, &mut out)?, LineOutcome::Unchanged);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineOutcome {
    /// At least one code was explained; `unknown_codes` of them are not in
    /// the catalogue and were marked `"unknown": true`.
    Enriched {
        /// How many of the explained codes the catalogue does not know.
        unknown_codes: u32,
    },
    /// A JSON object with no non-zero code to explain.
    Unchanged,
    /// Not a JSON object: not JSON, not UTF-8, nested too deeply, or JSON
    /// whose top level is not an object. Passed through untouched.
    NotJson,
}

/// Counts of a [`stream`](super::Enricher::stream) run.
///
/// ```
/// let log = b"{\"ErrorCode\":70001}\nplain text\n";
/// let summary = chatcodes::enrich::Enricher::new().stream(&log[..], Vec::new())?;
/// assert_eq!((summary.lines, summary.enriched, summary.not_json), (2, 1, 1));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Lines read (and written).
    pub lines: u64,
    /// Lines that got at least one explanation.
    pub enriched: u64,
    /// Codes explained as unknown to the catalogue.
    pub unknown_codes: u64,
    /// Lines passed through because they are not JSON objects (every line
    /// is validated, whether or not it has a code field).
    pub not_json: u64,
}

impl Summary {
    /// Adds the counts of `other`.
    pub(super) fn add(&mut self, other: &Summary) {
        self.lines += other.lines;
        self.enriched += other.enriched;
        self.unknown_codes += other.unknown_codes;
        self.not_json += other.not_json;
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} lines, {} enriched, {} unknown codes, {} passed through as not JSON",
            self.lines, self.enriched, self.unknown_codes, self.not_json
        )
    }
}
