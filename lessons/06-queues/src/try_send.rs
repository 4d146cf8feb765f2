//! `try_send`: `put_nowait`, which fails instead of waiting.
//!
//! On a full channel `try_send` returns `TrySendError::Full(item)` — the
//! item comes back, so nothing is lost and the caller decides: drop it,
//! retry later, answer "busy". Once the receiver is gone it returns
//! `Closed(item)`; Python's queue has no such state.

use tokio::sync::mpsc::{self, error::TrySendError};

// ANCHOR: try_send
/// Tries to put `items` into a channel of `capacity` with nobody
/// receiving, then once more after the receiver is dropped.
pub fn try_send_outcomes(capacity: usize, items: u32) -> Vec<String> {
    let (tx, rx) = mpsc::channel(capacity);
    let mut outcomes = Vec::new();
    for item in 0..items {
        outcomes.push(match tx.try_send(item) {
            Ok(()) => format!("{item}: queued"),
            Err(TrySendError::Full(back)) => format!("{back}: full"),
            Err(TrySendError::Closed(back)) => format!("{back}: closed"),
        });
    }
    drop(rx);
    if let Err(TrySendError::Closed(back)) = tx.try_send(items) {
        outcomes.push(format!("{back}: closed"));
    }
    outcomes
}
// ANCHOR_END: try_send
