//! `JoinSet` as a task group: Python's `asyncio.TaskGroup`.
//!
//! A `TaskGroup` waits for all its children, and when one fails it cancels
//! the rest and raises. A `JoinSet` gives the parts: `spawn` adds a child,
//! `join_next` collects the next one to finish, `shutdown` aborts every
//! child still running and waits until they are gone — and dropping a
//! `JoinSet` aborts its tasks too, so no child can outlive the group.
//!
//! One difference: Python raises an `ExceptionGroup` holding every error;
//! this group returns the first error (the siblings are cancelled before
//! they can fail).

use std::future::Future;
use std::time::Duration;

use kit::Timeline;
use kit::sim::{FetchError, Outcome, try_fetch};
use tokio::task::JoinSet;

// ANCHOR: task_group
/// Runs every child as a task. All succeed: their results, in input order.
/// One fails: the others are aborted at once and its error is returned.
pub async fn task_group<T, E, F>(children: Vec<F>) -> Result<Vec<T>, E>
where
    F: Future<Output = Result<T, E>> + Send + 'static,
    T: Send + 'static,
    E: Send + 'static,
{
    let mut group = JoinSet::new();
    let count = children.len();
    for (index, child) in children.into_iter().enumerate() {
        // Tag each result with its position: tasks finish in any order.
        group.spawn(async move { (index, child.await) });
    }

    let mut results: Vec<Option<T>> = (0..count).map(|_| None).collect();
    while let Some(joined) = group.join_next().await {
        let (index, outcome) = match joined {
            Ok(tagged) => tagged,
            // A child panicked: let the panic carry on up, as Python would
            // let the exception out of the `async with` block.
            Err(e) => std::panic::resume_unwind(e.into_panic()),
        };
        match outcome {
            Ok(value) => results[index] = Some(value),
            Err(error) => {
                group.shutdown().await; // abort the siblings, wait until gone
                return Err(error);
            }
        }
    }
    Ok(results
        .into_iter()
        .map(|r| r.expect("every child reported"))
        .collect())
}
// ANCHOR_END: task_group

// ANCHOR: child
/// A child for the group: a fetch that may fail, drawn on the timeline.
/// Its arguments are owned, so the future is `'static` and can be spawned.
pub async fn child(
    timeline: Timeline,
    name: &'static str,
    delay: Duration,
    outcome: Outcome,
) -> Result<String, FetchError> {
    timeline.track(name, try_fetch(name, delay, outcome)).await
}
// ANCHOR_END: child
