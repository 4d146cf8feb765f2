//! Reference solution for 04-paginated.

use futures::stream::{self, BoxStream, StreamExt};

use crate::services::PagedApi;

/// Every item of `api`, fetched a page at a time, as late as possible.
pub fn all_items(api: PagedApi) -> BoxStream<'static, u32> {
    stream::unfold(0, move |page| {
        let api = api.clone(); // each step's future owns its own handle
        async move {
            let items = api.page(page).await;
            if items.is_empty() {
                None // an empty page ends the listing
            } else {
                Some((items, page + 1))
            }
        }
    })
    // A stream of pages → a stream of items. `flat_map` drains one page
    // before it asks `unfold` for the next, so pages stay lazy.
    .flat_map(stream::iter)
    .boxed()
}
