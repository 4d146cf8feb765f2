//! Wrong answer: the big future boxed to make it small (what clippy's large_futures suggests), the greeting still inside
//! Expect: is the greeting (or the whole future) boxed
use std::time::Duration;

use tokio::time::sleep;

pub use crate::exercises_support::{checksum, greeting};

/// The user's session: greeting built at the start, checksum after `wait`.
pub async fn session(id: u32, wait: Duration) -> u64 {
    Box::pin(async move {
        let text = greeting(id);
        sleep(wait).await;
        checksum(&text)
    })
    .await
}
