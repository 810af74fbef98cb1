//! What a caller should do about a failed request: the retry class of a
//! code. [`Retryability`] itself is generated from `data/retryability.toml`
//! (its variants, names, titles and rules); what the classes mean to a
//! program is here.

pub use crate::enums::Retryability;

impl Retryability {
    /// Whether sending the same request again, unchanged, can succeed
    /// once a backoff has passed (`transient`, `throttled`). A `conflict` needs
    /// the state re-read first, so it is not included.
    ///
    /// ```
    /// use chatcodes::Retryability;
    /// assert!(Retryability::Throttled.may_retry_unchanged());
    /// assert!(!Retryability::Permanent.may_retry_unchanged());
    /// ```
    pub const fn may_retry_unchanged(self) -> bool {
        matches!(self, Self::Transient | Self::Throttled)
    }

    /// Whether the code reports a failure (everything but `not_a_failure`).
    pub const fn is_failure(self) -> bool {
        !matches!(self, Self::NotAFailure)
    }
}

/// The kind of operation a throttled call made, for codes whose documented
/// limits differ by operation (Tencent 8511: five writes a second, but 20
/// reads in five seconds). See [`crate::Explanation::retry_after_for`].
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    strum::Display,
    strum::EnumString,
    strum::EnumIter,
    strum::IntoStaticStr,
    serde::Serialize,
    serde::Deserialize,
)]
///
/// ```
/// use chatcodes::{Operation, explain};
/// let e = explain(8511).unwrap();
/// assert!(e.retry_after_for(Operation::Read) > e.retry_after_for(Operation::Write));
/// ```
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum Operation {
    /// Reading state (get, query, pull).
    Read,
    /// Changing state (create, update, delete, set).
    Write,
}

impl Operation {
    /// Every operation kind.
    pub const ALL: &'static [Operation] = &[Operation::Read, Operation::Write];
}
