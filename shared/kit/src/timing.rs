//! Timing helpers for claim tests.
//!
//! Two kinds of clock, two kinds of check:
//!
//! - **Paused clock** (`#[tokio::test(start_paused = true)]`): tokio's virtual
//!   time jumps straight to the next timer, so a run of sleeps takes exactly
//!   the time the claim states. [`assert_exact`] compares to the millisecond
//!   and the test takes microseconds of real time.
//! - **Real clock** (blocking calls, threads, sockets, disks, CPU work):
//!   nothing finishes *before* its time, so the lower bound is strict; the
//!   upper bound is generous because a loaded 2-core CI machine can be late.
//!   The margin is stated once, here: [`realtime_upper_bound`].
//!   Real-time tests take the real-clock lock: [`realtime_lock`] alone when
//!   they measure CPU time or a blocked thread, [`realtime_shared`] beside
//!   each other when they only wait (on a timer, a server, a child process).

use std::future::Future;
use std::sync::{RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::Duration;

/// Milliseconds as a [`Duration`]; claim tests read better with it.
pub const fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// Seconds as a [`Duration`].
pub const fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

/// Runs `fut` to completion and returns its output with the time it took on
/// tokio's clock (virtual under a paused runtime, real otherwise).
pub async fn measure<F: Future>(fut: F) -> (F::Output, Duration) {
    let start = tokio::time::Instant::now();
    let out = fut.await;
    (out, start.elapsed())
}

/// Runs a blocking closure and returns its output with the real time it took.
#[expect(
    clippy::disallowed_methods,
    reason = "blocking code runs outside tokio's clock: real time is the point"
)]
pub fn measure_blocking<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = std::time::Instant::now();
    let out = f();
    (out, start.elapsed())
}

/// Asserts an elapsed time measured under the paused clock.
///
/// Under `start_paused = true` auto-advance lands exactly on each timer's
/// deadline, so anything but equality means the code did not do what the
/// claim says (an extra sleep, a sequential await, a missed cancellation).
#[track_caller]
pub fn assert_exact(elapsed: Duration, expected: Duration) {
    assert_eq!(
        elapsed, expected,
        "on the paused clock this should take exactly {expected:?}, it took {elapsed:?}"
    );
}

/// The fixed part of the real-clock margin: scheduling noise, thread start-up,
/// a CI machine busy with something else.
pub const REALTIME_SLACK: Duration = Duration::from_millis(250);

/// The most a real-clock run of `expected` may take and still count as
/// "about `expected`": half as long again, plus [`REALTIME_SLACK`].
///
/// This is the course's one statement of the real-time margin. It is wide on
/// purpose: a test that flakes is a bug, and claims are chosen so that the
/// alternative being ruled out (sequential instead of concurrent, a blocked
/// runtime) lands far outside it.
pub fn realtime_upper_bound(expected: Duration) -> Duration {
    expected + expected / 2 + REALTIME_SLACK
}

/// Asserts a real-clock elapsed time: never less than `expected` (strict),
/// at most [`realtime_upper_bound`]`(expected)`.
#[track_caller]
pub fn assert_realtime(elapsed: Duration, expected: Duration) {
    assert_realtime_between(elapsed, expected, realtime_upper_bound(expected));
}

/// Asserts `lower <= elapsed <= upper` with a message that names all three.
#[track_caller]
pub fn assert_realtime_between(elapsed: Duration, lower: Duration, upper: Duration) {
    assert!(
        elapsed >= lower && elapsed <= upper,
        "on the real clock this should take between {lower:?} and {upper:?}, it took {elapsed:?}"
    );
}

/// The real-clock lock of one test binary; see [`realtime_lock`].
static REALTIME: RwLock<()> = RwLock::new(());

