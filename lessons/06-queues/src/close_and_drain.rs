//! `close()`: closing a channel on purpose, from either side.
//!
//! Dropping every sender closes a channel — but at shutdown the senders may
//! be spread around (clients' handles, other tasks), and you want the
//! channel closed *now*, from one place. `async_channel`'s `close()`, on
//! any `Sender` or `Receiver`, does that: from then on every `send` fails,
//! handing its item back, while receivers still get everything already
//! queued, and only then `Err`. So workers finish the accepted jobs and
//! end by themselves. Python 3.13's `Queue.shutdown()` is the same idea.

/// Which end calls `close()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// A `Sender` closes it.
    Sender,
    /// A `Receiver` closes it.
    Receiver,
}

// ANCHOR: close
/// Queues `jobs` jobs, closes the channel from `side` while another
/// sender is still alive, then tries a send and drains the channel.
pub async fn close_then_drain(side: Side, jobs: u32) -> Vec<String> {
    let (tx, rx) = async_channel::bounded(10);
    let client = tx.clone(); // someone else's sender, still alive
    for job in 0..jobs {
        tx.send(job).await.expect("the channel is open");
    }
    let closed_it = match side {
        Side::Sender => tx.close(),
        Side::Receiver => rx.close(),
    }; // `true`: this call closed it (it was open)
    let mut events = vec![format!("closed: {closed_it}")];
    if let Err(err) = client.send(jobs).await {
        events.push(format!("send {}: refused", err.into_inner()));
    }
    while let Ok(job) = rx.recv().await {
        events.push(format!("recv {job}")); // what was queued still comes
    }
    events.push("recv: Err, closed and empty".to_string());
    events
}
// ANCHOR_END: close
