//! The programs that cannot hang: end by closing the channel.
//!
//! A channel closes when its last sender is dropped. Receivers then get
//! the items still queued, and after that an error (`async-channel`) or
//! `None` (tokio's `mpsc`) instead of waiting. So a consumer's loop ends
//! by itself once every producer is done and the queue is drained: no
//! marker to send, none to miscount, and waiting for the consumers is the
//! `join()`, since each one has handled its last item before it returns.
//!
//! tokio's `mpsc` has one receiver. Several consumers need either that
//! receiver shared behind a lock (see [`crate::shared_receiver`]) or a
//! multi-consumer channel: `async-channel`, used here, whose receivers
//! clone, each item going to exactly one of them.

use std::time::Duration;

use futures::future::join_all;
use kit::Timeline;
use tokio::time::sleep;

use crate::log::Log;

// ANCHOR: consumer
/// Handles items until the channel is closed and empty.
pub async fn consumer<T: ToString>(
    items: async_channel::Receiver<T>,
    timeline: &Timeline,
    log: &Log,
    name: &str,
    work: Duration,
) {
    let mark = timeline.start(name);
    // `recv` fails only once every sender is gone and nothing is left.
    while let Ok(item) = mark.wait(items.recv()).await {
        sleep(work).await;
        log.consumed(name, item);
    }
    log.ended(name);
    mark.end();
}
// ANCHOR_END: consumer

// ANCHOR: one_producer
/// Program 1, fixed: one producer, two consumers, no marker.
pub async fn one_producer_two_consumers(
    timeline: &Timeline,
    log: &Log,
    items: u32,
    every: Duration,
    work: Duration,
) {
    let (tx, rx) = async_channel::bounded(5);
    let producer = async move {
        let mark = timeline.start("producer");
        for i in 0..items {
            sleep(every).await;
            mark.wait(tx.send(i)).await.expect("a consumer is alive");
        }
        mark.end();
    }; // `tx` is dropped here, with the block: the channel closes
    tokio::join!(
        producer,
        consumer(rx.clone(), timeline, log, "consumer A", work),
        consumer(rx, timeline, log, "consumer B", work),
    );
}
// ANCHOR_END: one_producer

// ANCHOR: many_to_many
/// Program 2's setup: `producers` × `items` items, one every `every`, and
/// `consumers` consumers of `work` each. Returns when all have ended.
pub async fn many_to_many(
    timeline: &Timeline,
    log: &Log,
    (producers, items, every): (usize, u32, Duration),
    (consumers, work): (usize, Duration),
) {
    let (tx, rx) = async_channel::bounded(10);
    let producer = |p: usize| {
        let tx = tx.clone(); // one sender per producer
        async move {
            let mark = timeline.start(format!("P{p}"));
            for i in 0..items {
                mark.wait(tx.send(format!("P{p}-item-{i}"))).await.unwrap();
                sleep(every).await;
            }
            mark.end();
        } // this producer's sender is dropped here
    };
    let producing = join_all((0..producers).map(producer));
    drop(tx); // keep no sender here, or the channel would never close
    let consuming = join_all((0..consumers).map(|c| {
        let name = format!("C{c}");
        let rx = rx.clone();
        async move { consumer(rx, timeline, log, &name, work).await }
    }));
    tokio::join!(producing, consuming);
}
// ANCHOR_END: many_to_many
