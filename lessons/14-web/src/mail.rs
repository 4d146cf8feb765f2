//! The welcome mail: background work that outlives the request.
//!
//! FastAPI's `background_tasks.add_task(send_email, ...)` runs the task
//! after the response is sent, in the same process. Here the handler
//! spawns it through a `TaskTracker` and answers at once; the tracker is
//! how shutdown knows to wait for mail still being sent.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio_util::task::TaskTracker;

/// A sent mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    pub to: String,
    pub subject: String,
}

/// Sends mail in the background; keeps what it sent, as a test SMTP server
/// would.
#[derive(Debug, Clone)]
pub struct Mailer {
    /// How long one mail takes to send (2 s in the FastAPI version's
    /// `send_welcome`).
    delay: Duration,
    sent: Arc<Mutex<Vec<Mail>>>,
    tracker: TaskTracker,
}

// ANCHOR: send
impl Mailer {
    pub fn new(delay: Duration) -> Mailer {
        Mailer {
            delay,
            sent: Arc::default(),
            tracker: TaskTracker::new(),
        }
    }

    /// Starts sending a welcome mail to `to`, and returns at once.
    pub fn send_welcome(&self, to: &str) {
        let mail = Mail {
            to: to.to_owned(),
            subject: "Welcome!".into(),
        };
        let (delay, sent) = (self.delay, self.sent.clone());
        self.tracker.spawn(async move {
            tokio::time::sleep(delay).await; // talking to the SMTP server
            tracing::info!(to = %mail.to, "welcome mail sent");
            sent.lock().expect("not poisoned").push(mail);
        });
    }

    /// At shutdown: no more mail, and wait for what is being sent.
    pub async fn finish(&self) {
        self.tracker.close();
        self.tracker.wait().await;
    }
}
// ANCHOR_END: send

impl Mailer {
    /// Every mail sent so far.
    pub fn sent(&self) -> Vec<Mail> {
        self.sent.lock().expect("not poisoned").clone()
    }

    /// Mails still being sent.
    pub fn sending(&self) -> usize {
        self.tracker.len()
    }
}
