//! The tour: one function per section of the chapter, in its order.

use std::time::Duration;

use kit::timing::fmt_duration;
use kit::{Timeline, heading};
use lesson_01_coroutines::{
    awaitables, colour, countdown, lazy, lifecycle, sequential, yielding,
};

// A plain `fn`: the async demos run inside `block_on`, and two demos
// (yield_now, function colour) build their own runtime, which is only
// allowed outside an async context.
pub fn run() {
    println!("Lesson 01 — coroutines, the Rust way: futures");
    let runtime = tokio::runtime::Runtime::new().expect("a tokio runtime");
    runtime.block_on(async {
        calling_is_not_running().await;
        awaits_in_a_row_add_up().await;
        what_can_be_awaited().await;
        a_future_written_by_hand().await;
        the_lifecycle().await;
    });
    yield_now_is_asyncio_sleep_0();
    function_colour();
    println!("\nNext: `cargo run -p course -- next` for the exercises.");
}

/// ### Calling is not running
async fn calling_is_not_running() {
    heading("calling an async fn runs nothing");
    let log = lazy::Log::default();
    let (before, after, greeting) = lazy::call_then_await(log.clone()).await;
    println!("log entries after the call:  {before}");
    println!("log entries after the await: {after}   -> {greeting:?}");
}

/// ### Awaits in a row add up
async fn awaits_in_a_row_add_up() {
    heading("awaits one after another add up");
    let timeline = Timeline::new();
    let took = sequential::one_then_two(&timeline).await;
    print!("{}", timeline.render_ascii());
    println!("total: {} (1s + 2s)", fmt_duration(took));
}

/// ### What can be awaited
async fn what_can_be_awaited() {
    heading("what can be awaited");
    for (i, got) in awaitables::four_kinds().await.iter().enumerate() {
        println!("{}. {got}", i + 1);
    }
}

/// ### A future written by hand
async fn a_future_written_by_hand() {
    heading("a hand-written future");
    println!(
        "Countdown::new(3).await -> polled {} times",
        countdown::Countdown::new(3).await
    );
}

/// ### The lifecycle: created → polled → pending → woken → ready
async fn the_lifecycle() {
    heading("the lifecycle of a future (a 500ms sleep, traced)");
    for (at, stage) in lifecycle::trace_sleep(Duration::from_millis(500)).await
    {
        println!("{:>7}  {stage}", fmt_duration(at));
    }
}

/// ### `yield_now` is `asyncio.sleep(0)`
fn yield_now_is_asyncio_sleep_0() {
    heading("yield_now(): taking turns on one thread");
    println!(
        "without yield_now: {}",
        yielding::interleave(false).join(" ")
    );
    println!(
        "with yield_now:    {}",
        yielding::interleave(true).join(" ")
    );
    println!(
        "(a task only gives up the thread at an .await that is not ready)"
    );
}

/// ### Function colour: calling async code from sync code
fn function_colour() {
    heading("function colour: sync code calling async code");
    println!(
        "fetch_blocking(\"config\") = {:?}",
        colour::fetch_blocking("config")
    );
    println!(
        "(block_on drives one future on this thread; never call it inside async code)"
    );
}
