//! Exercise 04-countdown (warm-up): a generator that keeps to a schedule.
//!
//! Write `countdown(from, tick)`: a stream that yields `from`, `from - 1`,
//! …, `1` like a metronome. Number k (counting from 1) is due k ticks
//! after the consumer *first* asks for a number: 100, 200, 300 ms for a
//! 100 ms tick. A consumer that is slow to ask again does not shift the
//! schedule: a number that is already due comes at once, and the ones after
//! it keep their times. After the last number the stream ends at once (no
//! extra tick); `countdown(0, tick)` is empty. In Python:
//!
//! ```python
//! async def countdown(n, tick):
//!     loop = asyncio.get_running_loop()
//!     start = loop.time()  # runs at the first `async for` step
//!     for k in range(1, n + 1):
//!         await asyncio.sleep(max(0, start + k * tick - loop.time()))
//!         yield n - k + 1
//! ```
//!
//! Like a generator, it must do nothing until it is consumed: the schedule
//! starts at the first ask, not when `countdown` is called.
//!
//! Check it: `cargo run -p course -- check 04-countdown`

use std::time::Duration;

use futures::stream::BoxStream;

/// Yields `from`, `from - 1`, …, `1`, number k due k ticks after the
/// first ask.
pub fn countdown(from: u32, tick: Duration) -> BoxStream<'static, u32> {
    todo!()
}
