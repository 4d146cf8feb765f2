//! Wrong answer: the workers take items with try_recv and stop at the first error, so an input that is empty for a moment ends them and later items are lost
//! Expect: items were lost

use std::future::Future;
use std::sync::{Arc, Mutex};

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
    let input = Arc::new(Mutex::new((input, 0_usize)));
    let work = Arc::new(work);
    let mut tasks = JoinSet::new();
    for _ in 0..workers {
        let (input, work) = (input.clone(), work.clone());
        tasks.spawn(async move {
            let mut done = Vec::new();
            loop {
                let next = {
                    let mut guard = input.lock().unwrap();
                    let (receiver, count) = &mut *guard;
                    let Ok(item) = receiver.try_recv() else { break };
                    *count += 1;
                    (*count - 1, item)
                };
                let (index, item) = next;
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
