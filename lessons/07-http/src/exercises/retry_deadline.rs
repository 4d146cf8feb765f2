//! Exercise 07-retry-deadline (challenge): port this Python helper.
//!
//! ```python
//! RETRYABLE = {429, 500, 502, 503, 504}
//!
//! async def get_with_retry(session, url, base, max_wait, deadline):
//!     loop = asyncio.get_running_loop()
//!     give_up_at = loop.time() + deadline
//!     attempts = 0
//!     while True:
//!         attempts += 1
//!         try:
//!             async with asyncio.timeout_at(give_up_at):
//!                 async with session.get(url) as resp:
//!                     if resp.status < 400:
//!                         return await resp.json(), attempts
//!                     if resp.status not in RETRYABLE:
//!                         raise GaveUp(attempts, resp.status)
//!                     status = resp.status
//!         except TimeoutError:            # the deadline cut this try short
//!             raise GaveUp(attempts, None)
//!         except aiohttp.ClientConnectionError:
//!             status = None               # no answer: worth another try
//!         wait = min(max_wait, base * 2 ** (attempts - 1))
//!         wait *= random.uniform(0.5, 1.0)          # jitter
//!         if loop.time() + wait >= give_up_at:
//!             raise GaveUp(attempts, status)
//!         await asyncio.sleep(wait)
//! ```
//!
//! One deadline bounds everything: the tries *and* the waits between them.
//! The tests (`retry_deadline` in `lessons/07-http/tests/exercises.rs`),
//! against the test server's `/flaky`, `/status` and `/delay` routes:
//! `/flaky?fail=3` answers on try 4 after exactly 4 requests; a 404 gives
//! up after 1 request with status 404; an endless 503 under a 600 ms
//! deadline gives up in time after 2 to 8 tries (backoff, not a busy loop),
//! and under a 300 ms deadline with a first wait of 0.5 to 1 s after the
//! first try, before 300 ms have passed;
//! a 5 s answer under a 300 ms deadline gives up by then with status `None`,
//! and the server sees the request abandoned; a closed port is retried.
//!
//! Check it: `cargo run -p course -- check 07-retry-deadline`

use std::time::Duration;

use reqwest::Client;
use serde_json::Value;

/// How to retry.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    /// The wait after the first failure, doubled after each one...
    pub base: Duration,
    /// ...up to this much (before jitter).
    pub max_wait: Duration,
    /// The time allowed for everything, counted from the call.
    pub deadline: Duration,
}

/// Why [`get_with_retry`] gave up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GaveUp {
    /// Requests sent, the first one included.
    pub attempts: u32,
    /// The last answer's status, or `None` if the last try got no answer
    /// (no connection, or the deadline cut it short).
    pub status: Option<u16>,
}

/// GETs `url` as JSON, retrying as the Python above does. Returns the JSON
/// and the number of requests sent.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: Policy,
) -> Result<(Value, u32), GaveUp> {
    todo!()
}
