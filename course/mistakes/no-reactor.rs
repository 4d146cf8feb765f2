//! Mistake: a tokio timer awaited under futures' executor, outside tokio.
//! Test: subject::pause_briefly()
use std::time::Duration;

pub fn pause_briefly() {
    futures::executor::block_on(async {
        tokio::time::sleep(Duration::from_millis(1)).await;
    });
}
