//! Wrong answer: builds a new runtime for every call and drops it at the end (asyncio.run each time)
//! Expect: a new runtime for every call

use std::future::Future;

use tokio::runtime::Builder;

/// Runs `fut` to completion on this thread's current-thread runtime.
pub fn run_sync<F: Future>(fut: F) -> F::Output {
    let runtime = Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(fut)
}
