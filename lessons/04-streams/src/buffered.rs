//! Running a stream's work concurrently: `buffered` and `buffer_unordered`.
//!
//! `then` awaits each item's future before asking for the next item: one at
//! a time, like `for x in xs: await f(x)`. Turn the items into futures with
//! `map` instead, and `buffered(n)` / `buffer_unordered(n)` keep up to `n`
//! of them running at once — Python's "gather under a semaphore", as one
//! adapter. `buffered` hands results back in input order;
//! `buffer_unordered` as they finish.
//!
//! `buffered` pays for its order: a result that finishes early waits for
//! the ones before it *and keeps its slot* while it waits, so a slow head
//! holds back new starts. The timelines make that visible.

use std::time::Duration;

use futures::stream::{self, StreamExt};
use kit::Timeline;
use kit::timing::{fmt_duration, ms};

use crate::services::Backend;

/// The demo's work list: five fetches and how long each takes.
pub const JOBS: [(&str, Duration); 5] = [
    ("a", ms(300)),
    ("b", ms(100)),
    ("c", ms(250)),
    ("d", ms(100)),
    ("e", ms(150)),
];

/// The demo's concurrency limit.
pub const LIMIT: usize = 2;

/// One fetch, drawn on the timeline as e.g. `a 300ms`.
async fn fetch(
    backend: &Backend,
    timeline: &Timeline,
    (name, delay): (&str, Duration),
) -> String {
    let label = format!("{name} {}", fmt_duration(delay));
    timeline.track(label, backend.fetch(name, delay)).await
}

// ANCHOR: one_at_a_time
/// `[await fetch(job) for job in jobs]`: each fetch starts when the last
/// one ends.
pub async fn one_at_a_time(
    backend: &Backend,
    jobs: &[(&str, Duration)],
    timeline: &Timeline,
) -> Vec<String> {
    stream::iter(jobs)
        .then(|&job| fetch(backend, timeline, job))
        .collect()
        .await
}
// ANCHOR_END: one_at_a_time

// ANCHOR: buffered
/// At most `limit` fetches at once; results in the order of `jobs`.
pub async fn in_order(
    backend: &Backend,
    jobs: &[(&str, Duration)],
    limit: usize,
    timeline: &Timeline,
) -> Vec<String> {
    stream::iter(jobs)
        // A stream of (lazy) futures…
        .map(|&job| fetch(backend, timeline, job))
        .buffered(limit) // …run `limit` at a time, yielded in input order
        .collect()
        .await
}
// ANCHOR_END: buffered

// ANCHOR: buffer_unordered
/// At most `limit` fetches at once; results in the order they finish.
pub async fn as_they_finish(
    backend: &Backend,
    jobs: &[(&str, Duration)],
    limit: usize,
    timeline: &Timeline,
) -> Vec<String> {
    stream::iter(jobs)
        .map(|&job| fetch(backend, timeline, job))
        // A free slot is refilled the moment a fetch ends.
        .buffer_unordered(limit)
        .collect()
        .await
}
// ANCHOR_END: buffer_unordered
