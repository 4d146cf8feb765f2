//! `RwLock`: many readers at once, or one writer.
//!
//! asyncio has no read-write lock; tokio's is fair: requests are served in
//! the order they arrive. A writer waiting in line is not starved by a
//! stream of readers — a reader that arrives after it waits too, even
//! while other readers hold the lock.

use std::sync::Arc;
use std::time::Duration;

use kit::Timeline;
use tokio::sync::RwLock;
use tokio::task::JoinSet;
use tokio::time::sleep;

// ANCHOR: readers_and_writer
/// Two readers, then a writer, then one more reader arrive at once; each
/// holds the lock for `work`. Returns the value the late reader saw.
pub async fn readers_and_writer(timeline: &Timeline, work: Duration) -> u32 {
    let config = Arc::new(RwLock::new(1_u32));
    let mut tasks = JoinSet::new();
    for name in ["reader 1", "reader 2", "writer", "reader 3"] {
        let config = config.clone();
        let mark = timeline.start(name);
        tasks.spawn(async move {
            let seen = if name == "writer" {
                let mut value = mark.wait(config.write()).await;
                sleep(work).await;
                *value += 1;
                *value
            } else {
                let value = mark.wait(config.read()).await;
                sleep(work).await;
                *value
            };
            mark.end();
            (name, seen)
        });
    }
    let seen = tasks.join_all().await;
    seen.into_iter()
        .find(|&(name, _)| name == "reader 3")
        .map(|(_, value)| value)
        .expect("reader 3 ran")
}
// ANCHOR_END: readers_and_writer
