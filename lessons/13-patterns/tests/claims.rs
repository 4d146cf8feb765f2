//! Lesson 13's paused-clock and fake-clock claims, each asserting the
//! number it states. The socket and signal claims are in `realtime.rs`.

use std::collections::BTreeSet;
use std::time::Duration;

use kit::timing::{assert_exact, measure, ms, secs};
use lesson_13_patterns::backoff::{self, Backoff, Jitter};
use lesson_13_patterns::periodic::{self, Select};
use lesson_13_patterns::rate_limit;
use rand::SeedableRng;
use rand::rngs::StdRng;
use tokio::time::Instant;

const POLICY: Backoff = Backoff {
    base: ms(100),
    cap: ms(1000),
    jitter: Jitter::Full,
};

/// Retries an op that fails `failures` times; returns when each call was
/// made, measured from the first, and the outcome.
async fn attempt_times(
    policy: Backoff,
    seed: u64,
    failures: usize,
    attempts: u32,
) -> (Vec<Duration>, Result<usize, String>) {
    let start = Instant::now();
    let mut at = Vec::new();
    let mut rng = StdRng::seed_from_u64(seed);
    let outcome = backoff::retry(policy, attempts, &mut rng, || {
        at.push(start.elapsed());
        let call = at.len();
        async move {
            if call <= failures {
                Err(format!("call {call} failed"))
            } else {
                Ok(call)
            }
        }
    })
    .await;
    (at, outcome)
}

/// The pauses between consecutive calls.
fn gaps(at: &[Duration]) -> Vec<Duration> {
    at.windows(2).map(|w| w[1] - w[0]).collect()
}

// claim: patterns/backoff-schedule
#[tokio::test(start_paused = true)]
async fn claim_patterns_backoff_schedule() {
    // The documented ceilings: min(1 s, 100 ms × 2ⁿ).
    let ceilings: Vec<_> = (0..6).map(|n| POLICY.ceiling(n)).collect();
    assert_eq!(
        ceilings,
        [ms(100), ms(200), ms(400), ms(800), ms(1000), ms(1000)]
    );

    // Without jitter the pauses are exactly the ceilings: 100+200+400+800.
    let exact = Backoff {
        jitter: Jitter::None,
        ..POLICY
    };
    let ((at, outcome), took) = measure(attempt_times(exact, 7, 4, 6)).await;
    assert_eq!(outcome, Ok(5));
    assert_eq!(gaps(&at), [ms(100), ms(200), ms(400), ms(800)]);
    assert_exact(took, ms(1500));

    // With full jitter, over many seeds: every pause within 0..=ceiling,
    // and the schedule is the one the seeded generator draws.
    let mut below_half = 0;
    for seed in 0..200 {
        let ((at, outcome), took) =
            measure(attempt_times(POLICY, seed, 5, 6)).await;
        assert_eq!(outcome, Ok(6), "seed {seed}");
        let pauses = gaps(&at);
        assert_eq!(pauses.len(), 5);
        let mut rng = StdRng::seed_from_u64(seed);
        let drawn: Vec<_> = (0..5).map(|n| POLICY.pause(n, &mut rng)).collect();
        assert_eq!(pauses, drawn, "seed {seed}: the pauses are the drawn ones");
        for (n, pause) in pauses.iter().enumerate() {
            assert!(
                *pause <= ceilings[n],
                "seed {seed}: retry {n} waited {pause:?}"
            );
            if *pause < ceilings[n] / 2 {
                below_half += 1;
            }
        }
        assert_exact(took, pauses.iter().sum());
    }
    // Really spread out: about half of 1000 pauses fall in the lower half.
    assert!(
        (400..=600).contains(&below_half),
        "{below_half} of 1000 below half"
    );

    // The same seed gives the same schedule: a test can pin it.
    let (a, _) = attempt_times(POLICY, 42, 5, 6).await;
    let (b, _) = attempt_times(POLICY, 42, 5, 6).await;
    assert_eq!(a, b);

    // Giving up: 3 attempts, 2 pauses, the last error comes back.
    let (at, outcome) = attempt_times(POLICY, 1, 10, 3).await;
    assert_eq!(at.len(), 3);
    assert_eq!(outcome, Err("call 3 failed".to_string()));
}

// claim: patterns/governor-quota
#[test]
fn claim_patterns_governor_quota() {
    // 50 calls at once in each of 5 seconds: exactly 10 let through each.
    let quota = rate_limit::per_second(10);
    assert_eq!(rate_limit::admitted_per_second(quota, 5, 50), [10; 5]);
    // Asking for fewer than the quota: all of them.
    assert_eq!(rate_limit::admitted_per_second(quota, 3, 7), [7; 3]);
    // Once the burst is spent, a cell frees up every 1 s / 10 = 100 ms.
    assert_eq!(rate_limit::wait_after_burst(quota), ms(100));
    assert_eq!(
        rate_limit::admitted_per_second(rate_limit::per_second(250), 2, 1000),
        [250, 250]
    );
}

// claim: patterns/stop-on-a-tick
#[tokio::test(start_paused = true)]
async fn claim_patterns_stop_on_a_tick() {
    // Ticks at 0, 100, ..., 900 ms: ten beats. At 1 s the stop and the
    // eleventh tick are both ready; `biased;` with the stop first takes
    // the stop, every time.
    for _ in 0..20 {
        let stop_at = periodic::stop_at(ms(100), secs(1), Select::Biased);
        let (beats, took) = measure(stop_at).await;
        assert_eq!(beats, 10);
        assert_exact(took, secs(1));
    }
    // Without `biased;` select! starts at a random branch: 10 or 11, and
    // over 100 runs both (all the same would have a chance of 2^-99).
    let mut seen = BTreeSet::new();
    for _ in 0..100 {
        let stop_at = periodic::stop_at(ms(100), secs(1), Select::Unbiased);
        seen.insert(stop_at.await);
    }
    assert_eq!(seen, BTreeSet::from([10, 11]));
}
