//! Status errors, timeouts, and telling one error from another.
//!
//! A `reqwest::Error` is one type for everything that can go wrong; its
//! `is_*` methods and `status()` say which thing did. Two surprises for a
//! Python reader: a 404 or a 500 is *not* an error until you call
//! `error_for_status()` (aiohttp's `raise_for_status()`), and a timeout is
//! an error of the request, not a separate exception type.

use std::time::Duration;

use reqwest::Client;

/// What went wrong with a request, sorted the way a caller decides what to
/// do next (retry, give up, fix the code).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// No answer in time: the client, request or connect timeout fired.
    Timeout,
    /// No connection: nothing listening, host unreachable, DNS failed.
    Connect,
    /// An answer with a 4xx or 5xx status (after `error_for_status`).
    Status(u16),
    /// An answer whose body is not what we asked for (bad JSON).
    Decode,
    /// Anything else (a redirect loop, a bad URL, ...).
    Other,
}

// ANCHOR: classify
/// Sorts a `reqwest::Error`. Order matters: a connect timeout is both a
/// timeout and a connect error, and the timeout is what the caller needs
/// to hear.
pub fn classify(err: &reqwest::Error) -> Failure {
    if err.is_timeout() {
        Failure::Timeout
    } else if err.is_connect() {
        Failure::Connect
    } else if let Some(status) = err.status() {
        Failure::Status(status.as_u16())
    } else if err.is_decode() {
        Failure::Decode
    } else {
        Failure::Other
    }
}
// ANCHOR_END: classify

// ANCHOR: timeouts
/// A client with the two timeouts every client should have: `timeout` for
/// the whole request (connect, send, wait, read the body), like aiohttp's
/// `ClientTimeout(total=...)`, and `connect_timeout` for the connection
/// alone. Without them a request to a server that never answers waits
/// forever.
pub fn client_with_timeouts(
    total: Duration,
    connect: Duration,
) -> reqwest::Result<Client> {
    Client::builder()
        .timeout(total)
        .connect_timeout(connect)
        .build()
}

/// One request with its own, shorter limit: `RequestBuilder::timeout`
/// overrides the client's for this request only.
pub async fn get_within(
    client: &Client,
    url: &str,
    limit: Duration,
) -> reqwest::Result<String> {
    client
        .get(url)
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .text()
        .await
}
// ANCHOR_END: timeouts

// ANCHOR: status_is_not_an_error
/// The status of `GET url`: a 500 comes back as `Ok(500)`, because without
/// `error_for_status` reqwest treats any answer as a success.
pub async fn status_of(client: &Client, url: &str) -> reqwest::Result<u16> {
    Ok(client.get(url).send().await?.status().as_u16())
}
// ANCHOR_END: status_is_not_an_error

/// A URL on 127.0.0.1 where nothing listens: a port the OS handed out and
/// took back. Connecting to it is refused at once.
pub async fn closed_port_url() -> std::io::Result<String> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    drop(listener);
    Ok(format!("http://{addr}/json"))
}
