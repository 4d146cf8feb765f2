//! Exercise 12-cap-concurrency (warm-up): find and fix the pitfall.
//!
//! This Python program fetches every URL at once. The API allows only so
//! many requests in flight and refuses the rest with HTTP 429:
//!
//! ```python
//! async def fetch_all(api, urls, limit):
//!     # `limit` is ignored: every request starts now
//!     return await asyncio.gather(*(api.get(url) for url in urls))
//! ```
//!
//! Write `fetch_all` so that at most `limit` requests are in flight at any
//! moment, a new one starting as soon as one finishes, and the results
//! come back in the order of `urls`.
//!
//! The tests (in `lessons/12-pitfalls/tests/exercises.rs`, module
//! `cap_concurrency`, on the paused clock) use an API that allows 10 in
//! flight and answers in 100 ms: 100 URLs under a limit of 10 must all
//! succeed, in exactly 1 s, with 10 in flight at the peak; 7 URLs under a
//! limit of 3 take exactly 300 ms.
//!
//! Check it: `cargo run -p course -- check 12-cap-concurrency`

use crate::api::{Api, TooManyRequests};

/// Every `api.get(url)`, at most `limit` at a time, in the order of `urls`.
pub async fn fetch_all(
    api: &Api,
    urls: &[String],
    limit: usize,
) -> Vec<Result<String, TooManyRequests>> {
    todo!()
}
