//! `Semaphore`: at most N at a time, Python's `asyncio.Semaphore(n)`.
//!
//! `acquire().await` waits for a permit and returns a guard; the permit goes
//! back when the guard is dropped — at the end of the job, on an early
//! return, on a panic, and when the task is cancelled. There is no
//! `release()` to forget.
//!
//! `acquire` borrows the semaphore, which suits futures polled together in
//! one task (`join_all`). A spawned task must own what it holds, so it takes
//! an `Arc<Semaphore>` and `acquire_owned`.

use std::sync::Arc;
use std::time::Duration;

use futures::future::join_all;
use kit::{InFlight, Timeline};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tokio::time::sleep;

// ANCHOR: gather_limited
/// `jobs` jobs of `work` each, at most `permits` at once; the peak.
pub async fn gather_limited(
    timeline: &Timeline,
    jobs: usize,
    permits: usize,
    work: Duration,
) -> usize {
    let semaphore = Semaphore::new(permits);
    let running = InFlight::new(); // counts the jobs past the semaphore
    let job = |i: usize| {
        let mark = timeline.start(format!("job {i:>2}"));
        let (semaphore, running) = (&semaphore, &running);
        async move {
            // `async with semaphore:` — the wait is drawn lighter.
            let _permit = mark.wait(semaphore.acquire()).await.unwrap();
            running.track(sleep(work)).await;
            mark.end();
        } // `_permit` dropped here: the next job in line starts
    };
    join_all((1..=jobs).map(job)).await;
    running.max()
}
// ANCHOR_END: gather_limited

// ANCHOR: spawn_limited
/// The same with spawned tasks: each task owns its permit. Taking the
/// permit *before* spawning also caps how many tasks exist at once.
pub async fn spawn_limited(
    jobs: usize,
    permits: usize,
    work: Duration,
) -> usize {
    let semaphore = Arc::new(Semaphore::new(permits));
    let running = InFlight::new();
    let mut tasks = JoinSet::new();
    for _ in 0..jobs {
        // `acquire_owned` needs the Arc itself (hence the clone) and gives
        // an `OwnedSemaphorePermit`, which can move into the task.
        let permit = semaphore.clone().acquire_owned().await.unwrap();
        let running = running.clone(); // clones share one count
        tasks.spawn(async move {
            running.track(sleep(work)).await;
            drop(permit); // explicit here; it would drop at the end anyway
        });
    }
    tasks.join_all().await;
    running.max()
}
// ANCHOR_END: spawn_limited

// ANCHOR: abort_returns_permit
/// A task holding one of two permits is aborted mid-job. Returns the free
/// permits while it runs and after it is gone.
pub async fn abort_returns_permit(work: Duration) -> (usize, usize) {
    let semaphore = Arc::new(Semaphore::new(2));
    let permit = semaphore.clone().acquire_owned().await.unwrap();
    let task = tokio::spawn(async move {
        let _permit = permit;
        sleep(work).await; // aborted here: `_permit` is dropped anyway
    });
    sleep(work / 2).await;
    let during = semaphore.available_permits();
    task.abort();
    let _ = task.await; // wait until the task is really gone
    (during, semaphore.available_permits())
}
// ANCHOR_END: abort_returns_permit
