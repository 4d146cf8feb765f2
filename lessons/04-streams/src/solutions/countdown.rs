//! Reference solution for 04-countdown.

use std::time::Duration;

use futures::stream::{self, BoxStream, StreamExt};
use tokio::time::sleep;

/// Yields `from`, `from - 1`, …, `1`, one every `tick`.
pub fn countdown(from: u32, tick: Duration) -> BoxStream<'static, u32> {
    stream::unfold(from, move |n| async move {
        if n == 0 {
            return None; // checked before sleeping: no tick after the last item
        }
        sleep(tick).await;
        Some((n, n - 1))
    })
    .boxed()
}
