//! The tour: one function per section of the chapter, in its order.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use kit::timing::fmt_duration;
use kit::{Timeline, heading};
use lesson_03_tasks::Outcome;
use lesson_03_tasks::{
    as_completed, background, cancel, deadline, detach, errors, first,
    first_success, gather, handles, spawn, taskgroup, timeout,
};
use tokio::time::Instant;

pub async fn run() {
    println!("Lesson 03 — tasks: running futures concurrently");
    println!(
        "(every delay is a quarter of the chapter's; the tests use the full ones)"
    );
    spawning_tasks().await;
    start_now_await_later().await;
    join_and_join_all().await;
    failures().await;
    the_first_to_finish().await;
    the_first_success().await;
    in_the_order_they_finish().await;
    a_deadline().await;
    a_task_group().await;
    timeouts().await;
    cancelling_a_task().await;
    asking_about_a_task().await;
    dropping_a_handle_detaches().await;
    println!("\nNext: `cargo run -p course -- next` for the exercises.");
}

/// The chapter's `seconds`, scaled down for this run.
fn t(seconds: f64) -> Duration {
    Duration::from_secs_f64(seconds / 4.0)
}

/// Prints a timeline's chart.
fn chart(timeline: &Timeline) {
    print!("{}", timeline.render_ascii());
}

async fn timed<Fut: Future>(fut: Fut) -> (Fut::Output, String) {
    let start = Instant::now();
    let out = fut.await;
    (out, fmt_duration(start.elapsed()))
}

/// ### Spawning tasks: `create_task`
async fn spawning_tasks() {
    heading("spawn: tasks of 1, 2, 1 s, awaited in turn");
    let jobs = [("A", t(1.0)), ("B", t(2.0)), ("C", t(1.0))];
    let tl = Timeline::new();
    let (results, took) = timed(spawn::spawn_then_await(&tl, &jobs)).await;
    chart(&tl);
    println!("{results:?}\ntotal: {took} (the longest task, not the sum)");
}

/// ### Start now, await later
async fn start_now_await_later() {
    heading("start in the background, work, then await");
    let tl = Timeline::new();
    let (results, took) =
        timed(background::background_then_await(&tl, t(2.0), t(0.5))).await;
    chart(&tl);
    println!(
        "{results:?}\ntotal: {took} (the caller's 0.5 s of work was free)"
    );
}

/// ### `join!` and `join_all`: `gather`
async fn join_and_join_all() {
    heading("join!: gather is as long as the slowest");
    let tl = Timeline::new();
    let (results, took) =
        timed(gather::join_three(&tl, [t(1.0), t(2.0), t(1.5)])).await;
    chart(&tl);
    println!("{results:?}\ntotal: {took}, results in input order");

    heading("join_all: five 1 s fetches");
    let five: Vec<_> =
        ["u1", "u2", "u3", "u4", "u5"].map(|n| (n, t(1.0))).into();
    let (results, took) = timed(gather::gather(&Timeline::new(), &five)).await;
    println!("{} results in {took}", results.len());
}

/// ### Failures: keep them all, or stop at the first
async fn failures() {
    heading("errors as values: gather(..., return_exceptions=True)");
    let attempts = [
        ("good1", t(0.5), Outcome::Succeeds),
        ("bad", t(0.5), Outcome::Fails),
        ("good2", t(0.5), Outcome::Succeeds),
    ];
    for outcome in errors::errors_as_values(&attempts).await {
        match outcome {
            Ok(value) => println!("  ok:    {value}"),
            Err(error) => println!("  error: {error}"),
        }
    }

    heading("try_join!: the first error drops the rest");
    let attempts = [
        ("a", t(1.0), Outcome::Succeeds),
        ("b", t(0.5), Outcome::Fails),
        ("c", t(2.0), Outcome::Succeeds),
    ];
    let tl = Timeline::new();
    let outcome = errors::fail_fast(&tl, attempts).await;
    chart(&tl);
    println!("{outcome:?}");
}

/// ### The first to finish: `select!`
async fn the_first_to_finish() {
    heading("select!: first completed of 3, 1, 2 s; the rest cancelled");
    let jobs = [("job 3s", t(3.0)), ("job 1s", t(1.0)), ("job 2s", t(2.0))];
    let tl = Timeline::new();
    let winner = first::first_completed(&tl, jobs).await;
    chart(&tl);
    println!("winner: {winner:?}");
}

/// ### The first success, skipping failures: `select_ok`
async fn the_first_success() {
    heading("select_ok: the first success; a fails at 0.5 s");
    let mirrors = [
        ("mirror a", t(0.5), Outcome::Fails),
        ("mirror b", t(1.0), Outcome::Succeeds),
        ("mirror c", t(2.0), Outcome::Succeeds),
    ];
    let tl = Timeline::new();
    let winner = first_success::first_success(&tl, &mirrors).await;
    chart(&tl);
    println!("{winner:?}");
    let all_fail = [
        ("mirror a", t(1.0), Outcome::Fails),
        ("mirror b", t(0.5), Outcome::Fails),
        ("mirror c", t(1.5), Outcome::Fails),
    ];
    let last = first_success::first_success(&Timeline::new(), &all_fail).await;
    println!("all three fail: {last:?} (only the last error)");
}

