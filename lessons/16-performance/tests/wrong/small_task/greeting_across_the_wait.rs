//! Wrong answer: the obvious version, the 2 KiB greeting kept in the future across the sleep
//! Expect: the greeting is kept inside the future
use std::time::Duration;

use tokio::time::sleep;

pub use crate::exercises_support::{checksum, greeting};

/// The user's session: greeting built at the start, checksum after `wait`.
pub async fn session(id: u32, wait: Duration) -> u64 {
    let text = greeting(id);
    sleep(wait).await;
    checksum(&text)
}
