//! Wrong answer: a task per send, but each awaited before the next is spawned
//! Expect: is too slow: it took 1.5s
use crate::mailer::{Outbox, send_welcome};

/// Sends every user the welcome email; returns the users whose send
/// failed, in input order.
pub async fn send_all(outbox: Outbox, users: Vec<String>) -> Vec<String> {
    let mut failed = Vec::new();
    for user in users {
        if tokio::spawn(send_welcome(outbox.clone(), user.clone()))
            .await
            .is_err()
        {
            failed.push(user);
        }
    }
    failed
}
