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
    code: i64,
    explanation: Option<&'static Explanation>,
    message: String,
}

impl ChatError {
    /// A failure with `code`, explained by [`explain`]; `message` is what the
    /// service said (`ErrorInfo`, `ResultInfo`), possibly empty.
    pub fn new(code: i64, message: impl Into<String>) -> Self {
        Self::with_explanation(code, explain(code), message)
    }

    /// A failure with `code` read in one namespace (see [`explain_in`]).
    pub fn in_namespace(namespace: Namespace, code: i64, message: impl Into<String>) -> Self {
        Self::with_explanation(code, explain_in(namespace, code), message)
    }

    /// A failure with `code` returned by a REST API, in that API's own wording
    /// where it has one (see [`explain_for_api`]).
    pub fn for_api(api: &str, code: i64, message: impl Into<String>) -> Self {
        Self::with_explanation(code, explain_for_api(api, code), message)
    }

    /// A failure whose explanation the caller already looked up.
    pub fn with_explanation(
        code: i64,
        explanation: Option<&'static Explanation>,
        message: impl Into<String>,
    ) -> Self {
        ChatError {
            code,
            explanation,
            message: message.into(),
        }
    }

    /// The code the service returned.
    pub fn code(&self) -> i64 {
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

    /// The code's retryability; [`Retryability::Unknown`] for an unknown code.
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

impl fmt::Display for ChatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.explanation {
            Some(e) => write!(f, "{e}")?,
            None => write!(f, "{} (code not in the chatcodes catalogue)", self.code)?,
        }
        let message = self.message.trim();
        if !message.is_empty() {
            write!(f, " (service said: {message})")?;
        }
        Ok(())
    }
}
