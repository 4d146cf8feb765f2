//! Lesson 09 — databases with sqlx, and Redis.
//!
//! The demos run on SQLite, embedded, with nothing to set up; the same
//! demos run on PostgreSQL and MariaDB when given their URL. Each module is
//! one idea, run in order by `cargo run -p lesson-09-databases` and shown
//! in `book/src/09-databases.md`:
//!
//! - [`backend`]: which database, its SQL side by side, the pool, the
//!   migrations.
//! - [`scratch`]: a throwaway database per run or test.
//! - [`new_file`]: a SQLite file that does not exist yet.
//! - [`queries`]: rows into structs; `fetch_all`, `fetch_one`,
//!   `fetch_optional`, `execute`; values bound as parameters.
//! - [`transfer`]: a transaction: both updates or neither.
//! - [`dropped`]: a transaction dropped without commit rolls back.
//! - [`stream`]: rows one at a time with `fetch`.
//! - [`wait`]: queries that wait on the server, one by one or pooled.
//! - [`bounds`]: the pool's maximum, seen from the server.
//! - [`sqlite_limits`]: one writer at a time; WAL and the busy timeout.
//! - [`memory`]: `sqlite::memory:` under `SqlitePool` and under `AnyPool`.
//! - [`bulk`]: a batch of rows in one transaction, the end of a pipeline.
//! - [`cache`]: Redis cache-aside and pipelines.
//! - [`pitfalls`]: a starved pool.

pub mod backend;
pub mod bounds;
pub mod bulk;
pub mod cache;
pub mod dropped;
pub mod exercise_db;
pub mod memory;
pub mod new_file;
pub mod pitfalls;
pub mod queries;
pub mod scratch;
pub mod sqlite_limits;
pub mod stream;
pub mod transfer;
pub mod wait;

/// The learner's exercises: stubs to fill in (`cargo run -p course -- next`).
#[allow(unused_variables, unused_imports, dead_code)]
pub mod exercises {
    pub mod pages;
    pub mod place_order;
    pub mod record_visit;
}

/// Reference solutions, tested on every `cargo test --workspace`.
pub mod solutions {
    pub mod pages;
    pub mod place_order;
    pub mod record_visit;
}

pub use backend::{Backend, Db, PoolSize, Sql, connect};
pub use scratch::Scratch;
