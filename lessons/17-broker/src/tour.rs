//! The tour: one function per section of the chapter, in its order. Each
//! works on streams of its own and deletes them afterwards.

use std::path::PathBuf;

use async_nats::jetstream::Context;
use kit::heading;
use kit::timing::fmt_duration;
use lesson_17_broker::server::Broker;
use lesson_17_broker::worker::AckWhen;
use lesson_17_broker::{bench, bounded, crash, dedup, drain, queue, shared};

/// What every section needs: the broker and this program, to start
/// workers from.
struct Tour {
    url: String,
    js: Context,
    exe: PathBuf,
}

pub async fn run(broker: Broker) -> anyhow::Result<()> {
    println!("Lesson 17 — a work queue on a broker (NATS JetStream)");
    println!("broker: {}", broker.describe());
    let url = broker.url.clone();
    let tour = Tour {
        js: queue::connect(&url).await?,
        url,
        exe: std::env::current_exe()?,
    };
    three_worker_processes_one_consumer(&tour).await?;
    a_worker_killed_mid_job_loses_nothing(&tour).await?;
    max_ack_pending_is_the_brokers_bounded_channel(&tour).await?;
    sigterm_finish_what_you_hold_then_exit(&tour).await?;
    a_retried_publish_is_not_queued_twice(&tour).await?;
    throughput(&tour.js, &tour.url, 5000).await
}

/// ### Three worker processes, one consumer
async fn three_worker_processes_one_consumer(t: &Tour) -> anyhow::Result<()> {
    heading("three worker processes share one consumer: 300 jobs");
    let outcome = shared::run(&t.exe, &t.url, &t.js, 3, 300).await?;
    for (w, s) in outcome.workers.iter().enumerate() {
        println!("  worker w{w}: did {:>3} jobs", s.done);
    }
    let total: usize = outcome.workers.iter().map(|s| s.done).sum();
    let twice: usize = outcome.workers.iter().map(|s| s.duplicates).sum();
    println!(
        "  {total} done in all, {} distinct results, {twice} done twice",
        outcome.recorded.len()
    );
    Ok(())
}

/// ### A worker killed mid-job loses nothing
///
/// And the same crash when every worker acks before its work: the jobs
/// the victim held are gone.
async fn a_worker_killed_mid_job_loses_nothing(t: &Tour) -> anyhow::Result<()> {
    heading("a worker killed with SIGKILL while it holds 10 jobs");
    let c = crash::run(&t.exe, &t.url, &t.js, AckWhen::After).await?;
    println!("  the victim held {} jobs when it died", c.held);
    if let Some(first) = c.first_redelivery {
        println!(
            "  ack_wait {}: the first came back {} after it was published",
            fmt_duration(crash::ACK_WAIT),
            fmt_duration(first)
        );
    }
    println!(
        "  {} redelivered to the others; {} of {} jobs recorded, {} missing",
        c.redelivered,
        c.recorded.len(),
        c.jobs,
        c.missing()
    );

    heading("the same crash, but every worker acks BEFORE the work");
    let c = crash::run(&t.exe, &t.url, &t.js, AckWhen::Before).await?;
    println!(
        "  the victim held {}; {} of {} recorded: {} jobs lost for good",
        c.held,
        c.recorded.len(),
        c.jobs,
        c.missing()
    );
    Ok(())
}

/// ### `max_ack_pending` is the broker's bounded channel
async fn max_ack_pending_is_the_brokers_bounded_channel(
    t: &Tour,
) -> anyhow::Result<()> {
    heading("max_ack_pending: 3 workers willing to hold 10 each");
    let unbounded = bounded::peak_in_hand(&t.js, &t.url, 1000).await?;
    let bounded = bounded::peak_in_hand(&t.js, &t.url, 5).await?;
    println!(
        "  max_ack_pending 1000: at most {unbounded} jobs in hand at once"
    );
    println!("  max_ack_pending    5: at most {bounded} jobs in hand at once");
    Ok(())
}

/// ### SIGTERM: finish what you hold, then exit
async fn sigterm_finish_what_you_hold_then_exit(
    t: &Tour,
) -> anyhow::Result<()> {
    heading("SIGTERM: the worker finishes what it holds and exits");
    let d = drain::run(&t.exe, &t.url, &t.js).await?;
    let code = d
        .status
        .code()
        .map_or("none".to_string(), |c| c.to_string());
    println!(
        "  held {}, finished and acked {}, exit code {code} after {}",
        d.held,
        d.done,
        fmt_duration(d.took)
    );
    println!(
        "  afterwards: {} unacked, {} redelivered, {} still queued",
        d.ack_pending, d.redelivered, d.waiting
    );
    Ok(())
}

/// ### A retried publish is not queued twice
async fn a_retried_publish_is_not_queued_twice(t: &Tour) -> anyhow::Result<()> {
    heading("a publish retried after a lost reply (Nats-Msg-Id)");
    let p = dedup::publish_twice(&t.js).await?;
    println!(
        "  first publish:  sequence {}, duplicate {}",
        p.first.sequence, p.first.duplicate
    );
    println!(
        "  second publish: sequence {}, duplicate {}",
        p.second.sequence, p.second.duplicate
    );
    println!("  the stream holds {} message", p.stored);
    Ok(())
}

/// ### Internet scale, on paper
///
/// The measured part of that section (also the `bench` command).
pub async fn throughput(
    js: &Context,
    url: &str,
    jobs: u32,
) -> anyhow::Result<()> {
    heading("throughput: jobs per second through the broker");
    if cfg!(debug_assertions) {
        println!("  (a debug build: add --release for the chapter's figures)");
    }
    println!("  load average before: {}", bench::load_average());
    println!("  workers   jobs   published/s   done/s");
    for workers in [1, 3] {
        let r = bench::measure(js, url, workers, jobs).await?;
        println!(
            "  {:>7} {:>6} {:>13.0} {:>8.0}",
            r.workers, r.jobs, r.published_per_s, r.done_per_s
        );
    }
    println!("  load average after:  {}", bench::load_average());
    Ok(())
}
