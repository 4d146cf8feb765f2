//! The first success, skipping failures: `futures::future::select_ok`.
//!
//! Python has no one call for it: a loop over `asyncio.as_completed` that
//! skips exceptions, or `asyncio.wait(..., return_when=FIRST_COMPLETED)`
//! in a loop. `select_ok` races a list of fallible futures: the first `Ok`
//! wins, and the futures still running come back in a `Vec`, which the
//! caller usually drops, cancelling them. An `Err` only takes its future
//! out of the race. If every future fails, `select_ok` returns the *last*
//! error; the earlier ones are gone.
//!
//! It polls its futures in place, so they must be `Unpin`: an `async`
//! block or `async fn` future is not, and `Box::pin` makes it so. An empty
//! list makes it panic.

use kit::Timeline;
use kit::sim::{FetchError, try_fetch};

use crate::Attempt;

// ANCHOR: select_ok
/// Asks every mirror at once; the first good answer wins. All failed:
/// the error of the last mirror to fail.
pub async fn first_success(
    timeline: &Timeline,
    mirrors: &[Attempt],
) -> Result<String, FetchError> {
    assert!(!mirrors.is_empty(), "select_ok panics on an empty list");
    let fetches = mirrors.iter().map(|&(name, delay, outcome)| {
        // select_ok wants Unpin futures: pinned in a Box, any future is.
        Box::pin(timeline.track(name, try_fetch(name, delay, outcome)))
    });
    let (winner, _still_running) = futures::future::select_ok(fetches).await?;
    Ok(winner) // `_still_running` is dropped here: the losers are cancelled
}
// ANCHOR_END: select_ok
