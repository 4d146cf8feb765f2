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
//! or `as_completed` (as ready). In Rust each is one stream adapter chain:
//! `stream::iter(jobs)`, `.map(...)` each job to a fetch future, then the
//! right buffering adapter, then `.collect()`.
//!
//! Check it: `cargo run -p course -- check 04-limited-fetch`

use std::time::Duration;

use futures::stream::{self, StreamExt};

use crate::services::Backend;

/// All fetches, at most `limit` at once; results in the order of `jobs`.
pub async fn fetch_in_order(
    backend: &Backend,
    jobs: &[(&str, Duration)],
    limit: usize,
) -> Vec<String> {
    todo!(
        "stream::iter(jobs).map(|&(name, delay)| backend.fetch(name, delay)), then the adapter that keeps input order"
    )
}

/// All fetches, at most `limit` at once; results in the order they finish.
pub async fn fetch_as_ready(
    backend: &Backend,
    jobs: &[(&str, Duration)],
    limit: usize,
) -> Vec<String> {
    todo!(
        "the same chain with the adapter that yields whichever fetch finishes first"
    )
}
