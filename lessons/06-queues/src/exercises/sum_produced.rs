//! Exercise 06-sum-produced (warm-up).
//!
//! Start a producer task that sends 1, 2, … `n`, one every `every`,
//! through a queue that holds at most 2 items. Receive them here, add them
//! up, and return the sum as soon as the producer is done — without an end
//! marker. The Python it replaces:
//!
//! ```python
//! async def sum_produced(n, every):
//!     queue = asyncio.Queue(maxsize=2)
//!
//!     async def producer():
//!         for i in range(1, n + 1):
//!             await asyncio.sleep(every)
//!             await queue.put(i)
//!         await queue.put(None)          # the marker you will not need
//!
//!     task = asyncio.create_task(producer())
//!     total = 0
//!     while (item := await queue.get()) is not None:
//!         total += item
//!     await task
//!     return total
//! ```
//!
//! The tests (`tests/exercises.rs`, module `sum_produced`) on the paused
//! clock: `sum_produced(10, 100 ms)` is 55 at exactly 1 s; `n = 0` is 0
//! at once; a run that never ends fails after 60 virtual seconds.
//!
//! Check it: `cargo run -p course -- check 06-sum-produced`

use std::time::Duration;

/// The sum of 1..=n, sent by a producer task one every `every`.
pub async fn sum_produced(n: u64, every: Duration) -> u64 {
    todo!()
}
