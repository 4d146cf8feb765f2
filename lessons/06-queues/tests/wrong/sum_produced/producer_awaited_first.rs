//! Wrong answer: awaits the producer task before receiving, so the producer waits for room that only the receiver can make
//! Expect: never finished

use std::time::Duration;

use tokio::sync::mpsc;
use tokio::time::{Instant, sleep};

/// The sum of 1..=n, sent by a producer task through a queue of 2 and
/// handled `every` each; and when the producer's last send went in.
pub async fn sum_produced(n: u64, every: Duration) -> (u64, Duration) {
    let start = Instant::now();
    let (tx, mut rx) = mpsc::channel(2);
    let producer = tokio::spawn(async move {
        for i in 1..=n {
            tx.send(i).await.unwrap();
        }
        start.elapsed()
    });
    let producer_done = producer.await.unwrap(); // the producer is done first
    let mut total = 0;
    while let Some(item) = rx.recv().await {
        sleep(every).await;
        total += item;
    }
    (total, producer_done)
}
