//! A producer retries after a lost reply: the job must not be queued twice.

use async_nats::jetstream::Context;

use crate::produce::{self, Published};
use crate::queue::{self, Names, Setup};
use crate::{results, server};

/// What publishing the same job twice did.
#[derive(Debug, Clone, Copy)]
pub struct Twice {
    /// The first publish's ack.
    pub first: Published,
    /// The retry's ack.
    pub second: Published,
    /// Messages in the work stream afterwards.
    pub stored: u64,
}

// ANCHOR: twice
/// Publishes job 7, then publishes it again as a retry would.
pub async fn publish_twice(js: &Context) -> anyhow::Result<Twice> {
    let names = Names::new(&server::unique("L17_dedup"));
    queue::create(js, &names, Setup::default()).await?;
    let first = produce::publish_job(js, &names, 7).await?;
    let second = produce::publish_job(js, &names, 7).await?; // the retry
    let stored = results::stored(js, &names.stream).await?;
    queue::delete(js, &names).await;
    Ok(Twice {
        first,
        second,
        stored,
    })
}
// ANCHOR_END: twice
