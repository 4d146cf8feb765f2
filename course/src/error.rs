//! Errors that are the learner's mistake (a mistyped id) rather than a
//! failure: `main` exits with code 2 for these, like clap does for bad usage.

use std::fmt;

use crate::RUNNER;

/// A bad argument: an unknown exercise or lesson.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError(pub String);

impl UsageError {
    /// "no exercise `X`; `cargo run -p course -- list` shows them all",
    /// plus the closest known name, if one is close.
    pub fn unknown(what: &str, name: &str, closest: Option<&str>) -> Self {
        let mut message = format!("no {what} `{name}`; `{RUNNER} list` shows them all");
        if let Some(closest) = closest {
            message.push_str(&format!(" (did you mean `{closest}`?)"));
        }
        Self(message)
    }
}

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}
