//! Wrong answer: the job is published as it is, with no `Nats-Msg-Id`, so the broker cannot tell a retry from a new job
//! Expect: the same `Nats-Msg-Id` header

use async_nats::jetstream;

use crate::support::Job;

/// Submits `job` on `subject`; `true` if the broker stored it, `false`
/// if it already had this job.
pub async fn submit(
    js: &jetstream::Context,
    subject: &str,
    job: &Job,
) -> anyhow::Result<bool> {
    let payload = serde_json::to_vec(job)?;
    let ack = js
        .publish(subject.to_string(), payload.into())
        .await?
        .await?;
    Ok(!ack.duplicate)
}
