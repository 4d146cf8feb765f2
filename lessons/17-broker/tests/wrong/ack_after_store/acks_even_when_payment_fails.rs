//! Wrong answer: the ack is sent whether the payment worked or not (Python's `try: … finally: await msg.ack()`), then the error is returned
//! Expect: never paid

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
        let paid = async {
            if !payments.paid(job.id).await? {
                payments.pay(job.id, job.cents).await?;
            }
            anyhow::Ok(())
        }
        .await;
        message.ack().await.map_err(anyhow::Error::msg)?;
        paid?;
    }
    anyhow::bail!("the consumer's message stream ended")
}
