//! Consuming streams: `async for`, comprehensions, iterators as streams.
//!
//! Rust has no `async for` statement. The loop is
//! `while let Some(x) = stream.next().await`, where `next` comes from
//! `futures::StreamExt`. An async list comprehension is a chain of stream
//! adapters ending in `.collect().await`. And any iterator becomes a stream
//! with `stream::iter`, which is how a list of work items meets async code.

use std::pin::pin;
use std::time::Duration;

use futures::stream::{self, Stream, StreamExt};
use kit::sim::fetch;
use kit::timing::ms;
use tokio::time::Instant;

use crate::generators::async_range;

// ANCHOR: async_for
/// `async for item in stream: ...` — noting when each item arrived.
pub async fn arrivals<S: Stream>(stream: S) -> Vec<(S::Item, Duration)> {
    let start = Instant::now();
    // `next()` needs a stream it may poll in place: pin it on the stack.
    let mut stream = pin!(stream);
    let mut seen = Vec::new();
    while let Some(item) = stream.next().await {
        seen.push((item, start.elapsed()));
    }
    seen
}
// ANCHOR_END: async_for

// ANCHOR: collect
/// `[i * i async for i in async_range(n) if i % 2 == 0]`
pub async fn even_squares(n: u32) -> Vec<u32> {
    async_range(n, ms(100))
        // futures' filter takes an async test: `ready` wraps a plain bool.
        .filter(|i| std::future::ready(i % 2 == 0))
        .map(|i| i * i)
        .collect()
        .await
}
// ANCHOR_END: collect

// ANCHOR: from_iter
/// A plain list as a stream, with an async step per item: one at a time.
pub async fn look_up(names: &[&str]) -> Vec<String> {
    stream::iter(names)
        // Like `await fetch(name)` in a loop body: one at a time.
        .then(|name| fetch(name, ms(50)))
        .collect()
        .await
}
// ANCHOR_END: from_iter
