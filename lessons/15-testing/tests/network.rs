//! The same service over real HTTP: a server on 127.0.0.1, port 0, called
//! with reqwest. Real sockets, so the real clock: no `start_paused` here
//! (auto-advance would fire timers while a request is on the wire).

use lesson_15_testing::fixtures::TestApp;
use lesson_15_testing::service::{ErrorBody, app};
use lesson_15_testing::users::{InMemoryUsers, User};
use reqwest::StatusCode;

/// The fixture: a server with two users, Ada (active) and Bob (inactive).
async fn spawn_app() -> TestApp {
    let users = [User::new(1, "Ada", true), User::new(2, "Bob", false)];
    let backend = InMemoryUsers::new(users, std::time::Duration::ZERO);
    TestApp::spawn(app(backend))
        .await
        .expect("the server starts")
}

// ANCHOR: network
#[tokio::test]
async fn over_http_a_user_is_200_and_a_stranger_404() {
    let server = spawn_app().await;

    let response = server.client.get(server.url("/users/1")).send().await;
    let response = response.expect("the server answers");
    assert_eq!(response.status(), StatusCode::OK);
    let user: User = response.json().await.expect("a user as JSON");
    assert_eq!(user.email, "ada@example.org");

    let response = server.client.get(server.url("/users/3")).send().await;
    let response = response.expect("the server answers");
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let error: ErrorBody = response.json().await.expect("an error as JSON");
    assert_eq!(error.error, "no user 3");

    server.stop().await.expect("a clean stop");
}
// ANCHOR_END: network

#[tokio::test]
async fn two_fixtures_get_two_ports() {
    let (a, b) = tokio::join!(spawn_app(), spawn_app());
    assert_ne!(a.addr.port(), b.addr.port());
    for server in [&a, &b] {
        let response = server.client.get(server.url("/users/2")).send().await;
        assert_eq!(response.unwrap().status(), StatusCode::OK);
    }
}

#[tokio::test]
async fn dropping_the_fixture_stops_the_server() {
    let server = spawn_app().await;
    let addr = server.addr;
    drop(server);
    // Drop aborts the server task; the runtime drops it (and its listener)
    // the next time it gets to it. Then connecting is refused. Up to 2 s
    // of tries, so a busy machine cannot make this flaky.
    let mut refused = false;
    for _ in 0..200 {
        if tokio::net::TcpStream::connect(addr).await.is_err() {
            refused = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    assert!(
        refused,
        "the server still accepts after the fixture dropped"
    );
}
