//! Exercise 17-ack-after-store (core).
//!
//! A worker: take jobs from the pull consumer `jobs` (each is a [`Job`]
//! as JSON) and pay each job's invoice with `payments`. The broker
//! redelivers a job that is not acknowledged within the consumer's
//! `ack_wait`, to this worker or another one; an acknowledged job is gone
//! for good. Make sure that, whatever fails and whenever:
//!
//! - no invoice is left unpaid: when the payments service fails, return
//!   its error (the worker stops, another one takes over);
//! - no invoice is paid twice, even when its job comes again;
//! - every job that is done is acknowledged, so it does not come back.
//!
//! [`Payments::pay`] pays every time it is called; [`Payments::paid`]
//! says whether an invoice is paid. Keep working while jobs come.
//!
//! The Python (nats-py) it replaces, which acks first and pays after, and
//! pays whatever comes:
//!
//! ```python
//! async def pay_invoices(sub, payments):
//!     while True:
//!         for msg in await sub.fetch(batch=10):
//!             await msg.ack()
//!             job = json.loads(msg.data)
//!             await payments.pay(job["id"], job["cents"])
//! ```
//!
//! The tests (`tests/exercises.rs`, module `ack_after_store`), on a NATS
//! server with JetStream (set `NATS_URL`), 5 jobs and an `ack_wait` of
//! 300 ms: the first worker must return within 2 s once the payments
//! service fails on invoice 3 (before paying) or on invoice 4 (after
//! paying); a second worker must then pay every invoice exactly once,
//! and within 3 s the broker must have no job left unacknowledged.
//!
//! Check it: `cargo run -p course -- check 17-ack-after-store`

use async_nats::jetstream::consumer::PullConsumer;

use crate::support::{Job, Payments};

/// Pays the invoice of every job `jobs` delivers; returns only on an
/// error.
pub async fn pay_invoices(
    jobs: PullConsumer,
    payments: Payments,
) -> anyhow::Result<()> {
    todo!()
}
