//! Reference solution for 12-send-all.

use crate::mailer::{Outbox, send_welcome};

/// Sends every user the welcome email; returns the users whose send
/// failed, in input order.
pub async fn send_all(outbox: Outbox, users: Vec<String>) -> Vec<String> {
    // One task per email: a panic ends only its own task, and comes back
    // as `Err(JoinError)` from its handle.
    let handles: Vec<_> = users
        .iter()
        .map(|user| tokio::spawn(send_welcome(outbox.clone(), user.clone())))
        .collect();
    // Await every handle before returning, or the runtime's shutdown
    // would drop the unfinished sends.
    let mut failed = Vec::new();
    for (user, handle) in users.into_iter().zip(handles) {
        if let Err(error) = handle.await {
            assert!(error.is_panic(), "nobody aborts these tasks");
            failed.push(user);
        }
    }
    failed
}
