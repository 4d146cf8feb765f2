//! Exercise 06-ordered-workers (core).
//!
//! A pipeline: items arrive on `input`; `workers` workers run `work` on
//! them, at most `workers` at a time; the results come back in the order
//! the items arrived, however they finish. Return once `input` is closed
//! (every sender dropped) and every item is done. Start work on an item as
//! soon as it arrives and a worker is free, not after the input ends.
//! An item's place in the order is fixed in the same step that receives
//! it (under the same lock, if the workers share one to receive): numbered
//! after that lock is released, two items received one after the other
//! can be numbered the other way round, on a multi-thread runtime.
//!
//! Python, with N consumer tasks sharing one queue:
//!
//! ```python
//! async def process_in_order(input_queue, workers, work):
//!     results = {}
//!
//!     async def worker():
//!         while (entry := await input_queue.get()) is not None:
//!             index, item = entry
//!             results[index] = await work(item)
//!
//!     tasks = [asyncio.create_task(worker()) for _ in range(workers)]
//!     await asyncio.gather(*tasks)   # the producer put one None per worker
//!     return [results[i] for i in sorted(results)]
//! ```
//!
//! Here the producer does not number its items or send markers: the input
//! is a tokio `mpsc::Receiver`, which has ONE receiving end.
//!
//! The tests (`tests/exercises.rs`, module `ordered_workers`), on the
//! paused clock: 9 items of 1 s with 3 workers take exactly 3 s, and 3 run
//! at once; a 3 s first item does not disturb the order; 5 items arriving
//! one a second, 0.5 s each, with 2 workers, are all done at 5.5 s; an
//! empty, closed input returns an empty Vec at once.
//!
//! Check it: `cargo run -p course -- check 06-ordered-workers`

use std::future::Future;

use tokio::sync::mpsc::Receiver;

/// Runs `work` on every item of `input` with `workers` workers; the
/// results in arrival order.
pub async fn process_in_order<F, Fut>(
    input: Receiver<u32>,
    workers: usize,
    work: F,
) -> Vec<u64>
where
    F: Fn(u32) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = u64> + Send + 'static,
{
    todo!()
}
