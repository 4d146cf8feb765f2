//! `OnceCell`: initialise once, however many tasks ask at the same time.
//!
//! Python code often guards a lazily created client with a lock and an
//! `if self._client is None:` check. `tokio::sync::OnceCell::get_or_init`
//! does exactly that: the first caller runs the async initialiser, every
//! other caller waits for it and gets the same value. If the initialiser is
//! cancelled or fails (`get_or_try_init`), the next caller tries again.
//! (For synchronous initialisation, std's `OnceLock` and `LazyLock` do.)

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::sync::OnceCell;
use tokio::task::JoinSet;
use tokio::time::sleep;

// ANCHOR: once
/// `callers` tasks all ask for a connection string that takes `init` to
/// build. Returns what each got and how many times it was built.
pub async fn shared_init(
    callers: usize,
    init: Duration,
) -> (Vec<String>, usize) {
    let cell = Arc::new(OnceCell::new());
    let builds = Arc::new(AtomicUsize::new(0));
    let mut tasks = JoinSet::new();
    for _ in 0..callers {
        let (cell, builds) = (cell.clone(), builds.clone());
        tasks.spawn(async move {
            let value: &String = cell
                .get_or_init(|| async {
                    builds.fetch_add(1, Ordering::SeqCst);
                    sleep(init).await; // connecting, say
                    "postgres://db/app".to_string()
                })
                .await;
            value.clone()
        });
    }
    let values = tasks.join_all().await;
    (values, builds.load(Ordering::SeqCst))
}
// ANCHOR_END: once