/// ### In the order they finish: `JoinSet` and `FuturesUnordered`
async fn in_the_order_they_finish() {
    heading("as completed: 3, 1, 2 s jobs in a JoinSet");
    let jobs = [("slow", t(3.0)), ("fast", t(1.0)), ("medium", t(2.0))];
    for (at, result) in as_completed::as_completed(&jobs).await {
        println!("{:>8}  {result}", fmt_duration(at));
    }
    println!("the same with FuturesUnordered (no tasks):");
    for (at, result) in as_completed::as_completed_unordered(&jobs).await {
        println!("{:>8}  {result}", fmt_duration(at));
    }
}

/// ### A deadline: done and pending
async fn a_deadline() {
    heading("a deadline: done, pending, then cancelled");
    let jobs = [("fast", t(0.5)), ("medium", t(1.0)), ("slow", t(2.0))];
    let tl = Timeline::new();
    let waited = deadline::wait_then_cancel(&tl, &jobs, t(1.5)).await;
    chart(&tl);
    println!(
        "done: {:?}\npending: {:?}\ncancelled: {:?}",
        waited.done, waited.pending, waited.cancelled
    );
}

/// ### A task group: `JoinSet` as `TaskGroup`
async fn a_task_group() {
    heading("JoinSet as a task group: five 0.5 s children");
    let tl = Timeline::new();
    let children = ["c1", "c2", "c3", "c4", "c5"].map(|name| {
        taskgroup::child(tl.clone(), name, t(0.5), Outcome::Succeeds)
    });
    let (results, took) = timed(taskgroup::task_group(children.into())).await;
    println!("{results:?}\ntotal: {took}");

    heading("a task group whose child fails at 0.1 s");
    let tl = Timeline::new();
    let children = vec![
        taskgroup::child(tl.clone(), "fails at 0.1s", t(0.1), Outcome::Fails),
        taskgroup::child(tl.clone(), "sibling 1s", t(1.0), Outcome::Succeeds),
    ];
    let outcome = taskgroup::task_group(children).await;
    chart(&tl);
    println!("{outcome:?}");
}

/// ### Timeouts
async fn timeouts() {
    heading("timeout: a 5 s job under a 2 s limit");
    let tl = Timeline::new();
    let (outcome, took) =
        timed(timeout::with_timeout(&tl, ("job 5s", t(5.0)), t(2.0))).await;
    chart(&tl);
    println!("{outcome:?} after {took}");
    let outcome = timeout::task_with_timeout(
        &Timeline::new(),
        ("task 5s", t(5.0)),
        t(2.0),
    )
    .await;
    println!("the same job as a task, timed out and aborted: {outcome:?}");
}

/// ### Cancelling a task, and cleaning up
async fn cancelling_a_task() {
    heading("abort after 1 s: the task's cleanup runs");
    let aborted = cancel::abort_with_cleanup(t(1.0)).await;
    for (at, what) in &aborted.events {
        println!("{:>8}  {what}", fmt_duration(*at));
    }
    println!(
        "is_finished(): {} before abort, {} after",
        aborted.finished_before_abort, aborted.finished_after_abort
    );
}

/// ### Asking about a task: `is_finished` and ids
async fn asking_about_a_task() {
    heading("is_finished() and task ids");
    let checks = [t(0.0), t(0.5), t(1.5)];
    for (at, done) in handles::is_finished_over_time(t(1.0), &checks).await {
        println!("{:>8}  is_finished() = {done}", fmt_duration(at));
    }
    let jobs = [("report", t(0.6)), ("backup", t(0.2)), ("email", t(0.4))];
    for f in handles::names_by_id(&jobs).await {
        println!(
            "task {} ({}) finished; inside, tokio::task::id() said {}",
            f.id, f.name, f.id_inside
        );
    }
    println!(
        "main itself is not a task: try_id() = {:?}",
        tokio::task::try_id()
    );
}

/// ### Dropping a handle detaches; dropping a future cancels
async fn dropping_a_handle_detaches() {
    heading("dropping a handle detaches; dropping a future cancels");
    let flags: [Arc<AtomicBool>; 3] = Default::default();
    detach::spawn_and_drop_handle(flags[0].clone(), t(1.0));
    detach::build_and_drop_future(flags[1].clone(), t(1.0));
    detach::spawn_into_set_and_drop_set(flags[2].clone(), t(1.0));
    tokio::time::sleep(t(2.0)).await;
    let ran = |i: usize| {
        if flags[i].load(Ordering::SeqCst) {
            "ran to the end"
        } else {
            "never finished"
        }
    };
    println!("spawned, handle dropped:  {}", ran(0));
    println!("future built, dropped:    {}", ran(1));
    println!("JoinSet dropped:          {}", ran(2));
}
