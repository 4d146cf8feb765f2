//! `cargo run -p lesson-00-why-async`: every demo of lesson 00, in order.

use kit::heading;
use std::time::Duration;

use kit::Timeline;
use kit::timing::{fmt_duration, measure, measure_blocking};
use lesson_00_why_async::workload::{self, THREE_API_CALLS, THREE_FETCHES};
use lesson_00_why_async::{
    blocking, concurrent, cpu, request, sequential, threads,
};

/// Prints a run's chart and total, and returns the total for the summary.
fn report(timeline: &Timeline, took: Duration) -> Duration {
    print!("{}", timeline.render_ascii());
    println!("total: {}", fmt_duration(took));
    took
}

// A plain `fn main`: the blocking and threaded runs must not happen inside
// the async runtime (they would block one of its threads), so the runtime
// is entered only for the async runs, with `block_on`.
fn main() {
    println!("Lesson 00 — why async: waiting, not working");
    println!(
        "The workload: {} (sum {}, longest {})",
        THREE_FETCHES
            .iter()
            .map(|job| format!("{} {}", job.name, fmt_duration(job.delay)))
            .collect::<Vec<_>>()
            .join(", "),
        fmt_duration(workload::sum_of_delays(&THREE_FETCHES)),
        fmt_duration(workload::longest_delay(&THREE_FETCHES)),
    );
    let runtime = tokio::runtime::Runtime::new().expect("a tokio runtime");

    heading("1. blocking: the thread sleeps through each wait");
    let timeline = Timeline::new();
    let (_, took) =
        measure_blocking(|| blocking::run_blocking(&timeline, &THREE_FETCHES));
    let t_blocking = report(&timeline, took);

    heading("2. threads: one OS thread per fetch");
    let timeline = Timeline::new();
    let (_, took) =
        measure_blocking(|| threads::run_on_threads(&timeline, &THREE_FETCHES));
    let t_threads = report(&timeline, took);

    heading("3. async, awaited one after another");
    let timeline = Timeline::new();
    let (_, took) = runtime.block_on(measure(sequential::run_sequential(
        &timeline,
        &THREE_FETCHES,
    )));
    let t_sequential = report(&timeline, took);

    heading("4. async, awaited together with join_all (one thread)");
    let timeline = Timeline::new();
    let (results, took) = runtime.block_on(measure(
        concurrent::run_concurrent(&timeline, &THREE_FETCHES),
    ));
    let t_concurrent = report(&timeline, took);
    println!("results, in job order: {results:?}");

    heading("summary");
    for (how, took) in [
        ("blocking", t_blocking),
        ("threads", t_threads),
        ("async, one by one", t_sequential),
        ("async, together", t_concurrent),
    ] {
        println!("{how:<18} {:>7}", fmt_duration(took));
    }

    heading("three 2 s API calls, at 1/10 scale");
    let small = workload::scaled(&THREE_API_CALLS, 10);
    let (_, one_by_one) = runtime.block_on(measure(
        sequential::run_sequential(&Timeline::new(), &small),
    ));
    let (_, together) = runtime.block_on(measure(concurrent::run_concurrent(
        &Timeline::new(),
        &small,
    )));
    println!(
        "one by one: {:>7}   together: {:>7}",
        fmt_duration(one_by_one),
        fmt_duration(together)
    );
    println!(
        "(full size, 6 s and 2 s exactly, is tested on tokio's paused clock)"
    );

    heading("one request, five 100 ms database calls");
    let delay = Duration::from_millis(100);
    let (ids, one_by_one) =
        runtime.block_on(measure(request::handle_request_sequential(delay)));
    let (_, together) =
        runtime.block_on(measure(request::handle_request_concurrent(delay)));
    println!(
        "one by one: {:>7}   together: {:>7}   rows {ids:?}",
        fmt_duration(one_by_one),
        fmt_duration(together)
    );
    drop(runtime);

    heading("CPU-bound: nothing to wait for");
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let (jobs, rounds) = (2, 40_000_000);
    println!(
        "{jobs} jobs of busy_work({rounds}) on a machine with {cores} cores:"
    );
    let (_, alone) = measure_blocking(|| cpu::on_one_thread(jobs, rounds));
    let (_, as_async) =
        measure_blocking(|| cpu::as_async_on_one_thread(jobs, rounds));
    let (_, parallel) = measure_blocking(|| cpu::on_threads(jobs, rounds));
    println!("one thread:             {:>7}", fmt_duration(alone));
    println!(
        "async tasks, 1 thread:  {:>7}   (no waits to overlap: no gain)",
        fmt_duration(as_async)
    );
    println!(
        "one thread per job:     {:>7}   (no GIL: the threads compute in parallel)",
        fmt_duration(parallel)
    );
    println!(
        "(machine-dependent, so printed, not asserted; lesson 10 measures it)"
    );

    println!("\nNext: `cargo run -p course -- next` for the exercises.");
}
