//! `Barrier`: wait until N tasks have arrived, Python's `asyncio.Barrier`.
//!
//! Each task calls `wait().await`; nobody passes until the N-th arrives,
//! then all pass at once. Exactly one of them is told it is the leader
//! (`is_leader()`), handy for a one-off step such as logging "all ready".

use std::sync::Arc;
use std::time::Duration;

use kit::Timeline;
use tokio::sync::Barrier;
use tokio::task::JoinSet;
use tokio::time::sleep;

// ANCHOR: barrier
/// One task per delay: it prepares for its delay, then waits at the
/// barrier. Returns when each task passed and how many were leaders.
pub async fn start_together(
    timeline: &Timeline,
    prepare: &[Duration],
) -> (Vec<Duration>, usize) {
    let barrier = Arc::new(Barrier::new(prepare.len()));
    let mut tasks = JoinSet::new();
    for (i, &delay) in prepare.iter().enumerate() {
        let (barrier, timeline) = (barrier.clone(), timeline.clone());
        let mark = timeline.start(format!("task {}", i + 1));
        tasks.spawn(async move {
            sleep(delay).await; // getting ready
            let result = mark.wait(barrier.wait()).await;
            let passed = timeline.now();
            mark.end();
            (passed, result.is_leader())
        });
    }
    let results = tasks.join_all().await;
    let leaders = results.iter().filter(|(_, leader)| *leader).count();
    (results.into_iter().map(|(at, _)| at).collect(), leaders)
}
// ANCHOR_END: barrier
