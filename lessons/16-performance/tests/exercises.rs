//! Exercise tests for lesson 16, written once and run against both the
//! learner's stub (ignored until checked with the runner) and the reference
//! solution. See `kit::exercise_tests!`.

// The counting allocator (`counting/mod.rs`) implements an unsafe trait;
// it only counts and passes every call on to the system allocator.
#![allow(unsafe_code)]

use std::time::Duration;

use kit::timing::{assert_exact, measure, ms};
use test_server::TestServer;
use tokio::time::{Instant, timeout};

mod counting;
use counting::allocated;

/// A plain HTTP/1.1 client for the loopback test server.
fn http1_client() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .http1_only()
        .build()
        .unwrap()
}

/// The most a test waits for an exercise before calling it hung.
const PATIENCE: Duration = Duration::from_secs(10);

kit::exercise_tests! {
    lesson: lesson_16_performance, exercise: small_task, id: "16-small-task";

    #[tokio::test(start_paused = true)]
    async fn returns_the_greetings_checksum_after_the_wait() {
        let expected = subject::checksum(&subject::greeting(7));
        let (got, took) = measure(subject::session(7, ms(300))).await;
        assert_eq!(got, expected, "not the checksum of greeting(7)");
        assert_exact(took, ms(300));
    }

    #[test]
    fn the_future_is_at_most_256_bytes() {
        // A small future only counts if it does the job: run it first.
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .start_paused(true)
            .build()
            .unwrap();
        let got = runtime.block_on(subject::session(1, ms(10)));
        assert_eq!(got, subject::checksum(&subject::greeting(1)), "wrong checksum");
        let size = size_of_val(&subject::session(1, ms(10)));
        assert!(
            size <= 256,
            "the session future is {size} bytes: something big is held \
             across the .await"
        );
    }

    #[test]
    fn a_spawned_session_allocates_at_most_512_bytes() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .start_paused(true)
            .build()
            .unwrap();
        let _inside = runtime.enter();
        let n = 100;
        let mut handles = Vec::with_capacity(n);
        let before = allocated();
        for id in 0..n as u32 {
            handles.push(tokio::spawn(subject::session(id, ms(50))));
        }
        // Let every session run to its wait, as idle users would: the
        // paused clock moves on only once every task is idle.
        runtime.block_on(tokio::time::sleep(ms(1)));
        let per_task = (allocated() - before) / n;
        assert!(
            per_task <= 512,
            "each session allocated {per_task} bytes: the greeting is \
             still kept (on the heap?) while it waits"
        );
        runtime.block_on(async {
            for (id, handle) in handles.into_iter().enumerate() {
                let sum = handle.await.unwrap();
                let text = subject::greeting(id as u32);
                assert_eq!(sum, subject::checksum(&text));
            }
        });
    }
}

kit::exercise_tests! {
    lesson: lesson_16_performance, exercise: capped_fanout, id: "16-capped-fanout";

    #[tokio::test]
    async fn thirty_requests_under_a_cap_of_five() {
        let server = TestServer::start().await.unwrap();
        let client = http1_client();
        let url = server.url("/delay/50");
        let start = Instant::now();
        let fetch = subject::fetch_capped(&client, &url, 30, 5);
        let got = timeout(PATIENCE, fetch)
            .await
            .expect("fetch_capped did not finish in 10 s")
            .expect("every request answers 200");
        let took = start.elapsed();
        assert_eq!(got, 30, "30 requests answered 200");
        assert_eq!(server.requests(), 30, "the server saw 30 requests");
        // 5 at a time: 6 rounds of 50 ms at the very least.
        assert!(
            took >= ms(300),
            "took {took:?}: more than 5 requests were in flight at once"
        );
        assert!(
            server.connections() >= 5,
            "only {} connections: the cap of 5 was not used",
            server.connections()
        );
    }

    #[tokio::test]
    async fn a_500_answer_is_an_error() {
        let server = TestServer::start().await.unwrap();
        let client = http1_client();
        let url = server.url("/status/500");
        let fetch = subject::fetch_capped(&client, &url, 3, 2);
        let got = timeout(PATIENCE, fetch)
            .await
            .expect("fetch_capped did not finish in 10 s");
        assert!(got.is_err(), "a 500 answer must be an error, got {got:?}");
    }
}

kit::exercise_tests! {
    lesson: lesson_16_performance, exercise: where_time_goes, id: "16-where-time-goes";

    #[tokio::test]
    async fn splits_waiting_from_being_served() {
        let server = TestServer::start().await.unwrap();
        let client = http1_client();
        let url = server.url("/delay/50");
        let run = subject::where_time_goes(&client, &url, 20, 4);
        let got = timeout(PATIENCE, run)
            .await
            .expect("where_time_goes did not finish in 10 s")
            .expect("every request answers 200");
        assert_eq!(got.requests, 20);
        assert!(
            got.min_served >= ms(50),
            "min_served {:?}: the server takes 50 ms per request",
            got.min_served
        );
        assert!(
            got.max_waited >= ms(200),
            "max_waited {:?}: the last 4 of 20 wait at least 4 rounds",
            got.max_waited
        );
        assert!(
            got.total_served >= ms(1000),
            "total_served {:?}: 20 requests of at least 50 ms each",
            got.total_served
        );
        assert!(
            got.total_served <= got.wall * 4,
            "total_served {:?} > 4 × wall {:?}: served times include \
             the wait for a slot",
            got.total_served,
            got.wall
        );
    }

    #[tokio::test]
    async fn a_500_answer_is_an_error() {
        let server = TestServer::start().await.unwrap();
        let client = http1_client();
        let url = server.url("/status/500");
        let run = subject::where_time_goes(&client, &url, 3, 2);
        let got = timeout(PATIENCE, run)
            .await
            .expect("where_time_goes did not finish in 10 s");
        assert!(got.is_err(), "a 500 answer must be an error, got {got:?}");
    }
}
