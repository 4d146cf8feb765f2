//! The tour: one function per pitfall of the chapter, in its order.

use std::io;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use kit::timing::{fmt_duration, measure, ms};
use kit::{Timeline, heading};
use lesson_12_pitfalls::blocking::{Report, Wait, three_handlers};
use lesson_12_pitfalls::panics::panic_text_of;
use lesson_12_pitfalls::server::ServerThread;
use lesson_12_pitfalls::{
    builder, locks, nested, never_awaited, select_loss, select_trace,
    sequential, shutdown, task_panic, unbounded,
};
use tokio::runtime::Runtime;

/// Runs the pitfalls in order on one current-thread runtime, with a local
/// HTTP server for the blocking calls.
pub fn run() -> io::Result<()> {
    println!("Lesson 12 — pitfalls, and their fixes");
    let server = ServerThread::start()?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    blocking_the_runtime(&runtime, server.addr());
    a_future_never_awaited(&runtime);
    sequential_awaits(&runtime);
    a_runtime_inside_a_runtime(&runtime);
    unbounded_concurrency(&runtime);
    a_guard_or_an_rc_held_across_await(&runtime);
    a_non_cancel_safe_read_in_select(&runtime);
    a_panicking_task(&runtime);
    detached_tasks_killed_at_shutdown();
    timers_and_sockets_without_enable_all();
    println!("\nThe end-marker hangs are in lesson 06's chapter.");
    println!("Next: `cargo run -p course -- next` for the exercises.");
    Ok(())
}

fn show(what: &str, report: Report) {
    println!(
        "{what:<34} {} at once at most, {}",
        report.peak,
        fmt_duration(report.took)
    );
}

fn show_panic(what: &str, text: Option<String>) {
    match text {
        Some(text) => println!("{what}\n  panicked: {text}"),
        None => println!("{what}\n  no panic"),
    }
}

/// ### Blocking the runtime
fn blocking_the_runtime(runtime: &Runtime, addr: SocketAddr) {
    heading("blocking the runtime: three 100 ms handlers, one thread");
    for (what, wait) in [
        ("std::thread::sleep:", Wait::ThreadSleep),
        ("tokio::time::sleep:", Wait::TokioSleep),
        ("sync HTTP GET /delay/100:", Wait::BlockingHttp(addr)),
        (
            "the same GET in spawn_blocking:",
            Wait::HttpOnBlockingPool(addr),
        ),
    ] {
        let timeline = Timeline::new();
        let report = runtime.block_on(three_handlers(&timeline, wait, ms(100)));
        show(what, report);
        print!("{}", timeline.render_ascii());
    }
}

/// ### A future never awaited
fn a_future_never_awaited(runtime: &Runtime) {
    heading("a future never awaited");
    let store = never_awaited::Store::default();
    runtime.block_on(never_awaited::forgot_the_await(store.clone()));
    println!("let _ = save(..):  store = {:?}", store.lock().unwrap());
    runtime.block_on(never_awaited::awaited(store.clone()));
    println!("save(..).await:    store = {:?}", store.lock().unwrap());
}

/// ### Sequential awaits where concurrency was meant
fn sequential_awaits(runtime: &Runtime) {
    heading("sequential awaits: three 100 ms fetches");
    let (_, took) = runtime.block_on(measure(sequential::one_by_one(ms(100))));
    println!("one by one: {}", fmt_duration(took));
    let (_, took) = runtime.block_on(measure(sequential::joined(ms(100))));
    println!("join!:      {}", fmt_duration(took));
}

/// ### A runtime inside a runtime
fn a_runtime_inside_a_runtime(runtime: &Runtime) {
    heading("a block_on hidden in a sync helper (lesson 10)");
    show_panic(
        "setting_blocking() from async code:",
        runtime
            .block_on(panic_text_of(nested::setting_from_async_code("beta"))),
    );
    println!(
        "awaited instead: {}",
        runtime.block_on(nested::setting_awaited("beta"))
    );
}

