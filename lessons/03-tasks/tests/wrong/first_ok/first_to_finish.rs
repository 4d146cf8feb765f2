//! Wrong answer: returns the first job to finish, even when it failed
//! Expect: a failure is not the winner

use std::future::Future;

use futures::stream::{FuturesUnordered, StreamExt};

/// The first `Ok` among `jobs`, or every error in input order.
pub async fn first_ok<T, E, F>(jobs: Vec<F>) -> Result<T, Vec<E>>
where
    F: Future<Output = Result<T, E>>,
{
    let mut racing: FuturesUnordered<F> = jobs.into_iter().collect();
    match racing.next().await {
        Some(outcome) => outcome.map_err(|error| vec![error]),
        None => Err(Vec::new()),
    }
}
