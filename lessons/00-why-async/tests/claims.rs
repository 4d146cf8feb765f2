//! Lesson 00's claims, each asserted with the number it states, on tokio's
//! paused clock (the real-clock twins are in `realtime.rs`).

use kit::Timeline;
use kit::timing::{assert_exact, measure, ms, secs};
use lesson_00_why_async::workload::{THREE_API_CALLS, THREE_FETCHES};
use lesson_00_why_async::{concurrent, request, sequential};

// claim: why/sequential-is-sum
#[tokio::test(start_paused = true)]
async fn claim_why_sequential_is_sum() {
    let expected = [
        "fetch A: done in 300ms",
        "fetch B: done in 200ms",
        "fetch C: done in 400ms",
    ];

    // One after another: 300 + 200 + 400 = 900 ms, each fetch starting
    // when the one before it ends.
    let one_by_one = Timeline::new();
    let (results, took) =
        measure(sequential::run_sequential(&one_by_one, &THREE_FETCHES)).await;
    assert_exact(took, ms(900));
    assert_eq!(results, expected);
    let starts: Vec<_> = one_by_one.spans().iter().map(|s| s.start).collect();
    assert_eq!(starts, [ms(0), ms(300), ms(500)]);

    // Together: the longest fetch, 400 ms, all three starting at 0 and the
    // results still in job order.
    let together = Timeline::new();
    let (results, took) =
        measure(concurrent::run_concurrent(&together, &THREE_FETCHES)).await;
    assert_exact(took, ms(400));
    assert_eq!(results, expected);
    let spans: Vec<_> =
        together.spans().iter().map(|s| (s.start, s.end)).collect();
    assert_eq!(
        spans,
        [
            (ms(0), Some(ms(300))),
            (ms(0), Some(ms(200))),
            (ms(0), Some(ms(400)))
        ]
    );

    // The book's two pictures are these two runs.
    kit::book_image::check_svg(
        env!("CARGO_MANIFEST_DIR"),
        "00-sequential.svg",
        &one_by_one.render_svg(),
    );
    kit::book_image::check_svg(
        env!("CARGO_MANIFEST_DIR"),
        "00-concurrent.svg",
        &together.render_svg(),
    );
}

// claim: why/three-2s-calls
#[tokio::test(start_paused = true)]
async fn claim_why_three_2s_calls() {
    let (results, took) = measure(sequential::run_sequential(
        &Timeline::new(),
        &THREE_API_CALLS,
    ))
    .await;
    assert_exact(took, secs(6));
    assert_eq!(
        results,
        [
            "API-A: done in 2s",
            "API-B: done in 2s",
            "API-C: done in 2s"
        ]
    );

    let (results, took) = measure(concurrent::run_concurrent(
        &Timeline::new(),
        &THREE_API_CALLS,
    ))
    .await;
    assert_exact(took, secs(2));
    assert_eq!(
        results,
        [
            "API-A: done in 2s",
            "API-B: done in 2s",
            "API-C: done in 2s"
        ]
    );
}

// claim: why/five-db-calls
#[tokio::test(start_paused = true)]
async fn claim_why_five_db_calls() {
    let (rows, took) =
        measure(request::handle_request_sequential(ms(100))).await;
    assert_exact(took, ms(500));
    assert_eq!(rows, [1, 2, 3, 4, 5]);

    let (rows, took) =
        measure(request::handle_request_concurrent(ms(100))).await;
    assert_exact(took, ms(100));
    assert_eq!(rows, [1, 2, 3, 4, 5]);
}
