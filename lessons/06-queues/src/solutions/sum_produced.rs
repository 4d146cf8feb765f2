//! Reference solution for 06-sum-produced.

use std::time::Duration;

use tokio::sync::mpsc;
use tokio::time::{Instant, sleep};

/// The sum of 1..=n, sent by a producer task through a queue of 2 and
/// handled `every` each; and when the producer's last send went in.
pub async fn sum_produced(n: u64, every: Duration) -> (u64, Duration) {
    let start = Instant::now(); // tokio's: it follows the paused clock
    let (tx, mut rx) = mpsc::channel(2);
    // `tx` moves into the task and is dropped when the task ends: that
    // closes the channel, and `recv` returns `None`. Keep no copy here.
    let producer = tokio::spawn(async move {
        for i in 1..=n {
            // Waits while 2 items wait: the bound holds the producer back.
            tx.send(i).await.expect("the receiver is alive");
        }
        start.elapsed()
    });
    let mut total = 0;
    while let Some(item) = rx.recv().await {
        sleep(every).await; // handling the item
        total += item;
    }
    let producer_done = producer.await.expect("the producer did not panic");
    (total, producer_done)
}
