//! One OS thread per job: the waits overlap.
//!
//! Python's `threading.Thread`. Each thread blocks in its own wait, the
//! operating system runs the others meanwhile, and the total is the longest
//! wait. It works, but every thread costs a stack (2 MiB reserved by
//! default for a Rust thread) and a kernel scheduling slot: fine for ten waits,
//! heavy for ten thousand. Unlike Python's, Rust's threads also *compute*
//! in parallel: there is no GIL (see [`crate::cpu`]).

use kit::Timeline;

use crate::blocking::fetch_blocking;
use crate::workload::Job;

// ANCHOR: threads
/// Runs every job on its own thread and returns the results in job order.
pub fn run_on_threads(timeline: &Timeline, jobs: &[Job]) -> Vec<String> {
    // A scope lets the threads borrow `timeline` and `jobs`; every thread
    // spawned in it is joined before `scope` returns.
    std::thread::scope(|scope| {
        let handles: Vec<_> = jobs
            .iter()
            .map(|job| {
                let mark = timeline.start(job.name); // rows in job order
                scope.spawn(move || {
                    // Only this thread sleeps; the others run on.
                    let result = fetch_blocking(job.name, job.delay);
                    mark.end();
                    result
                })
            })
            .collect();
        // Join in spawn order, so results come back in job order.
        handles
            .into_iter()
            .map(|h| h.join().expect("a fetch thread panicked"))
            .collect()
    })
}
// ANCHOR_END: threads
