//! Reference solution for 06-ordered-workers.

use std::future::Future;
use std::sync::Arc;

use tokio::sync::Mutex;
use tokio::sync::mpsc::Receiver;
use tokio::task::JoinSet;

/// Runs `work` on every item of `input` with `workers` workers; the
/// results in arrival order.
pub async fn process_in_order<F, Fut>(
    input: Receiver<u32>,
    workers: usize,
    work: F,
) -> Vec<u64>
where
    F: Fn(u32) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = u64> + Send + 'static,
{
    // The one receiver, shared, with the next arrival number beside it:
    // numbering under the same lock as `recv` keeps it in arrival order.
    let input = Arc::new(Mutex::new((input, 0_usize)));
    let work = Arc::new(work);
    let mut tasks = JoinSet::new();
    for _ in 0..workers {
        let (input, work) = (input.clone(), work.clone());
        tasks.spawn(async move {
            let mut done = Vec::new();
            loop {
                let next = {
                    let mut guard = input.lock().await;
                    let (receiver, count) = &mut *guard;
                    let item = receiver.recv().await;
                    let index = *count;
                    *count += 1;
                    item.map(|item| (index, item))
                }; // unlocked here: the next worker may take an item
                let Some((index, item)) = next else { break }; // closed
                done.push((index, work(item).await));
            }
            done
        });
    }
    // The collector: every worker's results, put back in arrival order.
    let mut results: Vec<(usize, u64)> =
        tasks.join_all().await.into_iter().flatten().collect();
    results.sort_by_key(|&(index, _)| index);
    results.into_iter().map(|(_, result)| result).collect()
}
