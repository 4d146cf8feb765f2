//! Graceful shutdown: a signal, a token, a tracker.
//!
//! Three separate jobs, three tools:
//!
//! - *When* to stop: `tokio::signal` turns Ctrl-C (SIGINT) and SIGTERM (what
//!   `docker stop`, systemd and Kubernetes send) into futures.
//! - *Telling* every task: a `CancellationToken`. Cloned into each task,
//!   `cancel()` once, and every `token.cancelled()` future completes. Python
//!   has `asyncio.Event` for this; the token adds child tokens (cancel a
//!   subtree) and `run_until_cancelled`.
//! - *Waiting* until they are done: a `TaskTracker`.

use std::time::Duration;

use tokio::time::{Instant, sleep};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

// ANCHOR: signal
/// Which signal asked us to stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// Ctrl-C in a terminal (SIGINT).
    Interrupt,
    /// SIGTERM, from `kill`, a container runtime or a service manager.
    Terminate,
}

/// Installs handlers for Ctrl-C and SIGTERM now, and returns a future that
/// completes when either arrives.
///
/// From here on those signals no longer kill the process: stopping is this
/// program's job. Install them before announcing that you are ready, or a
/// signal sent in between still kills the process the default way.
#[cfg(unix)]
pub fn shutdown_signal() -> std::io::Result<impl Future<Output = Signal>> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut interrupt = signal(SignalKind::interrupt())?;
    let mut terminate = signal(SignalKind::terminate())?;
    Ok(async move {
        tokio::select! {
            _ = interrupt.recv() => Signal::Interrupt,
            _ = terminate.recv() => Signal::Terminate,
        }
    })
}
// ANCHOR_END: signal

// ANCHOR: worker
/// A worker that does a unit of work every `tick` until told to stop.
/// It finishes the unit it is in: it checks the token only between units.
pub async fn worker(token: CancellationToken, tick: Duration) -> u32 {
    let mut units = 0;
    loop {
        tokio::select! {
            // `biased`: if both are ready, stopping wins.
            biased;
            () = token.cancelled() => return units,
            () = sleep(tick) => {}
        }
        // One unit of work; cancellation cannot cut it in half.
        sleep(tick / 2).await;
        units += 1;
    }
}

/// Starts `workers` workers, cancels them at `stop_at`, and waits for all.
/// Returns each one's count of finished units and when they had all ended.
pub async fn stop_workers(
    workers: usize,
    tick: Duration,
    stop_at: Duration,
) -> (Vec<u32>, Duration) {
    let start = Instant::now();
    let token = CancellationToken::new();
    let tracker = TaskTracker::new();
    let handles: Vec<_> = (0..workers)
        .map(|_| tracker.spawn(worker(token.clone(), tick)))
        .collect();
    tracker.close();

    sleep(stop_at).await;
    token.cancel(); // every clone's `cancelled()` completes
    tracker.wait().await;

    let mut units = Vec::new();
    for handle in handles {
        units.push(handle.await.expect("worker did not panic"));
    }
    (units, start.elapsed())
}
// ANCHOR_END: worker

/// Elsewhere only Ctrl-C exists, and `ctrl_c()` is the portable way.
#[cfg(not(unix))]
pub fn shutdown_signal() -> std::io::Result<impl Future<Output = Signal>> {
    Ok(async {
        let _ = tokio::signal::ctrl_c().await;
        Signal::Interrupt
    })
}
