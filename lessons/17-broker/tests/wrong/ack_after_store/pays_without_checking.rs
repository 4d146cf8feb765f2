//! Wrong answer: acked after paying, but every delivery pays, so a job that comes again (paid, but its ack lost) pays its invoice twice
//! Expect: paid 2 times

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
        payments.pay(job.id, job.cents).await?;
        message.ack().await.map_err(anyhow::Error::msg)?;
    }
    anyhow::bail!("the consumer's message stream ended")
}
