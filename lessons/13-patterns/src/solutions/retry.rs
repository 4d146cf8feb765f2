//! Reference solution for 13-retry.

use std::future::Future;
use std::time::Duration;

use tokio::time::sleep;

/// `op`'s first success, or its last error after every pause is used.
pub async fn retry<T, E, F, Fut>(pauses: &[Duration], mut op: F) -> Result<T, E>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, E>>,
{
    for &pause in pauses {
        match op().await {
            Ok(value) => return Ok(value),
            Err(_) => sleep(pause).await,
        }
    }
    op().await
}
