//! Asking a task about itself: `is_finished` and task ids.
//!
//! `JoinHandle::is_finished()` is Python's `task.done()`: it never waits.
//! Every task has a `tokio::task::Id`, unique among the tasks alive in the
//! runtime: `JoinHandle::id()` and `AbortHandle::id()` from outside,
//! `tokio::task::id()` from inside, `JoinSet::join_next_with_id` on the way
//! out. Python's `task.get_name()` has no stable counterpart: tokio's task
//! names (`tokio::task::Builder::name`) need the `tokio_unstable` cfg. Keep
//! your own map from id to name, as below.

use std::collections::HashMap;
use std::time::Duration;

use tokio::task::{Id, JoinSet};
use tokio::time::sleep;

use crate::Job;

// ANCHOR: is_finished
/// Spawns a task of `task_len` and asks `is_finished()` at each of `checks`
/// (times from the start, ascending).
pub async fn is_finished_over_time(
    task_len: Duration,
    checks: &[Duration],
) -> Vec<(Duration, bool)> {
    let task = tokio::spawn(sleep(task_len));
    let start = tokio::time::Instant::now();
    let mut seen = Vec::new();
    for &at in checks {
        tokio::time::sleep_until(start + at).await;
        seen.push((at, task.is_finished())); // a question, not a wait
    }
    seen
}
// ANCHOR_END: is_finished

/// One finished task, as `names_by_id` saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finished {
    /// The name we gave the task.
    pub name: &'static str,
    /// Its id, as `join_next_with_id` reported it.
    pub id: Id,
    /// Its id, as the task itself saw it with `tokio::task::id()`.
    pub id_inside: Id,
}

// ANCHOR: ids
/// Spawns the jobs into a `JoinSet`, naming them by id, and reports each
/// one as it finishes.
pub async fn names_by_id(jobs: &[Job]) -> Vec<Finished> {
    let mut set = JoinSet::new();
    let mut names: HashMap<Id, &'static str> = HashMap::new();
    for &(name, delay) in jobs {
        let handle = set.spawn(async move {
            sleep(delay).await;
            tokio::task::id() // "which task am I?"
        });
        names.insert(handle.id(), name);
    }
    let mut finished = Vec::new();
    while let Some(joined) = set.join_next_with_id().await {
        let (id, id_inside) = joined.expect("no panic");
        finished.push(Finished {
            name: names[&id],
            id,
            id_inside,
        });
    }
    finished
}
// ANCHOR_END: ids
