//! Simulated I/O: the tutorials' running example, `fetch(name, delay)`.
//!
//! A "fetch" is a timer standing in for a network or database round trip.
//! It does no work while it waits, exactly like real I/O, so it shows what
//! concurrency buys without a server, and under tokio's paused clock it
//! takes exactly its delay.

use std::fmt;
use std::time::Duration;

use crate::timing::fmt_duration;

/// Pretends to fetch `name`, taking `delay`, and returns what came back.
pub async fn fetch(name: &str, delay: Duration) -> String {
    tokio::time::sleep(delay).await;
    format!("{name}: done in {}", fmt_duration(delay))
}

/// How a simulated fetch ends: named, so a call reads
/// `try_fetch("a", delay, Outcome::Fails)` rather than `..., true)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Succeeds,
    Fails,
}

/// Like [`fetch`], but fails after `delay` when `outcome` says so.
pub async fn try_fetch(
    name: &str,
    delay: Duration,
    outcome: Outcome,
) -> Result<String, FetchError> {
    tokio::time::sleep(delay).await;
    if outcome == Outcome::Fails {
        Err(FetchError {
            name: name.to_string(),
            after: delay,
        })
    } else {
        Ok(format!("{name}: done in {}", fmt_duration(delay)))
    }
}

/// Pretends to run a database query that takes `delay`, returning a row id.
pub async fn query(id: u32, delay: Duration) -> u32 {
    tokio::time::sleep(delay).await;
    id
}

/// The error a simulated fetch fails with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchError {
    /// Which fetch failed.
    pub name: String,
    /// How long it ran before failing.
    pub after: Duration,
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} failed after {}", self.name, fmt_duration(self.after))
    }
}

impl std::error::Error for FetchError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timing::{assert_exact, measure, ms};

    #[tokio::test(start_paused = true)]
    async fn fetch_takes_its_delay() {
        let (got, took) = measure(fetch("a", ms(300))).await;
        assert_eq!(got, "a: done in 300ms");
        assert_exact(took, ms(300));
    }

    #[tokio::test(start_paused = true)]
    async fn try_fetch_fails_after_its_delay() {
        let (got, took) = measure(try_fetch("b", ms(100), Outcome::Fails)).await;
        let err = got.unwrap_err();
        assert_eq!(err.to_string(), "b failed after 100ms");
        assert_exact(took, ms(100));
        assert_eq!(
            try_fetch("c", ms(1), Outcome::Succeeds).await.unwrap(),
            "c: done in 1ms"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn query_returns_its_id() {
        assert_eq!(query(7, ms(5)).await, 7);
    }
}
