//! Wrong answer: keeps a runtime per thread, but builds it without enable_all (no timer, no I/O)
//! Expect: timers are disabled

use std::future::Future;

use tokio::runtime::{Builder, Runtime};

thread_local! {
    static RUNTIME: Runtime =
        Builder::new_current_thread().build().expect("a tokio runtime");
}

/// Runs `fut` to completion on this thread's current-thread runtime.
pub fn run_sync<F: Future>(fut: F) -> F::Output {
    RUNTIME.with(|runtime| runtime.block_on(fut))
}
