//! Wrong answer: pages by LIMIT/OFFSET, so a row deleted or added behind the reader shifts the pages
//! Expect: not by OFFSET

use futures::stream::{self, BoxStream, StreamExt};
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
    stream::unfold(Some(0), move |offset| async move {
        let offset = offset?;
        let page = sqlx::query_as::<_, Item>(
            "SELECT id, name FROM items ORDER BY id LIMIT ? OFFSET ?",
        )
        .bind(page_size)
        .bind(offset)
        .fetch_all(pool)
        .await;
        match page {
            Err(e) => Some((Err(e), None)),
            Ok(items) if items.is_empty() => None,
            Ok(items) => Some((Ok(items), Some(offset + page_size))),
        }
    })
    .boxed()
}
