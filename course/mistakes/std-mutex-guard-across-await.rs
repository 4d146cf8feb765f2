//! Mistake: a std::sync::MutexGuard held across an .await in a spawned task.
//! Fails: to compile
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub async fn count_twice() -> u32 {
    let count = Arc::new(Mutex::new(0));
    let theirs = Arc::clone(&count);
    let task = tokio::spawn(async move {
        let mut n = theirs.lock().unwrap();
        *n += 1;
        tokio::time::sleep(Duration::from_millis(1)).await;
        *n += 1;
    });
    task.await.unwrap();
    *count.lock().unwrap()
}
