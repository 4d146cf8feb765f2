//! Lesson 07's claims about elapsed time, on the real clock: real sockets
//! to the in-process test server, delays scaled down to tens of ms.
//!
//! Each claim is proven twice: by the server's counts of requests and
//! connections (exact), and by the clock — after warming the client's pool
//! where concurrency is timed, so the time is the requests', not the
//! handshakes' — with a strict lower bound and the course's one stated
//! margin above (`kit::timing::realtime_upper_bound`). Each builds its own
//! runtime, as the test server's do, and holds `realtime_shared`: they
//! only wait, each on servers of its own, so they run side by side.
//!
//! (Not tokio's paused clock: with real sockets it may jump to the server's
//! next timer while a request is still in the kernel, and time goes wrong.)

use std::future::Future;

use kit::timing::{
    assert_realtime, assert_realtime_between, measure, ms, realtime_shared,
    realtime_upper_bound,
};
use lesson_07_http::{retry, speed};
use reqwest::Client;
use test_server::TestServer;

/// Runs `test` on a fresh single-threaded runtime, beside other waiters.
fn realtime<F: Future<Output = ()>>(test: F) {
    let _guard = realtime_shared();
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("cannot build a tokio runtime")
        .block_on(test);
}

/// Opens `n` connections to `server` in `client`'s pool, so that the timed
/// part measures concurrency, not TCP handshakes on a busy debug build.
async fn warm(client: &Client, server: &TestServer, n: usize) {
    let urls: Vec<String> = (0..n).map(|_| server.url("/json")).collect();
    speed::fetch_concurrently(client, &urls).await.unwrap();
    server.reset_max_in_flight(); // count only what comes next
}

fn delays(server: &TestServer, delays_ms: &[u64]) -> Vec<String> {
    delays_ms
        .iter()
        .map(|d| server.url(&format!("/delay/{d}")))
        .collect()
}

// claim: http/three-urls
#[test]
fn claim_http_three_urls() {
    // The Python tutorials' 1, 2 and 1 s, scaled to 100, 200 and 100 ms.
    realtime(async {
        let client = Client::new();
        let server = TestServer::start().await.unwrap();
        warm(&client, &server, 3).await;
        let urls = delays(&server, &[100, 200, 100]);
        let (statuses, took) =
            measure(speed::fetch_concurrently(&client, &urls)).await;
        assert_eq!(statuses.unwrap(), [200, 200, 200]);
        assert_eq!(server.max_in_flight(), 3, "all three at once");
        println!("three URLs concurrently: {took:?}");
        assert_realtime(took, ms(200)); // about 2, not 4

        let server = TestServer::start().await.unwrap();
        warm(&client, &server, 1).await;
        let urls = delays(&server, &[100, 200, 100]);
        let (_, took) =
            measure(speed::fetch_sequentially(&client, &urls)).await;
        assert_eq!(server.max_in_flight(), 1);
        println!("three URLs one after another: {took:?}");
        assert_realtime(took, ms(400)); // one after another: the sum
    });
}

// claim: http/ten-requests
#[test]
fn claim_http_ten_requests() {
    realtime(async {
        let client = Client::new();
        let delay = 100;

        let server = TestServer::start().await.unwrap();
        warm(&client, &server, 1).await;
        let urls = delays(&server, &[delay; 10]);
        let (_, sequential) =
            measure(speed::fetch_sequentially(&client, &urls)).await;
        assert_eq!(server.max_in_flight(), 1);
        println!("ten sequential: {sequential:?}");
        assert_realtime(sequential, ms(10 * delay));

        let server = TestServer::start().await.unwrap();
        warm(&client, &server, 10).await;
        let urls = delays(&server, &[delay; 10]);
        let (_, concurrent) =
            measure(speed::fetch_concurrently(&client, &urls)).await;
        assert_eq!(server.max_in_flight(), 10);
        println!("ten concurrent: {concurrent:?}");
        assert_realtime(concurrent, ms(delay));

        let server = TestServer::start().await.unwrap();
        warm(&client, &server, 10).await;
        let urls = delays(&server, &[delay; 10]);
        let (results, capped) =
            measure(lesson_07_http::cap::fetch_capped(&client, &urls, 5)).await;
        assert!(results.iter().all(|r| matches!(r, Ok(200))));
        assert_eq!(server.max_in_flight(), 5);
        println!("ten capped at 5: {capped:?}");
        assert_realtime(capped, ms(2 * delay)); // two waves of five
    });
}

// claim: http/fifty-like-one
#[test]
fn claim_http_fifty_like_one() {
    realtime(async {
        let client = Client::new();
        let server = TestServer::start().await.unwrap();
        warm(&client, &server, 50).await;
        let urls = delays(&server, &[100; 50]);
        let (statuses, took) =
            measure(speed::fetch_concurrently(&client, &urls)).await;
        assert_eq!(statuses.unwrap(), [200; 50]);
        assert_eq!(server.max_in_flight(), 50);
        println!("fifty concurrent: {took:?}");
        assert_realtime(took, ms(100)); // one request's time, not 50 × 100
    });
}

// claim: http/retry-503
#[test]
fn claim_http_retry_503() {
    // /flaky answers 503 twice, then 200. Real sockets, so the real clock:
    // the backoff's sleeps are never shorter than asked, hence a strict
    // lower bound, and the margin above covers a busy machine.
    realtime(async {
        let server = TestServer::start().await.unwrap();
        let client = Client::new();
        let url = server.url("/flaky?key=claim&fail=2");
        let base = ms(100);
        let (answer, took) =
            measure(retry::get_json_with_retries(&client, &url, 5, base)).await;
        let (json, tries) = answer.unwrap();
        assert_eq!(tries, 3, "two 503s retried, the third try answers");
        assert_eq!(json["attempt"], 3, "the server's own count of the tries");
        assert_eq!(server.requests(), 3);
        assert_eq!(server.connections(), 1, "the 503s' bodies were read");
        // Two waits: the first 50 to 100 ms, the second 100 to 200 ms
        // (equal jitter takes off up to half of 100, then of 200 ms).
        println!("retried twice: {took:?}");
        assert_realtime_between(took, ms(150), realtime_upper_bound(ms(300)));
    });
}
