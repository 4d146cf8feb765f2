//! Wrong answer: the workers share the receiver, but each result is pushed as it finishes, so the results come out in finish order
//! Expect: Are results kept in the order they finished

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
    let input = Arc::new(Mutex::new(input));
    let results = Arc::new(std::sync::Mutex::new(Vec::new()));
    let work = Arc::new(work);
    let mut tasks = JoinSet::new();
    for _ in 0..workers {
        let (input, results, work) =
            (input.clone(), results.clone(), work.clone());
        tasks.spawn(async move {
            loop {
                let item = input.lock().await.recv().await;
                let Some(item) = item else { break };
                let result = work(item).await;
                results.lock().unwrap().push(result);
            }
        });
    }
    tasks.join_all().await;
    let results = results.lock().unwrap().clone();
    results
}
