//! Wrong answer: every JoinError becomes Cancelled, a panic included
//! Expect: reported as Panicked

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
        // `&mut self.task`: on a timeout only the reference is dropped, so
        // the task keeps running and a later call can still collect it.
        // `timeout` creates its timer when called, and a timer needs a
        // runtime context: call it *inside* the future given to block_on.
        let task = &mut self.task;
        let waited = self
            .handle
            .block_on(async move { tokio::time::timeout(timeout, task).await });
        match waited {
            Err(_elapsed) => Err(SubmitError::Timeout),
            Ok(Ok(output)) => Ok(output),
            Ok(Err(_)) => Err(SubmitError::Cancelled),
        }
    }

    /// Cancels the task if it has not finished.
    pub fn cancel(&self) {
        self.task.abort();
    }
}
