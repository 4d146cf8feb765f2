//! What can be awaited: anything that implements `Future`.
//!
//! Python awaits coroutines, Tasks and Futures. Rust awaits any value whose
//! type implements `Future` (or `IntoFuture`): an `async fn` call, an
//! `async` block, a `JoinHandle` from `tokio::spawn`, the receiving half of
//! a `oneshot` channel (Python's bare `Future` with `set_result`), timers,
//! and hand-written futures such as [`crate::countdown::Countdown`].

use std::time::Duration;

use tokio::sync::oneshot;
use tokio::time::sleep;

// ANCHOR: awaitables
/// Awaits four kinds of future and returns what each produced.
pub async fn four_kinds() -> Vec<String> {
    // 1. An async block: an anonymous future, like an inline coroutine.
    let block = async { "async block".to_string() };

    // 2. A JoinHandle: the task runs on its own; awaiting collects the result.
    let handle = tokio::spawn(async { "spawned task".to_string() });

    // 3. A oneshot receiver: someone else sets the result later.
    let (tx, rx) = oneshot::channel();
    tokio::spawn(async move {
        sleep(Duration::from_millis(10)).await;
        let _ = tx.send("oneshot value".to_string());
    });

    // 4. A hand-written future (see countdown.rs).
    let countdown = crate::countdown::Countdown::new(3);

    vec![
        block.await,
        handle.await.expect("the task did not panic"),
        rx.await.expect("the sender sent before dropping"),
        format!("countdown after {} polls", countdown.await),
    ]
}
// ANCHOR_END: awaitables
