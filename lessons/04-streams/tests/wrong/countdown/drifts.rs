//! Wrong answer: sleeps a whole tick at each ask, so a slow consumer shifts it
//! Expect: the schedule drifts

use std::time::Duration;

use futures::stream::{self, BoxStream, StreamExt};
use tokio::time::sleep;

/// Yields `from`, `from - 1`, …, `1`, number k due k ticks after the
/// first ask.
pub fn countdown(from: u32, tick: Duration) -> BoxStream<'static, u32> {
    stream::unfold(from, move |n| async move {
        if n == 0 {
            return None;
        }
        sleep(tick).await;
        Some((n, n - 1))
    })
    .boxed()
}
