//! `cargo run -p lesson-17-broker`: lesson 06's work queue taken across
//! processes, on NATS JetStream. The tour starts real worker processes
//! (this same program, run as `worker`), kills one mid-job, stops one with
//! SIGTERM, and measures throughput.
//!
//! The broker: `NATS_URL` (or `--url`) if given, else a private
//! `nats-server -js` when the binary is installed. Each step works on
//! streams of its own and deletes them afterwards.

use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use kit::heading;
use kit::timing::fmt_duration;
use lesson_17_broker::queue::{self, Names};
use lesson_17_broker::server::{Broker, OwnServer, binary_installed};
use lesson_17_broker::worker::{self, AckWhen, Event, Plan};
use lesson_17_broker::{bench, bounded, crash, dedup, drain, shared};
use tokio_util::sync::CancellationToken;

/// Lesson 17: a work queue on a broker (NATS JetStream).
///
/// With no command, a tour: three worker processes share one queue; a
/// worker killed mid-job loses nothing; acking before the work does lose
/// jobs; max_ack_pending bounds the jobs in flight; SIGTERM drains a
/// worker; a retried publish is not queued twice; and the jobs per second
/// measured with one worker and with three.
#[derive(Parser, Debug)]
struct Args {
    /// The NATS server (JetStream on) [env: NATS_URL]; without it a
    /// private nats-server is started if installed
    #[arg(long, value_name = "URL", global = true)]
    url: Option<String>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// One worker process (the tour and the tests start these): pulls
    /// from a queue's shared consumer and prints what it does, one line
    /// per event; SIGTERM makes it finish what it holds and exit
    Worker {
        /// The work stream
        #[arg(long)]
        stream: String,
        /// The shared durable consumer
        #[arg(long, default_value = "workers")]
        consumer: String,
        /// This worker's name, stored with its results
        #[arg(long, default_value = "worker")]
        name: String,
        /// Milliseconds each job takes
        #[arg(long, default_value_t = 10)]
        work_ms: u64,
        /// Jobs in hand at once
        #[arg(long, default_value_t = 10)]
        capacity: usize,
        /// When to acknowledge a job
        #[arg(long, value_enum, default_value = "after")]
        ack: AckWhen,
    },
    /// Only the throughput measurement: jobs per second, 1 and 3 workers
    Bench {
        /// Jobs per measurement
        #[arg(long, default_value_t = 5000)]
        jobs: u32,
    },
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    match run(args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {}", kit::cli::one_line(error.as_ref()));
            ExitCode::FAILURE
        }
    }
}

/// `--url`, else `NATS_URL`, else a private server.
fn find_broker(url: Option<String>) -> anyhow::Result<Broker> {
    let given = url
        .or_else(|| std::env::var("NATS_URL").ok().filter(|v| !v.is_empty()));
    if let Some(url) = given {
        return Ok(Broker { url, own: None });
    }
    anyhow::ensure!(
        binary_installed(),
        "no broker: set NATS_URL (or --url) or install nats-server"
    );
    let own = OwnServer::start().context("starting a private nats-server")?;
    Ok(Broker {
        url: own.url(),
        own: Some(own),
    })
}

async fn run(args: Args) -> anyhow::Result<()> {
    match args.command {
        Some(Command::Worker {
            stream,
            consumer,
            name,
            work_ms,
            capacity,
            ack,
        }) => {
            let url = args.url.or_else(|| std::env::var("NATS_URL").ok());
            let url = url.context("a worker needs --url or NATS_URL")?;
            let names = Names { stream, consumer };
            let plan = Plan {
                name,
                work: Duration::from_millis(work_ms),
                capacity,
                ack,
            };
            run_worker(&url, names, plan).await
        }
        Some(Command::Bench { jobs }) => {
            let broker = find_broker(args.url)?;
            println!("broker: {}", broker.describe());
            let js = queue::connect(&broker.url).await?;
            throughput(&js, &broker.url, jobs).await
        }
        None => tour(find_broker(args.url)?).await,
    }
}

// ANCHOR: worker_main
/// The `worker` command: events on stdout, SIGTERM → drain and exit 0.
async fn run_worker(url: &str, names: Names, plan: Plan) -> anyhow::Result<()> {
    let js = queue::connect(url).await?;
    let stop = CancellationToken::new();
    let mut term = tokio::signal::unix::signal(
        tokio::signal::unix::SignalKind::terminate(),
    )?;
    let on_term = stop.clone();
    tokio::spawn(async move {
        term.recv().await;
        on_term.cancel();
    });
    let report: worker::Report = Arc::new(|event| println!("{event}"));
    let summary = worker::run(js, names, plan, stop, report).await?;
    println!("{}", Event::Finished(summary));
    Ok(())
}
// ANCHOR_END: worker_main

async fn tour(broker: Broker) -> anyhow::Result<()> {
    println!("Lesson 17 — a work queue on a broker (NATS JetStream)");
    println!("broker: {}", broker.describe());
    let url = broker.url.clone();
    let js = queue::connect(&url).await?;
    let exe = std::env::current_exe()?;

    heading("three worker processes share one consumer: 300 jobs");
    let outcome = shared::run(&exe, &url, &js, 3, 300).await?;
    for (w, s) in outcome.workers.iter().enumerate() {
        println!("  worker w{w}: did {:>3} jobs", s.done);
    }
    let total: usize = outcome.workers.iter().map(|s| s.done).sum();
    let twice: usize = outcome.workers.iter().map(|s| s.duplicates).sum();
    println!(
        "  {total} done in all, {} distinct results, {twice} done twice",
        outcome.recorded.len()
    );

    heading("a worker killed with SIGKILL while it holds 10 jobs");
    let c = crash::run(&exe, &url, &js, AckWhen::After).await?;
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
    let c = crash::run(&exe, &url, &js, AckWhen::Before).await?;
    println!(
        "  the victim held {}; {} of {} recorded: {} jobs lost for good",
        c.held,
        c.recorded.len(),
        c.jobs,
        c.missing()
    );

    heading("max_ack_pending: 3 workers willing to hold 10 each");
    let unbounded = bounded::peak_in_hand(&js, &url, 1000).await?;
    let bounded = bounded::peak_in_hand(&js, &url, 5).await?;
    println!(
        "  max_ack_pending 1000: at most {unbounded} jobs in hand at once"
    );
    println!("  max_ack_pending    5: at most {bounded} jobs in hand at once");

    heading("SIGTERM: the worker finishes what it holds and exits");
    let d = drain::run(&exe, &url, &js).await?;
    println!(
        "  held {}, finished and acked {}, exit code {} after {}",
        d.held,
        d.done,
        d.status
            .code()
            .map_or("none".to_string(), |c| c.to_string()),
        fmt_duration(d.took)
    );
    println!(
        "  afterwards: {} unacked, {} redelivered, {} still queued",
        d.ack_pending, d.redelivered, d.waiting
    );

    heading("a publish retried after a lost reply (Nats-Msg-Id)");
    let t = dedup::publish_twice(&js).await?;
    println!(
        "  first publish:  sequence {}, duplicate {}",
        t.first.sequence, t.first.duplicate
    );
    println!(
        "  second publish: sequence {}, duplicate {}",
        t.second.sequence, t.second.duplicate
    );
    println!("  the stream holds {} message", t.stored);

    throughput(&js, &url, 5000).await
}

async fn throughput(
    js: &async_nats::jetstream::Context,
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
