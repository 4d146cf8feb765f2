//! Reference solution for 06-sum-produced.

use std::time::Duration;

use tokio::sync::mpsc;
use tokio::time::sleep;

/// The sum of 1..=n, sent by a producer task one every `every`.
pub async fn sum_produced(n: u64, every: Duration) -> u64 {
    let (tx, mut rx) = mpsc::channel(2);
    // `tx` moves into the task and is dropped when the task ends: that
    // closes the channel, and `recv` returns `None`. Keep no copy here.
    let producer = tokio::spawn(async move {
        for i in 1..=n {
            sleep(every).await;
            tx.send(i).await.expect("the receiver is alive");
        }
    });
    let mut total = 0;
    while let Some(item) = rx.recv().await {
        total += item;
    }
    producer.await.expect("the producer did not panic");
    total
}
