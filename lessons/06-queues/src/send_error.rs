//! A failed send hands the item back.
//!
//! `send` takes its item by value, so when the channel is closed the item
//! comes back inside the error instead of being lost: tokio's
//! `mpsc::error::SendError(item)` (the field `.0`), and `async_channel`'s
//! `SendError(item)` (`.0` or `.into_inner()`). Take it back when the item
//! matters: send it somewhere else, keep it for a retry, or log which one
//! was not delivered.

use tokio::sync::mpsc::{self, error::SendError};

// ANCHOR: fallback
/// Sends `job` to `primary`; if that is closed, to `fallback`. If both are
/// closed, the job comes back to the caller in `Err`.
pub async fn send_with_fallback(
    primary: &mpsc::Sender<String>,
    fallback: &async_channel::Sender<String>,
    job: String,
) -> Result<&'static str, String> {
    // `send(job)` moved the job; the error moves it back out.
    let Err(SendError(job)) = primary.send(job).await else {
        return Ok("primary");
    };
    match fallback.send(job).await {
        Ok(()) => Ok("fallback"),
        Err(err) => Err(err.into_inner()),
    }
}
// ANCHOR_END: fallback

/// Job 0 while both queues are open, job 1 once the primary's receiver
/// is gone, job 2 once the fallback is closed too. Returns each outcome,
/// and how many jobs the fallback still holds for its receiver.
pub async fn route_three_jobs() -> (Vec<Result<&'static str, String>>, usize) {
    let (primary, primary_rx) = mpsc::channel(10);
    let (fallback, fallback_rx) = async_channel::bounded(10);
    let send =
        |n: u32| send_with_fallback(&primary, &fallback, format!("job {n}"));
    let mut outcomes = vec![send(0).await];
    drop(primary_rx); // the primary's consumer goes away
    outcomes.push(send(1).await);
    fallback.close(); // and the fallback is shut down
    outcomes.push(send(2).await);
    (outcomes, fallback_rx.len()) // job 1 is still there to drain
}
