//! Exercise 09-record-visit (warm-up): count a visitor's visits.
//!
//! Write `record_visit(pool, email)`: look the visitor up by email; if
//! there is none, insert one with `visits = 1`; if there is, add one to
//! `visits`. Return the visitor's row as it is now.
//!
//! The Python it replaces (aiosqlite):
//!
//! ```python
//! async def record_visit(db, email):
//!     cur = await db.execute(
//!         "SELECT id, email, visits FROM visitors WHERE email = ?", (email,))
//!     row = await cur.fetchone()
//!     if row is None:
//!         await db.execute(
//!             "INSERT INTO visitors (email, visits) VALUES (?, 1)", (email,))
//!     else:
//!         await db.execute(
//!             "UPDATE visitors SET visits = visits + 1 WHERE id = ?",
//!             (row[0],))
//!     await db.commit()
//!     cur = await db.execute(
//!         "SELECT id, email, visits FROM visitors WHERE email = ?", (email,))
//!     return await cur.fetchone()
//! ```
//!
//! The table (from `migrations/sqlite/0002_exercises.sql`):
//! `visitors (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE,
//! visits INTEGER NOT NULL)`.
//!
//! The tests (`tests/exercises.rs`, module `record_visit`) check: the first
//! visit gives `visits == 1`, the third `3`, with the same `id` each time;
//! two emails count apart; an email full of SQL and quotes is stored as it
//! is and the table survives.
//!
//! Check it: `cargo run -p course -- check 09-record-visit`

use sqlx::SqlitePool;

/// One row of `visitors`.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Visitor {
    pub id: i64,
    pub email: String,
    pub visits: i64,
}

pub async fn record_visit(
    pool: &SqlitePool,
    email: &str,
) -> Result<Visitor, sqlx::Error> {
    todo!()
}
