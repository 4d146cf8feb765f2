//! Claims measured on the real clock: delays really wait, concurrent requests
//! over HTTP/2 really overlap, stop() really lets requests finish.
//!
//! All of them are here, and each holds `realtime_lock` for its whole run,
//! so two timing tests never share the two cores. They are plain `#[test]`s
//! that build their own runtime: the lock is a std mutex, and holding it
//! across an `.await` inside an async test is exactly what
//! `clippy::await_holding_lock` forbids.

use std::future::Future;
use std::io::ErrorKind;

use kit::timing::{assert_realtime_between, measure, ms, realtime_lock, secs};
use reqwest::{Client, StatusCode, Version};
use serde_json::{Value, json};
use test_server::TestServer;
use tokio::net::TcpStream;
use tokio::task::JoinSet;

/// Runs `test` on a fresh runtime while holding the real-time lock.
fn realtime<F: Future<Output = ()>>(test: F) {
    let _guard = realtime_lock();
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("cannot build a tokio runtime")
        .block_on(test);
}

fn http2_client() -> Client {
    Client::builder().http2_prior_knowledge().build().unwrap()
}

/// Polls `condition` every millisecond until it holds; panics after 30 s.
async fn wait_until(condition: impl Fn() -> bool) {
    let deadline = tokio::time::Instant::now() + secs(30);
    while !condition() {
        assert!(
            tokio::time::Instant::now() < deadline,
            "condition not met within 30 s"
        );
        tokio::time::sleep(ms(1)).await;
    }
}

#[test]
fn delay_really_waits() {
    realtime(async {
        let server = TestServer::start().await.unwrap();
        let client = Client::new();
        let (body, took) = measure(async {
            let response = client.get(server.url("/delay/200")).send().await.unwrap();
            assert_eq!(response.status(), StatusCode::OK);
            response.json::<Value>().await.unwrap()
        })
        .await;
        assert_eq!(body, json!({ "delay_ms": 200 }));
        assert_realtime_between(took, ms(200), secs(2));
    });
}

#[test]
fn delay_ms_delays_an_error_status() {
    realtime(async {
        let server = TestServer::start().await.unwrap();
        let client = Client::new();
        let (status, took) = measure(async {
            let url = server.url("/status/500?delay_ms=120");
            client.get(url).send().await.unwrap().status()
        })
        .await;
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        assert_realtime_between(took, ms(120), secs(2));
        // On `/delay/{ms}` the two add up.
        let (_, took) = measure(async {
            let url = server.url("/delay/100?delay_ms=100");
            client.get(url).send().await.unwrap()
        })
        .await;
        assert_realtime_between(took, ms(200), secs(2));
    });
}

#[test]
fn concurrent_delays_over_http2_overlap() {
    realtime(async {
        let server = TestServer::start().await.unwrap();
        let client = http2_client();
        let ((), took) = measure(async {
            let mut requests = JoinSet::new();
            for _ in 0..20 {
                let request = client.get(server.url("/delay/200")).send();
                requests.spawn(async move {
                    let response = request.await.unwrap();
                    assert_eq!(response.version(), Version::HTTP_2);
                    assert_eq!(response.status(), StatusCode::OK);
                });
            }
            while let Some(done) = requests.join_next().await {
                done.unwrap();
            }
        })
        .await;
        // One after another would be 20 × 200 ms = 4 s.
        assert_realtime_between(took, ms(200), ms(1500));
        assert_eq!(server.connections(), 1);
    });
}

#[test]
fn a_thousand_http2_streams_do_not_queue_behind_the_default_limit() {
    realtime(async {
        let server = TestServer::start().await.unwrap();
        let client = http2_client();
        let mut requests = JoinSet::new();
        for _ in 0..1000 {
            // Long enough that none finishes while the others arrive.
            let request = client.get(server.url("/delay/20000")).send();
            requests.spawn(request);
        }
        // With hyper's default of ~200 streams per connection, the server
        // would see 200 requests and the rest would wait 20 s for a slot.
        wait_until(|| server.requests() == 1000).await;
        assert!(
            requests.try_join_next().is_none(),
            "a request finished early"
        );
        assert_eq!(server.connections(), 1);
        // Dropping the requests resets their streams; stop() is then quick.
        drop(requests);
        drop(client);
        tokio::time::timeout(secs(30), server.stop())
            .await
            .expect("stop() waited for cancelled requests");
    });
}

/// Starts `/delay/300` with `client`, calls stop() while it is in flight and
/// checks that the request still gets its answer and stop() waited for it.
async fn stop_waits_for_the_request_in_flight(client: Client, version: Version) {
    let server = TestServer::start().await.unwrap();
    let addr = server.addr();
    let url = server.url("/delay/300");
    let (response, took) = measure(async {
        let request = tokio::spawn(async move {
            let response = client.get(url).send().await.unwrap();
            let version = response.version();
            let status = response.status();
            (version, status, response.json::<Value>().await.unwrap())
        });
        // The request has reached its handler: it is in flight.
        wait_until(|| server.requests() == 1).await;
        server.stop().await;
        request.await.unwrap()
    })
    .await;
    assert_eq!(
        response,
        (version, StatusCode::OK, json!({ "delay_ms": 300 }))
    );
    // stop() returned only after the 300 ms handler had finished.
    assert_realtime_between(took, ms(300), secs(2));
    let err = TcpStream::connect(addr).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ConnectionRefused);
}

#[test]
fn stop_is_graceful_for_http1() {
    realtime(async {
        let client = Client::builder().http1_only().build().unwrap();
        stop_waits_for_the_request_in_flight(client, Version::HTTP_11).await;
    });
}

#[test]
fn stop_is_graceful_for_http2() {
    realtime(async {
        stop_waits_for_the_request_in_flight(http2_client(), Version::HTTP_2).await;
    });
}
