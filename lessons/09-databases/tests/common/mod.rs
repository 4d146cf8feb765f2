//! Shared by the lesson's test targets: a fresh database on each backend.

#![allow(dead_code)] // each test target uses its own part of this

use kit::servers::{self, Server};
use lesson_09_databases::{Db, PoolSize, Scratch, connect};

/// How long any one database test may run before it counts as hung.
pub const HUNG: std::time::Duration = std::time::Duration::from_secs(60);

/// A fresh SQLite database with the lesson's tables.
pub async fn sqlite(size: PoolSize) -> (Scratch, Db) {
    let scratch = Scratch::sqlite().await.expect("a temporary SQLite file");
    let db = connect(scratch.url(), size).await.expect("SQLite opens");
    (scratch, db)
}

/// A fresh schema (PostgreSQL) or database (MariaDB) with the lesson's
/// tables, or `None` when the server is not configured (the test then
/// skips, or fails under COURSE_REQUIRE_SERVERS=1: see kit::servers).
pub async fn server(server: Server, size: PoolSize) -> Option<(Scratch, Db)> {
    servers::connect(server, async |url: &str| {
        let scratch = Scratch::on_server(url).await?;
        let db = connect(scratch.url(), size).await?;
        Ok::<_, sqlx::Error>((scratch, db))
    })
    .await
}

/// The default pool.
pub fn pool() -> PoolSize {
    PoolSize::default()
}

/// A pool of at most `max` connections.
pub fn pool_of(max: u32) -> PoolSize {
    PoolSize {
        max,
        ..PoolSize::default()
    }
}
