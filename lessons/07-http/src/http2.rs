//! HTTP/2: many requests, one connection.
//!
//! HTTP/1.1 carries one request at a time per connection, so n concurrent
//! requests need n connections. HTTP/2 multiplexes: each request is a
//! *stream* on one shared connection, and a hundred of them can be in flight
//! together. Over TLS the two sides agree on HTTP/2 during the handshake
//! (ALPN); the test server speaks plain TCP, where the client must know in
//! advance that the server talks HTTP/2 ("prior knowledge", h2c) — httpx's
//! `AsyncClient(http2=True)`.

use futures::future::try_join_all;
use reqwest::{Client, Version};

// ANCHOR: h2c
/// A client that speaks only HTTP/2 over plain TCP.
pub fn http2_client() -> reqwest::Result<Client> {
    Client::builder().http2_prior_knowledge().build()
}

/// A client that speaks only HTTP/1.1, for comparison.
pub fn http1_client() -> reqwest::Result<Client> {
    Client::builder().http1_only().build()
}

/// Sends `n` GETs of `url` at once; returns the HTTP version of each answer.
pub async fn many_at_once(
    client: &Client,
    url: &str,
    n: usize,
) -> reqwest::Result<Vec<Version>> {
    let requests = (0..n).map(|_| async {
        let response = client.get(url).send().await?.error_for_status()?;
        Ok(response.version())
    });
    try_join_all(requests).await
}
// ANCHOR_END: h2c
