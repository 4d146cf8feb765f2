//! `cargo run -p lesson-13-patterns`: every demo of lesson 13, in order.
//!
//! `cargo run -p lesson-13-patterns -- echo-server --port 7000` runs the
//! echo server on its own until Ctrl-C or SIGTERM; try it with
//! `nc 127.0.0.1 7000`. The shutdown test starts it the same way.

use std::collections::BTreeMap;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};
use kit::timing::{fmt_duration, ms};
use kit::{Timeline, heading};
use lesson_13_patterns::backoff::{self, Backoff, Jitter};
use lesson_13_patterns::drain::{self, Request};
use lesson_13_patterns::echo::{self, Narrate};
use lesson_13_patterns::periodic::{self, Select};
use lesson_13_patterns::task_ids::{self, How, Job};
use lesson_13_patterns::{background, deadline, rate_limit, shutdown};
use rand::SeedableRng;
use rand::rngs::StdRng;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::time::{Instant, sleep};

/// Lesson 13: patterns for production.
#[derive(Debug, Parser)]
#[command(about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the echo server until Ctrl-C or SIGTERM, then drain and exit.
    EchoServer {
        /// Port on 127.0.0.1 (0 picks a free one).
        #[arg(long, default_value_t = 7000)]
        port: u16,
        /// Connections served at once; more wait their turn.
        #[arg(
            long,
            default_value_t = 250,
            value_parser = clap::value_parser!(u32).range(1..=100_000)
        )]
        max_connections: u32,
        /// Milliseconds of simulated work per exchange.
        #[arg(long, default_value_t = 0)]
        work_ms: u64,
        /// Milliseconds a shutdown waits for busy connections.
        #[arg(long, default_value_t = 5_000)]
        drain_ms: u64,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse(); // bad arguments: clap prints why, exits 2
    let runtime = tokio::runtime::Runtime::new().expect("a tokio runtime");
    match cli.command {
        None => {
            // The tour's one deliberate panic is shown as a result; any
            // other still gets the default report.
            let report = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                if kit::panics::message(info.payload()) != "upload failed" {
                    report(info);
                }
            }));
            runtime.block_on(tour());
            ExitCode::SUCCESS
        }
        Some(Command::EchoServer {
            port,
            max_connections,
            work_ms,
            drain_ms,
        }) => {
            let config = echo::Config {
                max_connections: max_connections as usize,
                work: Duration::from_millis(work_ms),
                drain_deadline: Duration::from_millis(drain_ms),
                narrate: Narrate::Stdout,
            };
            match runtime.block_on(echo_server(port, config)) {
                Ok(report) if report.cut_off == 0 => ExitCode::SUCCESS,
                Ok(_) => ExitCode::FAILURE, // the deadline cut someone off
                Err(error) => {
                    eprintln!("error: {error}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

// ANCHOR: echo_main
/// The server as its own process: signals in, a clean exit out.
async fn echo_server(
    port: u16,
    config: echo::Config,
) -> Result<echo::Report, String> {
    let listener = TcpListener::bind(("127.0.0.1", port))
        .await
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    // Handlers first, then "ready": a SIGTERM can come at any moment now.
    let signal = shutdown::shutdown_signal()
        .map_err(|e| format!("cannot install signal handlers: {e}"))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    println!("listening on {addr}");
    let shutdown = async {
        let signal = signal.await;
        println!("received {signal:?}");
    };
    Ok(echo::serve(listener, config, shutdown).await)
}
// ANCHOR_END: echo_main

/// The chapter's numbers, cut to a quarter for the live run.
fn t(ms: u64) -> Duration {
    Duration::from_millis(ms / 4)
}

async fn tour() {
    println!("Lesson 13 — patterns for production");
    println!("(delays are a quarter of the chapter's; the tests use the full)");

    heading("governor: a quota of 10 per second");
    let quota = rate_limit::per_second(10);
    println!(
        "on a fake clock, 50 calls at once in each of 3 seconds: {:?} admitted",
        rate_limit::admitted_per_second(quota, 3, 50)
    );
    println!(
        "after the burst, the next cell is free in {}",
        fmt_duration(rate_limit::wait_after_burst(quota))
    );
    let limiter = governor::RateLimiter::direct(rate_limit::per_second(20));
    let at = rate_limit::paced_calls(&limiter, 30).await;
    let in_burst = at.iter().filter(|d| d.as_millis() < 5).count();
    println!(
        "30 calls through 20/s with until_ready: {in_burst} at once (the \
         burst), then one every 50 ms; the 30th at {}",
        fmt_duration(at[29])
    );

    heading("exponential backoff with full jitter (seed 7)");
    let policy = Backoff {
        base: Duration::from_millis(100),
        cap: Duration::from_secs(1),
        jitter: Jitter::Full,
    };
    let mut rng = StdRng::seed_from_u64(7);
    for retry in 0..6 {
        println!(
            "  retry {retry}: ceiling {:>6}, pause {:>6}",
            fmt_duration(policy.ceiling(retry)),
            fmt_duration(policy.pause(retry, &mut rng))
        );
    }
    let start = Instant::now();
    let mut calls = 0;
    let quick = Backoff {
        base: t(100),
        cap: t(1000),
        ..policy
    };
    let outcome: Result<u32, String> =
        backoff::retry(quick, 5, &mut StdRng::seed_from_u64(7), || {
            calls += 1;
            let call = calls;
            async move {
                if call < 4 {
                    Err(format!("503 on call {call}"))
                } else {
                    Ok(call)
                }
            }
        })
        .await;
    println!(
        "a flaky call: {outcome:?} after {calls} calls, {}",
        fmt_duration(start.elapsed())
    );

    heading("deadlines nest: 1 s budget, 400 ms per call");
    let calls = [
        ("auth", t(300)),
        ("profile", t(300)),
        ("feed", t(300)),
        ("ads", t(300)),
    ];
    let timeline = Timeline::new();
    let start = Instant::now();
    for (call, outcome) in calls.iter().zip(
        deadline::calls_within_budget(t(1000), t(400), &calls, &timeline).await,
    ) {
        println!("  {:<8} {outcome}", call.0);
    }
    println!(
        "stopped at {} (the budget, not 1.2 s)",
        fmt_duration(start.elapsed())
    );
    print!("{}", timeline.render_ascii());

    heading("TaskTracker: answer now, finish the jobs before exit");
    let (answered, jobs) =
        background::answer_then_finish_jobs(&["mail", "audit"], t(2000)).await;
    println!("answered at {}", fmt_duration(answered));
    for (job, at) in jobs {
        println!("  {job}, finished at {}", fmt_duration(at));
    }

    heading("JoinSet ids: which task panicked; abort the rest");
    let jobs = [
        Job {
            name: "resize",
            work: t(100),
            panics: false,
        },
        Job {
            name: "upload",
            work: t(200),
            panics: true,
        },
        Job {
            name: "index",
            work: t(1000),
            panics: false,
        },
        Job {
            name: "mail",
            work: t(2000),
            panics: false,
        },
    ];
    for ended in task_ids::first_panic_aborts_the_rest(&jobs).await {
        let how = match ended.how {
            How::Done { own_id } => format!("done (task::id() said {own_id})"),
            How::Panicked => "panicked".to_owned(),
            How::Aborted => "aborted".to_owned(),
        };
        println!(
            "  {:>5}  id {:<3} {:<7} {how}",
            fmt_duration(ended.at),
            ended.id,
            ended.name
        );
    }

    heading("CancellationToken: 3 workers, stop at 275 ms");
    let (units, took) = shutdown::stop_workers(3, t(100), t(275)).await;
    println!(
        "units done: {units:?}; all stopped at {} (each finished its unit)",
        fmt_duration(took)
    );

    heading("interval + stop token: a beat every 100 ms, stop at 1 s");
    let (biased, unbiased) = on_paused_clock(|| async {
        let mut counts = [BTreeMap::new(), BTreeMap::new()];
        for _ in 0..20 {
            for (select, count) in [Select::Biased, Select::Unbiased]
                .into_iter()
                .zip(&mut counts)
            {
                let beats = periodic::stop_at(ms(100), ms(1000), select).await;
                *count.entry(beats).or_insert(0) += 1;
            }
        }
        let [biased, unbiased] = counts;
        (biased, unbiased)
    });
    println!("on the paused clock, 20 runs each (beats: runs):");
    println!("  biased, stop first: {biased:?}");
    println!("  unbiased:           {unbiased:?}");

    heading("a graceful drain: stop at 300 ms, 500 ms to finish");
    let (drained, chart) = on_paused_clock(|| async {
        let requests = [
            Request {
                name: "a",
                arrives: ms(0),
                work: ms(200),
            },
            Request {
                name: "b",
                arrives: ms(100),
                work: ms(400),
            },
            Request {
                name: "c",
                arrives: ms(200),
                work: ms(1500),
            },
            Request {
                name: "d",
                arrives: ms(400),
                work: ms(100),
            },
        ];
        let timeline = Timeline::new();
        let drained =
            drain::serve_then_drain(&requests, ms(300), ms(500), &timeline)
                .await;
        (drained, timeline.render_ascii())
    });
    print!("{chart}");
    println!("{drained:?}");

    heading("the echo server: 3 clients mid-conversation, then shutdown");
    echo_demo().await;

    println!("\nRun the server yourself:");
    println!("  cargo run -p lesson-13-patterns -- echo-server --port 7000");
    println!("then `nc 127.0.0.1 7000` in another terminal, and Ctrl-C.");
    println!("\nNext: `cargo run -p course -- next` for the exercises.");
}

/// Runs `demo` on a runtime of its own with tokio's paused clock, on a
/// thread of its own (a runtime cannot be started inside another one).
/// Its times are then exact, as in the tests.
fn on_paused_clock<F, Fut>(demo: F) -> Fut::Output
where
    F: FnOnce() -> Fut + Send + 'static,
    Fut: Future,
    Fut::Output: Send + 'static,
{
    std::thread::spawn(move || {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .start_paused(true)
            .build()
            .expect("a paused runtime")
            .block_on(demo())
    })
    .join()
    .expect("the demo did not panic")
}

/// Starts the server in-process, has clients talk to it, shuts it down
/// while their exchanges are in flight.
async fn echo_demo() {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    let config = echo::Config {
        max_connections: 2,
        work: Duration::from_millis(200),
        drain_deadline: Duration::from_secs(1),
        narrate: Narrate::Quiet,
    };
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(echo::serve(listener, config, async {
        let _ = stopped.await;
    }));

    let mut clients = Vec::new();
    for name in ["ann", "bob", "cy"] {
        clients.push(tokio::spawn(async move {
            let start = Instant::now();
            let socket = TcpStream::connect(addr).await.expect("connect");
            let (reader, mut writer) = socket.into_split();
            let mut lines = BufReader::new(reader).lines();
            let mut log = Vec::new();
            for i in 1..=3 {
                let sent = format!("{name} #{i}");
                writer.write_all(format!("{sent}\n").as_bytes()).await.ok();
                match lines.next_line().await {
                    Ok(Some(echo)) => log.push(format!(
                        "{:>6} {echo}",
                        fmt_duration(start.elapsed())
                    )),
                    _ => {
                        log.push(format!(
                            "{:>6} {name}: closed by the server",
                            fmt_duration(start.elapsed())
                        ));
                        break;
                    }
                }
            }
            log
        }));
    }
    sleep(Duration::from_millis(300)).await;
    println!("300ms: shutdown (cap of 2: cy is still waiting to be accepted)");
    let _ = stop.send(());
    let report = server.await.expect("server task");
    for client in clients {
        for line in client.await.expect("client task") {
            println!("  {line}");
        }
    }
    println!("{report:?}");
}
