//! Each route's answers, good input and bad, over HTTP/1.1.
//!
//! Every test starts its own server, so state such as `/flaky`'s counters
//! never leaks between tests running in parallel.

use reqwest::StatusCode;
use reqwest::header::CONTENT_TYPE;
use serde_json::{Value, json};
use test_server::{MAX_BYTES, TestServer};

/// GETs `path` and returns the status and the body parsed as JSON.
async fn get_json(server: &TestServer, path: &str) -> (StatusCode, Value) {
    let response = reqwest::get(server.url(path))
        .await
        .expect("request failed");
    let status = response.status();
    let body = response.json().await.expect("body is not JSON");
    (status, body)
}

/// Asserts a JSON error answer: the status, and an `error` message that
/// mentions `needle`.
#[track_caller]
fn assert_error(got: (StatusCode, Value), status: StatusCode, needle: &str) {
    let (got_status, body) = got;
    assert_eq!(got_status, status, "body: {body}");
    assert_eq!(body["status"], status.as_u16(), "body: {body}");
    let message = body["error"].as_str().expect("no error message");
    assert!(
        message.contains(needle),
        "{message:?} should mention {needle:?}"
    );
}

#[tokio::test]
async fn delay_zero_answers_at_once() {
    let server = TestServer::start().await.unwrap();
    let (status, body) = get_json(&server, "/delay/0").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, json!({ "delay_ms": 0 }));
}

#[tokio::test]
async fn delay_rejects_more_than_a_minute() {
    let server = TestServer::start().await.unwrap();
    assert_error(
        get_json(&server, "/delay/60001").await,
        StatusCode::BAD_REQUEST,
        "60000",
    );
}

#[tokio::test]
async fn delay_rejects_what_is_not_a_number() {
    let server = TestServer::start().await.unwrap();
    for bad in ["abc", "-5", "1.5", "99999999999999999999999"] {
        assert_error(
            get_json(&server, &format!("/delay/{bad}")).await,
            StatusCode::BAD_REQUEST,
            "whole number",
        );
    }
}

#[tokio::test]
async fn status_answers_with_the_code_asked_for() {
    let server = TestServer::start().await.unwrap();
    for code in [200_u16, 201, 400, 404, 418, 429, 500, 503, 599, 999] {
        let (status, body) = get_json(&server, &format!("/status/{code}")).await;
        assert_eq!(status.as_u16(), code);
        assert_eq!(body, json!({ "status": code }));
    }
}

#[tokio::test]
async fn status_204_and_304_have_no_body() {
    let server = TestServer::start().await.unwrap();
    for code in [204_u16, 304] {
        let response = reqwest::get(server.url(&format!("/status/{code}")))
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), code);
        assert!(response.bytes().await.unwrap().is_empty());
    }
}

#[tokio::test]
async fn status_rejects_invalid_codes() {
    let server = TestServer::start().await.unwrap();
    for bad in ["0", "99", "100", "199", "1000", "65536"] {
        assert_error(
            get_json(&server, &format!("/status/{bad}")).await,
            StatusCode::BAD_REQUEST,
            "status code",
        );
    }
    assert_error(
        get_json(&server, "/status/teapot").await,
        StatusCode::BAD_REQUEST,
        "whole number",
    );
}

#[tokio::test]
async fn json_is_a_fixed_document() {
    let server = TestServer::start().await.unwrap();
    let response = reqwest::get(server.url("/json")).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[CONTENT_TYPE], "application/json");
    let first: Value = response.json().await.unwrap();
    assert_eq!(first["course"]["title"], "Async I/O in Rust");
    assert_eq!(first["course"]["lessons"].as_array().unwrap().len(), 4);
    let (_, second) = get_json(&server, "/json").await;
    assert_eq!(first, second);
}

#[tokio::test]
async fn post_echoes_the_json_body() {
    let server = TestServer::start().await.unwrap();
    let sent = json!({ "name": "ferris", "tags": ["crab", 1, null], "nested": { "ok": true } });
    let response = reqwest::Client::new()
        .post(server.url("/post"))
        .json(&sent)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body, json!({ "json": sent }));
}

#[tokio::test]
async fn post_rejects_invalid_json() {
    let server = TestServer::start().await.unwrap();
    for bad in ["{not json", "", "[1, 2"] {
        let response = reqwest::Client::new()
            .post(server.url("/post"))
            .header(CONTENT_TYPE, "application/json")
            .body(bad)
            .send()
            .await
            .unwrap();
        let status = response.status();
        assert_error(
            (status, response.json().await.unwrap()),
            StatusCode::BAD_REQUEST,
            "not valid JSON",
        );
    }
}

#[tokio::test]
async fn post_route_refuses_get_with_json_405() {
    let server = TestServer::start().await.unwrap();
    assert_error(
        get_json(&server, "/post").await,
        StatusCode::METHOD_NOT_ALLOWED,
        "/post",
    );
}

#[tokio::test]
async fn users_have_a_stable_id_and_a_greeting() {
    let server = TestServer::start().await.unwrap();
    let (status, alice) = get_json(&server, "/users/alice").await;
    assert_eq!(status, StatusCode::OK);
    // FNV-1a of "alice": the same in every run, on every machine.
    assert_eq!(
        alice,
        json!({ "name": "alice", "id": 2_267_157_479_u32, "greeting": "hello, alice" })
    );
    let (_, again) = get_json(&server, "/users/alice").await;
    assert_eq!(again, alice);
    let (_, bob) = get_json(&server, "/users/bob").await;
    assert_eq!(bob["id"], 2_261_164_244_u32);
}

