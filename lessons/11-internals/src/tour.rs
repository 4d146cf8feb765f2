//! The tour: one function per section of the chapter, in its order.

use std::io;
use std::time::Duration;

use kit::heading;
use kit::timing::fmt_duration;
use lesson_11_internals::demos::{self, Event};
use lesson_11_internals::{echo, metrics, simple_block_on, spans};

/// Runs the demos in order; stops at the first that cannot run (the echo
/// server needs a socket).
pub fn run() -> io::Result<()> {
    println!("Lesson 11 — internals: build a runtime, then look inside tokio");
    step_1_block_on_and_a_waker();
    the_timer();
    an_echo_server_on_one_thread()?;
    polled_only_when_woken();
    looking_inside_tokio_runtime_metrics();
    tracing_spans();
    println!("\nNext: `cargo run -p course -- next` for the exercises.");
    Ok(())
}

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// ### Step 1: `block_on` and a waker that unparks a thread
fn step_1_block_on_and_a_waker() {
    heading("step 1: block_on with a thread-parking waker");
    let (wakes, polls) =
        simple_block_on::block_on(simple_block_on::woken_by_thread(3));
    println!(
        "a future woken {wakes} times by another thread: polled {polls} times"
    );
}

/// ### The timer: a heap, and the park's timeout
fn the_timer() {
    heading(
        "the lesson's runtime: sleeps of 40, 80, 40 ms, spawned and joined",
    );
    let run = demos::spawn_sleeps(&[ms(40), ms(80), ms(40)]);
    let log: Vec<String> = run
        .log
        .iter()
        .map(|e| match e {
            Event::Start(i) => format!("start {i}"),
            Event::End(i) => format!("end {i}"),
        })
        .collect();
    println!("{}", log.join(", "));
    println!(
        "took {} (the longest, not the 160 ms sum); {:?}",
        fmt_duration(run.took),
        run.stats
    );
}

/// ### An echo server on one thread
fn an_echo_server_on_one_thread() -> io::Result<()> {
    heading("the reactor: an echo server and 100 clients on one thread");
    let (report, intact, stats) =
        echo::server_and_clients(100).map_err(|error| {
            io::Error::new(
                error.kind(),
                format!("the echo demo failed: {error}"),
            )
        })?;
    println!("{report:?}");
    println!("{intact} of 100 clients got their message back");
    println!(
        "tasks spawned: {}, polls: {}, wakes from I/O: {}, sleeps: {}",
        stats.spawned, stats.polls, stats.io_wakes, stats.parks
    );
    Ok(())
}

/// ### Polled only when woken
fn polled_only_when_woken() {
    heading("polled only when woken: five 10 ms sleeps in a row");
    let run = demos::sleep_steps(5, ms(10));
    println!(
        "polls: {}, wakes: {}, times the runtime slept: {}",
        run.polls, run.stats.wakes, run.stats.parks
    );
    let busy = demos::busy_wait(100_000);
    println!(
        "a future that wakes itself: {} polls, {} sleeps (a spinning core)",
        busy.stats.polls, busy.stats.parks
    );
}

/// ### Looking inside tokio: `RuntimeMetrics`
fn looking_inside_tokio_runtime_metrics() {
    heading("tokio's RuntimeMetrics: alive tasks");
    for (flavour, mut builder) in [
        (
            "current-thread",
            tokio::runtime::Builder::new_current_thread(),
        ),
        ("multi-thread", tokio::runtime::Builder::new_multi_thread()),
    ] {
        let runtime = builder.enable_all().build().expect("a runtime");
        let counts = runtime
            .block_on(metrics::alive_tasks(&metrics::rising(10, ms(50))));
        println!(
            "{flavour}: {} spawned, {} alive; {} once half are joined",
            counts.spawned, counts.after_spawn, counts.half_way
        );
        println!(
            "  all joined ({} finished): {} alive at once, {} once released",
            counts.finished, counts.just_joined, counts.after_join
        );
    }
    let depths = metrics::global_queue(5);
    println!(
        "5 tasks spawned from outside a current-thread runtime: global queue \
         depth {} before it runs, {} after; workers: {}",
        depths.global_before, depths.global_after, depths.workers
    );
    let (workers, parks) = metrics::workers(2);
    println!("a multi-thread runtime: {workers} workers, parked {parks} times");
}

/// ### `tracing` spans: what asyncio's debug mode tells you
fn tracing_spans() {
    heading("tracing spans: busy versus idle (asyncio debug mode's signal)");
    print!("{}", spans::traced(ms(30)));
}
