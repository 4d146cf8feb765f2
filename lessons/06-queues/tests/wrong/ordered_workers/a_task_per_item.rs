//! Wrong answer: spawns a task for every item as it arrives, so nothing caps the work at `workers` at a time
//! Expect: the most items in work at once was 9

use std::future::Future;

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
    let _ = workers;
    let mut tasks = JoinSet::new();
    let mut index = 0;
    while let Some(item) = input.recv().await {
        let job = work(item);
        tasks.spawn(async move { (index, job.await) });
        index += 1;
    }
    let mut results = tasks.join_all().await;
    results.sort_by_key(|&(index, _)| index);
    results.into_iter().map(|(_, result)| result).collect()
}
