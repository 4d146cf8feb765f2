//! Reference solution for 03-wait-deadline.

use std::time::Duration;

use tokio::task::JoinSet;
use tokio::time::{Instant, timeout_at};

/// Waits up to `timeout` for the tasks in `tasks`; returns the results of
/// those that finished. The rest remain in `tasks`, still running.
pub async fn wait_deadline<T: 'static>(
    tasks: &mut JoinSet<T>,
    timeout: Duration,
) -> Vec<T> {
    // One deadline for the whole wait, not a fresh timeout per task.
    let deadline = Instant::now() + timeout;
    let mut done = Vec::new();
    // `join_next` is cancel-safe: when the deadline drops it mid-wait, no
    // finished task is lost; it stays in the set for the next call.
    while let Ok(Some(joined)) = timeout_at(deadline, tasks.join_next()).await {
        match joined {
            Ok(value) => done.push(value),
            Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
            Err(_) => {} // aborted by someone else: neither done nor pending
        }
    }
    // Either the set is empty (Ok(None)) or time is up (Err(Elapsed)).
    done
}
