//! Pitfall: blocking the runtime.
//!
//! `std::thread::sleep` and a synchronous HTTP call look harmless inside
//! an `async fn`, and they compile. But neither has an `.await`, so the
//! task never gives its thread back while it waits: on a current-thread
//! runtime every other task stops, and three "concurrent" requests run
//! one after another. The fix is an async wait (`tokio::time::sleep`, an
//! async client) or, for a call that has no async version, the blocking
//! pool (`spawn_blocking`, lesson 10).

use std::net::SocketAddr;
use std::time::Duration;

use kit::{InFlight, Timeline};
use tokio::time::Instant;

use crate::server::blocking_get;

/// How one simulated request handler waits.
#[derive(Debug, Clone, Copy)]
pub enum Wait {
    /// `std::thread::sleep`: blocks the thread. The pitfall.
    ThreadSleep,
    /// `tokio::time::sleep(..).await`: the fix.
    TokioSleep,
    /// A synchronous HTTP call to a server that answers after the delay.
    BlockingHttp(SocketAddr),
    /// The same call, on tokio's blocking pool: the fix.
    HttpOnBlockingPool(SocketAddr),
}

/// What three handlers did together.
#[derive(Debug, Clone, Copy)]
pub struct Report {
    /// The most handlers that were waiting at the same moment.
    pub peak: usize,
    /// From the start of the first to the end of the last.
    pub took: Duration,
}

// ANCHOR: handler
/// One request handler: waits `each` in the given way.
async fn handle(wait: Wait, each: Duration) {
    let path = format!("/delay/{}", each.as_millis());
    match wait {
        Wait::ThreadSleep => std::thread::sleep(each), // blocks!
        Wait::TokioSleep => tokio::time::sleep(each).await,
        Wait::BlockingHttp(addr) => {
            blocking_get(addr, &path).expect("GET"); // blocks!
        }
        Wait::HttpOnBlockingPool(addr) => {
            tokio::task::spawn_blocking(move || blocking_get(addr, &path))
                .await
                .expect("no panic")
                .expect("GET");
        }
    }
}
// ANCHOR_END: handler

// ANCHOR: three
/// Spawns three handlers on the current runtime and waits for them all,
/// counting how many were waiting at once; each one's span goes on
/// `timeline`.
pub async fn three_handlers(
    timeline: &Timeline,
    wait: Wait,
    each: Duration,
) -> Report {
    let start = Instant::now();
    let waiting = InFlight::new(); // lesson 05's gauge, from the kit
    let tasks: Vec<_> = (0..3)
        .map(|i| {
            let (waiting, timeline) = (waiting.clone(), timeline.clone());
            tokio::spawn(async move {
                let span = timeline.start(format!("handler {i}"));
                waiting.track(handle(wait, each)).await;
                span.end();
            })
        })
        .collect();
    for task in tasks {
        task.await.expect("a handler panicked");
    }
    Report {
        peak: waiting.max(),
        took: start.elapsed(),
    }
}
// ANCHOR_END: three
