//! A mailer with a bug, for exercise 12-send-all.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::time::sleep;

/// Where sent emails end up.
pub type Outbox = Arc<Mutex<Vec<String>>>;

/// Sends `user` a welcome email: half a second with the mail server, then
/// it is in the outbox. The library's bug: it *panics* on an address
/// without an `@`, instead of returning an error.
pub async fn send_welcome(outbox: Outbox, user: String) {
    sleep(Duration::from_millis(500)).await;
    assert!(user.contains('@'), "bad address: {user}");
    outbox.lock().unwrap().push(user);
}