/// ### Unbounded concurrency
fn unbounded_concurrency(runtime: &Runtime) {
    heading("unbounded concurrency: 1000 jobs of 10 ms");
    let (peak, took) =
        runtime.block_on(measure(unbounded::all_at_once(1000, ms(10))));
    println!(
        "all at once:  peak {peak:>4} in flight, {}",
        fmt_duration(took)
    );
    let (peak, took) =
        runtime.block_on(measure(unbounded::capped(1000, ms(10), 100)));
    println!(
        "capped (100): peak {peak:>4} in flight, {}",
        fmt_duration(took)
    );
}

/// ### A std `MutexGuard` or an `Rc` held across `.await`
fn a_guard_or_an_rc_held_across_await(runtime: &Runtime) {
    heading("locks and Rc across .await: the fixes that compile");
    let counter = Arc::new(Mutex::new(0));
    runtime.block_on(async {
        let tasks: Vec<_> = (0..5)
            .map(|_| tokio::spawn(locks::add_then_wait(counter.clone())))
            .collect();
        for task in tasks {
            task.await.expect("no panic");
        }
    });
    println!("std Mutex, guard in a block: {}", counter.lock().unwrap());
    println!(
        "Rc in local tasks: {:?}",
        runtime.block_on(locks::rc_on_one_thread())
    );
}

/// ### A non-cancel-safe read in a `select!` loop
fn a_non_cancel_safe_read_in_select(runtime: &Runtime) {
    heading("select! with read_exact: frame 3 arrives in two halves");
    let (reader, writer) = tokio::io::duplex(64);
    let (lossy, ()) = runtime.block_on(async {
        tokio::join!(
            select_loss::read_lossy(reader, ms(100)),
            select_loss::write_frames(writer)
        )
    });
    println!("read_exact in select!: {lossy:?}");
    let (reader, writer) = tokio::io::duplex(64);
    let ((_, reads), ()) = runtime.block_on(async {
        tokio::join!(
            select_trace::record_lossy(reader, ms(100)),
            select_loss::write_frames(writer)
        )
    });
    for (i, read) in reads.iter().enumerate() {
        println!(
            "  {:>5} to {:>5}  {}",
            fmt_duration(read.started),
            fmt_duration(read.ended),
            read.label(i + 1)
        );
    }
    let (reader, writer) = tokio::io::duplex(64);
    let (fixed, ()) = runtime.block_on(async {
        tokio::join!(
            select_loss::read_via_channel(reader, ms(100)),
            select_loss::write_frames(writer)
        )
    });
    println!("reader task + channel: {fixed:?}");
}

/// ### A panicking task
fn a_panicking_task(runtime: &Runtime) {
    heading("a panicking task");
    let timeline = Timeline::new();
    let outcome = runtime.block_on(task_panic::one_task_panics(&timeline));
    print!("{}", timeline.render_ascii());
    for (i, result) in outcome.results.iter().enumerate() {
        println!("task {}: {result:?}", i + 1);
    }
    println!("then: {}", outcome.spawned_after);
}

/// ### Detached tasks killed at shutdown
fn detached_tasks_killed_at_shutdown() {
    heading("detached tasks at shutdown: three 50 ms sends");
    let users = ["ana@example.com", "bo@example.com", "cy@example.com"];
    let outbox = Arc::new(Mutex::new(Vec::new()));
    shutdown::fire_and_forget(outbox.clone(), &users, ms(50));
    println!("fire and forget: {} sent", outbox.lock().unwrap().len());
    let outbox = Arc::new(Mutex::new(Vec::new()));
    shutdown::wait_before_exit(outbox.clone(), &users, ms(50));
    println!("JoinSet, waited: {} sent", outbox.lock().unwrap().len());
}

/// ### Timers and sockets without `enable_all`
fn timers_and_sockets_without_enable_all() {
    heading("a runtime built without enable_all");
    show_panic(
        "sleep, no enable_time:",
        builder::sleep_without_enable_time(),
    );
    show_panic("bind, no enable_io:", builder::socket_without_enable_io());
    show_panic(
        "sleep, no tokio runtime:",
        builder::sleep_without_a_runtime(),
    );
    show_panic("sleep, enable_all:", builder::sleep_with_enable_all());
}
