//! [`ChatError`]: a code returned by a chat service, as a Rust error.

use std::fmt;
use std::time::Duration;

use crate::enums::Namespace;
use crate::enums::Retryability;
use crate::explanation::Explanation;
use crate::lookup::{explain, explain_for_api, explain_in};

/// A failure reported by a chat service: the code, the catalogue's explanation
/// of it (when the code is known) and the service's own message.
///
/// It displays as one line that says what the code means and what the service
/// said, and implements [`std::error::Error`], so crates that wrap a chat API
/// can return it (or wrap it) directly.
///
/// ```
/// use chatcodes::{ChatError, Retryability};
/// let err = ChatError::new(70001, "Err_TLS_Sig_Expired");
/// assert_eq!(err.retryability(), Retryability::Reauthenticate);
/// assert_eq!(
///     err.to_string(),
///     "70001 ERR_SVR_ACCOUNT_USERSIG_EXPIRED (tencent_server/account, reauthenticate): \
///      UserSig expired. Please generate a new one. It is recommended that the UserSig \
///      validity period be set to not less than 24 hours. (service said: Err_TLS_Sig_Expired)"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ChatError {
    code: Option<i64>,
    explanation: Option<&'static Explanation>,
    message: String,
}

impl ChatError {
    /// A failure with `code` (any integer type: `i32` from a client crate,
    /// `i64`), explained by [`explain`]; `message` is what the service said
    /// (`ErrorInfo`, `ResultInfo`), possibly empty.
    ///
    /// ```
    /// let code: i32 = 70001; // as tencent_im_rs and most client crates carry it
    /// let err = chatcodes::ChatError::new(code, "");
    /// assert_eq!(err.code(), Some(70001));
    /// ```
    pub fn new(code: impl Into<i64>, message: impl Into<String>) -> Self {
        let code = code.into();
        Self::with_explanation(Some(code), explain(code), message)
    }

    /// A failure with `code` read in one namespace (see [`explain_in`]).
    pub fn in_namespace(
        namespace: Namespace,
        code: impl Into<i64>,
        message: impl Into<String>,
    ) -> Self {
        let code = code.into();
        Self::with_explanation(Some(code), explain_in(namespace, code), message)
    }

    /// A failure with `code` returned by a REST API, in that API's own wording
    /// where it has one (see [`explain_for_api`]).
    pub fn for_api(api: &str, code: impl Into<i64>, message: impl Into<String>) -> Self {
        let code = code.into();
        Self::with_explanation(Some(code), explain_for_api(api, code), message)
    }

    /// A failure the service reported without a code (`ActionStatus` `FAIL`
    /// and no `ErrorCode`, an item in a failed list): nothing tells whether
    /// to retry, so its retryability is [`Retryability::Unknown`].
    ///
    /// ```
    /// let err = chatcodes::ChatError::without_code("server busy");
    /// assert_eq!(err.code(), None);
    /// assert_eq!(err.retryability(), chatcodes::Retryability::Unknown);
    /// assert_eq!(err.to_string(), "failed without an error code (service said: server busy)");
    /// ```
    pub fn without_code(message: impl Into<String>) -> Self {
        Self::with_explanation(None, None, message)
    }

    /// A failure whose explanation the caller already looked up.
    pub fn with_explanation(
        code: Option<i64>,
        explanation: Option<&'static Explanation>,
        message: impl Into<String>,
    ) -> Self {
        ChatError {
            code,
            explanation,
            message: message.into(),
        }
    }

    /// The code the service returned; `None` when it gave none.
    pub fn code(&self) -> Option<i64> {
        self.code
    }

    /// The catalogue's explanation, `None` for a code the catalogue lacks.
    pub fn explanation(&self) -> Option<&'static Explanation> {
        self.explanation
    }

    /// What the service said about the failure; may be empty.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The code's retryability; [`Retryability::Unknown`] for an unknown code
    /// or none.
    pub fn retryability(&self) -> Retryability {
        self.explanation
            .map_or(Retryability::Unknown, Explanation::retryability)
    }

    /// The documented minimum wait before retrying, when there is one.
    pub fn retry_after(&self) -> Option<Duration> {
        self.explanation.and_then(Explanation::retry_after)
    }

    /// The documented minimum wait before retrying an operation of this
    /// kind (see [`Explanation::retry_after_for`]).
    pub fn retry_after_for(&self, operation: crate::Operation) -> Option<Duration> {
        self.explanation.and_then(|e| e.retry_after_for(operation))
    }
}

impl ChatError {
    /// The one-line message in `lang`, as [`Display`](fmt::Display) writes it
    /// in English.
    ///
    /// ```
    /// use chatcodes::{ChatError, Lang};
    /// let err = ChatError::new(70001, "Err_TLS_Sig_Expired");
    /// let zh = err.display_in(Lang::Zh).to_string();
    /// assert!(zh.contains("过期") && zh.ends_with("（服务返回：Err_TLS_Sig_Expired）"));
    /// ```
    pub fn display_in(&self, lang: crate::Lang) -> impl fmt::Display + '_ {
        ErrorIn { error: self, lang }
    }
}

struct ErrorIn<'a> {
    error: &'a ChatError,
    lang: crate::Lang,
}

impl fmt::Display for ErrorIn<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (e, zh) = (self.error, self.lang == crate::Lang::Zh);
        match (e.explanation, e.code) {
            (Some(x), _) => write!(f, "{}", x.display_in(self.lang))?,
            (None, Some(code)) if zh => write!(f, "{code}（chatcodes 目录中没有此错误码）")?,
            (None, Some(code)) => write!(f, "{code} (code not in the chatcodes catalogue)")?,
            (None, None) if zh => write!(f, "失败，未返回错误码")?,
            (None, None) => write!(f, "failed without an error code")?,
        }
        let message = e.message.trim();
        match (message.is_empty(), zh) {
            (true, _) => Ok(()),
            (false, true) => write!(f, "（服务返回：{message}）"),
            (false, false) => write!(f, " (service said: {message})"),
        }
    }
}

impl fmt::Display for ChatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.display_in(crate::Lang::En))
    }
}

impl serde::Serialize for ChatError {
    /// `{"code": 70001, "message": "...", "retryability": "...",
    /// "explanation": {the record}}`; `explanation` is `null` for a code the
    /// catalogue lacks.
    ///
    /// ```
    /// let err = chatcodes::ChatError::new(70001, "sig expired");
    /// let json = serde_json::to_value(&err).unwrap();
    /// assert_eq!(json["code"], 70001);
    /// assert_eq!(json["retryability"], "reauthenticate");
    /// assert_eq!(json["explanation"]["name"], "ERR_SVR_ACCOUNT_USERSIG_EXPIRED");
    /// ```
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(4))?;
        m.serialize_entry("code", &self.code)?;
        m.serialize_entry("message", &self.message)?;
        m.serialize_entry("retryability", &self.retryability())?;
        let record = self.explanation.map(|e| match self.code {
            Some(code) => e.record_for(code),
            None => e.record(),
        });
        m.serialize_entry("explanation", &record)?;
        m.end()
    }
}
