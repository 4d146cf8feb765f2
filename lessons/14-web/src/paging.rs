//! The query string of `GET /users`: which page, and how many per page.
//!
//! FastAPI reads `page: int = 1` from the function's signature; axum reads
//! a struct with `Query<Paging>`, and serde fills in what the URL leaves
//! out.

use std::num::NonZeroU32;

use serde::Deserialize;

// ANCHOR: paging
/// `?page=2&per_page=10`. Either may be left out; `0` or a word fails
/// to parse, because the types say "a number from 1".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct Paging {
    /// Counted from 1.
    #[serde(default = "first_page")]
    pub page: NonZeroU32,
    /// More than [`Paging::MAX_PER_PAGE`] is served as that many.
    #[serde(default = "default_per_page")]
    pub per_page: NonZeroU32,
}

fn first_page() -> NonZeroU32 {
    NonZeroU32::MIN
}

fn default_per_page() -> NonZeroU32 {
    NonZeroU32::new(20).expect("20 is not zero")
}

impl Paging {
    pub const MAX_PER_PAGE: u32 = 100;

    /// The SQL `LIMIT`.
    pub fn limit(&self) -> i64 {
        i64::from(self.per_page.get().min(Self::MAX_PER_PAGE))
    }

    /// The SQL `OFFSET`: the rows of the pages before this one.
    pub fn offset(&self) -> i64 {
        (i64::from(self.page.get()) - 1) * self.limit()
    }
}
// ANCHOR_END: paging
