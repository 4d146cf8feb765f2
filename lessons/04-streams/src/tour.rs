//! The tour: one function per section of the chapter, in its order.

use std::time::Duration;

use kit::timing::{fmt_duration, measure, ms};
use kit::{Timeline, heading};
use lesson_04_streams::async_range::AsyncRange;
use lesson_04_streams::buffered::{self, JOBS, LIMIT};
use lesson_04_streams::close::{self, Server};
use lesson_04_streams::guard::{self, Pool};
use lesson_04_streams::services::Backend;
use lesson_04_streams::{consume, generators, with_helper};

pub async fn run() {
    println!("Lesson 04 — streams and resources: async iterators and guards");
    println!(
        "(real clock: times run a few ms late; the tests check them exactly)"
    );
    a_stream_by_hand().await;
    generators_unfold().await;
    generators_a_task_and_a_channel().await;
    collecting_and_filtering().await;
    many_at_a_time().await;
    async_with_is_a_guard().await;
    with_helpers_take_a_closure().await;
    there_is_no_async_drop().await;
    println!("\nNext: `cargo run -p course -- next` for the exercises.");
}

fn print_arrivals(items: &[(u32, Duration)]) {
    let shown: Vec<String> = items
        .iter()
        .map(|(i, at)| format!("{i}@{}", fmt_duration(*at)))
        .collect();
    println!("  {}", shown.join("  "));
}

fn print_events(events: &[(Duration, String)]) {
    for (at, what) in events {
        println!("  {:>6}  {what}", fmt_duration(*at));
    }
}

/// ### A stream is an iterator whose `next` may wait
async fn a_stream_by_hand() {
    heading("a stream by hand: AsyncRange (poll_next is __anext__)");
    print_arrivals(&consume::arrivals(AsyncRange::new(5, ms(100))).await);
}

/// ### Generators, part 1: `unfold`
async fn generators_unfold() {
    heading("a generator with unfold");
    print_arrivals(
        &consume::arrivals(generators::async_range(5, ms(100))).await,
    );
}

/// ### Generators, part 2: a task and a channel
async fn generators_a_task_and_a_channel() {
    heading("a generator on a channel (a task + mpsc + ReceiverStream)");
    print_arrivals(
        &consume::arrivals(generators::channel_range(5, ms(100))).await,
    );
}

/// ### Collecting, filtering, and iterators as streams
async fn collecting_and_filtering() {
    heading("collect is the async comprehension");
    println!(
        "  [i * i async for i in async_range(6) if i % 2 == 0] = {:?}",
        consume::even_squares(6).await
    );
    let (found, took) = measure(consume::look_up(&["ada", "bo", "cy"])).await;
    println!(
        "  stream::iter + then, one at a time, in {}:\n  {found:?}",
        fmt_duration(took)
    );
}

/// ### Many at a time: `buffered` and `buffer_unordered`
async fn many_at_a_time() {
    let jobs: Vec<String> = JOBS
        .iter()
        .map(|(n, d)| format!("{n} {}", fmt_duration(*d)))
        .collect();
    println!("\njobs: {}; limit {LIMIT}", jobs.join(", "));
    for (title, mode) in [
        ("then: one at a time", 0),
        ("buffered(2): two at a time, results in input order", 1),
        (
            "buffer_unordered(2): two at a time, results as they finish",
            2,
        ),
    ] {
        heading(title);
        let (backend, timeline) = (Backend::new(), Timeline::new());
        let results = match mode {
            0 => buffered::one_at_a_time(&backend, &JOBS, &timeline).await,
            1 => buffered::in_order(&backend, &JOBS, LIMIT, &timeline).await,
            _ => {
                buffered::as_they_finish(&backend, &JOBS, LIMIT, &timeline)
                    .await
            }
        };
        print!("{}", timeline.render_ascii());
        let names: Vec<&str> = results.iter().map(|r| &r[..1]).collect();
        println!(
            "results: {}   most in flight: {}",
            names.join(" "),
            backend.stats().max_in_flight
        );
    }
}

/// ### `async with` is a guard
async fn async_with_is_a_guard() {
    heading("a guard gives the connection back on every path");
    let pool = Pool::new(1);
    println!(
        "  ok:        {:?}",
        guard::report(&pool, "users").await.map(|rows| rows.len())
    );
    println!("  error:     {:?}", guard::report(&pool, "nope").await);
    let cancelled =
        tokio::time::timeout(ms(150), guard::report(&pool, "users")).await;
    println!(
        "  cancelled: {}",
        if cancelled.is_err() {
            "timed out at 150ms"
        } else {
            "finished?"
        }
    );
    print_events(&pool.events());
    println!(
        "  acquired {}, released {}, free now {}",
        pool.acquired(),
        pool.released(),
        pool.available()
    );
}

/// ### "with" helpers take a closure
async fn with_helpers_take_a_closure() {
    heading("a with-helper: with_connection(&pool, async |conn| ...)");
    let pool = Pool::new(1);
    println!("  {:?}", with_helper::count_both(&pool).await);
    println!(
        "  released {}, free now {}",
        pool.released(),
        pool.available()
    );
}

/// ### There is no async `Drop`: `close().await`
async fn there_is_no_async_drop() {
    heading("no async Drop: tokio's BufWriter");
    let kept = close::write_lines(true).await.expect("writing to a Vec");
    let lost = close::write_lines(false).await.expect("writing to a Vec");
    println!(
        "  shut down before drop: {:?}",
        String::from_utf8_lossy(&kept)
    );
    println!(
        "  just dropped:          {:?}",
        String::from_utf8_lossy(&lost)
    );

    heading("close().await vs the Drop fallback");
    let server = Server::new();
    let (_, took) = measure(close::polite(&server)).await;
    println!(
        "  polite() returned after {}; the server has:",
        fmt_duration(took)
    );
    print_events(&server.log());
    let server = Server::new();
    let (_, took) = measure(close::forgetful(&server)).await;
    println!(
        "  forgetful() returned after {}; the server has {} entries",
        fmt_duration(took),
        server.log().len()
    );
    tokio::time::sleep(ms(100)).await;
    println!("  100ms later, the detached Drop fallback has delivered:");
    print_events(&server.log());
    println!("  (had the program ended first, it would never have run)");
}
