//! The work queue on the broker: a stream that keeps each job until one
//! worker acknowledges it, one durable pull consumer all workers share,
//! and a stream for the results.

use std::time::Duration;

use anyhow::Context as _;
use async_nats::jetstream::consumer::{AckPolicy, PullConsumer, pull};
use async_nats::jetstream::stream::{Config, RetentionPolicy, StorageType};
use async_nats::jetstream::{self, Context};
use serde::{Deserialize, Serialize};

/// The names one queue uses. Each test or run has its own, so none sees
/// another's jobs.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Names {
    /// The work stream, e.g. `L17_4242_0`.
    pub stream: String,
    /// The one durable consumer every worker pulls from.
    pub consumer: String,
}

impl Names {
    /// Names built from one unique prefix.
    pub fn new(unique: &str) -> Names {
        Names {
            stream: unique.to_string(),
            consumer: "workers".to_string(),
        }
    }
    /// Where jobs are published.
    pub fn jobs(&self) -> String {
        format!("{}.jobs", self.stream)
    }
    /// The stream that records results.
    pub fn results_stream(&self) -> String {
        format!("{}_results", self.stream)
    }
    /// Where job `id`'s result is published.
    pub fn result(&self, id: u32) -> String {
        format!("{}.results.{id}", self.stream)
    }
}

/// How the shared consumer hands out jobs.
#[derive(Debug, Clone, Copy)]
pub struct Setup {
    /// A delivered job not acknowledged within this is delivered again.
    pub ack_wait: Duration,
    /// At most this many delivered, unacknowledged jobs across all workers.
    pub max_ack_pending: i64,
    /// A second publish with the same `Nats-Msg-Id` within this is dropped.
    pub duplicate_window: Duration,
}

impl Default for Setup {
    fn default() -> Setup {
        Setup {
            ack_wait: Duration::from_millis(500),
            max_ack_pending: 1000,
            duplicate_window: Duration::from_secs(120),
        }
    }
}

/// Leftovers of a run that died expire by themselves on a shared server.
const LEFTOVER_AGE: Duration = Duration::from_secs(600);

// ANCHOR: create
/// Creates the work stream, its shared consumer and the results stream.
pub async fn create(
    js: &Context,
    names: &Names,
    setup: Setup,
) -> anyhow::Result<PullConsumer> {
    let stream = create_stream(
        js,
        Config {
            name: names.stream.clone(),
            subjects: vec![names.jobs()],
            // A job is removed once acknowledged: a queue, not a log.
            retention: RetentionPolicy::WorkQueue,
            storage: StorageType::File,
            duplicate_window: setup.duplicate_window,
            max_age: LEFTOVER_AGE,
            ..Default::default()
        },
    )
    .await
    .context("creating the work stream")?;
    let consumer = stream
        .create_consumer(pull::Config {
            durable_name: Some(names.consumer.clone()),
            ack_policy: AckPolicy::Explicit,
            ack_wait: setup.ack_wait,
            max_ack_pending: setup.max_ack_pending,
            ..Default::default()
        })
        .await
        .context("creating the shared consumer")?;
    // ANCHOR_END: create
    create_stream(
        js,
        Config {
            name: names.results_stream(),
            subjects: vec![format!("{}.results.*", names.stream)],
            storage: StorageType::File,
            // The handler's idempotence: one result per job id, see `worker`.
            duplicate_window: LEFTOVER_AGE,
            max_age: LEFTOVER_AGE,
            ..Default::default()
        },
    )
    .await
    .context("creating the results stream")?;
    Ok(consumer)
}

/// Creates a stream, trying again a few times: nats-server 2.9 may fail a
/// create with "error creating store" when another stream of the account
/// was deleted a moment before (it tidies the account's folder away
/// meanwhile). Seen once in 20 runs of the tests; a second try succeeds.
async fn create_stream(
    js: &Context,
    config: Config,
) -> anyhow::Result<async_nats::jetstream::stream::Stream> {
    let mut tries = 0;
    loop {
        match js.create_stream(config.clone()).await {
            Ok(stream) => return Ok(stream),
            Err(_) if tries < 4 => tries += 1,
            Err(e) => return Err(anyhow::anyhow!("{e}")),
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The shared consumer, for a worker that did not create it.
pub async fn consumer(
    js: &Context,
    names: &Names,
) -> anyhow::Result<PullConsumer> {
    let stream = js
        .get_stream(&names.stream)
        .await
        .with_context(|| format!("no stream {}", names.stream))?;
    stream
        .get_consumer(&names.consumer)
        .await
        .map_err(|e| anyhow::anyhow!("no consumer {}: {e}", names.consumer))
}

/// Deletes both streams (and with them the consumer).
pub async fn delete(js: &Context, names: &Names) {
    let _ = js.delete_stream(&names.stream).await;
    let _ = js.delete_stream(names.results_stream()).await;
}

/// Connects and gives JetStream's context; a clear error if nobody answers.
pub async fn connect(url: &str) -> anyhow::Result<Context> {
    let client = async_nats::ConnectOptions::new()
        .connection_timeout(Duration::from_secs(2))
        // Once connected, a broker that goes away is waited for, forever.
        .max_reconnects(None)
        .connect(url);
    let client = tokio::time::timeout(Duration::from_secs(3), client)
        .await
        .map_err(|_| anyhow::anyhow!("no NATS server answered at {url}"))?
        .with_context(|| format!("cannot connect to NATS at {url}"))?;
    Ok(jetstream::new(client))
}
