//! `broadcast`: every message to every receiver, and lag.
//!
//! Each receiver gets its own copy of every message (`T: Clone`). The
//! channel keeps only the last `capacity` messages; a receiver that falls
//! further behind is not waited for — the sender never blocks — and its
//! next `recv` returns `RecvError::Lagged(n)`: *n* messages are gone. It
//! then carries on from the oldest message still kept. Lagged is not
//! closed: a loop that stops on any error mistakes one for the other.

use std::time::Duration;

use tokio::sync::broadcast::{self, error::RecvError};
use tokio::time::sleep;

/// What a receiver saw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seen {
    /// A message.
    Got(u32),
    /// Told that this many messages were missed.
    Missed(u64),
}

// ANCHOR: receive_all
/// Receives until the channel closes, noting lag instead of stopping.
async fn receive_all(
    mut rx: broadcast::Receiver<u32>,
    start_after: Duration,
) -> Vec<Seen> {
    sleep(start_after).await; // a slow start
    let mut seen = Vec::new();
    loop {
        match rx.recv().await {
            Ok(message) => seen.push(Seen::Got(message)),
            Err(RecvError::Lagged(missed)) => seen.push(Seen::Missed(missed)),
            Err(RecvError::Closed) => return seen,
        }
    }
}
// ANCHOR_END: receive_all

// ANCHOR: broadcast
/// Sends 1..=`messages`, one every `every`, into a channel of `capacity`;
/// a fast receiver starts at once, a slow one after `slow_start`.
pub async fn fast_and_slow(
    capacity: usize,
    messages: u32,
    every: Duration,
    slow_start: Duration,
) -> (Vec<Seen>, Vec<Seen>) {
    let (tx, _) = broadcast::channel(capacity);
    // Subscribe both before sending: a receiver sees only later messages.
    let fast = receive_all(tx.subscribe(), Duration::ZERO);
    let slow = receive_all(tx.subscribe(), slow_start);
    let sender = async move {
        for message in 1..=messages {
            sleep(every).await;
            let _ = tx.send(message); // never waits for a receiver
        }
    }; // `tx` dropped: receivers see `Closed` after the last kept message
    let ((), fast, slow) = tokio::join!(sender, fast, slow);
    (fast, slow)
}
// ANCHOR_END: broadcast
