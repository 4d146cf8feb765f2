//! Wrong answer: each chunk goes to spawn_blocking, tokio's pool for waiting, not to a CPU pool
//! Expect: the blocking pool of spawn_blocking

use std::sync::Arc;

/// The sum of `count(lo, hi)` over `chunks` ranges covering `0..limit`,
/// computed on CPU threads.
pub async fn count_primes_parallel<F>(limit: u64, chunks: u64, count: F) -> u64
where
    F: Fn(u64, u64) -> u64 + Send + Sync + 'static,
{
    let size = limit.div_ceil(chunks.max(1)).max(1);
    let count = Arc::new(count);
    let mut jobs = Vec::new();
    for lo in (0..limit).step_by(size as usize) {
        let hi = (lo + size).min(limit);
        let count = count.clone();
        jobs.push(tokio::task::spawn_blocking(move || count(lo, hi)));
    }
    let mut total = 0;
    for job in jobs {
        total += job.await.expect("a chunk panicked");
    }
    total
}
