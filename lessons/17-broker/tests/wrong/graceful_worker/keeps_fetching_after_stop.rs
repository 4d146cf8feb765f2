//! Wrong answer: it looks at the stop only when a fetch comes back empty, so after the stop it keeps fetching and handling while jobs are waiting
//! Expect: do not fetch another one after the stop

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
    loop {
        let mut batch = jobs
            .batch()
            .max_messages(4)
            .expires(Duration::from_millis(500))
            .messages()
            .await
            .map_err(anyhow::Error::msg)?;
        let mut got = 0;
        while let Some(message) = batch.next().await {
            let message = message.map_err(anyhow::Error::msg)?;
            handle(serde_json::from_slice(&message.payload)?).await;
            message.ack().await.map_err(anyhow::Error::msg)?;
            done += 1;
            got += 1;
        }
        if got == 0 && stop.is_cancelled() {
            return Ok(done);
        }
    }
}
