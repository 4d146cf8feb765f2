//! Exercise 13-retry (warm-up).
//!
//! Retry a failing async operation with a given list of pauses. This is
//! the Python it replaces:
//!
//! ```python
//! async def retry(op, pauses):
//!     for pause in pauses:
//!         try:
//!             return await op()
//!         except Exception:
//!             await asyncio.sleep(pause)
//!     return await op()          # the last try: its error goes out
//! ```
//!
//! Call `op()`; on `Ok` return it at once. On `Err`, sleep `pauses[0]` and
//! call again, then `pauses[1]`, and so on: at most `pauses.len() + 1`
//! calls, and no pause after the last failure. Return the last error.
//!
//! The tests (in `lessons/13-patterns/tests/exercises.rs`, on tokio's
//! paused clock) count the calls and time them: with pauses of 100, 200
//! and 400 ms, an op that fails twice succeeds on call 3 at exactly 300 ms;
//! one that always fails is called 4 times and gives up at 700 ms.
//!
//! Check it: `cargo run -p course -- check 13-retry`

use std::future::Future;
use std::time::Duration;

/// `op`'s first success, or its last error after every pause is used.
pub async fn retry<T, E, F, Fut>(pauses: &[Duration], op: F) -> Result<T, E>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, E>>,
{
    todo!()
}
