//! Exercise 00-concurrent-fetches (warm-up): a page of panels, all at once.
//!
//! A page shows several panels, and each panel needs a few fetches. This
//! Python loads the panels one after another, and each panel's fetches one
//! after another, so it takes the *sum* of every delay:
//!
//! ```python
//! async def fetch_panels(panels):
//!     page = []
//!     for panel in panels:
//!         page.append([await fetch(job.name, job.delay) for job in panel])
//!     return page
//! ```
//!
//! Write `fetch_panels` so that every fetch of every panel waits at the same
//! time. Panels of [300, 200], [400] and [100, 100, 100] ms must take 400 ms
//! (the longest single fetch), not 1.2 s. The results keep their shape: one
//! `Vec` per panel, panels in page order, and each panel's results in job
//! order. The tests check the time exactly, on tokio's paused clock.
//!
//! Check it: `cargo run -p course -- check 00-concurrent-fetches`

use kit::sim::fetch;

use crate::workload::Job;

/// Fetches every job of every panel concurrently; results grouped by panel.
pub async fn fetch_panels(panels: &[Vec<Job>]) -> Vec<Vec<String>> {
    todo!()
}
