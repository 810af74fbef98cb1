//! [`Explanation`]: everything the catalogue knows about one code.

use std::fmt;
use std::time::Duration;

use serde::ser::{Serialize, Serializer};

use crate::enums::Retryability;
use crate::enums::{Category, Namespace, Vendor};
use crate::retryability::Operation;

/// The code or codes an entry covers: one number, or an inclusive range.
///
/// Displays as `70001` or `120001-130000`.
///
/// ```
/// use chatcodes::{Codes, explain};
/// assert_eq!(explain(70001).unwrap().codes(), Codes::Exact(70001));
/// let range = explain(125000).unwrap().codes();
/// assert!(range.contains(125000) && range.to_string() == "120001-130000");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Codes {
    /// A single code.
    Exact(i64),
    /// Every code from `first` to `last`, both included.
    Range {
        /// The lowest code of the range.
        first: i64,
        /// The highest code of the range.
        last: i64,
    },
}

impl Codes {
    /// Whether `code` is covered.
    ///
    /// ```
    /// use chatcodes::Codes;
    /// assert!(Codes::Range { first: 120001, last: 130000 }.contains(125000));
    /// assert!(!Codes::Exact(70001).contains(70002));
    /// ```
    pub const fn contains(self, code: i64) -> bool {
        match self {
            Codes::Exact(c) => c == code,
            Codes::Range { first, last } => first <= code && code <= last,
        }
    }

    /// The lowest code covered.
    pub const fn first(self) -> i64 {
        match self {
            Codes::Exact(c) | Codes::Range { first: c, .. } => c,
        }
    }

    /// The highest code covered.
    pub const fn last(self) -> i64 {
        match self {
            Codes::Exact(c) | Codes::Range { last: c, .. } => c,
        }
    }
}

impl fmt::Display for Codes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Codes::Exact(c) => write!(f, "{c}"),
            Codes::Range { first, last } => write!(f, "{first}-{last}"),
        }
    }
}

impl Serialize for Codes {
    /// An exact code serializes as a number, a range as the string `first-last`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Codes::Exact(c) => s.serialize_i64(*c),
            Codes::Range { .. } => s.collect_str(self),
        }
    }
}

/// A public document the catalogue's facts come from, as listed in
/// `data/sources.toml`: a vendor's web page, a page in a public repository,
/// or an SDK header.
///
/// Displays as its title and, where it has one, its address.
///
/// ```
/// let doc = chatcodes::explain(70001).unwrap().source().document;
/// assert_eq!(doc.id, "tencent-error-codes");
/// assert!(doc.url.is_some());
/// ```
#[derive(Debug, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Document {
    /// The short name data/ uses for it, e.g. `tencent-error-codes`.
    pub id: &'static str,
    /// What it is, e.g. `Tencent Cloud Chat documentation: Error Codes`.
    pub title: &'static str,
    /// Its public web address, where it has a stable one.
    pub url: Option<&'static str>,
    /// A public repository holding it (`owner/name`).
    pub repository: Option<&'static str>,
    /// Its path in [`repository`](Self::repository).
    pub path: Option<&'static str>,
    /// The commit of [`repository`](Self::repository) it was read at.
    pub commit: Option<&'static str>,
    /// The date it was read, `YYYY-MM-DD`.
    pub read: &'static str,
    /// Anything a reader should know, e.g. that a copy is older.
    pub note: Option<&'static str>,
}

impl fmt::Display for Document {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.title)?;
        match (self.url, self.repository, self.path) {
            (Some(url), _, _) => write!(f, " <{url}>"),
            (None, Some(repo), Some(path)) => write!(f, " ({repo}: {path})"),
            _ => Ok(()),
        }
    }
}

/// Where a piece of knowledge came from: a [`Document`] and the section
/// within it.
///
/// Displays as `Tencent Cloud Chat documentation: Error Codes
/// <https://intl.cloud.tencent.com/document/product/1047/34348>, 2. Server
/// Error Codes > Account error codes`.
///
/// ```
/// let source = chatcodes::explain(70001).unwrap().source();
/// assert_eq!(source.section, "2. Server Error Codes > Account error codes");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Source {
    /// The document.
    pub document: &'static Document,
    /// The section of the document, e.g. `2. Server Error Codes > Account error codes`.
    pub section: &'static str,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, {}", self.document, self.section)
    }
}

