//! The tour: one function per section of the chapter, in its order.

use std::time::Duration;

use kit::heading;
use kit::timing::fmt_duration;
use lesson_02_runtime::{
    clock, entry, flavors, manual, per_thread, running, scheduling,
    task_handle, threadsafe,
};
use tokio::runtime::Runtime;

// A plain `fn`, not `#[tokio::main]`: this lesson builds and drops
// runtimes of its own, which is only allowed outside any runtime.
pub fn run() {
    println!("Lesson 02 — the runtime: tokio's event loop");
    asyncio_run();
    a_runtime_by_hand();
    is_a_runtime_running_here();
    call_soon_call_later_call_at();
    a_tasks_handle();
    loop_time_and_the_paused_clock();
    let pool = current_thread_or_multi_thread();
    one_runtime_per_thread();
    from_a_plain_thread(&pool);
    println!("\nNext: `cargo run -p course -- next` for the exercises.");
}

fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

/// ### `asyncio.run`: `#[tokio::main]` and `block_on`
fn asyncio_run() {
    heading("asyncio.run: #[tokio::main] and Runtime::block_on");
    println!("with the macro: {:?}", entry::with_the_macro());
    println!("by hand:        {:?}", entry::by_hand());
}

/// ### A runtime by hand: `new_event_loop`, `run_until_complete`, `close`
fn a_runtime_by_hand() {
    heading("new_event_loop / run_until_complete / close");
    println!("{:?}", manual::run_until_complete_twice());
    println!("a task spawned onto a current-thread runtime before block_on:");
    for (i, step) in manual::tasks_wait_for_block_on().iter().enumerate() {
        println!("  {}. {step}", i + 1);
    }
}

/// ### Is a runtime running here?
fn is_a_runtime_running_here() {
    heading("is a runtime running here? Handle::try_current()");
    for (place, running) in running::where_is_a_runtime() {
        println!("{place:<40} {}", yes_no(running));
    }
}

/// ### `call_soon`, `call_later`, `call_at`
fn call_soon_call_later_call_at() {
    heading("call_soon, call_later(2 s), call_at(+5 s), main sleeps 3 s");
    println!(
        "(real time: this takes 3 s; the test runs it on the paused clock)"
    );
    for (what, at) in scheduling::run_then_shut_down(flavors::current_thread())
    {
        match at {
            Some(at) => println!("{:>8}  {what} ran", fmt_duration(at)),
            None => println!(
                "   never  {what}: dropped when the runtime shut down at 3 s"
            ),
        }
    }
}

/// ### A task's handle: wait, time out, cancel
fn a_tasks_handle() {
    heading("a task's handle: wait with a time limit, abort, a panic");
    // One line for the demo's deliberate panic instead of a backtrace.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|info| println!("a task panicked: {info}")));
    let tour = flavors::current_thread().block_on(task_handle::handle_tour(
        Duration::from_millis(200),
        Duration::from_millis(100),
    ));
    std::panic::set_hook(default_hook);
    println!("{tour:#?}");
}

/// ### `loop.time()` and the paused clock
fn loop_time_and_the_paused_clock() {
    heading("loop.time(): tokio's clock, paused");
    let (tokio_clock, wall) = clock::an_hour_in_a_blink();
    println!(
        "sleep(1 h), paused clock: tokio's clock moved {}, the wall clock {}",
        fmt_duration(tokio_clock),
        fmt_duration(wall)
    );
}

/// ### `current_thread` or `multi_thread`
///
/// Returns the multi-thread runtime, which the last section uses too.
fn current_thread_or_multi_thread() -> Runtime {
    heading("current_thread vs multi_thread");
    let single = flavors::current_thread();
    let placed = flavors::where_tasks_run(&single, 8);
    println!(
        "current_thread:  8 tasks, {} thread(s) {:?}; caller's thread: {}",
        placed.task_threads.len(),
        placed.task_thread_names,
        yes_no(placed.task_threads.contains(&placed.caller)),
    );
    let pool = flavors::multi_thread(2);
    let placed = flavors::where_tasks_run(&pool, 8);
    println!(
        "multi_thread(2): 8 tasks, {} thread(s) {:?}; caller's thread: {}",
        placed.task_threads.len(),
        placed.task_thread_names,
        yes_no(placed.task_threads.contains(&placed.caller)),
    );
    let n = 100_000;
    println!(
        "spawn and join {n} empty tasks (this machine, debug build):\n  current_thread {}, multi_thread(2) {}",
        fmt_duration(flavors::spawn_and_join(&single, n)),
        fmt_duration(flavors::spawn_and_join(&pool, n)),
    );
    pool
}

/// ### One runtime per thread
fn one_runtime_per_thread() {
    heading("one runtime per thread");
    for (i, (thread, tasks)) in
        per_thread::runtime_per_thread(3).into_iter().enumerate()
    {
        let all_home = tasks.iter().all(|t| *t == thread);
        println!(
            "thread {}: {thread:?}, its 3 tasks ran on it: {}",
            i + 1,
            yes_no(all_home)
        );
    }
}

/// ### From a plain thread: `run_coroutine_threadsafe`
fn from_a_plain_thread(pool: &Runtime) {
    heading("run_coroutine_threadsafe: Handle::spawn from a plain thread");
    let report = threadsafe::from_a_plain_thread(pool.handle().clone());
    println!(
        "submitted from    {:?} (inside a runtime: {})",
        report.caller,
        yes_no(report.caller_in_runtime)
    );
    println!(
        "ran on            {:?} {:?} (inside a runtime: {})",
        report.ran_on,
        report.ran_on_name,
        yes_no(report.ran_in_runtime)
    );
    println!(
        "result {} came back on {:?}",
        report.value, report.came_back_on
    );
}
