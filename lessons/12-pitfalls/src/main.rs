//! `cargo run -p lesson-12-pitfalls`: each pitfall of lesson 12, its
//! symptom and its fix, in order.
//!
//! Blocking calls run on the real clock (that is the point); everything
//! else is cut short so the tour takes a few seconds.

use std::sync::{Arc, Mutex};

use kit::timing::{fmt_duration, measure, ms};
use kit::{Timeline, heading};
use lesson_12_pitfalls::blocking::{Report, Wait, three_handlers};
use lesson_12_pitfalls::panics::{self, panic_text_of};
use lesson_12_pitfalls::server::ServerThread;
use lesson_12_pitfalls::{
    builder, locks, nested, never_awaited, select_loss, select_trace,
    sequential, shutdown, task_panic, unbounded,
};

/// The panics this tour provokes on purpose.
const EXPECTED: [&str; 6] = [
    "Cannot start a runtime from within a runtime",
    "payment service exploded",
    "A Tokio 1.x context was found",
    "there is no reactor running",
    "can call blocking only",
    "Cannot drop a runtime",
];

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

fn main() -> std::io::Result<()> {
    // Keep the default report for any panic but the ones shown on purpose.
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let text = panics::message(info.payload());
        if !EXPECTED.iter().any(|start| text.starts_with(start)) {
            report(info);
        }
    }));

    println!("Lesson 12 — pitfalls, and their fixes");
    let server = ServerThread::start()?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;

    heading("blocking the runtime: three 100 ms handlers, one thread");
    let addr = server.addr();
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

    heading("a future never awaited");
    let store = never_awaited::Store::default();
    runtime.block_on(never_awaited::forgot_the_await(store.clone()));
    println!("let _ = save(..):  store = {:?}", store.lock().unwrap());
    runtime.block_on(never_awaited::awaited(store.clone()));
    println!("save(..).await:    store = {:?}", store.lock().unwrap());

    heading("sequential awaits: three 100 ms fetches");
    let (_, took) = runtime.block_on(measure(sequential::one_by_one(ms(100))));
    println!("one by one: {}", fmt_duration(took));
    let (_, took) = runtime.block_on(measure(sequential::joined(ms(100))));
    println!("join!:      {}", fmt_duration(took));

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

    heading("a panicking task");
    let timeline = Timeline::new();
    let outcome = runtime.block_on(task_panic::one_task_panics(&timeline));
    print!("{}", timeline.render_ascii());
    for (i, result) in outcome.results.iter().enumerate() {
        println!("task {}: {result:?}", i + 1);
    }
    println!("then: {}", outcome.spawned_after);

    heading("detached tasks at shutdown: three 50 ms sends");
    let users = ["ana@example.com", "bo@example.com", "cy@example.com"];
    let outbox = Arc::new(Mutex::new(Vec::new()));
    shutdown::fire_and_forget(outbox.clone(), &users, ms(50));
    println!("fire and forget: {} sent", outbox.lock().unwrap().len());
    let outbox = Arc::new(Mutex::new(Vec::new()));
    shutdown::wait_before_exit(outbox.clone(), &users, ms(50));
    println!("JoinSet, waited: {} sent", outbox.lock().unwrap().len());

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

    println!("\nThe end-marker hangs are in lesson 06's chapter.");
    println!("Next: `cargo run -p course -- next` for the exercises.");
    Ok(())
}
