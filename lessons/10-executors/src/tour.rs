//! The tour: one function per section of the chapter, in its order.

use std::sync::Arc;

use kit::heading;
use kit::timing::{fmt_duration, measure_blocking, ms};
use lesson_10_executors::blocking::{Placement, ticker_during_call};
use lesson_10_executors::bridge::{self, BlockingInventory, Inventory};
use lesson_10_executors::cpu::{self, overlap, wall_time};
use lesson_10_executors::panics::panic_text_of;
use lesson_10_executors::stall::{self, median};
use lesson_10_executors::{block_in_place, nested, pool_limit};
use tokio::runtime::{Builder, Runtime};

/// Units of CPU work for the split: about 0.6 s in a debug build.
const UNITS: u64 = 50_000_000;

pub fn run() {
    println!("Lesson 10 — executors: mixing sync and async");
    println!("(real clock; the blocking call is 0.5 s, the chapter's is 2 s)");
    spawn_blocking();
    who_waits_for_a_blocked_thread();
    cpu_work_on_a_thread_pool();
    the_blocking_pools_limit();
    block_here_move_the_others_away();
    sync_calls_async();
    the_bridge();
    the_nested_runtime_panic();
    println!("\nNext: `cargo run -p course -- next` for the exercises.");
}

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

/// The shop's inventory of the bridge demos: 50 ms per lookup.
fn inventory() -> Inventory {
    Inventory::new(ms(50))
}

/// Prints how a task ended: its value, or tokio's panic message.
fn show_outcome(what: &str, panic: Option<String>) {
    match panic {
        Some(text) => println!("{what}\n  panicked: {text}"),
        None => println!("{what}\n  ran fine"),
    }
}

/// ### `spawn_blocking`: `to_thread` and `run_in_executor(None, …)`
fn spawn_blocking() {
    heading("a ticker every 50 ms while a 0.5 s blocking call runs");
    for (what, placement) in [
        ("call in place:", Placement::InPlace),
        ("call in spawn_blocking:", Placement::Offloaded),
    ] {
        let call = ticker_during_call(placement, ms(500), ms(50));
        let ticks = current_thread().block_on(call);
        println!(
            "{what:<28} {:>3} ticks, largest gap {}",
            ticks.count,
            fmt_duration(ticks.largest_gap)
        );
    }
}

/// ### Who waits for a blocked thread
fn who_waits_for_a_blocked_thread() {
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
}

/// ### CPU work: a thread pool, and a `oneshot` back
fn cpu_work_on_a_thread_pool() {
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
}

/// ### The blocking pool's limit, and what `abort` cannot do
fn the_blocking_pools_limit() {
    heading("the blocking pool's limit: six 100 ms jobs, two threads");
    let run = pool_limit::run_on_small_pool(2, 6, ms(100));
    println!(
        "at most {} at once; all six took {}",
        run.peak,
        fmt_duration(run.took)
    );
    let abort = pool_limit::abort_a_blocking_job(ms(100));
    let finished = current_thread().block_on(abort);
    println!(
        "a blocking job aborted after it started still finished: {finished}"
    );
}

/// ### `block_in_place`: block here, move the others away
fn block_here_move_the_others_away() {
    heading("block_in_place: on each runtime flavour");
    let db = block_in_place::demo_db();
    let found = multi_thread().block_on(async {
        block_in_place::lookup_in_place(&db, &["a", "b"]).await
    });
    println!("multi-thread runtime: {found:?}");
    let panic = current_thread().block_on(panic_text_of(async {
        let db = block_in_place::demo_db();
        block_in_place::lookup_in_place(&db, &["a"]).await;
    }));
    show_outcome("current-thread runtime:", panic);
}

/// ### Sync calls async: `block_on` at the edges
fn sync_calls_async() {
    heading("sync calls async: block_on at the edges");
    let total = bridge::sync_main(inventory()).expect("a runtime");
    println!("sync_main: apples + plums = {total}");
    let elsewhere = multi_thread();
    let apples =
        bridge::from_plain_thread(elsewhere.handle().clone(), inventory());
    println!("a plain thread, Handle::block_on: apples = {apples}");
}

/// ### The bridge: a sync API over async code
fn the_bridge() {
    heading("the bridge: a sync API over async code");
    let facade = BlockingInventory::new(inventory()).expect("a runtime");
    println!(
        "BlockingInventory::stock(\"pears\") = {}",
        facade.stock("pears")
    );
    println!(
        "BlockingInventory::stock_of_all(..) = {:?}",
        facade.stock_of_all(&["apples", "pears", "plums"])
    );
}

/// ### The nested-runtime panic
fn the_nested_runtime_panic() {
    heading("the nested-runtime panic: three ways in");
    // The facade owns a runtime: its last handle must drop here, outside
    // any runtime, so this function keeps one until it returns.
    let facade =
        Arc::new(BlockingInventory::new(inventory()).expect("a runtime"));
    let rt = multi_thread();
    let ways_in = [
        (
            "1. Runtime::new().block_on(..) in async code:",
            rt.block_on(panic_text_of(nested::new_runtime_inside(inventory()))),
        ),
        (
            "2. Handle::current().block_on(..) in async code:",
            rt.block_on(panic_text_of(nested::current_handle_block_on(
                inventory(),
            ))),
        ),
        (
            "3. a sync facade called from async code:",
            rt.block_on(panic_text_of(nested::sync_facade_inside(
                facade.clone(),
            ))),
        ),
    ];
    for (what, panic) in ways_in {
        show_outcome(what, panic);
    }

    heading("...and the fixes");
    let fixed = rt.block_on(async {
        [
            nested::just_await(inventory()).await,
            nested::facade_on_blocking_pool(facade.clone()).await,
            nested::block_in_place_then_block_on(inventory()).await,
        ]
    });
    println!(".await:                     {}", fixed[0]);
    println!("spawn_blocking(facade):     {}", fixed[1]);
    println!("block_in_place + block_on:  {}", fixed[2]);
}
