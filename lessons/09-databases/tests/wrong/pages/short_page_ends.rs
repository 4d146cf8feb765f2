//! Wrong answer: stops after a page shorter than page_size, so an empty table (or an exact multiple) yields an empty page
//! Expect: never yield an empty page

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
            Err(e) => Some((Err(e), None)),
            // A short page is the last one: yield it and stop.
            Ok(items) if (items.len() as i64) < page_size => {
                Some((Ok(items), None))
            }
            Ok(items) => {
                let last = items.last().map_or(after, |item| item.id);
                Some((Ok(items), Some(last)))
            }
        }
    })
    .boxed()
}
