//! Pitfall: blocking on a runtime from inside one (lesson 10 has the full
//! story: the three ways in, and three fixes).
//!
//! The version that bites in real code hides the `block_on` in a sync
//! helper written for scripts, then called from async code.

use std::time::Duration;

use tokio::runtime::Handle;

/// An async "remote config" call.
pub async fn fetch_setting(name: &str) -> String {
    tokio::time::sleep(Duration::from_millis(10)).await;
    format!("{name}=on")
}

// ANCHOR: nested
/// A sync helper, fine from `main` or a script's thread...
pub fn setting_blocking(handle: &Handle, name: &str) -> String {
    handle.block_on(fetch_setting(name))
}

/// ...and a panic when async code calls it.
pub async fn setting_from_async_code(name: &str) -> String {
    setting_blocking(&Handle::current(), name) // panics
}

/// The fix: async code awaits the async call.
pub async fn setting_awaited(name: &str) -> String {
    fetch_setting(name).await
}
// ANCHOR_END: nested
