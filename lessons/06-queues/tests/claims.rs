//! Lesson 06's claims, each asserted with the number it states, on tokio's
//! paused clock (exact times; the tests take milliseconds of real time).
//! Also here: the Python tutorials' two programs that hang, and the
//! pipeline with a sender left alive, each shown not to finish within a
//! minute of virtual time, and why.

use kit::Timeline;
use kit::grade::within;
use kit::timing::{assert_exact, measure, ms, secs};
use lesson_06_queues::broadcast::{self, Seen};
use lesson_06_queues::log::Log;
use lesson_06_queues::pipeline::{self, Plan, Recorder, Row};
use lesson_06_queues::python_queue::PyQueue;
use lesson_06_queues::{
    backpressure, closing, pipeline_stuck, python_markers_and_join,
    python_one_marker, shared_receiver, watch,
};
use tokio::time::timeout;

/// Far longer than any of these programs needs to finish.
const GENEROUS: std::time::Duration = secs(60);

/// Asserts every item 0..n was consumed exactly once.
#[track_caller]
fn assert_each_once(log: &Log, n: u32) {
    let mut items: Vec<u32> =
        log.items().iter().map(|i| i.parse().unwrap()).collect();
    items.sort();
    assert_eq!(items, (0..n).collect::<Vec<_>>(), "each item exactly once");
}

// claim: queues/backpressure
#[tokio::test(start_paused = true)]
async fn claim_queues_backpressure() {
    let timeline = Timeline::new();
    let sent =
        backpressure::fast_producer_slow_consumer(&timeline, 5, 10, secs(1))
            .await;
    // Items 0..=5 go in at once (5 wait, 1 is being handled); from then on
    // the producer is held to the consumer's pace, one a second.
    let at: Vec<_> = sent.iter().map(|s| s.at).collect();
    let want = [0, 0, 0, 0, 0, 0, 1, 2, 3, 4].map(secs);
    assert_eq!(at, want);
    let most = sent.iter().map(|s| s.waiting).max().unwrap();
    assert_eq!(most, 5, "never more than 5 items wait");
    let producer = timeline.span("producer").unwrap();
    assert_eq!(producer.end, Some(secs(4)));
    kit::book_image::check_svg(
        env!("CARGO_MANIFEST_DIR"),
        "06-backpressure.svg",
        &timeline.render_svg(),
    );
}

// claim: queues/one-producer-two-consumers
#[tokio::test(start_paused = true)]
async fn claim_queues_one_producer_two_consumers() {
    // 10 items, one every 0.5 s; two consumers of 1 s each keep up, so the
    // last item, made at 5 s, is done at 6 s.
    let (timeline, log) = (Timeline::new(), Log::default());
    let ((), took) = measure(closing::one_producer_two_consumers(
        &timeline,
        &log,
        10,
        ms(500),
        secs(1),
    ))
    .await;
    assert_exact(took, secs(6));
    assert_each_once(&log, 10);
    assert_eq!(log.ended_consumers().len(), 2, "both consumers end");
    kit::book_image::check_svg(
        env!("CARGO_MANIFEST_DIR"),
        "06-one-producer-two-consumers.svg",
        &timeline.render_svg(),
    );

    // The same with tokio's single receiver shared behind a Mutex.
    let (timeline, log) = (Timeline::new(), Log::default());
    let ((), took) = measure(shared_receiver::one_producer_two_consumers(
        &timeline,
        &log,
        10,
        ms(500),
        secs(1),
    ))
    .await;
    assert_exact(took, secs(6));
    assert_each_once(&log, 10);
}

// claim: queues/many-to-many
#[tokio::test(start_paused = true)]
async fn claim_queues_many_to_many() {
    let (timeline, log) = (Timeline::new(), Log::default());
    let ((), took) = measure(closing::many_to_many(
        &timeline,
        &log,
        (2, 5, ms(500)),
        (3, secs(1)),
    ))
    .await;
    let mut items = log.items();
    items.sort();
    let mut want: Vec<String> = (0..2)
        .flat_map(|p| (0..5).map(move |i| format!("P{p}-item-{i}")))
        .collect();
    want.sort();
    assert_eq!(items, want, "every item consumed exactly once");
    let mut ended = log.ended_consumers();
    ended.sort();
    assert_eq!(ended, ["C0", "C1", "C2"], "all consumers end");
    assert_exact(took, secs(4));
}