#[tokio::test]
async fn users_names_are_percent_decoded() {
    let server = TestServer::start().await.unwrap();
    let (status, body) = get_json(&server, "/users/ada%20lovelace").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["name"], "ada lovelace");
    assert_eq!(body["greeting"], "hello, ada lovelace");
}

#[tokio::test]
async fn flaky_fails_twice_by_default_then_succeeds() {
    let server = TestServer::start().await.unwrap();
    for attempt in 1..=2 {
        let (status, body) = get_json(&server, "/flaky").await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(body["key"], "default");
        assert_eq!(body["attempt"], attempt);
    }
    for attempt in 3..=4 {
        let (status, body) = get_json(&server, "/flaky").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body, json!({ "key": "default", "attempt": attempt }));
    }
}

#[tokio::test]
async fn flaky_fails_exactly_n_times_per_key() {
    let server = TestServer::start().await.unwrap();
    let mut outcomes = Vec::new();
    for _ in 0..6 {
        let (status, _) = get_json(&server, "/flaky?key=orders&fail=4").await;
        outcomes.push(status.as_u16());
    }
    assert_eq!(outcomes, [503, 503, 503, 503, 200, 200]);
}

#[tokio::test]
async fn flaky_keys_count_independently() {
    let server = TestServer::start().await.unwrap();
    // Interleave two keys: each must see only its own calls.
    let a = "/flaky?key=a&fail=1";
    let b = "/flaky?key=b&fail=3";
    let mut seen = Vec::new();
    for path in [a, b, a, b, b, b, a] {
        let (status, body) = get_json(&server, path).await;
        seen.push((
            body["key"].as_str().unwrap().to_owned(),
            status.as_u16(),
            body["attempt"].as_u64().unwrap(),
        ));
    }
    let expected = [
        ("a", 503, 1),
        ("b", 503, 1),
        ("a", 200, 2),
        ("b", 503, 2),
        ("b", 503, 3),
        ("b", 200, 4),
        ("a", 200, 3),
    ];
    let expected: Vec<_> = expected
        .iter()
        .map(|&(key, status, attempt)| (key.to_owned(), status, attempt))
        .collect();
    assert_eq!(seen, expected);
}

#[tokio::test]
async fn flaky_with_fail_zero_never_fails() {
    let server = TestServer::start().await.unwrap();
    let (status, body) = get_json(&server, "/flaky?key=k&fail=0").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, json!({ "key": "k", "attempt": 1 }));
}

#[tokio::test]
async fn flaky_counts_belong_to_one_server() {
    let first = TestServer::start().await.unwrap();
    let second = TestServer::start().await.unwrap();
    let (status, _) = get_json(&first, "/flaky?key=shared&fail=1").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    // The second server has its own count: its first call fails too.
    let (status, _) = get_json(&second, "/flaky?key=shared&fail=1").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    let (status, _) = get_json(&first, "/flaky?key=shared&fail=1").await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn flaky_rejects_a_bad_fail_count() {
    let server = TestServer::start().await.unwrap();
    assert_error(
        get_json(&server, "/flaky?fail=lots").await,
        StatusCode::BAD_REQUEST,
        "fail",
    );
}

#[tokio::test]
async fn bytes_returns_the_repeating_pattern() {
    let server = TestServer::start().await.unwrap();
    let response = reqwest::get(server.url("/bytes/1000")).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[CONTENT_TYPE], "application/octet-stream");
    let body = response.bytes().await.unwrap();
    assert_eq!(body.len(), 1000);
    assert!(
        body.iter()
            .enumerate()
            .all(|(i, &b)| usize::from(b) == i % 256)
    );
}

#[tokio::test]
async fn bytes_accepts_zero_and_the_cap() {
    let server = TestServer::start().await.unwrap();
    for n in [0, MAX_BYTES] {
        let response = reqwest::get(server.url(&format!("/bytes/{n}")))
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.bytes().await.unwrap().len(), n);
    }
}

#[tokio::test]
async fn bytes_rejects_over_10_mib_and_non_numbers() {
    let server = TestServer::start().await.unwrap();
    assert_error(
        get_json(&server, &format!("/bytes/{}", MAX_BYTES + 1)).await,
        StatusCode::BAD_REQUEST,
        "limit",
    );
    assert_error(
        get_json(&server, "/bytes/many").await,
        StatusCode::BAD_REQUEST,
        "whole number",
    );
}

#[tokio::test]
async fn unknown_paths_are_json_404s() {
    let server = TestServer::start().await.unwrap();
    for path in ["/", "/nope", "/delay", "/users/", "/json/extra"] {
        assert_error(
            get_json(&server, path).await,
            StatusCode::NOT_FOUND,
            "no route",
        );
    }
}

#[tokio::test]
async fn every_request_is_counted() {
    let server = TestServer::start().await.unwrap();
    assert_eq!(server.requests(), 0);
    get_json(&server, "/json").await;
    get_json(&server, "/nope").await;
    get_json(&server, "/status/500").await;
    assert_eq!(server.requests(), 3);
}
