//! Mistake: a std::sync::RwLock read guard held across an .await in a task.
//! Fails: to compile
use std::sync::{Arc, RwLock};

pub async fn total() -> u32 {
    let prices = Arc::new(RwLock::new(vec![3, 4]));
    let theirs = Arc::clone(&prices);
    let task = tokio::spawn(async move {
        let list = theirs.read().unwrap();
        tokio::task::yield_now().await;
        list.iter().sum::<u32>()
    });
    task.await.unwrap()
}
