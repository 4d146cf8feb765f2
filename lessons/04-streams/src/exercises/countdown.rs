//! Exercise 04-countdown (warm-up): a generator-style stream with `unfold`.
//!
//! Write `countdown(from, tick)`: a stream that yields `from`, `from - 1`,
//! …, `1`, each number one `tick` after the previous one (the first, one
//! tick after the consumer starts asking), and then ends — with no extra
//! tick after the last number. `countdown(0, tick)` is empty and ends at
//! once. In Python:
//!
//! ```python
//! async def countdown(n, tick):
//!     while n > 0:
//!         await asyncio.sleep(tick)
//!         yield n
//!         n -= 1
//! ```
//!
//! Like a generator, it must do nothing until it is consumed: no tick
//! starts before the consumer asks for the first number.
//!
//! Check it: `cargo run -p course -- check 04-countdown`

use std::time::Duration;

use futures::stream::BoxStream;

/// Yields `from`, `from - 1`, …, `1`, one every `tick`.
pub fn countdown(from: u32, tick: Duration) -> BoxStream<'static, u32> {
    todo!()
}
