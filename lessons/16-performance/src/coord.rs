//! Workload 4: the cost of coordination — messages through a bounded
//! channel, and lock/unlock with nobody else wanting the lock.

use tokio::sync::mpsc;

// ANCHOR: channel
/// One producer sends `0..n` through a channel of `capacity`; one consumer
/// adds them up. Returns the sum, which proves every message arrived.
pub async fn channel_sum(n: u64, capacity: usize) -> u64 {
    let (tx, mut rx) = mpsc::channel(capacity);
    let producer = tokio::spawn(async move {
        for i in 0..n {
            // The consumer is alive until it has read everything.
            tx.send(i).await.expect("the consumer is listening");
        }
    });
    let mut sum = 0;
    while let Some(i) = rx.recv().await {
        sum += i;
    }
    producer.await.expect("the producer does not panic");
    sum
}
// ANCHOR_END: channel

// ANCHOR: locks
/// Locks and unlocks a `std::sync::Mutex` `n` times; returns the count.
pub fn std_mutex_rounds(n: u64) -> u64 {
    let counter = std::sync::Mutex::new(0_u64);
    for _ in 0..n {
        *counter.lock().expect("nobody panics holding it") += 1;
    }
    counter.into_inner().expect("not poisoned")
}

/// The same with tokio's async `Mutex`, which may be held across `.await`
/// (and costs more per lock for it).
pub async fn tokio_mutex_rounds(n: u64) -> u64 {
    let counter = tokio::sync::Mutex::new(0_u64);
    for _ in 0..n {
        *counter.lock().await += 1;
    }
    counter.into_inner()
}
// ANCHOR_END: locks
