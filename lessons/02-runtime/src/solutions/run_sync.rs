//! Reference solution for 02-run-sync.

use std::future::Future;

use tokio::runtime::{Builder, Runtime};

thread_local! {
    /// This thread's runtime: built by the first `run_sync` on the thread,
    /// kept until the thread ends. A current-thread runtime belongs to the
    /// thread that drives it, so one per thread is the natural shape.
    static RUNTIME: Runtime = Builder::new_current_thread()
        .enable_all() // without it, the first timer or socket panics
        .build()
        .expect("a tokio runtime");
}

/// Runs `fut` to completion on this thread's current-thread runtime.
pub fn run_sync<F: Future>(fut: F) -> F::Output {
    // Tasks spawned by an earlier call are still on this runtime: they ran
    // while that call lasted, and they run again during this one.
    RUNTIME.with(|runtime| runtime.block_on(fut))
}
