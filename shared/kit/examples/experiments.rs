//! `cargo run -p kit --example experiments`: the kit's tools, used the way
//! a learner would use them to prove something about their own program.
//! The book's appendix "Tools for your own experiments" shows each part.

use std::time::Duration;

use kit::Timeline;
use kit::timing::{assert_exact, assert_realtime, measure, measure_blocking, ms, realtime_lock};
use tokio::time::sleep;

// ANCHOR: track
/// Two fetches, one after the other and then together, on a timeline.
async fn sequential_then_together() -> Timeline {
    let timeline = Timeline::new();
    // `track` starts a span when the future is first polled and ends it
    // when the future completes.
    timeline.track("one", sleep(ms(300))).await;
    timeline.track("two", sleep(ms(200))).await;
    tokio::join!(
        timeline.track("three", sleep(ms(300))),
        timeline.track("four", sleep(ms(200))),
    );
    timeline
}
// ANCHOR_END: track

// ANCHOR: marks
/// A worker that waits on a lock-like thing, then works: the wait shows
/// as a lighter part of its bar.
async fn worker_with_a_wait() -> Timeline {
    let timeline = Timeline::new();
    let mark = timeline.start("worker");
    mark.wait(sleep(ms(100))).await; // queued: drawn ░
    sleep(ms(200)).await; // working: drawn █
    mark.end();
    timeline
}
// ANCHOR_END: marks

// ANCHOR: cancelled
/// A slow fetch cut short by a timeout: its span says so.
async fn cut_short() -> (Timeline, bool) {
    let timeline = Timeline::new();
    let slow = timeline.track("slow", sleep(Duration::from_secs(5)));
    let _ = tokio::time::timeout(ms(250), slow).await;
    let span = timeline.span("slow").expect("it started");
    let cancelled = span.cancelled && span.end == Some(ms(250));
    (timeline, cancelled)
}
// ANCHOR_END: cancelled

fn main() {
    // ANCHOR: paused
    // A paused-clock runtime, as `#[tokio::test(start_paused = true)]`
    // builds one: timers complete at once in real time, exactly on time in
    // tokio's time, so `assert_exact` can compare to the millisecond.
    let paused = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .start_paused(true)
        .build()
        .expect("a runtime");
    let (timeline, took) = paused.block_on(measure(sequential_then_together()));
    assert_exact(took, ms(800)); // 300 + 200, then max(300, 200)
    print!("{}", timeline.render_ascii());
    println!("took {took:?} of tokio's (paused) time\n");
    // ANCHOR_END: paused

    let timeline = paused.block_on(worker_with_a_wait());
    print!("{}", timeline.render_ascii());
    let span = timeline.span("worker").expect("recorded");
    println!("waits: {:?}\n", span.waits);

    let (timeline, cancelled) = paused.block_on(cut_short());
    print!("{}", timeline.render_ascii());
    println!("cancelled at 250 ms: {cancelled}\n");

    // ANCHOR: realtime
    // Real time: a blocking call measured on the wall clock. The lower
    // bound is strict (nothing finishes early); the upper one is the
    // course's stated margin for a busy machine.
    let _one_at_a_time = realtime_lock();
    let ((), took) = measure_blocking(|| std::thread::sleep(ms(50)));
    assert_realtime(took, ms(50));
    println!("a 50 ms blocking sleep took {took:?} of real time");
    // ANCHOR_END: realtime
}

#[test]
fn the_example_runs_and_its_assertions_hold() {
    main();
}
