//! Pitfall: a std `MutexGuard` (or an `Rc`) held across `.await`.
//!
//! Python lets you hold a `threading.Lock` across an `await`, and the
//! event loop deadlocks the day another task wants the lock. Rust stops
//! it at compile time for spawned tasks: a `std::sync::MutexGuard` is not
//! `Send`, a future holding one across an `.await` is not `Send` either,
//! and `tokio::spawn` requires `Send` ("future cannot be sent between
//! threads safely"). The same goes for `Rc` and `RefCell` borrows. The
//! chapter shows the errors; here are the fixes, which compile and run.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::time::sleep;

// ANCHOR: scoped
/// Fix 1: keep the std lock inside a block that ends before the
/// `.await`. (A `drop(guard)` before the `.await` is not enough for the
/// compiler: the block is.)
pub async fn add_then_wait(counter: Arc<Mutex<u64>>) {
    {
        let mut n = counter.lock().unwrap();
        *n += 1;
    } // the guard is gone here
    sleep(Duration::from_millis(10)).await;
}
// ANCHOR_END: scoped

// ANCHOR: async_mutex
/// Fix 2: when the lock really must be held across an `.await`, use
/// tokio's `Mutex`: its guard is `Send`, and waiting for it is an
/// `.await`, so a waiting task does not block its thread.
pub async fn add_while_waiting(counter: Arc<tokio::sync::Mutex<u64>>) {
    let mut n = counter.lock().await;
    sleep(Duration::from_millis(10)).await; // still holding the lock
    *n += 1;
}
// ANCHOR_END: async_mutex

// ANCHOR: local
/// Fix 3 for `Rc`/`RefCell`: keep the task on one thread, with
/// `spawn_local` inside a `LocalSet`, which does not need `Send`.
pub async fn rc_on_one_thread() -> Vec<u32> {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let local = tokio::task::LocalSet::new();
    for i in 0..3 {
        let seen = seen.clone();
        local.spawn_local(async move {
            sleep(Duration::from_millis(10 * u64::from(3 - i))).await;
            seen.borrow_mut().push(i);
        });
    }
    local.await; // runs until every local task is done
    Rc::try_unwrap(seen).expect("tasks done").into_inner()
}
// ANCHOR_END: local
