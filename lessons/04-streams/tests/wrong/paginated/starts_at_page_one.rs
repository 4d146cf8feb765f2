//! Wrong answer: pages counted from 1, so page 0 is never requested
//! Expect: pages count from 0

use futures::stream::{self, BoxStream, StreamExt};

use crate::services::PagedApi;

/// Every item of `api`, fetched a page at a time, as late as possible.
pub fn all_items(api: PagedApi) -> BoxStream<'static, u32> {
    stream::unfold(1, move |page| {
        let api = api.clone();
        async move {
            let items = api.page(page).await;
            if items.is_empty() {
                None
            } else {
                Some((items, page + 1))
            }
        }
    })
    .flat_map(stream::iter)
    .boxed()
}
