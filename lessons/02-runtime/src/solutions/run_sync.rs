//! Reference solution for 02-run-sync.

use std::future::Future;

use tokio::runtime::Builder;

/// Runs `fut` to completion on a fresh current-thread runtime.
pub fn run_sync<F: Future>(fut: F) -> F::Output {
    let runtime = Builder::new_current_thread()
        .enable_all() // without it, the first timer or socket panics
        .build()
        .expect("a tokio runtime");
    runtime.block_on(fut)
    // The runtime is dropped here, and with it any task still pending.
}
