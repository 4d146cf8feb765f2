//! Fixtures for databases: a fresh SQLite database per test, alone or
//! behind the HTTP service. Real files and a real pool, so the real clock
//! (sqlx talks to SQLite on its own threads; a paused clock would let the
//! pool's timeouts fire early).

use lesson_15_testing::db::SqliteUsers;
use lesson_15_testing::fixtures::{TestApp, TestDb};
use lesson_15_testing::service::app;
use lesson_15_testing::users::{ApiError, User, UserClient, notify_all};
use reqwest::StatusCode;

/// A database holding Ada (active) and Bob (inactive).
async fn two_users() -> (TestDb, SqliteUsers) {
    let db = TestDb::new().await.expect("a test database");
    let users = SqliteUsers::new(db.pool.clone());
    for user in [User::new(1, "Ada", true), User::new(2, "Bob", false)] {
        users.insert(&user).await.expect("insert");
    }
    (db, users)
}

// ANCHOR: db_test
#[tokio::test]
async fn notify_all_mails_the_active_users_of_a_real_database() {
    let (_db, users) = two_users().await;
    assert_eq!(notify_all(&users, &[1, 2], "hi").await, Ok(1));
    let outbox = users.outbox().await.expect("read the outbox");
    assert_eq!(outbox, [("ada@example.org".to_owned(), "hi".to_owned())]);
}
// ANCHOR_END: db_test

#[tokio::test]
async fn each_test_database_starts_empty() {
    let (_first, _) = two_users().await;
    let second = TestDb::new().await.expect("a test database");
    let users = SqliteUsers::new(second.pool.clone());
    assert_eq!(users.get_user(1).await, Err(ApiError::NotFound(1)));
}

#[tokio::test]
async fn the_service_over_a_test_database_over_http() {
    let (_db, users) = two_users().await;
    let server = TestApp::spawn(app(users)).await.expect("the server");
    let response = server.client.get(server.url("/users/2")).send().await;
    let response = response.expect("the server answers");
    assert_eq!(response.status(), StatusCode::OK);
    let bob: User = response.json().await.expect("a user as JSON");
    assert_eq!(bob, User::new(2, "Bob", false));
    server.stop().await.expect("a clean stop");
}
