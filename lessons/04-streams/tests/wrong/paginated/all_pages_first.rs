//! Wrong answer: fetches every page before yielding the first item
//! Expect: were all pages fetched before the first item

use futures::stream::{self, BoxStream, StreamExt};

use crate::services::PagedApi;

/// Every item of `api`, fetched a page at a time, as late as possible.
pub fn all_items(api: PagedApi) -> BoxStream<'static, u32> {
    stream::once(async move {
        let mut all = Vec::new();
        let mut page = 0;
        loop {
            let items = api.page(page).await;
            if items.is_empty() {
                break all;
            }
            all.extend(items);
            page += 1;
        }
    })
    .flat_map(stream::iter)
    .boxed()
}
