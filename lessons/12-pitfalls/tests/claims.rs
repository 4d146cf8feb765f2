//! Lesson 12's claims that tokio's paused clock (or a count) can show.
//! `pitfalls/blocking-sleep` blocks real threads: it is in
//! `tests/realtime.rs`.

use std::sync::{Arc, Mutex};

use kit::Timeline;
use kit::timing::{assert_exact, measure, ms, secs};
use lesson_12_pitfalls::select_loss::{self, Received};
use lesson_12_pitfalls::select_trace::{self, ReadEnd};
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

#[tokio::test(start_paused = true)]
async fn the_picture_shows_where_the_half_frames_went() {
    let (reader, writer) = tokio::io::duplex(64);
    let ((got, reads), ()) = tokio::join!(
        select_trace::record_lossy(reader, ms(100)),
        select_loss::write_frames(writer)
    );
    // The recorded loop is the demo's: the same numbers, the same losses.
    assert_eq!(got.numbers, [1, 2, 4, 5]);
    assert_eq!(got.heartbeats, 3);
    let labels: Vec<_> = reads
        .iter()
        .enumerate()
        .map(|(i, r)| r.label(i + 1))
        .collect();
    assert_eq!(
        labels,
        [
            "read 1: 4 of 4 bytes, got 1",
            "read 2: 4 of 4 bytes, got 2",
            "read 3: heartbeat won, 2 of 4 bytes dropped",
            "read 4: heartbeat won, held nothing",
            "read 5: heartbeat won, 2 of 4 bytes dropped",
            "read 6: 4 of 4 bytes, got 4",
            "read 7: 4 of 4 bytes, got 5",
            "read 8: end of stream",
        ]
    );
    // Frame 3's first half came at 100 ms and was dropped at 150 ms; its
    // second half came at 330 ms and was dropped at 350 ms.
    let dropped: Vec<_> = reads
        .iter()
        .filter(|r| r.bytes > 0 && r.end == ReadEnd::Dropped)
        .map(|r| (r.first_byte, r.ended))
        .collect();
    assert_eq!(
        dropped,
        [(Some(ms(100)), ms(150)), (Some(ms(330)), ms(350))]
    );
    let timeline = select_trace::draw(&reads).await;
    kit::book_image::check_svg(
        env!("CARGO_MANIFEST_DIR"),
        "12-select-drops-half-frames.svg",
        &timeline.render_svg(),
    );
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
