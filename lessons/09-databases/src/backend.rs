//! One lesson, three databases: which one we talk to, the SQL that differs
//! between them, the pool, and the migrations.
//!
//! An application that uses one database names its pool type (`SqlitePool`,
//! `PgPool`, `MySqlPool`). This lesson runs the same demos on all three, so
//! it uses sqlx's `Any` driver: an `AnyPool` picks its driver from the URL
//! at run time. The calls (`query`, `bind`, `fetch_all`, `begin`, ...) are
//! the same with either.

use std::time::Duration;

use sqlx::AnyPool;
use sqlx::any::AnyPoolOptions;
use sqlx::migrate::Migrator;

/// The database behind a pool.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// SQLite, embedded: a file, no server.
    Sqlite,
    /// PostgreSQL.
    Postgres,
    /// MariaDB or MySQL.
    MySql,
}

impl Backend {
    /// The backend a URL names, from its scheme.
    pub fn of_url(url: &str) -> Option<Backend> {
        let scheme = url.split_once(':')?.0;
        match scheme {
            "sqlite" => Some(Backend::Sqlite),
            "postgres" | "postgresql" => Some(Backend::Postgres),
            "mysql" | "mariadb" => Some(Backend::MySql),
            _ => None,
        }
    }

    /// The name printed in the demos.
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "SQLite",
            Backend::Postgres => "PostgreSQL",
            Backend::MySql => "MariaDB",
        }
    }
}

// ANCHOR: sql
/// One statement in each database's dialect, side by side.
///
/// The texts are `&'static str`: `sqlx::query` accepts those (and no
/// `String`), so no value can be pasted into them; values go in with
/// `.bind()`. The placeholders differ: `?` for SQLite and MySQL, `$1`, `$2`
/// for PostgreSQL.
#[derive(Clone, Copy, Debug)]
pub struct Sql {
    pub sqlite: &'static str,
    pub postgres: &'static str,
    pub mysql: &'static str,
}

impl Sql {
    /// This statement's text for `backend`.
    pub fn on(self, backend: Backend) -> &'static str {
        match backend {
            Backend::Sqlite => self.sqlite,
            Backend::Postgres => self.postgres,
            Backend::MySql => self.mysql,
        }
    }
}
// ANCHOR_END: sql

/// A pool and the database it talks to.
#[derive(Clone, Debug)]
pub struct Db {
    pub pool: AnyPool,
    pub backend: Backend,
}

impl Db {
    /// `sql`'s text for this database.
    pub fn sql(&self, sql: Sql) -> &'static str {
        sql.on(self.backend)
    }
}

// ANCHOR: migrations
// `migrate!` reads the folder at compile time and embeds every file in the
// binary: nothing to ship beside it, and no database needed to build.
static SQLITE: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES: Migrator = sqlx::migrate!("migrations/postgres");
static MYSQL: Migrator = sqlx::migrate!("migrations/mysql");

/// The migrations for `backend`: the same tables in its dialect.
pub fn migrator(backend: Backend) -> &'static Migrator {
    match backend {
        Backend::Sqlite => &SQLITE,
        Backend::Postgres => &POSTGRES,
        Backend::MySql => &MYSQL,
    }
}
// ANCHOR_END: migrations

// ANCHOR: pool
/// How big a pool, and how long a caller waits for a connection.
#[derive(Clone, Copy, Debug)]
pub struct PoolSize {
    pub min: u32,
    pub max: u32,
    pub acquire_timeout: Duration,
}

impl Default for PoolSize {
    fn default() -> Self {
        PoolSize {
            min: 1,
            max: 10,
            // Long enough for a queue: 1000 callers sharing 10
            // connections wait their turn, and on a busy machine that
            // turn can take seconds.
            acquire_timeout: Duration::from_secs(30),
        }
    }
}

/// Opens a pool on `url` and brings its tables up to date.
pub async fn connect(url: &str, size: PoolSize) -> Result<Db, sqlx::Error> {
    let Some(backend) = Backend::of_url(url) else {
        let scheme = url.split_once(':').map_or(url, |(s, _)| s);
        return Err(sqlx::Error::Configuration(
            format!("`{scheme}:` is not sqlite:, postgres: or mysql:").into(),
        ));
    };
    // The `Any` driver needs to be told which drivers it may use.
    sqlx::any::install_default_drivers();
    let pool = AnyPoolOptions::new()
        .min_connections(size.min) // opened up front, kept open
        .max_connections(size.max) // never more than this at once
        .acquire_timeout(size.acquire_timeout) // then PoolTimedOut
        .connect(url)
        .await?;
    // Applies the migrations not yet applied, each in a transaction, and
    // records them in the table `_sqlx_migrations`.
    migrator(backend).run(&pool).await?;
    Ok(Db { pool, backend })
}
// ANCHOR_END: pool

// ANCHOR: probe
/// Opens one connection and closes it. A pool that cannot connect keeps
/// retrying until its acquire timeout and then says only "pool timed out";
/// a single connection fails at once with the reason (refused, unknown
/// host, bad password).
pub async fn probe(url: &str) -> Result<(), sqlx::Error> {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    sqlx::AnyConnection::connect(url).await?.close().await
}
// ANCHOR_END: probe
