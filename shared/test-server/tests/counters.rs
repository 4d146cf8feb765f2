//! `?delay_ms=` on any route, and the counters a test reads to prove a claim
//! from the server's side: finished vs abandoned requests, requests in
//! flight and the most ever in flight.

use std::time::Duration;

use reqwest::{Client, StatusCode};
use serde_json::{Value, json};
use test_server::TestServer;
use tokio::task::JoinSet;

fn http1_client() -> Client {
    Client::builder().http1_only().build().unwrap()
}

fn http2_client() -> Client {
    Client::builder().http2_prior_knowledge().build().unwrap()
}

/// Polls `condition` every millisecond until it holds; panics after 10 s.
async fn wait_until(what: &str, condition: impl Fn() -> bool) {
    let waited = tokio::time::timeout(Duration::from_secs(10), async {
        while !condition() {
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
    })
    .await;
    assert!(waited.is_ok(), "within 10 s: {what}");
}

#[tokio::test]
async fn delay_ms_works_on_error_statuses_and_keeps_the_answer() {
    let server = TestServer::start().await.unwrap();
    let response = reqwest::get(server.url("/status/500?delay_ms=20"))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(
        response.json::<Value>().await.unwrap(),
        json!({ "status": 500 })
    );
    let response = reqwest::get(server.url("/users/ada?delay_ms=0"))
        .await
        .unwrap();
    assert_eq!(response.json::<Value>().await.unwrap()["name"], "ada");
}

#[tokio::test]
async fn delay_ms_must_be_a_whole_number_within_the_limit() {
    let server = TestServer::start().await.unwrap();
    for (bad, needle) in [("soon", "whole number"), ("60001", "60000")] {
        let url = server.url(&format!("/json?delay_ms={bad}"));
        let response = reqwest::get(url).await.unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        let body: Value = response.json().await.unwrap();
        let message = body["error"].as_str().unwrap();
        assert!(
            message.contains(needle),
            "{message:?} should mention {needle:?}"
        );
    }
    // A refused request still got an answer: finished, not abandoned.
    assert_eq!((server.finished(), server.abandoned()), (2, 0));
}

#[tokio::test]
async fn answered_requests_are_finished_and_none_stay_in_flight() {
    let server = TestServer::start().await.unwrap();
    let client = http1_client();
    for path in ["/json", "/status/503", "/nope", "/delay/1"] {
        client.get(server.url(path)).send().await.unwrap();
    }
    assert_eq!(server.requests(), 4);
    assert_eq!(server.finished(), 4);
    assert_eq!(server.abandoned(), 0);
    assert_eq!(server.in_flight(), 0);
    assert_eq!(server.max_in_flight(), 1, "one after another");
}

#[tokio::test]
async fn max_in_flight_counts_concurrent_requests() {
    let server = TestServer::start().await.unwrap();
    let client = http1_client();
    let mut requests = JoinSet::new();
    for _ in 0..7 {
        // Long enough that all seven are in flight together.
        let request = client.get(server.url("/json?delay_ms=5000")).send();
        requests.spawn(request);
    }
    wait_until("7 requests in flight", || server.in_flight() == 7).await;
    assert_eq!(server.max_in_flight(), 7);
    drop(requests);
    wait_until("all 7 abandoned", || server.abandoned() == 7).await;
    assert_eq!(server.in_flight(), 0);
    // The peak is kept after the requests are gone...
    client.get(server.url("/json")).send().await.unwrap();
    assert_eq!(server.max_in_flight(), 7);
    // ...until a test starts a new count.
    server.reset_max_in_flight();
    assert_eq!(server.max_in_flight(), 0);
    client.get(server.url("/json")).send().await.unwrap();
    assert_eq!(server.max_in_flight(), 1);
}

/// Sends `GET path` from a task, waits until the server is working on it,
/// then aborts the task (dropping the request) and waits for the server to
/// count it abandoned.
///
/// Waiting for the request to be in flight first matters: a client that
/// gave up before its request even arrived (building a `Client` takes a
/// while in a debug build) would leave nothing for the server to abandon.
async fn drop_in_flight(client: Client, path: &str) -> TestServer {
    let server = TestServer::start().await.unwrap();
    let request = client.get(server.url(path)).send();
    let task = tokio::spawn(request);
    wait_until("the request reaches the server", || server.in_flight() == 1).await;
    task.abort();
    wait_until("the server sees the request abandoned", || {
        server.abandoned() == 1
    })
    .await;
    assert!(task.await.unwrap_err().is_cancelled());
    server
}

#[tokio::test]
async fn a_dropped_http1_request_is_abandoned() {
    let server = drop_in_flight(http1_client(), "/delay/10000").await;
    assert_eq!(server.finished(), 0);
    assert_eq!(server.in_flight(), 0);
}

#[tokio::test]
async fn a_dropped_http2_request_is_abandoned() {
    let server = drop_in_flight(http2_client(), "/delay/10000").await;
    assert_eq!(server.finished(), 0);
    assert_eq!(server.in_flight(), 0);
}

#[tokio::test]
async fn a_delay_on_an_error_status_can_be_abandoned_too() {
    let server = drop_in_flight(Client::new(), "/status/500?delay_ms=10000").await;
    assert_eq!(server.finished(), 0);
}

#[tokio::test]
async fn stats_counts_the_open_connections_until_they_close() {
    let server = TestServer::start().await.unwrap();
    let stats = |client: &Client| {
        let url = server.url("/stats");
        let client = client.clone();
        async move {
            let got = client.get(url).send().await.unwrap();
            got.json::<Value>().await.unwrap()["open_connections"].clone()
        }
    };
    // Three clients, each keeping its own connection open.
    let clients = [http1_client(), http1_client(), http1_client()];
    for client in &clients {
        client.get(server.url("/json")).send().await.unwrap();
    }
    let watcher = http2_client();
    assert_eq!(
        stats(&watcher).await,
        json!(4),
        "three clients and the watcher"
    );
    drop(clients);
    let open = || {
        let stats = stats(&watcher);
        async move { stats.await == json!(1) }
    };
    let closed = tokio::time::timeout(Duration::from_secs(10), async {
        while !open().await {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    })
    .await;
    assert!(
        closed.is_ok(),
        "within 10 s only the watcher's connection is open"
    );
}
