//! Wrong answer: submit_from_thread drives the future itself with handle.block_on, so it waits for the job
//! Expect: return at once

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
    output: Option<T>,
}

/// Starts `fut` on `handle`'s runtime and returns without waiting.
pub fn submit_from_thread<F>(handle: &Handle, fut: F) -> Submitted<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    // run_coroutine_threadsafe: run it on the loop, from this thread.
    Submitted {
        output: Some(handle.block_on(fut)),
    }
}

impl<T> Submitted<T> {
    /// Waits up to `timeout` for the output.
    pub fn result(&mut self, timeout: Duration) -> Result<T, SubmitError> {
        let _ = timeout; // already done
        self.output.take().ok_or(SubmitError::Cancelled)
    }

    /// Cancels the task if it has not finished.
    pub fn cancel(&self) {}
}
