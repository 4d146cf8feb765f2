//! The tour: one function per section of the chapter, in its order.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::time::Duration;

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

pub async fn run() {
    println!("Lesson 13 — patterns for production");
    println!("(delays are a quarter of the chapter's; the tests use the full)");
    rate_limiting().await;
    retries_with_backoff().await;
    deadlines_nest().await;
    background_work_that_is_not_lost().await;
    which_task_was_it().await;
    graceful_shutdown().await;
    a_periodic_task_that_stops();
    a_tcp_echo_server_that_drains().await;

    println!("\nRun the server yourself:");
    println!("  cargo run -p lesson-13-patterns -- echo-server --port 7000");
    println!("then `nc 127.0.0.1 7000` in another terminal, and Ctrl-C.");
    println!("\nNext: `cargo run -p course -- next` for the exercises.");
}

/// The chapter's numbers, cut to a quarter for the live run.
fn t(ms: u64) -> Duration {
    Duration::from_millis(ms / 4)
}

/// ### Rate limiting: your own, or `governor`
async fn rate_limiting() {
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
}

/// ### Retries: exponential backoff with full jitter
async fn retries_with_backoff() {
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
}

/// ### Timeouts at every layer, and how deadlines nest
async fn deadlines_nest() {
    heading("deadlines nest: 1 s budget, 400 ms per call");
    let calls = ["auth", "profile", "feed", "ads"].map(|call| (call, t(300)));
    let timeline = Timeline::new();
    let start = Instant::now();
    let outcomes =
        deadline::calls_within_budget(t(1000), t(400), &calls, &timeline).await;
    for (call, outcome) in calls.iter().zip(outcomes) {
        println!("  {:<8} {outcome}", call.0);
    }
    println!(
        "stopped at {} (the budget, not 1.2 s)",
        fmt_duration(start.elapsed())
    );
    print!("{}", timeline.render_ascii());
}

/// ### Background work that is not lost: `TaskTracker`
async fn background_work_that_is_not_lost() {
    heading("TaskTracker: answer now, finish the jobs before exit");
    let (answered, jobs) =
        background::answer_then_finish_jobs(&["mail", "audit"], t(2000)).await;
    println!("answered at {}", fmt_duration(answered));
    for (job, at) in jobs {
        println!("  {job}, finished at {}", fmt_duration(at));
    }
}

/// ### Which task was it? Task ids in a `JoinSet`
async fn which_task_was_it() {
    heading("JoinSet ids: which task panicked; abort the rest");
    let jobs = [
        ("resize", 100, false),
        ("upload", 200, true), // the panic main's hook keeps quiet
        ("index", 1000, false),
        ("mail", 2000, false),
    ]
    .map(|(name, work, panics)| Job {
        name,
        work: t(work),
        panics,
    });
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
}

/// ### Graceful shutdown: signal, token, tracker
async fn graceful_shutdown() {
    heading("CancellationToken: 3 workers, stop at 275 ms");
    let (units, took) = shutdown::stop_workers(3, t(100), t(275)).await;
    println!(
        "units done: {units:?}; all stopped at {} (each finished its unit)",
        fmt_duration(took)
    );
}

/// ### A periodic task that stops: `interval` and a token
fn a_periodic_task_that_stops() {
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
}

/// ### A TCP echo server that drains: `asyncio.start_server`
async fn a_tcp_echo_server_that_drains() {
    heading("a graceful drain: stop at 300 ms, 500 ms to finish");
    let (drained, chart) = on_paused_clock(|| async {
        let requests = [
            ("a", 0, 200),
            ("b", 100, 400),
            ("c", 200, 1500),
            ("d", 400, 100),
        ]
        .map(|(name, arrives, work)| Request {
            name,
            arrives: ms(arrives),
            work: ms(work),
        });
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
    let clients =
        ["ann", "bob", "cy"].map(|name| tokio::spawn(client(addr, name)));
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

/// One client: three lines sent, each echo logged with when it came back,
/// until the server closes the connection.
async fn client(addr: SocketAddr, name: &'static str) -> Vec<String> {
    let start = Instant::now();
    let socket = TcpStream::connect(addr).await.expect("connect");
    let (reader, mut writer) = socket.into_split();
    let mut lines = BufReader::new(reader).lines();
    let mut log = Vec::new();
    for i in 1..=3 {
        let sent = format!("{name} #{i}");
        writer.write_all(format!("{sent}\n").as_bytes()).await.ok();
        let echo = lines.next_line().await;
        let at = fmt_duration(start.elapsed());
        match echo {
            Ok(Some(echo)) => log.push(format!("{at:>6} {echo}")),
            _ => {
                log.push(format!("{at:>6} {name}: closed by the server"));
                break;
            }
        }
    }
    log
}
