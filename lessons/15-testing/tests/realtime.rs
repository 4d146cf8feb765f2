//! The paused-clock claim: tokio's clock says an hour went by, the real
//! clock says a few milliseconds. (Real time is measured, so this target
//! runs on its own under nextest and takes the realtime lock.)

use kit::timing::{assert_exact, measure, realtime_lock, secs};
use lesson_15_testing::clock::report_within;

// ANCHOR: paused_clock
// claim: testing/paused-clock
#[tokio::test(start_paused = true)]
async fn claim_testing_paused_clock() {
    let _guard = realtime_lock();
    #[expect(
        clippy::disallowed_methods,
        reason = "the claim is about real time: std's clock is never paused"
    )]
    let real_start = std::time::Instant::now();

    let (outcome, took) = measure(report_within(secs(3600))).await;

    let real = real_start.elapsed();
    assert!(outcome.is_err(), "a 2 h report under a 1 h limit times out");
    assert_exact(took, secs(3600));
    assert!(
        real < std::time::Duration::from_secs(1),
        "an hour on the paused clock should take milliseconds, took {real:?}"
    );
}
// ANCHOR_END: paused_clock
