//! Looking codes up: by number, by namespace, by API and by official name.
//!
//! Every function here is a perfect-hash lookup (plus, on a miss, a scan of the few
//! ranges) into tables compiled from `data/`; none allocates, none panics.

use crate::api::{Api, Shape, api_path};
use crate::explanation::Document;
use crate::explanation::Explanation;
use crate::tables::{
    CODES, DEFAULT_SHAPE, DOCUMENTS, ENTRIES, LONGEST_NAME, NAMES, Namespace, RANGES, RENAMED_APIS,
    REST_APIS,
};

/// The entry at `index` of the catalogue's one entry table.
pub(crate) fn entry(index: u16) -> &'static Explanation {
    &ENTRIES[usize::from(index)]
}

/// The entries of an exact code, best first: one probe of the PTRHash table.
fn exact(code: i64) -> &'static [u16] {
    CODES.get(code).copied().unwrap_or(&[])
}

/// The best explanation of `code` across all namespaces.
///
/// When a number has meanings in several namespaces, an exact code beats a
/// range, and among exact codes (or among ranges) the namespace precedence of
/// [`Namespace::ALL`] decides: Tencent server, Tencent SDK, Nexconn HTTP status,
/// Nexconn business codes. So `explain(1001)` is Tencent's operations-data
/// code, and `explain(404)` the Nexconn HTTP status. Use [`explain_all`] to see
/// every meaning, or [`explain_in`] to pick one namespace.
///
/// Codes of any integer type are accepted (`i32`, as client crates carry
/// them, `u16`, `i64`).
///
/// ```
/// let e = chatcodes::explain(70001).unwrap();
/// assert_eq!(e.name(), Some("ERR_SVR_ACCOUNT_USERSIG_EXPIRED"));
/// let from_a_client_crate: i32 = 70001;
/// assert_eq!(chatcodes::explain(from_a_client_crate), Some(e));
/// assert!(chatcodes::explain(i64::MAX).is_none());
/// ```
pub fn explain(code: impl Into<i64>) -> Option<&'static Explanation> {
    let code = code.into();
    match exact(code).first() {
        Some(&index) => Some(entry(index)),
        None => RANGES
            .iter()
            .find(|&&(first, last, _)| first <= code && code <= last)
            .map(|&(_, _, index)| entry(index)),
    }
}

/// Every namespace's explanation of `code`, best first (the first item is
/// [`explain`]'s answer). Each namespace appears at most once.
///
/// ```
/// use chatcodes::{explain_all, Vendor};
/// let vendors: Vec<Vendor> = explain_all(1001).map(|e| e.vendor()).collect();
/// assert_eq!(vendors, [Vendor::Tencent, Vendor::Nexconn]);
/// ```
pub fn explain_all(code: impl Into<i64>) -> ExplainAll {
    let code = code.into();
    let exact = exact(code);
    ExplainAll {
        code,
        exact,
        exact_iter: exact.iter(),
        ranges: RANGES.iter(),
    }
}

/// The iterator returned by [`explain_all`]: exact entries first, then range
/// entries of namespaces that had no exact entry.
///
/// ```
/// let mut meanings = chatcodes::explain_all(1001);
/// assert_eq!(meanings.next(), chatcodes::explain(1001));
/// assert_eq!(meanings.count(), 1);
/// ```
#[derive(Debug, Clone)]
pub struct ExplainAll {
    code: i64,
    exact: &'static [u16],
    exact_iter: std::slice::Iter<'static, u16>,
    ranges: std::slice::Iter<'static, (i64, i64, u16)>,
}

impl Iterator for ExplainAll {
    type Item = &'static Explanation;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(&index) = self.exact_iter.next() {
            return Some(entry(index));
        }
        let (code, exact) = (self.code, self.exact);
        self.ranges.by_ref().find_map(|&(first, last, index)| {
            let e = entry(index);
            let shadowed = exact.iter().any(|&i| entry(i).namespace == e.namespace);
            (first <= code && code <= last && !shadowed).then_some(e)
        })
    }
}

/// The explanation of `code` in one namespace: its exact entry, or the range
/// that covers it.
///
/// ```
/// use chatcodes::{explain_in, Namespace};
/// let e = explain_in(Namespace::NexconnBusiness, 1001).unwrap();
/// assert_eq!(e.description(), "Incorrect App Secret.");
/// assert!(explain_in(Namespace::TencentSdk, 1001).is_none());
/// ```
pub fn explain_in(namespace: Namespace, code: impl Into<i64>) -> Option<&'static Explanation> {
    let code = code.into();
    let own = |namespace| explain_all(code).find(|e| e.namespace == namespace);
    own(namespace).or_else(|| namespace.passes_through().and_then(own))
}

