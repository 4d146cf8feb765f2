//! Wrong answer: spawns the three fetches as tasks, then awaits them in order (asyncio.create_task habit)
//! Expect: at the same time

use std::time::Duration;

use kit::sim::fetch;

/// Fetches a, b and c in sequence and returns the three results in order.
pub async fn fetch_in_order() -> Vec<String> {
    let a = tokio::spawn(fetch("a", Duration::from_millis(100)));
    let b = tokio::spawn(fetch("b", Duration::from_millis(200)));
    let c = tokio::spawn(fetch("c", Duration::from_millis(300)));
    let mut results = Vec::new();
    for task in [a, b, c] {
        results.push(task.await.expect("the fetch did not panic"));
    }
    results
}
