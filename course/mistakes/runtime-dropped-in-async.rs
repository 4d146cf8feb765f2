//! Mistake: a helper makes (and drops) a runtime of its own inside async code.
//! Test: subject::start().await
use tokio::runtime::Runtime;

fn start_cleaner() {
    let runtime = Runtime::new().unwrap();
    runtime.spawn(async { tokio::task::yield_now().await });
    // `runtime` is dropped here, on a thread that is running async code.
}

pub async fn start() {
    start_cleaner();
}
