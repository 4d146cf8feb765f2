//! `cargo run -p lesson-01-coroutines`: every demo of lesson 01, in order.

use kit::heading;
use std::time::Duration;

use kit::Timeline;
use kit::timing::fmt_duration;
use lesson_01_coroutines::{
    awaitables, colour, countdown, lazy, lifecycle, sequential, yielding,
};

// A plain `fn main`: the async demos run inside `block_on`, and two demos
// (yield_now, function colour) build their own runtime, which is only
// allowed outside an async context.
fn main() {
    println!("Lesson 01 — coroutines, the Rust way: futures");
    let runtime = tokio::runtime::Runtime::new().expect("a tokio runtime");
    runtime.block_on(async_demos());

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

    heading("function colour: sync code calling async code");
    println!(
        "fetch_blocking(\"config\") = {:?}",
        colour::fetch_blocking("config")
    );
    println!(
        "(block_on drives one future on this thread; never call it inside async code)"
    );
    println!("\nNext: `cargo run -p course -- next` for the exercises.");
}

async fn async_demos() {
    heading("calling an async fn runs nothing");
    let log = lazy::Log::default();
    let (before, after, greeting) = lazy::call_then_await(log.clone()).await;
    println!("log entries after the call:  {before}");
    println!("log entries after the await: {after}   -> {greeting:?}");

    heading("awaits one after another add up");
    let timeline = Timeline::new();
    let took = sequential::one_then_two(&timeline).await;
    print!("{}", timeline.render_ascii());
    println!("total: {} (1s + 2s)", fmt_duration(took));

    heading("what can be awaited");
    for (i, got) in awaitables::four_kinds().await.iter().enumerate() {
        println!("{}. {got}", i + 1);
    }

    heading("a hand-written future");
    println!(
        "Countdown::new(3).await -> polled {} times",
        countdown::Countdown::new(3).await
    );

    heading("the lifecycle of a future (a 500ms sleep, traced)");
    for (at, stage) in lifecycle::trace_sleep(Duration::from_millis(500)).await
    {
        println!("{:>7}  {stage}", fmt_duration(at));
    }
}
