//! Wrong answer: each range ends one number too late (hi + 1), so a range's end is counted again by the next
//! Expect: counted twice

use std::sync::Arc;

use tokio::sync::oneshot;

/// The sum of `count(lo, hi)` over `chunks` ranges covering `0..limit`,
/// computed on CPU threads.
pub async fn count_primes_parallel<F>(limit: u64, chunks: u64, count: F) -> u64
where
    F: Fn(u64, u64) -> u64 + Send + Sync + 'static,
{
    let size = limit.div_ceil(chunks.max(1)).max(1);
    let count = Arc::new(count);
    let mut answers = Vec::new();
    for lo in (0..limit).step_by(size as usize) {
        // "up to and including the next chunk's start"
        let hi = (lo + size + 1).min(limit);
        let (tx, rx) = oneshot::channel();
        let count = count.clone();
        rayon::spawn(move || {
            let _ = tx.send(count(lo, hi));
        });
        answers.push(rx);
    }
    let mut total = 0;
    for answer in answers {
        total += answer.await.expect("a chunk panicked");
    }
    total
}
