//! Exercise 05-token-bucket (challenge: a port).
//!
//! Port this Python token bucket. It lets a burst of up to `capacity` calls
//! through at once, then one call per `1 / per_second`; while idle it
//! refills at `per_second` tokens a second, never above `capacity`.
//!
//! ```python
//! import asyncio
//!
//! class TokenBucket:
//!     def __init__(self, capacity, per_second):
//!         self.capacity = capacity
//!         self.per_second = per_second
//!         self.tokens = capacity
//!         self.updated = asyncio.get_running_loop().time()
//!         self.lock = asyncio.Lock()
//!
//!     def _refill(self):
//!         now = asyncio.get_running_loop().time()
//!         earned = (now - self.updated) * self.per_second
//!         self.tokens = min(self.capacity, self.tokens + earned)
//!         self.updated = now
//!
//!     async def acquire(self):
//!         async with self.lock:          # callers take turns
//!             self._refill()
//!             if self.tokens < 1:        # wait for the missing part
//!                 await asyncio.sleep((1 - self.tokens) / self.per_second)
//!                 self._refill()
//!             self.tokens -= 1
//!
//! async def main():
//!     loop = asyncio.get_running_loop()
//!     bucket = TokenBucket(capacity=5, per_second=10)
//!     start = loop.time()
//!
//!     async def call(i):
//!         await bucket.acquire()
//!         print(f"call {i} at {loop.time() - start:.1f}s")
//!
//!     await asyncio.gather(*(call(i) for i in range(25)))
//!
//! asyncio.run(main())
//! ```
//!
//! The tests (`tests/exercises.rs`, module `token_bucket`) use the paused
//! clock and allow 2 ms of rounding per call: 25 calls at once through
//! `new(5, 10)` go at 0 s (five of them), then 0.1, 0.2, … up to 2.0 s;
//! after a long idle spell a burst of 5 goes at once and the 6th waits
//! 100 ms (the bucket never holds more than `capacity`); 250 ms after
//! emptying it, 2 calls go at once and the next 2 at 300 and 400 ms. The
//! bucket is shared between spawned tasks, so it must be `Send + Sync`.
//!
//! Check it: `cargo run -p course -- check 05-token-bucket`

/// A token bucket: bursts up to `capacity`, refills at `per_second`.
#[derive(Debug)]
pub struct TokenBucket {}

impl TokenBucket {
    /// A full bucket of `capacity` tokens refilling at `per_second`.
    pub fn new(capacity: u32, per_second: u32) -> Self {
        todo!()
    }

    /// Waits for a token and takes it.
    pub async fn acquire(&self) {
        todo!()
    }
}