impl Serialize for Source {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Everything the catalogue knows about one code in one namespace (or about a
/// code as one API words it).
///
/// All data is `'static`: lookups return references into tables compiled from
/// `data/`, with no parsing and no allocation.
///
/// ```
/// use chatcodes::{explain, Category, Namespace, Retryability};
/// let e = explain(8512).unwrap();
/// assert_eq!(e.namespace(), Namespace::TencentSdk);
/// assert_eq!(e.category(), Category::Group);
/// assert_eq!(e.retryability(), Retryability::Throttled);
/// assert_eq!(e.retry_after(), Some(std::time::Duration::from_secs(60)));
/// ```
#[derive(Debug, PartialEq, Eq)]
pub struct Explanation {
    pub(crate) codes: Codes,
    pub(crate) namespace: Namespace,
    pub(crate) category: Category,
    pub(crate) name: Option<&'static str>,
    pub(crate) description: &'static str,
    pub(crate) retryability: Retryability,
    pub(crate) retry_after_ms: Option<u32>,
    pub(crate) retry_after_by_operation: &'static [(Operation, u32)],
    pub(crate) remedy: &'static str,
    pub(crate) already_done: Option<&'static str>,
    pub(crate) note: Option<&'static str>,
    pub(crate) causes: &'static [&'static str],
    /// (index into `causes`, markers that must all occur in a message).
    pub(crate) cause_hints: &'static [(usize, &'static [&'static str])],
    pub(crate) causes_source: Option<Source>,
    pub(crate) source: Source,
    pub(crate) api: Option<&'static str>,
    pub(crate) aliases: &'static [&'static str],
    pub(crate) retired: bool,
    /// Its place in the catalogue's entry table, for caches keyed by entry.
    pub(crate) index: u16,
    /// Its text in Chinese.
    pub(crate) zh: Zh,
}

/// An entry's text in Chinese: every entry has it (the build requires it).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Zh {
    pub(crate) description: &'static str,
    pub(crate) remedy: &'static str,
    pub(crate) causes: &'static [&'static str],
    pub(crate) note: Option<&'static str>,
    pub(crate) already_done: Option<&'static str>,
}

impl Explanation {
    /// The code, or the range of codes, this entry covers.
    pub const fn codes(&self) -> Codes {
        self.codes
    }

    /// The vendor whose service returns the code.
    pub const fn vendor(&self) -> Vendor {
        self.namespace.vendor()
    }

    /// The namespace (vendor and domain) the code is defined in.
    pub const fn namespace(&self) -> Namespace {
        self.namespace
    }

    /// The section of the vendor's documentation, e.g. `relationship_chain`.
    pub const fn category(&self) -> Category {
        self.category
    }

