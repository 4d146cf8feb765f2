//! `cargo run -p lesson-11-internals`: every demo of lesson 11, in order.
//!
//! The lesson's own runtime keeps real time, so its delays are tens of
//! milliseconds; tokio's metrics and spans run on tokio.

use std::time::Duration;

use kit::heading;
use kit::timing::fmt_duration;
use lesson_11_internals::demos::{self, Event};
use lesson_11_internals::{echo, metrics, simple_block_on, spans};

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

fn main() {
    println!("Lesson 11 — internals: build a runtime, then look inside tokio");

    heading("step 1: block_on with a thread-parking waker");
    let (wakes, polls) =
        simple_block_on::block_on(simple_block_on::woken_by_thread(3));
    println!(
        "a future woken {wakes} times by another thread: polled {polls} times"
    );

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

    heading("the reactor: an echo server and 100 clients on one thread");
    match echo::server_and_clients(100) {
        Ok((report, intact, stats)) => {
            println!("{report:?}");
            println!("{intact} of 100 clients got their message back");
            println!(
                "tasks spawned: {}, polls: {}, wakes from I/O: {}, sleeps: {}",
                stats.spawned, stats.polls, stats.io_wakes, stats.parks
            );
        }
        Err(error) => {
            eprintln!("error: the echo demo failed: {error}");
            std::process::exit(1);
        }
    }

    heading("tokio's RuntimeMetrics: alive tasks");
    for (flavour, mut builder) in [
        (
            "current-thread",
            tokio::runtime::Builder::new_current_thread(),
        ),
        ("multi-thread", tokio::runtime::Builder::new_multi_thread()),
    ] {
        let runtime = builder.enable_all().build().expect("a runtime");
        let counts = runtime.block_on(metrics::alive_tasks(10, ms(50)));
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

    heading("tracing spans: busy versus idle (asyncio debug mode's signal)");
    print!("{}", spans::traced(ms(30)));

    println!("\nNext: `cargo run -p course -- next` for the exercises.");
}
