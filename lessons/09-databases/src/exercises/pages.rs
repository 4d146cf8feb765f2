//! Exercise 09-pages (core): read a big table a page at a time, as a
//! stream of pages.
//!
//! Write `pages(pool, page_size)`: a stream that yields the rows of
//! `items` in `id` order, `page_size` rows per page (the last page may be
//! shorter), and then ends. Never yield an empty page. Page by *keyset*:
//! each page asks for the rows after the last id seen, not for "rows
//! 20 to 30", so a row deleted behind the reader does not shift the pages.
//!
//! The Python it replaces (asyncpg):
//!
//! ```python
//! async def pages(pool, page_size):
//!     after = 0
//!     while True:
//!         rows = await pool.fetch(
//!             "SELECT id, name FROM items WHERE id > $1 "
//!             "ORDER BY id LIMIT $2", after, page_size)
//!         if not rows:
//!             return
//!         yield rows
//!         after = rows[-1]["id"]
//! ```
//!
//! The table (from `migrations/sqlite/0002_exercises.sql`):
//! `items (id INTEGER PRIMARY KEY, name TEXT NOT NULL)`.
//!
//! The tests (`tests/exercises.rs`, module `pages`) check: 25 rows in pages
//! of 10 come as 10, 10, 5, in id order; 20 rows as 10, 10 (no empty
//! page); an empty table as no page; rows added after the first page is
//! read still come; after deleting row 3 once the first page is read, the
//! second page still starts at row 11; and after inserting a row with id 0
//! then, no row comes twice.
//!
//! Check it: `cargo run -p course -- check 09-pages`

use futures::stream::BoxStream;
use sqlx::SqlitePool;

/// One row of `items`.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Item {
    pub id: i64,
    pub name: String,
}

pub fn pages(
    pool: &SqlitePool,
    page_size: i64,
) -> BoxStream<'_, Result<Vec<Item>, sqlx::Error>> {
    todo!()
}