/// Runs a real-clock test alone in its test binary.
///
/// `cargo test` runs test binaries one after another, but the tests inside a
/// binary in parallel; a test that measures CPU time, a blocked thread or a
/// gap between ticks would measure its neighbour too. Hold the guard for the
/// whole test, sync or async. (Under nextest the `realtime` test group in
/// `.config/nextest.toml` does the same.)
pub fn realtime_lock() -> RealtimeGuard {
    // A panicking test poisons the lock; the next test may still run.
    let guard = REALTIME.write().unwrap_or_else(|p| p.into_inner());
    RealtimeGuard::Alone(guard)
}

/// Runs a real-clock test that only *waits* beside others like it.
///
/// Waiting on a server's `pg_sleep`, a broker's redelivery or a child
/// process costs no CPU, so two such tests do not measure each other, and
/// they share nothing else (each has its own table, stream, port or file).
/// They still never overlap a test holding [`realtime_lock`].
pub fn realtime_shared() -> RealtimeGuard {
    let guard = REALTIME.read().unwrap_or_else(|p| p.into_inner());
    RealtimeGuard::Shared(guard)
}

/// Held for the length of a real-clock test; see [`realtime_lock`] and
/// [`realtime_shared`].
///
/// It wraps a std lock guard on purpose, and holding it across `.await`
/// is fine here (unlike in application code, where clippy's
/// `await_holding_lock` rightly objects): each test runs on its own thread
/// and runtime, so the lock only ever blocks *other tests' threads*, which is
/// the point, and never another task of the same runtime.
#[derive(Debug)]
#[allow(dead_code)] // held for its drop, never read
pub enum RealtimeGuard {
    /// From [`realtime_lock`]: no other real-clock test runs.
    Alone(RwLockWriteGuard<'static, ()>),
    /// From [`realtime_shared`]: only other waiting tests run.
    Shared(RwLockReadGuard<'static, ()>),
}

/// Formats a duration the way the course prints times: `0ms`, `300ms`,
/// `1s`, `1.5s`, `2.25s`.
pub fn fmt_duration(d: Duration) -> String {
    let ms = d.as_millis();
    if ms < 1000 {
        return format!("{ms}ms");
    }
    let secs = d.as_secs_f64();
    let text = format!("{secs:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{text}s")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn measure_is_exact_on_the_paused_clock() {
        let ((), took) = measure(tokio::time::sleep(secs(3))).await;
        assert_exact(took, secs(3));
    }

    #[test]
    #[should_panic(expected = "exactly 2s")]
    fn assert_exact_rejects_a_different_time() {
        assert_exact(secs(3), secs(2));
    }

    #[test]
    fn upper_bound_is_generous_but_finite() {
        assert_eq!(realtime_upper_bound(ms(100)), ms(400));
        assert_eq!(realtime_upper_bound(secs(2)), ms(3250));
    }

    #[test]
    #[should_panic(expected = "between")]
    fn realtime_rejects_early_finish() {
        assert_realtime(ms(99), ms(100));
    }

    #[test]
    fn realtime_accepts_a_late_but_honest_run() {
        assert_realtime(ms(180), ms(100));
    }

    #[test]
    fn measure_blocking_sees_real_time() {
        let _guard = realtime_lock();
        let ((), took) = measure_blocking(|| std::thread::sleep(ms(20)));
        assert_realtime(took, ms(20));
    }

    #[tokio::test]
    async fn the_realtime_guard_may_be_held_across_await() {
        let _guard = realtime_lock();
        let (_, took) = measure(tokio::time::sleep(ms(10))).await;
        assert_realtime(took, ms(10));
    }

    #[test]
    fn durations_print_the_course_way() {
        assert_eq!(fmt_duration(ms(0)), "0ms");
        assert_eq!(fmt_duration(ms(300)), "300ms");
        assert_eq!(fmt_duration(secs(1)), "1s");
        assert_eq!(fmt_duration(ms(1500)), "1.5s");
        assert_eq!(fmt_duration(ms(2250)), "2.25s");
    }
}
