//! Tasks that are not `Send`: `spawn_local` on a `LocalSet`.
//!
//! `tokio::spawn` asks for a `Send` future on every runtime, the
//! current-thread one included: the signature is the same whatever the
//! flavour, so a task that holds an `Rc` across an `.await` is refused
//! everywhere. A `LocalSet` runs tasks on the one thread that drives it, so
//! its `spawn_local` takes them as they are.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use tokio::task::{LocalSet, spawn_local};
use tokio::time::sleep;

// ANCHOR: spawn_local
/// Three tasks share a list through an `Rc<RefCell<_>>` (neither is
/// `Send`); task `i` waits `i` pauses, then adds `i`. Returns the list.
pub async fn local_tasks(pause: Duration) -> Vec<u32> {
    let local = LocalSet::new();
    // Everything inside `run_until` may call `spawn_local`.
    local
        .run_until(async move {
            let seen = Rc::new(RefCell::new(Vec::new()));
            let tasks: Vec<_> = (1..=3)
                .map(|i| {
                    let seen = Rc::clone(&seen);
                    spawn_local(async move {
                        sleep(pause * i).await; // the Rc crosses this .await
                        seen.borrow_mut().push(i);
                    })
                })
                .collect();
            for task in tasks {
                task.await.expect("the task did not panic");
            }
            seen.take() // the list, out of its RefCell
        })
        .await
}
// ANCHOR_END: spawn_local
