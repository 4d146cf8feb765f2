//! Reading back what the workers recorded.

use std::time::Duration;

use async_nats::jetstream::Context;
use async_nats::jetstream::consumer::{DeliverPolicy, PullConsumer, pull};
use futures::StreamExt;

use crate::queue::Names;

/// How many messages a stream holds now.
pub async fn stored(js: &Context, stream: &str) -> anyhow::Result<u64> {
    Ok(js
        .get_stream(stream)
        .await?
        .get_info()
        .await?
        .state
        .messages)
}

/// How many results are recorded.
pub async fn count(js: &Context, names: &Names) -> anyhow::Result<u64> {
    stored(js, &names.results_stream()).await
}

/// Waits until `n` results are recorded, or `limit` passes; the count.
pub async fn wait_for(
    js: &Context,
    names: &Names,
    n: u64,
    limit: Duration,
) -> u64 {
    let reached = poll_until(limit, || async move {
        let now = count(js, names).await.unwrap_or(0);
        (now >= n).then_some(now)
    });
    match reached.await {
        Some(now) => now,
        None => count(js, names).await.unwrap_or(0),
    }
}

/// Waits until the broker has handed out every job and holds none open
/// (nothing waiting, nothing awaiting an ack), or `limit` passes; whether
/// it got there. From then on the broker delivers nothing more: a job
/// acked before its work was lost is never coming back.
pub async fn wait_handed_out(consumer: &PullConsumer, limit: Duration) -> bool {
    let done = poll_until(limit, || async move {
        let info = consumer.get_info().await.ok()?;
        (info.num_pending == 0 && info.num_ack_pending == 0).then_some(())
    });
    done.await.is_some()
}

/// Asks `look` every 20 ms until it answers `Some`, or `limit` passes.
async fn poll_until<T, F>(
    limit: Duration,
    mut look: impl FnMut() -> F,
) -> Option<T>
where
    F: Future<Output = Option<T>>,
{
    let deadline = tokio::time::Instant::now() + limit;
    loop {
        if let Some(found) = look().await {
            return Some(found);
        }
        if tokio::time::Instant::now() >= deadline {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// The job id of every recorded result, sorted (a repeated id would show).
pub async fn ids(js: &Context, names: &Names) -> anyhow::Result<Vec<u32>> {
    let n = count(js, names).await? as usize;
    let stream = js.get_stream(names.results_stream()).await?;
    let reader = stream
        .create_consumer(pull::Config {
            deliver_policy: DeliverPolicy::All,
            ack_policy: async_nats::jetstream::consumer::AckPolicy::None,
            ..Default::default()
        })
        .await?;
    let mut ids = Vec::with_capacity(n);
    while ids.len() < n {
        let mut batch = reader
            .batch()
            .max_messages(n - ids.len())
            .expires(Duration::from_secs(1))
            .messages()
            .await?;
        while let Some(message) = batch.next().await {
            let message = message.map_err(|e| anyhow::anyhow!("{e}"))?;
            let id = message.subject.rsplit('.').next().unwrap_or_default();
            ids.push(id.parse()?);
        }
    }
    ids.sort_unstable();
    Ok(ids)
}
