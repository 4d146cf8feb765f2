//! Wrong answer: `select_ok`, which keeps only the last error
//! Expect: all 3 errors

use std::future::Future;

use futures::future::select_ok;

/// The first `Ok` among `jobs`, or every error in input order.
pub async fn first_ok<T, E, F>(jobs: Vec<F>) -> Result<T, Vec<E>>
where
    F: Future<Output = Result<T, E>>,
{
    if jobs.is_empty() {
        return Err(Vec::new()); // select_ok panics on an empty list
    }
    match select_ok(jobs.into_iter().map(Box::pin)).await {
        Ok((value, _losers)) => Ok(value),
        Err(last) => Err(vec![last]),
    }
}
