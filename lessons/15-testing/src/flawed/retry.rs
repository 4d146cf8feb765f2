//! Broken [`Retry`]s.

use std::future::Future;
use std::time::Duration;

use tokio::time::sleep;

use super::Flaw;
use crate::retry::Retry;

// ANCHOR: one_short
/// Counts its attempts from zero but stops one too soon.
#[derive(Debug, Clone, Copy)]
pub struct GivesUpEarly;

impl Flaw for GivesUpEarly {
    const FLAW: &'static str = "the retry gives up one attempt early";
}

impl Retry for GivesUpEarly {
    async fn retry<T, E, F, Fut>(
        &self,
        attempts: u32,
        first_delay: Duration,
        mut op: F,
    ) -> Result<T, E>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        let mut delay = first_delay;
        let mut attempt = 1;
        loop {
            match op().await {
                Ok(value) => return Ok(value),
                // `+ 1` looks like an off-by-one fix; it is the bug.
                Err(error) if attempt + 1 >= attempts => return Err(error),
                Err(_) => {
                    sleep(delay).await;
                    delay *= 2;
                    attempt += 1;
                }
            }
        }
    }
}
// ANCHOR_END: one_short

/// Waits the same delay between every attempt.
#[derive(Debug, Clone, Copy)]
pub struct NoBackoff;

impl Flaw for NoBackoff {
    const FLAW: &'static str = "the delay never doubles: every wait is the \
                                first delay";
}

impl Retry for NoBackoff {
    async fn retry<T, E, F, Fut>(
        &self,
        attempts: u32,
        first_delay: Duration,
        mut op: F,
    ) -> Result<T, E>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        let mut attempt = 1;
        loop {
            match op().await {
                Ok(value) => return Ok(value),
                Err(error) if attempt >= attempts => return Err(error),
                Err(_) => {
                    sleep(first_delay).await;
                    attempt += 1;
                }
            }
        }
    }
}

/// Sleeps after every failure, the last one included, before giving up.
#[derive(Debug, Clone, Copy)]
pub struct WaitsAfterLast;

impl Flaw for WaitsAfterLast {
    const FLAW: &'static str = "after the last failed attempt it waits once \
                                more before returning the error";
}

impl Retry for WaitsAfterLast {
    async fn retry<T, E, F, Fut>(
        &self,
        attempts: u32,
        first_delay: Duration,
        mut op: F,
    ) -> Result<T, E>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        let mut delay = first_delay;
        let mut attempt = 1;
        loop {
            match op().await {
                Ok(value) => return Ok(value),
                Err(error) => {
                    sleep(delay).await;
                    if attempt >= attempts {
                        return Err(error);
                    }
                    delay *= 2;
                    attempt += 1;
                }
            }
        }
    }
}

/// Keeps the first error and returns it when the attempts run out.
#[derive(Debug, Clone, Copy)]
pub struct FirstError;

impl Flaw for FirstError {
    const FLAW: &'static str = "when every attempt fails it returns the \
                                first error, not the last";
}

impl Retry for FirstError {
    async fn retry<T, E, F, Fut>(
        &self,
        attempts: u32,
        first_delay: Duration,
        mut op: F,
    ) -> Result<T, E>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        let mut delay = first_delay;
        let mut first = None;
        for attempt in 1..=attempts.max(1) {
            match op().await {
                Ok(value) => return Ok(value),
                Err(error) => {
                    first.get_or_insert(error);
                }
            }
            if attempt < attempts {
                sleep(delay).await;
                delay *= 2;
            }
        }
        Err(first.expect("at least one attempt failed"))
    }
}

/// Counts the delay down from the longest: the waits add up to the right
/// total, in the wrong order.
#[derive(Debug, Clone, Copy)]
pub struct LongestWaitFirst;

impl Flaw for LongestWaitFirst {
    const FLAW: &'static str = "the delays run backwards, longest first \
                                (400, 200, 100 ms): the total is right, the \
                                attempt times are not";
}

impl Retry for LongestWaitFirst {
    async fn retry<T, E, F, Fut>(
        &self,
        attempts: u32,
        first_delay: Duration,
        mut op: F,
    ) -> Result<T, E>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        // Waits left: attempts - 1. The next wait is first_delay doubled
        // once per wait that comes after it.
        let mut waits_left = attempts.saturating_sub(1);
        loop {
            match op().await {
                Ok(value) => return Ok(value),
                Err(error) if waits_left == 0 => return Err(error),
                Err(_) => {
                    waits_left -= 1;
                    sleep(first_delay * 2u32.pow(waits_left)).await;
                }
            }
        }
    }
}

/// Makes every attempt and keeps the last result: a success does not stop
/// the loop.
#[derive(Debug, Clone, Copy)]
pub struct GoesOnAfterSuccess;

impl Flaw for GoesOnAfterSuccess {
    const FLAW: &'static str = "a success does not stop it: it calls the \
                                operation again after an Ok and returns the \
                                last result";
}

impl Retry for GoesOnAfterSuccess {
    async fn retry<T, E, F, Fut>(
        &self,
        attempts: u32,
        first_delay: Duration,
        mut op: F,
    ) -> Result<T, E>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        let mut delay = first_delay;
        let mut result = op().await;
        for _ in 1..attempts {
            // Only a failure waits; the loop itself forgets to stop.
            if result.is_err() {
                sleep(delay).await;
                delay *= 2;
            }
            result = op().await;
        }
        result
    }
}
