//! Exercise 07-fetch-users (warm-up).
//!
//! Fetch the users at `urls` (each answers a [`User`] as JSON), all at the
//! same time, with the `client` you are given; return them in the order of
//! `urls`. An answer with an error status (4xx, 5xx) is an error: return
//! the first one. The Python it replaces:
//!
//! ```python
//! async def fetch_users(session, urls):
//!     async def one(url):
//!         async with session.get(url) as resp:
//!             resp.raise_for_status()
//!             return await resp.json()
//!     return await asyncio.gather(*(one(url) for url in urls))
//! ```
//!
//! The tests (`fetch_users` in `lessons/07-http/tests/exercises.rs`) ask
//! for five users that each take 100 ms on the server, and check from the
//! server's side that all five were in flight at once and came over the
//! client's one HTTP/2 connection; a `/status/404` among the URLs must give
//! an error whose `status()` is 404.
//!
//! Check it: `cargo run -p course -- check 07-fetch-users`

use reqwest::Client;

use crate::json::User;

/// Every user at `urls`, fetched concurrently, in the order of `urls`.
pub async fn fetch_users(
    client: &Client,
    urls: &[String],
) -> reqwest::Result<Vec<User>> {
    todo!()
}
