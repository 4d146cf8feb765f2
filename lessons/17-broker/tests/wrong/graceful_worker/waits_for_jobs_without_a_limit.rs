//! Wrong answer: each fetch is sent without `expires`, so an idle fetch waits the client's default of seconds rather than Python's 0.5 s, and the stop is seen far too late
//! Expect: too slow

use std::future::Future;

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
            .messages()
            .await
            .map_err(anyhow::Error::msg)?;
        while let Some(message) = batch.next().await {
            let message = message.map_err(anyhow::Error::msg)?;
            handle(serde_json::from_slice(&message.payload)?).await;
            message.ack().await.map_err(anyhow::Error::msg)?;
            done += 1;
        }
    }
    Ok(done)
}
