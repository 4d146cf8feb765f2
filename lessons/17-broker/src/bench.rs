//! Throughput on this machine: jobs per second through the broker with
//! one worker and with three, each job doing no work of its own (so what
//! is measured is the queue: deliver, record the result, acknowledge).

use std::sync::Arc;
use std::time::Duration;

use async_nats::jetstream::Context;
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

use crate::queue::{self, Names, Setup};
use crate::worker::{self, AckWhen, Plan};
use crate::{produce, results, server};

/// One measurement.
#[derive(Debug, Clone, Copy)]
pub struct Rate {
    /// Workers (each its own connection, in this process).
    pub workers: usize,
    /// Jobs put through.
    pub jobs: u32,
    /// Jobs published per second, one publish awaited at a time.
    pub published_per_s: f64,
    /// Jobs done per second, from the first pull to the last result.
    pub done_per_s: f64,
}

/// Publishes `jobs`, then times `workers` workers doing them all.
pub async fn measure(
    js: &Context,
    url: &str,
    workers: usize,
    jobs: u32,
) -> anyhow::Result<Rate> {
    let names = Names::new(&server::unique("L17_bench"));
    queue::create(js, &names, Setup::default()).await?;
    let start = Instant::now();
    produce::publish_all(js, &names, 0..jobs).await;
    let published_per_s = f64::from(jobs) / start.elapsed().as_secs_f64();
    let stop = CancellationToken::new();
    let mut running = Vec::new();
    let start = Instant::now();
    for w in 0..workers {
        let plan = Plan {
            name: format!("w{w}"),
            work: Duration::ZERO,
            capacity: 50,
            ack: AckWhen::After,
        };
        let js = queue::connect(url).await?;
        let report: worker::Report = Arc::new(|_| {});
        let run = worker::run(js, names.clone(), plan, stop.clone(), report);
        running.push(tokio::spawn(run));
    }
    let done = results::wait_for(
        js,
        &names,
        u64::from(jobs),
        Duration::from_secs(120),
    )
    .await;
    let done_per_s = done as f64 / start.elapsed().as_secs_f64();
    stop.cancel();
    for run in running {
        run.await??;
    }
    queue::delete(js, &names).await;
    Ok(Rate {
        workers,
        jobs,
        published_per_s,
        done_per_s,
    })
}

/// The load average from `/proc/loadavg` (Linux), for beside a number.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|text| {
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_else(|_| "unknown".to_string())
}
