//! `select!`: Python's `asyncio.wait(..., return_when=FIRST_COMPLETED)`.
//!
//! `select!` polls several futures and runs the branch of whichever finishes
//! first. The others are then dropped — cancelled where they stand, at
//! their current `.await` — so, unlike Python's `wait`, there are no
//! pending tasks left to cancel by hand. (Beware: a `JoinHandle` in a losing
//! branch is dropped too, and dropping a handle does *not* stop its task.)

use kit::Timeline;
use kit::sim::fetch;

use crate::Job;

// ANCHOR: first_completed
/// Races three jobs; the first to finish wins and the others are dropped.
pub async fn first_completed(timeline: &Timeline, jobs: [Job; 3]) -> String {
    let run =
        move |(name, delay): Job| timeline.track(name, fetch(name, delay));
    let [a, b, c] = jobs;
    let winner = tokio::select! {
        // Poll in the order written (the default is random, for fairness).
        biased;
        done = run(a) => done,
        done = run(b) => done,
        done = run(c) => done,
    };
    // The losers were dropped as select! finished: cancelled mid-wait.
    winner
}
// ANCHOR_END: first_completed
