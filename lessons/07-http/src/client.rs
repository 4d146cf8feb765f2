//! One `Client`, built once and shared: aiohttp's `ClientSession`.
//!
//! A `reqwest::Client` holds a pool of open connections. Reuse it and the
//! second request to a host rides the connection the first one opened; build
//! a new client per request (which is what the `reqwest::get` shortcut does)
//! and every request pays for a fresh connection — a TCP handshake here, a
//! TLS handshake too on the real internet. The test server counts the
//! connections it accepts, so the difference is a number, not a feeling.
//!
//! `Client` is an `Arc` inside: clone it freely into tasks, every clone
//! shares the one pool.

use reqwest::Client;

// ANCHOR: shared
/// Fetches every URL in turn with one client: the connection opened by
/// the first request is reused by all the others.
pub async fn fetch_all_shared(urls: &[String]) -> reqwest::Result<Vec<String>> {
    let client = Client::new(); // once, like `async with ClientSession()`
    let mut bodies = Vec::new();
    for url in urls {
        bodies.push(client.get(url).send().await?.text().await?);
    }
    Ok(bodies)
}
// ANCHOR_END: shared

// ANCHOR: per_request
/// The same, but `reqwest::get` builds a new client (and a new connection
/// pool) for every call: one new connection per request.
pub async fn fetch_all_fresh(urls: &[String]) -> reqwest::Result<Vec<String>> {
    let mut bodies = Vec::new();
    for url in urls {
        bodies.push(reqwest::get(url).await?.text().await?);
    }
    Ok(bodies)
}
// ANCHOR_END: per_request
