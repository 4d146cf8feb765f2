//! Exercise 10-parallel-primes (challenge): a port.
//!
//! Port this Python program. It counts the primes below `limit` in
//! `chunks` pieces, on a process pool, because in Python only processes
//! compute in parallel:
//!
//! ```python
//! import asyncio
//! from concurrent.futures import ProcessPoolExecutor
//!
//! def count_primes(lo, hi): ...          # CPU-bound, pure Python
//!
//! async def count_primes_parallel(limit, chunks):
//!     size = -(-limit // chunks)         # ceiling division
//!     loop = asyncio.get_running_loop()
//!     with ProcessPoolExecutor() as pool:
//!         counts = await asyncio.gather(*(
//!             loop.run_in_executor(pool, count_primes,
//!                                  lo, min(lo + size, limit))
//!             for lo in range(0, limit, size)
//!         ))
//!     return sum(counts)
//!
//! print(asyncio.run(count_primes_parallel(100_000, 4)))   # 9592
//! ```
//!
//! In Rust the counting function is passed in (`count`, e.g.
//! `crate::primes::count_primes`). Split `0..limit` into `chunks` ranges
//! of `limit.div_ceil(chunks)` numbers (the last one may be shorter; no
//! empty ranges), run `count(lo, hi)` for each range *off the async
//! runtime, on a pool of CPU threads*, and return the sum. Rust has no
//! GIL: threads are enough.
//!
//! The tests (in `lessons/10-executors/tests/exercises.rs`, module
//! `parallel_primes`) check that the ranges cover `0..limit` exactly once
//! (first: an off-by-one shows as the ranges it made), the sums (9592
//! primes below 100,000), that no `count` call ran on a thread of the
//! tokio runtime — neither an async worker nor the blocking pool, which is
//! sized for waiting, not for computing — and that two chunks are counted
//! at the same moment (on a machine with two cores or more).
//!
//! Check it: `cargo run -p course -- check 10-parallel-primes`

/// The sum of `count(lo, hi)` over `chunks` ranges covering `0..limit`,
/// computed on CPU threads.
pub async fn count_primes_parallel<F>(limit: u64, chunks: u64, count: F) -> u64
where
    F: Fn(u64, u64) -> u64 + Send + Sync + 'static,
{
    todo!()
}
