//! Pitfall: detached tasks are killed when the runtime shuts down.
//!
//! When `main` returns (or a `Runtime` is dropped), tokio drops every task
//! still running, at its current `.await`. Work a detached task had not
//! finished is simply gone: no error, no warning. Python's `asyncio.run`
//! cancels leftover tasks the same way. Keep the handles (a `JoinSet`, or
//! tokio-util's `TaskTracker`, lesson 13) and wait before returning.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::task::JoinSet;
use tokio::time::sleep;

/// Where "sent" emails end up.
pub type Outbox = Arc<Mutex<Vec<String>>>;

/// Sends one email: a short wait, then it is in the outbox.
async fn send(outbox: Outbox, to: String, delay: Duration) {
    sleep(delay).await;
    outbox.lock().unwrap().push(to);
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime can be built")
}

// ANCHOR: detached
/// The mistake: fire and forget, then the program ends.
pub fn fire_and_forget(outbox: Outbox, users: &[&str], delay: Duration) {
    let runtime = runtime();
    runtime.block_on(async {
        for user in users {
            // The handle is dropped: nobody waits for this task.
            tokio::spawn(send(outbox.clone(), user.to_string(), delay));
        }
    }); // `main` is done...
    drop(runtime); // ...and shutting down drops the tasks mid-wait
}
// ANCHOR_END: detached

// ANCHOR: waited
/// The fix: keep every task in a `JoinSet` and wait for it to drain.
pub fn wait_before_exit(outbox: Outbox, users: &[&str], delay: Duration) {
    let runtime = runtime();
    runtime.block_on(async {
        let mut tasks = JoinSet::new();
        for user in users {
            tasks.spawn(send(outbox.clone(), user.to_string(), delay));
        }
        while let Some(done) = tasks.join_next().await {
            done.expect("a send panicked");
        }
    });
}
// ANCHOR_END: waited
