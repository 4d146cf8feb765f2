//! The tour: one function per section of the chapter, in its order.

use std::time::Duration;

use kit::timing::{fmt_duration, measure, measure_blocking};
use kit::{Timeline, heading};
use lesson_00_why_async::workload::{self, THREE_API_CALLS, THREE_FETCHES};
use lesson_00_why_async::{
    blocking, concurrent, cpu, request, sequential, threads,
};
use tokio::runtime::Runtime;

// A plain `fn`: the blocking and threaded runs must not happen inside the
// async runtime (they would block one of its threads), so the runtime is
// entered only for the async runs, with `block_on`.
pub fn run() {
    println!("Lesson 00 — why async: waiting, not working");
    one_workload_four_ways();
    let runtime = Runtime::new().expect("a tokio runtime");
    let took = [
        ("blocking", blocking_the_thread_sleeps()),
        ("threads", threads_one_per_wait()),
        ("async, one by one", async_one_after_another(&runtime)),
        ("async, together", async_together(&runtime)),
    ];
    summary(&took);
    the_same_thing_at_every_scale(&runtime);
    drop(runtime);
    concurrency_is_not_parallelism();
    println!("\nNext: `cargo run -p course -- next` for the exercises.");
}

/// Prints a run's chart and total, and returns the total for the summary.
fn report(timeline: &Timeline, took: Duration) -> Duration {
    print!("{}", timeline.render_ascii());
    println!("total: {}", fmt_duration(took));
    took
}

/// ### One workload, four ways
fn one_workload_four_ways() {
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
}

/// ### 1. Blocking: the thread sleeps through each wait
fn blocking_the_thread_sleeps() -> Duration {
    heading("1. blocking: the thread sleeps through each wait");
    let timeline = Timeline::new();
    let (_, took) =
        measure_blocking(|| blocking::run_blocking(&timeline, &THREE_FETCHES));
    report(&timeline, took)
}

/// ### 2. Threads: one OS thread per wait
fn threads_one_per_wait() -> Duration {
    heading("2. threads: one OS thread per fetch");
    let timeline = Timeline::new();
    let (_, took) =
        measure_blocking(|| threads::run_on_threads(&timeline, &THREE_FETCHES));
    report(&timeline, took)
}

/// ### 3. Async, awaited one after another
fn async_one_after_another(runtime: &Runtime) -> Duration {
    heading("3. async, awaited one after another");
    let timeline = Timeline::new();
    let (_, took) = runtime.block_on(measure(sequential::run_sequential(
        &timeline,
        &THREE_FETCHES,
    )));
    report(&timeline, took)
}

/// ### 4. Async, awaited together
fn async_together(runtime: &Runtime) -> Duration {
    heading("4. async, awaited together with join_all (one thread)");
    let timeline = Timeline::new();
    let (results, took) = runtime.block_on(measure(
        concurrent::run_concurrent(&timeline, &THREE_FETCHES),
    ));
    let took = report(&timeline, took);
    println!("results, in job order: {results:?}");
    took
}

/// The four runs' totals side by side.
fn summary(took: &[(&str, Duration)]) {
    heading("summary");
    for (how, took) in took {
        println!("{how:<18} {:>7}", fmt_duration(*took));
    }
}

/// ### The same thing at every scale
fn the_same_thing_at_every_scale(runtime: &Runtime) {
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
}

/// ### Concurrency is not parallelism
fn concurrency_is_not_parallelism() {
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
}
