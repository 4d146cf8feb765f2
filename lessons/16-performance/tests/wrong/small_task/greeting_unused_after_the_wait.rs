//! Wrong answer: the checksum is taken before the wait, but the greeting stays in scope, so the future still keeps it
//! Expect: end it in an inner block
use std::time::Duration;

use tokio::time::sleep;

pub use crate::exercises_support::{checksum, greeting};

/// The user's session: greeting built at the start, checksum after `wait`.
pub async fn session(id: u32, wait: Duration) -> u64 {
    let text = greeting(id);
    let sum = checksum(&text);
    drop(text); // a copy is dropped: `text` itself lives to the end
    sleep(wait).await;
    sum
}
