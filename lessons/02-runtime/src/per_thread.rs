//! One runtime per thread.
//!
//! In Python each thread may run its own event loop, and a loop belongs to
//! the thread that runs it. A tokio current-thread runtime is the same: it
//! lives on the thread that drives it. Several threads can each drive their
//! own — the "thread-per-core" design — and no task ever crosses over. (A
//! multi-thread runtime is the other way round: one runtime, many threads.
//! And a runtime may not be started *inside* another's context: `block_on`
//! there panics, as lesson 10 shows.)

use std::thread::{self, ThreadId};

use futures::future::join_all;
use tokio::runtime::Builder;

// ANCHOR: per_thread
/// Starts `threads` plain threads; each builds its own current-thread
/// runtime and runs three tasks on it. Returns, per thread, its id and the
/// ids of the threads its tasks ran on.
pub fn runtime_per_thread(threads: usize) -> Vec<(ThreadId, Vec<ThreadId>)> {
    let workers: Vec<_> = (0..threads)
        .map(|_| {
            thread::spawn(|| {
                let runtime = Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("a runtime");
                let ran_on = runtime.block_on(async {
                    let tasks = (0..3).map(|_| {
                        tokio::spawn(async { thread::current().id() })
                    });
                    join_all(tasks).await
                });
                let ran_on =
                    ran_on.into_iter().map(|r| r.expect("no panic")).collect();
                (thread::current().id(), ran_on)
            })
        })
        .collect();
    workers
        .into_iter()
        .map(|w| w.join().expect("no panic"))
        .collect()
}
// ANCHOR_END: per_thread
