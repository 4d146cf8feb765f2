//! The tour: one function per section of the chapter, in its order.

use std::time::Duration;

use kit::timing::fmt_duration;
use kit::{Timeline, heading};
use lesson_06_queues::close_and_drain::{self, Side};
use lesson_06_queues::log::Log;
use lesson_06_queues::pipeline::{self, Plan, Recorder, Row};
use lesson_06_queues::python_queue::PyQueue;
use lesson_06_queues::{
    backpressure, broadcast, closing, oneshot, pipeline_stuck,
    python_markers_and_join, python_one_marker, send_error, shared_receiver,
    task_done, try_send, watch,
};
use tokio::sync::mpsc;
use tokio::time::{Instant, timeout};

pub async fn run() {
    println!("Lesson 06 — queues and channels");
    println!("(every delay is a quarter of the chapter's; tests use the full)");
    a_bounded_channel_is_a_queue().await;
    two_programs_that_hang().await;
    the_fix_close_the_channel().await;
    several_consumers().await;
    close_from_one_place().await;
    a_failed_send_hands_the_item_back().await;
    a_pipeline().await;
    task_done_and_join().await;
    oneshot_a_single_reply().await;
    broadcast_to_everyone().await;
    watch_only_the_latest().await;
    println!("\nNext: `cargo run -p course -- next` for the exercises.");
}

/// The chapter's `seconds`, scaled down for this run.
fn t(seconds: f64) -> Duration {
    Duration::from_secs_f64(seconds / 4.0)
}

/// A receiver's view, compactly: `1 2 3`, with lag as `(missed 6)`.
fn shown(seen: &[broadcast::Seen]) -> String {
    let words: Vec<String> = seen
        .iter()
        .map(|s| match s {
            broadcast::Seen::Got(m) => m.to_string(),
            broadcast::Seen::Missed(n) => format!("(missed {n})"),
        })
        .collect();
    words.join(" ")
}

fn chart(timeline: &Timeline) {
    print!("{}", timeline.render_ascii());
}

/// The size of each batch a pipeline's writer committed.
fn batch_sizes(sink: &Recorder<Row>) -> Vec<usize> {
    sink.batches().iter().map(Vec::len).collect()
}

/// ### A bounded channel is `Queue(maxsize)`
async fn a_bounded_channel_is_a_queue() {
    heading("a bounded mpsc: capacity 5, a fast producer, a 1 s consumer");
    let tl = Timeline::new();
    let sent =
        backpressure::fast_producer_slow_consumer(&tl, 5, 10, t(1.0)).await;
    chart(&tl);
    for s in &sent {
        println!(
            "  item {} in at {:>6}, {} waiting",
            s.item,
            fmt_duration(s.at),
            s.waiting
        );
    }

    heading("try_send: put_nowait on a channel of 2 nobody reads");
    for outcome in try_send::try_send_outcomes(2, 4) {
        println!("  {outcome}");
    }
}

/// ### Two programs that hang
async fn two_programs_that_hang() {
    heading("the tutorial's program 1: one end marker, two consumers");
    let (tl, log) = (Timeline::new(), Log::default());
    let queue = PyQueue::new(5);
    let run = python_one_marker::run(&queue, &tl, &log, 10, t(0.5), t(1.0));
    let outcome = timeout(t(8.0), run).await;
    chart(&tl);
    println!("finished by 8 s? {}", outcome.is_ok());
    println!(
        "items consumed: {}; consumers that ended: {:?}",
        log.items().len(),
        log.ended_consumers()
    );
    println!("the other one waits for ever on an empty queue nobody closes");

    heading("the tutorial's program 2: markers mid-stream, then join()");
    let (tl, log) = (Timeline::new(), Log::default());
    let queue = PyQueue::new(5);
    let outcome =
        timeout(t(20.0), python_markers_and_join::run(&queue, &tl, &log)).await;
    chart(&tl);
    println!("finished by 20 s? {}", outcome.is_ok());
    println!("items consumed: {}", log.items().len());
    println!(
        "markers never taken: {}; unfinished for join(): {}",
        queue.qsize(),
        queue.unfinished()
    );
}

