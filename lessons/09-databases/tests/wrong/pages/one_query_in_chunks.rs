//! Wrong answer: one query streams every row and cuts it into chunks, so rows added while reading never come
//! Expect: does each page run its own query

use futures::stream::{BoxStream, StreamExt};
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
    sqlx::query_as::<_, Item>("SELECT id, name FROM items ORDER BY id")
        .fetch(pool)
        .chunks(page_size as usize)
        .map(|chunk| chunk.into_iter().collect::<Result<Vec<_>, _>>())
        .boxed()
}
