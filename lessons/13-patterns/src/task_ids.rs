//! Which task failed? `JoinSet::join_next_with_id` and `tokio::task::Id`.
//!
//! `join_next` hands back a task's value, or a `JoinError` that does not
//! say whose it was. Every task has an `Id`: `spawn` returns an
//! `AbortHandle` whose `id()` is known before the task runs, the task can
//! read its own with `tokio::task::id()`, `join_next_with_id` pairs each
//! value with it, and `JoinError::id()` names the task of a panic or an
//! abort. A map from `Id` to name is then all the bookkeeping needed.
//! Python keeps the `Task` object itself as the key (`task.get_name()`).

use std::collections::HashMap;
use std::time::Duration;

use tokio::task::{self, Id, JoinSet};
use tokio::time::{Instant, sleep};

/// A job to run: its name, how long it works, whether it then panics.
#[derive(Debug, Clone, Copy)]
pub struct Job {
    pub name: &'static str,
    pub work: Duration,
    pub panics: bool,
}

/// How a task ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// It returned; its value was the `Id` it read from `task::id()`.
    Done {
        own_id: Id,
    },
    Panicked,
    Aborted,
}

/// One task's end, as the set reported it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ended {
    pub name: &'static str,
    /// The id the set gave with the result (or the error).
    pub id: Id,
    pub how: How,
    /// From the start.
    pub at: Duration,
}

// ANCHOR: ids
/// Runs `jobs` in a `JoinSet`; the first panic aborts all the others.
/// Returns every task's end, in the order the set reported them.
pub async fn first_panic_aborts_the_rest(jobs: &[Job]) -> Vec<Ended> {
    let start = Instant::now();
    let mut set = JoinSet::new();
    let mut names = HashMap::new();
    for &Job { name, work, panics } in jobs {
        let handle = set.spawn(async move {
            sleep(work).await;
            if panics {
                panic!("{name} failed");
            }
            task::id() // inside a task: its own id
        });
        names.insert(handle.id(), name); // known before it ever runs
    }

    let mut ended = Vec::new();
    while let Some(result) = set.join_next_with_id().await {
        let (id, how) = match result {
            Ok((id, own_id)) => (id, How::Done { own_id }),
            // A panic or an abort: the error still says whose it was.
            Err(e) if e.is_panic() => (e.id(), How::Panicked),
            Err(e) => (e.id(), How::Aborted),
        };
        let at = start.elapsed();
        ended.push(Ended {
            name: names[&id],
            id,
            how,
            at,
        });
        if how == How::Panicked {
            // The rest is pointless now. Their ends still come out of
            // `join_next_with_id`, as `Aborted`, so keep looping.
            set.abort_all();
        }
    }
    ended
}
// ANCHOR_END: ids
