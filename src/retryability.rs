//! What a caller should do about a failed request: the retry class of a code.

/// Whether and how to retry a request that failed with a code.
///
/// Every catalogue entry is classified from the wording of its source, by
/// these rules, applied in order:
///
/// 1. [`NotAFailure`](Self::NotAFailure): the documentation says the outcome is a
///    success or a pending success state (Tencent 30539, a friend request waiting
///    for approval; Nexconn HTTP 200; Nexconn 25461, the same pending friend
///    request).
/// 2. [`Throttled`](Self::Throttled): the wording names a rate, a frequency or
///    call limit, "too many requests", "too frequent" or a request filtered for
///    coming too often. Where the text states a rate or interval, the entry also
///    carries the minimum delay ([`crate::Explanation::retry_after`]).
/// 3. [`Conflict`](Self::Conflict): concurrent operations on the same state
///    collided (write conflicts, concurrent modification, an operation already
///    in progress).
/// 4. [`Reauthenticate`](Self::Reauthenticate): a credential or login state is
///    expired, missing or invalid (UserSig, ticket, key, A2, signature, App
///    Secret, forced logout).
/// 5. [`Transient`](Self::Transient): an internal error, a timeout or a network
///    failure, on either side.
/// 6. [`AfterRemediation`](Self::AfterRemediation): retrying fails until something
///    outside the request changes: a service, feature or package is not enabled,
///    a quota or account-level limit is reached, a console setting, a
///    relationship (friend, blocklist, mute), or a prerequisite call (init,
///    login) is missing.
/// 7. [`Permanent`](Self::Permanent): the request itself is wrong or refused
///    (invalid or missing parameter, too long, does not exist, not allowed for
///    this caller, already done). Never retry it unchanged.
/// 8. [`Unknown`](Self::Unknown): the documentation gives no basis ("Unknown
///    error", "Data logic error", a webhook's own custom codes).
///
/// The snake_case names (`transient`, `after_remediation`, ...) are part of the
/// API: [`Display`](std::fmt::Display), [`FromStr`](std::str::FromStr) and serde
/// use them.
///
/// ```
/// use chatcodes::Retryability;
/// let r = chatcodes::explain(70001).unwrap().retryability();
/// assert_eq!(r, Retryability::Reauthenticate);
/// assert_eq!(r.to_string(), "reauthenticate");
/// assert_eq!("after_remediation".parse::<Retryability>(), Ok(Retryability::AfterRemediation));
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    strum::Display,
    strum::EnumString,
    strum::EnumIter,
    strum::IntoStaticStr,
    strum::EnumCount,
    serde::Serialize,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum Retryability {
    /// Retry the same request with backoff: an internal error, a timeout or
    /// network trouble.
    Transient,
    /// A rate or frequency limit: back off, for at least the documented delay
    /// when there is one.
    Throttled,
    /// Concurrent writes collided: re-read the state, then redo the operation.
    Conflict,
    /// Credentials expired or invalid (UserSig, ticket, key, login): renew them,
    /// then retry.
    Reauthenticate,
    /// Retrying fails until something outside the request changes: a service or
    /// package enabled, a quota, a console setting, a relationship, a
    /// prerequisite call.
    AfterRemediation,
    /// The request itself is wrong or refused: never retry it unchanged.
    Permanent,
    /// Not an error: a successful or pending state (30539, a friend request now
    /// awaiting approval) that callers must tell apart from failures.
    NotAFailure,
    /// The documentation gives no basis for a decision.
    Unknown,
}

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
