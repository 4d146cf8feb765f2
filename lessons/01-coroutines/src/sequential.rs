//! `.await` one after another: the waits add up.
//!
//! Each `.await` suspends the caller until that future is done. Two awaits
//! in a row are two waits in a row, exactly like two `await`s in a Python
//! coroutine. (Running them at the same time is lesson 03.)

use std::time::Duration;

use kit::Timeline;
use tokio::time::sleep;

// ANCHOR: sequential
/// Waits 1 s, then 2 s, recording both on the timeline.
pub async fn one_then_two(timeline: &Timeline) -> Duration {
    let start = tokio::time::Instant::now();
    timeline
        .track("wait 1s", sleep(Duration::from_secs(1)))
        .await;
    timeline
        .track("wait 2s", sleep(Duration::from_secs(2)))
        .await;
    start.elapsed() // 3 s: the second wait starts only when the first ends
}
// ANCHOR_END: sequential
