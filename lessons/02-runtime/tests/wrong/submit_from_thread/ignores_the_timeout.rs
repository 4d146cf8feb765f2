//! Wrong answer: result() waits for the task however long it takes, ignoring its timeout
//! Expect: ignores its timeout

use std::future::Future;
use std::time::Duration;

use tokio::runtime::Handle;
use tokio::task::JoinHandle;

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
    handle: Handle,
    task: JoinHandle<T>,
}

/// Starts `fut` on `handle`'s runtime and returns without waiting.
pub fn submit_from_thread<F>(handle: &Handle, fut: F) -> Submitted<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    Submitted {
        handle: handle.clone(),
        task: handle.spawn(fut),
    }
}

impl<T> Submitted<T> {
    /// Waits up to `timeout` for the output.
    pub fn result(&mut self, timeout: Duration) -> Result<T, SubmitError> {
        let _ = timeout; // the task is quick; waiting for it is enough
        match self.handle.block_on(&mut self.task) {
            Ok(output) => Ok(output),
            Err(e) if e.is_panic() => Err(SubmitError::Panicked),
            Err(_) => Err(SubmitError::Cancelled),
        }
    }

    /// Cancels the task if it has not finished.
    pub fn cancel(&self) {
        self.task.abort();
    }
}
