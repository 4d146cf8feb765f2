//! `task_done()` and `join()` without closing the channel.
//!
//! Usually closing is the join: drop the senders, await the consumers.
//! But long-lived workers that serve batch after batch cannot be shut down
//! between batches. Then pair each item with a token from tokio-util's
//! `TaskTracker`: the worker drops the token when the item is handled
//! (`task_done`), and `close()` + `wait()` waits until no token is left
//! (`join`). `reopen()` readies the tracker for the next batch.
//!
//! Unlike a `task_done()` call, a token cannot be forgotten or given back
//! twice: it is dropped exactly once, even if the worker panics or is
//! cancelled.

use std::time::Duration;

use kit::Timeline;
use tokio::task::JoinSet;
use tokio::time::sleep;
use tokio_util::task::TaskTracker;
use tokio_util::task::task_tracker::TaskTrackerToken;

// ANCHOR: task_done
/// Two long-lived workers take `work` per job. Sends each batch, waits
/// until it is handled (not until the workers stop), and returns when each
/// batch's `join` returned.
pub async fn batches_with_join(
    timeline: &Timeline,
    batches: &[u32],
    work: Duration,
) -> Vec<Duration> {
    let (tx, rx) = async_channel::unbounded::<(u32, TaskTrackerToken)>();
    let mut workers = JoinSet::new();
    for w in 1..=2 {
        let rx = rx.clone();
        workers.spawn(async move {
            while let Ok((_job, token)) = rx.recv().await {
                sleep(work).await;
                drop(token); // task_done()
            }
            w
        });
    }

    let tracker = TaskTracker::new();
    let mut joined = Vec::new();
    for &jobs in batches {
        for job in 0..jobs {
            tx.send((job, tracker.token()))
                .await
                .expect("workers alive");
        }
        let mark = timeline.start(format!("join batch of {jobs}"));
        tracker.close(); // no more for this batch...
        mark.wait(tracker.wait()).await; // ...join(): every token dropped
        tracker.reopen();
        mark.end();
        joined.push(timeline.now());
    }
    drop(tx); // now the workers may end
    workers.join_all().await;
    joined
}
// ANCHOR_END: task_done
