//! Wrong answer: `select_ok` with each error noted as it arrives, so they come back in finishing order
//! Expect: all 3 errors in input order

use std::cell::RefCell;
use std::future::Future;

use futures::future::select_ok;

/// The first `Ok` among `jobs`, or every error in input order.
pub async fn first_ok<T, E, F>(jobs: Vec<F>) -> Result<T, Vec<E>>
where
    F: Future<Output = Result<T, E>>,
{
    if jobs.is_empty() {
        return Err(Vec::new());
    }
    let errors = RefCell::new(Vec::new());
    let noted = jobs.into_iter().map(|job| {
        let errors = &errors;
        Box::pin(async move {
            job.await.map_err(|error| errors.borrow_mut().push(error))
        })
    });
    match select_ok(noted).await {
        Ok((value, _losers)) => Ok(value),
        Err(()) => Err(errors.take()),
    }
}
