//! REST APIs: one [`Api`] per documented Tencent REST API, with everything
//! the catalogue knows of it: its own rows (the codes its page documents, in
//! its own wording where the page adds a fact), where its responses report
//! per-item outcomes ([`Shape`]), and the names older pages give it. Finding
//! one and explaining a code in it read the generated tables, so those
//! functions are with the other lookups (`lookup.rs`).

use crate::enums::Namespace;
use crate::perfect::PerfectMap;

/// One documented REST API, e.g. `v4/sns/friend_add`. Found by any form
/// people type with [`Api::find`]; every one is in [`apis`](crate::apis).
///
/// ```
/// use chatcodes::Api;
/// let api = Api::find("https://console.tim.qq.com/v4/sns/friend_add?sdkappid=1").unwrap();
/// assert_eq!(api.path(), "v4/sns/friend_add");
/// assert_eq!(api.explain(30010).unwrap().description(), "Your friend list is full.");
/// // An older page's name is the same API.
/// let muted = Api::find("group_open_http_svc/get_group_shutted_uin").unwrap();
/// assert_eq!(muted.path(), "v4/group_open_http_svc/get_group_muted_account");
/// ```
pub struct Api {
    pub(crate) path: &'static str,
    pub(crate) namespace: Namespace,
    /// Its own rows: code -> entry index.
    pub(crate) rows: Option<&'static PerfectMap<i64, u16>>,
    pub(crate) shape: Option<&'static Shape>,
    pub(crate) renamed_from: &'static [&'static str],
    pub(crate) repeat: Repeat,
}

/// Whether repeating the same request can do its work twice: send a message
/// twice, import it twice, add a counter twice. From each API's page.
///
/// ```
/// use chatcodes::{Api, Repeat};
/// let send = Api::find("v4/openim/sendmsg").unwrap().repeat();
/// assert!(!send.is_safe());
/// assert!(send.how().unwrap().contains("MsgRandom"));
/// assert_eq!(Api::find("v4/sns/friend_delete").unwrap().repeat(), Repeat::Safe);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Repeat {
    /// It cannot: queries, deletes, sets to a given value, imports keyed by
    /// an ID the service refuses twice.
    Safe,
    /// It can, unless the request carries the field the service
    /// de-duplicates on: how to resend safely.
    SafeWith(&'static str),
    /// It can, and the API has no way to make a resend safe: what happens.
    Unsafe(&'static str),
}

impl Repeat {
    /// Whether the same request can be sent again without doing its work
    /// twice, as it is.
    pub const fn is_safe(self) -> bool {
        matches!(self, Repeat::Safe)
    }

    /// How a resend is made safe, or what a resend does, when it is not safe.
    pub const fn how(self) -> Option<&'static str> {
        match self {
            Repeat::Safe => None,
            Repeat::SafeWith(how) | Repeat::Unsafe(how) => Some(how),
        }
    }
}

impl std::fmt::Debug for Api {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Api")
            .field("path", &self.path)
            .field("namespace", &self.namespace)
            .field("has_own_rows", &self.rows.is_some())
            .field("shape", &self.shape)
            .field("renamed_from", &self.renamed_from)
            .field("repeat", &self.repeat)
            .finish()
    }
}

impl PartialEq for Api {
    fn eq(&self, other: &Self) -> bool {
        self.path == other.path
    }
}

impl Eq for Api {}

impl std::fmt::Display for Api {
    /// The path, `v4/sns/friend_add`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.path)
    }
}

impl Api {
    /// The path, as in the request URL: `v4/sns/friend_add`.
    pub fn path(&self) -> &'static str {
        self.path
    }

    /// The namespace its codes are explained in ([`Namespace::TencentServer`]).
    pub fn namespace(&self) -> Namespace {
        self.namespace
    }

    /// Whether repeating the same request can do its work twice.
    pub fn repeat(&self) -> Repeat {
        self.repeat
    }

    /// The names older documentation pages give the API
    /// (`v4/group_open_http_svc/get_group_shutted_uin`).
    pub fn renamed_from(&self) -> &'static [&'static str] {
        self.renamed_from
    }

    /// Whether its page documents codes of its own (some pages have no
    /// error table).
    pub fn has_own_rows(&self) -> bool {
        self.rows.is_some()
    }

    /// Where its responses report per-item outcomes, when they do
    /// (`ResultItem[]` on `v4/sns/friend_add`).
    ///
    /// ```
    /// let shape = chatcodes::Api::find("v4/sns/friend_add").unwrap().shape().unwrap();
    /// assert!(shape.item_arrays().iter().any(|a| a.path() == "ResultItem"));
    /// // Its outcome is the top-level ErrorCode alone.
    /// assert!(chatcodes::Api::find("v4/profile/portrait_set").unwrap().shape().is_none());
    /// ```
    pub fn shape(&self) -> Option<&'static Shape> {
        self.shape
    }
}

