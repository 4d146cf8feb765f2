//! Several consumers on tokio's `mpsc`: share its one receiver.
//!
//! `tokio::sync::mpsc::Receiver` cannot be cloned. Put it behind an
//! `Arc<tokio::sync::Mutex<_>>` and a consumer locks it, awaits the next
//! item, and unlocks. Only one consumer waits inside `recv` at a time; the
//! others queue on the lock — which costs nothing, since only one of them
//! could get the next item anyway. The lock must be tokio's: the guard is
//! held across `recv().await`.
//!
//! When to use which: this needs no extra crate and suits a handful of
//! consumers sharing a tokio channel you were handed. A multi-consumer
//! channel (`async-channel`, `flume`) needs no lock, its `recv` can be
//! raced in `select!` without losing an item, and its receivers can be
//! handed out freely — pick it when consumers are the design, not an
//! afterthought.

use std::sync::Arc;
use std::time::Duration;

use kit::Timeline;
use tokio::sync::{Mutex, mpsc};
use tokio::time::sleep;

use crate::log::Log;

// ANCHOR: shared
/// Handles items from a shared receiver until the channel is closed.
async fn consumer(
    items: Arc<Mutex<mpsc::Receiver<u32>>>,
    timeline: &Timeline,
    log: &Log,
    name: &str,
    work: Duration,
) {
    let mark = timeline.start(name);
    loop {
        // Lock, wait for an item, unlock (the guard is a temporary).
        let next = mark.wait(async { items.lock().await.recv().await }).await;
        let Some(item) = next else { break }; // closed and drained
        sleep(work).await;
        log.consumed(name, item);
    }
    log.ended(name);
    mark.end();
}

/// One producer, two consumers sharing tokio's single receiver.
pub async fn one_producer_two_consumers(
    timeline: &Timeline,
    log: &Log,
    items: u32,
    every: Duration,
    work: Duration,
) {
    let (tx, rx) = mpsc::channel(5);
    let rx = Arc::new(Mutex::new(rx));
    let producer = async move {
        for i in 0..items {
            sleep(every).await;
            tx.send(i).await.expect("a consumer is alive");
        }
    }; // `tx` dropped: `recv` returns `None` once the queue is empty
    tokio::join!(
        producer,
        consumer(rx.clone(), timeline, log, "consumer A", work),
        consumer(rx, timeline, log, "consumer B", work),
    );
}
// ANCHOR_END: shared
