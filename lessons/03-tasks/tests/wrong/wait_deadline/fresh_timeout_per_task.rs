//! Wrong answer: a fresh timeout for each task instead of one deadline
//! Expect: not a fresh timeout for each task

use std::time::Duration;

use tokio::task::JoinSet;
use tokio::time::timeout as time_limit;

/// Waits up to `timeout` for the tasks in `tasks`; returns the results of
/// those that finished. The rest remain in `tasks`, still running.
pub async fn wait_deadline<T: 'static>(
    tasks: &mut JoinSet<T>,
    timeout: Duration,
) -> Vec<T> {
    let mut done = Vec::new();
    while let Ok(Some(joined)) = time_limit(timeout, tasks.join_next()).await {
        match joined {
            Ok(value) => done.push(value),
            Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
            Err(_) => {}
        }
    }
    done
}
