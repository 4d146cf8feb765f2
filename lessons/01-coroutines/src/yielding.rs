//! `tokio::task::yield_now()`: Python's `await asyncio.sleep(0)`.
//!
//! A task gives up the thread only at an `.await` that is not ready. Two
//! tasks that never wait run one after the other; with `yield_now` between
//! steps they take turns. The runtime here is single-threaded on purpose, so
//! the order is deterministic and shows the scheduler, not the thread count.

use std::sync::{Arc, Mutex};

// ANCHOR: yielding
/// Runs two three-step tasks on one thread and returns the order the steps
/// ran in: `a0 a1 a2 b0 b1 b2` without yielding; with it, `b0` runs right
/// after `a0` and the two take turns.
pub fn interleave(yield_between_steps: bool) -> Vec<String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    let order = Arc::new(Mutex::new(Vec::new()));
    runtime.block_on(async {
        let mut handles = Vec::new();
        for task in ["a", "b"] {
            let order = order.clone();
            handles.push(tokio::spawn(async move {
                for step in 0..3 {
                    order.lock().unwrap().push(format!("{task}{step}"));
                    if yield_between_steps {
                        tokio::task::yield_now().await; // back of the queue
                    }
                }
            }));
        }
        for handle in handles {
            handle.await.expect("no panic");
        }
    });
    order.lock().unwrap().clone()
}
// ANCHOR_END: yielding
