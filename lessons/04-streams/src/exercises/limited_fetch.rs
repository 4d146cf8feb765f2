//! Exercise 04-limited-fetch (core): many fetches, at most `limit` at once.
//!
//! Fetch every `(name, delay)` job with `backend.fetch(name, delay)`, never
//! more than `limit` at the same time (the backend counts), and as soon as
//! a slot is free — no batching, no waiting for a whole group to finish.
//! Write it twice:
//!
//! - `fetch_in_order`: the results in the order of `jobs`;
//! - `fetch_as_ready`: the results in the order the fetches finish.
//!
//! In Python both are a semaphore around each fetch plus `gather` (in order)
//! or `as_completed` (as ready).
//!
//! Check it: `cargo run -p course -- check 04-limited-fetch`

use std::time::Duration;

use crate::services::Backend;

/// All fetches, at most `limit` at once; results in the order of `jobs`.
pub async fn fetch_in_order(
    backend: &Backend,
    jobs: &[(&str, Duration)],
    limit: usize,
) -> Vec<String> {
    todo!()
}

/// All fetches, at most `limit` at once; results in the order they finish.
pub async fn fetch_as_ready(
    backend: &Backend,
    jobs: &[(&str, Duration)],
    limit: usize,
) -> Vec<String> {
    todo!()
}
