//! `current_thread` vs `multi_thread`: the runtime's two schedulers.
//!
//! Python makes its loop faster by swapping the implementation (uvloop, on
//! libuv). tokio's loop is already compiled code on epoll/kqueue; the choice
//! you make is the *scheduler*:
//!
//! - `current_thread`: everything on the one thread that calls `block_on`.
//!   No cross-thread hand-offs, and tasks need not be `Send` (with a
//!   `LocalSet`). One core's worth of work.
//! - `multi_thread` (the default of `#[tokio::main]`): a pool of worker
//!   threads, one per core by default, that steal work from each other.
//!   Tasks run in parallel; they must be `Send`.

use std::collections::{BTreeSet, HashSet};
use std::thread::{self, ThreadId};
use std::time::Duration;

use futures::future::join_all;
use tokio::runtime::{Builder, Runtime};

/// Which threads a runtime's spawned tasks ran on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    /// The thread that called `block_on`.
    pub caller: ThreadId,
    /// The distinct threads the tasks ran on.
    pub task_threads: HashSet<ThreadId>,
    /// Their names (tokio names its workers `tokio-rt-worker` unless told otherwise).
    pub task_thread_names: BTreeSet<String>,
}

// ANCHOR: flavors
/// A single-threaded runtime: everything runs on the caller's thread.
pub fn current_thread() -> Runtime {
    Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime")
}

/// A work-stealing pool of `workers` threads.
pub fn multi_thread(workers: usize) -> Runtime {
    Builder::new_multi_thread()
        .worker_threads(workers)
        .enable_all()
        .build()
        .expect("a runtime")
}

/// Spawns `tasks` tasks on `runtime` and records where each one ran.
pub fn where_tasks_run(runtime: &Runtime, tasks: usize) -> Placement {
    let caller = thread::current().id();
    let ran_on = runtime.block_on(async {
        let handles = (0..tasks).map(|_| {
            tokio::spawn(async {
                let me = thread::current();
                (me.id(), me.name().unwrap_or("unnamed").to_string())
            })
        });
        join_all(handles).await
    });
    let ran_on: Vec<_> =
        ran_on.into_iter().map(|r| r.expect("no panic")).collect();
    Placement {
        caller,
        task_threads: ran_on.iter().map(|(id, _)| *id).collect(),
        task_thread_names: ran_on.into_iter().map(|(_, name)| name).collect(),
    }
}
// ANCHOR_END: flavors

/// Spawns `tasks` empty tasks and joins them all; returns the wall time.
/// Printed by the demo, not asserted: it is this machine's number.
pub fn spawn_and_join(runtime: &Runtime, tasks: usize) -> Duration {
    let ((), took) = kit::timing::measure_blocking(|| {
        runtime.block_on(async {
            let handles: Vec<_> =
                (0..tasks).map(|i| tokio::spawn(async move { i })).collect();
            for handle in handles {
                handle.await.expect("no panic");
            }
        })
    });
    took
}
