//! Mistake: blocking_lock on a tokio Mutex from async code.
//! Test: subject::bump().await
use tokio::sync::Mutex;

pub async fn bump() -> u32 {
    let count = Mutex::new(0);
    let mut n = count.blocking_lock();
    *n += 1;
    *n
}
