//! Lesson 06's claims, each asserted with the number it states, on tokio's
//! paused clock (exact times; the tests take milliseconds of real time).
//! Also here: the Python tutorials' two programs that hang, each shown not
//! to finish within a minute of virtual time, and why.

use kit::Timeline;
use kit::timing::{assert_exact, measure, ms, secs};
use lesson_06_queues::broadcast::{self, Seen};
use lesson_06_queues::log::Log;
use lesson_06_queues::python_queue::PyQueue;
use lesson_06_queues::{
    backpressure, closing, seed_markers_and_join, seed_one_marker,
    shared_receiver, watch,
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

/// s000 §7: one end marker for two consumers. It never finishes: one
/// consumer takes the marker and stops; the other waits for ever on an
/// empty queue, with every item already consumed.
#[tokio::test(start_paused = true)]
async fn seed_program_one_marker_two_consumers_hangs() {
    let (timeline, log, queue) =
        (Timeline::new(), Log::default(), PyQueue::new(5));
    let run =
        seed_one_marker::run(&queue, &timeline, &log, 10, ms(500), secs(1));
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
        seed_one_marker::run(&queue, &timeline, &log, 10, ms(500), secs(1));
    assert!(timeout(secs(8), run).await.is_err());
    kit::book_image::check_svg(
        env!("CARGO_MANIFEST_DIR"),
        "06-seed-one-marker.svg",
        &timeline.render_svg(),
    );
}

/// s002: each producer sends a marker when *it* is done, main sends one
/// per consumer, then `join()`. Two consumers quit mid-stream; two markers
/// are never taken, so `join()` never returns.
#[tokio::test(start_paused = true)]
async fn seed_program_markers_and_join_hangs() {
    let (timeline, log, queue) =
        (Timeline::new(), Log::default(), PyQueue::new(5));
    let run = seed_markers_and_join::run(&queue, &timeline, &log);
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
