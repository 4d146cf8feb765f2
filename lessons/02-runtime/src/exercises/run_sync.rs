//! Exercise 02-run-sync (warm-up): your own `asyncio.run`.
//!
//! Write `run_sync(fut)`: build a *current-thread* tokio runtime with every
//! driver enabled (timers and I/O), run `fut` to completion on it with
//! `block_on`, and return its output. The runtime is dropped when
//! `run_sync` returns, like the loop `asyncio.run` closes.
//!
//! The tests check that timers and sockets work inside, that the future
//! runs on the calling thread, that spawned tasks run, and that it can be
//! called again and again.
//!
//! Check it: `cargo run -p course -- check 02-run-sync`

use std::future::Future;

/// Runs `fut` to completion on a fresh current-thread runtime.
pub fn run_sync<F: Future>(fut: F) -> F::Output {
    todo!()
}
