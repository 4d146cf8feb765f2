//! Wrong answer: the chunks run on scoped threads, joined right in the async fn: the runtime's thread blocks until all are done
//! Expect: never got a turn

/// The sum of `count(lo, hi)` over `chunks` ranges covering `0..limit`,
/// computed on CPU threads.
pub async fn count_primes_parallel<F>(limit: u64, chunks: u64, count: F) -> u64
where
    F: Fn(u64, u64) -> u64 + Send + Sync + 'static,
{
    let size = limit.div_ceil(chunks.max(1)).max(1);
    let count = &count;
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..limit)
            .step_by(size as usize)
            .map(|lo| s.spawn(move || count(lo, (lo + size).min(limit))))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    })
}
