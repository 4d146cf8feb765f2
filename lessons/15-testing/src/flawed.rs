//! Subtly broken implementations, for the "write the test" exercises.
//!
//! Each returns the right values in the easy cases; each gets one thing
//! wrong, and the learner's test must notice. Reading them first spoils the
//! exercises, but reading them afterwards shows how small a real bug can be.

pub mod deadline;
pub mod notify;
pub mod retry;

/// A broken implementation names its flaw: the message a learner sees when
/// their test lets it through ("your test did not catch: …").
pub trait Flaw {
    const FLAW: &'static str;
}

/// The correct implementation under a broken one's name: `Fixed<B>` works
/// like the correct one whatever `B` is. The graders run it as the
/// "correct" side of each "catches …" check, so a test that tells broken
/// code by its type (`std::any::type_name`) rather than by what it does
/// fails on it.
#[derive(Debug, Clone, Copy)]
pub struct Fixed<B>(pub B);

impl<B> crate::retry::Retry for Fixed<B> {
    async fn retry<T, E, F, Fut>(
        &self,
        attempts: u32,
        first_delay: std::time::Duration,
        op: F,
    ) -> Result<T, E>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        crate::retry::retry(attempts, first_delay, op).await
    }
}

impl<B> crate::deadline::Deadline for Fixed<B> {
    async fn within<F>(
        &self,
        limit: std::time::Duration,
        work: F,
    ) -> Option<F::Output>
    where
        F: Future + Send + 'static,
        F::Output: Send + 'static,
    {
        crate::deadline::within(limit, work).await
    }
}

impl<B> crate::users::Notify for Fixed<B> {
    async fn notify_all<C: crate::users::UserClient>(
        &self,
        client: &C,
        ids: &[u32],
        message: &str,
    ) -> Result<usize, crate::users::ApiError> {
        crate::users::notify_all(client, ids, message).await
    }
}
