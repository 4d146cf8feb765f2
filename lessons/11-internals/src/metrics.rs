//! tokio's own runtime, observed: `RuntimeMetrics`.
//!
//! `Handle::metrics()` (or `Runtime::metrics()`) reads counters the
//! runtime keeps anyway. The stable ones: workers, alive tasks, the depth
//! of the global (injection) queue, and per-worker park counts and busy
//! time. asyncio's nearest counterparts are `len(asyncio.all_tasks())` and
//! aiomonitor's task list.

use std::time::Duration;

use tokio::runtime::{Builder, Handle};
use tokio::time::sleep;

/// Alive-task counts at the moments that matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AliveCounts {
    pub spawned: usize,
    /// Right after spawning.
    pub after_spawn: usize,
    /// Half-way: when the first half has finished.
    pub half_way: usize,
    /// After every handle was awaited.
    pub after_join: usize,
}

// ANCHOR: alive
/// Spawns `n` tasks, task `i` sleeping `(i + 1) * step`, and reads the
/// alive-task count along the way.
pub async fn alive_tasks(n: usize, step: Duration) -> AliveCounts {
    let metrics = Handle::current().metrics();
    let handles: Vec<_> = (1..=n)
        .map(|i| tokio::spawn(sleep(step * i as u32)))
        .collect();
    let after_spawn = metrics.num_alive_tasks();

    // Between the (n/2)-th and the next deadline.
    sleep(step * (n / 2) as u32 + step / 2).await;
    let half_way = metrics.num_alive_tasks();

    for handle in handles {
        handle.await.expect("a sleep does not panic");
    }
    AliveCounts {
        spawned: n,
        after_spawn,
        half_way,
        after_join: metrics.num_alive_tasks(),
    }
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
