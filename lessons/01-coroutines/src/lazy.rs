//! Calling an async fn runs none of its body.
//!
//! In Python, `fetch()` without `await` builds a coroutine object and warns
//! "coroutine was never awaited" when it is garbage-collected. In Rust the
//! call builds a future; nothing in the body runs until it is awaited, and
//! the compiler warns at build time instead (`#[must_use]`: "futures do
//! nothing unless you `.await` or poll them").

use std::sync::{Arc, Mutex};

/// A shared log of what actually ran, so a test can look inside.
pub type Log = Arc<Mutex<Vec<String>>>;

// ANCHOR: lazy
/// Writes to the log when (and only when) its body runs.
pub async fn greet(log: Log, name: &str) -> String {
    log.lock().unwrap().push(format!("greet({name}) ran"));
    format!("hello, {name}")
}

/// Builds the future, looks at the log, then awaits and looks again.
pub async fn call_then_await(log: Log) -> (usize, usize, String) {
    let future = greet(log.clone(), "ferris"); // nothing has run yet
    let before = log.lock().unwrap().len();
    let greeting = future.await; // now the body runs, start to end
    let after = log.lock().unwrap().len();
    (before, after, greeting)
}
// ANCHOR_END: lazy

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn dropping_an_unawaited_future_runs_nothing() {
        let log = Log::default();
        drop(greet(log.clone(), "nobody"));
        assert!(log.lock().unwrap().is_empty());
    }
}
