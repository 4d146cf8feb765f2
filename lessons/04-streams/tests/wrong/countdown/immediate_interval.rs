//! Wrong answer: a `tokio::time::interval`, whose first tick is immediate
//! Expect: first tick completes immediately

use std::time::Duration;

use futures::stream::{self, BoxStream, StreamExt};
use tokio::time::{Interval, interval};

/// Yields `from`, `from - 1`, …, `1`, number k due k ticks after the
/// first ask.
pub fn countdown(from: u32, tick: Duration) -> BoxStream<'static, u32> {
    let timer: Option<Interval> = None;
    stream::unfold((from, timer), move |(n, timer)| async move {
        if n == 0 {
            return None;
        }
        // Made at the first ask, so the stream stays lazy.
        let mut timer = timer.unwrap_or_else(|| interval(tick));
        timer.tick().await;
        Some((n, (n - 1, Some(timer))))
    })
    .boxed()
}
