//! A worker killed with SIGKILL while it holds jobs.

use std::path::Path;
use std::time::Duration;

use async_nats::jetstream::Context;
use tokio::time::Instant;

use crate::children::WorkerProcess;
use crate::queue::{self, Names, Setup};
use crate::shared::quick;
use crate::worker::{AckWhen, Event, Plan};
use crate::{produce, results, server};

/// The broker's redelivery delay in this scenario.
pub const ACK_WAIT: Duration = Duration::from_millis(500);

/// What happened.
#[derive(Debug, Clone)]
pub struct Crash {
    /// Jobs in all.
    pub jobs: u32,
    /// Jobs the killed worker had in hand.
    pub held: usize,
    /// The job id of every recorded result, sorted.
    pub recorded: Vec<u32>,
    /// Jobs the survivors got a second time.
    pub redelivered: usize,
    /// Results the survivors found already recorded.
    pub duplicates: usize,
    /// From publishing the victim's jobs to the first redelivery seen.
    pub first_redelivery: Option<Duration>,
}

impl Crash {
    /// Jobs with no recorded result.
    pub fn missing(&self) -> usize {
        self.jobs as usize - self.recorded.len()
    }
}

// ANCHOR: crash
/// One worker takes 10 jobs and is killed mid-work; two others then do
/// the rest. `ack` says when every worker acknowledges.
pub async fn run(
    exe: &Path,
    url: &str,
    js: &Context,
    ack: AckWhen,
) -> anyhow::Result<Crash> {
    let (held_jobs, jobs) = (10, 90);
    let names = Names::new(&server::unique("L17_crash"));
    let setup = Setup {
        ack_wait: ACK_WAIT,
        ..Setup::default()
    };
    let consumer = queue::create(js, &names, setup).await?;
    let slow = Plan {
        work: Duration::from_secs(60), // it will not finish
        capacity: held_jobs,
        ack,
        ..quick("victim")
    };
    let mut victim = WorkerProcess::spawn(exe, url, &names, &slow).await?;
    let published = Instant::now();
    produce::publish_all(js, &names, 0..held_jobs as u32).await;
    for _ in 0..held_jobs {
        let got = |e: &Event| matches!(e, Event::Got { .. });
        victim.wait_for(Duration::from_secs(5), got).await?;
    }
    let held = victim.got();
    victim.crash().await?; // SIGKILL, holding 10 jobs
    let mut survivors = Vec::new();
    for name in ["s1", "s2"] {
        let plan = Plan { ack, ..quick(name) };
        survivors.push(WorkerProcess::spawn(exe, url, &names, &plan).await?);
    }
    produce::publish_all(js, &names, held_jobs as u32..jobs).await;
    // ANCHOR_END: crash
    // Nothing left to hand out and nothing open: the broker will deliver
    // nothing more, and every job delivered is in a survivor's hands.
    // Stopped, each finishes (and records) what it holds before it exits.
    // A scenario that never got there would show as missing jobs, which
    // is the very verdict the claims read: say so instead.
    let limit = ACK_WAIT * 6;
    if !results::wait_handed_out(&consumer, limit).await {
        queue::delete(js, &names).await; // the survivors die with `survivors`
        anyhow::bail!(
            "the broker still held jobs {limit:?} after the last publish"
        );
    }
    let (mut redelivered, mut duplicates) = (0, 0);
    let mut first_redelivery: Option<Duration> = None;
    for mut survivor in survivors {
        survivor.signal("TERM").await?;
        survivor.finish(Duration::from_secs(5)).await?;
        for (at, event) in &survivor.seen {
            if let Event::Got { delivered, .. } = event
                && *delivered > 1
            {
                let after = *at - published;
                first_redelivery =
                    Some(first_redelivery.map_or(after, |f| f.min(after)));
            }
        }
        let summary = survivor.summary().unwrap_or_default();
        redelivered += summary.redelivered;
        duplicates += summary.duplicates;
    }
    let recorded = results::ids(js, &names).await?;
    queue::delete(js, &names).await;
    Ok(Crash {
        jobs,
        held,
        recorded,
        redelivered,
        duplicates,
        first_redelivery,
    })
}
