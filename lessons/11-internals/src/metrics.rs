//! tokio's own runtime, observed: `RuntimeMetrics`.
//!
//! `Handle::metrics()` (or `Runtime::metrics()`) reads counters the
//! runtime keeps anyway. The stable ones: workers, alive tasks, the depth
//! of the global (injection) queue, and per-worker park counts and busy
//! time. asyncio's nearest counterparts are `len(asyncio.all_tasks())` and
//! aiomonitor's task list.

use std::time::Duration;

use tokio::runtime::{Builder, Handle};
use tokio::task::JoinHandle;
use tokio::time::sleep;

/// Alive-task counts at the moments that matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AliveCounts {
    pub spawned: usize,
    /// Right after spawning.
    pub after_spawn: usize,
    /// Once the first half was joined (and released).
    pub half_way: usize,
    /// Read right after the last `.await`, before waiting for the release:
    /// 0 on a current-thread runtime, sometimes 1 on a multi-thread one.
    pub just_joined: usize,
    /// How many handles said `is_finished()` after the joins.
    pub finished: usize,
    /// After every handle was awaited and every task released.
    pub after_join: usize,
}

// ANCHOR: alive
/// Spawns one task per entry of `sleeps` (shortest first), each sleeping
/// that long, and reads the alive-task count along the way. Assumes these
/// are the runtime's only tasks.
pub async fn alive_tasks(sleeps: &[Duration]) -> AliveCounts {
    let metrics = Handle::current().metrics();
    let n = sleeps.len();
    let mut handles: Vec<_> =
        sleeps.iter().map(|&d| tokio::spawn(sleep(d))).collect();
    let after_spawn = metrics.num_alive_tasks();

    // Join the first half: the other half still sleeps.
    for handle in &mut handles[..n / 2] {
        handle.await.expect("a sleep does not panic");
    }
    let half_way = alive_once_released(&handles).await;

    for handle in &mut handles[n / 2..] {
        handle.await.expect("a sleep does not panic");
    }
    let just_joined = metrics.num_alive_tasks(); // may still count one
    // The proof that a task is done is its handle, not the metric.
    let finished = handles.iter().filter(|h| h.is_finished()).count();
    AliveCounts {
        spawned: n,
        after_spawn,
        half_way,
        just_joined,
        finished,
        after_join: alive_once_released(&handles).await,
    }
}

/// `n` sleeps, rising by `step`: `step`, `2 step`, ..., `n step`.
pub fn rising(n: u32, step: Duration) -> Vec<Duration> {
    (1..=n).map(|i| step * i).collect()
}

/// `num_alive_tasks` once every finished task of `handles` is released.
/// A multi-thread runtime wakes the `JoinHandle` first and releases the
/// task a moment later, on its worker; so wait (at most about a second)
/// until the count is down to the tasks that are still running.
pub async fn alive_once_released<T>(handles: &[JoinHandle<T>]) -> usize {
    let metrics = Handle::current().metrics();
    let running = || handles.iter().filter(|h| !h.is_finished()).count();
    for _ in 0..1000 {
        if metrics.num_alive_tasks() <= running() {
            break;
        }
        sleep(Duration::from_millis(1)).await;
    }
    metrics.num_alive_tasks()
}
// ANCHOR_END: alive

/// What a fresh runtime's metrics say before and after it runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueDepths {
    pub workers: usize,
    /// Tasks spawned from outside, waiting in the global queue.
    pub global_before: usize,
    pub global_after: usize,
    pub alive_after: usize,
}

// ANCHOR: queue_depth
/// Spawns `n` tasks from outside a current-thread runtime (they wait in
/// its global queue), then runs it until they are gone.
pub fn global_queue(n: usize) -> QueueDepths {
    let runtime = Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    for _ in 0..n {
        runtime.spawn(async {});
    }
    let metrics = runtime.metrics();
    let global_before = metrics.global_queue_depth();
    runtime.block_on(async {
        while metrics.num_alive_tasks() > 0 {
            tokio::task::yield_now().await;
        }
    });
    QueueDepths {
        workers: metrics.num_workers(),
        global_before,
        global_after: metrics.global_queue_depth(),
        alive_after: metrics.num_alive_tasks(),
    }
}
// ANCHOR_END: queue_depth

/// Workers of a multi-thread runtime with `threads` workers, and how many
/// times they parked (went to sleep with nothing to do) during a short run.
pub fn workers(threads: usize) -> (usize, u64) {
    let runtime = Builder::new_multi_thread()
        .worker_threads(threads)
        .enable_all()
        .build()
        .expect("a runtime");
    // `sleep` inside the async block: built outside the runtime, a tokio
    // timer panics ("there is no reactor running...").
    runtime.block_on(async { sleep(Duration::from_millis(20)).await });
    let metrics = runtime.metrics();
    let parks = (0..metrics.num_workers())
        .map(|w| metrics.worker_park_count(w))
        .sum();
    (metrics.num_workers(), parks)
}
