//! Exercise 16-capped-fanout (core): cap the fan-out.
//!
//! The benchmark's HTTP/1.1 run at 10,000 requests opens 10,000
//! connections at once and overflows the server's listen queue. Write
//! `fetch_capped`: GET `url` `n` times with the given client, never more
//! than `limit` requests in flight, starting the next as soon as one
//! answers; read each body to the end; return how many answered 200, or
//! the first error (a status that is not 2xx is an error). The Python
//! version:
//!
//! ```python
//! async def fetch_capped(session, url, n, limit):
//!     gate = asyncio.Semaphore(limit)
//!     async def one():
//!         async with gate, session.get(url) as r:
//!             await r.read()
//!             r.raise_for_status()
//!     await asyncio.gather(*(one() for _ in range(n)))
//!     return n
//! ```
//!
//! Tests: `capped_fanout` in `tests/exercises.rs`, against the test server
//! over HTTP/1.1: 30 requests of 50 ms under a limit of 5 all answer, take
//! at least 6 × 50 ms (never more than 5 at once) and use 5 connections
//! (the cap is used); a 500 answer is an error.
//!
//! Check it: `cargo run -p course -- check 16-capped-fanout`

/// `n` GETs of `url`, at most `limit` in flight; the count of 200s.
pub async fn fetch_capped(
    client: &reqwest::Client,
    url: &str,
    n: usize,
    limit: usize,
) -> anyhow::Result<usize> {
    todo!()
}
