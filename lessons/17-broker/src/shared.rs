//! Three worker processes share one consumer: each job goes to one of them.

use std::path::Path;
use std::time::Duration;

use async_nats::jetstream::Context;

use crate::children::WorkerProcess;
use crate::queue::{self, Names, Setup};
use crate::worker::{AckWhen, Plan, Summary};
use crate::{produce, results, server};

/// What the workers did.
#[derive(Debug, Clone)]
pub struct Shared {
    /// Each worker's totals, in start order.
    pub workers: Vec<Summary>,
    /// The job id of every recorded result, sorted.
    pub recorded: Vec<u32>,
}

/// A quick worker: 5 ms a job, 10 in hand.
pub fn quick(name: &str) -> Plan {
    Plan {
        name: name.to_string(),
        work: Duration::from_millis(5),
        capacity: 10,
        ack: AckWhen::After,
    }
}

// ANCHOR: shared
/// Starts `workers` worker processes, publishes `jobs` jobs, waits until
/// every result is recorded and stops the workers.
pub async fn run(
    exe: &Path,
    url: &str,
    js: &Context,
    workers: usize,
    jobs: u32,
) -> anyhow::Result<Shared> {
    let names = Names::new(&server::unique("L17_shared"));
    queue::create(js, &names, Setup::default()).await?;
    let mut running = Vec::new();
    for w in 0..workers {
        let plan = quick(&format!("w{w}"));
        running.push(WorkerProcess::spawn(exe, url, &names, &plan).await?);
    }
    produce::publish_all(js, &names, 0..jobs).await;
    let limit = Duration::from_secs(30);
    results::wait_for(js, &names, u64::from(jobs), limit).await;
    let mut summaries = Vec::new();
    for worker in running {
        summaries.push(worker.stop(Duration::from_secs(5)).await?);
    }
    // ANCHOR_END: shared
    let recorded = results::ids(js, &names).await?;
    queue::delete(js, &names).await;
    Ok(Shared {
        workers: summaries,
        recorded,
    })
}
