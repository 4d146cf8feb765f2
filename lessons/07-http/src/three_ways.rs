//! One by one, all at once, capped: the three ways of [`crate::speed`] and
//! [`crate::cap`] on one timeline.
//!
//! The same loops, with each request wrapped in `Timeline::track` so that
//! its row starts when the request is first polled and ends when its
//! answer is in. The tour prints the chart; a test draws the chapter's
//! picture from a real-clock run (real sockets need the real clock), so
//! its times vary a little from run to run.

use futures::future::try_join_all;
use futures::stream::{self, StreamExt, TryStreamExt};
use kit::Timeline;
use reqwest::Client;

use crate::errors::status_of;

// ANCHOR: three_ways
/// Fetches `url` `n` times in each of the three ways, one way after the
/// other, and returns the timeline of every request.
pub async fn three_ways(
    client: &Client,
    url: &str,
    n: usize,
    cap: usize,
) -> reqwest::Result<Timeline> {
    let timeline = Timeline::new();
    // One row per request, named after its way and its number.
    let track = |way: &str, i: usize| {
        timeline.track(format!("{way} #{i}"), status_of(client, url))
    };

    for i in 1..=n {
        track("one by one", i).await?;
    }

    try_join_all((1..=n).map(|i| track("all at once", i))).await?;

    let capped = format!("capped at {cap}");
    stream::iter(1..=n)
        .map(|i| track(&capped, i))
        .buffer_unordered(cap)
        .try_collect::<Vec<u16>>()
        .await?;

    Ok(timeline)
}
// ANCHOR_END: three_ways
