//! Turn a chat service's codes into a typed error with `thiserror`: the
//! variants a program acts on, decided by the retry class alone.

use chatcodes::{ChatError, Retryability};

/// What the application does about a failed call.
#[derive(Debug, thiserror::Error)]
enum ImError {
    #[error("try again later: {0}")]
    Retry(ChatError),
    #[error("log in again: {0}")]
    Relogin(ChatError),
    #[error("needs a fix first: {0}")]
    Fix(ChatError),
}

impl From<ChatError> for ImError {
    fn from(e: ChatError) -> Self {
        match e.retryability() {
            Retryability::Transient | Retryability::Throttled | Retryability::Conflict => {
                ImError::Retry(e)
            }
            Retryability::Reauthenticate => ImError::Relogin(e),
            _ => ImError::Fix(e),
        }
    }
}

fn main() {
    let code: i32 = 70001; // as client crates carry codes
    let error = ImError::from(ChatError::new(code, "Err_TLS_Sig_Expired"));
    assert!(matches!(error, ImError::Relogin(_)));
    println!("{error}");
}
