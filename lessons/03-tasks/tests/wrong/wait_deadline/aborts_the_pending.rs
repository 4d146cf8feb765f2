//! Wrong answer: the tasks still running at the deadline are aborted
//! Expect: still running

use std::time::Duration;

use tokio::task::JoinSet;
use tokio::time::{Instant, timeout_at};

/// Waits up to `timeout` for the tasks in `tasks`; returns the results of
/// those that finished. The rest remain in `tasks`, still running.
pub async fn wait_deadline<T: 'static>(
    tasks: &mut JoinSet<T>,
    timeout: Duration,
) -> Vec<T> {
    let deadline = Instant::now() + timeout;
    let mut done = Vec::new();
    while let Ok(Some(joined)) = timeout_at(deadline, tasks.join_next()).await {
        match joined {
            Ok(value) => done.push(value),
            Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
            Err(_) => {}
        }
    }
    // Like Python's `for t in pending: t.cancel()`.
    tasks.abort_all();
    done
}
