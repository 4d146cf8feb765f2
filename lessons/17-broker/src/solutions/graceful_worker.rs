//! Reference solution for exercise 17-graceful-worker.

use std::future::Future;
use std::time::Duration;

use async_nats::jetstream::consumer::PullConsumer;
use futures::StreamExt;
use tokio_util::sync::CancellationToken;

use crate::support::Job;

/// Fetches jobs from `jobs` in batches of at most 4 and runs `handle` on
/// each, then acks it, until `stop` is cancelled; then it finishes the
/// batch it holds and returns how many jobs it handled.
pub async fn work_until_stopped<F, Fut>(
    jobs: PullConsumer,
    stop: CancellationToken,
    handle: F,
) -> anyhow::Result<usize>
where
    F: Fn(Job) -> Fut,
    Fut: Future<Output = ()>,
{
    let mut done = 0;
    while !stop.is_cancelled() {
        // Python's `fetch(batch=4, timeout=0.5)`: the pull waits at most
        // 500 ms for jobs, so a stop is noticed even while idle.
        let mut batch = jobs
            .batch()
            .max_messages(4)
            .expires(Duration::from_millis(500))
            .messages()
            .await
            .map_err(anyhow::Error::msg)?;
        // Every job of the batch is ours now: finish it, stop or not.
        while let Some(message) = batch.next().await {
            let message = message.map_err(anyhow::Error::msg)?;
            handle(serde_json::from_slice(&message.payload)?).await;
            message.ack().await.map_err(anyhow::Error::msg)?;
            done += 1;
        }
    }
    Ok(done)
}
