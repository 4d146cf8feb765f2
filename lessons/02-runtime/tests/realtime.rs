//! Real-clock tests: what the wall clock does while tokio's paused clock
//! jumps. Each takes `realtime_lock` so they never overlap.

use kit::timing::{
    assert_exact, assert_realtime_between, ms, realtime_lock, secs,
};
use lesson_02_runtime::clock;

#[test]
fn an_hour_on_the_paused_clock_takes_no_real_time() {
    let _guard = realtime_lock();
    let (on_tokio_clock, wall) = clock::an_hour_in_a_blink();
    assert_exact(on_tokio_clock, secs(3600));
    // A generous bound: a real hour-long sleep would be 3,600,000 ms.
    assert_realtime_between(wall, ms(0), secs(2));
}
