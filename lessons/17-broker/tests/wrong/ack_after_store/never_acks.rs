//! Wrong answer: pays once and never acknowledges, so every job comes back each ack_wait, for ever
//! Expect: still waits for the acks

use async_nats::jetstream::consumer::PullConsumer;
use futures::StreamExt;

use crate::support::{Job, Payments};

/// Pays the invoice of every job `jobs` delivers; returns only on an
/// error.
pub async fn pay_invoices(
    jobs: PullConsumer,
    payments: Payments,
) -> anyhow::Result<()> {
    let mut messages = jobs.messages().await?;
    while let Some(message) = messages.next().await {
        let message = message?;
        let job: Job = serde_json::from_slice(&message.payload)?;
        if !payments.paid(job.id).await? {
            payments.pay(job.id, job.cents).await?;
        }
    }
    anyhow::bail!("the consumer's message stream ended")
}
