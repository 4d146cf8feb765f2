//! CPU-bound work: nothing to wait for, so async cannot help — threads can.
//!
//! Async overlaps *waits*. A computation never waits: an `async fn` that
//! only computes runs start to finish the moment it is polled, and
//! `join_all` of several of them runs them one after another on one thread.
//! Threads are the tool here, and in Rust they truly run in parallel: there
//! is no GIL, so two threads on two cores do twice the work per second.
//! (Python reaches for processes for this; Rust does not need to. For real
//! programs the `rayon` crate spreads work over a thread pool for you.)
//!
//! The timings depend on the machine, so they are printed by the demo and
//! measured properly in lesson 10, not asserted here.

use std::hint::black_box;

use futures::future::join_all;

// ANCHOR: busy
/// Pure computation: `rounds` steps of a hash-like mix. `black_box` stops
/// the compiler from computing the answer at build time.
pub fn busy_work(rounds: u64) -> u64 {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in 0..rounds {
        x = black_box((x.rotate_left(5) ^ i).wrapping_mul(0x0100_0000_01B3));
    }
    x
}
// ANCHOR_END: busy

// ANCHOR: cpu
/// `jobs` computations one after another on the calling thread.
pub fn on_one_thread(jobs: usize, rounds: u64) -> Vec<u64> {
    (0..jobs).map(|_| busy_work(rounds)).collect()
}

/// The same computations, one thread each: on a machine with several
/// cores they run at the same time.
pub fn on_threads(jobs: usize, rounds: u64) -> Vec<u64> {
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..jobs)
            .map(|_| scope.spawn(move || busy_work(rounds)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("no panic"))
            .collect()
    })
}

/// The same computations as async tasks joined on a single-threaded
/// runtime: they never `.await` anything, so they simply run in turn.
pub fn as_async_on_one_thread(jobs: usize, rounds: u64) -> Vec<u64> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    runtime.block_on(join_all(
        (0..jobs).map(|_| async move { busy_work(rounds) }),
    ))
}
// ANCHOR_END: cpu