// claim: queues/closing-ends-consumers
#[tokio::test(start_paused = true)]
async fn claim_queues_closing_ends_consumers() {
    // The first tutorial program's setup, ended by closing: no marker, and
    // both consumers end once the producer's sender is dropped.
    let (timeline, log) = (Timeline::new(), Log::default());
    let finished = timeout(
        GENEROUS,
        closing::one_producer_two_consumers(
            &timeline,
            &log,
            10,
            ms(500),
            secs(1),
        ),
    )
    .await;
    assert!(finished.is_ok(), "closing the channel ends every consumer");
    let mut ended = log.ended_consumers();
    ended.sort();
    assert_eq!(ended, ["consumer A", "consumer B"]);

    // The second program's setup (2 producers, 3 consumers), likewise.
    let (timeline, log) = (Timeline::new(), Log::default());
    let finished = timeout(
        GENEROUS,
        closing::many_to_many(&timeline, &log, (2, 10, ms(300)), (3, ms(500))),
    )
    .await;
    assert!(finished.is_ok(), "closing the channel ends every consumer");
    assert_eq!(log.ended_consumers().len(), 3);
    assert_eq!(log.items().len(), 20);
}

/// Program 1, as the Python tutorial wrote it: one end marker for two
/// consumers. It never finishes: one consumer takes the marker and stops;
/// the other waits for ever on an empty queue, with every item consumed.
#[tokio::test(start_paused = true)]
async fn python_program_one_marker_two_consumers_hangs() {
    let (timeline, log, queue) =
        (Timeline::new(), Log::default(), PyQueue::new(5));
    let run =
        python_one_marker::run(&queue, &timeline, &log, 10, ms(500), secs(1));
    let outcome = timeout(GENEROUS, run).await;
    assert!(outcome.is_err(), "it should still be running after 60 s");

    assert_each_once(&log, 10);
    assert_eq!(log.ended_consumers(), ["consumer B"], "one took the marker");
    let stopped = timeline.span("consumer B").unwrap();
    assert_eq!(stopped.end, Some(ms(5500)));
    // Consumer A finished item 9 at 6 s and has waited since, until the
    // timeout dropped it: an open, empty queue that nobody will fill.
    let stuck = timeline.span("consumer A").unwrap();
    assert!(stuck.cancelled);
    assert_eq!(stuck.waits.last(), Some(&(secs(6), Some(GENEROUS))));
    assert_eq!((queue.qsize(), queue.unfinished()), (0, 0));

    // The chapter's picture: the same run, stopped at 8 s.
    let (timeline, log, queue) =
        (Timeline::new(), Log::default(), PyQueue::new(5));
    let run =
        python_one_marker::run(&queue, &timeline, &log, 10, ms(500), secs(1));
    assert!(timeout(secs(8), run).await.is_err());
    kit::book_image::check_svg(
        env!("CARGO_MANIFEST_DIR"),
        "06-python-one-marker.svg",
        &timeline.render_svg(),
    );
}

/// Program 2, as the Python tutorial wrote it: each producer sends a
/// marker when *it* is done, main sends one per consumer, then `join()`.
/// Two consumers quit mid-stream; two markers are never taken, so `join()`
/// never returns.
#[tokio::test(start_paused = true)]
async fn python_program_markers_and_join_hangs() {
    let (timeline, log, queue) =
        (Timeline::new(), Log::default(), PyQueue::new(5));
    let run = python_markers_and_join::run(&queue, &timeline, &log);
    let outcome = timeout(GENEROUS, run).await;
    assert!(outcome.is_err(), "it should still be running after 60 s");

    assert_eq!(log.items().len(), 20, "every item was consumed");
    assert_eq!(log.ended_consumers().len(), 3, "every consumer ended");
    // Consumer 0 stopped at producer 0's marker, while producer 1 was
    // still producing: it quit mid-stream.
    let quit_early = timeline.span("consumer 0").unwrap().end.unwrap();
    let producing_until = timeline.span("producer 1").unwrap().end.unwrap();
    assert!(quit_early < producing_until, "{quit_early:?}");
    // 5 markers, 3 taken: 2 left in the queue, never `task_done`.
    assert_eq!(queue.qsize(), 2);
    assert_eq!(queue.unfinished(), 2);
    let join = timeline.span("join()").unwrap();
    assert!(join.cancelled, "join() was still waiting at the timeout");
}

/// The chapter's pipeline: 103 records read one every 0.1 s, 3 workers of
/// 0.25 s each (they keep up), batches of 10.
fn pipeline_plan(items: u32) -> Plan {
    Plan {
        items,
        read_every: ms(100),
        workers: 3,
        work: ms(250),
        batch: 10,
    }
}

