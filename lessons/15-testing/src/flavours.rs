//! `#[tokio::test]` and its flavours.
//!
//! pytest-asyncio runs each `async def test_…` on an event loop it makes for
//! the test. `#[tokio::test]` does the same: it turns an `async fn` into a
//! plain `#[test]` that builds a fresh runtime, `block_on`s the body, and
//! drops the runtime (cancelling any task the test left behind).
//!
//! The default is a **current-thread** runtime — one thread, like asyncio's
//! loop — which is also the only kind whose clock can be paused. Ask for
//! the multi-threaded one when the code under test needs it (for example
//! `block_in_place`, or to see real parallelism):
//!
//! ```text
//! #[tokio::test]                                  current_thread
//! #[tokio::test(start_paused = true)]             current_thread, paused clock
//! #[tokio::test(flavor = "multi_thread")]         one worker per core
//! #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
//! ```

use tokio::runtime::{Handle, RuntimeFlavor};

// ANCHOR: which
/// The kind of runtime the caller runs on, and how many worker threads it
/// has (`None` for the current-thread runtime, which runs on the caller's
/// own thread).
pub fn which_runtime() -> (RuntimeFlavor, Option<usize>) {
    let handle = Handle::current();
    let workers = match handle.runtime_flavor() {
        RuntimeFlavor::MultiThread => Some(handle.metrics().num_workers()),
        _ => None,
    };
    (handle.runtime_flavor(), workers)
}
// ANCHOR_END: which
