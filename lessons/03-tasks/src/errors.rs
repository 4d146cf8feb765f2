//! Failures among concurrent work: keep them as values, or stop at the first.
//!
//! Python's `gather(..., return_exceptions=True)` hands back exceptions in
//! the result list. Rust has no exceptions: a fallible future returns a
//! `Result`, so joining fallible futures gives a `Vec<Result<_, _>>` and
//! every outcome is already a value.
//!
//! Python's plain `gather` raises the first exception — and leaves the other
//! awaitables running. `try_join!` also returns the first error, but it
//! *drops* the other futures, and dropping a future cancels it.

use futures::future::join_all;
use kit::Timeline;
use kit::sim::{FetchError, try_fetch};

use crate::Attempt;

// ANCHOR: errors_as_values
/// Runs every attempt at once and keeps every outcome, in input order.
pub async fn errors_as_values(
    attempts: &[Attempt],
) -> Vec<Result<String, FetchError>> {
    let fetches = attempts
        .iter()
        .map(|&(name, delay, outcome)| try_fetch(name, delay, outcome));
    join_all(fetches).await // one failure does not disturb the others
}
// ANCHOR_END: errors_as_values

// ANCHOR: try_join
/// All three must succeed: the first error ends the join, and the futures
/// still running are dropped, which cancels them.
pub async fn fail_fast(
    timeline: &Timeline,
    attempts: [Attempt; 3],
) -> Result<[String; 3], FetchError> {
    let run = move |(name, delay, outcome): Attempt| {
        timeline.track(name, try_fetch(name, delay, outcome))
    };
    let [a, b, c] = attempts;
    let (a, b, c) = tokio::try_join!(run(a), run(b), run(c))?;
    Ok([a, b, c])
}
// ANCHOR_END: try_join
