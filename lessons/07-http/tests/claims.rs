//! Lesson 07's claims that a count proves: the test server counts
//! connections, requests in flight and abandoned requests, so these tests
//! need no clock. (The claims about elapsed time, the retry claim's waits
//! among them, are in `realtime.rs`.)

use std::time::Duration;

use lesson_07_http::body_drop::{self, Body};
use lesson_07_http::{blocking, cancel, cap, http2};
use reqwest::{Client, Version};
use test_server::TestServer;

/// Waits until `condition` holds, failing with `what` after 10 s.
async fn wait_until(what: &str, condition: impl Fn() -> bool) {
    let waited = tokio::time::timeout(Duration::from_secs(10), async {
        while !condition() {
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
    })
    .await;
    assert!(waited.is_ok(), "not within 10 s: {what}");
}

fn urls(server: &TestServer, path: &str, n: usize) -> Vec<String> {
    (0..n).map(|_| server.url(path)).collect()
}

// claim: http/http2-one-connection
#[tokio::test]
async fn claim_http_http2_one_connection() {
    // 100 requests at once, each held 500 ms by the server so they overlap
    // even on a busy machine; HTTP/2 and HTTP/1.1 at the same time, each
    // against a server of its own.
    let hundred_at_once = |client: Client| async move {
        let server = TestServer::start().await.unwrap();
        let url = server.url("/delay/500");
        let versions = http2::many_at_once(&client, &url, 100).await.unwrap();
        (server, versions)
    };
    let ((h2, h2_versions), (h1, h1_versions)) = tokio::join!(
        hundred_at_once(http2::http2_client().unwrap()),
        hundred_at_once(http2::http1_client().unwrap()),
    );

    assert!(h2_versions.iter().all(|&v| v == Version::HTTP_2));
    assert_eq!(h2.finished(), 100);
    assert_eq!(h2.connections(), 1, "HTTP/2: one connection for all");
    assert!(
        h2.max_in_flight() > 1,
        "many requests in flight on that one connection, got {}",
        h2.max_in_flight()
    );

    // Over HTTP/1.1: one request per connection at a time.
    assert!(h1_versions.iter().all(|&v| v == Version::HTTP_11));
    assert!(
        h1.connections() > 1,
        "HTTP/1.1 needs a connection per request in flight, got {}",
        h1.connections()
    );
}

// claim: http/cap-holds
#[tokio::test]
async fn claim_http_cap_holds() {
    // 30 requests of 20 ms under a cap of 5, capped both ways.
    for capped in ["buffer_unordered", "semaphore"] {
        let server = TestServer::start().await.unwrap();
        let client = Client::new();
        let urls = urls(&server, "/json?delay_ms=20", 30);
        let results = match capped {
            "buffer_unordered" => cap::fetch_capped(&client, &urls, 5).await,
            _ => cap::fetch_with_semaphore(&client, &urls, 5).await,
        };
        assert_eq!(results.len(), 30);
        assert!(results.iter().all(|r| matches!(r, Ok(200))), "{capped}");
        assert_eq!(server.finished(), 30, "{capped}");
        assert_eq!(server.max_in_flight(), 5, "{capped}: never more than 5");
        // The pool opened no more connections than the cap needed.
        assert!(server.connections() <= 5, "{capped}");
    }
}

// claim: http/cancel-reaches-server
#[tokio::test]
async fn claim_http_cancel_reaches_server() {
    for client in [http2::http1_client(), http2::http2_client()] {
        let client = client.unwrap();
        let server = TestServer::start().await.unwrap();
        // A 10 s answer, given up on as soon as the server is working on it
        // (so the request surely arrived: a count, not a guess of timing).
        let url = server.url("/delay/10000");
        let working = wait_until("the request reaches the server", || {
            server.in_flight() == 1
        });
        let outcome = cancel::get_unless(&client, &url, working).await;
        assert!(outcome.is_none(), "the client gave up");
        wait_until("the server sees the request abandoned", || {
            server.abandoned() == 1
        })
        .await;
        assert_eq!(server.finished(), 0, "it never finished the work");
        assert_eq!(server.in_flight(), 0);
    }
}

// claim: http/blocking-client-in-async
#[tokio::test]
async fn claim_http_blocking_client_in_async() {
    let server = TestServer::start().await.unwrap();
    let url = server.url("/json");
    // The blocking client inside the runtime: tokio's panic.
    let message = blocking::the_panic_message(url.clone())
        .await
        .expect("the blocking call should panic in a debug build");
    assert!(
        message.starts_with(
            "Cannot drop a runtime in a context where blocking is not allowed"
        ),
        "{message}"
    );
    // Nothing reached the server: reqwest's check runs before it sends.
    assert_eq!(server.requests(), 0);
    // Fix 1: on the blocking pool. Fix 2: the async client.
    let status = blocking::blocking_on_the_pool(url.clone()).await.unwrap();
    assert_eq!(status, 200);
    let status = blocking::async_client(&Client::new(), &url).await.unwrap();
    assert_eq!(status, 200);
    assert_eq!(server.finished(), 2);
}

// claim: http/unread-body
#[tokio::test]
async fn claim_http_unread_body() {
    // Three requests in turn on one client; the server counts connections.
    async fn connections_for(path: &str, body: Body) -> u64 {
        let server = TestServer::start().await.unwrap();
        let client = Client::new();
        body_drop::get_in_turn(&client, &server.url(path), 3, body)
            .await
            .unwrap();
        server.connections()
    }
    let large = "/bytes/1048576";
    assert_eq!(connections_for(large, Body::DropUnread).await, 3);
    assert_eq!(connections_for(large, Body::ReadToEnd).await, 1);
    // A 503's few bytes arrived with its headers: hyper had them already.
    assert_eq!(connections_for("/status/503", Body::DropUnread).await, 1);
    assert_eq!(connections_for("/status/503", Body::ReadToEnd).await, 1);
}
