//! A database behind the same trait: the user API backed by SQLite.
//!
//! Tests that need a real database get a fresh one each, from the
//! [`crate::fixtures::TestDb`] fixture: no shared state between tests, so
//! they can run in parallel and in any order.

use sqlx::SqlitePool;

use crate::users::{ApiError, User, UserClient};

/// The tables the service needs.
pub const SCHEMA: &str = "
    CREATE TABLE users (
        id     INTEGER PRIMARY KEY,
        name   TEXT NOT NULL,
        email  TEXT NOT NULL,
        active BOOLEAN NOT NULL
    );
    CREATE TABLE outbox (
        email   TEXT NOT NULL,
        message TEXT NOT NULL
    );
";

/// The user API over a SQLite pool: users are rows, and a sent mail is a
/// row in `outbox`.
#[derive(Debug, Clone)]
pub struct SqliteUsers {
    pool: SqlitePool,
}

impl SqliteUsers {
    pub fn new(pool: SqlitePool) -> Self {
        SqliteUsers { pool }
    }

    /// Stores `user`.
    pub async fn insert(&self, user: &User) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO users (id, name, email, active) VALUES (?, ?, ?, ?)",
        )
        .bind(user.id)
        .bind(&user.name)
        .bind(&user.email)
        .bind(user.active)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Every mail in the outbox, as `(email, message)`, oldest first.
    pub async fn outbox(&self) -> Result<Vec<(String, String)>, sqlx::Error> {
        sqlx::query_as("SELECT email, message FROM outbox ORDER BY rowid")
            .fetch_all(&self.pool)
            .await
    }
}

/// Any database error is "unavailable" to the caller.
fn unavailable(_: sqlx::Error) -> ApiError {
    ApiError::Unavailable
}

impl UserClient for SqliteUsers {
    async fn get_user(&self, id: u32) -> Result<User, ApiError> {
        sqlx::query_as::<_, User>(
            "SELECT id, name, email, active FROM users WHERE id = ?",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await
        .map_err(unavailable)?
        .ok_or(ApiError::NotFound(id))
    }

    async fn send(&self, email: &str, message: &str) -> Result<(), ApiError> {
        sqlx::query("INSERT INTO outbox (email, message) VALUES (?, ?)")
            .bind(email)
            .bind(message)
            .execute(&self.pool)
            .await
            .map_err(unavailable)?;
        Ok(())
    }
}
