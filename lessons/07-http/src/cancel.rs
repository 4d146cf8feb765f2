//! A dropped request is cancelled on the server too.
//!
//! Dropping a request future (a lost `select!`, a `timeout`, an aborted
//! task) drops the request: over HTTP/1.1 its connection is closed, over
//! HTTP/2 its stream is reset. A well-built server notices and stops working
//! on it. The test server counts such requests as *abandoned*, so the
//! chapter's claim is checked from the server's side.

use std::time::Duration;

use reqwest::Client;

use crate::errors::status_of;

// ANCHOR: give_up
/// GETs `url` unless `stop` finishes first: then `None`, and the request
/// future, the loser of the `select!`, is dropped — which cancels it.
pub async fn get_unless(
    client: &Client,
    url: &str,
    stop: impl Future<Output = ()>,
) -> Option<reqwest::Result<u16>> {
    tokio::select! {
        result = status_of(client, url) => Some(result),
        () = stop => None,
    }
}

/// The everyday case: give up after `patience`.
pub async fn get_or_give_up(
    client: &Client,
    url: &str,
    patience: Duration,
) -> Option<reqwest::Result<u16>> {
    get_unless(client, url, tokio::time::sleep(patience)).await
}
// ANCHOR_END: give_up
