//! HTTP/1.1 and HTTP/2 (h2c, prior knowledge) on the same port, and what
//! each does with connections.

use reqwest::{Client, StatusCode, Version};
use serde_json::Value;
use test_server::TestServer;
use tokio::task::JoinSet;

fn http1_client() -> Client {
    Client::builder().http1_only().build().unwrap()
}

fn http2_client() -> Client {
    Client::builder().http2_prior_knowledge().build().unwrap()
}

#[tokio::test]
async fn http1_works() {
    let server = TestServer::start().await.unwrap();
    let response = http1_client()
        .get(server.url("/json"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.version(), Version::HTTP_11);
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["course"]["title"], "Async I/O in Rust");
}

#[tokio::test]
async fn http2_prior_knowledge_works_on_the_same_port() {
    let server = TestServer::start().await.unwrap();
    let response = http2_client()
        .get(server.url("/json"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.version(), Version::HTTP_2);
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["course"]["title"], "Async I/O in Rust");

    // And an HTTP/1.1 client right after, on the very same port.
    let response = http1_client()
        .get(server.url("/json"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.version(), Version::HTTP_11);
    assert_eq!(server.connections(), 2);
}

#[tokio::test]
async fn http2_carries_posts_and_errors_too() {
    let server = TestServer::start().await.unwrap();
    let client = http2_client();
    let response = client
        .post(server.url("/post"))
        .json(&serde_json::json!({ "n": 1 }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.version(), Version::HTTP_2);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["json"]["n"], 1);

    let response = client.get(server.url("/status/204")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let response = client.get(server.url("/nope")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let response = client
        .get(server.url("/bytes/100000"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.bytes().await.unwrap().len(), 100_000);
    assert_eq!(server.connections(), 1);
}

#[tokio::test]
async fn many_concurrent_http2_requests_share_one_connection() {
    let server = TestServer::start().await.unwrap();
    let client = http2_client();
    let mut requests = JoinSet::new();
    for i in 0..200 {
        let request = client.get(server.url(&format!("/users/user{i}"))).send();
        requests.spawn(async move {
            let response = request.await.unwrap();
            assert_eq!(response.version(), Version::HTTP_2);
            assert_eq!(response.status(), StatusCode::OK);
            let body: Value = response.json().await.unwrap();
            assert_eq!(body["name"], format!("user{i}"));
        });
    }
    while let Some(done) = requests.join_next().await {
        done.unwrap();
    }
    assert_eq!(server.requests(), 200);
    assert_eq!(server.connections(), 1);
}

#[tokio::test]
async fn sequential_http1_requests_reuse_a_kept_alive_connection() {
    let server = TestServer::start().await.unwrap();
    let client = http1_client();
    for _ in 0..5 {
        let response = client.get(server.url("/delay/0")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        // Reading the whole body hands the connection back to the pool.
        response.bytes().await.unwrap();
    }
    assert_eq!(server.connections(), 1);
}
