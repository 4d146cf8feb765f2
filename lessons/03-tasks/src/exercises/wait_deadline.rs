//! Exercise 03-wait-deadline (core).
//!
//! Python's `done, pending = await asyncio.wait(tasks, timeout=t)`: collect
//! the results of the tasks in `tasks` that finish within `timeout`, in the
//! order they finish, and return them. Tasks still running at the deadline
//! stay in the `JoinSet`, *still running*: they are the pending ones, and
//! the caller decides whether to wait longer or abort them.
//!
//! Unlike `deadline::wait_then_cancel` in the lesson, return as soon as
//! every task is done: with tasks of 0.2 and 0.4 s and a 5 s timeout, the
//! tests expect you back at exactly 0.4 s. An empty set returns at once. If
//! a task panicked, let the panic continue (`std::panic::resume_unwind`).
//!
//! Check it: `cargo run -p course -- check 03-wait-deadline`

use std::time::Duration;

use tokio::task::JoinSet;

/// Waits up to `timeout` for the tasks in `tasks`; returns the results of
/// those that finished. The rest remain in `tasks`, still running.
pub async fn wait_deadline<T: 'static>(
    tasks: &mut JoinSet<T>,
    timeout: Duration,
) -> Vec<T> {
    todo!()
}
