//! Exercise 03-first-ok (challenge).
//!
//! Race the jobs and return the first *success*. A job that fails early is
//! not the winner: keep waiting for the others. As soon as one succeeds,
//! return its value — and every job still running must be cancelled by
//! then (dropped, not left running). If every job fails, return all the
//! errors, in the order of `jobs`. No jobs at all: `Err` of an empty Vec.
//!
//! (`select!` takes a fixed number of branches; here the number is only
//! known at run time. No spawning needed, and the bounds do not allow it.)
//!
//! Check it: `cargo run -p course -- check 03-first-ok`

use std::future::Future;

/// The first `Ok` among `jobs`, or every error in input order.
pub async fn first_ok<T, E, F>(jobs: Vec<F>) -> Result<T, Vec<E>>
where
    F: Future<Output = Result<T, E>>,
{
    todo!()
}