/// ### The fix: close the channel
async fn the_fix_close_the_channel() {
    heading("program 1 fixed: the channel closes when the producer ends");
    let (tl, log) = (Timeline::new(), Log::default());
    let start = Instant::now();
    closing::one_producer_two_consumers(&tl, &log, 10, t(0.5), t(1.0)).await;
    let took = fmt_duration(start.elapsed());
    chart(&tl);
    println!("done in {took}; {} items, each once", log.items().len());

    heading("2 producers x 5 items, 3 consumers, ended by closing");
    let (tl, log) = (Timeline::new(), Log::default());
    closing::many_to_many(&tl, &log, (2, 5, t(0.5)), (3, t(1.0))).await;
    chart(&tl);
    println!("consumers ended: {:?}", log.ended_consumers());
}

/// ### Several consumers: a multi-consumer channel, or a shared receiver
async fn several_consumers() {
    heading("program 1 again, tokio's receiver shared behind a Mutex");
    let (tl, log) = (Timeline::new(), Log::default());
    let start = Instant::now();
    shared_receiver::one_producer_two_consumers(&tl, &log, 10, t(0.5), t(1.0))
        .await;
    let took = fmt_duration(start.elapsed());
    println!("done in {took}; {} items", log.items().len());
}

/// ### `close()`: closing from one place
async fn close_from_one_place() {
    heading("close(): from either end, while another sender is alive");
    for side in [Side::Sender, Side::Receiver] {
        let events = close_and_drain::close_then_drain(side, 3).await;
        println!("  closed by the {side:?}:\n    {}", events.join(", "));
    }
}

/// ### A failed send hands the item back
async fn a_failed_send_hands_the_item_back() {
    heading("a failed send hands the item back");
    let (outcomes, left) = send_error::route_three_jobs().await;
    for (job, outcome) in outcomes.iter().enumerate() {
        println!("  job {job}: {outcome:?}");
    }
    println!("  the closed fallback still holds {left} job for its receiver");
}

/// ### A pipeline: reader → workers → writer
async fn a_pipeline() {
    heading("a pipeline: reader -> 3 workers -> writer, batches of 10");
    let plan = Plan {
        items: 23,
        read_every: t(0.1),
        workers: 3,
        work: t(0.25),
        batch: 10,
    };
    let (tl, sink) = (Timeline::new(), Recorder::default());
    pipeline::run(plan, sink.clone(), &tl).await;
    chart(&tl);
    println!(
        "batches committed: {:?}; every stage ended",
        batch_sizes(&sink)
    );

    heading("the pipeline again, a sender for the writer kept in run()");
    let (tl, sink) = (Timeline::new(), Recorder::default());
    let run = pipeline_stuck::run_keeping_a_sender(plan, sink.clone(), &tl);
    let outcome = timeout(t(6.0), run).await;
    chart(&tl);
    println!("finished by 6 s? {}", outcome.is_ok());
    println!(
        "batches committed: {:?}; the last 3 rows never were",
        batch_sizes(&sink)
    );
}

/// ### `task_done()` and `join()`
async fn task_done_and_join() {
    heading("task_done / join with TaskTracker tokens, workers kept");
    let tl = Timeline::new();
    let joined = task_done::batches_with_join(&tl, &[6, 2], t(1.0)).await;
    chart(&tl);
    let joined: Vec<_> = joined.into_iter().map(fmt_duration).collect();
    println!("join() returned at {}", joined.join(" and "));
}

/// ### `oneshot`: a single reply
async fn oneshot_a_single_reply() {
    heading("oneshot: a reply, like a Future's set_result");
    let (server, requests) = mpsc::channel(8);
    let serving = tokio::spawn(oneshot::serve(requests));
    let set = oneshot::Request::Set {
        key: "answer".into(),
        value: 42,
    };
    server.send(set).await.expect("the server is running");
    println!("get answer  -> {:?}", oneshot::get(&server, "answer").await);
    println!(
        "get missing -> {:?}",
        oneshot::get(&server, "missing").await
    );
    drop(server);
    serving.await.expect("the server ended cleanly");
    println!("never answered -> {:?}", oneshot::dropped_reply().await);
}

/// ### `broadcast`: every message to everyone, and lag
async fn broadcast_to_everyone() {
    heading("broadcast(4): 10 messages, a fast and a slow receiver");
    let (fast, slow) = broadcast::fast_and_slow(4, 10, t(0.1), t(1.2)).await;
    println!("fast: {}", shown(&fast));
    println!("slow: {}", shown(&slow));
}

/// ### `watch`: only the latest value
async fn watch_only_the_latest() {
    heading("watch: a watcher busy 0.33 s after each look, 10 values");
    let seen = watch::slow_watcher(10, t(0.1), t(0.33)).await;
    println!("it saw {seen:?}: the newest value each time, never a backlog");
}
