//! Reference solution for 04-countdown.

use std::time::Duration;

use futures::stream::{self, BoxStream, StreamExt};
use tokio::time::{Instant, sleep_until};

/// Yields `from`, `from - 1`, …, `1`, number k due k ticks after the
/// first ask.
pub fn countdown(from: u32, tick: Duration) -> BoxStream<'static, u32> {
    // The state: the next number, and when the last one was due (`None`
    // until the first step runs, which is the consumer's first ask).
    let start: Option<Instant> = None;
    stream::unfold((from, start), move |(n, last_due)| async move {
        if n == 0 {
            return None; // checked before sleeping: no tick after the end
        }
        // Due one tick after the last one was due, not after it was taken:
        // a slow consumer does not shift the schedule.
        let due = last_due.unwrap_or_else(Instant::now) + tick;
        sleep_until(due).await; // returns at once if already due
        Some((n, (n - 1, Some(due))))
    })
    .boxed()
}
