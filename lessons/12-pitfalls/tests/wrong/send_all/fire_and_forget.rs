//! Wrong answer: bad addresses are picked out by hand and the good sends are spawned and never awaited
//! Expect: wait for every send before returning
use crate::mailer::{Outbox, send_welcome};

/// Sends every user the welcome email; returns the users whose send
/// failed, in input order.
pub async fn send_all(outbox: Outbox, users: Vec<String>) -> Vec<String> {
    let mut failed = Vec::new();
    for user in users {
        if user.contains('@') {
            tokio::spawn(send_welcome(outbox.clone(), user));
        } else {
            failed.push(user);
        }
    }
    failed
}
