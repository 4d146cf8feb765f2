//! Reference solution for 03-first-ok.

use std::future::Future;

use futures::stream::{FuturesUnordered, StreamExt};

/// The first `Ok` among `jobs`, or every error in input order.
pub async fn first_ok<T, E, F>(jobs: Vec<F>) -> Result<T, Vec<E>>
where
    F: Future<Output = Result<T, E>>,
{
    let count = jobs.len();
    let mut racing: FuturesUnordered<_> = jobs
        .into_iter()
        .enumerate()
        .map(|(index, job)| async move { (index, job.await) })
        .collect();

    let mut errors: Vec<Option<E>> = (0..count).map(|_| None).collect();
    while let Some((index, outcome)) = racing.next().await {
        match outcome {
            // Returning drops `racing`, and with it every loser: cancelled.
            Ok(value) => return Ok(value),
            Err(error) => errors[index] = Some(error),
        }
    }
    Err(errors
        .into_iter()
        .map(|e| e.expect("every job failed"))
        .collect())
}
