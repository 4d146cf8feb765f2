//! The blocking pool has a limit, and its jobs cannot be aborted.
//!
//! `spawn_blocking` starts a thread when none is idle, up to
//! `max_blocking_threads` (512 by default); past that, jobs wait in a
//! queue. That limit is high because the pool is meant for *waiting*
//! (blocking I/O), not computing: 512 threads of CPU work on 2 cores only
//! fight over the cores. And a job that has started runs to its end:
//! `abort()` cannot stop a closure that never reaches an `.await`.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use kit::InFlight;
use kit::timing::measure_blocking;

/// What a run of blocking jobs on a small pool showed.
#[derive(Debug, Clone, Copy)]
pub struct PoolRun {
    /// The most jobs that ever ran at once.
    pub peak: usize,
    /// How long all the jobs took, on the real clock.
    pub took: Duration,
}

// ANCHOR: small_pool
/// Runs `jobs` blocking jobs of `each` on a runtime whose blocking pool
/// has at most `max_threads` threads; counts how many ran at once.
pub fn run_on_small_pool(
    max_threads: usize,
    jobs: usize,
    each: Duration,
) -> PoolRun {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .max_blocking_threads(max_threads)
        .enable_all()
        .build()
        .expect("a runtime can be built");
    let running = InFlight::new(); // lesson 05's gauge, from the kit

    let ((), took) = measure_blocking(|| {
        runtime.block_on(async {
            let handles: Vec<_> = (0..jobs)
                .map(|_| {
                    let running = running.clone();
                    tokio::task::spawn_blocking(move || {
                        let _counted = running.enter();
                        std::thread::sleep(each);
                    })
                })
                .collect();
            for handle in handles {
                handle.await.expect("a job panicked");
            }
        })
    });
    PoolRun {
        peak: running.max(),
        took,
    }
}
// ANCHOR_END: small_pool

// ANCHOR: no_abort
/// Starts a blocking job of `duration`, aborts it once it has started,
/// and reports whether it still ran to its end (it does).
pub async fn abort_a_blocking_job(duration: Duration) -> bool {
    let finished = Arc::new(AtomicBool::new(false));
    let (started_tx, started_rx) = tokio::sync::oneshot::channel();
    let flag = finished.clone();
    let job = tokio::task::spawn_blocking(move || {
        let _ = started_tx.send(());
        std::thread::sleep(duration);
        flag.store(true, Ordering::SeqCst);
    });
    started_rx.await.expect("the job started");
    job.abort(); // too late: a running closure cannot be stopped
    let outcome = job.await;
    assert!(outcome.is_ok(), "the job was not cancelled, it finished");
    finished.load(Ordering::SeqCst)
}
// ANCHOR_END: no_abort
