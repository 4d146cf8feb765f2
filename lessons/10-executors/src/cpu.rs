//! CPU-bound work: on a thread pool, in parallel — no process pool needed.
//!
//! Python runs CPU work in a `ProcessPoolExecutor` because the GIL lets
//! only one thread run Python code at a time. Rust has no GIL: threads run
//! in parallel on every core. So the CPU pool is a *thread* pool — rayon's —
//! and the async side waits for its answer on a `oneshot` channel, which is
//! an ordinary future. Plain async tasks are the wrong tool: a task that
//! computes never reaches an `.await`, so tasks on one runtime thread take
//! turns, one whole computation after another.

use std::time::Duration;

use rayon::ThreadPool;
use tokio::sync::{mpsc, oneshot};
use tokio::time::Instant;

/// `units` of pure CPU work (a pseudo-random walk); returns a checksum so
/// the compiler cannot skip it.
pub fn busy(units: u64) -> u64 {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..units {
        // xorshift: cheap, and the optimiser cannot predict it
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x = std::hint::black_box(x);
    }
    x
}

/// When one piece of work started and ended, on the real clock.
#[derive(Debug, Clone, Copy)]
pub struct Busy {
    /// When the work started.
    pub start: Instant,
    /// When it ended.
    pub end: Instant,
}

impl Busy {
    /// Runs `units` of work and records when.
    pub fn run(units: u64) -> Busy {
        let start = Instant::now();
        busy(units);
        Busy {
            start,
            end: Instant::now(),
        }
    }

    /// How long the work took.
    pub fn took(&self) -> Duration {
        self.end - self.start
    }
}

/// How long two pieces of work were running at the same moment.
pub fn overlap(a: &Busy, b: &Busy) -> Duration {
    let start = a.start.max(b.start);
    let end = a.end.min(b.end);
    end.saturating_duration_since(start)
}

/// From the first start to the last end.
pub fn wall_time(pieces: &[Busy]) -> Duration {
    let start = pieces.iter().map(|b| b.start).min();
    let end = pieces.iter().map(|b| b.end).max();
    match (start, end) {
        (Some(start), Some(end)) => end - start,
        _ => Duration::ZERO,
    }
}

// ANCHOR: pool
/// A rayon pool of `threads` threads, named `cpu-0`, `cpu-1`, ... (the
/// names show up in panics, debuggers and `top -H`).
pub fn pool(threads: usize) -> ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("cpu-{i}"))
        .build()
        .expect("a thread pool can be built")
}
// ANCHOR_END: pool

// ANCHOR: on_pool
/// Runs `job` on the CPU pool; the caller awaits the answer without
/// holding a runtime thread. (`loop.run_in_executor(pool, job)`.)
pub async fn on_pool<T, F>(pool: &ThreadPool, job: F) -> T
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let (tx, rx) = oneshot::channel();
    pool.spawn(move || {
        // The receiver may be gone (the caller was cancelled): fine.
        let _ = tx.send(job());
    });
    rx.await.expect("the job panicked on the pool")
}
// ANCHOR_END: on_pool

// ANCHOR: split_on_pool
/// Splits `units` of work evenly over every thread of `pool`, one share
/// per thread, and awaits them all.
pub async fn split_on_pool(pool: &ThreadPool, units: u64) -> Vec<Busy> {
    let share = units / pool.current_num_threads() as u64;
    let (tx, mut rx) = mpsc::unbounded_channel();
    // `spawn_broadcast` runs the closure once on each thread of the pool.
    pool.spawn_broadcast(move |_| {
        let _ = tx.send(Busy::run(share));
    });
    // The channel closes when the pool drops the closure, after the last
    // thread ran it.
    let mut pieces = Vec::new();
    while let Some(piece) = rx.recv().await {
        pieces.push(piece);
    }
    pieces
}
// ANCHOR_END: split_on_pool

// ANCHOR: split_as_tasks
/// The same split as plain tasks on the current runtime. On a
/// current-thread runtime they take turns: no `.await`, no overlap.
pub async fn split_as_tasks(units: u64, parts: u64) -> Vec<Busy> {
    let tasks: Vec<_> = (0..parts)
        .map(|_| tokio::spawn(async move { Busy::run(units / parts) }))
        .collect();
    let mut pieces = Vec::new();
    for task in tasks {
        pieces.push(task.await.expect("the task panicked"));
    }
    pieces
}
// ANCHOR_END: split_as_tasks