/// The ids of every row committed, sorted, and each batch's size.
fn committed(sink: &Recorder<Row>) -> (Vec<u32>, Vec<usize>) {
    let batches = sink.batches();
    let mut ids: Vec<u32> = batches.iter().flatten().map(|r| r.id).collect();
    ids.sort();
    (ids, batches.iter().map(Vec::len).collect())
}

// claim: queues/pipeline-drains
#[tokio::test(start_paused = true)]
async fn claim_queues_pipeline_drains() {
    let (timeline, sink) = (Timeline::new(), Recorder::default());
    let run = pipeline::run(pipeline_plan(103), sink.clone(), &timeline);
    // A close that never reaches the writer fails here instead of hanging.
    let ((), took) = measure(within("the pipeline", secs(11), run)).await;

    let (ids, sizes) = committed(&sink);
    assert_eq!(ids, (0..103).collect::<Vec<_>>(), "each row exactly once");
    let mut want = vec![10; 10];
    want.push(3); // the last, partial batch, committed at the close
    assert_eq!(sizes, want);

    // Closing flows down: the reader ends after its last read at 10.3 s;
    // the workers end as each finds the channel closed and drained, the
    // last after its last record (read at 10.3 s, done at 10.55 s); the
    // writer right after the last worker.
    let end = |name: &str| timeline.span(name).unwrap().end.unwrap();
    assert_eq!(end("reader"), ms(10_300));
    let mut workers: Vec<_> =
        (0..3).map(|n| end(&format!("worker {n}"))).collect();
    workers.sort();
    assert_eq!(workers, [ms(10_350), ms(10_450), ms(10_550)]);
    assert_eq!(end("writer"), ms(10_550));
    assert_exact(took, ms(10_550));

    // The chapter's picture: the same pipeline, 23 records.
    let (timeline, sink) = (Timeline::new(), Recorder::default());
    pipeline::run(pipeline_plan(23), sink.clone(), &timeline).await;
    assert_eq!(committed(&sink).1, [10, 10, 3]);
    let end = |name: &str| timeline.span(name).unwrap().end.unwrap();
    assert_eq!(end("reader"), ms(2_300));
    assert_eq!(end("writer"), ms(2_550));
    kit::book_image::check_svg(
        env!("CARGO_MANIFEST_DIR"),
        "06-pipeline.svg",
        &timeline.render_svg(),
    );
}

/// The mistake: `run` keeps its sender for the writer. The reader and the
/// workers all end, but the writer waits for ever, and the last 3 rows,
/// held in its partial batch, are never committed.
#[tokio::test(start_paused = true)]
async fn pipeline_with_a_kept_sender_never_ends() {
    let (timeline, sink) = (Timeline::new(), Recorder::default());
    let run = pipeline_stuck::run_keeping_a_sender(
        pipeline_plan(103),
        sink.clone(),
        &timeline,
    );
    let outcome = timeout(GENEROUS, run).await;
    assert!(outcome.is_err(), "it should still be running after 60 s");

    let (ids, sizes) = committed(&sink);
    assert_eq!(sizes, [10; 10], "only the full batches");
    assert_eq!(ids.len(), 100, "3 rows never committed");
    for stage in ["reader", "worker 0", "worker 1", "worker 2"] {
        let span = timeline.span(stage).unwrap();
        assert!(span.end.is_some() && !span.cancelled, "{stage} ended");
    }
    let writer = timeline.span("writer").unwrap();
    assert!(writer.cancelled, "the writer was still waiting at 60 s");
    assert_eq!(writer.waits.last(), Some(&(ms(10_550), Some(GENEROUS))));
}

// claim: queues/broadcast-lag
#[tokio::test(start_paused = true)]
async fn claim_queues_broadcast_lag() {
    // Capacity 4, messages 1..=10 at 0.1 s intervals; the slow receiver
    // starts reading at 1.2 s, when only 7..=10 are still kept.
    let (fast, slow) = broadcast::fast_and_slow(4, 10, ms(100), ms(1200)).await;
    assert_eq!(fast, (1..=10).map(Seen::Got).collect::<Vec<_>>());
    assert_eq!(
        slow,
        [
            Seen::Missed(6),
            Seen::Got(7),
            Seen::Got(8),
            Seen::Got(9),
            Seen::Got(10)
        ]
    );
}

// claim: queues/watch-latest
#[tokio::test(start_paused = true)]
async fn claim_queues_watch_latest() {
    // Values 1..=10 every 0.1 s; the watcher looks, then is busy 0.33 s.
    let seen = watch::slow_watcher(10, ms(100), ms(330)).await;
    assert_eq!(seen, [1, 4, 7, 10], "only the newest value at each look");
}
