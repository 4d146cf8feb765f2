//! Retry with exponential backoff and full jitter.
//!
//! A failed call to a busy service is retried after a pause that doubles
//! each time (100 ms, 200 ms, 400 ms…) up to a cap. Without jitter every
//! client that failed at the same moment retries at the same moment, and
//! they collide again; *full jitter* draws each pause uniformly between 0
//! and that ceiling, which spreads them out.
//!
//! The random generator is a parameter: production passes one seeded from
//! the OS, tests pass `StdRng::seed_from_u64(7)`, and on tokio's paused
//! clock the whole schedule is then exact and repeatable.

use std::time::Duration;

use rand::RngExt;
use tokio::time::sleep;

// ANCHOR: policy
/// How much randomness goes into each pause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Jitter {
    /// Pause exactly the ceiling: 100, 200, 400 ms… (shown for contrast).
    None,
    /// Pause a uniformly random time in `0..=ceiling`.
    Full,
}

/// The documented schedule: the ceiling of retry `n` (0-based) is
/// `min(cap, base × 2ⁿ)`, and the pause is drawn under it.
#[derive(Debug, Clone, Copy)]
pub struct Backoff {
    pub base: Duration,
    pub cap: Duration,
    pub jitter: Jitter,
}

impl Backoff {
    /// The ceiling of the pause before retry `retry` (0 for the first).
    pub fn ceiling(&self, retry: u32) -> Duration {
        // 2^retry saturates instead of overflowing on a long outage.
        let factor = 2u32.saturating_pow(retry);
        self.base.saturating_mul(factor).min(self.cap)
    }

    /// The pause before retry `retry`, drawn with `rng`.
    pub fn pause(&self, retry: u32, rng: &mut impl rand::Rng) -> Duration {
        let ceiling = self.ceiling(retry);
        match self.jitter {
            Jitter::None => ceiling,
            // Whole milliseconds keep the printed schedule readable.
            Jitter::Full => {
                let ms = rng.random_range(0..=ceiling.as_millis() as u64);
                Duration::from_millis(ms)
            }
        }
    }
}
// ANCHOR_END: policy

// ANCHOR: retry
/// Calls `op` until it succeeds or `attempts` calls have failed, pausing by
/// `policy` between calls (never after the last). Returns the last error.
pub async fn retry<T, E, F, Fut>(
    policy: Backoff,
    attempts: u32,
    rng: &mut impl rand::Rng,
    mut op: F,
) -> Result<T, E>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, E>>,
{
    assert!(attempts > 0, "retry needs at least one attempt");
    let mut retry = 0;
    loop {
        match op().await {
            Ok(value) => return Ok(value),
            Err(error) if retry + 1 >= attempts => return Err(error),
            Err(_) => {
                sleep(policy.pause(retry, rng)).await;
                retry += 1;
            }
        }
    }
}
// ANCHOR_END: retry
