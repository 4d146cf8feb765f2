//! Exercise 16-small-task (warm-up): cut the bytes per task.
//!
//! A chat server keeps one task per connected user. Each starts by
//! building the user's 2 KiB greeting ([`greeting`]), then waits `wait`
//! (the user reads it), then returns its checksum ([`checksum`]). The
//! obvious version keeps the greeting in the task while it waits:
//!
//! ```text
//! let text = greeting(id);          // 2,048 bytes
//! sleep(wait).await;                // ... held across the wait
//! checksum(&text)
//! ```
//!
//! With a hundred thousand idle users that is 200 MB. Write `session` so
//! that it returns the same number after the same wait, while a spawned
//! session allocates at most 512 bytes and its future is at most 256 bytes
//! (the idle task of the lesson costs about 256). The Python twin:
//!
//! ```python
//! async def session(user_id, wait):
//!     text = greeting(user_id)
//!     await asyncio.sleep(wait)
//!     return checksum(text)
//! ```
//!
//! Tests: `small_task` in `tests/exercises.rs` (the output, the wait on the
//! paused clock, the future's size, the bytes allocated per spawned task).
//!
//! Check it: `cargo run -p course -- check 16-small-task`

use std::time::Duration;

pub use crate::exercises_support::{checksum, greeting};

/// The user's session: greeting built at the start, checksum after `wait`.
pub async fn session(id: u32, wait: Duration) -> u64 {
    todo!()
}