/// The API path in `text`: without scheme, host, query string, fragment or
/// surrounding slashes.
pub(crate) fn api_path(text: &str) -> &str {
    let mut s = text.trim();
    if let Some(end) = s.find(['?', '#']) {
        s = &s[..end];
    }
    if let Some((_, rest)) = s.split_once("://") {
        s = rest.find('/').map_or("", |i| &rest[i..]);
    }
    s.trim_matches('/')
}

/// Where a REST API's responses report per-item outcomes, from
/// `data/tencent/responses.toml`: arrays of item results, lists of failed
/// items and fields saying a message was dropped.
///
/// ```
/// let shape = chatcodes::Api::find("v4/sns/friend_add").unwrap().shape().unwrap();
/// assert!(shape.fail_lists().iter().any(|f| f.path() == "Fail_Account"));
/// ```
#[derive(Debug)]
pub struct Shape {
    pub(crate) items: &'static [ItemArray],
    pub(crate) fail_lists: &'static [FailList],
    pub(crate) dropped: &'static [Dropped],
}

impl Shape {
    /// The arrays of per-item results (`ResultItem`, `MemberList`).
    pub fn item_arrays(&self) -> &'static [ItemArray] {
        self.items
    }

    /// The lists of strings naming failed items (`Fail_Account`).
    pub fn fail_lists(&self) -> &'static [FailList] {
        self.fail_lists
    }

    /// The top-level fields that say a message was dropped (`MsgDropReason`).
    pub fn dropped(&self) -> &'static [Dropped] {
        self.dropped
    }
}

/// An array of per-item results. In the generic shape (used when the API is
/// not known) one array may list several candidate members, every API's.
///
/// ```
/// let shape = chatcodes::Api::find("v4/sns/friend_add").unwrap().shape().unwrap();
/// let items = &shape.item_arrays()[0];
/// assert_eq!((items.path(), items.code_members()), ("ResultItem", &["ResultCode"][..]));
/// ```
#[derive(Debug)]
pub struct ItemArray {
    pub(crate) array: &'static str,
    pub(crate) segments: &'static [&'static str],
    pub(crate) codes: &'static [&'static str],
    pub(crate) status: Option<(&'static str, &'static [i64])>,
    pub(crate) messages: &'static [&'static str],
    pub(crate) items: &'static [&'static [&'static str]],
}

impl ItemArray {
    /// Where the array is, as written in the data: `ResultItem`,
    /// `GroupResultItem[].ResultItem` (`[]`: in every element).
    pub fn path(&self) -> &'static str {
        self.array
    }

    /// The path split into members, `[]` marking a step into every element.
    pub fn segments(&self) -> &'static [&'static str] {
        self.segments
    }

    /// The members holding an item's code (0 is success).
    pub fn code_members(&self) -> &'static [&'static str] {
        self.codes
    }

    /// A member holding a status instead of a code, and the values that mean
    /// the item failed (`MemberList[].Result`: 0).
    pub fn status(&self) -> Option<(&'static str, &'static [i64])> {
        self.status
    }

    /// The members holding the service's message.
    pub fn message_members(&self) -> &'static [&'static str] {
        self.messages
    }

    /// The paths of the members that name the item; the first one present
    /// names it (`To_Account`, `ContactItem.To_Account`).
    pub fn item_members(&self) -> &'static [&'static [&'static str]] {
        self.items
    }
}

/// An array of strings naming the items that failed (`Fail_Account`).
///
/// ```
/// let shape = chatcodes::Api::find("v4/sns/friend_add").unwrap().shape().unwrap();
/// assert_eq!(shape.fail_lists()[0].item(), "To_Account");
/// ```
#[derive(Debug)]
pub struct FailList {
    pub(crate) array: &'static str,
    pub(crate) segments: &'static [&'static str],
    pub(crate) item: &'static str,
}

impl FailList {
    /// Where the list is, as written in the data.
    pub fn path(&self) -> &'static str {
        self.array
    }

    /// The path split into members.
    pub fn segments(&self) -> &'static [&'static str] {
        self.segments
    }

    /// What each string names, e.g. `To_Account`.
    pub fn item(&self) -> &'static str {
        self.item
    }
}

/// A top-level member that, when it is a non-empty string, says a message
/// was dropped although the call succeeded (`MsgDropReason`).
///
/// ```
/// let shape = chatcodes::Api::find("v4/group_open_http_svc/send_group_msg").unwrap().shape().unwrap();
/// assert_eq!(shape.dropped()[0].field(), "MsgDropReason");
/// ```
#[derive(Debug)]
pub struct Dropped {
    pub(crate) field: &'static str,
    pub(crate) item: &'static str,
}

impl Dropped {
    /// The member saying why, e.g. `MsgDropReason`.
    pub fn field(&self) -> &'static str {
        self.field
    }

    /// The top-level member naming the message, e.g. `MsgSeq`.
    pub fn item(&self) -> &'static str {
        self.item
    }
}
