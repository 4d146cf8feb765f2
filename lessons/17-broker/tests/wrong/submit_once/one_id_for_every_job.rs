//! Wrong answer: every job is sent with the same message id (the subject), so the broker drops every job after the first as a repeat
//! Expect: a message id of its own

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
        .message_id(subject);
    let ack = js.send_publish(subject.to_string(), message).await?.await?;
    Ok(!ack.duplicate)
}
