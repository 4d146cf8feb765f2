//! Lesson 04's claims, each asserted with the number it states.

use kit::timing::{assert_exact, measure, ms};
use lesson_04_streams::async_range::AsyncRange;
use lesson_04_streams::consume::arrivals;
use lesson_04_streams::generators::{async_range, channel_range};
use lesson_04_streams::guard::{self, Pool, QueryError};

// claim: streams/async-range
#[tokio::test(start_paused = true)]
async fn claim_streams_async_range() {
    let expected: Vec<(u32, _)> =
        (0..5).map(|i| (i, ms(100 * (i as u64 + 1)))).collect();

    // The generator written with unfold: 0..4, one every 100 ms, 500 ms in all.
    let (items, took) = measure(arrivals(async_range(5, ms(100)))).await;
    assert_eq!(items, expected, "item i arrives at (i + 1) * 100 ms");
    assert_exact(took, ms(500));

    // The hand-written Stream and the channel-backed generator agree exactly.
    let (items, took) = measure(arrivals(AsyncRange::new(5, ms(100)))).await;
    assert_eq!(items, expected);
    assert_exact(took, ms(500));
    let (items, took) = measure(arrivals(channel_range(5, ms(100)))).await;
    assert_eq!(items, expected);
    assert_exact(took, ms(500));
}

// claim: streams/guard-releases
#[tokio::test(start_paused = true)]
async fn claim_streams_guard_releases() {
    // Success: both queries run (100 + 200 ms), then the connection goes back.
    let pool = Pool::new(1);
    let (result, took) = measure(guard::report(&pool, "users")).await;
    assert_eq!(result.unwrap().len(), 2);
    assert_exact(took, ms(300));
    assert_eq!(
        (pool.acquired(), pool.released(), pool.available()),
        (1, 1, 1)
    );

    // An error returned with `?` after the first query: released at 100 ms.
    let pool = Pool::new(1);
    let (result, took) = measure(guard::report(&pool, "nope")).await;
    assert_eq!(result, Err(QueryError::NoSuchTable("nope".into())));
    assert_exact(took, ms(100));
    assert_eq!(
        (pool.acquired(), pool.released(), pool.available()),
        (1, 1, 1)
    );
    assert_eq!(
        pool.events().last().unwrap(),
        &(ms(100), "conn 1 released".to_string())
    );

    // Cancelled mid-use: a 150 ms timeout drops the future during the second
    // query, and the connection is released at that very moment.
    let pool = Pool::new(1);
    let (result, took) =
        measure(tokio::time::timeout(ms(150), guard::report(&pool, "users")))
            .await;
    assert!(result.is_err(), "the timeout fired");
    assert_exact(took, ms(150));
    assert_eq!(
        (pool.acquired(), pool.released(), pool.available()),
        (1, 1, 1)
    );
    assert_eq!(
        pool.events().last().unwrap(),
        &(ms(150), "conn 1 released".to_string())
    );
}
