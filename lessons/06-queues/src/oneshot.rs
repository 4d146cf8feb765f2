//! `oneshot`: one value, once — a Python `Future` and its `set_result`.
//!
//! A common use is a reply: a request sent over an `mpsc` carries a
//! `oneshot::Sender`, the task serving requests answers through it, and
//! the asker awaits the `oneshot::Receiver`. If the server drops the
//! sender without answering, the asker gets an error instead of waiting
//! for ever (a Python future that is never resolved just hangs).

use std::collections::HashMap;

use tokio::sync::{mpsc, oneshot};

// ANCHOR: oneshot
/// What the key-value task can be asked.
#[derive(Debug)]
pub enum Request {
    /// Store `value` under `key`.
    Set {
        /// The key.
        key: String,
        /// The value.
        value: u32,
    },
    /// Reply with the value under `key`, if any.
    Get {
        /// The key.
        key: String,
        /// Where the answer goes.
        reply: oneshot::Sender<Option<u32>>,
    },
}

/// The task that owns the map: no lock, it is the only one touching it.
pub async fn serve(mut requests: mpsc::Receiver<Request>) {
    let mut map = HashMap::new();
    while let Some(request) = requests.recv().await {
        match request {
            Request::Set { key, value } => {
                map.insert(key, value);
            }
            Request::Get { key, reply } => {
                // The asker may have given up: ignore the error.
                let _ = reply.send(map.get(&key).copied());
            }
        }
    }
}

/// Asks the server for `key` and awaits the answer.
pub async fn get(
    server: &mpsc::Sender<Request>,
    key: &str,
) -> Result<Option<u32>, oneshot::error::RecvError> {
    let (reply, answer) = oneshot::channel(); // loop.create_future()
    let key = key.to_string();
    // If the server is gone, the request (and `reply`) is dropped, and
    // awaiting `answer` reports it.
    let _ = server.send(Request::Get { key, reply }).await;
    answer.await // await future
}
// ANCHOR_END: oneshot

// ANCHOR: unanswered
/// A reply sender dropped without a value: the receiver is told at once.
pub async fn dropped_reply() -> Result<u32, oneshot::error::RecvError> {
    let (reply, answer) = oneshot::channel::<u32>();
    drop(reply); // the server failed before answering
    answer.await
}
// ANCHOR_END: unanswered
