//! Plain blocking code: the thread sleeps through every wait.
//!
//! This is Python's `time.sleep` / `requests.get` world. Each call holds the
//! thread until the answer arrives, so the calls can only happen one after
//! another, and the total is the sum of the waits.

use std::time::Duration;

use kit::Timeline;
use kit::timing::fmt_duration;

use crate::workload::Job;

// ANCHOR: fetch_blocking
/// The blocking twin of `kit::sim::fetch`: the calling thread does nothing
/// at all for `delay`, just as it would waiting on a socket.
pub fn fetch_blocking(name: &str, delay: Duration) -> String {
    std::thread::sleep(delay);
    format!("{name}: done in {}", fmt_duration(delay))
}
// ANCHOR_END: fetch_blocking

// ANCHOR: blocking
/// Runs the jobs one after another on the calling thread.
pub fn run_blocking(timeline: &Timeline, jobs: &[Job]) -> Vec<String> {
    let mut results = Vec::new();
    for job in jobs {
        let mark = timeline.start(job.name);
        // The whole thread sleeps here: nothing else can run on it.
        results.push(fetch_blocking(job.name, job.delay));
        mark.end();
    }
    results
}
// ANCHOR_END: blocking
