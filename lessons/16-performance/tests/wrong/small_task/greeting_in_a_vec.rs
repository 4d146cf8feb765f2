//! Wrong answer: the greeting moved into a Vec (24 bytes in the future), its 2 KiB still on the heap across the wait
//! Expect: copied into a Vec
use std::time::Duration;

use tokio::time::sleep;

pub use crate::exercises_support::{checksum, greeting};

/// The user's session: greeting built at the start, checksum after `wait`.
pub async fn session(id: u32, wait: Duration) -> u64 {
    let text = greeting(id).to_vec();
    sleep(wait).await;
    checksum(&text)
}
