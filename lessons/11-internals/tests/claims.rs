//! Claims about tokio's own runtime, on its paused clock. (The claims
//! about the lesson's runtime run on the real clock: `tests/realtime.rs`,
//! which also checks the metrics claim on a multi-thread runtime, where
//! the paused clock is not available.)

use kit::timing::{assert_exact, measure, secs};
use lesson_11_internals::metrics;

// claim: internals/metrics-count-tasks
#[tokio::test(start_paused = true)] // current-thread
async fn claim_internals_metrics_count_tasks() {
    // Ten tasks sleeping 1, 2, ..., 10 s.
    let (counts, took) =
        measure(metrics::alive_tasks(&metrics::rising(10, secs(1)))).await;
    assert_eq!(
        counts,
        metrics::AliveCounts {
            spawned: 10,
            after_spawn: 10,
            half_way: 5,
            // One thread: the task is released before the joiner runs.
            just_joined: 0,
            finished: 10,
            after_join: 0,
        },
        "alive tasks: all 10 once spawned, 5 once the first five are \
         joined, none at the end"
    );
    // No waiting for a release was needed: not a millisecond more.
    assert_exact(took, secs(10));
}
