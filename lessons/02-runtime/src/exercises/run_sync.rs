//! Exercise 02-run-sync (warm-up): `asyncio.Runner`, one loop kept for
//! many calls.
//!
//! A sync library calls async code again and again. `asyncio.run` for each
//! call builds a loop and closes it, and whatever lived on it dies with it:
//! a background task, a connection pool, an `aiohttp` session made in one
//! call is dead in the next. Python 3.11 keeps one loop across calls:
//!
//! ```python
//! with asyncio.Runner() as runner:    # one loop for the whole block
//!     runner.run(connect())
//!     runner.run(query())             # same loop: the connection lives
//! ```
//!
//! Write `run_sync(fut)`: run `fut` to completion on the calling thread and
//! return its output, on a *current-thread* tokio runtime with every driver
//! enabled (timers and I/O). Each thread that calls `run_sync` gets its own
//! runtime, built by its first call and kept for all its later calls, so a
//! task spawned in one call goes on in the next. No runtime is entered
//! once `run_sync` has returned.
//!
//! Check it: `cargo run -p course -- check 02-run-sync`

use std::future::Future;

/// Runs `fut` to completion on this thread's current-thread runtime.
pub fn run_sync<F: Future>(fut: F) -> F::Output {
    todo!()
}
