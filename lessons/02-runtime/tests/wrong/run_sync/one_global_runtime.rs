//! Wrong answer: one multi-thread runtime for the whole process, built on first use
//! Expect: the threads share one

use std::future::Future;
use std::sync::LazyLock;

use tokio::runtime::Runtime;

static RUNTIME: LazyLock<Runtime> =
    LazyLock::new(|| Runtime::new().expect("a tokio runtime"));

/// Runs `fut` to completion on this thread's current-thread runtime.
pub fn run_sync<F: Future>(fut: F) -> F::Output {
    RUNTIME.block_on(fut)
}
