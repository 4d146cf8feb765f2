//! Generator-style streams: `unfold`, and a task feeding a channel.
//!
//! Python writes an async iterator most easily as an async generator: an
//! `async def` with `yield` in it. Stable Rust has no `yield` in async code,
//! so the course uses two plain-library stand-ins:
//!
//! - `futures::stream::unfold(state, step)`: `step` is an async closure that
//!   takes the state and returns `Some((item, next_state))` or `None` to end.
//!   It is lazy like a generator: no step runs until the consumer asks.
//! - a spawned task that `send`s into a bounded `tokio::sync::mpsc` channel,
//!   wrapped as a stream by `tokio_stream::wrappers::ReceiverStream`. The
//!   body reads like a generator (a loop with a "yield" in it), but it is a
//!   task: it starts at once and runs ahead by the channel's capacity.

use std::time::Duration;

use futures::Stream;
use futures::stream;
use tokio::sync::mpsc;
use tokio::time::sleep;
use tokio_stream::wrappers::ReceiverStream;

// ANCHOR: unfold
/// `async def async_range(n): for i in range(n): await sleep(t); yield i`
pub fn async_range(n: u32, per_item: Duration) -> impl Stream<Item = u32> {
    // The state is the next number; each step is one trip round the loop.
    stream::unfold(0, move |i| async move {
        if i == n {
            return None; // the generator returns: the stream ends
        }
        sleep(per_item).await;
        Some((i, i + 1)) // yield i, and resume later with state i + 1
    })
}
// ANCHOR_END: unfold

// ANCHOR: channel
/// The same numbers from a task that sends them down a channel.
///
/// Must be called inside a tokio runtime (it spawns).
pub fn channel_range(n: u32, per_item: Duration) -> ReceiverStream<u32> {
    // Capacity 1: the task may produce one item ahead of the consumer.
    let (tx, rx) = mpsc::channel(1);
    tokio::spawn(async move {
        for i in 0..n {
            sleep(per_item).await;
            if tx.send(i).await.is_err() {
                return; // the consumer dropped the stream: stop producing
            }
        }
        // `tx` is dropped here, which ends the stream on the other side.
    });
    ReceiverStream::new(rx)
}
// ANCHOR_END: channel
