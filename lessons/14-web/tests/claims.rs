//! Lesson 14's behaviour claims, over real HTTP on 127.0.0.1. The timing
//! claims are in `realtime.rs`.

use crate::common::{Options, TestApp};
use axum::extract::Query;
use lesson_14_web::paging::Paging;
use reqwest::StatusCode;
use serde_json::{Value, json};

/// The status and the JSON body of a response.
async fn answer(response: reqwest::Response) -> (StatusCode, Value) {
    let status = response.status();
    (status, response.json().await.expect("a JSON body"))
}

// claim: web/missing-user-is-404
#[tokio::test]
async fn claim_web_missing_user_is_404() {
    let app = TestApp::start(Options::default()).await;
    let (status, ann) =
        answer(app.signup("Ann", "ann@example.com").await).await;
    assert_eq!(status, StatusCode::CREATED);
    let id = ann["id"].as_i64().unwrap();

    let found = app
        .http
        .get(app.url(&format!("/users/{id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(answer(found).await, (StatusCode::OK, ann));

    // The FastAPI version answers 200 {"error": ...}; this says 404.
    let missing = app.http.get(app.url("/users/4242")).send().await.unwrap();
    assert_eq!(
        answer(missing).await,
        (
            StatusCode::NOT_FOUND,
            json!({"error": "no user with id 4242"})
        )
    );
    // So a client's `error_for_status` notices, with no body parsing.
    let missing = app.http.get(app.url("/users/4242")).send().await.unwrap();
    assert!(missing.error_for_status().is_err());
    // An unknown route is a JSON 404 too.
    let nowhere = app.http.get(app.url("/nowhere")).send().await.unwrap();
    assert_eq!(answer(nowhere).await.0, StatusCode::NOT_FOUND);
    app.stop().await;
}

// claim: web/bad-input-is-400
#[tokio::test]
async fn claim_web_bad_input_is_400() {
    let app = TestApp::start(Options::default()).await;
    let cases = [
        (
            json!({"name": "Ann", "email": "ann.example.com"}),
            "`ann.example.com` is not an email address",
        ),
        (
            json!({"name": "  ", "email": "ann@example.com"}),
            "name must be 1 to 50 characters",
        ),
        (
            json!({"name": "x".repeat(51), "email": "ann@example.com"}),
            "name must be 1 to 50 characters",
        ),
        (json!({"email": "ann@example.com"}), "missing field `name`"),
        (
            json!({"name": 7, "email": "ann@example.com"}),
            "invalid type: integer `7`",
        ),
    ];
    for (body, says) in cases {
        let response = app
            .http
            .post(app.url("/signup"))
            .json(&body)
            .send()
            .await
            .unwrap();
        let (status, error) = answer(response).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
        let message = error["error"].as_str().unwrap();
        assert!(message.contains(says), "{body}: {message}");
    }
    // Not JSON at all, and a path id that is not a number.
    let response = app
        .http
        .post(app.url("/signup"))
        .header("content-type", "application/json")
        .body("{name")
        .send()
        .await
        .unwrap();
    assert_eq!(answer(response).await.0, StatusCode::BAD_REQUEST);
    let response = app.http.get(app.url("/users/abc")).send().await.unwrap();
    assert_eq!(
        answer(response).await,
        (
            StatusCode::BAD_REQUEST,
            json!({"error": "Invalid URL: Cannot parse `abc` to a `i64`"})
        )
    );
    // Nothing bad was stored, and no mail was started for it.
    let users = app.http.get(app.url("/users")).send().await.unwrap();
    assert_eq!(answer(users).await, (StatusCode::OK, json!([])));
    assert_eq!(
        app.state.mailer.sending() + app.state.mailer.sent().len(),
        0
    );
    app.stop().await;
}

// claim: web/created-says-where
#[tokio::test]
async fn claim_web_created_says_where() {
    let app = TestApp::start(Options::default()).await;
    let created = app.signup("Ann", "ann@example.com").await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let location = created.headers()[reqwest::header::LOCATION]
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(location, "/users/1");
    let (_, ann) = answer(created).await;
    // The header is a link the client can follow as it is.
    let found = app.http.get(app.url(&location)).send().await.unwrap();
    assert_eq!(answer(found).await, (StatusCode::OK, ann));
    app.stop().await;
}

/// The names on one page of `GET /users` + `query`.
async fn names(app: &TestApp, query: &str) -> Vec<String> {
    let response = app.http.get(app.url(&format!("/users{query}")));
    let (status, users) = answer(response.send().await.unwrap()).await;
    assert_eq!(status, StatusCode::OK, "{query}");
    let users = users.as_array().unwrap().iter();
    users
        .map(|u| u["name"].as_str().unwrap().to_owned())
        .collect()
}

// claim: web/query-string
#[tokio::test]
async fn claim_web_query_string() {
    let app = TestApp::start(Options::default()).await;
    for name in ["A", "B", "C", "D", "E"] {
        let email = format!("{}@example.com", name.to_lowercase());
        assert_eq!(app.signup(name, &email).await.status(), 201);
    }
    assert_eq!(names(&app, "?page=2&per_page=2").await, ["C", "D"]);
    assert_eq!(names(&app, "?page=3&per_page=2").await, ["E"]);
    assert!(names(&app, "?page=4&per_page=2").await.is_empty());
    // Left out: page 1, 20 a page; an unknown parameter is ignored.
    assert_eq!(names(&app, "?per_page=2").await, ["A", "B"]);
    assert_eq!(names(&app, "?page=1&sort=name").await.len(), 5);
    assert_eq!(names(&app, "").await.len(), 5);
    let left_out = Query::<Paging>::try_from_uri(&"/users".parse().unwrap());
    let Query(paging) = left_out.unwrap();
    assert_eq!((paging.page.get(), paging.per_page.get()), (1, 20));
    // Asking for 500 a page gets 100.
    let big = Query::<Paging>::try_from_uri(&"/?per_page=500".parse().unwrap());
    assert_eq!(big.unwrap().0.limit(), 100);

    // Bad values: a 400 naming the parameter, in JSON.
    for (query, says) in [
        ("?page=two", "page: invalid digit found in string"),
        (
            "?page=0",
            "page: invalid value: integer `0`, expected a nonzero u32",
        ),
        ("?per_page=-1", "per_page: invalid digit found in string"),
    ] {
        let response = app.http.get(app.url(&format!("/users{query}")));
        let (status, body) = answer(response.send().await.unwrap()).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{query}");
        let expected = format!("Failed to deserialize query string: {says}");
        assert_eq!(body, json!({ "error": expected }), "{query}");
    }
    app.stop().await;
}

// Without `Result<Query<_>, QueryRejection>`, axum answers on its own: a
// 400 in plain text. Called in-process, without a socket.
#[tokio::test]
async fn a_plain_query_extractor_rejects_in_plain_text() {
    use axum::body::{Body, to_bytes};
    use axum::http::Request;
    use tower::ServiceExt;
    let router = axum::Router::new().route(
        "/users",
        axum::routing::get(|Query(paging): Query<Paging>| async move {
            format!("page {}", paging.page)
        }),
    );
    let request = |uri: &str| Request::get(uri).body(Body::empty()).unwrap();
    let ok = router
        .clone()
        .oneshot(request("/users?page=2"))
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
    let bad = router.oneshot(request("/users?page=two")).await.unwrap();
    assert_eq!(bad.status(), 400);
    assert_eq!(bad.headers()["content-type"], "text/plain; charset=utf-8");
    let text = to_bytes(bad.into_body(), 1024).await.unwrap();
    assert_eq!(
        text,
        "Failed to deserialize query string: page: invalid digit found in \
         string"
    );
}

#[tokio::test]
async fn a_taken_email_is_409_and_users_are_listed_in_order() {
    let app = TestApp::start(Options::default()).await;
    assert_eq!(
        app.signup("Ann", "ann@example.com").await.status(),
        StatusCode::CREATED
    );
    assert_eq!(
        app.signup("Bob", "bob@example.com").await.status(),
        StatusCode::CREATED
    );
    let (status, body) =
        answer(app.signup("Ann 2", "ann@example.com").await).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        body,
        json!({"error": "ann@example.com is already signed up"})
    );
    let users = app.http.get(app.url("/users")).send().await.unwrap();
    let (_, users) = answer(users).await;
    let names: Vec<_> = users
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["name"].clone())
        .collect();
    assert_eq!(names, [json!("Ann"), json!("Bob")]);
    assert_eq!(app.stop().await, lesson_14_web::Stopped::Clean);
}

#[tokio::test]
async fn the_command_line_rejects_bad_input_without_a_panic() {
    use std::process::Command;
    let bin = env!("CARGO_BIN_EXE_lesson-14-web");
    let out = Command::new(bin).args(["--port", "http"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("invalid value 'http' for '--port <PORT>'"),
        "{err}"
    );

    let out = Command::new(bin)
        .args(["--database-url", "mysql://root@localhost/db"])
        .env_remove("DATABASE_URL")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with(
            "error: unsupported database URL `mysql://root@localhost/db`"
        ),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}
