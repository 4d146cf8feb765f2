//! Lesson 14's behaviour claims, over real HTTP on 127.0.0.1. The timing
//! claims are in `realtime.rs`.

mod common;

use common::{Options, TestApp};
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

    // The seed's FastAPI answers 200 {"error": ...}; this says 404.
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
