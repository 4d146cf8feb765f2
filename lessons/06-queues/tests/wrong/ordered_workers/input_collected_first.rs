//! Wrong answer: reads the whole input until it closes, then hands the items to the workers, so no work starts until the input ends
//! Expect: Does work start only once the input is closed

use std::future::Future;
use std::sync::Arc;

use tokio::sync::Mutex;
use tokio::sync::mpsc::Receiver;
use tokio::task::JoinSet;

/// Runs `work` on every item of `input` with `workers` workers; the
/// results in arrival order.
pub async fn process_in_order<F, Fut>(
    mut input: Receiver<u32>,
    workers: usize,
    work: F,
) -> Vec<u64>
where
    F: Fn(u32) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = u64> + Send + 'static,
{
    let mut items = Vec::new();
    while let Some(item) = input.recv().await {
        items.push(item);
    }
    // Now the items are known: numbered, and shared by the workers.
    let queue = Arc::new(Mutex::new(items.into_iter().enumerate()));
    let work = Arc::new(work);
    let mut tasks = JoinSet::new();
    for _ in 0..workers {
        let (queue, work) = (queue.clone(), work.clone());
        tasks.spawn(async move {
            let mut done = Vec::new();
            loop {
                let next = queue.lock().await.next();
                let Some((index, item)) = next else { break };
                done.push((index, work(item).await));
            }
            done
        });
    }
    let mut results: Vec<(usize, u64)> =
        tasks.join_all().await.into_iter().flatten().collect();
    results.sort_by_key(|&(index, _)| index);
    results.into_iter().map(|(_, result)| result).collect()
}
