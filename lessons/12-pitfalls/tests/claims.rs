//! Lesson 12's claims that tokio's paused clock (or a count) can show.
//! `pitfalls/blocking-sleep` blocks real threads: it is in
//! `tests/realtime.rs`.

use std::sync::{Arc, Mutex};

use kit::Timeline;
use kit::timing::{assert_exact, measure, ms, secs};
use lesson_12_pitfalls::select_loss::{self, Received};
use lesson_12_pitfalls::{shutdown, task_panic, unbounded};

// claim: pitfalls/select-loses-message
#[tokio::test(start_paused = true)]
async fn claim_pitfalls_select_loses_message() {
    let heartbeat = ms(100);

    let (reader, writer) = tokio::io::duplex(64);
    let (lossy, ()) = tokio::join!(
        select_loss::read_lossy(reader, heartbeat),
        select_loss::write_frames(writer)
    );
    // Frame 3 came in two halves; a heartbeat won the race in the middle
    // of each, and the bytes read so far went with the dropped future.
    assert_eq!(
        lossy,
        Received {
            numbers: vec![1, 2, 4, 5],
            heartbeats: 3
        },
        "message 3 is lost"
    );

    let (reader, writer) = tokio::io::duplex(64);
    let (fixed, ()) = tokio::join!(
        select_loss::read_via_channel(reader, heartbeat),
        select_loss::write_frames(writer)
    );
    assert_eq!(fixed.numbers, select_loss::SENT, "nothing lost");
    assert_eq!(fixed.heartbeats, 2, "heartbeats still fire while waiting");
}

// claim: pitfalls/panic-is-contained
#[tokio::test(start_paused = true)]
async fn claim_pitfalls_panic_is_contained() {
    let timeline = Timeline::new();
    let (outcome, took) = measure(task_panic::one_task_panics(&timeline)).await;
    assert_eq!(
        outcome.results,
        [
            Ok("first done"),
            Err("payment service exploded".to_owned()),
            Ok("third done")
        ]
    );
    assert_eq!(outcome.spawned_after, "runtime still fine");
    // The siblings were not cut short: they finished at their 1 s.
    assert_exact(took, secs(1));
    let second = timeline.span("second (panics)").expect("a span");
    assert!(second.cancelled, "the panic cut its span short");
    assert_eq!(second.end, Some(ms(500)));
    kit::book_image::check_svg(
        env!("CARGO_MANIFEST_DIR"),
        "12-panic-is-contained.svg",
        &timeline.render_svg(),
    );
}

// claim: pitfalls/unbounded-peak
#[tokio::test(start_paused = true)]
async fn claim_pitfalls_unbounded_peak() {
    // 1000 jobs of 100 ms: all in flight at once, done in 100 ms...
    let (peak, took) = measure(unbounded::all_at_once(1000, ms(100))).await;
    assert_eq!(peak, 1000);
    assert_exact(took, ms(100));

    // ...or never more than 10, in 100 rounds of 100 ms: 10 s.
    let (peak, took) = measure(unbounded::capped(1000, ms(100), 10)).await;
    assert_eq!(peak, 10);
    assert_exact(took, secs(10));
}

// claim: pitfalls/detached-lost-at-shutdown
#[test]
fn claim_pitfalls_detached_lost_at_shutdown() {
    let users = ["ana@example.com", "bo@example.com", "cy@example.com"];

    // Fired and forgotten: the runtime shut down before any was sent.
    let outbox = Arc::new(Mutex::new(Vec::new()));
    shutdown::fire_and_forget(outbox.clone(), &users, ms(50));
    assert_eq!(outbox.lock().unwrap().len(), 0, "all three lost");

    // Waited for: all three sent.
    let outbox = Arc::new(Mutex::new(Vec::new()));
    shutdown::wait_before_exit(outbox.clone(), &users, ms(50));
    let mut sent = outbox.lock().unwrap().clone();
    sent.sort();
    assert_eq!(sent, users);
}
