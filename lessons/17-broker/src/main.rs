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
use lesson_17_broker::queue::{self, Names};
use lesson_17_broker::server::{Broker, OwnServer, binary_installed};
use lesson_17_broker::worker::{self, AckWhen, Event, Plan};
use tokio_util::sync::CancellationToken;

mod tour;

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
            tour::throughput(&js, &broker.url, jobs).await
        }
        None => tour::run(find_broker(args.url)?).await,
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
