//! `join!` and `join_all`: Python's `asyncio.gather`.
//!
//! Both poll several futures *inside the current task*, taking turns on one
//! thread: no spawning, so the futures may borrow local data (here, the
//! timeline by reference). The results come back in the order the futures
//! were given, however they finish; the whole takes as long as the slowest.
//! `join!` is for a fixed handful (each may have its own type); `join_all`
//! for a list of futures of one type.

use std::time::Duration;

use futures::future::join_all;
use kit::Timeline;
use kit::sim::fetch;

use crate::Job;

// ANCHOR: join
/// Fetches users, posts and comments at the same time with `join!`.
pub async fn join_three(
    timeline: &Timeline,
    delays: [Duration; 3],
) -> [String; 3] {
    let [users, posts, comments] = delays;
    let (users, posts, comments) = tokio::join!(
        timeline.track("users", fetch("users", users)),
        timeline.track("posts", fetch("posts", posts)),
        timeline.track("comments", fetch("comments", comments)),
    );
    [users, posts, comments] // input order, whatever order they finished in
}
// ANCHOR_END: join

// ANCHOR: join_all
/// `gather(*[fetch(...) for ...])`: a whole list of fetches at once.
pub async fn gather(timeline: &Timeline, jobs: &[Job]) -> Vec<String> {
    let fetches = jobs
        .iter()
        .map(|&(name, delay)| timeline.track(name, fetch(name, delay)));
    join_all(fetches).await
}
// ANCHOR_END: join_all
