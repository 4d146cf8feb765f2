//! SIGTERM: the worker stops pulling, finishes and acknowledges what it
//! holds, and exits 0.

use std::path::Path;
use std::process::ExitStatus;
use std::time::Duration;

use async_nats::jetstream::Context;
use tokio::time::Instant;

use crate::children::WorkerProcess;
use crate::queue::{self, Names, Setup};
use crate::shared::quick;
use crate::worker::{Event, Plan};
use crate::{produce, server};

/// How long each job takes here.
pub const WORK: Duration = Duration::from_millis(400);

/// What happened.
#[derive(Debug, Clone, Copy)]
pub struct Drain {
    /// Jobs the worker held when SIGTERM came.
    pub held: usize,
    /// Jobs it finished and acknowledged before exiting.
    pub done: usize,
    /// How it exited.
    pub status: ExitStatus,
    /// From SIGTERM to its exit.
    pub took: Duration,
    /// The consumer afterwards: delivered, unacknowledged jobs.
    pub ack_pending: usize,
    /// The consumer afterwards: jobs delivered more than once.
    pub redelivered: usize,
    /// The consumer afterwards: jobs never delivered.
    pub waiting: u64,
}

// ANCHOR: drain
/// 30 jobs, one worker holding 10 at a time; SIGTERM once it has 10.
pub async fn run(exe: &Path, url: &str, js: &Context) -> anyhow::Result<Drain> {
    let names = Names::new(&server::unique("L17_drain"));
    let consumer = queue::create(js, &names, Setup::default()).await?;
    let plan = Plan {
        work: WORK,
        ..quick("w")
    };
    let mut worker = WorkerProcess::spawn(exe, url, &names, &plan).await?;
    produce::publish_all(js, &names, 0..30).await;
    for _ in 0..plan.capacity {
        let got = |e: &Event| matches!(e, Event::Got { .. });
        worker.wait_for(Duration::from_secs(5), got).await?;
    }
    let held = worker.got();
    let sent = Instant::now();
    worker.signal("TERM").await?;
    let status = worker.finish(Duration::from_secs(10)).await?;
    let took = sent.elapsed();
    // ANCHOR_END: drain
    let info = consumer.get_info().await?;
    let done = worker.summary().map_or(0, |s| s.done);
    queue::delete(js, &names).await;
    Ok(Drain {
        held,
        done,
        status,
        took,
        ack_pending: info.num_ack_pending,
        redelivered: info.num_redelivered,
        waiting: info.num_pending,
    })
}
