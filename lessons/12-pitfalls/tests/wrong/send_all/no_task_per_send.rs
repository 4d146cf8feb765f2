//! Wrong answer: join_all of the sends in one task: the first panic ends them all
//! Expect: a send's panic escaped send_all
use futures::future::join_all;

use crate::mailer::{Outbox, send_welcome};

/// Sends every user the welcome email; returns the users whose send
/// failed, in input order.
pub async fn send_all(outbox: Outbox, users: Vec<String>) -> Vec<String> {
    join_all(
        users
            .iter()
            .map(|user| send_welcome(outbox.clone(), user.clone())),
    )
    .await;
    Vec::new()
}