/// The explanation of `code` as returned by one REST API, in that API's own
/// words where it documents them (`v4/sns/friend_add`, `v4/sns/friend_update`),
/// otherwise the entry of the API's namespace.
///
/// `api` is the API path as people write it: `v4/sns/friend_add`,
/// `sns/friend_add`, `/v4/sns/friend_add` or a whole request URL. Every
/// Tencent REST API lives in the Tencent server namespace, so an API without
/// a table of its own gives the server entry. (`chatcodes::rest_api`, with
/// the `response` feature, tells a documented API from a misspelled one.)
///
/// ```
/// let e = chatcodes::explain_for_api("v4/sns/friend_add", 30010).unwrap();
/// assert_eq!(e.description(), "Your friend list is full.");
/// assert_eq!(e.api(), Some("v4/sns/friend_add"));
/// // Any form of the name.
/// let url = "https://console.tim.qq.com/v4/sns/friend_add?sdkappid=1";
/// assert_eq!(chatcodes::explain_for_api(url, 30010), Some(e));
/// // Not in that API's table: the server entry.
/// let e = chatcodes::explain_for_api("v4/sns/friend_add", 70001).unwrap();
/// assert_eq!(e.api(), None);
/// ```
pub fn explain_for_api(api: &str, code: impl Into<i64>) -> Option<&'static Explanation> {
    let code = code.into();
    match Api::find(api) {
        Some(api) => api.explain(code),
        None => explain_in(Namespace::TencentServer, code),
    }
}

/// The entry with this official name, ignoring ASCII case and surrounding
/// blanks (`ERR_SVR_ACCOUNT_USERSIG_EXPIRED`, `err_svr_account_usersig_expired`).
///
/// ```
/// let e = chatcodes::explain_name(" err_in_progess ").unwrap();
/// assert_eq!(e.codes(), chatcodes::Codes::Exact(6015));
/// assert!(chatcodes::explain_name("NO_SUCH_NAME").is_none());
/// ```
pub fn explain_name(name: &str) -> Option<&'static Explanation> {
    let name = name.trim().as_bytes();
    if name.len() > LONGEST_NAME {
        return None;
    }
    let mut buffer = [0u8; LONGEST_NAME];
    let upper = &mut buffer[..name.len()];
    upper.copy_from_slice(name);
    upper.make_ascii_uppercase();
    let upper = std::str::from_utf8(upper).ok()?;
    NAMES.get(upper).map(|&index| entry(index))
}

/// Every entry of every namespace, in data order (namespace precedence, then
/// file, then position in the file). Per-API wordings are not included; see
/// [`api_entries`].
pub fn entries() -> impl ExactSizeIterator<Item = &'static Explanation> {
    let namespace_entries = ENTRIES.len() - api_entry_count();
    ENTRIES[..namespace_entries].iter()
}

/// Every per-API entry (the API's own wording of a code).
pub fn api_entries() -> impl ExactSizeIterator<Item = &'static Explanation> {
    ENTRIES[ENTRIES.len() - api_entry_count()..].iter()
}

fn api_entry_count() -> usize {
    REST_APIS
        .iter()
        .filter_map(|api| api.rows)
        .map(|rows| rows.slots.len())
        .sum()
}

/// Every document the catalogue cites (`data/sources.toml`), in file order.
///
/// ```
/// let docs = chatcodes::documents();
/// let page = docs.iter().find(|d| d.id == "tencent-error-codes").unwrap();
/// assert_eq!(page.url, Some("https://intl.cloud.tencent.com/document/product/1047/34348"));
/// assert!(chatcodes::entries().all(|e| docs.contains(e.source().document)));
/// ```
pub fn documents() -> &'static [Document] {
    DOCUMENTS
}

/// Every documented REST API, sorted by path.
///
/// ```
/// let apis = chatcodes::apis();
/// assert!(apis.iter().any(|a| a.path() == "v4/openim_dirty_words/add"));
/// assert!(apis.windows(2).all(|w| w[0].path() < w[1].path()));
/// ```
pub fn apis() -> &'static [Api] {
    REST_APIS
}

impl Api {
    /// The API named by `name` in any form people use: `v4/sns/friend_add`,
    /// `sns/friend_add`, `/v4/sns/friend_add`, a whole request URL with its
    /// query string, or an older name of the API. Case matters, as it does
    /// to the service (`v4/ConfigSvc/GetIPList`). `None` for anything else
    /// (`chatcodes::rest_api`, with the `response` feature, also gives the
    /// closest names).
    pub fn find(name: &str) -> Option<&'static Api> {
        let path = api_path(name);
        let command = path.strip_prefix("v4/").unwrap_or(path);
        let without_v4 = |p: &'static str| p.strip_prefix("v4/").unwrap_or(p);
        if let Ok(i) = REST_APIS.binary_search_by(|a| without_v4(a.path).cmp(command)) {
            return Some(&REST_APIS[i]);
        }
        RENAMED_APIS
            .iter()
            .find(|(old, _)| without_v4(old) == command)
            .map(|&(_, i)| &REST_APIS[usize::from(i)])
    }

    /// The explanation of `code` as this API returns it: its own row where
    /// its page documents the code (in the API's own wording where the page
    /// adds a fact), else its namespace's entry.
    pub fn explain(&self, code: impl Into<i64>) -> Option<&'static Explanation> {
        let code = code.into();
        match self.rows.and_then(|rows| rows.get(code)) {
            Some(&index) => Some(entry(index)),
            None => explain_in(self.namespace, code),
        }
    }
}

impl Shape {
    /// The places any documented API reports per-item outcomes in, merged by
    /// array: what a body is read with when its API is not known.
    ///
    /// ```
    /// let generic = chatcodes::Shape::generic();
    /// assert!(generic.item_arrays().iter().any(|a| a.path() == "RecallRetList"));
    /// ```
    pub fn generic() -> &'static Shape {
        &DEFAULT_SHAPE
    }
}
