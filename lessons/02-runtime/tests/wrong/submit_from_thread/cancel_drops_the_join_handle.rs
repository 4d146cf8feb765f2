//! Wrong answer: cancel() drops the JoinHandle, which detaches the task instead of aborting it
//! Expect: cancel() let go of the task

use std::future::Future;
use std::time::Duration;

use std::sync::Mutex;
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
    task: Mutex<Option<JoinHandle<T>>>,
}

/// Starts `fut` on `handle`'s runtime and returns without waiting.
pub fn submit_from_thread<F>(handle: &Handle, fut: F) -> Submitted<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    Submitted {
        handle: handle.clone(),
        task: Mutex::new(Some(handle.spawn(fut))),
    }
}

impl<T> Submitted<T> {
    /// Waits up to `timeout` for the output.
    pub fn result(&mut self, timeout: Duration) -> Result<T, SubmitError> {
        let mut slot = self.task.lock().unwrap();
        let Some(task) = slot.as_mut() else {
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
        // Forget the task: a result() after this says Cancelled.
        drop(self.task.lock().unwrap().take());
    }
}
