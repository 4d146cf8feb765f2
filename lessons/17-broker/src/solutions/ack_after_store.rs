//! Reference solution for exercise 17-ack-after-store.

use async_nats::jetstream::consumer::PullConsumer;
use futures::StreamExt;

use crate::support::{Job, Payments};

/// Pays the invoice of every job `jobs` delivers, once each however often
/// a job comes, and acknowledges a job only once its invoice is paid.
/// Returns only on an error: the first one of the payments service.
pub async fn pay_invoices(
    jobs: PullConsumer,
    payments: Payments,
) -> anyhow::Result<()> {
    let mut messages = jobs.messages().await?;
    while let Some(message) = messages.next().await {
        let message = message?;
        let job: Job = serde_json::from_slice(&message.payload)?;
        // A job can come twice: its payment went through, but its ack
        // never did. The invoice, not the delivery, says what is done.
        if !payments.paid(job.id).await? {
            payments.pay(job.id, job.cents).await?;
        }
        // Only now is the job done; a failure above leaves it unacked,
        // and the broker gives it to a worker again after ack_wait.
        message.ack().await.map_err(anyhow::Error::msg)?;
    }
    anyhow::bail!("the consumer's message stream ended")
}
