//! Reading a code from text: `"70001"`, `" -10001 "`, `"ERR_SVR_ACCOUNT_USERSIG_EXPIRED"`.

use std::str::FromStr;

use crate::explanation::Explanation;
use crate::lookup::explain_name;

/// A code as a user typed it: a number, or an official name already resolved.
///
/// ```
/// use chatcodes::CodeQuery;
/// assert_eq!("-10001".parse(), Ok(CodeQuery::Code(-10001)));
/// // An integral decimal, as log pipelines rewrite codes (and `enrich` reads them):
/// assert_eq!("70001.0".parse(), Ok(CodeQuery::Code(70001)));
/// let by_name: CodeQuery = "err_svr_account_usersig_expired".parse().unwrap();
/// assert_eq!(by_name.code(), 70001);
/// assert!("70001x".parse::<CodeQuery>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeQuery {
    /// A number; it may or may not be in the catalogue.
    Code(i64),
    /// An official name, and the entry it names.
    Name(&'static Explanation),
}

impl CodeQuery {
    /// The code number: the number typed, or the first code of the named entry.
    pub fn code(&self) -> i64 {
        match self {
            CodeQuery::Code(code) => *code,
            CodeQuery::Name(e) => e.codes().first(),
        }
    }
}

/// Why text could not be read as a code or an official name.
///
/// ```
/// use chatcodes::{CodeQuery, ParseCodeError};
/// assert_eq!("".parse::<CodeQuery>(), Err(ParseCodeError::Empty));
/// assert!(matches!("NO_SUCH_NAME".parse::<CodeQuery>(), Err(ParseCodeError::UnknownName(_))));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseCodeError {
    /// Nothing but blanks.
    #[error(
        "empty code: give a number such as 70001 or an official name such as ERR_SVR_ACCOUNT_USERSIG_EXPIRED"
    )]
    Empty,
    /// Digits that do not fit in an `i64`.
    #[error("code {0:?} is out of range: codes fit in a 64-bit signed integer")]
    OutOfRange(String),
    /// Looks like a name, but no entry has it.
    #[error("no code is named {0:?}")]
    UnknownName(String),
    /// Neither a number nor a name.
    #[error("{0:?} is neither a code number (such as 70001 or -10001) nor an official name")]
    Invalid(String),
}

impl FromStr for CodeQuery {
    type Err = ParseCodeError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let t = text.trim();
        if t.is_empty() {
            return Err(ParseCodeError::Empty);
        }
        // `70001.0`: a zero fraction is the same code.
        let whole = match t.split_once('.') {
            Some((whole, fraction))
                if !fraction.is_empty() && fraction.bytes().all(|b| b == b'0') =>
            {
                whole
            }
            _ => t,
        };
        let digits = whole.strip_prefix(['-', '+']).unwrap_or(whole);
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            return whole
                .parse::<i64>()
                .map(CodeQuery::Code)
                .map_err(|_| ParseCodeError::OutOfRange(t.to_string()));
        }
        let looks_like_name = t.starts_with(|c: char| c.is_ascii_alphabetic())
            && t.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ' ');
        if !looks_like_name {
            return Err(ParseCodeError::Invalid(t.to_string()));
        }
        explain_name(t)
            .map(CodeQuery::Name)
            .ok_or_else(|| ParseCodeError::UnknownName(t.to_string()))
    }
}
