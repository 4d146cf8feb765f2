//! Reference solution for exercise 17-submit-once.

use async_nats::jetstream::{self, message::PublishMessage};

use crate::support::Job;

/// Submits `job` on `subject` (JSON), with the job's id as its
/// `Nats-Msg-Id`; `true` if the broker stored it, `false` if it already
/// had a job with that id (a retry).
pub async fn submit(
    js: &jetstream::Context,
    subject: &str,
    job: &Job,
) -> anyhow::Result<bool> {
    let payload = serde_json::to_vec(job)?;
    let message = PublishMessage::build()
        .payload(payload.into())
        .message_id(job.id.to_string());
    // The first await sends; the second waits for the stream's answer.
    let ack = js.send_publish(subject.to_string(), message).await?.await?;
    Ok(!ack.duplicate)
}
