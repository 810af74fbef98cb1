//! What a caller should do about a failed request: the retry class of a code.

/// Whether and how to retry a request that failed with a code.
///
/// A program that acts on this class alone does the right thing: it never
/// loops on a credential that renewing cannot fix, and it never logs a user
/// back in after another login pushed them out. Every catalogue entry is
/// classified from the wording of its source by these rules, applied in
/// order; where an entry's wording allows two classes, the one that does
/// not retry automatically wins (so 6014, "not logged in or forcibly logged
/// out", is `after_remediation`).
///
/// 1. [`NotAFailure`](Self::NotAFailure): a success, or a pending success
///    state. Tencent 30539 (a friend request now waits for approval); Nexconn
///    25424 (a join request waits for an admin).
/// 2. [`Throttled`](Self::Throttled): a rate, frequency or call limit. Where
///    the text states a rate or interval the entry carries the delay
///    ([`crate::Explanation::retry_after`]), strictly above a "more than"
///    bound, and per operation where the limits differ
///    ([`crate::Explanation::retry_after_for`]). Tencent 60007 (REST call
///    rate); 8511 (five writes a second, 20 reads in five seconds).
/// 3. [`Conflict`](Self::Conflict): concurrent operations on the same state
///    collided, or the same operation is already running: re-read, then
///    redo. Tencent 10056 (custom attribute write conflict); 7501 (a login
///    already in progress).
/// 4. [`Reauthenticate`](Self::Reauthenticate): only where the program can
///    renew the credential itself and the retry then works: an expired or
///    missing UserSig, ticket, key or token, or a user not logged in yet.
///    Tencent 70001 (UserSig expired: generate a new one); 6026 (no login to
///    resume: call login).
/// 5. [`Transient`](Self::Transient): an internal error, a timeout or a
///    network failure, on either side. Tencent 70500 (internal server
///    error); 9508 (no network).
/// 6. [`AfterRemediation`](Self::AfterRemediation): retrying fails until
///    something outside the request changes. That covers a service, feature
///    or package not enabled (Tencent 72001), a quota or stored limit reached
///    (10047, 16 attribute keys), a relationship (20009), a missing
///    prerequisite call (6013, SDK not initialised), and two cases that look
///    like credentials but are not fixed by renewing them:
///    - a credential made wrongly (key, identity or app mismatch): Tencent
///      70009 (UserSig signed with another app's key), 70013 (UserSig made
///      for another UserID). Renewing it the same way fails the same way;
///    - a forced logout (another login, a concurrent-login limit): Tencent
///      6208 (logged in on another device), 91101 (too many web instances).
///      Tell the user; log in again only when they ask.
/// 7. [`Permanent`](Self::Permanent): the request itself is wrong or refused,
///    or already done: never retry it unchanged. Tencent 90001 (bad JSON);
///    10013 (already a member).
/// 8. [`Unknown`](Self::Unknown): the documentation gives no basis. Tencent
///    120001-130000 (a webhook's own codes); 6131 ("Data logic error").
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
    /// A credential expired or is missing (UserSig, ticket, key, token), or
    /// the user is not logged in yet: renew it or log in, then retry.
    Reauthenticate,
    /// Retrying fails until something outside the request changes: a service or
    /// package enabled, a quota, a console setting, a relationship, a
    /// prerequisite call, a credential made wrongly, a forced logout.
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
    /// Every class, in rule order.
    pub const ALL: &'static [Retryability] = &[
        Retryability::NotAFailure,
        Retryability::Throttled,
        Retryability::Conflict,
        Retryability::Reauthenticate,
        Retryability::Transient,
        Retryability::AfterRemediation,
        Retryability::Permanent,
        Retryability::Unknown,
    ];

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

    /// The class's name for people, e.g. `After remediation`.
    ///
    /// ```
    /// assert_eq!(chatcodes::Retryability::NotAFailure.title(), "Not a failure");
    /// ```
    pub const fn title(self) -> &'static str {
        match self {
            Self::Transient => "Transient",
            Self::Throttled => "Throttled",
            Self::Conflict => "Conflict",
            Self::Reauthenticate => "Reauthenticate",
            Self::AfterRemediation => "After remediation",
            Self::Permanent => "Permanent",
            Self::NotAFailure => "Not a failure",
            Self::Unknown => "Unknown",
        }
    }

    /// The rule that puts a code in this class, as the README's table and
    /// the generated references state it. The rules apply in the order of
    /// [`ALL`](Self::ALL); where a code's wording allows two classes, the
    /// one that does not retry automatically wins.
    ///
    /// ```
    /// let rule = chatcodes::Retryability::Transient.rule();
    /// assert_eq!(rule, "an internal error, a timeout or a network failure");
    /// ```
    pub const fn rule(self) -> &'static str {
        match self {
            Self::NotAFailure => "a success or a pending success state",
            Self::Throttled => {
                "a rate, frequency or call limit; the delay is carried where the text states one \
                 (retry_after_ms), strictly above a \"more than\" bound (90024: 1001 ms), and per \
                 operation where limits differ (8511: writes 200 ms, reads 250 ms; \
                 retry_after_for(Operation::Read))"
            }
            Self::Conflict => {
                "concurrent operations on the same state collided, or the same operation is \
                 already running: re-read, then redo"
            }
            Self::Reauthenticate => {
                "only where the program can renew the credential itself and the retry then \
                 works: an expired or missing UserSig, ticket, key or token, or a user not logged \
                 in yet"
            }
            Self::Transient => "an internal error, a timeout or a network failure",
            Self::AfterRemediation => {
                "fails until something outside the request changes: a service, feature or \
                 package not enabled; a quota or stored limit; a relationship; a missing \
                 prerequisite call; a credential made wrongly (key, identity or app mismatch: \
                 renewing it the same way fails the same way); a forced logout (another login, a \
                 concurrent-login limit: tell the user, log in again only when they ask)"
            }
            Self::Permanent => {
                "the request itself is wrong or refused, or already done: never retry it unchanged"
            }
            Self::Unknown => "the documentation gives no basis",
        }
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
)]
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
