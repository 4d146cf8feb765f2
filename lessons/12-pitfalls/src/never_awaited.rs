//! Pitfall: a future that is never awaited.
//!
//! Python runs none of a coroutine's body until it is awaited, and warns
//! at run time: "coroutine 'save' was never awaited". Rust's futures are
//! lazy too, and the warning comes at compile time: futures are
//! `#[must_use]`, so `save(..);` alone warns "unused implementer of
//! `Future` that must be used" (an error under `#![deny(unused_must_use)]`).
//! One form slips past that lint: `let _ = save(..);`, which clippy's
//! `let_underscore_future` catches instead.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::time::sleep;

/// Where saved entries end up.
pub type Store = Arc<Mutex<Vec<String>>>;

/// Saves `entry`, after a short wait like a database write.
pub async fn save(store: Store, entry: &str) {
    sleep(Duration::from_millis(10)).await;
    store.lock().unwrap().push(entry.to_owned());
}

// ANCHOR: forgot
/// The mistake: the future is built and dropped, so nothing is saved.
#[expect(
    clippy::let_underscore_future,
    reason = "this is the pitfall being shown"
)]
pub async fn forgot_the_await(store: Store) {
    let _ = save(store, "order #1"); // builds a future, drops it
}

/// The fix: await it.
pub async fn awaited(store: Store) {
    save(store, "order #1").await;
}
// ANCHOR_END: forgot
