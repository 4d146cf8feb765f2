//! Wrong answer: waits for every job, then takes the first Ok in input order
//! Expect: did it wait for every job

use std::future::Future;

use futures::future::join_all;

/// The first `Ok` among `jobs`, or every error in input order.
pub async fn first_ok<T, E, F>(jobs: Vec<F>) -> Result<T, Vec<E>>
where
    F: Future<Output = Result<T, E>>,
{
    let mut errors = Vec::new();
    for outcome in join_all(jobs).await {
        match outcome {
            Ok(value) => return Ok(value),
            Err(error) => errors.push(error),
        }
    }
    Err(errors)
}
