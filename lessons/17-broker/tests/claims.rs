//! Lesson 17's claims, each asserted with the number it states, on a real
//! NATS server (`NATS_URL`, else a private `nats-server`; skipped with a
//! message when neither is there, failed under `COURSE_REQUIRE_SERVERS=1`).
//! Worker processes are this lesson's own binary run as `worker`. Every
//! test works on streams of its own (`server::unique`) and deletes them.
//! The broker's times are real, and the tests only wait on them (a
//! redelivery, a drain): each holds `realtime_shared`, so two run side by
//! side on their own streams but never beside a test that measures CPU.

use std::path::Path;

use kit::timing::{realtime_shared, realtime_upper_bound};
use lesson_17_broker::worker::AckWhen;
use lesson_17_broker::{bounded, crash, dedup, drain, queue, server, shared};

const EXE: &str = env!("CARGO_BIN_EXE_lesson-17-broker");

fn exe() -> &'static Path {
    Path::new(EXE)
}

// claim: broker/work-shared
#[tokio::test]
async fn claim_broker_work_shared() {
    let _serial = realtime_shared();
    let Some(broker) = server::for_test() else {
        return;
    };
    let js = queue::connect(&broker.url).await.unwrap();
    let outcome = shared::run(exe(), &broker.url, &js, 3, 300).await.unwrap();
    assert_eq!(outcome.workers.len(), 3);
    // Every job recorded, each once.
    assert_eq!(outcome.recorded, (0..300).collect::<Vec<_>>());
    // And done once: 300 jobs worked in all, none found already recorded.
    let done: usize = outcome.workers.iter().map(|s| s.done).sum();
    let twice: usize = outcome.workers.iter().map(|s| s.duplicates).sum();
    let again: usize = outcome.workers.iter().map(|s| s.redelivered).sum();
    assert_eq!((done, twice, again), (300, 0, 0));
    let split: Vec<usize> = outcome.workers.iter().map(|s| s.done).collect();
    eprintln!("jobs per worker: {split:?} ({})", broker.describe());
}

// claim: broker/nothing-lost-on-crash
#[tokio::test]
async fn claim_broker_nothing_lost_on_crash() {
    let _timing = realtime_shared();
    let Some(broker) = server::for_test() else {
        return;
    };
    let js = queue::connect(&broker.url).await.unwrap();
    let c = crash::run(exe(), &broker.url, &js, AckWhen::After)
        .await
        .unwrap();
    assert_eq!(c.held, 10, "the victim held 10 jobs when killed");
    // All 90 recorded, each once, though the victim's 10 were done again.
    assert_eq!(c.recorded, (0..90).collect::<Vec<_>>());
    assert!(c.redelivered >= c.held, "redelivered {}", c.redelivered);
    // Not before ack_wait: redelivery at delivery + ack_wait, and delivery
    // came after publishing. At most the kit's one margin above it.
    let first = c.first_redelivery.expect("a redelivery was seen");
    assert!(first >= crash::ACK_WAIT, "redelivered after {first:?}");
    assert!(first <= realtime_upper_bound(crash::ACK_WAIT), "{first:?}");
    eprintln!(
        "held {}, redelivered {}, first after {first:?}, duplicates {}",
        c.held, c.redelivered, c.duplicates
    );
}

// claim: broker/ack-after-work
#[tokio::test]
async fn claim_broker_ack_after_work() {
    let _timing = realtime_shared();
    let Some(broker) = server::for_test() else {
        return;
    };
    let js = queue::connect(&broker.url).await.unwrap();
    let url = &broker.url;
    let wrong = crash::run(exe(), url, &js, AckWhen::Before).await.unwrap();
    let right = crash::run(exe(), url, &js, AckWhen::After).await.unwrap();
    // Acked before the work: the victim's 10 jobs are gone for good.
    assert_eq!((wrong.held, wrong.missing()), (10, 10));
    assert_eq!(wrong.redelivered, 0);
    // Acked after: none missing.
    assert_eq!((right.held, right.missing()), (10, 0));
}

// claim: broker/bounded-in-flight
#[tokio::test]
async fn claim_broker_bounded_in_flight() {
    let _timing = realtime_shared();
    let Some(broker) = server::for_test() else {
        return;
    };
    let js = queue::connect(&broker.url).await.unwrap();
    let limited = bounded::peak_in_hand(&js, &broker.url, 5).await.unwrap();
    let open = bounded::peak_in_hand(&js, &broker.url, 1000).await.unwrap();
    // 3 workers × 10 would be 30; the broker holds them to 5 in all.
    assert_eq!(limited, 5);
    assert!(open > 5, "without the limit the peak was {open}");
    eprintln!(
        "peak in hand: {limited} with max_ack_pending 5, {open} with 1000"
    );
}

// claim: broker/drain-on-sigterm
#[tokio::test]
async fn claim_broker_drain_on_sigterm() {
    let _timing = realtime_shared();
    let Some(broker) = server::for_test() else {
        return;
    };
    let js = queue::connect(&broker.url).await.unwrap();
    let d = drain::run(exe(), &broker.url, &js).await.unwrap();
    assert_eq!((d.held, d.done), (10, 10));
    assert_eq!(d.status.code(), Some(0));
    // Its jobs take 400 ms; it may also be waiting out one pull (100 ms).
    let deadline =
        realtime_upper_bound(drain::WORK + lesson_17_broker::worker::PULL_WAIT);
    assert!(d.took <= deadline, "exited after {:?}", d.took);
    // Nothing it held comes back; the 20 it never pulled wait for others.
    assert_eq!((d.ack_pending, d.redelivered, d.waiting), (0, 0, 20));
    eprintln!("SIGTERM to exit: {:?}", d.took);
}

// claim: broker/publish-dedup
#[tokio::test]
async fn claim_broker_publish_dedup() {
    let _timing = realtime_shared();
    let Some(broker) = server::for_test() else {
        return;
    };
    let js = queue::connect(&broker.url).await.unwrap();
    let t = dedup::publish_twice(&js).await.unwrap();
    assert!(!t.first.duplicate);
    assert!(t.second.duplicate, "the retry is recognised");
    assert_eq!(t.second.sequence, t.first.sequence);
    assert_eq!(t.stored, 1);
}
