//! Wrong answer: an unbounded channel, so nothing holds the producer back (no backpressure)
//! Expect: Is the queue bounded at 2 (backpressure)

use std::time::Duration;

use tokio::sync::mpsc;
use tokio::time::{Instant, sleep};

/// The sum of 1..=n, sent by a producer task through a queue of 2 and
/// handled `every` each; and when the producer's last send went in.
pub async fn sum_produced(n: u64, every: Duration) -> (u64, Duration) {
    let start = Instant::now();
    let (tx, mut rx) = mpsc::unbounded_channel();
    let producer = tokio::spawn(async move {
        for i in 1..=n {
            tx.send(i).unwrap();
        }
        start.elapsed()
    });
    let mut total = 0;
    while let Some(item) = rx.recv().await {
        sleep(every).await;
        total += item;
    }
    (total, producer.await.unwrap())
}
