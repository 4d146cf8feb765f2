//! Wrong answer: a task feeding a channel, which requests pages ahead
//! Expect: before an item from it is wanted

use futures::stream::{BoxStream, StreamExt};
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;

use crate::services::PagedApi;

/// Every item of `api`, fetched a page at a time, as late as possible.
pub fn all_items(api: PagedApi) -> BoxStream<'static, u32> {
    let (tx, rx) = mpsc::channel(1);
    tokio::spawn(async move {
        let mut page = 0;
        loop {
            let items = api.page(page).await;
            if items.is_empty() {
                return;
            }
            for item in items {
                if tx.send(item).await.is_err() {
                    return;
                }
            }
            page += 1;
        }
    });
    ReceiverStream::new(rx).boxed()
}
