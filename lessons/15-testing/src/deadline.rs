//! A deadline around some work: the code exercise 15-test-deadline tests.
//!
//! `within(limit, work)` is a thin wrapper over `tokio::time::timeout`, and
//! that is the point: its whole contract is about *time*. It must give up at
//! the limit (not when the work happens to end), return as soon as fast
//! work is done (not at the limit), and cancel work it gave up on. Each of
//! those can be broken subtly and still return the right values — only a
//! test that looks at the clock tells them apart.

use std::future::Future;
use std::time::Duration;

use tokio::time::timeout;

// ANCHOR: within
/// Runs `work` for at most `limit`: `Some(output)` if it finished in time,
/// `None` if not — and then `work` has been dropped, which cancels it.
pub async fn within<F: Future>(limit: Duration, work: F) -> Option<F::Output> {
    timeout(limit, work).await.ok()
}
// ANCHOR_END: within

/// What exercise 15-test-deadline's `check` is given: something that runs
/// work under a deadline. [`Timeout`] is the correct one;
/// [`crate::flawed::deadline`] has the broken ones.
pub trait Deadline {
    /// Runs `work` for at most `limit`; see [`within`].
    fn within<F>(
        &self,
        limit: Duration,
        work: F,
    ) -> impl Future<Output = Option<F::Output>>
    where
        F: Future + Send + 'static,
        F::Output: Send + 'static;
}

/// The correct [`Deadline`]: [`within`].
#[derive(Debug, Clone, Copy)]
pub struct Timeout;

impl Deadline for Timeout {
    async fn within<F>(&self, limit: Duration, work: F) -> Option<F::Output>
    where
        F: Future + Send + 'static,
        F::Output: Send + 'static,
    {
        within(limit, work).await
    }
}
