//! The database: one `sqlx` pool, opened at start, closed at shutdown.
//!
//! `AnyPool` picks the driver from the URL at run time: SQLite by default
//! (a file in a temporary directory, nothing to install), PostgreSQL when
//! the URL says `postgres://`. The queries use `$1` placeholders, which
//! both understand, and `query_as` with `FromRow`, which needs no database
//! at build time (the `query!` macros would).

use std::time::Duration;

use kit::InFlight;
use serde::Serialize;
use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{AnyPool, FromRow};

use crate::paging::Paging;

/// A user, as stored and as sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, FromRow)]
pub struct User {
    pub id: i64,
    pub name: String,
    pub email: String,
}

/// Why an insert failed.
#[derive(Debug)]
pub enum InsertError {
    /// The email is taken (the UNIQUE constraint said so).
    EmailTaken,
    Other(sqlx::Error),
}

/// The pool, plus a simulated network round trip and a gauge.
#[derive(Debug, Clone)]
pub struct Db {
    pool: AnyPool,
    /// Added to every query while it holds its connection, standing in for
    /// a database across a network (a local SQLite file answers in µs).
    latency: Duration,
    /// Queries running now: lesson 05's gauge, from the kit.
    in_flight: InFlight,
}

/// Which SQL dialect the schema needs.
fn schema(url: &str) -> Result<&'static str, String> {
    if url.starts_with("sqlite:") {
        Ok("CREATE TABLE IF NOT EXISTS users (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                email TEXT NOT NULL UNIQUE)")
    } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
        Ok("CREATE TABLE IF NOT EXISTS users (
                id BIGSERIAL PRIMARY KEY,
                name TEXT NOT NULL,
                email TEXT NOT NULL UNIQUE)")
    } else {
        Err(format!(
            "unsupported database URL `{url}`: use sqlite://PATH or \
             postgres://USER@HOST/DB"
        ))
    }
}

// ANCHOR: connect
impl Db {
    /// Opens a pool of at most `max_connections` and creates the table.
    pub async fn connect(
        url: &str,
        max_connections: u32,
        latency: Duration,
    ) -> Result<Db, String> {
        let schema = schema(url)?;
        install_default_drivers(); // once per process; needed by AnyPool
        let pool = AnyPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(Duration::from_secs(5))
            .connect(url)
            .await
            .map_err(|e| format!("cannot open `{url}`: {e}"))?;
        sqlx::query(schema)
            .execute(&pool)
            .await
            .map_err(|e| format!("cannot create the users table: {e}"))?;
        let in_flight = InFlight::new();
        Ok(Db {
            pool,
            latency,
            in_flight,
        })
    }

    /// Waits for every connection to be returned, then closes them all.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}
// ANCHOR_END: connect

// ANCHOR: queries
impl Db {
    /// One user, or `None`.
    pub async fn user(&self, id: i64) -> sqlx::Result<Option<User>> {
        let _gauge = self.in_flight.enter();
        let mut conn = self.pool.acquire().await?;
        tokio::time::sleep(self.latency).await; // the round trip
        sqlx::query_as("SELECT id, name, email FROM users WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await
    }

    /// One page of users, by id.
    pub async fn users(&self, page: &Paging) -> sqlx::Result<Vec<User>> {
        let _gauge = self.in_flight.enter();
        let mut conn = self.pool.acquire().await?;
        tokio::time::sleep(self.latency).await;
        sqlx::query_as(
            "SELECT id, name, email FROM users ORDER BY id \
             LIMIT $1 OFFSET $2",
        )
        .bind(page.limit())
        .bind(page.offset())
        .fetch_all(&mut *conn)
        .await
    }

    /// Stores a new user and returns it with its id.
    pub async fn insert(
        &self,
        name: &str,
        email: &str,
    ) -> Result<User, InsertError> {
        let _gauge = self.in_flight.enter();
        let mut conn = self.pool.acquire().await.map_err(InsertError::Other)?;
        tokio::time::sleep(self.latency).await;
        sqlx::query_as(
            "INSERT INTO users (name, email) VALUES ($1, $2) \
             RETURNING id, name, email",
        )
        .bind(name)
        .bind(email)
        .fetch_one(&mut *conn)
        .await
        .map_err(|e| match e.as_database_error() {
            Some(db) if db.is_unique_violation() => InsertError::EmailTaken,
            _ => InsertError::Other(e),
        })
    }
}
// ANCHOR_END: queries

impl Db {
    /// Queries running right now (a gauge a metrics endpoint would show).
    pub fn queries_in_flight(&self) -> usize {
        self.in_flight.now()
    }

    /// Connections open in the pool, busy or idle.
    pub fn connections(&self) -> u32 {
        self.pool.size()
    }
}
