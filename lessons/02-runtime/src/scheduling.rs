//! `call_soon`, `call_later`, `call_at` — and what shutting down does to them.
//!
//! Python's loop runs plain callbacks: now, after a delay, at a time on the
//! loop's clock. tokio runs tasks, so a callback is a tiny task: spawn it
//! for "soon", put a `sleep` in front for "later", a `sleep_until` for "at".
//! When the runtime shuts down — `asyncio.run` closing the loop, here the
//! `Runtime` being dropped — every task that has not finished is dropped
//! where it stands. A callback due after that moment never runs.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::runtime::Runtime;
use tokio::time::{Instant, sleep, sleep_until};

/// What ran, and when, counted from the start of [`schedule_three`].
/// `None` for the time means "dropped at shutdown, never ran".
pub type Log = Arc<Mutex<Vec<(&'static str, Option<Duration>)>>>;

/// Notes in the log that a callback's task was dropped before it ran.
struct DroppedUnrun {
    log: Log,
    what: &'static str,
    ran: bool,
}

impl DroppedUnrun {
    /// A guard that will report `what` unless it is disarmed.
    fn armed(log: &Log, what: &'static str) -> Self {
        Self {
            log: log.clone(),
            what,
            ran: false,
        }
    }

    /// The callback ran: nothing to report.
    fn disarm(mut self) {
        self.ran = true;
    }
}

impl Drop for DroppedUnrun {
    fn drop(&mut self) {
        if !self.ran {
            self.log.lock().unwrap().push((self.what, None));
        }
    }
}

// ANCHOR: schedule
/// Schedules three callbacks — now, at +2 s, at +5 s — then sleeps 3 s.
pub async fn schedule_three(log: Log) {
    let start = Instant::now(); // loop.time()
    let callback = |what: &'static str| {
        let log = log.clone();
        move || log.lock().unwrap().push((what, Some(start.elapsed())))
    };

    // loop.call_soon(cb): runs as soon as this task gives up the thread.
    let soon = callback("call_soon");
    tokio::spawn(async move { soon() });

    // loop.call_later(2, cb): a task that sleeps first.
    let later = callback("call_later +2s");
    tokio::spawn(async move {
        sleep(Duration::from_secs(2)).await;
        later();
    });

    // loop.call_at(loop.time() + 5, cb): a task that sleeps until an instant.
    let at = callback("call_at +5s");
    // Logs the call if it is dropped without having run.
    let guard = DroppedUnrun::armed(&log, "call_at +5s");
    tokio::spawn(async move {
        sleep_until(start + Duration::from_secs(5)).await;
        at();
        guard.disarm();
    });

    sleep(Duration::from_secs(3)).await; // main's own work
}

/// Runs [`schedule_three`] as the main future of `runtime`, then shuts the
/// runtime down, as `asyncio.run` does when main returns.
pub fn run_then_shut_down(
    runtime: Runtime,
) -> Vec<(&'static str, Option<Duration>)> {
    let log = Log::default();
    runtime.block_on(schedule_three(log.clone()));
    drop(runtime); // the +5 s task is dropped here, 3 s in, before its time
    log.lock().unwrap().clone()
}
// ANCHOR_END: schedule
