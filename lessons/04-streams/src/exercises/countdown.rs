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
//! Build it with `futures::stream::unfold`, so that, like a generator, it
//! does nothing until it is consumed. Return it boxed: `.boxed()` turns any
//! `Send` stream into a `BoxStream`.
//!
//! Check it: `cargo run -p course -- check 04-countdown`

use std::time::Duration;

use futures::stream::{self, BoxStream, StreamExt};
use tokio::time::sleep;

/// Yields `from`, `from - 1`, …, `1`, one every `tick`.
pub fn countdown(from: u32, tick: Duration) -> BoxStream<'static, u32> {
    todo!(
        "stream::unfold(from, move |n| async move {{ ... }}).boxed(): None when n is 0, else sleep a tick and yield n"
    )
}
