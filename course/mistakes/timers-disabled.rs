//! Mistake: a runtime built without enable_all(), then a sleep on it.
//! Test: subject::pause_briefly()
use std::time::Duration;

use tokio::runtime::Builder;

pub fn pause_briefly() {
    let runtime = Builder::new_current_thread().build().unwrap();
    runtime.block_on(async {
        tokio::time::sleep(Duration::from_millis(1)).await;
    });
}
