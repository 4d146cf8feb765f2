//! Wrong answer: it checks the stop before every job and returns at once, dropping the rest of the batch it fetched, unacknowledged
//! Expect: finish every job already fetched

use std::future::Future;
use std::time::Duration;

use async_nats::jetstream::consumer::PullConsumer;
use futures::StreamExt;
use tokio_util::sync::CancellationToken;

use crate::support::Job;

/// Handles jobs from `jobs` until `stop`, finishing the batch it holds;
/// how many it handled.
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
        let mut batch = jobs
            .batch()
            .max_messages(4)
            .expires(Duration::from_millis(500))
            .messages()
            .await
            .map_err(anyhow::Error::msg)?;
        while let Some(message) = batch.next().await {
            if stop.is_cancelled() {
                return Ok(done);
            }
            let message = message.map_err(anyhow::Error::msg)?;
            handle(serde_json::from_slice(&message.payload)?).await;
            message.ack().await.map_err(anyhow::Error::msg)?;
            done += 1;
        }
    }
    Ok(done)
}
