//! Exercise 04-paginated (core): a lazy stream over a paginated API.
//!
//! `PagedApi::page(n)` returns page `n` (from 0) of a listing; past the end
//! it returns an empty page. Write `all_items(api)`: a stream of every item,
//! one by one, that requests page 0, yields its items, then requests page
//! 1, and so on, and ends at the first empty page. It must be lazy: no page
//! is requested before the consumer needs an item from it, so a consumer
//! that takes only the first few items costs only the pages they are on.
//! In Python:
//!
//! ```python
//! async def all_items(api):
//!     page = 0
//!     while items := await api.page(page):
//!         for item in items:
//!             yield item
//!         page += 1
//! ```
//!
//!
//! Check it: `cargo run -p course -- check 04-paginated`

use futures::stream::BoxStream;

use crate::services::PagedApi;

/// Every item of `api`, fetched a page at a time, as late as possible.
pub fn all_items(api: PagedApi) -> BoxStream<'static, u32> {
    todo!()
}
