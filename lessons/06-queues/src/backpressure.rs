//! A bounded `mpsc` channel: `asyncio.Queue(maxsize)` and backpressure.
//!
//! `mpsc::channel(5)` holds at most 5 items. `send().await` waits while it
//! is full, just as `await queue.put(x)` does, so a fast producer is held
//! to the pace of a slow consumer instead of piling up memory. (An
//! unbounded channel never pushes back; use one only when something else
//! limits how much can be sent.)

use std::time::Duration;

use kit::Timeline;
use tokio::sync::mpsc;
use tokio::time::sleep;

/// When the producer got each item into the channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sent {
    /// The item.
    pub item: u32,
    /// When its `send` returned.
    pub at: Duration,
    /// Items waiting in the channel right after it.
    pub waiting: usize,
}

// ANCHOR: backpressure
/// A producer sends `items` as fast as it can into a channel of
/// `capacity`; one consumer takes `work` per item.
pub async fn fast_producer_slow_consumer(
    timeline: &Timeline,
    capacity: usize,
    items: u32,
    work: Duration,
) -> Vec<Sent> {
    let (tx, mut rx) = mpsc::channel(capacity);
    let producer = async move {
        let mark = timeline.start("producer");
        let mut sent = Vec::new();
        for item in 0..items {
            // Waits (drawn lighter) whenever the channel is full.
            mark.wait(tx.send(item))
                .await
                .expect("the consumer is alive");
            let waiting = tx.max_capacity() - tx.capacity();
            sent.push(Sent {
                item,
                at: timeline.now(),
                waiting,
            });
        }
        mark.end();
        sent
    };
    let consumer = async move {
        let mark = timeline.start("consumer");
        while let Some(_item) = rx.recv().await {
            sleep(work).await;
        }
        mark.end();
    };
    tokio::join!(producer, consumer).0
}
// ANCHOR_END: backpressure
