//! Wrong answer: one rayon job counts every chunk, one after another, so nothing runs in parallel
//! Expect: was one thread given all the chunks

use tokio::sync::oneshot;

/// The sum of `count(lo, hi)` over `chunks` ranges covering `0..limit`,
/// computed on CPU threads.
pub async fn count_primes_parallel<F>(limit: u64, chunks: u64, count: F) -> u64
where
    F: Fn(u64, u64) -> u64 + Send + Sync + 'static,
{
    let size = limit.div_ceil(chunks.max(1)).max(1);
    let (tx, rx) = oneshot::channel();
    // Off the runtime, on the CPU pool: but as one job.
    rayon::spawn(move || {
        let mut total = 0;
        for lo in (0..limit).step_by(size as usize) {
            total += count(lo, (lo + size).min(limit));
        }
        let _ = tx.send(total);
    });
    rx.await.expect("the job panicked")
}
