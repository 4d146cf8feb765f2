//! Mistake: pausing tokio's clock on the multi-thread runtime.
//! Test: subject::paused_sleep()
use std::time::Duration;

use tokio::runtime::Builder;

pub fn paused_sleep() {
    let runtime = Builder::new_multi_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        tokio::time::pause();
        tokio::time::sleep(Duration::from_secs(60)).await;
    });
}