    /// The vendor's official constant name, e.g. `ERR_SVR_ACCOUNT_USERSIG_EXPIRED`
    /// (Tencent, spelled as in `TIMErrorCode.h`, typos included) or the short
    /// name of an HTTP status (`Too many requests`). `None` where the vendor
    /// publishes none.
    pub const fn name(&self) -> Option<&'static str> {
        self.name
    }

    /// What the code means, in the source document's wording.
    pub const fn description(&self) -> &'static str {
        self.description
    }

    /// Whether and how to retry; see [`Retryability`] for the rules.
    pub const fn retryability(&self) -> Retryability {
        self.retryability
    }

    /// The documented minimum wait before retrying, in milliseconds, for
    /// throttled codes whose text states a rate or interval.
    pub const fn retry_after_ms(&self) -> Option<u32> {
        self.retry_after_ms
    }

    /// [`retry_after_ms`](Self::retry_after_ms) as a [`Duration`].
    pub const fn retry_after(&self) -> Option<Duration> {
        match self.retry_after_ms {
            Some(ms) => Some(Duration::from_millis(ms as u64)),
            None => None,
        }
    }

    /// The documented minimum wait before retrying an operation of this
    /// kind, in milliseconds. For codes whose limits differ by operation it
    /// is that operation's own delay; otherwise it is
    /// [`retry_after_ms`](Self::retry_after_ms), which is always the longest.
    ///
    /// ```
    /// use chatcodes::{explain_in, Namespace, Operation};
    /// let e = explain_in(Namespace::TencentSdk, 8511).unwrap();
    /// assert_eq!(e.retry_after_ms_for(Operation::Write), Some(200)); // five writes a second
    /// assert_eq!(e.retry_after_ms_for(Operation::Read), Some(250));  // 20 reads in five seconds
    /// assert_eq!(e.retry_after_ms(), Some(250));                     // operation unknown
    /// ```
    pub fn retry_after_ms_for(&self, operation: Operation) -> Option<u32> {
        self.retry_after_by_operation
            .iter()
            .find(|(op, _)| *op == operation)
            .map(|&(_, ms)| ms)
            .or(self.retry_after_ms)
    }

    /// [`retry_after_ms_for`](Self::retry_after_ms_for) as a [`Duration`].
    pub fn retry_after_for(&self, operation: Operation) -> Option<Duration> {
        self.retry_after_ms_for(operation)
            .map(|ms| Duration::from_millis(u64::from(ms)))
    }

    /// The delays that differ by operation, where the source documents them.
    pub fn retry_after_by_operation(&self) -> &'static [(Operation, u32)] {
        self.retry_after_by_operation
    }

    /// What to do about the code: a specific action, not the description again.
    pub const fn remedy(&self) -> &'static str {
        self.remedy
    }

    /// Known causes, from the vendor's FAQ, where it lists them (for example the
    /// seven causes of Tencent 30001). Empty for most codes.
    pub const fn causes(&self) -> &'static [&'static str] {
        self.causes
    }

    /// The cause a service message points to, when the catalogue knows it:
    /// for example the `ErrorInfo` `Err_SNS_BlackListAdd_Already_Exist` under
    /// 30001 points to "user B is already in user A's blocklist".
    ///
    /// ```
    /// let e = chatcodes::explain(30001).unwrap();
    /// let cause = e.cause_for("Err_SNS_BlackListAdd_Already_Exist").unwrap();
    /// assert!(cause.contains("already in user A’s blocklist"));
    /// assert_eq!(e.cause_for("something else"), None);
    /// ```
    pub fn cause_for(&self, message: &str) -> Option<&'static str> {
        self.cause_hints
            .iter()
            .find(|(_, markers)| markers.iter().all(|m| message.contains(m)))
            .and_then(|&(i, _)| self.causes.get(i).copied())
    }

    /// Where [`causes`](Self::causes) came from, when there are any.
    pub const fn causes_source(&self) -> Option<&Source> {
        self.causes_source.as_ref()
    }

    /// Where the description came from.
    pub const fn source(&self) -> &Source {
        &self.source
    }

    /// The API whose own wording this is (`v4/sns/friend_add`), for entries
    /// returned by [`crate::explain_for_api`] from a per-API table.
    pub const fn api(&self) -> Option<&'static str> {
        self.api
    }

    /// Other names that lead to this entry through
    /// [`crate::explain_name`]: strings that real responses carry in
    /// `ErrorInfo` (`Err_SNS_GroupAdd_ToTinyId_Not_Friend`) and other enum
    /// names of the same code.
    ///
    /// ```
    /// let e = chatcodes::explain_name("Err_SNS_GroupAdd_ToTinyId_Not_Friend").unwrap();
    /// assert_eq!(e.codes(), chatcodes::Codes::Exact(32216));
    /// assert!(e.aliases().contains(&"Err_SNS_GroupAdd_ToTinyId_Not_Friend"));
    /// ```
    pub const fn aliases(&self) -> &'static [&'static str] {
        self.aliases
    }

    /// On a REST API whose row says so, the code means that what the request
    /// wanted already holds (`destroy_group` answering 10010: the group is
    /// already gone): why. The service still reported a failure, so
    /// [`is_failure`](Self::is_failure) stays `true`; a program that repeats
    /// deletes and adds on purpose may treat it as done.
    ///
    /// ```
    /// let e = chatcodes::explain_for_api("v4/group_open_http_svc/destroy_group", 10010).unwrap();
    /// assert!(e.already_done().unwrap().contains("already gone"));
    /// assert!(e.is_failure() && !e.retryability().may_retry_unchanged());
    /// // In general, 10010 is only a failure.
    /// assert!(chatcodes::explain(10010).unwrap().already_done().is_none());
    /// ```
    pub const fn already_done(&self) -> Option<&'static str> {
        self.already_done
    }

    /// A fact beside the description, where the sources give one: what the
    /// number meant in older SDKs (RongCloud's 31023), or a limit another
    /// document states differently.
    ///
    /// ```
    /// use chatcodes::{Namespace, explain_in};
    /// let e = explain_in(Namespace::NexconnClient, 31023).unwrap();
    /// assert!(e.note().unwrap().starts_with("Before"));
    /// ```
    pub const fn note(&self) -> Option<&'static str> {
        self.note
    }

    /// Whether only older material documents the code (a page or header
    /// the vendor has since replaced): the code may no longer be returned.
    pub const fn is_retired(&self) -> bool {
        self.retired
    }

    /// Whether the code reports a failure; `false` only for
    /// [`Retryability::NotAFailure`] codes such as 30539.
    pub const fn is_failure(&self) -> bool {
        self.retryability.is_failure()
    }
}

impl fmt::Display for Explanation {
    /// One line: `70001 ERR_SVR_ACCOUNT_USERSIG_EXPIRED (tencent_server/account, reauthenticate): UserSig expired. ...`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.display_in(crate::Lang::En))
    }
}
