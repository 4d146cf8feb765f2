//! Exercise 02-submit-from-thread (challenge): `run_coroutine_threadsafe`,
//! with a timeout and cancellation.
//!
//! From a plain thread (never from async code), `submit_from_thread(handle,
//! fut)` runs `fut` on the runtime behind `handle` and returns at once with
//! a `Submitted`, the counterpart of Python's `concurrent.futures.Future`:
//!
//! - `result(timeout)` blocks the calling thread until the output is there
//!   and returns it, or gives up after `timeout` with `Err(Timeout)`.
//!   Giving up does **not** cancel the task: a later `result` can still
//!   collect the output.
//! - `cancel()` cancels the task; a `result` after it returns
//!   `Err(Cancelled)` (unless the task had already finished).
//! - a task that panicked gives `Err(Panicked)`.
//!
//! Once `result` has returned anything other than `Err(Timeout)`, the
//! outcome has been handed over; the tests do not call it again.
//!
//! The runtime is a multi-thread one whose workers keep running while the
//! plain thread waits.
//!
//! Check it: `cargo run -p course -- check 02-submit-from-thread`

use std::future::Future;
use std::time::Duration;

use tokio::runtime::Handle;

/// Why [`Submitted::result`] has no value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubmitError {
    /// Not finished within the timeout; still running.
    Timeout,
    /// Cancelled before it finished.
    Cancelled,
    /// The future panicked.
    Panicked,
}

/// A future running on a runtime, seen from a plain thread.
#[derive(Debug)]
pub struct Submitted<T> {
    // Add the fields you need.
    _output: std::marker::PhantomData<T>,
}

/// Starts `fut` on `handle`'s runtime and returns without waiting.
pub fn submit_from_thread<F>(handle: &Handle, fut: F) -> Submitted<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    todo!()
}

impl<T> Submitted<T> {
    /// Waits up to `timeout` for the output.
    pub fn result(&mut self, timeout: Duration) -> Result<T, SubmitError> {
        todo!()
    }

    /// Cancels the task if it has not finished.
    pub fn cancel(&self) {
        todo!()
    }
}
