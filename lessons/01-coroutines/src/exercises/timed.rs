//! Exercise 01-timed (core).
//!
//! Write `timed`: await any future and return its output together with how
//! long the await took on tokio's clock. Python would write
//! `start = loop.time(); result = await aw; return result, loop.time() - start`.
//!
//! Check it: `cargo run -p course -- check 01-timed`

use std::future::Future;
use std::time::Duration;

/// Awaits `fut` and returns its output and the time the await took.
pub async fn timed<F: Future>(fut: F) -> (F::Output, Duration) {
    todo!()
}
