//! Exercise 12-send-all (core): a port.
//!
//! Port this Python program, which sends every new user a welcome email
//! and reports the addresses that failed:
//!
//! ```python
//! async def send_all(outbox, users):
//!     results = await asyncio.gather(
//!         *(send_welcome(outbox, user) for user in users),
//!         return_exceptions=True,
//!     )
//!     return [user for user, result in zip(users, results)
//!             if isinstance(result, Exception)]
//! ```
//!
//! In Rust the mail library is `crate::mailer::send_welcome`, and it has
//! a bug you cannot fix: on an address without an `@` it *panics* instead
//! of raising. One bad address must not stop the others or crash your
//! program. Send all the emails concurrently, wait until every send has
//! finished or failed — the caller may shut its runtime down the moment
//! you return — and return the users whose send failed, in the order of
//! `users`.
//!
//! The tests (in `lessons/12-pitfalls/tests/exercises.rs`, module
//! `send_all`, on the paused clock) check: three users with one bad
//! address take exactly 0.5 s, two emails are in the outbox and the bad
//! address is returned; the outbox is complete even when the runtime is
//! dropped right after `send_all` returns; 1000 users with every 100th
//! address bad take 0.5 s and report those 10 in order.
//!
//! Check it: `cargo run -p course -- check 12-send-all`

use crate::mailer::Outbox;

/// Sends every user the welcome email; returns the users whose send
/// failed, in input order.
pub async fn send_all(outbox: Outbox, users: Vec<String>) -> Vec<String> {
    todo!()
}
