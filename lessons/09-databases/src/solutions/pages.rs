//! Reference solution for exercise 09-pages.

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
    // The state is the last id seen; `None` once the stream must end.
    stream::unfold(Some(0), move |after| async move {
        let after = after?;
        let page = sqlx::query_as::<_, Item>(
            "SELECT id, name FROM items WHERE id > ? ORDER BY id LIMIT ?",
        )
        .bind(after)
        .bind(page_size)
        .fetch_all(pool)
        .await;
        match page {
            Err(e) => Some((Err(e), None)), // yield the error, then end
            Ok(items) => {
                let last = items.last()?.id; // an empty page: the end
                Some((Ok(items), Some(last)))
            }
        }
    })
    .boxed()
}
