//! The axum handler, tested without a network: the router is a tower
//! `Service`, and `oneshot` sends it one request in memory.

use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode};
use lesson_15_testing::service::{ErrorBody, app};
use lesson_15_testing::users::{ApiError, MockUserClient, User};
use mockall::predicate::eq;
use tower::ServiceExt;

/// Sends `GET path` to the router and returns the status and the body.
async fn get(router: axum::Router, path: &str) -> (StatusCode, Vec<u8>) {
    let request = Request::get(path).body(Body::empty()).unwrap();
    let response = router.oneshot(request).await.unwrap();
    let status = response.status();
    let body = to_bytes(response.into_body(), 64 * 1024).await.unwrap();
    (status, body.to_vec())
}

// ANCHOR: oneshot
#[tokio::test]
async fn a_known_user_is_200_with_its_json() {
    let mut client = MockUserClient::new();
    client
        .expect_get_user()
        .with(eq(7))
        .times(1)
        .returning(|id| {
            Box::pin(async move { Ok(User::new(id, "Ada", true)) })
        });

    let request = Request::get("/users/7").body(Body::empty()).unwrap();
    let response = app(client).oneshot(request).await.unwrap();

    assert_eq!(response.status(), StatusCode::OK);
    let body = to_bytes(response.into_body(), 64 * 1024).await.unwrap();
    let user: User = serde_json::from_slice(&body).unwrap();
    assert_eq!(user, User::new(7, "Ada", true));
}
// ANCHOR_END: oneshot

#[tokio::test]
async fn a_missing_user_is_404_with_an_error_body() {
    let mut client = MockUserClient::new();
    client
        .expect_get_user()
        .returning(|id| Box::pin(async move { Err(ApiError::NotFound(id)) }));
    let (status, body) = get(app(client), "/users/9").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let body: ErrorBody = serde_json::from_slice(&body).unwrap();
    assert_eq!(body.error, "no user 9");
}

#[tokio::test]
async fn an_unavailable_backend_is_503() {
    let mut client = MockUserClient::new();
    client
        .expect_get_user()
        .returning(|_| Box::pin(async { Err(ApiError::Unavailable) }));
    let (status, _) = get(app(client), "/users/1").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
}

#[tokio::test]
async fn a_bad_id_never_reaches_the_client() {
    let mut client = MockUserClient::new();
    client.expect_get_user().never();
    let (status, _) = get(app(client), "/users/abc").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}
