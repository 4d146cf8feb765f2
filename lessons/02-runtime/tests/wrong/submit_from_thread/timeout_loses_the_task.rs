//! Wrong answer: the timeout takes the JoinHandle by value, so a timeout drops it and the task's output is lost
//! Expect: the first timeout lost the task

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
    task: Option<JoinHandle<T>>,
}

/// Starts `fut` on `handle`'s runtime and returns without waiting.
pub fn submit_from_thread<F>(handle: &Handle, fut: F) -> Submitted<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    Submitted {
        handle: handle.clone(),
        task: Some(handle.spawn(fut)),
    }
}

impl<T> Submitted<T> {
    /// Waits up to `timeout` for the output.
    pub fn result(&mut self, timeout: Duration) -> Result<T, SubmitError> {
        let Some(task) = self.task.take() else {
            return Err(SubmitError::Cancelled);
        };
        let waited = self
            .handle
            .block_on(async move { tokio::time::timeout(timeout, task).await });
        match waited {
            Err(_elapsed) => Err(SubmitError::Timeout),
            Ok(Ok(output)) => Ok(output),
            Ok(Err(e)) if e.is_panic() => Err(SubmitError::Panicked),
            Ok(Err(_)) => Err(SubmitError::Cancelled),
        }
    }

    /// Cancels the task if it has not finished.
    pub fn cancel(&self) {
        if let Some(task) = &self.task {
            task.abort();
        }
    }
}
