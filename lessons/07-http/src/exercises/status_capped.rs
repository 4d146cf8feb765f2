//! Exercise 07-status-capped (core).
//!
//! GET every URL in `urls` with never more than `cap` requests in flight,
//! and return each one's status in the order of `urls`: `Some(code)` for
//! any answer (a 500 is an answer), `None` when there was no answer at all
//! (for example, nothing listens at that address). When one request
//! finishes, the next waiting one starts at once: one slow request must not
//! hold up the rest. `cap` is at least 1. In Python:
//!
//! ```python
//! async def statuses(session, urls, cap):
//!     sem = asyncio.Semaphore(cap)
//!     async def one(url):
//!         async with sem:
//!             try:
//!                 async with session.get(url) as resp:
//!                     return resp.status
//!             except aiohttp.ClientConnectionError:
//!                 return None
//!     return await asyncio.gather(*(one(url) for url in urls))
//! ```
//!
//! The tests (`status_capped` in `lessons/07-http/tests/exercises.rs`) count
//! on the server: 20 requests under a cap of 4 reach exactly 4 in flight,
//! never more; with a 5 s request in one slot, ten quick ones all finish in
//! the other slot within 2 s.
//!
//! Check it: `cargo run -p course -- check 07-status-capped`

use reqwest::Client;

/// The status of every URL (`None`: no answer), at most `cap` at a time.
pub async fn statuses_capped(
    client: &Client,
    urls: &[String],
    cap: usize,
) -> Vec<Option<u16>> {
    todo!()
}
