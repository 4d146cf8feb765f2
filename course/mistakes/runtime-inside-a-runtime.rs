//! Mistake: a sync helper calls block_on, and async code calls the helper.
//! Test: subject::report().await
use tokio::runtime::Handle;

async fn fetch_count() -> u32 {
    7
}

fn count_now() -> u32 {
    Handle::current().block_on(fetch_count())
}

pub async fn report() -> String {
    format!("{} items", count_now())
}
