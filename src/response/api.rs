//! REST API names as people type them: `v4/sns/friend_add`, `sns/friend_add`,
//! `/v4/sns/friend_add` or a whole request URL with its query string.

use std::fmt;

use crate::api::Api;
use crate::lookup::apis;

/// An API name that matches no documented Tencent REST API.
///
/// ```
/// let err = chatcodes::rest_api("v4/sns/frend_add").unwrap_err();
/// assert_eq!(err.given(), "v4/sns/frend_add");
/// assert_eq!(err.closest()[0], "v4/sns/friend_add");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownApi {
    given: String,
    closest: Vec<&'static str>,
}

impl UnknownApi {
    /// What was asked for, as given.
    pub fn given(&self) -> &str {
        &self.given
    }

    /// The known APIs closest to it, best first (at most three).
    pub fn closest(&self) -> &[&'static str] {
        &self.closest
    }
}

impl fmt::Display for UnknownApi {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown REST API {:?}", self.given)?;
        if !self.closest.is_empty() {
            write!(f, "; closest known: {}", self.closest.join(", "))?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownApi {}

/// The documented Tencent REST API that `name` names, in any form
/// [`Api::find`] reads: the path with or without `v4/` or a leading `/`, a
/// whole request URL with its query string, or an older name of the API.
/// Case matters, as it does to the service (`v4/ConfigSvc/GetIPList`). A
/// name that matches none is an error that lists the closest ones.
///
/// ```
/// use chatcodes::rest_api;
/// assert_eq!(rest_api("sns/friend_add").unwrap().path(), "v4/sns/friend_add");
/// let url = "https://console.tim.qq.com/v4/sns/friend_add?sdkappid=1&random=2";
/// assert_eq!(rest_api(url).unwrap().path(), "v4/sns/friend_add");
/// let err = rest_api("v4/sns/friend_ad").unwrap_err();
/// assert_eq!(err.closest()[0], "v4/sns/friend_add");
/// ```
pub fn rest_api(name: &str) -> Result<&'static Api, UnknownApi> {
    Api::find(name).ok_or_else(|| UnknownApi {
        given: name.to_string(),
        closest: closest(&canonical_form(name)),
    })
}

fn canonical_form(name: &str) -> String {
    let path = crate::api::api_path(name);
    if path.starts_with("v4/") {
        path.to_string()
    } else {
        format!("v4/{path}")
    }
}

fn closest(path: &str) -> Vec<&'static str> {
    let mut scored: Vec<(usize, &'static str)> = apis()
        .iter()
        .map(|api| {
            let api = api.path();
            let whole = strsim::levenshtein(path, api);
            // A right command under the wrong service is close too.
            let command = match (path.rsplit_once('/'), api.rsplit_once('/')) {
                (Some((_, a)), Some((_, b))) => strsim::levenshtein(a, b) + 2,
                _ => whole,
            };
            (whole.min(command), api)
        })
        .collect();
    scored.sort();
    let limit = (path.len() / 3).max(3);
    scored
        .into_iter()
        .take_while(|&(d, _)| d <= limit)
        .take(3)
        .map(|(_, api)| api)
        .collect()
}
