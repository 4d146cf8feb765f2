//! Wrong answer: waits for the next tick before checking for the end
//! Expect: no tick after the last number

use std::time::Duration;

use futures::stream::{self, BoxStream, StreamExt};
use tokio::time::{Instant, sleep_until};

/// Yields `from`, `from - 1`, …, `1`, number k due k ticks after the
/// first ask.
pub fn countdown(from: u32, tick: Duration) -> BoxStream<'static, u32> {
    let start: Option<Instant> = None;
    stream::unfold((from, start), move |(n, last_due)| async move {
        let due = last_due.unwrap_or_else(Instant::now) + tick;
        sleep_until(due).await;
        if n == 0 {
            return None;
        }
        Some((n, (n - 1, Some(due))))
    })
    .boxed()
}
