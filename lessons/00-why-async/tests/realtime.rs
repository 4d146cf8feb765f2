//! Real-clock tests: threads and blocking sleeps, which tokio's paused
//! clock cannot see. They only sleep (a sleeping thread costs no CPU), so
//! each takes `realtime_shared` and they run side by side; each uses
//! delays of a few hundred ms, a strict lower bound and the course's
//! generous upper bound (`kit::timing::realtime_upper_bound`). Every upper
//! bound is below the time the slower alternative would take, so a pass
//! really rules it out.

use kit::Timeline;
use kit::timing::{
    assert_realtime, measure, measure_blocking, ms, realtime_shared,
};
use lesson_00_why_async::workload::{self, THREE_API_CALLS, THREE_FETCHES};
use lesson_00_why_async::{blocking, concurrent, threads};

const EXPECTED: [&str; 3] = [
    "fetch A: done in 300ms",
    "fetch B: done in 200ms",
    "fetch C: done in 400ms",
];

#[test]
fn blocking_calls_in_a_row_take_the_sum() {
    let _guard = realtime_shared();
    let (results, took) = measure_blocking(|| {
        blocking::run_blocking(&Timeline::new(), &THREE_FETCHES)
    });
    assert_eq!(results, EXPECTED);
    assert_realtime(took, ms(900));
}

#[test]
fn threads_overlap_their_waits() {
    let _guard = realtime_shared();
    let timeline = Timeline::new();
    let (results, took) =
        measure_blocking(|| threads::run_on_threads(&timeline, &THREE_FETCHES));
    assert_eq!(
        results, EXPECTED,
        "results in job order, not finishing order"
    );
    // At most 400 + 200 + 250 = 850 ms: well under the 900 ms of one by one.
    assert_realtime(took, ms(400));
    // Every thread started before the first one (200 ms) finished.
    assert!(
        timeline.spans().iter().all(|s| s.start < ms(200)),
        "{}",
        timeline.render_ascii()
    );
}

#[test]
fn three_api_calls_on_threads_scaled_down() {
    let _guard = realtime_shared();
    // 2 s calls at 1/10 scale: 200 ms each; one by one would be 600 ms.
    let jobs = workload::scaled(&THREE_API_CALLS, 10);
    let (_, took) =
        measure_blocking(|| threads::run_on_threads(&Timeline::new(), &jobs));
    assert_realtime(took, ms(200));
}

#[test]
fn concurrent_awaits_on_the_real_clock_match_the_paused_one() {
    let _guard = realtime_shared();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let (results, took) = runtime.block_on(measure(
        concurrent::run_concurrent(&Timeline::new(), &THREE_FETCHES),
    ));
    assert_eq!(results, EXPECTED);
    assert_realtime(took, ms(400));
}
