//! Putting jobs on the queue, each with a message id the broker uses to
//! drop a repeated publish.

use std::time::Duration;

use async_nats::jetstream::Context;
use async_nats::jetstream::message::PublishMessage;

use crate::queue::Names;

// ANCHOR: publish_job
/// Publishes job `id` and waits for the broker's ack. The `Nats-Msg-Id`
/// header makes a retry safe: within the stream's duplicate window a
/// second publish with the same id is acknowledged but not stored.
pub async fn publish_job(
    js: &Context,
    names: &Names,
    id: u32,
) -> anyhow::Result<Published> {
    let message = PublishMessage::build()
        .payload(id.to_string().into())
        .message_id(format!("job-{id}"));
    let ack = js.send_publish(names.jobs(), message).await?.await?;
    Ok(Published {
        sequence: ack.sequence,
        duplicate: ack.duplicate,
    })
}
// ANCHOR_END: publish_job

/// What the broker said about one publish.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Published {
    /// The stream's sequence number of the stored message.
    pub sequence: u64,
    /// True when the id was seen within the window: nothing was stored.
    pub duplicate: bool,
}

// ANCHOR: publish_retrying
/// Publishes job `id`, retrying until the broker acknowledges it: what a
/// producer does when the reply is lost (a timeout, a broker restart).
pub async fn publish_retrying(
    js: &Context,
    names: &Names,
    id: u32,
) -> Published {
    loop {
        match publish_job(js, names, id).await {
            Ok(published) => return published,
            Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
        }
    }
}
// ANCHOR_END: publish_retrying

/// Publishes jobs `ids`, each retried until acknowledged.
pub async fn publish_all(
    js: &Context,
    names: &Names,
    ids: impl IntoIterator<Item = u32>,
) -> usize {
    let mut stored = 0;
    for id in ids {
        if !publish_retrying(js, names, id).await.duplicate {
            stored += 1;
        }
    }
    stored
}
