//! The demos behave as the chapter says, beyond its claims: connections
//! per client, JSON in and out, each kind of error, the pool settings,
//! retries, streaming. Counts only; no clock.

use kit::timing::ms;
use lesson_07_http::errors::{self, Failure, classify};
use lesson_07_http::json::{self, Order, User};
use lesson_07_http::{client, pool, retry, stream};
use reqwest::{Client, StatusCode};
use test_server::TestServer;

fn urls(server: &TestServer, path: &str, n: usize) -> Vec<String> {
    (0..n).map(|_| server.url(path)).collect()
}

#[tokio::test]
async fn one_shared_client_reuses_its_connection() {
    let server = TestServer::start().await.unwrap();
    let bodies = client::fetch_all_shared(&urls(&server, "/json", 10))
        .await
        .unwrap();
    assert_eq!(bodies.len(), 10);
    assert_eq!(server.connections(), 1);
}

#[tokio::test]
async fn a_client_per_request_opens_a_connection_each() {
    let server = TestServer::start().await.unwrap();
    client::fetch_all_fresh(&urls(&server, "/json", 10))
        .await
        .unwrap();
    assert_eq!(server.connections(), 10);
}

#[tokio::test]
async fn get_json_and_post_json() {
    let server = TestServer::start().await.unwrap();
    let client = Client::new();
    let user = json::get_user(&client, &server.base_url(), "ada")
        .await
        .unwrap();
    assert_eq!(
        user,
        User {
            name: "ada".into(),
            id: 943_263_163,
            greeting: "hello, ada".into()
        }
    );
    let text = json::get_text(&client, &server.url("/users/ada"))
        .await
        .unwrap();
    assert!(text.contains("\"greeting\":\"hello, ada\""), "{text}");
    let order = Order {
        item: "crab".into(),
        quantity: 3,
    };
    let echoed = json::post_order(&client, &server.base_url(), &order)
        .await
        .unwrap();
    assert_eq!(echoed, order);
}

#[tokio::test]
async fn every_kind_of_failure_is_told_apart() {
    let server = TestServer::start().await.unwrap();
    let client = Client::new();
    let slow = server.url("/delay/2000");
    let err = errors::get_within(&client, &slow, ms(50))
        .await
        .unwrap_err();
    assert_eq!(classify(&err), Failure::Timeout);

    let unavailable = server.url("/status/503");
    let err = errors::get_within(&client, &unavailable, ms(5000))
        .await
        .unwrap_err();
    assert_eq!(classify(&err), Failure::Status(503));
    assert_eq!(err.status(), Some(StatusCode::SERVICE_UNAVAILABLE));

    let nobody = errors::closed_port_url().await.unwrap();
    let err = client.get(&nobody).send().await.unwrap_err();
    assert_eq!(classify(&err), Failure::Connect);

    let not_json = server.url("/bytes/3");
    let err = client
        .get(&not_json)
        .send()
        .await
        .unwrap()
        .json::<User>()
        .await
        .unwrap_err();
    assert_eq!(classify(&err), Failure::Decode);

    // The client-wide timeout applies to every request.
    let impatient = errors::client_with_timeouts(ms(50), ms(50)).unwrap();
    let err = impatient.get(&slow).send().await.unwrap_err();
    assert_eq!(classify(&err), Failure::Timeout);
}

#[tokio::test]
async fn without_error_for_status_a_500_is_a_success() {
    let server = TestServer::start().await.unwrap();
    let status = errors::status_of(&Client::new(), &server.url("/status/500"))
        .await
        .unwrap();
    assert_eq!(status, 500);
}

#[tokio::test]
async fn a_pool_that_keeps_no_idle_connection_reconnects_every_time() {
    let server = TestServer::start().await.unwrap();
    let client = pool::client_with_small_pool(0).unwrap();
    for _ in 0..5 {
        client.get(server.url("/json")).send().await.unwrap();
    }
    assert_eq!(server.connections(), 5);
}

#[tokio::test]
async fn a_large_body_streams_in_small_chunks() {
    let server = TestServer::start().await.unwrap();
    let size = test_server::MAX_BYTES;
    let url = server.url(&format!("/bytes/{size}"));
    let seen = stream::download_streamed(&Client::new(), &url)
        .await
        .unwrap();
    assert_eq!(seen.bytes, size as u64);
    assert!(seen.pattern_ok);
    assert!(seen.chunks > 1);
    assert!(
        seen.largest_chunk < size / 10,
        "largest chunk {} bytes",
        seen.largest_chunk
    );
}

#[tokio::test]
async fn retries_until_flaky_answers_but_not_a_404() {
    let server = TestServer::start().await.unwrap();
    let client = Client::new();
    let url = server.url("/flaky?key=demo&fail=2");
    let (json, tries) = retry::get_json_with_retries(&client, &url, 5, ms(5))
        .await
        .unwrap();
    assert_eq!((json["attempt"].as_u64(), tries), (Some(3), 3));

    let url = server.url("/status/404");
    let err = retry::get_json_with_retries(&client, &url, 5, ms(5))
        .await
        .unwrap_err();
    assert!(!retry::is_retryable(&err));
    assert_eq!(server.requests(), 4, "three for flaky, one for the 404");

    let url = server.url("/flaky?key=always&fail=100");
    let err = retry::get_json_with_retries(&client, &url, 3, ms(5))
        .await
        .unwrap_err();
    assert!(retry::is_retryable(&err));
    assert_eq!(server.requests(), 7, "three more tries, then it gave up");
}

#[test]
fn backoff_doubles_and_jitters_within_bounds() {
    for retry_number in 0..8 {
        let full = (ms(10) * 2_u32.pow(retry_number)).min(ms(500));
        for _ in 0..50 {
            let wait = retry::backoff(retry_number, ms(10), ms(500));
            assert!(wait >= full / 2 && wait <= full, "{wait:?} vs {full:?}");
        }
    }
}
