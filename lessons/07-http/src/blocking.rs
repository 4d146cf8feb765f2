//! The blocking client inside the runtime: tokio's panic, and two fixes.
//!
//! `reqwest::blocking` is for programs without async: it runs its own
//! runtime on a background thread and blocks the calling thread until the
//! answer is there. Called from async code, it would block a runtime
//! thread, stalling every task that thread runs. In debug builds reqwest
//! checks for that and panics with tokio's message; in release builds the
//! check is compiled out and the call just blocks the thread.

use reqwest::Client;

// ANCHOR: wrong
/// Wrong: a blocking call on a runtime thread. Panics in debug builds.
pub async fn blocking_inside_async(url: String) -> reqwest::Result<u16> {
    let response = reqwest::blocking::get(url)?; // blocks the thread
    Ok(response.status().as_u16())
}
// ANCHOR_END: wrong

// ANCHOR: fix_spawn_blocking
/// Fix 1, for code that must stay blocking (a sync library, say): run it on
/// tokio's blocking thread pool, where blocking is allowed.
pub async fn blocking_on_the_pool(url: String) -> reqwest::Result<u16> {
    tokio::task::spawn_blocking(move || {
        let response = reqwest::blocking::get(url)?;
        Ok(response.status().as_u16())
    })
    .await
    .expect("the blocking request panicked")
}
// ANCHOR_END: fix_spawn_blocking

// ANCHOR: fix_async
/// Fix 2, the better one: use the async client and `.await`.
pub async fn async_client(client: &Client, url: &str) -> reqwest::Result<u16> {
    Ok(client.get(url).send().await?.status().as_u16())
}
// ANCHOR_END: fix_async

// ANCHOR: catch
/// Runs [`blocking_inside_async`] as a task and returns its panic message.
/// (A panic in a task ends the task, not the program: the `JoinHandle`
/// hands it back as an error.)
pub async fn the_panic_message(url: String) -> Option<String> {
    let joined = tokio::spawn(blocking_inside_async(url)).await;
    let panic = joined.err()?.try_into_panic().ok()?;
    // A panic payload is a `String` or a `&'static str`.
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
}
// ANCHOR_END: catch
