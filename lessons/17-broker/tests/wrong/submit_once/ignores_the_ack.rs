//! Wrong answer: the message id is right, but the answer is always `true`: the broker's ack, which says whether it was a duplicate, is awaited and thrown away
//! Expect: was a duplicate

use async_nats::jetstream::{self, message::PublishMessage};

use crate::support::Job;

/// Submits `job` on `subject`; `true` if the broker stored it, `false`
/// if it already had this job.
pub async fn submit(
    js: &jetstream::Context,
    subject: &str,
    job: &Job,
) -> anyhow::Result<bool> {
    let payload = serde_json::to_vec(job)?;
    let message = PublishMessage::build()
        .payload(payload.into())
        .message_id(job.id.to_string());
    js.send_publish(subject.to_string(), message).await?.await?;
    Ok(true)
}
