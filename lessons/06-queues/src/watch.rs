//! `watch`: one value, always the latest.
//!
//! A `watch` channel holds a single value. `send` replaces it; a receiver's
//! `changed().await` wakes when there is a value it has not seen, and
//! `borrow_and_update()` reads the newest one. Values sent while a receiver
//! was busy are not queued for it: it skips straight to the latest. Right
//! for state — a config, a status, a progress figure — where only "now"
//! matters.

use std::time::Duration;

use tokio::sync::watch;
use tokio::time::sleep;

// ANCHOR: watch
/// Publishes 1..=`values`, one every `every`; a watcher that needs `busy`
/// after each look reports what it saw.
pub async fn slow_watcher(
    values: u32,
    every: Duration,
    busy: Duration,
) -> Vec<u32> {
    let (tx, mut rx) = watch::channel(0);
    let publisher = async move {
        for value in 1..=values {
            sleep(every).await;
            tx.send_replace(value);
        }
    }; // `tx` dropped: `changed()` fails once the last value is seen
    let watcher = async move {
        let mut seen = Vec::new();
        while rx.changed().await.is_ok() {
            seen.push(*rx.borrow_and_update());
            sleep(busy).await; // values sent meanwhile overwrite each other
        }
        seen
    };
    tokio::join!(publisher, watcher).1
}
// ANCHOR_END: watch
