//! Verdicts for exercise tests that say what was compared.
//!
//! A learner reads a failing exercise test's message, never its source, so
//! every check here names the thing measured, the number seen and the number
//! wanted ("the five withdrawals took 1.5s; …"). Use these, or an
//! `assert!` with a message, in `tests/exercises.rs` (the course's lint
//! rejects a bare one).

use std::future::Future;
use std::time::Duration;

use crate::timing::fmt_duration;

/// How much longer than `allowed` [`within`] keeps waiting to tell "too slow"
/// from "never finishes". On the paused clock the wait costs no real time.
pub const PATIENCE: u32 = 10;

/// Awaits `fut`, which must finish within `allowed` on tokio's clock.
///
/// If it does not, it is given `PATIENCE` times as long again, so the
/// message can say which mistake it is:
///
/// - "`what` is too slow: it took 3s, the test allows 1s" (it finished
///   late: work done one after another, an extra sleep), or
/// - "`what` never finished: still waiting after 10s …" (a wake-up that
///   never comes, a channel nobody closes, a lock never released).
pub async fn within<F: Future>(what: &str, allowed: Duration, fut: F) -> F::Output {
    {
        let start = tokio::time::Instant::now();
        let mut fut = std::pin::pin!(fut);
        if let Ok(out) = tokio::time::timeout(allowed, fut.as_mut()).await {
            return out;
        }
        let patience = allowed * PATIENCE;
        match tokio::time::timeout(patience, fut.as_mut()).await {
            // Work that ends exactly at `allowed` (its timer and ours due at
            // the same instant, ours polled first) is on time.
            Ok(out) if start.elapsed() <= allowed => out,
            Ok(_) => panic!(
                "{what} is too slow: it took {}, the test allows {}",
                fmt_duration(start.elapsed()),
                fmt_duration(allowed)
            ),
            Err(_) => panic!(
                "{what} never finished: still waiting after {} (the test \
                 allows {}): a wake-up that never comes, a channel that is \
                 never closed, or a lock that is never released?",
                fmt_duration(start.elapsed()),
                fmt_duration(allowed)
            ),
        }
    }
}

/// Asserts a time measured on the paused clock, naming what took it.
#[track_caller]
pub fn took_exactly(what: &str, took: Duration, expected: Duration) {
    assert!(
        took == expected,
        "{what} took {} on tokio's paused clock; it should take exactly {}",
        fmt_duration(took),
        fmt_duration(expected)
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timing::{ms, secs};

    #[tokio::test(start_paused = true)]
    async fn within_passes_the_output_through() {
        let out = within("a quick sleep", secs(1), async {
            tokio::time::sleep(ms(500)).await;
            7
        })
        .await;
        assert_eq!(out, 7, "the output is passed through");
    }

    /// Work finishing at exactly `allowed` in another task passes, though
    /// the timeout's timer is due at the same instant.
    #[tokio::test(start_paused = true)]
    async fn within_counts_exactly_on_time_as_on_time() {
        let task = tokio::spawn(tokio::time::sleep(secs(1)));
        within("a task due at the limit", secs(1), task)
            .await
            .expect("the task ends");
    }

    #[tokio::test(start_paused = true)]
    #[should_panic(expected = "a slow sleep is too slow: it took 3s, the test allows 1s")]
    async fn within_tells_too_slow() {
        within("a slow sleep", secs(1), tokio::time::sleep(secs(3))).await;
    }

    #[tokio::test(start_paused = true)]
    #[should_panic(expected = "a pending future never finished: still waiting after 11s")]
    async fn within_tells_never() {
        within("a pending future", secs(1), std::future::pending::<()>()).await;
    }

    #[test]
    #[should_panic(
        expected = "the sleeps took 900ms on tokio's paused clock; it should take exactly 400ms"
    )]
    fn took_exactly_names_what() {
        took_exactly("the sleeps", ms(900), ms(400));
    }
}
