//! Wrong answer: the schedule starts when the stream is made, not when consumed
//! Expect: when the stream was made

use std::time::Duration;

use futures::stream::{self, BoxStream, StreamExt};
use tokio::time::{Instant, sleep_until};

/// Yields `from`, `from - 1`, …, `1`, number k due k ticks after the
/// first ask.
pub fn countdown(from: u32, tick: Duration) -> BoxStream<'static, u32> {
    let start = Instant::now();
    stream::unfold((from, 1), move |(n, k)| async move {
        if n == 0 {
            return None;
        }
        sleep_until(start + tick * k).await;
        Some((n, (n - 1, k + 1)))
    })
    .boxed()
}
