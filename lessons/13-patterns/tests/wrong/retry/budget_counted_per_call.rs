//! Wrong answer: each call copies the budget's count at its start and counts its own retries down
//! Expect: Is the budget counted per call

use std::future::Future;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use tokio::time::{Instant, sleep, timeout_at};

use crate::backoff::Backoff;

/// Why one call of `op` failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// Worth another try: a timeout, a 503, a reset connection.
    Retryable(String),
    /// Not worth it: a 400 fails the same way every time.
    Fatal(String),
}

/// How to retry.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    /// The pauses between tries.
    pub backoff: Backoff,
    /// The limit of one try, from its start.
    pub per_try: Duration,
    /// The limit of the whole call, tries and pauses, from its start.
    pub deadline: Duration,
}

/// Why `retry` gave up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GaveUp {
    /// A fatal failure, which is not retried.
    Fatal { tries: u32, error: String },
    /// The deadline cut a try short, or the next pause would reach it.
    Deadline { tries: u32 },
    /// A retryable failure, with no retry left in the shared budget.
    BudgetSpent { tries: u32, last: String },
}

/// Retries shared by every call that is given the same budget.
#[derive(Debug)]
pub struct RetryBudget {
    left: AtomicU32,
}

impl RetryBudget {
    /// A budget of `retries` retries in all.
    pub fn new(retries: u32) -> RetryBudget {
        RetryBudget {
            left: AtomicU32::new(retries),
        }
    }

    /// How many retries are left.
    pub fn left(&self) -> u32 {
        self.left.load(Ordering::SeqCst)
    }
}

/// `op`'s first success, or why it gave up.
pub async fn retry<T, F, Fut>(
    policy: Policy,
    budget: &RetryBudget,
    rng: &mut impl rand::Rng,
    mut op: F,
) -> Result<T, GaveUp>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, Failure>>,
{
    let deadline = Instant::now() + policy.deadline;
    let mut retries_left = budget.left();
    let mut tries = 0;
    loop {
        tries += 1;
        // The tighter of the try's own limit and the call's deadline.
        let own_limit = Instant::now() + policy.per_try;
        let last = match timeout_at(own_limit.min(deadline), op()).await {
            Ok(Ok(value)) => return Ok(value),
            Ok(Err(Failure::Fatal(error))) => {
                return Err(GaveUp::Fatal { tries, error });
            }
            Ok(Err(Failure::Retryable(message))) => message,
            // The timeout dropped the try: nothing of it keeps running.
            Err(_) if deadline <= own_limit => {
                return Err(GaveUp::Deadline { tries });
            }
            Err(_) => "timed out".to_owned(),
        };
        if retries_left == 0 {
            return Err(GaveUp::BudgetSpent { tries, last });
        }
        retries_left -= 1;
        let pause = policy.backoff.pause(tries - 1, rng);
        if Instant::now() + pause >= deadline {
            return Err(GaveUp::Deadline { tries });
        }
        sleep(pause).await;
    }
}
