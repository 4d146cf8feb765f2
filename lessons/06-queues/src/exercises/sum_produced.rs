//! Exercise 06-sum-produced (warm-up).
//!
//! Start a producer task that sends 1, 2, … `n` as fast as the queue lets
//! it, through a queue that holds at most 2 items. Receive them here;
//! handling each item takes `every` (a sleep), then add it up. Return the
//! sum as soon as the producer is done and its last item handled — without
//! an end marker — together with the time, from the start of the call, at
//! which the producer's last send went in (the producer task returns it).
//! The Python it replaces:
//!
//! ```python
//! async def sum_produced(n, every):
//!     loop = asyncio.get_running_loop()
//!     start = loop.time()
//!     queue = asyncio.Queue(maxsize=2)
//!
//!     async def producer():
//!         for i in range(1, n + 1):
//!             await queue.put(i)         # waits while 2 items wait
//!         done = loop.time() - start     # when the last item went in
//!         await queue.put(None)          # the marker you will not need
//!         return done
//!
//!     task = asyncio.create_task(producer())
//!     total = 0
//!     while (item := await queue.get()) is not None:
//!         await asyncio.sleep(every)     # handling the item
//!         total += item
//!     return total, await task
//! ```
//!
//! The tests (`tests/exercises.rs`, module `sum_produced`) on the paused
//! clock: `sum_produced(10, 100 ms)` is 55 at exactly 1 s, and the
//! producer, held back by the full queue, sends its last item at 700 ms;
//! `n = 0` is 0 at once; `n = 1000` is 500500; a run that never ends fails
//! with a message.
//!
//! Check it: `cargo run -p course -- check 06-sum-produced`

use std::time::Duration;

/// The sum of 1..=n, sent by a producer task through a queue of 2 and
/// handled `every` each; and when the producer's last send went in.
pub async fn sum_produced(n: u64, every: Duration) -> (u64, Duration) {
    todo!()
}
