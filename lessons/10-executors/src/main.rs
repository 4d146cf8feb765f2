//! `cargo run -p lesson-10-executors`: every demo of lesson 10, in order.
//!
//! Real clock throughout: blocking calls and CPU work are what this lesson
//! is about, and tokio's paused clock cannot show them. The blocking call
//! is cut from the chapter's 2 s to 0.5 s so the tour stays short.

use std::sync::Arc;

use kit::heading;
use kit::timing::{fmt_duration, measure_blocking, ms};
use lesson_10_executors::blocking::{Placement, ticker_during_call};
use lesson_10_executors::bridge::{self, BlockingInventory, Inventory};
use lesson_10_executors::cpu::{self, overlap, wall_time};
use lesson_10_executors::panics::{self, panic_text_of};
use lesson_10_executors::stall::{self, median};
use lesson_10_executors::{block_in_place, nested, pool_limit};
use tokio::runtime::{Builder, Runtime};

/// Units of CPU work for the split: about 0.6 s in a debug build.
const UNITS: u64 = 50_000_000;

/// The panics this tour provokes on purpose (tokio's messages).
const EXPECTED: [&str; 2] = [
    nested::NESTED_RUNTIME,
    "can call blocking only when running on the multi-threaded runtime",
];

fn current_thread() -> Runtime {
    Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime can be built")
}

fn multi_thread() -> Runtime {
    Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime can be built")
}

fn show_ticks(what: &str, placement: Placement) {
    let ticks = current_thread().block_on(ticker_during_call(
        placement,
        ms(500),
        ms(50),
    ));
    println!(
        "{what:<28} {:>3} ticks, largest gap {}",
        ticks.count,
        fmt_duration(ticks.largest_gap)
    );
}

/// Prints how a task ended: its value, or tokio's panic message.
fn show_outcome(what: &str, panic: Option<String>) {
    match panic {
        Some(text) => println!("{what}\n  panicked: {text}"),
        None => println!("{what}\n  ran fine"),
    }
}

// A plain `fn main`: this lesson builds runtimes of its own and blocks on
// them, which is only allowed outside any runtime.
fn main() {
    // The demos below panic on purpose, inside tasks; the runtime catches
    // those panics and the demo prints tokio's message itself. Keep the
    // default report for any other panic.
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let text = panics::message(info.payload());
        if !EXPECTED.iter().any(|start| text.starts_with(start)) {
            report(info);
        }
    }));

    println!("Lesson 10 — executors: mixing sync and async");
    println!("(real clock; the blocking call is 0.5 s, the chapter's is 2 s)");

    heading("a ticker every 50 ms while a 0.5 s blocking call runs");
    show_ticks("call in place:", Placement::InPlace);
    show_ticks("call in spawn_blocking:", Placement::Offloaded);

    heading("a task blocks its thread 0.3 s: the ticker, 3 rounds");
    let gaps = |runtime: fn() -> Runtime| {
        let gaps = stall::largest_gaps(3, runtime, ms(300), ms(50));
        let text: Vec<_> = gaps.iter().map(|gap| fmt_duration(*gap)).collect();
        format!(
            "{} (median {})",
            text.join(", "),
            fmt_duration(median(gaps))
        )
    };
    println!("largest gaps, one thread:  {}", gaps(current_thread));
    println!("largest gaps, two workers: {}", gaps(multi_thread));

    heading("CPU work: two rayon threads vs two tasks on one thread");
    let pool = cpu::pool(2);
    let runtime = current_thread();
    let on_pool = runtime.block_on(cpu::split_on_pool(&pool, UNITS));
    let as_tasks = runtime.block_on(cpu::split_as_tasks(UNITS, 2));
    let (_, one_thread) = measure_blocking(|| cpu::busy(UNITS));
    println!("all the work on one thread:   {}", fmt_duration(one_thread));
    println!(
        "two tasks, one runtime thread: {} (overlap {})",
        fmt_duration(wall_time(&as_tasks)),
        fmt_duration(overlap(&as_tasks[0], &as_tasks[1]))
    );
    println!(
        "two rayon pool threads:        {} (overlap {})",
        fmt_duration(wall_time(&on_pool)),
        fmt_duration(overlap(&on_pool[0], &on_pool[1]))
    );
    println!(
        "speed-up on this machine, now: {:.2}x",
        one_thread.as_secs_f64() / wall_time(&on_pool).as_secs_f64()
    );
    let answer =
        runtime.block_on(cpu::on_pool(&pool, || cpu::busy(1_000_000) % 1000));
    println!("one job on the pool, awaited through a oneshot: {answer}");

    heading("the blocking pool's limit: six 100 ms jobs, two threads");
    let run = pool_limit::run_on_small_pool(2, 6, ms(100));
    println!(
        "at most {} at once; all six took {}",
        run.peak,
        fmt_duration(run.took)
    );
    let finished = runtime.block_on(pool_limit::abort_a_blocking_job(ms(100)));
    println!(
        "a blocking job aborted after it started still finished: {finished}"
    );

    heading("block_in_place: on each runtime flavour");
    let db = block_in_place::demo_db();
    let found = multi_thread().block_on(async {
        block_in_place::lookup_in_place(&db, &["a", "b"]).await
    });
    println!("multi-thread runtime: {found:?}");
    let panic = runtime.block_on(panic_text_of(async {
        let db = block_in_place::demo_db();
        block_in_place::lookup_in_place(&db, &["a"]).await;
    }));
    show_outcome("current-thread runtime:", panic);

    heading("sync calls async: block_on at the edge, the bridge");
    let inventory = Inventory::new(ms(50));
    let total = bridge::sync_main(inventory.clone()).expect("a runtime");
    println!("sync_main: apples + plums = {total}");
    let facade =
        Arc::new(BlockingInventory::new(inventory.clone()).expect("a runtime"));
    println!(
        "BlockingInventory::stock(\"pears\") = {}",
        facade.stock("pears")
    );
    println!(
        "BlockingInventory::stock_of_all(..) = {:?}",
        facade.stock_of_all(&["apples", "pears", "plums"])
    );
    let elsewhere = multi_thread();
    let apples = bridge::from_plain_thread(
        elsewhere.handle().clone(),
        inventory.clone(),
    );
    println!("a plain thread, Handle::block_on: apples = {apples}");

    heading("the nested-runtime panic: three ways in");
    let rt = multi_thread();
    show_outcome(
        "1. Runtime::new().block_on(..) in async code:",
        rt.block_on(panic_text_of(nested::new_runtime_inside(
            inventory.clone(),
        ))),
    );
    show_outcome(
        "2. Handle::current().block_on(..) in async code:",
        rt.block_on(panic_text_of(nested::current_handle_block_on(
            inventory.clone(),
        ))),
    );
    show_outcome(
        "3. a sync facade called from async code:",
        rt.block_on(panic_text_of(nested::sync_facade_inside(facade.clone()))),
    );

    heading("...and the fixes");
    let fixed = rt.block_on(async {
        [
            nested::just_await(inventory.clone()).await,
            nested::facade_on_blocking_pool(facade.clone()).await,
            nested::block_in_place_then_block_on(inventory.clone()).await,
        ]
    });
    println!(".await:                     {}", fixed[0]);
    println!("spawn_blocking(facade):     {}", fixed[1]);
    println!("block_in_place + block_on:  {}", fixed[2]);

    println!("\nNext: `cargo run -p course -- next` for the exercises.");
}
