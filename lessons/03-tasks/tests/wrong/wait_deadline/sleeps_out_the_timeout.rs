//! Wrong answer: sleeps the whole timeout, then collects what is done
//! Expect: sleep out the whole timeout

use std::time::Duration;

use tokio::task::JoinSet;
use tokio::time::sleep;

/// Waits up to `timeout` for the tasks in `tasks`; returns the results of
/// those that finished. The rest remain in `tasks`, still running.
pub async fn wait_deadline<T: 'static>(
    tasks: &mut JoinSet<T>,
    timeout: Duration,
) -> Vec<T> {
    sleep(timeout).await;
    let mut done = Vec::new();
    while let Some(joined) = tasks.try_join_next() {
        match joined {
            Ok(value) => done.push(value),
            Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
            Err(_) => {}
        }
    }
    done
}
