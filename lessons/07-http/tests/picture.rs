//! The chapter's picture of one by one, all at once and capped, drawn from
//! a real-clock run of the lesson's `three_ways`.
//!
//! Real sockets need the real clock: on tokio's paused clock the runtime
//! may jump to the server's next timer while a request is still on its way
//! through the kernel, and the times come out wrong. So the picture's times
//! vary a little from run to run; the test checks the run's shape (which
//! requests overlap: exact; how long each way took: a strict lower bound
//! and the course's margin above), and that the committed picture has the
//! rows this code draws.

use std::time::Duration;

use kit::Timeline;
use kit::timing::{ms, realtime_lock, realtime_upper_bound};
use lesson_07_http::speed;
use lesson_07_http::three_ways::three_ways;
use reqwest::Client;
use test_server::TestServer;

/// Each request's time at the server, as in the chapter and the tour.
const DELAY: Duration = ms(100);
const N: usize = 4;
const CAP: usize = 2;

fn draw() -> Timeline {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("cannot build a tokio runtime")
        .block_on(async {
            let server = TestServer::start().await.unwrap();
            let client = Client::new();
            // Open N connections first, so the rows show the requests,
            // not TCP handshakes on a busy debug build.
            let warm: Vec<String> =
                (0..N).map(|_| server.url("/json")).collect();
            speed::fetch_concurrently(&client, &warm).await.unwrap();
            let url = server.url(&format!("/delay/{}", DELAY.as_millis()));
            three_ways(&client, &url, N, CAP).await.unwrap()
        })
}

/// The rows of one way, in the order they started.
fn rows(way: &str) -> Vec<String> {
    (1..=N).map(|i| format!("{way} #{i}")).collect()
}

/// When the way's first request started and its last one ended, and the
/// most of its requests that were ever running at once.
fn way(timeline: &Timeline, way: &str) -> (Duration, Duration, usize) {
    let spans: Vec<_> = rows(way)
        .iter()
        .map(|name| timeline.span(name).expect(name))
        .collect();
    let start = spans.iter().map(|s| s.start).min().unwrap();
    let end = spans.iter().map(|s| s.end.unwrap()).max().unwrap();
    // Running at a moment: started at or before it, not yet ended.
    let overlap = spans
        .iter()
        .map(|at| {
            spans
                .iter()
                .filter(|s| s.start <= at.start && s.end.unwrap() > at.start)
                .count()
        })
        .max()
        .unwrap();
    (start, end, overlap)
}

#[test]
fn three_ways_timeline_matches_the_book() {
    let _guard = realtime_lock();
    let timeline = draw();
    let capped = format!("capped at {CAP}");
    let ways = [
        ("one by one", 1, N as u32),
        ("all at once", N, 1),
        (capped.as_str(), CAP, (N / CAP) as u32),
    ];
    let mut previous_end = Duration::ZERO;
    for (name, at_once, rounds) in ways {
        let (start, end, overlap) = way(&timeline, name);
        println!("{name}: {start:?} → {end:?}, {overlap} at once");
        // Which requests overlap is exact: the loops decide it, not the clock.
        assert_eq!(overlap, at_once, "{name}: requests running at once");
        // The ways run one after the other, each request on the server's
        // timer: never shorter than its rounds of DELAY.
        assert!(start >= previous_end, "{name} starts after the one before");
        let least = DELAY * rounds;
        let took = end - start;
        assert!(
            took >= least && took <= realtime_upper_bound(least),
            "{name} took {took:?}, expected {least:?} to {:?}",
            realtime_upper_bound(least)
        );
        previous_end = end;
    }
    let names: Vec<String> = ways.iter().flat_map(|(w, ..)| rows(w)).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    kit::book_image::check_svg_rows(
        env!("CARGO_MANIFEST_DIR"),
        "07-three-ways.svg",
        &timeline.render_svg(),
        &names,
    );
}
